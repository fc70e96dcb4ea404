// Square's loyalty events, as calls that create them answer and as SearchLoyaltyEvents pages them: every event read
// has its id, type, account and time, and fits the store as it keeps events.
#include "sync/square/LoyaltyJson.h"
#include "tests/fuzz/FuzzSupport.h"

using namespace lt;
using lt::fuzz::require;

namespace {
void checkEvent(const SquareEvent& event)
{
    require(!event.id.isEmpty() && !event.type.isEmpty() && !event.accountId.isEmpty() && !event.createdAt.isEmpty(),
            "an event has its id, type, account and time", event.id);
    const SquareEventStore::Event stored = event.stored();
    require(stored.id == event.id && stored.points == event.points, "an event is stored as read", event.id);
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::setUpQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto answer = fuzz::objectOf(data, size);
    if (!answer)
        return 0;
    const SquareEvents created = LoyaltyJson::createdEvents(*answer);
    for (const SquareEvent& event : created.events)
        checkEvent(event);
    for (const QString& why : created.unusable)
        require(!why.isEmpty(), "an unusable event says why");
    if (const auto page = LoyaltyJson::eventPage(*answer); page) {
        for (const SquareEvent& event : page->events)
            checkEvent(event);
    } else {
        require(page.error().kind == SquareError::Kind::Malformed, "a bad event page is malformed");
    }
    return 0;
}
