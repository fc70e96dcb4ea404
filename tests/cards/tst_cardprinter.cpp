// One card printed at the till: into a PDF the size of an ID-1 card whose barcode zbarimg reads at 300 and 150 dpi,
// on a worker thread that reports once; receipt printers, bad addresses, bad card numbers and unknown system
// printers refused with a message for the status line.
#include "core/domain/CardNumber.h"
#include "tests/cards/BarcodeReader.h"
#include "tests/support/ResultChecks.h"
#include "ui/cards/CardPrinter.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace lt;
using namespace lt::ui;
using namespace lt::test;

namespace {
const MemberCardFace Face {QStringLiteral("Panadería Núñez"), QStringLiteral("Ana"), CardNumber::fromSerial(4711)};
} // namespace

class TestCardPrinter : public QObject
{
    Q_OBJECT

private slots:
    void printsOneCardIntoAPdf()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("card.pdf"));
        auto printer = CardPrinter::forSetting(QStringLiteral("pdf:") + pdf, Face);
        LT_VERIFY_OK(printer);
        QCOMPARE((*printer)->printerName(), pdf);
        QSignalSpy finished(printer->get(), &PrinterTransport::finished);
        (*printer)->start();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.size(), 1);
        const auto outcome = finished.first().first().value<PrintOutcome>();
        QVERIFY2(outcome.ok(), qPrintable(outcome.message));

        // One page the size of the card: 85.60 × 53.98 mm is 242.6 × 153.0 pt.
        QCOMPARE(BarcodeReader::pageCount(pdf), 1);
        const QSizeF size = BarcodeReader::pageSizePoints(pdf);
        QVERIFY2(qAbs(size.width() - 242.65) < 0.5 && qAbs(size.height() - 153.01) < 0.5,
                 qPrintable(QStringLiteral("%1 x %2").arg(size.width()).arg(size.height())));
        QCOMPARE(BarcodeReader::imageCount(pdf), 0);
        // The store's and the member's names are text, dark on white; the digits are under the bars.
        const QString text = BarcodeReader::text(pdf);
        QVERIFY2(text.contains(Face.storeName) && text.contains(Face.memberName), qPrintable(text));
        for (int dpi : {300, 150}) {
            const QStringList pages =
                BarcodeReader::rasterize(pdf, dpi, m_dir.filePath(QStringLiteral("card-%1").arg(dpi)));
            QCOMPARE(pages.size(), 1);
            QCOMPARE(BarcodeReader::decode(pages.first()), QStringList {QStringLiteral("EAN-13:") + Face.cardNumber});
        }
    }

    // The member's name and card: the PDF is readable by its owner only, whatever the umask.
    void theCardPdfIsReadableByItsOwnerOnly()
    {
        const mode_t umaskBefore = ::umask(022);
        const QString pdf = m_dir.filePath(QStringLiteral("private-card.pdf"));
        const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther
            | QFileDevice::WriteOther | QFileDevice::ExeGroup | QFileDevice::ExeOther;
        for (int run = 0; run < 2; ++run) {
            const PrintOutcome outcome = CardPrinter::writePdf(pdf, Face);
            QVERIFY2(outcome.ok(), qPrintable(outcome.message));
            QCOMPARE(QFile::permissions(pdf) & others, QFileDevice::Permissions());
            QVERIFY(QFile::permissions(pdf).testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
            // Printed again over a copy anyone could read.
            QVERIFY(QFile::setPermissions(pdf,
                                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                              | QFileDevice::ReadOther));
        }
        QCOMPARE(BarcodeReader::pageCount(pdf), 1);
        ::umask(umaskBefore);
    }

    void refusesWhatCannotPrintACard_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::addColumn<QString>("card");
        QTest::newRow("receipt printer on the network") << QStringLiteral("tcp://192.0.2.10:9100") << Face.cardNumber;
        QTest::newRow("serial receipt printer") << QStringLiteral("serial:/dev/ttyS0") << Face.cardNumber;
        QTest::newRow("USB receipt printer") << QStringLiteral("usb:/dev/usb/lp0") << Face.cardNumber;
        QTest::newRow("not an address") << QStringLiteral("lpt1") << Face.cardNumber;
        QTest::newRow("bad card number") << QStringLiteral("cups:Cards") << QStringLiteral("2900000047110");
    }
    void refusesWhatCannotPrintACard()
    {
        QFETCH(QString, setting);
        QFETCH(QString, card);
        MemberCardFace face = Face;
        face.cardNumber = card;
        const auto printer = CardPrinter::forSetting(setting, face);
        LT_VERIFY_ERROR(printer, ErrorKind::InvalidInput);
        QVERIFY(!printer.error().message.isEmpty());
    }

    void emptySettingIsTheDefaultPrinter()
    {
        auto printer = CardPrinter::forSetting(QString(), Face);
        LT_VERIFY_OK(printer);
        QVERIFY((*printer)->printerName().contains(QStringLiteral("default")));
    }

    void anUnknownSystemPrinterEndsInAMessage()
    {
        auto printer = CardPrinter::forSetting(QStringLiteral("cups:NoSuchQueueForLoyaltyTillCards"), Face);
        LT_VERIFY_OK(printer);
        QSignalSpy finished(printer->get(), &PrinterTransport::finished);
        (*printer)->start();
        QVERIFY(finished.wait(20000));
        const auto outcome = finished.first().first().value<PrintOutcome>();
        QCOMPARE(outcome.status, PrintOutcome::Status::PageFailed);
        QVERIFY2(outcome.message.contains(QStringLiteral("NoSuchQueueForLoyaltyTillCards")),
                 qPrintable(outcome.message));
    }

    void aMissingFolderEndsInAMessage()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("missing/card.pdf"));
        auto printer = CardPrinter::forSetting(QStringLiteral("pdf:") + pdf, Face);
        LT_VERIFY_OK(printer);
        QSignalSpy finished(printer->get(), &PrinterTransport::finished);
        (*printer)->start();
        QVERIFY(finished.wait(20000));
        const auto outcome = finished.first().first().value<PrintOutcome>();
        QCOMPARE(outcome.status, PrintOutcome::Status::PageFailed);
        QVERIFY(!QFile::exists(pdf));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestCardPrinter)
#include "tst_cardprinter.moc"
