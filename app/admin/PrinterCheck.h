#pragma once

#include "core/services/CheckResult.h"

namespace lt::admin {

// The doctor's printer check (Qt PrintSupport, linked by the admin tool alone): a default printer, or at least
// one, as CUPS lists them; none is a warning, since a till works without one.
class PrinterCheck
{
public:
    static CheckResult run();
    static CheckResult judge(const QString& defaultPrinter, const QStringList& printers);
};

} // namespace lt::admin
