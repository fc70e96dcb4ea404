// `loyaltytill-admin cards` as a process on a real store: members' cards (named on the command line or read from
// standard input), a batch of numbers reserved for pre-printed cards and printed again, new cards for members without
// one; every barcode on the sheets read by zbarimg; bad input refused with its exit code before the store changes.
#include "tests/cards/BarcodeReader.h"
#include "tests/cli/CliRunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using clitest::CliRun;
using lt::test::BarcodeReader::decode;
using lt::test::BarcodeReader::pageSizePoints;
using lt::test::BarcodeReader::rasterize;

class TestCliCards : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;

    QString path(const QString& name) const { return m_dir.filePath(name); }
    CliRun cli(const QStringList& arguments) const { return clitest::runJson(m_store, arguments); }

    // The same as runJson, with `input` on standard input.
    CliRun cliWithInput(const QStringList& arguments, const QByteArray& input) const
    {
        CliRun run;
        run.arguments = clitest::withOptions(arguments, {u"--database"_s, m_store, u"--json"_s});
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"LOYALTYTILL_DATABASE"_s);
        environment.insert(u"LOYALTYTILL_CONFIG_DIR"_s, u"/nonexistent/loyaltytill"_s);
        environment.insert(u"HOME"_s, m_dir.path());
        process.setProcessEnvironment(environment);
        process.start(clitest::adminPath(), run.arguments);
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(120000))
            return run;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        run.exitCode = process.exitCode();
        const QJsonDocument document = QJsonDocument::fromJson(run.out);
        run.jsonParsed = document.isObject();
        run.json = document.object();
        return run;
    }

    qint64 count(const QString& sql) const
    {
        qint64 value = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"count"_s);
            db.setDatabaseName(m_store);
            if (db.open()) {
                QSqlQuery query(db);
                if (query.exec(sql) && query.next())
                    value = query.value(0).toLongLong();
            }
        }
        QSqlDatabase::removeDatabase(u"count"_s);
        return value;
    }

    static QStringList strings(const QJsonValue& array)
    {
        QStringList list;
        for (const QJsonValue& value : array.toArray())
            list << value.toString();
        return list;
    }

    // Every barcode on every page of the sheet at 150 dpi, as the numbers they hold, sorted.
    QStringList scanned(const QString& pdf)
    {
        QStringList numbers;
        for (const QString& page : rasterize(pdf, 150, pdf + u"-scan"_s)) {
            for (const QString& symbol : decode(page)) {
                if (symbol.startsWith(u"EAN-13:"_s))
                    numbers << symbol.mid(7);
            }
        }
        numbers.sort();
        return numbers;
    }

    QString enroll(const QString& phone, const QString& name = {})
    {
        QStringList arguments {u"enroll"_s, u"--phone"_s, phone};
        if (!name.isEmpty())
            arguments << u"--name"_s << name;
        const CliRun run = cli(arguments);
        return QString::number(run.json.value(u"member"_s).toObject().value(u"id"_s).toInteger());
    }

    QString giveCard(const QString& member) { return cli({u"card"_s, member}).json.value(u"card"_s).toString(); }

private slots:
    void init()
    {
        static int counter = 0;
        m_store = path(u"store-%1.sqlite"_s.arg(++counter));
        CLI_VERIFY_OK(cli({u"init"_s}));
    }

    void printsTheMembersCards()
    {
        const QString ana = enroll(u"415 555 2671"_s, u"Ana Núñez"_s);
        const QString bo = enroll(u"415 555 2672"_s);
        QStringList cards {giveCard(ana), giveCard(bo)};
        const QString pdf = path(u"members.pdf"_s);
        const CliRun run = cli({u"cards"_s, u"--members"_s, ana + u","_s + bo, u"--output"_s, pdf});
        CLI_VERIFY_OK(run);
        QCOMPARE(strings(run.json.value(u"cards"_s)), cards);
        QCOMPARE(run.json.value(u"pages"_s).toInt(), 1);
        QCOMPARE(run.json.value(u"page"_s).toString(), u"a4"_s);
        cards.sort();
        QCOMPARE(scanned(pdf), cards);
        // By phone and card too, from standard input, on Letter.
        const QString letter = path(u"members-letter.pdf"_s);
        const CliRun piped =
            cliWithInput({u"cards"_s, u"--members"_s, u"-"_s, u"--output"_s, letter, u"--page"_s, u"letter"_s},
                         "+14155552671\n" + cards.last().toLatin1() + "\n");
        QVERIFY2(piped.exitCode == 0, piped.describeUtf8().constData());
        QCOMPARE(strings(piped.json.value(u"cards"_s)).size(), 2);
        QCOMPARE(pageSizePoints(letter), QSizeF(612, 792));
        QCOMPARE(scanned(letter), cards);
    }

    // Phone numbers are written with spaces: each stays one name, never read as several member numbers.
    void aPhoneWithSpacesNamesOneMember()
    {
        const QString ana = enroll(u"415 555 2671"_s, u"Ana"_s);
        const QString bo = enroll(u"415 555 2672"_s, u"Bo"_s);
        const QString cy = enroll(u"415 555 2673"_s);
        const QStringList cards {giveCard(ana), giveCard(bo), giveCard(cy)};
        const QString pdf = path(u"phone.pdf"_s);
        const CliRun run = cli({u"cards"_s, u"--members"_s, u"415 555 2671"_s, u"--output"_s, pdf});
        CLI_VERIFY_OK(run);
        QCOMPARE(strings(run.json.value(u"cards"_s)), QStringList {cards.first()});
        QCOMPARE(run.json.value(u"members"_s).toInt(), 1);
        // A list on standard input: one a line, or separated by commas or semicolons.
        const CliRun piped = cliWithInput({u"cards"_s, u"--members"_s, u"-"_s, u"--output"_s, pdf},
                                          "415 555 2671\r\n (415) 555-2672 ; " + cy.toLatin1() + "\n\n");
        QVERIFY2(piped.exitCode == 0, piped.describeUtf8().constData());
        QCOMPARE(strings(piped.json.value(u"cards"_s)), cards);
        // A phone nobody has is reported whole.
        const CliRun unknown = cli({u"cards"_s, u"--members"_s, u"201 555 0100, 1"_s, u"--output"_s, pdf});
        CLI_VERIFY_ERROR(unknown, 3);
        QVERIFY2(unknown.json.value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"201 555 0100"_s),
                 unknown.describeUtf8().constData());
    }

    void reservesAndPrintsABatchForNewMembers()
    {
        const QString pdf = path(u"batch.pdf"_s);
        const CliRun run = cli({u"cards"_s, u"--unassigned"_s, u"12"_s, u"--output"_s, pdf, u"--page"_s, u"letter"_s});
        CLI_VERIFY_OK(run);
        const QStringList printed = strings(run.json.value(u"cards"_s));
        QCOMPARE(printed.size(), 12);
        const QJsonObject batch = run.json.value(u"batch"_s).toObject();
        QCOMPARE(batch.value(u"count"_s).toInt(), 12);
        QCOMPARE(batch.value(u"first"_s).toString(), printed.first());
        QCOMPARE(run.json.value(u"pages"_s).toInt(), 2);
        QStringList sorted = printed;
        sorted.sort();
        QCOMPARE(scanned(pdf), sorted);
        QCOMPARE(count(u"SELECT count(*) FROM card_batches"_s), 1);
        QCOMPARE(count(u"SELECT count(*) FROM audit_log WHERE action = 'cards.reserve'"_s), 1);

        // A new customer enrolled with one of the pre-printed cards; another given a new card at the till.
        const CliRun enrolled = cli({u"enroll"_s, u"--phone"_s, u"415 555 2680"_s, u"--card"_s, printed.at(3)});
        CLI_VERIFY_OK(enrolled);
        QCOMPARE(enrolled.json.value(u"member"_s).toObject().value(u"card"_s).toString(), printed.at(3));
        const QString fresh = giveCard(enroll(u"415 555 2681"_s));
        QVERIFY(!fresh.isEmpty());
        QVERIFY2(!printed.contains(fresh), qPrintable(fresh));

        // The batch again: the card given out is left out.
        const QString again = path(u"again.pdf"_s);
        const QString id = QString::number(batch.value(u"id"_s).toInteger());
        const CliRun reprint = cli({u"cards"_s, u"--batch"_s, id, u"--output"_s, again});
        CLI_VERIFY_OK(reprint);
        QStringList left = sorted;
        left.removeOne(printed.at(3));
        QCOMPARE(scanned(again), left);
        QCOMPARE(reprint.json.value(u"batch"_s).toObject().value(u"given_out"_s).toInt(), 1);
    }

    void givesCardsToMembersWithoutOne()
    {
        const QString ana = enroll(u"415 555 2671"_s, u"Ana"_s);
        const QString had = giveCard(ana);
        enroll(u"415 555 2672"_s, u"Bo"_s);
        enroll(u"415 555 2673"_s);
        const QString pdf = path(u"without.pdf"_s);
        const CliRun run = cli({u"cards"_s, u"--without-card"_s, u"--output"_s, pdf});
        CLI_VERIFY_OK(run);
        QStringList given = strings(run.json.value(u"cards"_s));
        QCOMPARE(given.size(), 2);
        QVERIFY(!given.contains(had));
        given.sort();
        QCOMPARE(scanned(pdf), given);
        QCOMPARE(count(u"SELECT count(*) FROM cards"_s), 3);
        // Nobody is left without one.
        CLI_VERIFY_ERROR(cli({u"cards"_s, u"--without-card"_s, u"--output"_s, pdf}), 3);
    }

    void badInputChangesNothing_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        const QString out = path(u"bad.pdf"_s);
        QTest::newRow("no source") << QStringList {u"--output"_s, out} << 2;
        QTest::newRow("two sources") << QStringList {u"--members"_s, u"1"_s,        u"--unassigned"_s,
                                                     u"2"_s,         u"--output"_s, out}
                                     << 2;
        QTest::newRow("unknown members") << QStringList {u"--members"_s, u"1,77,x"_s, u"--output"_s, out} << 3;
        QTest::newRow("member without a card") << QStringList {u"--members"_s, u"2"_s, u"--output"_s, out} << 4;
        QTest::newRow("empty member list") << QStringList {u"--members"_s, u" , "_s, u"--output"_s, out} << 2;
        QTest::newRow("too many cards") << QStringList {u"--unassigned"_s, u"10001"_s, u"--output"_s, out} << 2;
        QTest::newRow("no cards") << QStringList {u"--unassigned"_s, u"0"_s, u"--output"_s, out} << 2;
        QTest::newRow("not a number") << QStringList {u"--unassigned"_s, u"ten"_s, u"--output"_s, out} << 2;
        QTest::newRow("no output") << QStringList {u"--unassigned"_s, u"3"_s} << 2;
        QTest::newRow("output folder missing")
            << QStringList {u"--unassigned"_s, u"3"_s, u"--output"_s, path(u"missing/cards.pdf"_s)} << 2;
        QTest::newRow("output is a folder")
            << QStringList {u"--unassigned"_s, u"3"_s, u"--output"_s, m_dir.path()} << 2;
        QTest::newRow("unknown paper") << QStringList {u"--unassigned"_s, u"3"_s, u"--output"_s, out,
                                                       u"--page"_s,       u"a5"_s}
                                       << 2;
        QTest::newRow("unknown batch") << QStringList {u"--batch"_s, u"9"_s, u"--output"_s, out} << 3;
        QTest::newRow("bad batch") << QStringList {u"--batch"_s, u"first"_s, u"--output"_s, out} << 2;
    }
    void badInputChangesNothing()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        const QString ana = enroll(u"415 555 2671"_s);
        giveCard(ana);
        enroll(u"415 555 2672"_s); // member 2, without a card
        const QStringList before = clitest::fingerprint(m_store);
        CLI_VERIFY_ERROR(cli(QStringList {u"cards"_s} + arguments), exitCode);
        QCOMPARE(clitest::fingerprint(m_store), before);
        QCOMPARE(count(u"SELECT count(*) FROM card_batches"_s), 0);
        QVERIFY(!QFile::exists(path(u"bad.pdf"_s)));
    }

    // An output that passes the checks but cannot be written (a link to a drive that is not plugged in): the
    // batch is not reserved, nobody is given a card, no file is left behind.
    void anOutputThatCannotBeWrittenChangesNothing_data()
    {
        QTest::addColumn<QStringList>("source");
        QTest::newRow("unassigned") << QStringList {u"--unassigned"_s, u"3"_s};
        QTest::newRow("without card") << QStringList {u"--without-card"_s};
    }
    void anOutputThatCannotBeWrittenChangesNothing()
    {
        QFETCH(QStringList, source);
        const QString ana = enroll(u"415 555 2671"_s, u"Ana"_s);
        giveCard(ana);
        enroll(u"415 555 2672"_s, u"Bo"_s); // without a card
        const QString link = path(u"unplugged.pdf"_s);
        QFile::remove(link);
        QVERIFY(QFile::link(path(u"usb-stick/cards.pdf"_s), link));
        const QStringList filesBefore = QDir(m_dir.path()).entryList(QDir::Files | QDir::System);
        const QStringList before = clitest::fingerprint(m_store);
        const CliRun run = cli(QStringList {u"cards"_s} + source + QStringList {u"--output"_s, link});
        QVERIFY2(run.exitCode != 0, run.describeUtf8().constData());
        QVERIFY(run.json.contains(u"error"_s));
        QCOMPARE(clitest::fingerprint(m_store), before);
        QCOMPARE(count(u"SELECT count(*) FROM card_batches"_s), 0);
        QCOMPARE(count(u"SELECT count(*) FROM cards"_s), 1);
        QCOMPARE(count(u"SELECT count(*) FROM audit_log WHERE action IN ('cards.reserve', 'member.card')"_s), 1);
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::System), filesBefore);
    }

    void helpNamesEveryForm()
    {
        const CliRun run = clitest::runCli({u"cards"_s, u"--help"_s}, m_dir.path());
        QCOMPARE(run.exitCode, 0);
        for (const char* option : {"--members", "--unassigned", "--batch", "--without-card", "--output", "--page"})
            QVERIFY2(run.out.contains(option), option);
    }
};

QTEST_GUILESS_MAIN(TestCliCards)
#include "tst_cli_cards.moc"
