// IT's configuration folder on real files: presets, drop-ins, locks, and every kind of bad file, each reported with
// its file and line while the value falls back to the layer below; then the layers as the store and the till read
// them, and the documents generated from the schema against the files committed beside the code.
#include "core/services/SettingsOverview.h"
#include "core/settings/ConfigFile.h"
#include "core/settings/SettingsDocuments.h"
#include "core/settings/SettingsSchema.h"
#include "core/settings/SystemConfig.h"
#include "core/settings/TillSettings.h"
#include "core/store/StoreSettings.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using lt::ConfigProblem;
using lt::EffectiveSetting;
using lt::ErrorKind;
using lt::StoreSettings;
using lt::SystemConfig;

class TestSystemConfig : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void parsesTheHandWrittenFormat();
    void layersOverrideInOrder();
    void badLinesAreReportedAndFallBack();
    void duplicatesAcrossDropInsFallBack();
    void untrustedPolicyFilesLockNothing();
    void conflictingLocksKeepTheLastFile();
    void oversizedFileIsIgnored();
    void storeSettingsReadThroughTheLayers();
    void lockedStoreSettingIsRefused();
    void tillSettingsReadThroughTheLayers();
    void overviewSaysWhereEachValueCameFrom();
    void documentsMatchTheSchema_data();
    void documentsMatchTheSchema();

private:
    void write(const QString& relative, const QByteArray& content, QFile::Permissions permissions = {});
    QString folder() const { return m_dir.path() + QStringLiteral("/etc"); }
    SystemConfig load() const { return SystemConfig::load(folder(), uint(::geteuid())); }
    static bool reported(const SystemConfig& config, const QString& fileEnd, int line, const QString& words);

    QTemporaryDir m_dir;
};

void TestSystemConfig::init()
{
    QDir(folder()).removeRecursively();
    QVERIFY(QDir().mkpath(folder() + QStringLiteral("/conf.d")));
    QVERIFY(QDir().mkpath(folder() + QStringLiteral("/policy.d")));
}

void TestSystemConfig::cleanup()
{
    SystemConfig::setGlobal(SystemConfig());
}

void TestSystemConfig::write(const QString& relative, const QByteArray& content, QFile::Permissions permissions)
{
    QFile file(folder() + QLatin1Char('/') + relative);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(content), content.size());
    file.close();
    QVERIFY(file.setPermissions(
        permissions ? permissions : QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
}

bool TestSystemConfig::reported(const SystemConfig& config, const QString& fileEnd, int line, const QString& words)
{
    for (const ConfigProblem& problem : config.problems()) {
        if (problem.file.endsWith(fileEnd) && problem.line == line && problem.message.contains(words))
            return true;
    }
    qWarning() << "not reported:" << fileEnd << line << words;
    for (const ConfigProblem& problem : config.problems())
        qWarning() << "  " << problem.text();
    return false;
}

void TestSystemConfig::parsesTheHandWrittenFormat()
{
    const auto parsed =
        lt::ConfigFile::parse(QStringLiteral("f.conf"),
                              "\xEF\xBB\xBF# a comment\n; another\n\n  store.name =  Corner Shop  \r\n"
                              "consent.version=\"  2 \"\nno equals sign here\n= no key\nbad.bytes = \xFF\xFE\n");
    QCOMPARE(parsed.entries.size(), 2);
    QCOMPARE(parsed.entries.at(0).key, QStringLiteral("store.name"));
    QCOMPARE(parsed.entries.at(0).value, QStringLiteral("Corner Shop"));
    QCOMPARE(parsed.entries.at(0).line, 4);
    QCOMPARE(parsed.entries.at(1).value, QStringLiteral("  2 "));
    QCOMPARE(parsed.problems.size(), 3);
    QCOMPARE(parsed.problems.at(0).line, 6);
    QCOMPARE(parsed.problems.at(1).line, 7);
    QCOMPARE(parsed.problems.at(2).line, 8);
    QVERIFY(parsed.problems.at(2).text().startsWith(QStringLiteral("f.conf:8: ")));
}

void TestSystemConfig::layersOverrideInOrder()
{
    write(QStringLiteral("loyaltytill.conf"), "store.name = Main file\nsync.interval_seconds = 120\n");
    write(QStringLiteral("conf.d/20-later.conf"), "sync.interval_seconds = 90\n");
    write(QStringLiteral("conf.d/10-first.conf"), "till.palette = dark\n");
    write(QStringLiteral("conf.d/README"), "not a .conf file = ignored\n");
    write(QStringLiteral("policy.d/lock.conf"), "till.language = es\n");
    const SystemConfig config = load();
    QVERIFY2(config.problems().isEmpty(), qPrintable(config.problems().value(0).text()));
    QCOMPARE(config.preset(QStringLiteral("store.name"))->value, QStringLiteral("Main file"));
    QCOMPARE(config.preset(QStringLiteral("sync.interval_seconds"))->value, QStringLiteral("90"));
    QVERIFY(
        config.preset(QStringLiteral("sync.interval_seconds"))->place().endsWith(QStringLiteral("20-later.conf:1")));
    QCOMPARE(config.preset(QStringLiteral("till.palette"))->value, QStringLiteral("dark"));
    QVERIFY(!config.preset(QStringLiteral("till.language")));
    QCOMPARE(config.lock(QStringLiteral("till.language"))->value, QStringLiteral("es"));
    QVERIFY(!config.lock(QStringLiteral("store.name")));
}

void TestSystemConfig::badLinesAreReportedAndFallBack()
{
    write(QStringLiteral("loyaltytill.conf"), "sales.backdate_days = 10\nphone.default_region = gb\n");
    write(QStringLiteral("conf.d/50-bad.conf"),
          "no.such.key = 1\n"
          "sales.backdate_days = 400\n" // over the range: the main file's 10 stays
          "sync.interval_seconds = soon\n" // not a number: the built-in default stays
          "till.palette = purple\n"
          "store.database = relative/path.sqlite\n"
          "store.name = '; DROP TABLE members; --\n" // text is text: kept as written
          "phone.default_region = XX\n");
    const SystemConfig config = load();
    QVERIFY(reported(config, QStringLiteral("50-bad.conf"), 1, QStringLiteral("no.such.key")));
    QVERIFY(reported(config, QStringLiteral("50-bad.conf"), 2, QStringLiteral("0 to 365")));
    QVERIFY(reported(config, QStringLiteral("50-bad.conf"), 3, QStringLiteral("sync.interval_seconds")));
    QVERIFY(reported(config, QStringLiteral("50-bad.conf"), 4, QStringLiteral("light, dark")));
    QVERIFY(reported(config, QStringLiteral("50-bad.conf"), 5, QStringLiteral("absolute path")));
    QVERIFY(reported(config, QStringLiteral("50-bad.conf"), 7, QStringLiteral("XX")));
    QCOMPARE(config.problems().size(), 6);
    QCOMPARE(config.preset(QStringLiteral("sales.backdate_days"))->value, QStringLiteral("10"));
    QCOMPARE(config.preset(QStringLiteral("phone.default_region"))->value, QStringLiteral("GB"));
    QVERIFY(!config.preset(QStringLiteral("sync.interval_seconds")));
    QVERIFY(!config.preset(QStringLiteral("till.palette")));
    QCOMPARE(config.preset(QStringLiteral("store.name"))->value, QStringLiteral("'; DROP TABLE members; --"));
}

void TestSystemConfig::duplicatesAcrossDropInsFallBack()
{
    write(QStringLiteral("loyaltytill.conf"), "store.name = From the main file\n");
    write(QStringLiteral("conf.d/10-a.conf"), "store.name = Shop A\ntill.palette = dark\n");
    write(QStringLiteral("conf.d/20-b.conf"), "store.name = Shop B\ntill.palette = dark\n");
    const SystemConfig config = load();
    QVERIFY(reported(config, QStringLiteral("20-b.conf"), 1, QStringLiteral("10-a.conf:1")));
    QCOMPARE(config.problems().size(), 1); // the same value twice is no conflict
    QCOMPARE(config.preset(QStringLiteral("store.name"))->value, QStringLiteral("From the main file"));
    QCOMPARE(config.preset(QStringLiteral("till.palette"))->value, QStringLiteral("dark"));
}

void TestSystemConfig::untrustedPolicyFilesLockNothing()
{
    write(QStringLiteral("policy.d/open.conf"), "till.language = es\n",
          QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther | QFile::WriteOther);
    write(QStringLiteral("policy.d/group.conf"), "till.palette = dark\n",
          QFile::ReadOwner | QFile::WriteOwner | QFile::WriteGroup);
    write(QStringLiteral("policy.d/good.conf"), "store.name = Locked shop\n");
    SystemConfig config = load();
    QVERIFY(reported(config, QStringLiteral("open.conf"), 0, QStringLiteral("chmod 644")));
    QVERIFY(reported(config, QStringLiteral("group.conf"), 0, QStringLiteral("chmod 644")));
    QVERIFY(!config.lock(QStringLiteral("till.language")));
    QVERIFY(!config.lock(QStringLiteral("till.palette")));
    QCOMPARE(config.lock(QStringLiteral("store.name"))->value, QStringLiteral("Locked shop"));
    // Files owned by somebody other than the policy's owner (root on a real till) lock nothing either.
    config = SystemConfig::load(folder(), uint(::geteuid()) + 1);
    QVERIFY(reported(config, QStringLiteral("good.conf"), 0, QStringLiteral("Not owned by")));
    QVERIFY(!config.lock(QStringLiteral("store.name")));
}

void TestSystemConfig::conflictingLocksKeepTheLastFile()
{
    // Unlike presets, a key two policy files lock differently stays locked: a conflict must not unlock it.
    write(QStringLiteral("policy.d/10-base.conf"), "till.idle_lock_seconds = 300\n");
    write(QStringLiteral("policy.d/50-site.conf"), "till.idle_lock_seconds = 120\n");
    const SystemConfig config = load();
    QVERIFY(reported(config, QStringLiteral("50-site.conf"), 1, QStringLiteral("10-base.conf:1")));
    QCOMPARE(config.lock(QStringLiteral("till.idle_lock_seconds"))->value, QStringLiteral("120"));
}

void TestSystemConfig::oversizedFileIsIgnored()
{
    QByteArray big = "store.name = Big\n";
    big += QByteArray(int(lt::ConfigFile::MaxBytes), '#');
    write(QStringLiteral("conf.d/big.conf"), big);
    const SystemConfig config = load();
    QVERIFY(reported(config, QStringLiteral("big.conf"), 0, QStringLiteral("KiB")));
    QVERIFY(!config.preset(QStringLiteral("store.name")));
}

void TestSystemConfig::storeSettingsReadThroughTheLayers()
{
    lt::test::TempStore store;
    LT_VERIFY_OK(store.open());
    StoreSettings settings(store.db());
    write(QStringLiteral("loyaltytill.conf"), "sync.interval_seconds = 120\nsales.backdate_days = 7\n");
    SystemConfig::setGlobal(load());
    QCOMPARE(settings.value(StoreSettings::SyncIntervalSeconds), QStringLiteral("120")); // preset over default
    LT_VERIFY_OK(settings.set(StoreSettings::SyncIntervalSeconds, QStringLiteral("60")));
    QCOMPARE(settings.value(StoreSettings::SyncIntervalSeconds), QStringLiteral("60")); // the store's over the preset
    QCOMPARE(settings.value(StoreSettings::SalesBackdateDays), QStringLiteral("7"));
    write(QStringLiteral("policy.d/sync.conf"), "sync.interval_seconds = 600\n");
    SystemConfig::setGlobal(load());
    QCOMPARE(settings.value(StoreSettings::SyncIntervalSeconds), QStringLiteral("600")); // the lock over everything
}

void TestSystemConfig::lockedStoreSettingIsRefused()
{
    lt::test::TempStore store;
    LT_VERIFY_OK(store.open());
    StoreSettings settings(store.db());
    write(QStringLiteral("policy.d/store.conf"), "redemption.approval_above_minor = 2500\n");
    SystemConfig::setGlobal(load());
    const auto refused = settings.set(StoreSettings::RedemptionApprovalMinor, QStringLiteral("9999"));
    LT_VERIFY_ERROR(refused, ErrorKind::Refused);
    QVERIFY(refused.error().message.contains(QStringLiteral("store.conf:1")));
    auto stored = settings.stored(StoreSettings::RedemptionApprovalMinor);
    LT_VERIFY_OK(stored);
    QVERIFY(!*stored); // nothing was written
    QCOMPARE(settings.value(StoreSettings::RedemptionApprovalMinor), QStringLiteral("2500"));
    // A bad value is still a bad value, locked or not.
    LT_VERIFY_ERROR(settings.set(StoreSettings::RedemptionApprovalMinor, QStringLiteral("-1")),
                    ErrorKind::InvalidInput);
}

void TestSystemConfig::tillSettingsReadThroughTheLayers()
{
    const QString file = m_dir.path() + QStringLiteral("/user.conf");
    QFile::remove(file);
    lt::TillSettings till(file);
    QCOMPARE(till.value(QStringLiteral("till.palette")), QStringLiteral("light"));
    write(QStringLiteral("loyaltytill.conf"), "till.palette = dark\nscanner.baud_rate = 19200\n");
    SystemConfig::setGlobal(load());
    QCOMPARE(till.value(QStringLiteral("till.palette")), QStringLiteral("dark"));
    LT_VERIFY_OK(till.set(QStringLiteral("till.palette"), QStringLiteral("light")));
    QCOMPARE(till.value(QStringLiteral("till.palette")), QStringLiteral("light"));
    LT_VERIFY_ERROR(till.set(QStringLiteral("till.palette"), QStringLiteral("neon")), ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(till.set(QStringLiteral("store.name"), QStringLiteral("x")), ErrorKind::InvalidInput);
    QCOMPARE(till.value(QStringLiteral("scanner.baud_rate")), QStringLiteral("19200"));
    write(QStringLiteral("policy.d/till.conf"), "till.palette = dark\n");
    SystemConfig::setGlobal(load());
    QCOMPARE(till.value(QStringLiteral("till.palette")), QStringLiteral("dark"));
    LT_VERIFY_ERROR(till.set(QStringLiteral("till.palette"), QStringLiteral("light")), ErrorKind::Refused);
    // A value edited by hand into the user's file that no longer fits is passed over.
    {
        QFile edited(file);
        QVERIFY(edited.open(QIODevice::Append));
        edited.write("\n[scanner]\nbaud_rate=fast\n");
    }
    QCOMPARE(lt::TillSettings(file).value(QStringLiteral("scanner.baud_rate")), QStringLiteral("19200"));
}

void TestSystemConfig::overviewSaysWhereEachValueCameFrom()
{
    lt::test::TempStore store;
    LT_VERIFY_OK(store.open());
    LT_VERIFY_OK(StoreSettings(store.db()).set(StoreSettings::StoreName, QStringLiteral("Own name")));
    const QString file = m_dir.path() + QStringLiteral("/overview-user.conf");
    QFile::remove(file);
    lt::TillSettings till(file);
    LT_VERIFY_OK(till.set(QStringLiteral("till.palette"), QStringLiteral("dark")));
    write(QStringLiteral("loyaltytill.conf"), "sync.interval_seconds = 120\n");
    write(QStringLiteral("policy.d/lock.conf"), "till.language = en\n");
    SystemConfig::setGlobal(load());
    auto overview = lt::SettingsOverview::read(&store.db(), till);
    LT_VERIFY_OK(overview);
    QCOMPARE(overview->size(), lt::SettingsSchema::all().size());
    QHash<QString, EffectiveSetting> byKey;
    for (const EffectiveSetting& setting : *overview)
        byKey.insert(setting.spec->name(), setting);
    QCOMPARE(byKey.value(QStringLiteral("store.name")).origin, EffectiveSetting::Origin::Store);
    QCOMPARE(byKey.value(QStringLiteral("store.name")).value, QStringLiteral("Own name"));
    QCOMPARE(byKey.value(QStringLiteral("till.palette")).origin, EffectiveSetting::Origin::User);
    QCOMPARE(byKey.value(QStringLiteral("till.palette")).source, till.fileName());
    QCOMPARE(byKey.value(QStringLiteral("sync.interval_seconds")).origin, EffectiveSetting::Origin::System);
    QVERIFY(byKey.value(QStringLiteral("sync.interval_seconds")).source.endsWith(QStringLiteral("loyaltytill.conf:1")));
    QCOMPARE(byKey.value(QStringLiteral("till.language")).origin, EffectiveSetting::Origin::Policy);
    QCOMPARE(byKey.value(QStringLiteral("consent.version")).origin, EffectiveSetting::Origin::Default);
    // Without a store, the store's own values are simply not there.
    overview = lt::SettingsOverview::read(nullptr, till);
    LT_VERIFY_OK(overview);
    for (const EffectiveSetting& setting : *overview)
        QVERIFY(setting.origin != EffectiveSetting::Origin::Store);
}

void TestSystemConfig::documentsMatchTheSchema_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("generated");
    QTest::newRow("example config") << QStringLiteral("installer/etc/loyaltytill.conf")
                                    << lt::SettingsDocuments::exampleConfig();
    QTest::newRow("ADMX") << QStringLiteral("installer/windows/loyaltytill.admx") << lt::SettingsDocuments::admx();
    QTest::newRow("ADML") << QStringLiteral("installer/windows/en-US/loyaltytill.adml")
                          << lt::SettingsDocuments::adml();
    QTest::newRow("WiX") << QStringLiteral("installer/windows/loyaltytill-settings.wxi")
                         << lt::SettingsDocuments::wixInclude();
}

// The committed files are what the schema generates (`cmake --build build --target update_settings_documents`
// rewrites them), and the README holds the table between its markers.
void TestSystemConfig::documentsMatchTheSchema()
{
    QFETCH(QString, file);
    QFETCH(QString, generated);
    QFile committed(QStringLiteral(LOYALTYTILL_SOURCE_DIR "/") + file);
    QVERIFY2(committed.open(QIODevice::ReadOnly), qPrintable(file));
    QCOMPARE(QString::fromUtf8(committed.readAll()), generated);
    QFile readme(QStringLiteral(LOYALTYTILL_SOURCE_DIR "/README.md"));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(readme.readAll());
    const QString begin = QStringLiteral("<!-- settings table: generated from SettingsSchema -->\n");
    const qsizetype at = text.indexOf(begin);
    QVERIFY(at >= 0);
    QVERIFY(text.mid(at + begin.size()).startsWith(lt::SettingsDocuments::markdownTable()));
}

QTEST_GUILESS_MAIN(TestSystemConfig)
#include "tst_systemconfig.moc"
