#include "tests/bulk/RowByRowImport.h"

#include "core/domain/Actor.h"
#include "core/exchange/CsvReader.h"
#include "core/exchange/MemberRowValidator.h"
#include "core/services/EngineContext.h"
#include "core/services/EnrollmentService.h"
#include "core/store/AuditLog.h"
#include "core/store/Transaction.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QHash>

namespace lt::test {

Result<ImportReport> importRowByRow(EngineContext& context, const QByteArray& csv, bool skipBadRows, const Actor& actor)
{
    QByteArray bytes = csv;
    QBuffer device(&bytes);
    device.open(QIODevice::ReadOnly);
    CsvReader reader(device);
    LT_TRY_ASSIGN(const QStringList header, reader.next());
    LT_TRY_ASSIGN(const MemberRowValidator validator, MemberRowValidator::forHeader(context, header));
    EnrollmentService enrollment(context);
    QHash<QString, qint64> phonesSeen;
    QHash<QString, qint64> cardsSeen;
    ImportReport report;
    Transaction transaction(context.db);
    LT_TRY(transaction.begin());
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
        const CheckedMemberRow checked = validator.check(*record, line);
        const auto reject = [&](const QString& reason) {
            report.errors << ImportRowError {line, reason};
        };
        if (!checked.rejection.isEmpty()) {
            reject(checked.rejection);
            continue;
        }
        if (const qint64 first = phonesSeen.value(checked.phone); first > 0) {
            reject(QCoreApplication::translate("MemberImporter", "phone %1 already appears on line %2")
                       .arg(checked.phone)
                       .arg(first));
            continue;
        }
        if (const qint64 first = cardsSeen.value(checked.card); !checked.card.isEmpty() && first > 0) {
            reject(QCoreApplication::translate("MemberImporter", "card %1 already appears on line %2")
                       .arg(checked.card)
                       .arg(first));
            continue;
        }
        phonesSeen.insert(checked.phone, line);
        if (!checked.card.isEmpty())
            cardsSeen.insert(checked.card, line);
        EnrollmentRequest request;
        request.phone = checked.phone;
        request.name = QString::fromUtf8(checked.row.name);
        request.email = QString::fromUtf8(checked.row.email);
        request.birthday = QString::fromUtf8(checked.row.birthday);
        request.card = checked.card;
        request.marketingConsent = checked.row.consent;
        request.consentVersion = QString::fromUtf8(checked.row.consentVersion);
        request.openingBalance = checked.row.openingBalance;
        request.origin = QStringLiteral("import");
        auto enrolled = enrollment.insertValidated(request, actor);
        if (!enrolled) {
            if (enrolled.error().kind == ErrorKind::Storage || enrolled.error().kind == ErrorKind::Corrupt)
                return enrolled.error();
            reject(enrolled.error().message);
            continue;
        }
        if (enrolled->existing) {
            reject(
                QCoreApplication::translate("MemberImporter", "already a member (member %1)").arg(enrolled->member.id));
            continue;
        }
        ++report.imported;
    }
    if (!report.errors.isEmpty() && !skipBadRows) {
        transaction.rollback();
        report.imported = 0;
        return report;
    }
    LT_TRY(AuditLog(context.db, context.clock)
               .record(actor.name(), QStringLiteral("members.import"), QString(),
                       {{QStringLiteral("rows"), report.rows}}));
    LT_TRY(transaction.commit());
    report.committed = true;
    return report;
}

} // namespace lt::test
