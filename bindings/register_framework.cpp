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
            std::vector<trygg::Pack> packs;
            const auto ids = builtin.empty() ? trygg::Framework::builtin_pack_ids() : builtin;
            bool has_base = false;
            for (const auto& id : ids)
              has_base = has_base || id == "base";
            if (!has_base) packs.push_back(trygg::Framework::builtin_pack("base"));
            for (const auto& id : ids)
              packs.push_back(trygg::Framework::builtin_pack(id));
            for (const auto& f : files)
              packs.push_back(trygg::Framework::load_pack(f));
            return trygg::Framework::from_packs(std::move(packs));
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
