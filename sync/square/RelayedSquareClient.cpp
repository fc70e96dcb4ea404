#include "sync/square/RelayedSquareClient.h"

#include "sync/SyncLogging.h"
#include "sync/square/SquareClient.h"

#include <QMutex>
#include <QMutexLocker>

namespace lt {

// Where replies go: a context object on the caller's thread, cleared under the lock when the relay goes, so that
// the client's thread never posts to an object being destroyed.
struct RelayedSquareClient::Receiver
{
    QMutex mutex;
    QObject* context = nullptr;
};

RelayedSquareClient::RelayedSquareClient(SquareClient& target, BodyReader readBody)
    : m_target(target)
    , m_readBody(std::move(readBody))
    , m_receiver(std::make_shared<Receiver>())
{
    m_receiver->context = new QObject;
}

RelayedSquareClient::~RelayedSquareClient()
{
    QObject* context = nullptr;
    {
        const QMutexLocker lock(&m_receiver->mutex);
        context = std::exchange(m_receiver->context, nullptr);
    }
    delete context; // and with it the replies posted to it and not yet delivered
}

void RelayedSquareClient::post(const QString& path, const QJsonObject& body, Callback done)
{
    relay([path, body](SquareClient& client, Callback answer) { client.postRaw(path, body, std::move(answer)); },
          std::move(done));
}

void RelayedSquareClient::get(const QString& path, Callback done)
{
    relay([path](SquareClient& client, Callback answer) { client.getRaw(path, std::move(answer)); }, std::move(done));
}

void RelayedSquareClient::relay(std::function<void(SquareClient&, Callback)> send, Callback done)
{
    SquareClient* target = &m_target;
    auto receiver = m_receiver;
    // Runs on this relay's thread, where the reply is delivered.
    auto deliver = [done = std::move(done), readBody = m_readBody](SquareReply reply) {
        if (reply.ok && !reply.rawBody.isEmpty()) {
            const SquareResponse parsed = readBody(reply.httpStatus, reply.rawBody);
            reply.ok = parsed.ok;
            reply.body = parsed.body;
            reply.error = parsed.error;
            reply.rawBody.clear();
            if (!reply.ok)
                qCInfo(lcSquare) << "an answer could not be read:" << reply.error.logSummary();
        }
        done(reply);
    };
    QMetaObject::invokeMethod(
        target,
        [target, receiver, send = std::move(send), deliver = std::move(deliver)] {
            {
                const QMutexLocker lock(&receiver->mutex);
                if (!receiver->context)
                    return; // the relay is gone: nobody waits for this call any more
            }
            send(*target, [receiver, deliver](const SquareReply& reply) {
                const QMutexLocker lock(&receiver->mutex);
                if (receiver->context)
                    QMetaObject::invokeMethod(
                        receiver->context, [deliver, reply] { deliver(reply); }, Qt::QueuedConnection);
            });
        },
        Qt::QueuedConnection);
}

} // namespace lt
