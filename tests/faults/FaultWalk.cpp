#include "tests/faults/FaultWalk.h"

#include "tests/support/ResultChecks.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

namespace lt::test {

StoreFigures StoreFigures::of(Database& db)
{
    StoreFigures figures;
    QStringList tables;
    {
        QSqlQuery query(db.connection());
        if (!query.exec(QStringLiteral(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name"))) {
            figures.values.insert(QStringLiteral("unreadable"), 1);
            return figures;
        }
        while (query.next())
            tables << query.value(0).toString();
    }
    const auto add = [&](const QString& name, const QString& sql) {
        QSqlQuery query(db.connection());
        figures.values.insert(name, query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1);
    };
    for (const QString& table : tables)
        add(table, QStringLiteral("SELECT count(*) FROM \"%1\"").arg(table));
    add(QStringLiteral("members.balance"), QStringLiteral("SELECT total(balance) FROM members"));
    add(QStringLiteral("members.lifetime_points"), QStringLiteral("SELECT total(lifetime_points) FROM members"));
    add(QStringLiteral("ledger.points"), QStringLiteral("SELECT total(points) FROM ledger"));
    return figures;
}

QString StoreFigures::differenceFrom(const StoreFigures& other) const
{
    QStringList changes;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const qint64 was = other.values.value(it.key(), -2);
        if (was != it.value())
            changes << QStringLiteral("%1 %2 -> %3").arg(it.key()).arg(was).arg(it.value());
    }
    return changes.isEmpty() ? QStringLiteral("(no difference)") : changes.join(QStringLiteral(", "));
}

QString unclearMessage(const Error& error)
{
    if (error.message.trimmed().isEmpty())
        return QStringLiteral("the message is empty");
    static const QRegularExpression sql(QStringLiteral(
        R"(\b(INSERT INTO|UPDATE \w+ SET|SELECT .* FROM|DELETE FROM|CREATE TABLE|VACUUM INTO|PRAGMA)\b)"));
    if (sql.match(error.message).hasMatch())
        return QStringLiteral("the message shows SQL: ") + error.message;
    if (error.kind != ErrorKind::Storage && error.kind != ErrorKind::Corrupt)
        return QStringLiteral("a disk fault is reported as ") + errorKindName(error.kind) + QStringLiteral(": ")
            + error.message;
    return {};
}

QString WalkTally::summary(const QString& what, const FaultMode& mode) const
{
    return QStringLiteral("%1: %2 %3 %4 %5, points 1..%6: %7 failed (%8 of them recorded whole), %9 absorbed")
               .arg(what, FaultyVfs::callName(mode.call), FaultyVfs::codeName(mode.code),
                    mode.persistent ? QStringLiteral("persistent") : QStringLiteral("transient"),
                    mode.restart ? QStringLiteral("with restart") : QStringLiteral("without restart"))
               .arg(calls)
               .arg(failed)
               .arg(recorded)
               .arg(succeeded)
        + (messages.isEmpty()
               ? QString()
               : QStringLiteral("; messages: \"") + messages.join(QStringLiteral("\" | \"")) + QLatin1Char('"'));
}

FaultWalk::FaultWalk(Step seed, Step operation, bool idempotent)
    : m_seed(std::move(seed))
    , m_operation(std::move(operation))
    , m_idempotent(idempotent)
{
}

void FaultWalk::seedTemplate()
{
    if (m_seeded)
        return;
    FaultyVfs::disarm();
    LT_VERIFY_OK(m_template.open());
    LT_VERIFY_OK(m_seed(m_template));
    m_template.close(); // the last connection folds the WAL into the file
    m_seeded = true;
}

void FaultWalk::openCopy(TempStore& store)
{
    QFile::remove(store.path());
    QVERIFY(QFile::copy(m_template.path(), store.path()));
    QVERIFY(QFile::setPermissions(store.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    Database::Options options;
    options.quickCheck = false; // a copy of a store just checked; the restart after the fault checks it
    LT_VERIFY_OK(store.open(options));
}

StoreFigures FaultWalk::figures(TempStore& store) const
{
    StoreFigures counted = StoreFigures::of(store.db());
    if (m_extra)
        m_extra(store, counted);
    return counted;
}

WalkTally FaultWalk::walk(const FaultMode& mode)
{
    WalkTally tally;
    seedTemplate();
    if (QTest::currentTestFailed())
        return tally;
    // The dry run: what an unfaulted operation leaves, and how many calls of the kind it makes.
    {
        TempStore dry;
        openCopy(dry);
        if (QTest::currentTestFailed())
            return tally;
        m_before = figures(dry);
        FaultyVfs::resetCounts();
        const auto done = m_operation(dry);
        tally.calls = FaultyVfs::callsSeen(mode.call);
        [&] {
            LT_VERIFY_OK(done);
        }();
        if (QTest::currentTestFailed())
            return tally;
        m_after = figures(dry);
        [&] {
            QVERIFY2(m_after != m_before, "the operation changes nothing: the walk would prove nothing");
        }();
    }
    for (int nth = 1; nth <= tally.calls && !QTest::currentTestFailed(); ++nth)
        walkPoint(mode, nth, tally);
    return tally;
}

void FaultWalk::walkPoint(const FaultMode& mode, int nth, WalkTally& tally)
{
    const QString where = QStringLiteral("%1 #%2: ").arg(FaultyVfs::callName(mode.call)).arg(nth);
    TempStore store;
    openCopy(store);
    if (QTest::currentTestFailed())
        return;
    Result<void> outcome;
    {
        const ArmedFault fault(mode.call, nth, mode.persistent, mode.code);
        outcome = m_operation(store);
    }
    if (outcome) {
        // SQLite absorbed the fault (a read it retried, a write it could do without): the operation is whole.
        ++tally.succeeded;
        const StoreFigures now = figures(store);
        QVERIFY2(now == m_after,
                 qPrintable(where + QStringLiteral("reported done, but ") + now.differenceFrom(m_after)));
    } else {
        ++tally.failed;
        if (!tally.messages.contains(outcome.error().message))
            tally.messages << outcome.error().message;
        const QString unclear = unclearMessage(outcome.error());
        QVERIFY2(unclear.isEmpty(), qPrintable(where + unclear));
    }

    // The live connection, fault gone: whole or nothing. An operation that reopens the store (a cold start) may
    // have left it closed: the till would open it again.
    if (!store.isOpen())
        LT_VERIFY_OK(store.open());
    StoreFigures live = figures(store);
    QVERIFY2(
        live == m_before || live == m_after,
        qPrintable(where + QStringLiteral("half recorded on the live connection: ") + live.differenceFrom(m_before)));
    bool recorded = !outcome && live == m_after;
    const bool retriedLive = !mode.restart && live == m_before;
    if (retriedLive) {
        // The till carries on without a restart once the disk has room again.
        LT_VERIFY_OK(m_operation(store));
        live = figures(store);
        QVERIFY2(live == m_after,
                 qPrintable(where + QStringLiteral("retried without restart: ") + live.differenceFrom(m_after)));
    }

    // As the till after a restart: reopened, checked, whole or nothing, then the operation once more.
    store.close();
    LT_VERIFY_OK(store.open());
    auto report = store.checkIntegrity();
    LT_VERIFY_OK(report);
    QVERIFY2(report->ok(), qPrintable(where + report->problems.join(QStringLiteral("; "))));
    StoreFigures reopened = figures(store);
    QVERIFY2(reopened == m_before || reopened == m_after,
             qPrintable(where + QStringLiteral("half recorded after a restart: ") + reopened.differenceFrom(m_before)));
    recorded = recorded || (!outcome && !retriedLive && reopened == m_after);
    if (recorded)
        ++tally.recorded;
    if (reopened == m_before || m_idempotent) {
        LT_VERIFY_OK(m_operation(store));
        reopened = figures(store);
        QVERIFY2(
            reopened == m_after,
            qPrintable(where + QStringLiteral("after the fault and a retry: ") + reopened.differenceFrom(m_after)));
    }
}

} // namespace lt::test
