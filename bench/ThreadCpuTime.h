#pragma once

#include <chrono>

namespace lt::bench {

// CPU time the calling thread has run so far. Beside a wall-clock figure it tells the till's own work from the time
// the system gave other processes (a compiler on the same two cores).
std::chrono::nanoseconds threadCpuTime();

} // namespace lt::bench
