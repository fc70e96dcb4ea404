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
    QString tillName; // the till the sales are recorded at, for the reports: the machine's name unless set
};

} // namespace lt
