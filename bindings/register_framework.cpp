// SPDX-License-Identifier: MIT
#include <pybind11/stl.h>

#include "register.hpp"
#include "trygg/framework.hpp"

void register_framework(py::module_& m) {
  py::class_<trygg::Framework>(m, "Framework")
      .def_static("builtin", &trygg::Framework::builtin, py::arg("packs") = std::vector<std::string>{},
                  "The packs compiled into the library; an empty list selects all.")
      .def_static(
          "with_pack_files",
          [](const std::vector<std::string>& files, const std::vector<std::string>& builtin) {
            return trygg::Framework::with_pack_files({files.begin(), files.end()}, builtin);
          },
          py::arg("files"), py::arg("builtin") = std::vector<std::string>{},
          "Built-in packs plus packs read from files.")
      .def_static("builtin_pack_ids", &trygg::Framework::builtin_pack_ids)
      .def_property_readonly("pack_ids",
                             [](const trygg::Framework& f) {
                               std::vector<std::string> ids;
                               for (const auto& p : f.packs())
                                 ids.push_back(p.id);
                               return ids;
                             })
      .def("to_json_text", [](const trygg::Framework& f) { return f.to_json().dump(); });
}
