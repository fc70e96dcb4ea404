#pragma once

#include <QDateTime>
#include <QString>

namespace lt {

// What a member's wallet pass shows, the same in Apple Wallet and Google Wallet: the card as a barcode, the balance,
// the member's name and tier.
struct MemberPassContent
{
    qint64 memberId = 0;
    QString passId; // stable and URL-safe for the member (passIdFor): Apple's serial number, Google's object suffix
    QString storeName;
    QString cardNumber; // the EAN-13 card number (CardNumber)
    QString memberName; // empty when the member gave none
    qint64 balance = 0;
    QString pointsLabel; // the program's word for points ("Points")
    QString tier; // empty when the program has no tiers

    // "m42-" and twelve hex digits of a hash of the member's id and enrollment time: the same for the member on
    // every till of the store, and not the same for member 42 of a store started again (a wallet keeps a pass by
    // its id, so a reused id would show another person's card).
    static QString passIdFor(qint64 memberId, const QDateTime& enrolledAt);
};

} // namespace lt
