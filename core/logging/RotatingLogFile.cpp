#include "core/logging/RotatingLogFile.h"

#include <QDir>
#include <QFileInfo>
#include <QMutexLocker>

namespace lt {

RotatingLogFile::RotatingLogFile(const QString& path, qint64 maxBytes, int keep)
    : m_path(path)
    , m_maxBytes(maxBytes)
    , m_keep(keep)
{
}

QString RotatingLogFile::rotatedPath(int number) const
{
    return m_path + QLatin1Char('.') + QString::number(number);
}

bool RotatingLogFile::openForAppend()
{
    if (m_file.isOpen())
        return true;
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    m_file.setFileName(m_path);
    return m_file.open(QIODevice::WriteOnly | QIODevice::Append);
}

void RotatingLogFile::rotate()
{
    m_file.close();
    QFile::remove(rotatedPath(m_keep));
    for (int number = m_keep - 1; number >= 1; --number) {
        if (QFile::exists(rotatedPath(number)))
            QFile::rename(rotatedPath(number), rotatedPath(number + 1));
    }
    if (m_keep > 0)
        QFile::rename(m_path, rotatedPath(1));
    else
        QFile::remove(m_path);
}

bool RotatingLogFile::append(QByteArrayView line)
{
    const bool ended = line.endsWith('\n');
    const qint64 bytes = line.size() + (ended ? 0 : 1);
    QMutexLocker locker(&m_mutex);
    if (!openForAppend())
        return false;
    // A line longer than the limit still gets a file of its own rather than being lost.
    if (m_file.size() > 0 && m_file.size() + bytes > m_maxBytes) {
        rotate();
        if (!openForAppend())
            return false;
    }
    bool written = m_file.write(line.data(), line.size()) == line.size();
    if (!ended)
        written = written && m_file.putChar('\n');
    return m_file.flush() && written;
}

} // namespace lt
