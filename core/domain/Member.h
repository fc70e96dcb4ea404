#pragma once

#include <QDate>
#include <QDateTime>
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
    QString tier;
    QString squareAccountId;
    bool erased = false;
};

} // namespace lt
