#pragma once

#include <QList>
#include <QString>
#include <QTextStream>

#include "bench/SoakProbe.h"

namespace lt::bench {

// The soak's table and its verdict. The baseline is the sample taken after the warm-up (the first 10 % of the
// operations): by then SQLite's page caches of the till's and sync's connections, Qt's glyph and style caches and
// the allocator's arenas have reached their working size, so later growth is the till's own. Descriptors,
// connections and threads are compared with the most seen up to that sample (sync's network connections and the
// insight loader's pooled thread come and go), and must not end above it.
class SoakReport
{
public:
    static constexpr double MemoryTolerance = 0.10; // resident memory at the end within 10 % of the baseline
    static constexpr double AimMs = 50; // scanner Enter → member painted, p99

    explicit SoakReport(QList<SoakSample> samples);

    qsizetype baselineIndex() const { return m_baseline; }
    bool memoryFlat() const;
    bool fdsFlat() const { return last().use.fds <= warmUpMax().use.fds; }
    bool connectionsFlat() const { return last().use.connections <= warmUpMax().use.connections; }
    bool threadsFlat() const { return last().use.threads <= warmUpMax().use.threads; }

    void printTable(QTextStream& out) const;
    // One line per check, and the latency over the whole run against the aim.
    void printVerdict(QTextStream& out, double scanP99Ms, bool checkMemory) const;

private:
    const SoakSample& last() const { return m_samples.last(); }
    SoakSample warmUpMax() const; // the most of each count up to the baseline

    QList<SoakSample> m_samples;
    qsizetype m_baseline = 0;
};

} // namespace lt::bench
