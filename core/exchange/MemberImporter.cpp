#include "core/exchange/MemberImporter.h"

#include "core/common/Clock.h"
#include "core/common/Logging.h"
#include "core/domain/Actor.h"
#include "core/exchange/CsvReader.h"
#include "core/exchange/MemberRowValidator.h"
#include "core/services/EngineContext.h"
#include "core/store/AuditLog.h"
#include "core/store/Database.h"
#include "core/store/MemberImportWriter.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QThread>
#include <QThreadPool>

#include <deque>
#include <future>
#include <memory>
#include <optional>
#include <vector>

namespace lt {

namespace {

// Records are checked in chunks of this many: large enough that handing one to a thread costs nothing beside it,
// small enough that every core has work from the start.
constexpr qsizetype RecordsPerChunk = 1000;

struct RecordChunk
{
    QList<QStringList> records;
    QList<qint64> lines;
    double fraction = 0; // of the file read once the chunk was
};

struct CheckedChunk
{
    std::vector<CheckedMemberRow> rows;
    double fraction = 0;
};

// The rows of one transaction, for its audit entry.
struct Part
{
    qint64 rows = 0;
    qint64 imported = 0;
    qint64 rejected = 0;
    qint64 firstLine = 0;
    qint64 lastLine = 0;
};

// Reads the file a chunk of records at a time, on the writing thread (reading costs little beside checking).
class ChunkReader
{
public:
    explicit ChunkReader(QIODevice& device)
        : m_device(device)
        , m_reader(device)
        , m_size(device.size())
    {
    }
    Result<QStringList> header() { return m_reader.next(); }
    bool done() const { return m_done; }
    // A broken file (an unclosed quote, a runaway field) cannot be resynchronised: the reading stops there.
    const std::optional<ImportRowError>& broken() const { return m_broken; }

    RecordChunk next()
    {
        RecordChunk chunk;
        while (!m_done && chunk.records.size() < RecordsPerChunk) {
            auto record = m_reader.next();
            if (!record) {
                m_broken = ImportRowError {m_reader.recordLine(), record.error().message};
                m_done = true;
                break;
            }
            if (record->isEmpty()) {
                m_done = true;
                break;
            }
            if (record->size() == 1 && record->first().trimmed().isEmpty())
                continue;
            chunk.records << std::move(*record);
            chunk.lines << m_reader.recordLine();
        }
        chunk.fraction = m_size > 0 ? double(m_device.pos()) / double(m_size) : 0.0;
        return chunk;
    }

private:
    QIODevice& m_device;
    CsvReader m_reader;
    qint64 m_size;
    bool m_done = false;
    std::optional<ImportRowError> m_broken;
};

// Writes checked rows in file order: finds a phone or card repeated in the file (naming its first line), asks the
// writer, counts, and commits every rowsPerTransaction rows when bad rows are skipped.
class OrderedWriter
{
public:
    OrderedWriter(EngineContext& context, const ImportOptions& options, const Actor& actor, MemberImportWriter& writer,
                  ImportReport& report)
        : m_context(context)
        , m_options(options)
        , m_actor(actor)
        , m_writer(writer)
        , m_report(report)
        , m_transaction(std::make_unique<Transaction>(context.db))
    {
    }

    Result<void> begin() { return m_transaction->begin(); }

    Result<void> write(const CheckedChunk& chunk)
    {
        const QByteArray at = toStorageTime(m_context.clock.nowUtc()).toUtf8();
        for (const CheckedMemberRow& row : chunk.rows) {
            ++m_report.rows;
            if (m_options.progress && m_report.rows % 5000 == 0)
                m_options.progress(m_report.rows, chunk.fraction);
            if (m_part.rows++ == 0)
                m_part.firstLine = row.line;
            m_part.lastLine = row.line;
            LT_TRY_ASSIGN(const std::optional<QString> rejected, enroll(row, at));
            if (rejected) {
                m_report.errors << ImportRowError {row.line, *rejected};
                ++m_part.rejected;
            } else if (writing()) {
                ++m_report.imported;
                ++m_part.imported;
            }
            if (m_options.skipBadRows && m_part.rows >= m_options.rowsPerTransaction)
                LT_TRY(commitPart(true));
        }
        return {};
    }

    // Keeps what was written (with its audit entry), and begins the next transaction when `more` follows.
    Result<void> commitPart(bool more)
    {
        LT_TRY(m_writer.flush());
        LT_TRY(AuditLog(m_context.db, m_context.clock)
                   .record(m_actor.name(), QStringLiteral("members.import"), QString(),
                           {{QStringLiteral("rows"), m_part.rows},
                            {QStringLiteral("imported"), m_part.imported},
                            {QStringLiteral("rejected"), m_part.rejected},
                            {QStringLiteral("first_line"), m_part.firstLine},
                            {QStringLiteral("last_line"), m_part.lastLine}}));
        LT_TRY(m_transaction->commit());
        m_committedRows += m_part.rows;
        m_lastCommittedLine = m_part.lastLine;
        m_part = Part {};
        if (more) {
            m_transaction = std::make_unique<Transaction>(m_context.db);
            LT_TRY(m_transaction->begin());
        }
        return {};
    }

    // A row the reader could not read counts among the transaction's rejected ones.
    void rejectUnreadRow() { ++m_part.rejected; }
    void rollback() { m_transaction->rollback(); }
    qint64 committedRows() const { return m_committedRows; }
    qint64 lastCommittedLine() const { return m_lastCommittedLine; }

private:
    // All or nothing: once a row is bad nothing will be kept, so the rest are only looked at.
    bool writing() const { return m_options.skipBadRows || m_report.errors.isEmpty(); }

    // Nothing when the row was imported, else why not; an Error only when the store failed.
    Result<std::optional<QString>> enroll(const CheckedMemberRow& row, const QByteArray& at)
    {
        using Rejection = std::optional<QString>;
        if (!row.rejection.isEmpty())
            return Rejection(row.rejection);
        if (const qint64 first = m_phonesSeen.value(row.phoneKey); first > 0)
            return Rejection(QCoreApplication::translate("MemberImporter", "phone %1 already appears on line %2")
                                 .arg(row.phone)
                                 .arg(first));
        if (!row.card.isEmpty()) {
            if (const qint64 first = m_cardsSeen.value(row.card); first > 0)
                return Rejection(QCoreApplication::translate("MemberImporter", "card %1 already appears on line %2")
                                     .arg(row.card)
                                     .arg(first));
            m_cardsSeen.insert(row.card, row.line);
        }
        m_phonesSeen.insert(row.phoneKey, row.line);
        LT_TRY_ASSIGN(const MemberImportWriter::Outcome outcome, m_writer.add(row.row, at, writing()));
        if (outcome.phoneOwner != 0 && outcome.cardOwner != 0 && outcome.phoneOwner != outcome.cardOwner)
            return Rejection(
                QCoreApplication::translate("EnrollmentService",
                                            "The phone number belongs to member %1 but the card belongs to member %2.")
                    .arg(outcome.phoneOwner)
                    .arg(outcome.cardOwner));
        if (outcome.phoneOwner != 0 || outcome.cardOwner != 0)
            return Rejection(QCoreApplication::translate("MemberImporter", "already a member (member %1)")
                                 .arg(outcome.phoneOwner != 0 ? outcome.phoneOwner : outcome.cardOwner));
        return Rejection();
    }

    EngineContext& m_context;
    const ImportOptions& m_options;
    const Actor& m_actor;
    MemberImportWriter& m_writer;
    ImportReport& m_report;
    std::unique_ptr<Transaction> m_transaction;
    Part m_part;
    qint64 m_committedRows = 0;
    qint64 m_lastCommittedLine = 0;
    QHash<quint64, qint64> m_phonesSeen; // E.164 digits -> line, to name the first line of a repeated number
    QHash<QString, qint64> m_cardsSeen;
};

} // namespace

const QStringList& MemberImporter::columns()
{
    return MemberRowValidator::columns();
}

Result<ImportReport> MemberImporter::importCsv(QIODevice& device, const ImportOptions& options, const Actor& actor)
{
    QElapsedTimer timer;
    timer.start();
    ChunkReader reader(device);
    LT_TRY_ASSIGN(const QStringList header, reader.header());
    LT_TRY_ASSIGN(const MemberRowValidator validator, MemberRowValidator::forHeader(m_context, header));
    // A page cache for the indexes of a large store: phone numbers and search terms land at random places in them.
    LT_TRY(m_context.db.widenCache(256));
    LT_TRY_ASSIGN(
        std::unique_ptr<MemberImportWriter> writer,
        MemberImportWriter::open(m_context.db, actor.name().toUtf8(), MemberRowValidator::openingNote().toUtf8()));
    ImportReport report;
    OrderedWriter ordered(m_context, options, actor, *writer, report);
    LT_TRY(ordered.begin());

    // The threads that check rows; this thread reads the file and writes. Declared after everything the tasks use,
    // so that an early return waits for them before those go. One checker a core, but they only take what the
    // single writer leaves: it sets the pace, and sharing its core with a checker made it slower by a fifth.
    QThreadPool checkers;
    checkers.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
    checkers.setThreadPriority(QThread::IdlePriority);
    const std::size_t inFlight = std::size_t(checkers.maxThreadCount()) * 2 + 2;
    std::deque<std::future<CheckedChunk>> pending;
    const auto readAhead = [&]() {
        while (!reader.done() && pending.size() < inFlight) {
            auto chunk = std::make_shared<RecordChunk>(reader.next());
            if (chunk->records.isEmpty())
                break;
            auto task = std::make_shared<std::packaged_task<CheckedChunk()>>([chunk, &validator]() {
                CheckedChunk checked;
                checked.fraction = chunk->fraction;
                checked.rows.reserve(std::size_t(chunk->records.size()));
                for (qsizetype i = 0; i < chunk->records.size(); ++i)
                    checked.rows.push_back(validator.check(chunk->records.at(i), chunk->lines.at(i)));
                return checked;
            });
            pending.push_back(task->get_future());
            checkers.start([task]() { (*task)(); });
        }
    };
    readAhead();
    QElapsedTimer phase;
    qint64 waitingNs = 0;
    qint64 readingNs = 0;
    qint64 writingNs = 0;
    while (!pending.empty()) {
        phase.start();
        const CheckedChunk chunk = pending.front().get();
        pending.pop_front();
        waitingNs += phase.nsecsElapsed();
        phase.start();
        readAhead();
        readingNs += phase.nsecsElapsed();
        phase.start();
        auto written = ordered.write(chunk);
        writingNs += phase.nsecsElapsed();
        if (!written) {
            ordered.rollback();
            Error error = written.error();
            if (ordered.committedRows() > 0)
                error.message += QLatin1Char(' ')
                    + QCoreApplication::translate("MemberImporter",
                                                  "The rows up to line %1 were imported; importing the file again "
                                                  "with bad rows skipped adds the rest.")
                          .arg(ordered.lastCommittedLine());
            return error;
        }
    }
    if (reader.broken()) {
        report.errors << *reader.broken();
        ordered.rejectUnreadRow();
    }
    if (!report.errors.isEmpty() && !options.skipBadRows) {
        ordered.rollback();
        report.imported = 0;
        report.seconds = double(timer.elapsed()) / 1000.0;
        return report;
    }
    LT_TRY(ordered.commitPart(false));
    report.committed = true;
    if (options.progress)
        options.progress(report.rows, 1.0);
    report.seconds = double(timer.elapsed()) / 1000.0;
    qCDebug(lcExchange) << "imported" << report.imported << "of" << report.rows << "rows in" << report.seconds
                        << "s; the writing thread waited for checked rows" << double(waitingNs) / 1e9 << "s, read"
                        << double(readingNs) / 1e9 << "s and wrote" << double(writingNs) / 1e9 << "s";
    return report;
}

} // namespace lt
