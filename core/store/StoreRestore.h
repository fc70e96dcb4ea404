#pragma once

#include "core/common/Result.h"
#include "core/store/BackupFolder.h"
#include "core/store/RestoreGap.h"
#include "core/store/StoreFileCheck.h"

#include <optional>

namespace lt {

class Clock;
struct BackupSettings;

// What a restore would do, read without changing anything: the file that would come in and the store it would
// replace.
struct RestorePlan
{
    QString file; // absolute
    QString store; // absolute
    StoreFileFacts incoming;
    bool storeExists = false;
    std::optional<StoreFileFacts> current; // the store as it reads now, when it is whole
    QString currentProblem; // why it does not read, when it exists but is damaged
    // The operations the store holds that the file does not, which a restore loses (when the store exists).
    std::optional<RestoreGapReport> gap;
};

struct RestoreOutcome
{
    QString storeBackup; // the store as it was, in the backup folder; empty when there was no store
    StoreFileFacts restored;
    // The plan's gap, written beside the kept store (`storeBackup`.to-re-enter.txt); empty when not written.
    QString gapFile;
};

// Puts a backup (or any LoyaltyTill store file) in place of the store: checked first, the store as it was copied
// into the backup folder (even damaged: its bytes), then the file copied beside the store and renamed over it, so
// that the store is at every moment either the old file or the whole new one.
class StoreRestore
{
public:
    // Bad input when `file` is not a whole store or is the store itself, not found when it is missing, refused
    // when its schema is newer than this program's or it has a write-ahead log of its own (it is open somewhere).
    static Result<RestorePlan> plan(const QString& file, const QString& storePath);
    // Refused while another process has the store open (the till, another command): SQLite's exclusive lock is
    // held from the check to the rename. Nothing is changed on any error before the rename.
    static Result<RestoreOutcome> apply(const RestorePlan& plan, const BackupSettings& settings, const Clock& clock);
    // The newest backup in the store's backup folder that verifies: what the till offers when its store is damaged.
    static std::optional<BackupFile> newestGoodBackup(const QString& storePath);
    // Whether a store that failed to open may be offered a backup in its place: its header says it is LoyaltyTill's
    // (the damage is inside), or it is too short to hold one (cut short), or only its header was overwritten. A file of
    // another program, or one whose first page is not SQLite's, is more likely a wrong path than a damaged store: it is
    // reported, not replaced.
    static bool mayReplaceWithBackup(const QString& storePath);
};

} // namespace lt
