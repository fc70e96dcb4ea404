#include "sync/keys/WalletKeyStore.h"

#include "sync/keys/KeychainJob.h"
#include "sync/square/CredentialStore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <qt6keychain/keychain.h>

#include <memory>
#include <optional>

namespace lt {

namespace {

Error walletKeychainError(const QKeychain::Job& job)
{
    // The job's message describes the keychain backend; it never contains the secret.
    return Error::storage(
        QCoreApplication::translate("WalletKeyStore", "The keychain refused: %1").arg(job.errorString()));
}

// One keychain job per entry, one after another (the Secret Service answers each in turn anyway), then `finish`.
struct Sequence
{
    QObject* context = nullptr; // answers an empty sequence from the event loop, as the keychain would
    QList<WalletKeyStore::Entry> entries;
    qsizetype next = 0;
    std::function<void(WalletKeyStore::Entry, std::function<void(std::optional<Error>)>)> step;
    std::function<void(std::optional<Error>)> finish;

    static void run(const std::shared_ptr<Sequence>& sequence)
    {
        if (sequence->entries.isEmpty()) {
            QMetaObject::invokeMethod(
                sequence->context, [sequence] { sequence->finish(std::nullopt); }, Qt::QueuedConnection);
            return;
        }
        if (sequence->next == sequence->entries.size()) {
            sequence->finish(std::nullopt);
            return;
        }
        const WalletKeyStore::Entry entry = sequence->entries.at(sequence->next++);
        sequence->step(entry, [sequence](std::optional<Error> error) {
            if (error)
                sequence->finish(std::move(error));
            else
                run(sequence);
        });
    }
};

template<typename T, typename Start>
Result<T> waitFor(Start start)
{
    QEventLoop loop;
    std::optional<Result<T>> result;
    start([&](Result<T> r) {
        result.emplace(std::move(r));
        loop.quit();
    });
    if (!result)
        loop.exec();
    return *result;
}

} // namespace

WalletKeyStore::WalletKeyStore(QString service, QObject* parent)
    : QObject(parent)
    , m_service(std::move(service))
{
    // One setting says where this till keeps its secrets: the wallet keys go where the Square token goes.
    if (CredentialStore::configuredKind() == CredentialStore::Kind::SystemdCredential)
        m_credentials.emplace();
}

WalletKeyStore::WalletKeyStore(WalletCredentials credentials, QObject* parent)
    : QObject(parent)
    , m_credentials(std::move(credentials))
{
}

template<typename T>
void WalletKeyStore::answerLater(std::function<void(Result<T>)> done, Result<T> result)
{
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result = std::move(result)] { done(result); }, Qt::QueuedConnection);
}

QList<WalletKeyStore::Entry> WalletKeyStore::allEntries()
{
    return {Entry::GoogleServiceAccount, Entry::AppleCertificate, Entry::ApplePrivateKey, Entry::AppleWwdr};
}

QList<WalletKeyStore::Entry> WalletKeyStore::appleEntries()
{
    return {Entry::AppleCertificate, Entry::ApplePrivateKey, Entry::AppleWwdr};
}

QString WalletKeyStore::keyFor(Entry entry)
{
    switch (entry) {
    case Entry::GoogleServiceAccount:
        return QStringLiteral("wallet/google/service-account");
    case Entry::AppleCertificate:
        return QStringLiteral("wallet/apple/certificate");
    case Entry::ApplePrivateKey:
        return QStringLiteral("wallet/apple/private-key");
    case Entry::AppleWwdr:
        break;
    }
    return QStringLiteral("wallet/apple/wwdr-certificate");
}

QByteArray& WalletKeyStore::part(WalletKeys& keys, Entry entry)
{
    switch (entry) {
    case Entry::GoogleServiceAccount:
        return keys.googleServiceAccount;
    case Entry::AppleCertificate:
        return keys.appleCertificate;
    case Entry::ApplePrivateKey:
        return keys.applePrivateKey;
    case Entry::AppleWwdr:
        break;
    }
    return keys.appleWwdr;
}

void WalletKeyStore::load(LoadCallback done)
{
    if (m_credentials)
        return answerLater(std::move(done), m_credentials->load());
    auto keys = std::make_shared<WalletKeys>();
    auto sequence = std::make_shared<Sequence>();
    sequence->context = this;
    sequence->entries = allEntries();
    sequence->step = [this, keys](Entry entry, std::function<void(std::optional<Error>)> next) {
        auto* job = preparedKeychainJob(new QKeychain::ReadPasswordJob(m_service), keyFor(entry));
        connect(job, &QKeychain::Job::finished, this, [keys, entry, next = std::move(next)](QKeychain::Job* finished) {
            if (finished->error() == QKeychain::NoError)
                part(*keys, entry) = static_cast<QKeychain::ReadPasswordJob*>(finished)->binaryData();
            else if (finished->error() != QKeychain::EntryNotFound)
                return next(walletKeychainError(*finished));
            next(std::nullopt);
        });
        job->start();
    };
    sequence->finish = [keys, done = std::move(done)](std::optional<Error> error) {
        if (error)
            done(*error);
        else
            done(*keys);
    };
    Sequence::run(sequence);
}

void WalletKeyStore::store(const WalletKeys& keys, WriteCallback done)
{
    if (m_credentials)
        return answerLater(std::move(done), m_credentials->store(keys));
    auto sequence = std::make_shared<Sequence>();
    sequence->context = this;
    WalletKeys copy = keys;
    for (const Entry entry : allEntries()) {
        if (!part(copy, entry).isEmpty())
            sequence->entries << entry;
    }
    sequence->step = [this, copy](Entry entry, std::function<void(std::optional<Error>)> next) mutable {
        auto* job = preparedKeychainJob(new QKeychain::WritePasswordJob(m_service), keyFor(entry));
        job->setBinaryData(part(copy, entry));
        connect(job, &QKeychain::Job::finished, this, [next = std::move(next)](QKeychain::Job* finished) {
            next(finished->error() == QKeychain::NoError ? std::nullopt
                                                         : std::optional<Error>(walletKeychainError(*finished)));
        });
        job->start();
    };
    sequence->finish = [done = std::move(done)](std::optional<Error> error) {
        if (error)
            done(*error);
        else
            done({});
    };
    Sequence::run(sequence);
}

void WalletKeyStore::remove(const QList<Entry>& entries, WriteCallback done)
{
    if (m_credentials)
        return answerLater(std::move(done), m_credentials->remove(entries));
    auto sequence = std::make_shared<Sequence>();
    sequence->context = this;
    sequence->entries = entries;
    sequence->step = [this](Entry entry, std::function<void(std::optional<Error>)> next) {
        auto* job = preparedKeychainJob(new QKeychain::DeletePasswordJob(m_service), keyFor(entry));
        connect(job, &QKeychain::Job::finished, this, [next = std::move(next)](QKeychain::Job* finished) {
            const bool gone = finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound;
            next(gone ? std::nullopt : std::optional<Error>(walletKeychainError(*finished)));
        });
        job->start();
    };
    sequence->finish = [done = std::move(done)](std::optional<Error> error) {
        if (error)
            done(*error);
        else
            done({});
    };
    Sequence::run(sequence);
}

Result<WalletKeys> WalletKeyStore::loadNow()
{
    return waitFor<WalletKeys>([this](LoadCallback done) { load(std::move(done)); });
}

Result<void> WalletKeyStore::storeNow(const WalletKeys& keys)
{
    return waitFor<void>([this, &keys](WriteCallback done) { store(keys, std::move(done)); });
}

Result<void> WalletKeyStore::removeNow(const QList<Entry>& entries)
{
    return waitFor<void>([this, &entries](WriteCallback done) { remove(entries, std::move(done)); });
}

} // namespace lt
