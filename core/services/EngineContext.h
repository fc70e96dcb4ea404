#pragma once

#include "core/domain/LoyaltyProgram.h"
#include "core/domain/PhoneNumberNormalizer.h"

#include <QString>

namespace lt {

class Database;
class Clock;

// What every loyalty service works with: the store, the clock, the program in force, and who is acting.
struct EngineContext
{
    Database& db;
    const Clock& clock;
    LoyaltyProgram program;
    PhoneNumberNormalizer phones;
    QString actor;
};

} // namespace lt
