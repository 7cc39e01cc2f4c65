// SPDX-License-Identifier: MIT
// One register_* function per concept (the boost-histogram shape); module.cpp calls them.
#pragma once

#include <pybind11/pybind11.h>

namespace py = pybind11;

void register_errors(py::module_& m);
void register_framework(py::module_& m);
void register_organisation(py::module_& m);
void register_report(py::module_& m);
