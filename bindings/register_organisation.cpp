// SPDX-License-Identifier: MIT
#include <pybind11/stl.h>

#include "register.hpp"
#include "trygg/organisation.hpp"

namespace {
trygg::LoadLimits limits(std::uintmax_t max_file_bytes, std::size_t max_depth, std::size_t max_errors) {
  trygg::LoadLimits l;
  l.max_file_bytes = max_file_bytes;
  l.max_depth = max_depth;
  l.max_errors = max_errors;
  return l;
}
}  // namespace

void register_organisation(py::module_& m) {
  py::class_<trygg::Organisation>(m, "Organisation")
      .def_static(
          "load",
          [](const std::string& path, const trygg::Framework& fw, std::uintmax_t max_file_bytes, std::size_t max_depth,
             std::size_t max_errors) {
            return trygg::Organisation::load(path, fw, limits(max_file_bytes, max_depth, max_errors));
          },
          py::arg("path"), py::arg("framework"), py::arg("max_file_bytes"), py::arg("max_depth"), py::arg("max_errors"),
          py::call_guard<py::gil_scoped_release>())
      .def_static(
          "parse",
          [](const std::string& text, const trygg::Framework& fw, const std::string& file,
             std::uintmax_t max_file_bytes, std::size_t max_depth, std::size_t max_errors) {
            return trygg::Organisation::parse(text, fw, file, limits(max_file_bytes, max_depth, max_errors));
          },
          py::arg("text"), py::arg("framework"), py::arg("file"), py::arg("max_file_bytes"), py::arg("max_depth"),
          py::arg("max_errors"), py::call_guard<py::gil_scoped_release>())
      .def("to_json_text", [](const trygg::Organisation& o) { return o.to_json().dump(); })
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
