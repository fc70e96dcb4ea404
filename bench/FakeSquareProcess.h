#pragma once

// Header only: the sync benchmark's build lists its sources in bench/CMakeLists.txt, and this needs no moc.

#include "sync/square/SquareClient.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTextStream>

#include <optional>

namespace lt::bench {

inline void reportLine(const QString& line)
{
    QTextStream err(stderr);
    err << line << Qt::endl;
}

// One call on the client, waited for.
inline SquareReply call(SquareClient& client, const QString& path, const QJsonObject& body)
{
    SquareReply answer;
    QEventLoop loop;
    client.post(path, body, [&](const SquareReply& reply) {
        answer = reply;
        loop.quit();
    });
    loop.exec();
    return answer;
}

// Every page of a search, or nothing when a page fails.
inline std::optional<QJsonArray> searchAll(SquareClient& client, const QString& path, QJsonObject body,
                                           const char* array)
{
    QJsonArray all;
    for (;;) {
        const SquareReply reply = call(client, path, body);
        if (!reply.ok) {
            reportLine(QStringLiteral("%1 failed: %2").arg(path, reply.error.message()));
            return std::nullopt;
        }
        for (const QJsonValue& item : reply.body.value(QLatin1String(array)).toArray())
            all.append(item);
        const QString cursor = reply.body.value(QLatin1String("cursor")).toString();
        if (cursor.isEmpty())
            return all;
        body.insert(QStringLiteral("cursor"), cursor);
    }
}

// The fake Square as a process of its own, so that its work does not share the pusher's event loop.
class FakeSquare
{
public:
    bool start(const QString& program, int latencyMs, const QString& token)
    {
        QObject::connect(&m_process, &QProcess::readyReadStandardError, [this] {
            m_stderr += m_process.readAllStandardError();
            qsizetype end = 0;
            while ((end = m_stderr.indexOf('\n')) >= 0) {
                const QByteArray line = m_stderr.left(end);
                m_stderr.remove(0, end + 1);
                if (line.contains("departs from Square's spec"))
                    ++m_violations;
                if (m_printed++ < 20)
                    reportLine(QStringLiteral("fake Square: ") + QString::fromUtf8(line));
            }
        });
        m_process.start(program,
                        {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--latency-ms"),
                         QString::number(latencyMs), QStringLiteral("--token"), token});
        if (!m_process.waitForStarted(10000))
            return false;
        while (!m_process.canReadLine()) {
            if (!m_process.waitForReadyRead(10000))
                return false;
        }
        m_url = QString::fromUtf8(m_process.readLine()).trimmed();
        return !m_url.isEmpty();
    }
    ~FakeSquare()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    const QString& url() const { return m_url; }
    int violations() const { return m_violations; }

private:
    QProcess m_process;
    QByteArray m_stderr;
    QString m_url;
    int m_violations = 0;
    int m_printed = 0;
};

} // namespace lt::bench
