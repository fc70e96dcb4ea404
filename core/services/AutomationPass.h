#pragma once

#include "core/common/Result.h"

#include <QDate>
#include <QList>
#include <QString>

namespace lt {

class Actor;
struct EngineContext;

// One thing the pass did for a member. kind: birthday, anniversary, winback, tier_up, tier_down or expire.
struct AutomationGrant
{
    qint64 memberId = 0;
    QString kind;
    qint64 points = 0; // 0 for an offer and a tier change; negative for expiry
};

struct AutomationReport
{
    QDate from; // the first day the pass covered
    QDate to; // today
    QList<AutomationGrant> grants;
};

// The program's own work, run by the till at start and then daily, and by `loyaltytill-admin automations run`:
// birthday and anniversary gifts, win-back offers, the tier evaluation and (for a store Square does not run)
// expiry. It covers every day since the last pass, so a till that was off for a week catches up; every grant has
// a natural key, so running it twice, or on two tills of the store, grants each bonus once. It works in
// transactions of a few thousand members so that the till's own writes go between them.
class AutomationPass
{
public:
    explicit AutomationPass(EngineContext& context)
        : m_context(context)
    {
    }

    Result<AutomationReport> run(const Actor& actor);

    // The store's state key holding the last day a pass completed.
    static QString lastDayKey();

private:
    Result<void> occasions(QDate from, QDate to, const Actor& actor, AutomationReport& report);

    EngineContext& m_context;
};

} // namespace lt
