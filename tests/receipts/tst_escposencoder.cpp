#include "core/domain/CardNumber.h"
#include "core/receipts/EscPosEncoder.h"
#include "core/receipts/PrinterStatus.h"
#include "core/receipts/SlipLayout.h"
#include "tests/receipts/EscPosDecoder.h"

#include <QTest>

using lt::CodePage;
using lt::EscPosEncoder;
using lt::LoyaltySlip;
using lt::Money;
using lt::PaperWidth;
using lt::PointsLine;
using lt::RasterRow;
using lt::SlipLayout;
using lt::SlipRow;
using lt::test::EscPosDecoder;
using lt::test::EscPosEvent;
using Type = lt::test::EscPosEvent::Type;

Q_DECLARE_METATYPE(CodePage::Id)
Q_DECLARE_METATYPE(PaperWidth)

namespace {
// A slip in Spanish with every accented letter and sign a Spanish slip needs.
LoyaltySlip spanishSlip()
{
    LoyaltySlip slip;
    slip.kind = LoyaltySlip::Kind::Sale;
    slip.storeName = QStringLiteral("Pingüino Ñandú");
    slip.tillName = QStringLiteral("Caja única");
    slip.at = QDateTime(QDate(2024, 3, 12), QTime(17, 5), Qt::UTC);
    slip.reference = QStringLiteral("S-1001");
    slip.member = {123, QStringLiteral("Íñigo"), QStringLiteral("2671")};
    slip.cardNumber = lt::CardNumber::fromSerial(42);
    slip.saleTotal = Money(123456, QStringLiteral("EUR"));
    slip.programPoints = 1234;
    slip.extras << PointsLine {PointsLine::Kind::Promotion, QStringLiteral("Miércoles de campeón"), 1234, 123}
                << PointsLine {PointsLine::Kind::Tier, QStringLiteral("Óscar Úrsula Ávila"), 308, 123};
    slip.balance = 4321;
    slip.redeemableReward = QStringLiteral("Café y ración de tortilla");
    slip.footer = QStringLiteral("¡Gracias! ¿Volverá pronto?");
    return slip;
}

QList<SlipRow> spanishRows(PaperWidth paper)
{
    return SlipLayout(paper, QLocale(QStringLiteral("es_ES"))).rows(spanishSlip());
}

// The rows a character printer prints as text, in order.
QStringList textLines(const QList<SlipRow>& rows)
{
    QStringList lines;
    for (const SlipRow& row : rows) {
        if (row.kind != SlipRow::Kind::Barcode && row.kind != SlipRow::Kind::FeedCut)
            lines << row.line();
    }
    return lines;
}

// A rasterizer that records what it was asked to draw and draws a bar as wide as the paper.
struct RecordingRasterizer
{
    QStringList asked;
    lt::SlipRasterizer function()
    {
        return [this](const SlipRow& row, int widthDots) -> std::optional<RasterRow> {
            asked << row.line();
            RasterRow image;
            image.widthDots = widthDots;
            image.height = row.doubleSize ? 48 : 24;
            image.bits = QByteArray(qsizetype(image.bytesPerRow()) * image.height, '\x55');
            return image;
        };
    }
};
} // namespace

class TestEscPosEncoder : public QObject
{
    Q_OBJECT

private slots:
    void spanishSlipPrintsAsText_data();
    void spanishSlipPrintsAsText();
    void missingCharactersGoAsImages_data();
    void missingCharactersGoAsImages();
    void imagePageRastersEveryTextRow_data();
    void imagePageRastersEveryTextRow();
    void withoutARasterizerMissingCharactersAreMarked();
    void aRasterizerThatFailsFallsBackToText();
    void stylesAndAlignment();
    void barcodeCarriesTheCardNumber();
    void feedsAndCuts();
    void textCannotSmuggleCommands();
    void tallImagesGoInBands();
    void statusQueriesAndAnswers();
    void decoderReportsWhatItDoesNotKnow();
};

void TestEscPosEncoder::spanishSlipPrintsAsText_data()
{
    QTest::addColumn<PaperWidth>("paper");
    QTest::addColumn<CodePage::Id>("page");
    QTest::addColumn<int>("number");
    QTest::newRow("80 mm pc858") << PaperWidth::Mm80 << CodePage::Id::Pc858 << 19;
    QTest::newRow("58 mm pc858") << PaperWidth::Mm58 << CodePage::Id::Pc858 << 19;
    QTest::newRow("80 mm wpc1252") << PaperWidth::Mm80 << CodePage::Id::Wpc1252 << 16;
    QTest::newRow("58 mm wpc1252") << PaperWidth::Mm58 << CodePage::Id::Wpc1252 << 16;
}

// Pages with every Spanish letter and the euro: every line goes as text and reads back the same.
void TestEscPosEncoder::spanishSlipPrintsAsText()
{
    QFETCH(PaperWidth, paper);
    QFETCH(CodePage::Id, page);
    QFETCH(int, number);
    const QList<SlipRow> rows = spanishRows(paper);
    RecordingRasterizer rasterizer;
    const QByteArray stream = EscPosEncoder(paper, CodePage(page), rasterizer.function()).encode(rows);
    const QList<EscPosEvent> events = EscPosDecoder::decode(stream);
    QVERIFY2(rasterizer.asked.isEmpty(), qPrintable(rasterizer.asked.join(u'\n')));
    QCOMPARE(events.at(0).type, Type::Initialize);
    QCOMPARE(events.at(1).type, Type::CodePage);
    QCOMPARE(events.at(1).value, number);
    QCOMPARE(EscPosDecoder::lines(events).mid(0, textLines(rows).size()), textLines(rows));
    QVERIFY(EscPosDecoder::ofType(events, Type::Raster).isEmpty());
    QVERIFY2(EscPosDecoder::ofType(events, Type::Unknown).isEmpty(), qPrintable(EscPosDecoder::describe(events)));
    const QString all = EscPosDecoder::lines(events).join(u'\n');
    for (const QString& expected : {QStringLiteral("Pingüino"), QStringLiteral("Íñigo"), QStringLiteral("Miércoles"),
                                    QStringLiteral("Óscar Úrsula Ávila"), QStringLiteral("¡Gracias!"),
                                    QStringLiteral("¿Volverá"), QStringLiteral("€"), QStringLiteral("Café y ración")})
        QVERIFY2(all.contains(expected), qPrintable(expected + u'\n' + all));
    const int columns = lt::columnsOf(paper);
    for (const EscPosEvent& line : EscPosDecoder::ofType(events, Type::Text))
        QVERIFY2(line.text.size() <= (line.doubleSize ? columns / 2 : columns), qPrintable(line.text));
}

void TestEscPosEncoder::missingCharactersGoAsImages_data()
{
    QTest::addColumn<PaperWidth>("paper");
    QTest::addColumn<CodePage::Id>("page");
    QTest::addColumn<QString>("missing");
    QTest::newRow("80 mm pc850: the euro") << PaperWidth::Mm80 << CodePage::Id::Pc850 << QStringLiteral("€");
    QTest::newRow("58 mm pc850: the euro") << PaperWidth::Mm58 << CodePage::Id::Pc850 << QStringLiteral("€");
    QTest::newRow("80 mm pc437: Á Í Ó Ú and the euro")
        << PaperWidth::Mm80 << CodePage::Id::Pc437 << QStringLiteral("ÁÍÓÚ€");
    QTest::newRow("58 mm pc437: Á Í Ó Ú and the euro")
        << PaperWidth::Mm58 << CodePage::Id::Pc437 << QStringLiteral("ÁÍÓÚ€");
}

// A row holding a character the page lacks goes out as one image as wide as the paper; the others as text.
void TestEscPosEncoder::missingCharactersGoAsImages()
{
    QFETCH(PaperWidth, paper);
    QFETCH(CodePage::Id, page);
    QFETCH(QString, missing);
    const QList<SlipRow> rows = spanishRows(paper);
    QStringList expectedImages;
    QStringList expectedText;
    for (const QString& line : textLines(rows)) {
        bool lacks = false;
        for (const QChar c : missing)
            lacks = lacks || line.contains(c);
        (lacks ? expectedImages : expectedText) << line;
    }
    QVERIFY(!expectedImages.isEmpty());
    RecordingRasterizer rasterizer;
    const QList<EscPosEvent> events =
        EscPosDecoder::decode(EscPosEncoder(paper, CodePage(page), rasterizer.function()).encode(rows));
    QCOMPARE(rasterizer.asked, expectedImages);
    QCOMPARE(EscPosDecoder::lines(events).mid(0, expectedText.size()), expectedText);
    const QList<EscPosEvent> images = EscPosDecoder::ofType(events, Type::Raster);
    QCOMPARE(images.size(), expectedImages.size());
    for (const EscPosEvent& image : images) {
        QCOMPARE(image.width, lt::dotsOf(paper));
        QVERIFY(image.height == 24 || image.height == 48);
        QCOMPARE(image.align, 0); // the painter aligns inside the image
        QVERIFY(!image.doubleSize);
    }
    QVERIFY(EscPosDecoder::ofType(events, Type::Unknown).isEmpty());
}

void TestEscPosEncoder::imagePageRastersEveryTextRow_data()
{
    QTest::addColumn<PaperWidth>("paper");
    QTest::newRow("80 mm") << PaperWidth::Mm80;
    QTest::newRow("58 mm") << PaperWidth::Mm58;
}

void TestEscPosEncoder::imagePageRastersEveryTextRow()
{
    QFETCH(PaperWidth, paper);
    const QList<SlipRow> rows = spanishRows(paper);
    RecordingRasterizer rasterizer;
    const QList<EscPosEvent> events =
        EscPosDecoder::decode(EscPosEncoder(paper, CodePage(CodePage::Id::Image), rasterizer.function()).encode(rows));
    QCOMPARE(rasterizer.asked, textLines(rows));
    QCOMPARE(EscPosDecoder::ofType(events, Type::Raster).size(), textLines(rows).size());
    QVERIFY(EscPosDecoder::lines(events).join(QString()).trimmed().isEmpty()); // the barcode's line feed only
    QCOMPARE(EscPosDecoder::ofType(events, Type::Barcode).size(), 1);
    QCOMPARE(EscPosDecoder::ofType(events, Type::Cut).size(), 1);
}

void TestEscPosEncoder::withoutARasterizerMissingCharactersAreMarked()
{
    SlipRow row;
    row.text = QStringLiteral("Łódź 😀 €");
    row.columns = 48;
    const QList<EscPosEvent> pc850 =
        EscPosDecoder::decode(EscPosEncoder(PaperWidth::Mm80, CodePage(CodePage::Id::Pc850)).encode({row}));
    QCOMPARE(EscPosDecoder::lines(pc850), QStringList({QStringLiteral("?ód? ? ?")}));
    const QList<EscPosEvent> pc858 =
        EscPosDecoder::decode(EscPosEncoder(PaperWidth::Mm80, CodePage(CodePage::Id::Pc858)).encode({row}));
    QCOMPARE(EscPosDecoder::lines(pc858), QStringList({QStringLiteral("?ód? ? €")}));
    // The image page without a painter: text, each letter beyond ASCII marked.
    const QList<EscPosEvent> image =
        EscPosDecoder::decode(EscPosEncoder(PaperWidth::Mm80, CodePage(CodePage::Id::Image)).encode({row}));
    QCOMPARE(EscPosDecoder::lines(image), QStringList({QStringLiteral("??d? ? ?")}));
}

void TestEscPosEncoder::aRasterizerThatFailsFallsBackToText()
{
    SlipRow row;
    row.text = QStringLiteral("Zażółć");
    row.columns = 32;
    int calls = 0;
    const lt::SlipRasterizer none = [&calls](const SlipRow&, int) -> std::optional<RasterRow> {
        ++calls;
        return std::nullopt;
    };
    const lt::SlipRasterizer tooWide = [](const SlipRow&, int widthDots) -> std::optional<RasterRow> {
        RasterRow image;
        image.widthDots = widthDots + 8;
        image.height = 1;
        image.bits = QByteArray(image.bytesPerRow(), '\0');
        return image;
    };
    const lt::SlipRasterizer broken = [](const SlipRow&, int widthDots) -> std::optional<RasterRow> {
        RasterRow image;
        image.widthDots = widthDots;
        image.height = 24;
        image.bits = QByteArray(3, '\0'); // fewer bytes than its size says
        return image;
    };
    for (const lt::SlipRasterizer& rasterizer : {none, tooWide, broken}) {
        const QList<EscPosEvent> events = EscPosDecoder::decode(
            EscPosEncoder(PaperWidth::Mm58, CodePage(CodePage::Id::Pc858), rasterizer).encode({row}));
        QCOMPARE(EscPosDecoder::lines(events), QStringList({QStringLiteral("Za?ó??")}));
        QVERIFY(EscPosDecoder::ofType(events, Type::Raster).isEmpty());
    }
    QCOMPARE(calls, 1);
}

void TestEscPosEncoder::stylesAndAlignment()
{
    const QList<SlipRow> rows = spanishRows(PaperWidth::Mm80);
    const QList<EscPosEvent> events =
        EscPosDecoder::decode(EscPosEncoder(PaperWidth::Mm80, CodePage(CodePage::Id::Pc858)).encode(rows));
    const QList<EscPosEvent> texts = EscPosDecoder::ofType(events, Type::Text);
    // The store's name: bold, double size, centered.
    QCOMPARE(texts.at(0).text, QStringLiteral("Pingüino Ñandú"));
    QVERIFY(texts.at(0).bold);
    QVERIFY(texts.at(0).doubleSize);
    QCOMPARE(texts.at(0).align, 1);
    // Then the kind of slip, centered in normal size.
    QVERIFY(!texts.at(1).doubleSize);
    QVERIFY(!texts.at(1).bold);
    QCOMPARE(texts.at(1).align, 1);
    // Pairs are left aligned and fill the line; "Points earned" and the balance are bold.
    for (const EscPosEvent& text : texts) {
        if (text.text.startsWith(QLatin1String("Points earned")) || text.text.startsWith(QLatin1String("Balance"))) {
            QVERIFY(text.bold);
            QCOMPARE(text.align, 0);
            QCOMPARE(text.text.size(), 48);
        }
    }
    // Styles are sent when they change, not before every line.
    QVERIFY(EscPosDecoder::ofType(events, Type::Bold).size() < texts.size() / 2);
    QCOMPARE(EscPosDecoder::ofType(events, Type::Size).size(), 2); // on for the title, off after it
}

void TestEscPosEncoder::barcodeCarriesTheCardNumber()
{
    const QString card = lt::CardNumber::fromSerial(42);
    const QList<EscPosEvent> events = EscPosDecoder::decode(
        EscPosEncoder(PaperWidth::Mm58, CodePage(CodePage::Id::Pc858)).encode(spanishRows(PaperWidth::Mm58)));
    const QList<EscPosEvent> barcodes = EscPosDecoder::ofType(events, Type::Barcode);
    QCOMPARE(barcodes.size(), 1);
    QCOMPARE(barcodes.first().value, 67); // EAN-13
    QCOMPARE(QString::fromLatin1(barcodes.first().data), card.left(12));
    // The printer adds the check digit, which is the card's 13th.
    QCOMPARE(lt::CardNumber::checkDigit(card.left(12)), card.right(1).toInt());
    QCOMPARE(barcodes.first().align, 1);
    QCOMPARE(EscPosDecoder::ofType(events, Type::BarcodeHeight).first().value, EscPosEncoder::BarcodeHeightDots);
    QCOMPARE(EscPosDecoder::ofType(events, Type::BarcodeModule).first().value, EscPosEncoder::BarcodeModuleDots);
    QCOMPARE(EscPosDecoder::ofType(events, Type::BarcodeDigits).first().value, 2);
    // 95 modules and the quiet zones fit the narrower paper.
    QVERIFY((95 + 18) * EscPosEncoder::BarcodeModuleDots <= lt::dotsOf(PaperWidth::Mm58));

    // Anything but 13 digits never reaches a barcode command.
    SlipRow bad;
    bad.kind = SlipRow::Kind::Barcode;
    bad.barcode = QStringLiteral("29000000004\u001B@");
    QVERIFY(EscPosDecoder::ofType(
                EscPosDecoder::decode(EscPosEncoder(PaperWidth::Mm58, CodePage(CodePage::Id::Pc858)).encode({bad})),
                Type::Barcode)
                .isEmpty());
}

void TestEscPosEncoder::feedsAndCuts()
{
    const QList<EscPosEvent> events = EscPosDecoder::decode(
        EscPosEncoder(PaperWidth::Mm80, CodePage(CodePage::Id::Pc858)).encode(spanishRows(PaperWidth::Mm80)));
    QCOMPARE(events.at(events.size() - 2).type, Type::Feed);
    QVERIFY(events.at(events.size() - 2).value > 0);
    QCOMPARE(events.last().type, Type::Cut);
    QCOMPARE(events.last().value, 66);
    QCOMPARE(EscPosDecoder::ofType(events, Type::Cut).size(), 1);
}

// A member's name holding ESC/POS commands is printed with marks, never obeyed.
void TestEscPosEncoder::textCannotSmuggleCommands()
{
    LoyaltySlip slip = spanishSlip();
    slip.member.firstName = QStringLiteral("Ana\u001B@\u001DV\u0042\u0000\u001Bp\u0000\u0019\u00FA");
    slip.storeName = QStringLiteral("Tienda\u0010\u0004\u0001");
    const QList<EscPosEvent> events =
        EscPosDecoder::decode(EscPosEncoder(PaperWidth::Mm80, CodePage(CodePage::Id::Pc858))
                                  .encode(SlipLayout(PaperWidth::Mm80, QLocale(QStringLiteral("es_ES"))).rows(slip)));
    QCOMPARE(EscPosDecoder::ofType(events, Type::Initialize).size(), 1);
    QCOMPARE(EscPosDecoder::ofType(events, Type::Cut).size(), 1);
    QVERIFY(EscPosDecoder::ofType(events, Type::StatusQuery).isEmpty());
    QVERIFY2(EscPosDecoder::ofType(events, Type::Unknown).isEmpty(), qPrintable(EscPosDecoder::describe(events)));
}

void TestEscPosEncoder::tallImagesGoInBands()
{
    RasterRow image;
    image.widthDots = 576;
    image.height = 3000;
    image.bits = QByteArray(qsizetype(image.bytesPerRow()) * image.height, '\x0F');
    const QList<EscPosEvent> events = EscPosDecoder::decode(EscPosEncoder::raster(image));
    const QList<EscPosEvent> bands = EscPosDecoder::ofType(events, Type::Raster);
    QCOMPARE(bands.size(), 2);
    QCOMPARE(bands.at(0).height + bands.at(1).height, 3000);
    QCOMPARE(bands.at(0).width, 576);
    QCOMPARE(bands.at(0).data + bands.at(1).data, image.bits);
    QCOMPARE(events.size(), 2);
}

void TestEscPosEncoder::statusQueriesAndAnswers()
{
    QCOMPARE(lt::PrinterStatus::printerStatusQuery(), QByteArray("\x10\x04\x01", 3));
    QCOMPARE(lt::PrinterStatus::offlineCauseQuery(), QByteArray("\x10\x04\x02", 3));
    QCOMPARE(lt::PrinterStatus::paperSensorQuery(), QByteArray("\x10\x04\x04", 3));

    lt::PrinterStatus ready;
    QVERIFY(lt::PrinterStatus::readPrinterStatus('\x16', ready));
    QVERIFY(lt::PrinterStatus::readOfflineCause('\x12', ready));
    QVERIFY(lt::PrinterStatus::readPaperSensor('\x12', ready));
    QVERIFY(ready.canPrint());
    QVERIFY(ready.problem().isEmpty());

    lt::PrinterStatus nearEnd;
    QVERIFY(lt::PrinterStatus::readPaperSensor('\x1E', nearEnd));
    QVERIFY(nearEnd.paperNearEnd);
    QVERIFY(nearEnd.canPrint());
    QVERIFY(nearEnd.problem().contains(QLatin1String("running out")));

    lt::PrinterStatus out;
    QVERIFY(lt::PrinterStatus::readPrinterStatus('\x1E', out));
    QVERIFY(lt::PrinterStatus::readPaperSensor('\x72', out));
    QVERIFY(out.offline);
    QVERIFY(out.paperEnd);
    QVERIFY(!out.canPrint());
    QVERIFY(out.problem().contains(QLatin1String("out of paper")));

    lt::PrinterStatus cover;
    QVERIFY(lt::PrinterStatus::readPrinterStatus('\x1E', cover));
    QVERIFY(lt::PrinterStatus::readOfflineCause('\x16', cover));
    QVERIFY(cover.coverOpen);
    QVERIFY(cover.problem().contains(QLatin1String("cover")));

    lt::PrinterStatus jam;
    QVERIFY(lt::PrinterStatus::readOfflineCause('\x52', jam));
    QVERIFY(jam.error);
    QVERIFY(!jam.canPrint());

    lt::PrinterStatus offline;
    QVERIFY(lt::PrinterStatus::readPrinterStatus('\x1E', offline));
    QVERIFY(offline.problem().contains(QLatin1String("offline")));

    // Bytes that are no status answer leave the status as it was.
    lt::PrinterStatus untouched;
    for (const char answer : {'\x00', '\xFF', '\x13', '\x92', 'A'})
        QVERIFY(!lt::PrinterStatus::readPaperSensor(answer, untouched));
    QVERIFY(untouched.canPrint());

    // The decoder names the queries.
    const QList<EscPosEvent> queries =
        EscPosDecoder::decode(lt::PrinterStatus::printerStatusQuery() + lt::PrinterStatus::paperSensorQuery());
    QCOMPARE(queries.size(), 2);
    QCOMPARE(queries.at(0).type, Type::StatusQuery);
    QCOMPARE(queries.at(1).value, 4);
}

void TestEscPosEncoder::decoderReportsWhatItDoesNotKnow()
{
    const QList<EscPosEvent> events = EscPosDecoder::decode(QByteArray("\x1B@\x1Bt\x13"
                                                                       "abc\n\x1Bz\x01\x07xyz\x1D\x6B\x43\x0C"
                                                                       "12",
                                                                       22));
    QCOMPARE(events.at(0).type, Type::Initialize);
    QCOMPARE(events.at(1).type, Type::CodePage);
    QCOMPARE(events.at(2).type, Type::Text);
    QCOMPARE(events.at(2).text, QStringLiteral("abc"));
    QCOMPARE(events.at(3).type, Type::Unknown); // ESC z
    QCOMPARE(events.last().type, Type::Unknown); // a barcode command cut short
    QVERIFY(EscPosDecoder::describe(events).contains(QLatin1String("unknown")));
}

QTEST_GUILESS_MAIN(TestEscPosEncoder)
#include "tst_escposencoder.moc"
