#include "tests/printing/FakeSerialPrinter.h"
#include "tests/printing/FakeThermalPrinter.h"
#include "ui/printing/DevicePrinterTransport.h"
#include "ui/printing/SerialPrinterTransport.h"
#include "ui/printing/TcpPrinterTransport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using lt::test::FakeThermalPrinter;
using lt::ui::DevicePrinterTransport;
using lt::ui::PrinterTimeouts;
using lt::ui::PrinterTransport;
using lt::ui::PrintOutcome;
using lt::ui::SerialPrinterTransport;
using lt::ui::TcpPrinterTransport;
using Status = PrintOutcome::Status;

namespace {

// Short enough to keep the suite fast, long enough for a loaded CI machine under sanitizers.
const PrinterTimeouts fast {1000, 300, 2000};

QByteArray slipBytes(qsizetype size = 600)
{
    QByteArray bytes = QByteArrayLiteral("\x1b@Loyalty slip\n");
    while (bytes.size() < size)
        bytes += QByteArrayLiteral("You earned 120 points. Balance 1,340.\n");
    return bytes + QByteArrayLiteral("\x1dV\x42\x00");
}

struct Attempt
{
    PrintOutcome outcome;
    qint64 startMs = 0; // how long start() kept the caller
    qint64 totalMs = 0; // until finished()
};

Attempt attempt(PrinterTransport& transport, int waitMs = 10000)
{
    QSignalSpy finished(&transport, &PrinterTransport::finished);
    QElapsedTimer clock;
    clock.start();
    transport.start();
    Attempt result;
    result.startMs = clock.elapsed();
    if (finished.isEmpty() && !finished.wait(waitMs)) {
        result.outcome = PrintOutcome::failed(Status::PageFailed, QStringLiteral("finished() never came"));
        return result;
    }
    result.totalMs = clock.elapsed();
    result.outcome = finished.first().first().value<PrintOutcome>();
    QTest::qWait(0); // let the fake printer see the connection close
    return result;
}

QByteArray describe(const PrintOutcome& outcome)
{
    return (lt::ui::printStatusName(outcome.status) + QStringLiteral(": ") + outcome.message).toUtf8();
}

} // namespace

// Each kind of receipt printer, reached through its transport, against a printer that works and each way one fails
// in a shop: every attempt returns at once and ends in its outcome within its timeout.
class TestPrinterTransports : public QObject
{
    Q_OBJECT

private slots:
    void tcpPrintsAfterAskingStatus();
    void tcpPaperOutSendsNothing();
    void tcpClosedMidSlipIsInterrupted();
    void tcpRefusedIsUnreachable();
    void tcpSilentPrinterIsNoAnswer();
    void tcpUnknownHostIsBadAddress();
    void tcpUnreachableEndsWithinConnectTimeout();
    void serialPrintsAfterAskingStatus();
    void serialPrinterOffIsNoAnswer();
    void missingSerialPortSaysSo();
    void slowSerialLinesGetTimeToCarryTheSlip();
    void deviceFileIsWritten();
    void missingDeviceSaysSo();
    void deviceWithoutReaderIsUnreachable();
    void stalledDeviceTimesOut();
};

void TestPrinterTransports::tcpPrintsAfterAskingStatus()
{
    FakeThermalPrinter printer;
    QVERIFY(printer.start());
    const QByteArray slip = slipBytes();
    TcpPrinterTransport transport(QStringLiteral("127.0.0.1"), printer.port(), slip, fast);
    const Attempt result = attempt(transport);
    QVERIFY2(result.outcome.ok(), describe(result.outcome));
    QVERIFY2(result.startMs < 100, QByteArray::number(result.startMs));
    QCOMPARE(printer.connectionCount(), 1);
    // The three status requests before the slip, and the paper request after it that proves it all arrived.
    QCOMPARE(printer.statusRequests(0), QList<int>({1, 2, 4, 4}));
    QCOMPARE(printer.printed(0), slip);
    QCOMPARE(printer.received(0).left(9), QByteArrayLiteral("\x10\x04\x01\x10\x04\x02\x10\x04\x04"));
}

void TestPrinterTransports::tcpPaperOutSendsNothing()
{
    FakeThermalPrinter printer;
    QVERIFY(printer.start(FakeThermalPrinter::Mode::PaperOut));
    TcpPrinterTransport transport(QStringLiteral("127.0.0.1"), printer.port(), slipBytes(), fast);
    const Attempt result = attempt(transport);
    QCOMPARE(result.outcome.status, Status::PaperOut);
    QVERIFY2(result.outcome.message.contains(QStringLiteral("out of paper")), describe(result.outcome));
    QVERIFY2(result.outcome.message.contains(QStringLiteral("127.0.0.1:%1").arg(printer.port())),
             describe(result.outcome));
    QVERIFY(printer.printed(0).isEmpty());
}

void TestPrinterTransports::tcpClosedMidSlipIsInterrupted()
{
    FakeThermalPrinter printer;
    QVERIFY(printer.start(FakeThermalPrinter::Mode::CloseAfterBytes));
    printer.setCloseAfter(100);
    TcpPrinterTransport transport(QStringLiteral("127.0.0.1"), printer.port(), slipBytes(200'000), fast);
    const Attempt result = attempt(transport);
    QCOMPARE(result.outcome.status, Status::Interrupted);
    QVERIFY2(result.outcome.message.contains(QStringLiteral("may be incomplete")), describe(result.outcome));
    QVERIFY2(result.totalMs < fast.statusMs + fast.writeMs + 500, QByteArray::number(result.totalMs));
    QCOMPARE(printer.received(0).size(), 100);
}

void TestPrinterTransports::tcpRefusedIsUnreachable()
{
    FakeThermalPrinter printer;
    QVERIFY(printer.start(FakeThermalPrinter::Mode::Refusing));
    TcpPrinterTransport transport(QStringLiteral("127.0.0.1"), printer.port(), slipBytes(), fast);
    const Attempt result = attempt(transport);
    QCOMPARE(result.outcome.status, Status::Unreachable);
    QVERIFY2(result.outcome.message.contains(QStringLiteral("refused")), describe(result.outcome));
    QVERIFY2(result.outcome.message.contains(QStringLiteral("switched on")), describe(result.outcome));
    QCOMPARE(printer.connectionCount(), 0);
}

void TestPrinterTransports::tcpSilentPrinterIsNoAnswer()
{
    FakeThermalPrinter printer;
    QVERIFY(printer.start(FakeThermalPrinter::Mode::Silent));
    TcpPrinterTransport transport(QStringLiteral("127.0.0.1"), printer.port(), slipBytes(), fast);
    const Attempt result = attempt(transport);
    QCOMPARE(result.outcome.status, Status::NoAnswer);
    QVERIFY2(result.outcome.message.contains(QStringLiteral("does not answer")), describe(result.outcome));
    QVERIFY2(result.totalMs >= fast.statusMs - 50 && result.totalMs < fast.statusMs + 1000,
             QByteArray::number(result.totalMs));
    QVERIFY(printer.printed(0).isEmpty()); // the status requests came; no slip followed
    QCOMPARE(printer.statusRequests(0), QList<int>({1, 2, 4}));
}

void TestPrinterTransports::tcpUnknownHostIsBadAddress()
{
    TcpPrinterTransport transport(QStringLiteral("no-such-printer.invalid"), 9100, slipBytes(), fast);
    const Attempt result = attempt(transport);
    QCOMPARE(result.outcome.status, Status::BadAddress);
    QVERIFY2(result.outcome.message.contains(QStringLiteral("no-such-printer.invalid")), describe(result.outcome));
}

// 192.0.2.1 is a documentation address (RFC 5737) that no network routes: the connection either fails at once or
// hangs until the connect timeout, and either way the till hears "cannot be reached" within that timeout.
void TestPrinterTransports::tcpUnreachableEndsWithinConnectTimeout()
{
    TcpPrinterTransport transport(QStringLiteral("192.0.2.1"), 9100, slipBytes(), fast);
    const Attempt result = attempt(transport);
    QCOMPARE(result.outcome.status, Status::Unreachable);
    QVERIFY2(result.outcome.message.contains(QStringLiteral("192.0.2.1:9100")), describe(result.outcome));
    QVERIFY2(result.totalMs < fast.connectMs + 500, QByteArray::number(result.totalMs));
    QVERIFY2(result.startMs < 100, QByteArray::number(result.startMs));
}

void TestPrinterTransports::serialPrintsAfterAskingStatus()
{
    lt::test::FakeSerialPrinter printer;
    QVERIFY(printer.start());
    const QByteArray slip = slipBytes();
    SerialPrinterTransport transport(printer.devicePath(), 19200, slip, fast);
    const Attempt result = attempt(transport);
    QVERIFY2(result.outcome.ok(), describe(result.outcome));
    QVERIFY2(result.startMs < 100, QByteArray::number(result.startMs));
    QCOMPARE(printer.printed(), slip);
}

// A serial printer switched off takes the bytes (the port is the till's) but answers nothing.
void TestPrinterTransports::serialPrinterOffIsNoAnswer()
{
    lt::test::FakeSerialPrinter printer;
    QVERIFY(printer.start(false));
    SerialPrinterTransport transport(printer.devicePath(), 19200, slipBytes(), fast);
    const Attempt result = attempt(transport);
    QCOMPARE(result.outcome.status, Status::NoAnswer);
    QVERIFY2(result.outcome.message.contains(printer.devicePath()), describe(result.outcome));
    QVERIFY(printer.printed().isEmpty());
}

void TestPrinterTransports::missingSerialPortSaysSo()
{
    SerialPrinterTransport transport(QStringLiteral("/dev/ttyLOYALTYTILL-NONE"), 19200, slipBytes(), fast);
    const Attempt result = attempt(transport);
    QCOMPARE(result.outcome.status, Status::DeviceMissing);
    QVERIFY2(result.outcome.message.contains(QStringLiteral("/dev/ttyLOYALTYTILL-NONE")), describe(result.outcome));
}

void TestPrinterTransports::slowSerialLinesGetTimeToCarryTheSlip()
{
    // 30 000 bytes at 9600 baud: 31.25 s on the line, on top of the 10 s a printer has to take a slip.
    QCOMPARE(SerialPrinterTransport::withLineTime({}, 9600, 30'000).writeMs, 10'000 + 31'250);
    QCOMPARE(SerialPrinterTransport::withLineTime({}, 115'200, 1'152).writeMs, 10'000 + 100);
    QCOMPARE(SerialPrinterTransport::withLineTime(fast, 19'200, 0).writeMs, fast.writeMs);
    QCOMPARE(SerialPrinterTransport::withLineTime({}, 9600, 30'000).statusMs, PrinterTimeouts().statusMs);
}

void TestPrinterTransports::deviceFileIsWritten()
{
    QTemporaryDir dir;
    const QString device = dir.filePath(QStringLiteral("lp0"));
    QFile file(device);
    QVERIFY(file.open(QIODevice::WriteOnly)); // a device node exists before anything writes to it
    file.close();
    const QByteArray slip = slipBytes(100'000);
    DevicePrinterTransport transport(device, slip, fast);
    const Attempt result = attempt(transport);
    QVERIFY2(result.outcome.ok(), describe(result.outcome));
    QVERIFY2(result.startMs < 100, QByteArray::number(result.startMs));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), slip);
}

void TestPrinterTransports::missingDeviceSaysSo()
{
    DevicePrinterTransport transport(QStringLiteral("/dev/usb/lp-loyaltytill-none"), slipBytes(), fast);
    const Attempt result = attempt(transport);
    QCOMPARE(result.outcome.status, Status::DeviceMissing);
    QVERIFY2(result.outcome.message.contains(QStringLiteral("/dev/usb/lp-loyaltytill-none")), describe(result.outcome));
    QVERIFY2(result.outcome.message.contains(QStringLiteral("cable")), describe(result.outcome));
}

// A named pipe stands for a printer device: nobody reading it is a printer switched off.
void TestPrinterTransports::deviceWithoutReaderIsUnreachable()
{
    QTemporaryDir dir;
    const QString device = dir.filePath(QStringLiteral("lp0"));
    QCOMPARE(::mkfifo(QFile::encodeName(device).constData(), 0600), 0);
    DevicePrinterTransport transport(device, slipBytes(), fast);
    const Attempt result = attempt(transport);
    QCOMPARE(result.outcome.status, Status::Unreachable);
}

// A reader that never reads is a printer whose buffer stays full: the write timeout ends the attempt.
void TestPrinterTransports::stalledDeviceTimesOut()
{
    QTemporaryDir dir;
    const QString device = dir.filePath(QStringLiteral("lp0"));
    QCOMPARE(::mkfifo(QFile::encodeName(device).constData(), 0600), 0);
    // Without O_NONBLOCK, opening a FIFO to read waits for a writer.
    const int reader = ::open(QFile::encodeName(device).constData(), O_RDONLY | O_NONBLOCK);
    QVERIFY(reader >= 0);
    DevicePrinterTransport transport(device, slipBytes(2'000'000), fast);
    const Attempt result = attempt(transport);
    ::close(reader);
    QCOMPARE(result.outcome.status, Status::Interrupted);
    QVERIFY2(result.totalMs >= fast.writeMs - 50 && result.totalMs < fast.writeMs + 1500,
             QByteArray::number(result.totalMs));
}

QTEST_GUILESS_MAIN(TestPrinterTransports)
#include "tst_printertransports.moc"
