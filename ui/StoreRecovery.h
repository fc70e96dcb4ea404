#pragma once

#include "core/common/Result.h"

#include <QCoreApplication>
#include <QString>

namespace lt::ui {

// When the till cannot open its store because the file is damaged: the newest backup that verifies is offered, and
// restored (the damaged file kept in the backup folder) when the person at the till agrees.
class StoreRecovery
{
    Q_DECLARE_TR_FUNCTIONS(StoreRecovery)

public:
    // True when a backup was put in place of the store, which can then be opened again.
    static bool offerNewestBackup(const QString& storePath, const Error& damage);
};

} // namespace lt::ui
