#pragma once

#include "core/common/Result.h"

#include <QCoreApplication>
#include <QString>

namespace lt {

// The Square token of a kiosk till as an encrypted systemd credential. IT writes it once, as root: the token goes
// on standard input (never the command line) to `systemd-creds encrypt`, which seals it with the machine's key (and
// its TPM when there is one) into /etc/loyaltytill/credentials/square-token.cred. The till's unit loads it with
// LoadCredentialEncrypted=, so systemd decrypts it into the service's own $CREDENTIALS_DIRECTORY (unswappable
// memory only that service can read), which is the one place it is read from: never a plain file anywhere else.
class SystemdCredential
{
    Q_DECLARE_TR_FUNCTIONS(SystemdCredential)

public:
    static constexpr const char* Name = "square-token"; // the credential's name in the unit and the sealed file
    static constexpr const char* UnitOption =
        "LoadCredentialEncrypted=square-token:/etc/loyaltytill/credentials/square-token.cred";

    struct Options
    {
        QString sealedFile; // where `encrypt` writes; its folder is made 0700
        QString withKey = {}; // systemd-creds --with-key (host, tpm2, ...); empty: systemd's own choice
        QString tool = QStringLiteral("systemd-creds");
    };
    // The configuration folder's credentials/square-token.cred (/etc/loyaltytill unless LOYALTYTILL_CONFIG_DIR).
    static QString defaultSealedFile();

    SystemdCredential();
    explicit SystemdCredential(Options options);

    // The token systemd decrypted for this service: $CREDENTIALS_DIRECTORY/square-token, read when asked.
    Result<QString> read() const;
    // Seals the token into the sealed file (root only); the running till reads it when its service starts again.
    Result<void> write(const QString& token) const;
    // Deletes the sealed file (root only); nothing to delete is fine.
    Result<void> remove() const;

    const Options& options() const { return m_options; }

private:
    Result<void> requireRoot(const QString& what) const;

    Options m_options;
};

} // namespace lt
