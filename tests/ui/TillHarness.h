#pragma once

#include "core/store/StaffDirectory.h"
#include "tests/support/TempStore.h"
#include "ui/TillWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

namespace lt::test {

// The till as a cashier meets it: a TillWindow on a real store in a temporary folder, shown offscreen at the size
// it runs at, and the keystrokes a cashier or a barcode scanner makes. Keys go to the widget that has the focus,
// so a test also checks that the focus is where the cashier expects it.
class TillHarness
{
public:
    static inline const QSize WindowSize {1100, 720};

    explicit TillHarness(const Database::Options& options = Database::Options());
    ~TillHarness();
    TillHarness(const TillHarness&) = delete;
    TillHarness& operator=(const TillHarness&) = delete;

    TempStore& store() { return m_store; }
    StaffDirectory& staff() { return m_staff; }
    // Hashing a PIN takes about 0.1 s: add staff once per test case.
    Result<StaffMember> addStaff(const QString& name, StaffMember::Role role, const QString& pin);
    // The people most tests meet: Sam Cashier (PIN 2468), Maria Lopez the manager (PIN 1357), and Ada Park, a
    // member with a loyalty card.
    struct Regulars
    {
        StaffMember cashier;
        StaffMember manager;
        Member member;
    };
    Result<Regulars> addRegulars();
    // Enrolls a member and gives them a new card number (in member.card).
    Result<Member> enrollWithCard(const QString& phone, const QString& name);

    // Creates, shows and activates the window; false when it could not be made active.
    bool openWindow();
    void closeWindow();
    ui::TillWindow& window() { return *m_window; }

    // Staff number, Enter, PIN, Enter on the sign-in page.
    void typeSignIn(qint64 staffId, const QString& pin);
    bool signIn(qint64 staffId, const QString& pin);

    // A barcode scanner: the whole code in one burst, then Enter.
    static void scan(const QString& code);
    // A person, even a quick one: a pause between keys longer than a scanner's.
    static void typeSlowly(const QString& text, int gapMs = 45);
    static void type(const QString& text);
    static void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    // The widget keys go to; fails the test (and returns the window) when nothing has the focus.
    static QWidget* focused();
    // The object name of the widget with the focus, or "(none)".
    static QString focusedName();
    // What a window manager does when a dialog closes: activates the dialog still open, else the parent's window.
    // The offscreen platform has no window manager, so the tests do it.
    static void activateAfterDialog(QWidget* parent);

private:
    TempStore m_store;
    StaffDirectory m_staff;
    std::unique_ptr<ui::TillWindow> m_window;
};

// Modal dialogs run their own event loop inside exec(), so a test cannot type into them after the call that opens
// them. whenModal arms a check, run from inside that loop, that waits for a modal dialog of type T to be the active
// one and then runs `action` on it. The action must close the dialog; one left open is rejected and the test fails,
// so that a broken expectation cannot hang the test. The returned flag says whether the action ran: check it.
template<typename T>
std::shared_ptr<bool> whenModal(std::function<void(T*)> action, int timeoutMs = 5000)
{
    auto ran = std::make_shared<bool>(false);
    auto* poll = new QTimer(qApp);
    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    poll->setInterval(5);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, elapsed, ran, action = std::move(action), timeoutMs] {
        auto* dialog = qobject_cast<T*>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isActiveWindow()) {
            if (elapsed->elapsed() > timeoutMs) { // the caller's check of the flag reports it
                poll->stop();
                poll->deleteLater();
            }
            return;
        }
        poll->stop();
        poll->deleteLater();
        *ran = true;
        QPointer<QWidget> parent = dialog->parentWidget();
        action(dialog);
        if (dialog->isVisible()) {
            QTest::qFail("The dialog was left open.", __FILE__, __LINE__);
            dialog->reject();
        }
        TillHarness::activateAfterDialog(parent);
    });
    poll->start();
    return ran;
}

} // namespace lt::test
