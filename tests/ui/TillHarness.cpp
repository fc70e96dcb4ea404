#include "tests/ui/TillHarness.h"

#include "ui/widgets/LookupField.h"

#include <QLineEdit>
#include <QStandardPaths>

namespace lt::test {

namespace {
Database& openedStore(TempStore& store, const Database::Options& options)
{
    if (auto opened = store.open(options); !opened)
        qFatal("Cannot open the test store: %s", qPrintable(opened.error().message));
    return store.db();
}
} // namespace

TillHarness::TillHarness(const Database::Options& options)
    : m_staff(openedStore(m_store, options), m_store.clock())
{
    // The till's own preferences (QSettings) go to a test folder, never to the user's.
    QStandardPaths::setTestModeEnabled(true);
}

TillHarness::~TillHarness()
{
    closeWindow();
}

Result<StaffMember> TillHarness::addStaff(const QString& name, StaffMember::Role role, const QString& pin)
{
    return m_staff.add(name, role, pin, QStringLiteral("test"));
}

Result<TillHarness::Regulars> TillHarness::addRegulars()
{
    Regulars regulars;
    auto cashier = addStaff(QStringLiteral("Sam Cashier"), StaffMember::Role::Cashier, QStringLiteral("2468"));
    if (!cashier)
        return cashier.error();
    regulars.cashier = *cashier;
    auto manager = addStaff(QStringLiteral("Maria Lopez"), StaffMember::Role::Manager, QStringLiteral("1357"));
    if (!manager)
        return manager.error();
    regulars.manager = *manager;
    auto member = enrollWithCard(QStringLiteral("(415) 555-2671"), QStringLiteral("Ada Park"));
    if (!member)
        return member.error();
    regulars.member = *member;
    return regulars;
}

Result<Member> TillHarness::enrollWithCard(const QString& phone, const QString& name)
{
    auto member = m_store.enroll(phone, name);
    if (!member)
        return member.error();
    auto card = m_store.engine().enrollment().assignCard(member->id, QString(), TempStore::cashier());
    if (!card)
        return card.error();
    Member withCard = *member;
    withCard.card = *card;
    return withCard;
}

bool TillHarness::openWindow()
{
    m_window = std::make_unique<ui::TillWindow>(m_store.db(), m_store.engine(), m_store.clock());
    m_window->resize(WindowSize);
    m_window->show();
    m_window->activateWindow();
    return QTest::qWaitForWindowActive(m_window.get());
}

void TillHarness::closeWindow()
{
    m_window.reset();
}

void TillHarness::typeSignIn(qint64 staffId, const QString& pin)
{
    auto* number = m_window->findChild<QLineEdit*>(QStringLiteral("staffNumber"));
    QVERIFY(number);
    QCOMPARE(focused(), number);
    type(QString::number(staffId));
    press(Qt::Key_Return);
    type(pin);
    press(Qt::Key_Return);
}

bool TillHarness::signIn(qint64 staffId, const QString& pin)
{
    typeSignIn(staffId, pin);
    return !m_window->isLocked() && QApplication::focusWidget() == m_window->lookupField();
}

void TillHarness::scan(const QString& code)
{
    QTest::keyClicks(focused(), code);
    press(Qt::Key_Return);
}

void TillHarness::typeSlowly(const QString& text, int gapMs)
{
    for (QChar c : text) {
        QTest::qWait(gapMs);
        QTest::keyClicks(focused(), QString(c));
    }
}

void TillHarness::type(const QString& text)
{
    QTest::keyClicks(focused(), text);
}

void TillHarness::press(Qt::Key key, Qt::KeyboardModifiers modifiers)
{
    QTest::keyClick(focused(), key, modifiers);
}

QWidget* TillHarness::focused()
{
    QWidget* widget = QApplication::focusWidget();
    if (!widget) {
        QTest::qFail("No widget has the keyboard focus.", __FILE__, __LINE__);
        return QApplication::activeWindow();
    }
    return widget;
}

QString TillHarness::focusedName()
{
    const QWidget* widget = QApplication::focusWidget();
    return widget ? widget->objectName() : QStringLiteral("(none)");
}

void TillHarness::activateAfterDialog(QWidget* parent)
{
    QWidget* next = QApplication::activeModalWidget();
    if (!next && parent)
        next = parent->window();
    if (next && !next->isActiveWindow()) {
        next->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(next));
    }
}

} // namespace lt::test
