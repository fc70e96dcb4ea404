#pragma once

#include <QMutex>

namespace lt::ui {

// Qt's print support is not made for several threads at once: QPlatformPrinterSupportPlugin::get() loads the CUPS
// plugin into an unguarded static on first use (and registers its clean-up), and QPrinterInfo and QPrinter call
// through it into libcups. Slips (PagePrinterTransport) and member cards (CardPrinter) are printed on worker threads,
// so every use of QPrinterInfo or QPrinter there holds this one lock, taken before the first call and released after
// the last QPrinter is gone: two jobs never load or use the plugin at the same moment. A second job waits for the
// first on its worker thread. The GUI thread never prints and never takes it, so it never waits for CUPS.
class PrintSupportLock
{
    Q_DISABLE_COPY_MOVE(PrintSupportLock)
public:
    PrintSupportLock();
    ~PrintSupportLock() = default;

private:
    static QMutex& processWideMutex();

    QMutexLocker<QMutex> m_locker;
};

} // namespace lt::ui
