#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace lt {
class StaffDirectory;
}

namespace lt::ui {

// On a store with nobody to sign in yet: create the first manager, who can then add the others.
class FirstManagerForm : public QWidget
{
    Q_OBJECT
public:
    FirstManagerForm(StaffDirectory& staff, QWidget* parent = nullptr);
    void focusFirst();

signals:
    void created(qint64 staffId);

private:
    void submit();

    StaffDirectory& m_staff;
    QLineEdit* m_name;
    QLineEdit* m_pin;
    QLineEdit* m_repeat;
    QLabel* m_error;
};

} // namespace lt::ui
