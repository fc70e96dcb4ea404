// `offers`, `offers add`, `offers end` and `report offers` through the real binary against real SQLite files: an
// offer to a segment fixes its members with their hold-out, lists and ends (audited), its report gives both groups
// and the differences with their intervals as JSON and as spreadsheet-safe CSV, and bad input is refused with exit
// code 2, the option named and the store unchanged.
#include "tests/cli/CliRunner.h"

#include <QDate>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using clitest::CliRun;
using clitest::runJson;

namespace {
enum Exit { BadInput = 2, NotFound = 3, Refused = 4 };
constexpr int Members = 12;

QString day(int fromToday)
{
    return QDate::currentDate().addDays(fromToday).toString(Qt::ISODate);
}

QStringList add(const QStringList& options)
{
    return QStringList {u"offers"_s, u"add"_s} + options;
}

// A valid offer, with one option replaced or dropped (an empty value drops it).
QStringList offerOptions(const QString& option = {}, const QString& value = {})
{
    QList<std::pair<QString, QString>> options {{u"--name"_s, u"Come back"_s}, {u"--segment"_s, u"lost"_s},
                                                {u"--bonus"_s, u"50"_s},       {u"--to"_s, day(7)},
                                                {u"--holdout"_s, u"25"_s},     {u"--manager"_s, u"Dana"_s}};
    QStringList arguments;
    bool replaced = false;
    for (const auto& [name, given] : options) {
        const QString v = name == option ? value : given;
        replaced = replaced || name == option;
        if (!v.isEmpty())
            arguments << name << v;
    }
    if (!replaced && !option.isEmpty())
        arguments << option << value;
    return arguments;
}
} // namespace

class CliOffersTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void addListReportAndEnd();
    void reportWritesSpreadsheetSafeCsv();
    void badInputChangesNothing_data();
    void badInputChangesNothing();

private:
    QTemporaryDir m_dir;
    QString m_db;

    CliRun cli(const QStringList& arguments) const { return runJson(m_db, arguments); }
    qint64 count(const QString& sql) const;
};

// Twelve members who each bought 10.00 today: every RFM score is tied, so all of them are "lost".
void CliOffersTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(u"store.sqlite"_s);
    CLI_VERIFY_OK(cli({u"init"_s}));
    for (int i = 0; i < Members; ++i) {
        const QString phone = u"(212) 555-01%1"_s.arg(10 + i);
        CLI_VERIFY_OK(cli({u"enroll"_s, u"--phone"_s, phone}));
        CLI_VERIFY_OK(
            cli({u"accrue"_s, u"--phone"_s, phone, u"--sale"_s, u"R-%1"_s.arg(i), u"--amount"_s, u"10.00"_s}));
    }
}

qint64 CliOffersTest::count(const QString& sql) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"count"_s);
    db.setDatabaseName(m_db);
    qint64 result = -1;
    if (db.open()) {
        QSqlQuery query(sql, db);
        if (query.next())
            result = query.value(0).toLongLong();
    }
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"count"_s);
    return result;
}

void CliOffersTest::addListReportAndEnd()
{
    const CliRun added = cli(add(offerOptions()));
    CLI_VERIFY_OK(added);
    const QJsonObject offer = added.json.value(u"offer"_s).toObject();
    const qint64 id = offer.value(u"id"_s).toInteger();
    QVERIFY(id > 0);
    QCOMPARE(offer.value(u"members"_s).toInteger(), Members);
    QCOMPARE(offer.value(u"held_out"_s).toInteger(), count(u"SELECT count(*) FROM offer_members WHERE held_out = 1"_s));
    QCOMPARE(offer.value(u"status"_s).toString(), u"open"_s);
    QCOMPARE(offer.value(u"incentive"_s).toString(), u"+50"_s);
    QCOMPARE(offer.value(u"from"_s).toString(), day(0));
    QCOMPARE(count(u"SELECT count(*) FROM audit_log WHERE action = 'offer.add' AND actor = 'Dana'"_s), 1);

    const CliRun listed = cli({u"offers"_s});
    CLI_VERIFY_OK(listed);
    QCOMPARE(listed.json.value(u"offers"_s).toArray().size(), 1);
    QCOMPARE(listed.json.value(u"offers"_s).toArray().first().toObject().value(u"name"_s).toString(), u"Come back"_s);

    const CliRun report = cli({u"report"_s, u"offers"_s, QString::number(id)});
    CLI_VERIFY_OK(report);
    const QJsonObject results = report.json.value(u"offers"_s).toArray().first().toObject();
    const QJsonObject offered = results.value(u"offered"_s).toObject();
    const QJsonObject heldOut = results.value(u"held_out"_s).toObject();
    QCOMPARE(offered.value(u"members"_s).toInteger() + heldOut.value(u"members"_s).toInteger(), Members);
    // Whole days count: today's sales, made before the offer, are on its first day.
    QCOMPARE(offered.value(u"returned"_s).toInteger(), offered.value(u"members"_s).toInteger());
    for (const char* key :
         {"return_rate_difference", "return_rate_difference_ci95", "net_sales_per_member_difference_minor",
          "net_sales_per_member_difference_ci95", "cost_per_point_minor", "counted_from", "counted_to"})
        QVERIFY2(results.contains(QLatin1String(key)), key);
    QCOMPARE(results.value(u"return_rate_interval_method"_s).toString(), u"newcombe_hybrid_score"_s);

    // The same from `report` with its options before the sub-command, and the overview of all offers.
    const CliRun all = runJson(m_db, {u"report"_s, u"offers"_s});
    CLI_VERIFY_OK(all);
    QCOMPARE(all.json.value(u"offers"_s).toArray().size(), 1);

    const CliRun ended = cli({u"offers"_s, u"end"_s, QString::number(id), u"--manager"_s, u"Dana"_s});
    CLI_VERIFY_OK(ended);
    QCOMPARE(ended.json.value(u"offer"_s).toObject().value(u"status"_s).toString(), u"ended"_s);
    CLI_VERIFY_ERROR(cli({u"offers"_s, u"end"_s, QString::number(id), u"--manager"_s, u"Dana"_s}), Refused);
    CLI_VERIFY_ERROR(cli({u"offers"_s, u"end"_s, u"999"_s, u"--manager"_s, u"Dana"_s}), NotFound);
    CLI_VERIFY_ERROR(cli({u"report"_s, u"offers"_s, u"999"_s}), NotFound);
    QCOMPARE(count(u"SELECT count(*) FROM audit_log WHERE action = 'offer.end'"_s), 1);
}

void CliOffersTest::reportWritesSpreadsheetSafeCsv()
{
    const CliRun added = cli(add(offerOptions(u"--name"_s, u"=HYPERLINK(\"x\")"_s)));
    CLI_VERIFY_OK(added);
    const QString id = QString::number(added.json.value(u"offer"_s).toObject().value(u"id"_s).toInteger());
    const QString path = m_dir.filePath(u"offers.csv"_s);
    const CliRun report = cli({u"report"_s, u"offers"_s, id, u"--csv"_s, path});
    CLI_VERIFY_OK(report);
    QCOMPARE(report.json.value(u"csv"_s).toString(), path);
    QByteArray bytes = clitest::readFileBytes(path);
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QList<QStringList> rows = clitest::parseCsv(bytes.mid(3));
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows[0].value(0), u"offer_id"_s);
    QCOMPARE(rows[1].value(6), u"offered"_s);
    QCOMPARE(rows[2].value(6), u"held_out"_s);
    QCOMPARE(rows[1].value(1), u"'=HYPERLINK(\"x\")"_s); // kept as text, as `export` writes it
    QCOMPARE(rows[1].size(), rows[0].size());
    QCOMPARE(rows[2].size(), rows[0].size());
    QCOMPARE(rows[1].value(7).toLongLong() + rows[2].value(7).toLongLong(), qint64(Members));
}

void CliOffersTest::badInputChangesNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("field");
    QTest::addRow("no name") << add(offerOptions(u"--name"_s, {})) << u"name"_s;
    QTest::addRow("unknown segment") << add(offerOptions(u"--segment"_s, u"whales"_s)) << u"segment"_s;
    QTest::addRow("no segment") << add(offerOptions(u"--segment"_s, {})) << u"segment"_s;
    QTest::addRow("empty segment") << add(offerOptions(u"--segment"_s, u"champions"_s)) << u"segment"_s;
    QTest::addRow("bonus and multiplier") << add(offerOptions(u"--multiplier"_s, u"2"_s)) << u"bonus"_s;
    QTest::addRow("no incentive") << add(offerOptions(u"--bonus"_s, {})) << u"bonus"_s;
    QTest::addRow("bonus of 0") << add(offerOptions(u"--bonus"_s, u"0"_s)) << u"bonus"_s;
    QTest::addRow("bonus not a number") << add(offerOptions(u"--bonus"_s, u"lots"_s)) << u"bonus"_s;
    QTest::addRow("multiplier of 1") << add(offerOptions(u"--bonus"_s, {}) + QStringList {u"--multiplier"_s, u"1"_s})
                                     << u"multiplier"_s;
    QTest::addRow("unknown reward") << add(offerOptions(u"--bonus"_s, {}) + QStringList {u"--reward"_s, u"car"_s})
                                    << u"reward"_s;
    QTest::addRow("first day in the past") << add(offerOptions(u"--from"_s, day(-1))) << u"from"_s;
    QTest::addRow("impossible date") << add(offerOptions(u"--to"_s, u"2030-02-30"_s)) << u"to"_s;
    QTest::addRow("no last day") << add(offerOptions(u"--to"_s, {})) << u"to"_s;
    QTest::addRow("days out of order") << add(offerOptions(u"--from"_s, day(5)) + QStringList {u"--to"_s, day(4)})
                                       << u"to"_s;
    QTest::addRow("over a year") << add(offerOptions(u"--to"_s, day(366))) << u"to"_s;
    QTest::addRow("hold-out over 50") << add(offerOptions(u"--holdout"_s, u"51"_s)) << u"holdout"_s;
    QTest::addRow("hold-out not a number") << add(offerOptions(u"--holdout"_s, u"some"_s)) << u"holdout"_s;
    QTest::addRow("no hold-out") << add(offerOptions(u"--holdout"_s, {})) << u"holdout"_s;
    QTest::addRow("no manager") << add(offerOptions(u"--manager"_s, {})) << u"manager"_s;
    QTest::addRow("end without a number")
        << QStringList {u"offers"_s, u"end"_s, u"x"_s, u"--manager"_s, u"Dana"_s} << u"id"_s;
    QTest::addRow("end without a manager") << QStringList {u"offers"_s, u"end"_s, u"1"_s} << u"manager"_s;
    QTest::addRow("unknown action") << QStringList {u"offers"_s, u"frobnicate"_s} << QString();
    QTest::addRow("report of no number") << QStringList {u"report"_s, u"offers"_s, u"x"_s} << u"id"_s;
}

void CliOffersTest::badInputChangesNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, field);
    const QStringList before = clitest::fingerprint(m_db);
    const CliRun run = cli(arguments);
    CLI_VERIFY_ERROR(run, BadInput);
    if (!field.isEmpty())
        QCOMPARE(run.json.value(u"error"_s).toObject().value(u"field"_s).toString(), field);
    QCOMPARE(clitest::fingerprint(m_db), before);
}

QTEST_GUILESS_MAIN(CliOffersTest)
#include "tst_cli_offers.moc"
