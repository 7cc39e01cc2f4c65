// SPDX-License-Identifier: MIT
// The columns of a set of reports' frames (ReportSet.findings_frame() and the others), handed
// to Python in one call: numpy arrays of codes and numbers plus the category lists they index,
// so that no Python object is made per result. The Python layer wraps the codes in
// pandas.Categorical.from_codes without copying the strings again.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <unordered_map>

#include "register.hpp"
#include "trygg/report.hpp"
#include "trygg/report_bytes.hpp"
#include "trygg/size_band.hpp"

namespace {

template <class T>
py::array_t<T> to_array(std::vector<T>&& v) {
  auto* heap = new std::vector<T>(std::move(v));
  py::capsule owner(heap, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  return py::array_t<T>({static_cast<py::ssize_t>(heap->size())}, {static_cast<py::ssize_t>(sizeof(T))}, heap->data(),
                        owner);
}

template <class E, std::size_t N>
py::list enum_names(const E (&values)[N]) {
  py::list out;
  for (E v : values)
    out.append(std::string(trygg::to_string(v)));
  return out;
}

py::list ids_of(const auto& items) {
  py::list out;
  for (const auto& x : items)
    out.append(x.id);
  return out;
}

/// Codes into a list of distinct strings, first seen first.
struct Interner {
  std::unordered_map<std::string, std::int32_t> codes;
  std::vector<std::string> values;
  std::int32_t code(std::string_view s) {
    auto [it, fresh] = codes.try_emplace(std::string(s), static_cast<std::int32_t>(values.size()));
    if (fresh) values.emplace_back(s);
    return it->second;
  }
};

const trygg::Framework& common_framework(const std::vector<const trygg::Report*>& reports) {
  static const trygg::Framework empty;
  if (reports.empty()) return empty;
  const std::uint64_t digest = trygg::framework_digest(reports.front()->framework);
  for (const auto* r : reports)
    if (trygg::framework_digest(r->framework) != digest)
      throw py::value_error("the reports were made with different frameworks; make frames of each framework's reports");
  return reports.front()->framework;
}

py::dict columns(const std::vector<const trygg::Report*>& reports, const std::string& table) {
  const trygg::Framework& fw = common_framework(reports);
  py::dict out;
  out["rule_ids"] = ids_of(fw.rules());
  out["measure_ids"] = ids_of(fw.measures());
  out["area_ids"] = ids_of(fw.areas());
  constexpr trygg::Status statuses[] = {trygg::Status::pass,         trygg::Status::fail,
                                        trygg::Status::partial,      trygg::Status::not_applicable,
                                        trygg::Status::not_assessed, trygg::Status::waived};
  constexpr trygg::Severity severities[] = {trygg::Severity::info, trygg::Severity::low, trygg::Severity::medium,
                                            trygg::Severity::high, trygg::Severity::critical};
  constexpr trygg::Obligation obligations[] = {trygg::Obligation::law, trygg::Obligation::regulation,
                                               trygg::Obligation::good_practice};
  out["statuses"] = enum_names(statuses);
  out["severities"] = enum_names(severities);
  out["obligations"] = enum_names(obligations);

  std::vector<std::int32_t> org, rule, measure, area, subject, order, count;
  std::vector<std::uint8_t> kind, status, severity, obligation;
  std::vector<std::int32_t> due;
  std::vector<double> score;
  std::string fingerprints;
  std::vector<std::string> rules_text;
  Interner subjects;
  std::unordered_map<std::string_view, std::int32_t> area_code, measure_code;
  for (std::size_t i = 0; i < fw.areas().size(); ++i)
    area_code.emplace(fw.areas()[i].id, static_cast<std::int32_t>(i));
  for (std::size_t i = 0; i < fw.measures().size(); ++i)
    measure_code.emplace(fw.measures()[i].id, static_cast<std::int32_t>(i));
  const auto code_of = [](const auto& map, std::string_view id) {
    const auto it = map.find(id);
    return it == map.end() ? std::int32_t{-1} : it->second;
  };
  const auto add_result = [&](std::int32_t o, const trygg::Report& r, const trygg::Result& x) {
    org.push_back(o);
    rule.push_back(static_cast<std::int32_t>(x.rule));
    const auto m = fw.rule_measure(x.rule);
    measure.push_back(static_cast<std::int32_t>(m));
    area.push_back(code_of(area_code, fw.measures()[m].area));
    kind.push_back(static_cast<std::uint8_t>(x.subject.kind));
    subject.push_back(subjects.code(r.subject_id(x.subject)));
    status.push_back(static_cast<std::uint8_t>(x.status));
    severity.push_back(static_cast<std::uint8_t>(r.severity(x)));
    obligation.push_back(static_cast<std::uint8_t>(r.obligation(x)));
  };
  {
    py::gil_scoped_release release;  // the loops below touch no Python object
    for (std::size_t ri = 0; ri < reports.size(); ++ri) {
      const trygg::Report& r = *reports[ri];
      const auto o = static_cast<std::int32_t>(ri);
      if (table == "results") {
        for (const auto& x : r.results)
          add_result(o, r, x);
      } else if (table == "findings") {
        for (const auto& f : r.findings) {
          add_result(o, r, r.results[f.result]);
          due.push_back(f.due.days_since_epoch());
          fingerprints += trygg::fingerprint_text(f.fingerprint);
        }
      } else if (table == "area_scores") {
        for (const auto& a : r.area_scores) {
          org.push_back(o);
          area.push_back(code_of(area_code, a.area));
          score.push_back(a.score);
          count.push_back(a.measures);
          order.push_back(a.findings);
        }
      } else if (table == "measure_scores") {
        for (const auto& s : r.measure_scores) {
          org.push_back(o);
          measure.push_back(code_of(measure_code, s.measure));
          area.push_back(code_of(area_code, s.area));
          score.push_back(s.maturity);
        }
      } else if (table == "plan") {
        for (std::size_t k = 0; k < r.action_plan.size(); ++k) {
          const auto& e = r.action_plan[k];
          org.push_back(o);
          order.push_back(static_cast<std::int32_t>(k + 1));
          measure.push_back(code_of(measure_code, e.measure));
          area.push_back(code_of(area_code, e.area));
          severity.push_back(static_cast<std::uint8_t>(e.severity));
          due.push_back(e.due.days_since_epoch());
          count.push_back(static_cast<std::int32_t>(e.fingerprints.size()));
          std::string joined;
          for (const auto& id : e.rules)
            joined += (joined.empty() ? "" : " ") + id;
          rules_text.push_back(std::move(joined));
        }
      }
    }
  }
  if (table != "results" && table != "findings" && table != "area_scores" && table != "measure_scores" &&
      table != "plan")
    throw py::value_error("unknown table \"" + table + "\"");
  out["organisation"] = to_array(std::move(org));
  out["rule"] = to_array(std::move(rule));
  out["measure"] = to_array(std::move(measure));
  out["area"] = to_array(std::move(area));
  out["subject_kind"] = to_array(std::move(kind));
  out["subject_id"] = to_array(std::move(subject));
  out["subject_ids"] = subjects.values;
  out["status"] = to_array(std::move(status));
  out["severity"] = to_array(std::move(severity));
  out["obligation"] = to_array(std::move(obligation));
  out["due"] = to_array(std::move(due));
  out["score"] = to_array(std::move(score));
  out["count"] = to_array(std::move(count));
  out["order"] = to_array(std::move(order));
  out["fingerprint"] = py::bytes(fingerprints);
  out["rules"] = rules_text;
  return out;
}
}  // namespace

void register_report_columns(py::module_& m) {
  m.def("size_band", [](std::optional<std::uint32_t> headcount) {
    return std::string(trygg::to_string(trygg::size_band(headcount)));
  });
  m.def("report_columns", &columns, py::arg("reports"), py::arg("table"));
  m.def("organisation_columns", [](const std::vector<const trygg::Report*>& reports) {
    py::dict out;
    py::list ids, countries, sectors, bands, headcounts, names;
    for (const auto* r : reports) {
      ids.append(r->organisation_id);
      names.append(r->organisation_name);
      countries.append(r->country);
      sectors.append(r->sector);
      bands.append(std::string(trygg::to_string(trygg::size_band(r->headcount))));
      headcounts.append(r->headcount ? py::cast(*r->headcount) : py::none());
    }
    out["id"] = ids;
    out["name"] = names;
    out["country"] = countries;
    out["sector"] = sectors;
    out["size_band"] = bands;
    out["headcount"] = headcounts;
    return out;
  });
}
