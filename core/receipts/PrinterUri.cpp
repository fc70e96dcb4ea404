#include "core/receipts/PrinterUri.h"

#include <QCoreApplication>
#include <QDir>
#include <QStringList>

#include <optional>

namespace lt {

namespace {

const QString Field = QStringLiteral("printer");
constexpr qsizetype MaximumLength = 4096;
constexpr qsizetype MaximumHostLength = 253;
constexpr qsizetype MaximumQueueLength = 127; // CUPS's own limit on a queue's name

Error invalid(const QString& message)
{
    return Error::invalid(message, Field);
}

bool isAsciiDigits(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

bool isAsciiAlphanumeric(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

// Characters that never belong in an address someone typed: control and format characters, lone surrogates,
// private-use and unassigned code points, line separators. They usually come from a pasted document.
std::optional<char32_t> oddCharacter(const QString& text)
{
    for (const char32_t c : text.toUcs4()) {
        const QChar::Category category = QChar::category(c);
        if (category == QChar::Other_Control || category == QChar::Other_Format || category == QChar::Other_Surrogate
            || category == QChar::Other_PrivateUse || category == QChar::Other_NotAssigned
            || category == QChar::Separator_Line || category == QChar::Separator_Paragraph || QChar::isNonCharacter(c))
            return c;
    }
    return std::nullopt;
}

QString codePointName(char32_t c)
{
    return QStringLiteral("U+%1").arg(static_cast<uint>(c), 4, 16, QLatin1Char('0')).toUpper();
}

bool isIpv4(QStringView host)
{
    const QList<QStringView> parts = host.split(u'.');
    if (parts.size() != 4)
        return false;
    for (QStringView part : parts) {
        if (!isAsciiDigits(part) || part.size() > 3 || part.toInt() > 255)
            return false;
    }
    return true;
}

bool isHexGroup(QStringView group)
{
    if (group.isEmpty() || group.size() > 4)
        return false;
    for (QChar c : group) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F')))
            return false;
    }
    return true;
}

// RFC 4291 text form: eight hex groups, one run of them shortened to "::", the last two optionally an IPv4 address.
bool isIpv6(QStringView host)
{
    if (host.size() < 2 || host.size() > 45)
        return false;
    const qsizetype gap = host.indexOf(u"::");
    if (gap >= 0 && host.indexOf(u"::", gap + 1) >= 0)
        return false;
    const auto groupsOf = [](QStringView part, int& count, bool mayEndInIpv4) {
        if (part.isEmpty())
            return true;
        const QList<QStringView> groups = part.split(u':');
        for (qsizetype i = 0; i < groups.size(); ++i) {
            if (mayEndInIpv4 && i == groups.size() - 1 && isIpv4(groups.at(i))) {
                count += 2;
                continue;
            }
            if (!isHexGroup(groups.at(i)))
                return false;
            ++count;
        }
        return true;
    };
    int count = 0;
    if (gap < 0)
        return groupsOf(host, count, true) && count == 8;
    const QStringView before = host.left(gap);
    const QStringView after = host.mid(gap + 2);
    return groupsOf(before, count, false) && groupsOf(after, count, true) && count < 8;
}

// A DNS name as RFC 1123 allows it: dot-separated labels of letters, digits and inner hyphens.
bool isHostName(QStringView host)
{
    if (host.isEmpty() || host.size() > MaximumHostLength)
        return false;
    for (QStringView label : host.split(u'.')) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(u'-') || label.endsWith(u'-'))
            return false;
        for (QChar c : label) {
            if (!isAsciiAlphanumeric(c) && c != u'-')
                return false;
        }
    }
    // A name of digits and dots only is a mistyped IPv4 address, not a name.
    return !isAsciiDigits(host.toString().remove(u'.'));
}

Result<int> parsePort(QStringView text)
{
    if (!isAsciiDigits(text) || text.size() > 5 || text.toInt() < 1 || text.toInt() > 65535)
        return invalid(
            QCoreApplication::translate("PrinterUri", "The port must be a number from 1 to 65535, not \"%1\".")
                .arg(text.left(20)));
    return text.toInt();
}

Result<PrinterUri> parseTcp(QStringView rest)
{
    if (!rest.startsWith(u"//"))
        return invalid(QCoreApplication::translate(
            "PrinterUri", "Write a network printer as tcp://HOST:PORT, e.g. tcp://192.168.1.50:9100."));
    rest = rest.mid(2);
    if (rest.contains(u'/') || rest.contains(u'?') || rest.contains(u'#') || rest.contains(u'@'))
        return invalid(QCoreApplication::translate(
            "PrinterUri", "A network printer is only a host and a port, e.g. tcp://192.168.1.50:9100."));
    PrinterUri uri;
    uri.kind = PrinterUri::Kind::Tcp;
    QStringView host = rest;
    QStringView port;
    bool bracketed = false;
    if (rest.startsWith(u'[')) {
        const qsizetype close = rest.indexOf(u']');
        if (close < 0)
            return invalid(QCoreApplication::translate(
                "PrinterUri", "An IPv6 address needs its closing bracket: tcp://[fd00::5]:9100."));
        host = rest.mid(1, close - 1);
        bracketed = true;
        const QStringView after = rest.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(u':'))
                return invalid(
                    QCoreApplication::translate("PrinterUri", "Write the port after a colon: tcp://[fd00::5]:9100."));
            port = after.mid(1);
            if (port.isEmpty())
                return invalid(QCoreApplication::translate("PrinterUri", "The port is missing after the colon."));
        }
    } else {
        const qsizetype colon = rest.lastIndexOf(u':');
        if (colon >= 0) {
            if (rest.left(colon).contains(u':'))
                return invalid(QCoreApplication::translate("PrinterUri",
                                                           "Put an IPv6 address in brackets: tcp://[fd00::5]:9100."));
            host = rest.left(colon);
            port = rest.mid(colon + 1);
            if (port.isEmpty())
                return invalid(QCoreApplication::translate("PrinterUri", "The port is missing after the colon."));
        }
    }
    if (host.isEmpty())
        return invalid(QCoreApplication::translate("PrinterUri", "The printer's host name or IP address is missing."));
    if (bracketed ? !isIpv6(host) : !(isIpv4(host) || isHostName(host)))
        return invalid(
            bracketed ? QCoreApplication::translate("PrinterUri", "\"%1\" is not an IPv6 address.").arg(host.left(50))
                      : QCoreApplication::translate("PrinterUri", "\"%1\" is not a host name or an IPv4 address.")
                            .arg(host.left(50)));
    uri.host = host.toString().toLower();
    if (!port.isEmpty()) {
        LT_TRY_ASSIGN(uri.port, parsePort(port));
    }
    return uri;
}

// A device path as the system names it: absolute, canonical, of letters, digits and ._-/ only.
Result<QString> devicePath(QStringView path, const QString& example)
{
    if (path.isEmpty())
        return invalid(QCoreApplication::translate("PrinterUri", "The device is missing, e.g. %1.").arg(example));
    if (!path.startsWith(u'/'))
        return invalid(
            QCoreApplication::translate("PrinterUri", "The device must be an absolute path such as %1, not \"%2\".")
                .arg(example, path.left(50)));
    for (QChar c : path) {
        if (!isAsciiAlphanumeric(c) && c != u'/' && c != u'.' && c != u'_' && c != u'-')
            return invalid(QCoreApplication::translate(
                               "PrinterUri", "A device path has only letters, digits and . _ - /: \"%1\" is not one.")
                               .arg(c));
    }
    const QString text = path.toString();
    if (QDir::cleanPath(text) != text || text == u"/")
        return invalid(
            QCoreApplication::translate("PrinterUri", "\"%1\" is not a plain device path (no .., // or a trailing /).")
                .arg(text.left(50)));
    return text;
}

Result<PrinterUri> parseSerial(QStringView rest)
{
    PrinterUri uri;
    uri.kind = PrinterUri::Kind::Serial;
    QStringView device = rest;
    const qsizetype question = rest.indexOf(u'?');
    if (question >= 0) {
        device = rest.left(question);
        for (QStringView option : rest.mid(question + 1).split(u'&')) {
            if (!option.startsWith(u"baud="))
                return invalid(
                    QCoreApplication::translate(
                        "PrinterUri", "A serial printer takes one option, baud (e.g. ?baud=19200), not \"%1\".")
                        .arg(option.left(30)));
            const QStringView value = option.mid(5);
            const int baud = isAsciiDigits(value) && value.size() <= 7 ? value.toInt() : 0;
            if (!PrinterUri::standardBaudRates().contains(baud)) {
                QStringList rates;
                for (int rate : PrinterUri::standardBaudRates())
                    rates << QString::number(rate);
                return invalid(QCoreApplication::translate("PrinterUri", "The baud rate must be one of %1, not \"%2\".")
                                   .arg(rates.join(QStringLiteral(", ")), value.left(20)));
            }
            uri.baud = baud;
        }
    }
    // Windows names its serial ports COM1, COM2...
    if (device.size() > 3 && device.left(3).compare(u"COM", Qt::CaseInsensitive) == 0 && isAsciiDigits(device.mid(3))
        && device.size() <= 6 && device.mid(3).toInt() >= 1 && device.mid(3).toInt() <= 256) {
        uri.device = QStringLiteral("COM%1").arg(device.mid(3).toInt());
        return uri;
    }
    LT_TRY_ASSIGN(uri.device, devicePath(device, QStringLiteral("/dev/ttyS0")));
    return uri;
}

Result<PrinterUri> parseUsb(QStringView rest)
{
    if (rest.contains(u'?'))
        return invalid(QCoreApplication::translate("PrinterUri", "A USB printer takes no options: usb:/dev/usb/lp0."));
    PrinterUri uri;
    uri.kind = PrinterUri::Kind::Usb;
    LT_TRY_ASSIGN(uri.device, devicePath(rest, QStringLiteral("/dev/usb/lp0")));
    return uri;
}

Result<PrinterUri> parseCups(QStringView rest)
{
    if (rest.size() > MaximumQueueLength)
        return invalid(QCoreApplication::translate("PrinterUri", "A print queue's name has at most %1 characters.")
                           .arg(MaximumQueueLength));
    for (QChar c : rest) {
        if (!isAsciiAlphanumeric(c) && c != u'_' && c != u'-' && c != u'.' && c != u'@' && c != u'+')
            return invalid(
                QCoreApplication::translate(
                    "PrinterUri",
                    "A print queue's name has only letters, digits and _ - . @ +: \"%1\" is not one (see lpstat -p).")
                    .arg(c));
    }
    PrinterUri uri;
    uri.kind = PrinterUri::Kind::Cups;
    uri.queue = rest.toString();
    return uri;
}

Result<PrinterUri> parsePdf(QStringView rest)
{
    const QString path = QDir::fromNativeSeparators(rest.toString());
    if (path.isEmpty())
        return invalid(
            QCoreApplication::translate("PrinterUri", "Name the PDF file after pdf:, e.g. pdf:/tmp/slip.pdf."));
    if (!QDir::isAbsolutePath(path))
        return invalid(QCoreApplication::translate(
                           "PrinterUri", "The PDF file must be an absolute path such as /tmp/slip.pdf, not \"%1\".")
                           .arg(path.left(50)));
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        return invalid(QCoreApplication::translate("PrinterUri", "The file's name must end in .pdf."));
    PrinterUri uri;
    uri.kind = PrinterUri::Kind::Pdf;
    uri.file = QDir::cleanPath(path);
    return uri;
}

} // namespace

QList<int> PrinterUri::standardBaudRates()
{
    return {1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200};
}

Result<PrinterUri> PrinterUri::parse(const QString& input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return invalid(QCoreApplication::translate(
            "PrinterUri",
            "Enter a printer, e.g. tcp://192.168.1.50:9100, serial:/dev/ttyS0, usb:/dev/usb/lp0, "
            "cups:QUEUE or pdf:/tmp/slip.pdf."));
    if (text.size() > MaximumLength)
        return invalid(QCoreApplication::translate("PrinterUri", "A printer address has at most %1 characters.")
                           .arg(MaximumLength));
    if (const std::optional<char32_t> odd = oddCharacter(text))
        return invalid(QCoreApplication::translate(
                           "PrinterUri", "The printer address holds a character that cannot be part of it (%1).")
                           .arg(codePointName(*odd)));
    const qsizetype colon = text.indexOf(u':');
    const QString scheme = colon < 0 ? QString() : text.left(colon).toLower();
    const QStringView rest = QStringView(text).mid(colon + 1);
    // Only the PDF file's path may hold spaces and letters beyond ASCII.
    if (scheme != u"pdf") {
        for (QChar c : text) {
            if (c.isSpace())
                return invalid(QCoreApplication::translate("PrinterUri", "A printer address has no spaces."));
        }
    }
    if (scheme == u"tcp")
        return parseTcp(rest);
    if (scheme == u"serial")
        return parseSerial(rest);
    if (scheme == u"usb")
        return parseUsb(rest);
    if (scheme == u"cups")
        return parseCups(rest);
    if (scheme == u"pdf")
        return parsePdf(rest);
    return invalid(
        QCoreApplication::translate(
            "PrinterUri", "\"%1\" is not a printer address: start it with tcp://, serial:, usb:, cups: or pdf:.")
            .arg(text.left(50)));
}

QString PrinterUri::toString() const
{
    switch (kind) {
    case Kind::Tcp:
        return QStringLiteral("tcp://%1:%2").arg(host.contains(u':') ? u'[' + host + u']' : host).arg(port);
    case Kind::Serial:
        return QStringLiteral("serial:%1?baud=%2").arg(device).arg(baud);
    case Kind::Usb:
        return QStringLiteral("usb:") + device;
    case Kind::Cups:
        return QStringLiteral("cups:") + queue;
    case Kind::Pdf:
        return QStringLiteral("pdf:") + file;
    }
    return {};
}

} // namespace lt
