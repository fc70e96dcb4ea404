#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace lt {

// One thing a working till needs, as a check-up found it: what the admin CLI's doctor and setup print, and what the
// till's first-start wizard will show. Texts are for people and translated; the id and the status are for scripts.
struct CheckResult
{
    enum class Status {
        Ok, // works
        Warning, // works, but wants attention (little disk left, an old backup, no printer): doctor still exits 0
        Failed, // the till cannot work as it should until the fix is done
    };

    QString id; // stable: "database", "disk.store", "backups", "square", ...
    QString title; // "Database", "Disk space (store)", ...
    Status status = Status::Ok;
    QString found; // what was found, one sentence
    QString fix; // what to do about it, one sentence; empty when Ok
    QStringList details; // further lines, such as each configuration problem with its file and line

    static CheckResult ok(QString id, QString title, QString found);
    static CheckResult warning(QString id, QString title, QString found, QString fix);
    static CheckResult failed(QString id, QString title, QString found, QString fix);

    bool passed() const { return status != Status::Failed; }
    static QString statusName(Status status); // "ok", "warning", "failed"
    static bool allPassed(const QList<CheckResult>& results); // none failed; warnings pass
};

} // namespace lt
