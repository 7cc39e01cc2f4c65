// SPDX-License-Identifier: MIT
// Many audits over a pool of threads (include/trygg/batch.hpp). Workers take the next source
// from one atomic counter, so a thread that drew a large employer does not hold up the others,
// and write its outcome into that source's slot: the order of the result is the input order
// whatever the thread count. The calling thread does no audits; it reports progress and asks
// whether to stop, so that both hooks run on the thread that gave them.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "trygg/batch.hpp"
#include "trygg/error.hpp"

namespace trygg {
namespace {

std::string source_name(const BatchSource& s, std::size_t i) {
  if (!s.name.empty()) return s.name;
  if (s.kind == BatchSource::Kind::path) return s.value;
  return "<item " + std::to_string(i) + ">";
}

/// Runs `work(i)` for i in [0, n) on `threads` workers; the calling thread reports progress and
/// checks for cancellation until they are done. `work` must not throw.
template <class Work>
void run_pool(std::size_t n, const BatchOptions& options, std::atomic<bool>& stop, Work&& work) {
  std::atomic<std::size_t> next{0}, done{0};
  std::mutex mutex;
  std::condition_variable finished;
  unsigned threads = options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(n, 1)));
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (unsigned t = 0; t < threads; ++t)
    pool.emplace_back([&] {
      for (std::size_t i = next.fetch_add(1); i < n && !stop.load(std::memory_order_relaxed); i = next.fetch_add(1)) {
        work(i);
        if (done.fetch_add(1) + 1 == n) {
          const std::lock_guard lock(mutex);
          finished.notify_all();
        }
      }
    });
  std::exception_ptr hook_error;
  const auto all_done = [&] { return done.load() >= n || stop.load(); };
  while (true) {
    {
      std::unique_lock lock(mutex);
      finished.wait_for(lock, std::chrono::milliseconds(100), all_done);
    }
    // Whether this is the last round is decided before the hooks run: decided after, the last
    // source could finish while progress ran and the loop end without the promised call with
    // done == total.
    const bool last = all_done();
    try {
      if (options.audit.cancelled && options.audit.cancelled()) throw Cancelled();
      if (options.progress) options.progress(done.load(), n);
    } catch (...) {
      hook_error = std::current_exception();
      stop = true;
    }
    if (last || hook_error) break;
  }
  for (auto& t : pool)
    t.join();
  if (hook_error) std::rethrow_exception(hook_error);
}

/// Later sources with an organisation id an earlier one has become errors naming both.
void mark_duplicates(std::vector<BatchItem>& items) {
  std::unordered_map<std::string_view, std::size_t> first;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!items[i].report) continue;
    const auto [it, fresh] = first.emplace(items[i].report->organisation_id, i);
    if (fresh) continue;
    const BatchItem& earlier = items[it->second];
    Diagnostic d{items[i].source,
                 "/id",
                 "an organisation id no other source in the batch has",
                 "\"" + items[i].report->organisation_id + "\", the id of " + earlier.source,
                 "",
                 0,
                 0};
    LoadError e({d});
    items[i].error_message = e.what();
    items[i].error = std::make_exception_ptr(std::move(e));
    items[i].report.reset();
  }
}

template <class Audit>
std::vector<BatchItem> run_batch(std::size_t n, const BatchOptions& options, Audit&& audit_one,
                                 const std::function<std::string(std::size_t)>& name) {
  std::vector<BatchItem> items(n);
  std::atomic<bool> stop{false};
  AuditOptions audit = options.audit;
  audit.cancelled = [&stop] { return stop.load(std::memory_order_relaxed); };  // workers stop when told
  run_pool(n, options, stop, [&](std::size_t i) {
    BatchItem& item = items[i];
    item.source = name(i);
    try {
      item.report = audit_one(i, audit);
    } catch (const Cancelled&) {
      // the batch is stopping; the slot stays empty and the caller throws
    } catch (const std::exception& e) {
      item.error_message = e.what();
      item.error = std::current_exception();
      if (options.stop_on_error) stop = true;
    } catch (...) {
      item.error_message = "unknown error";
      item.error = std::current_exception();
      if (options.stop_on_error) stop = true;
    }
  });
  if (stop) {
    for (const auto& item : items)
      if (item.error) std::rethrow_exception(item.error);
    throw Cancelled();
  }
  mark_duplicates(items);
  if (options.stop_on_error)
    for (const auto& item : items)
      if (item.error) std::rethrow_exception(item.error);
  return items;
}

}  // namespace

std::vector<BatchItem> audit_batch(const std::vector<BatchSource>& sources, const Framework& framework,
                                   const BatchOptions& options) {
  LoadLimits limits = options.limits;
  limits.cancelled = {};  // asked on worker threads otherwise; the pool checks instead
  return run_batch(
      sources.size(), options,
      [&](std::size_t i, const AuditOptions& audit) {
        const BatchSource& s = sources[i];
        const Organisation org = s.kind == BatchSource::Kind::path
                                     ? Organisation::load(s.value, framework, limits)
                                     : Organisation::parse(s.value, framework, source_name(s, i), limits);
        return trygg::audit(org, framework, audit);
      },
      [&](std::size_t i) { return source_name(sources[i], i); });
}

std::vector<BatchItem> audit_batch(const std::vector<const Organisation*>& organisations, const Framework& framework,
                                   const BatchOptions& options) {
  return run_batch(
      organisations.size(), options,
      [&](std::size_t i, const AuditOptions& audit) {
        const Organisation* org = organisations[i];
        if (org == nullptr) throw UsageError("audit_batch: organisation " + std::to_string(i) + " is a null pointer");
        return trygg::audit(*org, framework, audit);
      },
      [](std::size_t i) { return "<item " + std::to_string(i) + ">"; });
}

}  // namespace trygg
