#include "core/domain/CardNumber.h"
#include "tests/printing/FakeThermalPrinter.h"
#include "tests/receipts/EscPosDecoder.h"
#include "ui/printing/SlipPrintQueue.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using lt::CodePage;
using lt::LoyaltySlip;
using lt::PaperWidth;
using lt::PrinterUri;
using lt::test::EscPosDecoder;
using lt::test::EscPosEvent;
using lt::test::FakeThermalPrinter;
using lt::ui::PrintOutcome;
using lt::ui::SlipPrinterSetup;
using lt::ui::SlipPrintQueue;
using Mode = FakeThermalPrinter::Mode;
using Status = PrintOutcome::Status;
using Type = EscPosEvent::Type;

namespace {

const lt::ui::PrinterTimeouts fast {1000, 300, 2000};

LoyaltySlip saleSlip(const QString& reference)
{
    LoyaltySlip slip;
    slip.kind = LoyaltySlip::Kind::Sale;
    slip.storeName = QStringLiteral("Corner Café");
    slip.tillName = QStringLiteral("Till 1");
    slip.at = QDateTime(QDate(2025, 3, 14), QTime(10, 42), Qt::UTC);
    slip.reference = reference;
    slip.member = {7, QStringLiteral("Ana"), QStringLiteral("2671")};
    slip.cardNumber = lt::CardNumber::fromSerial(42);
    slip.saleTotal = lt::Money(4250, QStringLiteral("USD"));
    slip.programPoints = 42;
    slip.balance = 1340;
    slip.footer = QStringLiteral("corner-cafe.example");
    return slip;
}

SlipPrinterSetup setupFor(const QString& uri, PaperWidth paper = PaperWidth::Mm80,
                          CodePage::Id codePage = CodePage::Id::Pc858)
{
    SlipPrinterSetup setup;
    setup.printer = *PrinterUri::parse(uri);
    setup.paper = paper;
    setup.codePage = codePage;
    setup.locale = QLocale(QLocale::English, QLocale::UnitedStates);
    setup.timeouts = fast;
    return setup;
}

// Waits for the queue's next finished() and returns its outcome.
PrintOutcome nextOutcome(QSignalSpy& finished, qsizetype index)
{
    while (finished.size() <= index) {
        if (!finished.wait(10000))
            return PrintOutcome::failed(Status::PageFailed, QStringLiteral("finished() never came"));
    }
    return finished.at(index).at(1).value<PrintOutcome>();
}

QByteArray describe(const PrintOutcome& outcome)
{
    return (lt::ui::printStatusName(outcome.status) + QStringLiteral(": ") + outcome.message).toUtf8();
}

} // namespace

// The till's slips through the queue to the fake network printer: what arrives decodes to the slip (text, code page,
// the card's barcode, the cut); slips go one at a time in order; a slip the printer did not take is kept and prints
// whole once the printer is back; the GUI thread keeps turning while a printer hangs.
class TestSlipPrintQueue : public QObject
{
    Q_OBJECT

private slots:
    void slipArrivesAsEscPos();
    void accentsTheCodePageLacksGoAsImages();
    void slipsPrintInOrderOneAtATime();
    void paperOutKeepsTheSlip();
    void closedMidSlipPrintsWholeAgain();
    void refusedThenBackPrintsAgain();
    void silentPrinterEndsWithinItsTimeoutAndNeverBlocks();
    void noPrinterKeepsTheSlip();
    void pdfPrinterGetsThePage();
    void anImageSlipIsQuickToEncode();
};

void TestSlipPrintQueue::slipArrivesAsEscPos()
{
    FakeThermalPrinter printer;
    QVERIFY(printer.start());
    SlipPrintQueue queue;
    queue.setSetup(setupFor(printer.uri()));
    QSignalSpy finished(&queue, &SlipPrintQueue::finished);
    QSignalSpy idle(&queue, &SlipPrintQueue::idle);
    const qint64 id = queue.print(saleSlip(QStringLiteral("S-1001")));
    const PrintOutcome outcome = nextOutcome(finished, 0);
    QVERIFY2(outcome.ok(), describe(outcome));
    QCOMPARE(finished.first().first().toLongLong(), id);
    QTRY_COMPARE(idle.size(), 1);
    QVERIFY(queue.failedJobs().isEmpty());

    const QList<EscPosEvent> events = EscPosDecoder::decode(printer.printed(0));
    const QStringList lines = EscPosDecoder::lines(events);
    const QString text = lines.join(QLatin1Char('\n'));
    QVERIFY2(lines.contains(QStringLiteral("Corner Café")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("S-1001")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Ana ··2671")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("1,340")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("corner-cafe.example")), qPrintable(text));
    QVERIFY2(EscPosDecoder::ofType(events, Type::Raster).isEmpty(), qPrintable(EscPosDecoder::describe(events)));
    const QList<EscPosEvent> codePages = EscPosDecoder::ofType(events, Type::CodePage);
    QCOMPARE(codePages.size(), 1);
    QCOMPARE(codePages.first().value, CodePage(CodePage::Id::Pc858).escPosNumber());
    const QList<EscPosEvent> barcodes = EscPosDecoder::ofType(events, Type::Barcode);
    QCOMPARE(barcodes.size(), 1);
    QCOMPARE(barcodes.first().value, 67); // EAN-13
    QCOMPARE(QString::fromLatin1(barcodes.first().data), lt::CardNumber::fromSerial(42).left(12));
    QCOMPARE(EscPosDecoder::ofType(events, Type::Cut).size(), 1);
    QCOMPARE(events.last().type, Type::Cut);
    QVERIFY2(EscPosDecoder::ofType(events, Type::Unknown).isEmpty(), qPrintable(EscPosDecoder::describe(events)));
}

// PC437 has no Á, Í, Ó or Ú: the row holding one is printed as a bitmap, the others stay text.
void TestSlipPrintQueue::accentsTheCodePageLacksGoAsImages()
{
    FakeThermalPrinter printer;
    QVERIFY(printer.start());
    SlipPrintQueue queue;
    queue.setSetup(setupFor(printer.uri(), PaperWidth::Mm58, CodePage::Id::Pc437));
    QSignalSpy finished(&queue, &SlipPrintQueue::finished);
    LoyaltySlip slip = saleSlip(QStringLiteral("S-1002"));
    slip.storeName = QStringLiteral("ÁVILA");
    queue.print(slip);
    const PrintOutcome outcome = nextOutcome(finished, 0);
    QVERIFY2(outcome.ok(), describe(outcome));
    const QList<EscPosEvent> events = EscPosDecoder::decode(printer.printed(0));
    const QList<EscPosEvent> rasters = EscPosDecoder::ofType(events, Type::Raster);
    QVERIFY2(!rasters.isEmpty(), qPrintable(EscPosDecoder::describe(events)));
    QCOMPARE(rasters.first().width, lt::dotsOf(PaperWidth::Mm58));
    QVERIFY(!EscPosDecoder::lines(events).join(QLatin1Char('\n')).contains(QStringLiteral("VILA")));
    QVERIFY(EscPosDecoder::lines(events).join(QLatin1Char('\n')).contains(QStringLiteral("S-1002")));
}

void TestSlipPrintQueue::slipsPrintInOrderOneAtATime()
{
    FakeThermalPrinter printer;
    QVERIFY(printer.start());
    SlipPrintQueue queue;
    queue.setSetup(setupFor(printer.uri()));
    QSignalSpy finished(&queue, &SlipPrintQueue::finished);
    QSignalSpy idle(&queue, &SlipPrintQueue::idle);
    QStringList events;
    connect(&queue, &SlipPrintQueue::started, this, [&](qint64 id) { events << QStringLiteral("start %1").arg(id); });
    connect(&queue, &SlipPrintQueue::finished, this, [&](qint64 id) { events << QStringLiteral("end %1").arg(id); });
    QList<qint64> ids;
    for (const char* reference : {"S-1", "S-2", "S-3"})
        ids << queue.print(saleSlip(QString::fromLatin1(reference)));
    QCOMPARE(queue.waiting(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(idle.size(), 1, 10000);
    QCOMPARE(finished.size(), 3);
    for (qsizetype i = 0; i < 3; ++i) {
        QCOMPARE(finished.at(i).first().toLongLong(), ids.at(i));
        QVERIFY(finished.at(i).at(1).value<PrintOutcome>().ok());
        const QString text = EscPosDecoder::lines(EscPosDecoder::decode(printer.printed(i))).join(QLatin1Char('\n'));
        QVERIFY2(text.contains(QStringLiteral("S-%1").arg(i + 1)), qPrintable(text));
    }
    QCOMPARE(printer.connectionCount(), 3);
    // One at a time: each slip started once the one before it had finished.
    QCOMPARE(events,
             QStringList({QStringLiteral("start 1"), QStringLiteral("end 1"), QStringLiteral("start 2"),
                          QStringLiteral("end 2"), QStringLiteral("start 3"), QStringLiteral("end 3")}));
}

void TestSlipPrintQueue::paperOutKeepsTheSlip()
{
    FakeThermalPrinter printer;
    QVERIFY(printer.start(Mode::PaperOut));
    SlipPrintQueue queue;
    queue.setSetup(setupFor(printer.uri()));
    QSignalSpy finished(&queue, &SlipPrintQueue::finished);
    const qint64 id = queue.print(saleSlip(QStringLiteral("S-1001")));
    const PrintOutcome outcome = nextOutcome(finished, 0);
    QCOMPARE(outcome.status, Status::PaperOut);
    QVERIFY2(outcome.message.contains(QStringLiteral("out of paper")), describe(outcome));
    QVERIFY(printer.printed(0).isEmpty());
    QCOMPARE(queue.failedJobs().size(), 1);
    QCOMPARE(queue.failedJobs().first().id, id);
    QCOMPARE(queue.failedJobs().first().outcome.status, Status::PaperOut);

    printer.setMode(Mode::Ready); // a new roll
    QVERIFY(queue.printAgain(id));
    QVERIFY(!queue.printAgain(id)); // no longer kept: it is on its way
    const PrintOutcome again = nextOutcome(finished, 1);
    QVERIFY2(again.ok(), describe(again));
    QVERIFY(queue.failedJobs().isEmpty());
    QVERIFY(EscPosDecoder::lines(EscPosDecoder::decode(printer.printed(1))).contains(QStringLiteral("Corner Café")));
}

void TestSlipPrintQueue::closedMidSlipPrintsWholeAgain()
{
    FakeThermalPrinter printer;
    QVERIFY(printer.start(Mode::CloseAfterBytes));
    printer.setCloseAfter(60); // the status requests, then part of the slip
    SlipPrintQueue queue;
    queue.setSetup(setupFor(printer.uri()));
    QSignalSpy finished(&queue, &SlipPrintQueue::finished);
    QElapsedTimer clock;
    clock.start();
    const qint64 id = queue.print(saleSlip(QStringLiteral("S-1001")));
    const PrintOutcome outcome = nextOutcome(finished, 0);
    QCOMPARE(outcome.status, Status::Interrupted);
    QVERIFY2(outcome.message.contains(QStringLiteral("may be incomplete")), describe(outcome));
    QVERIFY2(clock.elapsed() < fast.statusMs + fast.writeMs + 1000, QByteArray::number(clock.elapsed()));
    QCOMPARE(printer.received(0).size(), 60);

    printer.setMode(Mode::Ready);
    QCOMPARE(queue.printAllAgain(), 1);
    QVERIFY2(nextOutcome(finished, 1).ok(), describe(nextOutcome(finished, 1)));
    QCOMPARE(finished.at(1).first().toLongLong(), id);
    const QList<EscPosEvent> events = EscPosDecoder::decode(printer.printed(1));
    QCOMPARE(EscPosDecoder::ofType(events, Type::Initialize).size(), 1); // from its start, not where it broke off
    QCOMPARE(EscPosDecoder::ofType(events, Type::Cut).size(), 1);
}

void TestSlipPrintQueue::refusedThenBackPrintsAgain()
{
    FakeThermalPrinter printer;
    QVERIFY(printer.start(Mode::Refusing));
    SlipPrintQueue queue;
    queue.setSetup(setupFor(printer.uri()));
    QSignalSpy finished(&queue, &SlipPrintQueue::finished);
    const qint64 id = queue.print(saleSlip(QStringLiteral("S-1001")));
    const PrintOutcome outcome = nextOutcome(finished, 0);
    QCOMPARE(outcome.status, Status::Unreachable);
    QVERIFY2(outcome.message.contains(QStringLiteral("127.0.0.1:%1").arg(printer.port())), describe(outcome));
    QVERIFY2(outcome.message.contains(QStringLiteral("Settings ▸ Printing and wallet")), describe(outcome));

    printer.setMode(Mode::Ready); // switched on
    QVERIFY(queue.printAgain(id));
    QVERIFY2(nextOutcome(finished, 1).ok(), describe(nextOutcome(finished, 1)));
    QCOMPARE(printer.connectionCount(), 1);
}

// A printer that takes the connection and then says nothing holds nothing up: the GUI thread's timer keeps its
// pace while the status request waits, and the slip is given up at the status timeout and kept.
void TestSlipPrintQueue::silentPrinterEndsWithinItsTimeoutAndNeverBlocks()
{
    FakeThermalPrinter printer;
    QVERIFY(printer.start(Mode::Silent));
    SlipPrintQueue queue;
    queue.setSetup(setupFor(printer.uri()));
    QSignalSpy finished(&queue, &SlipPrintQueue::finished);
    QElapsedTimer sinceTick;
    qint64 longestGap = 0;
    QTimer tick;
    tick.setInterval(10);
    connect(&tick, &QTimer::timeout, this, [&] { longestGap = qMax(longestGap, sinceTick.restart()); });
    QElapsedTimer clock;
    clock.start();
    sinceTick.start();
    tick.start();
    queue.print(saleSlip(QStringLiteral("S-1001")));
    QVERIFY2(clock.elapsed() < 50, QByteArray::number(clock.elapsed()));
    const PrintOutcome outcome = nextOutcome(finished, 0);
    tick.stop();
    QCOMPARE(outcome.status, Status::NoAnswer);
    QVERIFY2(clock.elapsed() >= fast.statusMs - 50 && clock.elapsed() < fast.statusMs + 1000,
             QByteArray::number(clock.elapsed()));
    QVERIFY2(longestGap < 200, QByteArray::number(longestGap)); // blocking would be the whole 300 ms
    QCOMPARE(queue.failedJobs().size(), 1);
}

void TestSlipPrintQueue::noPrinterKeepsTheSlip()
{
    SlipPrintQueue queue;
    queue.clearSetup(QStringLiteral("This till has no slip printer."));
    QSignalSpy started(&queue, &SlipPrintQueue::started);
    QSignalSpy finished(&queue, &SlipPrintQueue::finished);
    const qint64 id = queue.print(saleSlip(QStringLiteral("S-1001")));
    QVERIFY(finished.isEmpty()); // never inside print()
    const PrintOutcome outcome = nextOutcome(finished, 0);
    QCOMPARE(started.size(), 1);
    QCOMPARE(outcome.status, Status::BadAddress);
    QCOMPARE(outcome.message, QStringLiteral("This till has no slip printer."));
    QCOMPARE(queue.failedJobs().size(), 1);
    QCOMPARE(queue.failedJobs().first().id, id);
}

void TestSlipPrintQueue::pdfPrinterGetsThePage()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("slip.pdf"));
    SlipPrintQueue queue;
    queue.setSetup(setupFor(QStringLiteral("pdf:") + file, PaperWidth::Mm58));
    QSignalSpy finished(&queue, &SlipPrintQueue::finished);
    queue.print(saleSlip(QStringLiteral("S-1001")));
    const PrintOutcome outcome = nextOutcome(finished, 0);
    QVERIFY2(outcome.ok(), describe(outcome));
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), file, QStringLiteral("-")});
    QVERIFY(pdftotext.waitForFinished(30000));
    const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
    for (const QString& expected : {QStringLiteral("Corner Café"), QStringLiteral("S-1001"),
                                    QStringLiteral("Ana ··2671"), QStringLiteral("1,340")})
        QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" is not in:\n") + text));
}

// The GUI thread lays out and encodes a slip before its transport takes over; with slip.code_page = image every row is
// drawn as a bitmap there, the most work a slip can take. It stays far below what a cashier could notice.
void TestSlipPrintQueue::anImageSlipIsQuickToEncode()
{
    const SlipPrinterSetup setup = setupFor(QStringLiteral("tcp://127.0.0.1"), PaperWidth::Mm80, CodePage::Id::Image);
    const QList<lt::SlipRow> rows = setup.rows(saleSlip(QStringLiteral("S-1001")));
    setup.escPos(rows); // fonts are loaded once per process
    QElapsedTimer clock;
    clock.start();
    const QByteArray bytes = setup.escPos(rows);
    const qint64 ms = clock.elapsed();
    qInfo("an image-only slip of %lld rows: %lld bytes encoded in %.2f ms", qlonglong(rows.size()),
          qlonglong(bytes.size()), double(clock.nsecsElapsed()) / 1e6);
    QVERIFY(!EscPosDecoder::ofType(EscPosDecoder::decode(bytes), Type::Raster).isEmpty());
    QVERIFY2(ms < 100, QByteArray::number(ms));
}

QTEST_MAIN(TestSlipPrintQueue)
#include "tst_slipprintqueue.moc"
