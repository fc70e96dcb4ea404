#pragma once

#include "core/common/Result.h"
#include "core/services/AutomationPass.h"
#include "sync/SyncEngine.h"
#include "sync/square/SquareClient.h"
#include "tests/support/TempStore.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <memory>

class QNetworkAccessManager;

namespace lt::test {

class FakeSquareServer;

// One till of a store for the multi-till tests: its own store file (TempStore, on its own FixedClock), engine and
// sync engine, talking to a shared fake Square as a till does, with the automation pass it runs at start and daily.
class SyncedTill
{
public:
    static constexpr const char* LocationId = "L-FAKE-0001";

    SyncedTill(FakeSquareServer& server, QNetworkAccessManager& network);
    SyncedTill(const SyncedTill&) = delete;
    SyncedTill& operator=(const SyncedTill&) = delete;

    // Noon of the day in local time, the time the passes count days in.
    static QDateTime noon(QDate day);

    SyncReport sync(); // one whole pass; an empty report when it did not finish within a minute
    Result<AutomationReport> pass(); // at the clock's time
    Result<AutomationReport> passOn(QDate day); // the clock set to noon of `day` first

    Result<qint64> enroll(const QString& phone, const QString& birthday = {}, const QString& referredBy = {});

    // By the member's E.164 phone.
    qint64 member(const QString& phone);
    qint64 balance(const QString& phone);
    QString tier(const QString& phone);
    qint64 grantsOf(const QString& phone, const QString& kind);
    // Ledger entries of the member that carry `points`, whoever wrote them (the till's pass or the pull).
    qint64 entriesOf(const QString& phone, qint64 points);

    // Fails the running test unless the members' balances are Square's, nothing waits to be sent or settled, no
    // conflict is open and the store is consistent.
    void verifyAgrees(const FakeSquareServer& square, const QStringList& phones);

    TempStore store;
    std::unique_ptr<SquareClient> client;
    std::unique_ptr<SyncEngine> engine;
};

} // namespace lt::test

Q_DECLARE_METATYPE(lt::SyncReport)
