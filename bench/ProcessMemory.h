#pragma once

#include <QByteArray>

namespace lt::bench {

// A memory figure of this process from /proc/self/status ("VmRSS": now, "VmHWM": the peak), in MB; 0 when unknown.
double processMemoryMb(const QByteArray& field);

} // namespace lt::bench
