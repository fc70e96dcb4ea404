#pragma once

#include "core/domain/TargetedOffer.h"
#include "core/services/SegmentService.h"

#include <QDate>
#include <QMetaType>
#include <QString>

#include <optional>

namespace lt::ui {

// What the till learns about a member beyond the balance, read off the event loop: today's segment and the action
// it suggests, and the targeted offer the member is shown today.
struct MemberInsight
{
    qint64 memberId = 0;
    QDate day; // the local day it was read for: segments move from one day to the next
    SegmentOutlook segment;
    // OfferService::offerFor: none for a member held out, and once the offer is used, over or ended.
    std::optional<TargetedOffer> offer;
    QString offerDescription; // OfferService::describe, in the user's language
};

} // namespace lt::ui

Q_DECLARE_METATYPE(lt::ui::MemberInsight)
