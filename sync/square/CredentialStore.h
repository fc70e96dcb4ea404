#pragma once

#include "core/common/Result.h"

#include <QObject>
#include <QString>

#include <functional>

namespace lt {

// The Square access token in the platform keychain (the Secret Service on Linux), one entry per environment and
// location. Never a plaintext fallback: the token is not written to settings, the store, logs or messages.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    using ReadCallback = std::function<void(Result<QString>)>;
    using WriteCallback = std::function<void(Result<void>)>;

    explicit CredentialStore(QString service = QStringLiteral("LoyaltyTill"), QObject* parent = nullptr);

    static QString keyFor(const QString& environment, const QString& locationId);

    void readToken(const QString& environment, const QString& locationId, ReadCallback done);
    void writeToken(const QString& environment, const QString& locationId, const QString& token, WriteCallback done);
    void removeToken(const QString& environment, const QString& locationId, WriteCallback done);

    // Blocking forms for the admin CLI: they run a local event loop until the keychain answers.
    Result<QString> readTokenNow(const QString& environment, const QString& locationId);
    Result<void> writeTokenNow(const QString& environment, const QString& locationId, const QString& token);
    Result<void> removeTokenNow(const QString& environment, const QString& locationId);

private:
    QString m_service;
};

} // namespace lt
