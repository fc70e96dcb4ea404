#pragma once

#include "core/common/Result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace lt {

// Reads one object of a program file strictly: every error names the field by its path ("win_back.after_days"),
// says what was expected, and unknown fields are refused (a misspelt field must not be silently ignored).
class ProgramFields
{
public:
    ProgramFields(QJsonObject object, QString path)
        : m_object(std::move(object))
        , m_path(std::move(path))
    {
    }

    QString pathOf(const QString& key) const { return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key; }
    bool has(const QString& key) const { return m_object.contains(key); }

    // A whole number in [minimum, maximum]; `fallback` when absent (nullopt: the field is required).
    Result<qint64> integer(const QString& key, qint64 minimum, qint64 maximum,
                           std::optional<qint64> fallback = std::nullopt) const;
    Result<QString> text(const QString& key, std::optional<QString> fallback = std::nullopt) const;
    Result<bool> boolean(const QString& key, bool fallback) const;
    // One of `choices` (upper case, as Square writes enums).
    Result<QString> choice(const QString& key, const QStringList& choices, std::optional<QString> fallback) const;
    // A multiplier such as "1.5" or 2 (Square writes it as a string with up to 3 decimals), in thousandths,
    // between 1 and 10 times.
    Result<int> multiplierMilli(const QString& key, std::optional<int> fallback) const;
    Result<QStringList> textList(const QString& key) const;
    Result<QJsonObject> object(const QString& key) const;
    // Refuses fields other than `known`.
    Result<void> onlyKnown(const QStringList& known) const;
    // The fields an object may hold, by type.
    struct Shape
    {
        QStringList texts;
        QStringList wholeNumbers; // 0 or more
        QStringList flags;
        QStringList textLists;
    };
    // Refuses a field the shape does not name or of another type (absent fields are fine), for objects read leniently
    // afterwards, where a misspelt or mistyped field would otherwise read as 0.
    Result<void> hasShape(const Shape& shape) const;

    Error invalid(const QString& key, const QString& problem) const;

private:
    QJsonObject m_object;
    QString m_path;
};

// "1.5" for 1500 thousandths.
QString multiplierText(int milli);
// The thousandths a multiplier typed as "2", "1.5" or "1.25x" stands for (at most two digits before the point and three
// after); 0 when the text is no such number.
int multiplierMilliFrom(const QString& text);

} // namespace lt
