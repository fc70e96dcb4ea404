#include "core/analytics/RfmSegments.h"
#include "tests/support/ResultChecks.h"

#include <QSet>
#include <QTest>

#include <algorithm>

using lt::ErrorKind;
using lt::MemberAction;
using lt::RfmInput;
using lt::RfmScore;
using lt::RfmSegment;
using lt::RfmSegments;

namespace {

QString describe(const RfmScore& score)
{
    return QStringLiteral("%1: R%2 F%3 M%4 %5")
        .arg(score.memberId)
        .arg(score.recency)
        .arg(score.frequency)
        .arg(score.monetary)
        .arg(RfmSegments::id(score.segment));
}

QStringList describe(const QList<RfmScore>& scores)
{
    QStringList lines;
    for (const RfmScore& score : scores)
        lines << describe(score);
    return lines;
}

// Ten members whose scores are worked out by hand below.
const QList<RfmInput> kTenMembers {
    {1, 1, 12, 50000}, {2, 3, 8, 30000}, {3, 3, 8, 20000}, {4, 10, 5, 20000}, {5, 20, 4, 15000},
    {6, 30, 2, 9000},  {7, 45, 2, 9000}, {8, 60, 1, 5000}, {9, 90, 1, 1000},  {10, 200, 0, 0},
};

} // namespace

class TestRfmSegments : public QObject
{
    Q_OBJECT

private slots:
    void scoresByQuintilesWithTiesSharingTheLowerScore();
    void scoresDoNotDependOnOrder();
    void scoresEveryCorner();
    void readsTheGrid_data();
    void readsTheGrid();
    void namesSegmentsAndActions();
    void findsLapsedMembers();
    void findsMembersNearlyThere();
    void refusesBadInput();
};

void TestRfmSegments::scoresByQuintilesWithTiesSharingTheLowerScore()
{
    // score = 1 + ⌊5 × (members strictly worse) / 10⌋ = 1 + ⌊worse / 2⌋.
    // Recency (days, fewer is better): 1 3 3 10 20 30 45 60 90 200; members 2 and 3 tie at 3 days: 7 members are
    // worse than either, so both score 4 (a strict ranking would have split them into 4 and 5).
    // Frequency (more is better): 0 1 1 2 2 4 5 8 8 12; the tie at 8 has 7 below it (score 4), at 2 has 3 (score 2),
    // at 1 has 1 (score 1).
    // Monetary (more is better): 0 1000 5000 9000 9000 15000 20000 20000 30000 50000; the tie at 20000 has 6 below
    // (score 4), at 9000 has 3 (score 2).
    const lt::Result<QList<RfmScore>> scores = RfmSegments::score(kTenMembers);
    LT_VERIFY_OK(scores);
    const QStringList expected {
        QStringLiteral("1: R5 F5 M5 champions"),
        QStringLiteral("2: R4 F4 M5 loyal"),
        QStringLiteral("3: R4 F4 M4 loyal"),
        QStringLiteral("4: R4 F4 M4 loyal"),
        QStringLiteral("5: R3 F3 M3 needs_attention"),
        QStringLiteral("6: R3 F2 M2 needs_attention"),
        QStringLiteral("7: R2 F2 M2 hibernating"),
        QStringLiteral("8: R2 F1 M2 hibernating"),
        QStringLiteral("9: R1 F1 M1 lost"),
        QStringLiteral("10: R1 F1 M1 lost"),
    };
    QCOMPARE(describe(*scores), expected);
}

void TestRfmSegments::scoresDoNotDependOnOrder()
{
    QList<RfmInput> reversed = kTenMembers;
    std::reverse(reversed.begin(), reversed.end());
    QList<RfmScore> scores = RfmSegments::score(reversed).value();
    std::reverse(scores.begin(), scores.end());
    QCOMPARE(scores, RfmSegments::score(kTenMembers).value());
}

void TestRfmSegments::scoresEveryCorner()
{
    // Five members, one per quintile, recency and frequency in opposite orders: the promising newcomer and the
    // regulars who stopped coming.
    const QList<RfmInput> members {{1, 1, 1, 100}, {2, 2, 2, 200}, {3, 3, 3, 300}, {4, 4, 4, 400}, {5, 5, 5, -50}};
    const QStringList expected {
        QStringLiteral("1: R5 F1 M2 promising"),       QStringLiteral("2: R4 F2 M3 promising"),
        QStringLiteral("3: R3 F3 M4 needs_attention"), QStringLiteral("4: R2 F4 M5 at_risk"),
        QStringLiteral("5: R1 F5 M1 at_risk"), // refunds above sales: the lowest monetary score
    };
    QCOMPARE(describe(RfmSegments::score(members).value()), expected);
    // Everyone tied: everyone scores 1 on everything, and is lost.
    const QList<RfmScore> tied = RfmSegments::score({{1, 7, 2, 500}, {2, 7, 2, 500}, {3, 7, 2, 500}}).value();
    QCOMPARE(describe(tied),
             QStringList({QStringLiteral("1: R1 F1 M1 lost"), QStringLiteral("2: R1 F1 M1 lost"),
                          QStringLiteral("3: R1 F1 M1 lost")}));
    // A single member is worse than nobody; no member, no score.
    QCOMPARE(describe(RfmSegments::score({{1, 0, 1, 10}}).value()), QStringList({QStringLiteral("1: R1 F1 M1 lost")}));
    QVERIFY(RfmSegments::score({}).value().isEmpty());
}

void TestRfmSegments::readsTheGrid_data()
{
    QTest::addColumn<int>("recency");
    QTest::addColumn<QString>("row"); // the segments for F = 1 to 5
    QTest::newRow("R5") << 5 << "promising promising promising champions champions";
    QTest::newRow("R4") << 4 << "promising promising promising loyal loyal";
    QTest::newRow("R3") << 3 << "needs_attention needs_attention needs_attention loyal loyal";
    QTest::newRow("R2") << 2 << "hibernating hibernating at_risk at_risk at_risk";
    QTest::newRow("R1") << 1 << "lost lost at_risk at_risk at_risk";
}

void TestRfmSegments::readsTheGrid()
{
    QFETCH(int, recency);
    QFETCH(QString, row);
    QStringList segments;
    for (int frequency = 1; frequency <= 5; ++frequency)
        segments << RfmSegments::id(RfmSegments::segmentFor(recency, frequency));
    QCOMPARE(segments.join(QLatin1Char(' ')), row);
}

void TestRfmSegments::namesSegmentsAndActions()
{
    QSet<QString> ids;
    QSet<int> reached;
    for (int recency = 1; recency <= 5; ++recency) {
        for (int frequency = 1; frequency <= 5; ++frequency)
            reached.insert(static_cast<int>(RfmSegments::segmentFor(recency, frequency)));
    }
    const QList<RfmSegment> all = RfmSegments::allSegments();
    QCOMPARE(all.size(), 7);
    QCOMPARE(reached.size(), 7); // every segment has at least one cell of the grid
    for (const RfmSegment segment : all) {
        ids.insert(RfmSegments::id(segment));
        QCOMPARE(RfmSegments::fromId(RfmSegments::id(segment)), std::optional<RfmSegment>(segment));
        QVERIFY(!RfmSegments::displayName(segment).isEmpty());
    }
    QCOMPARE(ids,
             QSet<QString>({QStringLiteral("champions"), QStringLiteral("loyal"), QStringLiteral("promising"),
                            QStringLiteral("needs_attention"), QStringLiteral("at_risk"), QStringLiteral("hibernating"),
                            QStringLiteral("lost")}));
    QCOMPARE(RfmSegments::displayName(RfmSegment::NeedsAttention), QStringLiteral("Needs attention"));
    QVERIFY(!RfmSegments::fromId(QStringLiteral("Champions")));
    QCOMPARE(RfmSegments::id(MemberAction::Lapsed), QStringLiteral("lapsed"));
    QCOMPARE(RfmSegments::id(MemberAction::NearlyThere), QStringLiteral("nearly_there"));
    QCOMPARE(RfmSegments::displayName(MemberAction::NearlyThere), QStringLiteral("Nearly there"));
    // Scores out of range are read at the nearest edge of the grid.
    QCOMPARE(RfmSegments::segmentFor(9, 0), RfmSegment::Promising);
}

void TestRfmSegments::findsLapsedMembers()
{
    const QDate today(2024, 6, 30);
    // Six months back is 2023-12-30 (not counted), six weeks back 2024-05-19 (not counted: the quiet six weeks are
    // 20 May to 30 June).
    const QList<QDate> three {QDate(2024, 1, 5), QDate(2024, 3, 1), QDate(2024, 5, 19)};
    QVERIFY(RfmSegments::isLapsed(three, today));
    QVERIFY(!RfmSegments::isLapsed(three + QList<QDate> {QDate(2024, 5, 20)}, today)); // bought in the six weeks
    QVERIFY(!RfmSegments::isLapsed({QDate(2023, 12, 30), QDate(2024, 3, 1), QDate(2024, 5, 1)}, today));
    QVERIFY(RfmSegments::isLapsed({QDate(2023, 12, 31), QDate(2024, 3, 1), QDate(2024, 5, 1)}, today));
    QVERIFY(RfmSegments::isLapsed(three + QList<QDate> {QDate(2024, 7, 2)}, today)); // not yet happened
    QVERIFY(!RfmSegments::isLapsed({}, today));
    QVERIFY(RfmSegments::isLapsed(3, 0));
    QVERIFY(!RfmSegments::isLapsed(2, 0));
    QVERIFY(!RfmSegments::isLapsed(5, 1));
}

void TestRfmSegments::findsMembersNearlyThere()
{
    const QList<qint64> rewards {200, 50, 100};
    QCOMPARE(RfmSegments::nearlyThereReward(90, rewards), std::optional<qint64>(100)); // exactly 90 %
    QCOMPARE(RfmSegments::nearlyThereReward(89, rewards), std::optional<qint64>());
    QCOMPARE(RfmSegments::nearlyThereReward(180, rewards), std::optional<qint64>(200));
    QCOMPARE(RfmSegments::nearlyThereReward(100, rewards), std::optional<qint64>()); // 100 is affordable; 200 is far
    QCOMPARE(RfmSegments::nearlyThereReward(100, {100, 110}), std::optional<qint64>(110));
    QCOMPARE(RfmSegments::nearlyThereReward(250, rewards), std::optional<qint64>()); // everything is affordable
    QCOMPARE(RfmSegments::nearlyThereReward(0, {1}), std::optional<qint64>());
    QCOMPARE(RfmSegments::nearlyThereReward(45, {}), std::optional<qint64>());
}

void TestRfmSegments::refusesBadInput()
{
    LT_VERIFY_ERROR(RfmSegments::score({{1, -1, 2, 100}}), ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(RfmSegments::score({{1, 5, 2, 100}, {2, 5, -2, 100}}), ErrorKind::InvalidInput);
}

QTEST_GUILESS_MAIN(TestRfmSegments)
#include "tst_rfmsegments.moc"
