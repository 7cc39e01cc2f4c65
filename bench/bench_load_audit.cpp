// SPDX-License-Identifier: MIT
// Load and audit one organisation file and report medians as JSON (docs/performance.md).
//
//   trygg_bench ORG.json [RUNS] [--large]    times, each against a baseline in the same run
//   trygg_bench --memory ORG.json            peak memory of loading and auditing, alone
//
// Baselines measured in the same process: simdjson's DOM parse of the same bytes (a reused
// parser and padded input: the least any JSON reader pays) and nlohmann's DOM parse (what a
// plain nlohmann loader pays). --large skips that parse, which builds a
// nlohmann DOM, which at a million units takes minutes and outgrows memory.
// The memory mode runs in a fresh process (bench/run.py starts one per size) and does nothing
// but load the file and audit it, so the peak resident set is theirs alone.
#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <simdjson.h>
#include <nlohmann/json.hpp>

#include "peak_memory.hpp"
#include "trygg/trygg.hpp"
#include "trygg/xlsx.hpp"

namespace {
template <class F>
double median_seconds(int runs, F&& f) {
  std::vector<double> t;
  for (int i = 0; i < runs; ++i) {
    const auto a = std::chrono::steady_clock::now();
    f();
    t.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - a).count());
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

using bench::peak_rss_bytes;

// Limits raised for the benchmark's own files. The defaults (LoadLimits) protect a service
// from hostile input and stop at about a million units' worth of entities; the largest
// benchmark file is a million units with their people, routines and activities, about 2.8
// million entities, so the benchmark says explicitly that it trusts its input.
trygg::LoadLimits bench_limits() {
  trygg::LoadLimits l;
  l.max_file_bytes = std::uintmax_t{4} << 30;
  l.max_entities = 20'000'000;
  return l;
}

trygg::AuditOptions options() {
  trygg::AuditOptions o;
  o.as_of = trygg::Date::parse("2026-11-22");
  return o;
}

// The structural rules of issue 4, for timing them apart from the rest (bench/structure.py
// times the same selection against the networkx reference).
trygg::Framework structural_framework(const trygg::Framework& fw) {
  trygg::Profile p;
  p.select = {"SIG-01/independent_route", "SUP-01/support_within_reach", "SUP-02/single_point_of_failure",
              "ORG-03/impartiality", "SIG-04/impartiality"};
  return trygg::apply_profile(fw, p);
}

int memory_mode(const char* path) {
  const auto fw = trygg::Framework::builtin();
  const long long before = peak_rss_bytes();
  const auto org = trygg::Organisation::load(path, fw, bench_limits());
  const long long after_load = peak_rss_bytes();
  const auto report = trygg::audit(org, fw, options());
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  const auto bytes = static_cast<long long>(in.tellg());
  const nlohmann::json out{{"file", path},
                           {"bytes", bytes},
                           {"units", org.units.size()},
                           {"results", report.results.size()},
                           {"peak_rss_before_bytes", before},
                           {"peak_rss_load_bytes", after_load},
                           {"peak_rss_load_audit_bytes", peak_rss_bytes()}};
  // Then the JSON report, as the checker writes it (indent 2), streamed to a null sink: the
  // peak after it says what writing the report adds to the load and the audit.
  std::ofstream null("/dev/null", std::ios::binary);
  trygg::write_json(report, trygg::Language::en, null, 2);
  nlohmann::json with_json = out;
  with_json["peak_rss_load_audit_json_bytes"] = peak_rss_bytes();
  std::cout << with_json.dump() << "\n";
  return 0;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc >= 3 && std::strcmp(argv[1], "--memory") == 0) return memory_mode(argv[2]);
  if (argc < 2) {
    std::cerr << "usage: trygg_bench ORG.json [RUNS] [--large] | trygg_bench --memory ORG.json\n";
    return 2;
  }
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  const bool dom = !(argc > 3 && std::strcmp(argv[3], "--large") == 0);
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  const auto fw = trygg::Framework::builtin();
  const auto structural = structural_framework(fw);
  const auto opts = options();

  std::size_t sink = 0;
  const simdjson::padded_string padded(text);
  simdjson::dom::parser parser;
  const double simdjson_s = median_seconds(runs, [&] {
    simdjson::dom::element root;
    if (parser.parse(padded).get(root) != simdjson::SUCCESS) std::abort();
    sink += root.is_object() ? 1 : 0;
  });
  const double dom_s = dom ? median_seconds(runs, [&] { sink += nlohmann::json::parse(text).size(); }) : 0.0;
  const auto limits = bench_limits();
  const double load_s =
      median_seconds(runs, [&] { sink += trygg::Organisation::parse(text, fw, argv[1], limits).units.size(); });
  const auto org = trygg::Organisation::parse(text, fw, argv[1], limits);
  const double audit_s = median_seconds(runs, [&] { sink += trygg::audit(org, fw, opts).results.size(); });
  const double structural_s = median_seconds(runs, [&] { sink += trygg::audit(org, structural, opts).results.size(); });
  const auto report = trygg::audit(org, fw, opts);
  // The JSON report as the checker writes it: streamed text, indent 2 (no document tree, so it
  // runs at every size).
  const double render_s =
      median_seconds(runs, [&] { sink += trygg::render_json_text(report, trygg::Language::en, 2).size(); });

  // The formats for people (issue 14 targets: HTML within 2x and xlsx within 3x the JSON).
  const double html_s = median_seconds(runs, [&] {
    sink += trygg::render_html(report, {trygg::Language::en, false}).size();
  });
  const std::size_t html_bytes = trygg::render_html(report, {trygg::Language::en, false}).size();
  const double xlsx_s = median_seconds(runs, [&] {
    sink += trygg::render_xlsx(report, {trygg::Language::en, false}).size();
  });

  nlohmann::json out{{"file", argv[1]},
                     {"bytes", text.size()},
                     {"units", org.units.size()},
                     {"runs", runs},
                     {"results", report.results.size()},
                     {"findings", report.findings.size()},
                     {"simdjson_parse_s", simdjson_s},
                     {"load_s", load_s},
                     {"load_over_simdjson_parse", load_s / simdjson_s},
                     {"audit_s", audit_s},
                     {"structural_audit_s", structural_s},
                     {"sink", sink % 2}};
  if (dom) {
    out["dom_parse_s"] = dom_s;
    out["load_over_dom_parse"] = load_s / dom_s;
  }
  out["render_json_text_s"] = render_s;
  out["render_json_over_load_audit"] = render_s / (load_s + audit_s);
  out["render_html_s"] = html_s;
  out["html_bytes"] = html_bytes;
  out["render_html_over_json"] = html_s / render_s;
  out["render_xlsx_s"] = xlsx_s;
  out["render_xlsx_over_json"] = xlsx_s / render_s;
  std::cout << out.dump() << "\n";
  return 0;
}
