#include "core/store/ProgramRepository.h"
#include "core/store/StoreSettings.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QTest>

using lt::ErrorKind;
using lt::StoreSettings;
using lt::test::TempStore;

class TestStoreSettings : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void settingsHaveDefaultsAndAreValidated();
    void stateIsKeptAsGiven();
    void programIsStoredOnceSaved();

private:
    std::unique_ptr<TempStore> m_store;
};

void TestStoreSettings::init()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
}

void TestStoreSettings::cleanup()
{
    m_store.reset();
}

void TestStoreSettings::settingsHaveDefaultsAndAreValidated()
{
    StoreSettings settings(m_store->db());
    QCOMPARE(settings.value(StoreSettings::SyncIntervalSeconds), QStringLiteral("300"));
    LT_VERIFY_OK(settings.set(StoreSettings::SyncIntervalSeconds, QStringLiteral(" 60 ")));
    QCOMPARE(settings.value(StoreSettings::SyncIntervalSeconds), QStringLiteral("60"));
    LT_VERIFY_ERROR(settings.set(StoreSettings::SyncIntervalSeconds, QStringLiteral("0")), ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(settings.set(QStringLiteral("square.last_sync_at"), QStringLiteral("x")), ErrorKind::InvalidInput);
    QCOMPARE(settings.value(StoreSettings::SyncIntervalSeconds), QStringLiteral("60"));
    // The categories a local promotion may name: ids separated by commas, kept without the spaces around them.
    LT_VERIFY_OK(settings.set(StoreSettings::CatalogCategories, QStringLiteral("COFFEE, PASTRY")));
    QCOMPARE(settings.value(StoreSettings::CatalogCategories), QStringLiteral("COFFEE,PASTRY"));
    LT_VERIFY_ERROR(settings.set(StoreSettings::CatalogCategories, QStringLiteral("COFFEE,,TEA")),
                    ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(settings.set(StoreSettings::CatalogCategories, QStringLiteral("HOT DRINKS")),
                    ErrorKind::InvalidInput);
    QCOMPARE(settings.value(StoreSettings::CatalogCategories), QStringLiteral("COFFEE,PASTRY"));
}

void TestStoreSettings::stateIsKeptAsGiven()
{
    StoreSettings settings(m_store->db());
    const QString key = QStringLiteral("square.pulled_until");
    auto nothing = settings.state(key);
    LT_VERIFY_OK(nothing);
    QVERIFY(!nothing->has_value());
    LT_VERIFY_OK(settings.setState(key, QStringLiteral("2024-03-01T12:00:00.000Z")));
    LT_VERIFY_OK(settings.setState(key, QStringLiteral("2024-03-02T12:00:00.000Z")));
    auto kept = settings.state(key);
    LT_VERIFY_OK(kept);
    QCOMPARE(kept->value_or(QString()), QStringLiteral("2024-03-02T12:00:00.000Z"));
    // An empty value is a value, not nothing.
    LT_VERIFY_OK(settings.setState(QStringLiteral("square.location_id"), QString()));
    auto empty = settings.state(QStringLiteral("square.location_id"));
    LT_VERIFY_OK(empty);
    QVERIFY(empty->has_value());
    LT_VERIFY_OK(settings.clearState({key, QStringLiteral("square.location_id")}));
    auto cleared = settings.state(key);
    LT_VERIFY_OK(cleared);
    QVERIFY(!cleared->has_value());
    QCOMPARE(m_store->number("SELECT count(*) FROM settings"), qint64(0));
}

void TestStoreSettings::programIsStoredOnceSaved()
{
    lt::ProgramRepository programs(m_store->db(), m_store->clock());
    auto before = programs.isStored();
    LT_VERIFY_OK(before);
    QVERIFY(!*before);
    LT_VERIFY_OK(programs.save(lt::LoyaltyProgram::defaultProgram(), lt::ProgramRepository::Source::Local));
    auto after = programs.isStored();
    LT_VERIFY_OK(after);
    QVERIFY(*after);
}

QTEST_GUILESS_MAIN(TestStoreSettings)
#include "tst_storesettings.moc"
