// The member CSV import (loyaltytill-admin import, and the till's import) into a small real store, with and without
// skipping bad rows: see CsvImportChecks.h for what must hold.
#include "core/domain/Actor.h"
#include "core/exchange/MemberImporter.h"
#include "tests/fuzz/CsvImportChecks.h"

using namespace lt;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::setUpQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static fuzz::FuzzStore store;
    const QByteArray bytes = fuzz::bytesOf(data, size);
    const auto import = [&](QIODevice& device, bool skipBadRows) {
        ImportOptions options;
        options.skipBadRows = skipBadRows;
        return MemberImporter(store.engine().context())
            .importCsv(device, options, Actor::named(QStringLiteral("fuzz")));
    };
    const auto members = [](const IntegrityReport& report) {
        return report.members;
    };
    if (fuzz::checkImport(store, bytes, false, import, members))
        fuzz::checkImport(store, bytes, true, import, members);
    return 0;
}
