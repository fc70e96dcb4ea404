#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace lt {

// One operation the damaged store recorded after the newest the backup holds.
struct LostOperation
{
    enum class Kind {
        Sale, // points earned on a sale
        Redemption, // a reward redeemed
        Refund, // points taken back for a refund
        Adjustment, // a manager's correction
        Enrolment, // a member who joined
        Other, // a restore or a void of an earlier entry
    };
    Kind kind = Kind::Other;
    QString reference; // the receipt or reference, when the operation had one
    QDateTime atUtc;
    QString member; // masked: the last digits of the phone, never the whole number
    qint64 points = 0;
    bool inSquare = false; // Square has it (sent by sync, or pulled from it): sync's pull brings it back

    static QString kindName(Kind kind);
};

// What a restore from a backup loses: the operations in the damaged store after the backup's newest, read without
// writing to it, split into those Square holds (sync brings them back) and those someone must enter again.
struct RestoreGapReport
{
    Q_DECLARE_TR_FUNCTIONS(RestoreGapReport)

public:
    bool readable = false; // the damaged store could be read (at least in part)
    QString problem; // why not, or where reading stopped
    QDateTime backupNewestUtc; // the newest operation the backup holds; invalid when it holds none
    QList<LostOperation> toReenter;
    int comeBackFromSquare = 0;

    // For the person at the till and the admin: the operations to enter again, one a line.
    QString text() const;
    // text() into `path`, readable by its owner alone. False when it cannot be written.
    bool writeTo(const QString& path) const;
};

class RestoreGap
{
public:
    // Compares `damagedStore` (with its write-ahead log, whose committed frames hold the newest operations) with
    // `backup`. The damaged files are only read: without a log through SQLite's immutable mode, with one from a copy
    // of both in a temporary folder.
    static RestoreGapReport compare(const QString& damagedStore, const QString& backup);
};

} // namespace lt
