// The log file where there is no journal (Windows): plain files, so checked here. It never grows past its limit,
// keeps the newest files only, and takes whole lines from several threads.
#include "core/logging/RotatingLogFile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

using lt::RotatingLogFile;

namespace {
QByteArray content(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestRotatingLogFile : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void appendsWholeLines();
    void rotatesPastTheLimitAndKeepsTheNewest();
    void keepingNoneStartsAfresh();
    void aLineLongerThanTheLimitGetsAFileOfItsOwn();
    void anExistingFileCountsTowardsTheLimit();
    void aFolderThatCannotBeMadeIsReported();
    void linesFromManyThreadsStayWhole();

private:
    QString logPath() const { return m_dir->filePath(QStringLiteral("logs/loyaltytill.log")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestRotatingLogFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestRotatingLogFile::appendsWholeLines()
{
    RotatingLogFile log(logPath(), 1000, 3);
    QVERIFY(log.append("first"));
    QVERIFY(log.append("second\n"));
    QCOMPARE(content(logPath()), QByteArray("first\nsecond\n")); // the folder is made; every line ends
}

void TestRotatingLogFile::rotatesPastTheLimitAndKeepsTheNewest()
{
    RotatingLogFile log(logPath(), 20, 2);
    for (int i = 0; i < 8; ++i)
        QVERIFY(
            log.append(QByteArray(QByteArray("line ") + QByteArray::number(i) + " ...."))); // 12 bytes with its newline
    // One line per file: 12 + 12 would pass 20. The two before the current one are kept, older ones deleted.
    QCOMPARE(content(logPath()), QByteArray("line 7 ....\n"));
    QCOMPARE(content(log.rotatedPath(1)), QByteArray("line 6 ....\n"));
    QCOMPARE(content(log.rotatedPath(2)), QByteArray("line 5 ....\n"));
    QVERIFY(!QFile::exists(log.rotatedPath(3)));
}

void TestRotatingLogFile::keepingNoneStartsAfresh()
{
    RotatingLogFile log(logPath(), 10, 0);
    QVERIFY(log.append("12345"));
    QVERIFY(log.append("abcde"));
    QCOMPARE(content(logPath()), QByteArray("abcde\n"));
    QVERIFY(!QFile::exists(log.rotatedPath(1)));
}

void TestRotatingLogFile::aLineLongerThanTheLimitGetsAFileOfItsOwn()
{
    RotatingLogFile log(logPath(), 10, 3);
    QVERIFY(log.append("short"));
    QVERIFY(log.append("a line much longer than ten bytes"));
    QVERIFY(log.append("next"));
    QCOMPARE(content(log.rotatedPath(2)), QByteArray("short\n"));
    QCOMPARE(content(log.rotatedPath(1)), QByteArray("a line much longer than ten bytes\n"));
    QCOMPARE(content(logPath()), QByteArray("next\n"));
}

void TestRotatingLogFile::anExistingFileCountsTowardsTheLimit()
{
    {
        RotatingLogFile earlier(logPath(), 30, 1);
        QVERIFY(earlier.append("from the last run ...")); // 22 bytes
    }
    RotatingLogFile log(logPath(), 30, 1);
    QVERIFY(log.append("this run ....."));
    QCOMPARE(content(log.rotatedPath(1)), QByteArray("from the last run ...\n"));
    QCOMPARE(content(logPath()), QByteArray("this run .....\n"));
}

void TestRotatingLogFile::aFolderThatCannotBeMadeIsReported()
{
    const QString blocker = m_dir->filePath(QStringLiteral("file"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    RotatingLogFile log(blocker + QStringLiteral("/logs/loyaltytill.log"), 100, 1);
    QVERIFY(!log.append("lost"));
}

void TestRotatingLogFile::linesFromManyThreadsStayWhole()
{
    constexpr int Threads = 4;
    constexpr int Lines = 400;
    RotatingLogFile log(logPath(), 4096, 100);
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < Threads; ++t) {
        threads.emplace_back(QThread::create([&log, t] {
            for (int i = 0; i < Lines; ++i)
                log.append(QByteArray(QByteArray("thread ") + QByteArray::number(t) + " line " + QByteArray::number(i)
                                      + " end"));
        }));
        threads.back()->start();
    }
    for (auto& thread : threads)
        QVERIFY(thread->wait(60000));
    QByteArray all;
    for (int number = 100; number >= 1; --number)
        all += content(log.rotatedPath(number));
    all += content(logPath());
    QList<QByteArray> lines = all.split('\n');
    QCOMPARE(lines.takeLast(), QByteArray());
    QCOMPARE(lines.size(), Threads * Lines);
    QList<int> next(Threads, 0);
    for (const QByteArray& line : std::as_const(lines)) {
        const QList<QByteArray> words = line.split(' ');
        QVERIFY2(words.size() == 5 && words[0] == "thread" && words[4] == "end", line.constData());
        QCOMPARE(words[3].toInt(), next[words[1].toInt()]++);
    }
    for (int number = 1; number <= 100; ++number)
        QVERIFY(QFileInfo(log.rotatedPath(number)).size() <= 4096);
}

QTEST_GUILESS_MAIN(TestRotatingLogFile)
#include "tst_rotatinglogfile.moc"
