// Barcodes drawn from libzint's vectors and read back by a real reader: an EAN-13 card number and a QR code, painted
// into a picture and into a PDF that Poppler renders at 300 and at 150 dpi; bad data refused with a typed error.
#include "tests/cards/BarcodeReader.h"
#include "tests/support/ResultChecks.h"
#include "ui/barcodes/BarcodeSymbol.h"

#include <QGuiApplication>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTest>

using namespace lt;
using namespace lt::ui;
using namespace lt::test;

namespace {

constexpr qreal PointsPerMillimetre = 72.0 / 25.4;

// One symbol on an A6 page, its modules `moduleMillimetres` wide, drawn in PostScript points.
bool writePdf(const BarcodeSymbol& symbol, qreal moduleMillimetres, const QString& path)
{
    QPdfWriter pdf(path);
    pdf.setPageSize(QPageSize(QPageSize::A6));
    pdf.setResolution(72);
    QPainter painter;
    if (!painter.begin(&pdf))
        return false;
    symbol.paint(painter, symbol.rectAt(QPointF(20, 20), moduleMillimetres * PointsPerMillimetre));
    return painter.end();
}

} // namespace

class TestBarcodeSymbol : public QObject
{
    Q_OBJECT

private slots:
    void ean13AddsTheCheckDigitAndItsQuietZones()
    {
        const auto symbol = BarcodeSymbol::ean13(QStringLiteral("290000000001"));
        LT_VERIFY_OK(symbol);
        QCOMPARE(symbol->humanReadable(), QStringLiteral("2900000000018"));
        // 95 modules of bars, 11 light modules before them and 7 after.
        QCOMPARE(symbol->size().width(), 113.0);
        QVERIFY(!symbol->texts().isEmpty());
        QCOMPARE(symbol->shapes().size(), 30); // 30 bars in every EAN-13
        for (const BarcodeSymbol::Shape& bar : symbol->shapes())
            QVERIFY(bar.rect.left() >= 11 && bar.rect.right() <= 113 - 7);
    }

    void ean13RefusesWhatIsNotAnEan13_data()
    {
        QTest::addColumn<QString>("digits");
        QTest::newRow("empty") << QString();
        QTest::newRow("letters") << QStringLiteral("29000000000A");
        QTest::newRow("five digits, an add-on rather than a card") << QStringLiteral("12345");
        QTest::newRow("eight digits") << QStringLiteral("12345670");
        QTest::newRow("fourteen digits") << QStringLiteral("29000000000170");
        QTest::newRow("wrong check digit") << QStringLiteral("2900000000017");
    }
    void ean13RefusesWhatIsNotAnEan13()
    {
        QFETCH(QString, digits);
        LT_VERIFY_ERROR(BarcodeSymbol::ean13(digits), ErrorKind::InvalidInput);
    }

    void qrRefusesNothingAndTooMuch()
    {
        LT_VERIFY_ERROR(BarcodeSymbol::qr(QByteArray()), ErrorKind::InvalidInput);
        LT_VERIFY_ERROR(BarcodeSymbol::qr(QByteArray(8000, 'x')), ErrorKind::InvalidInput);
    }

    void ean13ScansFromAPicture()
    {
        const auto symbol = BarcodeSymbol::ean13(QStringLiteral("2912345678906"));
        LT_VERIFY_OK(symbol);
        const QString path = m_dir.filePath(QStringLiteral("ean13.png"));
        QVERIFY(symbol->toImage(3).save(path));
        QCOMPARE(BarcodeReader::decode(path), QStringList {QStringLiteral("EAN-13:2912345678906")});
    }

    void qrScansFromAPicture()
    {
        const QByteArray link = QByteArrayLiteral("https://pay.google.com/gp/v/save/eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
        const auto symbol = BarcodeSymbol::qr(link);
        LT_VERIFY_OK(symbol);
        QVERIFY(symbol->texts().isEmpty());
        QCOMPARE(symbol->size().width(), symbol->size().height());
        const QString path = m_dir.filePath(QStringLiteral("qr.png"));
        QVERIFY(symbol->toImage(4).save(path));
        QCOMPARE(BarcodeReader::decode(path), QStringList {QStringLiteral("QR-Code:") + QString::fromLatin1(link)});
    }

    void printedPdfScansAt300And150Dpi_data()
    {
        QTest::addColumn<int>("dpi");
        QTest::newRow("300 dpi") << 300;
        QTest::newRow("150 dpi") << 150;
    }
    void printedPdfScansAt300And150Dpi()
    {
        QFETCH(int, dpi);
        const auto ean = BarcodeSymbol::ean13(QStringLiteral("290000004242"));
        LT_VERIFY_OK(ean);
        const QString eanPdf = m_dir.filePath(QStringLiteral("ean-%1.pdf").arg(dpi));
        // 0.33 mm: EAN-13's nominal module, the smallest a member card uses.
        QVERIFY(writePdf(*ean, 0.33, eanPdf));
        QCOMPARE(BarcodeReader::imageCount(eanPdf), 0); // vectors only
        const QStringList eanPages =
            BarcodeReader::rasterize(eanPdf, dpi, m_dir.filePath(QStringLiteral("ean-%1").arg(dpi)));
        QCOMPARE(eanPages.size(), 1);
        QCOMPARE(BarcodeReader::decode(eanPages.first()), QStringList {QStringLiteral("EAN-13:2900000042421")});

        const QString text = QStringLiteral("Señora Núñez · 2900000042421");
        const auto qr = BarcodeSymbol::qr(text.toUtf8());
        LT_VERIFY_OK(qr);
        const QString qrPdf = m_dir.filePath(QStringLiteral("qr-%1.pdf").arg(dpi));
        QVERIFY(writePdf(*qr, 0.5, qrPdf));
        QCOMPARE(BarcodeReader::imageCount(qrPdf), 0);
        const QStringList qrPages =
            BarcodeReader::rasterize(qrPdf, dpi, m_dir.filePath(QStringLiteral("qr-%1").arg(dpi)));
        QCOMPARE(qrPages.size(), 1);
        QCOMPARE(BarcodeReader::decode(qrPages.first()), QStringList {QStringLiteral("QR-Code:") + text});
    }

    void paintFitsTheTargetKeepingTheProportions()
    {
        const auto symbol = BarcodeSymbol::qr(QByteArrayLiteral("fit"));
        LT_VERIFY_OK(symbol);
        QImage image(300, 100, QImage::Format_RGB32);
        image.fill(Qt::red);
        QPainter painter(&image);
        symbol->paint(painter, QRectF(0, 0, 300, 100));
        painter.end();
        // A square symbol in a wide target: centred, 100 px high, the sides untouched.
        QCOMPARE(image.pixelColor(10, 50), QColor(Qt::red));
        QCOMPARE(image.pixelColor(290, 50), QColor(Qt::red));
        QCOMPARE(image.pixelColor(101, 1), QColor(Qt::white)); // the quiet zone
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestBarcodeSymbol)
#include "tst_barcodesymbol.moc"
