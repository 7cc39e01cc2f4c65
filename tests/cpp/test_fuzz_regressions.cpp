// SPDX-License-Identifier: MIT
// Replays the stored fuzz inputs (tests/data/fuzz/<kind>/) through the functions the libFuzzer
// harnesses call (tests/fuzz/fuzz_inputs.hpp), in the ordinary build: every crash the fuzzers
// found stays fixed, and the hand-written inputs keep reaching the code they were written for.
//
// Every file name starts with `valid-` (it must load and go through audit and rendering) or
// `invalid-` (it must be refused with a trygg::Error); a file with neither prefix fails the test,
// so a new reproducer cannot be added without deciding which it is.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "catch.hpp"
#include "fuzz_inputs.hpp"
#include "trygg/date.hpp"

namespace {

namespace fs = std::filesystem;
using trygg::fuzz::Outcome;
using Runner = Outcome (*)(std::span<const std::uint8_t>);

std::vector<std::uint8_t> read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file()) out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

void replay(const char* kind, Runner run) {
  const fs::path dir = fs::path(TRYGG_SOURCE_DIR) / "tests" / "data" / "fuzz" / kind;
  const auto files = files_in(dir);
  REQUIRE_FALSE(files.empty());
  std::size_t valid = 0, invalid = 0;
  for (const auto& path : files) {
    const std::string name = path.filename().string();
    INFO(kind << " input " << name);
    const bool expect_valid = name.rfind("valid-", 0) == 0;
    const bool expect_invalid = name.rfind("invalid-", 0) == 0;
    REQUIRE((expect_valid || expect_invalid));
    const auto bytes = read_bytes(path);
    Outcome outcome = Outcome::rejected;
    REQUIRE_NOTHROW(outcome = run(bytes));
    CHECK(outcome == (expect_valid ? Outcome::exercised : Outcome::rejected));
    (expect_valid ? valid : invalid) += 1;
  }
  // Both kinds of input are kept for every format: the valid ones take the fuzzer deep into
  // the audit, the invalid ones cover the refusal paths.
  CHECK(valid > 0);
  CHECK(invalid > 0);
}

}  // namespace

TEST_CASE("stored organisation fuzz inputs run cleanly", "[fuzz]") {
  replay("organisation", &trygg::fuzz::run_organisation_input);
}

TEST_CASE("stored pack fuzz inputs run cleanly", "[fuzz]") {
  replay("pack", &trygg::fuzz::run_pack_input);
}

TEST_CASE("stored profile fuzz inputs run cleanly", "[fuzz]") {
  replay("profile", &trygg::fuzz::run_profile_input);
}

TEST_CASE("the example organisations hold every fuzz invariant", "[fuzz]") {
  // The organisation harness checks the round trip and the rendering of whatever loads; the
  // bundled examples must of course pass those checks too (they are also fuzzer seeds).
  for (const char* name : {"small-company.json", "kommun.json"}) {
    INFO(name);
    const auto bytes = read_bytes(fs::path(TRYGG_SOURCE_DIR) / "examples" / "organisations" / name);
    CHECK(trygg::fuzz::run_organisation_input(bytes) == Outcome::exercised);
  }
}

TEST_CASE("the built-in packs cannot be loaded a second time as an extra pack", "[fuzz]") {
  // They seed the pack fuzzer; as extra packs they repeat every id, so from_packs refuses them.
  for (const auto& path : files_in(fs::path(TRYGG_SOURCE_DIR) / "data" / "packs")) {
    INFO(path.filename().string());
    CHECK(trygg::fuzz::run_pack_input(read_bytes(path)) == Outcome::rejected);
  }
}

TEST_CASE("every duration the parser accepts is written back as text it accepts", "[fuzz]") {
  // Found by the organisation harness: weeks are folded into days and written as days, so
  // "P52000W" came back as "P364000D", which the parser refused (more than five digits), and an
  // organisation with that review_interval could not be loaded from its own to_json().
  using trygg::Duration;
  for (const char* text : {"P52000W", "P14286W", "P1W99999D", "P52000W1000D", "P365000D", "P1000Y12000M52000W1000D",
                           "P1Y", "P6M", "P2W", "P7D", "P0D", "P1Y2M3W4D"}) {
    INFO(text);
    const auto once = Duration::parse(text);
    REQUIRE(once);
    const auto again = Duration::parse(once->to_string());
    REQUIRE(again);
    CHECK(*again == *once);
  }
  // The sum of weeks and days has the bound of days: beyond it, the text is refused.
  CHECK(Duration::parse("P52000W1000D")->days == 365000);
  CHECK_FALSE(Duration::parse("P52000W1001D"));
  CHECK_FALSE(Duration::parse("P52000W99999D"));
  CHECK_FALSE(Duration::parse("P365001D"));
  CHECK_FALSE(Duration::parse("P1000000D"));  // seven digits
}
