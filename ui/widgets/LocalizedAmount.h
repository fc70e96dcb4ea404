#pragma once

#include "core/domain/Money.h"

#include <QLocale>

namespace lt::ui {

// Reads an amount as the cashier types it in their locale ("12,34" in Spain, "12.34" in the US, with optional
// digit grouping), and refuses the other locale's decimal separator instead of misreading it.
class LocalizedAmount
{
public:
    static Result<Money> parse(const QString& text, const QString& currency, const QLocale& locale = QLocale());
    static QString format(const Money& money, const QLocale& locale = QLocale());
};

} // namespace lt::ui
