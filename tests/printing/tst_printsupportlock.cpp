#include "core/domain/CardNumber.h"
#include "tests/printing/SlipRows.h"
#include "ui/cards/CardPrinter.h"
#include "ui/printing/PagePrinterTransport.h"
#include "ui/printing/PrintSupportLock.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using lt::PaperWidth;
using lt::ui::CardPrinter;
using lt::ui::PagePrinterTransport;
using lt::ui::PrinterTransport;
using lt::ui::PrintOutcome;
using lt::ui::PrintSupportLock;

namespace {

constexpr int FinishMs = 30000;

const lt::ui::MemberCardFace Face {QStringLiteral("Tienda"), QStringLiteral("Ana"), lt::CardNumber::fromSerial(42)};

std::unique_ptr<PrinterTransport> slipJob()
{
    return std::make_unique<PagePrinterTransport>(PagePrinterTransport::Target::SystemPrinter,
                                                  QStringLiteral("NoSuchQueueForLoyaltyTillSlips"), PaperWidth::Mm80,
                                                  lt::test::sampleRows(PaperWidth::Mm80));
}

std::unique_ptr<PrinterTransport> cardJob()
{
    auto printer = CardPrinter::forSetting(QStringLiteral("cups:NoSuchQueueForLoyaltyTillCards"), Face);
    return printer ? std::move(*printer) : nullptr;
}

} // namespace

// Slips and cards printed on system printers both run on worker threads and both go through the one process-wide
// print-support lock: while it is held, neither job touches Qt's print support (so neither can finish); once it is
// free, each runs. PDF files need no print support and never wait for it. The test holds the lock on its own
// thread only to watch the jobs wait; the till never takes it on the GUI thread.
class TestPrintSupportLock : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void systemPrinterJobsWaitForTheLock_data();
    void systemPrinterJobsWaitForTheLock();
    void aSlipAndACardStartedTogetherBothFinish();
    void pdfFilesDoNotWait();

private:
    // How long the lock is held while a job waits: long enough for a job that does not wait to have finished
    // several times over.
    int m_heldMs = 0;
};

// The first use of print support loads the CUPS plugin and asks CUPS for its printers, which can take a while; a
// job run to its end first tells how long an unknown queue takes to be answered once that is done.
void TestPrintSupportLock::initTestCase()
{
    for (int run = 0; run < 2; ++run) {
        const std::unique_ptr<PrinterTransport> job = slipJob();
        QSignalSpy finished(job.get(), &PrinterTransport::finished);
        QElapsedTimer clock;
        clock.start();
        job->start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, FinishMs);
        m_heldMs = int(std::max<qint64>(800, 5 * clock.elapsed()));
    }
    qInfo() << "an unknown queue is answered in about" << m_heldMs / 5 << "ms or less; the lock is held" << m_heldMs
            << "ms";
}

void TestPrintSupportLock::systemPrinterJobsWaitForTheLock_data()
{
    QTest::addColumn<bool>("card");
    QTest::newRow("slip on cups:QUEUE") << false;
    QTest::newRow("card on cups:QUEUE") << true;
}

void TestPrintSupportLock::systemPrinterJobsWaitForTheLock()
{
    QFETCH(bool, card);
    const std::unique_ptr<PrinterTransport> job = card ? cardJob() : slipJob();
    QVERIFY(job);
    QSignalSpy finished(job.get(), &PrinterTransport::finished);
    std::optional<PrintSupportLock> held;
    held.emplace();
    QElapsedTimer clock;
    clock.start();
    job->start();
    QVERIFY2(clock.elapsed() < 200, "start() must not wait for the lock on the calling thread");
    QTest::qWait(m_heldMs);
    QVERIFY2(finished.isEmpty(), "the job used Qt's print support while the lock was held elsewhere");
    held.reset();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, FinishMs);
    const auto outcome = finished.first().first().value<PrintOutcome>();
    QCOMPARE(outcome.status, PrintOutcome::Status::PageFailed);
    QVERIFY2(outcome.message.contains(QStringLiteral("NoSuchQueueForLoyaltyTill")), qPrintable(outcome.message));
}

// The first slip on cups: and a Ctrl+K card at the same moment: both end, one after the other, without a deadlock.
void TestPrintSupportLock::aSlipAndACardStartedTogetherBothFinish()
{
    for (int round = 0; round < 3; ++round) {
        const std::unique_ptr<PrinterTransport> slip = slipJob();
        const std::unique_ptr<PrinterTransport> card = cardJob();
        QVERIFY(slip && card);
        QSignalSpy slipFinished(slip.get(), &PrinterTransport::finished);
        QSignalSpy cardFinished(card.get(), &PrinterTransport::finished);
        slip->start();
        card->start();
        QTRY_COMPARE_WITH_TIMEOUT(slipFinished.size(), 1, FinishMs);
        QTRY_COMPARE_WITH_TIMEOUT(cardFinished.size(), 1, FinishMs);
        QCOMPARE(slipFinished.first().first().value<PrintOutcome>().status, PrintOutcome::Status::PageFailed);
        QCOMPARE(cardFinished.first().first().value<PrintOutcome>().status, PrintOutcome::Status::PageFailed);
    }
}

void TestPrintSupportLock::pdfFilesDoNotWait()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    PagePrinterTransport slip(PagePrinterTransport::Target::PdfFile, dir.filePath(QStringLiteral("slip.pdf")),
                              PaperWidth::Mm58, lt::test::sampleRows(PaperWidth::Mm58));
    auto card = CardPrinter::forSetting(QStringLiteral("pdf:") + dir.filePath(QStringLiteral("card.pdf")), Face);
    QVERIFY(card);
    QSignalSpy slipFinished(&slip, &PrinterTransport::finished);
    QSignalSpy cardFinished(card->get(), &PrinterTransport::finished);
    const PrintSupportLock held;
    slip.start();
    (*card)->start();
    QTRY_COMPARE_WITH_TIMEOUT(slipFinished.size(), 1, FinishMs);
    QTRY_COMPARE_WITH_TIMEOUT(cardFinished.size(), 1, FinishMs);
    QVERIFY(slipFinished.first().first().value<PrintOutcome>().ok());
    QVERIFY(cardFinished.first().first().value<PrintOutcome>().ok());
}

QTEST_MAIN(TestPrintSupportLock)
#include "tst_printsupportlock.moc"
