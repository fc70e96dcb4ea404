#pragma once

#include "core/common/Result.h"

#include <QCoreApplication>
#include <QString>

#include <utility>

namespace lt {

// Text a persisted kind is stored as. Each kind's header declares its specialisation.
template<typename Kind>
Result<Kind> fromStorage(const QString& text);

namespace storage {

// Looks a kind up in its table of stored names; every enumerator is in its table, so the fallback is never reached.
template<typename Kind, std::size_t N>
QString nameOf(const std::pair<Kind, const char*> (&names)[N], Kind kind)
{
    for (const auto& [value, name] : names) {
        if (value == kind)
            return QString::fromLatin1(name);
    }
    return QString();
}

// Text the database holds that no enumerator has: the file was written by something else, or damaged.
template<typename Kind, std::size_t N>
Result<Kind> kindOf(const std::pair<Kind, const char*> (&names)[N], const QString& text, const char* what)
{
    for (const auto& [value, name] : names) {
        if (text == QLatin1String(name))
            return value;
    }
    return Error::corrupt(QCoreApplication::translate("StorageNames", "The database holds an unknown %1 '%2'.")
                              .arg(QString::fromLatin1(what), text.left(40)));
}

} // namespace storage
} // namespace lt
