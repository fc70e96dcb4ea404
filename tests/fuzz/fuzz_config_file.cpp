// The preset and lock files IT writes (/etc/loyaltytill/*.conf): every entry and problem names a line of the file, and
// a value the schema accepts is accepted again as it was stored (what the till writes back is readable).
#include "core/settings/ConfigFile.h"
#include "core/settings/SettingsSchema.h"
#include "tests/fuzz/FuzzSupport.h"

using namespace lt;
using lt::fuzz::require;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::setUpQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray content = fuzz::bytesOf(data, size);
    const ConfigFile::Parsed parsed = ConfigFile::parse(QStringLiteral("fuzz.conf"), content);
    const qsizetype lines = content.count('\n') + 1;
    int previous = 0;
    for (const ConfigEntry& entry : parsed.entries) {
        require(entry.line > previous && entry.line <= lines, "entries in line order, within the file");
        previous = entry.line;
        require(!entry.key.isEmpty() && entry.key == entry.key.trimmed(), "an entry's key", entry.key);
        const SettingSpec* spec = SettingsSchema::find(entry.key);
        if (!spec)
            continue;
        const auto stored = SettingsSchema::check(*spec, entry.value);
        if (!stored) {
            require(!stored.error().message.isEmpty(), "a refused value says why");
            continue;
        }
        const auto again = SettingsSchema::check(*spec, *stored);
        require(again && *again == *stored, "a stored value is accepted as it is", entry.key + u'=' + *stored);
    }
    for (const ConfigProblem& problem : parsed.problems) {
        require(problem.line >= 0 && problem.line <= lines, "a problem names a line of the file");
        require(!problem.text().isEmpty(), "a problem says what");
    }
    return 0;
}
