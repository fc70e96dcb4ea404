#include "tests/support/SqlScript.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace lt::test {

QStringList splitSqlScript(const QString& script)
{
    QStringList statements;
    QString current;
    bool inSingle = false;
    bool inDouble = false;
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        const QString trimmed = line.trimmed();
        if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith(QLatin1String("--"))))
            continue;
        for (QChar c : line) {
            if (c == QLatin1Char('\'') && !inDouble)
                inSingle = !inSingle;
            else if (c == QLatin1Char('"') && !inSingle)
                inDouble = !inDouble;
        }
        current += line + QLatin1Char('\n');
        if (inSingle || inDouble || !trimmed.endsWith(QLatin1Char(';')))
            continue;
        const QString statement = current.trimmed();
        const bool trigger = statement.startsWith(QLatin1String("CREATE TRIGGER"), Qt::CaseInsensitive);
        if (trigger && !statement.chopped(1).trimmed().endsWith(QLatin1String("END"), Qt::CaseInsensitive))
            continue;
        statements << statement;
        current.clear();
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

namespace {
// Runs `statements` and returns the first column of the last statement's first row.
Result<QVariant> runOnFile(const QString& databasePath, const QStringList& statements)
{
    static QAtomicInteger<int> counter;
    const QString name = QStringLiteral("loyaltytill-test-file-%1").arg(counter.fetchAndAddRelaxed(1));
    Result<QVariant> result = QVariant();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(databasePath);
        if (!db.open()) {
            result = Error::storage(db.lastError().text());
        } else {
            QSqlQuery query(db);
            for (const QString& sql : statements) {
                if (!query.exec(sql)) {
                    result = Error::storage(QStringLiteral("%1 in: %2").arg(query.lastError().text(), sql.left(200)));
                    break;
                }
                result = query.next() ? query.value(0) : QVariant();
            }
            query.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}
} // namespace

Result<void> loadSqlScript(const QString& scriptPath, const QString& databasePath)
{
    QFile file(scriptPath);
    if (!file.open(QIODevice::ReadOnly))
        return Error::notFound(QStringLiteral("Cannot read %1: %2").arg(scriptPath, file.errorString()));
    const QStringList statements = splitSqlScript(QString::fromUtf8(file.readAll()));
    if (statements.isEmpty())
        return Error::invalid(QStringLiteral("%1 holds no SQL statements.").arg(scriptPath));
    return execOnFile(databasePath, statements);
}

Result<void> execOnFile(const QString& databasePath, const QStringList& statements)
{
    auto done = runOnFile(databasePath, statements);
    if (!done)
        return done.error();
    return {};
}

Result<QVariant> scalarFromFile(const QString& databasePath, const QString& sql)
{
    return runOnFile(databasePath, {sql});
}

QString fixturePath(const QString& fileName)
{
    QString folder = qEnvironmentVariable("LOYALTYTILL_TEST_DATA");
    if (folder.isEmpty())
        folder = QStringLiteral(LOYALTYTILL_SOURCE_DIR "/tests/fixtures");
    return QDir(folder).filePath(fileName);
}

} // namespace lt::test
