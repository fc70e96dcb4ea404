#include "tests/cards/BarcodeReader.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>

namespace lt::test::BarcodeReader {

namespace {

// Runs a tool to its end; its standard output, or a null array (and a warning) when it could not run.
QByteArray run(const QString& program, const QStringList& arguments, bool acceptExitCodeOne = false)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit) {
        qWarning("%s did not run: %s", qPrintable(program), qPrintable(process.errorString()));
        return {};
    }
    // zbarimg exits 4 when it finds no symbol; that is an answer, not a failure.
    const int code = process.exitCode();
    if (code != 0 && !(acceptExitCodeOne && code == 4)) {
        qWarning("%s failed (%d): %s", qPrintable(program), code, process.readAllStandardError().constData());
        return {};
    }
    return process.readAllStandardOutput();
}

QString pdfinfoField(const QString& pdfPath, const QString& field)
{
    const QString info = QString::fromUtf8(run(QStringLiteral("pdfinfo"), {pdfPath}));
    const QRegularExpression line(QStringLiteral("^%1:\\s*(.*)$").arg(QRegularExpression::escape(field)),
                                  QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = line.match(info);
    return match.hasMatch() ? match.captured(1).trimmed() : QString();
}

} // namespace

QStringList decode(const QString& imagePath)
{
    const QByteArray output = run(QStringLiteral("zbarimg"), {QStringLiteral("-q"), imagePath}, true);
    return QString::fromUtf8(output).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QStringList rasterize(const QString& pdfPath, int dpi, const QString& outputPrefix)
{
    run(QStringLiteral("pdftoppm"),
        {QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-png"), pdfPath, outputPrefix});
    const QFileInfo prefix(outputPrefix);
    QDir folder = prefix.dir();
    QStringList pages = folder.entryList({prefix.fileName() + QStringLiteral("-*.png")}, QDir::Files, QDir::Name);
    for (QString& page : pages)
        page = folder.filePath(page);
    return pages;
}

QSizeF pageSizePoints(const QString& pdfPath)
{
    // "Page size:      595.276 x 841.89 pts (A4)"
    const QRegularExpression size(QStringLiteral("^([0-9.]+) x ([0-9.]+) pts"));
    const QRegularExpressionMatch match = size.match(pdfinfoField(pdfPath, QStringLiteral("Page size")));
    if (!match.hasMatch())
        return {};
    return {match.captured(1).toDouble(), match.captured(2).toDouble()};
}

int pageCount(const QString& pdfPath)
{
    bool ok = false;
    const int pages = pdfinfoField(pdfPath, QStringLiteral("Pages")).toInt(&ok);
    return ok ? pages : -1;
}

QString text(const QString& pdfPath)
{
    return QString::fromUtf8(run(QStringLiteral("pdftotext"), {pdfPath, QStringLiteral("-")}));
}

int imageCount(const QString& pdfPath)
{
    const QByteArray listing = run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdfPath});
    if (listing.isNull())
        return -1;
    // Two header lines, then one line per image.
    return std::max(0, int(listing.count('\n')) - 2);
}

} // namespace lt::test::BarcodeReader
