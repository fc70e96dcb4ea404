// Writes a LoyaltyTill store at schema version 1 with a little of everything a version 1 till recorded: members
// (one imported with an opening balance), cards, search terms, sales, a partial refund, a redemption, a voided
// sale, approved, pending and rejected adjustments, settings, the program and the audit trail. The rows are
// inserted by SQL because today's services write to tables version 1 did not have.
//
//   loyaltytill-make-fixture OUT.sqlite
//   sqlite3 OUT.sqlite .dump   (then the two PRAGMA lines; see tests/fixtures/schema-v1.sql)
//
// The dump is committed and frozen: later schema versions must upgrade exactly that file.
#include "core/domain/CardNumber.h"
#include "core/domain/LoyaltyProgram.h"
#include "core/domain/SearchTerms.h"
#include "core/store/Database.h"
#include "core/store/SchemaMigrator.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>

namespace {

bool run(lt::Database& db, const QString& sql, const QVariantList& values = {})
{
    QSqlQuery query(db.connection());
    if (!query.prepare(sql)) {
        std::fprintf(stderr, "%s\n%s\n", qPrintable(query.lastError().text()), qPrintable(sql));
        return false;
    }
    for (int i = 0; i < values.size(); ++i) {
        // As Database::exec: a null QString is an empty text, only an invalid QVariant is NULL.
        const QVariant& value = values.at(i);
        const bool nullText = value.typeId() == QMetaType::QString && value.toString().isNull();
        query.bindValue(i, nullText ? QVariant(QStringLiteral("")) : value);
    }
    if (!query.exec()) {
        std::fprintf(stderr, "%s\n%s\n", qPrintable(query.lastError().text()), qPrintable(sql));
        return false;
    }
    return true;
}

bool addMember(lt::Database& db, qint64 id, const QString& phone, const QString& name, const QString& email,
               const QVariant& birthday, bool consent, const QString& enrolledAt, qint64 balance, qint64 lifetime,
               const QString& origin)
{
    if (!run(db,
             QStringLiteral("INSERT INTO members (id, phone, name, email, birthday, consent, consent_at, "
                            "consent_version, enrolled_at, balance, lifetime_points, origin) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
             {id, phone, name, email, birthday, consent ? 1 : 0, consent ? QVariant(enrolledAt) : QVariant(),
              consent ? QVariant(QStringLiteral("1")) : QVariant(), enrolledAt, balance, lifetime, origin}))
        return false;
    for (const QString& term : lt::SearchTerms::forMember(name, email)) {
        if (!run(db, QStringLiteral("INSERT INTO member_search (term, member_id) VALUES (?, ?)"), {term, id}))
            return false;
    }
    return true;
}

bool ledger(lt::Database& db, qint64 id, qint64 member, const char* kind, qint64 points, const QVariant& saleId,
            const QVariant& reference, const QVariant& tier, const QVariant& discount, const QString& note,
            const QString& at)
{
    return run(db,
               QStringLiteral("INSERT INTO ledger (id, member_id, kind, points, sale_id, reference, reward_tier_id, "
                              "discount_minor, note, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
               {id, member, QString::fromLatin1(kind), points, saleId, reference, tier, discount, note,
                QStringLiteral("cashier-1"), at});
}

bool audit(lt::Database& db, const QString& at, const QString& actor, const char* action, qint64 member,
           const char* details)
{
    return run(
        db, QStringLiteral("INSERT INTO audit_log (at, actor, action, subject, details) VALUES (?, ?, ?, ?, ?)"),
        {at, actor, QString::fromLatin1(action), QStringLiteral("member:%1").arg(member), QString::fromUtf8(details)});
}

bool fill(lt::Database& db)
{
    const QVariant none;
    const QString card1 = lt::CardNumber::fromSerial(1);
    const QString card2 = lt::CardNumber::fromSerial(2);
    const QString program =
        QString::fromUtf8(QJsonDocument(lt::LoyaltyProgram::defaultProgram().toJson()).toJson(QJsonDocument::Compact));
    const QString cashier = QStringLiteral("cashier-1");
    const QString manager = QStringLiteral("Dana (manager)");
    // Member 1: two sales, a partial refund of the first, a reward redeemed on the second.
    // Member 2: imported with 300 points, +25 approved, -10 pending, +1000 rejected.
    // Member 3: a sale voided (wrong member), then a sale of their own.
    return run(db, QStringLiteral("INSERT INTO settings (key, value) VALUES ('store.name', 'Corner Café')"))
        && run(db, QStringLiteral("INSERT INTO settings (key, value) VALUES ('phone.default_region', 'US')"))
        && run(db, QStringLiteral("INSERT INTO program (id, source, document, updated_at) VALUES (1, 'local', ?, ?)"),
               {program, QStringLiteral("2023-05-02T08:00:00.000Z")})
        && addMember(db, 1, QStringLiteral("+14155552671"), QStringLiteral("José Muñoz"),
                     QStringLiteral("jose.munoz@example.com"), QStringLiteral("1985-04-12"), true,
                     QStringLiteral("2023-05-02T09:15:00.000Z"), 224, 324, QStringLiteral("till"))
        && addMember(db, 2, QStringLiteral("+442079460018"), QStringLiteral("山田 花子"), QString(), none, false,
                     QStringLiteral("2023-05-03T10:00:00.000Z"), 325, 325, QStringLiteral("import"))
        && addMember(db, 3, QStringLiteral("+525512345678"), QStringLiteral("Ana O'Brien"),
                     QStringLiteral("ana@example.com"), none, true, QStringLiteral("2023-05-04T11:30:00.000Z"), 19, 19,
                     QStringLiteral("till"))
        && run(db, QStringLiteral("INSERT INTO cards (number, member_id, issued_at) VALUES (?, 1, ?), (?, 3, ?)"),
               {card1, QStringLiteral("2023-05-02T09:15:00.000Z"), card2, QStringLiteral("2023-05-04T11:30:00.000Z")})
        && run(db,
               QStringLiteral("INSERT INTO sales (id, reference, member_id, amount_minor, currency, points, "
                              "refunded_minor, points_reversed, created_at) VALUES "
                              "(1, 'S-1001', 1, 12345, 'USD', 123, 5000, 49, '2023-05-02T09:20:00.000Z'), "
                              "(2, 'S-1002', 1, 25000, 'USD', 250, 0, 0, '2023-05-05T16:45:00.000Z'), "
                              "(3, 'S-1003', 3, 4000, 'USD', 40, 4000, 40, '2023-05-04T11:35:00.000Z'), "
                              "(4, 'S-1004', 3, 1999, 'USD', 19, 0, 0, '2023-05-06T12:00:00.000Z')"))
        && ledger(db, 1, 1, "accrue", 123, 1, none, none, none, QString(), QStringLiteral("2023-05-02T09:20:00.000Z"))
        && ledger(db, 2, 2, "opening", 300, none, none, none, none, QStringLiteral("Opening balance"),
                  QStringLiteral("2023-05-03T10:00:00.000Z"))
        && ledger(db, 3, 3, "accrue", 40, 3, none, none, none, QString(), QStringLiteral("2023-05-04T11:35:00.000Z"))
        && ledger(db, 4, 3, "void", -40, 3, none, none, none, QStringLiteral("Wrong member"),
                  QStringLiteral("2023-05-04T11:40:00.000Z"))
        && ledger(db, 5, 1, "refund", -49, 1, none, none, none, QString(), QStringLiteral("2023-05-05T14:00:00.000Z"))
        && ledger(db, 6, 1, "accrue", 250, 2, none, none, none, QString(), QStringLiteral("2023-05-05T16:45:00.000Z"))
        && ledger(db, 7, 1, "redeem", -100, none, QStringLiteral("S-1002"), QStringLiteral("five-off"), 500, QString(),
                  QStringLiteral("2023-05-05T16:46:00.000Z"))
        && ledger(db, 8, 2, "adjust", 25, none, none, none, none, QStringLiteral("Missed receipt 4411"),
                  QStringLiteral("2023-05-06T09:05:00.000Z"))
        && ledger(db, 9, 3, "accrue", 19, 4, none, none, none, QString(), QStringLiteral("2023-05-06T12:00:00.000Z"))
        && run(db,
               QStringLiteral("INSERT INTO refunds (id, sale_id, reference, amount_minor, points, ledger_id, "
                              "created_at) VALUES (1, 1, 'R-2001', 5000, -49, 5, '2023-05-05T14:00:00.000Z')"))
        && run(db,
               QStringLiteral("INSERT INTO adjustments (id, member_id, points, reason, requested_by, requested_at, "
                              "state, decided_by, decided_at, ledger_id) VALUES "
                              "(1, 2, 25, 'Missed receipt 4411', ?, '2023-05-06T09:00:00.000Z', 'approved', ?, "
                              "'2023-05-06T09:05:00.000Z', 8), "
                              "(2, 2, -10, 'Duplicate scan', ?, '2023-05-06T09:10:00.000Z', 'pending', NULL, NULL, "
                              "NULL), "
                              "(3, 2, 1000, 'Birthday bonus', ?, '2023-05-06T09:12:00.000Z', 'rejected', ?, "
                              "'2023-05-06T09:20:00.000Z', NULL)"),
               {cashier, manager, cashier, cashier, manager})
        && audit(db, QStringLiteral("2023-05-02T09:15:00.000Z"), cashier, "member.enroll", 1,
                 R"({"card":true,"consent":true})")
        && audit(db, QStringLiteral("2023-05-03T10:00:00.000Z"), QStringLiteral("import"), "member.enroll", 2,
                 R"({"card":false,"consent":false})")
        && audit(db, QStringLiteral("2023-05-04T11:30:00.000Z"), cashier, "member.enroll", 3,
                 R"({"card":true,"consent":true})")
        && audit(db, QStringLiteral("2023-05-04T11:40:00.000Z"), cashier, "sale.void", 3,
                 R"({"points":-40,"reason":"Wrong member","sale":"S-1003"})")
        && audit(db, QStringLiteral("2023-05-05T14:00:00.000Z"), cashier, "sale.refund", 1,
                 R"({"amount_minor":5000,"points":-49,"restored":0,"sale":"S-1001"})")
        && audit(db, QStringLiteral("2023-05-05T16:46:00.000Z"), cashier, "reward.redeem", 1,
                 R"({"discount_minor":500,"points":-100,"reward":"five-off"})")
        && audit(db, QStringLiteral("2023-05-06T09:00:00.000Z"), cashier, "adjustment.request", 2,
                 R"({"adjustment":1,"points":25,"reason":"Missed receipt 4411"})")
        && audit(db, QStringLiteral("2023-05-06T09:05:00.000Z"), manager, "adjustment.approve", 2,
                 R"({"adjustment":1,"points":25})")
        && audit(db, QStringLiteral("2023-05-06T09:10:00.000Z"), cashier, "adjustment.request", 2,
                 R"({"adjustment":2,"points":-10,"reason":"Duplicate scan"})")
        && audit(db, QStringLiteral("2023-05-06T09:12:00.000Z"), cashier, "adjustment.request", 2,
                 R"({"adjustment":3,"points":1000,"reason":"Birthday bonus"})")
        && audit(db, QStringLiteral("2023-05-06T09:20:00.000Z"), manager, "adjustment.reject", 2,
                 R"({"adjustment":3,"points":1000})");
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: loyaltytill-make-fixture OUT.sqlite\n");
        return 2;
    }
    if (QFile::exists(args.at(1))) {
        std::fprintf(stderr, "%s exists\n", qPrintable(args.at(1)));
        return 2;
    }
    lt::Database::Options options;
    options.migrate = false;
    auto db = lt::Database::open(args.at(1), options);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().message));
        return 1;
    }
    if (auto migrated = lt::SchemaMigrator(**db).migrateTo(1); !migrated) {
        std::fprintf(stderr, "%s\n", qPrintable(migrated.error().message));
        return 1;
    }
    if (!run(**db, QStringLiteral("BEGIN")) || !fill(**db) || !run(**db, QStringLiteral("COMMIT")))
        return 1;
    return 0;
}
