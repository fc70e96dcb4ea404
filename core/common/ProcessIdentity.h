#pragma once

#include <QString>

namespace lt {

// IT runs loyaltytill-admin with sudo on a store that belongs to a till's own user (a kiosk's service user, a
// cashier). Writing as root in a folder another user owns would let that user aim root's writes elsewhere (a link
// put where a backup or the store's log is about to be written). So the admin tool acts as the folder's owner for all
// it does to the store, and is root again only for the moment something needs root: sealing a kiosk's Square token.
class ProcessIdentity
{
public:
    // Run as root, and the store's folder (or, for a new store, its nearest existing parent) belongs to another
    // user: from now on this process acts as that user (effective user, group and supplementary groups). Returns
    // that user's name, or nothing when nothing changed.
    static QString actAsOwnerOf(const QString& storePath);
    // Started as root (the real user), whoever the process acts as now.
    static bool startedAsRoot();

    // Root's effective ids for as long as it lives, when the process was started as root and acts as another user
    // now; nothing otherwise.
    class AsRoot
    {
    public:
        AsRoot();
        ~AsRoot();
        AsRoot(const AsRoot&) = delete;
        AsRoot& operator=(const AsRoot&) = delete;

    private:
        unsigned m_user = 0;
        unsigned m_group = 0;
        bool m_switched = false;
    };
};

} // namespace lt
