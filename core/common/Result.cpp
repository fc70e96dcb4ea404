#include "core/common/Result.h"

namespace lt {

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::InvalidInput:
        return QStringLiteral("invalid_input");
    case ErrorKind::NotFound:
        return QStringLiteral("not_found");
    case ErrorKind::Refused:
        return QStringLiteral("refused");
    case ErrorKind::Conflict:
        return QStringLiteral("conflict");
    case ErrorKind::Storage:
        return QStringLiteral("storage");
    case ErrorKind::Corrupt:
        return QStringLiteral("corrupt");
    case ErrorKind::Internal:
        break;
    }
    return QStringLiteral("internal");
}

} // namespace lt
