#include "ui/reports/KpiCard.h"

#include <QLabel>
#include <QVBoxLayout>

namespace lt::ui {

KpiCard::KpiCard(const QString& title, const QString& howComputed, QWidget* parent)
    : QFrame(parent)
    , m_title(new QLabel(title, this))
    , m_value(new QLabel(this))
    , m_comparison(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setToolTip(howComputed);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    QFont large = m_value->font();
    large.setPointSizeF(large.pointSizeF() * 1.6);
    m_value->setFont(large);
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* how = new QLabel(howComputed, this);
    how->setWordWrap(true);
    QFont quiet = how->font(); // quieter by its face, not a paler colour, so it reads in both palettes
    quiet.setItalic(true);
    how->setFont(quiet);
    m_comparison->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_comparison);
    layout->addWidget(how);
    layout->addStretch();
}

void KpiCard::setValue(const QString& value, const QString& comparison)
{
    m_value->setText(value);
    m_comparison->setText(comparison);
}

QString KpiCard::value() const
{
    return m_value->text();
}

QString KpiCard::comparison() const
{
    return m_comparison->text();
}

QString KpiCard::title() const
{
    return m_title->text();
}

} // namespace lt::ui
