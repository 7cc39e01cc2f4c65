// SPDX-License-Identifier: MIT
// libFuzzer harness: arbitrary bytes as a profile file (see fuzz_inputs.hpp for what runs).
// Built only with -DTRYGG_FUZZ=ON; run with scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>

#include "fuzz_inputs.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)trygg::fuzz::run_profile_input({data, size});
  return 0;
}
