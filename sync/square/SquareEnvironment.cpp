#include "sync/square/SquareEnvironment.h"

#include <QCoreApplication>

namespace lt {

SquareEnvironment::SquareEnvironment(QString name, QUrl baseUrl)
    : m_name(std::move(name))
    , m_baseUrl(std::move(baseUrl))
{
}

SquareEnvironment SquareEnvironment::production()
{
    return {QStringLiteral("production"), QUrl(QStringLiteral("https://connect.squareup.com"))};
}

SquareEnvironment SquareEnvironment::sandbox()
{
    return {QStringLiteral("sandbox"), QUrl(QStringLiteral("https://connect.squareupsandbox.com"))};
}

Result<SquareEnvironment> SquareEnvironment::parse(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == QLatin1String("production"))
        return production();
    if (trimmed == QLatin1String("sandbox"))
        return sandbox();
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment()
        || (url.path() != QLatin1String("") && url.path() != QLatin1String("/")))
        return Error::invalid(QCoreApplication::translate("SquareEnvironment",
                                                          "Give production, sandbox or a base URL such as "
                                                          "https://host:port (no path, user or query)."),
                              QStringLiteral("environment"));
    const QString scheme = url.scheme().toLower();
    const QString host = url.host().toLower();
    const bool loopback = host == QLatin1String("127.0.0.1") || host == QLatin1String("localhost");
    if (scheme == QLatin1String("http") && !loopback)
        return Error::refused(QCoreApplication::translate("SquareEnvironment",
                                                          "Plain http is allowed only for 127.0.0.1 or localhost; "
                                                          "%1 must use https.")
                                  .arg(host));
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return Error::invalid(QCoreApplication::translate("SquareEnvironment",
                                                          "The URL must start with https:// (or http:// for "
                                                          "127.0.0.1)."),
                              QStringLiteral("environment"));
    QUrl base = url.adjusted(QUrl::RemovePath | QUrl::StripTrailingSlash);
    return SquareEnvironment(base.toString(), base);
}

QUrl SquareEnvironment::url(const QString& path) const
{
    // A path may carry a query (a list endpoint's cursor): the part after '?' is the query, not path characters.
    QUrl result = m_baseUrl;
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    result.setPath(query < 0 ? path : path.left(query));
    if (query >= 0)
        result.setQuery(path.mid(query + 1));
    return result;
}

} // namespace lt
