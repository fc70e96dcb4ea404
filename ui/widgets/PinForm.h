#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace lt::ui {

// Staff number and PIN, typed from the keyboard: number, Tab, PIN, Enter. Used to sign in and to approve.
class PinForm : public QWidget
{
    Q_OBJECT
public:
    explicit PinForm(const QString& title, QWidget* parent = nullptr);

    qint64 staffId() const;
    QString pin() const;
    void showError(const QString& message);
    void reset();
    void focusFirst();

signals:
    void submitted();

private:
    QLabel* m_title;
    QLineEdit* m_staff;
    QLineEdit* m_pin;
    QLabel* m_error;
};

} // namespace lt::ui
