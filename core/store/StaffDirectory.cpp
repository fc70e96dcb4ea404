#include "core/store/StaffDirectory.h"

#include "core/common/Clock.h"
#include "core/domain/PersonalDataValidator.h"
#include "core/store/AuditLog.h"
#include "core/store/Database.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>

#include <sodium.h>

namespace lt {

namespace {

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

StaffMember staffFrom(const QSqlQuery& query)
{
    StaffMember s;
    s.id = query.value(0).toLongLong();
    s.name = query.value(1).toString();
    s.role =
        query.value(2).toString() == QLatin1String("manager") ? StaffMember::Role::Manager : StaffMember::Role::Cashier;
    s.active = query.value(3).toInt() == 1;
    return s;
}
} // namespace

QString StaffMember::roleName(Role role)
{
    return role == Role::Manager ? QStringLiteral("manager") : QStringLiteral("cashier");
}

Result<QString> StaffDirectory::validatePin(const QString& pin)
{
    if (pin.size() < 4 || pin.size() > 8)
        return Error::invalid(QCoreApplication::translate("StaffDirectory", "A PIN has 4 to 8 digits."),
                              QStringLiteral("pin"));
    for (QChar c : pin) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return Error::invalid(QCoreApplication::translate("StaffDirectory", "A PIN has only digits."),
                                  QStringLiteral("pin"));
    }
    return pin;
}

Result<StaffMember> StaffDirectory::add(const QString& nameText, StaffMember::Role role, const QString& pin,
                                        const QString& actor)
{
    LT_TRY_ASSIGN(const QString name, PersonalDataValidator::name(nameText));
    if (name.isEmpty())
        return Error::invalid(QCoreApplication::translate("StaffDirectory", "Give the person's name."),
                              QStringLiteral("name"));
    LT_TRY(validatePin(pin));
    if (!sodiumReady())
        return Error::internal(
            QCoreApplication::translate("StaffDirectory", "The password hashing library could not start."));
    char hash[crypto_pwhash_STRBYTES];
    const QByteArray secret = pin.toUtf8();
    if (crypto_pwhash_str(hash, secret.constData(), quint64(secret.size()), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0)
        return Error::internal(QCoreApplication::translate("StaffDirectory", "Not enough memory to hash the PIN."));
    const auto insert = [&]() -> Result<qint64> {
        QSqlQuery& query =
            m_db.prepared(QStringLiteral("INSERT INTO staff (name, role, pin_hash, created_at) VALUES (?, ?, ?, ?)"));
        auto inserted = m_db.exec(
            query, {name, StaffMember::roleName(role), QString::fromLatin1(hash), toStorageTime(m_clock.nowUtc())});
        const qint64 staffId = query.lastInsertId().toLongLong();
        query.finish();
        LT_TRY(inserted);
        LT_TRY(AuditLog(m_db, m_clock)
                   .record(actor, QStringLiteral("staff.add"), QStringLiteral("staff:%1").arg(staffId),
                           {{QStringLiteral("role"), StaffMember::roleName(role)}}));
        return staffId;
    };
    LT_TRY_ASSIGN(const qint64 id, inTransaction(m_db, insert));
    return StaffMember {id, name, role, true};
}

Result<StaffMember> StaffDirectory::verify(qint64 staffId, const QString& pin)
{
    if (!sodiumReady())
        return Error::internal(
            QCoreApplication::translate("StaffDirectory", "The password hashing library could not start."));
    QSqlQuery& select = m_db.prepared(QStringLiteral(
        "SELECT id, name, role, active, pin_hash, failed_attempts, locked_until FROM staff WHERE id = ?"));
    StaffMember staff;
    QByteArray hash;
    int failures = 0;
    QDateTime lockedUntil;
    {
        StatementScope scope(select);
        LT_TRY(m_db.exec(select, {staffId}));
        if (!select.next())
            return Error::refused(QCoreApplication::translate("StaffDirectory", "Wrong staff number or PIN."));
        staff = staffFrom(select);
        hash = select.value(4).toString().toLatin1();
        failures = select.value(5).toInt();
        lockedUntil = fromStorageTime(select.value(6).toString());
    }
    const QDateTime now = m_clock.nowUtc();
    if (!staff.active)
        return Error::refused(QCoreApplication::translate("StaffDirectory", "Wrong staff number or PIN."));
    if (lockedUntil.isValid() && lockedUntil > now) {
        const int minutes = static_cast<int>(now.secsTo(lockedUntil) / 60 + 1);
        return Error::refused(QCoreApplication::translate(
            "StaffDirectory", "Too many wrong PINs: try again in %n minute(s).", nullptr, minutes));
    }
    const QByteArray secret = pin.toUtf8();
    const bool match = validatePin(pin).ok()
        && crypto_pwhash_str_verify(hash.constData(), secret.constData(), quint64(secret.size())) == 0;
    // The count of failures and its audit entry are one change.
    const auto count = [&]() -> Result<void> {
        const int attempts = match ? 0 : failures + 1;
        const QVariant lock =
            attempts >= MaximumAttempts ? QVariant(toStorageTime(now.addSecs(LockoutSeconds))) : QVariant();
        LT_TRY(m_db.exec(QStringLiteral("UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?"),
                         {attempts >= MaximumAttempts ? 0 : attempts, lock, staffId}));
        if (match)
            return {};
        return AuditLog(m_db, m_clock)
            .record(QStringLiteral("staff:%1").arg(staffId), QStringLiteral("staff.pin_rejected"),
                    QStringLiteral("staff:%1").arg(staffId), {{QStringLiteral("attempt"), attempts}});
    };
    LT_TRY(inTransaction(m_db, count));
    if (!match)
        return Error::refused(QCoreApplication::translate("StaffDirectory", "Wrong staff number or PIN."));
    return staff;
}

Result<StaffMember> StaffDirectory::signIn(qint64 staffId, const QString& pin)
{
    LT_TRY_ASSIGN(const StaffMember staff, verify(staffId, pin));
    LT_TRY(AuditLog(m_db, m_clock)
               .record(QStringLiteral("staff:%1").arg(staff.id), QStringLiteral("staff.sign_in"),
                       QStringLiteral("staff:%1").arg(staff.id)));
    return staff;
}

Result<StaffMember> StaffDirectory::approve(qint64 managerId, const QString& pin, const QString& action,
                                            const QString& subject)
{
    LT_TRY_ASSIGN(const StaffMember manager, verify(managerId, pin));
    if (!manager.isManager())
        return Error::refused(QCoreApplication::translate("StaffDirectory", "%1 is not a manager.").arg(manager.name));
    LT_TRY(AuditLog(m_db, m_clock)
               .record(QStringLiteral("staff:%1").arg(manager.id), QStringLiteral("approval.") + action, subject,
                       {{QStringLiteral("manager"), manager.name}}));
    return manager;
}

Result<QList<StaffMember>> StaffDirectory::list() const
{
    QSqlQuery& query = m_db.prepared(QStringLiteral("SELECT id, name, role, active FROM staff ORDER BY id"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query));
    QList<StaffMember> staff;
    while (query.next())
        staff << staffFrom(query);
    return staff;
}

Result<void> StaffDirectory::deactivate(qint64 staffId, const QString& actor)
{
    const auto deactivate = [&]() -> Result<void> {
        QSqlQuery& update = m_db.prepared(QStringLiteral("UPDATE staff SET active = 0 WHERE id = ?"));
        auto done = m_db.exec(update, {staffId});
        const int rows = update.numRowsAffected();
        update.finish();
        LT_TRY(done);
        if (rows != 1)
            return Error::notFound(
                QCoreApplication::translate("StaffDirectory", "There is no staff member %1.").arg(staffId));
        return AuditLog(m_db, m_clock)
            .record(actor, QStringLiteral("staff.deactivate"), QStringLiteral("staff:%1").arg(staffId));
    };
    return inTransaction(m_db, deactivate);
}

Result<bool> StaffDirectory::isEmpty() const
{
    LT_TRY_ASSIGN(const QVariant count, m_db.scalar(QStringLiteral("SELECT count(*) FROM staff WHERE active = 1")));
    return count.toLongLong() == 0;
}

} // namespace lt
