#pragma once

#include "core/common/Result.h"
#include "core/store/Database.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace lt::ui {

// When the till cannot open its store because the file is damaged: the newest backup that verifies is offered, and
// restored (the damaged file kept in the backup folder) when the person at the till agrees.
class StoreRecovery
{
    Q_DECLARE_TR_FUNCTIONS(StoreRecovery)

public:
    // The store opened; when the file is damaged, the newest good backup is offered first and the store opened
    // again once it is in place.
    static Result<std::unique_ptr<Database>> open(const QString& storePath, const Database::Options& options);
    // True when a backup was put in place of the store, which can then be opened again.
    static bool offerNewestBackup(const QString& storePath, const Error& damage);
};

} // namespace lt::ui
