// SPDX-License-Identifier: MIT
// Peer benchmarks (include/trygg/peer_benchmark.hpp, docs/privacy.md). Two disclosure
// decisions stand between a figure and a reader, both made by trygg::disclose so that the rule
// is the one the rest of trygg follows: one over the groups (their sizes in organisations,
// every group nested in "all"), and one per measure over how many members have a figure for it
// (headcount unknown leaves an organisation out of the legal findings per 100). A figure is
// shown only when both publish it. The decisions depend on counts only, never on the figures.
#include "trygg/peer_benchmark.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "trygg/error.hpp"
#include "trygg/size_band.hpp"

namespace trygg {
namespace {

std::string dimension_list() {
  std::string s;
  for (const auto d : peer_dimensions)
    s += (s.empty() ? "" : ", ") + std::string(d);
  return s;
}

/// The percentile p (0..1) of sorted values, numpy's 'linear' method.
double percentile(const std::vector<double>& sorted, double p) {
  const double h = static_cast<double>(sorted.size() - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  if (lo + 1 >= sorted.size()) return sorted.back();
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[lo + 1] - sorted[lo]);
}

Band band_of(double v, const Percentiles& p) {
  if (v < p.p20) return Band::red;
  if (v < p.p50) return Band::yellow;
  if (v < p.p80) return Band::aqua;
  return Band::green;
}

/// The band of a figure where fewer is better (the legal findings per 100): the area rule on
/// the negated figure, so the order of the bands flips and a tie still takes the better band.
Band reversed_band_of(double v, const Percentiles& p) {
  return band_of(-v, Percentiles{-p.p80, -p.p50, -p.p20});
}

double rounded(double v) {
  return std::round(v * 1000.0) / 1000.0;
}

}  // namespace

std::size_t legal_findings(const Report& r) {
  std::size_t legal = 0;
  for (const auto& f : r.findings) {
    const Obligation o = r.obligation(r.result(f));
    if (o == Obligation::law || o == Obligation::regulation) ++legal;
  }
  return legal;
}

std::optional<double> legal_findings_per_100(const Report& r) {
  if (!r.headcount || *r.headcount == 0) return std::nullopt;
  return static_cast<double>(legal_findings(r)) / *r.headcount * 100.0;
}

std::string_view to_string(Band band) noexcept {
  switch (band) {
    case Band::red:
      return "red";
    case Band::yellow:
      return "yellow";
    case Band::aqua:
      return "aqua";
    case Band::green:
      return "green";
    case Band::none:
      break;
  }
  return "none";
}

std::string group_of(const Report& report, std::string_view dimension) {
  if (dimension == "all") return "all";
  if (dimension == "country") return report.country;
  if (dimension == "sector") return report.sector.empty() ? "unknown" : report.sector;
  if (dimension == "size-band") return std::string(to_string(size_band(report.headcount)));
  throw UsageError("peer benchmark: expected a dimension " + dimension_list() + ", found \"" + std::string(dimension) +
                   "\"");
}

PeerBenchmark peer_benchmark(const std::vector<const Report*>& reports, const std::vector<std::string>& groups,
                             const PeerBenchmarkOptions& options) {
  if (options.min_organisations < 5)
    throw UsageError("peer benchmark: min_organisations must be at least 5 (docs/privacy.md), found " +
                     std::to_string(options.min_organisations));
  if (!groups.empty() && groups.size() != reports.size())
    throw UsageError("peer benchmark: " + std::to_string(groups.size()) + " group names for " +
                     std::to_string(reports.size()) + " reports; give one per report, or none");
  for (std::size_t i = 0; i < reports.size(); ++i)
    if (reports[i] == nullptr) throw UsageError("peer benchmark: report " + std::to_string(i) + " is a null pointer");

  const std::size_t n = reports.size();
  PeerBenchmark out;
  out.dimension = options.dimension;
  out.min_organisations = options.min_organisations;
  out.organisation_ids.reserve(n);
  for (const Report* r : reports)
    out.organisation_ids.push_back(r->organisation_id);

  // Areas: the first framework's order, then any area only a later framework has.
  std::unordered_map<std::string, std::size_t> area_index;
  for (const Report* r : reports)
    for (const auto& a : r->framework.areas())
      if (area_index.emplace(a.id, out.areas.size()).second) out.areas.push_back(a.id);
  const std::size_t measures = out.areas.size() + 1;  // the areas, then the legal findings

  // Each report's figure per measure (nullopt: none).
  std::vector<std::vector<std::optional<double>>> value(n, std::vector<std::optional<double>>(measures));
  for (std::size_t i = 0; i < n; ++i) {
    for (const auto& a : reports[i]->area_scores)
      if (const auto it = area_index.find(a.area); it != area_index.end()) value[i][it->second] = a.score;
    value[i][measures - 1] = legal_findings_per_100(*reports[i]);
  }

  // The groups: "all", then the others by name. `own[i]` is the group report i is banded in.
  std::vector<std::string> names(n);
  for (std::size_t i = 0; i < n; ++i)
    names[i] = groups.empty() ? group_of(*reports[i], options.dimension) : groups[i];
  const bool only_all = std::all_of(names.begin(), names.end(), [](const std::string& s) { return s == "all"; });
  if (!only_all && std::find(names.begin(), names.end(), "all") != names.end())
    throw UsageError("peer benchmark: \"all\" is the group of every organisation and cannot name a group of some");
  std::map<std::string, std::vector<std::size_t>> by_name;
  if (!only_all)
    for (std::size_t i = 0; i < n; ++i)
      by_name[names[i]].push_back(i);
  out.groups.push_back({"all", n, Disclosure::published, {}, {}});
  for (std::size_t i = 0; i < n; ++i)
    out.groups[0].members.push_back(i);
  std::vector<std::size_t> own(n, 0);
  for (auto& [name, members] : by_name) {
    for (const std::size_t i : members)
      own[i] = out.groups.size();
    out.groups.push_back({name, members.size(), Disclosure::published, {}, std::move(members)});
  }

  // Disclosure over the groups: every other group is nested in "all", and together they
  // partition it, so a small group would otherwise be "all" minus the others.
  const auto table = [&](auto&& size_of) {
    std::vector<GroupCell> cells;
    cells.reserve(out.groups.size());
    for (std::size_t g = 0; g < out.groups.size(); ++g)
      cells.push_back({g == 0 ? no_enclosing_cell : 0, static_cast<std::uint64_t>(size_of(g))});
    return disclose(cells, options.min_organisations);
  };
  const auto group_decision = table([&](std::size_t g) { return out.groups[g].organisations; });
  for (std::size_t g = 0; g < out.groups.size(); ++g)
    out.groups[g].disclosure = group_decision[g];

  for (std::size_t m = 0; m < measures; ++m) {
    std::vector<std::size_t> counts(out.groups.size(), 0);
    for (std::size_t g = 0; g < out.groups.size(); ++g)
      for (const std::size_t i : out.groups[g].members)
        if (value[i][m]) ++counts[g];
    const auto measure_decision = table([&](std::size_t g) { return counts[g]; });
    for (std::size_t g = 0; g < out.groups.size(); ++g) {
      PeerFigure f{m + 1 < measures ? out.areas[m] : std::string(legal_findings_measure), counts[g], std::nullopt};
      if (out.groups[g].disclosure == Disclosure::published && measure_decision[g] == Disclosure::published) {
        std::vector<double> v;
        v.reserve(counts[g]);
        for (const std::size_t i : out.groups[g].members)
          if (value[i][m]) v.push_back(*value[i][m]);
        std::sort(v.begin(), v.end());
        if (!v.empty()) f.figures = Percentiles{percentile(v, 0.2), percentile(v, 0.5), percentile(v, 0.8)};
      }
      out.groups[g].figures.push_back(std::move(f));
    }
  }

  out.bands.assign(n, std::vector<Band>(out.areas.size(), Band::none));
  out.legal_bands.assign(n, Band::none);
  const std::size_t legal = measures - 1;
  for (std::size_t i = 0; i < n; ++i) {
    const PeerGroup& g = out.groups[own[i]];
    for (std::size_t a = 0; a < out.areas.size(); ++a)
      if (g.figures[a].figures && value[i][a]) out.bands[i][a] = band_of(*value[i][a], *g.figures[a].figures);
    if (g.figures[legal].figures && value[i][legal])
      out.legal_bands[i] = reversed_band_of(*value[i][legal], *g.figures[legal].figures);
  }
  return out;
}

nlohmann::json to_json(const PeerBenchmark& b) {
  using nlohmann::json;
  json groups = json::array();
  std::vector<const PeerGroup*> own(b.organisation_ids.size(), nullptr);
  for (const auto& g : b.groups) {
    const bool shown = g.disclosure == Disclosure::published;
    json j{{"name", g.name}, {"disclosure", to_string(g.disclosure)}};
    json figures = json::array();
    for (const auto& f : g.figures) {
      if (f.figures)
        figures.push_back({{"measure", f.measure},
                           {"organisations", f.organisations},
                           {"p20", rounded(f.figures->p20)},
                           {"p50", rounded(f.figures->p50)},
                           {"p80", rounded(f.figures->p80)}});
      else
        figures.push_back({{"measure", f.measure}, {"shown", false}});
    }
    j["figures"] = std::move(figures);
    if (shown) {
      j["organisations"] = g.organisations;
      json members = json::array();
      for (const std::size_t i : g.members)
        members.push_back(i < b.organisation_ids.size() ? b.organisation_ids[i] : std::string());
      j["members"] = std::move(members);
    }
    groups.push_back(std::move(j));
  }
  // The group each organisation is banded in: its own, which is the last group holding it
  // ("all" holds everyone and comes first).
  for (const auto& g : b.groups)
    for (const std::size_t i : g.members)
      if (i < own.size()) own[i] = &g;
  json organisations = json::array();
  for (std::size_t i = 0; i < own.size(); ++i) {
    if (!own[i] || own[i]->disclosure != Disclosure::published) continue;
    json bands = json::object();
    for (std::size_t a = 0; a < b.areas.size(); ++a)
      bands[b.areas[a]] = to_string(i < b.bands.size() && a < b.bands[i].size() ? b.bands[i][a] : Band::none);
    const Band legal = i < b.legal_bands.size() ? b.legal_bands[i] : Band::none;
    organisations.push_back({{"index", i},
                             {"id", b.organisation_ids[i]},
                             {"group", own[i]->name},
                             {"bands", bands},
                             {"legal_band", to_string(legal)}});
  }
  return {{"format", "trygg.peer-benchmark/1"},
          {"dimension", b.dimension},
          {"min_organisations", b.min_organisations},
          {"areas", b.areas},
          {"groups", std::move(groups)},
          {"organisations", std::move(organisations)}};
}

}  // namespace trygg
