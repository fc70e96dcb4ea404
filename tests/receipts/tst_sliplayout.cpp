#include "core/receipts/SlipLayout.h"

#include <QTest>

using lt::LoyaltySlip;
using lt::Money;
using lt::PaperWidth;
using lt::PointsLine;
using lt::SlipLayout;
using lt::SlipRow;

namespace {
LoyaltySlip saleSlip()
{
    LoyaltySlip slip;
    slip.kind = LoyaltySlip::Kind::Sale;
    slip.storeName = QStringLiteral("Panadería La Espiga de Oro");
    slip.tillName = QStringLiteral("Caja 1");
    slip.at = QDateTime(QDate(2024, 3, 12), QTime(17, 5), Qt::UTC);
    slip.reference = QStringLiteral("S-1001");
    slip.member = {123, QStringLiteral("Íñigo"), QStringLiteral("2671")};
    slip.cardNumber = QStringLiteral("2900000000421");
    slip.saleTotal = Money(123456, QStringLiteral("EUR"));
    slip.programPoints = 1234;
    slip.extras << PointsLine {PointsLine::Kind::Tier, QStringLiteral("Oro 1.25x"), 308, 123}
                << PointsLine {PointsLine::Kind::Promotion,
                               QStringLiteral("Martes de doble puntuación en toda la tienda"), 1234, 123}
                << PointsLine {PointsLine::Kind::Referral, QStringLiteral("Referral bonus"), 50, 123};
    slip.balance = 4321;
    slip.redeemableReward = QStringLiteral("Café gratis");
    slip.nextReward = lt::RewardProgress {QStringLiteral("Desayuno para dos"), 179};
    slip.nextTier = lt::TierProgress {QStringLiteral("Plata"), QStringLiteral("Oro"), 1500, std::nullopt};
    slip.expiring = lt::ExpiringPoints {200, QDate(2024, 4, 30)};
    slip.footer = QStringLiteral("¡Gracias! ¿Nos sigue en www.laespiga.example?");
    return slip;
}

// The right part of the pair whose left part is `left`; "<none>" when there is no such pair.
QString rightOf(const QList<SlipRow>& rows, const QString& left)
{
    for (const SlipRow& row : rows) {
        if (row.kind == SlipRow::Kind::Pair && row.text == left)
            return row.right;
    }
    return QStringLiteral("<none>");
}

QStringList lines(const QList<SlipRow>& rows)
{
    QStringList out;
    for (const SlipRow& row : rows)
        out << row.line();
    return out;
}

const SlipRow* pairNamed(const QList<SlipRow>& rows, const QString& left)
{
    for (const SlipRow& row : rows) {
        if (row.kind == SlipRow::Kind::Pair && row.text == left)
            return &row;
    }
    return nullptr;
}
} // namespace

class TestSlipLayout : public QObject
{
    Q_OBJECT

private slots:
    void everyRowFitsThePaper_data();
    void everyRowFitsThePaper();
    void saleRowsSayWhatTheSlipHolds();
    void numbersMoneyAndDatesFollowTheLocale();
    void redemptionAndRefundRows();
    void barcodeAndCutEndTheSlip();
    void memberIsMasked();
    void wrapsLongWords();
    void countsCells();
};

void TestSlipLayout::everyRowFitsThePaper_data()
{
    QTest::addColumn<PaperWidth>("paper");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<int>("columns");
    QTest::newRow("80 mm es") << PaperWidth::Mm80 << "es_ES" << 48;
    QTest::newRow("58 mm es") << PaperWidth::Mm58 << "es_ES" << 32;
    QTest::newRow("80 mm en") << PaperWidth::Mm80 << "en_US" << 48;
    QTest::newRow("58 mm fr") << PaperWidth::Mm58 << "fr_FR" << 32;
}

void TestSlipLayout::everyRowFitsThePaper()
{
    QFETCH(PaperWidth, paper);
    QFETCH(QString, locale);
    QFETCH(int, columns);
    const SlipLayout layout(paper, QLocale(locale));
    QCOMPARE(layout.columns(), columns);
    LoyaltySlip slip = saleSlip();
    slip.extras << PointsLine {PointsLine::Kind::Promotion,
                               QStringLiteral("Supercalifragilisticoespialidosoextraordinariamente"), 7, 123};
    const QList<SlipRow> rows = layout.rows(slip);
    QVERIFY(rows.size() > 15);
    for (const SlipRow& row : rows) {
        QVERIFY2(row.columns == (row.doubleSize ? columns / 2 : columns), qPrintable(row.text));
        const QString line = row.line();
        QVERIFY2(SlipRow::cellsOf(line) <= row.columns, qPrintable(line));
        if (row.kind == SlipRow::Kind::Pair || row.kind == SlipRow::Kind::Separator)
            QCOMPARE(SlipRow::cellsOf(line), row.columns);
        // No character a receipt code page could never have comes from the layout itself.
        QVERIFY2(!line.contains(QChar(0x202F)) && !line.contains(QChar(0x2212)), qPrintable(line));
    }
    // The store's name is the title: bold, double size, centered, wrapped at half the columns.
    QVERIFY(rows.first().doubleSize);
    QVERIFY(rows.first().bold);
    QCOMPARE(rows.first().align, SlipRow::Align::Center);
    QVERIFY(lines(rows).join(u' ').contains(QStringLiteral("Panadería La")));
}

void TestSlipLayout::saleRowsSayWhatTheSlipHolds()
{
    const QList<SlipRow> rows = SlipLayout(PaperWidth::Mm80, QLocale(QStringLiteral("en_US"))).rows(saleSlip());
    const QString text = lines(rows).join(u'\n');
    QVERIFY2(text.contains(QLatin1String("Loyalty points")), qPrintable(text));
    const SlipRow* program = pairNamed(rows, QStringLiteral("Program points"));
    QVERIFY(program);
    QCOMPARE(program->right, QStringLiteral("1,234"));
    const SlipRow* tier = pairNamed(rows, QStringLiteral("Oro 1.25x"));
    QVERIFY(tier);
    QCOMPARE(tier->right, QStringLiteral("+308"));
    const SlipRow* earned = pairNamed(rows, QStringLiteral("Points earned"));
    QVERIFY(earned);
    QCOMPARE(earned->right, QStringLiteral("2,826"));
    QVERIFY(earned->bold);
    const SlipRow* balance = pairNamed(rows, QStringLiteral("Balance"));
    QVERIFY(balance);
    QVERIFY2(balance->right.startsWith(QLatin1String("4,321 point")), qPrintable(balance->right));
    QVERIFY(balance->bold);
    // The long promotion's name takes two lines, its points on the second.
    QVERIFY2(text.contains(QLatin1String("Martes de doble")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("You can redeem Café gratis now.")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("179 more point")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("to Desayuno para dos.")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("1,500 more point")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("to reach Oro.")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("200 point")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("4/30/24")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("¿Nos sigue en")), qPrintable(text));
    // Separators split the head, the points and the outlook.
    int separators = 0;
    for (const SlipRow& row : rows)
        separators += row.kind == SlipRow::Kind::Separator;
    QCOMPARE(separators, 3);
}

void TestSlipLayout::numbersMoneyAndDatesFollowTheLocale()
{
    const QLocale spanish(QStringLiteral("es_ES"));
    const SlipLayout layout(PaperWidth::Mm80, spanish);
    QCOMPARE(layout.money(Money(123456, QStringLiteral("EUR"))), QStringLiteral("1234,56\u00A0€"));
    QCOMPARE(layout.money(Money(250, QStringLiteral("EUR"))), QStringLiteral("2,50\u00A0€"));
    QCOMPARE(layout.money(Money(1000, QStringLiteral("JPY"))).left(4), QStringLiteral("1000"));
    const QString usd =
        SlipLayout(PaperWidth::Mm80, QLocale(QStringLiteral("en_US"))).money(Money(250, QStringLiteral("USD")));
    QCOMPARE(usd, QStringLiteral("$2.50"));
    const QString french =
        SlipLayout(PaperWidth::Mm80, QLocale(QStringLiteral("fr_FR"))).money(Money(123456, QStringLiteral("EUR")));
    QVERIFY2(!french.contains(QChar(0x202F)), qPrintable(french));
    QVERIFY2(french.startsWith(QStringLiteral("1\u00A0234,56")), qPrintable(french));

    const QList<SlipRow> rows = layout.rows(saleSlip());
    const QString text = lines(rows).join(u'\n');
    QVERIFY2(text.contains(QStringLiteral("1234,56\u00A0€")), qPrintable(text));
    const QString when = spanish.toString(saleSlip().at.toLocalTime(), QLocale::ShortFormat);
    const SlipRow* till = pairNamed(rows, QStringLiteral("Caja 1"));
    QVERIFY(till);
    QCOMPARE(till->right, when);
    QVERIFY2(text.contains(spanish.toString(QDate(2024, 4, 30), QLocale::ShortFormat)), qPrintable(text));
    QCOMPARE(rightOf(rows, QStringLiteral("Program points")), spanish.toString(1234));
}

void TestSlipLayout::redemptionAndRefundRows()
{
    const SlipLayout layout(PaperWidth::Mm58, QLocale(QStringLiteral("en_US")));
    LoyaltySlip redemption = saleSlip();
    redemption.kind = LoyaltySlip::Kind::Redemption;
    redemption.pointsSpent = 100;
    redemption.rewardName = QStringLiteral("5.00 off");
    redemption.discount = Money(500, QStringLiteral("USD"));
    const QList<SlipRow> rows = layout.rows(redemption);
    QCOMPARE(rightOf(rows, QStringLiteral("Points spent")), QStringLiteral("-100"));
    QCOMPARE(rightOf(rows, QStringLiteral("Discount to apply")), QStringLiteral("$5.00"));
    QCOMPARE(rightOf(rows, QStringLiteral("Reward")), QStringLiteral("5.00 off"));
    QVERIFY(!pairNamed(rows, QStringLiteral("Points earned")));

    redemption.discount = Money();
    redemption.discountPercentage = 10;
    // Too long for one line of 58 mm paper: the label wraps, the discount stays on the right of its last line.
    const QList<SlipRow> percentRows = layout.rows(redemption);
    const QStringList percentLines = lines(percentRows);
    const qsizetype label = percentLines.indexOf(QStringLiteral("Discount to"));
    QVERIFY(label > 0);
    QCOMPARE(percentRows.at(label + 1).text, QStringLiteral("apply"));
    QCOMPARE(percentRows.at(label + 1).right, QStringLiteral("10% off the sale"));
    QVERIFY(percentRows.at(label + 1).bold);
    QCOMPARE(rightOf(SlipLayout(PaperWidth::Mm80, QLocale(QStringLiteral("en_US"))).rows(redemption),
                     QStringLiteral("Discount to apply")),
             QStringLiteral("10% off the sale"));

    LoyaltySlip refund = saleSlip();
    refund.kind = LoyaltySlip::Kind::Refund;
    refund.refundReference = QStringLiteral("R-7");
    refund.saleTotal = Money(12345, QStringLiteral("USD"));
    refund.refunded = Money(5000, QStringLiteral("USD"));
    refund.pointsTakenBack = 49;
    refund.pointsRestored = 100;
    const QList<SlipRow> refundRows = layout.rows(refund);
    QCOMPARE(rightOf(refundRows, QStringLiteral("Refunded")), QStringLiteral("$50.00"));
    QCOMPARE(rightOf(refundRows, QStringLiteral("Points taken back")), QStringLiteral("-49"));
    QCOMPARE(rightOf(refundRows, QStringLiteral("Reward points returned")), QStringLiteral("+100"));
    QCOMPARE(rightOf(refundRows, QStringLiteral("Refund number")), QStringLiteral("R-7"));
}

void TestSlipLayout::barcodeAndCutEndTheSlip()
{
    const QList<SlipRow> rows = SlipLayout(PaperWidth::Mm80, QLocale(QStringLiteral("es_ES"))).rows(saleSlip());
    QCOMPARE(rows.last().kind, SlipRow::Kind::FeedCut);
    QVERIFY(rows.last().feedLines > 0);
    const SlipRow& barcode = rows.at(rows.size() - 2);
    QCOMPARE(barcode.kind, SlipRow::Kind::Barcode);
    QCOMPARE(barcode.barcode, QStringLiteral("2900000000421"));
    QVERIFY(barcode.line().isEmpty());

    // No card, or a number that is not one: no barcode.
    LoyaltySlip slip = saleSlip();
    slip.cardNumber = QStringLiteral("2900000000422"); // wrong check digit
    for (const SlipRow& row : SlipLayout(PaperWidth::Mm80, QLocale()).rows(slip))
        QVERIFY(row.kind != SlipRow::Kind::Barcode);
}

void TestSlipLayout::memberIsMasked()
{
    QCOMPARE(SlipLayout::memberText({123, QStringLiteral("Ana"), QStringLiteral("2671")}),
             QStringLiteral("Ana ··2671"));
    QCOMPARE(SlipLayout::memberText({123, QString(), QStringLiteral("2671")}), QStringLiteral("Member 123 ··2671"));
    QCOMPARE(SlipLayout::memberText({123, QString(), QString()}), QStringLiteral("Member 123"));
    const QList<SlipRow> rows = SlipLayout(PaperWidth::Mm58, QLocale()).rows(saleSlip());
    QCOMPARE(rightOf(rows, QStringLiteral("Member")), QStringLiteral("Íñigo ··2671"));
}

void TestSlipLayout::wrapsLongWords()
{
    QCOMPARE(SlipLayout::wrap(QStringLiteral("  one two   three "), 7),
             QStringList({QStringLiteral("one two"), QStringLiteral("three")}));
    QCOMPARE(SlipLayout::wrap(QStringLiteral("abcdefghij"), 4),
             QStringList({QStringLiteral("abcd"), QStringLiteral("efgh"), QStringLiteral("ij")}));
    QCOMPARE(SlipLayout::wrap(QString(), 10), QStringList());
    // An emoji is never split between its two halves.
    const QStringList emoji = SlipLayout::wrap(QStringLiteral("😀😀😀"), 3);
    for (const QString& line : emoji)
        QVERIFY(!line.isEmpty() && !line.back().isHighSurrogate() && !line.front().isLowSurrogate());
}

void TestSlipLayout::countsCells()
{
    QCOMPARE(SlipRow::cellsOf(QStringLiteral("Peña")), 4);
    QCOMPARE(SlipRow::cellsOf(QStringLiteral("Pen\u0303a")), 4); // decomposed ñ
    QCOMPARE(SlipRow::cellsOf(QStringLiteral("日本")), 4);
    QCOMPARE(SlipRow::cellsOf(QStringLiteral("😀")), 2);
}

QTEST_GUILESS_MAIN(TestSlipLayout)
#include "tst_sliplayout.moc"
