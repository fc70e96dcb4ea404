#pragma once

#include "sync/square/SquareResponse.h"
#include "sync/square/SquareTransport.h"

#include <QObject>

#include <memory>

namespace lt {

class SquareClient;

// Square reached through a SquareClient that lives on another thread (the one that owns the network access
// manager): each call is handed to it as a queued event, and its reply comes back as a queued event to the thread
// that made this object, so the caller's callbacks run where the caller lives. Replies that arrive after this object
// is gone are dropped; the calls they answer were idempotent and go again on the next pass. A success crosses as
// bytes and is parsed into JSON here, on the caller's thread, so that a large page of events costs the thread that
// owns the network (the till's) nothing but the copy.
class RelayedSquareClient final : public SquareTransport
{
public:
    // How a success's bytes become JSON on the caller's thread; tests observe it.
    using BodyReader = std::function<SquareResponse(int httpStatus, const QByteArray& raw)>;

    // On the thread whose callbacks it serves.
    explicit RelayedSquareClient(SquareClient& target, BodyReader readBody = &SquareResponse::parseSuccess);
    ~RelayedSquareClient() override;
    RelayedSquareClient(const RelayedSquareClient&) = delete;
    RelayedSquareClient& operator=(const RelayedSquareClient&) = delete;

    void post(const QString& path, const QJsonObject& body, Callback done) override;
    void get(const QString& path, Callback done) override;

private:
    struct Receiver;
    void relay(std::function<void(SquareClient&, Callback)> send, Callback done);

    SquareClient& m_target;
    BodyReader m_readBody;
    std::shared_ptr<Receiver> m_receiver; // shared with the calls in flight
};

} // namespace lt
