#pragma once

#include "core/services/SegmentService.h"

#include <QDate>
#include <QMetaType>

namespace lt::ui {

// What the till learns about a member beyond the balance, read off the event loop: today's segment and the action
// it suggests. Meant to grow with what else the member panel says of a member (an offer made to them, for one).
struct MemberInsight
{
    qint64 memberId = 0;
    QDate day; // the local day it was read for: segments move from one day to the next
    SegmentOutlook segment;
};

} // namespace lt::ui

Q_DECLARE_METATYPE(lt::ui::MemberInsight)
