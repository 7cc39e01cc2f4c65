// SPDX-License-Identifier: MIT
#include <pybind11/stl.h>

#include "register.hpp"
#include "trygg/error.hpp"
#include "trygg/framework.hpp"
#include "trygg/profile.hpp"
#include "trygg/rule_example.hpp"

void register_framework(py::module_& m) {
  py::class_<trygg::Framework>(m, "Framework")
      // Building, extending and serialising a framework touch no Python object: the GIL is
      // released while they run.
      .def_static("builtin", &trygg::Framework::builtin, py::arg("packs") = std::vector<std::string>{},
                  "The packs compiled into the library; an empty list selects all.",
                  py::call_guard<py::gil_scoped_release>())
      .def_static(
          "with_pack_files",
          [](const std::vector<std::string>& files, const std::vector<std::string>& builtin) {
            return trygg::Framework::with_pack_files({files.begin(), files.end()}, builtin);
          },
          py::arg("files"), py::arg("builtin") = std::vector<std::string>{},
          "Built-in packs plus packs read from files.", py::call_guard<py::gil_scoped_release>())
      .def_static("builtin_pack_ids", &trygg::Framework::builtin_pack_ids)
      .def_property_readonly("pack_ids",
                             [](const trygg::Framework& f) {
                               std::vector<std::string> ids;
                               for (const auto& p : f.packs())
                                 ids.push_back(p.id);
                               return ids;
                             })
      .def(
          "to_json_text", [](const trygg::Framework& f) { return f.to_json().dump(); },
          py::call_guard<py::gil_scoped_release>())
      .def(
          "with_profile_text",
          [](const trygg::Framework& f, const std::string& text, const std::string& file) {
            return trygg::apply_profile(f, trygg::Profile::parse(text, file));
          },
          py::arg("text"), py::arg("file"), "The framework with a profile (trygg.profile/1 JSON text) applied.",
          py::call_guard<py::gil_scoped_release>())
      .def(
          "with_profile_file",
          [](const trygg::Framework& f, const std::string& path) {
            return trygg::apply_profile(f, trygg::Profile::load(path));
          },
          py::arg("path"), "The framework with a profile file applied.", py::call_guard<py::gil_scoped_release>())
      .def(
          "rule_examples_text",
          [](const trygg::Framework& f, const std::string& rule_id) {
            const trygg::Rule* rule = f.find_rule(rule_id);
            if (!rule) throw trygg::UsageError("no rule has the id \"" + rule_id + "\"");
            const auto ex = trygg::rule_examples(f, *rule);
            nlohmann::json j{{"pass", {{"organisation", ex.pass.organisation}, {"as_of", ex.pass.as_of.to_string()}}},
                             {"fail", {{"organisation", ex.fail.organisation}, {"as_of", ex.fail.as_of.to_string()}}}};
            return j.dump();
          },
          py::arg("rule_id"), "A passing and a failing example organisation for a rule, as JSON text.",
          py::call_guard<py::gil_scoped_release>());
}
