// SPDX-License-Identifier: MIT
// C++ errors become the Python hierarchy of trygg._errors (trygg.Error and subclasses), with
// the diagnostics as attributes. The classes live in Python so that they pickle and are
// documented like the rest of the package.
#include "register.hpp"

#include <pybind11/stl.h>

#include <chrono>

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

namespace {
// Python runs signal handlers on its main thread only; elsewhere the hook need not take the
// GIL at all (taking it would make a loading worker wait for the other threads).
unsigned long main_thread_ident = 0;  // NOLINT: set once when the module is imported
}  // namespace

std::function<bool()> interrupt_check() {
  if (PyThread_get_thread_ident() != main_thread_ident) return {};
  // Rate-limited: the loader asks every few thousand values, and each check takes the GIL.
  return [last = std::chrono::steady_clock::time_point{}]() mutable {
    const auto now = std::chrono::steady_clock::now();
    if (now - last < std::chrono::milliseconds(20)) return false;
    last = now;
    py::gil_scoped_acquire gil;
    return PyErr_CheckSignals() != 0;
  };
}

py::object python_error(const std::exception_ptr& p) {
  try {
    std::rethrow_exception(p);
  } catch (const trygg::LoadError& e) {
    py::list diagnostics;
    for (const auto& d : e.diagnostics())
      diagnostics.append(diagnostic_dict(d));
    const auto& first = e.diagnostics();
    return error_class("LoadError")(text(e.what()), file_name(first.empty() ? std::string() : first.front().file),
                                    text(first.empty() ? std::string() : first.front().pointer), diagnostics,
                                    e.total_count());
  } catch (const trygg::UsageError& e) {
    return error_class("UsageError")(text(e.what()));
  } catch (const std::exception& e) {
    return error_class("Error")(text(e.what()));
  } catch (...) {
    return error_class("Error")(py::str("unknown error"));
  }
}

void register_errors(py::module_& m) {
  main_thread_ident = py::module_::import("threading").attr("main_thread")().attr("ident").cast<unsigned long>();
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const trygg::Cancelled&) {
      // Set by interrupt_check() when a signal handler raised; otherwise (a hook from C++
      // code) it reads as the interrupt it stands for.
      if (!PyErr_Occurred()) PyErr_SetNone(PyExc_KeyboardInterrupt);
    } catch (const trygg::Error&) {
      py::object exc = python_error(std::current_exception());
      PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(exc.ptr())), exc.ptr());
    }
  });
  m.def(
      "_raise_for_test",
      [](const std::string& kind) {
        if (kind == "load")
          throw trygg::LoadError({trygg::Diagnostic{"f.json", "/units/0", "an id", "null", "", 0, 0}});
        if (kind == "usage") throw trygg::UsageError("bad usage");
        if (kind == "cancelled") throw trygg::Cancelled();
        throw trygg::Error("generic");
      },
      "Raise a C++ error of the given kind, to test the translation. Internal.");
}
