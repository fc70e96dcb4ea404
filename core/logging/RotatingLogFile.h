#pragma once

#include <QByteArrayView>
#include <QFile>
#include <QMutex>
#include <QString>

namespace lt {

// A log file that never grows past a size: when a line would take it past maxBytes it becomes NAME.1, the older
// ones move up (NAME.1 to NAME.2...) and the one past `keep` is deleted. Where there is no journal (Windows), the
// program's log. Lines from several threads are written whole, one after the other.
class RotatingLogFile
{
public:
    RotatingLogFile(const QString& path, qint64 maxBytes, int keep);
    RotatingLogFile(const RotatingLogFile&) = delete;
    RotatingLogFile& operator=(const RotatingLogFile&) = delete;

    // Appends the line (ending it with a newline when it has none) and flushes it; false when it cannot be written.
    bool append(QByteArrayView line);
    QString path() const { return m_path; }
    QString rotatedPath(int number) const; // NAME.number

private:
    bool openForAppend();
    void rotate();

    const QString m_path;
    const qint64 m_maxBytes;
    const int m_keep;
    QMutex m_mutex;
    QFile m_file;
};

} // namespace lt
