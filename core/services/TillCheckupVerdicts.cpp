// What the check-up's facts mean: TillCheckup's verdicts, apart from where the facts come from.
#include "core/services/TillCheckup.h"
#include "core/settings/SystemConfig.h"
#include "core/store/BackupSchedule.h"

#include <QFileInfo>
#include <QLocale>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace lt {

namespace {

QString localTime(const QDateTime& utc, const QTimeZone& zone = QTimeZone::systemTimeZone())
{
    return utc.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString dataSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1);
}

#ifdef Q_OS_UNIX
QString userName()
{
    const passwd* entry = ::getpwuid(::geteuid());
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QString::number(::geteuid());
}
#endif

} // namespace

CheckResult::Status TillCheckup::diskVerdict(qint64 availableBytes, qint64 totalBytes)
{
    if (availableBytes < DiskFailBelowBytes)
        return CheckResult::Status::Failed;
    if (availableBytes < DiskWarnBelowBytes
        || (totalBytes > 0 && availableBytes * 100 < totalBytes * DiskWarnBelowPercent))
        return CheckResult::Status::Warning;
    return CheckResult::Status::Ok;
}

CheckResult TillCheckup::judgeDiskSpace(const QString& id, const QString& title, const QString& folder,
                                        qint64 availableBytes, qint64 totalBytes)
{
    const QString found = tr("%1 free of %2 where %3 is.").arg(dataSize(availableBytes), dataSize(totalBytes), folder);
    switch (diskVerdict(availableBytes, totalBytes)) {
    case CheckResult::Status::Failed:
        return CheckResult::failed(id, title, found,
                                   tr("Free space on that disk now: below %1 a backup or a schema upgrade may not "
                                      "fit, and the store cannot grow.")
                                       .arg(dataSize(DiskFailBelowBytes)));
    case CheckResult::Status::Warning:
        return CheckResult::warning(id, title, found,
                                    tr("Free space on that disk (at least %1 and %2 % of it), or move the store or "
                                       "backup.folder to a larger one.")
                                        .arg(dataSize(DiskWarnBelowBytes))
                                        .arg(DiskWarnBelowPercent));
    case CheckResult::Status::Ok:
        break;
    }
    return CheckResult::ok(id, title, found);
}

CheckResult TillCheckup::judgeBackups(const BackupFacts& facts, const QDateTime& now, QTime backupTime,
                                      const QTimeZone& zone)
{
    const QString id = QStringLiteral("backups");
    const QString title = tr("Backups");
    const QString fix = tr("Run `loyaltytill-admin backup`, and keep a till running past backup.time (%1) or enable "
                           "loyaltytill-backup.timer.")
                            .arg(backupTime.toString(QStringLiteral("HH:mm")));
    if (!facts.newestGoodDaily) {
        QString found = facts.dailyCount == 0
            ? tr("There is no daily backup in %1.").arg(facts.folder)
            : tr("No recent daily backup in %1 verifies: %2").arg(facts.folder, facts.newestDailyProblem);
        if (facts.otherCount > 0)
            found += QLatin1Char(' ')
                + tr("The %n backup(s) taken before an upgrade or a restore do not count.", nullptr, facts.otherCount);
        return CheckResult::failed(id, title, found, fix);
    }
    const QDateTime newest = *facts.newestGoodDaily;
    QString found = tr("The newest verified daily backup in %1 is from %2.").arg(facts.folder, localTime(newest, zone));
    if (!facts.newestDailyProblem.isEmpty())
        found += QLatin1Char(' ') + tr("A newer one does not verify: %1").arg(facts.newestDailyProblem);
    const qint64 ageSeconds = newest.secsTo(now);
    if (BackupSchedule(backupTime, zone).isDue(now, newest)) {
        if (ageSeconds > qint64(BackupFailAfterDays) * 86400)
            return CheckResult::failed(id, title, found, fix);
        if (ageSeconds > qint64(BackupWarnAfterHours) * 3600)
            return CheckResult::warning(id, title, found, fix);
    }
    if (!facts.newestDailyProblem.isEmpty())
        return CheckResult::warning(id, title, found,
                                    tr("Delete the backup that does not verify and run `loyaltytill-admin backup`; "
                                       "check the disk if it happens again."));
    return CheckResult::ok(id, title, found);
}

CheckResult TillCheckup::judgeClock(const QDateTime& now, const std::optional<QDateTime>& newestLedgerEntry,
                                    QDate builtOn)
{
    const QString id = QStringLiteral("clock");
    const QString title = tr("Clock");
    const QString fix = tr("Set the date and time, best from the network: `timedatectl set-ntp true`.");
    const QString reads = localTime(now);
    // The build day is a UTC date: a day of slack covers every time zone.
    if (builtOn.isValid() && now.toUTC().date() < builtOn.addDays(-1))
        return CheckResult::failed(
            id, title,
            tr("The clock reads %1, before this program was built (%2).").arg(reads, builtOn.toString(Qt::ISODate)),
            fix);
    if (newestLedgerEntry && now < newestLedgerEntry->addSecs(-qint64(ClockSlackMinutes) * 60))
        return CheckResult::failed(
            id, title,
            tr("The clock reads %1, before the store's newest entry (%2).").arg(reads, localTime(*newestLedgerEntry)),
            fix);
    if (builtOn.isValid() && now.toUTC().date() > builtOn.addYears(ClockAheadYears))
        return CheckResult::warning(id, title,
                                    tr("The clock reads %1, more than %2 years after this program was built (%3).")
                                        .arg(reads)
                                        .arg(ClockAheadYears)
                                        .arg(builtOn.toString(Qt::ISODate)),
                                    fix);
    return CheckResult::ok(id, title, tr("The clock reads %1.").arg(reads));
}

CheckResult TillCheckup::judgeConfiguration(const SystemConfig& config)
{
    const QString id = QStringLiteral("config");
    const QString title = tr("Configuration");
    const QList<ConfigProblem>& problems = config.problems();
    if (problems.isEmpty())
        return CheckResult::ok(id, title, tr("No problems in the configuration files of %1.").arg(config.folderPath()));
    CheckResult result = CheckResult::failed(
        id, title,
        tr("%n problem(s) in the configuration files of %1; each setting concerned keeps the value of the layer "
           "below.",
           nullptr, int(problems.size()))
            .arg(config.folderPath()),
        tr("Correct each line named; `loyaltytill-admin config --show-origin` shows the values in force."));
    for (const ConfigProblem& problem : problems)
        result.details << problem.text();
    return result;
}

CheckResult TillCheckup::judgeScannerPort(const QString& port)
{
    const QString id = QStringLiteral("scanner");
    const QString title = tr("Scanner port");
    if (port.isEmpty())
        return CheckResult::ok(id, title, tr("No serial port is set: the scanner types like a keyboard."));
#ifdef Q_OS_UNIX
    if (!QFileInfo::exists(port))
        return CheckResult::failed(id, title, tr("%1 (scanner.serial_port) does not exist.").arg(port),
                                   tr("Plug the scanner in, or set scanner.serial_port to its device (`ls "
                                      "/dev/serial/by-id/` lists them), or empty for a scanner that types like a "
                                      "keyboard."));
    if (::access(QFile::encodeName(port).constData(), R_OK | W_OK) != 0) {
        const QString user = userName();
        return CheckResult::failed(id, title, tr("This user (%1) may not read and write %2.").arg(user, port),
                                   tr("Add the till's user to the dialout group: `sudo adduser %1 dialout`, then log "
                                      "in again.")
                                       .arg(user));
    }
    return CheckResult::ok(id, title, tr("%1 exists, and this user may read and write it.").arg(port));
#else
    return CheckResult::ok(id, title, tr("%1 is set; the port is opened when the till starts.").arg(port));
#endif
}

} // namespace lt
