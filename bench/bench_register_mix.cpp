// SPDX-License-Identifier: MIT
// Load and audit a national register's worth of organisations, in parallel, and report JSON
// (docs/performance.md, "Register mix").
//
//   trygg_bench_register_mix MIX.jsonl [--organisations N] [--threads T] [--runs R] [--batch 1]
//
// MIX.jsonl holds K distinct organisations, one document a line (bench/register_mix.py). The
// benchmark loads and audits N organisations: organisation i is line i mod K, parsed from its
// text and audited afresh every time, so nothing is shared between two of them but the
// framework (as in a service that audits the register's files one by one). Holding K texts
// instead of N keeps the benchmark's own memory out of the figure: a million texts would be
// gigabytes, and reading them would be timed as well.
//
// T worker threads take the next index from one atomic counter, so a thread that drew a
// thousand-unit employer does not hold up the others. Each run's wall time is measured; the
// figure is the median over R runs. Every organisation must load: the first error ends the
// benchmark with its message.
//
// With `--batch 1` the same N organisations go through trygg::audit_batch instead, which is
// what Python's audit_many calls: sources are the texts (copies past K get an id of their
// own, since a batch refuses duplicate ids, as bench/scaling.py does for audit_many), and
// every report is kept until the batch returns. This is the C++ batch that audit_many's
// throughput is held against; the default mode, which frees each report at once, is the
// figure for audit_chunks, which keeps one chunk at a time.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "peak_memory.hpp"
#include "trygg/trygg.hpp"

namespace {
using bench::peak_rss_bytes;

struct Totals {
  std::size_t units = 0, results = 0, findings = 0;
  double load_s = 0, audit_s = 0;  // summed over threads: where the time goes
};

struct Run {
  double seconds = 0;
  Totals totals;
};

Run run_once(const std::vector<std::string>& texts, std::size_t organisations, unsigned threads,
             const trygg::Framework& fw, const trygg::AuditOptions& opts) {
  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  Totals all;
  std::string error;
  const auto work = [&] {
    Totals mine;
    try {
      for (std::size_t i = next.fetch_add(1, std::memory_order_relaxed); i < organisations;
           i = next.fetch_add(1, std::memory_order_relaxed)) {
        const auto a = std::chrono::steady_clock::now();
        const auto org = trygg::Organisation::parse(texts[i % texts.size()], fw, "<register>");
        const auto b = std::chrono::steady_clock::now();
        const auto report = trygg::audit(org, fw, opts);
        const auto c = std::chrono::steady_clock::now();
        mine.units += org.units.size();
        mine.results += report.results.size();
        mine.findings += report.findings.size();
        mine.load_s += std::chrono::duration<double>(b - a).count();
        mine.audit_s += std::chrono::duration<double>(c - b).count();
      }
    } catch (const std::exception& e) {
      next.store(organisations);  // stop the others too
      const std::lock_guard lock(mutex);
      if (error.empty()) error = e.what();
    }
    const std::lock_guard lock(mutex);
    all.units += mine.units;
    all.results += mine.results;
    all.findings += mine.findings;
    all.load_s += mine.load_s;
    all.audit_s += mine.audit_s;
  };
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t)
    pool.emplace_back(work);
  for (auto& t : pool)
    t.join();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!error.empty()) throw std::runtime_error(error);
  return {seconds, all};
}
/// The batch sources of --batch: text i mod K, its first "id" member renamed past K.
std::vector<trygg::BatchSource> batch_sources(const std::vector<std::string>& texts, std::size_t organisations) {
  std::vector<trygg::BatchSource> out;
  out.reserve(organisations);
  for (std::size_t i = 0; i < organisations; ++i) {
    std::string text = texts[i % texts.size()];
    if (i >= texts.size()) {
      const auto at = text.find("\"id\":\"");
      const auto end = at == std::string::npos ? at : text.find('"', at + 6);
      if (end != std::string::npos) text.insert(end, "-c" + std::to_string(i / texts.size()));
    }
    out.push_back({trygg::BatchSource::Kind::text, std::move(text), ""});
  }
  return out;
}

Run run_batch(const std::vector<trygg::BatchSource>& sources, unsigned threads, const trygg::Framework& fw,
              const trygg::AuditOptions& opts) {
  trygg::BatchOptions options;
  options.audit = opts;
  options.threads = threads;
  const auto start = std::chrono::steady_clock::now();
  const auto items = trygg::audit_batch(sources, fw, options);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  Run run{seconds, {}};
  for (const auto& item : items) {
    if (!item.report) throw std::runtime_error(item.source + ": " + item.error_message);
    run.totals.results += item.report->results.size();
    run.totals.findings += item.report->findings.size();
  }
  return run;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: trygg_bench_register_mix MIX.jsonl [--organisations N] [--threads T] [--runs R]\n";
    return 2;
  }
  std::size_t organisations = 0;  // default: each distinct organisation once
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  int runs = 3;
  bool batch = false;
  for (int k = 2; k + 1 < argc; k += 2) {
    if (std::strcmp(argv[k], "--organisations") == 0)
      organisations = std::stoull(argv[k + 1]);
    else if (std::strcmp(argv[k], "--threads") == 0)
      threads = static_cast<unsigned>(std::max(1, std::atoi(argv[k + 1])));
    else if (std::strcmp(argv[k], "--runs") == 0)
      runs = std::max(1, std::atoi(argv[k + 1]));
    else if (std::strcmp(argv[k], "--batch") == 0)
      batch = std::atoi(argv[k + 1]) != 0;
    else {
      std::cerr << "unknown option " << argv[k] << "\n";
      return 2;
    }
  }
  std::vector<std::string> texts;
  {
    std::ifstream in(argv[1]);
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) texts.push_back(std::move(line));
  }
  if (texts.empty()) {
    std::cerr << argv[1] << ": no organisations\n";
    return 1;
  }
  if (organisations == 0) organisations = texts.size();
  const auto fw = trygg::Framework::builtin();
  trygg::AuditOptions opts;
  opts.as_of = trygg::Date::parse("2026-11-22");

  std::vector<Run> all;
  try {
    const auto sources = batch ? batch_sources(texts, organisations) : std::vector<trygg::BatchSource>{};
    for (int r = 0; r < runs; ++r)
      all.push_back(batch ? run_batch(sources, threads, fw, opts) : run_once(texts, organisations, threads, fw, opts));
  } catch (const std::exception& e) {
    std::cerr << "an organisation did not load or audit: " << e.what() << "\n";
    return 1;
  }
  std::sort(all.begin(), all.end(), [](const Run& a, const Run& b) { return a.seconds < b.seconds; });
  const Run& median = all[all.size() / 2];
  std::vector<double> seconds;
  for (const auto& r : all)
    seconds.push_back(r.seconds);
  const nlohmann::json out{{"file", argv[1]},
                           {"distinct", texts.size()},
                           {"organisations", organisations},
                           {"threads", threads},
                           {"runs", runs},
                           {"mode", batch ? "audit_batch" : "free-each"},
                           {"seconds", median.seconds},
                           {"seconds_all", seconds},
                           {"organisations_per_s", static_cast<double>(organisations) / median.seconds},
                           {"units", median.totals.units},
                           {"results", median.totals.results},
                           {"findings", median.totals.findings},
                           {"load_thread_s", median.totals.load_s},
                           {"audit_thread_s", median.totals.audit_s},
                           {"peak_rss_bytes", peak_rss_bytes()}};
  std::cout << out.dump() << "\n";
  return 0;
}
