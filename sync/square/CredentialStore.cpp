#include "sync/square/CredentialStore.h"

#include "core/settings/TillSettings.h"
#include "sync/keys/KeychainJob.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <qt6keychain/keychain.h>

#include <optional>

namespace lt {

namespace {

// The job's own text describes the keychain backend and never contains the secret; it follows in parentheses for IT.
Error tokenKeychainError(const QKeychain::Job& job)
{
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        return Error::notFound(
            QCoreApplication::translate("CredentialStore", "No Square access token is stored for this location."));
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Error::storage(QCoreApplication::translate(
                                  "CredentialStore",
                                  "The system keychain (Secret Service) is locked or refused access to the Square "
                                  "access token. Unlock it (log in to the till's desktop session again) and try "
                                  "again. (%1)")
                                  .arg(job.errorString()));
    case QKeychain::CouldNotDeleteEntry:
        return Error::storage(QCoreApplication::translate(
                                  "CredentialStore",
                                  "The system keychain (Secret Service) could not remove the Square access token. (%1)")
                                  .arg(job.errorString()));
    default:
        // Through libsecret, a session without a D-Bus bus or keychain daemon ("Cannot autolaunch D-Bus without X11
        // $DISPLAY") arrives as OtherError or NoBackendAvailable: the keychain is not there to ask.
        return Error::storage(
            QCoreApplication::translate(
                "CredentialStore",
                "The system keychain (Secret Service) is not running or cannot be reached in this session, so the "
                "Square access token cannot be read or stored. Log in to the till's desktop session, or start and "
                "unlock the keychain; on a kiosk till, keep the token in the systemd credential instead "
                "(square.token_store = systemd-credential, see \"Kiosk tills\" in the README). (%1)")
                .arg(job.errorString()));
    }
}

} // namespace

CredentialStore::Kind CredentialStore::configuredKind()
{
    return TillSettings().value(QStringLiteral("square.token_store")) == QLatin1String("systemd-credential")
        ? Kind::SystemdCredential
        : Kind::Keychain;
}

CredentialStore::CredentialStore(QString service, QObject* parent)
    : QObject(parent)
    , m_service(std::move(service))
{
    if (configuredKind() == Kind::SystemdCredential)
        m_credential.emplace();
}

CredentialStore::CredentialStore(SystemdCredential credential, QObject* parent)
    : QObject(parent)
    , m_credential(std::move(credential))
{
}

template<typename T>
void CredentialStore::answerLater(std::function<void(Result<T>)> done, Result<T> result)
{
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result = std::move(result)] { done(result); }, Qt::QueuedConnection);
}

QString CredentialStore::keyFor(const QString& environment, const QString& locationId)
{
    return QStringLiteral("square-access-token/") + environment + QLatin1Char('/') + locationId;
}

void CredentialStore::readToken(const QString& environment, const QString& locationId, ReadCallback done)
{
    if (m_credential)
        return answerLater(std::move(done), m_credential->read()); // one token per machine: no environment or location
    auto* job = preparedKeychainJob(new QKeychain::ReadPasswordJob(m_service), keyFor(environment, locationId));
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job* finished) {
        if (finished->error() != QKeychain::NoError) {
            done(tokenKeychainError(*finished));
            return;
        }
        done(static_cast<QKeychain::ReadPasswordJob*>(finished)->textData());
    });
    job->start();
}

void CredentialStore::writeToken(const QString& environment, const QString& locationId, const QString& token,
                                 WriteCallback done)
{
    if (token.trimmed().isEmpty()) {
        done(Error::invalid(QCoreApplication::translate("CredentialStore", "The access token is empty."),
                            QStringLiteral("token")));
        return;
    }
    if (m_credential)
        return answerLater(std::move(done), m_credential->write(token));
    auto* job = preparedKeychainJob(new QKeychain::WritePasswordJob(m_service), keyFor(environment, locationId));
    job->setTextData(token.trimmed());
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job* finished) {
        if (finished->error() != QKeychain::NoError)
            done(tokenKeychainError(*finished));
        else
            done({});
    });
    job->start();
}

void CredentialStore::removeToken(const QString& environment, const QString& locationId, WriteCallback done)
{
    if (m_credential)
        return answerLater(std::move(done), m_credential->remove());
    auto* job = preparedKeychainJob(new QKeychain::DeletePasswordJob(m_service), keyFor(environment, locationId));
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job* finished) {
        if (finished->error() != QKeychain::NoError && finished->error() != QKeychain::EntryNotFound)
            done(tokenKeychainError(*finished));
        else
            done({});
    });
    job->start();
}

Result<QString> CredentialStore::readTokenNow(const QString& environment, const QString& locationId)
{
    QEventLoop loop;
    std::optional<Result<QString>> result;
    readToken(environment, locationId, [&](Result<QString> r) {
        result.emplace(std::move(r));
        loop.quit();
    });
    if (!result)
        loop.exec();
    return *result;
}

Result<void> CredentialStore::writeTokenNow(const QString& environment, const QString& locationId, const QString& token)
{
    QEventLoop loop;
    std::optional<Result<void>> result;
    writeToken(environment, locationId, token, [&](Result<void> r) {
        result.emplace(std::move(r));
        loop.quit();
    });
    if (!result)
        loop.exec();
    return *result;
}

Result<void> CredentialStore::removeTokenNow(const QString& environment, const QString& locationId)
{
    QEventLoop loop;
    std::optional<Result<void>> result;
    removeToken(environment, locationId, [&](Result<void> r) {
        result.emplace(std::move(r));
        loop.quit();
    });
    if (!result)
        loop.exec();
    return *result;
}

} // namespace lt
