#include "core/store/Transaction.h"

#include "core/store/Database.h"

#include <QSqlQuery>
#include <QThread>

namespace lt {

void leaveWriteLockFree()
{
    QThread::usleep(2000); // twice a waiting connection's interval between tries
}

Transaction::Transaction(Database& db)
    : m_db(db)
{
}

Transaction::~Transaction()
{
    rollback();
}

Result<void> Transaction::begin()
{
    LT_TRY(m_db.exec(QStringLiteral("BEGIN IMMEDIATE")));
    m_open = true;
    return {};
}

Result<void> Transaction::commit()
{
    if (!m_open)
        return Error::internal(QStringLiteral("commit without a transaction"));
    if (auto done = m_db.exec(QStringLiteral("COMMIT")); !done) {
        rollback();
        return done.error();
    }
    m_open = false;
    return {};
}

void Transaction::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    (void)m_db.exec(QStringLiteral("ROLLBACK"));
}

StatementScope::~StatementScope()
{
    m_query.finish();
}

} // namespace lt
