#pragma once

#include "core/services/CheckResult.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QTime>
#include <QTimeZone>

#include <optional>

namespace lt {

class Clock;
class SystemConfig;

// What a till needs of this machine and its store, checked: the database, disk space where the store and its
// backups live, a recent verified backup, a sane clock, IT's configuration files and the scanner's port. Every
// check only reads: none creates the store, upgrades it or writes a backup. The sync layer adds the keychain and
// Square (SquareCheckup); the admin CLI adds the printer. No console I/O: the till's first-start wizard shows the
// same results.
class TillCheckup
{
    Q_DECLARE_TR_FUNCTIONS(TillCheckup)

public:
    static constexpr qint64 DiskFailBelowBytes = qint64(200) << 20; // 200 MiB: a backup or a migration may not fit
    static constexpr qint64 DiskWarnBelowBytes = qint64(1) << 30; // 1 GiB
    static constexpr int DiskWarnBelowPercent = 10;
    static constexpr int BackupWarnAfterHours = 26; // a day, and the hour a running till may take to notice
    static constexpr int BackupFailAfterDays = 7;
    static constexpr int ClockSlackMinutes = 10; // two tills' clocks may disagree a little
    static constexpr int ClockAheadYears = 5; // after the build: a clock set far into the future

    // What is known of a store's backups: the newest daily one that verifies, and what else was found.
    struct BackupFacts
    {
        QString folder;
        std::optional<QDateTime> newestGoodDaily;
        int dailyCount = 0;
        int otherCount = 0; // before a schema upgrade or a restore: kept, but no substitute for the day's
        QString newestDailyProblem; // why the newest daily backup does not verify, when it does not
    };

    // The configuration and this till's settings are the process's (SystemConfig::global(), TillSettings).
    TillCheckup(QString storePath, const Clock& clock);

    // Every check below, in that order.
    QList<CheckResult> runAll() const;

    CheckResult database() const;
    CheckResult storeDiskSpace() const;
    CheckResult backupDiskSpace() const;
    CheckResult backups() const;
    CheckResult clock() const;
    CheckResult configuration() const;
    CheckResult scannerPort() const;

    // What the facts mean, apart from where they come from.
    static CheckResult::Status diskVerdict(qint64 availableBytes, qint64 totalBytes);
    static CheckResult judgeDiskSpace(const QString& id, const QString& title, const QString& folder,
                                      qint64 availableBytes, qint64 totalBytes);
    static CheckResult judgeBackups(const BackupFacts& facts, const QDateTime& now, QTime backupTime,
                                    const QTimeZone& zone = QTimeZone::systemTimeZone());
    static CheckResult judgeClock(const QDateTime& now, const std::optional<QDateTime>& newestLedgerEntry,
                                  QDate builtOn);
    static CheckResult judgeConfiguration(const SystemConfig& config);
    // scanner.serial_port: empty is a scanner that types like a keyboard; a device must exist and be readable and
    // writable by this user.
    static CheckResult judgeScannerPort(const QString& port);

    static QDate buildDate(); // the day this program was built (SOURCE_DATE_EPOCH when the build sets it)

private:
    CheckResult diskSpace(const QString& id, const QString& title, const QString& folder) const;
    BackupFacts backupFacts() const;

    QString m_storePath;
    const Clock& m_clock;
};

} // namespace lt
