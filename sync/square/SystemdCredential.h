#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace lt {

// A secret of a kiosk till as an encrypted systemd credential: the Square token (square-token), and the store's
// wallet keys beside it (sync/keys/WalletCredentials). IT writes it once, as root: the secret goes on standard input
// (never the command line) to `systemd-creds encrypt`, which seals it with the machine's key (and its TPM when there
// is one) into /etc/loyaltytill/credentials/NAME.cred. The till's unit loads it with LoadCredentialEncrypted=, so
// systemd decrypts it into the service's own $CREDENTIALS_DIRECTORY (unswappable memory only that service can read),
// which is the one place it is read from: never a plain file anywhere else.
class SystemdCredential
{
    Q_DECLARE_TR_FUNCTIONS(SystemdCredential)

public:
    static constexpr const char* Name = "square-token"; // the Square token's name in the unit and the sealed file
    static constexpr const char* UnitOption =
        "LoadCredentialEncrypted=square-token:/etc/loyaltytill/credentials/square-token.cred";

    struct Options
    {
        QString sealedFile; // where `encrypt` writes; its folder is made 0700
        QString withKey = {}; // systemd-creds --with-key (host, tpm2, ...); empty: systemd's own choice
        QString tool = QStringLiteral("systemd-creds");
        QString name = QString::fromLatin1(Name); // the credential's name, which systemd seals into it
        QString sealedBy = QStringLiteral("loyaltytill-admin square connect --token-stdin"); // for the messages
        qint64 maxBytes = 16 * 1024; // a Square token is about 64 characters; anything far bigger is not one
    };
    // The configuration folder's credentials/ (/etc/loyaltytill unless LOYALTYTILL_CONFIG_DIR).
    static QString defaultFolder();
    // The Square token's sealed file, credentials/square-token.cred in the configuration folder.
    static QString defaultSealedFile();
    // The unit's line that loads the credential `name`: LoadCredentialEncrypted=NAME:/etc/loyaltytill/...NAME.cred.
    static QString unitOptionFor(const QString& name);
    // The credentials systemd handed this process ($CREDENTIALS_DIRECTORY); empty outside such a service.
    static QString serviceFolder();

    SystemdCredential(); // the Square token
    explicit SystemdCredential(Options options);

    // The Square token systemd decrypted for this service: $CREDENTIALS_DIRECTORY/NAME, read when asked, trimmed.
    Result<QString> read() const;
    // The credential's bytes as systemd decrypted them. NotFound outside a service that loads it, when the service
    // was not given it, and when it is blank (a unit's SetCredential= fallback): given() tells these apart.
    Result<QByteArray> readBytes() const;
    // This process runs in a service that was given the credential (blank or not).
    bool given() const;

    // Seals the Square token into the sealed file (root only); the running till reads it when its service starts
    // again.
    Result<void> write(const QString& token) const;
    // Seals any secret (root only), as it is: bytes on the tool's standard input.
    Result<void> seal(const QByteArray& secret) const;
    // Deletes the sealed file (root only); nothing to delete is fine.
    Result<void> remove() const;
    // The sealed file is there (root reads its folder; false for anyone else).
    bool sealed() const;

    const Options& options() const { return m_options; }
    QString unitOption() const { return unitOptionFor(m_options.name); }

private:
    Result<void> requireRoot(const QString& what) const;

    Options m_options;
};

} // namespace lt
