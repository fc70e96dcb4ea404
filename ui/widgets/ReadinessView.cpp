#include "ui/widgets/ReadinessView.h"

#include "ui/widgets/StatusLabel.h"

#include <QLabel>
#include <QVBoxLayout>

namespace lt::ui {

ReadinessView::ReadinessView(QWidget* parent)
    : QWidget(parent)
    , m_lines(new QVBoxLayout(this))
{
    m_lines->setContentsMargins(0, 0, 0, 0);
}

void ReadinessView::show(const QList<CheckResult>& results)
{
    while (QLayoutItem* item = m_lines->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const CheckResult& result : results) {
        QString text;
        QLabel* line = nullptr;
        switch (result.status) {
        case CheckResult::Status::Ok:
            line = new QLabel(this);
            text = tr("Ready — %1: %2").arg(result.title, result.found);
            break;
        case CheckResult::Status::Warning:
            line = new StatusLabel(StatusLabel::Tone::Warning, StatusLabel::Weight::Normal, this);
            text = tr("Needs attention — %1: %2 %3").arg(result.title, result.found, result.fix);
            break;
        case CheckResult::Status::Failed:
            line = new StatusLabel(StatusLabel::Tone::Error, StatusLabel::Weight::Normal, this);
            text = tr("Not ready — %1: %2 %3").arg(result.title, result.found, result.fix);
            break;
        }
        line->setObjectName(QStringLiteral("check-") + result.id);
        line->setWordWrap(true);
        line->setText(text);
        line->setAccessibleName(result.title);
        m_lines->addWidget(line);
    }
}

} // namespace lt::ui
