#pragma once

#include <QString>
#include <QStringList>

namespace lt {
class Database;
}

namespace lt::bench {

// The large stores the till benchmarks run on: demo members and sales made by the DemoDataGenerator, and random
// members' values read back through the indexes.
namespace DemoStore {

// Generates `members` demo members and `sales` sales into the store at `path`, in this process; 0 when done.
int generate(const QString& path, qint64 members, qint64 sales);
// The same in a child: this executable run again with `--generate-only PATH --members N --sales M`, so that the
// generator's memory is not counted as the till's. False when the child failed (it said why on stderr).
bool generateInChild(const QString& path, qint64 members, qint64 sales);
// Up to `count` values of `sql` (one row for a member id) for random members, read through the indexes: a scan of
// a million rows would leave its memory to this process and spoil the till's figure.
QStringList sample(Database& db, const QString& sql, int count, unsigned seed = 7);

} // namespace DemoStore

// A line of progress on stderr, so that stdout holds only the figures.
void progress(const QString& line);

} // namespace lt::bench
