#pragma once

#include <QString>

#include <utility>

namespace lt {

// Who performs an operation, passed with each one that records it. Its name is what the ledger's and the audit
// log's actor columns hold; the texts are those the store has always held, so older rows read the same.
class Actor
{
public:
    // A staff member signed in at the till ("staff:12").
    static Actor staff(qint64 staffId) { return Actor(QStringLiteral("staff:%1").arg(staffId)); }
    // The till while nobody is signed in.
    static Actor till() { return Actor(QStringLiteral("till")); }
    // Square: changes made at Square and read by sync.
    static Actor square() { return Actor(QStringLiteral("Square")); }
    // Anyone a front end names itself: the admin CLI's operator ("admin-cli:dana"), a manager deciding an
    // adjustment, a benchmark.
    static Actor named(QString name) { return Actor(std::move(name)); }

    const QString& name() const { return m_name; }
    bool operator==(const Actor& other) const = default;

private:
    explicit Actor(QString name)
        : m_name(std::move(name))
    {
    }

    QString m_name;
};

} // namespace lt
