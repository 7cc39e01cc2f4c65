// SPDX-License-Identifier: MIT
// One register_* function per concept (the boost-histogram shape); module.cpp calls them.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/pybind11.h>

namespace py = pybind11;

/// A cancellation hook for LoadLimits::cancelled and AuditOptions::cancelled, called with the
/// GIL released: on Python's main thread, at most every 20 ms, it takes the GIL and runs the
/// pending signal handlers (PyErr_CheckSignals). When a handler raises (Ctrl-C's
/// KeyboardInterrupt), the hook returns true and leaves that exception set, so the
/// trygg::Cancelled that follows reaches Python as the handler's exception.
std::function<bool()> interrupt_check();

/// The Python exception (trygg.LoadError, UsageError or Error) for a C++ trygg error, as an
/// object: for errors that are kept rather than raised (a batch's failed sources).
py::object python_error(const std::exception_ptr& error);

namespace trygg {
struct AuditOptions;
struct WaiverList;
}  // namespace trygg
/// Audit options with the as-of date and language as Python passes them (None = the default);
/// ValueError for a date or language that is none (bindings/register_report.cpp).
trygg::AuditOptions audit_options(const std::optional<std::string>& as_of, const std::optional<std::string>& lang);
/// Waivers and the waiver policy into audit options (bindings/register_waivers.cpp), shared by
/// the single audit and the batch; throws ValueError for a policy out of bounds.
void set_waivers(trygg::AuditOptions& options, const std::vector<const trygg::WaiverList*>& waivers,
                 std::uint32_t max_months, std::uint32_t max_months_legal);

void register_errors(py::module_& m);
void register_batch(py::module_& m);
void register_report_columns(py::module_& m);
void register_framework(py::module_& m);
void register_organisation(py::module_& m);
void register_report(py::module_& m);
void register_benchmark(py::module_& m);
void register_waivers(py::module_& m);
void register_plan(py::module_& m);
void register_trend(py::module_& m);
void register_history(py::module_& m);
