// SPDX-License-Identifier: MIT
#include "common.hpp"

#include <cmath>

namespace trygg::detail::eval {

Duration period(const RuleInput& in, const char* name, Duration fallback) {
  if (const auto it = in.rule.params.find(name); it != in.rule.params.end() && it->is_string())
    if (auto d = Duration::parse(it->get<std::string>())) return *d;
  return in.measure.cadence.value_or(fallback);
}

double share(const RuleInput& in, const char* name, double fallback) {
  if (const auto it = in.rule.params.find(name); it != in.rule.params.end() && it->is_number())
    return it->get<double>();
  return fallback;
}

std::string text_param(const RuleInput& in, const char* name, std::string fallback) {
  if (const auto it = in.rule.params.find(name); it != in.rule.params.end() && it->is_string())
    return it->get<std::string>();
  return fallback;
}

std::vector<std::string> list_param(const RuleInput& in, const char* name) {
  std::vector<std::string> out;
  if (const auto it = in.rule.params.find(name); it != in.rule.params.end() && it->is_array())
    for (const auto& v : *it)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

std::int64_t longest_days(const Duration& d) {
  return std::int64_t{d.years} * 366 + std::int64_t{d.months} * 31 + d.days;
}

std::string join(const std::vector<std::string>& items) {
  std::string s;
  for (const auto& i : items)
    s += (s.empty() ? "" : ", ") + i;
  return s;
}

std::string percent(double s) {
  return std::to_string(static_cast<int>(std::floor(s * 100.0 + 1e-9))) + " %";
}

Outcome org_outcome(const RuleInput& in, Status status, Message message, Message expected, Message found,
                    std::vector<std::string> evidence) {
  Outcome o;
  o.subject = organisation_subject(in.ctx.org);
  o.status = status;
  o.message = std::move(message);
  o.expected = std::move(expected);
  o.found = std::move(found);
  o.evidence = std::move(evidence);
  return o;
}

bool without_routines(const RuleInput& in, const Message& expected, std::vector<Outcome>& out) {
  if (!in.ctx.org.has_routines) {
    out.push_back(org_outcome(in, Status::not_assessed, Message{"common.no-routines-section"}, expected,
                              Message{"common.found-not-reported"}));
    return true;
  }
  if (in.ctx.routines_of(in.measure_index).empty()) {
    out.push_back(org_outcome(in, Status::fail, Message{"common.no-routine"}, expected, Message{"common.found-none"},
                              {"/routines"}));
    return true;
  }
  return false;
}

std::vector<std::string> routine_evidence(const RuleInput& in) {
  std::vector<std::string> ev;
  for (auto i : in.ctx.routines_of(in.measure_index))
    ev.push_back(in.ctx.routine_pointer(i));
  return ev;
}

}  // namespace trygg::detail::eval
