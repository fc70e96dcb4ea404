// What IT sets for a Windows machine, read on any system: INI files stand in for HKLM\Software\LoyaltyTill (the
// installer's presets) and HKLM\Software\Policies\LoyaltyTill (Group Policy's locks), read through the same QSettings
// calls as the registry. Then the committed ADMX template and installer include against the keys the till reads.
#include "core/settings/RegistryLayer.h"
#include "core/settings/SettingsDocuments.h"
#include "core/settings/SettingsSchema.h"
#include "core/settings/SystemConfig.h"
#include "core/settings/TillSettings.h"
#include "tests/support/ResultChecks.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <unistd.h>

using lt::ConfigProblem;
using lt::RegistryLayer;
using lt::SettingsSchema;
using lt::SystemConfig;

namespace {
const QString presetsPlace = QStringLiteral("HKLM\\Software\\LoyaltyTill");
const QString policiesPlace = QStringLiteral("HKLM\\Software\\Policies\\LoyaltyTill");

bool reported(const QList<ConfigProblem>& problems, const QString& file, const QString& words)
{
    for (const ConfigProblem& problem : problems) {
        if (problem.file == file && problem.line == 0 && problem.message.contains(words))
            return true;
    }
    qWarning() << "not reported:" << file << words;
    for (const ConfigProblem& problem : problems)
        qWarning() << "  " << problem.text();
    return false;
}

// The attributes of every element with this name in a committed XML file.
QList<QXmlStreamAttributes> elements(const QString& file, const QString& name)
{
    QFile xmlFile(QStringLiteral(LOYALTYTILL_SOURCE_DIR "/") + file);
    if (!xmlFile.open(QIODevice::ReadOnly))
        return {};
    QList<QXmlStreamAttributes> found;
    QXmlStreamReader xml(&xmlFile);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == name)
            found << xml.attributes();
    }
    return xml.hasError() ? QList<QXmlStreamAttributes>() : found;
}
} // namespace

class TestRegistryLayer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void valuesAreEntriesNamedByTheirKey();
    void registryTypesThatDoNotFitAreRefused();
    void badValuesAreReportedAndFallBack();
    void machineLayersSitBelowAndAboveTheFolder();
    void tillRefusesAChangeGroupPolicyLocked();
    void admxWritesWhereTheTillReads();
    void installerWritesWhereTheTillReads();

private:
    QString path(const QString& name) const { return m_dir.path() + QLatin1Char('/') + name; }
    QString folder() const { return path(QStringLiteral("etc")); }
    void writeConf(const QString& relative, const QByteArray& content);

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_presets; // HKLM\Software\LoyaltyTill
    std::unique_ptr<QSettings> m_policies; // HKLM\Software\Policies\LoyaltyTill
};

void TestRegistryLayer::init()
{
    QDir(folder()).removeRecursively();
    QVERIFY(QDir().mkpath(folder() + QStringLiteral("/conf.d")));
    QVERIFY(QDir().mkpath(folder() + QStringLiteral("/policy.d")));
    QFile::remove(path(QStringLiteral("presets.ini")));
    QFile::remove(path(QStringLiteral("policies.ini")));
    m_presets = std::make_unique<QSettings>(path(QStringLiteral("presets.ini")), QSettings::IniFormat);
    m_policies = std::make_unique<QSettings>(path(QStringLiteral("policies.ini")), QSettings::IniFormat);
}

void TestRegistryLayer::cleanup()
{
    SystemConfig::setGlobal(SystemConfig());
}

void TestRegistryLayer::writeConf(const QString& relative, const QByteArray& content)
{
    QFile file(folder() + QLatin1Char('/') + relative);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(content), content.size());
    file.close();
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
}

void TestRegistryLayer::valuesAreEntriesNamedByTheirKey()
{
    m_presets->setValue(QStringLiteral("till.name"), QStringLiteral("Front till"));
    m_presets->setValue(QStringLiteral("backup.keep"), 7);
    m_presets->setValue(QStringLiteral("Default"), QStringLiteral("the key's unnamed value"));
    m_presets->setValue(QStringLiteral("subkey/till.palette"), QStringLiteral("dark")); // a subkey: nobody's
    m_presets->sync();
    const lt::ConfigFile::Parsed parsed = RegistryLayer::read(*m_presets, presetsPlace);
    QVERIFY(parsed.problems.isEmpty());
    QCOMPARE(parsed.entries.size(), 2);
    for (const lt::ConfigEntry& entry : parsed.entries) {
        QCOMPARE(entry.file, presetsPlace + QLatin1Char('\\') + entry.key);
        QCOMPARE(entry.line, 0);
        QCOMPARE(entry.value,
                 entry.key == QLatin1String("till.name") ? QStringLiteral("Front till") : QStringLiteral("7"));
    }
}

void TestRegistryLayer::registryTypesThatDoNotFitAreRefused()
{
    const lt::SettingSpec* keep = SettingsSchema::find(QStringLiteral("backup.keep"));
    const lt::SettingSpec* name = SettingsSchema::find(QStringLiteral("till.name"));
    // A policy's decimal is a REG_DWORD: a whole number may be one; text never.
    QCOMPARE(*RegistryLayer::text(keep, QVariant(14)), QStringLiteral("14"));
    QCOMPARE(*RegistryLayer::text(keep, QVariant(qint64(21))), QStringLiteral("21"));
    QCOMPARE(*RegistryLayer::text(name, QVariant(QStringLiteral("Till 2"))), QStringLiteral("Till 2"));
    LT_VERIFY_ERROR(RegistryLayer::text(name, QVariant(2)), lt::ErrorKind::InvalidInput);
    QVERIFY(RegistryLayer::text(name, QVariant(2)).error().message.contains(QStringLiteral("REG_DWORD")));
    LT_VERIFY_ERROR(RegistryLayer::text(keep, QVariant(QStringList {QStringLiteral("1"), QStringLiteral("2")})),
                    lt::ErrorKind::InvalidInput);
    QVERIFY(RegistryLayer::text(keep, QVariant(QStringList {QStringLiteral("1"), QStringLiteral("2")}))
                .error()
                .message.contains(QStringLiteral("REG_MULTI_SZ")));
    LT_VERIFY_ERROR(RegistryLayer::text(name, QVariant(QByteArray("\x01\x02"))), lt::ErrorKind::InvalidInput);
    // A key the schema does not know is passed on for SystemConfig to name.
    QVERIFY(RegistryLayer::text(nullptr, QVariant(5)).ok());
}

void TestRegistryLayer::badValuesAreReportedAndFallBack()
{
    writeConf(QStringLiteral("loyaltytill.conf"), "backup.keep = 9\ntill.palette = dark\n");
    m_presets->setValue(QStringLiteral("backup.keep"), QStringLiteral("400")); // out of range
    m_presets->setValue(QStringLiteral("till.name"),
                        QStringList {QStringLiteral("Front"), QStringLiteral("Back")}); // REG_MULTI_SZ
    m_presets->setValue(QStringLiteral("no.such.key"), QStringLiteral("1"));
    m_presets->sync();
    m_policies->setValue(QStringLiteral("till.palette"), QByteArray("\x00\x01", 2)); // REG_BINARY
    m_policies->setValue(QStringLiteral("backup.time"), QStringLiteral("25:00"));
    m_policies->sync();
    SystemConfig config = SystemConfig::load(folder(), uint(::geteuid()));
    config.addMachineLayers(*m_presets, *m_policies);
    QVERIFY(reported(config.problems(), presetsPlace + QStringLiteral("\\backup.keep"), QStringLiteral("1 to 365")));
    QVERIFY(reported(config.problems(), presetsPlace + QStringLiteral("\\till.name"), QStringLiteral("REG_MULTI_SZ")));
    QVERIFY(reported(config.problems(), presetsPlace + QStringLiteral("\\no.such.key"),
                     QStringLiteral("no setting called 'no.such.key'")));
    QVERIFY(
        reported(config.problems(), policiesPlace + QStringLiteral("\\till.palette"), QStringLiteral("REG_BINARY")));
    QVERIFY(reported(config.problems(), policiesPlace + QStringLiteral("\\backup.time"), QStringLiteral("HH:MM")));
    QCOMPARE(config.problems().size(), 5);
    // The layer below gives each of them: the folder's presets, or the built-in default.
    QCOMPARE(config.preset(QStringLiteral("backup.keep"))->value, QStringLiteral("9"));
    QVERIFY(!config.preset(QStringLiteral("till.name")));
    QVERIFY(!config.lock(QStringLiteral("till.palette")));
    QCOMPARE(config.resolve(QStringLiteral("till.palette"), std::nullopt), QStringLiteral("dark"));
    QVERIFY(!config.lock(QStringLiteral("backup.time")));
    QCOMPARE(config.resolve(QStringLiteral("backup.time"), std::nullopt), QStringLiteral("02:30"));
}

void TestRegistryLayer::machineLayersSitBelowAndAboveTheFolder()
{
    writeConf(QStringLiteral("conf.d/10-site.conf"), "till.palette = dark\n");
    writeConf(QStringLiteral("policy.d/10-site.conf"), "log.level = debug\n");
    m_presets->setValue(QStringLiteral("till.name"), QStringLiteral("Front till"));
    m_presets->setValue(QStringLiteral("till.palette"), QStringLiteral("light"));
    m_presets->setValue(QStringLiteral("backup.keep"), 30);
    m_presets->sync();
    m_policies->setValue(QStringLiteral("log.level"), QStringLiteral("warning"));
    m_policies->setValue(QStringLiteral("store.name"), QStringLiteral("Corner Shop"));
    m_policies->sync();
    SystemConfig config = SystemConfig::load(folder(), uint(::geteuid()));
    config.addMachineLayers(*m_presets, *m_policies);
    QVERIFY2(config.problems().isEmpty(), qPrintable(config.problems().value(0).text()));
    // The installer's presets, under the folder's (a portable install's) and the user's own values.
    QCOMPARE(config.preset(QStringLiteral("till.name"))->value, QStringLiteral("Front till"));
    QCOMPARE(config.preset(QStringLiteral("till.name"))->file, presetsPlace + QStringLiteral("\\till.name"));
    QCOMPARE(config.preset(QStringLiteral("backup.keep"))->value, QStringLiteral("30"));
    QCOMPARE(config.preset(QStringLiteral("till.palette"))->value, QStringLiteral("dark"));
    QCOMPARE(config.resolve(QStringLiteral("till.name"), QStringLiteral("Mine")), QStringLiteral("Mine"));
    // Group Policy's locks, over the folder's locks and everything else.
    QCOMPARE(config.lock(QStringLiteral("log.level"))->value, QStringLiteral("warning"));
    QCOMPARE(config.lock(QStringLiteral("log.level"))->file, policiesPlace + QStringLiteral("\\log.level"));
    QCOMPARE(config.resolve(QStringLiteral("store.name"), QStringLiteral("Mine")), QStringLiteral("Corner Shop"));
    // With no folder (Windows without LOYALTYTILL_CONFIG_DIR) the registry is all there is.
    SystemConfig registryOnly = SystemConfig::load(QString());
    registryOnly.addMachineLayers(*m_presets, *m_policies);
    QVERIFY(registryOnly.problems().isEmpty());
    QCOMPARE(registryOnly.preset(QStringLiteral("till.palette"))->value, QStringLiteral("light"));
    QCOMPARE(registryOnly.lock(QStringLiteral("log.level"))->value, QStringLiteral("warning"));
}

void TestRegistryLayer::tillRefusesAChangeGroupPolicyLocked()
{
    m_policies->setValue(QStringLiteral("till.palette"), QStringLiteral("dark"));
    m_policies->sync();
    SystemConfig config = SystemConfig::load(QString());
    config.addMachineLayers(*m_presets, *m_policies);
    SystemConfig::setGlobal(std::move(config));
    lt::TillSettings till(path(QStringLiteral("user.ini")));
    const auto refused = till.set(QStringLiteral("till.palette"), QStringLiteral("light"));
    LT_VERIFY_ERROR(refused, lt::ErrorKind::Refused);
    QVERIFY2(refused.error().message.contains(policiesPlace), qPrintable(refused.error().message));
    QCOMPARE(till.value(QStringLiteral("till.palette")), QStringLiteral("dark"));
}

// Group Policy writes what the ADMX template says: every policy under the key the till reads its locks from, named
// by a setting's key, a decimal (REG_DWORD) only for a whole number.
void TestRegistryLayer::admxWritesWhereTheTillReads()
{
    const QList<QXmlStreamAttributes> policies =
        elements(QStringLiteral("installer/windows/loyaltytill.admx"), QStringLiteral("policy"));
    QCOMPARE(policies.size(), SettingsSchema::all().size());
    for (const QXmlStreamAttributes& policy : policies)
        QCOMPARE(policy.value(QStringLiteral("key")).toString(), QString::fromLatin1(RegistryLayer::PoliciesKey));
    for (const QString& element : {QStringLiteral("decimal"), QStringLiteral("text"), QStringLiteral("enum")}) {
        for (const QXmlStreamAttributes& value :
             elements(QStringLiteral("installer/windows/loyaltytill.admx"), element)) {
            const QString key = value.value(QStringLiteral("valueName")).toString();
            const lt::SettingSpec* spec = SettingsSchema::find(key);
            QVERIFY2(spec, qPrintable(key));
            const QVariant written =
                element == QLatin1String("decimal") ? QVariant(quint32(spec->minimum)) : QVariant(QStringLiteral("x"));
            QVERIFY2(RegistryLayer::text(spec, written).ok(), qPrintable(key));
        }
    }
}

// The installer writes each property's value where the till reads its presets, named by a setting's key, as text,
// only when the property is given; and never a setting of the store's or where the token is kept.
void TestRegistryLayer::installerWritesWhereTheTillReads()
{
    const QString include = QStringLiteral("installer/windows/loyaltytill-settings.wxi");
    const QList<const lt::SettingSpec*> settings = lt::SettingsDocuments::installerSettings();
    const QList<QXmlStreamAttributes> values = elements(include, QStringLiteral("RegistryValue"));
    QCOMPARE(values.size(), settings.size());
    for (qsizetype i = 0; i < values.size(); ++i) {
        const lt::SettingSpec& spec = *settings.at(i);
        QVERIFY(spec.scope == lt::SettingScope::Till);
        QVERIFY(spec.name() != QLatin1String("square.token_store"));
        QCOMPARE(values.at(i).value(QStringLiteral("Root")).toString(), QStringLiteral("HKLM"));
        QCOMPARE(values.at(i).value(QStringLiteral("Key")).toString(), QString::fromLatin1(RegistryLayer::PresetsKey));
        QCOMPARE(values.at(i).value(QStringLiteral("Name")).toString(), spec.name());
        QCOMPARE(values.at(i).value(QStringLiteral("Type")).toString(), QStringLiteral("string"));
        QCOMPARE(values.at(i).value(QStringLiteral("Value")).toString(),
                 QStringLiteral("[%1]").arg(lt::SettingsDocuments::installerProperty(spec)));
    }
    QCOMPARE(lt::SettingsDocuments::installerProperty(*SettingsSchema::find(QStringLiteral("scanner.baud_rate"))),
             QStringLiteral("SCANNER_BAUD_RATE"));
    // Each component is written only when its own property is given.
    QFile file(QStringLiteral(LOYALTYTILL_SOURCE_DIR "/") + include);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QString component;
    qsizetype conditions = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("Component"))
            component = xml.attributes().value(QStringLiteral("Id")).toString();
        if (xml.isStartElement() && xml.name() == QLatin1String("Condition")) {
            QCOMPARE(QStringLiteral("Preset_") + xml.readElementText(), component);
            ++conditions;
        }
    }
    QVERIFY(!xml.hasError());
    QCOMPARE(conditions, settings.size());
}

QTEST_GUILESS_MAIN(TestRegistryLayer)
#include "tst_registrylayer.moc"
