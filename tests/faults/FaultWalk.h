#pragma once

#include "core/common/Result.h"
#include "tests/faults/FaultyVfs.h"
#include "tests/support/TempStore.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>

namespace lt::test {

// What an operation can change in a store, summed: the rows of every table and the points on the members and in
// the ledger. Two stores with equal figures hold the same operations, never one of them half.
struct StoreFigures
{
    QMap<QString, qint64> values;

    static StoreFigures of(Database& db);
    bool operator==(const StoreFigures& other) const { return values == other.values; }
    QString differenceFrom(const StoreFigures& other) const; // "ledger 3 -> 4, outbox 1 -> 2"
};

// Whether a failure says something a person can act on: a typed storage error with a message that is neither
// empty nor an SQL statement. The reason when it does not.
QString unclearMessage(const Error& error);

// One way of failing: which call, with which code, once or from then on, and whether the till restarts after it
// (closes and reopens the store) or carries on with the same connection.
struct FaultMode
{
    FaultCall call = FaultCall::Write;
    FaultCode code = FaultCode::DiskFull;
    bool persistent = false;
    bool restart = true;
};

// What a walk saw, for the report.
struct WalkTally
{
    int calls = 0; // calls of the chosen kind an unfaulted run makes: the fault points walked are 1..calls
    int failed = 0; // points at which the operation reported an error
    int succeeded = 0; // points whose fault SQLite absorbed (a retried read, a write it did not need)
    int recorded = 0; // failed points whose operation was nevertheless recorded, whole
    QStringList messages; // the distinct messages the failures gave
    QString summary(const QString& what, const FaultMode& mode) const;
};

// Walks every fault point of an operation: a dry run counts the calls of the chosen kind, then for each N the
// operation runs on a fresh copy of the seeded store with the N-th call failing, and the walk asserts (with QTest's
// macros, so check QTest::currentTestFailed() after it): a clear typed error; the store holding the operation whole
// or not at all, on the live connection and after a restart; `check` (IntegrityChecker) passing after the restart;
// and the operation succeeding once the fault is gone, leaving exactly what an unfaulted run leaves.
class FaultWalk
{
public:
    using Step = std::function<Result<void>(TempStore&)>;

    // seed: writes the store every fault point starts from. operation: what is faulted. idempotent: running it again
    // after it was recorded changes nothing (a sale by its reference); otherwise a recorded operation is not rerun.
    FaultWalk(Step seed, Step operation, bool idempotent);

    // Figures beside the store's own, for operations that write elsewhere (a backup's files).
    void alsoCount(std::function<void(TempStore&, StoreFigures&)> extra) { m_extra = std::move(extra); }

    WalkTally walk(const FaultMode& mode);

private:
    void seedTemplate();
    void openCopy(TempStore& store);
    void walkPoint(const FaultMode& mode, int nth, WalkTally& tally);
    StoreFigures figures(TempStore& store) const;

    Step m_seed;
    Step m_operation;
    bool m_idempotent;
    std::function<void(TempStore&, StoreFigures&)> m_extra;
    TempStore m_template; // closed after seeding: its file is copied for each fault point
    bool m_seeded = false;
    StoreFigures m_before;
    StoreFigures m_after;
};

} // namespace lt::test
