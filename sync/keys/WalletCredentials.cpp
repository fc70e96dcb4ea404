#include "sync/keys/WalletCredentials.h"

#include "core/common/ProcessIdentity.h"
#include "sync/keys/WalletKeyStore.h"

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace lt {

namespace {

// A wallet key is a few kilobytes (a service account's JSON, a PEM certificate or key).
constexpr qint64 MaxKeyBytes = 64 * 1024;

bool runsAsRoot()
{
#ifdef Q_OS_UNIX
    return ::geteuid() == 0;
#else
    return false;
#endif
}

} // namespace

QString WalletCredentials::nameOf(WalletKeyEntry entry)
{
    switch (entry) {
    case WalletKeyEntry::GoogleServiceAccount:
        return QStringLiteral("wallet-google-service-account");
    case WalletKeyEntry::AppleCertificate:
        return QStringLiteral("wallet-apple-certificate");
    case WalletKeyEntry::ApplePrivateKey:
        return QStringLiteral("wallet-apple-private-key");
    case WalletKeyEntry::AppleWwdr:
        break;
    }
    return QStringLiteral("wallet-apple-wwdr");
}

WalletCredentials::WalletCredentials()
    : WalletCredentials(Options {SystemdCredential::defaultFolder()})
{
}

WalletCredentials::WalletCredentials(Options options)
    : m_options(std::move(options))
{
}

SystemdCredential WalletCredentials::credential(WalletKeyEntry entry) const
{
    const QString name = nameOf(entry);
    return SystemdCredential({m_options.folder + QLatin1Char('/') + name + QStringLiteral(".cred"), m_options.withKey,
                              m_options.tool, name, QStringLiteral("loyaltytill-admin wallet keys"), MaxKeyBytes});
}

bool WalletCredentials::insideService()
{
    return !SystemdCredential::serviceFolder().isEmpty();
}

Result<WalletKeys> WalletCredentials::load() const
{
    if (!insideService())
        return Error::notFound(tr("This till keeps the store's wallet keys in encrypted systemd credentials "
                                  "(square.token_store = systemd-credential), which only the till's service "
                                  "(loyaltytill-kiosk.service) opens when it starts."));
    WalletKeys keys;
    for (const WalletKeyEntry entry : WalletKeyStore::allEntries()) {
        const SystemdCredential credential = this->credential(entry);
        auto bytes = credential.readBytes();
        if (bytes)
            WalletKeyStore::part(keys, entry) = *bytes;
        else if (bytes.error().kind != ErrorKind::NotFound || !credential.given())
            return bytes.error(); // a unit that does not load it says which line it lacks
        // Given but blank: the unit's fallback, a key not sealed.
    }
    return keys;
}

Result<void> WalletCredentials::store(const WalletKeys& keys) const
{
    WalletKeys copy = keys;
    for (const WalletKeyEntry entry : WalletKeyStore::allEntries()) {
        if (const QByteArray& secret = WalletKeyStore::part(copy, entry); !secret.isEmpty())
            LT_TRY(credential(entry).seal(secret));
    }
    return {};
}

Result<void> WalletCredentials::remove(const QList<WalletKeyEntry>& entries) const
{
    for (const WalletKeyEntry entry : entries)
        LT_TRY(credential(entry).remove());
    return {};
}

Result<QList<WalletKeyEntry>> WalletCredentials::sealedEntries() const
{
    // To anyone else the folder is closed, and "nothing sealed" would be a false alarm.
    if (!ProcessIdentity::startedAsRoot() && !runsAsRoot())
        return Error::refused(tr("Only root sees the sealed wallet keys in %1: run the command again as root (sudo).")
                                  .arg(m_options.folder));
    QList<WalletKeyEntry> sealed;
    for (const WalletKeyEntry entry : WalletKeyStore::allEntries()) {
        if (credential(entry).sealed())
            sealed << entry;
    }
    return sealed;
}

} // namespace lt
