#pragma once

#include <QSizeF>
#include <QString>
#include <QStringList>

namespace lt::test {

// The real tools the printed output is judged by: Poppler turns PDFs into pictures at a printer's resolution and
// ZBar (zbarimg, Debian's zbar-tools) reads the barcodes in them as a scanner would.
namespace BarcodeReader {

// Every symbol zbarimg finds in the image, as "TYPE:data" ("EAN-13:2900000000017", "QR-Code:https://…"), in the
// order it reports them; empty when it finds none.
QStringList decode(const QString& imagePath);
// Renders each page of the PDF at `dpi` to PNG files beside `outputPrefix`; returns their paths in page order.
QStringList rasterize(const QString& pdfPath, int dpi, const QString& outputPrefix);
// The first page's size in PostScript points as pdfinfo reports it; invalid when pdfinfo fails.
QSizeF pageSizePoints(const QString& pdfPath);
// How many pages pdfinfo counts; -1 when it fails.
int pageCount(const QString& pdfPath);
// The text pdftotext reads from the PDF.
QString text(const QString& pdfPath);
// How many raster images the PDF holds (pdfimages -list): 0 for a PDF drawn with vectors only.
int imageCount(const QString& pdfPath);

} // namespace BarcodeReader

} // namespace lt::test
