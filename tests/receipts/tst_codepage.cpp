#include "core/receipts/CodePage.h"
#include "tests/support/ResultChecks.h"

#include <QTest>

using lt::CodePage;

Q_DECLARE_METATYPE(CodePage::Id)

class TestCodePage : public QObject
{
    Q_OBJECT

private slots:
    void namesAndNumbers_data();
    void namesAndNumbers();
    void everyByteReadsBackToItself_data();
    void everyByteReadsBackToItself();
    void spanishLetters_data();
    void spanishLetters();
    void neverSendsAControlCharacter();
    void decomposedAccentsAreComposed();
    void lossyEncodingMarksWhatIsMissing();
};

void TestCodePage::namesAndNumbers_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("number");
    QTest::newRow("pc437") << "pc437" << 0;
    QTest::newRow("pc850") << "pc850" << 2;
    QTest::newRow("pc858") << "PC858" << 19;
    QTest::newRow("wpc1252") << " wpc1252 " << 16;
    QTest::newRow("image") << "image" << 0;
}

void TestCodePage::namesAndNumbers()
{
    QFETCH(QString, name);
    QFETCH(int, number);
    const auto page = CodePage::fromName(name);
    LT_VERIFY_OK(page);
    QCOMPARE(page->escPosNumber(), number);
    QCOMPARE(page->name(), name.trimmed().toLower());
    LT_VERIFY_ERROR(CodePage::fromName(QStringLiteral("utf8")), lt::ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(CodePage::fromName(QString()), lt::ErrorKind::InvalidInput);
}

void TestCodePage::everyByteReadsBackToItself_data()
{
    QTest::addColumn<CodePage::Id>("id");
    QTest::newRow("pc437") << CodePage::Id::Pc437;
    QTest::newRow("pc850") << CodePage::Id::Pc850;
    QTest::newRow("pc858") << CodePage::Id::Pc858;
    QTest::newRow("wpc1252") << CodePage::Id::Wpc1252;
}

void TestCodePage::everyByteReadsBackToItself()
{
    QFETCH(CodePage::Id, id);
    const CodePage page(id);
    int defined = 0;
    for (int byte = 0x20; byte <= 0xFF; ++byte) {
        if (byte == 0x7F)
            continue;
        const char32_t c = page.decode(static_cast<unsigned char>(byte));
        if (c == 0xFFFD)
            continue; // Windows-1252's five holes
        ++defined;
        const std::optional<char> back = page.encode(c);
        QVERIFY2(back, qPrintable(QStringLiteral("U+%1").arg(uint(c), 4, 16)));
        QCOMPARE(static_cast<unsigned char>(*back), static_cast<unsigned char>(byte));
    }
    QCOMPARE(defined, id == CodePage::Id::Wpc1252 ? 95 + 123 : 95 + 128);
}

void TestCodePage::spanishLetters_data()
{
    QTest::addColumn<CodePage::Id>("id");
    QTest::addColumn<QString>("missing");
    const QString all = QStringLiteral("áéíóúÁÉÍÓÚñÑüÜ¿¡€ªº");
    QTest::newRow("pc858 has them all") << CodePage::Id::Pc858 << QString();
    QTest::newRow("wpc1252 has them all") << CodePage::Id::Wpc1252 << QString();
    QTest::newRow("pc850 lacks the euro") << CodePage::Id::Pc850 << QStringLiteral("€");
    QTest::newRow("pc437 lacks Á Í Ó Ú and the euro") << CodePage::Id::Pc437 << QStringLiteral("ÁÍÓÚ€");
    QTest::newRow("image prints none as text") << CodePage::Id::Image << all;
}

void TestCodePage::spanishLetters()
{
    QFETCH(CodePage::Id, id);
    QFETCH(QString, missing);
    const CodePage page(id);
    for (const QChar c : QStringLiteral("áéíóúÁÉÍÓÚñÑüÜ¿¡€ªº")) {
        const bool has = page.encode(char32_t(c.unicode())).has_value();
        QVERIFY2(has != missing.contains(c), qPrintable(QString(c)));
    }
    QCOMPARE(page.encode(QStringLiteral("¿Año?")).has_value(), id != CodePage::Id::Image);
    // The euro sign where each page keeps it.
    if (id == CodePage::Id::Pc858)
        QCOMPARE(static_cast<unsigned char>(*page.encode(char32_t(0x20AC))), 0xD5);
    if (id == CodePage::Id::Wpc1252)
        QCOMPARE(static_cast<unsigned char>(*page.encode(char32_t(0x20AC))), 0x80);
}

void TestCodePage::neverSendsAControlCharacter()
{
    for (const CodePage::Id id : {CodePage::Id::Pc437, CodePage::Id::Pc858, CodePage::Id::Wpc1252}) {
        const CodePage page(id);
        for (char32_t c = 0; c < 0x20; ++c)
            QVERIFY(!page.encode(c));
        QVERIFY(!page.encode(char32_t(0x7F)));
        QVERIFY(!page.encode(char32_t(0x9B))); // C1 control (CSI): not a character of any page
        const QByteArray lossy = page.encodeLossy(QStringLiteral("a\u001B@b\u001Dv0\nc\u0010\u0004\u0001"));
        QCOMPARE(lossy, QByteArray("a?@b?v0?c???"));
    }
}

void TestCodePage::decomposedAccentsAreComposed()
{
    const CodePage page(CodePage::Id::Pc858);
    const auto composed = page.encode(QStringLiteral("Pen\u0303a cafe\u0301"));
    QVERIFY(composed);
    QCOMPARE(*composed, page.encode(QStringLiteral("Peña café")).value());
    QCOMPARE(composed->size(), qsizetype(9));
}

void TestCodePage::lossyEncodingMarksWhatIsMissing()
{
    const CodePage page(CodePage::Id::Pc858);
    QVERIFY(!page.encode(QStringLiteral("Łódź")));
    QCOMPARE(page.encodeLossy(QStringLiteral("Łódź")),
             QByteArray("?\xA2"
                        "d?"));
    QCOMPARE(page.encodeLossy(QStringLiteral("a😀b")), QByteArray("a?b")); // one mark for the whole emoji
}

QTEST_GUILESS_MAIN(TestCodePage)
#include "tst_codepage.moc"
