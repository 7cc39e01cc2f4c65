// SPDX-License-Identifier: MIT
#include "register.hpp"

PYBIND11_MODULE(_core, m) {
  m.doc() = "Compiled core of trygg. Use the trygg package, not this module.";
  m.attr("__version__") = TRYGG_VERSION_INFO;
  register_errors(m);
  register_framework(m);
  register_organisation(m);
  register_report(m);
  register_batch(m);
  register_report_columns(m);
  register_benchmark(m);
  register_waivers(m);
  register_plan(m);
  register_trend(m);
  register_history(m);
}
