#pragma once

#include "core/common/Clock.h"
#include "core/common/Result.h"
#include "core/store/Database.h"

#include <QDateTime>

namespace lt {

// When a member's personal data was erased (members.erased_at): what their own export states. Invalid while the
// member is in the program, or when there is no such member. Kept beside MemberStore, whose Member says only whether.
inline Result<QDateTime> memberErasedAt(Database& db, qint64 memberId)
{
    LT_TRY_ASSIGN(const QVariant at,
                  db.scalar(QStringLiteral("SELECT erased_at FROM members WHERE id = ?"), {memberId}));
    if (!at.isValid() || at.isNull())
        return QDateTime();
    return fromStorageTime(at.toString());
}

} // namespace lt
