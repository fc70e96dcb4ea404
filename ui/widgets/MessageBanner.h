#pragma once

#include <QColor>
#include <QLabel>

namespace lt::ui {

// Errors and confirmations shown inline at the top of the till, never as a stack of modal boxes. Its colours come
// from the palette in use and change with it.
class MessageBanner : public QLabel
{
    Q_OBJECT
public:
    enum class Kind { Information, Success, Error };
    struct Colours
    {
        QColor text;
        QColor background;
    };

    explicit MessageBanner(QWidget* parent = nullptr);
    void show(Kind kind, const QString& text);
    void clear();
    Kind kind() const { return m_kind; }
    QColor background() const { return m_background; }

    // A message of this kind on a window of this palette; the error's text is Appearance::errorColor.
    static Colours colours(Kind kind, const QPalette& palette);

protected:
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void followPalette();

    Kind m_kind = Kind::Information;
    QColor m_background;
};

} // namespace lt::ui
