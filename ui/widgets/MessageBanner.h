#pragma once

#include <QLabel>

namespace lt::ui {

// Errors and confirmations shown inline at the top of the till, never as a stack of modal boxes.
class MessageBanner : public QLabel
{
    Q_OBJECT
public:
    enum class Kind { Information, Success, Error };

    explicit MessageBanner(QWidget* parent = nullptr);
    void show(Kind kind, const QString& text);
    void clear();
    Kind kind() const { return m_kind; }

private:
    Kind m_kind = Kind::Information;
};

} // namespace lt::ui
