#include "core/exchange/SaleHistoryImporter.h"

#include "core/common/Clock.h"
#include "core/common/Logging.h"
#include "core/domain/Actor.h"
#include "core/domain/Money.h"
#include "core/domain/Sale.h"
#include "core/exchange/CsvReader.h"
#include "core/services/AccrualService.h"
#include "core/services/EngineContext.h"
#include "core/services/MemberDirectory.h"
#include "core/store/AuditLog.h"
#include "core/store/Database.h"
#include "core/store/LedgerWriter.h"
#include "core/store/MemberStore.h"
#include "core/store/SaleStore.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QMap>

#include <variant>

namespace lt {

namespace {

using ColumnIndex = QHash<QString, int>; // a column's name -> its place in a record

// One sale of the file, checked.
struct HistoricSale
{
    qint64 memberId = 0;
    QString reference;
    Money amount;
    qint64 refundedMinor = 0;
    QDateTime completedAt;
};

class SaleRows
{
public:
    SaleRows(EngineContext& context, ColumnIndex index, qsizetype fieldCount)
        : m_context(context)
        , m_index(std::move(index))
        , m_fieldCount(fieldCount)
        , m_now(context.clock.nowUtc())
    {
    }

    // The row's sale, or why it is refused (a string); an Error only when the store failed.
    Result<std::variant<HistoricSale, QString>> read(const QStringList& record, qint64 line)
    {
        using Answer = std::variant<HistoricSale, QString>;
        if (record.size() != m_fieldCount)
            return Answer(QCoreApplication::translate("SaleHistoryImporter", "expected %1 fields, found %2")
                              .arg(m_fieldCount)
                              .arg(record.size()));
        HistoricSale sale;
        LT_TRY_ASSIGN(const std::optional<qint64> member, memberOf(record));
        if (!member)
            return Answer(QCoreApplication::translate("SaleHistoryImporter", "no member has this id, phone or card"));
        sale.memberId = *member;
        auto reference = AccrualService::validateReference(field(record, "reference"));
        if (!reference)
            return Answer(QStringLiteral("reference: ") + reference.error().message);
        sale.reference = *reference;
        if (const qint64 first = m_referencesSeen.value(sale.reference); first > 0)
            return Answer(QCoreApplication::translate("SaleHistoryImporter", "sale %1 already appears on line %2")
                              .arg(sale.reference)
                              .arg(first));
        LT_TRY_ASSIGN(const std::optional<SaleRecord> recorded, SaleStore(m_context.db).find(sale.reference));
        if (recorded)
            return Answer(
                QCoreApplication::translate("SaleHistoryImporter", "sale %1 is already recorded").arg(sale.reference));
        const QString currency = m_context.program.currency;
        auto amount = Money::parse(field(record, "amount").trimmed(), currency);
        if (!amount || amount->minorUnits() <= 0)
            return Answer(
                QCoreApplication::translate("SaleHistoryImporter",
                                            "amount must be more than zero, in %1 with its decimals, such as 12.50")
                    .arg(currency));
        sale.amount = *amount;
        if (const QString refunded = field(record, "refunded").trimmed(); !refunded.isEmpty()) {
            auto taken = Money::parse(refunded, currency);
            if (!taken || taken->minorUnits() > sale.amount.minorUnits())
                return Answer(QCoreApplication::translate("SaleHistoryImporter",
                                                          "refunded must be an amount in %1 no larger than the sale")
                                  .arg(currency));
            sale.refundedMinor = taken->minorUnits();
        }
        sale.completedAt = QDateTime::fromString(field(record, "completed_at").trimmed(), Qt::ISODateWithMs);
        if (!sale.completedAt.isValid())
            return Answer(QCoreApplication::translate("SaleHistoryImporter",
                                                      "completed_at must be a time such as 2024-03-05T14:30:00+01:00"));
        sale.completedAt = sale.completedAt.toUTC();
        if (sale.completedAt > m_now)
            return Answer(QCoreApplication::translate("SaleHistoryImporter", "completed_at is in the future"));
        m_referencesSeen.insert(sale.reference, line);
        return Answer(sale);
    }

private:
    QString field(const QStringList& record, const char* name) const
    {
        const int i = m_index.value(QString::fromLatin1(name), -1);
        return i >= 0 ? record.value(i) : QString();
    }

    // The member the row names, by the first of member, phone and card it fills.
    Result<std::optional<qint64>> memberOf(const QStringList& record) const
    {
        const MemberDirectory members(m_context);
        Result<Member> found = Error::notFound(QString());
        if (const QString id = field(record, "member").trimmed(); !id.isEmpty()) {
            bool ok = false;
            const qint64 number = id.toLongLong(&ok);
            if (!ok)
                return std::optional<qint64>();
            found = members.byId(number);
        } else if (const QString phone = field(record, "phone"); !phone.trimmed().isEmpty()) {
            found = members.byPhone(phone);
        } else if (const QString card = field(record, "card"); !card.trimmed().isEmpty()) {
            found = members.byCard(card);
        }
        if (found)
            return std::optional<qint64>(found->id);
        if (found.error().kind == ErrorKind::Storage || found.error().kind == ErrorKind::Corrupt)
            return found.error();
        return std::optional<qint64>();
    }

    EngineContext& m_context;
    ColumnIndex m_index;
    qsizetype m_fieldCount;
    QDateTime m_now;
    QHash<QString, qint64> m_referencesSeen;
};

Result<ColumnIndex> columnsOf(const QStringList& header)
{
    ColumnIndex index;
    for (int i = 0; i < header.size(); ++i) {
        const QString name = header.at(i).trimmed().toLower();
        if (!SaleHistoryImporter::columns().contains(name))
            return Error::invalid(
                QCoreApplication::translate("SaleHistoryImporter",
                                            "Unknown column '%1' in the first line; the columns are %2.")
                    .arg(name.left(40), SaleHistoryImporter::columns().join(QStringLiteral(", "))));
        if (index.contains(name))
            return Error::invalid(
                QCoreApplication::translate("SaleHistoryImporter", "The column '%1' appears twice.").arg(name));
        index.insert(name, i);
    }
    const bool names = index.contains(QStringLiteral("member")) || index.contains(QStringLiteral("phone"))
        || index.contains(QStringLiteral("card"));
    if (!names || !index.contains(QStringLiteral("reference")) || !index.contains(QStringLiteral("amount"))
        || !index.contains(QStringLiteral("completed_at")))
        return Error::invalid(QCoreApplication::translate(
            "SaleHistoryImporter",
            "The first line must name the columns: member, phone or card, and reference, amount "
            "and completed_at."));
    return index;
}

} // namespace

const QStringList& SaleHistoryImporter::columns()
{
    static const QStringList names = {QStringLiteral("member"),  QStringLiteral("phone"),
                                      QStringLiteral("card"),    QStringLiteral("reference"),
                                      QStringLiteral("amount"),  QStringLiteral("completed_at"),
                                      QStringLiteral("refunded")};
    return names;
}

Result<ImportReport> SaleHistoryImporter::importCsv(QIODevice& device, const SaleImportOptions& options,
                                                    const Actor& actor)
{
    QElapsedTimer timer;
    timer.start();
    CsvReader reader(device);
    LT_TRY_ASSIGN(const QStringList header, reader.next());
    LT_TRY_ASSIGN(ColumnIndex index, columnsOf(header));
    SaleRows rows(m_context, std::move(index), header.size());
    ImportReport report;
    const qint64 size = device.size();
    QMap<qint64, qint64> pointsByMember; // what the imported sales earn, given per member with earnPoints

    // One transaction for the whole file: a file with bad rows is rolled back unless skipBadRows.
    Transaction transaction(m_context.db);
    LT_TRY(transaction.begin());
    SaleStore sales(m_context.db);
    MemberStore members(m_context.db);
    while (true) {
        auto record = reader.next();
        if (!record) {
            report.errors << ImportRowError {reader.recordLine(), record.error().message};
            break;
        }
        if (record->isEmpty())
            break;
        if (record->size() == 1 && record->first().trimmed().isEmpty())
            continue;
        ++report.rows;
        const qint64 line = reader.recordLine();
        if (options.rows.progress && report.rows % 5000 == 0)
            options.rows.progress(report.rows, size > 0 ? double(device.pos()) / double(size) : 0.0);
        LT_TRY_ASSIGN(auto answer, rows.read(*record, line));
        if (const QString* refused = std::get_if<QString>(&answer)) {
            report.errors << ImportRowError {line, *refused};
            continue;
        }
        const HistoricSale& sale = std::get<HistoricSale>(answer);
        LT_TRY_ASSIGN(
            const qint64 saleId,
            sales.insert(sale.reference, sale.memberId, sale.amount, 0, sale.completedAt, TillName, actor.name()));
        if (sale.refundedMinor > 0)
            LT_TRY(sales.setTakenBack(saleId, sale.refundedMinor, 0));
        LT_TRY(members.recordVisit(sale.memberId, sale.completedAt));
        if (options.earnPoints) {
            const Money net(sale.amount.minorUnits() - sale.refundedMinor, sale.amount.currency());
            if (net.minorUnits() > 0) {
                LT_TRY_ASSIGN(const PointsBreakdown earned,
                              AccrualService(m_context).preview(0, Sale {sale.reference, net, {}}));
                pointsByMember[sale.memberId] += earned.total();
            }
        }
        ++report.imported;
    }
    if (!report.errors.isEmpty() && !options.rows.skipBadRows) {
        transaction.rollback();
        report.imported = 0;
        report.seconds = double(timer.elapsed()) / 1000.0;
        return report;
    }
    LedgerWriter writer(m_context.db, m_context.clock, actor);
    for (auto it = pointsByMember.cbegin(); it != pointsByMember.cend(); ++it) {
        if (it.value() <= 0)
            continue;
        LedgerStore::NewEntry entry;
        entry.memberId = it.key();
        entry.kind = LedgerKind::Adjust;
        entry.points = it.value();
        entry.note = QCoreApplication::translate("SaleHistoryImporter", "Points for imported sales");
        LT_TRY(writer.append(entry, OutboxOperation::Adjust, {{QStringLiteral("reason"), entry.note}}));
    }
    LT_TRY(AuditLog(m_context.db, m_context.clock)
               .record(actor.name(), QStringLiteral("sales.import"), QString(),
                       {{QStringLiteral("rows"), report.rows},
                        {QStringLiteral("imported"), report.imported},
                        {QStringLiteral("rejected"), report.errors.size()},
                        {QStringLiteral("earn_points"), options.earnPoints}}));
    LT_TRY(transaction.commit());
    report.committed = true;
    if (options.rows.progress)
        options.rows.progress(report.rows, 1.0);
    report.seconds = double(timer.elapsed()) / 1000.0;
    qCDebug(lcExchange) << "imported" << report.imported << "of" << report.rows << "sales in" << report.seconds << "s";
    return report;
}

} // namespace lt
