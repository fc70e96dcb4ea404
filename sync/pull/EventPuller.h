#pragma once

#include "sync/pull/EventLedger.h"
#include "sync/square/SquareError.h"

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

namespace lt {

class Clock;
class Database;
class SquareLoyaltyApi;
struct SquareAccount;
struct SquareEventFilter;

// Brings what happened at Square elsewhere (other tills, Square's POS, the Dashboard) into the store:
// 1. every loyalty event since the last pull, newest first through every cursor page, kept by event id so that a
//    page seen twice counts once; events this store caused are recognised by the ids Square returned to the push;
// 2. accounts new to the store become members, and an account linked to a member for the first time has its whole
//    history read, so the member's balance starts from Square's;
// 3. each event made elsewhere becomes a ledger entry (never queued back to Square); an event on an account whose
//    own operation has an unknown outcome waits ("held") until the push settles it, so it is not counted twice;
// 4. the members touched are compared with Square's balances: local = Square + what is not sent yet, and a
//    difference that stays after a second look is recorded as a conflict.
// The pull mark is in Square's clock: the newest created_at a complete pass read, so the till's clock never decides
// what is read after the first pass. It advances only after every page was read, so a pass cut short is read again.
class EventPuller : public QObject
{
    Q_OBJECT
public:
    struct Outcome
    {
        bool ok = false;
        int eventsPulled = 0;
        int eventsApplied = 0;
        int accountsDiscovered = 0;
        int conflictsFound = 0;
        SquareError squareError;
        QString error;
    };
    using Callback = std::function<void(const Outcome&)>;

    // Read again below the mark: Square stamps an event when its write starts and search shows it once committed
    // (and indexed), so an event may appear a little after a newer one. A minute is many times that delay, and at a
    // busy till re-reads a minute of events rather than the ten a mark in the till's clock needed.
    static constexpr int OverlapSeconds = 60;
    // Where the start is in the till's clock (the first pass, a mark written by an earlier version): the allowance
    // for that clock being ahead of Square's.
    static constexpr int TillClockAllowanceSeconds = 600;
    static constexpr int HistoryAccountsPerPass = 50;

    EventPuller(Database& db, const Clock& clock, SquareLoyaltyApi& api, QString locationId, QObject* parent = nullptr);
    void pull(Callback done);

private:
    void pullRecent();
    // No mark in Square's clock yet and nothing read: the newest event Square has (none: the beginning) is where the
    // next pass starts, so a till whose clock is ahead of Square's misses nothing made after this pass.
    void markSquaresNewest();
    bool saveMark(const QDateTime& mark); // false: the pass failed
    // Every page of the filter into the ledger, then `done`; a failure ends the pull. `marks`: the events read move
    // the pull mark.
    void walk(const SquareEventFilter& filter, bool marks, std::function<void()> done);
    void discoverAccounts();
    void pullHistories();
    void applyHeld(bool secondLook);
    void compareBalances(bool secondLook);
    Result<void> compareAccount(const SquareAccount& account, bool secondLook);
    void lookAgain(QList<qint64> members);
    void fail(const SquareError& error, const QString& context);
    void fail(const QString& error);
    void stopWith(const QString& error);
    void finish();

    Database& m_db;
    const Clock& m_clock;
    SquareLoyaltyApi& m_api;
    QString m_locationId;
    Callback m_done;
    Outcome m_outcome;
    bool m_running = false;
    QDateTime m_mark; // the pull mark in Square's clock when the pass began; invalid when there is none yet
    QDateTime m_newestSeen; // the newest created_at the recent events of this pass had
    EventLedger m_ledger;
    int m_historiesRead = 0;
    QSet<qint64> m_mismatched; // members whose balance disagreed at the first look
};

} // namespace lt
