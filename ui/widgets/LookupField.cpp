#include "ui/widgets/LookupField.h"

#include "ui/UiLogging.h"

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

qint64 LookupField::keyTime(const QKeyEvent* event) const
{
    // The window system stamps each key when it is pressed; the event loop may deliver it much later (a sync pass,
    // a slow query), and a person's keys delivered together would look like a scanner's burst. Only keys made up
    // inside the program carry no stamp: for them the time they arrive is all there is.
    const quint64 stamp = event->timestamp();
    return stamp != 0 ? qint64(stamp) : m_clock.elapsed();
}

void LookupField::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        const bool scanned = m_classifier.isScan(keyTime(event));
        const QString text = this->text().trimmed();
        qCDebug(lcScanner) << text.size() << "characters taken for" << (scanned ? "a scan" : "typing");
        m_classifier.reset();
        if (!text.isEmpty())
            emit submitted(text, scanned);
        event->accept();
        return;
    }
    if (text().isEmpty() || selectedText() == text())
        m_classifier.reset();
    if (!event->text().isEmpty())
        m_classifier.keyPressed(keyTime(event));
    QLineEdit::keyPressEvent(event);
}

} // namespace lt::ui
