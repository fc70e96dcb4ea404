#pragma once

#include <QStringList>

namespace lt {

// The SQL of one schema version, in the order SchemaMigrator runs it; empty for a version that does not exist.
// A released version's statements are never edited.
QStringList schemaStatementsFor(int version);

} // namespace lt
