#pragma once

#include "core/common/Result.h"

#include <QString>
#include <QUrl>

namespace lt {

// Which Square the till talks to: production, sandbox, or an explicit URL (a local fake server in tests).
// Plain http is accepted only for the loopback host so that a token can never travel unencrypted off the machine.
class SquareEnvironment
{
public:
    static Result<SquareEnvironment> parse(const QString& text); // "production", "sandbox" or a URL
    static SquareEnvironment production();
    static SquareEnvironment sandbox();

    const QString& name() const { return m_name; } // "production", "sandbox" or the URL as given
    const QUrl& baseUrl() const { return m_baseUrl; }
    QUrl url(const QString& path) const;

private:
    SquareEnvironment(QString name, QUrl baseUrl);

    QString m_name;
    QUrl m_baseUrl;
};

} // namespace lt
