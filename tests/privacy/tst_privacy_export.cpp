// A member's own export through the real loyaltytill-admin binary states whether their personal data was erased and
// when, in JSON and in CSV: `erased` and `erased_at` (null, or empty in CSV, while the member is in the program), so an
// erased member sees their state said rather than only empty personal fields beside their balance and ledger. The
// store is seeded through the core library and the member erased with `member erase`, as a manager does it.
#include "core/store/StaffDirectory.h"
#include "tests/cli/CliRunner.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

using clitest::CliRun;
using clitest::runJson;
using lt::test::TempStore;

class TestPrivacyExport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void jsonStatesTheErasure();
    void csvStatesTheErasure();

private:
    // `export --member id --format format` into a file of the store's folder; its bytes.
    QByteArray exported(qint64 memberId, const QString& format) const;
    // The member's "member" object of a JSON export.
    QJsonObject exportedJson(qint64 memberId) const;
    // members.erased_at as the store holds it, or empty.
    QString storedErasedAt(qint64 memberId) const;

    std::unique_ptr<TempStore> m_store;
    QString m_path;
    qint64 m_ana = 0;
    qint64 m_ben = 0;
};

void TestPrivacyExport::init()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
    m_store->clock().set(QDateTime::currentDateTimeUtc());
    lt::StaffDirectory staff(m_store->db(), m_store->clock());
    LT_VERIFY_OK(staff.add(QStringLiteral("Maria Lopez"), lt::StaffMember::Role::Manager, QStringLiteral("1357"),
                           QStringLiteral("test")));
    auto ana =
        m_store->enroll(QStringLiteral("+12125550142"), QStringLiteral("Ana García"), QStringLiteral("ana@x.org"));
    LT_VERIFY_OK(ana);
    m_ana = ana->id;
    LT_VERIFY_OK(m_store->accrue(m_ana, QStringLiteral("R-1"), 12000));
    auto ben =
        m_store->enroll(QStringLiteral("+14155552671"), QStringLiteral("Ben Ortiz"), QStringLiteral("ben@x.org"));
    LT_VERIFY_OK(ben);
    m_ben = ben->id;
    m_path = m_store->path();
    m_store->close();

    const CliRun erase = runJson(m_path,
                                 {QStringLiteral("member"), QStringLiteral("erase"), QString::number(m_ana),
                                  QStringLiteral("--manager"), QStringLiteral("Maria Lopez"), QStringLiteral("--yes")});
    QVERIFY2(erase.exitCode == 0, erase.describeUtf8());
}

void TestPrivacyExport::cleanup()
{
    m_store.reset();
}

QByteArray TestPrivacyExport::exported(qint64 memberId, const QString& format) const
{
    const QString file =
        QDir(QFileInfo(m_path).path()).filePath(QStringLiteral("member-%1.%2").arg(memberId).arg(format));
    const CliRun run = runJson(m_path,
                               {QStringLiteral("export"), QStringLiteral("--member"), QString::number(memberId),
                                QStringLiteral("--format"), format, QStringLiteral("--output"), file});
    if (run.exitCode != 0)
        qWarning().noquote() << run.describe();
    return clitest::readFileBytes(file);
}

QJsonObject TestPrivacyExport::exportedJson(qint64 memberId) const
{
    return QJsonDocument::fromJson(exported(memberId, QStringLiteral("json")))
        .object()
        .value(QLatin1String("member"))
        .toObject();
}

QString TestPrivacyExport::storedErasedAt(qint64 memberId) const
{
    QString at;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(m_path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT erased_at FROM members WHERE id = %1").arg(memberId)) && query.next())
                at = query.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    return at;
}

void TestPrivacyExport::jsonStatesTheErasure()
{
    const QString stored = storedErasedAt(m_ana);
    QVERIFY2(!stored.isEmpty(), "member erase recorded no erasure time");

    const QJsonObject ana = exportedJson(m_ana);
    QVERIFY2(ana.contains(QLatin1String("erased")) && ana.contains(QLatin1String("erased_at")),
             QJsonDocument(ana).toJson());
    QCOMPARE(ana.value(QLatin1String("erased")), QJsonValue(true));
    const QDateTime at = QDateTime::fromString(ana.value(QLatin1String("erased_at")).toString(), Qt::ISODateWithMs);
    QVERIFY2(at.isValid(), QJsonDocument(ana).toJson());
    QCOMPARE(at, QDateTime::fromString(stored, Qt::ISODateWithMs));
    // What stays theirs: the balance and the ledger, beside no personal data.
    QCOMPARE(ana.value(QLatin1String("balance")).toInteger(), 120);
    QCOMPARE(ana.value(QLatin1String("phone")), QJsonValue(QJsonValue::Null));
    QVERIFY(!ana.value(QLatin1String("ledger")).toArray().isEmpty());

    const QJsonObject ben = exportedJson(m_ben);
    QCOMPARE(ben.value(QLatin1String("erased")), QJsonValue(false));
    QVERIFY2(ben.contains(QLatin1String("erased_at")), QJsonDocument(ben).toJson());
    QCOMPARE(ben.value(QLatin1String("erased_at")), QJsonValue(QJsonValue::Null));
}

void TestPrivacyExport::csvStatesTheErasure()
{
    const QDateTime stored = QDateTime::fromString(storedErasedAt(m_ana), Qt::ISODateWithMs);
    QVERIFY(stored.isValid());
    for (const qint64 id : {m_ana, m_ben}) {
        const QByteArray text = exported(id, QStringLiteral("csv"));
        const QList<QStringList> records = clitest::parseCsv(text);
        QVERIFY2(records.size() >= 2, text);
        const QStringList& header = records.at(0);
        const QStringList& member = records.at(1);
        QCOMPARE(member.size(), header.size());
        const qsizetype erased = header.indexOf(QStringLiteral("erased"));
        const qsizetype erasedAt = header.indexOf(QStringLiteral("erased_at"));
        QVERIFY2(erased >= 0 && erasedAt >= 0, text);
        QCOMPARE(member.at(header.indexOf(QStringLiteral("id"))), QString::number(id));
        if (id == m_ana) {
            QCOMPARE(member.at(erased), QStringLiteral("yes"));
            QCOMPARE(QDateTime::fromString(member.at(erasedAt), Qt::ISODateWithMs), stored);
            QVERIFY2(text.contains("R-1"), text); // the ledger follows
        } else {
            QCOMPARE(member.at(erased), QStringLiteral("no"));
            QCOMPARE(member.at(erasedAt), QString());
        }
    }
}

QTEST_GUILESS_MAIN(TestPrivacyExport)
#include "tst_privacy_export.moc"
