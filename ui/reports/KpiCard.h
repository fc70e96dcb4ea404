#pragma once

#include <QFrame>

class QLabel;

namespace lt::ui {

// One key figure on the Reports screen: its name, its value, how it moved against the period before and a year
// earlier, and a short line on how it is computed (also the card's tooltip). A card with members behind its figure
// can be opened: it takes the focus, and Enter, Space or a double click ask for the member list (drillDown()).
class KpiCard : public QFrame
{
    Q_OBJECT

public:
    KpiCard(const QString& title, const QString& howComputed, QWidget* parent = nullptr);

    void setValue(const QString& value, const QString& comparison);
    QString value() const;
    QString comparison() const;
    QString title() const;

    // Cards of money and rates have no members behind them and stay closed (the default).
    void setDrillDownEnabled(bool enabled);
    bool isDrillDownEnabled() const { return m_drillDown; }

signals:
    void drillDown(); // the manager asked for the members behind the figure

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    QLabel* m_title;
    QLabel* m_value;
    QLabel* m_comparison;
    QLabel* m_opens; // the cue that the card opens a list
    bool m_drillDown = false;
};

} // namespace lt::ui
