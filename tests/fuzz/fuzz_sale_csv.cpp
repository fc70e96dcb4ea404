// The sale-lines CSV import (loyaltytill-admin import-sales) into a small real store with three members, recorded for
// the reports only and with points earned: see CsvImportChecks.h for what must hold.
#include "core/domain/Actor.h"
#include "core/exchange/SaleHistoryImporter.h"
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
    const auto sales = [](const IntegrityReport& report) {
        return report.sales;
    };
    for (const bool earnPoints : {false, true}) {
        const auto import = [&](QIODevice& device, bool skipBadRows) {
            SaleImportOptions options;
            options.rows.skipBadRows = skipBadRows;
            options.earnPoints = earnPoints;
            return SaleHistoryImporter(store.engine().context())
                .importCsv(device, options, Actor::named(QStringLiteral("fuzz")));
        };
        fuzz::checkImport(store, bytes, earnPoints, import, sales);
    }
    return 0;
}
