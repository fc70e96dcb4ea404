// The admin CLI's documented workflows, run through the real binary against real SQLite files.
#include "tests/cli/CliRunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using clitest::CliRun;
using clitest::runCli;
using clitest::runJson;

#define FRESH_STORE()                                                                                                  \
    do {                                                                                                               \
        freshStore();                                                                                                  \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

namespace {

qint64 integer(const QJsonObject& json, const QString& key)
{
    return json.value(key).toInteger(std::numeric_limits<qint64>::min());
}

// The personal fields an export carries, keyed by phone: what an export and re-import must reproduce.
using MemberRows = QMap<QString, QStringList>;

MemberRows membersFromJsonExport(const QByteArray& bytes)
{
    MemberRows rows;
    const QJsonArray members = QJsonDocument::fromJson(bytes).object().value(u"members"_s).toArray();
    for (const QJsonValue& value : members) {
        const QJsonObject m = value.toObject();
        rows.insert(m.value(u"phone"_s).toString(),
                    {m.value(u"card"_s).toString(), m.value(u"name"_s).toString(), m.value(u"email"_s).toString(),
                     m.value(u"birthday"_s).toString(), m.value(u"marketing_consent"_s).toBool() ? u"yes"_s : u"no"_s,
                     QString::number(m.value(u"balance"_s).toInteger())});
    }
    return rows;
}

MemberRows membersFromCsvExport(const QByteArray& bytes)
{
    MemberRows rows;
    const QList<QStringList> records = clitest::parseCsv(bytes);
    if (records.isEmpty())
        return rows;
    const QStringList header = records.first();
    for (qsizetype i = 1; i < records.size(); ++i) {
        const QStringList& r = records.at(i);
        auto field = [&](const QString& name) {
            return r.value(header.indexOf(name));
        };
        rows.insert(field(u"phone"_s),
                    {field(u"card"_s), field(u"name"_s), field(u"email"_s), field(u"birthday"_s),
                     field(u"marketing_consent"_s), field(u"balance"_s)});
    }
    return rows;
}

} // namespace

class CliWorkflowTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    int m_files = 0;

    QString path(const QString& name) const { return m_dir.filePath(name); }
    QString newPath(const QString& stem) { return path(u"%1-%2"_s.arg(stem).arg(++m_files)); }
    CliRun cli(const QStringList& arguments) const { return runJson(m_db, arguments); }

    // A new, initialised store in m_db. Use through FRESH_STORE().
    void freshStore()
    {
        m_db = newPath(u"store"_s) + u".sqlite"_s;
        const CliRun initialised = cli({u"init"_s});
        CLI_VERIFY_OK(initialised);
        const CliRun schema = cli({u"schema"_s});
        CLI_VERIFY_OK(schema);
        QVERIFY(initialised.json.value(u"schema_version"_s).toInt() > 0);
        QCOMPARE(initialised.json.value(u"schema_version"_s).toInt(),
                 schema.json.value(u"supported_schema_version"_s).toInt());
        QVERIFY(QFileInfo(m_db).isFile());
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(clitest::adminPath()).isExecutable(), qPrintable(clitest::adminPath()));
        QVERIFY(m_dir.isValid());
    }

    // enroll -> lookup -> accrue -> repeated accrue -> redeem -> refunds -> adjustments -> history -> search ->
    // rewards -> check, as an operator would script it.
    void fullWorkflow()
    {
        FRESH_STORE();
        // Enroll: the phone is stored in E.164 whatever its format; the e-mail domain is lower-cased.
        CliRun run = cli({u"enroll"_s, u"--phone"_s, u"(212) 555-0142"_s, u"--name"_s, u"Ana García"_s, u"--email"_s,
                          u"Ana@Example.COM"_s, u"--birthday"_s, u"1990-05-17"_s, u"--consent"_s});
        CLI_VERIFY_OK(run);
        QJsonObject member = run.json.value(u"member"_s).toObject();
        CLI_VERIFY_MEMBER(member);
        QCOMPARE(run.json.value(u"existing"_s).toBool(), false);
        QCOMPARE(member.value(u"phone"_s).toString(), u"+12125550142"_s);
        QCOMPARE(member.value(u"email"_s).toString(), u"Ana@example.com"_s);
        QCOMPARE(member.value(u"birthday"_s).toString(), u"1990-05-17"_s);
        QCOMPARE(member.value(u"marketing_consent"_s).toBool(), true);
        QCOMPARE(integer(member, u"balance"_s), 0);
        const qint64 id = integer(member, u"id"_s);

        // Enrolling the same phone in another format finds the member instead of creating one.
        run = cli({u"enroll"_s, u"--phone"_s, u"+1 212-555-0142"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"existing"_s).toBool(), true);
        QCOMPARE(integer(run.json.value(u"member"_s).toObject(), u"id"_s), id);

        run = cli({u"card"_s, QString::number(id)});
        CLI_VERIFY_OK(run);
        const QString card = run.json.value(u"card"_s).toString();
        QCOMPARE(card, clitest::cardNumber(1));
        QCOMPARE(run.json.value(u"member"_s).toObject().value(u"card"_s).toString(), card);

        // Lookup in the formats people type and scanners send.
        const QStringList byPhone = {u"212-555-0142"_s, u"(212) 555-0142"_s,  u"+1 212 555 0142"_s,
                                     u"+12125550142"_s, u"2125550142"_s,      u"1 212 555 0142"_s,
                                     u"212.555.0142"_s, u"  212 555 0142  "_s};
        for (const QString& query : byPhone) {
            run = cli({u"lookup"_s, query});
            CLI_VERIFY_OK(run);
            QCOMPARE(run.json.value(u"matched_by"_s).toString(), u"phone"_s);
            QCOMPARE(integer(run.json.value(u"member"_s).toObject(), u"id"_s), id);
        }
        const QString spaced = card.left(4) + u' ' + card.mid(4, 4) + u' ' + card.mid(8, 4) + u' ' + card.mid(12);
        const QString dashed = QString(spaced).replace(u' ', u'-');
        for (const QString& query : {card, spaced, dashed}) {
            run = cli({u"lookup"_s, query});
            CLI_VERIFY_OK(run);
            QCOMPARE(run.json.value(u"matched_by"_s).toString(), u"card"_s);
            QCOMPARE(integer(run.json.value(u"member"_s).toObject(), u"id"_s), id);
        }
        for (const QString& query : {u"ana"_s, u"GARCIA"_s, u"garcía"_s, u"ana@example"_s}) {
            run = cli({u"lookup"_s, query});
            CLI_VERIFY_OK(run);
            QCOMPARE(run.json.value(u"matched_by"_s).toString(), u"text"_s);
            QCOMPARE(run.json.value(u"members"_s).toArray().size(), 1);
        }

        // Accrue 1 point per whole dollar; the same sale again changes nothing and says so.
        run = cli({u"accrue"_s, u"--phone"_s, u"212.555.0142"_s, u"--sale"_s, u"R-1001"_s, u"--amount"_s, u"123.45"_s});
        CLI_VERIFY_OK(run);
        CLI_VERIFY_MEMBER(run.json.value(u"member"_s).toObject());
        QCOMPARE(integer(run.json, u"points"_s), 123);
        QCOMPARE(integer(run.json, u"balance"_s), 123);
        QCOMPARE(run.json.value(u"repeated"_s).toBool(), false);
        QCOMPARE(run.json.value(u"sale"_s).toString(), u"R-1001"_s);
        QCOMPARE(integer(run.json, u"sale_total_minor"_s), 12345);
        const QStringList before = clitest::fingerprint(m_db);
        run = cli({u"accrue"_s, u"--card"_s, dashed, u"--sale"_s, u"R-1001"_s, u"--amount"_s, u"123.45"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"repeated"_s).toBool(), true);
        QCOMPARE(integer(run.json, u"balance"_s), 123);
        QCOMPARE(clitest::fingerprint(m_db), before);

        run =
            cli({u"accrue"_s, u"--member"_s, QString::number(id), u"--sale"_s, u"R-1002"_s, u"--amount"_s, u"80.00"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(integer(run.json, u"balance"_s), 203);

        // Redeem a fixed reward.
        run = cli({u"redeem"_s, u"--card"_s, card, u"--reward"_s, u"five-off"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(integer(run.json, u"points"_s), -100);
        QCOMPARE(integer(run.json, u"balance"_s), 103);
        QCOMPARE(integer(run.json, u"discount_minor"_s), 500);
        QCOMPARE(run.json.value(u"reward"_s).toString(), u"five-off"_s);

        // A partial refund takes points back pro rata (rounded down), the rest takes back the remainder.
        run = cli({u"refund"_s, u"--sale"_s, u"R-1001"_s, u"--amount"_s, u"61.72"_s});
        CLI_VERIFY_OK(run);
        const qint64 firstReversal = 123 * 6172 / 12345;
        QCOMPARE(integer(run.json, u"points"_s), -firstReversal);
        QCOMPARE(integer(run.json, u"balance"_s), 103 - firstReversal);
        QCOMPARE(integer(run.json, u"refunded_minor"_s), 6172);
        qint64 balance = 103 - firstReversal;

        // A refund with the register's reference is safe to retry.
        run = cli({u"refund"_s, u"--sale"_s, u"R-1002"_s, u"--amount"_s, u"8.00"_s, u"--reference"_s, u"RF-9"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(integer(run.json, u"points"_s), -8);
        balance -= 8;
        QCOMPARE(integer(run.json, u"balance"_s), balance);
        run = cli({u"refund"_s, u"--sale"_s, u"R-1002"_s, u"--amount"_s, u"8.00"_s, u"--reference"_s, u"RF-9"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"repeated"_s).toBool(), true);
        QCOMPARE(integer(run.json, u"balance"_s), balance);

        // An adjustment waits for a manager; approval applies it.
        run = cli({u"adjust"_s, u"--phone"_s, u"2125550142"_s, u"--points"_s, u"+50"_s, u"--reason"_s,
                   u"Missed stamp card"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"state"_s).toString(), u"pending"_s);
        QCOMPARE(integer(run.json, u"points"_s), 0);
        QCOMPARE(integer(run.json, u"balance"_s), balance);
        const qint64 adjustment = integer(run.json, u"adjustment"_s);
        QVERIFY(adjustment > 0);
        run = cli({u"adjustments"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"adjustments"_s).toArray().size(), 1);
        QCOMPARE(integer(run.json.value(u"adjustments"_s).toArray().first().toObject(), u"points"_s), 50);
        run = cli({u"approve"_s, QString::number(adjustment), u"--manager"_s, u"Mia Store-Manager"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"state"_s).toString(), u"approved"_s);
        QCOMPARE(integer(run.json, u"points"_s), 50);
        balance += 50;
        QCOMPARE(integer(run.json, u"balance"_s), balance);
        run = cli({u"approve"_s, QString::number(adjustment), u"--manager"_s, u"Mia"_s});
        CLI_VERIFY_ERROR(run, 4);

        // A rejected adjustment changes no balance.
        run = cli({u"adjust"_s, u"--card"_s, card, u"--points=-5"_s, u"--reason"_s, u"Typo at the till"_s});
        CLI_VERIFY_OK(run);
        run = cli({u"reject"_s, QString::number(integer(run.json, u"adjustment"_s)), u"--manager"_s, u"Mia"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"state"_s).toString(), u"rejected"_s);
        QCOMPARE(integer(run.json, u"points"_s), 0);
        QCOMPARE(integer(run.json, u"balance"_s), balance);
        run = cli({u"adjustments"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"adjustments"_s).toArray().size(), 0);

        // The rest of the sale, then nothing is left to refund.
        run = cli({u"refund"_s, u"--sale"_s, u"R-1001"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(integer(run.json, u"points"_s), -(123 - firstReversal));
        balance -= 123 - firstReversal;
        QCOMPARE(integer(run.json, u"balance"_s), balance);
        CLI_VERIFY_ERROR(cli({u"refund"_s, u"--sale"_s, u"R-1001"_s}), 4);

        // Void takes back what an accrual made by mistake earned.
        run = cli({u"accrue"_s, u"--member"_s, QString::number(id), u"--sale"_s, u"R-1003"_s, u"--amount"_s, u"30"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(integer(run.json, u"points"_s), 30);
        run = cli({u"void"_s, u"--sale"_s, u"R-1003"_s, u"--reason"_s, u"Rang up twice"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(integer(run.json, u"points"_s), -30);
        QCOMPARE(integer(run.json, u"balance"_s), balance);

        // History: newest first, and it adds up to the balance.
        run = cli({u"history"_s, card});
        CLI_VERIFY_OK(run);
        CLI_VERIFY_MEMBER(run.json.value(u"member"_s).toObject());
        const QJsonArray entries = run.json.value(u"entries"_s).toArray();
        QStringList kinds;
        qint64 sum = 0;
        qint64 previousId = std::numeric_limits<qint64>::max();
        for (const QJsonValue& value : entries) {
            const QJsonObject entry = value.toObject();
            kinds << entry.value(u"kind"_s).toString();
            sum += integer(entry, u"points"_s);
            QVERIFY(integer(entry, u"id"_s) < previousId);
            previousId = integer(entry, u"id"_s);
        }
        QCOMPARE(kinds,
                 (QStringList {u"void"_s, u"accrue"_s, u"refund"_s, u"adjust"_s, u"refund"_s, u"refund"_s, u"redeem"_s,
                               u"accrue"_s, u"accrue"_s}));
        QCOMPARE(sum, balance);
        QCOMPARE(integer(run.json.value(u"member"_s).toObject(), u"balance"_s), balance);
        run = cli({u"history"_s, u"(212) 555-0142"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"entries"_s).toArray().size(), entries.size());

        // Search by name and e-mail prefix.
        CLI_VERIFY_OK(cli({u"enroll"_s, u"--phone"_s, u"312 555 0100"_s, u"--name"_s, u"Anabel Chen"_s}));
        for (const auto& [search, expected] :
             {std::pair {u"ana"_s, 2}, std::pair {u"garc"_s, 1}, std::pair {u"ana gar"_s, 1}, std::pair {u"chen"_s, 1},
              std::pair {u"ana@"_s, 1}, std::pair {u"nobody"_s, 0}}) {
            run = cli({u"members"_s, u"--search"_s, search});
            CLI_VERIFY_OK(run);
            QVERIFY2(integer(run.json, u"count"_s) == expected, run.describeUtf8().constData());
            for (const QJsonValue& value : run.json.value(u"members"_s).toArray())
                CLI_VERIFY_MEMBER(value.toObject());
        }
        run = cli({u"members"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(integer(run.json, u"count"_s), 2);

        run = cli({u"rewards"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"currency"_s).toString(), u"USD"_s);
        QStringList rewards;
        for (const QJsonValue& value : run.json.value(u"rewards"_s).toArray())
            rewards << value.toObject().value(u"id"_s).toString();
        QVERIFY2(rewards.contains(u"five-off"_s) && rewards.contains(u"points-as-cash"_s),
                 run.describeUtf8().constData());

        run = cli({u"check"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"ok"_s).toBool(), true);
        QCOMPARE(run.json.value(u"problems"_s).toArray().size(), 0);
        QCOMPARE(integer(run.json, u"members"_s), 2);
        QCOMPARE(integer(run.json, u"sales"_s), 3);

        run = cli({u"audit"_s, u"--limit"_s, u"100"_s});
        CLI_VERIFY_OK(run);
        QStringList actions;
        for (const QJsonValue& value : run.json.value(u"entries"_s).toArray())
            actions << value.toObject().value(u"action"_s).toString();
        for (const QString& action : {u"member.enroll"_s, u"reward.redeem"_s, u"sale.refund"_s, u"sale.void"_s,
                                      u"adjustment.request"_s, u"adjustment.approve"_s, u"adjustment.reject"_s})
            QVERIFY2(actions.contains(action), qPrintable(action));
    }

    // A partial reward lets the member choose how many points to spend, within its bounds.
    void redeemPartialReward()
    {
        FRESH_STORE();
        CLI_VERIFY_OK(cli({u"enroll"_s, u"--phone"_s, u"2125550142"_s}));
        CLI_VERIFY_OK(
            cli({u"accrue"_s, u"--phone"_s, u"2125550142"_s, u"--sale"_s, u"P1"_s, u"--amount"_s, u"100.00"_s}));
        CliRun run = cli({u"redeem"_s, u"--phone"_s, u"2125550142"_s, u"--reward"_s, u"points-as-cash"_s, u"--points"_s,
                          u"40"_s, u"--sale"_s, u"P2"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(integer(run.json, u"points"_s), -40);
        QCOMPARE(integer(run.json, u"balance"_s), 60);
        QCOMPARE(integer(run.json, u"discount_minor"_s), 200);
        // Without --points it spends what the member has, up to the reward's maximum.
        run = cli({u"redeem"_s, u"--phone"_s, u"2125550142"_s, u"--reward"_s, u"points-as-cash"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(integer(run.json, u"points"_s), -60);
        QCOMPARE(integer(run.json, u"balance"_s), 0);
        CLI_VERIFY_ERROR(cli({u"redeem"_s, u"--phone"_s, u"2125550142"_s, u"--reward"_s, u"five-off"_s}), 4);
    }

    // Export then import into a fresh store reproduces every member's personal data and balance.
    void exportImportRoundTrip_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("csv") << u"csv"_s;
        QTest::newRow("json") << u"json"_s;
    }

    void exportImportRoundTrip()
    {
        FRESH_STORE();
        QFETCH(QString, format);
        struct Person
        {
            QString phone, name, email, birthday;
            bool consent;
            QString amount;
        };
        // Commas, quotes, apostrophes, accents, other scripts and emoji: everything CSV quoting must carry.
        const QList<Person> people = {
            {u"2125550101"_s, u"Ana García"_s, u"ana@example.com"_s, u"1990-05-17"_s, true, u"123.45"_s},
            {u"2125550102"_s, u"Smith, John"_s, u"john.smith@example.org"_s, QString(), false, u"10.00"_s},
            {u"2125550103"_s, u"Anna \"Nan\" Lee"_s, QString(), u"1955-12-31"_s, true, QString()},
            {u"+44 20 7946 0958"_s, u"Siobhán O'Brien"_s, u"siobhan@example.ie"_s, QString(), false, u"999.99"_s},
            {u"2125550105"_s, u"Олена Іваненко"_s, QString(), QString(), false, u"1.00"_s},
            {u"2125550106"_s, u"李伟 👩‍👩‍👧‍👦"_s, u"wei@example.cn"_s, QString(), true, u"5000"_s},
            {u"2125550107"_s, QString(), QString(), QString(), false, QString()},
        };
        int serial = 0;
        for (const Person& p : people) {
            QStringList arguments = {u"enroll"_s, u"--phone"_s, p.phone};
            if (!p.name.isEmpty())
                arguments << u"--name"_s << p.name;
            if (!p.email.isEmpty())
                arguments << u"--email"_s << p.email;
            if (!p.birthday.isEmpty())
                arguments << u"--birthday"_s << p.birthday;
            if (p.consent)
                arguments << u"--consent"_s;
            if (++serial % 2 == 1)
                arguments << u"--card"_s << clitest::cardNumber(100 + serial);
            CLI_VERIFY_OK(cli(arguments));
            if (!p.amount.isEmpty()) {
                CLI_VERIFY_OK(cli({u"accrue"_s, u"--phone"_s, p.phone, u"--sale"_s, u"RT-%1"_s.arg(serial),
                                   u"--amount"_s, p.amount}));
            }
        }

        // The source's export, to a file (private) and to stdout (identical).
        const QString exported = newPath(u"export"_s) + u'.' + format;
        CliRun run = cli({u"export"_s, u"--format"_s, format, u"--output"_s, exported});
        CLI_VERIFY_OK(run);
        QCOMPARE(integer(run.json, u"members"_s), people.size());
        QCOMPARE(QFileInfo(exported).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        const QByteArray sourceBytes = clitest::readFileBytes(exported);
        run = runCli({u"export"_s, u"--database"_s, m_db, u"--format"_s, format}, m_dir.path());
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, sourceBytes);
        auto parse = [&format](const QByteArray& bytes) {
            return format == u"csv"_s ? membersFromCsvExport(bytes) : membersFromJsonExport(bytes);
        };
        const MemberRows source = parse(sourceBytes);
        QCOMPARE(source.size(), people.size());
        if (format == u"json"_s) {
            const QJsonObject document = QJsonDocument::fromJson(sourceBytes).object();
            QCOMPARE(integer(document, u"count"_s), people.size());
            for (const QJsonValue& value : document.value(u"members"_s).toArray())
                CLI_VERIFY_MEMBER(value.toObject());
        }

        // Import the CSV export into a fresh store and export that in the same format.
        const QString csv = newPath(u"export"_s) + u".csv"_s;
        CLI_VERIFY_OK(cli({u"export"_s, u"--format"_s, u"csv"_s, u"--output"_s, csv}));
        const QString fresh = newPath(u"fresh"_s) + u".sqlite"_s;
        run = runJson(fresh, {u"import"_s, csv});
        CLI_VERIFY_OK(run);
        QCOMPARE(integer(run.json, u"imported"_s), people.size());
        QCOMPARE(run.json.value(u"errors"_s).toArray().size(), 0);
        const QString again = newPath(u"export"_s) + u"."_s + format;
        CLI_VERIFY_OK(runJson(fresh, {u"export"_s, u"--format"_s, format, u"--output"_s, again}));
        const MemberRows reproduced = parse(clitest::readFileBytes(again));
        QCOMPARE(reproduced.keys(), source.keys());
        for (auto it = source.cbegin(); it != source.cend(); ++it)
            QCOMPARE(reproduced.value(it.key()), it.value());
        run = runJson(fresh, {u"check"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"ok"_s).toBool(), true);

        // Importing the same file again adds nobody: every row is already a member.
        const QStringList before = clitest::fingerprint(fresh);
        run = runJson(fresh, {u"import"_s, csv});
        CLI_VERIFY_ERROR(run, 2);
        QCOMPARE(run.json.value(u"errors"_s).toArray().size(), people.size());
        QCOMPARE(clitest::fingerprint(fresh), before);
    }

    // A backup taken while another connection holds the store open (its newest writes still in the WAL) is a
    // complete, consistent store on its own.
    void backupOfLiveDatabase()
    {
        FRESH_STORE();
        CLI_VERIFY_OK(cli({u"generate"_s, u"--members"_s, u"50"_s, u"--sales"_s, u"200"_s}));
        const QString connectionName = u"live-till"_s;
        {
            QSqlDatabase till = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
            till.setDatabaseName(m_db);
            QVERIFY(till.open());
            QSqlQuery query(till);
            QVERIFY(query.exec(u"SELECT count(*) FROM members"_s) && query.next());
            QCOMPARE(query.value(0).toInt(), 50);
            query.finish();

            // Written while the till is connected: it stays in the write-ahead log, not yet in the main file.
            CLI_VERIFY_OK(
                cli({u"accrue"_s, u"--member"_s, u"1"_s, u"--sale"_s, u"LIVE-1"_s, u"--amount"_s, u"42.00"_s}));
            QVERIFY2(QFileInfo(m_db + u"-wal"_s).size() > 0, "the store is not live: its WAL is empty");

            const QString backup = newPath(u"backup"_s) + u".sqlite"_s;
            CliRun run = cli({u"backup"_s, backup});
            CLI_VERIFY_OK(run);
            QCOMPARE(integer(run.json, u"bytes"_s), QFileInfo(backup).size());
            QCOMPARE(QFileInfo(backup).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
            // On its own, in another folder, without the source's WAL.
            const QString alone = path(u"alone"_s);
            QVERIFY(QDir().mkpath(alone));
            const QString copy = alone + u"/copy.sqlite"_s;
            QVERIFY(QFile::copy(backup, copy));
            QVERIFY(!QFileInfo::exists(copy + u"-wal"_s));
            run = runJson(copy, {u"check"_s});
            CLI_VERIFY_OK(run);
            QCOMPARE(run.json.value(u"ok"_s).toBool(), true);
            QCOMPARE(integer(run.json, u"members"_s), 50);
            QCOMPARE(integer(run.json, u"sales"_s), 201);
            run = runJson(copy, {u"history"_s, u"1"_s});
            CLI_VERIFY_OK(run);
            QCOMPARE(run.json.value(u"entries"_s).toArray().first().toObject().value(u"sale"_s).toString(),
                     u"LIVE-1"_s);
            // The source, the backup and the copy hold the same data.
            QCOMPARE(clitest::fingerprint(copy), clitest::fingerprint(m_db));

            // An existing file is never overwritten.
            const QByteArray bytes = clitest::readFileBytes(backup);
            CLI_VERIFY_ERROR(cli({u"backup"_s, backup}), 4);
            QCOMPARE(clitest::readFileBytes(backup), bytes);
            till.close();
        }
        QSqlDatabase::removeDatabase(connectionName);
    }

    void generateThenCheck()
    {
        FRESH_STORE();
        CliRun run = cli({u"generate"_s, u"--members"_s, u"300"_s, u"--sales"_s, u"1500"_s, u"--seed"_s, u"7"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(integer(run.json, u"members"_s), 300);
        QCOMPARE(integer(run.json, u"sales"_s), 1500);
        run = cli({u"check"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"ok"_s).toBool(), true);
        QCOMPARE(integer(run.json, u"members"_s), 300);
        QCOMPARE(integer(run.json, u"sales"_s), 1500);
        run = cli({u"members"_s, u"--limit"_s, u"25"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(integer(run.json, u"count"_s), 25);
        const QJsonObject first = run.json.value(u"members"_s).toArray().first().toObject();
        CLI_VERIFY_MEMBER(first);
        run = cli({u"lookup"_s, first.value(u"phone"_s).toString()});
        CLI_VERIFY_OK(run);
        QCOMPARE(integer(run.json.value(u"member"_s).toObject(), u"id"_s), integer(first, u"id"_s));
        // Demo data goes into an empty store only.
        const QStringList before = clitest::fingerprint(m_db);
        CLI_VERIFY_ERROR(cli({u"generate"_s, u"--members"_s, u"5"_s}), 4);
        QCOMPARE(clitest::fingerprint(m_db), before);
    }

    // Import is all or nothing unless told to skip bad rows; either way every bad row is reported by its line.
    void importBadRows_data()
    {
        QTest::addColumn<bool>("skipBadRows");
        QTest::newRow("all or nothing") << false;
        QTest::newRow("skip bad rows") << true;
    }

    void importBadRows()
    {
        FRESH_STORE();
        QFETCH(bool, skipBadRows);
        QByteArray csv = "phone,name,email,birthday,card,consent,balance\n" // 1
                         "2125550101,Good One,one@example.com,1980-01-02,,yes,10\n" // 2
                         "not-a-phone,Bad Phone,,,,,\n" // 3
                         "2125550103,\"Multi\n" // 4
                         "line name\",,,,no,\n" // 5
                         "2125550104,\xff\xfe"
                         "Broken,,,,,\n" // 6
                         "212-555-0101,Duplicate Phone,,,,,\n" // 7
                         "2125550108,Bad Card,,,"
            + clitest::cardWithWrongCheckDigit(5).toUtf8()
            + ",,\n" // 8
              "2125550109,Bad Birthday,,1990-02-30,,,\n" // 9
              "2125550110,Good Two,,,"
            + clitest::cardNumber(5).toUtf8()
            + ",no,\n" // 10
              "2125550111,Bidi \xe2\x80\xae"
              "evil,,,,,\n" // 11
              "2125550112,Too,Many,Fields,,,,,\n" // 12
              "2125550113,Bad Balance,,,,,-5\n" // 13
              "2125550114,Bad Consent,,,,maybe,\n"; // 14
        const QString file = newPath(u"import"_s) + u".csv"_s;
        QVERIFY(clitest::writeFileBytes(file, csv));
        const QList<qint64> badLines = {3, 6, 7, 8, 9, 11, 12, 13, 14};

        const QStringList before = clitest::fingerprint(m_db);
        QStringList arguments = {u"import"_s, file};
        if (skipBadRows)
            arguments << u"--skip-bad-rows"_s;
        const CliRun run = cli(arguments);
        if (skipBadRows)
            CLI_VERIFY_OK(run);
        else
            CLI_VERIFY_ERROR(run, 2);
        QCOMPARE(integer(run.json, u"rows"_s), 12);
        QCOMPARE(run.json.value(u"committed"_s).toBool(), skipBadRows);
        QCOMPARE(integer(run.json, u"imported"_s), skipBadRows ? 3 : 0);
        QCOMPARE(integer(run.json, u"rejected"_s), badLines.size());
        QList<qint64> lines;
        for (const QJsonValue& value : run.json.value(u"errors"_s).toArray()) {
            lines << integer(value.toObject(), u"line"_s);
            QVERIFY(!value.toObject().value(u"reason"_s).toString().isEmpty());
        }
        QCOMPARE(lines, badLines);
        const QString err = QString::fromUtf8(run.err);
        for (qint64 line : badLines)
            QVERIFY2(err.contains(u"line %1:"_s.arg(line)), run.describeUtf8().constData());
        QVERIFY2(err.contains(u"already appears on line 2"_s), run.describeUtf8().constData());

        if (!skipBadRows) {
            QCOMPARE(clitest::fingerprint(m_db), before);
            return;
        }
        CliRun listed = cli({u"members"_s});
        CLI_VERIFY_OK(listed);
        QStringList names;
        for (const QJsonValue& value : listed.json.value(u"members"_s).toArray())
            names << value.toObject().value(u"name"_s).toString();
        QCOMPARE(names, (QStringList {u"Good One"_s, u"Multi line name"_s, u"Good Two"_s}));
        listed = cli({u"lookup"_s, clitest::cardNumber(5)});
        CLI_VERIFY_OK(listed);
        QCOMPARE(listed.json.value(u"member"_s).toObject().value(u"name"_s).toString(), u"Good Two"_s);
        listed = cli({u"lookup"_s, u"2125550101"_s});
        CLI_VERIFY_OK(listed);
        QCOMPARE(integer(listed.json.value(u"member"_s).toObject(), u"balance"_s), 10);
        listed = cli({u"check"_s});
        CLI_VERIFY_OK(listed);
        QCOMPARE(listed.json.value(u"ok"_s).toBool(), true);
    }

    void helpForEverySubcommand_data()
    {
        QTest::addColumn<QString>("command");
        // The documented commands, and any other the overview lists.
        QStringList commands = clitest::allCommands();
        for (const QString& listed : clitest::listedCommands(runCli({u"--help"_s}).out)) {
            if (!commands.contains(listed))
                commands << listed;
        }
        for (const QString& command : commands)
            QTest::newRow(qPrintable(command)) << command;
    }

    // --help works without a store, never opens one, and documents the common options.
    void helpForEverySubcommand()
    {
        QFETCH(QString, command);
        const QString notAStore = path(u"help-not-a-store.txt"_s);
        const QByteArray bytes = "this is not a database\n";
        QVERIFY(clitest::writeFileBytes(notAStore, bytes));
        for (const QStringList& arguments :
             {QStringList {command, u"--help"_s}, QStringList {command, u"-h"_s},
              QStringList {command, u"--database"_s, notAStore, u"--json"_s, u"--help"_s}}) {
            const CliRun run = runCli(arguments, m_dir.path());
            QVERIFY2(run.exitCode == 0, run.describeUtf8().constData());
            const QString help = QString::fromUtf8(run.out);
            for (const QString& option : {u"--database"_s, u"--json"_s, u"--help"_s})
                QVERIFY2(help.contains(option), run.describeUtf8().constData());
            QVERIFY2(run.err.isEmpty(), run.describeUtf8().constData());
        }
        QCOMPARE(clitest::readFileBytes(notAStore), bytes);
        QVERIFY(!QFileInfo::exists(notAStore + u"-wal"_s));
    }

    void overviewListsEveryCommand()
    {
        for (const QString& argument : {u"--help"_s, u"-h"_s, u"help"_s}) {
            const CliRun run = runCli({argument}, m_dir.path());
            QVERIFY2(run.exitCode == 0, run.describeUtf8().constData());
            const QStringList listed = clitest::listedCommands(run.out);
            for (const QString& command : clitest::allCommands())
                QVERIFY2(listed.contains(command), qPrintable(command + u" is not listed:\n"_s + listed.join(u' ')));
            QCOMPARE(listed.size(), QSet<QString>(listed.cbegin(), listed.cend()).size());
        }
        CliRun run = runCli({}, m_dir.path());
        CLI_VERIFY_ERROR(run, 2);
        QVERIFY(run.out.isEmpty());
        run = runCli({u"--version"_s}, m_dir.path());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith("loyaltytill-admin "), run.describeUtf8().constData());
    }

    // As with git, --database and --json may come before the command as well as after it.
    void commonOptionsBeforeTheCommand()
    {
        const QString store = newPath(u"leading"_s) + u".sqlite"_s;
        const QString home = m_dir.path();
        CliRun run = runCli({u"--database"_s, store, u"init"_s}, home);
        QVERIFY2(run.exitCode == 0, run.describeUtf8().constData());
        QVERIFY(QFileInfo(store).isFile());

        run = runCli({u"--json"_s, u"--database"_s, store, u"enroll"_s, u"--phone"_s, u"2125550150"_s, u"--name"_s,
                      u"Lea Front"_s},
                     home);
        CLI_VERIFY_OK(run);
        run = runCli({u"--database="_s + store, u"members"_s, u"--json"_s}, home);
        CLI_VERIFY_OK(run);
        const QJsonArray members = run.json.value(u"members"_s).toArray();
        QCOMPARE(members.size(), 1);
        QCOMPARE(members.first().toObject().value(u"name"_s).toString(), u"Lea Front"_s);
        run = runCli({u"--json"_s, u"lookup"_s, u"2125550150"_s, u"--database"_s, store}, home);
        CLI_VERIFY_OK(run);

        // Help and errors keep their meaning when the options come first.
        run = runCli({u"--database"_s, store, u"--help"_s}, home);
        QVERIFY2(run.exitCode == 0 && clitest::listedCommands(run.out).contains(u"init"_s),
                 run.describeUtf8().constData());
        run = runCli({u"--database"_s}, home);
        QVERIFY2(run.exitCode == 2 && run.err.contains("--database"), run.describeUtf8().constData());
        run = runCli({u"--json"_s, u"--database"_s, store, u"nosuchcommand"_s}, home);
        QVERIFY2(run.exitCode == 2 && run.err.contains("there is no command 'nosuchcommand'"),
                 run.describeUtf8().constData());
        // Only the common options: a command's own option before the command is still no command.
        run = runCli({u"--phone"_s, u"2125550150"_s, u"lookup"_s}, home);
        QVERIFY2(run.exitCode == 2 && run.err.contains("there is no command '--phone'"),
                 run.describeUtf8().constData());
    }

    // With every loyaltytill category switched on, stderr says which command ran and how it ended, and names no
    // member: not the phone, the name or the card given on the command line.
    void debugLogNamesNobody()
    {
        FRESH_STORE();
        qputenv("QT_LOGGING_RULES", "loyaltytill.*=true");
        const auto restore = qScopeGuard([] { qunsetenv("QT_LOGGING_RULES"); });
        const QString phone = u"2125550177"_s;
        const QString name = u"Zoe Quillfeather"_s;
        QByteArray log;
        CliRun run = cli({u"enroll"_s, u"--phone"_s, phone, u"--name"_s, name});
        CLI_VERIFY_OK(run);
        log += run.err;
        run = cli({u"lookup"_s, phone});
        CLI_VERIFY_OK(run);
        log += run.err;
        run = cli({u"lookup"_s, u"2125550178"_s}); // nobody: refused
        QVERIFY2(run.exitCode != 0, run.describeUtf8().constData());
        log += run.err;
        QVERIFY2(log.contains("loyaltytill.admin: running enroll"), log.constData());
        QVERIFY2(log.contains("loyaltytill.admin: refused:"), log.constData());
        // The refusal's message is for the operator, on its own line; the log lines carry nothing personal.
        for (const QByteArray& line : log.split('\n')) {
            if (!line.startsWith("loyaltytill."))
                continue;
            for (const QString& secret : {u"5550177"_s, u"555-0177"_s, u"5550178"_s, u"Zoe"_s, u"Quillfeather"_s})
                QVERIFY2(!line.contains(secret.toUtf8()), line.constData());
        }
    }

    void helpNamesTheCommand_data() { helpForEverySubcommand_data(); }

    // "Usage: loyaltytill-admin enroll [options]", not the binary's full path.
    void helpNamesTheCommand()
    {
        QFETCH(QString, command);
        for (const QStringList& arguments :
             {QStringList {command, u"--help"_s}, QStringList {u"--json"_s, command, u"-h"_s}}) {
            const CliRun run = runCli(arguments, m_dir.path());
            QVERIFY2(run.exitCode == 0, run.describeUtf8().constData());
            const QString usage = QString::fromUtf8(run.out).section(u'\n', 0, 0);
            QVERIFY2(usage.startsWith(u"Usage: loyaltytill-admin "_s + command + u" [options]"_s),
                     run.describeUtf8().constData());
        }
    }
};

QTEST_GUILESS_MAIN(CliWorkflowTest)
#include "tst_cli_workflow.moc"
