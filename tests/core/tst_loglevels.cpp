// How much the program logs: Qt's filter rules from log.level and log.rules, applied to real categories, and where
// ProcessLog sends the messages and whether info stays out of an admin command's output.
#include "core/logging/LogLevels.h"
#include "core/logging/ProcessLog.h"

#include <QLoggingCategory>
#include <QTest>

using lt::LogLevels;
using lt::LogSink;
using lt::ProcessLog;

namespace {
Q_LOGGING_CATEGORY(lcSync, "loyaltytill.sync")
Q_LOGGING_CATEGORY(lcPull, "loyaltytill.sync.pull")
Q_LOGGING_CATEGORY(lcAdmin, "loyaltytill.admin")
Q_LOGGING_CATEGORY(lcOther, "another.program")

// "d" when debug is on, "i" when info is, "w" when warnings are, for each category.
QString levels(const QLoggingCategory& category)
{
    return QString(category.isDebugEnabled() ? QStringLiteral("d") : QString())
        + (category.isInfoEnabled() ? QStringLiteral("i") : QString())
        + (category.isWarningEnabled() ? QStringLiteral("w") : QString());
}
} // namespace

class TestLogLevels : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QLoggingCategory::setFilterRules(QString()); }
    void levelSetsTheProgramsCategories_data();
    void levelSetsTheProgramsCategories();
    void itsRulesComeAfterTheLevel();
    void rulesAreTheLevelsThenIts();
    void targetFollowsTheRequestThenTheJournal_data();
    void targetFollowsTheRequestThenTheJournal();
    void onlyTheAdminKeepsInfoFromItsOperator();
};

void TestLogLevels::levelSetsTheProgramsCategories_data()
{
    QTest::addColumn<QString>("level");
    QTest::addColumn<bool>("operatorOutput");
    QTest::addColumn<QString>("expected");
    QTest::newRow("warning") << QStringLiteral("warning") << false << QStringLiteral("w");
    QTest::newRow("info") << QStringLiteral("info") << false << QStringLiteral("iw");
    QTest::newRow("debug") << QStringLiteral("debug") << false << QStringLiteral("diw");
    QTest::newRow("warning, operator") << QStringLiteral("warning") << true << QStringLiteral("w");
    QTest::newRow("info, operator") << QStringLiteral("info") << true << QStringLiteral("w");
    QTest::newRow("debug, operator") << QStringLiteral("debug") << true << QStringLiteral("diw");
}

void TestLogLevels::levelSetsTheProgramsCategories()
{
    QFETCH(QString, level);
    QFETCH(bool, operatorOutput);
    QFETCH(QString, expected);
    QLoggingCategory::setFilterRules(
        LogLevels::rules(level, QString(), operatorOutput ? LogLevels::Output::Operator : LogLevels::Output::Journal));
    QCOMPARE(levels(lcSync()), expected);
    QCOMPARE(levels(lcPull()), expected);
    QCOMPARE(levels(lcAdmin()), expected);
    QCOMPARE(levels(lcOther()), QStringLiteral("diw")); // not the program's: Qt's defaults stay
}

void TestLogLevels::itsRulesComeAfterTheLevel()
{
    QLoggingCategory::setFilterRules(
        LogLevels::rules(QStringLiteral("warning"),
                         QStringLiteral(" loyaltytill.sync.pull.debug=true ;;loyaltytill.admin.warning=false;")));
    QCOMPARE(levels(lcPull()), QStringLiteral("dw"));
    QCOMPARE(levels(lcSync()), QStringLiteral("w"));
    QCOMPARE(levels(lcAdmin()), QString());
}

void TestLogLevels::rulesAreTheLevelsThenIts()
{
    QCOMPARE(LogLevels::rules(QStringLiteral("info"), QStringLiteral("loyaltytill.sync.debug=true")),
             QStringLiteral("loyaltytill.*.debug=false\nloyaltytill.*.info=true\nloyaltytill.sync.debug=true"));
    QCOMPARE(LogLevels::rules(QStringLiteral("warning"), QString(), LogLevels::Output::Operator),
             QStringLiteral("loyaltytill.*.debug=false\nloyaltytill.*.info=false"));
}

void TestLogLevels::targetFollowsTheRequestThenTheJournal_data()
{
    QTest::addColumn<QByteArray>("requested");
    QTest::addColumn<bool>("stderrIsJournal");
    QTest::addColumn<int>("target");
    QTest::newRow("journal's stderr") << QByteArray() << true << int(LogSink::Target::Journal);
    QTest::newRow("a terminal or pipe") << QByteArray() << false << int(LogSink::Target::Stderr);
    QTest::newRow("journal asked") << QByteArray("journal") << false << int(LogSink::Target::Journal);
    QTest::newRow("stderr asked") << QByteArray("stderr") << true << int(LogSink::Target::Stderr);
    QTest::newRow("unknown asked") << QByteArray("syslog") << false << int(LogSink::Target::Stderr);
}

void TestLogLevels::targetFollowsTheRequestThenTheJournal()
{
    QFETCH(QByteArray, requested);
    QFETCH(bool, stderrIsJournal);
    QFETCH(int, target);
    QCOMPARE(int(ProcessLog::target(requested, stderrIsJournal)), target);
}

void TestLogLevels::onlyTheAdminKeepsInfoFromItsOperator()
{
    using Program = ProcessLog::Program;
    QCOMPARE(ProcessLog::output(Program::Admin, LogSink::Target::Stderr), LogLevels::Output::Operator);
    QCOMPARE(ProcessLog::output(Program::Admin, LogSink::Target::Journal), LogLevels::Output::Journal);
    QCOMPARE(ProcessLog::output(Program::Till, LogSink::Target::Stderr), LogLevels::Output::Journal);
    QCOMPARE(ProcessLog::identifier(Program::Till), QByteArray("loyaltytill"));
    QCOMPARE(ProcessLog::identifier(Program::Admin), QByteArray("loyaltytill-admin"));
}

QTEST_GUILESS_MAIN(TestLogLevels)
#include "tst_loglevels.moc"
