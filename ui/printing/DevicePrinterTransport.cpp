#include "ui/printing/DevicePrinterTransport.h"

#include "ui/printing/PrinterMessages.h"
#include "ui/printing/PrintingLogging.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QtConcurrent/QtConcurrentRun>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sys/ioctl.h>
#include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#include <linux/lp.h>
#endif

namespace lt::ui {

namespace {

#ifdef Q_OS_UNIX

QString seconds(int ms)
{
    return QString::number(ms / 1000.0, 'g', 3);
}

// A pipe or socket whose reader went away raises SIGPIPE, which would end the till: the worker blocks it while it
// writes and takes back the one a failed write left pending, so that write() just fails with EPIPE.
class SigPipeBlocked
{
public:
    SigPipeBlocked()
    {
        sigemptyset(&m_pipe);
        sigaddset(&m_pipe, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &m_pipe, &m_previous);
    }
    ~SigPipeBlocked()
    {
        sigset_t pending;
        sigpending(&pending);
        if (sigismember(&pending, SIGPIPE) == 1) {
            const timespec now {0, 0};
            sigtimedwait(&m_pipe, nullptr, &now);
        }
        pthread_sigmask(SIG_SETMASK, &m_previous, nullptr);
    }
    SigPipeBlocked(const SigPipeBlocked&) = delete;
    SigPipeBlocked& operator=(const SigPipeBlocked&) = delete;

private:
    sigset_t m_pipe {};
    sigset_t m_previous {};
};

// Closes the descriptor whichever way the attempt ends.
class FileDescriptor
{
public:
    explicit FileDescriptor(int fd)
        : m_fd(fd)
    {
    }
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

PrintOutcome openFailed(const QString& device, int error)
{
    switch (error) {
    case ENOENT:
        return PrinterMessages::deviceMissing(device);
    case EACCES:
    case EPERM:
        return PrinterMessages::deviceDenied(device, QStringLiteral("lp"));
    default: // ENXIO, ENODEV: a device node whose printer is gone, or a pipe nobody reads; anything else
        return PrinterMessages::unreachable(device, systemError(error));
    }
}

// The kernel's USB and parallel printer drivers keep the printer's 1284 status byte; other files do not have one.
std::optional<PrintOutcome> judgeLineStatus(const QString& device, int fd)
{
#ifdef Q_OS_LINUX
    int status = 0;
    if (::ioctl(fd, LPGETSTATUS, &status) != 0)
        return std::nullopt;
    if (status & LP_POUTPA)
        return PrinterMessages::paperOut(device, false);
    if (!(status & LP_PSELECD))
        return PrinterMessages::offline(device, false);
#else
    Q_UNUSED(device)
    Q_UNUSED(fd)
#endif
    return std::nullopt;
}

#endif

} // namespace

DevicePrinterTransport::DevicePrinterTransport(QString device, QByteArray slip, const PrinterTimeouts& timeouts,
                                               QObject* parent)
    : PrinterTransport(parent)
    , m_device(std::move(device))
    , m_slip(std::move(slip))
    , m_timeouts(timeouts)
{
    connect(&m_watcher, &QFutureWatcher<PrintOutcome>::finished, this, [this] {
        const PrintOutcome outcome = m_watcher.result();
        if (outcome.ok())
            qCInfo(lcPrinting).noquote() << "slip printed on" << m_device;
        else
            qCWarning(lcPrinting).noquote() << "slip not printed on" << m_device << printStatusName(outcome.status);
        emit finished(outcome);
    });
}

void DevicePrinterTransport::start()
{
    // The worker holds copies only: it may outlive this object when the till closes mid-print.
    m_watcher.setFuture(
        QtConcurrent::run(&DevicePrinterTransport::writeToDevice, m_device, m_slip, m_timeouts.writeMs));
}

PrintOutcome DevicePrinterTransport::writeToDevice(const QString& device, const QByteArray& slip, int writeTimeoutMs)
{
#ifdef Q_OS_UNIX
    const FileDescriptor fd(::open(QFile::encodeName(device).constData(), O_WRONLY | O_NONBLOCK | O_CLOEXEC));
    if (fd.get() < 0)
        return openFailed(device, errno);
    if (auto problem = judgeLineStatus(device, fd.get()))
        return *problem;
    const SigPipeBlocked noSigPipe;
    const QDeadlineTimer deadline(writeTimeoutMs);
    qsizetype sent = 0;
    while (sent < slip.size()) {
        const ssize_t written = ::write(fd.get(), slip.constData() + sent, size_t(slip.size() - sent));
        if (written > 0) {
            sent += written;
            continue;
        }
        if (written < 0 && errno == EINTR)
            continue;
        if (written < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
            return PrinterMessages::interrupted(device, systemError(errno));
        // The printer's buffer is full: wait for room, but not past the deadline.
        pollfd waitFor {fd.get(), POLLOUT, 0};
        const int ready = ::poll(&waitFor, 1, int(qMax<qint64>(0, deadline.remainingTime())));
        if (ready == 0 || deadline.hasExpired())
            return PrinterMessages::interrupted(
                device,
                QCoreApplication::translate("PrinterMessages", "it took no more data for %1 s")
                    .arg(seconds(writeTimeoutMs)));
        if (ready < 0 && errno != EINTR)
            return PrinterMessages::interrupted(device, systemError(errno));
        if (waitFor.revents & (POLLERR | POLLHUP))
            return PrinterMessages::interrupted(device, systemError(EPIPE));
    }
    return PrintOutcome::printed();
#else
    // Elsewhere a printer device is a file name the system gives (such as \\.\USB001); it is written as a file.
    QFile file(device);
    if (!file.exists())
        return PrinterMessages::deviceMissing(device);
    if (!file.open(QIODevice::WriteOnly))
        return PrinterMessages::unreachable(device, file.errorString());
    if (file.write(slip) != slip.size())
        return PrinterMessages::interrupted(device, file.errorString());
    Q_UNUSED(writeTimeoutMs)
    return PrintOutcome::printed();
#endif
}

} // namespace lt::ui
