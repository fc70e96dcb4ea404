#pragma once

#include "core/common/Result.h"
#include "core/store/MemberImportWriter.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace lt {

struct EngineContext;

// One CSV row checked as enrollment checks it (EnrollmentService::validate), ready for MemberImportWriter.
struct CheckedMemberRow
{
    qint64 line = 0;
    QString rejection; // why the row is refused; empty when it is good
    QString phone; // E.164, for the report's messages
    QString card;
    quint64 phoneKey = 0; // the E.164 digits as a number, to find a number repeated in the file cheaply
    MemberImportWriter::Row row;
};

// Turns the import's CSV records into rows to write. Its check() is const and touches no database, so that the
// import runs it on every core at once.
class MemberRowValidator
{
public:
    static const QStringList& columns();
    // The validator for a file whose first line is `header`, or why that line is refused.
    static Result<MemberRowValidator> forHeader(EngineContext& context, const QStringList& header);

    CheckedMemberRow check(const QStringList& record, qint64 line) const;
    // The ledger note of an opening balance, as EnrollmentService writes it.
    static QString openingNote();

private:
    enum Column { Phone, Name, Email, Birthday, Card, Consent, Balance, ColumnCount }; // as columns() lists them

    MemberRowValidator(EngineContext& context, const QHash<QString, int>& index, qsizetype fieldCount);
    QString field(const QStringList& record, Column column) const;

    EngineContext* m_context;
    int m_at[ColumnCount]; // each column's place in a record, -1 when the file has no such column
    qsizetype m_fieldCount = 0;
    QString m_consentVersion;
    QByteArray m_adjustReason; // "\"reason\":\"<opening note>\"}", the end of an opening balance's payload
};

} // namespace lt
