#pragma once

#include "core/common/Result.h"

#include <QList>
#include <QString>

#include "bench/LatencySample.h"

namespace lt {
class LoyaltyEngine;
}

namespace lt::bench {

// What one loyalty slip costs the till's GUI thread, step by step, timed outside the window on sales recorded for
// the members given: making the slip from the recorded sale (TillPrinting::recorded, inside the sale's key-to-screen
// time) and the till's printer settings read for it (TillPrinting::prepareQueue, likewise), and the print queue's step
// when the slip's turn comes (its rows, its ESC/POS bytes, the transport); then the rows and bytes alone, in the
// default code page and as an image-only slip (slip.code_page = image).
struct SlipWorkCost
{
    LatencySample make;
    LatencySample readSetup;
    LatencySample queueStep;
    LatencySample encode;
    LatencySample encodeAsImage;
    qint64 bytes = 0; // of the last slip, encoded in the default code page
    qint64 imageBytes = 0; // of the same slip as images

    // Records a sale for each member, under receipt numbers `receipts` followed by a count.
    static Result<SlipWorkCost> measure(LoyaltyEngine& engine, qint64 cashierId, const QList<qint64>& members,
                                        const QString& receipts);
};

} // namespace lt::bench
