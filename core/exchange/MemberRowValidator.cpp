#include "core/exchange/MemberRowValidator.h"

#include "core/domain/PointsRules.h"
#include "core/domain/SearchTerms.h"
#include "core/services/EngineContext.h"
#include "core/services/EnrollmentService.h"
#include "core/store/StoreSettings.h"
#include "core/store/SyncOutbox.h"

#include <QCoreApplication>
#include <QJsonDocument>

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

// Never a null array: SQLite would store NULL where the store keeps ''.
QByteArray text(const QString& value)
{
    return value.isEmpty() ? QByteArray("") : value.toUtf8();
}

QByteArray compactJson(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

const QStringList& MemberRowValidator::columns()
{
    static const QStringList names = {QStringLiteral("phone"),    QStringLiteral("name"), QStringLiteral("email"),
                                      QStringLiteral("birthday"), QStringLiteral("card"), QStringLiteral("consent"),
                                      QStringLiteral("balance")};
    return names;
}

QString MemberRowValidator::openingNote()
{
    return QCoreApplication::translate("EnrollmentService", "Opening balance");
}

Result<MemberRowValidator> MemberRowValidator::forHeader(EngineContext& context, const QStringList& header)
{
    // A file written by MemberExporter imports again: its consent column has a longer name, and the columns the
    // store assigns itself (id, enrollment time, lifetime points, tier) are ignored.
    static const QStringList exportedOnly = {
        QStringLiteral("id"),          QStringLiteral("consent_version"), QStringLiteral("consent_at"),
        QStringLiteral("enrolled_at"), QStringLiteral("lifetime_points"), QStringLiteral("tier")};
    const QStringList& known = columns();
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
    return MemberRowValidator(context, index, header.size());
}

MemberRowValidator::MemberRowValidator(EngineContext& context, const QHash<QString, int>& index, qsizetype fieldCount)
    : m_context(&context)
    , m_fieldCount(fieldCount)
    , m_consentVersion(StoreSettings(context.db).value(StoreSettings::ConsentVersion))
    , m_adjustReason(compactJson({{QStringLiteral("reason"), openingNote()}}).mid(1))
{
    for (int column = 0; column < ColumnCount; ++column)
        m_at[column] = index.value(columns().at(column), -1);
}

QString MemberRowValidator::field(const QStringList& record, Column column) const
{
    return m_at[column] >= 0 ? record.value(m_at[column]) : QString();
}

CheckedMemberRow MemberRowValidator::check(const QStringList& record, qint64 line) const
{
    CheckedMemberRow checked;
    checked.line = line;
    if (record.size() != m_fieldCount) {
        checked.rejection = QCoreApplication::translate("MemberImporter", "expected %1 fields, found %2")
                                .arg(m_fieldCount)
                                .arg(record.size());
        return checked;
    }
    EnrollmentRequest request;
    request.phone = field(record, Phone);
    request.name = field(record, Name);
    request.email = field(record, Email);
    request.birthday = field(record, Birthday);
    request.card = field(record, Card);
    request.origin = QStringLiteral("import");
    auto consent = parseConsent(field(record, Consent));
    auto balance = parseBalance(field(record, Balance));
    if (!consent || !balance) {
        checked.rejection = consent ? balance.error().message : consent.error().message;
        return checked;
    }
    request.marketingConsent = *consent;
    request.consentVersion = m_consentVersion;
    request.openingBalance = *balance;
    auto clean = EnrollmentService(*m_context).validate(request);
    if (!clean) {
        checked.rejection = clean.error().field.isEmpty()
            ? clean.error().message
            : clean.error().field + QStringLiteral(": ") + clean.error().message;
        return checked;
    }

    checked.phone = clean->phone;
    checked.card = clean->card;
    checked.phoneKey = clean->phone.mid(1).toULongLong();
    MemberImportWriter::Row& row = checked.row;
    row.phone = clean->phone.toUtf8();
    row.name = text(clean->name);
    row.email = text(clean->email);
    row.birthday = clean->birthday.isEmpty() ? QByteArray() : clean->birthday.toUtf8();
    row.card = clean->card.isEmpty() ? QByteArray() : clean->card.toUtf8();
    row.consent = clean->marketingConsent;
    row.consentVersion = text(clean->consentVersion);
    row.openingBalance = clean->openingBalance;
    row.openingLifetime = PointsRules::lifetimeDelta(LedgerKind::Opening, clean->openingBalance);
    for (const QString& term : SearchTerms::forMember(clean->name, clean->email))
        row.searchTerms << term.toUtf8();
    // The outbox rows SyncOutbox::enqueue would write, made here on the validating threads.
    // The JSON SyncOutbox writes, keys in order, put together without a QJsonObject for each row: an E.164 number
    // needs no escaping, and the note's part is the same on every row.
    row.enrollPayload = R"({"phone":")" + row.phone + R"("})";
    row.enrollKey = SyncOutbox::newIdempotencyKey().toUtf8();
    if (clean->openingBalance > 0) {
        row.adjustPayload = "{\"points\":" + QByteArray::number(clean->openingBalance) + ',' + m_adjustReason;
        row.adjustKey = SyncOutbox::newIdempotencyKey().toUtf8();
    }
    return checked;
}

} // namespace lt
