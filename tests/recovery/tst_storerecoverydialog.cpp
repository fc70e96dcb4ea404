// The till meets a damaged store: the real question is answered with key clicks (Enter takes the default, Yes), the
// newest verified backup is put in place, the operations since it that must be entered again are shown and kept
// beside the damaged store, and the damaged files are kept byte for byte.
#include "core/store/BackupFolder.h"
#include "core/store/Database.h"
#include "core/store/StoreBackups.h"
#include "tests/recovery/DamagedStores.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"
#include "ui/StoreRecovery.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QPointer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using lt::Database;
using lt::test::DamagedStores;
using lt::test::FileState;
using lt::test::TempStore;

namespace {
enum class Damage { MembersPage, LogCutAtFrame, ZeroedHeader };

struct Shown
{
    QString name;
    QString text;
    QString details;
};

// Answers every modal box the recovery shows with the Enter key, and remembers what each said.
class BoxAnswerer : public QObject
{
public:
    BoxAnswerer()
    {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box || box == m_answered)
                return;
            m_answered = box;
            shown << Shown {box->objectName(), box->text(), box->informativeText()};
            QTest::keyClick(box, Qt::Key_Return);
        });
        m_timer.start(20);
    }
    QList<Shown> shown;

private:
    QTimer m_timer;
    QPointer<QMessageBox> m_answered; // a box at the address of one already answered is a new one
};

Database::Options tillOptions()
{
    Database::Options options;
    options.quickCheck = false;
    options.checkpointsElsewhere = true;
    return options;
}
} // namespace

class TestStoreRecoveryDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path())); // the default backup folder
    }

    void restoresAndListsWhatToReenter_data()
    {
        QTest::addColumn<Damage>("damage");
        QTest::newRow("members page, found by the background check") << Damage::MembersPage;
        QTest::newRow("log cut at a frame") << Damage::LogCutAtFrame;
        QTest::newRow("zeroed header") << Damage::ZeroedHeader;
    }

    void restoresAndListsWhatToReenter()
    {
        QFETCH(Damage, damage);
        TempStore store;
        LT_VERIFY_OK(store.open());
        for (int i = 0; i < 400; ++i) {
            auto member = store.enroll(u"415 555 %1"_s.arg(1000 + i), u"Member %1"_s.arg(i));
            LT_VERIFY_OK(member);
            LT_VERIFY_OK(store.accrue(member->id, u"B-%1"_s.arg(i), 1500));
        }
        auto backup = lt::StoreBackups(store.db(), lt::BackupSettings::forStore(store.path()), store.clock()).backUp();
        LT_VERIFY_OK(backup);
        if (damage == Damage::LogCutAtFrame)
            LT_VERIFY_OK(store.open(tillOptions())); // the sales after the backup stay in the log
        for (int i = 0; i < 3; ++i)
            LT_VERIFY_OK(store.accrue(10 + i, u"AFTER-%1"_s.arg(i), 2500));
        const QString path = store.path();
        if (damage == Damage::LogCutAtFrame) {
            // As a till that stopped leaves it: the newest sales in the log, beside its index.
            const QString left = store.filePath(u"as-left.sqlite"_s);
            for (const QString& suffix : {QString(), u"-wal"_s, u"-shm"_s})
                QVERIFY(QFile::copy(path + suffix, left + suffix));
            store.close();
            for (const QString& suffix : {QString(), u"-wal"_s, u"-shm"_s}) {
                QFile::remove(path + suffix);
                QVERIFY(QFile::rename(left + suffix, path + suffix));
            }
        } else {
            store.close();
        }
        switch (damage) {
        case Damage::MembersPage:
            QVERIFY(DamagedStores::overwriteMiddleOfPage(path, DamagedStores::fullLeafPage(path, u"members"_s)));
            break;
        case Damage::LogCutAtFrame: {
            const qint64 frames = DamagedStores::walFrames(path);
            QVERIFY(frames > 2);
            QVERIFY(DamagedStores::truncateWal(path, 32 + (frames - 2) * (24 + DamagedStores::pageSize(path))));
            break;
        }
        case Damage::ZeroedHeader:
            QVERIFY(DamagedStores::overwriteHeader(path, '\0'));
            break;
        }
        const FileState before = FileState::of(path);

        if (damage == Damage::MembersPage) {
            // The till opens at once; its check in the background finds the damage, and the next start knows it.
            auto fast = Database::open(path, tillOptions());
            LT_VERIFY_OK(fast);
            Database::Options check;
            check.create = false;
            check.migrate = false;
            QVERIFY(!Database::open(path, check));
            QVERIFY(QFileInfo::exists(Database::damageMarker(path)));
        }

        BoxAnswerer answerer;
        auto opened = lt::ui::StoreRecovery::open(path, tillOptions());
        LT_VERIFY_OK(opened);
        QCOMPARE(answerer.shown.size(), 2);
        QCOMPARE(answerer.shown.at(0).name, u"storeRecoveryOffer"_s);
        QVERIFY2(answerer.shown.at(0).text.contains(u"damaged"_s), qPrintable(answerer.shown.at(0).text));
        QCOMPARE(answerer.shown.at(1).name, u"storeRecoveryDone"_s);
        const QString offered = answerer.shown.at(0).details;
        if (damage == Damage::ZeroedHeader) {
            QVERIFY2(offered.contains(u"could not be read"_s), qPrintable(offered));
        } else {
            // The last sale may be the one the cut log lost; the first is there to list.
            QVERIFY2(offered.contains(u"AFTER-0"_s) && !offered.contains(u"B-399"_s), qPrintable(offered));
        }
        QCOMPARE((*opened)->scalar(u"SELECT count(*) FROM sales"_s)->toInt(), 400);
        QVERIFY(!QFileInfo::exists(Database::damageMarker(path)));

        // The damaged files, byte for byte, in the backup folder; the list beside them.
        const auto files = lt::BackupFolder::forStore(path).list();
        const auto kept = std::find_if(files.begin(), files.end(), [](const lt::BackupFile& file) {
            return file.kind == lt::BackupFile::Kind::BeforeRestore;
        });
        QVERIFY(kept != files.end());
        const FileState keptState = FileState::of(kept->path);
        QCOMPARE(keptState.storeSha256, before.storeSha256);
        QCOMPARE(keptState.walSha256, before.walSha256);
        QFile list(kept->path + u".to-re-enter.txt"_s);
        QVERIFY(list.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(list.readAll()).trimmed(), offered.trimmed());
        QVERIFY2(answerer.shown.at(1).details.contains(list.fileName()), qPrintable(answerer.shown.at(1).details));
    }

private:
    QTemporaryDir m_config;
};

QTEST_MAIN(TestStoreRecoveryDialog)
#include "tst_storerecoverydialog.moc"
