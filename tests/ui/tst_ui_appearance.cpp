// The colours that carry meaning (errors, warnings, good news, the message banner) read at 4.5:1 or more in the light
// and the dark palette, and follow a change of palette while the till runs.

#include "tests/support/ResultChecks.h"
#include "tests/ui/TillHarness.h"
#include "ui/Appearance.h"
#include "ui/widgets/MessageBanner.h"
#include "ui/widgets/StatusLabel.h"

#include <QApplication>
#include <QTest>

using namespace lt;
using namespace lt::test;
using lt::ui::Appearance;
using lt::ui::MessageBanner;
using lt::ui::StatusLabel;

namespace {
constexpr double ReadableContrast = 4.5; // WCAG AA, normal text

// "4.50:1", for failure messages.
const char* ratioText(double ratio)
{
    static QByteArray text;
    text = QByteArray::number(ratio, 'f', 2) + ":1";
    return text.constData();
}

// The label's text colour against the window it is drawn on.
double textContrast(const QWidget& widget)
{
    return Appearance::contrastRatio(widget.palette().color(QPalette::WindowText),
                                     widget.palette().color(QPalette::Window));
}
} // namespace

class TestAppearance : public QObject
{
    Q_OBJECT
private slots:
    void cleanup();
    void meaningfulColoursAreReadable_data();
    void meaningfulColoursAreReadable();
    void bannerIsReadable_data();
    void bannerIsReadable();
    void statusLabelFollowsAPaletteChange();
    void bannerFollowsAPaletteChange();
    void tillErrorIsReadableInTheDarkPalette();
    void contrastRatioOfKnownColours();
};

void TestAppearance::cleanup()
{
    Appearance::apply(*qApp, QStringLiteral("light"));
}

void TestAppearance::meaningfulColoursAreReadable_data()
{
    QTest::addColumn<QString>("palette");
    QTest::newRow("light") << QStringLiteral("light");
    QTest::newRow("dark") << QStringLiteral("dark");
}

void TestAppearance::meaningfulColoursAreReadable()
{
    QFETCH(QString, palette);
    Appearance::apply(*qApp, palette);
    const QPalette colours = QApplication::palette();
    QCOMPARE(Appearance::isDark(colours), palette == QLatin1String("dark"));
    for (const QColor& meaning :
         {Appearance::errorColor(colours), Appearance::warningColor(colours), Appearance::goodNewsColor(colours)}) {
        for (QPalette::ColorRole behind : {QPalette::Window, QPalette::Base}) {
            const double ratio = Appearance::contrastRatio(meaning, colours.color(behind));
            const QByteArray what = meaning.name().toLatin1() + " on " + colours.color(behind).name().toLatin1();
            QVERIFY2(ratio >= ReadableContrast, QByteArray(what + ": " + ratioText(ratio)).constData());
        }
    }
}

void TestAppearance::bannerIsReadable_data()
{
    QTest::addColumn<QString>("palette");
    QTest::addColumn<MessageBanner::Kind>("kind");
    for (const char* palette : {"light", "dark"}) {
        const QString name = QString::fromLatin1(palette);
        QTest::addRow("%s information", palette) << name << MessageBanner::Kind::Information;
        QTest::addRow("%s success", palette) << name << MessageBanner::Kind::Success;
        QTest::addRow("%s error", palette) << name << MessageBanner::Kind::Error;
    }
}

void TestAppearance::bannerIsReadable()
{
    QFETCH(QString, palette);
    QFETCH(MessageBanner::Kind, kind);
    Appearance::apply(*qApp, palette);
    const MessageBanner::Colours colours = MessageBanner::colours(kind, QApplication::palette());
    const double ratio = Appearance::contrastRatio(colours.text, colours.background);
    QVERIFY2(ratio >= ReadableContrast, ratioText(ratio));
    if (kind == MessageBanner::Kind::Error)
        QCOMPARE(colours.text, Appearance::errorColor(QApplication::palette()));
}

void TestAppearance::statusLabelFollowsAPaletteChange()
{
    Appearance::apply(*qApp, QStringLiteral("light"));
    QWidget window;
    auto* error = new StatusLabel(&window);
    auto* warning = new StatusLabel(StatusLabel::Tone::Warning, StatusLabel::Weight::Normal, &window);
    error->setText(QStringLiteral("Wrong staff number or PIN."));
    warning->setText(QStringLiteral("Balance not yet confirmed by Square."));
    window.show();
    const QColor lightError = error->palette().color(QPalette::WindowText);
    QCOMPARE(lightError, Appearance::errorColor(QApplication::palette()));
    QVERIFY2(textContrast(*error) >= ReadableContrast, ratioText(textContrast(*error)));
    QVERIFY(error->font().bold());
    QVERIFY(!warning->font().bold());

    // The manager switches the till to the dark palette while the message is on screen.
    // Qt tells the widgets of a new application palette through the event loop.
    Appearance::apply(*qApp, QStringLiteral("dark"));
    QTRY_VERIFY(error->palette().color(QPalette::WindowText) != lightError);
    QCOMPARE(error->palette().color(QPalette::Window), QApplication::palette().color(QPalette::Window));
    QVERIFY2(textContrast(*error) >= ReadableContrast, ratioText(textContrast(*error)));
    QVERIFY2(textContrast(*warning) >= ReadableContrast, ratioText(textContrast(*warning)));

    Appearance::apply(*qApp, QStringLiteral("light"));
    QTRY_COMPARE(error->palette().color(QPalette::WindowText), lightError);
}

void TestAppearance::bannerFollowsAPaletteChange()
{
    Appearance::apply(*qApp, QStringLiteral("light"));
    QWidget window;
    auto* banner = new MessageBanner(&window);
    banner->show(MessageBanner::Kind::Error, QStringLiteral("That barcode is not one of the store's loyalty cards"));
    window.show();
    QCOMPARE(banner->palette().color(QPalette::WindowText), Appearance::errorColor(QApplication::palette()));

    Appearance::apply(*qApp, QStringLiteral("dark"));
    const MessageBanner::Colours dark = MessageBanner::colours(MessageBanner::Kind::Error, QApplication::palette());
    QTRY_COMPARE(banner->palette().color(QPalette::WindowText), dark.text);
    QCOMPARE(banner->background(), dark.background);
}

void TestAppearance::tillErrorIsReadableInTheDarkPalette()
{
    Appearance::apply(*qApp, QStringLiteral("dark"));
    TillHarness till;
    auto cashier = till.addStaff(QStringLiteral("Sam Cashier"), StaffMember::Role::Cashier, QStringLiteral("2468"));
    LT_VERIFY_OK(cashier);
    QVERIFY(till.openWindow());
    till.typeSignIn(cashier->id, QStringLiteral("1111"));
    const StatusLabel* shown = nullptr;
    for (const StatusLabel* label : till.window().findChildren<StatusLabel*>()) {
        if (label->isVisible() && label->text() == QStringLiteral("Wrong staff number or PIN."))
            shown = label;
    }
    QVERIFY2(shown, "the sign-in error is not shown in a StatusLabel");
    QVERIFY2(textContrast(*shown) >= ReadableContrast, ratioText(textContrast(*shown)));
    till.closeWindow();
}

void TestAppearance::contrastRatioOfKnownColours()
{
    QCOMPARE(qRound(Appearance::contrastRatio(Qt::black, Qt::white) * 100), 2100);
    QCOMPARE(Appearance::contrastRatio(Qt::white, Qt::white), 1.0);
    // #767676 on white is the classic lightest grey that passes AA: 4.54.
    QCOMPARE(qRound(Appearance::contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) * 100), 454);
}

QTEST_MAIN(TestAppearance)
#include "tst_ui_appearance.moc"
