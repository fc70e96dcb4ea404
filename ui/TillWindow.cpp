#include "ui/TillWindow.h"

#include "core/common/Clock.h"
#include "core/domain/CardNumber.h"
#include "core/services/LoyaltyEngine.h"
#include "core/services/OfferService.h"
#include "core/store/Database.h"
#include "core/store/MemberStore.h"
#include "core/store/StoreSettings.h"
#include "core/store/SyncConflicts.h"
#include "sync/SyncEngine.h"
#include "sync/SyncScheduler.h"
#include "ui/TillCommands.h"
#include "ui/TillPreferences.h"
#include "ui/TillPrinting.h"
#include "ui/UiLogging.h"
#include "ui/dialogs/ConflictsDialog.h"
#include "ui/dialogs/EnrollmentDialog.h"
#include "ui/dialogs/ManagerApprovalDialog.h"
#include "ui/input/SerialScanner.h"
#include "ui/insight/MemberInsightLoader.h"
#include "ui/reports/ReportsDialog.h"
#include "ui/widgets/FirstStartWizard.h"
#include "ui/widgets/HelpOverlay.h"
#include "ui/widgets/LookupField.h"
#include "ui/widgets/MemberPanel.h"
#include "ui/widgets/MessageBanner.h"
#include "ui/widgets/PinForm.h"
#include "ui/widgets/StatusLabel.h"
#include "ui/widgets/SyncStatusLine.h"

#include <QApplication>
#include <QDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace lt::ui {

namespace {
enum Page { SignInPage, FirstStartPage, TillPage };
} // namespace

TillWindow::TillWindow(Database& db, LoyaltyEngine& engine, const Clock& clock, QWidget* parent)
    : QMainWindow(parent)
    , m_db(db)
    , m_engine(engine)
    , m_clock(clock)
    , m_staffDirectory(db, clock)
    , m_pages(new QStackedWidget(this))
    , m_banner(new MessageBanner(this))
    , m_lookup(new LookupField(this))
    , m_panel(new MemberPanel(this))
    , m_points(db, engine, m_staffDirectory, *m_banner, *this)
    , m_memberConflicts(new StatusLabel(this))
    , m_syncLine(new SyncStatusLine(db, engine, clock, this))
    , m_printing(new TillPrinting(db, engine, clock, m_staffDirectory, *this))
    , m_insights(new MemberInsightLoader(db.path(), clock, this))
    , m_who(new QLabel(this))
    , m_place(new QLabel(this))
{
    setWindowTitle(tr("LoyaltyTill"));
    m_pages->insertWidget(SignInPage, buildSignInPage());
    m_firstStart = new FirstStartWizard(db, m_staffDirectory, clock, this);
    m_pages->insertWidget(FirstStartPage, m_firstStart);
    m_pages->insertWidget(TillPage, buildTillPage());
    setCentralWidget(m_pages);
    TillCommands::buildMenus(*this);

    statusBar()->addWidget(m_syncLine);
    statusBar()->addWidget(m_printing->statusLine());
    m_printing->setServing([this] { return isLocked() || !m_member ? qint64(0) : m_member->id; });
    statusBar()->addPermanentWidget(m_place);
    statusBar()->addPermanentWidget(m_who);
    const TillPreferences preferences;
    if (!preferences.serialScannerPort().isEmpty()) {
        m_serialScanner = new SerialScanner(this);
        const QString problem =
            m_serialScanner->open(preferences.serialScannerPort(), preferences.serialScannerBaudRate());
        if (!problem.isEmpty())
            m_banner->show(MessageBanner::Kind::Error, problem);
        connect(m_serialScanner, &SerialScanner::scanned, this, [this](const QString& code) {
            if (!isLocked() && !QApplication::activeModalWidget())
                lookUp(code, true);
        });
    }
    m_memberConflicts->setAccessibleName(tr("Member's sync conflicts"));
    m_memberConflicts->setWordWrap(true);
    m_memberConflicts->setVisible(false);
    // The segment comes after the rest of the panel, and only for the member still shown.
    connect(m_insights, &MemberInsightLoader::loaded, this, [this](const MemberInsight& insight) {
        if (m_member && m_member->id == insight.memberId)
            m_panel->showInsight(insight);
    });

    connect(m_firstStart, &FirstStartWizard::finished, this, [this](qint64 id) {
        m_pages->setCurrentIndex(SignInPage);
        m_signIn->reset();
        m_signIn->showError(tr("Sign in as staff number %1.").arg(id));
        m_signIn->focusFirst();
    });
    m_idle.setSingleShot(true);
    setIdleLockSeconds(StoreSettings(db).value(StoreSettings::IdleLockSeconds).toInt());
    connect(&m_idle, &QTimer::timeout, this, &TillWindow::lock);
    m_statusTimer.setInterval(5000);
    connect(&m_statusTimer, &QTimer::timeout, this, &TillWindow::refreshStatus);
    m_statusTimer.start();
    qApp->installEventFilter(this);
    lock();
    refreshStatus();
}

TillWindow::~TillWindow()
{
    qApp->removeEventFilter(this);
}

QWidget* TillWindow::buildSignInPage()
{
    auto* page = new QWidget(this);
    m_signIn = new PinForm(tr("Sign in"), page);
    auto* layout = new QVBoxLayout(page);
    layout->addStretch();
    layout->addWidget(m_signIn, 0, Qt::AlignCenter);
    layout->addStretch();
    connect(m_signIn, &PinForm::submitted, this, &TillWindow::signIn);
    return page;
}

QWidget* TillWindow::buildTillPage()
{
    auto* page = new QWidget(this);
    QFont large = font();
    large.setPointSizeF(large.pointSizeF() * 1.4);
    m_lookup->setFont(large);
    m_lookup->setMinimumHeight(48);
    connect(m_lookup, &LookupField::submitted, this, &TillWindow::lookUp);

    QGridLayout* actions = TillCommands::actionKeys(*this, page, m_memberActions);
    auto* body = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    left->addWidget(m_memberConflicts);
    left->addWidget(m_panel, 1);
    body->addLayout(left, 3);
    auto* right = new QVBoxLayout;
    right->addLayout(actions);
    right->addStretch();
    body->addLayout(right, 2);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_banner);
    layout->addWidget(m_lookup);
    layout->addLayout(body, 1);
    return page;
}

void TillWindow::setIdleLockSeconds(int seconds)
{
    m_idle.setInterval(std::max(seconds, 10) * 1000);
    if (!isLocked())
        m_idle.start();
}

bool TillWindow::isLocked() const
{
    return m_pages->currentIndex() != TillPage;
}

void TillWindow::lock()
{
    m_idle.stop();
    // A dialog left open would let the next person finish the previous cashier's sale or redemption.
    const QList<QDialog*> dialogs = findChildren<QDialog*>();
    for (QDialog* dialog : dialogs) {
        if (dialog->isVisible())
            dialog->reject();
    }
    finishCustomer();
    if (m_staff.id > 0)
        qCInfo(lcTill) << "staff" << m_staff.id << "locked the till";
    m_staff = StaffMember {};
    m_who->setText(tr("Locked"));
    auto empty = m_staffDirectory.isEmpty();
    if (empty && *empty) {
        m_pages->setCurrentIndex(FirstStartPage);
        m_firstStart->focusFirst();
        return;
    }
    m_pages->setCurrentIndex(SignInPage);
    m_signIn->reset();
    m_signIn->focusFirst();
}

void TillWindow::signIn()
{
    auto staff = m_staffDirectory.signIn(m_signIn->staffId(), m_signIn->pin());
    if (!staff) {
        qCInfo(lcTill) << "sign-in refused:" << errorKindName(staff.error().kind);
        m_signIn->showError(staff.error().message);
        return;
    }
    m_staff = *staff;
    qCInfo(lcTill) << "staff" << m_staff.id << "signed in";
    m_who->setText(tr("%1 (%2)").arg(m_staff.name, m_staff.isManager() ? tr("manager") : tr("cashier")));
    m_pages->setCurrentIndex(TillPage);
    auto members = MemberStore(m_db).count();
    if (members && *members == 0)
        m_banner->show(MessageBanner::Kind::Information,
                       tr("Signed in as %1. The store has no members yet: enroll the first customer with F5, or add "
                          "demo members for training from the Till menu.")
                           .arg(m_staff.name));
    else
        m_banner->show(MessageBanner::Kind::Information, tr("Signed in as %1.").arg(m_staff.name));
    m_idle.start();
    refreshStatus();
    returnFocus();
}

bool TillWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress || event->type() == QEvent::MouseButtonPress)
        if (!isLocked())
            m_idle.start();
    return QMainWindow::eventFilter(watched, event);
}

void TillWindow::returnFocus()
{
    if (!isLocked()) {
        m_lookup->setFocus();
        m_lookup->selectAll();
    }
}

void TillWindow::lookUp(const QString& text, bool scanned)
{
    // A scanner reads barcodes, and the only member barcodes are the store's cards: anything else scanned is another
    // product's code or a misread, not a phone number to look up.
    if (scanned && !CardNumber::looksLikeCard(text)) {
        m_lookup->clear();
        m_banner->show(MessageBanner::Kind::Error,
                       tr("That barcode is not one of the store's loyalty cards: %1").arg(text));
        return;
    }
    auto found = m_engine.members().lookup(text);
    m_lookup->clear();
    qCDebug(lcTill) << (scanned ? "scanned" : "typed") << "lookup found"
                    << (found ? qsizetype(found->members.size()) : qsizetype(-1)) << "members";
    if (!found) {
        m_banner->show(MessageBanner::Kind::Error, found.error().message);
        return;
    }
    if (found->members.isEmpty()) {
        if (found->matchedBy == MemberDirectory::MatchedBy::Card)
            startEnrollment(QString(), found->normalized);
        else if (found->matchedBy == MemberDirectory::MatchedBy::Phone)
            startEnrollment(found->normalized);
        else
            m_banner->show(MessageBanner::Kind::Error, tr("No member matches \"%1\".").arg(text));
        return;
    }
    if (found->members.size() > 1) {
        QStringList lines;
        for (const Member& m : found->members.mid(0, 8))
            lines << tr("%1 (member %2)").arg(m.name).arg(m.id);
        m_banner->show(MessageBanner::Kind::Information,
                       tr("%n members match; type more of the name or use the phone number: %1", nullptr,
                          int(found->members.size()))
                           .arg(lines.join(QStringLiteral(", "))));
        return;
    }
    m_banner->clear();
    showMember(found->members.first().id);
}

void TillWindow::showMember(qint64 memberId)
{
    renderMember(memberId);
    returnFocus();
}

void TillWindow::renderMember(qint64 memberId)
{
    const bool another = !m_member || m_member->id != memberId;
    if (another)
        m_lastSaleReference.clear();
    auto member = m_engine.members().byId(memberId);
    auto history = m_engine.members().history(memberId, 10);
    auto tierChanges = m_engine.members().tierChanges(memberId);
    if (!member || !history || !tierChanges) {
        m_banner->show(MessageBanner::Kind::Error,
                       !member        ? member.error().message
                           : !history ? history.error().message
                                      : tierChanges.error().message);
        return;
    }
    MemberPanel::Shown shown {*member, *history, *tierChanges, {}, 0};
    for (const LedgerEntry& e : *history)
        shown.unconfirmedPoints += e.synced ? 0 : e.points;
    for (const RewardTier& reward : m_engine.program().rewardTiers) {
        if (m_engine.redemption().mayClaim(*member, reward.id))
            shown.claimableRewardIds << reward.id;
    }
    m_member = *member;
    m_panel->showMember(shown, m_engine.program());
    // The tier's progress, an offer and expiring points add to the panel; without them it still shows the member.
    auto outlook = m_engine.members().outlook(memberId);
    if (!outlook)
        m_banner->show(MessageBanner::Kind::Error, outlook.error().message);
    MemberOutlook fallback;
    fallback.tier = member->tier;
    m_panel->showOutlook(outlook ? *outlook : fallback, m_engine.program());
    // Read again after each change; meanwhile what is known of today's, or the same member's previous one.
    if (const std::optional<MemberInsight> known = m_insights->request(memberId))
        m_panel->showInsight(*known);
    else if (another)
        m_panel->clearInsight();
    for (QPushButton* b : std::as_const(m_memberActions))
        b->setEnabled(true);
    auto conflicts = SyncConflicts(m_db, m_clock).openCountFor(memberId);
    m_memberConflicts->setText(conflicts && *conflicts > 0
                                   ? tr("%n open conflict(s) with Square for this member: a manager resolves them "
                                        "with F8.",
                                        nullptr, int(*conflicts))
                                   : QString());
    m_memberConflicts->setVisible(!m_memberConflicts->text().isEmpty());
    refreshStatus();
}

void TillWindow::refreshMember()
{
    if (m_member)
        renderMember(m_member->id);
}

void TillWindow::finishCustomer()
{
    m_member.reset();
    m_lastSaleReference.clear();
    m_panel->clear();
    m_memberConflicts->clear();
    m_memberConflicts->setVisible(false);
    for (QPushButton* b : std::as_const(m_memberActions))
        b->setEnabled(false);
    returnFocus();
}

void TillWindow::startSale()
{
    if (!m_member) {
        m_banner->show(MessageBanner::Kind::Error, tr("Find the member first."));
        return;
    }
    if (auto change = m_points.sale(*m_member, m_staff)) {
        m_printing->recorded(LoyaltySlip::Kind::Sale, *change);
        m_lastSaleReference = change->saleReference;
        if (!change->repeated)
            syncSoon();
        const std::optional<TargetedOffer>& offer = m_panel->shownOffer();
        if (offer && change->targetedOfferId == offer->id)
            offerUsed(m_member->id);
        showMember(m_member->id);
    }
    returnFocus();
}

void TillWindow::startRedemption()
{
    if (!m_member) {
        m_banner->show(MessageBanner::Kind::Error, tr("Find the member first."));
        return;
    }
    // The dialog quotes on the balance: re-read it, another till may have changed it since the scan.
    showMember(m_member->id);
    if (auto change = m_points.redeem(*m_member, m_staff)) {
        m_printing->recorded(LoyaltySlip::Kind::Redemption, *change);
        syncSoon();
        showMember(m_member->id);
    }
    returnFocus();
}

void TillWindow::startRefund()
{
    if (auto change = m_points.refund(m_staff)) {
        m_printing->recorded(LoyaltySlip::Kind::Refund, *change);
        syncSoon();
        showMember(change->member.id);
    }
    returnFocus();
}

void TillWindow::startEnrollment(const QString& phone, const QString& card)
{
    StoreSettings settings(m_db);
    EnrollmentDialog dialog(m_engine, PointsActions::actorFor(m_staff), settings.value(StoreSettings::ConsentText),
                            settings.value(StoreSettings::ConsentVersion), this);
    if (!phone.isEmpty())
        dialog.setPhone(phone);
    if (!card.isEmpty())
        dialog.setCard(card);
    if (dialog.exec() == QDialog::Accepted) {
        const Enrollment& enrolled = dialog.result();
        m_banner->show(
            MessageBanner::Kind::Success,
            enrolled.existing
                ? tr("Already a member: member %1.").arg(enrolled.member.id)
                : tr("Welcome! Member %1 enrolled%2.")
                      .arg(enrolled.member.id)
                      .arg(enrolled.member.card.isEmpty() ? QString() : tr(" with card %1").arg(enrolled.member.card)));
        if (!enrolled.existing)
            syncSoon();
        showMember(enrolled.member.id);
    }
    returnFocus();
}

void TillWindow::voidLastSale()
{
    if (auto change = m_points.voidSale(m_lastSaleReference, m_staff)) {
        m_lastSaleReference.clear();
        syncSoon();
        showMember(change->member.id);
    }
    returnFocus();
}

void TillWindow::startAdjustment()
{
    if (!m_member)
        return;
    if (m_points.adjust(*m_member, m_staff))
        syncSoon();
    // Whatever the outcome, the balance as the store has it now.
    showMember(m_member->id);
}

void TillWindow::applyOffer()
{
    // The offer the cashier sees (it may have ended since), or the one applied here before: said to be applied.
    const std::optional<TargetedOffer>& shown = m_panel->shownOffer();
    const qint64 offerId = !m_member ? 0 : shown ? shown->id : m_appliedOffers.value(m_member->id);
    if (offerId == 0)
        return m_banner->show(MessageBanner::Kind::Information, tr("There is no offer for this member today."));
    if (shown && shown->kind == TargetedOffer::Kind::Multiplier)
        return m_banner->show(MessageBanner::Kind::Information,
                              tr("This offer applies by itself to the member's next sale."));
    const qint64 memberId = m_member->id;
    auto applied =
        OfferService(m_engine.context())
            .apply(memberId, offerId, m_clock.nowUtc().toLocalTime().date(), PointsActions::actorFor(m_staff));
    const LoyaltyProgram& program = m_engine.program();
    if (!applied) {
        m_banner->show(MessageBanner::Kind::Error, applied.error().message);
    } else if (applied->repeated) {
        m_banner->show(MessageBanner::Kind::Information,
                       tr("This offer was already applied: nothing more added. Balance %1 %2.")
                           .arg(applied->member.balance)
                           .arg(program.pointsWord(applied->member.balance)));
    } else {
        m_banner->show(MessageBanner::Kind::Success,
                       tr("%1 bonus %2 added: new balance %3 %4.")
                           .arg(applied->points)
                           .arg(program.pointsWord(applied->points))
                           .arg(applied->member.balance)
                           .arg(program.pointsWord(applied->member.balance)));
        m_appliedOffers.insert(memberId, offerId);
        syncSoon();
    }
    offerUsed(memberId);
    showMember(memberId);
}

void TillWindow::offerUsed(qint64 memberId)
{
    m_insights->drop(memberId);
    m_panel->clearOffer();
}

void TillWindow::showStoreProblem(const QString& message)
{
    m_banner->show(MessageBanner::Kind::Error, message);
}

void TillWindow::addDemoMembers()
{
    TillCommands::addDemoMembers(*this);
}

void TillWindow::showHelp()
{
    if (!m_help) {
        m_help = new HelpOverlay(centralWidget());
        connect(m_help, &HelpOverlay::closed, this, &TillWindow::returnFocus);
    }
    m_help->showOver();
}

void TillWindow::refreshStatus()
{
    m_syncLine->refresh();
    m_place->setText(
        tr("%1 · till %2").arg(StoreSettings(m_db).value(StoreSettings::StoreName), TillPreferences().tillName()));
}

void TillWindow::setSquareAccess(QNetworkAccessManager* network, CredentialStore* credentials)
{
    m_firstStart->setSquareAccess(network, credentials);
}

void TillWindow::setSync(SyncScheduler* sync)
{
    if (m_sync)
        disconnect(m_sync, nullptr, this, nullptr);
    m_sync = sync;
    m_syncLine->setScheduler(sync);
    if (!sync)
        return;
    connect(sync, &SyncScheduler::programChanged, this, &TillWindow::reloadProgram);
    // Events made elsewhere may have changed the balance, and a pass may have found conflicts.
    connect(sync, &SyncScheduler::passFinished, this, &TillWindow::refreshMember);
}

void TillWindow::syncSoon()
{
    if (m_sync)
        m_sync->operationRecorded();
    refreshStatus();
}

void TillWindow::syncNow()
{
    if (!m_sync) {
        m_banner->show(MessageBanner::Kind::Error, tr("Sync with Square is not running on this till."));
        return;
    }
    m_sync->syncNow();
    m_banner->show(MessageBanner::Kind::Information, tr("Syncing with Square…"));
    returnFocus();
}

void TillWindow::reloadProgram()
{
    if (auto reloaded = m_engine.reload(); !reloaded) {
        m_banner->show(MessageBanner::Kind::Error, reloaded.error().message);
        return;
    }
    m_insights->forget(); // the suggestions name the program's rewards
    refreshMember();
}

void TillWindow::openReports()
{
    ManagerApprovalDialog approval(m_staffDirectory, QStringLiteral("reports.view"), QStringLiteral("reports"),
                                   tr("Reports are for managers."), this);
    if (approval.exec() != QDialog::Accepted)
        return returnFocus();
    ReportsDialog dialog(m_db.path(), m_clock, this);
    // The manager picked a member behind a figure: the till shows them as if looked up.
    connect(&dialog, &ReportsDialog::memberChosen, this, [this](qint64 memberId) {
        m_banner->clear();
        renderMember(memberId);
    });
    dialog.exec();
    returnFocus();
}

void TillWindow::openConflicts()
{
    ManagerApprovalDialog approval(m_staffDirectory, QStringLiteral("sync.conflicts"), QStringLiteral("sync_conflicts"),
                                   tr("A manager resolves conflicts with Square."), this);
    if (approval.exec() != QDialog::Accepted)
        return returnFocus();
    ConflictsDialog dialog(m_engine, PointsActions::actorFor(m_staff), approval.manager().name, this);
    connect(&dialog, &ConflictsDialog::resolved, this, [this] { syncSoon(); });
    dialog.exec();
    if (dialog.resolvedCount() > 0)
        refreshMember();
    refreshStatus();
    returnFocus();
}

} // namespace lt::ui
