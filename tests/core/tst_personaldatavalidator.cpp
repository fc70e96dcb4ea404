#include "core/domain/PersonalDataValidator.h"
#include "tests/support/ResultChecks.h"

#include <QTest>

using lt::ErrorKind;
using lt::PersonalDataValidator;

namespace {
QString fromUcs4(std::initializer_list<char32_t> codePoints)
{
    const std::u32string text(codePoints);
    return QString::fromUcs4(text.data(), static_cast<qsizetype>(text.size()));
}
} // namespace

class TestPersonalDataValidator : public QObject
{
    Q_OBJECT

private slots:
    void acceptsNamesInAnyScript_data();
    void acceptsNamesInAnyScript();
    void refusesCharactersThatGarbleText_data();
    void refusesCharactersThatGarbleText();
    void limitsNameLengthAfterNormalisation();
    void acceptsEmails_data();
    void acceptsEmails();
    void refusesWhatIsNotAnEmail_data();
    void refusesWhatIsNotAnEmail();
    void checksBirthdays_data();
    void checksBirthdays();
    void freeTextNamesItsField();
};

void TestPersonalDataValidator::acceptsNamesInAnyScript_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    const QString composed = QStringLiteral("Jos\u00E9");
    QTest::newRow("plain") << QStringLiteral("Ana Ruiz") << QStringLiteral("Ana Ruiz");
    QTest::newRow("precomposed accent") << composed << composed;
    QTest::newRow("combining accent becomes NFC") << QStringLiteral("Jose\u0301") << composed;
    QTest::newRow("stacked combining marks")
        << QStringLiteral("Zalgo\u0301\u0327\u0308") << QStringLiteral("Zalg\u00F3\u0327\u0308");
    QTest::newRow("cjk") << QStringLiteral("山田 花子") << QStringLiteral("山田 花子");
    QTest::newRow("arabic") << QStringLiteral("محمد علي") << QStringLiteral("محمد علي");
    QTest::newRow("hangul jamo become syllables") << QStringLiteral("\u1100\u1161") << QStringLiteral("\uAC00");
    QTest::newRow("emoji outside the BMP") << QStringLiteral("Ana \U0001F338") << QStringLiteral("Ana \U0001F338");
    QTest::newRow("emoji family with zero-width joiners")
        << QStringLiteral("\U0001F468\u200D\U0001F469\u200D\U0001F467")
        << QStringLiteral("\U0001F468\u200D\U0001F469\u200D\U0001F467");
    QTest::newRow("apostrophe and hyphen") << QStringLiteral("Ana O'Brien-Lee") << QStringLiteral("Ana O'Brien-Lee");
    QTest::newRow("blanks collapse") << QStringLiteral("  Ana \t  Maria\n") << QStringLiteral("Ana Maria");
    QTest::newRow("empty is allowed") << QString() << QString();
}

void TestPersonalDataValidator::acceptsNamesInAnyScript()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto name = PersonalDataValidator::name(input);
    LT_VERIFY_OK(name);
    QCOMPARE(*name, expected);
    QVERIFY(name->isValidUtf16());
}

void TestPersonalDataValidator::refusesCharactersThatGarbleText_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("bell") << QStringLiteral("Ana\u0007");
    QTest::newRow("escape") << QStringLiteral("Ana\u001B[31m");
    QTest::newRow("delete") << QStringLiteral("Ana\u007F");
    QTest::newRow("nul") << (QStringLiteral("Ana") + QChar(0) + QStringLiteral("Ruiz"));
    QTest::newRow("c1 control") << QStringLiteral("Ana\u0090");
    QTest::newRow("right-to-left override") << QStringLiteral("Ana \u202Egnp.exe");
    QTest::newRow("left-to-right embedding") << QStringLiteral("\u202AAna");
    QTest::newRow("first strong isolate") << QStringLiteral("Ana\u2068Ruiz\u2069");
    QTest::newRow("lone high surrogate") << (QStringLiteral("Ana") + QChar(0xD800));
    QTest::newRow("lone low surrogate") << (QChar(0xDC00) + QStringLiteral("Ana"));
    QTest::newRow("replacement character") << QStringLiteral("Jos\uFFFD");
    QTest::newRow("noncharacter") << fromUcs4({U'A', U'n', U'a', 0xFFFF});
    QTest::newRow("supplementary noncharacter") << fromUcs4({U'A', 0x1FFFE});
}

void TestPersonalDataValidator::refusesCharactersThatGarbleText()
{
    QFETCH(QString, input);
    const auto name = PersonalDataValidator::name(input);
    LT_VERIFY_ERROR(name, ErrorKind::InvalidInput);
    QCOMPARE(name.error().field, QStringLiteral("name"));
}

void TestPersonalDataValidator::limitsNameLengthAfterNormalisation()
{
    const int limit = PersonalDataValidator::MaximumNameLength;
    const auto atLimit = PersonalDataValidator::name(QStringLiteral("a").repeated(limit));
    LT_VERIFY_OK(atLimit);
    QCOMPARE(atLimit->size(), limit);
    const auto over = PersonalDataValidator::name(QStringLiteral("a").repeated(limit + 1));
    LT_VERIFY_ERROR(over, ErrorKind::InvalidInput);
    QCOMPARE(over.error().field, QStringLiteral("name"));
    // Decomposed accents count once they are composed: 100 "é" typed as e + U+0301 are 100 characters.
    const auto decomposed = PersonalDataValidator::name(QStringLiteral("e\u0301").repeated(limit));
    LT_VERIFY_OK(decomposed);
    QCOMPARE(*decomposed, QStringLiteral("\u00E9").repeated(limit));
    // Surrounding blanks do not count.
    LT_VERIFY_OK(PersonalDataValidator::name(QStringLiteral("   ") + QStringLiteral("a").repeated(limit)
                                             + QStringLiteral("   ")));
}

void TestPersonalDataValidator::acceptsEmails_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("ana@example.com") << QStringLiteral("ana@example.com");
    QTest::newRow("domain lowercased, local part kept")
        << QStringLiteral("Ana.Ruiz@Example.COM") << QStringLiteral("Ana.Ruiz@example.com");
    QTest::newRow("plus address") << QStringLiteral("ana+till@shop.example.co.uk")
                                  << QStringLiteral("ana+till@shop.example.co.uk");
    QTest::newRow("trimmed") << QStringLiteral("  ana@example.com ") << QStringLiteral("ana@example.com");
    QTest::newRow("international") << QStringLiteral("jos\u00E9@例え.jp") << QStringLiteral("jos\u00E9@例え.jp");
    QTest::newRow("empty is allowed") << QString() << QString();
}

void TestPersonalDataValidator::acceptsEmails()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto email = PersonalDataValidator::email(input);
    LT_VERIFY_OK(email);
    QCOMPARE(*email, expected);
}

void TestPersonalDataValidator::refusesWhatIsNotAnEmail_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("no at") << QStringLiteral("ana.example.com");
    QTest::newRow("no domain") << QStringLiteral("ana@");
    QTest::newRow("no local part") << QStringLiteral("@example.com");
    QTest::newRow("no dot in domain") << QStringLiteral("ana@localhost");
    QTest::newRow("two ats") << QStringLiteral("ana@@example.com");
    QTest::newRow("space inside") << QStringLiteral("ana ruiz@example.com");
    QTest::newRow("empty label") << QStringLiteral("ana@example..com");
    QTest::newRow("trailing dot") << QStringLiteral("ana@example.com.");
    QTest::newRow("control character") << QStringLiteral("ana@exam\u0007ple.com");
    QTest::newRow("bidi override") << QStringLiteral("ana@\u202Eexample.com");
    QTest::newRow("too long") << (QStringLiteral("a").repeated(250) + QStringLiteral("@example.com"));
}

void TestPersonalDataValidator::refusesWhatIsNotAnEmail()
{
    QFETCH(QString, input);
    const auto email = PersonalDataValidator::email(input);
    LT_VERIFY_ERROR(email, ErrorKind::InvalidInput);
    QCOMPARE(email.error().field, QStringLiteral("email"));
}

void TestPersonalDataValidator::checksBirthdays_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QDate>("expected"); // invalid: refused
    QTest::newRow("valid") << QStringLiteral("1990-05-17") << QDate(1990, 5, 17);
    QTest::newRow("trimmed") << QStringLiteral(" 1990-05-17 ") << QDate(1990, 5, 17);
    QTest::newRow("leap day") << QStringLiteral("2000-02-29") << QDate(2000, 2, 29);
    QTest::newRow("today") << QStringLiteral("2024-03-01") << QDate(2024, 3, 1);
    QTest::newRow("1900") << QStringLiteral("1900-01-01") << QDate(1900, 1, 1);
    QTest::newRow("tomorrow") << QStringLiteral("2024-03-02") << QDate();
    QTest::newRow("far future") << QStringLiteral("2099-01-01") << QDate();
    QTest::newRow("before 1900") << QStringLiteral("1899-12-31") << QDate();
    QTest::newRow("no leap day") << QStringLiteral("2001-02-29") << QDate();
    QTest::newRow("february 30") << QStringLiteral("1990-02-30") << QDate();
    QTest::newRow("month 13") << QStringLiteral("1990-13-01") << QDate();
    QTest::newRow("single digits") << QStringLiteral("1990-5-7") << QDate();
    QTest::newRow("day first") << QStringLiteral("17/05/1990") << QDate();
    QTest::newRow("us order") << QStringLiteral("05-17-1990") << QDate();
    QTest::newRow("with time") << QStringLiteral("1990-05-17T10:00:00") << QDate();
    QTest::newRow("words") << QStringLiteral("May 17, 1990") << QDate();
}

void TestPersonalDataValidator::checksBirthdays()
{
    QFETCH(QString, input);
    QFETCH(QDate, expected);
    const QDate today(2024, 3, 1);
    const auto birthday = PersonalDataValidator::birthday(input, today);
    if (expected.isValid()) {
        LT_VERIFY_OK(birthday);
        QCOMPARE(*birthday, expected);
    } else {
        LT_VERIFY_ERROR(birthday, ErrorKind::InvalidInput);
        QCOMPARE(birthday.error().field, QStringLiteral("birthday"));
    }
    // No birthday at all is fine: it is optional.
    const auto none = PersonalDataValidator::birthday(QStringLiteral("  "), today);
    LT_VERIFY_OK(none);
    QVERIFY(!none->isValid());
}

void TestPersonalDataValidator::freeTextNamesItsField()
{
    const auto reason =
        PersonalDataValidator::freeText(QStringLiteral("Wrong\u202E member"), QStringLiteral("reason"), 50);
    LT_VERIFY_ERROR(reason, ErrorKind::InvalidInput);
    QCOMPARE(reason.error().field, QStringLiteral("reason"));
    const auto longText = PersonalDataValidator::freeText(QStringLiteral("x").repeated(51), QStringLiteral("note"), 50);
    LT_VERIFY_ERROR(longText, ErrorKind::InvalidInput);
    QCOMPARE(longText.error().field, QStringLiteral("note"));
}

QTEST_GUILESS_MAIN(TestPersonalDataValidator)
#include "tst_personaldatavalidator.moc"
