#include "core/domain/PhoneNumberNormalizer.h"
#include "tests/support/ResultChecks.h"

#include <QTest>

using lt::ErrorKind;
using lt::PhoneNumberNormalizer;

class TestPhoneNumberNormalizer : public QObject
{
    Q_OBJECT

private slots:
    void normalizesToE164_data();
    void normalizesToE164();
    void refusesWhatIsNotAPhoneNumber_data();
    void refusesWhatIsNotAPhoneNumber();
    void regionIsCaseInsensitive();
    void knowsRegions();
    void looksLikePhoneNumber_data();
    void looksLikePhoneNumber();
    void formatsForDisplay();
};

void TestPhoneNumberNormalizer::normalizesToE164_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    const QString us = QStringLiteral("+14155552671");
    QTest::newRow("us parentheses") << QStringLiteral("US") << QStringLiteral("(415) 555-2671") << us;
    QTest::newRow("us dots") << QStringLiteral("US") << QStringLiteral("415.555.2671") << us;
    QTest::newRow("us international") << QStringLiteral("US") << QStringLiteral("+1 415 555 2671") << us;
    QTest::newRow("us trunk prefix") << QStringLiteral("US") << QStringLiteral("1-415-555-2671") << us;
    QTest::newRow("us digits only") << QStringLiteral("US") << QStringLiteral("4155552671") << us;
    QTest::newRow("us slashes and spaces") << QStringLiteral("US") << QStringLiteral("415 / 555 2671") << us;
    QTest::newRow("us international parentheses") << QStringLiteral("US") << QStringLiteral("+1 (415) 555-2671") << us;
    QTest::newRow("us surrounding blanks") << QStringLiteral("US") << QStringLiteral("   415-555-2671\t") << us;
    QTest::newRow("us already e164") << QStringLiteral("US") << us << us;
    QTest::newRow("gb from us") << QStringLiteral("US") << QStringLiteral("+44 20 7946 0018")
                                << QStringLiteral("+442079460018");
    QTest::newRow("gb via us exit code") << QStringLiteral("US") << QStringLiteral("011 44 20 7946 0018")
                                         << QStringLiteral("+442079460018");
    QTest::newRow("mx from us") << QStringLiteral("US") << QStringLiteral("+52 55 1234 5678")
                                << QStringLiteral("+525512345678");
    QTest::newRow("de from us") << QStringLiteral("US") << QStringLiteral("+49 30 901820")
                                << QStringLiteral("+4930901820");
    QTest::newRow("jp from us") << QStringLiteral("US") << QStringLiteral("+81 3-1234-5678")
                                << QStringLiteral("+81312345678");
    QTest::newRow("fr from us") << QStringLiteral("US") << QStringLiteral("+33 1 23 45 67 89")
                                << QStringLiteral("+33123456789");
    QTest::newRow("gb landline in gb") << QStringLiteral("GB") << QStringLiteral("020 7946 0018")
                                       << QStringLiteral("+442079460018");
    QTest::newRow("gb mobile in gb") << QStringLiteral("GB") << QStringLiteral("07400 123456")
                                     << QStringLiteral("+447400123456");
    QTest::newRow("us in gb") << QStringLiteral("GB") << QStringLiteral("+1 415 555 2671") << us;
    QTest::newRow("mx in mx") << QStringLiteral("MX") << QStringLiteral("55 1234 5678")
                              << QStringLiteral("+525512345678");
}

void TestPhoneNumberNormalizer::normalizesToE164()
{
    QFETCH(QString, region);
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const PhoneNumberNormalizer normalizer(region);
    const auto normalized = normalizer.normalize(input);
    LT_VERIFY_OK(normalized);
    QCOMPARE(*normalized, expected);
    // What normalize() returns is a fixed point: storing and searching by it agree.
    const auto again = normalizer.normalize(*normalized);
    LT_VERIFY_OK(again);
    QCOMPARE(*again, expected);
}

void TestPhoneNumberNormalizer::refusesWhatIsNotAPhoneNumber_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("input");

    QTest::newRow("empty") << QStringLiteral("US") << QString();
    QTest::newRow("blank") << QStringLiteral("US") << QStringLiteral("   ");
    QTest::newRow("seven digits") << QStringLiteral("US") << QStringLiteral("555-2671");
    QTest::newRow("nine digits") << QStringLiteral("US") << QStringLiteral("415-555-267");
    QTest::newRow("two digits") << QStringLiteral("US") << QStringLiteral("12");
    QTest::newRow("eleven digits after +1") << QStringLiteral("US") << QStringLiteral("+1 415 555 26711");
    QTest::newRow("eighteen digits") << QStringLiteral("US") << QStringLiteral("415 555 2671 9999 9999 99");
    QTest::newRow("over forty characters") << QStringLiteral("US") << QStringLiteral("4").repeated(41);
    QTest::newRow("letters") << QStringLiteral("US") << QStringLiteral("415-CALL-NOW");
    QTest::newRow("extension") << QStringLiteral("US") << QStringLiteral("415 555 2671 ext 3");
    QTest::newRow("a name") << QStringLiteral("US") << QStringLiteral("Jose");
    QTest::newRow("emoji") << QStringLiteral("US") << QStringLiteral("415 555 2671 \U0001F4DE");
    QTest::newRow("area code starting with 0") << QStringLiteral("US") << QStringLiteral("(012) 555-2671");
    QTest::newRow("area code 555") << QStringLiteral("US") << QStringLiteral("(555) 555-2671");
    QTest::newRow("country code 999") << QStringLiteral("US") << QStringLiteral("+999 1234 5678");
    QTest::newRow("plus only") << QStringLiteral("US") << QStringLiteral("+");
    QTest::newRow("us number read in gb") << QStringLiteral("GB") << QStringLiteral("(415) 555-2671");
}

void TestPhoneNumberNormalizer::refusesWhatIsNotAPhoneNumber()
{
    QFETCH(QString, region);
    QFETCH(QString, input);
    const auto normalized = PhoneNumberNormalizer(region).normalize(input);
    LT_VERIFY_ERROR(normalized, ErrorKind::InvalidInput);
    QCOMPARE(normalized.error().field, QStringLiteral("phone"));
    QVERIFY(!normalized.error().message.isEmpty());
}

void TestPhoneNumberNormalizer::regionIsCaseInsensitive()
{
    const PhoneNumberNormalizer normalizer(QStringLiteral("gb"));
    QCOMPARE(normalizer.defaultRegion(), QStringLiteral("GB"));
    const auto normalized = normalizer.normalize(QStringLiteral("020 7946 0018"));
    LT_VERIFY_OK(normalized);
    QCOMPARE(*normalized, QStringLiteral("+442079460018"));
    QCOMPARE(PhoneNumberNormalizer().defaultRegion(), QStringLiteral("US"));
}

void TestPhoneNumberNormalizer::knowsRegions()
{
    QVERIFY(PhoneNumberNormalizer::isKnownRegion(QStringLiteral("US")));
    QVERIFY(PhoneNumberNormalizer::isKnownRegion(QStringLiteral("gb")));
    QVERIFY(PhoneNumberNormalizer::isKnownRegion(QStringLiteral("MX")));
    QVERIFY(!PhoneNumberNormalizer::isKnownRegion(QStringLiteral("XX")));
    QVERIFY(!PhoneNumberNormalizer::isKnownRegion(QStringLiteral("ZZ")));
    QVERIFY(!PhoneNumberNormalizer::isKnownRegion(QString()));
}

void TestPhoneNumberNormalizer::looksLikePhoneNumber_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("expected");
    QTest::newRow("formatted") << QStringLiteral("(415) 555-2671") << true;
    QTest::newRow("international") << QStringLiteral("+44 20 7946 0018") << true;
    QTest::newRow("three digits") << QStringLiteral("911") << true;
    QTest::newRow("invalid but phone-shaped") << QStringLiteral("000-000") << true;
    QTest::newRow("two digits") << QStringLiteral("12") << false;
    QTest::newRow("name") << QStringLiteral("Ana") << false;
    QTest::newRow("email") << QStringLiteral("ana@example.com") << false;
    QTest::newRow("digits and letters") << QStringLiteral("415 555 abcd") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestPhoneNumberNormalizer::looksLikePhoneNumber()
{
    QFETCH(QString, input);
    QFETCH(bool, expected);
    QCOMPARE(PhoneNumberNormalizer::looksLikePhoneNumber(input), expected);
}

void TestPhoneNumberNormalizer::formatsForDisplay()
{
    QCOMPARE(PhoneNumberNormalizer::formatInternational(QStringLiteral("+14155552671")),
             QStringLiteral("+1 415-555-2671"));
    QCOMPARE(PhoneNumberNormalizer::formatInternational(QStringLiteral("+442079460018")),
             QStringLiteral("+44 20 7946 0018"));
    // Whatever cannot be parsed is shown as stored rather than lost.
    QCOMPARE(PhoneNumberNormalizer::formatInternational(QStringLiteral("not a number")),
             QStringLiteral("not a number"));
    QCOMPARE(PhoneNumberNormalizer::masked(QStringLiteral("+14155552671")), QStringLiteral("•••• 2671"));
    QCOMPARE(PhoneNumberNormalizer::masked(QStringLiteral("+1")), QStringLiteral("••••"));
}

QTEST_GUILESS_MAIN(TestPhoneNumberNormalizer)
#include "tst_phonenumbernormalizer.moc"
