#include "bench/SoakTill.h"

#include "sync/SyncEngine.h"
#include "sync/SyncScheduler.h"
#include "ui/TillWindow.h"
#include "ui/dialogs/RedeemDialog.h"
#include "ui/dialogs/RefundDialog.h"
#include "ui/dialogs/SaleDialog.h"
#include "ui/widgets/LookupField.h"

#include <QApplication>
#include <QEventLoop>
#include <QTest>
#include <QTimer>

#include <functional>

#include "bench/OffscreenTill.h"

namespace lt::bench {

namespace {

// A modal dialog runs its own event loop inside the key that opened it: `keys` run from inside that loop once a
// dialog of this type is active. The poll ends with this object, so a dialog that never opened leaves nothing behind.
class WhenModal
{
public:
    WhenModal(const QMetaObject& type, std::function<void(QDialog*)> keys)
        : m_keys(std::move(keys))
    {
        m_poll.setInterval(1);
        QObject::connect(&m_poll, &QTimer::timeout, [this, &type] {
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            if (!dialog || !dialog->inherits(type.className()) || !dialog->isActiveWindow())
                return;
            m_poll.stop();
            m_ran = true;
            m_keys(dialog);
        });
        m_poll.start();
    }
    bool ran() const { return m_ran; }

private:
    QTimer m_poll;
    std::function<void(QDialog*)> m_keys;
    bool m_ran = false;
};

void type(const QString& text)
{
    QTest::keyClicks(QApplication::focusWidget(), text);
}

void press(Qt::Key key)
{
    QTest::keyClick(QApplication::focusWidget(), key);
}

QString amount(qint64 cents)
{
    return QStringLiteral("%1.%2").arg(cents / 100).arg(cents % 100, 2, 10, QLatin1Char('0'));
}

// "(201) 555-0042": how a cashier types a North American number.
QString typedPhone(const QString& e164)
{
    const QString digits = e164.mid(2);
    return QStringLiteral("(%1) %2-%3").arg(digits.left(3), digits.mid(3, 3), digits.mid(6));
}

// The keys ran in the dialog; when it is still open, the till refused and said why: Esc closes it.
template<typename Dialog>
SoakTill::Outcome closeRefused(const WhenModal& modal, QString& refusal)
{
    if (!modal.ran())
        return SoakTill::Outcome::Failed;
    auto* open = qobject_cast<Dialog*>(QApplication::activeModalWidget());
    if (!open)
        return SoakTill::Outcome::Done;
    refusal = open->errorText();
    open->reject();
    return SoakTill::Outcome::Refused;
}

} // namespace

SoakTill::SoakTill(ui::TillWindow& window, SyncScheduler* sync)
    : m_window(window)
    , m_sync(sync)
{
    if (!m_sync)
        return;
    QObject::connect(m_sync, &SyncScheduler::passFinished, [this](const SyncReport& report) {
        ++m_passes;
        m_stopped += report.stopped ? 1 : 0;
    });
}

void SoakTill::idle()
{
    QCoreApplication::processEvents(QEventLoop::AllEvents);
}

// What a window manager does when a dialog closes (the offscreen platform has none).
bool SoakTill::backToTill()
{
    m_window.activateWindow();
    return m_window.isActiveWindow() || QTest::qWaitForWindowActive(&m_window);
}

SoakTill::Outcome SoakTill::scanCard(const QString& card, LatencySample& enterToPainted)
{
    ui::LookupField* lookup = m_window.lookupField();
    QTest::keyClick(lookup, Qt::Key_Escape); // the next customer
    QTest::keyClicks(lookup, card);
    const auto enter = std::chrono::steady_clock::now();
    QTest::keyClick(lookup, Qt::Key_Return);
    OffscreenTill::paint(m_window);
    enterToPainted.add(std::chrono::steady_clock::now() - enter);
    const auto member = m_window.currentMember();
    return member && member->card == card ? Outcome::Done : Outcome::Failed;
}

SoakTill::Outcome SoakTill::typePhone(const QString& e164, LatencySample& enterToPainted)
{
    ui::LookupField* lookup = m_window.lookupField();
    QTest::keyClick(lookup, Qt::Key_Escape);
    // A person types slower than a scanner; only the Enter is timed, so the typing goes in at once.
    lookup->setText(typedPhone(e164));
    const auto enter = std::chrono::steady_clock::now();
    QTest::keyClick(lookup, Qt::Key_Return);
    OffscreenTill::paint(m_window);
    enterToPainted.add(std::chrono::steady_clock::now() - enter);
    const auto member = m_window.currentMember();
    return member && member->phone == e164 ? Outcome::Done : Outcome::Failed;
}

SoakTill::Outcome SoakTill::sell(const QString& receipt, qint64 totalCents)
{
    const auto member = m_window.currentMember();
    if (!member)
        return Outcome::Failed;
    WhenModal modal(ui::SaleDialog::staticMetaObject, [&](QDialog*) {
        type(receipt);
        press(Qt::Key_Tab);
        type(amount(totalCents));
        press(Qt::Key_Return);
    });
    QTest::keyClick(m_window.lookupField(), Qt::Key_F2); // returns once the dialog has closed
    const Outcome outcome = closeRefused<ui::SaleDialog>(modal, m_lastRefusal);
    if (!backToTill())
        return Outcome::Failed;
    OffscreenTill::paint(m_window);
    if (outcome != Outcome::Done)
        return outcome;
    const auto after = m_window.currentMember();
    return after && after->id == member->id && after->balance > member->balance ? Outcome::Done : Outcome::Failed;
}

SoakTill::Outcome SoakTill::redeem()
{
    const auto member = m_window.currentMember();
    if (!member)
        return Outcome::Failed;
    WhenModal modal(ui::RedeemDialog::staticMetaObject, [](QDialog*) { press(Qt::Key_Return); });
    QTest::keyClick(m_window.lookupField(), Qt::Key_F3);
    const Outcome outcome = closeRefused<ui::RedeemDialog>(modal, m_lastRefusal);
    if (!backToTill())
        return Outcome::Failed;
    OffscreenTill::paint(m_window);
    if (outcome != Outcome::Done)
        return outcome;
    const auto after = m_window.currentMember();
    return after && after->balance < member->balance ? Outcome::Done : Outcome::Failed;
}

SoakTill::Outcome SoakTill::refund(const QString& receipt, qint64 cents)
{
    WhenModal modal(ui::RefundDialog::staticMetaObject, [&](QDialog*) {
        type(receipt);
        press(Qt::Key_Tab);
        type(amount(cents));
        press(Qt::Key_Return);
    });
    QTest::keyClick(m_window.lookupField(), Qt::Key_F4);
    const Outcome outcome = closeRefused<ui::RefundDialog>(modal, m_lastRefusal);
    if (!backToTill())
        return Outcome::Failed;
    OffscreenTill::paint(m_window);
    if (outcome != Outcome::Done)
        return outcome;
    return m_window.currentMember() ? Outcome::Done : Outcome::Failed;
}

SoakTill::Outcome SoakTill::sync(int timeoutMs)
{
    // A pass already running when F9 is pressed is followed by one more: wait for that one.
    if (!m_sync)
        return Outcome::Refused;
    const qint64 until = m_passes + (m_sync->status().state == SyncStatus::State::Running ? 2 : 1);
    QTest::keyClick(m_window.lookupField(), Qt::Key_F9);
    // An event loop that sleeps until the pass ends: polling processEvents() spun the till's thread at full speed,
    // counted as its CPU and taken from sync's worker on a 2-core till.
    QEventLoop waiting;
    QTimer::singleShot(timeoutMs, &waiting, &QEventLoop::quit);
    const auto finished = QObject::connect(m_sync, &SyncScheduler::passFinished, &waiting, [this, until, &waiting] {
        if (m_passes >= until)
            waiting.quit();
    });
    if (m_passes < until)
        waiting.exec();
    QObject::disconnect(finished);
    return m_passes >= until ? Outcome::Done : Outcome::Failed;
}

} // namespace lt::bench
