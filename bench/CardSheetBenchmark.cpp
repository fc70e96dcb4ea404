// A sheet of member cards for a large batch: 1,000 cards (100 A4 pages) drawn as vectors into one PDF, timed over
// several runs. The issue's aim is under 10 s. With --check, the first and last pages are rendered at 150 dpi by
// pdftoppm and their barcodes counted by zbarimg, so that the speed is not bought with unreadable cards.
//   loyaltytill-bench-cards [--cards N] [--runs R] [--page a4|letter] [--keep FILE.pdf] [--check]

#include "core/domain/CardNumber.h"
#include "ui/cards/CardSheetWriter.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace lt;
using lt::ui::CardSheetWriter;
using lt::ui::MemberCardFace;

namespace {

QTextStream out(stdout);

// How many EAN-13 symbols zbarimg reads on one page of the PDF at 150 dpi.
int barcodesOnPage(const QString& pdf, int page, const QString& folder)
{
    const QString prefix = folder + QStringLiteral("/page");
    QProcess render;
    render.start(QStringLiteral("pdftoppm"),
                 {QStringLiteral("-r"), QStringLiteral("150"), QStringLiteral("-f"), QString::number(page),
                  QStringLiteral("-l"), QString::number(page), QStringLiteral("-singlefile"), QStringLiteral("-png"),
                  pdf, prefix});
    if (!render.waitForFinished(120000) || render.exitCode() != 0)
        return -1;
    QProcess scan;
    scan.start(QStringLiteral("zbarimg"), {QStringLiteral("-q"), prefix + QStringLiteral(".png")});
    if (!scan.waitForFinished(120000))
        return -1;
    return int(scan.readAllStandardOutput().count("EAN-13:"));
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times a PDF sheet of member cards."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("cards"), QStringLiteral("Cards on the sheet (default 1000)."),
                      QStringLiteral("N"), QStringLiteral("1000")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Times the sheet is written (default 5)."),
                      QStringLiteral("R"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("page"), QStringLiteral("a4 (default) or letter."), QStringLiteral("PAPER"),
                      QStringLiteral("a4")});
    parser.addOption({QStringLiteral("keep"), QStringLiteral("Keep the last sheet here."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("check"), QStringLiteral("Scan the first and last pages with zbarimg.")});
    parser.process(app);

    const int count = std::max(1, parser.value(QStringLiteral("cards")).toInt());
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    const auto paper = CardSheetWriter::paperFromName(parser.value(QStringLiteral("page")));
    if (!paper) {
        QTextStream(stderr) << paper.error().message << Qt::endl;
        return 2;
    }
    QList<MemberCardFace> cards;
    cards.reserve(count);
    for (int i = 0; i < count; ++i)
        cards.append({QStringLiteral("Panadería Núñez"),
                      i % 2 == 0 ? QStringLiteral("Member %1").arg(i + 1) : QString(), CardNumber::fromSerial(i + 1)});

    QTemporaryDir dir;
    const QString pdf = parser.isSet(QStringLiteral("keep")) ? parser.value(QStringLiteral("keep"))
                                                             : dir.filePath(QStringLiteral("cards.pdf"));
    const CardSheetWriter writer(*paper);
    std::vector<double> seconds;
    int pages = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto written = writer.write(pdf, cards);
        seconds.push_back(double(timer.nsecsElapsed()) / 1e9);
        if (!written) {
            QTextStream(stderr) << written.error().message << Qt::endl;
            return 1;
        }
        pages = *written;
    }
    std::sort(seconds.begin(), seconds.end());
    out << QStringLiteral("%1 cards, %2 %3 pages, %4 runs: median %5 s (min %6 s, max %7 s); PDF %8 MB\n")
               .arg(count)
               .arg(pages)
               .arg(CardSheetWriter::paperName(*paper))
               .arg(runs)
               .arg(seconds[seconds.size() / 2], 0, 'f', 2)
               .arg(seconds.front(), 0, 'f', 2)
               .arg(seconds.back(), 0, 'f', 2)
               .arg(double(QFileInfo(pdf).size()) / 1e6, 0, 'f', 1);
    if (parser.isSet(QStringLiteral("check"))) {
        const int lastPageCards = count - (pages - 1) * CardSheetWriter::CardsPerPage;
        const int first = barcodesOnPage(pdf, 1, dir.path());
        const int last = barcodesOnPage(pdf, pages, dir.path());
        out << QStringLiteral("zbarimg at 150 dpi: %1 of %2 barcodes on page 1, %3 of %4 on page %5\n")
                   .arg(first)
                   .arg(std::min(count, int(CardSheetWriter::CardsPerPage)))
                   .arg(last)
                   .arg(lastPageCards)
                   .arg(pages);
    }
    out.flush();
    return 0;
}
