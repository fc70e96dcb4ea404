#pragma once

#include "sync/square/SquareClient.h"

namespace lt::test {

// The client options of the sync tests against the fake Square: retries in milliseconds, so a test that meets a
// 429 or a dropped answer waits no longer than it must.
inline SquareClient::Options quickRetries(int maxAttempts)
{
    SquareClient::Options options;
    options.baseDelayMs = 5;
    options.maxDelayMs = 20;
    options.timeoutMs = 2000;
    options.maxAttempts = maxAttempts;
    return options;
}

} // namespace lt::test
