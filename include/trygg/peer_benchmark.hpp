// SPDX-License-Identifier: MIT
/// \file peer_benchmark.hpp
/// Peer benchmarks (docs/privacy.md, "Peer benchmarks"): for many audited organisations, per
/// group of peers (all of them, a country, a sector, a size band, or a column the user gives),
/// the distribution of each area's maturity and of the legal findings per 100 employees, and
/// each organisation's band against its own group, the way the HSE Management Standards
/// indicator tool colours a score against its peers.
///
/// A group's figures are shown only when it holds at least `min_organisations` (5 or more)
/// organisations, decided by trygg::disclose with complementary suppression across groups, so
/// that no organisation can be singled out by its group or by subtracting groups from "all".
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "trygg/disclosure.hpp"
#include "trygg/report.hpp"

namespace trygg {

/// Where an organisation's figure stands in its group's distribution. Red is under the 20th
/// percentile, yellow from the 20th to under the 50th, aqua from the 50th to under the 80th,
/// green from the 80th up (a figure exactly on a percentile takes the higher band).
/// `none`: not shown (the group or the figure is suppressed, or the organisation has no figure).
enum class Band : std::uint8_t { none, red, yellow, aqua, green };

/// "none", "red", "yellow", "aqua", "green".
[[nodiscard]] std::string_view to_string(Band band) noexcept;

/// The 20th, 50th (the median) and 80th percentiles of a set of figures, computed like numpy's
/// default ('linear'): for n sorted values x[0..n-1] and p in [0, 1], h = (n - 1) p and the
/// percentile is x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
struct Percentiles {
  double p20 = 0, p50 = 0, p80 = 0;
  friend bool operator==(const Percentiles&, const Percentiles&) = default;
};

/// The measure of the legal findings per 100 employees: the findings whose rule's obligation is
/// law or regulation, divided by the headcount, times 100.
inline constexpr std::string_view legal_findings_measure = "legal-findings-per-100";

/// One distribution of one group.
struct PeerFigure {
  std::string measure;            ///< an area id, or legal_findings_measure
  std::size_t organisations = 0;  ///< members with a figure for it
  /// nullopt when not shown: the group is suppressed, or fewer than the minimum have a figure.
  std::optional<Percentiles> figures;
};

/// One group of peers.
struct PeerGroup {
  std::string name;               ///< "all", or the group's value of the dimension
  std::size_t organisations = 0;  ///< its members
  Disclosure disclosure = Disclosure::published;
  /// The area figures in PeerBenchmark::areas order, then the legal findings per 100.
  std::vector<PeerFigure> figures;
  /// Indices of its members in the input. Kept for every group; to_json lists the ids of a
  /// suppressed group's members nowhere.
  std::vector<std::size_t> members;
};

struct PeerBenchmarkOptions {
  /// What the groups are (group_of), or the name of the column the caller's groups come from.
  std::string dimension = "all";
  /// The fewest organisations a shown figure rests on. Below 5 is refused (UsageError).
  std::size_t min_organisations = 5;
};

struct PeerBenchmark {
  std::string dimension;
  std::size_t min_organisations = 5;
  /// "all" first, then the groups sorted by name (byte order). With the dimension "all" there
  /// is only "all".
  std::vector<PeerGroup> groups;
  /// bands[report][area]: each organisation's band per area (in `areas` order) against its own
  /// group; `none` when that group or figure is not shown.
  std::vector<std::vector<Band>> bands;
  /// legal_bands[report]: each organisation's band for the legal findings per 100 employees
  /// against its own group; `none` when that group or figure is not shown, or the headcount is
  /// unknown. Fewer is better, so the bands are reversed: red above the 80th percentile, yellow
  /// above the 50th up to the 80th, aqua above the 20th up to the 50th, green at or under the
  /// 20th. This is the area rule applied to the negated figure, so a figure exactly on a
  /// percentile again takes the better band; where many peers have no legal findings the 20th
  /// percentile is 0 and an organisation without any is green, not aqua.
  std::vector<Band> legal_bands;
  /// Area ids in framework order (the first report's framework, then any area only a later
  /// report's framework has).
  std::vector<std::string> areas;
  /// The organisation id of each report, in input order (what to_json names members by).
  std::vector<std::string> organisation_ids;
};

/// The findings of a report whose rule's obligation is law or regulation.
[[nodiscard]] std::size_t legal_findings(const Report& report);

/// Legal findings per 100 employees (Report::headcount), or nullopt when the headcount is
/// unknown or zero: such an organisation has no figure (counting it as 0 would flatter its
/// group).
[[nodiscard]] std::optional<double> legal_findings_per_100(const Report& report);

/// The dimensions group_of knows.
inline constexpr std::string_view peer_dimensions[] = {"all", "country", "sector", "size-band"};

/// The group of a report along a dimension: "all" -> "all"; "country" -> its country;
/// "sector" -> its sector, or "unknown"; "size-band" -> to_string(size_band(headcount)).
/// Another dimension is a UsageError that lists these.
[[nodiscard]] std::string group_of(const Report& report, std::string_view dimension);

/// The benchmark of `reports`. `groups` holds one group name per report (a column of the
/// caller's), or is empty: then each report's group is group_of(report, options.dimension).
/// Throws UsageError when min_organisations < 5, a report is null, `groups` has the wrong
/// length, or a caller's group is called "all" while not every report is in it. Deterministic:
/// the same reports and groups give the same benchmark, whatever their order within a group.
[[nodiscard]] PeerBenchmark peer_benchmark(const std::vector<const Report*>& reports,
                                           const std::vector<std::string>& groups,
                                           const PeerBenchmarkOptions& options = {});

/// The benchmark as JSON (docs/report-format.md, "Peer benchmarks"):
/// {"format": "trygg.peer-benchmark/1", "dimension", "min_organisations", "areas": [...],
///  "groups": [{"name", "disclosure": "published" | "suppressed-small" |
///              "suppressed-complementary", "organisations" and "members" (ids): shown groups
///              only, "figures": [{"measure", "organisations", "p20", "p50", "p80"} when shown,
///              else {"measure", "shown": false}]}],
///  "organisations": [{"index", "id", "group", "bands": {area: band}, "legal_band": band}] for
///  the members of shown groups only}. A suppressed group says neither its size nor its members: with the size of
///  "all" they would give away the small group's. Figures are rounded to 3 decimals.
[[nodiscard]] nlohmann::json to_json(const PeerBenchmark& benchmark);

}  // namespace trygg
