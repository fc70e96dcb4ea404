#pragma once

#include <QString>

namespace lt {

// IT runs loyaltytill-admin as root on a store that belongs to the till's own user (a kiosk's service user, a
// cashier's account): a store, a backup folder or a backup root created would then be root's, and the till could no
// longer open, write or prune it. What is created beside a store takes the owner of the place it is created in.
class FileOwnership
{
public:
    // When running as root, gives `path` the owner and group of `like` (a file or folder); otherwise, or when they
    // already match, nothing. Returns false only when a change was needed and failed.
    static bool matchOwner(const QString& path, const QString& like);
};

} // namespace lt
