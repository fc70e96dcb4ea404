#pragma once

#include "core/common/Result.h"
#include "core/domain/Actor.h"
#include "core/domain/Sale.h"
#include "core/services/LoyaltyEngine.h"
#include "core/store/Database.h"
#include "core/store/IntegrityChecker.h"
#include "tests/support/FixedClock.h"

#include <QTemporaryDir>

#include <initializer_list>
#include <memory>

namespace lt::test {

// A real store: an SQLite file in a temporary folder, opened through Database (so migrated and configured as in
// production) with a LoyaltyEngine on a FixedClock. The folder and everything in it go away with the object.
class TempStore
{
public:
    TempStore();
    ~TempStore();
    TempStore(const TempStore&) = delete;
    TempStore& operator=(const TempStore&) = delete;

    // Opens the store file, creating it the first time; reopening after close() keeps the data.
    Result<void> open();
    Result<void> open(const Database::Options& options);
    void close();
    bool isOpen() const { return m_db != nullptr; }

    QString path() const; // the store file
    QString filePath(const QString& name) const; // another file in the temporary folder
    Database& db() { return *m_db; }
    LoyaltyEngine& engine() { return *m_engine; }
    FixedClock& clock() { return m_clock; }

    // Who the tests' operations are recorded for.
    static Actor cashier() { return Actor::named(QStringLiteral("cashier-1")); }

    Result<Member> enroll(const QString& phone, const QString& name = {}, const QString& email = {});
    Result<PointsChange> accrue(qint64 memberId, const QString& reference, qint64 amountMinor);
    static Sale sale(const QString& reference, qint64 amountMinor, const QString& currency = QStringLiteral("USD"));

    // The first column of the first row as a number; -1 (and a warning) when the query fails.
    qint64 number(const char* sql, std::initializer_list<QVariant> values = {});
    qint64 balance(qint64 memberId);
    // "members=1 cards=0 ..." over every table a request can write, to show that a refused one wrote nothing.
    QString rowCounts();
    Result<IntegrityReport> checkIntegrity();

private:
    QTemporaryDir m_dir;
    FixedClock m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<LoyaltyEngine> m_engine;
};

} // namespace lt::test
