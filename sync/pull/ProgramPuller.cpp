#include "sync/pull/ProgramPuller.h"

#include "core/common/Clock.h"
#include "core/store/AuditLog.h"
#include "core/store/Database.h"
#include "core/store/ProgramRepository.h"
#include "core/store/PromotionStore.h"
#include "core/store/Transaction.h"
#include "sync/SyncLogging.h"
#include "sync/square/SquareLoyaltyApi.h"
#include "sync/square/SquareProgramMapper.h"

#include <QCoreApplication>

namespace lt {

ProgramPuller::ProgramPuller(Database& db, const Clock& clock, SquareLoyaltyApi& api, QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_api(api)
{
}

void ProgramPuller::pull(const Callback& done)
{
    m_api.retrieveProgram([this, done](const SquareResult<SquareProgram>& program) {
        Outcome outcome = adopt(program);
        if (!outcome.ok) {
            qCWarning(lcPull) << "program not taken:"
                              << (program ? outcome.error : program.error().inContext(QString()));
            done(outcome);
            return;
        }
        m_api.listPromotions(
            outcome.programId, [this, done, outcome](const SquareResult<QList<Promotion>>& promotions) mutable {
                adoptPromotions(promotions, outcome);
                if (!outcome.ok)
                    qCWarning(lcPull) << "promotions not taken:"
                                      << (promotions ? outcome.error : promotions.error().inContext(QString()));
                done(outcome);
            });
    });
}

void ProgramPuller::adoptPromotions(const SquareResult<QList<Promotion>>& promotions, Outcome& outcome)
{
    // The program stays taken; without Square's promotions the sync stops, as it does without the program, rather
    // than award points Square's promotions no longer give (or miss those they do).
    if (!promotions) {
        outcome.ok = false;
        outcome.squareError = promotions.error();
        outcome.error = promotions.error().inContext(
            QCoreApplication::translate("ProgramPuller", "Reading the loyalty promotions failed: "));
        return;
    }
    outcome.promotions = int(promotions->size());
    auto replaced = inTransaction(m_db, [&]() -> Result<PromotionStore::Replaced> {
        LT_TRY_ASSIGN(const PromotionStore::Replaced changes, PromotionStore(m_db).replaceFromSquare(*promotions));
        if (changes.any())
            LT_TRY(AuditLog(m_db, m_clock)
                       .record(QStringLiteral("Square"), QStringLiteral("promotions.pull"), outcome.programId,
                               {{QStringLiteral("added"), changes.added},
                                {QStringLiteral("changed"), changes.changed},
                                {QStringLiteral("ended"), changes.ended}}));
        return changes;
    });
    if (!replaced) {
        outcome.ok = false;
        outcome.error = replaced.error().message;
        return;
    }
    outcome.promotionsChanged = replaced->any();
}

ProgramPuller::Outcome ProgramPuller::adopt(const SquareResult<SquareProgram>& program)
{
    Outcome outcome;
    if (!program) {
        outcome.squareError = program.error();
        outcome.error = program.error().inContext(QStringLiteral("Reading the loyalty program failed: "));
        return outcome;
    }
    ProgramRepository repository(m_db, m_clock);
    auto current = repository.load();
    if (!current) {
        outcome.error = current.error().message;
        return outcome;
    }
    auto mapped = SquareProgramMapper::map(program->json, *current);
    if (!mapped) {
        outcome.error = mapped.error().message;
        return outcome;
    }
    outcome.programId = mapped->squareProgramId;
    outcome.ok = true;
    if (mapped->toJson() == current->toJson())
        return outcome;
    Transaction transaction(m_db);
    Result<void> stored = transaction.begin();
    if (stored)
        stored = repository.save(*mapped, ProgramRepository::Source::Square);
    if (stored)
        stored = AuditLog(m_db, m_clock)
                     .record(QStringLiteral("Square"), QStringLiteral("program.pull"), mapped->squareProgramId,
                             {{QStringLiteral("reward_tiers"), mapped->rewardTiers.size()},
                              {QStringLiteral("accrual_rules"), mapped->accrualRules.size()}});
    if (stored)
        stored = transaction.commit();
    if (!stored) {
        outcome.ok = false;
        outcome.error = stored.error().message;
    } else {
        outcome.changed = true;
    }
    return outcome;
}

} // namespace lt
