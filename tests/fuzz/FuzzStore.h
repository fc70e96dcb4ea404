#pragma once

#include "core/common/Clock.h"
#include "core/services/LoyaltyEngine.h"
#include "core/store/Database.h"
#include "core/store/IntegrityChecker.h"

#include <QByteArray>
#include <QTemporaryDir>

#include <memory>

namespace lt::fuzz {

// A clock that moves one millisecond on every read, from a fixed moment: the same input writes the same store.
class SteppingClock final : public Clock
{
public:
    QDateTime nowUtc() const override;

private:
    mutable qint64 m_msecs = 1709294400000; // 2024-03-01T12:00:00Z
};

// A small real store (three members, 2 with cards) for the importers, fresh for every input: made once, kept as
// bytes, and written back to a file of its own before each run, in memory (/dev/shm) when the machine has it so that
// SQLite's fsyncs cost nothing. Everything lives in one temporary folder, removed at exit.
class FuzzStore
{
public:
    // The members every fresh store holds (ids 1, 2 and 3).
    static constexpr const char* Phones[] = {"+14155550101", "+14155550102", "+14155550103"};

    FuzzStore();
    ~FuzzStore();
    FuzzStore(const FuzzStore&) = delete;
    FuzzStore& operator=(const FuzzStore&) = delete;

    // A fresh copy of the store, opened with its engine; aborts when that fails (the harness is broken, not the input).
    void reset();
    Database& db() { return *m_db; }
    LoyaltyEngine& engine() { return *m_engine; }
    const Clock& clock() const { return m_clock; }
    IntegrityReport check();

private:
    void close();
    QString path() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    SteppingClock m_clock;
    QByteArray m_template;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<LoyaltyEngine> m_engine;
};

} // namespace lt::fuzz
