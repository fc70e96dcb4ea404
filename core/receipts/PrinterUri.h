#pragma once

#include "core/common/Result.h"

#include <QList>
#include <QString>

namespace lt {

// Where a slip or a card goes, in the one form every setting and command uses:
//   tcp://HOST[:PORT]             an ESC/POS printer's raw port (9100 unless given); HOST a name, IPv4 or [IPv6]
//   serial:DEVICE[?baud=N]        a serial ESC/POS printer (19200 baud unless given); /dev/ttyS0, or COM3 on Windows
//   usb:DEVICE                    a USB printer's character device (/dev/usb/lp0), written raw
//   cups:QUEUE                    a printer the system knows, through Qt's print support; `cups:` is the default one
//   pdf:/ABSOLUTE/FILE.pdf        a PDF file, for tests and for stores without a printer
// parse() refuses anything else with a message that says what to fix; toString() gives the canonical form back.
struct PrinterUri
{
    enum class Kind {
        Tcp, // raw TCP, ESC/POS
        Serial, // serial port, ESC/POS
        Usb, // USB printer class device, ESC/POS
        Cups, // the system's print queue (Qt print support), rendered as an image
        Pdf, // a PDF file, rendered as an image
    };
    static constexpr int DefaultTcpPort = 9100;
    static constexpr int DefaultBaud = 19200;

    Kind kind = Kind::Tcp;
    QString host; // Tcp: a host name or IPv4 address, or an IPv6 address without its brackets
    int port = DefaultTcpPort; // Tcp
    QString device; // Serial, Usb
    int baud = DefaultBaud; // Serial
    QString queue; // Cups: empty for the system's default printer
    QString file; // Pdf: an absolute path

    // The rates a serial receipt printer is set to with its DIP switches.
    static QList<int> standardBaudRates();
    // Leading and trailing spaces are ignored; the scheme is case-insensitive.
    static Result<PrinterUri> parse(const QString& text);
    QString toString() const;
    // Whether the printer takes ESC/POS bytes (tcp, serial, usb) rather than a rendered page (cups, pdf).
    bool speaksEscPos() const { return kind == Kind::Tcp || kind == Kind::Serial || kind == Kind::Usb; }

    friend bool operator==(const PrinterUri&, const PrinterUri&) = default;
};

} // namespace lt
