#include "ui/widgets/LookupField.h"

#include <QKeyEvent>

namespace lt::ui {

LookupField::LookupField(QWidget* parent)
    : QLineEdit(parent)
{
    m_clock.start();
    setClearButtonEnabled(true);
    setPlaceholderText(tr("Scan a card or type a phone number or name, then Enter"));
    setAccessibleName(tr("Member lookup"));
}

void LookupField::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        const bool scanned = m_classifier.isScan(m_clock.elapsed());
        const QString text = this->text().trimmed();
        m_classifier.reset();
        if (!text.isEmpty())
            emit submitted(text, scanned);
        event->accept();
        return;
    }
    if (text().isEmpty() || selectedText() == text())
        m_classifier.reset();
    if (!event->text().isEmpty())
        m_classifier.keyPressed(m_clock.elapsed());
    QLineEdit::keyPressEvent(event);
}

} // namespace lt::ui
