#pragma once

#include "sync/square/SquareError.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace lt {

// The answer to one logical Square call, after every retry it took.
struct SquareReply
{
    bool ok = false;
    int httpStatus = 0;
    QJsonObject body; // the parsed body on success
    QByteArray rawBody; // instead of `body`, when the caller parses a success itself (SquareClient::postRaw)
    SquareError error; // meaningful when !ok
    int attempts = 0;
};

// What the typed Loyalty API needs to reach Square: one logical call in, one reply out, exactly once, on the
// caller's thread. SquareClient speaks HTTP itself; RelayedSquareClient hands the call to a SquareClient on another
// thread, so that sync's database work can run off the thread that owns the network.
class SquareTransport
{
public:
    using Callback = std::function<void(const SquareReply&)>;

    virtual ~SquareTransport() = default;
    virtual void post(const QString& path, const QJsonObject& body, Callback done) = 0;
    virtual void get(const QString& path, Callback done) = 0;

protected:
    SquareTransport() = default;
    SquareTransport(const SquareTransport&) = default;
    SquareTransport& operator=(const SquareTransport&) = default;
};

} // namespace lt
