#pragma once

#include "core/common/Result.h"
#include "core/domain/LoyaltyProgram.h"

namespace lt {

class Database;
class Clock;

// Owns the program table: the one program the store runs, kept as a JSON document (Square's shape).
class ProgramRepository
{
public:
    enum class Source { Local, Square };

    ProgramRepository(Database& db, const Clock& clock)
        : m_db(db)
        , m_clock(clock)
    {
    }

    // The stored program, or the default program when none was stored yet.
    Result<LoyaltyProgram> load() const;
    // Whether a program was stored (false: the store runs the default program).
    Result<bool> isStored() const;
    // Must run inside the caller's transaction when it is part of a larger change.
    Result<void> save(const LoyaltyProgram& program, Source source);

private:
    Database& m_db;
    const Clock& m_clock;
};

} // namespace lt
