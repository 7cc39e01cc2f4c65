// SPDX-License-Identifier: MIT
// The report's own tables: messages, evidence and unit labels stored once, compactly, so that a
// result is a small value (docs/architecture.md, "Results").
#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "message_catalogue.hpp"
#include "trygg/report.hpp"

namespace trygg {

std::string fingerprint_text(std::uint64_t fingerprint) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, fingerprint >>= 4)
    out[static_cast<std::size_t>(i)] = digits[fingerprint & 0xf];
  return out;
}

std::uint16_t Report::intern(std::vector<std::string>& table, std::string_view s) {
  // Few distinct names per report (a few dozen): a linear search beats hashing here.
  for (std::size_t i = 0; i < table.size(); ++i)
    if (table[i] == s) return static_cast<std::uint16_t>(i);
  if (table.size() >= local_id) throw std::length_error("too many distinct names in one report");
  table.emplace_back(s);
  return static_cast<std::uint16_t>(table.size() - 1);
}

MessageRef Report::store(const Message& m) {
  MessageRef ref;
  if (const auto p = detail::catalogue_position(m.id))
    ref.id = *p;
  else
    ref.id = static_cast<std::uint16_t>(local_id + intern(message_ids_, m.id));
  ref.first_arg = static_cast<std::uint32_t>(args_.size());
  ref.args = static_cast<std::uint16_t>(m.args.size());
  for (const auto& [name, value] : m.args) {
    args_.push_back(Arg{static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(value.size()),
                        intern(arg_names_, name)});
    text_ += value;
  }
  return ref;
}

std::string_view Report::message_id(const MessageRef& m) const {
  if (m.id >= local_id) return message_ids_.at(m.id - local_id);
  return detail::catalogue_id(m.id);
}

std::pair<std::string_view, std::string_view> Report::message_arg(const MessageRef& m, std::size_t k) const {
  if (k >= m.args) throw std::out_of_range("Report::message_arg: no such argument");
  const Arg& a = args_.at(m.first_arg + k);
  return {arg_names_.at(a.name), text(a.offset, a.size)};
}

Message Report::message(const MessageRef& m) const {
  Message out{std::string(message_id(m))};
  out.args.reserve(m.args);
  for (std::size_t k = 0; k < m.args; ++k) {
    const auto [name, value] = message_arg(m, k);
    out.args.emplace_back(std::string(name), std::string(value));
  }
  return out;
}

void Report::store_evidence(Result& r, const std::vector<std::string>& pointers) {
  r.evidence_first = static_cast<std::uint32_t>(evidence_.size());
  r.evidence_count = static_cast<std::uint16_t>(std::min<std::size_t>(pointers.size(), 0xffff));
  for (std::size_t k = 0; k < r.evidence_count; ++k) {
    const std::string_view p = pointers[k];
    // "/routines/3/last_reviewed": the path around the first index, and the index. A pointer
    // without one ("/headcount") is all path.
    EvidenceRef e;
    std::string_view prefix = p, suffix;
    for (std::size_t i = 1; i < p.size(); ++i) {
      if (p[i - 1] != '/' || p[i] < '0' || p[i] > '9') continue;
      std::size_t j = i;
      while (j < p.size() && p[j] >= '0' && p[j] <= '9')
        ++j;
      // A JSON Pointer array index has no leading zero; anything else stays text.
      if ((j < p.size() && p[j] != '/') || (p[i] == '0' && j - i > 1)) continue;
      Index index = 0;
      const auto [end, ec] = std::from_chars(p.data() + i, p.data() + j, index);
      if (ec != std::errc() || index == no_index) continue;
      e.index = index;
      prefix = p.substr(0, i);
      suffix = p.substr(j);
      break;
    }
    std::size_t path = 0;
    while (path < paths_.size() && (paths_[path].prefix != prefix || paths_[path].suffix != suffix))
      ++path;
    if (path == paths_.size()) paths_.push_back(Path{std::string(prefix), std::string(suffix)});
    e.path = static_cast<std::uint32_t>(path);
    evidence_.push_back(e);
  }
}

std::string Report::pointer(const EvidenceRef& e) const {
  const Path& p = paths_.at(e.path);
  if (e.index == no_index) return p.prefix + p.suffix;
  return p.prefix + std::to_string(e.index) + p.suffix;
}

std::vector<std::string> Report::evidence(const Result& r) const {
  std::vector<std::string> out;
  out.reserve(r.evidence_count);
  for (std::uint32_t k = 0; k < r.evidence_count; ++k)
    out.push_back(pointer(evidence_.at(r.evidence_first + k)));
  return out;
}

void Report::store_unit(Index unit, std::string_view id, std::string_view name) {
  UnitLabel l{unit, static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(id.size()), 0, 0};
  text_ += id;
  l.name_offset = static_cast<std::uint32_t>(text_.size());
  l.name_size = static_cast<std::uint32_t>(name.size());
  text_ += name;
  units_.push_back(l);
  units_sorted_ = false;
}

void Report::finish() {
  if (units_sorted_) return;
  std::stable_sort(units_.begin(), units_.end(),
                   [](const UnitLabel& a, const UnitLabel& b) { return a.unit < b.unit; });
  units_.erase(std::unique(units_.begin(), units_.end(),
                           [](const UnitLabel& a, const UnitLabel& b) { return a.unit == b.unit; }),
               units_.end());
  units_sorted_ = true;
}

const Report::UnitLabel* Report::label(Index unit) const {
  if (!units_sorted_) throw std::logic_error("Report::finish() was not called after store_unit()");
  const auto it =
      std::lower_bound(units_.begin(), units_.end(), unit, [](const UnitLabel& l, Index u) { return l.unit < u; });
  return it != units_.end() && it->unit == unit ? &*it : nullptr;
}

std::string_view Report::subject_id(const Subject& s) const {
  if (s.kind == Subject::Kind::organisation) return organisation_id;
  const UnitLabel* l = label(s.unit);
  return l ? text(l->id_offset, l->id_size) : std::string_view{};
}

std::string_view Report::subject_name(const Subject& s) const {
  if (s.kind == Subject::Kind::organisation) return organisation_name;
  const UnitLabel* l = label(s.unit);
  return l ? text(l->name_offset, l->name_size) : std::string_view{};
}

std::string Report::subject_pointer(const Subject& s) const {
  if (s.kind == Subject::Kind::organisation) return "";
  return "/units/" + std::to_string(s.unit);
}

ResultView Report::view(const Result& r) const {
  const Rule& ru = rule(r);
  const Measure& m = measure(r);
  ResultView v;
  v.rule = ru.id;
  v.measure = m.id;
  v.area = m.area;
  v.check = ru.check;
  v.subject = SubjectView{r.subject.kind, r.subject.unit, std::string(subject_id(r.subject)),
                          std::string(subject_name(r.subject)), subject_pointer(r.subject)};
  v.status = r.status;
  v.severity = ru.severity;
  v.obligation = ru.obligation;
  v.message = message(r.message);
  v.expected = message(r.expected);
  v.found = message(r.found);
  v.evidence = evidence(r);
  v.next_due = r.next_due;
  return v;
}

}  // namespace trygg
