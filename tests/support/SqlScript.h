#pragma once

#include "core/common/Result.h"

#include <QStringList>
#include <QVariant>

namespace lt::test {

// The statements of an SQL script as `sqlite3 FILE .dump` writes it: each ends with a semicolon at the end of a
// line, outside quotes; a trigger ends with END;. Comment lines between statements are skipped.
QStringList splitSqlScript(const QString& script);

// Runs a script against an SQLite file through Qt SQL, so the tests need no sqlite3 shell.
Result<void> loadSqlScript(const QString& scriptPath, const QString& databasePath);

// Statements run on an SQLite file through a short-lived connection of its own, bypassing Database: for
// building files Database would refuse and for looking at a file from outside.
Result<void> execOnFile(const QString& databasePath, const QStringList& statements);
Result<QVariant> scalarFromFile(const QString& databasePath, const QString& sql);

// A file in tests/fixtures: LOYALTYTILL_TEST_DATA (set by ctest), else found next to the test sources.
QString fixturePath(const QString& fileName);

} // namespace lt::test
