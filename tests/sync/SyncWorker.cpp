// loyaltytill-sync-worker STORE BASE_URL LOCATION
// Runs sync passes on a store until nothing is left to send, printing one line per pass. The restart test kills
// it with SIGKILL in the middle of a pass, as a power cut or a crash would.
#include "core/common/Clock.h"
#include "core/store/Database.h"
#include "sync/SyncEngine.h"
#include "sync/square/SquareClient.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream err(stderr);
    if (args.size() != 4) {
        err << "usage: loyaltytill-sync-worker STORE BASE_URL LOCATION\n";
        return 2;
    }
    auto db = lt::Database::open(args.at(1));
    if (!db) {
        err << db.error().message << "\n";
        return 1;
    }
    auto environment = lt::SquareEnvironment::parse(args.at(2));
    if (!environment) {
        err << environment.error().message << "\n";
        return 2;
    }
    lt::SystemClock clock;
    QNetworkAccessManager network;
    lt::SquareClient::Options options;
    options.baseDelayMs = 5;
    options.maxDelayMs = 50;
    lt::SquareClient client(network, *environment, QStringLiteral("token"), options);
    lt::SyncEngine engine(**db, clock, client, args.at(3));
    int passes = 0;
    QObject::connect(&engine, &lt::SyncEngine::finished, &app, [&](const lt::SyncReport& report) {
        QTextStream(stdout) << "pass " << ++passes << " sent " << report.push.sent << " stopped " << report.stopped
                            << Qt::endl;
        auto pending = (*db)->scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'"));
        if (!report.stopped && pending && pending->toLongLong() == 0) {
            app.exit(0);
            return;
        }
        if (passes >= 50) {
            err << "still not drained after 50 passes: " << report.error << "\n";
            app.exit(1);
            return;
        }
        QMetaObject::invokeMethod(&engine, &lt::SyncEngine::runOnce, Qt::QueuedConnection);
    });
    QMetaObject::invokeMethod(&engine, &lt::SyncEngine::runOnce, Qt::QueuedConnection);
    return app.exec();
}
