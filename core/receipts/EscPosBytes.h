#pragma once

#include <QByteArray>

#include <initializer_list>

namespace lt::escpos {

// The real-time commands' first two bytes: DLE EOT asks for a status.
constexpr char DLE = 0x10;
constexpr char EOT = 0x04;

// Bytes from their values (QByteArray has no list constructor: {ESC, '@'} would be 27 '@').
inline QByteArray bytes(std::initializer_list<int> values)
{
    QByteArray out;
    out.reserve(qsizetype(values.size()));
    for (int value : values)
        out.append(static_cast<char>(static_cast<unsigned char>(value & 0xFF)));
    return out;
}

} // namespace lt::escpos
