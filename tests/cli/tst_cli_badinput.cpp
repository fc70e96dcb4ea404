// Bad input to the admin CLI: every state-changing command refuses it with the documented exit code, a message on
// stderr, an "error" object with --json, and the store exactly as it was.
#include "tests/cli/CliRunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using clitest::CliRun;
using clitest::runCli;
using clitest::runJson;

namespace {

enum Exit { BadInput = 2, NotFound = 3, Refused = 4, Failure = 1 };

// Placeholders in arguments: the fixtures folder, and the folder of the row's store.
const QString FixturesPlaceholder = u"{fixtures}"_s;
const QString RowPlaceholder = u"{row}"_s;
const QString StorePlaceholder = u"{store}"_s;

const QString Bidi = u"\u202E"_s; // RIGHT-TO-LEFT OVERRIDE
const QString SqlMeta = u"'; DROP TABLE members;--"_s;
const QString ZwjFamily = u"👩‍👩‍👧‍👦"_s; // woman, ZWJ, woman, ZWJ, girl, ZWJ, boy

QString repeated(int count)
{
    return QString(count, u'x');
}

// Follows "a/b/0/c" through objects and arrays.
QJsonValue valueAt(const QJsonObject& root, const QString& path)
{
    QJsonValue value = root;
    for (const QString& part : path.split(u'/')) {
        bool isIndex = false;
        const int index = part.toInt(&isIndex);
        value = isIndex && value.isArray() ? value.toArray().at(index) : value.toObject().value(part);
    }
    return value;
}

QString jsonText(const QJsonValue& value)
{
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isDouble())
        return QString::number(value.toInteger());
    return value.toString();
}

// Commands with arguments that would succeed on a good store: for the damaged-store and directory cases.
struct Command
{
    const char* tag;
    QStringList arguments;
};

QList<Command> everyCommandWithGoodArguments()
{
    return {
        {"init", {u"init"_s}},
        {"check", {u"check"_s}},
        {"schema", {u"schema"_s}},
        {"rewards", {u"rewards"_s}},
        {"audit", {u"audit"_s}},
        {"adjustments", {u"adjustments"_s}},
        {"members", {u"members"_s}},
        {"settings", {u"settings"_s}},
        {"settings set", {u"settings"_s, u"store.name"_s, u"New Name"_s}},
        {"enroll", {u"enroll"_s, u"--phone"_s, u"2125550199"_s, u"--name"_s, u"New Member"_s}},
        {"lookup", {u"lookup"_s, u"2125550142"_s}},
        {"history", {u"history"_s, u"1"_s}},
        {"card", {u"card"_s, u"1"_s}},
        {"accrue", {u"accrue"_s, u"--member"_s, u"1"_s, u"--sale"_s, u"N1"_s, u"--amount"_s, u"1.00"_s}},
        {"redeem", {u"redeem"_s, u"--member"_s, u"1"_s, u"--reward"_s, u"five-off"_s}},
        {"refund", {u"refund"_s, u"--sale"_s, u"S1"_s}},
        {"void", {u"void"_s, u"--sale"_s, u"S1"_s, u"--reason"_s, u"Mistake"_s}},
        {"adjust", {u"adjust"_s, u"--member"_s, u"1"_s, u"--points"_s, u"5"_s, u"--reason"_s, u"Goodwill"_s}},
        {"approve", {u"approve"_s, u"1"_s, u"--manager"_s, u"Mia"_s}},
        {"reject", {u"reject"_s, u"1"_s, u"--manager"_s, u"Mia"_s}},
        {"import", {u"import"_s, FixturesPlaceholder + u"/good.csv"_s}},
        {"export", {u"export"_s, u"--format"_s, u"csv"_s}},
        {"export to file", {u"export"_s, u"--format"_s, u"json"_s, u"--output"_s, RowPlaceholder + u"/out.json"_s}},
        {"backup", {u"backup"_s, RowPlaceholder + u"/backup.sqlite"_s}},
        {"generate", {u"generate"_s, u"--members"_s, u"5"_s}},
    };
}

} // namespace

class CliBadInputTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_template; // a store with members, sales, refunds, a redemption and adjustments
    QStringList m_templatePrint;
    QString m_fixtures;
    QString m_damaged; // originals of files that are not healthy stores
    QString m_work; // the store a row runs against: a fresh copy of the template
    int m_rows = 0;

    QString substitute(const QString& text, const QString& rowDirectory) const
    {
        return QString(text)
            .replace(FixturesPlaceholder, m_fixtures)
            .replace(RowPlaceholder, rowDirectory)
            .replace(StorePlaceholder, m_work);
    }
    QStringList substitute(const QStringList& arguments, const QString& rowDirectory) const
    {
        QStringList result;
        for (const QString& argument : arguments)
            result << substitute(argument, rowDirectory);
        return result;
    }
    QString newRowDirectory()
    {
        const QString path = m_dir.filePath(u"rows/%1"_s.arg(++m_rows));
        QDir().mkpath(path);
        return path;
    }

    // Builds the template through the CLI itself. Use through BUILD().
    void build(const QStringList& arguments)
    {
        const CliRun run = runJson(m_template, arguments);
        QVERIFY2(run.exitCode == 0, run.describeUtf8().constData());
    }

    void writeFixture(const QString& name, const QByteArray& bytes)
    {
        QVERIFY(clitest::writeFileBytes(m_fixtures + u'/' + name, bytes));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(clitest::adminPath()).isExecutable(), qPrintable(clitest::adminPath()));
        QVERIFY(m_dir.isValid());
        m_fixtures = m_dir.filePath(u"fixtures"_s);
        m_damaged = m_dir.filePath(u"damaged"_s);
        QVERIFY(QDir().mkpath(m_fixtures) && QDir().mkpath(m_damaged));
        m_template = m_dir.filePath(u"template.sqlite"_s);
        m_work = m_dir.filePath(u"work.sqlite"_s);

        // Members 1-3, sales S1 (refunded in part, reference RF1), S2, S3 (refunded in full), a redemption,
        // adjustment 1 pending, 2 approved, 3 pending and too large to approve.
#define BUILD(...)                                                                                                     \
    do {                                                                                                               \
        build(__VA_ARGS__);                                                                                            \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)
        BUILD({u"init"_s});
        BUILD({u"enroll"_s, u"--phone"_s, u"(212) 555-0142"_s, u"--name"_s, u"Ana García"_s, u"--email"_s,
               u"ana@example.com"_s, u"--card"_s, clitest::cardNumber(1), u"--consent"_s});
        BUILD({u"enroll"_s, u"--phone"_s, u"+44 20 7946 0958"_s, u"--name"_s, u"Ben O'Brien"_s});
        BUILD({u"enroll"_s, u"--phone"_s, u"312 555 0100"_s, u"--name"_s, u"Chen Wei"_s, u"--card"_s,
               clitest::cardNumber(2)});
        BUILD({u"accrue"_s, u"--member"_s, u"1"_s, u"--sale"_s, u"S1"_s, u"--amount"_s, u"250.00"_s});
        BUILD({u"accrue"_s, u"--member"_s, u"2"_s, u"--sale"_s, u"S2"_s, u"--amount"_s, u"80.00"_s});
        BUILD({u"accrue"_s, u"--member"_s, u"1"_s, u"--sale"_s, u"S3"_s, u"--amount"_s, u"20.00"_s});
        BUILD({u"refund"_s, u"--sale"_s, u"S3"_s});
        BUILD({u"refund"_s, u"--sale"_s, u"S1"_s, u"--amount"_s, u"10.00"_s, u"--reference"_s, u"RF1"_s});
        BUILD({u"redeem"_s, u"--member"_s, u"1"_s, u"--reward"_s, u"five-off"_s});
        BUILD({u"adjust"_s, u"--member"_s, u"1"_s, u"--points"_s, u"+10"_s, u"--reason"_s, u"Pending goodwill"_s});
        BUILD({u"adjust"_s, u"--member"_s, u"2"_s, u"--points"_s, u"5"_s, u"--reason"_s, u"Approved goodwill"_s});
        BUILD({u"approve"_s, u"2"_s, u"--manager"_s, u"Mia"_s});
        BUILD({u"adjust"_s, u"--member"_s, u"3"_s, u"--points=-50"_s, u"--reason"_s, u"More than the balance"_s});
        BUILD({u"settings"_s, u"store.name"_s, u"Corner Shop"_s});
#undef BUILD
        const CliRun balances = runJson(m_template, {u"members"_s});
        QCOMPARE(balances.json.value(u"count"_s).toInt(), 3);
        QCOMPARE(valueAt(balances.json, u"members/0/balance"_s).toInteger(), 140);
        QCOMPARE(valueAt(balances.json, u"members/1/balance"_s).toInteger(), 85);
        QCOMPARE(valueAt(balances.json, u"members/2/balance"_s).toInteger(), 0);

        m_templatePrint = clitest::fingerprint(m_template);
        // Every table holds rows, so that a change to any of them shows in the fingerprint.
        for (const QString& table : clitest::storeTables()) {
            QVERIFY2(m_templatePrint.filter(QRegularExpression(u"^%1: [1-9]"_s.arg(table))).size() == 1,
                     qPrintable(table + u" is missing or empty:\n"_s + m_templatePrint.join(u'\n')));
        }

        // Files the rows name.
        writeFixture(u"good.csv"_s, "phone,name\n2125550170,Good Import\n");
        writeFixture(u"empty.csv"_s, QByteArray());
        writeFixture(u"unknown-column.csv"_s, "phone,name,shoe_size\n2125550170,A,44\n");
        writeFixture(u"no-phone-column.csv"_s, "name,email\nA,a@example.com\n");
        writeFixture(u"twice.csv"_s, "phone,name,phone\n2125550170,A,2125550171\n");
        writeFixture(u"mixed.csv"_s, "phone,name\n2125550170,Good\nnot-a-phone,Bad\n2125550172,Good Too\n");
        writeFixture(u"invalid-utf8-name.csv"_s, "phone,name\n2125550170,Good\n2125550171,Bro\xff\xfeken\n");
        writeFixture(u"invalid-utf8-phone.csv"_s,
                     "phone,name\n212555\xc3\x28"
                     "0170,A\n");
        writeFixture(u"invalid-utf8-header.csv"_s, "ph\xffone,name\n2125550170,A\n");
        writeFixture(u"overlong-utf8.csv"_s, "phone,name\n2125550170,\xc0\xaf\xe0\x80\xaf\n");
        writeFixture(u"bidi-name.csv"_s,
                     "phone,name\n2125550170,Eve \xe2\x80\xae"
                     "lanigiro\n");
        writeFixture(u"control-name.csv"_s, "phone,name\n2125550170,Bell\x07Ringer\n");
        writeFixture(u"existing-member.csv"_s, "phone,name\n2125550170,New\n(212) 555-0142,Ana Again\n");
        writeFixture(u"duplicate-phone.csv"_s, "phone,name\n2125550170,A\n212-555-0170,B\n");
        writeFixture(u"duplicate-card.csv"_s,
                     "phone,card\n2125550170," + clitest::cardNumber(9).toUtf8() + "\n2125550171,"
                         + clitest::cardNumber(9).toUtf8() + "\n");
        writeFixture(u"card-of-member.csv"_s, "phone,card\n2125550170," + clitest::cardNumber(1).toUtf8() + "\n");
        writeFixture(u"wrong-check-digit.csv"_s,
                     "phone,card\n2125550170," + clitest::cardWithWrongCheckDigit(9).toUtf8() + "\n");
        writeFixture(u"unclosed-quote.csv"_s, "phone,name\n2125550170,\"Never closed\n2125550171,B\n");
        writeFixture(u"overlong-field.csv"_s, "phone,name\n2125550170," + QByteArray(5000, 'n') + "\n");
        writeFixture(u"field-count.csv"_s, "phone,name\n2125550170,A,extra\n");
        writeFixture(u"bad-consent.csv"_s, "phone,consent\n2125550170,perhaps\n");
        writeFixture(u"bad-balance.csv"_s, "phone,balance\n2125550170,-5\n");
        writeFixture(u"fractional-balance.csv"_s, "phone,balance\n2125550170,12.5\n");
        writeFixture(u"absurd-balance.csv"_s, "phone,balance\n2125550170,10000001\n");
        writeFixture(u"bad-birthday.csv"_s, "phone,birthday\n2125550170,31/12/1990\n");
        writeFixture(u"sql-phone.csv"_s, "phone,name\n\"'; DROP TABLE members;--\",A\n");
        QByteArray junk(6000, '\0');
        QRandomGenerator random(20261123);
        for (char& c : junk)
            c = char(random.bounded(256));
        writeFixture(u"binary.csv"_s, junk);
        writeFixture(u"items-bad-header.csv"_s, "sku,qty,price\nA,1,1.00\n");
        writeFixture(u"items-zero-quantity.csv"_s, "item,category,quantity,amount\nA,C,0,1.00\n");
        writeFixture(u"items-bad-amount.csv"_s, "item,category,quantity,amount\nA,C,1,\"1,50\"\n");
        writeFixture(u"items-over-total.csv"_s, "item,category,quantity,amount\nA,C,1,9.00\nB,C,1,9.00\n");
        writeFixture(u"items-field-count.csv"_s, "item,category,quantity,amount\nA,C,1\n");

        // Files that are not healthy stores.
        const QByteArray healthy = clitest::readFileBytes(m_template);
        QVERIFY(healthy.startsWith(QByteArray("SQLite format 3\0", 16)));
        const int pageSize = (quint8(healthy.at(16)) << 8) | quint8(healthy.at(17));
        QVERIFY(pageSize >= 512 && healthy.size() % pageSize == 0 && healthy.size() > 4 * pageSize);
        auto damaged = [this](const QString& name, const QByteArray& bytes) {
            QVERIFY(clitest::writeFileBytes(m_damaged + u'/' + name, bytes));
        };
        damaged(u"random-bytes"_s, junk);
        damaged(u"text-file"_s, "phone,name\n2125550170,Not a store\n");
        damaged(u"sqlite-magic-then-zeros"_s, QByteArray("SQLite format 3\0", 16) + QByteArray(4080, '\0'));
        damaged(u"sqlite-magic-then-junk"_s, QByteArray("SQLite format 3\0", 16) + junk.left(8192 - 16));
        damaged(u"truncated-to-100-bytes"_s, healthy.left(100));
        damaged(u"truncated-to-600-bytes"_s, healthy.left(600));
        damaged(u"truncated-to-one-page"_s, healthy.left(pageSize));
        damaged(u"truncated-mid-file"_s, healthy.left(healthy.size() / 2 + 123));
        damaged(u"truncated-by-one-page"_s, healthy.left(healthy.size() - pageSize));
        damaged(u"truncated-by-one-byte"_s, healthy.chopped(1));
        // An SQLite file of another application, in rollback-journal mode.
        const QString foreign = m_damaged + u"/foreign-sqlite"_s;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"foreign"_s);
            db.setDatabaseName(foreign);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)"_s));
            QVERIFY(query.exec(u"INSERT INTO notes (text) VALUES ('keep me')"_s));
            query.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(u"foreign"_s);
        // A store written by a newer LoyaltyTill.
        const QString newer = m_damaged + u"/newer-schema"_s;
        QVERIFY(QFile::copy(m_template, newer));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"newer"_s);
            db.setDatabaseName(newer);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"PRAGMA user_version = 99"_s));
            QVERIFY(query.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
            query.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(u"newer"_s);
        QVERIFY(!QFileInfo::exists(newer + u"-wal"_s));
    }

    void init()
    {
        QFile::remove(m_work);
        QVERIFY(QFile::copy(m_template, m_work));
        QFile::setPermissions(m_work, QFile::ReadOwner | QFile::WriteOwner);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Refused input: the documented exit code, a message, an error object, and an unchanged store.
    void refusedInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<bool>("textToo");
        // Without --json as well: for the first row of each command and exit code (the same code path follows).
        QSet<QString> seen;
        auto row = [&seen](const QString& tag, const QStringList& arguments, int exitCode) {
            const QString kind = arguments.value(0) + u'/' + QString::number(exitCode);
            QTest::newRow(clitest::tag(tag).constData()) << arguments << exitCode << !seen.contains(kind);
            seen.insert(kind);
        };
        const QString card1 = clitest::cardNumber(1);
        const QString card2 = clitest::cardNumber(2);
        const QString unassignedCard = clitest::cardNumber(3);

        // Malformed phone numbers, for every command that takes --phone.
        const QList<std::pair<const char*, QString>> phones = {
            {"empty", QString()},
            {"letters", u"555-CALL-NOW"_s},
            {"too short", u"12345"_s},
            {"too long", u"+1 212 555 0142 9999 9999"_s},
            {"unknown country code", u"+999 123 4567"_s},
            {"impossible area code", u"(000) 555-0142"_s},
            {"punctuation only", u"+-() ."_s},
            {"over 40 characters", QString(41, u'1')},
            {"SQL metacharacters", SqlMeta},
            {"bidi override", Bidi + u"2125550142"_s},
            {"control character", u"212\u0007555 0142"_s},
            {"zero-width space", u"212\u200B5550142"_s},
            {"extension", u"212 555 0142 ext. 7"_s},
        };
        for (const auto& [name, phone] : phones) {
            row(u"enroll: phone %1"_s.arg(QString::fromLatin1(name)),
                {u"enroll"_s, u"--phone"_s, phone, u"--name"_s, u"Someone"_s}, BadInput);
            row(u"accrue: phone %1"_s.arg(QString::fromLatin1(name)),
                {u"accrue"_s, u"--phone"_s, phone, u"--sale"_s, u"N1"_s, u"--amount"_s, u"5.00"_s}, BadInput);
            row(u"redeem: phone %1"_s.arg(QString::fromLatin1(name)),
                {u"redeem"_s, u"--phone"_s, phone, u"--reward"_s, u"five-off"_s}, BadInput);
            row(u"adjust: phone %1"_s.arg(QString::fromLatin1(name)),
                {u"adjust"_s, u"--phone"_s, phone, u"--points"_s, u"5"_s, u"--reason"_s, u"Goodwill"_s}, BadInput);
        }

        // Malformed card numbers, for every command that takes one.
        const QList<std::pair<const char*, QString>> cards = {
            {"wrong check digit", clitest::cardWithWrongCheckDigit(1)},
            {"wrong check digit with spaces", clitest::cardWithWrongCheckDigit(1).insert(4, u' ')},
            {"twelve digits", card1.left(12)},
            {"fourteen digits", card1 + u'0'},
            {"not the store's prefix", u"1234567890128"_s},
            {"a letter", card1.left(12) + u'A'},
            {"empty", QString()},
            {"SQL metacharacters", SqlMeta},
        };
        for (const auto& [name, card] : cards) {
            const QString tag = QString::fromLatin1(name);
            row(u"enroll: card %1"_s.arg(tag), {u"enroll"_s, u"--phone"_s, u"2125550199"_s, u"--card"_s, card},
                BadInput);
            row(u"accrue: card %1"_s.arg(tag),
                {u"accrue"_s, u"--card"_s, card, u"--sale"_s, u"N1"_s, u"--amount"_s, u"5.00"_s}, BadInput);
            row(u"redeem: card %1"_s.arg(tag), {u"redeem"_s, u"--card"_s, card, u"--reward"_s, u"five-off"_s},
                BadInput);
            row(u"adjust: card %1"_s.arg(tag),
                {u"adjust"_s, u"--card"_s, card, u"--points"_s, u"5"_s, u"--reason"_s, u"Goodwill"_s}, BadInput);
            if (!card.isEmpty())
                row(u"card: number %1"_s.arg(tag), {u"card"_s, u"2"_s, u"--number"_s, card}, BadInput);
            if (tag.startsWith(u"wrong check digit"_s)) {
                row(u"lookup: card %1"_s.arg(tag), {u"lookup"_s, card}, BadInput);
                row(u"history: card %1"_s.arg(tag), {u"history"_s, card}, BadInput);
            }
        }

        // Amounts: negative, zero, absurd, the wrong decimal separator, not numbers at all.
        const QList<std::pair<const char*, QString>> amounts = {
            {"negative", u"-5.00"_s},
            {"zero", u"0"_s},
            {"zero cents", u"0.00"_s},
            {"decimal comma", u"12,34"_s},
            {"thousands separator", u"1,234.56"_s},
            {"European format", u"1.234,56"_s},
            {"apostrophe grouping", u"1'234.56"_s},
            {"three decimals", u"12.345"_s},
            {"trailing dot", u"12."_s},
            {"leading dot", u".50"_s},
            {"exponent", u"1e3"_s},
            {"hexadecimal", u"0x10"_s},
            {"currency symbol", u"$12.34"_s},
            {"currency code", u"12.34 USD"_s},
            {"just over a million", u"1000000.01"_s},
            {"thirteen digits", u"1000000000000"_s},
            {"twenty digits", u"99999999999999999999"_s},
            {"NaN", u"NaN"_s},
            {"infinity", u"inf"_s},
            {"full-width digits", u"１２.３４"_s},
            {"Arabic-Indic digits", u"١٢٫٣٤"_s},
            {"empty", QString()},
            {"space inside", u"12 .34"_s},
            {"SQL metacharacters", u"1; DROP TABLE sales;--"_s},
        };
        for (const auto& [name, amount] : amounts) {
            const QString tag = QString::fromLatin1(name);
            row(u"accrue: amount %1"_s.arg(tag),
                {u"accrue"_s, u"--member"_s, u"1"_s, u"--sale"_s, u"N1"_s, u"--amount="_s + amount}, BadInput);
            row(u"refund: amount %1"_s.arg(tag), {u"refund"_s, u"--sale"_s, u"S1"_s, u"--amount="_s + amount},
                BadInput);
        }

        // Receipt numbers.
        const QList<std::pair<const char*, QString>> sales = {
            {"empty", QString()},
            {"with a space", u"S 9"_s},
            {"65 characters", repeated(65)},
            {"control character", u"S\u00079"_s},
            {"bidi override", Bidi + u"S9"_s},
            {"zero-width space", u"S\u200B9"_s},
            {"SQL metacharacters with spaces", SqlMeta},
        };
        for (const auto& [name, sale] : sales) {
            const QString tag = QString::fromLatin1(name);
            row(u"accrue: sale %1"_s.arg(tag),
                {u"accrue"_s, u"--member"_s, u"1"_s, u"--sale"_s, sale, u"--amount"_s, u"5.00"_s}, BadInput);
            row(u"refund: sale %1"_s.arg(tag), {u"refund"_s, u"--sale"_s, sale}, BadInput);
            row(u"void: sale %1"_s.arg(tag), {u"void"_s, u"--sale"_s, sale, u"--reason"_s, u"Mistake"_s}, BadInput);
            if (sale.isEmpty())
                continue; // optional for these two: empty is the same as none
            row(u"redeem: sale %1"_s.arg(tag),
                {u"redeem"_s, u"--member"_s, u"1"_s, u"--reward"_s, u"five-off"_s, u"--sale"_s, sale}, BadInput);
            row(u"refund: reference %1"_s.arg(tag),
                {u"refund"_s, u"--sale"_s, u"S2"_s, u"--amount"_s, u"1.00"_s, u"--reference"_s, sale}, BadInput);
        }

        // Free text: names, reasons and the manager's name refuse what would display as something else.
        const QList<std::pair<const char*, QString>> texts = {
            {"bidi override", u"Eve "_s + Bidi + u"lanigiro"_s},
            {"bidi embedding", u"Eve \u202Aembedded"_s},
            {"bidi isolate", u"Eve \u2067isolated\u2069"_s},
            {"bell", u"Bell\u0007Ringer"_s},
            {"terminal escape", u"Red\u001b[31mText"_s},
            {"delete", u"Del\u007Fete"_s},
            {"C1 control", u"CSI\u009Bhere"_s},
            {"replacement character", u"Bro\uFFFDken"_s},
            {"noncharacter", u"Non\uFDD0char"_s},
            {"noncharacter U+FFFF", u"Non\uFFFFchar"_s},
            {"SQL metacharacters and a bidi override", SqlMeta + Bidi},
        };
        for (const auto& [name, text] : texts) {
            const QString tag = QString::fromLatin1(name);
            row(u"enroll: name %1"_s.arg(tag), {u"enroll"_s, u"--phone"_s, u"2125550199"_s, u"--name"_s, text},
                BadInput);
            row(u"adjust: reason %1"_s.arg(tag),
                {u"adjust"_s, u"--member"_s, u"1"_s, u"--points"_s, u"5"_s, u"--reason"_s, text}, BadInput);
            row(u"void: reason %1"_s.arg(tag), {u"void"_s, u"--sale"_s, u"S1"_s, u"--reason"_s, text}, BadInput);
            row(u"approve: manager %1"_s.arg(tag), {u"approve"_s, u"1"_s, u"--manager"_s, text}, BadInput);
            row(u"reject: manager %1"_s.arg(tag), {u"reject"_s, u"1"_s, u"--manager"_s, text}, BadInput);
            row(u"settings: store name %1"_s.arg(tag), {u"settings"_s, u"store.name"_s, text}, BadInput);
        }

        // Parsing: options, subcommands, selectors.
        row(u"no command"_s, {}, BadInput);
        row(u"unknown command"_s, {u"delete-everything"_s}, BadInput);
        row(u"unknown command with SQL metacharacters"_s, {SqlMeta}, BadInput);
        row(u"unknown option"_s, {u"enroll"_s, u"--phone"_s, u"2125550199"_s, u"--shoe-size"_s, u"44"_s}, BadInput);
        row(u"option without its value"_s, {u"enroll"_s, u"--phone"_s}, BadInput);
        row(u"enroll: no phone"_s, {u"enroll"_s, u"--name"_s, u"No Phone"_s}, BadInput);
        row(u"accrue: no member"_s, {u"accrue"_s, u"--sale"_s, u"N1"_s, u"--amount"_s, u"5.00"_s}, BadInput);
        row(u"accrue: member and phone"_s,
            {u"accrue"_s, u"--member"_s, u"1"_s, u"--phone"_s, u"2125550142"_s, u"--sale"_s, u"N1"_s, u"--amount"_s,
             u"5.00"_s},
            BadInput);
        row(u"accrue: phone and card"_s,
            {u"accrue"_s, u"--phone"_s, u"2125550142"_s, u"--card"_s, card1, u"--sale"_s, u"N1"_s, u"--amount"_s,
             u"5.00"_s},
            BadInput);
        row(u"redeem: member and card"_s,
            {u"redeem"_s, u"--member"_s, u"1"_s, u"--card"_s, card1, u"--reward"_s, u"five-off"_s}, BadInput);
        row(u"adjust: member and phone"_s,
            {u"adjust"_s, u"--member"_s, u"1"_s, u"--phone"_s, u"2125550142"_s, u"--points"_s, u"5"_s, u"--reason"_s,
             u"Goodwill"_s},
            BadInput);
        row(u"adjust: no member"_s, {u"adjust"_s, u"--points"_s, u"5"_s, u"--reason"_s, u"Goodwill"_s}, BadInput);
        row(u"accrue: no sale"_s, {u"accrue"_s, u"--member"_s, u"1"_s, u"--amount"_s, u"5.00"_s}, BadInput);
        row(u"accrue: no amount"_s, {u"accrue"_s, u"--member"_s, u"1"_s, u"--sale"_s, u"N1"_s}, BadInput);
        row(u"redeem: no reward"_s, {u"redeem"_s, u"--member"_s, u"1"_s}, BadInput);
        row(u"refund: no sale"_s, {u"refund"_s}, BadInput);
        row(u"void: no sale"_s, {u"void"_s, u"--reason"_s, u"Mistake"_s}, BadInput);
        row(u"void: no reason"_s, {u"void"_s, u"--sale"_s, u"S1"_s}, BadInput);
        for (const QString& id : {u"0"_s, u"-1"_s, u"abc"_s, u"1.5"_s, u"1; DROP TABLE members"_s, QString()}) {
            row(u"accrue: member id '%1'"_s.arg(id),
                {u"accrue"_s, u"--member="_s + id, u"--sale"_s, u"N1"_s, u"--amount"_s, u"5.00"_s}, BadInput);
            row(u"redeem: member id '%1'"_s.arg(id), {u"redeem"_s, u"--member="_s + id, u"--reward"_s, u"five-off"_s},
                BadInput);
        }

        // Unknown members, cards, sales, rewards, adjustments.
        row(u"accrue: unknown member"_s,
            {u"accrue"_s, u"--member"_s, u"999"_s, u"--sale"_s, u"N1"_s, u"--amount"_s, u"5.00"_s}, NotFound);
        row(u"accrue: unknown phone"_s,
            {u"accrue"_s, u"--phone"_s, u"+1 415 555 0199"_s, u"--sale"_s, u"N1"_s, u"--amount"_s, u"5.00"_s},
            NotFound);
        row(u"accrue: unassigned card"_s,
            {u"accrue"_s, u"--card"_s, unassignedCard, u"--sale"_s, u"N1"_s, u"--amount"_s, u"5.00"_s}, NotFound);
        row(u"redeem: unknown member"_s, {u"redeem"_s, u"--member"_s, u"999"_s, u"--reward"_s, u"five-off"_s},
            NotFound);
        row(u"redeem: unknown reward"_s, {u"redeem"_s, u"--member"_s, u"1"_s, u"--reward"_s, u"free-car"_s}, NotFound);
        row(u"redeem: reward with SQL metacharacters"_s, {u"redeem"_s, u"--member"_s, u"1"_s, u"--reward"_s, SqlMeta},
            NotFound);
        row(u"redeem: reward with a bidi override"_s,
            {u"redeem"_s, u"--member"_s, u"1"_s, u"--reward"_s, Bidi + u"five-off"_s}, NotFound);
        row(u"adjust: unknown member"_s,
            {u"adjust"_s, u"--member"_s, u"999"_s, u"--points"_s, u"5"_s, u"--reason"_s, u"Goodwill"_s}, NotFound);
        row(u"adjust: unassigned card"_s,
            {u"adjust"_s, u"--card"_s, unassignedCard, u"--points"_s, u"5"_s, u"--reason"_s, u"Goodwill"_s}, NotFound);
        row(u"refund: unknown sale"_s, {u"refund"_s, u"--sale"_s, u"NOPE"_s}, NotFound);
        row(u"refund: sale with SQL metacharacters"_s, {u"refund"_s, u"--sale"_s, u"S1';DROP--"_s}, NotFound);
        row(u"void: unknown sale"_s, {u"void"_s, u"--sale"_s, u"NOPE"_s, u"--reason"_s, u"Mistake"_s}, NotFound);
        row(u"approve: unknown adjustment"_s, {u"approve"_s, u"999"_s, u"--manager"_s, u"Mia"_s}, NotFound);
        row(u"reject: unknown adjustment"_s, {u"reject"_s, u"999"_s, u"--manager"_s, u"Mia"_s}, NotFound);
        row(u"card: unknown member"_s, {u"card"_s, u"999"_s}, NotFound);
        row(u"card: unknown phone"_s, {u"card"_s, u"2125550199"_s}, NotFound);
        row(u"history: unknown member"_s, {u"history"_s, u"999"_s}, NotFound);
        row(u"history: unknown phone"_s, {u"history"_s, u"+1 415 555 0199"_s}, NotFound);
        row(u"history: unassigned card"_s, {u"history"_s, unassignedCard}, NotFound);
        row(u"lookup: unknown phone"_s, {u"lookup"_s, u"2125550199"_s}, NotFound);
        row(u"lookup: unassigned card"_s, {u"lookup"_s, unassignedCard}, NotFound);
        row(u"lookup: unknown name"_s, {u"lookup"_s, u"Zebedee"_s}, NotFound);
        row(u"lookup: SQL metacharacters"_s, {u"lookup"_s, SqlMeta}, NotFound);
        row(u"export: unknown member"_s, {u"export"_s, u"--member"_s, u"999"_s}, NotFound);

        // Well formed, but the rules or the records refuse it.
        row(u"enroll: phone of one member, card of another"_s,
            {u"enroll"_s, u"--phone"_s, u"+44 20 7946 0958"_s, u"--card"_s, card1}, Refused);
        row(u"accrue: known sale, other amount"_s,
            {u"accrue"_s, u"--member"_s, u"1"_s, u"--sale"_s, u"S1"_s, u"--amount"_s, u"250.01"_s}, Refused);
        row(u"accrue: known sale, other member"_s,
            {u"accrue"_s, u"--member"_s, u"2"_s, u"--sale"_s, u"S1"_s, u"--amount"_s, u"250.00"_s}, Refused);
        row(u"redeem: not enough points"_s, {u"redeem"_s, u"--card"_s, card2, u"--reward"_s, u"five-off"_s}, Refused);
        row(u"redeem: partial reward beyond the balance"_s,
            {u"redeem"_s, u"--member"_s, u"1"_s, u"--reward"_s, u"points-as-cash"_s, u"--points"_s, u"500"_s}, Refused);
        row(u"refund: more than is left"_s, {u"refund"_s, u"--sale"_s, u"S1"_s, u"--amount"_s, u"240.01"_s}, Refused);
        row(u"refund: already refunded in full"_s, {u"refund"_s, u"--sale"_s, u"S3"_s}, Refused);
        row(u"refund: reference used for another sale"_s,
            {u"refund"_s, u"--sale"_s, u"S2"_s, u"--amount"_s, u"10.00"_s, u"--reference"_s, u"RF1"_s}, Refused);
        row(u"refund: reference used for another amount"_s,
            {u"refund"_s, u"--sale"_s, u"S1"_s, u"--amount"_s, u"5.00"_s, u"--reference"_s, u"RF1"_s}, Refused);
        row(u"void: already refunded in full"_s, {u"void"_s, u"--sale"_s, u"S3"_s, u"--reason"_s, u"Mistake"_s},
            Refused);
        row(u"approve: already approved"_s, {u"approve"_s, u"2"_s, u"--manager"_s, u"Mia"_s}, Refused);
        row(u"reject: already approved"_s, {u"reject"_s, u"2"_s, u"--manager"_s, u"Mia"_s}, Refused);
        row(u"approve: would leave a negative balance"_s, {u"approve"_s, u"3"_s, u"--manager"_s, u"Mia"_s}, Refused);
        row(u"card: the card of another member"_s, {u"card"_s, u"2"_s, u"--number"_s, card1}, Refused);
        row(u"generate: store not empty"_s, {u"generate"_s, u"--members"_s, u"5"_s}, Refused);
        row(u"backup: onto the store itself"_s, {u"backup"_s, StorePlaceholder}, Refused);
        row(u"backup: onto an existing file"_s, {u"backup"_s, FixturesPlaceholder + u"/good.csv"_s}, Refused);
        row(u"backup: onto a folder"_s, {u"backup"_s, FixturesPlaceholder}, Refused);

        // Redemption points.
        for (const QString& points : {u"0"_s, u"-5"_s, u"abc"_s, u"1.5"_s, u"99999999999999999999"_s, QString()}) {
            row(u"redeem: points '%1'"_s.arg(points),
                {u"redeem"_s, u"--member"_s, u"1"_s, u"--reward"_s, u"points-as-cash"_s, u"--points="_s + points},
                BadInput);
        }
        row(u"redeem: points below the reward's minimum"_s,
            {u"redeem"_s, u"--member"_s, u"1"_s, u"--reward"_s, u"points-as-cash"_s, u"--points"_s, u"10"_s}, BadInput);
        row(u"redeem: points above the reward's maximum"_s,
            {u"redeem"_s, u"--member"_s, u"1"_s, u"--reward"_s, u"points-as-cash"_s, u"--points"_s, u"2001"_s},
            BadInput);
        row(u"redeem: points for a fixed reward"_s,
            {u"redeem"_s, u"--member"_s, u"1"_s, u"--reward"_s, u"five-off"_s, u"--points"_s, u"99"_s}, BadInput);

        // Adjustment points and reasons.
        for (const QString& points :
             {u"0"_s, u"+0"_s, u"abc"_s, u"1.5"_s, QString(), u"++5"_s, u"+-5"_s, u"--5"_s, u"5-"_s, u"1000001"_s,
              u"-1000001"_s, u"9223372036854775808"_s, u"-9223372036854775808"_s, u"١٢"_s, u"1e3"_s}) {
            row(u"adjust: points '%1'"_s.arg(points),
                {u"adjust"_s, u"--member"_s, u"1"_s, u"--points="_s + points, u"--reason"_s, u"Goodwill"_s}, BadInput);
        }
        row(u"adjust: no reason"_s, {u"adjust"_s, u"--member"_s, u"1"_s, u"--points"_s, u"5"_s}, BadInput);
        row(u"adjust: blank reason"_s,
            {u"adjust"_s, u"--member"_s, u"1"_s, u"--points"_s, u"5"_s, u"--reason"_s, u"   "_s}, BadInput);
        row(u"adjust: reason of 501 characters"_s,
            {u"adjust"_s, u"--member"_s, u"1"_s, u"--points"_s, u"5"_s, u"--reason"_s, repeated(501)}, BadInput);
        row(u"void: blank reason"_s, {u"void"_s, u"--sale"_s, u"S1"_s, u"--reason"_s, u" \t "_s}, BadInput);

        // Approve and reject: which adjustment, and who decides.
        for (const char* verb : {"approve", "reject"}) {
            const QString command = QString::fromLatin1(verb);
            for (const QString& id : {QString(), u"abc"_s, u"0"_s, u"1.5"_s, u"1; DROP TABLE adjustments"_s}) {
                row(u"%1: adjustment '%2'"_s.arg(command, id), {command, id, u"--manager"_s, u"Mia"_s}, BadInput);
            }
            row(u"%1: no adjustment"_s.arg(command), {command, u"--manager"_s, u"Mia"_s}, BadInput);
            row(u"%1: no manager"_s.arg(command), {command, u"1"_s}, BadInput);
            row(u"%1: blank manager"_s.arg(command), {command, u"1"_s, u"--manager"_s, u"  "_s}, BadInput);
            row(u"%1: manager of 101 characters"_s.arg(command), {command, u"1"_s, u"--manager"_s, repeated(101)},
                BadInput);
        }

        // Enrollment details.
        for (const QString& email :
             {u"not-an-email"_s, u"a@b"_s, u"a b@example.com"_s, u"ana@@example.com"_s, u"@example.com"_s,
              u"ana@example."_s, QString(u"ana@"_s + Bidi + u"example.com"_s)}) {
            row(u"enroll: email '%1'"_s.arg(email), {u"enroll"_s, u"--phone"_s, u"2125550199"_s, u"--email"_s, email},
                BadInput);
        }
        for (const QString& birthday : {u"31/12/1990"_s, u"1990-13-01"_s, u"1990-02-30"_s, u"2999-01-01"_s,
                                        u"1899-12-31"_s, u"19900101"_s, u"1990-1-1"_s, u"yesterday"_s}) {
            row(u"enroll: birthday '%1'"_s.arg(birthday),
                {u"enroll"_s, u"--phone"_s, u"2125550199"_s, u"--birthday"_s, birthday}, BadInput);
        }
        row(u"enroll: name of 101 characters"_s,
            {u"enroll"_s, u"--phone"_s, u"2125550199"_s, u"--name"_s, repeated(101)}, BadInput);

        // Item lines of a sale.
        for (const char* file : {"missing.csv", "items-bad-header.csv", "items-zero-quantity.csv",
                                 "items-bad-amount.csv", "items-over-total.csv", "items-field-count.csv", ""}) {
            row(u"accrue: items %1"_s.arg(QString::fromLatin1(file)),
                {u"accrue"_s, u"--member"_s, u"1"_s, u"--sale"_s, u"N1"_s, u"--amount"_s, u"10.00"_s, u"--items"_s,
                 FixturesPlaceholder + u'/' + QString::fromLatin1(file)},
                BadInput);
        }

        // Import: all or nothing, so any bad row leaves the store as it was.
        for (const char* file : {"missing.csv",
                                 "empty.csv",
                                 "unknown-column.csv",
                                 "no-phone-column.csv",
                                 "twice.csv",
                                 "mixed.csv",
                                 "invalid-utf8-name.csv",
                                 "invalid-utf8-phone.csv",
                                 "invalid-utf8-header.csv",
                                 "overlong-utf8.csv",
                                 "bidi-name.csv",
                                 "control-name.csv",
                                 "existing-member.csv",
                                 "duplicate-phone.csv",
                                 "duplicate-card.csv",
                                 "card-of-member.csv",
                                 "wrong-check-digit.csv",
                                 "unclosed-quote.csv",
                                 "overlong-field.csv",
                                 "field-count.csv",
                                 "bad-consent.csv",
                                 "bad-balance.csv",
                                 "fractional-balance.csv",
                                 "absurd-balance.csv",
                                 "bad-birthday.csv",
                                 "sql-phone.csv",
                                 "binary.csv",
                                 ""}) {
            row(u"import: %1"_s.arg(QString::fromLatin1(file)),
                {u"import"_s, FixturesPlaceholder + u'/' + QString::fromLatin1(file)}, BadInput);
        }
        row(u"import: no file"_s, {u"import"_s}, BadInput);
        row(u"import: two files"_s,
            {u"import"_s, FixturesPlaceholder + u"/good.csv"_s, FixturesPlaceholder + u"/good.csv"_s}, BadInput);

        // Demo data, settings, export, backup, listing.
        for (const QString& option : {u"--members=0"_s, u"--members=-1"_s, u"--members=abc"_s, u"--members=3000001"_s,
                                      u"--sales=-1"_s, u"--sales=abc"_s, u"--sales=50000001"_s, u"--seed=abc"_s}) {
            row(u"generate: %1"_s.arg(option), {u"generate"_s, option}, BadInput);
        }
        row(u"settings: unknown key"_s, {u"settings"_s, u"store.owner"_s, u"Me"_s}, BadInput);
        row(u"settings: key with SQL metacharacters"_s, {u"settings"_s, SqlMeta, u"x"_s}, BadInput);
        row(u"settings: unknown region"_s, {u"settings"_s, u"phone.default_region"_s, u"ZZ"_s}, BadInput);
        row(u"settings: refund rule"_s, {u"settings"_s, u"refund.redeemed_reward"_s, u"sometimes"_s}, BadInput);
        row(u"settings: negative seconds"_s, {u"settings"_s, u"till.idle_lock_seconds"_s, u"-5"_s}, BadInput);
        row(u"settings: empty store name"_s, {u"settings"_s, u"store.name"_s, QString()}, BadInput);
        row(u"settings: too many arguments"_s, {u"settings"_s, u"store.name"_s, u"A"_s, u"B"_s}, BadInput);
        row(u"export: unknown format"_s, {u"export"_s, u"--format"_s, u"xml"_s}, BadInput);
        row(u"export: into a missing folder"_s,
            {u"export"_s, u"--output"_s, FixturesPlaceholder + u"/missing/out.csv"_s}, BadInput);
        row(u"backup: two files"_s, {u"backup"_s, u"a.sqlite"_s, u"b.sqlite"_s}, BadInput);
        row(u"backup: empty name"_s, {u"backup"_s, QString()}, BadInput);
        row(u"backup: below a file"_s, {u"backup"_s, FixturesPlaceholder + u"/good.csv/backup.sqlite"_s}, Failure);
        row(u"members: limit 0"_s, {u"members"_s, u"--limit"_s, u"0"_s}, BadInput);
        row(u"members: limit abc"_s, {u"members"_s, u"--limit"_s, u"abc"_s}, BadInput);
        row(u"members: search without words"_s, {u"members"_s, u"--search"_s, u"!!!"_s}, BadInput);
        row(u"lookup: no query"_s, {u"lookup"_s}, BadInput);
        row(u"lookup: empty query"_s, {u"lookup"_s, QString()}, BadInput);
        row(u"lookup: bidi override only"_s, {u"lookup"_s, Bidi}, BadInput);
        row(u"history: no member"_s, {u"history"_s}, BadInput);
        row(u"audit: limit 0"_s, {u"audit"_s, u"--limit"_s, u"0"_s}, BadInput);
    }

    void refusedInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(bool, textToo);
        const QString rowDirectory = newRowDirectory();
        const QStringList given = substitute(arguments, rowDirectory);
        // Without a subcommand nothing takes --json: the overview goes to stderr.
        const bool subcommand = clitest::allCommands().contains(given.value(0));

        const CliRun json = runCli(clitest::withOptions(given, {u"--database"_s, m_work, u"--json"_s}), rowDirectory);
        clitest::verifyError(json, exitCode, subcommand);
        if (QTest::currentTestFailed())
            return;
        const CliRun text =
            textToo ? runCli(clitest::withOptions(given, {u"--database"_s, m_work}), rowDirectory) : json;
        clitest::verifyError(text, exitCode, false);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(!textToo || text.out.isEmpty(),
                 clitest::why("stdout is not empty after a failure", text.describeUtf8()).constData());
        QCOMPARE(clitest::fingerprint(m_work), m_templatePrint);
        QCOMPARE(QDir(rowDirectory).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Unusual but valid input is accepted and stored as given; nothing else changes.
    void acceptedUnusualInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("unchanged");
        QTest::addColumn<QStringList>("then");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        auto enrollName = [](const char* tag, const QString& name, const QString& stored) {
            QTest::newRow(clitest::tag(QString::fromUtf8(tag)).constData())
                << QStringList {u"enroll"_s, u"--phone"_s, u"2125550199"_s, u"--name"_s, name} << false
                << QStringList {u"lookup"_s, u"2125550199"_s} << u"member/name"_s << stored;
        };
        enrollName("enroll: ZWJ family emoji", ZwjFamily + u" Family"_s, ZwjFamily + u" Family"_s);
        enrollName("enroll: ZWJ emoji with skin tone", u"👩🏽‍💻 Dev"_s, u"👩🏽‍💻 Dev"_s);
        enrollName("enroll: flag emoji", u"🇺🇦 Olena"_s, u"🇺🇦 Olena"_s);
        enrollName("enroll: SQL metacharacters", SqlMeta, SqlMeta);
        enrollName("enroll: SQL injection", u"Robert'); DROP TABLE members;--"_s, u"Robert'); DROP TABLE members;--"_s);
        enrollName("enroll: quotes", u"D'Angelo \"Dee\" O'Neil"_s, u"D'Angelo \"Dee\" O'Neil"_s);
        enrollName("enroll: format specifiers", u"100% %1 %s %n %%"_s, u"100% %1 %s %n %%"_s);
        enrollName("enroll: right-to-left script", u"محمد الأحمد"_s, u"محمد الأحمد"_s);
        enrollName("enroll: combining accent is composed", u"Jose\u0301"_s, u"José"_s);
        enrollName("enroll: tab and newline become spaces", u"Ana\tMaria\nLopez"_s, u"Ana Maria Lopez"_s);
        enrollName("enroll: 100 characters", repeated(100), repeated(100));
        QTest::newRow("enroll: full-width digits in the phone")
            << QStringList {u"enroll"_s, u"--phone"_s, u"２１２５５５０１９９"_s} << false
            << QStringList {u"lookup"_s, u"2125550199"_s} << u"member/phone"_s << u"+12125550199"_s;
        QTest::newRow("enroll: known phone in another format")
            << QStringList {u"enroll"_s, u"--phone"_s, u"+1 (212) 555-0142"_s, u"--name"_s, u"Someone Else"_s} << true
            << QStringList {u"lookup"_s, u"2125550142"_s} << u"member/name"_s << u"Ana García"_s;
        QTest::newRow("accrue: the same sale again")
            << QStringList {u"accrue"_s, u"--member"_s, u"1"_s, u"--sale"_s, u"S1"_s, u"--amount"_s, u"250.00"_s}
            << true << QStringList {u"lookup"_s, u"2125550142"_s} << u"member/balance"_s << u"140"_s;
        QTest::newRow("accrue: exactly a million")
            << QStringList {u"accrue"_s, u"--member"_s, u"3"_s, u"--sale"_s, u"BIG"_s, u"--amount"_s, u"1000000.00"_s}
            << false << QStringList {u"lookup"_s, clitest::cardNumber(2)} << u"member/balance"_s << u"1000000"_s;
        QTest::newRow("accrue: sale reference with SQL metacharacters")
            << QStringList {u"accrue"_s, u"--member"_s, u"2"_s, u"--sale"_s, u"S9';DROP--"_s, u"--amount"_s, u"1"_s}
            << false << QStringList {u"history"_s, u"2"_s} << u"entries/0/sale"_s << u"S9';DROP--"_s;
        QTest::newRow("refund: the same reference again")
            << QStringList {u"refund"_s, u"--sale"_s, u"S1"_s, u"--amount"_s, u"10.00"_s, u"--reference"_s, u"RF1"_s}
            << true << QStringList {u"lookup"_s, u"2125550142"_s} << u"member/balance"_s << u"140"_s;
        QTest::newRow("adjust: ZWJ emoji reason")
            << QStringList {u"adjust"_s,
                            u"--member"_s,
                            u"2"_s,
                            u"--points"_s,
                            u"+5"_s,
                            u"--reason"_s,
                            ZwjFamily + u" birthday"_s}
            << false << QStringList {u"adjustments"_s} << u"adjustments/2/reason"_s << ZwjFamily + u" birthday"_s;
        QTest::newRow("adjust: SQL metacharacters reason")
            << QStringList {u"adjust"_s, u"--member"_s, u"2"_s, u"--points=-5"_s, u"--reason"_s, SqlMeta} << false
            << QStringList {u"adjustments"_s} << u"adjustments/2/reason"_s << SqlMeta;
        QTest::newRow("void: SQL metacharacters reason")
            << QStringList {u"void"_s, u"--sale"_s, u"S2"_s, u"--reason"_s, u"'; DROP TABLE ledger;--"_s} << false
            << QStringList {u"history"_s, u"2"_s} << u"entries/0/kind"_s << u"void"_s;
        QTest::newRow("approve: manager with ZWJ emoji")
            << QStringList {u"approve"_s, u"1"_s, u"--manager"_s, u"Mia 👩‍💼"_s} << false
            << QStringList {u"history"_s, u"1"_s} << u"entries/0/points"_s << u"10"_s;
        QTest::newRow("settings: store name with emoji and quotes")
            << QStringList {u"settings"_s, u"store.name"_s, u"Ana's \"Corner\" 🏪"_s} << false
            << QStringList {u"settings"_s, u"store.name"_s} << u"settings/store.name"_s << u"Ana's \"Corner\" 🏪"_s;
        QTest::newRow("members: search with SQL metacharacters")
            << QStringList {u"members"_s, u"--search"_s, SqlMeta} << true << QStringList {u"members"_s} << u"count"_s
            << u"3"_s;
    }

    void acceptedUnusualInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, unchanged);
        QFETCH(QStringList, then);
        QFETCH(QString, path);
        QFETCH(QString, expected);
        const CliRun run = runJson(m_work, arguments);
        CLI_VERIFY_OK(run);
        const QStringList after = clitest::fingerprint(m_work);
        if (unchanged)
            QCOMPARE(after, m_templatePrint);
        else
            QVERIFY2(after != m_templatePrint, "the accepted change was not stored");
        // Every table is still there, with the same schema.
        QCOMPARE(after.filter(QRegularExpression(u"^schema: "_s)),
                 m_templatePrint.filter(QRegularExpression(u"^schema: "_s)));
        for (const QString& table : clitest::storeTables())
            QVERIFY2(after.filter(QRegularExpression(u"^%1: \\d+ rows"_s.arg(table))).size() == 1, qPrintable(table));
        const CliRun check = runJson(m_work, {u"check"_s});
        CLI_VERIFY_OK(check);
        QCOMPARE(check.json.value(u"ok"_s).toBool(), true);
        const CliRun shown = runJson(m_work, then);
        CLI_VERIFY_OK(shown);
        QCOMPARE(jsonText(valueAt(shown.json, path)), expected);
        // The text output shows it too, unmangled.
        const CliRun text = runCli(clitest::withOptions(then, {u"--database"_s, m_work}), m_dir.path());
        QVERIFY2(text.exitCode == 0, text.describeUtf8().constData());
        if (path.endsWith(u"name"_s) || path.endsWith(u"reason"_s))
            QVERIFY2(QString::fromUtf8(text.out).contains(expected), text.describeUtf8().constData());
    }

    // The member listing prints names as they are, "%1" and all.
    void listingShowsNamesVerbatim()
    {
        const QString name = u"Save %1 now %2 %5"_s;
        CLI_VERIFY_OK(runJson(m_work, {u"enroll"_s, u"--phone"_s, u"2125550199"_s, u"--name"_s, name}));
        for (const QStringList& arguments : {QStringList {u"members"_s}, QStringList {u"lookup"_s, u"save"_s},
                                             QStringList {u"members"_s, u"--search"_s, u"now"_s}}) {
            const CliRun run = runCli(clitest::withOptions(arguments, {u"--database"_s, m_work}), m_dir.path());
            QVERIFY2(run.exitCode == 0, run.describeUtf8().constData());
            QVERIFY2(QString::fromUtf8(run.out).contains(name), run.describeUtf8().constData());
        }
        const CliRun run = runCli({u"members"_s, u"--database"_s, m_work}, m_dir.path());
        for (const QString& line : QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts))
            QVERIFY2(QRegularExpression(u" -?\\d+ pts$"_s).match(line).hasMatch(), qPrintable(line));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Files that are not healthy stores: refused, and left byte for byte as they were (no repair, no WAL switch,
    // no files beside them).
    void damagedStore_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        const QStringList everyCommand = {u"random-bytes"_s, u"truncated-by-one-byte"_s, u"truncated-by-one-page"_s,
                                          u"foreign-sqlite"_s, u"newer-schema"_s};
        const QStringList someCommands = {u"text-file"_s,
                                          u"sqlite-magic-then-zeros"_s,
                                          u"sqlite-magic-then-junk"_s,
                                          u"truncated-to-100-bytes"_s,
                                          u"truncated-to-600-bytes"_s,
                                          u"truncated-to-one-page"_s,
                                          u"truncated-mid-file"_s};
        const QStringList representative = {u"init"_s,   u"check"_s,  u"enroll"_s,      u"accrue"_s,
                                            u"import"_s, u"backup"_s, u"settings set"_s};
        for (const Command& command : everyCommandWithGoodArguments()) {
            const QString tag = QString::fromLatin1(command.tag);
            for (const QString& damage : everyCommand + someCommands) {
                if (!everyCommand.contains(damage) && !representative.contains(tag))
                    continue;
                const int code = damage == u"newer-schema"_s ? int(Refused) : int(Failure);
                QTest::newRow(qPrintable(damage + u": "_s + tag)) << damage << command.arguments << code;
            }
        }
    }

    void damagedStore()
    {
        QFETCH(QString, damage);
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        const QString rowDirectory = newRowDirectory();
        const QString store = rowDirectory + u"/store.sqlite"_s;
        QVERIFY(QFile::copy(m_damaged + u'/' + damage, store));
        const QByteArray before = clitest::readFileBytes(store);
        const CliRun run = runJson(store, substitute(arguments, rowDirectory));
        CLI_VERIFY_ERROR(run, exitCode);
        QVERIFY2(clitest::readFileBytes(store) == before,
                 clitest::why("the file was modified", run.describeUtf8()).constData());
        QCOMPARE(QDir(rowDirectory).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden),
                 QStringList {u"store.sqlite"_s});
    }

    // --database naming a folder is bad input, and nothing is created in it.
    void databaseIsDirectory_data()
    {
        QTest::addColumn<QStringList>("arguments");
        for (const Command& command : everyCommandWithGoodArguments())
            QTest::newRow(command.tag) << command.arguments;
    }

    void databaseIsDirectory()
    {
        QFETCH(QStringList, arguments);
        const QString rowDirectory = newRowDirectory();
        const QString folder = rowDirectory + u"/store.sqlite"_s;
        QVERIFY(QDir().mkpath(folder));
        const CliRun run = runJson(folder, substitute(arguments, rowDirectory));
        CLI_VERIFY_ERROR(run, BadInput);
        QCOMPARE(QDir(folder).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden), QStringList());
        QCOMPARE(QDir(rowDirectory).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden),
                 QStringList {u"store.sqlite"_s});
    }

    // Messages name the offending character readably, and do not shout.
    void messagesAreReadable()
    {
        const CliRun run =
            runJson(m_work, {u"enroll"_s, u"--phone"_s, u"2125550199"_s, u"--name"_s, u"Eve "_s + Bidi + u"x"_s});
        CLI_VERIFY_ERROR(run, BadInput);
        const QString message = run.json.value(u"error"_s).toObject().value(u"message"_s).toString();
        QVERIFY2(message.contains(u"U+202E"_s), qPrintable(message));
        QVERIFY2(message != message.toUpper(), qPrintable(message));
        QCOMPARE(run.json.value(u"error"_s).toObject().value(u"field"_s).toString(), u"name"_s);
        QVERIFY2(QString::fromUtf8(run.err).startsWith(u"loyaltytill-admin: "_s), run.describeUtf8().constData());
    }
};

QTEST_GUILESS_MAIN(CliBadInputTest)
#include "tst_cli_badinput.moc"
