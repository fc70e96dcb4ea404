#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace lt {

struct Member
{
    qint64 id = 0;
    QString phone; // E.164; empty once the member's personal data is erased
    QString card; // the newest card, empty when none was issued
    QString name;
    QString email;
    QDate birthday;
    bool marketingConsent = false;
    QDateTime consentAt;
    QString consentVersion;
    QDateTime enrolledAt;
    qint64 balance = 0;
    qint64 lifetimePoints = 0;
    QString tier; // the member tier held (the program's first tier until an evaluation or a sale raises it)
    QDateTime lastVisitAt; // the last purchase, here or at another till of the store
    qint64 referredBy = 0; // the member who brought this one in, 0 for none
    QString squareAccountId;
    bool erased = false;
    QDateTime erasedAt; // when the personal data was erased; invalid while the member is in the program
};

} // namespace lt
