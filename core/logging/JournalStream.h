#pragma once

#include <QByteArrayView>
#include <QtGlobal>

namespace lt {

// Whether the process's stderr is connected to the journal, by systemd's documented rule: a service or a desktop
// session that connects stderr to the journal sets $JOURNAL_STREAM to that stream's "device:inode", and the
// process's stderr is still the same file (not redirected since) when fstat(2) gives the same pair.
class JournalStream
{
public:
    static bool isStderr();
    // value: $JOURNAL_STREAM as set; device and inode: what fstat(2) gives for stderr.
    static bool matches(QByteArrayView value, quint64 device, quint64 inode);
};

} // namespace lt
