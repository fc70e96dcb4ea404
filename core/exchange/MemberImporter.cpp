#include "core/exchange/MemberImporter.h"

#include "core/common/Logging.h"
#include "core/domain/Actor.h"
#include "core/exchange/CsvReader.h"
#include "core/services/EngineContext.h"
#include "core/services/EnrollmentService.h"
#include "core/store/AuditLog.h"
#include "core/store/Database.h"
#include "core/store/StoreSettings.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>

namespace lt {

namespace {

Result<bool> parseConsent(const QString& text)
{
    const QString v = text.trimmed().toLower();
    if (v.isEmpty() || v == QLatin1String("0") || v == QLatin1String("no") || v == QLatin1String("false"))
        return false;
    if (v == QLatin1String("1") || v == QLatin1String("yes") || v == QLatin1String("true"))
        return true;
    return Error::invalid(
        QCoreApplication::translate("MemberImporter", "consent must be yes or no, not '%1'").arg(text.left(20)),
        QStringLiteral("consent"));
}

Result<qint64> parseBalance(const QString& text)
{
    const QString v = text.trimmed();
    if (v.isEmpty())
        return qint64(0);
    bool ok = false;
    const qint64 points = v.toLongLong(&ok);
    if (!ok || points < 0)
        return Error::invalid(
            QCoreApplication::translate("MemberImporter", "balance must be a whole number of points, not '%1'")
                .arg(v.left(20)),
            QStringLiteral("balance"));
    return points;
}

// Reads a record's fields by column name, for the columns the header named.
class Columns
{
public:
    explicit Columns(QHash<QString, int> index)
        : m_index(std::move(index))
    {
    }
    QString field(const QStringList& record, const char* name) const
    {
        const int i = m_index.value(QString::fromLatin1(name), -1);
        return i >= 0 ? record.value(i) : QString();
    }

private:
    QHash<QString, int> m_index;
};

// Where each known column is in the file's first line.
Result<Columns> columnsOf(const QStringList& header, const QStringList& known)
{
    // A file written by MemberExporter imports again: its consent column has a longer name, and the columns the
    // store assigns itself (id, enrollment time, lifetime points, tier) are ignored.
    static const QStringList exportedOnly = {
        QStringLiteral("id"),          QStringLiteral("consent_version"), QStringLiteral("consent_at"),
        QStringLiteral("enrolled_at"), QStringLiteral("lifetime_points"), QStringLiteral("tier")};
    QHash<QString, int> index;
    for (int i = 0; i < header.size(); ++i) {
        QString name = header.at(i).trimmed().toLower();
        if (name == QLatin1String("marketing_consent"))
            name = QStringLiteral("consent");
        if (exportedOnly.contains(name))
            continue;
        if (!known.contains(name))
            return Error::invalid(QCoreApplication::translate(
                                      "MemberImporter", "Unknown column '%1' in the first line; the columns are %2.")
                                      .arg(name.left(40), known.join(QStringLiteral(", "))));
        if (index.contains(name))
            return Error::invalid(
                QCoreApplication::translate("MemberImporter", "The column '%1' appears twice.").arg(name));
        index.insert(name, i);
    }
    if (!index.contains(QStringLiteral("phone")))
        return Error::invalid(QCoreApplication::translate(
            "MemberImporter", "The first line must name the columns, and 'phone' is required."));
    return Columns(std::move(index));
}

// Enrolls one row after another inside the import's transaction, remembering which line first had each phone and
// card. A row's answer is nothing when it was imported, or why it was not; an Error only when the store failed.
class RowEnroller
{
public:
    RowEnroller(EngineContext& context, const Actor& actor, Columns columns, qsizetype fieldCount)
        : m_enrollment(context)
        , m_actor(actor)
        , m_columns(std::move(columns))
        , m_fieldCount(fieldCount)
        , m_consentVersion(StoreSettings(context.db).value(StoreSettings::ConsentVersion))
    {
    }

    Result<std::optional<QString>> enroll(const QStringList& record, qint64 line)
    {
        using Rejection = std::optional<QString>;
        if (record.size() != m_fieldCount)
            return Rejection(QCoreApplication::translate("MemberImporter", "expected %1 fields, found %2")
                                 .arg(m_fieldCount)
                                 .arg(record.size()));
        EnrollmentRequest request;
        request.phone = m_columns.field(record, "phone");
        request.name = m_columns.field(record, "name");
        request.email = m_columns.field(record, "email");
        request.birthday = m_columns.field(record, "birthday");
        request.card = m_columns.field(record, "card");
        request.origin = QStringLiteral("import");
        auto consent = parseConsent(m_columns.field(record, "consent"));
        auto balance = parseBalance(m_columns.field(record, "balance"));
        if (!consent || !balance)
            return Rejection(consent ? balance.error().message : consent.error().message);
        request.marketingConsent = *consent;
        request.consentVersion = m_consentVersion;
        request.openingBalance = *balance;
        auto clean = m_enrollment.validate(request);
        if (!clean)
            return Rejection(clean.error().field.isEmpty()
                                 ? clean.error().message
                                 : clean.error().field + QStringLiteral(": ") + clean.error().message);
        if (const qint64 first = m_phonesSeen.value(clean->phone); first > 0)
            return Rejection(QCoreApplication::translate("MemberImporter", "phone %1 already appears on line %2")
                                 .arg(clean->phone)
                                 .arg(first));
        if (const qint64 first = m_cardsSeen.value(clean->card); !clean->card.isEmpty() && first > 0)
            return Rejection(QCoreApplication::translate("MemberImporter", "card %1 already appears on line %2")
                                 .arg(clean->card)
                                 .arg(first));
        m_phonesSeen.insert(clean->phone, line);
        if (!clean->card.isEmpty())
            m_cardsSeen.insert(clean->card, line);
        // Even once a row has failed and nothing will be committed: inserting (rolled back at the end) is what finds
        // the rows whose phone or card already belongs to a member, so that every bad row is reported at once.
        auto enrolled = m_enrollment.insertValidated(*clean, m_actor);
        if (!enrolled) {
            if (enrolled.error().kind == ErrorKind::Storage || enrolled.error().kind == ErrorKind::Corrupt)
                return enrolled.error();
            return Rejection(enrolled.error().message);
        }
        if (enrolled->existing)
            return Rejection(
                QCoreApplication::translate("MemberImporter", "already a member (member %1)").arg(enrolled->member.id));
        return Rejection();
    }

private:
    EnrollmentService m_enrollment;
    const Actor& m_actor;
    Columns m_columns;
    qsizetype m_fieldCount;
    QString m_consentVersion;
    QHash<QString, qint64> m_phonesSeen; // E.164 -> line, to name the first line of a repeated number
    QHash<QString, qint64> m_cardsSeen;
};
} // namespace

const QStringList& MemberImporter::columns()
{
    static const QStringList names = {QStringLiteral("phone"),    QStringLiteral("name"), QStringLiteral("email"),
                                      QStringLiteral("birthday"), QStringLiteral("card"), QStringLiteral("consent"),
                                      QStringLiteral("balance")};
    return names;
}

Result<ImportReport> MemberImporter::importCsv(QIODevice& device, const ImportOptions& options, const Actor& actor)
{
    QElapsedTimer timer;
    timer.start();
    CsvReader reader(device);
    LT_TRY_ASSIGN(const QStringList header, reader.next());
    LT_TRY_ASSIGN(Columns columns, columnsOf(header, MemberImporter::columns()));
    RowEnroller rows(m_context, actor, std::move(columns), header.size());
    ImportReport report;
    const qint64 size = device.size();

    // One transaction for the whole file, begun by hand: a file with bad rows is rolled back while its report of
    // every bad row is still the answer.
    Transaction transaction(m_context.db);
    LT_TRY(transaction.begin());
    while (true) {
        auto record = reader.next();
        if (!record) {
            // A broken file (an unclosed quote, a runaway field) cannot be resynchronised: stop here.
            report.errors << ImportRowError {reader.recordLine(), record.error().message};
            break;
        }
        if (record->isEmpty())
            break;
        if (record->size() == 1 && record->first().trimmed().isEmpty())
            continue;
        ++report.rows;
        const qint64 line = reader.recordLine();
        if (options.progress && report.rows % 5000 == 0)
            options.progress(report.rows, size > 0 ? double(device.pos()) / double(size) : 0.0);
        LT_TRY_ASSIGN(const std::optional<QString> rejected, rows.enroll(*record, line));
        if (rejected)
            report.errors << ImportRowError {line, *rejected};
        else
            ++report.imported;
    }
    if (!report.errors.isEmpty() && !options.skipBadRows) {
        transaction.rollback();
        report.imported = 0;
        report.seconds = double(timer.elapsed()) / 1000.0;
        return report;
    }
    LT_TRY(AuditLog(m_context.db, m_context.clock)
               .record(actor.name(), QStringLiteral("members.import"), QString(),
                       {{QStringLiteral("rows"), report.rows},
                        {QStringLiteral("imported"), report.imported},
                        {QStringLiteral("rejected"), report.errors.size()}}));
    LT_TRY(transaction.commit());
    report.committed = true;
    if (options.progress)
        options.progress(report.rows, 1.0);
    report.seconds = double(timer.elapsed()) / 1000.0;
    qCDebug(lcExchange) << "imported" << report.imported << "of" << report.rows << "rows in" << report.seconds << "s";
    return report;
}

} // namespace lt
