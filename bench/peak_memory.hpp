// SPDX-License-Identifier: MIT
// The process's peak resident set, for the benchmarks.
#pragma once

#include <cstdlib>
#include <fstream>
#include <string>

namespace bench {

/// VmHWM from /proc, in bytes (-1 if unknown). Not getrusage's ru_maxrss: Linux keeps that
/// across exec, so a child started by a large parent (the Python generator) would report the
/// parent's peak.
inline long long peak_rss_bytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::atoll(line.c_str() + 6) * 1024;
  return -1;
}

}  // namespace bench
