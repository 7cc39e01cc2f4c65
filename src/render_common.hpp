// SPDX-License-Identifier: MIT
// Internal: small helpers shared by the renderers.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "reader_view.hpp"
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
/// What a routine requirement is called for readers: its rule's first citation in force
/// ("SFS 2008:567 3 kap. 6 §"), else the rule id.
std::string requirement_label(const Report& r, const RoutineRequirement& q);
/// "satisfied" or "lacks: who investigates, ...", with element titles in `lang`.
std::string requirement_state(const Report& r, const RoutineRequirement& q, Language lang);
/// The reader view's words, shared by every format for people (src/reader_view.hpp). Each
/// returns plain text in `lang`; a format escapes it as it writes it.
/// "ORG-03 Rutin för hantering av anmälningar": the entry's measure id and title.
std::string entry_title(const Report& r, const detail::ReaderEntry& e, Language lang);
/// The entry's citations in short human form, by source: "diskrimineringslagen 3 kap. 6 §,
/// 3 kap. 2 §; AFS 2023:2 2 kap. 11 §; ramverket ORG-03".
std::string entry_citations(const Report& r, const detail::ReaderEntry& e, Language lang);
/// The heading of a part: "Lag och föreskrift" or "God praxis (ramverket)".
std::string part_heading(detail::ReaderPart part, Language lang);
/// "a, b, c and 24 more": the first `n` of `items` and how many more there are.
std::string list_with_more(const std::vector<std::string>& items, std::size_t more, Language lang);
/// "27 units: a, b, c and 24 more", for a unit-level rule of an entry.
std::string units_line(const Report& r, const detail::ReaderRule& q, Language lang, std::size_t first = 3);
/// The line naming the rules of an absent measure that follow from its absence, or "".
std::string folded_rules_line(const Report& r, const detail::ReaderEntry& e, Language lang);
/// A source the findings of a view cite, for a list of sources: its short name and full
/// reference in `lang` and its url ("" if none); a source no pack defines as written.
struct CitedSource {
  std::string name, reference, url;
};
/// Every source cited by the view's entries, each once, in order of first citation.
std::vector<CitedSource> cited_sources(const Report& r, const detail::ReaderView& view, Language lang);
/// Area score to one decimal, e.g. "2.3".
std::string one_decimal(double v);
/// Word-wrap to `width` columns (counting UTF-8 code points). The first line is prefixed by
/// `indent`, the others by `rest` (default: the same).
std::string wrap(const std::string& text, std::size_t width, const std::string& indent,
                 const std::string* rest = nullptr);

}  // namespace trygg::render_detail
