#pragma once

#include "core/common/Result.h"
#include "core/store/StaffDirectory.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace lt {

class Actor;
struct EngineContext;

// What an erasure did.
struct Erasure
{
    qint64 memberId = 0;
    QDateTime erasedAt;
    int cardsRemoved = 0;
    bool linkedToSquare = false; // Square keeps the loyalty account (the Loyalty API deletes none); the link stays
    int outboxDropped = 0; // operations Square had not heard of a member it never knew: not sent, each a conflict
};

// Erases a member's personal data on their request, a manager answering for it: phone, name, e-mail, birthday,
// cards, search terms, the consent text's version, and the phone in what waits for Square. Balance, tier, ledger,
// sales and reports stay (they are the store's anonymous accounts); the member cannot be found by phone, card or
// name any more, earns and redeems nothing, and shows as "Erased member". One transaction with its audit entry.
class MemberErasure
{
    Q_DECLARE_TR_FUNCTIONS(lt::MemberErasure)
public:
    explicit MemberErasure(EngineContext& context)
        : m_context(context)
    {
    }

    // managerName: an active manager of the staff list. An erased member gives a Conflict error; nothing changes.
    Result<Erasure> erase(qint64 memberId, const QString& managerName, const Actor& actor);
    // The active manager of that name (any case), or an error saying why not.
    Result<StaffMember> manager(const QString& name) const;

private:
    Result<Erasure> record(qint64 memberId, const StaffMember& manager, const Actor& actor);
    // Keeps the erased cards' numbers from being issued again (they are in the member's pocket).
    Result<void> retireCardNumbers(qint64 nextSerialBefore);

    EngineContext& m_context;
};

} // namespace lt
