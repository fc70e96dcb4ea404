#include "core/domain/Money.h"
#include "tests/support/ResultChecks.h"

#include <QTest>

using lt::ErrorKind;
using lt::Money;

class TestMoney : public QObject
{
    Q_OBJECT

private slots:
    void parsesAmounts_data();
    void parsesAmounts();
    void refusesWhatIsNotAnAmount_data();
    void refusesWhatIsNotAnAmount();
    void knowsDecimalsOfCurrencies();
    void validatesCurrencyCodes();
    void writesDecimalStrings_data();
    void writesDecimalStrings();
    void decimalStringParsesBack();
    void comparesAmountAndCurrency();
};

void TestMoney::parsesAmounts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<qint64>("minor");
    QTest::newRow("cents") << QStringLiteral("12.34") << QStringLiteral("USD") << qint64(1234);
    QTest::newRow("one decimal") << QStringLiteral("0.5") << QStringLiteral("USD") << qint64(50);
    QTest::newRow("whole") << QStringLiteral("12") << QStringLiteral("USD") << qint64(1200);
    QTest::newRow("zero") << QStringLiteral("0") << QStringLiteral("USD") << qint64(0);
    QTest::newRow("leading zeros") << QStringLiteral("007.05") << QStringLiteral("USD") << qint64(705);
    QTest::newRow("surrounding blanks") << QStringLiteral("  12.34 ") << QStringLiteral("USD") << qint64(1234);
    QTest::newRow("maximum") << QStringLiteral("1000000.00") << QStringLiteral("USD") << qint64(100'000'000);
    QTest::newRow("maximum without decimals")
        << QStringLiteral("1000000") << QStringLiteral("EUR") << qint64(100'000'000);
    QTest::newRow("yen") << QStringLiteral("1200") << QStringLiteral("JPY") << qint64(1200);
    QTest::newRow("dinar three decimals") << QStringLiteral("1.234") << QStringLiteral("KWD") << qint64(1234);
    QTest::newRow("dinar one decimal") << QStringLiteral("1.2") << QStringLiteral("KWD") << qint64(1200);
}

void TestMoney::parsesAmounts()
{
    QFETCH(QString, text);
    QFETCH(QString, currency);
    QFETCH(qint64, minor);
    const auto money = Money::parse(text, currency);
    LT_VERIFY_OK(money);
    QCOMPARE(money->minorUnits(), minor);
    QCOMPARE(money->currency(), currency);
}

void TestMoney::refusesWhatIsNotAnAmount_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("currency");
    QTest::newRow("negative") << QStringLiteral("-12.34") << QStringLiteral("USD");
    QTest::newRow("negative zero") << QStringLiteral("-0") << QStringLiteral("USD");
    QTest::newRow("plus sign") << QStringLiteral("+12.34") << QStringLiteral("USD");
    QTest::newRow("decimal comma") << QStringLiteral("12,34") << QStringLiteral("USD");
    QTest::newRow("grouping") << QStringLiteral("1,000.00") << QStringLiteral("USD");
    QTest::newRow("exponent") << QStringLiteral("1e5") << QStringLiteral("USD");
    QTest::newRow("three decimals in USD") << QStringLiteral("12.345") << QStringLiteral("USD");
    QTest::newRow("trailing zero beyond the cents") << QStringLiteral("12.340") << QStringLiteral("USD");
    QTest::newRow("one cent over the maximum") << QStringLiteral("1000000.01") << QStringLiteral("USD");
    QTest::newRow("ten million") << QStringLiteral("10000000") << QStringLiteral("USD");
    QTest::newRow("empty") << QString() << QStringLiteral("USD");
    QTest::newRow("whitespace only") << QStringLiteral(" \t ") << QStringLiteral("USD");
    QTest::newRow("twenty digits") << QStringLiteral("99999999999999999999") << QStringLiteral("USD");
    QTest::newRow("two hundred digits") << QStringLiteral("9").repeated(200) << QStringLiteral("USD");
    QTest::newRow("overflowing qint64 once scaled") << QStringLiteral("92233720368547758") << QStringLiteral("USD");
    QTest::newRow("dot only") << QStringLiteral(".") << QStringLiteral("USD");
    QTest::newRow("no whole part") << QStringLiteral(".50") << QStringLiteral("USD");
    QTest::newRow("no fraction after dot") << QStringLiteral("12.") << QStringLiteral("USD");
    QTest::newRow("two dots") << QStringLiteral("1.2.3") << QStringLiteral("USD");
    QTest::newRow("currency symbol") << QStringLiteral("$12.34") << QStringLiteral("USD");
    QTest::newRow("inner space") << QStringLiteral("12 34") << QStringLiteral("USD");
    QTest::newRow("arabic-indic digits") << QStringLiteral("١٢") << QStringLiteral("USD");
    QTest::newRow("fullwidth digits") << QStringLiteral("１２") << QStringLiteral("USD");
    QTest::newRow("decimals in yen") << QStringLiteral("12.5") << QStringLiteral("JPY");
    QTest::newRow("four decimals in dinar") << QStringLiteral("1.2345") << QStringLiteral("KWD");
}

void TestMoney::refusesWhatIsNotAnAmount()
{
    QFETCH(QString, text);
    QFETCH(QString, currency);
    const auto money = Money::parse(text, currency);
    LT_VERIFY_ERROR(money, ErrorKind::InvalidInput);
    QCOMPARE(money.error().field, QStringLiteral("amount"));
    QVERIFY(!money.error().message.isEmpty());
}

void TestMoney::knowsDecimalsOfCurrencies()
{
    QCOMPARE(Money::decimalsOf(QStringLiteral("USD")), 2);
    QCOMPARE(Money::decimalsOf(QStringLiteral("EUR")), 2);
    QCOMPARE(Money::decimalsOf(QStringLiteral("JPY")), 0);
    QCOMPARE(Money::decimalsOf(QStringLiteral("KRW")), 0);
    QCOMPARE(Money::decimalsOf(QStringLiteral("KWD")), 3);
    QCOMPARE(Money::decimalsOf(QStringLiteral("BHD")), 3);
}

void TestMoney::validatesCurrencyCodes()
{
    QVERIFY(Money::isValidCurrencyCode(QStringLiteral("USD")));
    QVERIFY(Money::isValidCurrencyCode(QStringLiteral("MXN")));
    QVERIFY(!Money::isValidCurrencyCode(QStringLiteral("usd")));
    QVERIFY(!Money::isValidCurrencyCode(QStringLiteral("US")));
    QVERIFY(!Money::isValidCurrencyCode(QStringLiteral("USDX")));
    QVERIFY(!Money::isValidCurrencyCode(QStringLiteral("U$D")));
    QVERIFY(!Money::isValidCurrencyCode(QString()));
}

void TestMoney::writesDecimalStrings_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("expected");
    QTest::newRow("cents") << qint64(1234) << QStringLiteral("USD") << QStringLiteral("12.34");
    QTest::newRow("padded cents") << qint64(5) << QStringLiteral("USD") << QStringLiteral("0.05");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("USD") << QStringLiteral("0.00");
    QTest::newRow("negative") << qint64(-1234) << QStringLiteral("USD") << QStringLiteral("-12.34");
    QTest::newRow("negative below one") << qint64(-5) << QStringLiteral("USD") << QStringLiteral("-0.05");
    QTest::newRow("maximum") << qint64(100'000'000) << QStringLiteral("USD") << QStringLiteral("1000000.00");
    QTest::newRow("yen") << qint64(1200) << QStringLiteral("JPY") << QStringLiteral("1200");
    QTest::newRow("negative yen") << qint64(-7) << QStringLiteral("JPY") << QStringLiteral("-7");
    QTest::newRow("dinar") << qint64(1234) << QStringLiteral("KWD") << QStringLiteral("1.234");
    QTest::newRow("dinar fils") << qint64(7) << QStringLiteral("KWD") << QStringLiteral("0.007");
}

void TestMoney::writesDecimalStrings()
{
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(QString, expected);
    const Money money(minor, currency);
    QCOMPARE(money.toDecimalString(), expected);
    QCOMPARE(money.toDisplayString(), expected + QLatin1Char(' ') + currency);
}

void TestMoney::decimalStringParsesBack()
{
    for (const QString& currency : {QStringLiteral("USD"), QStringLiteral("JPY"), QStringLiteral("KWD")}) {
        for (qint64 minor : {qint64(0), qint64(1), qint64(9), qint64(10), qint64(99), qint64(100), qint64(101),
                             qint64(12345), qint64(99'999'999), Money::MaximumMinorUnits}) {
            const Money money(minor, currency);
            const auto parsed = Money::parse(money.toDecimalString(), currency);
            LT_VERIFY_OK(parsed);
            QCOMPARE(*parsed, money);
        }
    }
}

void TestMoney::comparesAmountAndCurrency()
{
    QVERIFY(Money(100, QStringLiteral("USD")) == Money(100, QStringLiteral("USD")));
    QVERIFY(!(Money(100, QStringLiteral("USD")) == Money(100, QStringLiteral("EUR"))));
    QVERIFY(!(Money(100, QStringLiteral("USD")) == Money(101, QStringLiteral("USD"))));
    QVERIFY(Money().isZero());
    QVERIFY(!Money(1, QStringLiteral("USD")).isZero());
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
