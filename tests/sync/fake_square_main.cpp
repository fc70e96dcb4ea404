// loyaltytill-fake-square --port N [--latency-ms L] [--fail-rate R] [--token T] [--spec FILE]
// A local stand-in for Square's Loyalty API on 127.0.0.1, to try sync by hand without touching Square. Every request
// is checked against Square's OpenAPI description; the departures are printed on stderr as they happen.
#include "tests/sync/FakeSquareServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A fake Square Loyalty API on 127.0.0.1."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("port"), QStringLiteral("Port to listen on (0: any)."), QStringLiteral("N"),
                      QStringLiteral("0")});
    parser.addOption({QStringLiteral("latency-ms"), QStringLiteral("Delay before every answer."), QStringLiteral("L"),
                      QStringLiteral("0")});
    parser.addOption({QStringLiteral("fail-rate"), QStringLiteral("Share of requests given a random fault (0-1)."),
                      QStringLiteral("R"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("token"), QStringLiteral("The only bearer token accepted (default: any)."),
                      QStringLiteral("T")});
    parser.addOption({QStringLiteral("spec"),
                      QStringLiteral("Square's OpenAPI description to check requests against (default: %1).")
                          .arg(lt::test::SquareSpecValidator::defaultSpecFile()),
                      QStringLiteral("FILE")});
    parser.process(app);

    bool portOk = false;
    bool latencyOk = false;
    bool rateOk = false;
    const uint port = parser.value(QStringLiteral("port")).toUInt(&portOk);
    const int latency = parser.value(QStringLiteral("latency-ms")).toInt(&latencyOk);
    const double rate = parser.value(QStringLiteral("fail-rate")).toDouble(&rateOk);
    QTextStream err(stderr);
    if (!portOk || port > 65535 || !latencyOk || latency < 0 || !rateOk || rate < 0 || rate > 1) {
        err << "loyaltytill-fake-square: --port 0-65535, --latency-ms >= 0, --fail-rate 0-1\n";
        return 2;
    }
    lt::test::FakeSquareServer server;
    server.setLatencyMs(latency);
    server.setFailRate(rate);
    server.setAccessToken(parser.value(QStringLiteral("token")));
    if (parser.isSet(QStringLiteral("spec")) && !server.loadSpec(parser.value(QStringLiteral("spec")))) {
        err << "loyaltytill-fake-square: " << server.specError() << "\n";
        return 2;
    }
    if (!server.specError().isEmpty()) {
        err << "loyaltytill-fake-square: " << server.specError() << " (give --spec FILE)\n";
        return 2;
    }
    if (!server.listen(static_cast<quint16>(port))) {
        err << "loyaltytill-fake-square: cannot listen on 127.0.0.1:" << port << "\n";
        return 1;
    }
    QTextStream(stdout) << server.baseUrl() << Qt::endl;
    return app.exec();
}
