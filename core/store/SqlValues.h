#pragma once

#include <QString>
#include <QVariant>

namespace lt::sqlvalue {

// What a statement binds for "none": NULL, which a foreign key and a unique index pass over, not 0 or ''.
inline QVariant nullIfEmpty(const QString& text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

// Row ids start at 1 and amounts bound this way are positive: 0 means none.
inline QVariant nullUnlessPositive(qint64 number)
{
    return number > 0 ? QVariant(number) : QVariant();
}

// A column or lastInsertId() read as a row id, 0 when there is none.
inline qint64 idOrZero(const QVariant& value)
{
    return value.isValid() && !value.isNull() ? value.toLongLong() : 0;
}

} // namespace lt::sqlvalue
