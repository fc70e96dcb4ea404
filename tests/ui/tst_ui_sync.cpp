// Sync at the till: the conflicts count in the status bar and on the member, a manager resolving a conflict key by
// key in the conflicts dialog (and the store changing with it), an error shown inline, and a sale that reaches a
// (fake) Square while the till keeps taking keys.

#include "core/store/SyncConflicts.h"
#include "sync/SquareConnection.h"
#include "sync/SyncScheduler.h"
#include "sync/square/CredentialStore.h"
#include "sync/square/SquareEnvironment.h"
#include "tests/support/ResultChecks.h"
#include "tests/sync/FakeSquareServer.h"
#include "tests/ui/TillHarness.h"
#include "ui/dialogs/ConflictsDialog.h"
#include "ui/dialogs/ManagerApprovalDialog.h"
#include "ui/dialogs/SaleDialog.h"
#include "ui/widgets/LookupField.h"
#include "ui/widgets/MessageBanner.h"
#include "ui/widgets/SyncStatusLine.h"

#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace lt;
using namespace lt::test;
using lt::ui::ConflictsDialog;
using lt::ui::ManagerApprovalDialog;
using lt::ui::MessageBanner;
using lt::ui::SaleDialog;
using lt::ui::TillWindow;

class TestSync : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void statusBarAndMemberShowConflicts();
    void managerResolvesByKeys();
    void failedResolutionShownInline();
    void cashierCannotOpenConflicts();
    void saleReachesSquareWithoutWaiting();

private:
    TillWindow& window() { return m_till->window(); }
    qint64 balance() { return m_till->store().balance(m_member.id); }
    // Test setup: the conflict sync records when Square refuses the member's redemption.
    qint64 recordOverspend();
    QLabel* memberConflicts();
    // F8, the manager's staff number and PIN, then `action` in the conflicts dialog.
    bool inConflictsDialog(const std::function<void(ConflictsDialog*)>& action);
    // Tab until the widget with this object name has the focus (at most a dialog's worth of widgets).
    static bool tabTo(const char* name);

    std::unique_ptr<TillHarness> m_till;
    StaffMember m_cashier;
    StaffMember m_manager;
    Member m_member;
    qint64 m_redeemRow = 0;
};

void TestSync::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_till = std::make_unique<TillHarness>();
    auto regulars = m_till->addRegulars();
    LT_VERIFY_OK(regulars);
    m_cashier = regulars->cashier;
    m_manager = regulars->manager;
    m_member = regulars->member;
    LT_VERIFY_OK(m_till->store().accrue(m_member.id, QStringLiteral("SETUP-1"), 25000));
    RedemptionRequest request;
    request.memberId = m_member.id;
    request.rewardTierId = QStringLiteral("five-off");
    LT_VERIFY_OK(m_till->store().engine().redemption().redeem(request, TempStore::cashier()));
    m_redeemRow = m_till->store().number("SELECT max(id) FROM outbox WHERE operation = 'redeem'");
    QVERIFY(m_redeemRow > 0);
}

void TestSync::init()
{
    QVERIFY(m_till->openWindow());
    QVERIFY(m_till->signIn(m_cashier.id, QStringLiteral("2468")));
}

void TestSync::cleanup()
{
    m_till->closeWindow();
    // Whatever a test left open is dismissed, so that each starts from none.
    LT_VERIFY_OK(m_till->store().db().exec(
        QStringLiteral("UPDATE sync_conflicts SET resolved_at = '2025-01-01T00:00:00.000Z', resolution = 'dismiss', "
                       "resolved_by = 'test' WHERE resolved_at IS NULL")));
}

qint64 TestSync::recordOverspend()
{
    Database& db = m_till->store().db();
    if (!db.exec(
            QStringLiteral("UPDATE outbox SET state = 'conflict', last_error = 'INSUFFICIENT_POINTS' WHERE id = ?"),
            {m_redeemRow}))
        return 0;
    if (!db.exec(QStringLiteral("INSERT INTO sync_conflicts (outbox_id, member_id, kind, code, message, local_facts, "
                                "square_facts, created_at) VALUES (?, ?, 'overspend', 'INSUFFICIENT_POINTS', "
                                "'Not enough points', '{\"balance\":250}', '{\"balance\":40}', "
                                "'2025-03-01T10:00:00.000Z')"),
                 {m_redeemRow, m_member.id}))
        return 0;
    return m_till->store().number("SELECT max(id) FROM sync_conflicts");
}

QLabel* TestSync::memberConflicts()
{
    for (QLabel* label : window().findChildren<QLabel*>()) {
        if (label->accessibleName() == QStringLiteral("Member's sync conflicts"))
            return label;
    }
    return nullptr;
}

bool TestSync::inConflictsDialog(const std::function<void(ConflictsDialog*)>& action)
{
    auto approved = whenModal<ManagerApprovalDialog>([&](ManagerApprovalDialog*) {
        TillHarness::type(QString::number(m_manager.id));
        TillHarness::press(Qt::Key_Return);
        TillHarness::type(QStringLiteral("1357"));
        TillHarness::press(Qt::Key_Return);
    });
    auto opened = whenModal<ConflictsDialog>(action);
    TillHarness::press(Qt::Key_F8);
    return *approved && *opened;
}

bool TestSync::tabTo(const char* name)
{
    for (int i = 0; i < 12 && TillHarness::focusedName() != QLatin1String(name); ++i)
        TillHarness::press(Qt::Key_Tab);
    return TillHarness::focusedName() == QLatin1String(name);
}

void TestSync::statusBarAndMemberShowConflicts()
{
    QCOMPARE(window().syncStatus()->conflictsText(), QString());
    QVERIFY(recordOverspend() > 0);
    // The status bar reads the store every few seconds and after each operation.
    // "1 conflict" with the English plural forms loaded, as in the till.
    QTRY_VERIFY_WITH_TIMEOUT(window().syncStatus()->conflictsText().startsWith(QStringLiteral("1 conflict")), 7000);
    QCOMPARE(window().syncStatus()->connectionText(), QStringLiteral("Square: not connected (working offline)"));

    QLabel* label = memberConflicts();
    QVERIFY(label);
    QVERIFY(!label->isVisible());
    TillHarness::scan(m_member.card);
    QVERIFY(window().currentMember());
    QVERIFY(label->isVisible());
    QVERIFY2(label->text().contains(QStringLiteral("1 open conflict")), qPrintable(label->text()));
    TillHarness::press(Qt::Key_Escape); // next customer
    QVERIFY(!label->isVisible());
}

void TestSync::managerResolvesByKeys()
{
    const qint64 id = recordOverspend();
    QVERIFY(id > 0);
    TillHarness::scan(m_member.card);
    const qint64 before = balance();
    const bool ran = inConflictsDialog([&](ConflictsDialog* dialog) {
        QTableWidget* table = dialog->table();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(TillHarness::focused(), table);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Ada Park (member %1)").arg(m_member.id));
        QVERIFY2(table->item(0, 1)->text().contains(QStringLiteral("Points already spent elsewhere")),
                 qPrintable(table->item(0, 1)->text()));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("-100"));
        QVERIFY(table->item(0, 3)->text().contains(QStringLiteral("INSUFFICIENT_POINTS")));
        auto* details = dialog->findChild<QLabel*>(QStringLiteral("conflictDetails"));
        QVERIFY(details);
        QVERIFY2(details->text().contains(QStringLiteral("At Square"))
                     && details->text().contains(QStringLiteral("40")),
                 qPrintable(details->text()));
        // A redemption may be forced; every action of SyncConflicts::actionsFor is offered.
        for (const char* name : {"retry", "force", "acceptSquare", "dismiss"})
            QVERIFY2(dialog->findChild<QPushButton*>(QString::fromLatin1(name))->isVisible(), name);

        TillHarness::press(Qt::Key_Tab);
        QCOMPARE(TillHarness::focusedName(), QStringLiteral("note"));
        TillHarness::type(QStringLiteral("customer agreed"));
        QVERIFY(tabTo("acceptSquare"));
        TillHarness::press(Qt::Key_Space); // Accept Square's balance
        QCOMPARE(dialog->banner()->kind(), MessageBanner::Kind::Success);
        QCOMPARE(table->rowCount(), 0);
        QCOMPARE(TillHarness::focused(), table);
        TillHarness::press(Qt::Key_Escape);
    });
    QVERIFY(ran);
    // The refused redemption's points came back, and who decided is recorded.
    QCOMPARE(balance(), before + 100);
    QCOMPARE(m_till->store().number("SELECT count(*) FROM sync_conflicts WHERE id = ? AND resolution = 'accept-square' "
                                    "AND resolved_by = 'Maria Lopez' AND resolution_note = 'customer agreed'",
                                    {id}),
             1);
    QCOMPARE(window().memberPanel() != nullptr, true);
    QCOMPARE(window().currentMember()->balance, before + 100);
    QCOMPARE(window().syncStatus()->conflictsText(), QString());
    QVERIFY(!memberConflicts()->isVisible());
    QCOMPARE(TillHarness::focused(), window().lookupField());
}

void TestSync::failedResolutionShownInline()
{
    const qint64 id = recordOverspend();
    QVERIFY(id > 0);
    const bool ran = inConflictsDialog([&](ConflictsDialog* dialog) {
        QCOMPARE(dialog->table()->rowCount(), 1);
        // Another till's manager dismissed it meanwhile.
        LT_VERIFY_OK(SyncConflicts(m_till->store().db(), m_till->store().clock(), TempStore::cashier().name())
                         .resolve(id, ConflictAction::Dismiss, QStringLiteral("Ben"), QString()));
        QVERIFY(tabTo("dismiss"));
        TillHarness::press(Qt::Key_Space);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->banner()->kind(), MessageBanner::Kind::Error);
        QVERIFY2(dialog->banner()->text().contains(QStringLiteral("already resolved")),
                 qPrintable(dialog->banner()->text()));
        QCOMPARE(dialog->table()->rowCount(), 0);
        TillHarness::press(Qt::Key_Escape);
    });
    QVERIFY(ran);
    QCOMPARE(m_till->store().number("SELECT resolved_by = 'Ben' FROM sync_conflicts WHERE id = ?", {id}), 1);
}

void TestSync::cashierCannotOpenConflicts()
{
    QVERIFY(recordOverspend() > 0);
    auto refused = whenModal<ManagerApprovalDialog>([&](ManagerApprovalDialog* dialog) {
        TillHarness::type(QString::number(m_cashier.id));
        TillHarness::press(Qt::Key_Return);
        TillHarness::type(QStringLiteral("2468"));
        TillHarness::press(Qt::Key_Return);
        QVERIFY(dialog->isVisible());
        TillHarness::press(Qt::Key_Escape);
    });
    TillHarness::press(Qt::Key_F8);
    QVERIFY(*refused);
    QVERIFY(!QApplication::activeModalWidget());
    QCOMPARE(TillHarness::focused(), window().lookupField());
    QCOMPARE(m_till->store().number("SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL"), 1);
}

void TestSync::saleReachesSquareWithoutWaiting()
{
    FakeSquareServer server;
    server.setAccessToken(QStringLiteral("EAAAl-till-token"));
    server.setLatencyMs(200); // slow enough that a blocking till would show
    QVERIFY(server.listen());
    auto environment = SquareEnvironment::parse(server.baseUrl());
    LT_VERIFY_OK(environment);
    const SquareConnection connection {server.baseUrl(), QStringLiteral("L1"), {}};
    LT_VERIFY_OK(connection.save(m_till->store().db()));
    SyncScheduler::Options options;
    options.afterOperationDelayMs = 50;
    QNetworkAccessManager network;
    CredentialStore credentials;
    SyncScheduler scheduler(m_till->store().db(), m_till->store().clock(), network, credentials, options);
    window().setSync(&scheduler);
    scheduler.startWith(*environment, QStringLiteral("L1"), QStringLiteral("EAAAl-till-token"));
    // The first pass (enrollment, the setup's sale) reaches Square.
    QTRY_VERIFY_WITH_TIMEOUT(server.accountCount() == 1 && scheduler.status().state == SyncStatus::State::Idle, 20000);
    const int events = server.eventCount();

    TillHarness::scan(m_member.card);
    auto ran = whenModal<SaleDialog>([&](SaleDialog*) {
        TillHarness::type(QStringLiteral("R-SYNC-1"));
        TillHarness::press(Qt::Key_Tab);
        TillHarness::type(QStringLiteral("30.00"));
        TillHarness::press(Qt::Key_Return);
    });
    TillHarness::press(Qt::Key_F2);
    QVERIFY(*ran);
    // The till is back at the lookup line at once; Square learns the sale in the background.
    QCOMPARE(TillHarness::focused(), window().lookupField());
    QVERIFY(server.eventCount() == events);
    QTRY_VERIFY_WITH_TIMEOUT(server.eventCount() > events, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(window().syncStatus()->connectionText().contains(QStringLiteral("last sync")), 10000);
    window().setSync(nullptr);
}

QTEST_MAIN(TestSync)
#include "tst_ui_sync.moc"
