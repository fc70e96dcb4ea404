#pragma once

#include "core/common/Result.h"
#include "core/store/Database.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace lt::ui {

// When the till cannot open its store because the file is damaged: the newest backup that verifies is offered with
// the operations since it that must be entered again (those Square has come back with sync), and restored (the
// damaged file kept in the backup folder, the list beside it) when the person at the till agrees.
class StoreRecovery
{
    Q_DECLARE_TR_FUNCTIONS(StoreRecovery)

public:
    // The store opened; when the file is damaged, the newest good backup is offered first and the store opened
    // again once it is in place. Without a backup that verifies, the error says so.
    static Result<std::unique_ptr<Database>> open(const QString& storePath, const Database::Options& options);
    // True when a backup was put in place of the store, which can then be opened again. The question and the
    // summary after the restore are modal boxes named storeRecoveryOffer and storeRecoveryDone.
    static bool offerNewestBackup(const QString& storePath, const Error& damage);
};

} // namespace lt::ui
