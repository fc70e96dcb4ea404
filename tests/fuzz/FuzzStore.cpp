#include "tests/fuzz/FuzzStore.h"

#include "core/domain/Actor.h"
#include "core/domain/CardNumber.h"
#include "core/services/EnrollmentService.h"
#include "tests/fuzz/FuzzSupport.h"

#include <QDir>
#include <QFile>

namespace lt::fuzz {

QDateTime SteppingClock::nowUtc() const
{
    return QDateTime::fromMSecsSinceEpoch(++m_msecs, Qt::UTC);
}

FuzzStore::FuzzStore()
{
    const QString shm = QStringLiteral("/dev/shm");
    const bool memory = QFileInfo(shm).isDir() && QFileInfo(shm).isWritable();
    m_dir = std::make_unique<QTemporaryDir>(memory ? shm + QStringLiteral("/loyaltytill-fuzz-XXXXXX")
                                                   : QDir::tempPath() + QStringLiteral("/loyaltytill-fuzz-XXXXXX"));
    require(m_dir->isValid(), "a temporary folder for the store");
    auto db = Database::open(path());
    require(db.ok(), "the fuzz store opens", db ? QString() : db.error().message);
    m_db = std::move(*db);
    auto engine = LoyaltyEngine::create(*m_db, m_clock);
    require(engine.ok(), "the fuzz store's engine", engine ? QString() : engine.error().message);
    m_engine = std::move(*engine);
    for (int i = 0; i < 3; ++i) {
        EnrollmentRequest request;
        request.phone = QString::fromLatin1(Phones[i]);
        request.name = QStringLiteral("Member %1").arg(i + 1);
        if (i < 2)
            request.card = CardNumber::fromSerial(1000 + i);
        const auto enrolled = m_engine->enrollment().enroll(request, Actor::named(QStringLiteral("fuzz")));
        require(enrolled.ok(), "the fuzz store's members", enrolled ? QString() : enrolled.error().message);
    }
    close();
    QFile file(path());
    require(file.open(QIODevice::ReadOnly), "the fuzz store's file");
    m_template = file.readAll();
}

FuzzStore::~FuzzStore()
{
    close();
}

QString FuzzStore::path() const
{
    return m_dir->filePath(QStringLiteral("store.sqlite"));
}

void FuzzStore::close()
{
    m_engine.reset();
    m_db.reset();
}

void FuzzStore::reset()
{
    close();
    for (const char* suffix : {"-wal", "-shm"})
        QFile::remove(path() + QLatin1String(suffix));
    QFile file(path());
    require(file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(m_template) == m_template.size(),
            "the fuzz store's copy");
    file.close();
    Database::Options options;
    options.create = false;
    options.migrate = false;
    options.quickCheck = false;
    auto db = Database::open(path(), options);
    require(db.ok(), "the fuzz store reopens", db ? QString() : db.error().message);
    m_db = std::move(*db);
    auto engine = LoyaltyEngine::create(*m_db, m_clock);
    require(engine.ok(), "the fuzz store's engine", engine ? QString() : engine.error().message);
    m_engine = std::move(*engine);
}

IntegrityReport FuzzStore::check()
{
    auto report = IntegrityChecker(*m_db).check();
    require(report.ok(), "the integrity check runs", report ? QString() : report.error().message);
    return *report;
}

} // namespace lt::fuzz
