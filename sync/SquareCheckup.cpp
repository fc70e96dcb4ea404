#include "sync/SquareCheckup.h"

#include "core/common/ProcessIdentity.h"
#include "sync/square/CredentialStore.h"
#include "sync/square/SystemdCredential.h"

#include <QFileInfo>
#include <QUuid>

namespace lt {

namespace {
const QString TokenStoreId = QStringLiteral("keychain");
const QString SquareId = QStringLiteral("square");

bool inSystemdCredential(const CredentialStore& credentials)
{
    return credentials.kind() == CredentialStore::Kind::SystemdCredential;
}

QString tokenStoreTitle(const CredentialStore& credentials)
{
    return inSystemdCredential(credentials)
        ? QCoreApplication::translate("SquareCheckup", "Square token (systemd credential)")
        : QCoreApplication::translate("SquareCheckup", "Keychain");
}

QString tokenStoreFix(const CredentialStore& credentials)
{
    return inSystemdCredential(credentials)
        ? QCoreApplication::translate("SquareCheckup",
                                      "As root, seal the token with `loyaltytill-admin square connect --token-stdin` "
                                      "(systemd-creds encrypt), and run the till from loyaltytill-kiosk.service, "
                                      "whose LoadCredentialEncrypted= hands it over.")
        : QCoreApplication::translate("SquareCheckup",
                                      "Start and unlock the desktop's keyring (the Secret Service: GNOME Keyring or "
                                      "KWallet) in this user's session; a till without a desktop session keeps the "
                                      "token in a systemd credential (square.token_store = systemd-credential).");
}
} // namespace

SquareCheckup::SquareCheckup(CredentialStore& credentials, QNetworkAccessManager& network)
    : m_credentials(credentials)
    , m_network(network)
{
}

bool SquareCheckup::usesSystemdCredential()
{
    return CredentialStore::configuredKind() == CredentialStore::Kind::SystemdCredential;
}

bool SquareCheckup::sealedOutsideService(const CredentialStore& credentials)
{
    if (!inSystemdCredential(credentials) || !qEnvironmentVariableIsEmpty("CREDENTIALS_DIRECTORY"))
        return false;
    const ProcessIdentity::AsRoot root; // the sealed file's folder is root's alone
    return QFileInfo::exists(SystemdCredential::defaultSealedFile());
}

QList<CheckResult> SquareCheckup::runNow(const std::optional<SquareConnection>& connection)
{
    QString token;
    const CheckResult tokenStore = tokenStoreNow(connection, &token);
    return {tokenStore, squareNow(connection, token)};
}

CheckResult SquareCheckup::tokenStoreNow(const std::optional<SquareConnection>& connection, QString* token)
{
    const QString title = tokenStoreTitle(m_credentials);
    if (!connection) {
        if (inSystemdCredential(m_credentials))
            return CheckResult::ok(TokenStoreId, title,
                                   tr("The store is not connected to Square: there is no token to read yet."));
        return keychainRoundTrip();
    }
    if (sealedOutsideService(m_credentials))
        return CheckResult::ok(TokenStoreId, title,
                               tr("The sealed token %1 is there; only the till's service can open it.")
                                   .arg(SystemdCredential::defaultSealedFile()));
    auto read = m_credentials.readTokenNow(connection->environment, connection->locationId);
    if (!read) {
        const QString fix = read.error().kind == ErrorKind::NotFound
            ? tr("Connect again with the token: `loyaltytill-admin setup` or `square connect --token-stdin`.")
            : tokenStoreFix(m_credentials);
        return CheckResult::failed(TokenStoreId, title, read.error().message, fix);
    }
    if (token)
        *token = *read;
    return CheckResult::ok(
        TokenStoreId, title,
        inSystemdCredential(m_credentials)
            ? tr("The Square token for location %1 was read from the systemd credential.").arg(connection->locationId)
            : tr("The Square token for location %1 is in the keychain.").arg(connection->locationId));
}

CheckResult SquareCheckup::keychainRoundTrip()
{
    // A service of its own, so that the check can never touch a real token.
    CredentialStore probe(QStringLiteral("LoyaltyTill check-up"));
    const QString environment = QStringLiteral("check-up");
    const QString entry = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString secret = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // A warning only: nothing needs the keychain until the store is connected, but connecting would fail.
    const auto trouble = [&](const QString& found) {
        return CheckResult::warning(TokenStoreId, tokenStoreTitle(m_credentials), found, tokenStoreFix(m_credentials));
    };
    if (auto written = probe.writeTokenNow(environment, entry, secret); !written)
        return trouble(tr("The keychain did not store a test entry: %1").arg(written.error().message));
    auto read = probe.readTokenNow(environment, entry);
    const auto removed = probe.removeTokenNow(environment, entry);
    if (!read)
        return trouble(tr("The keychain did not give back a test entry: %1").arg(read.error().message));
    if (*read != secret)
        return trouble(tr("The keychain gave back another value than the test entry it stored."));
    if (!removed)
        return trouble(tr("The keychain did not delete a test entry: %1").arg(removed.error().message));
    return CheckResult::ok(TokenStoreId, tokenStoreTitle(m_credentials),
                           tr("The keychain stores, gives back and deletes an entry; the store is not connected to "
                              "Square yet."));
}

CheckResult SquareCheckup::notConnected()
{
    return CheckResult::warning(SquareId, tr("Square"),
                                tr("The store is not connected to Square: points stay in this store until it is."),
                                tr("Connect it with `loyaltytill-admin setup` (or `square connect --token-stdin`)."));
}

CheckResult SquareCheckup::squareNow(const std::optional<SquareConnection>& connection, const QString& token)
{
    if (!connection)
        return notConnected();
    if (token.isEmpty() && sealedOutsideService(m_credentials))
        return CheckResult::warning(SquareId, tr("Square"),
                                    tr("Square was not asked: outside the till's service its sealed token cannot be "
                                       "opened."),
                                    tr("Check as the till's service does: `systemd-run --pipe --wait -p "
                                       "User=loyaltytill -p %1 -E "
                                       "LOYALTYTILL_DATABASE=/var/lib/loyaltytill/loyaltytill.sqlite "
                                       "loyaltytill-admin doctor`.")
                                        .arg(QString::fromLatin1(SystemdCredential::UnitOption)));
    if (token.isEmpty())
        return CheckResult::failed(
            SquareId, tr("Square"),
            tr("Square was not asked: the token could not be read (see %1).").arg(tokenStoreTitle(m_credentials)),
            tokenStoreFix(m_credentials));
    auto environment = SquareEnvironment::parse(connection->environment);
    if (!environment)
        return CheckResult::failed(SquareId, tr("Square"), environment.error().message,
                                   tr("Connect again with `loyaltytill-admin square disconnect`, then `setup`."));
    return fromAnswer(SquareProbe::askNow(m_network, *environment, token, connection->locationId));
}

CheckResult SquareCheckup::fromAnswer(const SquareProbe::Answer& answer)
{
    const QString title = tr("Square");
    switch (answer.outcome) {
    case SquareProbe::Outcome::Ready:
        return CheckResult::ok(SquareId, title, answer.found());
    case SquareProbe::Outcome::RateLimited:
    case SquareProbe::Outcome::ServerError:
        return CheckResult::warning(SquareId, title, answer.found(), answer.fix());
    case SquareProbe::Outcome::Unreachable:
    case SquareProbe::Outcome::Unauthorized:
    case SquareProbe::Outcome::Forbidden:
    case SquareProbe::Outcome::NoProgram:
    case SquareProbe::Outcome::ProgramInactive:
    case SquareProbe::Outcome::UnknownLocation:
    case SquareProbe::Outcome::Refused:
        break;
    }
    return CheckResult::failed(SquareId, title, answer.found(), answer.fix());
}

} // namespace lt
