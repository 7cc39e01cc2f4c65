// SPDX-License-Identifier: MIT
// Load and audit one organisation file, repeatedly, and report medians and peak memory as
// JSON. Run once per size in a fresh process (bench/run.py does), so that the peak resident
// set size belongs to that size alone.
//
// Baseline in the same run: nlohmann::json::parse of the same bytes, the DOM parse that any
// JSON-reading loader pays at least, so that load time is reported as a ratio to it.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

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
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: trygg_bench ORG.json [RUNS]\n";
    return 2;
  }
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  const auto fw = trygg::Framework::builtin();
  trygg::AuditOptions options;
  options.as_of = trygg::Date::parse("2026-11-22");

  std::size_t sink = 0;
  const double parse_s = median_seconds(runs, [&] { sink += nlohmann::json::parse(text).size(); });
  const double load_s =
      median_seconds(runs, [&] { sink += trygg::Organisation::parse(text, fw, argv[1]).units.size(); });
  const auto org = trygg::Organisation::parse(text, fw, argv[1]);
  const double audit_s = median_seconds(runs, [&] { sink += trygg::audit(org, fw, options).results.size(); });
  const auto report = trygg::audit(org, fw, options);
  rusage before_render{};
  getrusage(RUSAGE_SELF, &before_render);  // peak of parse, load and audit alone
  const double render_s = median_seconds(runs, [&] { sink += trygg::render_json(report, trygg::Language::en).size(); });

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const nlohmann::json out{{"file", argv[1]},
                           {"bytes", text.size()},
                           {"units", org.units.size()},
                           {"runs", runs},
                           {"results", report.results.size()},
                           {"findings", report.findings.size()},
                           {"dom_parse_s", parse_s},
                           {"load_s", load_s},
                           {"load_over_dom_parse", load_s / parse_s},
                           {"audit_s", audit_s},
                           {"render_json_s", render_s},
                           {"peak_rss_load_audit_bytes", static_cast<long long>(before_render.ru_maxrss) * 1024},
                           {"peak_rss_bytes", static_cast<long long>(usage.ru_maxrss) * 1024},
                           {"sink", sink % 2}};
  std::cout << out.dump() << "\n";
  return 0;
}
