// The log's sink: each message as the journal's fields (checked without sending; one real send, which nobody reads
// back here), the rule that tells whether stderr is the journal, and the file target with its lines and its echo of
// warnings, from several threads at once.
#include "core/logging/JournalFields.h"
#include "core/logging/JournalStream.h"
#include "core/logging/LogSink.h"

#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>

#include <cerrno>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using lt::JournalFields;
using lt::JournalStream;
using lt::LogSink;

namespace {
Q_LOGGING_CATEGORY(lcSinkTest, "loyaltytill.test.sink")

// What reaches the writer behind the sink (Qt's, which writes to stderr).
QList<QByteArray> echoed;
QList<QList<QByteArray>> journaled;
void echo(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    echoed << QByteArray::number(int(type)) + ' ' + message.toUtf8();
}

QList<QByteArray> fileLines(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = file.readAll().split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}
} // namespace

class TestLogSink : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void priorityFollowsSyslog_data();
    void priorityFollowsSyslog();
    void fieldsOfAMessageWithItsSource();
    void fieldsWithoutASource();
    void aRealSendIsTakenOrRefused();
    void journalStreamMatchesDeviceAndInode_data();
    void journalStreamMatchesDeviceAndInode();
    void stderrIsTheJournalOnlyWhenTheVariableNamesIt();
    void journalTargetSendsEachMessageWithItsFields();
    void journalTargetFallsBackToStderrWhenRefused();
    void fileLineIsOneLineInUtc();
    void fileTargetWritesEveryLevelAndEchoesWarnings();
    void fileTargetTakesWholeLinesFromManyThreads();

private:
    QtMessageHandler m_testHandler = nullptr;
};

void TestLogSink::initTestCase()
{
    m_testHandler = qInstallMessageHandler(nullptr);
    qInstallMessageHandler(m_testHandler);
}

void TestLogSink::cleanup()
{
    qInstallMessageHandler(m_testHandler);
    echoed.clear();
    journaled.clear();
    qunsetenv("JOURNAL_STREAM");
}

void TestLogSink::priorityFollowsSyslog_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("priority");
    QTest::newRow("debug") << int(QtDebugMsg) << 7;
    QTest::newRow("info") << int(QtInfoMsg) << 6;
    QTest::newRow("warning") << int(QtWarningMsg) << 4;
    QTest::newRow("critical") << int(QtCriticalMsg) << 3;
    QTest::newRow("fatal") << int(QtFatalMsg) << 2;
}

void TestLogSink::priorityFollowsSyslog()
{
    QFETCH(int, type);
    QFETCH(int, priority);
    QCOMPARE(JournalFields::priority(QtMsgType(type)), priority);
}

void TestLogSink::fieldsOfAMessageWithItsSource()
{
    const QMessageLogContext context("sync/SyncEngine.cpp", 94, "void lt::SyncEngine::finish()", "loyaltytill.sync");
    const QList<QByteArray> fields = JournalFields::build(QtWarningMsg, context, QStringLiteral("pass: sent 3\nnext"),
                                                          QByteArrayLiteral("loyaltytill"));
    const QList<QByteArray> expected {
        "MESSAGE=pass: sent 3\nnext",
        "PRIORITY=4",
        "SYSLOG_IDENTIFIER=loyaltytill",
        "QT_CATEGORY=loyaltytill.sync",
        "CODE_FILE=sync/SyncEngine.cpp",
        "CODE_LINE=94",
        "CODE_FUNC=void lt::SyncEngine::finish()",
    };
    QCOMPARE(fields, expected);
}

void TestLogSink::fieldsWithoutASource()
{
    // A release build: Qt knows the category only.
    const QMessageLogContext context(nullptr, 0, nullptr, "loyaltytill.admin");
    const QList<QByteArray> fields = JournalFields::build(QtDebugMsg, context, QString::fromUtf8("ended: 0 \u2713"),
                                                          QByteArrayLiteral("loyaltytill-admin"));
    const QList<QByteArray> expected {
        QByteArray("MESSAGE=ended: 0 \xe2\x9c\x93"),
        "PRIORITY=7",
        "SYSLOG_IDENTIFIER=loyaltytill-admin",
        "QT_CATEGORY=loyaltytill.admin",
    };
    QCOMPARE(fields, expected);
}

void TestLogSink::aRealSendIsTakenOrRefused()
{
    // Taken (0; libsystemd also answers 0 when no journald listens, as here) or refused with an errno.
    const QMessageLogContext context(__FILE__, __LINE__, Q_FUNC_INFO, "loyaltytill.test.sink");
    const int sent = JournalFields::send(JournalFields::build(QtDebugMsg, context, QStringLiteral("tst_logsink"),
                                                              QByteArrayLiteral("loyaltytill-test")));
    QVERIFY2(sent <= 0, QByteArray::number(sent).constData());
}

void TestLogSink::journalStreamMatchesDeviceAndInode_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("matches");
    QTest::newRow("same") << QByteArray("64769:1234567") << true;
    QTest::newRow("other inode") << QByteArray("64769:1234568") << false;
    QTest::newRow("other device") << QByteArray("64770:1234567") << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("no inode") << QByteArray("64769") << false;
    QTest::newRow("empty inode") << QByteArray("64769:") << false;
    QTest::newRow("three parts") << QByteArray("64769:1234567:1") << false;
    QTest::newRow("not numbers") << QByteArray("dev:ino") << false;
}

void TestLogSink::journalStreamMatchesDeviceAndInode()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, matches);
    QCOMPARE(JournalStream::matches(value, 64769, 1234567), matches);
}

void TestLogSink::stderrIsTheJournalOnlyWhenTheVariableNamesIt()
{
    struct stat status
    {
    };
    QCOMPARE(fstat(STDERR_FILENO, &status), 0);
    QVERIFY(!JournalStream::isStderr());
    qputenv("JOURNAL_STREAM",
            QByteArray::number(quint64(status.st_dev)) + ':' + QByteArray::number(quint64(status.st_ino)));
    QVERIFY(JournalStream::isStderr());
    // Inherited from a parent whose stderr was the journal, while this process's stderr was redirected.
    qputenv("JOURNAL_STREAM",
            QByteArray::number(quint64(status.st_dev)) + ':' + QByteArray::number(quint64(status.st_ino) + 1));
    QVERIFY(!JournalStream::isStderr());
}

void TestLogSink::journalTargetSendsEachMessageWithItsFields()
{
    qInstallMessageHandler(echo);
    LogSink::Options options;
    options.target = LogSink::Target::Journal;
    options.identifier = QByteArrayLiteral("loyaltytill");
    options.sendToJournal = [](const QList<QByteArray>& fields) {
        journaled << fields;
        return 0;
    };
    LogSink::install(options);
    QCOMPARE(LogSink::target(), LogSink::Target::Journal);
    QLoggingCategory::setFilterRules(QStringLiteral("loyaltytill.test.*=true"));
    qCWarning(lcSinkTest).noquote() << "taken";
    qInstallMessageHandler(m_testHandler);
    QVERIFY(echoed.isEmpty()); // the journal took it: nothing on stderr
    QCOMPARE(journaled.size(), 1);
    QCOMPARE(journaled[0].mid(0, 4),
             (QList<QByteArray> {"MESSAGE=taken", "PRIORITY=4", "SYSLOG_IDENTIFIER=loyaltytill",
                                 "QT_CATEGORY=loyaltytill.test.sink"}));
}

void TestLogSink::journalTargetFallsBackToStderrWhenRefused()
{
    qInstallMessageHandler(echo);
    LogSink::Options options;
    options.target = LogSink::Target::Journal;
    options.identifier = QByteArrayLiteral("loyaltytill");
    options.sendToJournal = [](const QList<QByteArray>&) {
        return -ECONNREFUSED;
    };
    LogSink::install(options);
    QLoggingCategory::setFilterRules(QStringLiteral("loyaltytill.test.*=true"));
    qCDebug(lcSinkTest).noquote() << "not lost";
    qInstallMessageHandler(m_testHandler);
    QCOMPARE(echoed, QList<QByteArray> {QByteArray::number(int(QtDebugMsg)) + " not lost"});
}

void TestLogSink::fileLineIsOneLineInUtc()
{
    const QDateTime when(QDate(2024, 5, 1), QTime(11, 30, 0, 123), Qt::OffsetFromUTC, 7200);
    QCOMPARE(LogSink::fileLine(QtWarningMsg, "loyaltytill.sync", QStringLiteral("two\nlines"), when),
             QByteArray("2024-05-01T09:30:00.123Z warning loyaltytill.sync: two\\nlines"));
    QCOMPARE(LogSink::fileLine(QtInfoMsg, nullptr, QStringLiteral("bare"), when),
             QByteArray("2024-05-01T09:30:00.123Z info bare"));
}

void TestLogSink::fileTargetWritesEveryLevelAndEchoesWarnings()
{
    QTemporaryDir dir;
    LogSink::Options options;
    options.target = LogSink::Target::File;
    options.identifier = QByteArrayLiteral("loyaltytill");
    options.folder = dir.filePath(QStringLiteral("logs"));
    qInstallMessageHandler(echo);
    LogSink::install(options);
    QCOMPARE(LogSink::target(), LogSink::Target::File);
    QLoggingCategory::setFilterRules(QStringLiteral("loyaltytill.test.*=true"));
    qCDebug(lcSinkTest) << "routine";
    qCWarning(lcSinkTest).noquote() << "disk nearly full";
    qInstallMessageHandler(m_testHandler);
    // Warnings reach the operator too; debug stays in the file.
    QCOMPARE(echoed, QList<QByteArray> {QByteArray::number(int(QtWarningMsg)) + " disk nearly full"});
    const QList<QByteArray> lines = fileLines(dir.filePath(QStringLiteral("logs/loyaltytill.log")));
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines[0].endsWith("Z debug loyaltytill.test.sink: routine"), lines[0].constData());
    QVERIFY2(lines[1].endsWith("Z warning loyaltytill.test.sink: disk nearly full"), lines[1].constData());
}

void TestLogSink::fileTargetTakesWholeLinesFromManyThreads()
{
    QTemporaryDir dir;
    LogSink::Options options;
    options.target = LogSink::Target::File;
    options.identifier = QByteArrayLiteral("loyaltytill-admin");
    options.folder = dir.path();
    options.fileBytes = 64 * 1024;
    options.filesKept = 50;
    LogSink::install(options);
    QLoggingCategory::setFilterRules(QStringLiteral("loyaltytill.test.*=true"));
    constexpr int Threads = 4;
    constexpr int Messages = 500;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < Threads; ++t) {
        threads.emplace_back(QThread::create([t] {
            for (int i = 0; i < Messages; ++i)
                qCDebug(lcSinkTest).noquote() << QStringLiteral("thread %1 message %2 end").arg(t).arg(i);
        }));
        threads.back()->start();
    }
    for (auto& thread : threads)
        QVERIFY(thread->wait(60000));
    QList<QByteArray> lines;
    for (int number = options.filesKept; number >= 1; --number)
        lines << fileLines(dir.filePath(QStringLiteral("loyaltytill-admin.log.%1").arg(number)));
    lines << fileLines(dir.filePath(QStringLiteral("loyaltytill-admin.log")));
    QCOMPARE(lines.size(), Threads * Messages);
    QList<int> next(Threads, 0);
    for (const QByteArray& line : std::as_const(lines)) {
        const qsizetype at = line.indexOf("thread ");
        QVERIFY2(at > 0 && line.endsWith(" end"), line.constData());
        const QList<QByteArray> words = line.mid(at).split(' ');
        QCOMPARE(words.size(), 5);
        const int t = words[1].toInt();
        QCOMPARE(words[3].toInt(), next[t]++); // each thread's messages whole and in its order
    }
}

QTEST_GUILESS_MAIN(TestLogSink)
#include "tst_logsink.moc"
