#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace lt::test {

// One thing an ESC/POS byte stream tells the printer, as the tests assert it.
struct EscPosEvent
{
    enum class Type {
        Initialize, // ESC @
        CodePage, // ESC t n: value = n
        Align, // ESC a n: value = 0 left, 1 center, 2 right
        Bold, // ESC E n: value = 0 or 1
        Size, // GS ! n: value = n (0x11 double width and height)
        Text, // a line up to LF, decoded from the page selected then back to Unicode, with the style in force
        Raster, // GS v 0: width and height in dots, data the packed bits
        BarcodeHeight, // GS h n
        BarcodeModule, // GS w n
        BarcodeDigits, // GS H n: value = 2 below the bars
        Barcode, // GS k: value = the symbology (67 EAN-13 in function B), data = its digits
        Feed, // ESC d n: value = lines
        Cut, // GS V m [n]: value = m, extra = n
        StatusQuery, // DLE EOT n: value = n
        Unknown, // a byte or a command the decoder does not know, or a command cut short: data = its bytes
    };

    Type type = Type::Unknown;
    int value = 0;
    int extra = 0;
    QString text;
    QByteArray data;
    int width = 0; // Raster, dots
    int height = 0; // Raster, dots
    // The style in force when a Text or Raster event was printed.
    int align = 0;
    bool bold = false;
    bool doubleSize = false;
    int codePage = 0;
};

// Reads an ESC/POS stream back into events: the command set EscPosEncoder writes, the real-time status queries, and
// anything else as Unknown. Text is decoded with the code page the stream selected (CodePage's own tables).
class EscPosDecoder
{
public:
    static QList<EscPosEvent> decode(const QByteArray& stream);

    // Shortcuts over decoded events.
    static QStringList lines(const QList<EscPosEvent>& events); // the Text events' texts
    static QList<EscPosEvent> ofType(const QList<EscPosEvent>& events, EscPosEvent::Type type);
    static QString describe(const QList<EscPosEvent>& events); // one line an event, for failure messages
};

} // namespace lt::test
