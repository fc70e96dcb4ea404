#pragma once

#include "core/store/StaffDirectory.h"

#include <QDialog>

namespace lt::ui {

class PinForm;

// A manager's staff number and PIN approving one action; written to the audit log with who, what and when.
class ManagerApprovalDialog : public QDialog
{
    Q_OBJECT
public:
    ManagerApprovalDialog(StaffDirectory& staff, const QString& action, const QString& subject, const QString& why,
                          QWidget* parent = nullptr);

    const StaffMember& manager() const { return m_manager; }
    PinForm* form() const { return m_form; }

private:
    void submit();

    StaffDirectory& m_staff;
    QString m_action;
    QString m_subject;
    PinForm* m_form;
    StaffMember m_manager;
};

} // namespace lt::ui
