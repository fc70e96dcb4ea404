#include "core/store/RestoreGap.h"

#include "core/common/Clock.h"

#include <QAtomicInteger>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>

#include <algorithm>

namespace lt {

namespace {

// A read-only connection that writes nothing beside the file it reads (immutable: no lock, no -shm, no -wal).
class ReadingConnection
{
public:
    explicit ReadingConnection(const QString& path, bool immutable)
        : m_name(QStringLiteral("loyaltytill-gap-%1").arg(counter().fetchAndAddRelaxed(1)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString(QUrl::FullyEncoded)
                           + (immutable ? QStringLiteral("?immutable=1") : QString()));
        db.setConnectOptions(immutable ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI")
                                       : QStringLiteral("QSQLITE_OPEN_URI"));
        if (!db.open())
            m_error = db.lastError().text();
    }
    ~ReadingConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    ReadingConnection(const ReadingConnection&) = delete;
    ReadingConnection& operator=(const ReadingConnection&) = delete;

    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    const QString& error() const { return m_error; }
    bool scalar(const QString& sql, QVariant& value)
    {
        QSqlQuery query(db());
        if (!query.exec(sql) || !query.next()) {
            m_error = query.lastError().text();
            return false;
        }
        value = query.value(0);
        return true;
    }

private:
    static QAtomicInteger<quint64>& counter()
    {
        static QAtomicInteger<quint64> value;
        return value;
    }
    QString m_name;
    QString m_error;
};

QString maskedMember(qint64 id, const QString& phone)
{
    QString digits;
    for (const QChar c : phone)
        if (c.isDigit())
            digits.append(c);
    if (digits.size() < 4)
        return RestoreGapReport::tr("member #%1").arg(id);
    return RestoreGapReport::tr("member #%1, phone ending %2").arg(id).arg(digits.right(4));
}

LostOperation::Kind kindOf(const QString& ledgerKind)
{
    if (ledgerKind == QLatin1String("accrue"))
        return LostOperation::Kind::Sale;
    if (ledgerKind == QLatin1String("redeem"))
        return LostOperation::Kind::Redemption;
    if (ledgerKind == QLatin1String("refund"))
        return LostOperation::Kind::Refund;
    if (ledgerKind == QLatin1String("adjust"))
        return LostOperation::Kind::Adjustment;
    return LostOperation::Kind::Other;
}

void count(LostOperation operation, RestoreGapReport& report)
{
    if (operation.inSquare)
        ++report.comeBackFromSquare;
    else
        report.toReenter << std::move(operation);
}

// Appends the members enrolled after the backup's newest, until the damage stops the reading; returns the error then.
QString readEnrolments(ReadingConnection& damaged, qint64 afterMember, RestoreGapReport& report)
{
    QSqlQuery members(damaged.db());
    members.setForwardOnly(true);
    members.prepare(QStringLiteral(
        "SELECT m.id, m.phone, m.enrolled_at, m.square_account_id IS NOT NULL OR EXISTS (SELECT 1 FROM outbox o WHERE "
        "o.member_id = m.id AND o.operation = 'enroll' AND o.state = 'sent') FROM members m WHERE m.id > ? "
        "ORDER BY m.id"));
    members.addBindValue(afterMember);
    if (!members.exec())
        return members.lastError().text();
    while (members.next()) {
        LostOperation enrolment;
        enrolment.kind = LostOperation::Kind::Enrolment;
        enrolment.atUtc = fromStorageTime(members.value(2).toString());
        enrolment.member = maskedMember(members.value(0).toLongLong(), members.value(1).toString());
        enrolment.inSquare = members.value(3).toBool();
        count(std::move(enrolment), report);
    }
    return members.lastError().isValid() ? members.lastError().text() : QString();
}

// The same for ledger entries. Expiry and opening entries are not listed: the program's daily pass records expiry
// again, and an opening balance comes with its member's enrolment. When the members' or sales' pages are what is
// damaged, the entries are read without the phone and the receipt.
QString readLedger(ReadingConnection& damaged, qint64 afterLedger, RestoreGapReport& report)
{
    static const QString inSquare =
        QStringLiteral("EXISTS (SELECT 1 FROM outbox o WHERE o.ledger_id = l.id AND o.state = 'sent') "
                       "OR EXISTS (SELECT 1 FROM square_events e WHERE e.ledger_id = l.id)");
    const QStringList attempts = {
        QStringLiteral(
            "SELECT l.id, l.kind, l.points, COALESCE(s.reference, l.reference, ''), l.created_at, "
            "l.member_id, m.phone, %1 FROM ledger l LEFT JOIN sales s ON s.id = l.sale_id LEFT JOIN members m "
            "ON m.id = l.member_id WHERE l.id > ? AND l.kind NOT IN ('expire', 'opening') ORDER BY l.id")
            .arg(inSquare),
        QStringLiteral("SELECT l.id, l.kind, l.points, COALESCE(l.reference, ''), l.created_at, l.member_id, '', %1 "
                       "FROM ledger l WHERE l.id > ? AND l.kind NOT IN ('expire', 'opening') ORDER BY l.id")
            .arg(inSquare),
    };
    QString error;
    for (const QString& sql : attempts) {
        RestoreGapReport read;
        QSqlQuery ledger(damaged.db());
        ledger.setForwardOnly(true);
        ledger.prepare(sql);
        ledger.addBindValue(afterLedger);
        if (ledger.exec()) {
            while (ledger.next()) {
                LostOperation operation;
                operation.kind = kindOf(ledger.value(1).toString());
                operation.points = ledger.value(2).toLongLong();
                operation.reference = ledger.value(3).toString();
                operation.atUtc = fromStorageTime(ledger.value(4).toString());
                operation.member = maskedMember(ledger.value(5).toLongLong(), ledger.value(6).toString());
                operation.inSquare = ledger.value(7).toBool();
                count(std::move(operation), read);
            }
        }
        error = ledger.lastError().isValid() ? ledger.lastError().text() : QString();
        if (error.isEmpty() || &sql == &attempts.last()) {
            report.toReenter << read.toReenter;
            report.comeBackFromSquare += read.comeBackFromSquare;
            break;
        }
    }
    return error;
}

} // namespace

QString LostOperation::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Sale:
        return RestoreGapReport::tr("sale");
    case Kind::Redemption:
        return RestoreGapReport::tr("redemption");
    case Kind::Refund:
        return RestoreGapReport::tr("refund");
    case Kind::Adjustment:
        return RestoreGapReport::tr("adjustment");
    case Kind::Enrolment:
        return RestoreGapReport::tr("enrolment");
    case Kind::Other:
        break;
    }
    return RestoreGapReport::tr("other");
}

RestoreGapReport RestoreGap::compare(const QString& damagedStore, const QString& backup)
{
    RestoreGapReport report;
    qint64 backupLedger = 0;
    qint64 backupMembers = 0;
    {
        ReadingConnection reading(backup, true);
        QVariant ledger;
        QVariant members;
        QVariant newest;
        if (!reading.scalar(QStringLiteral("SELECT COALESCE(max(id), 0) FROM ledger"), ledger)
            || !reading.scalar(QStringLiteral("SELECT COALESCE(max(id), 0) FROM members"), members)
            || !reading.scalar(QStringLiteral("SELECT max(created_at) FROM ledger"), newest)) {
            report.problem = RestoreGapReport::tr("The backup %1 cannot be read: %2").arg(backup, reading.error());
            return report;
        }
        backupLedger = ledger.toLongLong();
        backupMembers = members.toLongLong();
        report.backupNewestUtc = fromStorageTime(newest.toString());
    }
    // The log's committed frames hold the newest operations; SQLite reads them only from a file it may write, so
    // both are copied and the copy is read.
    QTemporaryDir copy;
    QString reading = damagedStore;
    const bool withLog = QFileInfo(damagedStore + QStringLiteral("-wal")).size() > 0;
    if (withLog) {
        reading = copy.filePath(QStringLiteral("damaged.sqlite"));
        if (!copy.isValid() || !QFile::copy(damagedStore, reading)
            || !QFile::copy(damagedStore + QStringLiteral("-wal"), reading + QStringLiteral("-wal"))) {
            report.problem =
                RestoreGapReport::tr("The damaged store %1 cannot be copied to be read.").arg(damagedStore);
            return report;
        }
    }
    ReadingConnection damaged(reading, !withLog);
    QVariant schema;
    if (!damaged.error().isEmpty() || !damaged.scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema"), schema)) {
        report.problem = RestoreGapReport::tr("The damaged store cannot be read at all (%1).").arg(damaged.error());
        return report;
    }
    report.readable = true;
    QString stopped = readEnrolments(damaged, backupMembers, report);
    if (const QString ledgerStopped = readLedger(damaged, backupLedger, report); !ledgerStopped.isEmpty())
        stopped = ledgerStopped;
    std::stable_sort(report.toReenter.begin(), report.toReenter.end(),
                     [](const LostOperation& a, const LostOperation& b) { return a.atUtc < b.atUtc; });
    if (!stopped.isEmpty())
        report.problem = RestoreGapReport::tr("Reading the damaged store stopped at its damage (%1): operations "
                                              "after those listed may be missing too.")
                             .arg(stopped);
    return report;
}

QString RestoreGapReport::text() const
{
    const QLocale locale;
    const QString backupTime = backupNewestUtc.isValid()
        ? locale.toString(backupNewestUtc.toLocalTime(), QLocale::ShortFormat)
        : tr("(no operations)");
    QStringList lines;
    if (!readable) {
        lines << tr("The damaged store could not be read, so the operations since the backup are not known. The "
                    "backup holds operations up to %1: enter again what was recorded at the till after that time, "
                    "from the receipts.")
                     .arg(backupTime);
        if (!problem.isEmpty())
            lines << problem;
        return lines.join(QLatin1Char('\n'));
    }
    lines << tr("The backup holds operations up to %1.").arg(backupTime);
    if (comeBackFromSquare > 0)
        lines << tr("%n operation(s) made since then reached Square and come back with the next sync.", "",
                    comeBackFromSquare);
    if (toReenter.isEmpty())
        lines << tr("No operation needs to be entered again.");
    else
        lines << tr("%n operation(s) never reached Square and must be entered again:", "", int(toReenter.size()));
    for (const LostOperation& operation : toReenter) {
        QString line = QStringLiteral("  %1  %2")
                           .arg(locale.toString(operation.atUtc.toLocalTime(), QLocale::ShortFormat),
                                LostOperation::kindName(operation.kind));
        if (!operation.reference.isEmpty())
            line += QStringLiteral("  ") + operation.reference;
        line += QStringLiteral("  ") + operation.member;
        if (operation.kind != LostOperation::Kind::Enrolment)
            line += QStringLiteral("  ") + tr("%n point(s)", "", int(operation.points));
        lines << line;
    }
    if (!problem.isEmpty())
        lines << problem;
    return lines.join(QLatin1Char('\n'));
}

bool RestoreGapReport::writeTo(const QString& path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(text().toUtf8() + '\n');
    return file.commit();
}

} // namespace lt
