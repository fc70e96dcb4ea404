#pragma once

#include "sync/square/LoyaltyJson.h"
#include "sync/square/SquareResult.h"

#include <QObject>
#include <QString>

#include <functional>

namespace lt {

class Clock;
class Database;
class SquareLoyaltyApi;

// Reads Square's loyalty program ("main": a seller has one) and makes it the store's program when it changed, then
// the program's promotions, which Square owns while the store is connected (PromotionStore::replaceFromSquare).
class ProgramPuller : public QObject
{
    Q_OBJECT
public:
    struct Outcome
    {
        bool ok = false;
        bool changed = false;
        QString programId;
        int promotions = 0; // how many promotions Square lists, of every status
        bool promotionsChanged = false; // one was added, changed or ended here
        SquareError squareError; // when Square's answer failed
        QString error; // why it failed, readable
    };
    using Callback = std::function<void(const Outcome&)>;

    ProgramPuller(Database& db, const Clock& clock, SquareLoyaltyApi& api, QObject* parent = nullptr);
    void pull(const Callback& done);

private:
    Outcome adopt(const SquareResult<SquareProgram>& program);
    void adoptPromotions(const SquareResult<QList<Promotion>>& promotions, Outcome& outcome);

    Database& m_db;
    const Clock& m_clock;
    SquareLoyaltyApi& m_api;
};

} // namespace lt
