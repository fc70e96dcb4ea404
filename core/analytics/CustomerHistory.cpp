#include "core/analytics/CustomerHistory.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <map>

namespace lt {

Result<void> validateHistory(const CustomerHistory& history)
{
    if (history.frequency < 0 || !std::isfinite(history.recency) || !std::isfinite(history.age)
        || !std::isfinite(history.meanValue) || history.recency < 0 || history.age < 0)
        return Error::invalid(QCoreApplication::translate(
            "CustomerHistory", "A customer's purchase count and times must be numbers and not negative."));
    if (history.recency > history.age)
        return Error::invalid(
            QCoreApplication::translate("CustomerHistory",
                                        "A customer's last purchase (%1) comes after the end of the observation (%2).")
                .arg(history.recency)
                .arg(history.age));
    if (history.frequency == 0 && history.recency != 0)
        return Error::invalid(QCoreApplication::translate(
            "CustomerHistory", "A customer without a repeat purchase has a last purchase after the first."));
    return {};
}

Result<CustomerHistory> summarizePurchases(const QList<DatedPurchase>& purchases, QDate observationEnd,
                                           double daysPerUnit)
{
    if (!observationEnd.isValid() || !(daysPerUnit > 0) || !std::isfinite(daysPerUnit))
        return Error::invalid(QCoreApplication::translate(
            "CustomerHistory", "The end of the observation must be a date and the time unit more than zero days."));
    // The value of each day with a purchase, in the order of the days.
    std::map<qint64, double> days;
    for (const DatedPurchase& purchase : purchases) {
        if (!purchase.day.isValid() || !std::isfinite(purchase.value))
            return Error::invalid(
                QCoreApplication::translate("CustomerHistory", "A purchase has no valid date or value."));
        if (purchase.day <= observationEnd)
            days[purchase.day.toJulianDay()] += purchase.value;
    }
    if (days.empty())
        return Error::invalid(QCoreApplication::translate("CustomerHistory", "No purchase on or before %1.")
                                  .arg(observationEnd.toString(Qt::ISODate)));
    const qint64 first = days.begin()->first;
    const qint64 last = days.rbegin()->first;
    CustomerHistory history;
    history.frequency = static_cast<int>(days.size() - 1);
    history.recency = static_cast<double>(last - first) / daysPerUnit;
    history.age = static_cast<double>(observationEnd.toJulianDay() - first) / daysPerUnit;
    if (history.frequency > 0) {
        double repeatValue = 0;
        for (auto day = std::next(days.begin()); day != days.end(); ++day)
            repeatValue += day->second;
        history.meanValue = repeatValue / history.frequency;
    }
    return history;
}

} // namespace lt
