#include "core/exchange/MemberExporter.h"

#include "core/services/EngineContext.h"
#include "core/services/MemberDirectory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace lt {

namespace {
constexpr int Page = 5000;

QJsonValue orNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QString time(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonObject toJson(const Member& m)
{
    return {{QStringLiteral("id"), m.id},
            {QStringLiteral("phone"), orNull(m.phone)},
            {QStringLiteral("card"), orNull(m.card)},
            {QStringLiteral("name"), m.name},
            {QStringLiteral("email"), m.email},
            {QStringLiteral("birthday"), orNull(m.birthday.isValid() ? m.birthday.toString(Qt::ISODate) : QString())},
            {QStringLiteral("marketing_consent"), m.marketingConsent},
            {QStringLiteral("consent_version"), orNull(m.consentVersion)},
            {QStringLiteral("consent_at"), orNull(time(m.consentAt))},
            {QStringLiteral("enrolled_at"), time(m.enrolledAt)},
            {QStringLiteral("balance"), m.balance},
            {QStringLiteral("lifetime_points"), m.lifetimePoints},
            {QStringLiteral("tier"), m.tier}};
}

const char* const CsvColumns = "id,phone,card,name,email,birthday,marketing_consent,consent_version,consent_at,"
                               "enrolled_at,balance,lifetime_points,tier";
// A member's own export states whether their personal data was erased, and when: the empty fields are not an error.
const char* const ErasureColumns = ",erased,erased_at";

QStringList csvFields(const Member& m)
{
    return {QString::number(m.id),
            m.phone,
            m.card,
            MemberExporter::csvField(m.name, true),
            MemberExporter::csvField(m.email, true),
            m.birthday.isValid() ? m.birthday.toString(Qt::ISODate) : QString(),
            m.marketingConsent ? QStringLiteral("yes") : QStringLiteral("no"),
            MemberExporter::csvField(m.consentVersion, true),
            time(m.consentAt),
            time(m.enrolledAt),
            QString::number(m.balance),
            QString::number(m.lifetimePoints),
            MemberExporter::csvField(m.tier, true)};
}

QByteArray csvLine(const QStringList& fields)
{
    return fields.join(QLatin1Char(',')).toUtf8() + '\n';
}

Result<void> write(QIODevice& out, const QByteArray& bytes)
{
    if (out.write(bytes) != bytes.size())
        return Error::storage(QStringLiteral("Cannot write the export: %1").arg(out.errorString()));
    return {};
}
} // namespace

QString MemberExporter::csvField(const QString& text, bool neutraliseFormula)
{
    QString value = text;
    // A spreadsheet would run a cell that starts like a formula; a leading apostrophe keeps it text.
    if (neutraliseFormula && !value.isEmpty() && QStringLiteral("=+-@\t\r").contains(value.front()))
        value.prepend(QLatin1Char('\''));
    if (value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) || value.contains(QLatin1Char('\n'))
        || value.contains(QLatin1Char('\r')))
        return QLatin1Char('"') + value.replace(QStringLiteral("\""), QStringLiteral("\"\"")) + QLatin1Char('"');
    return value;
}

Result<qint64> MemberExporter::exportAll(QIODevice& out, Format format)
{
    MemberDirectory directory(m_context);
    qint64 count = 0;
    qint64 after = 0;
    LT_TRY(write(out, format == Format::Csv ? QByteArray(CsvColumns) + '\n' : QByteArray("{\"members\":[\n")));
    while (true) {
        LT_TRY_ASSIGN(const QList<Member> page, directory.list(Page, after));
        if (page.isEmpty())
            break;
        QByteArray chunk;
        for (const Member& m : page) {
            if (format == Format::Csv)
                chunk += csvLine(csvFields(m));
            else
                chunk += (count > 0 ? ",\n" : "") + QJsonDocument(toJson(m)).toJson(QJsonDocument::Compact);
            ++count;
            after = m.id;
        }
        LT_TRY(write(out, chunk));
    }
    if (format == Format::Json)
        LT_TRY(write(out, QByteArray("\n],\"count\":") + QByteArray::number(count) + "}\n"));
    return count;
}

Result<qint64> MemberExporter::exportMember(QIODevice& out, Format format, qint64 memberId)
{
    MemberDirectory directory(m_context);
    LT_TRY_ASSIGN(const Member member, directory.byId(memberId));
    LT_TRY_ASSIGN(const QList<LedgerEntry> history, directory.history(memberId, 1'000'000));
    if (format == Format::Csv) {
        QByteArray bytes = QByteArray(CsvColumns) + ErasureColumns + '\n'
            + csvLine(csvFields(member) << (member.erased ? QStringLiteral("yes") : QStringLiteral("no"))
                                        << time(member.erasedAt))
            + "\nledger_id,kind,points,sale,reward,created_at\n";
        for (const LedgerEntry& e : history) {
            bytes += QStringList {QString::number(e.id),          toStorage(e.kind),
                                  QString::number(e.points),      csvField(e.saleReference, true),
                                  csvField(e.rewardTierId, true), time(e.createdAt)}
                         .join(QLatin1Char(','))
                         .toUtf8()
                + '\n';
        }
        LT_TRY(write(out, bytes));
        return 1;
    }
    QJsonArray entries;
    for (const LedgerEntry& e : history) {
        entries.append(QJsonObject {{QStringLiteral("id"), e.id},
                                    {QStringLiteral("kind"), toStorage(e.kind)},
                                    {QStringLiteral("points"), e.points},
                                    {QStringLiteral("sale"), orNull(e.saleReference)},
                                    {QStringLiteral("reward"), orNull(e.rewardTierId)},
                                    {QStringLiteral("created_at"), time(e.createdAt)}});
    }
    QJsonObject json = toJson(member);
    json.insert(QStringLiteral("erased"), member.erased);
    json.insert(QStringLiteral("erased_at"), orNull(time(member.erasedAt)));
    json.insert(QStringLiteral("ledger"), entries);
    LT_TRY(write(out,
                 QJsonDocument(QJsonObject {{QStringLiteral("member"), json}}).toJson(QJsonDocument::Compact) + '\n'));
    return 1;
}

} // namespace lt
