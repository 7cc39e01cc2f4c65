// SPDX-License-Identifier: MIT
// Peer benchmarks for Python (include/trygg/peer_benchmark.hpp). The result crosses as the
// JSON text of trygg::to_json, which the pure-Python side parses: one documented shape for the
// checker and for Python, and no class to keep in step with it.
#include <pybind11/stl.h>

#include "register.hpp"
#include "trygg/peer_benchmark.hpp"
#include "trygg/report_set.hpp"

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

  // The HTML report of a set (the checker's `batch --format html`), for ReportSet.to_html().
  m.def(
      "report_set_html",
      [](const std::vector<const trygg::Report*>& reports, const std::vector<std::string>& sources,
         const std::vector<std::pair<std::string, std::string>>& failures, const std::string& as_of,
         const std::string& lang, const std::optional<std::string>& dimension, std::size_t min_organisations) {
        const auto language = trygg::parse_language(lang);
        if (!language) throw py::value_error("lang must be \"sv\", \"nb\" or \"en\", not \"" + lang + "\"");
        const auto date = trygg::Date::parse(as_of);
        if (!date) throw py::value_error("as_of must be a date YYYY-MM-DD");
        py::gil_scoped_release release;
        trygg::ReportSet set;
        set.as_of = *date;
        for (std::size_t i = 0; i < reports.size(); ++i)
          set.entries.push_back({i < sources.size() ? sources[i] : std::string(), reports[i]});
        for (const auto& [source, message] : failures)
          set.failures.push_back({source, message, {}});
        std::optional<trygg::PeerBenchmark> benchmark;
        if (dimension) {
          trygg::PeerBenchmarkOptions options;
          options.dimension = *dimension;
          options.min_organisations = min_organisations;
          benchmark = trygg::peer_benchmark(reports, {}, options);
          set.benchmark = &*benchmark;
        }
        return trygg::render_report_set_html(set, *language);
      },
      py::arg("reports"), py::arg("sources"), py::arg("failures"), py::arg("as_of"), py::arg("lang"),
      py::arg("dimension"), py::arg("min_organisations"));
}
