#pragma once

#include "core/settings/ConfigFile.h"

#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

class QSettings;

namespace lt {

// What IT set for this machine, read once at start from the configuration folder (/etc/loyaltytill, or the folder
// LOYALTYTILL_CONFIG_DIR names): presets in loyaltytill.conf, then conf.d/*.conf in name order, which the store's
// or the user's own values override; and locks in policy.d/*.conf, which override everything and which nobody can
// change at the till. On Windows the registry takes the folder's place (see addMachineLayers). A file or registry
// value that cannot be trusted or does not fit the schema is reported in problems() and left out, so the value
// falls back to the layer below.
class SystemConfig
{
public:
    static constexpr const char* DefaultFolder = "/etc/loyaltytill";
    // LOYALTYTILL_CONFIG_DIR, or DefaultFolder; on Windows only LOYALTYTILL_CONFIG_DIR (empty: no folder), since
    // any user may create C:\etc there.
    static QString folder();

    // policyOwner: the user id policy files must belong to; by default root, or the folder's owner when the folder
    // was moved (a portable install or a test). An empty folder reads no file.
    static SystemConfig load(const QString& folder, std::optional<uint> policyOwner = std::nullopt);
    // folder()'s files, and on Windows the machine's registry layers.
    static SystemConfig load();

    // The machine's registry layers on Windows (RegistryLayer; tests pass INI files standing in for the keys): the
    // presets under HKLM\Software\LoyaltyTill lie below the folder's presets, which a portable install may add; the
    // locks under HKLM\Software\Policies\LoyaltyTill win over the folder's locks, as /etc/loyaltytill's do on Linux.
    void addMachineLayers(const QSettings& presets, const QSettings& locks);

    const QString& folderPath() const { return m_folder; }
    std::optional<ConfigEntry> preset(const QString& key) const;
    std::optional<ConfigEntry> lock(const QString& key) const;
    const QList<ConfigProblem>& problems() const { return m_problems; }
    // The value the program uses: the lock, else `own` (the store's or the user's), else the preset, else the
    // schema's default.
    QString resolve(const QString& key, const std::optional<QString>& own) const;

    // The configuration the process runs with: empty (built-in defaults) until the program's main() installs one.
    static std::shared_ptr<const SystemConfig> global();
    static void setGlobal(SystemConfig config);
    // main()'s first step: loads folder() and installs it.
    static void installForProcess();
    // Each problem of the installed configuration as a warning: called once the log goes where IT reads it.
    static void logProblems();

private:
    // The entries of a layer's files, each key once: a key given twice with different values is reported and left
    // out of the layer.
    void addLayer(const QStringList& files, QHash<QString, ConfigEntry>& layer, bool policy);
    void addEntries(const QList<ConfigEntry>& given, QHash<QString, ConfigEntry>& layer, bool policy);
    bool trusted(const QString& file, bool policy);

    QString m_folder;
    uint m_policyOwner = 0;
    QHash<QString, ConfigEntry> m_presets;
    QHash<QString, ConfigEntry> m_locks;
    QList<ConfigProblem> m_problems;
};

} // namespace lt
