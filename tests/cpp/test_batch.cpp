// SPDX-License-Identifier: MIT
// audit_batch: the same result whatever the thread count, input order kept, bad sources kept
// with their errors, duplicate ids named, and the hooks (progress, cancel) on the caller.
#include <atomic>
#include <thread>

#include "catch.hpp"
#include "fixtures.hpp"

using fixtures::json;

namespace {

std::string org_text(const std::string& id) {
  json doc = fixtures::small_org();
  doc["id"] = id;
  return doc.dump();
}

std::vector<trygg::BatchSource> sources(std::size_t n) {
  std::vector<trygg::BatchSource> s;
  for (std::size_t i = 0; i < n; ++i)
    s.push_back({trygg::BatchSource::Kind::text, org_text("org-" + std::to_string(i)), "org-" + std::to_string(i)});
  return s;
}

trygg::BatchOptions with_threads(unsigned threads) {
  trygg::BatchOptions o;
  o.threads = threads;
  o.audit.as_of = trygg::Date::parse("2026-11-22");
  return o;
}

}  // namespace

TEST_CASE("audit_batch: one thread and four give the same reports, in input order", "[batch]") {
  const auto in = sources(9);
  const auto one = trygg::audit_batch(in, fixtures::framework(), with_threads(1));
  const auto four = trygg::audit_batch(in, fixtures::framework(), with_threads(4));
  REQUIRE(one.size() == in.size());
  REQUIRE(four.size() == in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    INFO(i);
    REQUIRE(one[i].report);
    REQUIRE(four[i].report);
    CHECK(one[i].source == in[i].name);
    CHECK(four[i].source == in[i].name);
    CHECK(one[i].report->organisation_id == "org-" + std::to_string(i));
    CHECK(trygg::render_json_text(*one[i].report, trygg::Language::en) ==
          trygg::render_json_text(*four[i].report, trygg::Language::en));
    CHECK_FALSE(four[i].error);
    CHECK(four[i].error_message.empty());
  }
  // Loaded organisations take the same path.
  std::vector<trygg::Organisation> orgs;
  for (const auto& s : in)
    orgs.push_back(trygg::Organisation::parse(s.value, fixtures::framework(), s.name));
  std::vector<const trygg::Organisation*> ptrs;
  for (const auto& o : orgs)
    ptrs.push_back(&o);
  const auto loaded = trygg::audit_batch(ptrs, fixtures::framework(), with_threads(3));
  REQUIRE(loaded.size() == in.size());
  CHECK(loaded[2].source == "<item 2>");
  CHECK(trygg::render_json_text(*loaded[5].report, trygg::Language::en) ==
        trygg::render_json_text(*one[5].report, trygg::Language::en));
  CHECK(trygg::audit_batch(std::vector<trygg::BatchSource>{}, fixtures::framework()).empty());
}

TEST_CASE("audit_batch: a source that fails keeps its LoadError and the batch goes on", "[batch]") {
  auto in = sources(4);
  in[1].value = "{\"format\": \"trygg.organisation/1\",";  // cut short
  in[1].name = "broken.json";
  in.push_back({trygg::BatchSource::Kind::path, "/nonexistent/trygg-test/org.json", ""});
  const auto out = trygg::audit_batch(in, fixtures::framework(), with_threads(2));
  REQUIRE(out.size() == 5);
  CHECK(out[0].report);
  CHECK_FALSE(out[1].report);
  REQUIRE(out[1].error);
  CHECK(out[1].source == "broken.json");
  CHECK(out[1].error_message.find("broken.json") != std::string::npos);
  CHECK_THROWS_AS(std::rethrow_exception(out[1].error), trygg::LoadError);
  CHECK(out[2].report);
  CHECK(out[3].report);
  // A path source with no name is called by its path.
  CHECK(out[4].source == "/nonexistent/trygg-test/org.json");
  CHECK(out[4].error);
  CHECK_FALSE(out[4].report);
}

TEST_CASE("audit_batch: a later source with an id already seen becomes an error naming both", "[batch]") {
  auto in = sources(3);
  in[2].value = org_text("org-0");
  const auto out = trygg::audit_batch(in, fixtures::framework(), with_threads(3));
  REQUIRE(out[0].report);
  CHECK(out[1].report);
  CHECK_FALSE(out[2].report);
  REQUIRE(out[2].error);
  CHECK(out[2].error_message.find("org-2") != std::string::npos);  // the later source
  CHECK(out[2].error_message.find("org-0") != std::string::npos);  // the earlier one and the id
  try {
    std::rethrow_exception(out[2].error);
  } catch (const trygg::LoadError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].file == "org-2");
    CHECK(e.diagnostics()[0].pointer == "/id");
    CHECK(e.diagnostics()[0].found.find(in[0].name) != std::string::npos);
  }
}

TEST_CASE("audit_batch: stop_on_error rethrows the failing source's error", "[batch]") {
  auto in = sources(6);
  in[3].value = "not json";
  auto options = with_threads(2);
  options.stop_on_error = true;
  CHECK_THROWS_AS(trygg::audit_batch(in, fixtures::framework(), options), trygg::LoadError);
  // A duplicate id is an error too.
  auto dup = sources(3);
  dup[1].value = org_text("org-0");
  CHECK_THROWS_AS(trygg::audit_batch(dup, fixtures::framework(), options), trygg::LoadError);
  // Without errors nothing is thrown.
  CHECK(trygg::audit_batch(sources(3), fixtures::framework(), options).size() == 3);
}

TEST_CASE("audit_batch: progress runs on the calling thread and ends with done == total", "[batch]") {
  for (int round = 0; round < 5; ++round) {  // the last call is the race the pool must not lose
    const auto in = sources(7);
    auto options = with_threads(4);
    const auto caller = std::this_thread::get_id();
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    bool other_thread = false;
    options.progress = [&](std::size_t done, std::size_t total) {
      if (std::this_thread::get_id() != caller) other_thread = true;
      calls.emplace_back(done, total);
    };
    const auto out = trygg::audit_batch(in, fixtures::framework(), options);
    CHECK(out.size() == 7);
    REQUIRE_FALSE(calls.empty());
    CHECK(calls.back() == std::pair<std::size_t, std::size_t>{7, 7});
    CHECK_FALSE(other_thread);
    for (std::size_t i = 1; i < calls.size(); ++i)
      CHECK(calls[i - 1].first <= calls[i].first);
  }
}

TEST_CASE("audit_batch: cancelled and a throwing progress stop the batch", "[batch]") {
  const auto in = sources(5);
  auto options = with_threads(2);
  const auto caller = std::this_thread::get_id();
  std::atomic<bool> other_thread{false};
  options.audit.cancelled = [&] {
    if (std::this_thread::get_id() != caller) other_thread = true;
    return true;
  };
  CHECK_THROWS_AS(trygg::audit_batch(in, fixtures::framework(), options), trygg::Cancelled);
  CHECK_FALSE(other_thread);

  auto throwing = with_threads(2);
  throwing.progress = [](std::size_t, std::size_t) { throw std::runtime_error("stop here"); };
  CHECK_THROWS_WITH(trygg::audit_batch(in, fixtures::framework(), throwing), "stop here");
}
