// SPDX-License-Identifier: MIT
// Rule parameters: checked against the check's parameter kinds, resolved into typed values
// with the check's defaults, and described for docs from those same typed defaults.
#include "params.hpp"

#include "../json_object_reader.hpp"
#include "../json_text.hpp"

#include <algorithm>
#include <stdexcept>

#include "../vocabulary.hpp"

namespace trygg {

const ResolvedParams::Entry* ResolvedParams::find(std::string_view name) const noexcept {
  for (const auto& e : entries)
    if (e.name == name) return &e;
  return nullptr;
}

bool ResolvedParams::has(std::string_view name) const noexcept {
  const Entry* e = find(name);
  return e && !std::holds_alternative<std::monostate>(e->value);
}

namespace {
/// The value of a parameter of type T; nullptr when it has none. A check asking for a
/// parameter it does not list, or for the wrong type, is a programming error.
template <class T>
const T* typed(const ResolvedParams& p, std::string_view name) {
  const auto* e = p.find(name);
  if (!e) throw std::logic_error("no parameter \"" + std::string(name) + "\"");
  if (std::holds_alternative<std::monostate>(e->value)) return nullptr;
  const T* v = std::get_if<T>(&e->value);
  if (!v) throw std::logic_error("parameter \"" + std::string(name) + "\" has another type");
  return v;
}
template <class T>
const T& required(const ResolvedParams& p, std::string_view name) {
  const T* v = typed<T>(p, name);
  if (!v) throw std::logic_error("parameter \"" + std::string(name) + "\" has no value");
  return *v;
}
}  // namespace

Duration ResolvedParams::duration(std::string_view name) const {
  return required<Duration>(*this, name);
}
std::optional<Duration> ResolvedParams::optional_duration(std::string_view name) const {
  const auto* v = typed<Duration>(*this, name);
  return v ? std::optional<Duration>(*v) : std::nullopt;
}
double ResolvedParams::share(std::string_view name) const {
  return required<double>(*this, name);
}
std::uint64_t ResolvedParams::count(std::string_view name) const {
  return required<std::uint64_t>(*this, name);
}
const std::string& ResolvedParams::text(std::string_view name) const {
  return required<std::string>(*this, name);
}
std::optional<std::string> ResolvedParams::optional_text(std::string_view name) const {
  const auto* v = typed<std::string>(*this, name);
  return v ? std::optional<std::string>(*v) : std::nullopt;
}
const std::vector<std::string>& ResolvedParams::list(std::string_view name) const {
  return required<std::vector<std::string>>(*this, name);
}

namespace detail {

std::string describe_value(const ParamValue& v) {
  struct Describe {
    std::string operator()(std::monostate) const { return "none"; }
    std::string operator()(const Duration& d) const { return d.to_string(); }
    std::string operator()(double s) const { return nlohmann::json(s).dump(); }
    std::string operator()(std::uint64_t n) const { return std::to_string(n); }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(const std::vector<std::string>& items) const {
      if (items.empty()) return "none";
      std::string out;
      for (const auto& i : items)
        out += (out.empty() ? "" : ", ") + i;
      return out;
    }
  };
  return std::visit(Describe{}, v);
}

std::string describe_default(const ParamDefault& d) {
  using From = ParamDefault::From;
  switch (d.from) {
    case From::value:
      return describe_value(d.value) + (d.note.empty() ? "" : " (" + d.note + ")");
    case From::absent:
      return d.note.empty() ? "none" : "none: " + d.note;
    case From::measure_cadence:
      return "the measure's cadence, else " + describe_value(d.value);
    case From::measure_audience:
      return "the measure's audience";
    case From::measure_elements:
      return "all elements of the measure";
    case From::by_choice: {
      std::string out;
      for (const auto& [choice, value] : d.by_choice)
        if (!std::holds_alternative<std::monostate>(value))
          out += (out.empty() ? "" : ", ") + d.choice + " " + choice + ": " + describe_value(value);
      return d.note.empty() ? out : out + "; " + d.note;
    }
  }
  return {};
}

Evaluator::Evaluator(std::string name, std::string summary, std::vector<ParamSpec> params,
                     std::vector<std::string> messages)
    : info_{std::move(name), std::move(summary), {}, std::move(messages)}, params_(std::move(params)) {
  for (const auto& p : params_)
    info_.params.push_back(CheckParam{p.name, p.kind, describe_default(p.default_value), p.choices});
}

ExampleRoutine Evaluator::example(ExampleInput&) const {
  return ExampleRoutine::keep;
}

namespace {
/// The value a rule gave, read and checked according to the parameter's kind; monostate when
/// it gave none or a wrong one (reported).
ParamValue read_value(ObjectReader& pr, const ParamSpec& p) {
  auto wrap = [](auto v) -> ParamValue {
    if (!v) return std::monostate{};
    return ParamValue(*v);
  };
  switch (p.kind) {
    case CheckParam::Kind::duration:
      return wrap(pr.duration(p.name, false));
    case CheckParam::Kind::share:
      return wrap(pr.number(p.name, false, 0.0, 1.0));
    case CheckParam::Kind::audience:
      return wrap(pr.one_of(p.name, false, vocabulary::audiences));
    case CheckParam::Kind::parties:
      return wrap(pr.enums(p.name, false, vocabulary::parties));
    case CheckParam::Kind::elements:
      return wrap(pr.ids(p.name, false));
    case CheckParam::Kind::count: {
      const auto n = pr.count(p.name, false);
      return n ? ParamValue(std::uint64_t{*n}) : ParamValue{};
    }
    case CheckParam::Kind::roles:
      return wrap(pr.enums(p.name, false, vocabulary::roles));
    case CheckParam::Kind::case_kinds:
      return wrap(pr.enums(p.name, false, vocabulary::case_kinds));
    case CheckParam::Kind::choice: {
      const std::vector<std::string_view> allowed(p.choices.begin(), p.choices.end());
      return wrap(pr.one_of(p.name, false, allowed));
    }
  }
  return {};
}

/// An `elements` parameter names elements of the rule's measure, at least one.
void check_elements(const std::vector<std::string>& ids, const Measure& m, const std::string& at, Diagnostics& d) {
  if (ids.empty()) d.add(at, "at least one element of measure " + m.id, "an empty array");
  for (std::size_t k = 0; k < ids.size(); ++k)
    if (!m.find_element(ids[k]))
      d.add(at + "/" + std::to_string(k), "an element of measure " + m.id, describe(nlohmann::json(ids[k])));
}
}  // namespace

ResolvedParams resolve_params(const nlohmann::json& params, const Evaluator& check, const Measure* measure,
                              const std::string& base, Diagnostics& d, const std::string* check_pointer) {
  ResolvedParams out;
  const auto& specs = check.params();
  if (specs.empty()) {
    if (!params.is_object() || !params.empty())
      d.add(base, "no parameters (the check \"" + check.info().name + "\" takes none)", describe(params));
    return out;
  }
  std::vector<std::string_view> names;
  for (const auto& p : specs)
    names.push_back(p.name);
  ObjectReader pr(params, base, d, names, "an object of parameters");
  if (!pr.ok()) return out;
  for (const auto& p : specs) {
    ResolvedParams::Entry e{p.name, read_value(pr, p), pr.has(p.name)};
    if (e.given && p.kind == CheckParam::Kind::elements && measure)
      if (const auto* ids = std::get_if<std::vector<std::string>>(&e.value))
        check_elements(*ids, *measure, pr.pointer(p.name), d);
    out.entries.push_back(std::move(e));
  }
  // Defaults: those that depend on a choice last, once the choice itself is resolved.
  using From = ParamDefault::From;
  for (const bool dependent : {false, true})
    for (std::size_t i = 0; i < specs.size(); ++i) {
      auto& e = out.entries[i];
      const ParamDefault& def = specs[i].default_value;
      if (e.given || (def.from == From::by_choice) != dependent) continue;
      switch (def.from) {
        case From::value:
        case From::absent:
          e.value = def.value;
          break;
        case From::measure_cadence:
          e.value = measure && measure->cadence ? ParamValue(*measure->cadence) : def.value;
          break;
        case From::measure_audience:
          if (measure) e.value = measure->audience;
          break;
        case From::measure_elements:
          if (!measure) break;
          if (measure->elements.empty() && check_pointer)
            d.add(*check_pointer, "a measure with elements for the \"" + check.info().name + "\" check",
                  "measure " + measure->id + ", which lists no elements");
          e.value = [&] {
            std::vector<std::string> ids;
            for (const auto& el : measure->elements)
              ids.push_back(el.id);
            return ids;
          }();
          break;
        case From::by_choice: {
          const auto* chosen = out.find(def.choice);
          const auto* text = chosen ? std::get_if<std::string>(&chosen->value) : nullptr;
          for (const auto& [choice, value] : def.by_choice)
            if (text && *text == choice) e.value = value;
          break;
        }
      }
    }
  return out;
}

}  // namespace detail
}  // namespace trygg
