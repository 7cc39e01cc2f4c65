// SPDX-License-Identifier: MIT
// The action plan's round trip (include/trygg/plan_import.hpp): python/trygg/_plan.py reads
// the sheet (xlsx through openpyxl, or CSV here) and hands its rows over as tuples.
#include <pybind11/stl.h>

#include "register.hpp"
#include "trygg/output_file.hpp"
#include "trygg/plan_import.hpp"

namespace {
using RowTuple =
    std::tuple<std::size_t, std::string, std::string, std::string, std::string, std::string, std::string, std::string>;

RowTuple to_tuple(const trygg::PlanSheetRow& r) {
  return {r.row, r.measure, r.title, r.due, r.fingerprints, r.owner, r.status, r.comment};
}
trygg::PlanSheetRow from_tuple(const RowTuple& t) {
  trygg::PlanSheetRow r;
  std::tie(r.row, r.measure, r.title, r.due, r.fingerprints, r.owner, r.status, r.comment) = t;
  return r;
}
}  // namespace

void register_plan(py::module_& m) {
  m.def(
      "read_plan_input", [](const std::string& path) { return py::bytes(trygg::read_plan_input(path)); },
      py::arg("path"));
  m.def(
      "plan_sheet_rows_from_csv",
      [](const py::bytes& text, const std::string& file) {
        const std::string s = text;
        std::vector<RowTuple> out;
        for (const auto& r : trygg::read_plan_sheet_csv(s, file))
          out.push_back(to_tuple(r));
        return out;
      },
      py::arg("text"), py::arg("file"),
      "The rows of an action plan sheet saved as CSV: (row, measure, title, due, fingerprints, owner, status, "
      "comment) per row.");
  m.def(
      "import_action_plan",
      [](const std::string& organisation_text, const std::string& organisation_file, const std::vector<RowTuple>& rows,
         const std::string& sheet_file, const trygg::Framework& framework, const std::string& today) {
        const auto day = trygg::Date::parse(today);
        if (!day) throw py::value_error("today must be a date YYYY-MM-DD, not \"" + today + "\"");
        std::vector<trygg::PlanSheetRow> sheet;
        sheet.reserve(rows.size());
        for (const auto& t : rows)
          sheet.push_back(from_tuple(t));
        py::gil_scoped_release release;
        return trygg::import_action_plan(organisation_text, organisation_file, sheet, sheet_file, framework, *day);
      },
      py::arg("organisation_text"), py::arg("organisation_file"), py::arg("rows"), py::arg("sheet_file"),
      py::arg("framework"), py::arg("today"));
  // The new organisation file, through write_output: atomic (a temporary file renamed over the
  // path), never over one of `inputs`; `force` replaces a file trygg did not write (the
  // organisation file itself, for in_place).
  m.def(
      "write_organisation_file",
      [](const std::string& path, const std::string& text, const std::vector<std::string>& inputs, bool force) {
        std::vector<std::filesystem::path> in(inputs.begin(), inputs.end());
        trygg::write_output(path, text, {in, force, true});
      },
      py::arg("path"), py::arg("text"), py::arg("inputs"), py::arg("force"), py::call_guard<py::gil_scoped_release>());
}
