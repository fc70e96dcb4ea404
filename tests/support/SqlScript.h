#pragma once

#include "core/Result.h"

#include <QStringList>

namespace lt::test {

// The statements of an SQL script as `sqlite3 FILE .dump` writes it: each ends with a semicolon at the end of a
// line, outside quotes; a trigger ends with END;. Comment lines between statements are skipped.
QStringList splitSqlScript(const QString& script);

// Runs a script against an SQLite file through Qt SQL, so the tests need no sqlite3 shell.
Result<void> loadSqlScript(const QString& scriptPath, const QString& databasePath);

// A file in tests/fixtures: LOYALTYTILL_TEST_DATA (set by ctest), else found next to the test sources.
QString fixturePath(const QString& fileName);

} // namespace lt::test
