// SPDX-License-Identifier: MIT
// Load and audit one organisation file and report medians as JSON (docs/performance.md).
//
//   trygg_bench ORG.json [RUNS] [--large]    times, each against a baseline in the same run
//   trygg_bench --memory ORG.json            peak memory of loading and auditing, alone
//
// Baselines measured in the same process: simdjson's DOM parse of the same bytes (a reused
// parser and padded input: the least any JSON reader pays) and nlohmann's DOM parse (what a
// plain nlohmann loader pays). --large skips that parse and the JSON rendering: both build a
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

#include "trygg/trygg.hpp"

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

// The process's peak resident set, from /proc (VmHWM). Not getrusage's ru_maxrss: Linux keeps
// that across exec, so a child started by a large parent (the Python generator) would report
// the parent's peak.
long long peak_rss_bytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::atoll(line.c_str() + 6) * 1024;
  return -1;
}

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
  std::cout << out.dump() << "\n";
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
  const double render_s =
      dom ? median_seconds(runs, [&] { sink += trygg::render_json(report, trygg::Language::en).size(); }) : 0.0;

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
    out["render_json_s"] = render_s;
  }
  std::cout << out.dump() << "\n";
  return 0;
}
