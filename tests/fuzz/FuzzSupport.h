#pragma once

// What every fuzz target shares: Qt set up once and deterministically, the input as text or JSON, and invariant checks
// that abort (so that libFuzzer reports a broken invariant as it reports a crash).

#include <QByteArray>
#include <QCoreApplication>
#include <QHashFunctions>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace lt::fuzz {

// A QCoreApplication (plugins such as Qt's SQLite driver are found through it) and a fixed hash seed, so that a run
// of one input is the same every time.
inline void setUpQt()
{
    qSetGlobalQHashSeed(0);
    // The product's debug and info lines (an import's summary) would drown the fuzzer's own output.
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false"));
    static int argc = 1;
    static char name[] = "fuzz";
    static char* argv[] = {name, nullptr};
    static QCoreApplication* app = QCoreApplication::instance() ? nullptr : new QCoreApplication(argc, argv);
    (void)app;
}

inline QByteArray bytesOf(const std::uint8_t* data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
}

inline QString textOf(const std::uint8_t* data, std::size_t size)
{
    return QString::fromUtf8(bytesOf(data, size));
}

// The input as a JSON object, or nothing when it is not one (most mutations are not: they are still read as bytes).
inline std::optional<QJsonObject> objectOf(const std::uint8_t* data, std::size_t size)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(bytesOf(data, size), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

[[noreturn]] inline void broken(const char* invariant, const QString& detail = {})
{
    std::fprintf(stderr, "fuzz invariant broken: %s %s\n", invariant, qPrintable(detail));
    std::abort();
}

inline void require(bool holds, const char* invariant, const QString& detail = {})
{
    if (!holds)
        broken(invariant, detail);
}

} // namespace lt::fuzz
