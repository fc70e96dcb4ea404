#include "bench/OffscreenTill.h"

#include "ui/TillWindow.h"

#include <QApplication>
#include <QTest>
#include <QTextStream>

#include "bench/DemoStore.h"

namespace lt::bench::OffscreenTill {

namespace {

void withoutPlatformNoise(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (!message.contains(QLatin1String("propagateSizeHints")))
        QTextStream(stderr) << qFormatLogMessage(type, context, message) << Qt::endl;
}

} // namespace

void useOffscreenPlatform()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

void dropPlatformNoise()
{
    qInstallMessageHandler(withoutPlatformNoise);
}

bool openAndSignIn(ui::TillWindow& window, qint64 staffId, const QString& pin)
{
    window.resize(1100, 720);
    window.show();
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window)) {
        progress(QStringLiteral("The till's window could not be activated."));
        return false;
    }
    QTest::keyClicks(QApplication::focusWidget(), QString::number(staffId));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTest::keyClicks(QApplication::focusWidget(), pin);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    if (window.isLocked()) {
        progress(QStringLiteral("Could not sign in."));
        return false;
    }
    return true;
}

void paint(ui::TillWindow& window)
{
    QCoreApplication::sendPostedEvents();
    window.repaint();
}

} // namespace lt::bench::OffscreenTill
