#pragma once

#include "core/domain/LoyaltyProgram.h"
#include "core/domain/PhoneNumberNormalizer.h"

#include <QString>

namespace lt {

class Database;
class Clock;

// What every loyalty service works with: the store, the clock and the program in force. Who acts is not part of it:
// each operation is given its Actor.
struct EngineContext
{
    Database& db;
    const Clock& clock;
    LoyaltyProgram program;
    PhoneNumberNormalizer phones;
    // Transitional: who acts for the callers that do not pass an Actor with each operation yet (the services'
    // overloads without one, SyncConflicts(EngineContext&)); set by LoyaltyEngine::create's three-argument form. It
    // goes once they all do.
    QString actor;
};

} // namespace lt
