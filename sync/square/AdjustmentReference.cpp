#include "sync/square/AdjustmentReference.h"

#include <QRegularExpression>

namespace lt {

QString AdjustmentReference::reasonWith(const QString& reason, const QString& idempotencyKey)
{
    return reason.left(MaxReasonLength) + QStringLiteral(" [ref %1]").arg(idempotencyKey);
}

QString AdjustmentReference::keyIn(const QString& reason)
{
    // The keys are UUIDs; the last reference is the one appended, whatever a manager typed before it.
    static const QRegularExpression pattern(QStringLiteral("\\[ref ([0-9A-Za-z-]{8,64})\\]"));
    QString key;
    for (auto matches = pattern.globalMatch(reason); matches.hasNext();)
        key = matches.next().captured(1);
    return key;
}

QString AdjustmentReference::shortened(const QString& reason, int maxLength)
{
    if (reason.size() <= maxLength)
        return reason;
    const QString key = keyIn(reason);
    if (key.isEmpty())
        return reason.left(maxLength);
    const QString reference = QStringLiteral(" [ref %1]").arg(key);
    return reason.left(std::max<qsizetype>(0, maxLength - reference.size())) + reference;
}

} // namespace lt
