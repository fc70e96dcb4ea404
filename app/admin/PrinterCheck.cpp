#include "app/admin/PrinterCheck.h"

#include <QPrinterInfo>

namespace lt::admin {

CheckResult PrinterCheck::run()
{
    return judge(QPrinterInfo::defaultPrinterName(), QPrinterInfo::availablePrinterNames());
}

CheckResult PrinterCheck::judge(const QString& defaultPrinter, const QStringList& printers)
{
    const QString id = QStringLiteral("printer");
    const QString title = QStringLiteral("Printer");
    if (!defaultPrinter.isEmpty())
        return CheckResult::ok(id, title, QStringLiteral("The default printer is %1.").arg(defaultPrinter));
    if (!printers.isEmpty())
        return CheckResult::ok(
            id, title, QStringLiteral("No default printer; available: %1.").arg(printers.join(QStringLiteral(", "))));
    return CheckResult::warning(id, title, QStringLiteral("No printer is set up (CUPS lists none)."),
                                QStringLiteral("Add the printer in CUPS (http://localhost:631, or `lpadmin -p NAME -E "
                                               "-v URI -m everywhere`) and make it the default (`lpoptions -d "
                                               "NAME`)."));
}

} // namespace lt::admin
