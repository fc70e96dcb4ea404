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
    auto name = PersonalDataValidator::name(nameText);
    if (!name)
        return name.error();
    if (name->isEmpty())
        return Error::invalid(QCoreApplication::translate("StaffDirectory", "Give the person's name."),
                              QStringLiteral("name"));
    if (auto valid = validatePin(pin); !valid)
        return valid.error();
    if (!sodiumReady())
        return Error::internal(
            QCoreApplication::translate("StaffDirectory", "The password hashing library could not start."));
    char hash[crypto_pwhash_STRBYTES];
    const QByteArray secret = pin.toUtf8();
    if (crypto_pwhash_str(hash, secret.constData(), quint64(secret.size()), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0)
        return Error::internal(QCoreApplication::translate("StaffDirectory", "Not enough memory to hash the PIN."));
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    QSqlQuery& insert =
        m_db.prepared(QStringLiteral("INSERT INTO staff (name, role, pin_hash, created_at) VALUES (?, ?, ?, ?)"));
    auto inserted = m_db.exec(
        insert, {*name, StaffMember::roleName(role), QString::fromLatin1(hash), toStorageTime(m_clock.nowUtc())});
    const qint64 id = insert.lastInsertId().toLongLong();
    insert.finish();
    if (!inserted)
        return inserted.error();
    if (auto audited = AuditLog(m_db, m_clock)
                           .record(actor, QStringLiteral("staff.add"), QStringLiteral("staff:%1").arg(id),
                                   {{QStringLiteral("role"), StaffMember::roleName(role)}});
        !audited)
        return audited.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return StaffMember {id, *name, role, true};
}

Result<StaffMember> StaffDirectory::verify(qint64 staffId, const QString& pin)
{
    if (!sodiumReady())
        return Error::internal(
            QCoreApplication::translate("StaffDirectory", "The password hashing library could not start."));
    QSqlQuery& select = m_db.prepared(QStringLiteral(
        "SELECT id, name, role, active, pin_hash, failed_attempts, locked_until FROM staff WHERE id = ?"));
    if (auto done = m_db.exec(select, {staffId}); !done) {
        select.finish();
        return done.error();
    }
    if (!select.next()) {
        select.finish();
        return Error::refused(QCoreApplication::translate("StaffDirectory", "Wrong staff number or PIN."));
    }
    const StaffMember staff = staffFrom(select);
    const QByteArray hash = select.value(4).toString().toLatin1();
    const int failures = select.value(5).toInt();
    const QDateTime lockedUntil = fromStorageTime(select.value(6).toString());
    select.finish();
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
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    const int attempts = match ? 0 : failures + 1;
    const QVariant lock =
        attempts >= MaximumAttempts ? QVariant(toStorageTime(now.addSecs(LockoutSeconds))) : QVariant();
    if (auto updated = m_db.exec(QStringLiteral("UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?"),
                                 {attempts >= MaximumAttempts ? 0 : attempts, lock, staffId});
        !updated)
        return updated.error();
    if (!match) {
        if (auto audited =
                AuditLog(m_db, m_clock)
                    .record(QStringLiteral("staff:%1").arg(staffId), QStringLiteral("staff.pin_rejected"),
                            QStringLiteral("staff:%1").arg(staffId), {{QStringLiteral("attempt"), attempts}});
            !audited)
            return audited.error();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    if (!match)
        return Error::refused(QCoreApplication::translate("StaffDirectory", "Wrong staff number or PIN."));
    return staff;
}

Result<StaffMember> StaffDirectory::signIn(qint64 staffId, const QString& pin)
{
    auto staff = verify(staffId, pin);
    if (!staff)
        return staff;
    if (auto audited = AuditLog(m_db, m_clock)
                           .record(QStringLiteral("staff:%1").arg(staff->id), QStringLiteral("staff.sign_in"),
                                   QStringLiteral("staff:%1").arg(staff->id));
        !audited)
        return audited.error();
    return staff;
}

Result<StaffMember> StaffDirectory::approve(qint64 managerId, const QString& pin, const QString& action,
                                            const QString& subject)
{
    auto manager = verify(managerId, pin);
    if (!manager)
        return manager;
    if (!manager->isManager())
        return Error::refused(QCoreApplication::translate("StaffDirectory", "%1 is not a manager.").arg(manager->name));
    if (auto audited = AuditLog(m_db, m_clock)
                           .record(QStringLiteral("staff:%1").arg(manager->id), QStringLiteral("approval.") + action,
                                   subject, {{QStringLiteral("manager"), manager->name}});
        !audited)
        return audited.error();
    return manager;
}

Result<QList<StaffMember>> StaffDirectory::list() const
{
    QSqlQuery& query = m_db.prepared(QStringLiteral("SELECT id, name, role, active FROM staff ORDER BY id"));
    StatementScope scope(query);
    if (auto done = m_db.exec(query); !done)
        return done.error();
    QList<StaffMember> staff;
    while (query.next())
        staff << staffFrom(query);
    return staff;
}

Result<void> StaffDirectory::deactivate(qint64 staffId, const QString& actor)
{
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    QSqlQuery& update = m_db.prepared(QStringLiteral("UPDATE staff SET active = 0 WHERE id = ?"));
    auto done = m_db.exec(update, {staffId});
    const int rows = update.numRowsAffected();
    update.finish();
    if (!done)
        return done.error();
    if (rows != 1)
        return Error::notFound(
            QCoreApplication::translate("StaffDirectory", "There is no staff member %1.").arg(staffId));
    if (auto audited = AuditLog(m_db, m_clock)
                           .record(actor, QStringLiteral("staff.deactivate"), QStringLiteral("staff:%1").arg(staffId));
        !audited)
        return audited.error();
    return transaction.commit();
}

Result<bool> StaffDirectory::isEmpty() const
{
    auto count = m_db.scalar(QStringLiteral("SELECT count(*) FROM staff WHERE active = 1"));
    if (!count)
        return count.error();
    return count->toLongLong() == 0;
}

} // namespace lt
