// SPDX-License-Identifier: MIT
// Internal: small helpers shared by the renderers.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "trygg/message.hpp"
#include "trygg/report.hpp"

namespace trygg::render_detail {

inline std::string say(const Report& r, const Message& m, Language lang) {
  return render(m, lang, r.framework);
}
inline std::string word(const std::string& id, Language lang) {
  return render(Message{id}, lang);
}
inline std::string status_word(Status s, Language lang) {
  return word("status." + std::string(to_string(s)), lang);
}
inline std::string severity_word(Severity s, Language lang) {
  return word("severity." + std::string(to_string(s)), lang);
}
inline std::string subject_label(const SubjectView& s, Language lang) {
  if (s.kind == Subject::Kind::organisation) return word("report.organisation-subject", lang);
  std::string label = render(Message{"report.unit-subject", {{"id", s.id}}}, lang);
  if (!s.name.empty()) label += " (" + s.name + ")";
  return label;
}
/// "base 2026.1, se 2026.1": the packs whose rules ran, with their versions.
std::string pack_list(const Report& r);
/// The one-line summary of result counts, in `lang`.
std::string summary_line(const Report& r, Language lang);
/// Findings that only repeat that a measure is missing: when a measure's "present" rule
/// fails, its other findings follow from that. Readers get the "present" finding and one
/// line naming the others (`folded_rules`, by measure); machine formats keep them all.
struct Folding {
  std::vector<char> folded;  ///< per finding
  std::map<std::string, std::vector<std::string>> folded_rules;
};
Folding fold_absent_measures(const Report& r);
/// The line that names a measure's folded rules, or "" when there are none.
std::string folded_line(const Folding& folding, const std::string& measure, Language lang);
/// What a routine requirement is called for readers: its rule's first citation in force
/// ("SFS 2008:567 3 kap. 6 §"), else the rule id.
std::string requirement_label(const Report& r, const RoutineRequirement& q);
/// "satisfied" or "lacks: who investigates, ...", with element titles in `lang`.
std::string requirement_state(const Report& r, const RoutineRequirement& q, Language lang);
/// Area score to one decimal, e.g. "2.3".
std::string one_decimal(double v);
/// Word-wrap to `width` columns (counting UTF-8 code points). The first line is prefixed by
/// `indent`, the others by `rest` (default: the same).
std::string wrap(const std::string& text, std::size_t width, const std::string& indent,
                 const std::string* rest = nullptr);

}  // namespace trygg::render_detail
