#pragma once

#include "app/admin/CommandRegistry.h"

#include <QJsonObject>
#include <QString>

namespace lt {
struct SyncConflict;
}

namespace lt::admin {

// conflicts [--all] and conflicts resolve ID --action ... --manager NAME: what sync could not settle with Square,
// with both sides' facts, and a manager's decision about it.
class ConflictCommands
{
public:
    static QList<Command> commands();

    // One conflict as scripts read it; `maskedPhone` is the member's phone as people may see it.
    static QJsonObject conflictJson(const SyncConflict& conflict, const QString& maskedPhone);
    // One conflict as a few lines for people.
    static QString conflictText(const SyncConflict& conflict, const QString& maskedPhone);
};

} // namespace lt::admin
