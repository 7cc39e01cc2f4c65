// SPDX-License-Identifier: MIT
// Waivers in Python (python/trygg/_waivers.py wraps these): a waiver file read and checked by
// the core, and the audit with waivers and the profile's policy.
#include <pybind11/stl.h>
#include <nlohmann/json.hpp>  // WaiverList::to_json

#include "register.hpp"
#include "trygg/audit.hpp"
#include "trygg/waiver.hpp"

void set_waivers(trygg::AuditOptions& o, const std::vector<const trygg::WaiverList*>& waivers, std::uint32_t max_months,
                 std::uint32_t max_months_legal) {
  if (max_months < 1 || max_months > 36)
    throw py::value_error("waiver_policy max_months must be from 1 to 36, not " + std::to_string(max_months));
  if (max_months_legal < 1 || max_months_legal > max_months)
    throw py::value_error("waiver_policy max_months_legal must be from 1 to max_months (" + std::to_string(max_months) +
                          "), not " + std::to_string(max_months_legal));
  for (const auto* list : waivers)
    o.waivers.insert(o.waivers.end(), list->waivers.begin(), list->waivers.end());
  o.waiver_policy = {max_months, max_months_legal};
}

void register_waivers(py::module_& m) {
  py::class_<trygg::WaiverList>(m, "WaiverList")
      .def_static(
          "load", [](const std::string& path) { return trygg::WaiverList::load(path); }, py::arg("path"))
      .def_static("parse", &trygg::WaiverList::parse, py::arg("text"), py::arg("file") = "<memory>")
      .def_readonly("file", &trygg::WaiverList::file)
      .def("__len__", [](const trygg::WaiverList& l) { return l.waivers.size(); })
      .def("to_json_text", [](const trygg::WaiverList& l) { return l.to_json().dump(); });

  m.def(
      "audit_waived",
      [](const trygg::Organisation& org, const trygg::Framework& fw, std::optional<std::string> as_of,
         std::optional<std::string> lang, std::vector<std::string> packs, bool preview,
         const std::vector<const trygg::WaiverList*>& waivers, std::uint32_t max_months,
         std::uint32_t max_months_legal) {
        trygg::AuditOptions o = audit_options(as_of, lang);
        o.packs = std::move(packs);
        o.preview = preview;
        set_waivers(o, waivers, max_months, max_months_legal);
        o.cancelled = interrupt_check();
        py::gil_scoped_release release;
        return trygg::audit(org, fw, o);
      },
      py::arg("organisation"), py::arg("framework"), py::arg("as_of"), py::arg("lang"), py::arg("packs"),
      py::arg("preview"), py::arg("waivers"), py::arg("max_months"), py::arg("max_months_legal"));
}
