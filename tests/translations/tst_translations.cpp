#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QStringList translations; // one, or one per plural form
    bool numerus = false;
    bool unfinished = false;
    bool obsolete = false;
    qint64 line = 0;
};

struct TsFile
{
    QList<Message> messages;
    QString error;
};

QString translationsDir()
{
    return QStringLiteral(LOYALTYTILL_TRANSLATIONS_DIR);
}

TsFile readTs(const QString& path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = file.errorString();
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = Message {};
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            message.line = xml.lineNumber();
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            const auto type = xml.attributes().value(QLatin1String("type"));
            message.unfinished = type == QLatin1String("unfinished");
            message.obsolete = type == QLatin1String("obsolete") || type == QLatin1String("vanished");
            if (message.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == QLatin1String("numerusform"))
                        message.translations << xml.readElementText();
                    else
                        xml.skipCurrentElement();
                }
            } else {
                message.translations << xml.readElementText();
            }
            ts.messages << message;
        }
    }
    if (xml.hasError())
        ts.error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return ts;
}

// %1 to %99, %n, and their localized forms %L1, %Ln, as a sorted list without repeats.
QStringList placeholders(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?(n|[1-9][0-9]?)"));
    QStringList found;
    for (const QRegularExpressionMatch& m : pattern.globalMatch(text))
        found << m.captured(0).remove(QLatin1Char('L'));
    found.sort();
    found.removeDuplicates();
    return found;
}

// Keyboard accelerators: an "&" before a letter or digit; "&&" is a literal ampersand.
int accelerators(const QString& text)
{
    int count = 0;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&'))
            ++i;
        else if (text.at(i + 1).isLetterOrNumber())
            ++count;
    }
    return count;
}

QString describe(const Message& m)
{
    return QStringLiteral("line %1, %2: \"%3\"").arg(m.line).arg(m.context, m.source);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void everyMessageIsTranslated_data();
    void everyMessageIsTranslated();
    void placeholdersMatchTheSource_data();
    void placeholdersMatchTheSource();
    void acceleratorsAreKept_data();
    void acceleratorsAreKept();
    void placeholdersAreFound();
    void everySourceTextIsInTheFiles();

private:
    static void addFiles();
};

void TestTranslations::addFiles()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("complete"); // every message must be translated
    QTest::newRow("es") << translationsDir() + QStringLiteral("/loyaltytill_es.ts") << true;
    // English is the source language: only plural messages are translated, the rest fall back to the source.
    QTest::newRow("en") << translationsDir() + QStringLiteral("/loyaltytill_en.ts") << false;
}

void TestTranslations::everyMessageIsTranslated_data()
{
    addFiles();
}

void TestTranslations::everyMessageIsTranslated()
{
    QFETCH(QString, path);
    QFETCH(bool, complete);
    const TsFile ts = readTs(path);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QVERIFY(!ts.messages.isEmpty());
    QStringList problems;
    for (const Message& m : ts.messages) {
        if (m.obsolete || (!complete && !m.numerus))
            continue;
        if (m.unfinished)
            problems << QStringLiteral("unfinished: ") + describe(m);
        else if (m.translations.isEmpty() || m.translations.contains(QString()))
            problems << QStringLiteral("empty translation: ") + describe(m);
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 message(s) not translated in %2:\n  ").arg(problems.size()).arg(path)
                        + problems.join(QStringLiteral("\n  "))));
}

void TestTranslations::placeholdersMatchTheSource_data()
{
    addFiles();
}

void TestTranslations::placeholdersMatchTheSource()
{
    QFETCH(QString, path);
    const TsFile ts = readTs(path);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QStringList problems;
    for (const Message& m : ts.messages) {
        const QStringList expected = placeholders(m.source);
        for (const QString& translation : m.translations) {
            if (m.obsolete || translation.isEmpty())
                continue;
            const QStringList actual = placeholders(translation);
            if (actual != expected)
                problems << QStringLiteral("%1 has {%2}, the source {%3}")
                                .arg(describe(m), actual.join(QStringLiteral(", ")),
                                     expected.join(QStringLiteral(", ")));
        }
    }
    QVERIFY2(
        problems.isEmpty(),
        qPrintable(QStringLiteral("placeholders differ in %1:\n  ").arg(path) + problems.join(QStringLiteral("\n  "))));
}

void TestTranslations::acceleratorsAreKept_data()
{
    addFiles();
}

void TestTranslations::acceleratorsAreKept()
{
    QFETCH(QString, path);
    const TsFile ts = readTs(path);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QStringList problems;
    for (const Message& m : ts.messages) {
        const int expected = accelerators(m.source);
        for (const QString& translation : m.translations) {
            if (m.obsolete || translation.isEmpty())
                continue;
            if (accelerators(translation) != expected)
                problems << QStringLiteral("%1 -> \"%2\"").arg(describe(m), translation);
        }
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("accelerators (&) differ from the source in %1:\n  ").arg(path)
                        + problems.join(QStringLiteral("\n  "))));
}

void TestTranslations::placeholdersAreFound()
{
    QCOMPARE(placeholders(QStringLiteral("Apply %1% off (at most %2). %1")),
             QStringList({QStringLiteral("%1"), QStringLiteral("%2")}));
    QCOMPARE(placeholders(QStringLiteral("%n item(s) in %L3")),
             QStringList({QStringLiteral("%3"), QStringLiteral("%n")}));
    QCOMPARE(placeholders(QStringLiteral("100% done")), QStringList());
    QCOMPARE(accelerators(QStringLiteral("&Save && close")), 1);
    QCOMPARE(accelerators(QStringLiteral("The customer agrees (&A)")), 1);
    QCOMPARE(accelerators(QStringLiteral("Salt & pepper")), 0);
}

// The texts lupdate finds in the sources it scans for the build (app/CMakeLists.txt: every .cpp of core, sync and ui)
// are all in the .ts files: a text added without `update_translations` would reach the cashier untranslated.
void TestTranslations::everySourceTextIsInTheFiles()
{
    QTemporaryDir work;
    QVERIFY(work.isValid());
    QStringList sources;
    for (const char* folder : {"core", "sync", "ui"}) {
        QDirIterator it(QStringLiteral(LOYALTYTILL_SOURCE_DIR "/") + QLatin1String(folder), {QStringLiteral("*.cpp")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            sources << it.next();
    }
    QVERIFY(sources.size() > 50);
    QFile list(work.filePath(QStringLiteral("sources.lst")));
    QVERIFY(list.open(QIODevice::WriteOnly));
    list.write(sources.join(QLatin1Char('\n')).toUtf8());
    list.close();

    const QString scanned = work.filePath(QStringLiteral("scanned.ts"));
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(LOYALTYTILL_LUPDATE),
                  {QLatin1Char('@') + list.fileName(), QStringLiteral("-I"), QStringLiteral(LOYALTYTILL_SOURCE_DIR),
                   QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-ts"), scanned});
    QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());
    const TsFile found = readTs(scanned);
    QVERIFY2(found.error.isEmpty(), qPrintable(found.error));
    QVERIFY(found.messages.size() > 100);

    for (const QString& name : {QStringLiteral("loyaltytill_es.ts"), QStringLiteral("loyaltytill_en.ts")}) {
        const TsFile ts = readTs(translationsDir() + QLatin1Char('/') + name);
        QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
        QSet<QString> known;
        for (const Message& m : ts.messages) {
            if (!m.obsolete)
                known << m.context + QLatin1Char('\x1f') + m.source;
        }
        QStringList missing;
        for (const Message& m : found.messages) {
            if (!known.contains(m.context + QLatin1Char('\x1f') + m.source))
                missing << m.context + QStringLiteral(": \"") + m.source + QLatin1Char('"');
        }
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("%1 lacks %2 text(s) of the sources; run `cmake --build BUILD --target "
                                           "update_translations` and translate them:\n  ")
                                .arg(name)
                                .arg(missing.size())
                            + missing.join(QStringLiteral("\n  "))));
    }
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
