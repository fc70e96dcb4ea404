#include "ui/printing/PrintOutcome.h"

namespace lt::ui {

Result<void> PrintOutcome::toResult() const
{
    switch (status) {
    case Status::Printed:
        return {};
    case Status::BadAddress:
        return Error::invalid(message);
    case Status::DeviceMissing:
        return Error::notFound(message);
    case Status::PaperOut:
    case Status::Offline:
    case Status::DeviceDenied:
        return Error::refused(message);
    case Status::Unreachable:
    case Status::NoAnswer:
    case Status::Interrupted:
    case Status::PageFailed:
        break;
    }
    return Error::storage(message);
}

QString printStatusName(PrintOutcome::Status status)
{
    switch (status) {
    case PrintOutcome::Status::Printed:
        return QStringLiteral("printed");
    case PrintOutcome::Status::BadAddress:
        return QStringLiteral("bad-address");
    case PrintOutcome::Status::Unreachable:
        return QStringLiteral("unreachable");
    case PrintOutcome::Status::NoAnswer:
        return QStringLiteral("no-answer");
    case PrintOutcome::Status::PaperOut:
        return QStringLiteral("paper-out");
    case PrintOutcome::Status::Offline:
        return QStringLiteral("offline");
    case PrintOutcome::Status::Interrupted:
        return QStringLiteral("interrupted");
    case PrintOutcome::Status::DeviceMissing:
        return QStringLiteral("device-missing");
    case PrintOutcome::Status::DeviceDenied:
        return QStringLiteral("device-denied");
    case PrintOutcome::Status::PageFailed:
        break;
    }
    return QStringLiteral("page-failed");
}

} // namespace lt::ui
