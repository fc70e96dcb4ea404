#include "tests/receipts/EscPosDecoder.h"

#include "core/receipts/CodePage.h"

namespace lt::test {

namespace {
constexpr unsigned char ESC = 0x1B;
constexpr unsigned char GS = 0x1D;
constexpr unsigned char DLE = 0x10;
constexpr unsigned char LF = 0x0A;

CodePage pageFor(int number)
{
    switch (number) {
    case 2:
        return CodePage(CodePage::Id::Pc850);
    case 19:
        return CodePage(CodePage::Id::Pc858);
    case 16:
        return CodePage(CodePage::Id::Wpc1252);
    default:
        return CodePage(CodePage::Id::Pc437);
    }
}

class Reader
{
public:
    explicit Reader(const QByteArray& stream)
        : m_stream(stream)
    {
    }

    QList<EscPosEvent> run()
    {
        while (m_at < m_stream.size()) {
            const unsigned char c = at(m_at);
            if (c == LF) {
                flushText(true);
                ++m_at;
            } else if (c == ESC || c == GS || c == DLE) {
                flushText(false);
                command(c);
            } else if (c < 0x20 || c == 0x7F) {
                flushText(false);
                unknown(1);
            } else {
                m_text.append(static_cast<char>(c));
                ++m_at;
            }
        }
        flushText(false);
        return m_events;
    }

private:
    unsigned char at(qsizetype i) const { return static_cast<unsigned char>(m_stream.at(i)); }
    bool has(qsizetype count) const { return m_at + count <= m_stream.size(); }

    EscPosEvent styled(EscPosEvent::Type type) const
    {
        EscPosEvent event;
        event.type = type;
        event.align = m_align;
        event.bold = m_bold;
        event.doubleSize = m_doubleSize;
        event.codePage = m_codePage;
        return event;
    }

    void emitValue(EscPosEvent::Type type, int value, qsizetype length)
    {
        EscPosEvent event = styled(type);
        event.value = value;
        event.data = m_stream.mid(m_at, length);
        m_events << event;
        m_at += length;
    }

    void unknown(qsizetype length)
    {
        EscPosEvent event;
        event.type = EscPosEvent::Type::Unknown;
        event.data = m_stream.mid(m_at, length);
        m_events << event;
        m_at += length;
    }

    // Text stays pending until LF (a line) or a command that is not a style change mid-line.
    void flushText(bool lineFeed)
    {
        if (m_text.isEmpty() && !lineFeed)
            return;
        EscPosEvent event = styled(EscPosEvent::Type::Text);
        const CodePage page = pageFor(m_codePage);
        for (const char c : std::as_const(m_text)) {
            const char32_t u = page.decode(static_cast<unsigned char>(c));
            event.text += QString::fromUcs4(&u, 1);
        }
        event.value = lineFeed ? 1 : 0; // 1: ended by a line feed
        m_events << event;
        m_text.clear();
    }

    void command(unsigned char first)
    {
        if (!has(2))
            return unknown(m_stream.size() - m_at);
        const unsigned char second = at(m_at + 1);
        if (first == ESC && second == '@') {
            m_align = 0;
            m_bold = false;
            m_doubleSize = false;
            m_codePage = 0;
            return emitValue(EscPosEvent::Type::Initialize, 0, 2);
        }
        if (first == DLE && second == 0x04) {
            if (!has(3))
                return unknown(m_stream.size() - m_at);
            return emitValue(EscPosEvent::Type::StatusQuery, at(m_at + 2), 3);
        }
        if (first == ESC) {
            if (!has(3))
                return unknown(m_stream.size() - m_at);
            const int n = at(m_at + 2);
            switch (second) {
            case 't':
                m_codePage = n;
                return emitValue(EscPosEvent::Type::CodePage, n, 3);
            case 'a':
                m_align = n;
                return emitValue(EscPosEvent::Type::Align, n, 3);
            case 'E':
                m_bold = (n & 1) != 0;
                return emitValue(EscPosEvent::Type::Bold, n, 3);
            case 'd':
                return emitValue(EscPosEvent::Type::Feed, n, 3);
            default:
                return unknown(2);
            }
        }
        if (first == GS) {
            switch (second) {
            case '!':
            case 'h':
            case 'w':
            case 'H': {
                if (!has(3))
                    return unknown(m_stream.size() - m_at);
                const int n = at(m_at + 2);
                if (second == '!') {
                    m_doubleSize = n == 0x11;
                    return emitValue(EscPosEvent::Type::Size, n, 3);
                }
                return emitValue(second == 'h'       ? EscPosEvent::Type::BarcodeHeight
                                     : second == 'w' ? EscPosEvent::Type::BarcodeModule
                                                     : EscPosEvent::Type::BarcodeDigits,
                                 n, 3);
            }
            case 'k':
                return barcode();
            case 'v':
                return raster();
            case 'V':
                return cut();
            default:
                return unknown(2);
            }
        }
        unknown(1);
    }

    void barcode()
    {
        if (!has(3))
            return unknown(m_stream.size() - m_at);
        const int m = at(m_at + 2);
        EscPosEvent event = styled(EscPosEvent::Type::Barcode);
        event.value = m;
        if (m <= 6) { // function A: digits up to NUL
            const qsizetype end = m_stream.indexOf('\0', m_at + 3);
            if (end < 0)
                return unknown(m_stream.size() - m_at);
            event.data = m_stream.mid(m_at + 3, end - m_at - 3);
            m_events << event;
            m_at = end + 1;
            return;
        }
        if (!has(4))
            return unknown(m_stream.size() - m_at);
        const int n = at(m_at + 3);
        if (!has(4 + n))
            return unknown(m_stream.size() - m_at);
        event.data = m_stream.mid(m_at + 4, n);
        m_events << event;
        m_at += 4 + n;
    }

    void raster()
    {
        if (!has(8) || at(m_at + 2) != '0')
            return unknown(std::min<qsizetype>(2, m_stream.size() - m_at));
        const int bytesPerRow = at(m_at + 4) | (at(m_at + 5) << 8);
        const int rows = at(m_at + 6) | (at(m_at + 7) << 8);
        const qsizetype size = qsizetype(bytesPerRow) * rows;
        if (!has(8 + size))
            return unknown(m_stream.size() - m_at);
        EscPosEvent event = styled(EscPosEvent::Type::Raster);
        event.value = at(m_at + 3);
        event.width = bytesPerRow * 8;
        event.height = rows;
        event.data = m_stream.mid(m_at + 8, size);
        m_events << event;
        m_at += 8 + size;
    }

    void cut()
    {
        if (!has(3))
            return unknown(m_stream.size() - m_at);
        const int m = at(m_at + 2);
        EscPosEvent event = styled(EscPosEvent::Type::Cut);
        event.value = m;
        if (m == 65 || m == 66 || m == 97 || m == 98) {
            if (!has(4))
                return unknown(m_stream.size() - m_at);
            event.extra = at(m_at + 3);
            m_events << event;
            m_at += 4;
            return;
        }
        m_events << event;
        m_at += 3;
    }

    const QByteArray& m_stream;
    qsizetype m_at = 0;
    QByteArray m_text;
    QList<EscPosEvent> m_events;
    int m_align = 0;
    bool m_bold = false;
    bool m_doubleSize = false;
    int m_codePage = 0;
};
} // namespace

QList<EscPosEvent> EscPosDecoder::decode(const QByteArray& stream)
{
    return Reader(stream).run();
}

QStringList EscPosDecoder::lines(const QList<EscPosEvent>& events)
{
    QStringList texts;
    for (const EscPosEvent& event : events) {
        if (event.type == EscPosEvent::Type::Text)
            texts << event.text;
    }
    return texts;
}

QList<EscPosEvent> EscPosDecoder::ofType(const QList<EscPosEvent>& events, EscPosEvent::Type type)
{
    QList<EscPosEvent> found;
    for (const EscPosEvent& event : events) {
        if (event.type == type)
            found << event;
    }
    return found;
}

QString EscPosDecoder::describe(const QList<EscPosEvent>& events)
{
    static const char* const names[] = {"initialize", "code page", "align",      "bold",       "size",
                                        "text",       "raster",    "bar height", "bar module", "bar digits",
                                        "barcode",    "feed",      "cut",        "status",     "unknown"};
    QStringList out;
    for (const EscPosEvent& event : events) {
        QString line = QString::fromLatin1(names[static_cast<int>(event.type)]);
        switch (event.type) {
        case EscPosEvent::Type::Text:
            line += QStringLiteral(" \"%1\"").arg(event.text);
            break;
        case EscPosEvent::Type::Raster:
            line += QStringLiteral(" %1x%2").arg(event.width).arg(event.height);
            break;
        case EscPosEvent::Type::Barcode:
            line += QStringLiteral(" %1 %2").arg(event.value).arg(QString::fromLatin1(event.data));
            break;
        case EscPosEvent::Type::Unknown:
            line += u' ' + QString::fromLatin1(event.data.toHex(' '));
            break;
        default:
            line += QStringLiteral(" %1").arg(event.value);
            break;
        }
        out << line;
    }
    return out.join(u'\n');
}

} // namespace lt::test
