// SPDX-License-Identifier: MIT
#include "trygg/size_band.hpp"

namespace trygg {

SizeBand size_band(std::optional<std::uint32_t> headcount) noexcept {
  if (!headcount) return SizeBand::unknown;
  // Bounds and their sources: include/trygg/size_band.hpp.
  if (*headcount < 10) return SizeBand::micro;
  if (*headcount < 25) return SizeBand::small;
  if (*headcount < 50) return SizeBand::lower_medium;
  if (*headcount < 250) return SizeBand::medium;
  return SizeBand::large;
}

std::string_view to_string(SizeBand band) noexcept {
  switch (band) {
    case SizeBand::micro:
      return "1-9";
    case SizeBand::small:
      return "10-24";
    case SizeBand::lower_medium:
      return "25-49";
    case SizeBand::medium:
      return "50-249";
    case SizeBand::large:
      return "250+";
    case SizeBand::unknown:
      break;
  }
  return "unknown";
}

}  // namespace trygg
