#include "core/domain/ExpiryRules.h"

#include <QStringList>
#include <QTest>

using lt::DatedPoints;
using lt::ExpiringPoints;
using lt::ExpiryRules;

namespace {
QDate day(const QString& iso)
{
    return QDate::fromString(iso, Qt::ISODate);
}

// "2023-01-10 +100, 2023-03-01 -120": a member's ledger, in the order it was recorded.
QList<DatedPoints> ledger(const char* text)
{
    QList<DatedPoints> entries;
    for (const QString& item : QString::fromLatin1(text).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList parts = item.trimmed().split(QLatin1Char(' '));
        entries << DatedPoints {day(parts.at(0)), parts.at(1).toLongLong()};
    }
    return entries;
}

// "30@2024-02-29 80@2024-04-30", or "-" for none.
QString describe(const QList<ExpiringPoints>& list)
{
    QStringList items;
    for (const ExpiringPoints& lot : list)
        items << QStringLiteral("%1@%2").arg(lot.points).arg(lot.expiresAt.toString(Qt::ISODate));
    return items.isEmpty() ? QStringLiteral("-") : items.join(QLatin1Char(' '));
}
} // namespace

class TestExpiryRules : public QObject
{
    Q_OBJECT

private slots:
    void expiresAtTheEndOfTheMonth_data();
    void expiresAtTheEndOfTheMonth();
    void lots_data();
    void lots();
};

void TestExpiryRules::expiresAtTheEndOfTheMonth_data()
{
    QTest::addColumn<int>("months");
    QTest::addColumn<QString>("earnedOn");
    QTest::addColumn<QString>("expiresAt");

    QTest::newRow("a year") << 12 << "2023-01-10"
                            << "2024-01-31";
    QTest::newRow("first of the month") << 12 << "2023-05-01"
                                        << "2024-05-31";
    QTest::newRow("the 31st into a 30-day month") << 1 << "2023-03-31"
                                                  << "2023-04-30";
    QTest::newRow("the 31st into February") << 1 << "2023-01-31"
                                            << "2023-02-28";
    QTest::newRow("the 31st into a leap February") << 1 << "2024-01-31"
                                                   << "2024-02-29";
    QTest::newRow("29 February, a year on") << 12 << "2024-02-29"
                                            << "2025-02-28";
    QTest::newRow("into 29 February") << 12 << "2023-02-15"
                                      << "2024-02-29";
    QTest::newRow("across the year") << 3 << "2023-11-30"
                                     << "2024-02-29";
    QTest::newRow("the longest policy") << 120 << "2024-12-31"
                                        << "2034-12-31";
}

void TestExpiryRules::expiresAtTheEndOfTheMonth()
{
    QFETCH(int, months);
    QFETCH(QString, earnedOn);
    QFETCH(QString, expiresAt);
    const ExpiryRules rules(months);
    QCOMPARE(rules.expiresAt(day(earnedOn)), day(expiresAt));
    const QDate earned = day(earnedOn);
    QCOMPARE(rules.earnedIn(day(expiresAt)), QDate(earned.year(), earned.month(), 1));
}

void TestExpiryRules::lots_data()
{
    QTest::addColumn<int>("months");
    QTest::addColumn<QString>("entries");
    QTest::addColumn<QString>("on");
    QTest::addColumn<QString>("live");
    QTest::addColumn<QString>("due");

    QTest::newRow("nothing earned") << 12 << ""
                                    << "2024-02-01"
                                    << "-"
                                    << "-";
    QTest::newRow("valid through the last day") << 12 << "2023-01-10 +100"
                                                << "2024-01-31"
                                                << "100@2024-01-31"
                                                << "-";
    QTest::newRow("due the day after") << 12 << "2023-01-10 +100"
                                       << "2024-02-01"
                                       << "100@2024-01-31"
                                       << "100@2024-01-31";
    QTest::newRow("a week late, the same points") << 12 << "2023-01-10 +100"
                                                  << "2024-02-08"
                                                  << "100@2024-01-31"
                                                  << "100@2024-01-31";
    QTest::newRow("one month, one lot") << 12 << "2023-01-02 +10, 2023-01-30 +20"
                                        << "2023-06-01"
                                        << "30@2024-01-31"
                                        << "-";
    QTest::newRow("oldest first") << 12 << "2023-01-10 +100, 2023-02-10 +50, 2023-03-01 -120"
                                  << "2024-02-01"
                                  << "30@2024-02-29"
                                  << "-";
    QTest::newRow("oldest first, later due") << 12 << "2023-01-10 +100, 2023-02-10 +50, 2023-03-01 -120"
                                             << "2024-03-01"
                                             << "30@2024-02-29"
                                             << "30@2024-02-29";
    QTest::newRow("partial spends") << 12 << "2023-01-10 +100, 2023-02-01 -30, 2023-03-01 -20, 2023-04-05 +80"
                                    << "2024-02-01"
                                    << "50@2024-01-31 80@2024-04-30"
                                    << "50@2024-01-31";
    QTest::newRow("a spend of exactly one lot") << 12 << "2023-01-10 +100, 2023-02-10 +50, 2023-02-11 -100"
                                                << "2024-03-01"
                                                << "50@2024-02-29"
                                                << "50@2024-02-29";
    QTest::newRow("everything spent") << 12 << "2023-01-10 +100, 2023-02-10 -100"
                                      << "2025-01-01"
                                      << "-"
                                      << "-";
    QTest::newRow("earned on the 31st") << 1 << "2023-01-31 +100"
                                        << "2023-02-28"
                                        << "100@2023-02-28"
                                        << "-";
    QTest::newRow("earned on the 31st, due in March") << 1 << "2023-01-31 +100"
                                                      << "2023-03-01"
                                                      << "100@2023-02-28"
                                                      << "100@2023-02-28";
    QTest::newRow("leap day earned") << 12 << "2024-02-29 +100"
                                     << "2025-03-01"
                                     << "100@2025-02-28"
                                     << "100@2025-02-28";
    QTest::newRow("valid through 29 February") << 12 << "2023-02-15 +100"
                                               << "2024-02-29"
                                               << "100@2024-02-29"
                                               << "-";
    // A refund takes back points like any spending: from the oldest lot, not from the sale's own month.
    QTest::newRow("a refund") << 12 << "2023-01-10 +100, 2023-06-10 +60, 2023-06-12 -40"
                              << "2024-02-01"
                              << "60@2024-01-31 60@2024-06-30"
                              << "60@2024-01-31";
    // More spent than earned: the next points pay the debt first.
    QTest::newRow("a negative balance") << 12 << "2023-01-10 +50, 2023-02-10 -80"
                                        << "2025-01-01"
                                        << "-"
                                        << "-";
    QTest::newRow("a negative balance paid back") << 12 << "2023-01-10 +50, 2023-02-10 -80, 2023-03-10 +100"
                                                  << "2024-04-01"
                                                  << "70@2024-03-31"
                                                  << "70@2024-03-31";
    QTest::newRow("an expiry already recorded") << 12 << "2023-01-10 +100, 2023-03-10 +40, 2024-02-01 -100"
                                                << "2024-02-02"
                                                << "40@2024-03-31"
                                                << "-";
    QTest::newRow("an expiry recorded, the next due") << 12 << "2023-01-10 +100, 2023-03-10 +40, 2024-02-01 -100"
                                                      << "2024-04-01"
                                                      << "40@2024-03-31"
                                                      << "40@2024-03-31";
    // Square expired part of a lot (its own reckoning): the rest of the oldest lot is still what goes first.
    QTest::newRow("a partial expiry from Square") << 12 << "2023-01-10 +100, 2023-03-10 +40, 2024-02-01 -70"
                                                  << "2024-02-02"
                                                  << "30@2024-01-31 40@2024-03-31"
                                                  << "30@2024-01-31";
    // A spending after a lot's last day but before its expiry is recorded still takes that lot.
    QTest::newRow("a spend before the expiry ran") << 12 << "2023-01-10 +100, 2023-05-10 +40, 2024-02-01 -30"
                                                   << "2024-02-02"
                                                   << "70@2024-01-31 40@2024-05-31"
                                                   << "70@2024-01-31";
    QTest::newRow("entries after the date") << 12 << "2023-01-10 +100, 2023-05-10 -40"
                                            << "2023-03-01"
                                            << "100@2024-01-31"
                                            << "-";
    // A back-dated entry (a clock set wrong) still joins the lot of its month, in order.
    QTest::newRow("recorded out of order") << 12 << "2023-03-05 +10, 2023-01-05 +20, 2023-04-01 -5"
                                           << "2024-02-01"
                                           << "15@2024-01-31 10@2024-03-31"
                                           << "15@2024-01-31";
    QTest::newRow("a week of months missed") << 1 << "2023-01-05 +10, 2023-02-05 +20, 2023-03-05 +30"
                                             << "2023-04-08"
                                             << "10@2023-02-28 20@2023-03-31 30@2023-04-30"
                                             << "10@2023-02-28 20@2023-03-31";
}

void TestExpiryRules::lots()
{
    QFETCH(int, months);
    QFETCH(QString, entries);
    QFETCH(QString, on);
    QFETCH(QString, live);
    QFETCH(QString, due);
    const ExpiryRules rules(months);
    const QList<DatedPoints> history = ledger(entries.toLatin1().constData());
    const QList<ExpiringPoints> liveLots = rules.live(history, day(on));
    QCOMPARE(describe(liveLots), live);
    QCOMPARE(describe(rules.due(history, day(on))), due);
    // What is live adds up to the balance when it is positive (Square's expiring_point_deadlines).
    qint64 balance = 0;
    for (const DatedPoints& entry : history)
        balance += entry.on <= day(on) ? entry.points : 0;
    QCOMPARE(ExpiryRules::total(liveLots), std::max<qint64>(balance, 0));
}

QTEST_GUILESS_MAIN(TestExpiryRules)
#include "tst_expiryrules.moc"
