#include "bench/SoakReport.h"

#include <algorithm>

namespace lt::bench {

namespace {

QString yesNo(bool ok)
{
    return ok ? QStringLiteral("yes") : QStringLiteral("**no**");
}

} // namespace

SoakReport::SoakReport(QList<SoakSample> samples)
    : m_samples(std::move(samples))
{
    // Samples are taken at 0 and every 5 %: the third is the one at 10 %. Short runs take what they have.
    m_baseline = std::min<qsizetype>(2, m_samples.size() - 1);
}

SoakSample SoakReport::warmUpMax() const
{
    SoakSample most = m_samples.at(0);
    for (qsizetype i = 1; i <= m_baseline; ++i) {
        const ResourceUse& use = m_samples.at(i).use;
        most.use.fds = std::max(most.use.fds, use.fds);
        most.use.connections = std::max(most.use.connections, use.connections);
        most.use.threads = std::max(most.use.threads, use.threads);
    }
    return most;
}

bool SoakReport::memoryFlat() const
{
    return last().use.rssMb <= m_samples.at(m_baseline).use.rssMb * (1 + MemoryTolerance);
}

void SoakReport::printTable(QTextStream& out) const
{
    out << "| operations | seconds | resident MB | open fds | SQL connections | threads | scan p50 ms | scan p99 ms "
           "| lookups timed | till thread CPU ms per operation |\n"
           "|---|---|---|---|---|---|---|---|---|---|\n";
    for (qsizetype i = 0; i < m_samples.size(); ++i) {
        const SoakSample& s = m_samples.at(i);
        out << QStringLiteral("| %1%2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 | %10 | %11 |\n")
                   .arg(s.operations)
                   .arg(i == m_baseline ? QStringLiteral(" (baseline)") : QString())
                   .arg(s.seconds, 0, 'f', 0)
                   .arg(s.use.rssMb, 0, 'f', 1)
                   .arg(s.use.fds)
                   .arg(s.use.connections)
                   .arg(s.use.threads)
                   .arg(s.scans ? QString::number(s.scanP50Ms, 'f', 2) : QStringLiteral("-"))
                   .arg(s.scans ? QString::number(s.scanP99Ms, 'f', 2) : QStringLiteral("-"))
                   .arg(s.scans)
                   .arg(s.operations ? QString::number(s.guiCpuMsPerOperation, 'f', 2) : QStringLiteral("-"));
    }
}

void SoakReport::printVerdict(QTextStream& out, double scanP99Ms, bool checkMemory) const
{
    const SoakSample& base = m_samples.at(m_baseline);
    const SoakSample most = warmUpMax();
    const double growth = base.use.rssMb > 0 ? (last().use.rssMb / base.use.rssMb - 1) * 100 : 0;
    out << QStringLiteral("- resident memory flat (end within %1 % of the baseline after %2 operations): %3 — "
                          "%4 MB → %5 MB (%6%7 %)%8\n")
               .arg(MemoryTolerance * 100, 0, 'f', 0)
               .arg(base.operations)
               .arg(yesNo(memoryFlat()))
               .arg(base.use.rssMb, 0, 'f', 1)
               .arg(last().use.rssMb, 0, 'f', 1)
               .arg(growth >= 0 ? QStringLiteral("+") : QString())
               .arg(growth, 0, 'f', 1)
               .arg(checkMemory ? QString() : QStringLiteral(" (not checked in this run)"));
    out << QStringLiteral("- open file descriptors flat: %1 — at most %2 up to the baseline, %3 at the end\n")
               .arg(yesNo(fdsFlat()))
               .arg(most.use.fds)
               .arg(last().use.fds);
    out << QStringLiteral("- SQL connections flat: %1 — at most %2 up to the baseline, %3 at the end\n")
               .arg(yesNo(connectionsFlat()))
               .arg(most.use.connections)
               .arg(last().use.connections);
    out << QStringLiteral("- threads flat: %1 — at most %2 up to the baseline, %3 at the end\n")
               .arg(yesNo(threadsFlat()))
               .arg(most.use.threads)
               .arg(last().use.threads);
    out << QStringLiteral("- scanner Enter → member painted within the %1 ms aim: %2 — p99 %3 ms over the run\n")
               .arg(AimMs, 0, 'f', 0)
               .arg(yesNo(scanP99Ms < AimMs))
               .arg(scanP99Ms, 0, 'f', 2);
}

} // namespace lt::bench
