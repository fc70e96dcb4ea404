#include "core/settings/SystemConfig.h"

#include "core/common/Logging.h"
#include "core/settings/RegistryLayer.h"
#include "core/settings/SettingsSchema.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QReadWriteLock>
#include <QSettings>

namespace lt {

namespace {
QReadWriteLock globalLock;
std::shared_ptr<const SystemConfig>& globalConfig()
{
    static std::shared_ptr<const SystemConfig> config = std::make_shared<const SystemConfig>();
    return config;
}

QStringList confFiles(const QString& folder)
{
    QStringList files;
    const QDir dir(folder);
    for (const QString& name : dir.entryList({QStringLiteral("*.conf")}, QDir::Files | QDir::Hidden, QDir::Name))
        files << dir.filePath(name);
    return files;
}
} // namespace

QString SystemConfig::folder()
{
    const QString moved = qEnvironmentVariable("LOYALTYTILL_CONFIG_DIR");
#ifdef Q_OS_WIN
    return moved;
#else
    return moved.isEmpty() ? QString::fromLatin1(DefaultFolder) : moved;
#endif
}

SystemConfig SystemConfig::load()
{
    SystemConfig config = load(folder());
#ifdef Q_OS_WIN
    const std::unique_ptr<QSettings> presets = RegistryLayer::openMachineKey(RegistryLayer::PresetsKey);
    const std::unique_ptr<QSettings> locks = RegistryLayer::openMachineKey(RegistryLayer::PoliciesKey);
    config.addMachineLayers(*presets, *locks);
#endif
    return config;
}

SystemConfig SystemConfig::load(const QString& folder, std::optional<uint> policyOwner)
{
    SystemConfig config;
    if (folder.isEmpty())
        return config; // not the current directory, which QDir would read
    config.m_folder = QDir::cleanPath(folder);
    config.m_policyOwner = policyOwner.value_or(
        config.m_folder == QLatin1String(DefaultFolder) ? 0 : QFileInfo(config.m_folder).ownerId());
    const QDir dir(config.m_folder);
    QStringList presets;
    if (QFileInfo::exists(dir.filePath(QStringLiteral("loyaltytill.conf"))))
        presets << dir.filePath(QStringLiteral("loyaltytill.conf"));
    QHash<QString, ConfigEntry> base;
    config.addLayer(presets, base, false);
    QHash<QString, ConfigEntry> dropIns;
    config.addLayer(confFiles(dir.filePath(QStringLiteral("conf.d"))), dropIns, false);
    config.m_presets = base;
    config.m_presets.insert(dropIns); // conf.d overrides the main file
    config.addLayer(confFiles(dir.filePath(QStringLiteral("policy.d"))), config.m_locks, true);
#ifndef Q_OS_WIN
    // Moving the folder (LOYALTYTILL_CONFIG_DIR) never escapes root's locks: those of /etc/loyaltytill apply as well,
    // and win. (On Windows the registry's policies play that part: see load().)
    if (config.m_folder != QLatin1String(DefaultFolder) && !policyOwner) {
        SystemConfig system;
        system.m_folder = QString::fromLatin1(DefaultFolder);
        system.addLayer(confFiles(system.m_folder + QStringLiteral("/policy.d")), system.m_locks, true);
        config.m_locks.insert(system.m_locks);
        config.m_problems << system.m_problems;
    }
#endif
    return config;
}

void SystemConfig::addMachineLayers(const QSettings& presets, const QSettings& locks)
{
    const auto read = [this](const QSettings& key, const char* path, bool policy) {
        const ConfigFile::Parsed parsed = RegistryLayer::read(key, QStringLiteral("HKLM\\") + QLatin1String(path));
        m_problems << parsed.problems;
        QHash<QString, ConfigEntry> layer;
        addEntries(parsed.entries, layer, policy);
        return layer;
    };
    QHash<QString, ConfigEntry> machinePresets = read(presets, RegistryLayer::PresetsKey, false);
    machinePresets.insert(m_presets); // a portable install's folder comes after the machine's presets
    m_presets = std::move(machinePresets);
    m_locks.insert(read(locks, RegistryLayer::PoliciesKey, true));
}

bool SystemConfig::trusted(const QString& file, bool policy)
{
    if (!policy)
        return true;
#ifdef Q_OS_UNIX
    // A lock anyone else can rewrite locks nothing: root owns it (or, when the folder was moved for a portable
    // install or a test, the folder's owner) and only its owner writes it.
    const QFileInfo info(file);
    const uint owner = m_policyOwner;
    if (info.ownerId() != owner) {
        m_problems << ConfigProblem {
            file, 0,
            QCoreApplication::translate("SystemConfig", "Not owned by %1; its locks are ignored.")
                .arg(owner == 0 ? QStringLiteral("root") : QString::number(owner))};
        return false;
    }
    if (info.permissions() & (QFileDevice::WriteGroup | QFileDevice::WriteOther)) {
        m_problems << ConfigProblem {
            file, 0,
            QCoreApplication::translate("SystemConfig",
                                        "Others may write it (chmod 644 fixes that); its locks are ignored.")};
        return false;
    }
#endif
    return true;
}

void SystemConfig::addLayer(const QStringList& files, QHash<QString, ConfigEntry>& layer, bool policy)
{
    QList<ConfigEntry> entries;
    for (const QString& path : files) {
        if (!trusted(path, policy))
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            m_problems << ConfigProblem {
                path, 0,
                QCoreApplication::translate("SystemConfig", "Cannot be read: %1; none of it is used.")
                    .arg(file.errorString())};
            continue;
        }
        const ConfigFile::Parsed parsed = ConfigFile::parse(path, file.read(ConfigFile::MaxBytes + 1));
        m_problems << parsed.problems;
        entries << parsed.entries;
    }
    addEntries(entries, layer, policy);
}

// Each entry checked against the schema, in the order given; a key given twice is settled here.
void SystemConfig::addEntries(const QList<ConfigEntry>& given, QHash<QString, ConfigEntry>& layer, bool policy)
{
    QHash<QString, QList<ConfigEntry>> seen;
    QStringList order;
    for (const ConfigEntry& entry : given) {
        const SettingSpec* spec = SettingsSchema::find(entry.key);
        if (!spec) {
            m_problems << ConfigProblem {
                entry.file, entry.line,
                QCoreApplication::translate("SystemConfig",
                                            "There is no setting called '%1' (loyaltytill-admin config lists "
                                            "them); the line is ignored.")
                    .arg(entry.key)};
            continue;
        }
        auto valid = SettingsSchema::check(*spec, entry.value);
        if (!valid) {
            m_problems << ConfigProblem {entry.file, entry.line,
                                         QCoreApplication::translate("SystemConfig", "%1 The value below it is used.")
                                             .arg(valid.error().message)};
            continue;
        }
        ConfigEntry checked = entry;
        checked.value = *valid;
        if (!seen.contains(entry.key))
            order << entry.key;
        seen[entry.key] << checked;
    }
    for (const QString& key : std::as_const(order)) {
        const QList<ConfigEntry>& entries = seen.value(key);
        bool agree = true;
        for (const ConfigEntry& entry : entries)
            agree = agree && entry.value == entries.first().value;
        if (agree) {
            layer.insert(key, entries.last());
            continue;
        }
        QStringList places;
        for (const ConfigEntry& entry : entries)
            places << entry.place();
        if (policy) { // a lock stays a lock: the last file by name decides, as for drop-ins elsewhere
            layer.insert(key, entries.last());
            m_problems << ConfigProblem {
                entries.last().file, entries.last().line,
                QCoreApplication::translate("SystemConfig",
                                            "'%1' is locked to different values in %2; the last is used.")
                    .arg(key, places.join(QStringLiteral(", ")))};
            continue;
        }
        m_problems << ConfigProblem {
            entries.last().file, entries.last().line,
            QCoreApplication::translate("SystemConfig",
                                        "'%1' is given different values in %2; none of them is used, the value below "
                                        "them is.")
                .arg(key, places.join(QStringLiteral(", ")))};
    }
}

std::optional<ConfigEntry> SystemConfig::preset(const QString& key) const
{
    const auto it = m_presets.constFind(key);
    return it == m_presets.cend() ? std::nullopt : std::optional<ConfigEntry>(*it);
}

std::optional<ConfigEntry> SystemConfig::lock(const QString& key) const
{
    const auto it = m_locks.constFind(key);
    return it == m_locks.cend() ? std::nullopt : std::optional<ConfigEntry>(*it);
}

QString SystemConfig::resolve(const QString& key, const std::optional<QString>& own) const
{
    if (const std::optional<ConfigEntry> locked = lock(key))
        return locked->value;
    if (own)
        return *own;
    if (const std::optional<ConfigEntry> presetEntry = preset(key))
        return presetEntry->value;
    const SettingSpec* spec = SettingsSchema::find(key);
    return spec ? QString::fromUtf8(spec->defaultValue) : QString();
}

std::shared_ptr<const SystemConfig> SystemConfig::global()
{
    QReadLocker locker(&globalLock);
    return globalConfig();
}

void SystemConfig::setGlobal(SystemConfig config)
{
    auto installed = std::make_shared<const SystemConfig>(std::move(config));
    QWriteLocker locker(&globalLock);
    globalConfig() = std::move(installed);
}

void SystemConfig::installForProcess()
{
    setGlobal(load());
}

void SystemConfig::logProblems()
{
    for (const ConfigProblem& problem : global()->problems())
        qCWarning(lcSettings).noquote() << problem.text();
}

} // namespace lt
