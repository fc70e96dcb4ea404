#include "ui/printing/PrintSupportLock.h"

namespace lt::ui {

PrintSupportLock::PrintSupportLock()
    : m_locker(&processWideMutex())
{
}

QMutex& PrintSupportLock::processWideMutex()
{
    // One for the process, like the plugin it guards.
    static QMutex mutex;
    return mutex;
}

} // namespace lt::ui
