// SPDX-License-Identifier: MIT
// Many audits in one call (trygg.audit_many): the sources are handed to trygg::audit_batch,
// which loads and audits them on its own threads with the GIL released; this thread takes the
// GIL only to report progress and to check for Ctrl-C.
#include <pybind11/stl.h>

#include <tuple>

#include "register.hpp"
#include "trygg/batch.hpp"
#include "trygg/error.hpp"
#include "trygg/report_bytes.hpp"
#include "trygg/waiver.hpp"

namespace {
/// (kind, value, name): kind 0 = a path, 1 = JSON text.
using Source = std::tuple<int, std::string, std::string>;
using Limits = std::tuple<std::uintmax_t, std::size_t, std::size_t, std::size_t, std::size_t>;

trygg::BatchOptions batch_options(const std::optional<std::string>& as_of, const std::optional<std::string>& lang,
                                  unsigned threads, bool stop_on_error, py::object progress) {
  trygg::BatchOptions o;
  o.audit = audit_options(as_of, lang);
  o.threads = threads;
  o.stop_on_error = stop_on_error;
  o.audit.cancelled = interrupt_check();  // Ctrl-C stops the batch (KeyboardInterrupt)
  if (!progress.is_none())
    o.progress = [progress](std::size_t done, std::size_t total) {
      py::gil_scoped_acquire gil;
      progress(done, total);  // a Python exception becomes error_already_set and stops the batch
    };
  return o;
}

/// [(source, Report or None, error or None)] in input order.
py::list items_to_python(std::vector<trygg::BatchItem>&& items) {
  py::list out;
  for (auto& item : items) {
    py::object report = py::none();
    py::object error = py::none();
    if (item.report) report = py::cast(std::move(*item.report));
    if (item.error) error = python_error(item.error);
    out.append(py::make_tuple(item.source, report, error));
  }
  return out;
}
}  // namespace

void register_batch(py::module_& m) {
  m.def(
      "audit_batch",
      [](const std::vector<Source>& sources, const trygg::Framework& fw, const Limits& limits,
         std::optional<std::string> as_of, std::optional<std::string> lang, unsigned threads, bool stop_on_error,
         py::object progress, const std::vector<const trygg::WaiverList*>& waivers, std::uint32_t max_months,
         std::uint32_t max_months_legal) {
        std::vector<trygg::BatchSource> in;
        in.reserve(sources.size());
        for (const auto& [kind, value, name] : sources)
          in.push_back({kind == 0 ? trygg::BatchSource::Kind::path : trygg::BatchSource::Kind::text, value, name});
        trygg::BatchOptions o = batch_options(as_of, lang, threads, stop_on_error, std::move(progress));
        set_waivers(o.audit, waivers, max_months, max_months_legal);
        std::tie(o.limits.max_file_bytes, o.limits.max_depth, o.limits.max_entities, o.limits.max_string_bytes,
                 o.limits.max_errors) = limits;
        std::vector<trygg::BatchItem> items;
        {
          py::gil_scoped_release release;
          items = trygg::audit_batch(in, fw, o);
        }
        return items_to_python(std::move(items));
      },
      py::arg("sources"), py::arg("framework"), py::arg("limits"), py::arg("as_of"), py::arg("lang"),
      py::arg("threads"), py::arg("stop_on_error"), py::arg("progress"),
      py::arg("waivers") = std::vector<const trygg::WaiverList*>{}, py::arg("max_months") = 12,
      py::arg("max_months_legal") = 6);

  m.def(
      "audit_batch_organisations",
      [](const std::vector<const trygg::Organisation*>& organisations, const trygg::Framework& fw,
         std::optional<std::string> as_of, std::optional<std::string> lang, unsigned threads, py::object progress,
         const std::vector<const trygg::WaiverList*>& waivers, std::uint32_t max_months,
         std::uint32_t max_months_legal) {
        trygg::BatchOptions o = batch_options(as_of, lang, threads, false, std::move(progress));
        set_waivers(o.audit, waivers, max_months, max_months_legal);
        std::vector<trygg::BatchItem> items;
        {
          py::gil_scoped_release release;
          items = trygg::audit_batch(organisations, fw, o);
        }
        return items_to_python(std::move(items));
      },
      py::arg("organisations"), py::arg("framework"), py::arg("as_of"), py::arg("lang"), py::arg("threads"),
      py::arg("progress"), py::arg("waivers") = std::vector<const trygg::WaiverList*>{}, py::arg("max_months") = 12,
      py::arg("max_months_legal") = 6);

  // Pickling: a report as bytes (include/trygg/report_bytes.hpp); the framework goes with it
  // separately, pickled once however many reports share it.
  m.def("report_to_bytes", [](const trygg::Report& r) {
    std::string bytes;
    {
      py::gil_scoped_release release;
      bytes = trygg::report_to_bytes(r);
    }
    return py::bytes(bytes);
  });
  m.def("report_from_bytes", [](const py::bytes& b, const trygg::Framework& fw) {
    const std::string_view bytes = b;
    py::gil_scoped_release release;
    return trygg::report_from_bytes(bytes, fw);
  });
  m.def("framework_with_pack_texts", &trygg::Framework::with_pack_texts, py::arg("texts"), py::arg("builtin"),
        py::call_guard<py::gil_scoped_release>());
  m.def("framework_digest", [](const trygg::Framework& fw) { return trygg::framework_digest(fw); });
}
