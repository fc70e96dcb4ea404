// PromotionSchedule: Square's iCalendar periods on the wall clock of the store's zone (New York here, whose clocks
// move on 10 March and 3 November 2024), expanded by libical; periods Square would refuse or that never fire are
// refused with the field named.
#include "core/domain/PromotionSchedule.h"
#include "tests/support/ResultChecks.h"

#include <QCoreApplication>
#include <QTest>

#include <ctime>

using lt::ErrorKind;
using lt::PromotionSchedule;

namespace {
// Tuesdays 16:00-18:00 from 5 March 2024.
const QString TuesdayAfternoons =
    QStringLiteral("BEGIN:VEVENT\nDTSTART:20240305T160000\nDURATION:PT2H\nRRULE:FREQ=WEEKLY;BYDAY=TU\nEND:VEVENT");

// A moment given in UTC, as the till's clock reads it, seen on the wall clock of the test's zone (New York).
QDateTime local(const char* utc)
{
    return QDateTime::fromString(QString::fromLatin1(utc), Qt::ISODate).toLocalTime();
}
} // namespace

class TestPromotionSchedule : public QObject
{
    Q_OBJECT

private slots:
    void scheduleFollowsTheWallClock_data();
    void scheduleFollowsTheWallClock();
    void badPeriodsAreRefused_data();
    void badPeriodsAreRefused();
    void scheduleKnowsItsDates();
    void adminPeriodsAreWellFormed();
};

void TestPromotionSchedule::scheduleFollowsTheWallClock_data()
{
    QTest::addColumn<QString>("period");
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<bool>("inside");

    QTest::newRow("first Tuesday at the start") << TuesdayAfternoons << local("2024-03-05T21:00:00Z") << true;
    QTest::newRow("first Tuesday just before") << TuesdayAfternoons << local("2024-03-05T20:59:59Z") << false;
    QTest::newRow("first Tuesday last second") << TuesdayAfternoons << local("2024-03-05T22:59:59Z") << true;
    QTest::newRow("first Tuesday at the end") << TuesdayAfternoons << local("2024-03-05T23:00:00Z") << false;
    QTest::newRow("Wednesday afternoon") << TuesdayAfternoons << local("2024-03-06T21:30:00Z") << false;
    QTest::newRow("the week before it starts") << TuesdayAfternoons << local("2024-02-27T21:30:00Z") << false;
    // After New York moved to daylight time, 16:00 local is 20:00 UTC, no longer 21:00.
    QTest::newRow("after DST: 16:00 EDT") << TuesdayAfternoons << local("2024-03-12T20:00:00Z") << true;
    QTest::newRow("after DST: 15:30 EDT") << TuesdayAfternoons << local("2024-03-12T19:30:00Z") << false;
    QTest::newRow("after DST: 17:30 EDT") << TuesdayAfternoons << local("2024-03-12T21:30:00Z") << true;
    QTest::newRow("after DST: 18:00 EDT") << TuesdayAfternoons << local("2024-03-12T22:00:00Z") << false;
    QTest::newRow("months later") << TuesdayAfternoons << local("2025-01-07T21:59:00Z") << true;

    // Sundays 01:00-04:00 on the wall clock, across the night that has no 02:00-03:00.
    const QString night =
        QStringLiteral("DTSTART:20240303T010000\nDURATION:PT3H\nRRULE:FREQ=WEEKLY;BYDAY=SU"); // no BEGIN/END
    QTest::newRow("spring forward: 00:59 EST") << night << local("2024-03-10T05:59:00Z") << false;
    QTest::newRow("spring forward: 01:30 EST") << night << local("2024-03-10T06:30:00Z") << true;
    QTest::newRow("spring forward: 03:30 EDT") << night << local("2024-03-10T07:30:00Z") << true;
    QTest::newRow("spring forward: 04:00 EDT") << night << local("2024-03-10T08:00:00Z") << false;
    // Sundays 01:00-02:00: on the night 01:00-02:00 happens twice, both count.
    const QString repeated =
        QStringLiteral("BEGIN:VEVENT\nDTSTART:20241027T010000\nDURATION:PT1H\nRRULE:FREQ=WEEKLY;BYDAY=SU\nEND:VEVENT");
    QTest::newRow("fall back: first 01:30 (EDT)") << repeated << local("2024-11-03T05:30:00Z") << true;
    QTest::newRow("fall back: second 01:30 (EST)") << repeated << local("2024-11-03T06:30:00Z") << true;
    QTest::newRow("fall back: 02:00 EST") << repeated << local("2024-11-03T07:00:00Z") << false;

    const QString once = QStringLiteral("BEGIN:VEVENT\nDTSTART:20240701T000000\nDURATION:P1D\nEND:VEVENT");
    QTest::newRow("one whole day: noon") << once << QDateTime(QDate(2024, 7, 1), QTime(12, 0)) << true;
    QTest::newRow("one whole day: next midnight") << once << QDateTime(QDate(2024, 7, 2), QTime(0, 0)) << false;
    QTest::newRow("one whole day: the day before") << once << QDateTime(QDate(2024, 6, 30), QTime(23, 59)) << false;

    const QString until = QStringLiteral(
        "BEGIN:VEVENT\nDTSTART:20240301T090000\nDURATION:PT1H\nRRULE:FREQ=DAILY;UNTIL=20240310T235959\nEND:VEVENT");
    QTest::newRow("daily: its last day") << until << QDateTime(QDate(2024, 3, 10), QTime(9, 30)) << true;
    QTest::newRow("daily: after UNTIL") << until << QDateTime(QDate(2024, 3, 11), QTime(9, 30)) << false;
    const QString counted =
        QStringLiteral("BEGIN:VEVENT\nDTSTART:20240301T090000\nDURATION:PT1H\nRRULE:FREQ=DAILY;COUNT=2\nEND:VEVENT");
    QTest::newRow("count: second time") << counted << QDateTime(QDate(2024, 3, 2), QTime(9, 59)) << true;
    QTest::newRow("count: third day") << counted << QDateTime(QDate(2024, 3, 3), QTime(9, 30)) << false;
    const QString evening =
        QStringLiteral("BEGIN:VEVENT\nDTSTART:20240301T220000\nDURATION:PT4H\nRRULE:FREQ=WEEKLY;BYDAY=FR\nEND:VEVENT");
    QTest::newRow("past midnight: Saturday 01:00") << evening << QDateTime(QDate(2024, 3, 9), QTime(1, 0)) << true;
    QTest::newRow("past midnight: Saturday 02:00") << evening << QDateTime(QDate(2024, 3, 9), QTime(2, 0)) << false;
}

void TestPromotionSchedule::scheduleFollowsTheWallClock()
{
    QFETCH(QString, period);
    QFETCH(QDateTime, at);
    QFETCH(bool, inside);
    auto schedule = PromotionSchedule::fromPeriods({period});
    LT_VERIFY_OK(schedule);
    QCOMPARE(schedule->contains(at), inside);
}

void TestPromotionSchedule::badPeriodsAreRefused_data()
{
    QTest::addColumn<QString>("period");
    QTest::addColumn<QString>("says");

    QTest::newRow("UNTIL before DTSTART")
        << QStringLiteral("DTSTART:20240816T160000\nDURATION:PT2H\nRRULE:FREQ=WEEKLY;UNTIL=20200101T000000;BYDAY=TU")
        << QStringLiteral("never fires");
    QTest::newRow("30 February") << QStringLiteral(
        "DTSTART:20240816T160000\nDURATION:PT2H\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")
                                 << QStringLiteral("never fires");
    QTest::newRow("COUNT=0") << QStringLiteral("DTSTART:20240816T160000\nDURATION:PT2H\nRRULE:FREQ=WEEKLY;COUNT=0")
                             << QStringLiteral("RRULE");
    QTest::newRow("unreadable RRULE") << QStringLiteral(
        "DTSTART:20240816T160000\nDURATION:PT2H\nRRULE:FREQ=WEEKLY;BYDAY=XX")
                                      << QStringLiteral("RRULE");
    QTest::newRow("hourly") << QStringLiteral("DTSTART:20240816T160000\nDURATION:PT2H\nRRULE:FREQ=HOURLY")
                            << QStringLiteral("FREQ");
    QTest::newRow("unreadable DURATION") << QStringLiteral("DTSTART:20240816T160000\nDURATION:PTXH")
                                         << QStringLiteral("DURATION");
    QTest::newRow("negative DURATION") << QStringLiteral("DTSTART:20240816T160000\nDURATION:-PT2H")
                                       << QStringLiteral("DURATION");
    QTest::newRow("empty DURATION") << QStringLiteral("DTSTART:20240816T160000\nDURATION:PT0S")
                                    << QStringLiteral("DURATION");
    QTest::newRow("two days") << QStringLiteral("DTSTART:20240816T160000\nDURATION:P2D") << QStringLiteral("DURATION");
    QTest::newRow("no DURATION") << QStringLiteral("DTSTART:20240816T160000") << QStringLiteral("DURATION");
    QTest::newRow("UTC") << QStringLiteral("DTSTART:20240816T160000Z\nDURATION:PT2H") << QStringLiteral("UTC");
    QTest::newRow("time zone") << QStringLiteral("DTSTART;TZID=America/New_York:20240816T160000\nDURATION:PT2H")
                               << QStringLiteral("time zone");
    QTest::newRow("date only") << QStringLiteral("DTSTART;VALUE=DATE:20240816\nDURATION:PT2H")
                               << QStringLiteral("DTSTART");
    QTest::newRow("unreadable DTSTART") << QStringLiteral("DTSTART:2024081\nDURATION:PT2H")
                                        << QStringLiteral("DTSTART");
    QTest::newRow("other property") << QStringLiteral("DTSTART:20240816T160000\nDURATION:PT2H\nSUMMARY:Happy hour")
                                    << QStringLiteral("SUMMARY");
    QTest::newRow("not iCalendar") << QStringLiteral("every Tuesday afternoon") << QStringLiteral("DTSTART");
}

void TestPromotionSchedule::badPeriodsAreRefused()
{
    QFETCH(QString, period);
    QFETCH(QString, says);
    auto schedule = PromotionSchedule::fromPeriods({TuesdayAfternoons, period});
    LT_VERIFY_ERROR(schedule, ErrorKind::InvalidInput);
    QCOMPARE(schedule.error().field, QStringLiteral("available_time.time_periods[1]"));
    QVERIFY2(schedule.error().message.contains(says), qPrintable(schedule.error().message));
    QVERIFY(schedule.error().message.startsWith(QLatin1String("available_time.time_periods[1]: ")));

    LT_VERIFY_ERROR(PromotionSchedule::fromPeriods({}), ErrorKind::InvalidInput);
}

void TestPromotionSchedule::scheduleKnowsItsDates()
{
    auto endless = PromotionSchedule::fromPeriods({TuesdayAfternoons});
    LT_VERIFY_OK(endless);
    QCOMPARE(endless->firstDate(), QDate(2024, 3, 5));
    QVERIFY(!endless->lastDate().isValid());

    // DTSTART on a Monday with BYDAY=TU: the first period is the Tuesday (libical's reading of RFC 5545).
    auto bounded = PromotionSchedule::fromPeriods(
        {QStringLiteral("DTSTART:20240304T160000\nDURATION:PT2H\nRRULE:FREQ=WEEKLY;UNTIL=20240331T235959;BYDAY=TU"),
         QStringLiteral("DTSTART:20240308T230000\nDURATION:PT2H")});
    LT_VERIFY_OK(bounded);
    QCOMPARE(bounded->firstDate(), QDate(2024, 3, 5));
    QCOMPARE(bounded->lastDate(), QDate(2024, 3, 31));
    QVERIFY(!bounded->contains(QDateTime(QDate(2024, 3, 4), QTime(16, 30))));
}

void TestPromotionSchedule::adminPeriodsAreWellFormed()
{
    const QString weekly = PromotionSchedule::periodText(
        QDate(2024, 3, 4), QTime(16, 0), 2 * 3600, {QStringLiteral("TU"), QStringLiteral("TH")}, QDate(2024, 3, 31));
    QCOMPARE(weekly,
             QStringLiteral("BEGIN:VEVENT\nDTSTART:20240304T160000\nDURATION:PT2H\n"
                            "RRULE:FREQ=WEEKLY;UNTIL=20240331T235959;BYDAY=TU,TH\nEND:VEVENT"));
    auto schedule = PromotionSchedule::fromPeriods({weekly});
    LT_VERIFY_OK(schedule);
    QVERIFY(schedule->contains(QDateTime(QDate(2024, 3, 28), QTime(17, 0))));
    QVERIFY(!schedule->contains(QDateTime(QDate(2024, 4, 2), QTime(17, 0))));

    const QString daily = PromotionSchedule::periodText(QDate(2024, 3, 10), QTime(0, 0), 24 * 3600, {}, QDate());
    QCOMPARE(daily,
             QStringLiteral("BEGIN:VEVENT\nDTSTART:20240310T000000\nDURATION:P1D\nRRULE:FREQ=DAILY\nEND:VEVENT"));
    schedule = PromotionSchedule::fromPeriods({daily});
    LT_VERIFY_OK(schedule);
    QVERIFY(schedule->contains(local("2024-03-10T07:30:00Z"))); // the day that lost an hour
    QVERIFY(schedule->contains(QDateTime(QDate(2025, 3, 10), QTime(23, 59))));
}

int main(int argc, char** argv)
{
    // Daylight-saving changes on known dates: set before anything reads the time zone.
    qputenv("TZ", "America/New_York");
    tzset();
    QCoreApplication app(argc, argv);
    TestPromotionSchedule test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_promotionschedule.moc"
