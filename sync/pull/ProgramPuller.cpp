#include "sync/pull/ProgramPuller.h"

#include "core/common/Clock.h"
#include "core/store/AuditLog.h"
#include "core/store/Database.h"
#include "core/store/ProgramRepository.h"
#include "core/store/Transaction.h"
#include "sync/square/SquareClient.h"
#include "sync/square/SquareProgramMapper.h"

#include <QJsonDocument>

namespace lt {

ProgramPuller::ProgramPuller(Database& db, const Clock& clock, SquareClient& client, QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_client(client)
{
}

void ProgramPuller::pull(Callback done)
{
    m_client.get(QStringLiteral("/v2/loyalty/programs/main"), [this, done](const SquareReply& reply) {
        Outcome outcome;
        if (!reply.ok) {
            outcome.squareError = reply.error;
            outcome.error = QStringLiteral("Reading the loyalty program failed: ") + reply.error.message();
            done(outcome);
            return;
        }
        const QJsonValue program = reply.body.value(QLatin1String("program"));
        if (!program.isObject()) {
            outcome.error = QStringLiteral("Square answered without a loyalty program.");
            done(outcome);
            return;
        }
        ProgramRepository repository(m_db, m_clock);
        auto current = repository.load();
        if (!current) {
            outcome.error = current.error().message;
            done(outcome);
            return;
        }
        auto mapped = SquareProgramMapper::map(program.toObject(), *current);
        if (!mapped) {
            outcome.error = mapped.error().message;
            done(outcome);
            return;
        }
        outcome.programId = mapped->squareProgramId;
        outcome.ok = true;
        if (mapped->toJson() == current->toJson()) {
            done(outcome);
            return;
        }
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
        done(outcome);
    });
}

} // namespace lt
