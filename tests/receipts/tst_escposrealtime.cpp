#include "core/domain/CardNumber.h"
#include "core/receipts/EscPosEncoder.h"
#include "core/receipts/SlipLayout.h"
#include "tests/receipts/EscPosDecoder.h"

#include <QSet>
#include <QTest>

using lt::CodePage;
using lt::EscPosEncoder;
using lt::LoyaltySlip;
using lt::PaperWidth;
using lt::RasterRow;
using lt::SlipRow;
using lt::test::EscPosDecoder;
using lt::test::EscPosEvent;
using Type = lt::test::EscPosEvent::Type;

Q_DECLARE_METATYPE(CodePage::Id)
Q_DECLARE_METATYPE(PaperWidth)

namespace {

// Where the stream holds a byte pair a printer acts on wherever it arrives, even inside an image: DLE EOT n (status),
// DLE ENQ n, DLE DC4 fn (drawer pulse, buffer clear). Written here rather than taken from the encoder, so that the
// test does not trust what it tests. -1 when there is none.
qsizetype realTimeCommandAt(const QByteArray& stream)
{
    for (qsizetype i = 0; i + 1 < stream.size(); ++i) {
        const char next = stream.at(i + 1);
        if (stream.at(i) == '\x10' && (next == '\x04' || next == '\x05' || next == '\x14'))
            return i;
    }
    return -1;
}

QString describeAt(const QByteArray& stream, qsizetype at)
{
    return QStringLiteral("real-time command at byte %1 of %2: %3")
        .arg(at)
        .arg(stream.size())
        .arg(QString::fromLatin1(stream.mid(std::max<qsizetype>(0, at - 8), 16).toHex(' ')));
}

// An image whose bytes hold every dangerous pair: inside a row, across the end of one row and the start of the next,
// chained (10 10 04), and DLE DC4 1 0 1 (the drawer pulse).
RasterRow hostileImage(int widthDots, int height)
{
    RasterRow image;
    image.widthDots = widthDots;
    image.height = height;
    const QByteArray pattern("\x10\x04\x01\xFF\x10\x05\x02\x10\x14\x01\x00\x01\x10\x10\x04\x01\x55\x10", 18);
    const qsizetype size = qsizetype(image.bytesPerRow()) * height;
    while (image.bits.size() < size)
        image.bits.append(pattern);
    image.bits.truncate(size);
    return image;
}

// A slip with every row kind, its texts full of control characters (a name pasted from somewhere, a footer typed by
// someone who meant harm).
LoyaltySlip hostileSlip()
{
    const QString dangerous = QStringLiteral("\u0010\u0004\u0001\u0010\u0014\u0001\u0000\u0001\u0010\u0005\u0002");
    LoyaltySlip slip;
    slip.kind = LoyaltySlip::Kind::Sale;
    slip.storeName = QStringLiteral("Tienda") + dangerous;
    slip.tillName = QStringLiteral("Caja") + dangerous;
    slip.at = QDateTime(QDate(2024, 3, 12), QTime(17, 5), Qt::UTC);
    slip.reference = QStringLiteral("S-1001") + dangerous;
    slip.member = {16, QStringLiteral("Ana") + dangerous + QStringLiteral("€ł"), QStringLiteral("1004")};
    slip.cardNumber = lt::CardNumber::fromSerial(1004);
    slip.saleTotal = lt::Money(1004, QStringLiteral("EUR"));
    slip.programPoints = 1040;
    slip.extras << lt::PointsLine {lt::PointsLine::Kind::Promotion, QStringLiteral("Promo") + dangerous, 1040, 16};
    slip.balance = 4116;
    slip.redeemableReward = QStringLiteral("Café") + dangerous;
    slip.footer = dangerous + QStringLiteral("¡Gracias!") + dangerous;
    return slip;
}

} // namespace

class TestEscPosRealTime : public QObject
{
    Q_OBJECT

private slots:
    void imageBytesNeverCarryRealTimeCommands();
    void bandHeightsNeverReadAsRealTimeCommands();
    void aWidthThatWouldReadAsACommandIsPadded();
    void noRowKindCarriesRealTimeCommands_data();
    void noRowKindCarriesRealTimeCommands();
};

// Each 0x10 that begins a pair loses its one dot; every other byte is sent as it was.
void TestEscPosRealTime::imageBytesNeverCarryRealTimeCommands()
{
    const RasterRow image = hostileImage(576, 24);
    QVERIFY(realTimeCommandAt(image.bits) >= 0); // the image does hold the pairs
    const QByteArray stream = EscPosEncoder::raster(image);
    const qsizetype at = realTimeCommandAt(stream);
    QVERIFY2(at < 0, qPrintable(describeAt(stream, at)));
    QVERIFY(!EscPosEncoder::containsRealTimeCommand(stream));
    const QList<EscPosEvent> events = EscPosDecoder::decode(stream);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().type, Type::Raster);
    QCOMPARE(events.first().width, 576);
    QCOMPARE(events.first().height, 24);
    const QByteArray sent = events.first().data;
    QCOMPARE(sent.size(), image.bits.size());
    int pairs = 0;
    for (qsizetype i = 0; i < image.bits.size(); ++i) {
        const bool beginsPair = realTimeCommandAt(image.bits.mid(i, 2)) == 0;
        pairs += beginsPair ? 1 : 0;
        if (beginsPair) // a lone dot (0x10) that left white
            QCOMPARE(sent.at(i), '\0');
        else
            QCOMPARE(sent.at(i), image.bits.at(i));
    }
    QCOMPARE(pairs, 4 * 576 * 24 / 8 / 18); // four in each 18 bytes of the pattern
}

// GS v 0's row count (yL yH) of 1040 rows is 10 04, of 1296 rows 10 05: such a band is one row shorter.
void TestEscPosRealTime::bandHeightsNeverReadAsRealTimeCommands()
{
    for (const int height : {0x410, 0x510, 0x410 + 2048, 2048 + 2048 + 0x510}) {
        RasterRow image;
        image.widthDots = 576;
        image.height = height;
        image.bits = QByteArray(qsizetype(image.bytesPerRow()) * height, '\x0F');
        const QByteArray stream = EscPosEncoder::raster(image);
        const qsizetype at = realTimeCommandAt(stream);
        QVERIFY2(at < 0, qPrintable(QString::number(height) + u' ' + describeAt(stream, at)));
        const QList<EscPosEvent> bands = EscPosDecoder::decode(stream);
        int rows = 0;
        QByteArray data;
        for (const EscPosEvent& band : bands) {
            QCOMPARE(band.type, Type::Raster);
            QVERIFY(band.height <= 2048);
            rows += band.height;
            data += band.data;
        }
        QCOMPARE(rows, height);
        QCOMPARE(data, image.bits);
    }
}

// A width of 1040 bytes a row (xL xH = 10 04) is sent 1041 bytes wide, each row ending in a white byte.
void TestEscPosRealTime::aWidthThatWouldReadAsACommandIsPadded()
{
    RasterRow image;
    image.widthDots = 0x410 * 8;
    image.height = 3;
    image.bits = QByteArray(qsizetype(image.bytesPerRow()) * image.height, '\x0F');
    const QByteArray stream = EscPosEncoder::raster(image);
    const qsizetype at = realTimeCommandAt(stream);
    QVERIFY2(at < 0, qPrintable(describeAt(stream, at)));
    const QList<EscPosEvent> events = EscPosDecoder::decode(stream);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().width, (0x410 + 1) * 8);
    QCOMPARE(events.first().height, 3);
    for (int y = 0; y < 3; ++y) {
        const QByteArray row = events.first().data.mid(qsizetype(y) * (0x410 + 1), 0x410 + 1);
        QCOMPARE(row.left(0x410), QByteArray(0x410, '\x0F'));
        QCOMPARE(row.back(), '\0');
    }
}

void TestEscPosRealTime::noRowKindCarriesRealTimeCommands_data()
{
    QTest::addColumn<PaperWidth>("paper");
    QTest::addColumn<CodePage::Id>("page");
    for (const PaperWidth paper : {PaperWidth::Mm80, PaperWidth::Mm58}) {
        const QByteArray width = paper == PaperWidth::Mm80 ? QByteArrayLiteral("80 mm ") : QByteArrayLiteral("58 mm ");
        QTest::newRow(QByteArray(width + "pc858").constData()) << paper << CodePage::Id::Pc858;
        QTest::newRow(QByteArray(width + "pc437").constData()) << paper << CodePage::Id::Pc437;
        QTest::newRow(QByteArray(width + "pc850").constData()) << paper << CodePage::Id::Pc850;
        QTest::newRow(QByteArray(width + "wpc1252 (ESC t 16)").constData()) << paper << CodePage::Id::Wpc1252;
        QTest::newRow(QByteArray(width + "image").constData()) << paper << CodePage::Id::Image;
    }
}

// The README's promise: a member's name (or any text on the slip) can never send a printer command. Text rows print
// control characters as '?', rows the page lacks go as images whose bytes the encoder checks, the barcode carries
// digits only; with a rasterizer that draws the worst bytes possible, the stream still holds no real-time command.
void TestEscPosRealTime::noRowKindCarriesRealTimeCommands()
{
    QFETCH(PaperWidth, paper);
    QFETCH(CodePage::Id, page);
    QList<SlipRow> rows = lt::SlipLayout(paper, QLocale(QStringLiteral("es_ES"))).rows(hostileSlip());
    for (SlipRow& row : rows) {
        if (row.kind == SlipRow::Kind::FeedCut)
            row.feedLines = 0x10; // ESC d 16, then GS V
    }
    QSet<SlipRow::Kind> kinds;
    for (const SlipRow& row : rows)
        kinds.insert(row.kind);
    QCOMPARE(kinds.size(), 5); // Text, Pair, Separator, Barcode, FeedCut

    int drawn = 0;
    const lt::SlipRasterizer hostile = [&drawn](const SlipRow& row, int widthDots) -> std::optional<RasterRow> {
        ++drawn;
        return hostileImage(widthDots, row.doubleSize ? 48 : 24);
    };
    for (const lt::SlipRasterizer& rasterizer : {lt::SlipRasterizer(), hostile}) {
        const QByteArray stream = EscPosEncoder(paper, CodePage(page), rasterizer).encode(rows);
        const qsizetype at = realTimeCommandAt(stream);
        QVERIFY2(at < 0, qPrintable(describeAt(stream, at)));
        const QList<EscPosEvent> events = EscPosDecoder::decode(stream);
        QVERIFY(EscPosDecoder::ofType(events, Type::StatusQuery).isEmpty());
        QVERIFY2(EscPosDecoder::ofType(events, Type::Unknown).isEmpty(), qPrintable(EscPosDecoder::describe(events)));
        QCOMPARE(EscPosDecoder::ofType(events, Type::Initialize).size(), 1);
        QCOMPARE(EscPosDecoder::ofType(events, Type::Barcode).size(), 1);
        QCOMPARE(EscPosDecoder::ofType(events, Type::Cut).size(), 1);
    }
    QVERIFY(drawn > 0); // the member's "€ł" cannot go as text on any page
}

QTEST_GUILESS_MAIN(TestEscPosRealTime)
#include "tst_escposrealtime.moc"
