#pragma once

#include <QCoreApplication>

namespace lt {

// The till and the admin CLI share one identity, so both find the same data folder and settings.
inline void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QString());
    QCoreApplication::setApplicationName(QStringLiteral("loyaltytill"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LOYALTYTILL_VERSION));
}

} // namespace lt
