// A kiosk till in a bare X session: Xvfb with no window manager (xvfb-run), the till's real window on the xcb
// platform, and real X key events from xdotool, which X delivers to the window holding the input focus. Without
// FocusKeeper nobody gives the window that focus, and the function keys and Esc do nothing until a click.
#include "tests/ui/TillHarness.h"
#include "ui/input/FocusKeeper.h"

#include <QApplication>
#include <QLineEdit>
#include <QProcess>
#include <QTest>
#include <QTimer>

#include <memory>

using lt::test::TillHarness;

class TestBareX : public QObject
{
    Q_OBJECT

private:
    // xdotool's commands, run as one process (its `sleep` keeps the order while the till's dialogs run). Not waited
    // for here: the till handles the keys as they come, with its event loop running, as at a real till.
    static std::unique_ptr<QProcess> xdotool(const QStringList& commands)
    {
        auto process = std::make_unique<QProcess>();
        process->start(QStringLiteral("xdotool"), commands);
        return process;
    }

private slots:
    void initTestCase() { QCOMPARE(QGuiApplication::platformName(), QStringLiteral("xcb")); }

    void keysReachTheTillAndItsDialogsWithoutAWindowManager()
    {
        TillHarness harness;
        auto regulars = harness.addRegulars();
        QVERIFY(regulars.ok());
        lt::ui::TillWindow window(harness.store().db(), harness.store().engine(), harness.store().clock());
        window.resize(TillHarness::WindowSize);
        window.show();
        QVERIFY(lt::ui::FocusKeeper::installWhereNeeded(window));
        // X gave the window the input focus, and Qt saw it activated.
        QTRY_VERIFY_WITH_TIMEOUT(window.isActiveWindow(), 10000);
        // The cashier signs in with the keyboard, as at any till.
        QStringList signIn = {QStringLiteral("key"), QStringLiteral("--delay"), QStringLiteral("80")};
        for (QChar c : QString(QString::number(regulars->cashier.id) + QStringLiteral("R2468R")))
            signIn << (c == QLatin1Char('R') ? QStringLiteral("Return") : QString(c));
        const auto typing = xdotool(signIn);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isLocked(), 10000);

        // F5 opens enrollment, a modal dialog with an event loop of its own: what happens meanwhile is watched.
        bool dialogHadTheKeyboard = false;
        QTimer watch;
        QObject::connect(&watch, &QTimer::timeout, [&] {
            if (QWidget* modal = QApplication::activeModalWidget(); modal && modal->isActiveWindow())
                dialogHadTheKeyboard = true;
        });
        watch.start(20);
        auto* help = window.findChild<QWidget*>(QStringLiteral("helpOverlay"));
        QVERIFY(!help || !help->isVisible());
        const auto keys =
            xdotool({QStringLiteral("key"), QStringLiteral("F5"), QStringLiteral("sleep"), QStringLiteral("1.5"),
                     QStringLiteral("key"), QStringLiteral("Escape"), QStringLiteral("sleep"), QStringLiteral("1"),
                     QStringLiteral("key"), QStringLiteral("F1")});
        // Esc reached the dialog and closed it; F1 then reached the till's window again and showed the keys.
        QTRY_VERIFY_WITH_TIMEOUT(
            (help = window.findChild<QWidget*>(QStringLiteral("helpOverlay"))) && help->isVisible(), 15000);
        QVERIFY(dialogHadTheKeyboard);
        QVERIFY(!QApplication::activeModalWidget());
        QVERIFY(keys->state() == QProcess::NotRunning || keys->waitForFinished(5000));
        QCOMPARE(keys->exitCode(), 0);
        QCOMPARE(typing->exitCode(), 0);
        QVERIFY(window.isActiveWindow());
    }
};

QTEST_MAIN(TestBareX)
#include "tst_ui_barex.moc"
