// Sheets of member cards as a printer and a scanner see them: the PDF rendered by Poppler at 300 and at 150 dpi, each
// card's region cut out and read by zbarimg, one barcode per card, the number the card's; A4 and US Letter pages of
// the right size, vectors only; a bad card number refused before anything is written.
#include "core/domain/CardNumber.h"
#include "tests/cards/BarcodeReader.h"
#include "tests/support/ResultChecks.h"
#include "ui/cards/CardSheetWriter.h"
#include "ui/cards/MemberCardPainter.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace lt;
using namespace lt::ui;
using namespace lt::test;

namespace {

constexpr qreal PointsPerMm = 72.0 / 25.4;

QList<MemberCardFace> batch(int count, qint64 firstSerial)
{
    QList<MemberCardFace> cards;
    for (int i = 0; i < count; ++i)
        cards.append({QStringLiteral("Panadería Núñez"), i % 3 == 0 ? QString() : QStringLiteral("Member %1").arg(i),
                      CardNumber::fromSerial(firstSerial + i)});
    return cards;
}

} // namespace

class TestCardSheet : public QObject
{
    Q_OBJECT

private slots:
    void everyCardScansOnItsSheet_data()
    {
        QTest::addColumn<QString>("paper");
        QTest::addColumn<int>("dpi");
        QTest::addColumn<QSizeF>("points");
        QTest::newRow("A4, 300 dpi") << QStringLiteral("a4") << 300 << QSizeF(595.276, 841.89);
        QTest::newRow("A4, 150 dpi") << QStringLiteral("a4") << 150 << QSizeF(595.276, 841.89);
        QTest::newRow("Letter, 300 dpi") << QStringLiteral("letter") << 300 << QSizeF(612, 792);
        QTest::newRow("Letter, 150 dpi") << QStringLiteral("letter") << 150 << QSizeF(612, 792);
    }
    void everyCardScansOnItsSheet()
    {
        QFETCH(QString, paper);
        QFETCH(int, dpi);
        QFETCH(QSizeF, points);
        const auto kind = CardSheetWriter::paperFromName(paper);
        LT_VERIFY_OK(kind);
        const CardSheetWriter writer(*kind);
        const QList<MemberCardFace> cards = batch(13, 4200); // a full page and three cards on a second
        const QString pdf = m_dir.filePath(QStringLiteral("%1-%2.pdf").arg(paper).arg(dpi));
        const auto pages = writer.write(pdf, cards);
        LT_VERIFY_OK(pages);
        QCOMPARE(*pages, 2);
        QCOMPARE(BarcodeReader::pageCount(pdf), 2);
        const QSizeF size = BarcodeReader::pageSizePoints(pdf);
        QVERIFY2(qAbs(size.width() - points.width()) < 0.5 && qAbs(size.height() - points.height()) < 0.5,
                 qPrintable(QStringLiteral("%1 x %2 pt").arg(size.width()).arg(size.height())));
        QCOMPARE(BarcodeReader::imageCount(pdf), 0); // vectors only

        const QStringList pngs =
            BarcodeReader::rasterize(pdf, dpi, m_dir.filePath(QStringLiteral("%1-%2").arg(paper).arg(dpi)));
        QCOMPARE(pngs.size(), 2);
        const qreal pixelsPerMm = dpi / 25.4;
        for (int card = 0; card < cards.size(); ++card) {
            const QImage page(pngs.at(card / CardSheetWriter::CardsPerPage));
            QVERIFY(!page.isNull());
            const QRectF mm = writer.cardRectMm(card % CardSheetWriter::CardsPerPage);
            const QRect pixels(QRectF(mm.topLeft() * pixelsPerMm, mm.size() * pixelsPerMm).toAlignedRect());
            const QString crop = m_dir.filePath(QStringLiteral("card-%1-%2-%3.png").arg(paper).arg(dpi).arg(card));
            QVERIFY(page.copy(pixels).save(crop));
            QCOMPARE(BarcodeReader::decode(crop), QStringList {QStringLiteral("EAN-13:") + cards.at(card).cardNumber});
        }
        // The whole page holds its ten barcodes and nothing else a scanner would read.
        QCOMPARE(BarcodeReader::decode(pngs.first()).size(), CardSheetWriter::CardsPerPage);
    }

    void gridFitsThePageWithRoomForTheMarks_data()
    {
        QTest::addColumn<QString>("paper");
        QTest::newRow("A4") << QStringLiteral("a4");
        QTest::newRow("Letter") << QStringLiteral("letter");
    }
    void gridFitsThePageWithRoomForTheMarks()
    {
        QFETCH(QString, paper);
        const CardSheetWriter writer(*CardSheetWriter::paperFromName(paper));
        const QRectF page(QPointF(0, 0), writer.pageSizeMm());
        const QRectF first = writer.cardRectMm(0);
        const QRectF last = writer.cardRectMm(CardSheetWriter::CardsPerPage - 1);
        QVERIFY(qFuzzyCompare(first.width(), MemberCardPainter::WidthMm));
        QVERIFY(qFuzzyCompare(first.height(), MemberCardPainter::HeightMm));
        // Cards touch (one cut between neighbours) and the grid is centred with a margin on every side.
        QVERIFY(qFuzzyCompare(writer.cardRectMm(1).left(), first.right()));
        QVERIFY(qFuzzyCompare(writer.cardRectMm(2).top(), first.bottom()));
        QVERIFY(first.left() > 4 && first.top() > 4);
        QVERIFY(qFuzzyCompare(page.right() - last.right(), first.left()));
        QVERIFY(qFuzzyCompare(page.bottom() - last.bottom(), first.top()));
    }

    void cutMarksLieOutsideTheCards()
    {
        const CardSheetWriter writer(CardSheetWriter::Paper::A4);
        const QString pdf = m_dir.filePath(QStringLiteral("marks.pdf"));
        LT_VERIFY_OK(writer.write(pdf, batch(10, 1)));
        const QStringList pngs = BarcodeReader::rasterize(pdf, 150, m_dir.filePath(QStringLiteral("marks")));
        QCOMPARE(pngs.size(), 1);
        const QImage page(pngs.first());
        const qreal px = 150 / 25.4;
        const QRectF grid = writer.cardRectMm(0).united(writer.cardRectMm(9));
        const auto dark = [&](qreal xMm, qreal yMm) {
            return qGray(page.pixel(int(xMm * px), int(yMm * px))) < 128;
        };
        // A mark above the middle cut line, and one left of the first row's cut line; none in a blank margin corner.
        QVERIFY(dark(grid.center().x(), grid.top() - 3));
        QVERIFY(dark(grid.left() - 3, writer.cardRectMm(2).top()));
        QVERIFY(dark(grid.right() + 3, grid.bottom()));
        QVERIFY(!dark(grid.left() - 3, grid.top() - 3));
    }

    void aBadCardNumberWritesNothing()
    {
        const CardSheetWriter writer(CardSheetWriter::Paper::Letter);
        const QString pdf = m_dir.filePath(QStringLiteral("bad.pdf"));
        QList<MemberCardFace> cards = batch(3, 1);
        cards[1].cardNumber = QStringLiteral("2900000000010"); // wrong check digit
        LT_VERIFY_ERROR(writer.write(pdf, cards), ErrorKind::InvalidInput);
        QVERIFY(!QFile::exists(pdf));
        LT_VERIFY_ERROR(writer.write(pdf, {}), ErrorKind::InvalidInput);
        QVERIFY(!QFile::exists(pdf));
    }

    void unwritableOutputIsRefused()
    {
        const CardSheetWriter writer(CardSheetWriter::Paper::A4);
        LT_VERIFY_ERROR(writer.write(m_dir.filePath(QStringLiteral("missing/folder/cards.pdf")), batch(1, 1)),
                        ErrorKind::InvalidInput);
    }

    // The store's change that goes with a sheet runs once the sheet is drawn, before it replaces the file; when
    // the change fails, the file is left as it was and no temporary file stays behind.
    void theStoresChangeComesBetweenDrawingAndReplacing()
    {
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("cards.pdf"));
        QFile old(pdf);
        QVERIFY(old.open(QIODevice::WriteOnly) && old.write("the sheet before") > 0);
        old.close();
        const CardSheetWriter writer(CardSheetWriter::Paper::A4);
        int calls = 0;
        QFileInfoList during;
        QByteArray fileDuring;
        const auto refused = writer.write(pdf, batch(3, 1), [&]() -> Result<void> {
            ++calls;
            during = QDir(dir.path()).entryInfoList(QDir::Files, QDir::Name);
            QFile file(pdf);
            if (file.open(QIODevice::ReadOnly))
                fileDuring = file.readAll();
            return Error::conflict(QStringLiteral("another till took a number"));
        });
        LT_VERIFY_ERROR(refused, ErrorKind::Conflict);
        QCOMPARE(calls, 1);
        // The sheet was drawn (into a temporary file, unnamed where the system allows) and the file not replaced.
        QVERIFY(!during.isEmpty());
        QCOMPARE(during.first().fileName(), QStringLiteral("cards.pdf"));
        QCOMPARE(fileDuring, QByteArray("the sheet before"));
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("the sheet before"));
        old.close();
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {QStringLiteral("cards.pdf")});
        // Accepted: the sheet replaces the file.
        const auto pages = writer.write(pdf, batch(3, 1), [&]() -> Result<void> {
            ++calls;
            return {};
        });
        LT_VERIFY_OK(pages);
        QCOMPARE(calls, 2);
        QCOMPARE(BarcodeReader::pageCount(pdf), 1);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {QStringLiteral("cards.pdf")});
    }

    // Names and card numbers: the sheet is readable by its owner only, whatever the umask, new or replacing a file
    // anyone could read.
    void theSheetIsReadableByItsOwnerOnly()
    {
        const mode_t umaskBefore = ::umask(022);
        const QString pdf = m_dir.filePath(QStringLiteral("private.pdf"));
        const CardSheetWriter writer(CardSheetWriter::Paper::A4);
        LT_VERIFY_OK(writer.write(pdf, batch(2, 1)));
        const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther
            | QFileDevice::WriteOther | QFileDevice::ExeGroup | QFileDevice::ExeOther;
        QCOMPARE(QFile::permissions(pdf) & others, QFileDevice::Permissions());
        QVERIFY(QFile::permissions(pdf).testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QVERIFY(QFile::setPermissions(
            pdf, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        LT_VERIFY_OK(writer.write(pdf, batch(2, 1)));
        QCOMPARE(QFile::permissions(pdf) & others, QFileDevice::Permissions());
        ::umask(umaskBefore);
    }

    void paperNames()
    {
        QCOMPARE(*CardSheetWriter::paperFromName(QStringLiteral("A4")), CardSheetWriter::Paper::A4);
        QCOMPARE(*CardSheetWriter::paperFromName(QStringLiteral(" Letter ")), CardSheetWriter::Paper::Letter);
        LT_VERIFY_ERROR(CardSheetWriter::paperFromName(QStringLiteral("a5")), ErrorKind::InvalidInput);
    }

    void aCardShowsItsNamesDarkOnWhite()
    {
        // One card at 300 dpi on a picture: white ground, dark text in the heading's band, the barcode scans.
        const qreal px = 300 / 25.4;
        QImage image(QSize(int(MemberCardPainter::WidthMm * px), int(MemberCardPainter::HeightMm * px)),
                     QImage::Format_RGB32);
        image.fill(Qt::red);
        QPainter painter(&image);
        const MemberCardFace face {QStringLiteral("A store whose name is far too long to fit on one card's line"),
                                   QStringLiteral("María José de la Fuente"), CardNumber::fromSerial(77)};
        LT_VERIFY_OK(MemberCardPainter::paint(painter, QRectF(QPointF(0, 0), image.size()), face,
                                              MemberCardPainter::Edge::Outline));
        painter.end();
        QCOMPARE(image.pixelColor(image.width() / 2, int(30 * px)), QColor(Qt::white));
        int darkInHeading = 0;
        for (int x = int(4 * px); x < int(80 * px); ++x)
            darkInHeading += qGray(image.pixel(x, int(6.5 * px))) < 100 ? 1 : 0;
        QVERIFY2(darkInHeading > 50, qPrintable(QString::number(darkInHeading)));
        // Nothing drawn beyond the card's right margin: the long name was shrunk and cut short.
        for (int y = int(4 * px); y < int(12 * px); ++y)
            QVERIFY(qGray(image.pixel(int(83 * px), y)) > 200);
        const QString path = m_dir.filePath(QStringLiteral("one.png"));
        QVERIFY(image.save(path));
        QCOMPARE(BarcodeReader::decode(path), QStringList {QStringLiteral("EAN-13:") + face.cardNumber});
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestCardSheet)
#include "tst_cardsheet.moc"
