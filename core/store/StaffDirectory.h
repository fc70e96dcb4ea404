#pragma once

#include "core/common/Result.h"

#include <QList>
#include <QString>

namespace lt {

class Database;
class Clock;

struct StaffMember
{
    enum class Role { Cashier, Manager };

    qint64 id = 0;
    QString name;
    Role role = Role::Cashier;
    bool active = true;

    bool isManager() const { return role == Role::Manager; }
    static QString roleName(Role role);
};

// Owns the staff table: cashiers and managers who sign in to the till with a PIN. PINs are stored only as Argon2id
// hashes (libsodium); five wrong PINs in a row lock that person out for five minutes. Sign-ins, failures and approvals
// are audited.
class StaffDirectory
{
public:
    static constexpr int MaximumAttempts = 5;
    static constexpr int LockoutSeconds = 300;

    StaffDirectory(Database& db, const Clock& clock)
        : m_db(db)
        , m_clock(clock)
    {
    }

    Result<StaffMember> add(const QString& name, StaffMember::Role role, const QString& pin, const QString& actor);
    Result<StaffMember> signIn(qint64 staffId, const QString& pin);
    // A manager's PIN approving `action` on `subject`: checked like a sign-in and written to the audit log.
    Result<StaffMember> approve(qint64 managerId, const QString& pin, const QString& action, const QString& subject);
    Result<QList<StaffMember>> list() const;
    Result<void> deactivate(qint64 staffId, const QString& actor);
    Result<bool> isEmpty() const;

    static Result<QString> validatePin(const QString& pin);

private:
    Result<StaffMember> verify(qint64 staffId, const QString& pin);

    Database& m_db;
    const Clock& m_clock;
};

} // namespace lt
