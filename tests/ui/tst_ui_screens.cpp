// The till's main screens, drawn offscreen at the till's window size: each must draw without clipped text, and with
// LOYALTYTILL_SCREENSHOTS=FOLDER set the test saves them there as PNG (docs/ holds the current ones).

#include "core/store/StoreSettings.h"
#include "tests/support/ResultChecks.h"
#include "tests/ui/TillHarness.h"
#include "ui/dialogs/AdjustmentDialog.h"
#include "ui/dialogs/EnrollmentDialog.h"
#include "ui/dialogs/ManagerApprovalDialog.h"
#include "ui/dialogs/RedeemDialog.h"
#include "ui/dialogs/RefundDialog.h"
#include "ui/dialogs/SaleDialog.h"
#include "ui/reports/ReportsDialog.h"
#include "ui/widgets/MemberPanel.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace lt;
using namespace lt::test;
using lt::ui::AdjustmentDialog;
using lt::ui::EnrollmentDialog;
using lt::ui::ManagerApprovalDialog;
using lt::ui::RedeemDialog;
using lt::ui::ReportsDialog;
using lt::ui::SaleDialog;

class TestScreens : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void signIn();
    void tillWithAMember();
    void enrollment();
    void sale();
    void redemption();
    void adjustment();
    void errorsFitTheirDialogs();
    void reports();

private:
    // Checks the screen for clipped text, then saves it as NAME.png (with no name: only checks).
    void save(QWidget* screen, const QString& name);
    void showMember();

    std::unique_ptr<TillHarness> m_till;
    QTemporaryDir m_scratch;
    QString m_folder;
    StaffMember m_cashier;
    Member m_member;
};

namespace {
// Buttons and labels whose text does not fit the space the layout gave them.
QStringList clippedText(const QWidget* screen)
{
    QStringList clipped;
    for (const QWidget* widget : screen->findChildren<QWidget*>()) {
        if (!widget->isVisible() || widget->width() == 0)
            continue;
        const auto* label = qobject_cast<const QLabel*>(widget);
        const auto* button = qobject_cast<const QAbstractButton*>(widget);
        QString text;
        bool fits = true;
        if (label && !label->text().isEmpty()) {
            text = label->text();
            fits = label->wordWrap() ? label->heightForWidth(label->width()) <= label->height()
                                     : label->minimumSizeHint().width() <= label->width();
        } else if (button && !button->text().isEmpty()) {
            text = button->text();
            fits = button->sizeHint().width() <= button->width() && button->sizeHint().height() <= button->height();
        }
        if (!fits)
            clipped << QStringLiteral("%1 \"%2\" (%3x%4)")
                           .arg(QString::fromLatin1(widget->metaObject()->className()), text.left(40))
                           .arg(widget->width())
                           .arg(widget->height());
    }
    return clipped;
}
} // namespace

void TestScreens::initTestCase()
{
    // The same pixels on every machine: one time zone, locale and font.
    qputenv("TZ", "UTC");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 10));
    m_folder = qEnvironmentVariable("LOYALTYTILL_SCREENSHOTS");
    if (m_folder.isEmpty())
        m_folder = m_scratch.path();
    QVERIFY(QDir().mkpath(m_folder));

    m_till = std::make_unique<TillHarness>();
    QSettings().setValue(QStringLiteral("till/name"), QStringLiteral("1"));
    StoreSettings settings(m_till->store().db());
    LT_VERIFY_OK(settings.set(StoreSettings::StoreName, QStringLiteral("Corner Grocer")));
    auto cashier = m_till->addStaff(QStringLiteral("Sam Rivera"), StaffMember::Role::Cashier, QStringLiteral("2468"));
    LT_VERIFY_OK(cashier);
    m_cashier = *cashier;

    auto member = m_till->store().enroll(QStringLiteral("(415) 555-2671"), QStringLiteral("Ada Park"),
                                         QStringLiteral("ada.park@example.com"));
    LT_VERIFY_OK(member);
    LT_VERIFY_OK(m_till->store().engine().enrollment().assignCard(member->id, QString(), TempStore::cashier()));
    // Neighbours who bought once, before Ada's visits: segments rank members among the store's buyers, and a store
    // of one buyer ranks nobody above or below her.
    for (int i = 0; i < 9; ++i) {
        auto neighbour = m_till->store().enroll(QStringLiteral("(415) 555-26%1").arg(80 + i));
        LT_VERIFY_OK(neighbour);
        LT_VERIFY_OK(m_till->store().accrue(neighbour->id, QStringLiteral("N-%1").arg(i + 1), 2000 + 500 * i));
    }
    int receipt = 10470;
    for (qint64 amount : {12000, 8640, 23000, 14575}) {
        m_till->store().clock().advance(3LL * 24 * 3600 * 1000);
        LT_VERIFY_OK(m_till->store().accrue(member->id, QStringLiteral("R-%1").arg(++receipt), amount));
    }
    for (const char* reward : {"ten-percent", "five-off", "five-off"}) {
        m_till->store().clock().advance(24LL * 3600 * 1000);
        LT_VERIFY_OK(m_till->store().engine().redemption().redeem(
            RedemptionRequest {member->id, QString::fromLatin1(reward), std::nullopt, {}}, TempStore::cashier()));
    }
    auto found = m_till->store().engine().members().byId(member->id);
    LT_VERIFY_OK(found);
    m_member = *found;
}

void TestScreens::init()
{
    QVERIFY(m_till->openWindow());
}

void TestScreens::cleanup()
{
    m_till->closeWindow();
}

void TestScreens::save(QWidget* screen, const QString& name)
{
    // Let the layouts settle as they do before the screen is next painted.
    QCoreApplication::sendPostedEvents();
    const QStringList clipped = clippedText(screen);
    QVERIFY2(clipped.isEmpty(),
             qPrintable(screen->windowTitle() + QStringLiteral(": ") + clipped.join(QStringLiteral("; "))));
    const QPixmap image = screen->grab();
    QVERIFY(!image.isNull());
    if (name.isEmpty())
        return;
    const QString path = QDir(m_folder).filePath(name + QStringLiteral(".png"));
    QVERIFY2(image.save(path), qPrintable(path));
}

void TestScreens::showMember()
{
    QVERIFY(m_till->signIn(m_cashier.id, QStringLiteral("2468")));
    TillHarness::scan(m_member.card);
    QVERIFY(m_till->window().currentMember());
}

void TestScreens::signIn()
{
    QCOMPARE(m_till->window().size(), TillHarness::WindowSize);
    save(&m_till->window(), QStringLiteral("till-sign-in"));
}

void TestScreens::tillWithAMember()
{
    showMember();
    auto ran = whenModal<SaleDialog>([](SaleDialog*) {
        TillHarness::type(QStringLiteral("R-10482"));
        TillHarness::press(Qt::Key_Tab);
        TillHarness::type(QStringLiteral("54.10"));
        TillHarness::press(Qt::Key_Return);
    });
    TillHarness::press(Qt::Key_F2);
    QVERIFY(*ran);
    QCOMPARE(m_till->window().memberPanel()->displayName(), QStringLiteral("Ada Park"));
    save(&m_till->window(), QStringLiteral("till-member"));
}

void TestScreens::enrollment()
{
    QVERIFY(m_till->signIn(m_cashier.id, QStringLiteral("2468")));
    auto ran = whenModal<EnrollmentDialog>([this](EnrollmentDialog* dialog) {
        TillHarness::type(QStringLiteral("Chloe Adams"));
        TillHarness::press(Qt::Key_Tab);
        TillHarness::type(QStringLiteral("chloe.adams@example"));
        TillHarness::press(Qt::Key_Return);
        QVERIFY(!dialog->fieldError(QStringLiteral("email")).isEmpty());
        save(dialog, QStringLiteral("till-enrollment"));
        TillHarness::press(Qt::Key_Escape);
    });
    TillHarness::typeSlowly(QStringLiteral("(415) 555-2699"));
    TillHarness::press(Qt::Key_Return);
    QVERIFY(*ran);
}

void TestScreens::sale()
{
    showMember();
    auto ran = whenModal<SaleDialog>([this](SaleDialog*) {
        TillHarness::type(QStringLiteral("R-10483"));
        TillHarness::press(Qt::Key_Tab);
        TillHarness::type(QStringLiteral("27.85"));
        save(QApplication::activeModalWidget(), QStringLiteral("till-sale"));
        TillHarness::press(Qt::Key_Escape);
    });
    TillHarness::press(Qt::Key_F2);
    QVERIFY(*ran);
}

void TestScreens::redemption()
{
    showMember();
    auto ran = whenModal<RedeemDialog>([this](RedeemDialog*) {
        TillHarness::press(Qt::Key_Down);
        save(QApplication::activeModalWidget(), QStringLiteral("till-redeem"));
        TillHarness::press(Qt::Key_Escape);
    });
    TillHarness::press(Qt::Key_F3);
    QVERIFY(*ran);
}

void TestScreens::adjustment()
{
    showMember();
    auto ran = whenModal<AdjustmentDialog>([this](AdjustmentDialog* dialog) {
        TillHarness::type(QStringLiteral("0"));
        TillHarness::press(Qt::Key_Tab);
        TillHarness::type(QStringLiteral("Points missed on receipt R-10471"));
        TillHarness::press(Qt::Key_Return);
        QVERIFY(!dialog->fieldError(QStringLiteral("points")).isEmpty());
        save(dialog, QStringLiteral("till-adjustment"));
        TillHarness::press(Qt::Key_Escape);
    });
    TillHarness::press(Qt::Key_F7);
    QVERIFY(*ran);
}

// A year of a small shop: members enrolled month by month, each buying now and then; then the Reports screen on
// this year.
void TestScreens::reports()
{
    TempStore& store = m_till->store();
    const QDateTime now = store.clock().nowUtc();
    QList<qint64> members;
    int receipt = 20000;
    for (int month = 11; month >= 0; --month) {
        const QDateTime first = now.addMonths(-month);
        for (int i = 0; i < 6; ++i) {
            store.clock().set(first.addDays(i));
            auto member = store.enroll(QStringLiteral("(415) 555-%1").arg(3000 + (11 - month) * 6 + i));
            LT_VERIFY_OK(member);
            members << member->id;
        }
        // Some of everyone enrolled so far come back this month.
        for (qsizetype i = 0; i < members.size(); i += 2 + month % 3) {
            store.clock().set(first.addDays(10 + int(i % 15)));
            LT_VERIFY_OK(store.accrue(members.at(i), QStringLiteral("R-%1").arg(++receipt), 1500 + 350 * (i % 9)));
        }
    }
    store.clock().set(now);
    auto manager = m_till->addStaff(QStringLiteral("Maria Lopez"), StaffMember::Role::Manager, QStringLiteral("1357"));
    LT_VERIFY_OK(manager);
    QVERIFY(m_till->signIn(m_cashier.id, QStringLiteral("2468")));
    auto approved = whenModal<ManagerApprovalDialog>([&](ManagerApprovalDialog*) {
        TillHarness::type(QString::number(manager->id));
        TillHarness::press(Qt::Key_Return);
        TillHarness::type(QStringLiteral("1357"));
        TillHarness::press(Qt::Key_Return);
    });
    auto shown = whenModal<ReportsDialog>(
        [this](ReportsDialog* dialog) {
            QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), 10000);
            dialog->periodBox()->setCurrentIndex(ReportsDialog::ThisYear);
            QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), 10000);
            QTest::qWait(50);
            save(dialog, QStringLiteral("till-reports"));
            // Each tab as the README shows it, and the same screen as the sample PDF in docs/.
            for (const auto& [tab, name] : {std::pair {ReportsDialog::Trends, "till-reports-charts"},
                                            std::pair {ReportsDialog::Segments, "till-reports-segments"},
                                            std::pair {ReportsDialog::Cohorts, "till-reports-cohorts"}}) {
                dialog->tabs()->setCurrentIndex(tab);
                QTest::qWait(50);
                save(dialog, QString::fromLatin1(name));
            }
            LT_VERIFY_OK(dialog->savePdf(QDir(m_folder).filePath(QStringLiteral("reports-sample.pdf"))));
            TillHarness::press(Qt::Key_Escape);
        },
        15000);
    TillHarness::press(Qt::Key_F10);
    QVERIFY(*approved);
    QVERIFY(*shown);
}

void TestScreens::errorsFitTheirDialogs()
{
    showMember();
    // The longest inline messages each dialog shows.
    auto sale = whenModal<SaleDialog>([this](SaleDialog* dialog) {
        TillHarness::type(QStringLiteral("R-10490"));
        TillHarness::press(Qt::Key_Tab);
        TillHarness::type(QStringLiteral("27,85"));
        TillHarness::press(Qt::Key_Return);
        QVERIFY(!dialog->errorText().isEmpty());
        save(dialog, QString());
        TillHarness::press(Qt::Key_Escape);
    });
    TillHarness::press(Qt::Key_F2);
    QVERIFY(*sale);
    sale = whenModal<SaleDialog>([this](SaleDialog* dialog) {
        TillHarness::type(QStringLiteral("R-10471"));
        TillHarness::press(Qt::Key_Tab);
        TillHarness::type(QStringLiteral("27.85"));
        TillHarness::press(Qt::Key_Return);
        QVERIFY(!dialog->errorText().isEmpty());
        save(dialog, QString());
        TillHarness::press(Qt::Key_Escape);
    });
    TillHarness::press(Qt::Key_F2);
    QVERIFY(*sale);
    auto refund = whenModal<ui::RefundDialog>([this](ui::RefundDialog* dialog) {
        TillHarness::type(QStringLiteral("R-10471"));
        TillHarness::press(Qt::Key_Tab);
        TillHarness::type(QStringLiteral("900.00"));
        TillHarness::press(Qt::Key_Return);
        QVERIFY(!dialog->errorText().isEmpty());
        save(dialog, QString());
        TillHarness::press(Qt::Key_Escape);
    });
    TillHarness::press(Qt::Key_F4);
    QVERIFY(*refund);
    auto redeem = whenModal<RedeemDialog>([this](RedeemDialog* dialog) {
        TillHarness::press(Qt::Key_Down);
        TillHarness::press(Qt::Key_Return);
        QVERIFY(!dialog->errorText().isEmpty());
        save(dialog, QString());
        TillHarness::press(Qt::Key_Escape);
    });
    TillHarness::press(Qt::Key_F3);
    QVERIFY(*redeem);
    auto adjust = whenModal<AdjustmentDialog>([this](AdjustmentDialog* dialog) {
        TillHarness::type(QStringLiteral("2000000"));
        TillHarness::press(Qt::Key_Return);
        QVERIFY(!dialog->fieldError(QStringLiteral("points")).isEmpty());
        save(dialog, QString());
        TillHarness::type(QStringLiteral("5"));
        TillHarness::press(Qt::Key_Tab);
        TillHarness::press(Qt::Key_Return);
        QVERIFY(!dialog->fieldError(QStringLiteral("reason")).isEmpty());
        save(dialog, QString());
        TillHarness::press(Qt::Key_Escape);
    });
    TillHarness::press(Qt::Key_F7);
    QVERIFY(*adjust);
}

QTEST_MAIN(TestScreens)
#include "tst_ui_screens.moc"
