#pragma once

#include "sync/square/LoyaltyJson.h"
#include "sync/square/SquareResult.h"

#include <functional>

namespace lt {

class SquareLoyaltyApi;

// Reads one SearchLoyaltyEvents query through every cursor page, newest first as Square answers, each cursor sent
// with the very filter it came from (as Square requires). The pull and the search for an operation Square already
// applied both read events this way. A walk longer than MaxPages is refused rather than followed for ever.
class SquareEventPager
{
public:
    static constexpr int MaxPages = 20000; // 600,000 events: far beyond any store's history

    // Takes one page; false ends the walk early, `done` is then not called (the handler said why).
    using PageHandler = std::function<bool(const QList<SquareEvent>& events)>;
    // Every page was read, or why not.
    using Done = std::function<void(const SquareResult<void>& walked)>;

    static void walk(SquareLoyaltyApi& api, const SquareEventFilter& filter, PageHandler page, Done done);
};

} // namespace lt
