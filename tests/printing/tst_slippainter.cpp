#include "tests/printing/SlipRows.h"
#include "ui/printing/PagePrinterTransport.h"
#include "ui/printing/SlipPainter.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using lt::PaperWidth;
using lt::RasterRow;
using lt::SlipRow;
using lt::ui::PagePrinterTransport;
using lt::ui::PrintOutcome;
using lt::ui::SlipPainter;

namespace {

PrintOutcome run(PagePrinterTransport& transport)
{
    QSignalSpy finished(&transport, &lt::ui::PrinterTransport::finished);
    transport.start();
    if (!finished.wait(30000))
        return PrintOutcome::failed(PrintOutcome::Status::PageFailed, QStringLiteral("finished() never came"));
    return finished.first().first().value<PrintOutcome>();
}

QString pdfText(const QString& file)
{
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), file, QStringLiteral("-")});
    if (!pdftotext.waitForFinished(30000) || pdftotext.exitCode() != 0)
        return QStringLiteral("pdftotext failed: ") + QString::fromLocal8Bit(pdftotext.readAllStandardError());
    return QString::fromUtf8(pdftotext.readAllStandardOutput());
}

// How many dots of a raster row are black.
int inked(const RasterRow& raster)
{
    int count = 0;
    for (const char byte : raster.bits)
        count += int(qPopulationCount(static_cast<quint8>(byte)));
    return count;
}

} // namespace

// The slip as a picture: rows fill the paper's printable width in dots at 203 dpi, rows the printer's code page lacks
// become 1-bit bitmaps, and whole slips go into PDF files (read back by pdftotext) or to the system's printers.
class TestSlipPainter : public QObject
{
    Q_OBJECT

private slots:
    void paperWidthsInDots_data();
    void paperWidthsInDots();
    void aFullRowFitsThePaper_data();
    void aFullRowFitsThePaper();
    void rasterRowIsOneBitAndInked();
    void pdfSlipReadsBack();
    void pdfBarcodeScans();
    void pdfInAMissingFolderSaysSo();
    void unknownSystemPrinterSaysSo();
};

void TestSlipPainter::paperWidthsInDots_data()
{
    QTest::addColumn<PaperWidth>("paper");
    QTest::addColumn<int>("dots");
    QTest::newRow("58 mm") << PaperWidth::Mm58 << 384;
    QTest::newRow("80 mm") << PaperWidth::Mm80 << 576;
}

void TestSlipPainter::paperWidthsInDots()
{
    QFETCH(PaperWidth, paper);
    QFETCH(int, dots);
    const SlipPainter painter(paper);
    QCOMPARE(painter.widthDots(), dots);
    const QImage image = painter.image(lt::test::sampleRows(paper));
    QCOMPARE(image.width(), dots);
    QCOMPARE(image.height(), painter.heightOf(lt::test::sampleRows(paper)));
    QVERIFY(image.height() > 10 * SlipPainter::LineDots);
}

void TestSlipPainter::aFullRowFitsThePaper_data()
{
    paperWidthsInDots_data();
}

// A row of as many characters as the paper has columns is drawn inside the paper: its last column is inked, and
// nothing spills past the right edge (the raster is exactly the paper's width).
void TestSlipPainter::aFullRowFitsThePaper()
{
    QFETCH(PaperWidth, paper);
    QFETCH(int, dots);
    SlipRow row;
    row.kind = SlipRow::Kind::Text;
    row.columns = lt::columnsOf(paper);
    row.text = QString(row.columns, QLatin1Char('M'));
    const auto raster = SlipPainter(paper).raster(row, dots);
    QVERIFY(raster && raster->isValid());
    QCOMPARE(raster->widthDots, dots);
    int rightmost = -1;
    for (int y = 0; y < raster->height; ++y) {
        for (int x = 0; x < dots; ++x) {
            if (raster->bits.at(qsizetype(y) * raster->bytesPerRow() + x / 8) & (0x80 >> (x % 8)))
                rightmost = qMax(rightmost, x);
        }
    }
    // The last character's cell is the last twelfth-or-so of the row.
    QVERIFY2(rightmost > dots - dots / row.columns * 2, QByteArray::number(rightmost));
}

void TestSlipPainter::rasterRowIsOneBitAndInked()
{
    SlipRow row;
    row.kind = SlipRow::Kind::Text;
    row.columns = 48;
    row.text = QStringLiteral("Ευχαριστούμε · Спасибо · ありがとう");
    row.align = SlipRow::Align::Center;
    const auto raster = SlipPainter(PaperWidth::Mm80).rasterizer()(row, 576);
    QVERIFY(raster && raster->isValid());
    QCOMPARE(raster->height, SlipPainter::LineDots);
    QCOMPARE(raster->bits.size(), qsizetype(72 * SlipPainter::LineDots));
    QVERIFY(inked(*raster) > 200);

    SlipRow doubled = row;
    doubled.doubleSize = true;
    QCOMPARE(SlipPainter(PaperWidth::Mm80).raster(doubled, 576)->height, 2 * SlipPainter::LineDots);
    SlipRow cut;
    cut.kind = SlipRow::Kind::FeedCut;
    cut.feedLines = 3;
    QVERIFY(!SlipPainter(PaperWidth::Mm80).raster(cut, 576));
}

void TestSlipPainter::pdfSlipReadsBack()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("slip.pdf"));
    PagePrinterTransport transport(PagePrinterTransport::Target::PdfFile, file, PaperWidth::Mm80,
                                   lt::test::sampleRows(PaperWidth::Mm80));
    const PrintOutcome outcome = run(transport);
    QVERIFY2(outcome.ok(), outcome.message.toUtf8());
    const QString text = pdfText(file);
    for (const QString& expected :
         {QStringLiteral("Corner Café"), QStringLiteral("Points earned"), QStringLiteral("+120"),
          QStringLiteral("Balance"), QStringLiteral("1,340"), QStringLiteral("Ana ··2671")})
        QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" is not in:\n") + text));
}

// The card's barcode on a PDF slip scans: rendered at 203 dpi, as a receipt printer would, and read by zbarimg.
void TestSlipPainter::pdfBarcodeScans()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("slip.pdf"));
    PagePrinterTransport transport(PagePrinterTransport::Target::PdfFile, file, PaperWidth::Mm58,
                                   lt::test::sampleRows(PaperWidth::Mm58));
    const PrintOutcome outcome = run(transport);
    QVERIFY2(outcome.ok(), outcome.message.toUtf8());
    QProcess render;
    render.start(QStringLiteral("pdftoppm"),
                 {QStringLiteral("-r"), QStringLiteral("203"), QStringLiteral("-png"), QStringLiteral("-singlefile"),
                  file, dir.filePath(QStringLiteral("slip"))});
    QVERIFY(render.waitForFinished(30000));
    QCOMPARE(render.exitCode(), 0);
    QProcess scan;
    scan.start(QStringLiteral("zbarimg"), {QStringLiteral("--quiet"), dir.filePath(QStringLiteral("slip.png"))});
    QVERIFY(scan.waitForFinished(30000));
    QCOMPARE(QString::fromUtf8(scan.readAllStandardOutput()).trimmed(), QStringLiteral("EAN-13:2900000000018"));
}

void TestSlipPainter::pdfInAMissingFolderSaysSo()
{
    PagePrinterTransport transport(PagePrinterTransport::Target::PdfFile,
                                   QStringLiteral("/nonexistent-loyaltytill/slip.pdf"), PaperWidth::Mm58,
                                   lt::test::sampleRows(PaperWidth::Mm58));
    const PrintOutcome outcome = run(transport);
    QCOMPARE(outcome.status, PrintOutcome::Status::PageFailed);
    QVERIFY2(outcome.message.contains(QStringLiteral("/nonexistent-loyaltytill")), outcome.message.toUtf8());
}

void TestSlipPainter::unknownSystemPrinterSaysSo()
{
    PagePrinterTransport transport(PagePrinterTransport::Target::SystemPrinter, QStringLiteral("NoSuchQueue"),
                                   PaperWidth::Mm80, lt::test::sampleRows(PaperWidth::Mm80));
    const PrintOutcome outcome = run(transport);
    QCOMPARE(outcome.status, PrintOutcome::Status::PageFailed);
    QVERIFY2(outcome.message.contains(QStringLiteral("NoSuchQueue")), outcome.message.toUtf8());
    QVERIFY2(outcome.message.contains(QStringLiteral("no printer of that name")), outcome.message.toUtf8());
}

QTEST_MAIN(TestSlipPainter)
#include "tst_slippainter.moc"
