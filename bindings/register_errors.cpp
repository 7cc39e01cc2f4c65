// SPDX-License-Identifier: MIT
// C++ errors become the Python hierarchy of trygg._errors (trygg.Error and subclasses), with
// the diagnostics as attributes. The classes live in Python so that they pickle and are
// documented like the rest of the package.
#include "register.hpp"

#include <pybind11/stl.h>

#include "trygg/error.hpp"

namespace {
py::object error_class(const char* name) {
  return py::module_::import("trygg._errors").attr(name);
}

py::dict diagnostic_dict(const trygg::Diagnostic& d) {
  py::dict out;
  out["file"] = d.file;
  out["pointer"] = d.pointer;
  out["expected"] = d.expected;
  out["found"] = d.found;
  out["hint"] = d.hint;
  out["line"] = d.line;
  out["column"] = d.column;
  out["message"] = d.message();
  return out;
}
}  // namespace

void register_errors(py::module_& m) {
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const trygg::LoadError& e) {
      py::list diagnostics;
      for (const auto& d : e.diagnostics())
        diagnostics.append(diagnostic_dict(d));
      const auto& first = e.diagnostics();
      py::object cls = error_class("LoadError");
      py::object exc = cls(e.what(), first.empty() ? std::string() : first.front().file,
                           first.empty() ? std::string() : first.front().pointer, diagnostics, e.total_count());
      PyErr_SetObject(cls.ptr(), exc.ptr());
    } catch (const trygg::UsageError& e) {
      PyErr_SetString(error_class("UsageError").ptr(), e.what());
    } catch (const trygg::Error& e) {
      PyErr_SetString(error_class("Error").ptr(), e.what());
    }
  });
  m.def(
      "_raise_for_test",
      [](const std::string& kind) {
        if (kind == "load")
          throw trygg::LoadError({trygg::Diagnostic{"f.json", "/units/0", "an id", "null", "", 0, 0}});
        if (kind == "usage") throw trygg::UsageError("bad usage");
        throw trygg::Error("generic");
      },
      "Raise a C++ error of the given kind, to test the translation. Internal.");
}
