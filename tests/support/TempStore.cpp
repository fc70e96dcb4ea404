#include "tests/support/TempStore.h"

#include <QDebug>

namespace lt::test {

TempStore::TempStore()
    : m_clock(FixedClock::defaultStart(), 1)
{
}

TempStore::~TempStore()
{
    close();
}

Result<void> TempStore::open()
{
    return open(Database::Options {});
}

Result<void> TempStore::open(const Database::Options& options)
{
    close();
    if (!m_dir.isValid())
        return Error::storage(QStringLiteral("Cannot create a temporary folder: %1").arg(m_dir.errorString()));
    auto db = Database::open(path(), options);
    if (!db)
        return db.error();
    m_db = std::move(*db);
    auto engine = LoyaltyEngine::create(*m_db, m_clock);
    if (!engine) {
        m_db.reset();
        return engine.error();
    }
    m_engine = std::move(*engine);
    return {};
}

void TempStore::close()
{
    m_engine.reset();
    m_db.reset();
}

QString TempStore::path() const
{
    return m_dir.filePath(QStringLiteral("store.sqlite"));
}

QString TempStore::filePath(const QString& name) const
{
    return m_dir.filePath(name);
}

Result<Member> TempStore::enroll(const QString& phone, const QString& name, const QString& email)
{
    EnrollmentRequest request;
    request.phone = phone;
    request.name = name;
    request.email = email;
    auto enrolled = m_engine->enrollment().enroll(request, cashier());
    if (!enrolled)
        return enrolled.error();
    return enrolled->member;
}

Result<PointsChange> TempStore::accrue(qint64 memberId, const QString& reference, qint64 amountMinor)
{
    return m_engine->accrual().accrue(memberId, sale(reference, amountMinor), cashier());
}

Sale TempStore::sale(const QString& reference, qint64 amountMinor, const QString& currency)
{
    Sale sale;
    sale.reference = reference;
    sale.total = Money(amountMinor, currency);
    return sale;
}

qint64 TempStore::number(const char* sql, std::initializer_list<QVariant> values)
{
    auto value = m_db->scalar(QString::fromUtf8(sql), values);
    if (!value) {
        qWarning() << "query failed:" << sql << value.error().message;
        return -1;
    }
    return value->toLongLong();
}

qint64 TempStore::balance(qint64 memberId)
{
    return number("SELECT balance FROM members WHERE id = ?", {memberId});
}

QString TempStore::rowCounts()
{
    QStringList counts;
    for (const char* table : {"members", "cards", "member_search", "sales", "ledger", "refunds", "adjustments",
                              "outbox", "audit_log", "settings", "program"}) {
        const QString name = QString::fromLatin1(table);
        auto count = m_db->scalar(QStringLiteral("SELECT count(*) FROM ") + name);
        counts << name + QLatin1Char('=') + (count ? count->toString() : QStringLiteral("?"));
    }
    return counts.join(QLatin1Char(' '));
}

Result<IntegrityReport> TempStore::checkIntegrity()
{
    return IntegrityChecker(*m_db).check();
}

} // namespace lt::test
