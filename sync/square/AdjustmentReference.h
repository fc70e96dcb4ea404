#pragma once

#include <QString>

namespace lt {

// Square's loyalty events carry no reference of ours, but an adjustment's reason is ours to write: it ends with
// " [ref KEY]", KEY being the operation's idempotency key, so that the adjustment can be recognised among the
// account's events later (after a lost answer, or when the pull reads it back). Written and read only here.
class AdjustmentReference
{
public:
    static constexpr int MaxReasonLength = 3400; // the reason before the reference; Square's limit leaves room

    // "Points correction" + key → "Points correction [ref KEY]"
    static QString reasonWith(const QString& reason, const QString& idempotencyKey);
    // The key in the reason's last reference; empty when it has none.
    static QString keyIn(const QString& reason);
    // The reason cut to at most maxLength characters, its last reference kept at the end.
    static QString shortened(const QString& reason, int maxLength);
};

} // namespace lt
