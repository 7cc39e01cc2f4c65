// SPDX-License-Identifier: MIT
#include <pybind11/stl.h>

#include <tuple>

#include "register.hpp"
#include "trygg/organisation.hpp"

namespace {
/// The load limits, in the order the Python layer passes them (python/trygg/_organisation.py).
using Limits = std::tuple<std::uintmax_t, std::size_t, std::size_t, std::size_t, std::size_t>;

/// Called with the GIL released (the hook takes it when it checks for signals).
trygg::LoadLimits to_load_limits(const Limits& t) {
  trygg::LoadLimits l;
  std::tie(l.max_file_bytes, l.max_depth, l.max_entities, l.max_string_bytes, l.max_errors) = t;
  l.cancelled = interrupt_check();  // Ctrl-C stops a long load (KeyboardInterrupt)
  return l;
}
}  // namespace

void register_organisation(py::module_& m) {
  // The defaults live in C++ (trygg::LoadLimits); Python reads them from here.
  const trygg::LoadLimits defaults;
  py::dict limits;
  limits["max_file_bytes"] = defaults.max_file_bytes;
  limits["max_depth"] = defaults.max_depth;
  limits["max_entities"] = defaults.max_entities;
  limits["max_string_bytes"] = defaults.max_string_bytes;
  limits["max_errors"] = defaults.max_errors;
  m.attr("default_load_limits") = limits;

  py::class_<trygg::Organisation>(m, "Organisation")
      .def_static(
          "load",
          [](const std::string& path, const trygg::Framework& fw, const Limits& limits) {
            return trygg::Organisation::load(path, fw, to_load_limits(limits));
          },
          py::arg("path"), py::arg("framework"), py::arg("limits"), py::call_guard<py::gil_scoped_release>())
      .def_static(
          "parse",
          [](const std::string& text, const trygg::Framework& fw, const std::string& file, const Limits& limits) {
            return trygg::Organisation::parse(text, fw, file, to_load_limits(limits));
          },
          py::arg("text"), py::arg("framework"), py::arg("file"), py::arg("limits"),
          py::call_guard<py::gil_scoped_release>())
      .def(
          "to_json_text", [](const trygg::Organisation& o) { return o.to_json().dump(); },
          py::call_guard<py::gil_scoped_release>())
      .def_readonly("id", &trygg::Organisation::id)
      .def_readonly("name", &trygg::Organisation::name)
      .def_readonly("country", &trygg::Organisation::country)
      .def_property_readonly("unit_count", [](const trygg::Organisation& o) { return o.units.size(); })
      .def_property_readonly("person_count", [](const trygg::Organisation& o) { return o.people.size(); })
      .def_property_readonly("routine_count", [](const trygg::Organisation& o) { return o.routines.size(); })
      .def_property_readonly("activity_count", [](const trygg::Organisation& o) { return o.activities.size(); })
      .def_property_readonly("channel_count", [](const trygg::Organisation& o) { return o.channels.size(); })
      .def_property_readonly("total_headcount", &trygg::Organisation::total_headcount);
}
