#include "core/domain/SearchTerms.h"

#include <QTest>

using lt::SearchTerms;

class TestSearchTerms : public QObject
{
    Q_OBJECT

private slots:
    void foldsAccentsCaseAndCompatibilityForms_data();
    void foldsAccentsCaseAndCompatibilityForms();
    void splitsQueriesIntoWords();
    void indexesNameWordsAndTheEmail();
    void prefixUpperBoundIsTheNextString();
    void prefixUpperBoundBoundsEveryExtension_data();
    void prefixUpperBoundBoundsEveryExtension();
};

void TestSearchTerms::foldsAccentsCaseAndCompatibilityForms_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("acute accent") << QStringLiteral("Jos\u00E9") << QStringLiteral("jose");
    QTest::newRow("combining accent") << QStringLiteral("Jose\u0301") << QStringLiteral("jose");
    QTest::newRow("tilde") << QStringLiteral("Mu\u00F1oz") << QStringLiteral("munoz");
    QTest::newRow("umlaut capitals") << QStringLiteral("M\u00DCNCHEN") << QStringLiteral("munchen");
    // Simple case folding: capital sharp s becomes the small one; ß itself is not expanded to "ss".
    QTest::newRow("capital sharp s") << QStringLiteral("STRA\u1E9EE") << QStringLiteral("stra\u00DFe");
    QTest::newRow("ligature") << QStringLiteral("\uFB01ne") << QStringLiteral("fine");
    QTest::newRow("fullwidth") << QStringLiteral("\uFF21\uFF4E\uFF41") << QStringLiteral("ana");
    QTest::newRow("greek") << QStringLiteral("\u0386\u03BD\u03BD\u03B1") << QStringLiteral("\u03B1\u03BD\u03BD\u03B1");
    QTest::newRow("cjk unchanged") << QStringLiteral("山田") << QStringLiteral("山田");
    QTest::newRow("empty") << QString() << QString();
}

void TestSearchTerms::foldsAccentsCaseAndCompatibilityForms()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(SearchTerms::fold(input), expected);
}

void TestSearchTerms::splitsQueriesIntoWords()
{
    QCOMPARE(SearchTerms::queryWords(QStringLiteral("  Jo   MU ")),
             (QStringList {QStringLiteral("jo"), QStringLiteral("mu")}));
    QCOMPARE(SearchTerms::queryWords(QStringLiteral("Ana O'Brien-Lee")),
             (QStringList {QStringLiteral("ana"), QStringLiteral("o'brien"), QStringLiteral("lee")}));
    QCOMPARE(SearchTerms::queryWords(QStringLiteral("Ana.Ruiz+till@Example.com")),
             (QStringList {QStringLiteral("ana.ruiz+till@example.com")}));
    QCOMPARE(SearchTerms::queryWords(QStringLiteral("山田 花子")),
             (QStringList {QStringLiteral("山田"), QStringLiteral("花子")}));
    QVERIFY(SearchTerms::queryWords(QStringLiteral(" - , ; ")).isEmpty());
    QVERIFY(SearchTerms::queryWords(QString()).isEmpty());
}

void TestSearchTerms::indexesNameWordsAndTheEmail()
{
    QCOMPARE(SearchTerms::forMember(QStringLiteral("Jos\u00E9 Mu\u00F1oz"), QStringLiteral("Jose.Munoz@Example.com")),
             (QStringList {QStringLiteral("jose"), QStringLiteral("jose.munoz@example.com"), QStringLiteral("munoz")}));
    // Repeated words are indexed once.
    QCOMPARE(SearchTerms::forMember(QStringLiteral("Ana Ana"), QString()), QStringList {QStringLiteral("ana")});
    QVERIFY(SearchTerms::forMember(QString(), QString()).isEmpty());
}

void TestSearchTerms::prefixUpperBoundIsTheNextString()
{
    QCOMPARE(SearchTerms::prefixUpperBound(QStringLiteral("jo")), QStringLiteral("jp"));
    QCOMPARE(SearchTerms::prefixUpperBound(QStringLiteral("29")), QStringLiteral("2:"));
    QCOMPARE(SearchTerms::prefixUpperBound(QStringLiteral("\u00E9")), QStringLiteral("\u00EA"));
    QCOMPARE(SearchTerms::prefixUpperBound(QString()), QString());
    // Skips the surrogate range, which no code point occupies.
    QCOMPARE(SearchTerms::prefixUpperBound(QStringLiteral("a\uD7FF")), QStringLiteral("a\uE000"));
    // Outside the BMP the next code point is a different surrogate pair.
    QCOMPARE(SearchTerms::prefixUpperBound(QStringLiteral("\U0001F600")), QStringLiteral("\U0001F601"));
    QCOMPARE(SearchTerms::prefixUpperBound(QStringLiteral("a\U0001FFFF")), QStringLiteral("a\U00020000"));
}

void TestSearchTerms::prefixUpperBoundBoundsEveryExtension_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::newRow("ascii") << QStringLiteral("jo");
    QTest::newRow("accented") << QStringLiteral("jos\u00E9");
    QTest::newRow("cjk") << QStringLiteral("山");
    QTest::newRow("last BMP code point before private use") << QStringLiteral("x\uFFFD");
    QTest::newRow("emoji") << QStringLiteral("\U0001F338");
}

void TestSearchTerms::prefixUpperBoundBoundsEveryExtension()
{
    // SQLite compares TEXT as UTF-8 bytes: every string starting with the prefix must sort in [prefix, bound).
    QFETCH(QString, prefix);
    const QByteArray low = prefix.toUtf8();
    const QByteArray high = SearchTerms::prefixUpperBound(prefix).toUtf8();
    QVERIFY(low < high);
    for (const QString& tail : {QString(), QStringLiteral("a"), QStringLiteral("\u007F"), QStringLiteral("\u00FF"),
                                QStringLiteral("\uFFFD"), QStringLiteral("\U0001F600"), QStringLiteral("\U0010FFFD")}) {
        const QByteArray word = (prefix + tail).toUtf8();
        QVERIFY2(low <= word && word < high, qPrintable(prefix + tail));
    }
}

QTEST_GUILESS_MAIN(TestSearchTerms)
#include "tst_searchterms.moc"
