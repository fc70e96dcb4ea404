#pragma once

#include "core/domain/Money.h"

#include <QList>
#include <QString>

namespace lt {

// One line of a sale, for item and category accrual rules and spend exclusions.
struct SaleLine
{
    QString itemVariationId;
    QString categoryId;
    qint64 quantity = 1;
    qint64 amountMinor = 0; // the line's total
};

// A completed sale as the register reports it.
struct Sale
{
    QString reference; // the register's receipt or order number: makes accrual idempotent
    Money total;
    QList<SaleLine> lines;
};

} // namespace lt
