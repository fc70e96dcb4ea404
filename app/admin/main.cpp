#include "app/admin/CommandRegistry.h"
#include "core/common/ApplicationIdentity.h"

#include <QCoreApplication>
#include <QLoggingCategory>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    lt::setApplicationIdentity();
    // Errors reach the operator as messages; the log is for diagnosing (QT_LOGGING_RULES turns it on).
    QLoggingCategory::setFilterRules(QStringLiteral("loyaltytill.*.debug=false"));
    return lt::admin::CommandRegistry::dispatch(app.arguments());
}
