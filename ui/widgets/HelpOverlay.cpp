#include "ui/widgets/HelpOverlay.h"

#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace lt::ui {

HelpOverlay::HelpOverlay(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("helpOverlay"));
    setAccessibleName(tr("Keys"));
    setFocusPolicy(Qt::StrongFocus);
    auto* text = new QLabel(this);
    text->setTextFormat(Qt::RichText);
    text->setStyleSheet(QStringLiteral("color:white;font-size:18pt;"));
    text->setText(tr("<table cellpadding='4'>"
                     "<tr><td><b>Enter</b></td><td>look up what was typed or scanned</td></tr>"
                     "<tr><td><b>F2</b></td><td>sale: award points</td></tr>"
                     "<tr><td><b>F3</b></td><td>redeem a reward</td></tr>"
                     "<tr><td><b>F4</b></td><td>refund a sale</td></tr>"
                     "<tr><td><b>F5</b></td><td>enroll a customer</td></tr>"
                     "<tr><td><b>F6</b></td><td>void the last sale (a manager once the customer has left)</td></tr>"
                     "<tr><td><b>F7</b></td><td>adjust points (a manager approves)</td></tr>"
                     "<tr><td><b>F8</b></td><td>conflicts with Square (a manager)</td></tr>"
                     "<tr><td><b>F9</b></td><td>sync with Square now</td></tr>"
                     "<tr><td><b>F10</b></td><td>reports (a manager)</td></tr>"
                     "<tr><td><b>F11</b></td><td>apply the member's offer shown on the panel</td></tr>"
                     "<tr><td><b>Ctrl+P</b></td><td>print the slip (again)</td></tr>"
                     "<tr><td><b>Ctrl+W</b></td><td>the member's card in the phone's wallet</td></tr>"
                     "<tr><td><b>Ctrl+K</b></td><td>print the member's card</td></tr>"
                     "<tr><td><b>Ctrl+M</b></td><td>the member's marketing consent (W withdraws it)</td></tr>"
                     "<tr><td><b>Esc</b></td><td>next customer</td></tr>"
                     "<tr><td><b>F12</b></td><td>lock the till</td></tr>"
                     "<tr><td><b>F1</b></td><td>this help</td></tr></table>"
                     "<p>Press any key to go back.</p>"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(text, 0, Qt::AlignCenter);
    hide();
}

void HelpOverlay::showOver()
{
    setGeometry(parentWidget()->rect());
    raise();
    show();
    setFocus();
}

void HelpOverlay::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0, 0, 0, 200));
}

void HelpOverlay::keyPressEvent(QKeyEvent* event)
{
    event->accept();
    hide();
    emit closed();
}

void HelpOverlay::mousePressEvent(QMouseEvent* event)
{
    event->accept();
    hide();
    emit closed();
}

} // namespace lt::ui
