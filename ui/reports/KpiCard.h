#pragma once

#include <QFrame>

class QLabel;

namespace lt::ui {

// One key figure on the Reports screen: its name, its value, how it moved against the period before and a year
// earlier, and a short line on how it is computed (also the card's tooltip).
class KpiCard : public QFrame
{
    Q_OBJECT

public:
    KpiCard(const QString& title, const QString& howComputed, QWidget* parent = nullptr);

    void setValue(const QString& value, const QString& comparison);
    QString value() const;
    QString comparison() const;
    QString title() const;

private:
    QLabel* m_title;
    QLabel* m_value;
    QLabel* m_comparison;
};

} // namespace lt::ui
