#include "core/domain/CardNumber.h"
#include "tests/support/ResultChecks.h"

#include <QTest>

using lt::CardNumber;
using lt::ErrorKind;

class TestCardNumber : public QObject
{
    Q_OBJECT

private slots:
    void checkDigitMatchesPublishedEan13();
    void generatedNumbersValidate();
    void acceptsValidCards_data();
    void acceptsValidCards();
    void refusesInvalidCards_data();
    void refusesInvalidCards();
    void everySingleDigitErrorIsCaught();
    void looksLikeCard_data();
    void looksLikeCard();
};

void TestCardNumber::checkDigitMatchesPublishedEan13()
{
    // Check digits of EAN-13 numbers printed on real products, computed independently of fromSerial().
    QCOMPARE(CardNumber::checkDigit(QStringLiteral("400638133393")), 1);
    QCOMPARE(CardNumber::checkDigit(QStringLiteral("590123412345")), 7);
    QCOMPARE(CardNumber::checkDigit(QStringLiteral("978020137962")), 4);
}

void TestCardNumber::generatedNumbersValidate()
{
    QCOMPARE(CardNumber::fromSerial(1), QStringLiteral("2900000000018"));
    for (qint64 serial : {qint64(0), qint64(1), qint64(2), qint64(42), qint64(123456789), qint64(9'999'999'999)}) {
        const QString card = CardNumber::fromSerial(serial);
        QCOMPARE(card.size(), CardNumber::Length);
        QVERIFY(card.startsWith(CardNumber::Prefix));
        QCOMPARE(card.mid(2, 10).toLongLong(), serial);
        const auto valid = CardNumber::validate(card);
        LT_VERIFY_OK(valid);
        QCOMPARE(*valid, card);
    }
    for (qint64 serial = 0; serial < 1000; ++serial)
        QVERIFY2(CardNumber::validate(CardNumber::fromSerial(serial)).ok(), qPrintable(QString::number(serial)));
}

void TestCardNumber::acceptsValidCards_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    const QString one = QStringLiteral("2900000000018");
    QTest::newRow("digits") << one << one;
    QTest::newRow("spaces as printed") << QStringLiteral("2900 0000 0001 8") << one;
    QTest::newRow("hyphens") << QStringLiteral("2900-0000-0001-8") << one;
    QTest::newRow("surrounding blanks") << QStringLiteral("  2900000000018 ") << one;
    QTest::newRow("largest serial") << CardNumber::fromSerial(9'999'999'999) << CardNumber::fromSerial(9'999'999'999);
}

void TestCardNumber::acceptsValidCards()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto card = CardNumber::validate(input);
    LT_VERIFY_OK(card);
    QCOMPARE(*card, expected);
}

void TestCardNumber::refusesInvalidCards_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("wrong check digit") << QStringLiteral("2900000000017");
    QTest::newRow("twelve digits") << QStringLiteral("290000000001");
    QTest::newRow("fourteen digits") << QStringLiteral("29000000000180");
    QTest::newRow("product barcode, not our prefix") << QStringLiteral("4006381333931");
    QTest::newRow("prefix 28") << QStringLiteral("2800000000019");
    QTest::newRow("letter") << QStringLiteral("29000000000a8");
    QTest::newRow("underscores") << QStringLiteral("2900_0000_0001_8");
    QTest::newRow("dots") << QStringLiteral("2900.0000.0001.8");
    QTest::newRow("arabic-indic digits") << QStringLiteral("٢٩٠٠٠٠٠٠٠٠٠١٨");
    QTest::newRow("empty") << QString();
    QTest::newRow("separators only") << QStringLiteral(" - - ");
}

void TestCardNumber::refusesInvalidCards()
{
    QFETCH(QString, input);
    const auto card = CardNumber::validate(input);
    LT_VERIFY_ERROR(card, ErrorKind::InvalidInput);
    QCOMPARE(card.error().field, QStringLiteral("card"));
}

void TestCardNumber::everySingleDigitErrorIsCaught()
{
    const QString card = CardNumber::fromSerial(4711);
    for (int position = 2; position < CardNumber::Length; ++position) {
        for (char digit = '0'; digit <= '9'; ++digit) {
            QString mistyped = card;
            mistyped[position] = QLatin1Char(digit);
            if (mistyped == card)
                continue;
            QVERIFY2(!CardNumber::validate(mistyped).ok(), qPrintable(mistyped));
        }
    }
}

void TestCardNumber::looksLikeCard_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("expected");
    QTest::newRow("valid") << QStringLiteral("2900000000018") << true;
    QTest::newRow("wrong check digit still looks like one") << QStringLiteral("2900000000017") << true;
    QTest::newRow("with spaces") << QStringLiteral("2900 0000 0001 8") << true;
    QTest::newRow("product barcode") << QStringLiteral("4006381333931") << false;
    QTest::newRow("too short") << QStringLiteral("290000000001") << false;
    QTest::newRow("phone number") << QStringLiteral("+1 415 555 2671") << false;
    QTest::newRow("letter") << QStringLiteral("29000000000a8") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestCardNumber::looksLikeCard()
{
    QFETCH(QString, input);
    QFETCH(bool, expected);
    QCOMPARE(CardNumber::looksLikeCard(input), expected);
}

QTEST_GUILESS_MAIN(TestCardNumber)
#include "tst_cardnumber.moc"
