#include "core/store/BackgroundStoreCheck.h"

#include "core/store/Database.h"
#include "core/store/SqliteConnection.h"

#include <QThread>

#include <sqlite3.h>

namespace lt {

BackgroundStoreCheck::BackgroundStoreCheck(QString databasePath, QObject* parent)
    : QObject(parent)
    , m_path(std::move(databasePath))
{
}

BackgroundStoreCheck::~BackgroundStoreCheck()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

Result<void> BackgroundStoreCheck::refuseWrites(Database& db)
{
    LT_TRY_ASSIGN(SqliteConnection raw, SqliteConnection::from(db));
    sqlite3_db_config(raw.handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    return db.exec(QStringLiteral("PRAGMA query_only = ON"));
}

void BackgroundStoreCheck::start()
{
    if (m_thread)
        return;
    m_thread = QThread::create([this] {
        Database::Options checkOnly;
        checkOnly.create = false;
        checkOnly.migrate = false;
        auto checked = Database::open(m_path, checkOnly); // quick_check; leaves STORE.damaged when it fails
        const bool ok = checked.ok();
        const bool corrupt = !ok && checked.error().kind == ErrorKind::Corrupt;
        const QString message = ok ? QString() : checked.error().message;
        checked = Error::internal(QString()); // the connection closes on this thread, which opened it
        QMetaObject::invokeMethod(
            this,
            [this, ok, corrupt, message] {
                if (ok)
                    emit passed();
                else if (corrupt)
                    emit damaged(message);
                else
                    emit unreadable(message);
            },
            Qt::QueuedConnection);
    });
    m_thread->start(QThread::LowPriority);
}

} // namespace lt
