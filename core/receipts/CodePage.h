#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <optional>

namespace lt {

// The character tables an ESC/POS printer is switched to with ESC t n (slip.code_page). Qt's QStringEncoder knows
// only the UTF encodings and Latin-1 (and ICU's names are not there on every build), and none of the DOS pages
// printers use, so each page is our own 128-entry table of its upper half; the lower half is ASCII.
class CodePage
{
public:
    enum class Id {
        Pc437, // the printers' default: accents but no Á, Í, Ó, Ú, no €
        Pc850, // Western Europe: every Spanish, French, German, Portuguese letter, no €
        Pc858, // PC850 with € where ı was: the default
        Wpc1252, // Windows Latin 1, with € and the typographic quotes
        Image, // every text row printed as a bitmap: any script the system's fonts draw
    };

    explicit CodePage(Id id);

    Id id() const { return m_id; }
    // ESC t n's n: 0, 2, 19, 16 (Image prints its text as bitmaps and selects PC437 for anything left).
    int escPosNumber() const;
    // The setting's value: pc437, pc850, pc858, wpc1252, image.
    QString name() const;
    static Result<CodePage> fromName(const QString& name);

    // The byte for one code point, or nothing when the page lacks it (Image: only ASCII).
    std::optional<char> encode(char32_t c) const;
    // The whole text (NFC first), or nothing when a character is missing.
    std::optional<QByteArray> encode(const QString& text) const;
    // Every character the page lacks is '?'.
    QByteArray encodeLossy(const QString& text) const;
    // What the printer shows for a byte: the tests' decoder reads the stream back with it.
    char32_t decode(unsigned char byte) const;

private:
    const std::array<char16_t, 128>& upperHalf() const;

    Id m_id;
};

} // namespace lt
