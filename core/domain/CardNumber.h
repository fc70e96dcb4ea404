#pragma once

#include "core/common/Result.h"

#include <QString>

namespace lt {

// The store's own loyalty cards carry EAN-13 barcodes in the GS1 restricted-circulation range (prefix "29"),
// which every retail scanner reads and which never collides with a product's GTIN:
//   29 + a 10-digit serial + the EAN-13 check digit.
class CardNumber
{
public:
    static constexpr int Length = 13;
    static inline const QString Prefix = QStringLiteral("29");

    // Accepts the digits with optional spaces or hyphens, as printed under the barcode.
    static Result<QString> validate(const QString& input);
    // True when the text has the shape of a card (13 digits with our prefix), whatever its check digit.
    static bool looksLikeCard(const QString& input);
    static QString fromSerial(qint64 serial);
    static int checkDigit(const QString& first12Digits);
    static QString stripSeparators(const QString& input);
};

} // namespace lt
