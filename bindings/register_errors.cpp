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

/// A Python str from text that should be UTF-8; invalid bytes are replaced rather than
/// raising, so translating an error never fails (file names need not be UTF-8).
py::str text(const std::string& s) {
  return py::reinterpret_steal<py::str>(PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace"));
}

/// A file name as Python spells it (os.fsdecode): bytes that are not UTF-8 become lone
/// surrogates, so that LoadError.path names the file the caller passed. Messages use text().
py::str file_name(const std::string& s) {
  return py::reinterpret_steal<py::str>(PyUnicode_DecodeFSDefaultAndSize(s.data(), static_cast<Py_ssize_t>(s.size())));
}

py::dict diagnostic_dict(const trygg::Diagnostic& d) {
  py::dict out;
  out["file"] = file_name(d.file);
  out["pointer"] = text(d.pointer);
  out["expected"] = text(d.expected);
  out["found"] = text(d.found);
  out["hint"] = text(d.hint);
  out["line"] = d.line;
  out["column"] = d.column;
  out["message"] = text(d.message());
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
      py::object exc = cls(text(e.what()), file_name(first.empty() ? std::string() : first.front().file),
                           text(first.empty() ? std::string() : first.front().pointer), diagnostics, e.total_count());
      PyErr_SetObject(cls.ptr(), exc.ptr());
    } catch (const trygg::UsageError& e) {
      PyErr_SetObject(error_class("UsageError").ptr(), text(e.what()).ptr());
    } catch (const trygg::Error& e) {
      PyErr_SetObject(error_class("Error").ptr(), text(e.what()).ptr());
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
