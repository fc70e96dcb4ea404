// Telling a barcode scanner's burst from a person typing, from the times of the keys alone.

#include "ui/input/KeystrokeClassifier.h"

#include <QTest>

using lt::ui::KeystrokeClassifier;

class TestKeystrokeClassifier : public QObject
{
    Q_OBJECT
private slots:
    void isScan_data();
    void isScan();
    void resetForgetsEarlierKeys();
    void customThresholds();
    void timeGoingBackIsNoBurst();
};

namespace {
// `count` keys `gapMs` apart starting at 1000 ms; returns the time of the last one.
qint64 pressEvenly(KeystrokeClassifier& classifier, int count, qint64 gapMs)
{
    qint64 t = 1000;
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            t += gapMs;
        classifier.keyPressed(t);
    }
    return t;
}
} // namespace

void TestKeystrokeClassifier::isScan_data()
{
    QTest::addColumn<int>("keys");
    QTest::addColumn<int>("gapMs");
    QTest::addColumn<int>("enterGapMs");
    QTest::addColumn<bool>("scan");

    QTest::newRow("EAN-13 card, 2 ms a key") << 13 << 2 << 2 << true;
    QTest::newRow("keys at once (buffered burst)") << 13 << 0 << 0 << true;
    QTest::newRow("slow scanner at the limit") << 13 << 35 << 35 << true;
    QTest::newRow("one step over the limit") << 13 << 36 << 5 << false;
    QTest::newRow("Enter after the limit") << 13 << 5 << 36 << false;
    QTest::newRow("shortest scan") << 6 << 10 << 10 << true;
    QTest::newRow("five quick keys are a person") << 5 << 10 << 10 << false;
    QTest::newRow("person typing a phone number") << 10 << 120 << 200 << false;
    QTest::newRow("fast typist") << 10 << 50 << 60 << false;
    QTest::newRow("burst then a person's Enter") << 13 << 3 << 400 << false;
    QTest::newRow("nothing typed") << 0 << 0 << 0 << false;
}

void TestKeystrokeClassifier::isScan()
{
    QFETCH(int, keys);
    QFETCH(int, gapMs);
    QFETCH(int, enterGapMs);
    QFETCH(bool, scan);

    KeystrokeClassifier classifier;
    const qint64 last = pressEvenly(classifier, keys, gapMs);
    QCOMPARE(classifier.isScan(last + enterGapMs), scan);
}

void TestKeystrokeClassifier::resetForgetsEarlierKeys()
{
    KeystrokeClassifier classifier;
    // A person typed two keys slowly, then cleared the line; a scan follows.
    classifier.keyPressed(0);
    classifier.keyPressed(400);
    classifier.reset();
    const qint64 last = pressEvenly(classifier, 13, 3);
    QVERIFY(classifier.isScan(last + 3));

    // Without the reset the slow keys spoil the burst.
    KeystrokeClassifier unreset;
    unreset.keyPressed(0);
    unreset.keyPressed(400);
    const qint64 end = pressEvenly(unreset, 13, 3);
    QVERIFY(!unreset.isScan(end + 3));
}

void TestKeystrokeClassifier::customThresholds()
{
    KeystrokeClassifier::Thresholds thresholds;
    thresholds.maximumGapMs = 80;
    thresholds.minimumLength = 3;
    KeystrokeClassifier classifier(thresholds);
    const qint64 last = pressEvenly(classifier, 4, 60);
    QVERIFY(classifier.isScan(last + 60));
    QVERIFY(!classifier.isScan(last + 81));
}

void TestKeystrokeClassifier::timeGoingBackIsNoBurst()
{
    // The window system's millisecond clock is 32 bits wide and wraps after 49 days.
    KeystrokeClassifier classifier;
    const qint64 wrap = qint64(1) << 32;
    const qint64 last = pressEvenly(classifier, 12, 3);
    classifier.keyPressed(last - wrap + 3);
    QVERIFY(!classifier.isScan(last - wrap + 6));

    KeystrokeClassifier enterBefore;
    const qint64 end = pressEvenly(enterBefore, 13, 3);
    QVERIFY(!enterBefore.isScan(end - 1));
}

QTEST_APPLESS_MAIN(TestKeystrokeClassifier)
#include "tst_ui_keystrokeclassifier.moc"
