#include "tests/cli/CliRunner.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace Qt::StringLiterals;

namespace clitest {

namespace {
// Generous: a sanitizer build is several times slower than a plain one.
constexpr int ProcessTimeoutMs = 120000;

QString quoted(const QString& argument)
{
    if (!argument.isEmpty() && !argument.contains(QRegularExpression(u"[\\s'\"\\\\$`]"_s)))
        return argument;
    QString text = argument;
    return u"'"_s + text.replace(u"'"_s, u"'\\''"_s) + u"'"_s;
}

void hashValue(QCryptographicHash& hash, const QVariant& value)
{
    if (value.isNull()) {
        hash.addData(QByteArrayView("\x01NULL\x1f"));
        return;
    }
    hash.addData(QByteArrayView(value.typeName()));
    hash.addData(QByteArrayView(":"));
    hash.addData(value.typeId() == QMetaType::QByteArray ? value.toByteArray().toHex() : value.toString().toUtf8());
    hash.addData(QByteArrayView("\x1f"));
}
} // namespace

QString CliRun::describe() const
{
    QStringList shown;
    for (const QString& argument : arguments)
        shown << quoted(argument);
    QString text = u"$ loyaltytill-admin "_s + shown.join(u' ');
    if (crashed)
        text += u"\n  crashed"_s;
    if (timedOut)
        text += u"\n  timed out"_s;
    text += u"\n  exit code: %1"_s.arg(exitCode);
    text += u"\n  stdout: "_s + QString::fromUtf8(out.left(3000));
    text += u"\n  stderr: "_s + QString::fromUtf8(err.left(3000));
    return text;
}

QString adminPath()
{
    return QString::fromUtf8(LOYALTYTILL_ADMIN);
}

CliRun runCli(const QStringList& arguments, const QString& homeDirectory)
{
    CliRun run;
    run.arguments = arguments;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"LOYALTYTILL_DATABASE"_s);
    // Only the configuration a test writes: never the machine's /etc/loyaltytill.
    environment.insert(u"LOYALTYTILL_CONFIG_DIR"_s,
                       homeDirectory.isEmpty() ? u"/nonexistent/loyaltytill"_s : homeDirectory + u"/etc-loyaltytill"_s);
    environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    environment.insert(u"LANG"_s, u"C.UTF-8"_s);
    if (!homeDirectory.isEmpty()) {
        // A command that forgets --database must not reach the real user's store.
        environment.insert(u"HOME"_s, homeDirectory);
        environment.insert(u"XDG_DATA_HOME"_s, homeDirectory + u"/.local/share"_s);
        environment.insert(u"XDG_CONFIG_HOME"_s, homeDirectory + u"/.config"_s);
    }
    process.setProcessEnvironment(environment);
    process.setProgram(adminPath());
    process.setArguments(arguments);
    process.start(QIODevice::ReadWrite);
    if (!process.waitForStarted(ProcessTimeoutMs)) {
        run.crashed = true;
        run.err = process.errorString().toUtf8();
        return run;
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(ProcessTimeoutMs)) {
        run.timedOut = true;
        process.kill();
        process.waitForFinished(5000);
    }
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    run.crashed = run.crashed || process.exitStatus() != QProcess::NormalExit;
    run.exitCode = run.crashed ? -1 : process.exitCode();
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
    run.jsonParsed = error.error == QJsonParseError::NoError && document.isObject();
    if (run.jsonParsed)
        run.json = document.object();
    return run;
}

QStringList withOptions(const QStringList& arguments, const QStringList& options)
{
    return arguments.mid(0, 1) + options + arguments.mid(1);
}

CliRun runJson(const QString& database, const QStringList& arguments)
{
    return runCli(withOptions(arguments, {u"--database"_s, database, u"--json"_s}), QFileInfo(database).absolutePath());
}

const QStringList& allCommands()
{
    static const QStringList commands = {u"init"_s,    u"check"_s,  u"rewards"_s,     u"settings"_s, u"audit"_s,
                                         u"backup"_s,  u"schema"_s, u"enroll"_s,      u"lookup"_s,   u"members"_s,
                                         u"history"_s, u"card"_s,   u"accrue"_s,      u"redeem"_s,   u"refund"_s,
                                         u"void"_s,    u"adjust"_s, u"adjustments"_s, u"approve"_s,  u"reject"_s,
                                         u"import"_s,  u"export"_s, u"generate"_s,    u"staff"_s,    u"config"_s};
    return commands;
}

QStringList listedCommands(const QByteArray& overview)
{
    QStringList listed;
    bool inCommands = false;
    for (const QString& line : QString::fromUtf8(overview).split(u'\n')) {
        if (line.startsWith(u"Commands:"_s))
            inCommands = true;
        else if (inCommands && line.startsWith(u"  "_s))
            listed << line.trimmed().section(u' ', 0, 0);
    }
    return listed;
}

QByteArray tag(const QString& text)
{
    QByteArray printable;
    for (char32_t c : text.toUcs4()) {
        if (c >= 0x20 && c < 0x7F)
            printable += char(c);
        else
            printable += "\\u{" + QByteArray::number(uint(c), 16).toUpper() + '}';
    }
    return printable;
}

const QStringList& storeTables()
{
    static const QStringList tables = {u"adjustments"_s,   u"audit_log"_s, u"cards"_s,   u"ledger"_s,
                                       u"member_search"_s, u"members"_s,   u"outbox"_s,  u"program"_s,
                                       u"refunds"_s,       u"sales"_s,     u"settings"_s};
    return tables;
}

QStringList fingerprint(const QString& databasePath)
{
    static int counter = 0;
    const QString connectionName = u"cli-test-fingerprint-%1"_s.arg(++counter);
    QStringList lines;
    if (!QFileInfo(databasePath).isFile())
        return {u"<no database file at %1>"_s.arg(databasePath)};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
        db.setDatabaseName(databasePath);
        if (!db.open()) {
            lines << u"<cannot open: %1>"_s.arg(db.lastError().text());
        } else {
            QSqlQuery query(db);
            query.setForwardOnly(true);
            for (const QString& pragma : {u"user_version"_s, u"application_id"_s, u"journal_mode"_s}) {
                if (query.exec(u"PRAGMA "_s + pragma) && query.next())
                    lines << pragma + u" = "_s + query.value(0).toString();
                query.finish();
            }
            QCryptographicHash schema(QCryptographicHash::Sha1);
            qint64 objects = 0;
            query.exec(u"SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name"_s);
            while (query.next()) {
                ++objects;
                for (int i = 0; i < 4; ++i)
                    hashValue(schema, query.value(i));
            }
            query.finish();
            lines << u"schema: %1 objects %2"_s.arg(objects).arg(QString::fromLatin1(schema.result().toHex()));
            QStringList tables;
            query.exec(u"SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                       "ORDER BY name"_s);
            while (query.next())
                tables << query.value(0).toString();
            query.finish();
            for (const QString& table : tables) {
                const QString name = u"\""_s + QString(table).replace(u"\""_s, u"\"\""_s) + u"\""_s;
                query.exec(u"SELECT * FROM "_s + name + u" LIMIT 0"_s);
                const int columns = query.record().count();
                query.finish();
                QStringList order;
                for (int i = 1; i <= columns; ++i)
                    order << QString::number(i);
                // Every column, in order: the primary key (or rowid alias) first where there is one, and a total
                // order in any case, so that the same rows always hash the same.
                if (!query.exec(u"SELECT * FROM "_s + name + u" ORDER BY "_s + order.join(u", "_s))) {
                    lines << table + u": <%1>"_s.arg(query.lastError().text());
                    continue;
                }
                QCryptographicHash rows(QCryptographicHash::Sha1);
                qint64 count = 0;
                while (query.next()) {
                    ++count;
                    for (int i = 0; i < columns; ++i)
                        hashValue(rows, query.value(i));
                    rows.addData(QByteArrayView("\x1e"));
                }
                query.finish();
                lines << u"%1: %2 rows %3"_s.arg(table).arg(count).arg(QString::fromLatin1(rows.result().toHex()));
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    return lines;
}

QByteArray why(const char* what, const QByteArray& context)
{
    return QByteArray(what) + '\n' + context;
}

QByteArray readFileBytes(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

bool writeFileBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(bytes) == bytes.size() && file.flush();
}

QString cardNumber(qint64 serial)
{
    const QString body = u"29"_s + QString::number(serial).rightJustified(10, u'0');
    int sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += body.at(i).digitValue() * (i % 2 == 0 ? 1 : 3);
    return body + QString::number((10 - sum % 10) % 10);
}

QString cardWithWrongCheckDigit(qint64 serial)
{
    QString card = cardNumber(serial);
    const int check = card.back().digitValue();
    card.back() = QChar(u'0' + (check + 1) % 10);
    return card;
}

QList<QStringList> parseCsv(const QByteArray& bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool any = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
            continue;
        }
        any = true;
        if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            record << field;
            field.clear();
        } else if (c == u'\n') {
            if (field.endsWith(u'\r'))
                field.chop(1);
            record << field;
            records << record;
            record.clear();
            field.clear();
            any = false;
        } else {
            field += c;
        }
    }
    if (any || !field.isEmpty() || !record.isEmpty()) {
        record << field;
        records << record;
    }
    return records;
}

void verifyError(const CliRun& run, int expectedExitCode, bool expectJson)
{
    const QByteArray context = run.describeUtf8();
    QVERIFY2(!run.crashed && !run.timedOut, context.constData());
    QVERIFY2(
        run.exitCode == expectedExitCode,
        why(QByteArray("expected exit code " + QByteArray::number(expectedExitCode)).constData(), context).constData());
    QVERIFY2(!run.err.trimmed().isEmpty(), why("no message on stderr", context).constData());
    if (!expectJson || !run.arguments.contains(u"--json"_s))
        return;
    QVERIFY2(run.jsonParsed, why("stdout is not one JSON object", context).constData());
    const QJsonValue error = run.json.value(u"error"_s);
    QVERIFY2(error.isObject(), why("the JSON has no \"error\" object", context).constData());
    const QJsonObject detail = error.toObject();
    QVERIFY2(!detail.value(u"message"_s).toString().trimmed().isEmpty(),
             why("the error has no message", context).constData());
    QVERIFY2(!detail.value(u"kind"_s).toString().isEmpty(), why("the error has no kind", context).constData());
    QVERIFY2(detail.value(u"exit_code"_s).toInt(-1) == expectedExitCode,
             why("the error's exit_code differs from the exit code", context).constData());
}

void verifyOk(const CliRun& run)
{
    const QByteArray context = run.describeUtf8();
    QVERIFY2(!run.crashed && !run.timedOut, context.constData());
    QVERIFY2(run.exitCode == 0, why("expected success", context).constData());
    if (!run.arguments.contains(u"--json"_s))
        return;
    QVERIFY2(run.jsonParsed, why("stdout is not one JSON object", context).constData());
    QVERIFY2(!run.json.contains(u"error"_s), why("a success carries an error", context).constData());
}

void verifyMemberShape(const QJsonObject& member)
{
    const QByteArray context = QJsonDocument(member).toJson(QJsonDocument::Compact);
    QVERIFY2(member.value(u"id"_s).isDouble() && member.value(u"id"_s).toInteger() > 0, context.constData());
    static const QRegularExpression e164(u"^\\+[1-9][0-9]{6,14}$"_s);
    QVERIFY2(e164.match(member.value(u"phone"_s).toString()).hasMatch(),
             why("phone is not E.164:", context).constData());
    QVERIFY2(member.contains(u"card"_s), why("no card key:", context).constData());
    const QJsonValue card = member.value(u"card"_s);
    if (!card.isNull()) {
        const QString number = card.toString();
        QVERIFY2(number.size() == 13 && number.startsWith(u"29"_s)
                     && number == cardNumber(number.mid(2, 10).toLongLong()),
                 why("card is not a valid card number:", context).constData());
    }
    const QJsonValue balance = member.value(u"balance"_s);
    QVERIFY2(balance.isDouble() && double(balance.toInteger()) == balance.toDouble(),
             why("balance is not an integer:", context).constData());
}

} // namespace clitest
