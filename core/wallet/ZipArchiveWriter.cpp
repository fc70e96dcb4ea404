#include "core/wallet/ZipArchiveWriter.h"

#include <cstdio>
#include <zip.h>

namespace lt {

namespace {
struct ZipError
{
    zip_error_t error;
    ZipError() { zip_error_init(&error); }
    ~ZipError() { zip_error_fini(&error); }
    ZipError(const ZipError&) = delete;
    ZipError& operator=(const ZipError&) = delete;
    QString text() { return QString::fromUtf8(zip_error_strerror(&error)); }
};

// Everything the in-memory source holds once the archive is closed.
Result<QByteArray> readBack(zip_source_t* source)
{
    if (zip_source_open(source) < 0 || zip_source_seek(source, 0, SEEK_END) < 0)
        return Error::internal(
            QStringLiteral("libzip: %1").arg(QString::fromUtf8(zip_error_strerror(zip_source_error(source)))));
    const zip_int64_t size = zip_source_tell(source);
    QByteArray bytes(static_cast<qsizetype>(size), Qt::Uninitialized);
    const bool read = zip_source_seek(source, 0, SEEK_SET) == 0
        && zip_source_read(source, bytes.data(), static_cast<zip_uint64_t>(size)) == size;
    zip_source_close(source);
    if (!read)
        return Error::internal(QStringLiteral("libzip: the archive could not be read back"));
    return bytes;
}
} // namespace

Result<QByteArray> ZipArchiveWriter::write(const QList<File>& files)
{
    ZipError error;
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error.error);
    if (!buffer)
        return Error::internal(tr("The archive could not be started: %1").arg(error.text()));
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error.error);
    if (!archive) {
        zip_source_free(buffer);
        return Error::internal(tr("The archive could not be started: %1").arg(error.text()));
    }
    zip_source_keep(buffer); // closing the archive writes into it; it is read back below
    for (const auto& [name, content] : files) {
        // The content stays alive in `files` until zip_close, which reads it.
        zip_source_t* source =
            zip_source_buffer(archive, content.constData(), static_cast<zip_uint64_t>(content.size()), 0);
        const zip_int64_t index =
            source ? zip_file_add(archive, name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) : -1;
        if (index < 0) {
            if (source)
                zip_source_free(source);
            const QString why = QString::fromUtf8(zip_strerror(archive));
            zip_discard(archive);
            zip_source_free(buffer);
            return Error::internal(tr("%1 could not be added to the archive: %2").arg(name, why));
        }
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 0);
    }
    if (zip_close(archive) < 0) {
        const QString why = QString::fromUtf8(zip_strerror(archive));
        zip_discard(archive);
        zip_source_free(buffer);
        return Error::internal(tr("The archive could not be written: %1").arg(why));
    }
    auto bytes = readBack(buffer);
    zip_source_free(buffer);
    return bytes;
}

} // namespace lt
