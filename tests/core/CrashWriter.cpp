// loyaltytill-crash-writer DATABASE MEMBER_ID PREFIX
// Records sales PREFIX-1, PREFIX-2, ... for one member until it is killed, printing "REFERENCE POINTS" for each
// sale only after its commit returned, one flushed line each: what it printed was acknowledged to the cashier.
#include "core/common/Clock.h"
#include "core/domain/Actor.h"
#include "core/services/LoyaltyEngine.h"
#include "core/store/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: loyaltytill-crash-writer DATABASE MEMBER_ID PREFIX\n");
        return 2;
    }
    auto db = lt::Database::open(args.at(1));
    if (!db) {
        std::fprintf(stderr, "open: %s\n", qPrintable(db.error().message));
        return 3;
    }
    lt::SystemClock clock;
    auto engine = lt::LoyaltyEngine::create(**db, clock);
    if (!engine) {
        std::fprintf(stderr, "engine: %s\n", qPrintable(engine.error().message));
        return 3;
    }
    const qint64 member = args.at(2).toLongLong();
    QElapsedTimer guard; // stop on our own should nobody kill us
    guard.start();
    for (qint64 i = 1; guard.elapsed() < 60000; ++i) {
        lt::Sale sale;
        sale.reference = args.at(3) + QLatin1Char('-') + QString::number(i);
        sale.total = lt::Money(100 + (i % 97) * 13, QStringLiteral("USD"));
        auto change = (*engine)->accrual().accrue(member, sale, lt::Actor::named(QStringLiteral("crash-writer")));
        if (!change) {
            std::fprintf(stderr, "accrue %s: %s\n", qPrintable(sale.reference), qPrintable(change.error().message));
            return 4;
        }
        std::printf("%s %lld\n", qPrintable(sale.reference), static_cast<long long>(change->points));
        std::fflush(stdout);
    }
    return 0;
}
