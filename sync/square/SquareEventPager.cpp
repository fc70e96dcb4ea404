#include "sync/square/SquareEventPager.h"

#include "sync/square/SquareLoyaltyApi.h"

#include <memory>

namespace lt {

namespace {
struct Walk
{
    SquareLoyaltyApi& api;
    SquareEventFilter filter;
    SquareEventPager::PageHandler page;
    SquareEventPager::Done done;
    int pages = 0;
};

void readPage(const std::shared_ptr<Walk>& walk, const QString& cursor)
{
    // The request in flight holds the walk; nothing else does.
    walk->api.searchEvents(walk->filter, cursor, [walk](const SquareResult<SquareEventPage>& page) {
        if (!page) {
            walk->done(page.error());
            return;
        }
        if (!walk->page(page->events))
            return;
        if (page->cursor.isEmpty()) {
            walk->done({});
            return;
        }
        if (++walk->pages >= SquareEventPager::MaxPages) {
            walk->done(SquareError::malformed(QStringLiteral("Square kept sending pages of events; reading stopped "
                                                             "after %1.")
                                                  .arg(SquareEventPager::MaxPages)));
            return;
        }
        readPage(walk, page->cursor);
    });
}
} // namespace

void SquareEventPager::walk(SquareLoyaltyApi& api, const SquareEventFilter& filter, PageHandler page, Done done)
{
    readPage(std::make_shared<Walk>(Walk {api, filter, std::move(page), std::move(done)}), QString());
}

} // namespace lt
