#include "bench/DemoStore.h"

#include "core/common/Clock.h"
#include "core/exchange/DemoDataGenerator.h"
#include "core/services/LoyaltyEngine.h"
#include "core/store/Database.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSqlQuery>
#include <QTextStream>

#include <algorithm>
#include <random>

namespace lt::bench {

void progress(const QString& line)
{
    QTextStream(stderr) << line << Qt::endl;
}

namespace DemoStore {

int generate(const QString& path, qint64 members, qint64 sales)
{
    auto db = Database::open(path);
    if (!db) {
        progress(db.error().message);
        return 1;
    }
    SystemClock clock;
    auto engine = LoyaltyEngine::create(**db, clock);
    if (!engine) {
        progress(engine.error().message);
        return 1;
    }
    GenerateOptions options;
    options.members = members;
    options.sales = sales;
    auto report = DemoDataGenerator((*engine)->context()).generate(options);
    if (!report) {
        progress(report.error().message);
        return 1;
    }
    progress(QStringLiteral("%1 members, %2 sales generated in %3 s")
                 .arg(report->members)
                 .arg(report->sales)
                 .arg(report->seconds, 0, 'f', 1));
    return 0;
}

bool generateInChild(const QString& path, qint64 members, qint64 sales)
{
    progress(QStringLiteral("Generating %1 members and %2 sales ...").arg(members).arg(sales));
    QProcess generator;
    generator.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    generator.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--generate-only"), path, QStringLiteral("--members"), QString::number(members),
                     QStringLiteral("--sales"), QString::number(sales)});
    return generator.waitForFinished(-1) && generator.exitStatus() == QProcess::NormalExit && generator.exitCode() == 0;
}

QStringList sample(Database& db, const QString& sql, int count, unsigned seed)
{
    QStringList values;
    auto last = db.scalar(QStringLiteral("SELECT max(id) FROM members"));
    const qint64 members = last ? last->toLongLong() : 0;
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<qint64> pick(1, std::max<qint64>(members, 1));
    QSqlQuery& query = db.prepared(sql);
    for (int attempt = 0; values.size() < count && attempt < count * 10; ++attempt) {
        if (db.exec(query, {pick(rng)}) && query.next())
            values << query.value(0).toString();
        query.finish();
    }
    return values;
}

} // namespace DemoStore

} // namespace lt::bench
