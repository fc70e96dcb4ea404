// The CSV reader under every import: it ends, every field stays within its bound, and record lines never go back.
#include "core/exchange/CsvReader.h"
#include "tests/fuzz/FuzzSupport.h"

#include <QBuffer>

using namespace lt;
using lt::fuzz::require;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::setUpQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    QBuffer buffer;
    buffer.setData(fuzz::bytesOf(data, size));
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer);
    qint64 line = 0;
    const qsizetype newlines = buffer.data().count('\n');
    for (std::size_t records = 0;; ++records) {
        require(records <= size + 1, "the reader ends");
        const auto record = reader.next();
        if (!record) {
            require(!record.error().message.isEmpty(), "a broken file says why");
            break;
        }
        if (record->isEmpty()) {
            require(reader.atEnd(), "an empty record only at the end");
            break;
        }
        require(reader.recordLine() > line && reader.recordLine() <= newlines + 1, "records go forward, line by line");
        line = reader.recordLine();
        for (const QString& field : *record)
            require(field.size() <= CsvReader::MaximumFieldLength, "a field is bounded", QString::number(field.size()));
    }
    return 0;
}
