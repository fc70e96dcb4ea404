#include "tests/cli/AdminProcess.h"
#include "tests/printing/FakeThermalPrinter.h"
#include "tests/receipts/EscPosDecoder.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using clitest::AdminProcess;
using clitest::AdminRun;
using lt::test::EscPosDecoder;
using lt::test::EscPosEvent;
using lt::test::FakeThermalPrinter;
using Mode = FakeThermalPrinter::Mode;
using Type = EscPosEvent::Type;

// loyaltytill-admin slip REFERENCE [--printer URI], run as a real process against the fake printer in this process
// (AdminProcess keeps this thread's event loop turning while it waits, so the fake answers): a sale's slip printed
// again, to the printer given or the till's slip.printer, its refunds' slips with it, into a PDF, and each failure
// with its exit code and message.
class TestSlipCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void printsASaleAgainOnTheGivenPrinter();
    void printsOnTheTillsSlipPrinter();
    void printsTheRefundsSlipsToo();
    void writesAPdf();
    void storeNamedBeforeTheCommand();
    void paperOutIsRefused();
    void refusedPrinterFails();
    void unknownReferenceIsNotFound();
    void withoutAPrinterSaysHowToGiveOne();
    void aMistypedPrinterIsBadInput();

private:
    AdminRun admin(QStringList arguments);

    QTemporaryDir m_home;
    std::unique_ptr<AdminProcess> m_admin;
    QString m_card;
};

AdminRun TestSlipCommand::admin(QStringList arguments)
{
    arguments.insert(1, QStringLiteral("--database"));
    arguments.insert(2, m_home.filePath(QStringLiteral("store.sqlite")));
    return m_admin->run(arguments);
}

void TestSlipCommand::initTestCase()
{
    m_admin = std::make_unique<AdminProcess>(m_home.path());
    for (const QStringList& step :
         {QStringList {QStringLiteral("init")},
          QStringList {QStringLiteral("settings"), QStringLiteral("store.name"), QStringLiteral("Corner Café")},
          QStringList {QStringLiteral("enroll"), QStringLiteral("--phone"), QStringLiteral("+14155552671"),
                       QStringLiteral("--name"), QStringLiteral("Ana Pérez")},
          QStringList {QStringLiteral("accrue"), QStringLiteral("--phone"), QStringLiteral("+14155552671"),
                       QStringLiteral("--sale"), QStringLiteral("S-1001"), QStringLiteral("--amount"),
                       QStringLiteral("42.50")},
          QStringList {QStringLiteral("accrue"), QStringLiteral("--phone"), QStringLiteral("+14155552671"),
                       QStringLiteral("--sale"), QStringLiteral("S-1002"), QStringLiteral("--amount"),
                       QStringLiteral("20.00")},
          QStringList {QStringLiteral("refund"), QStringLiteral("--sale"), QStringLiteral("S-1002"),
                       QStringLiteral("--amount"), QStringLiteral("5.00"), QStringLiteral("--reference"),
                       QStringLiteral("R-77")}}) {
        const AdminRun run = admin(step);
        QVERIFY2(run.exitCode == 0, run.describe());
    }
    const AdminRun card = admin({QStringLiteral("card"), QStringLiteral("--json"), QStringLiteral("1")});
    QVERIFY2(card.exitCode == 0 && card.jsonParsed, card.describe());
    m_card = card.json.value(QStringLiteral("card")).toString();
    QCOMPARE(m_card.size(), 13);
}

void TestSlipCommand::init()
{
    QFile::remove(m_admin->configFolder() + QStringLiteral("/conf.d/50-slip.conf"));
}

void TestSlipCommand::printsASaleAgainOnTheGivenPrinter()
{
    FakeThermalPrinter printer;
    QVERIFY(printer.start());
    const AdminRun run = admin({QStringLiteral("slip"), QStringLiteral("--json"), QStringLiteral("S-1001"),
                                QStringLiteral("--printer"), printer.uri()});
    QVERIFY2(run.exitCode == 0 && run.jsonParsed, run.describe());
    QCOMPARE(run.json.value(QStringLiteral("printer")).toString(), printer.uri());
    const QJsonArray slips = run.json.value(QStringLiteral("slips")).toArray();
    QCOMPARE(slips.size(), 1);
    QCOMPARE(slips.first()[QStringLiteral("kind")].toString(), QStringLiteral("sale"));
    QCOMPARE(slips.first()[QStringLiteral("printed")].toBool(), true);

    QCOMPARE(printer.connectionCount(), 1);
    const QList<EscPosEvent> events = EscPosDecoder::decode(printer.printed(0));
    const QString text = EscPosDecoder::lines(events).join(QLatin1Char('\n'));
    QVERIFY2(text.contains(QStringLiteral("Corner Café")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("S-1001")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Ana ··2671")), qPrintable(text));
    const QList<EscPosEvent> barcodes = EscPosDecoder::ofType(events, Type::Barcode);
    QCOMPARE(barcodes.size(), 1);
    QCOMPARE(QString::fromLatin1(barcodes.first().data), m_card.left(12));
    QCOMPARE(EscPosDecoder::ofType(events, Type::Cut).size(), 1);
}

void TestSlipCommand::printsOnTheTillsSlipPrinter()
{
    FakeThermalPrinter printer;
    QVERIFY(printer.start());
    m_admin->writeConf(QStringLiteral("50-slip.conf"),
                       "slip.printer = " + printer.uri().toUtf8() + "\nslip.paper_width = 58\n");
    const AdminRun run = admin({QStringLiteral("slip"), QStringLiteral("S-1001")});
    QVERIFY2(run.exitCode == 0, run.describe());
    QVERIFY2(run.out.contains(printer.uri().toUtf8()), run.describe());
    const QStringList lines = EscPosDecoder::lines(EscPosDecoder::decode(printer.printed(0)));
    QVERIFY2(!lines.isEmpty(), run.describe());
    for (const QString& line : lines)
        QVERIFY2(line.size() <= 32, qPrintable(line)); // 58 mm paper: 32 columns
}

// A sale's receipt number brings its refunds' slips along, each on its own connection, in order.
void TestSlipCommand::printsTheRefundsSlipsToo()
{
    FakeThermalPrinter printer;
    QVERIFY(printer.start());
    const AdminRun run = admin({QStringLiteral("slip"), QStringLiteral("--json"), QStringLiteral("S-1002"),
                                QStringLiteral("--printer"), printer.uri()});
    QVERIFY2(run.exitCode == 0 && run.jsonParsed, run.describe());
    const QJsonArray slips = run.json.value(QStringLiteral("slips")).toArray();
    QCOMPARE(slips.size(), 2);
    QCOMPARE(slips.at(0)[QStringLiteral("kind")].toString(), QStringLiteral("sale"));
    QCOMPARE(slips.at(1)[QStringLiteral("kind")].toString(), QStringLiteral("refund"));
    QCOMPARE(printer.connectionCount(), 2);
    const QString refund = EscPosDecoder::lines(EscPosDecoder::decode(printer.printed(1))).join(QLatin1Char('\n'));
    QVERIFY2(refund.contains(QStringLiteral("R-77")), qPrintable(refund));
}

void TestSlipCommand::writesAPdf()
{
    const QString file = m_home.filePath(QStringLiteral("slip S-1001.pdf"));
    const AdminRun run = admin(
        {QStringLiteral("slip"), QStringLiteral("S-1001"), QStringLiteral("--printer"), QStringLiteral("pdf:") + file});
    QVERIFY2(run.exitCode == 0, run.describe());
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), file, QStringLiteral("-")});
    QVERIFY(pdftotext.waitForFinished(30000));
    const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
    for (const QString& expected :
         {QStringLiteral("Corner Café"), QStringLiteral("S-1001"), QStringLiteral("Ana ··2671")})
        QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" is not in:\n") + text));
}

void TestSlipCommand::storeNamedBeforeTheCommand()
{
    // As IT writes it in scripts: the global option first. The command still draws with fonts (offscreen).
    const QString file = m_home.filePath(QStringLiteral("first.pdf"));
    const AdminRun run = m_admin->run({QStringLiteral("--database"), m_home.filePath(QStringLiteral("store.sqlite")),
                                       QStringLiteral("slip"), QStringLiteral("S-1001"), QStringLiteral("--printer"),
                                       QStringLiteral("pdf:") + file});
    QVERIFY2(run.exitCode == 0, run.describe());
    QVERIFY(QFileInfo(file).size() > 0);
}

void TestSlipCommand::paperOutIsRefused()
{
    FakeThermalPrinter printer;
    QVERIFY(printer.start(Mode::PaperOut));
    const AdminRun run = admin({QStringLiteral("slip"), QStringLiteral("--json"), QStringLiteral("S-1001"),
                                QStringLiteral("--printer"), printer.uri()});
    QVERIFY2(run.exitCode == 4 && run.jsonParsed, run.describe());
    const QJsonObject error = run.json.value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("kind")).toString(), QStringLiteral("refused"));
    QVERIFY2(error.value(QStringLiteral("message")).toString().contains(QStringLiteral("out of paper")),
             run.describe());
    QVERIFY(printer.printed(0).isEmpty());
}

void TestSlipCommand::refusedPrinterFails()
{
    FakeThermalPrinter printer;
    QVERIFY(printer.start(Mode::Refusing));
    const AdminRun run =
        admin({QStringLiteral("slip"), QStringLiteral("S-1001"), QStringLiteral("--printer"), printer.uri()});
    QVERIFY2(run.exitCode == 1, run.describe());
    QVERIFY2(run.err.contains("cannot be reached"), run.describe());
    QVERIFY2(run.err.contains("switched on"), run.describe());
}

void TestSlipCommand::unknownReferenceIsNotFound()
{
    FakeThermalPrinter printer;
    QVERIFY(printer.start());
    const AdminRun run =
        admin({QStringLiteral("slip"), QStringLiteral("S-9999"), QStringLiteral("--printer"), printer.uri()});
    QVERIFY2(run.exitCode == 3, run.describe());
    QCOMPARE(printer.connectionCount(), 0);
}

void TestSlipCommand::withoutAPrinterSaysHowToGiveOne()
{
    const AdminRun run = admin({QStringLiteral("slip"), QStringLiteral("S-1001")});
    QVERIFY2(run.exitCode == 2, run.describe());
    QVERIFY2(run.err.contains("--printer") && run.err.contains("slip.printer"), run.describe());
}

void TestSlipCommand::aMistypedPrinterIsBadInput()
{
    const AdminRun run =
        admin({QStringLiteral("slip"), QStringLiteral("S-1001"), QStringLiteral("--printer"), QStringLiteral("lpt1:")});
    QVERIFY2(run.exitCode == 2, run.describe());
    QVERIFY2(!run.err.isEmpty(), run.describe());
}

QTEST_GUILESS_MAIN(TestSlipCommand)
#include "tst_slipcommand.moc"
