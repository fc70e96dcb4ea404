#pragma once

#include "core/common/Result.h"

#include <QDate>
#include <QList>

namespace lt {

// What the purchase models (BG/NBD, Gamma-Gamma) read of one customer, as `lifetimes` summarises it. Times are in
// the caller's unit, the same for every customer of one fit: weeks for the CDNOW sample, days at the till.
struct CustomerHistory
{
    int frequency = 0; // x: repeat purchases, i.e. days with a purchase after the first such day
    double recency = 0; // t_x: from the first purchase to the last one (0 when there is no repeat purchase)
    double age = 0; // T: from the first purchase to the end of the observation
    double meanValue = 0; // mean value of the repeat purchases' days, in money units (0 without repeat purchase)
};

// One purchase: its day and its value in money units (a sale's net value, say, in major units).
struct DatedPurchase
{
    QDate day;
    double value = 0;
};

// Units of the summaries and of the models' time: how many days make one unit.
inline constexpr double kDaysPerDay = 1.0;
inline constexpr double kDaysPerWeek = 7.0;

// Checks what `lifetimes` checks of a summary: counts and times finite and not negative, t_x <= T, t_x = 0 when x = 0.
Result<void> validateHistory(const CustomerHistory& history);

// One customer's summary from their purchases up to and including `observationEnd` (later ones are left out), as
// lifetimes.utils.summary_data_from_transaction_data computes it with freq 'D': purchases on one day count as one,
// worth their sum; x counts the days after the first; t_x and T run from the first day, in days / daysPerUnit; the
// mean value is that of the repeat days (the first day's value is left out). An error when no purchase is left.
Result<CustomerHistory> summarizePurchases(const QList<DatedPurchase>& purchases, QDate observationEnd,
                                           double daysPerUnit = kDaysPerDay);

} // namespace lt
