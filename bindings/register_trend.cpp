// SPDX-License-Identifier: MIT
// The trend over reports (history.hpp, trend(); render_trend.hpp), for python/trygg/_trend.py.
#include <pybind11/stl.h>

#include "register.hpp"
#include "trygg/history.hpp"
#include "trygg/render_trend.hpp"

namespace {
trygg::Language language(const std::string& lang) {
  if (auto l = trygg::parse_language(lang)) return *l;
  throw py::value_error("lang must be \"sv\", \"nb\" or \"en\", not \"" + lang + "\"");
}
}  // namespace

void register_trend(py::module_& m) {
  py::class_<trygg::Trend>(m, "Trend")
      .def_readonly("organisation_id", &trygg::Trend::organisation_id)
      .def_readonly("organisation_name", &trygg::Trend::organisation_name)
      .def_property_readonly("dates",
                             [](const trygg::Trend& t) {
                               std::vector<std::string> out;
                               for (const auto& p : t.points)
                                 out.push_back(p.as_of.to_string());
                               return out;
                             })
      .def_property_readonly("files",
                             [](const trygg::Trend& t) {
                               std::vector<std::string> out;
                               for (const auto& p : t.points)
                                 out.push_back(p.file);
                               return out;
                             })
      // The tidy rows: (as_of, kind, id, value), as render_trend_csv writes them but with the
      // scores unrounded.
      .def("rows",
           [](const trygg::Trend& t) {
             std::vector<std::tuple<std::string, std::string, std::string, double>> out;
             for (const auto& p : t.points) {
               const std::string d = p.as_of.to_string();
               for (const auto& [id, score] : p.area_scores)
                 out.emplace_back(d, "area", id, score);
               for (const auto& [id, maturity] : p.measure_scores)
                 out.emplace_back(d, "measure", id, static_cast<double>(maturity));
               out.emplace_back(d, "legal_findings", "", static_cast<double>(p.legal_findings));
               if (p.plan.reported) {
                 out.emplace_back(d, "plan_done", "", static_cast<double>(p.plan.done));
                 out.emplace_back(d, "plan_items", "", static_cast<double>(p.plan.items));
               }
             }
             return out;
           })
      .def("to_json_text", [](const trygg::Trend& t) { return trygg::render_trend_json(t); })
      .def("to_csv", [](const trygg::Trend& t) { return trygg::render_trend_csv(t); })
      .def("to_text",
           [](const trygg::Trend& t, const std::string& lang, const trygg::Framework& fw) {
             return trygg::render_trend_text(t, {language(lang), &fw});
           })
      .def("to_markdown",
           [](const trygg::Trend& t, const std::string& lang, const trygg::Framework& fw) {
             return trygg::render_trend_markdown(t, {language(lang), &fw});
           })
      .def("to_html", [](const trygg::Trend& t, const std::string& lang, const trygg::Framework& fw) {
        return trygg::render_trend_html(t, {language(lang), &fw});
      });
  // Sources are report files (paths as str) or reports in memory, in any order.
  m.def("make_trend", [](const py::list& sources) {
    std::vector<trygg::Snapshot> snapshots;
    for (const auto& s : sources) {
      if (py::isinstance<trygg::Report>(s))
        snapshots.push_back(trygg::Snapshot::of(s.cast<const trygg::Report&>()));
      else
        snapshots.push_back(trygg::Snapshot::load(s.cast<std::string>()));
    }
    return trygg::trend(std::move(snapshots));
  });
}
