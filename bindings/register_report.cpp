// SPDX-License-Identifier: MIT
#include <pybind11/stl.h>

#include "register.hpp"
#include "trygg/audit.hpp"
#include "trygg/document.hpp"
#include "trygg/error.hpp"
#include "trygg/output_file.hpp"
#include "trygg/render.hpp"
#include "trygg/xlsx.hpp"

namespace {
trygg::Language language(const std::optional<std::string>& lang, const trygg::Report& r) {
  if (!lang) return r.language;
  if (auto l = trygg::parse_language(*lang)) return *l;
  throw py::value_error("lang must be \"sv\", \"nb\" or \"en\", not \"" + *lang + "\"");
}
}  // namespace

trygg::AuditOptions audit_options(const std::optional<std::string>& as_of, const std::optional<std::string>& lang) {
  trygg::AuditOptions o;
  if (as_of) {
    o.as_of = trygg::Date::parse(*as_of);
    if (!o.as_of) throw py::value_error("as_of must be a date YYYY-MM-DD, not \"" + *as_of + "\"");
  }
  if (lang) {
    o.language = trygg::parse_language(*lang);
    if (!o.language) throw py::value_error("lang must be \"sv\", \"nb\" or \"en\", not \"" + *lang + "\"");
  }
  return o;
}

void register_report(py::module_& m) {
  py::class_<trygg::Report>(m, "Report")
      .def_property_readonly("language",
                             [](const trygg::Report& r) { return std::string(trygg::to_string(r.language)); })
      .def_property_readonly("as_of", [](const trygg::Report& r) { return r.as_of.to_string(); })
      .def_readonly("organisation_id", &trygg::Report::organisation_id)
      .def_readonly("organisation_name", &trygg::Report::organisation_name)
      .def_readonly("country", &trygg::Report::country)
      .def_readonly("sector", &trygg::Report::sector)
      .def_readonly("headcount", &trygg::Report::headcount)
      .def_property_readonly("framework", [](const trygg::Report& r) { return r.framework; })
      // The cheap accessors read the report directly, not its JSON form.
      .def_property_readonly("area_score_pairs",
                             [](const trygg::Report& r) {
                               py::dict out;
                               for (const auto& a : r.area_scores)
                                 out[py::str(a.area)] = a.score;
                               return out;
                             })
      .def_property_readonly("measure_score_pairs",
                             [](const trygg::Report& r) {
                               py::dict out;
                               for (const auto& s : r.measure_scores)
                                 out[py::str(s.measure)] = s.maturity;
                               return out;
                             })
      .def_property_readonly("finding_count", [](const trygg::Report& r) { return r.findings.size(); })
      .def_property_readonly("result_count", [](const trygg::Report& r) { return r.results.size(); })
      .def("count_at_or_above",
           [](const trygg::Report& r, const std::string& severity) {
             const auto s = trygg::parse_severity(severity);
             if (!s)
               throw py::value_error("severity must be info, low, medium, high or critical, not \"" + severity + "\"");
             return r.count_at_or_above(*s);
           })
      // Rendering touches no Python object: the GIL is released (the arguments are converted
      // before, the returned string after). language() throws a C++ exception only.
      .def(
          "to_json_text",
          [](const trygg::Report& r, std::optional<std::string> lang, int indent) {
            if (indent < -1 || indent > 16) throw py::value_error("indent must be from 0 to 16, or None");
            return trygg::render_json_text(r, language(lang, r), indent);
          },
          py::arg("lang") = py::none(), py::arg("indent") = -1, py::call_guard<py::gil_scoped_release>())
      .def(
          "to_markdown",
          [](const trygg::Report& r, std::optional<std::string> lang, bool legal_only) {
            return trygg::render_markdown(r, language(lang, r), legal_only);
          },
          py::arg("lang") = py::none(), py::arg("legal_only") = false, py::call_guard<py::gil_scoped_release>())
      .def(
          "to_csv",
          [](const trygg::Report& r, std::optional<std::string> lang, const std::string& dialect) {
            if (dialect != "machine" && dialect != "excel")
              throw py::value_error("dialect must be \"machine\" or \"excel\", not \"" + dialect + "\"");
            return trygg::render_csv(r, {language(lang, r), dialect == "excel" ? trygg::CsvDialect::excel_nordic
                                                                               : trygg::CsvDialect::machine});
          },
          py::arg("lang") = py::none(), py::arg("dialect") = "machine", py::call_guard<py::gil_scoped_release>())
      // The workbook is written here, through write_output (atomic, never over a file trygg did
      // not write), so that its bytes never cross into Python.
      .def(
          "to_xlsx",
          [](const trygg::Report& r, const std::string& path, std::optional<std::string> lang, bool legal_only) {
            const std::string bytes = trygg::render_xlsx(r, {language(lang, r), legal_only});
            trygg::write_output(path, bytes);
          },
          py::arg("path"), py::arg("lang") = py::none(), py::arg("legal_only") = false,
          py::call_guard<py::gil_scoped_release>())
      .def(
          "to_html",
          [](const trygg::Report& r, std::optional<std::string> lang, bool legal_only) {
            return trygg::render_html(r, {language(lang, r), legal_only});
          },
          py::arg("lang") = py::none(), py::arg("legal_only") = false, py::call_guard<py::gil_scoped_release>())
      .def(
          "to_html_summary",
          [](const trygg::Report& r, std::optional<std::string> lang) {
            return trygg::render_html_summary(r, language(lang, r));
          },
          py::arg("lang") = py::none(), py::call_guard<py::gil_scoped_release>())
      .def(
          "to_text",
          [](const trygg::Report& r, std::optional<std::string> lang, bool colour, int width, bool legal_only) {
            return trygg::render_text(r, {language(lang, r), colour, width, legal_only});
          },
          py::arg("lang") = py::none(), py::arg("colour") = false, py::arg("width") = 80, py::arg("legal_only") = false,
          py::call_guard<py::gil_scoped_release>());

  m.def(
      "audit",
      [](const trygg::Organisation& org, const trygg::Framework& fw, std::optional<std::string> as_of,
         std::optional<std::string> lang, std::vector<std::string> packs, bool preview) {
        trygg::AuditOptions o = audit_options(as_of, lang);
        o.packs = std::move(packs);
        o.preview = preview;
        o.cancelled = interrupt_check();  // Ctrl-C stops a long audit (KeyboardInterrupt)
        py::gil_scoped_release release;   // the audit touches no Python object
        return trygg::audit(org, fw, o);
      },
      py::arg("organisation"), py::arg("framework"), py::arg("as_of") = py::none(), py::arg("lang") = py::none(),
      py::arg("packs") = std::vector<std::string>{}, py::arg("preview") = false);

  m.def(
      "render_document",
      [](const std::string& kind, const trygg::Organisation& org, const trygg::Framework& fw,
         std::optional<std::string> as_of, std::optional<std::string> lang) {
        const auto k = trygg::parse_document_kind(kind);
        if (!k) {
          std::string kinds;
          for (auto name : trygg::document_kinds())
            kinds += (kinds.empty() ? "" : ", ") + std::string(name);
          throw py::value_error("kind must be one of " + kinds + ", not \"" + kind + "\"");
        }
        trygg::Date date = trygg::Date::today();
        if (as_of) {
          const auto d = trygg::Date::parse(*as_of);
          if (!d) throw py::value_error("as_of must be a date YYYY-MM-DD, not \"" + *as_of + "\"");
          date = *d;
        }
        trygg::Language l = trygg::default_language(org);
        if (lang) {
          const auto parsed = trygg::parse_language(*lang);
          if (!parsed) throw py::value_error("lang must be \"sv\", \"nb\" or \"en\", not \"" + *lang + "\"");
          l = *parsed;
        }
        py::gil_scoped_release release;  // drafting touches no Python object
        return trygg::render_document(*k, org, fw, date, l);
      },
      py::arg("kind"), py::arg("organisation"), py::arg("framework"), py::arg("as_of") = py::none(),
      py::arg("lang") = py::none());
}
