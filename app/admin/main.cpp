#include "app/admin/CommandRegistry.h"
#include "core/common/ApplicationIdentity.h"
#include "core/common/ProcessHardening.h"
#include "core/logging/ProcessLog.h"
#include "core/settings/SystemConfig.h"
#include "ui/Translations.h"

#include <QApplication>
#include <QCoreApplication>
#include <QList>

#include <cstring>
#include <memory>

namespace {

// `report pdf` draws the Reports screen's charts, which are widgets' graphics items and need a QApplication; `slip`,
// `cards` and `wallet` draw text and barcodes with fonts. They draw offscreen, so the command runs without a display.
// Every other command stays a QCoreApplication. The command is the first argument that is not an option (the global
// --database takes a value and may come first, as with git).
bool drawsWidgets(int argc, char* argv[])
{
    QList<const char*> words;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0)
            return false; // help draws nothing
        if (std::strcmp(argv[i], "--database") == 0) {
            ++i; // its value
            continue;
        }
        if (argv[i][0] != '-')
            words << argv[i];
    }
    if (words.isEmpty())
        return false;
    const auto is = [](const char* word, const char* name) {
        return std::strcmp(word, name) == 0;
    };
    if (is(words.first(), "slip") || is(words.first(), "cards") || is(words.first(), "wallet"))
        return true;
    return is(words.first(), "report") && words.size() > 1 && is(words.at(1), "pdf");
}

} // namespace

int main(int argc, char* argv[])
{
    // Before any thread or file: no core dump with the Square token, wallet keys or members' data, and every file the
    // tool writes (store, backups, exports, PDFs) its user's alone.
    lt::ProcessHardening::apply();
    std::unique_ptr<QCoreApplication> app;
    if (drawsWidgets(argc, argv)) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    lt::setApplicationIdentity();
    // IT's tool speaks English; its translation gives English plural forms ("1 card", "3 cards"). `slip` prints in
    // the till's language on top of it.
    lt::ui::Translations::install(*app, QStringLiteral("en"));
    lt::SystemConfig::installForProcess(); // IT's presets and locks, before any setting is read
    // Errors reach the operator as messages; the log is for diagnosing: to the journal at log.level, and beside the
    // command's answer (a terminal, a pipe) warnings only unless log.level is debug or QT_LOGGING_RULES says more.
    lt::ProcessLog::start(lt::ProcessLog::Program::Admin);
    lt::SystemConfig::logProblems(); // IT's configuration problems, where the log goes
    return lt::admin::CommandRegistry::dispatch(app->arguments());
}
