#pragma once

#include "core/analytics/CustomerHistory.h"

#include <QFile>
#include <QMap>
#include <QStringList>

// The CDNOW sample in tests/data/cdnow (see the README there): the 39-week calibration summary that the BG/NBD
// and Gamma-Gamma parameters were published on, and the purchases it was computed from.
namespace cdnow {

// The summary's customers in the file's order (ids 1 to 2357), in weeks and US dollars; empty if unreadable.
inline QMap<int, lt::CustomerHistory> summary()
{
    QMap<int, lt::CustomerHistory> customers;
    QFile file(QStringLiteral(LOYALTYTILL_CDNOW_DIR "/cdnow_customers_summary_with_transactions.csv"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return customers;
    file.readLine(); // ID,x,t_x,T,zbar
    while (!file.atEnd()) {
        const QStringList fields = QString::fromLatin1(file.readLine()).trimmed().split(QLatin1Char(','));
        if (fields.size() != 5)
            continue;
        customers.insert(
            fields[0].toInt(),
            lt::CustomerHistory {fields[1].toInt(), fields[2].toDouble(), fields[3].toDouble(), fields[4].toDouble()});
    }
    return customers;
}

// Every purchase of the sample by customer id: its day and its value in US dollars.
inline QMap<int, QList<lt::DatedPurchase>> purchases()
{
    QMap<int, QList<lt::DatedPurchase>> byCustomer;
    QFile file(QStringLiteral(LOYALTYTILL_CDNOW_DIR "/CDNOW_sample.txt"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return byCustomer;
    while (!file.atEnd()) {
        // " 00004 0001 19970101  2   29.33": master id, sample id, date, CDs, dollars.
        const QStringList fields = QString::fromLatin1(file.readLine()).simplified().split(QLatin1Char(' '));
        if (fields.size() != 5)
            continue;
        byCustomer[fields[1].toInt()].append(
            lt::DatedPurchase {QDate::fromString(fields[2], QStringLiteral("yyyyMMdd")), fields[4].toDouble()});
    }
    return byCustomer;
}

// The last day of the calibration period.
inline QDate calibrationEnd()
{
    return QDate(1997, 9, 30);
}

} // namespace cdnow
