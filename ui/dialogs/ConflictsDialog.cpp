#include "ui/dialogs/ConflictsDialog.h"

#include "core/domain/PhoneNumberNormalizer.h"
#include "core/domain/SyncKinds.h"
#include "core/services/LoyaltyEngine.h"
#include "ui/UiLogging.h"
#include "ui/widgets/MessageBanner.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace lt::ui {

namespace {
enum Column { MemberColumn, WhatColumn, PointsColumn, ReasonColumn, WhenColumn, ColumnCount };

QString factText(const QJsonValue& value)
{
    if (value.isUndefined())
        return QStringLiteral("—");
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return value.toVariant().toString();
}
} // namespace

ConflictsDialog::ConflictsDialog(LoyaltyEngine& engine, const Actor& actor, const QString& manager, QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_conflicts(engine.context().db, engine.context().clock, actor.name())
    , m_manager(manager)
    , m_banner(new MessageBanner(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_details(new QLabel(this))
    , m_note(new QLineEdit(this))
{
    setWindowTitle(tr("Sync conflicts with Square"));
    resize(900, 560);
    m_table->setObjectName(QStringLiteral("conflictsTable"));
    m_table->setAccessibleName(tr("Open conflicts"));
    m_table->setHorizontalHeaderLabels(
        {tr("Member"), tr("What happened"), tr("Points"), tr("Square's reason"), tr("When")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false); // Tab leaves the table for the note and the actions
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(ReasonColumn, QHeaderView::Stretch);
    m_details->setObjectName(QStringLiteral("conflictDetails"));
    m_details->setAccessibleName(tr("Both sides' facts"));
    m_details->setTextFormat(Qt::RichText);
    m_details->setWordWrap(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setMinimumHeight(140);
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setAccessibleName(tr("Note"));
    m_note->setPlaceholderText(tr("Note for the audit log (optional)"));
    m_note->setMaxLength(500);

    auto* actions = new QHBoxLayout;
    const struct
    {
        ConflictAction action;
        Qt::Key key;
        const char* name;
    } buttons[] = {
        {ConflictAction::Retry, Qt::Key_R, "retry"},
        {ConflictAction::Force, Qt::Key_F, "force"},
        {ConflictAction::AcceptSquare, Qt::Key_A, "acceptSquare"},
        {ConflictAction::Dismiss, Qt::Key_D, "dismiss"},
    };
    for (const auto& b : buttons) {
        const QKeySequence key(Qt::ALT | b.key);
        auto* button = new QPushButton(
            tr("%1 (%2)").arg(SyncConflicts::describeAction(b.action), key.toString(QKeySequence::NativeText)), this);
        button->setObjectName(QString::fromLatin1(b.name));
        button->setAccessibleName(SyncConflicts::describeAction(b.action));
        button->setShortcut(key);
        button->setAutoDefault(false);
        const ConflictAction action = b.action;
        connect(button, &QPushButton::clicked, this, [this, action] { resolve(action); });
        m_actions.insert(int(action), button);
        actions->addWidget(button);
    }
    actions->addStretch();
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->button(QDialogButtonBox::Close)->setAutoDefault(false);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_table, 2);
    layout->addWidget(m_details, 1);
    layout->addWidget(m_note);
    layout->addLayout(actions);
    layout->addWidget(close);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ConflictsDialog::showSelected);
    reload();
    m_table->setFocus();
}

const SyncConflict* ConflictsDialog::selected() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < m_list.size() && m_table->selectionModel()->hasSelection() ? &m_list.at(row) : nullptr;
}

void ConflictsDialog::reload(qint64 selectId)
{
    auto open = m_conflicts.list(false);
    if (!open) {
        m_banner->show(MessageBanner::Kind::Error, open.error().message);
        m_list.clear();
    } else {
        m_list = *open;
    }
    m_table->setRowCount(int(m_list.size()));
    int selectRow = m_list.isEmpty() ? -1 : 0;
    for (int row = 0; row < m_list.size(); ++row) {
        const SyncConflict& conflict = m_list.at(row);
        if (conflict.id == selectId)
            selectRow = row;
        const QStringList cells = {
            memberText(conflict.memberId),
            operationText(conflict),
            conflict.operation ? QLocale().toString(conflict.points) : QString(),
            conflict.code.isEmpty() ? conflict.message : tr("%1 (%2)").arg(conflict.message, conflict.code),
            QLocale().toString(conflict.createdAt.toLocalTime(), QLocale::ShortFormat),
        };
        for (int column = 0; column < ColumnCount; ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    m_table->resizeColumnsToContents();
    if (selectRow >= 0)
        m_table->selectRow(selectRow);
    showSelected();
}

void ConflictsDialog::showSelected()
{
    const SyncConflict* conflict = selected();
    const QList<ConflictAction> allowed = conflict ? SyncConflicts::actionsFor(*conflict) : QList<ConflictAction>();
    for (auto it = m_actions.constBegin(); it != m_actions.constEnd(); ++it) {
        const bool applies = allowed.contains(ConflictAction(it.key()));
        it.value()->setVisible(applies);
        it.value()->setEnabled(applies);
    }
    m_note->setEnabled(conflict != nullptr);
    if (!conflict)
        m_details->setText(m_list.isEmpty() ? tr("No open conflicts: this store and Square agree.")
                                            : tr("Choose a conflict to see both sides."));
    else
        m_details->setText(detailsHtml(*conflict));
}

void ConflictsDialog::resolve(ConflictAction action)
{
    const SyncConflict* conflict = selected();
    if (!conflict || !SyncConflicts::actionsFor(*conflict).contains(action))
        return;
    const qint64 id = conflict->id;
    const qint64 memberId = conflict->memberId;
    auto done = m_conflicts.resolve(id, action, m_manager, m_note->text());
    if (!done) {
        m_banner->show(MessageBanner::Kind::Error, done.error().message);
        reload(id);
        m_table->setFocus();
        return;
    }
    qCInfo(lcTill) << "conflict" << id << "resolved:" << SyncConflicts::actionName(action);
    ++m_resolved;
    m_note->clear();
    m_banner->show(MessageBanner::Kind::Success,
                   tr("Conflict %1 resolved: %2.").arg(id).arg(SyncConflicts::describeAction(action)));
    emit resolved(memberId);
    reload();
    m_table->setFocus();
}

QString ConflictsDialog::memberText(qint64 memberId) const
{
    if (memberId <= 0)
        return tr("(no member)");
    auto member = m_engine.members().byId(memberId);
    if (!member)
        return tr("Member %1").arg(memberId);
    // The phone is personal data: masked, as on the member panel.
    const QString who = member->erased ? tr("Erased member")
        : member->name.isEmpty()       ? PhoneNumberNormalizer::masked(member->phone)
                                       : member->name;
    return tr("%1 (member %2)").arg(who).arg(memberId);
}

QString ConflictsDialog::operationText(const SyncConflict& conflict) const
{
    QString kind = SyncConflicts::describeKind(conflict.kind);
    if (!conflict.operation)
        return kind;
    const char* name = "";
    switch (*conflict.operation) {
    case OutboxOperation::Enroll:
        name = QT_TR_NOOP("enrollment");
        break;
    case OutboxOperation::Accrue:
        name = QT_TR_NOOP("sale");
        break;
    case OutboxOperation::Redeem:
        name = QT_TR_NOOP("redemption");
        break;
    case OutboxOperation::Refund:
        name = QT_TR_NOOP("refund");
        break;
    case OutboxOperation::Adjust:
        name = QT_TR_NOOP("adjustment");
        break;
    }
    return tr("%1 (%2)").arg(kind, tr(name));
}

QString ConflictsDialog::detailsHtml(const SyncConflict& conflict) const
{
    QString html = QStringLiteral("<p><b>%1</b> — %2</p>")
                       .arg(memberText(conflict.memberId).toHtmlEscaped(), operationText(conflict).toHtmlEscaped());
    if (conflict.operation)
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("%n point(s) in the operation Square did not take.", nullptr,
                            int(std::clamp<qint64>(conflict.points, -1'000'000'000, 1'000'000'000))));
    html +=
        QStringLiteral("<p>%1 %2</p>")
            .arg(tr("Square said:").toHtmlEscaped(),
                 (conflict.code.isEmpty() ? conflict.message : conflict.code + QStringLiteral(": ") + conflict.message)
                     .toHtmlEscaped());
    // Both sides' facts side by side, whatever sync recorded.
    QStringList keys = conflict.localFacts.keys();
    for (const QString& key : conflict.squareFacts.keys()) {
        if (!keys.contains(key))
            keys << key;
    }
    if (!keys.isEmpty()) {
        html +=
            QStringLiteral("<table cellpadding='3'><tr><th></th><th align='left'>%1</th><th align='left'>%2</th></tr>")
                .arg(tr("At this store").toHtmlEscaped(), tr("At Square").toHtmlEscaped());
        // The phone a refused enrollment carried is personal data: masked, as on the member panel.
        const auto fact = [](const QJsonObject& facts, const QString& name) {
            const QJsonValue value = facts.value(name);
            return name == QLatin1String("phone") && value.isString() ? PhoneNumberNormalizer::masked(value.toString())
                                                                      : factText(value);
        };
        for (const QString& key : std::as_const(keys))
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                        .arg(key.toHtmlEscaped(), fact(conflict.localFacts, key).toHtmlEscaped(),
                             fact(conflict.squareFacts, key).toHtmlEscaped());
        html += QStringLiteral("</table>");
    }
    html += QStringLiteral("<p>%1</p>")
                .arg(tr("Found %1.")
                         .arg(QLocale().toString(conflict.createdAt.toLocalTime(), QLocale::LongFormat))
                         .toHtmlEscaped());
    return html;
}

} // namespace lt::ui
