// SPDX-License-Identifier: MIT
/// \file size_band.hpp
/// Size bands of employers, for grouping many organisations (peer benchmarks, frames).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace trygg {

/// Bands by headcount whose bounds are where the rules trygg checks change (docs/scaling.md):
/// 10, 50 and 250 (the EU's micro, small and medium-sized enterprises, Commission
/// Recommendation 2003/361/EC, Annex art. 2; 50 is also the Norwegian working environment
/// committee's, arbeidsmiljøloven § 7-1 første ledd) and 25 (the Swedish written documentation
/// of active measures, diskrimineringslagen 3 kap. 13 §).
enum class SizeBand : std::uint8_t { unknown, micro, small, lower_medium, medium, large };

/// The band of a headcount (nullopt: unknown).
[[nodiscard]] SizeBand size_band(std::optional<std::uint32_t> headcount) noexcept;

/// The band's id in reports and frames: "1-9", "10-24", "25-49", "50-249", "250+", "unknown".
[[nodiscard]] std::string_view to_string(SizeBand band) noexcept;

}  // namespace trygg
