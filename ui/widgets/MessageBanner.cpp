#include "ui/widgets/MessageBanner.h"

namespace lt::ui {

MessageBanner::MessageBanner(QWidget* parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText); // messages quote what was typed or scanned, which is not markup
    setMargin(10);
    setAccessibleName(tr("Message"));
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setVisible(false);
}

void MessageBanner::show(Kind kind, const QString& text)
{
    m_kind = kind;
    static const char* const styles[] = {
        "background:#e8f0fe;color:#0b3d91;border-radius:6px;",
        "background:#e6f4ea;color:#0d652d;border-radius:6px;",
        "background:#fce8e6;color:#a50e0e;border-radius:6px;font-weight:bold;",
    };
    setStyleSheet(QString::fromLatin1(styles[int(kind)]));
    setText(text);
    setVisible(true);
}

void MessageBanner::clear()
{
    setText(QString());
    setVisible(false);
}

} // namespace lt::ui
