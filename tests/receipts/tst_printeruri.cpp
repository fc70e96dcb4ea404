#include "core/receipts/PrinterUri.h"
#include "tests/support/ResultChecks.h"

#include <QTest>

using lt::ErrorKind;
using lt::PrinterUri;

class TestPrinterUri : public QObject
{
    Q_OBJECT

private slots:
    void parsesEveryForm_data();
    void parsesEveryForm();
    void fillsTheFields();
    void refusesMistakes_data();
    void refusesMistakes();
    void messagesSayWhatToFix();
};

void TestPrinterUri::parsesEveryForm_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("tcp with port") << "tcp://192.168.1.50:9100"
                                   << "tcp://192.168.1.50:9100";
    QTest::newRow("tcp default port") << "tcp://printer.local"
                                      << "tcp://printer.local:9100";
    QTest::newRow("tcp other port") << "tcp://10.0.0.7:9101"
                                    << "tcp://10.0.0.7:9101";
    QTest::newRow("tcp host upper case") << "TCP://Kitchen-Printer:9100"
                                         << "tcp://kitchen-printer:9100";
    QTest::newRow("tcp ipv6") << "tcp://[fd00::5]:9100"
                              << "tcp://[fd00::5]:9100";
    QTest::newRow("tcp ipv6 default port") << "tcp://[::1]"
                                           << "tcp://[::1]:9100";
    QTest::newRow("tcp ipv6 full") << "tcp://[2001:db8:0:0:0:0:2:1]:1"
                                   << "tcp://[2001:db8:0:0:0:0:2:1]:1";
    QTest::newRow("tcp ipv6 mapped ipv4") << "tcp://[::ffff:192.168.1.5]"
                                          << "tcp://[::ffff:192.168.1.5]:9100";
    QTest::newRow("tcp top port") << "tcp://localhost:65535"
                                  << "tcp://localhost:65535";
    QTest::newRow("spaces around") << "  tcp://127.0.0.1:9100 \n"
                                   << "tcp://127.0.0.1:9100";
    QTest::newRow("serial default baud") << "serial:/dev/ttyS0"
                                         << "serial:/dev/ttyS0?baud=19200";
    QTest::newRow("serial baud") << "serial:/dev/ttyUSB0?baud=115200"
                                 << "serial:/dev/ttyUSB0?baud=115200";
    QTest::newRow("serial by id") << "serial:/dev/serial/by-id/usb-EPSON_TM-T20-if00"
                                  << "serial:/dev/serial/by-id/usb-EPSON_TM-T20-if00?baud=19200";
    QTest::newRow("serial windows") << "serial:com3?baud=9600"
                                    << "serial:COM3?baud=9600";
    QTest::newRow("usb") << "usb:/dev/usb/lp0"
                         << "usb:/dev/usb/lp0";
    QTest::newRow("cups queue") << "cups:TM-T20II"
                                << "cups:TM-T20II";
    QTest::newRow("cups default") << "cups:"
                                  << "cups:";
    QTest::newRow("cups queue with at") << "cups:Office_Laser@server.example"
                                        << "cups:Office_Laser@server.example";
    QTest::newRow("pdf") << "pdf:/tmp/slip.pdf"
                         << "pdf:/tmp/slip.pdf";
    QTest::newRow("pdf spaces and accents") << "pdf:/home/ana/Recibos del día/Slip.PDF"
                                            << "pdf:/home/ana/Recibos del día/Slip.PDF";
    QTest::newRow("pdf cleaned") << "pdf:/tmp/a/../slip.pdf"
                                 << "pdf:/tmp/slip.pdf";
}

void TestPrinterUri::parsesEveryForm()
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);
    const auto uri = PrinterUri::parse(input);
    LT_VERIFY_OK(uri);
    QCOMPARE(uri->toString(), canonical);
    // The canonical form reads back as the same printer.
    const auto again = PrinterUri::parse(uri->toString());
    LT_VERIFY_OK(again);
    QVERIFY(*again == *uri);
}

void TestPrinterUri::fillsTheFields()
{
    auto tcp = PrinterUri::parse(QStringLiteral("tcp://192.168.1.50"));
    LT_VERIFY_OK(tcp);
    QCOMPARE(tcp->kind, PrinterUri::Kind::Tcp);
    QCOMPARE(tcp->host, QStringLiteral("192.168.1.50"));
    QCOMPARE(tcp->port, 9100);
    QVERIFY(tcp->speaksEscPos());

    auto v6 = PrinterUri::parse(QStringLiteral("tcp://[FD00::5]:9200"));
    LT_VERIFY_OK(v6);
    QCOMPARE(v6->host, QStringLiteral("fd00::5"));
    QCOMPARE(v6->port, 9200);

    auto serial = PrinterUri::parse(QStringLiteral("serial:/dev/ttyS1?baud=9600"));
    LT_VERIFY_OK(serial);
    QCOMPARE(serial->kind, PrinterUri::Kind::Serial);
    QCOMPARE(serial->device, QStringLiteral("/dev/ttyS1"));
    QCOMPARE(serial->baud, 9600);

    auto usb = PrinterUri::parse(QStringLiteral("usb:/dev/usb/lp1"));
    LT_VERIFY_OK(usb);
    QCOMPARE(usb->kind, PrinterUri::Kind::Usb);
    QCOMPARE(usb->device, QStringLiteral("/dev/usb/lp1"));

    auto cups = PrinterUri::parse(QStringLiteral("cups:"));
    LT_VERIFY_OK(cups);
    QCOMPARE(cups->kind, PrinterUri::Kind::Cups);
    QVERIFY(cups->queue.isEmpty());
    QVERIFY(!cups->speaksEscPos());

    auto pdf = PrinterUri::parse(QStringLiteral("pdf:/tmp/x.pdf"));
    LT_VERIFY_OK(pdf);
    QCOMPARE(pdf->kind, PrinterUri::Kind::Pdf);
    QCOMPARE(pdf->file, QStringLiteral("/tmp/x.pdf"));
    QVERIFY(!pdf->speaksEscPos());
}

void TestPrinterUri::refusesMistakes_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("empty") << "";
    QTest::newRow("blank") << "   \t ";
    QTest::newRow("no scheme") << "192.168.1.50:9100";
    QTest::newRow("unknown scheme") << "http://192.168.1.50";
    QTest::newRow("ipp") << "ipp://printer/ipp/print";
    QTest::newRow("file scheme") << "file:/tmp/x.pdf";
    QTest::newRow("tcp without slashes") << "tcp:192.168.1.50:9100";
    QTest::newRow("tcp no host") << "tcp://:9100";
    QTest::newRow("tcp empty") << "tcp://";
    QTest::newRow("tcp colon no port") << "tcp://printer:";
    QTest::newRow("port zero") << "tcp://printer:0";
    QTest::newRow("port too big") << "tcp://printer:65536";
    QTest::newRow("port huge") << "tcp://printer:99999999999999999999999";
    QTest::newRow("port negative") << "tcp://printer:-1";
    QTest::newRow("port plus") << "tcp://printer:+9100";
    QTest::newRow("port letters") << "tcp://printer:91OO";
    QTest::newRow("port arabic digits") << "tcp://printer:٩١٠٠";
    QTest::newRow("tcp path") << "tcp://printer:9100/queue";
    QTest::newRow("tcp user") << "tcp://admin@printer:9100";
    QTest::newRow("tcp query") << "tcp://printer:9100?x=1";
    QTest::newRow("ipv4 out of range") << "tcp://192.168.1.256";
    QTest::newRow("ipv4 short") << "tcp://192.168.1";
    QTest::newRow("ipv6 unbracketed") << "tcp://fd00::5:9100";
    QTest::newRow("ipv6 unclosed") << "tcp://[fd00::5:9100";
    QTest::newRow("ipv6 bad") << "tcp://[fd00::5::6]:9100";
    QTest::newRow("ipv6 junk after") << "tcp://[::1]x9100";
    QTest::newRow("host underscore") << "tcp://my_printer:9100";
    QTest::newRow("host leading hyphen") << "tcp://-printer:9100";
    QTest::newRow("host empty label") << "tcp://printer..local:9100";
    QTest::newRow("host non ascii") << "tcp://impresora-cocina-ñ:9100";
    QTest::newRow("host homoglyph") << "tcp://рrinter:9100"; // a Cyrillic р
    QTest::newRow("host too long") << QStringLiteral("tcp://%1:9100").arg(QString(300, u'a'));
    QTest::newRow("sql in host") << "tcp://x'; DROP TABLE members;--:9100";
    QTest::newRow("sql in queue") << "cups:x'); DELETE FROM ledger;--";
    QTest::newRow("sql in device") << "usb:/dev/usb/lp0;DROP TABLE sales";
    QTest::newRow("shell in queue") << "cups:$(reboot)";
    QTest::newRow("space inside") << "tcp://printer :9100";
    QTest::newRow("nul byte") << QStringLiteral("tcp://printer\u0000:9100");
    QTest::newRow("zero width space") << "tcp://prin\u200Bter:9100";
    QTest::newRow("right to left override") << "cups:\u202Eqeueu";
    QTest::newRow("emoji in queue") << "cups:🖨️";
    QTest::newRow("newline inside") << "tcp://printer\n:9100";
    QTest::newRow("serial no device") << "serial:";
    QTest::newRow("serial relative") << "serial:ttyS0";
    QTest::newRow("serial dots") << "serial:/dev/../etc/passwd";
    QTest::newRow("serial double slash") << "serial:///dev/ttyS0";
    QTest::newRow("serial odd baud") << "serial:/dev/ttyS0?baud=12345";
    QTest::newRow("serial huge baud") << "serial:/dev/ttyS0?baud=1152000000000";
    QTest::newRow("serial empty baud") << "serial:/dev/ttyS0?baud=";
    QTest::newRow("serial unknown option") << "serial:/dev/ttyS0?parity=even";
    QTest::newRow("serial com zero") << "serial:COM0";
    QTest::newRow("usb relative") << "usb:lp0";
    QTest::newRow("usb root") << "usb:/";
    QTest::newRow("usb option") << "usb:/dev/usb/lp0?baud=9600";
    QTest::newRow("usb trailing slash") << "usb:/dev/usb/lp0/";
    QTest::newRow("cups slash") << "cups:a/b";
    QTest::newRow("cups too long") << QStringLiteral("cups:%1").arg(QString(128, u'q'));
    QTest::newRow("pdf empty") << "pdf:";
    QTest::newRow("pdf relative") << "pdf:slip.pdf";
    QTest::newRow("pdf not pdf") << "pdf:/tmp/slip.txt";
    QTest::newRow("pdf control") << "pdf:/tmp/sl\u0007ip.pdf";
    QTest::newRow("lone surrogate") << QString(QChar(0xD800)) + QStringLiteral("tcp://a");
    QTest::newRow("huge") << QStringLiteral("pdf:/%1.pdf").arg(QString(5000, u'a'));
}

void TestPrinterUri::refusesMistakes()
{
    QFETCH(QString, input);
    const auto uri = PrinterUri::parse(input);
    LT_VERIFY_ERROR(uri, ErrorKind::InvalidInput);
    QCOMPARE(uri.error().field, QStringLiteral("printer"));
    QVERIFY(!uri.error().message.isEmpty());
}

void TestPrinterUri::messagesSayWhatToFix()
{
    const auto scheme = PrinterUri::parse(QStringLiteral("http://printer"));
    LT_VERIFY_ERROR(scheme, ErrorKind::InvalidInput);
    QVERIFY2(scheme.error().message.contains(QLatin1String("tcp://")), qPrintable(scheme.error().message));

    const auto port = PrinterUri::parse(QStringLiteral("tcp://printer:70000"));
    LT_VERIFY_ERROR(port, ErrorKind::InvalidInput);
    QVERIFY2(port.error().message.contains(QLatin1String("65535")), qPrintable(port.error().message));

    const auto relative = PrinterUri::parse(QStringLiteral("pdf:out/slip.pdf"));
    LT_VERIFY_ERROR(relative, ErrorKind::InvalidInput);
    QVERIFY2(relative.error().message.contains(QLatin1String("absolute")), qPrintable(relative.error().message));

    const auto odd = PrinterUri::parse(QStringLiteral("tcp://prin\u200Bter"));
    LT_VERIFY_ERROR(odd, ErrorKind::InvalidInput);
    QVERIFY2(odd.error().message.contains(QLatin1String("U+200B")), qPrintable(odd.error().message));

    const auto baud = PrinterUri::parse(QStringLiteral("serial:/dev/ttyS0?baud=300"));
    LT_VERIFY_ERROR(baud, ErrorKind::InvalidInput);
    QVERIFY2(baud.error().message.contains(QLatin1String("19200")), qPrintable(baud.error().message));
}

QTEST_GUILESS_MAIN(TestPrinterUri)
#include "tst_printeruri.moc"
