// SPDX-License-Identifier: MIT
/// \file fuzz_inputs.hpp
/// Entry points shared by the libFuzzer harnesses (tests/fuzz/fuzz_*.cpp) and the replay
/// test (tests/cpp/test_fuzz_regressions.cpp). They depend on trygg only, not on libFuzzer, so
/// the ordinary test build replays every stored input through exactly the code the fuzzers run.
///
/// Each function takes arbitrary bytes, loads them as one kind of trygg input and, when they
/// load, drives everything downstream of that input. Only trygg::Error (LoadError,
/// UsageError) thrown while *loading* the bytes is swallowed: it is the documented answer to bad
/// input. Any other exception escapes, and a broken invariant (a round trip that changes the
/// organisation, a valid input that stops loading) calls __builtin_trap(), so that the fuzzer
/// records it as a crash and the replay test dies on it.
#pragma once

#include <cstdint>
#include <span>

namespace trygg::fuzz {

/// How far an input got. The replay test uses it to make sure that the inputs meant to be
/// valid really reach the audit, so that they keep testing what they were written for.
enum class Outcome : std::uint8_t {
  rejected,   ///< the bytes did not load (trygg::Error); nothing else ran
  exercised,  ///< the bytes loaded and were audited and rendered
};

/// The bytes as an organisation file (trygg.organisation/1) against the built-in framework:
/// a full audit as of 2026-11-22 with preview rules, every renderer in every language, both
/// yearly document drafts, and three checked invariants: what parse (simdjson first) accepts,
/// the strict route (nlohmann's DOM, from_json) accepts alike; from_json(to_json()) gives the same
/// document form, also through its text; and the reloaded organisation gets the same report.
Outcome run_organisation_input(std::span<const std::uint8_t> bytes);

/// The bytes as one extra pack (trygg.pack/1) on top of the built-in packs, as
/// `trygg-check --pack-file` loads it; if the framework builds, the example organisation
/// examples/organisations/small-company.json is audited with it and the report rendered as JSON,
/// the framework is written as JSON, and the worked examples of every rule of the extra pack
/// (`trygg-check explain`) are loaded and audited.
Outcome run_pack_input(std::span<const std::uint8_t> bytes);

/// The bytes as a profile (trygg.profile/1) applied to the built-in framework; if it applies,
/// small-company.json is audited with the tuned framework and the report rendered as JSON.
Outcome run_profile_input(std::span<const std::uint8_t> bytes);

}  // namespace trygg::fuzz
