// SPDX-License-Identifier: MIT
// Compared with last time (issue 16): snapshots of reports, a report compared with its
// baseline, and two reports compared (trygg.diff). python/trygg/_history.py wraps these.
#include <pybind11/stl.h>

#include <filesystem>

#include "register.hpp"
#include "trygg/history.hpp"
#include "trygg/render.hpp"

namespace {
/// Two reports compared: what `trygg-check diff` compares, kept for Python.
struct Diff {
  trygg::Snapshot older, newer;
  trygg::Comparison comparison;
};

trygg::Language diff_language(const std::string& lang) {
  if (auto l = trygg::parse_language(lang)) return *l;
  throw py::value_error("lang must be \"sv\", \"nb\" or \"en\", not \"" + lang + "\"");
}

trygg::Severity severity(const std::string& s) {
  if (auto v = trygg::parse_severity(s)) return *v;
  throw py::value_error("severity must be info, low, medium, high or critical, not \"" + s + "\"");
}
}  // namespace

void register_history(py::module_& m) {
  py::class_<trygg::Snapshot>(m, "Snapshot")
      .def_static(
          "load",
          [](const py::bytes& path) {
            const std::filesystem::path p{static_cast<std::string>(path)};  // the file system's bytes, as given
            py::gil_scoped_release release;
            return trygg::Snapshot::load(p);
          },
          py::arg("path"))
      .def_static(
          "parse", [](const std::string& text, const std::string& file) { return trygg::Snapshot::parse(text, file); },
          py::arg("text"), py::arg("file") = "<memory>", py::call_guard<py::gil_scoped_release>())
      .def_static(
          "of", [](const trygg::Report& r) { return trygg::Snapshot::of(r); }, py::arg("report"),
          py::call_guard<py::gil_scoped_release>())
      .def_readonly("file", &trygg::Snapshot::file)
      .def_readonly("format", &trygg::Snapshot::format)
      .def_readonly("organisation_id", &trygg::Snapshot::organisation_id)
      .def_property_readonly("as_of", [](const trygg::Snapshot& s) { return s.as_of.to_string(); })
      .def_property_readonly("finding_count", [](const trygg::Snapshot& s) { return s.findings.size(); });

  // A copy of the report, compared with the baseline: the Report object given stays as it was.
  m.def(
      "compared",
      [](const trygg::Report& r, const trygg::Snapshot& baseline) {
        trygg::Report out = r;
        trygg::compare_with_baseline(out, baseline);
        return out;
      },
      py::arg("report"), py::arg("baseline"), py::call_guard<py::gil_scoped_release>());
  m.def(
      "count_new_at_or_above",
      [](const trygg::Report& r, const std::string& s) { return trygg::count_new_at_or_above(r, severity(s)); },
      py::arg("report"), py::arg("severity"));

  py::class_<Diff>(m, "Diff")
      .def(py::init([](const trygg::Snapshot& older, const trygg::Snapshot& newer) {
             py::gil_scoped_release release;
             auto c = trygg::compare(older, newer);
             return Diff{older, newer, std::move(c)};
           }),
           py::arg("older"), py::arg("newer"))
      .def(
          "render",
          [](const Diff& d, const std::string& format, const std::string& lang) {
            const auto how = format == "json"   ? trygg::DiffFormat::json
                             : format == "md"   ? trygg::DiffFormat::markdown
                             : format == "text" ? trygg::DiffFormat::text
                                                : throw py::value_error("format must be \"text\", \"json\" or \"md\"");
            const auto l = diff_language(lang);
            py::gil_scoped_release release;
            return trygg::render_diff(d.older, d.newer, d.comparison, how, l);
          },
          py::arg("format"), py::arg("lang") = "en")
      .def("count_new_at_or_above",
           [](const Diff& d, const std::string& s) {
             return trygg::count_new_at_or_above(d.newer, d.comparison, severity(s));
           })
      .def_property_readonly("older", [](const Diff& d) { return d.older; })
      .def_property_readonly("newer", [](const Diff& d) { return d.newer; });
}
