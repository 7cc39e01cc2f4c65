// SPDX-License-Identifier: MIT
// Peer benchmarks for Python (include/trygg/peer_benchmark.hpp). The result crosses as the
// JSON text of trygg::to_json, which the pure-Python side parses: one documented shape for the
// checker and for Python, and no class to keep in step with it.
#include <pybind11/stl.h>

#include "register.hpp"
#include "trygg/peer_benchmark.hpp"

void register_benchmark(py::module_& m) {
  m.def(
      "peer_benchmark",
      [](const std::vector<const trygg::Report*>& reports, const std::vector<std::string>& groups,
         const std::string& dimension, std::size_t min_organisations) {
        // The reports are held by the Python list for the whole call; the computation reads
        // them only, so it runs without the GIL.
        py::gil_scoped_release release;
        trygg::PeerBenchmarkOptions options;
        options.dimension = dimension;
        options.min_organisations = min_organisations;
        return trygg::to_json(trygg::peer_benchmark(reports, groups, options)).dump();
      },
      py::arg("reports"), py::arg("groups"), py::arg("dimension") = "all", py::arg("min_organisations") = 5,
      "The peer benchmark of the reports as JSON text (format trygg.peer-benchmark/1). groups: one name "
      "per report, or empty to group by dimension (all, country, sector, size-band).");
}
