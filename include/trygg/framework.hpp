// SPDX-License-Identifier: MIT
/// \file framework.hpp
/// The prevention framework: areas, measures and rules, loaded from packs (JSON data).
/// A Framework never mentions an organisation; it is immutable once built and cheap to
/// copy (the data is shared), so one instance can serve many audits and threads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "trygg/check.hpp"
#include "trygg/date.hpp"
#include "trygg/types.hpp"

namespace trygg {

/// Where an item was defined, for error messages: the pack file and a JSON Pointer.
struct SourceLocation {
  std::string file;
  std::string pointer;
};

/// A reference to the authority behind a measure or rule: a seed document and item,
/// or an act and paragraph.
/// A citation may be valid only for a period: Swedish work-environment provisions were
/// renumbered on 2025-01-01 (AFS 2015:4 became AFS 2023:2 kap. 2), so a finding as of 2024
/// cites the provision then in force.
struct Citation {
  std::string source;         ///< e.g. "seed-004", "AFS 2023:2", "SFS 2008:567"
  std::string locator;        ///< e.g. "Ledarskap, exempel 1", "2 kap. 11 §"
  std::string url;            ///< optional
  std::optional<Date> from;   ///< in force from (inclusive); nullopt = always
  std::optional<Date> until;  ///< in force until (inclusive); nullopt = still in force

  /// Whether the cited provision is in force on `date`.
  [[nodiscard]] bool in_force(Date date) const noexcept {
    return (!from || *from <= date) && (!until || date <= *until);
  }
};

/// The citations in force on `date`, in their order.
[[nodiscard]] std::vector<Citation> citations_in_force(const std::vector<Citation>& citations, Date date);

/// Citations as JSON: [{"source", "locator", "url" (when set)}], as in the pack format.
[[nodiscard]] nlohmann::json citations_to_json(const std::vector<Citation>& citations);

/// One of the seven areas of the framework form (seed 004).
struct Area {
  std::string id;    ///< e.g. "leadership"
  std::string code;  ///< e.g. "LEAD", the prefix of its measures' ids
  int order = 0;     ///< position in reports
  Text title, goal;
  std::vector<Citation> sources;
  std::string pack;
  SourceLocation location;
};

/// Something a routine for a measure must state.
struct Element {
  std::string id;
  Text title;
};

/// A preventive measure: the unit of the catalogue ("Exempel" in seed 004).
struct Measure {
  std::string id;    ///< stable, never reused, e.g. "ORG-03"
  std::string name;  ///< stable kebab-case slug, e.g. "complaint-routine"
  std::string area;  ///< area id
  Text title, description;
  Text proposal;  ///< the åtgärdsförslag: what to do when it is missing or weak
  std::vector<Citation> sources;
  std::optional<Duration> cadence;  ///< how often it recurs, when it does
  std::string audience;             ///< who it is for, e.g. "managers"
  std::vector<Element> elements;    ///< what a routine for it must state
  std::vector<std::string> depends_on;
  Severity severity = Severity::medium;
  std::string pack;
  SourceLocation location;

  [[nodiscard]] const Element* find_element(std::string_view element_id) const noexcept;
};

/// When a rule applies. Every present condition must hold; an empty one always holds.
/// `any_of` adds alternatives of which at least one must hold as well, for duties whose
/// scope differs by sector and size (SFS 2021:890: public employers and private ones with
/// 250 or more from 2022-07-17, private ones with 50 to 249 from 2023-12-17).
struct Applicability {
  std::vector<std::string> countries;  ///< ISO 3166-1 alpha-2
  std::vector<std::string> sectors;    ///< "public", "private"
  std::vector<std::string> flags_any;  ///< organisation activity flags, any of them
  std::vector<std::string> flags_all;  ///< organisation activity flags, all of them
  std::optional<std::uint32_t> min_headcount, max_headcount;
  std::string headcount_basis = "total";  ///< "total", "start-of-year" or "regular"
  std::optional<Date> from, until;        ///< effective dates, inclusive
  std::vector<Applicability> any_of;      ///< alternatives (one level; they have no any_of)

  [[nodiscard]] bool empty() const noexcept;
};

/// A checkable requirement bound to a measure, evaluated by one generic check.
struct Rule {
  std::string id;       ///< stable, never reused, e.g. "ORG-03/elements"
  std::string measure;  ///< measure id
  std::string check;    ///< evaluator name, e.g. "elements"
  Obligation obligation = Obligation::good_practice;
  std::optional<Severity> own_severity;  ///< as written in the pack, if at all
  Severity severity = Severity::medium;  ///< effective: own_severity, else the measure's (set by from_packs)
  nlohmann::json params = nlohmann::json::object();  ///< as written in the pack (or merged by a profile)
  ResolvedParams resolved_params;  ///< `params` checked and typed, defaults filled in (set by from_packs)
  Applicability applies_if;
  std::vector<Citation> citations;  ///< the rule's own, else the measure's sources
  Text rationale;                   ///< why the rule exists (required for law and regulation)
  Text evidence;                    ///< what in the input counts as evidence (idem)
  bool preview = false;             ///< preview rules run only when asked for
  std::string pack;
  SourceLocation location;
};

/// A document the framework itself rests on (a seed document such as "seed-004"), in a form
/// a reader can look up: a bibliographic reference in each language and, when known, a link.
/// Citations name it by `id` in their `source`.
struct Source {
  std::string id;    ///< e.g. "seed-004", as used in Citation::source
  Text reference;    ///< author or publisher, title, year: the human form
  std::string url;   ///< optional
  std::string pack;  ///< the pack that defines it
  /// What a reader calls it next to a locator, in each language ("diskrimineringslagen",
  /// "the Discrimination Act (SE)"); optional: the reference is used where it is empty.
  Text short_name;
  /// The prevention framework itself (seed 004): a finding cites it by its measure
  /// ("ramverket ORG-03"), since every measure is one row of the framework's form.
  bool framework = false;
};

/// One pack as read from its JSON file, before it is combined with others.
struct Pack {
  std::string id, version;
  Text title, description;
  std::vector<Source> sources;
  std::vector<Area> areas;
  std::vector<Measure> measures;
  std::vector<Rule> rules;
  std::string file;
};

namespace detail {
struct FrameworkData;
}

/// Figures about fewer people than this are not shown (docs/privacy.md), unless a profile
/// says otherwise (`min_group_size`); no profile may go below lowest_min_group_size.
inline constexpr std::uint32_t default_min_group_size = 5;
inline constexpr std::uint32_t lowest_min_group_size = 3;

/// A validated set of packs.
class Framework {
 public:
  /// An empty framework (no packs).
  Framework();

  /// The packs compiled into the library. An empty list selects every built-in pack.
  /// Throws UsageError for an unknown pack id.
  [[nodiscard]] static Framework builtin(const std::vector<std::string>& packs = {});
  /// Built-in packs (`builtin`: their ids; empty: all) plus packs read from files. Throws
  /// LoadError for a bad file, UsageError for an unknown built-in pack.
  [[nodiscard]] static Framework with_pack_files(const std::vector<std::filesystem::path>& files,
                                                 const std::vector<std::string>& builtin = {});
  /// The same with packs given as text: (name for diagnostics, JSON text) pairs. Rebuilds a
  /// framework in another process from what it was built of (Python's pickle).
  [[nodiscard]] static Framework with_pack_texts(const std::vector<std::pair<std::string, std::string>>& texts,
                                                 const std::vector<std::string>& builtin = {});
  /// Ids of the packs compiled into the library, in load order.
  [[nodiscard]] static std::vector<std::string> builtin_pack_ids();

  /// Parse one pack. Throws LoadError with every problem found.
  [[nodiscard]] static Pack parse_pack(std::string_view json_text, const std::string& file = "<memory>");
  /// Read and parse one pack file.
  [[nodiscard]] static Pack load_pack(const std::filesystem::path& path);
  /// The built-in pack with this id (throws UsageError if there is none).
  [[nodiscard]] static Pack builtin_pack(std::string_view id);

  /// Combine packs, checking what spans them: duplicate ids, dangling references and
  /// dependency cycles. Throws LoadError naming the culprit.
  [[nodiscard]] static Framework from_packs(std::vector<Pack> packs);

  [[nodiscard]] const std::vector<Pack>& packs() const noexcept;
  /// Areas in report order.
  [[nodiscard]] const std::vector<Area>& areas() const noexcept;
  /// Measures in report order (area order, then id).
  [[nodiscard]] const std::vector<Measure>& measures() const noexcept;
  /// Rules sorted by id.
  [[nodiscard]] const std::vector<Rule>& rules() const noexcept;

  [[nodiscard]] const Area* find_area(std::string_view id) const noexcept;
  [[nodiscard]] const Measure* find_measure(std::string_view id) const noexcept;
  [[nodiscard]] const Rule* find_rule(std::string_view id) const noexcept;
  /// The source a citation names (its `source`), or nullptr for one no pack defines (an act,
  /// a regulation, guidance cited by its own name).
  [[nodiscard]] const Source* find_source(std::string_view id) const noexcept;
  /// The rule or measure id closest to `id` within a small edit distance (for a
  /// "did you mean" hint after a typo: "ORG-3" gives "ORG-03"), or "" when none is close.
  [[nodiscard]] std::string closest_id(std::string_view id) const;
  /// A citation as a person reads it: for a known source, its reference in `lang`, then
  /// ", " and the locator; otherwise the citation's source, then " " and the locator.
  [[nodiscard]] std::string cite(const Citation& c, Language lang) const;
  /// The same in the short form readers use next to a finding: a known source's `short` name
  /// (else its reference), a space and the locator ("diskrimineringslagen 3 kap. 6 §").
  [[nodiscard]] std::string cite_short(const Citation& c, Language lang) const;
  /// Position in measures() of the measure of the rule at `rule` in rules(), resolved once
  /// when the framework is built.
  [[nodiscard]] std::size_t rule_measure(std::size_t rule) const { return rule_measures().at(rule); }
  /// The same for every rule, indexed like rules().
  [[nodiscard]] const std::vector<std::uint32_t>& rule_measures() const noexcept;
  /// For each measure, the positions in measures() of the measures it depends on (its
  /// `depends_on`, resolved once).
  [[nodiscard]] const std::vector<std::vector<std::size_t>>& measure_dependencies() const noexcept;
  /// Position in trygg::checks() of each rule's check, indexed like rules(), resolved once.
  [[nodiscard]] const std::vector<std::uint32_t>& rule_checks() const noexcept;
  /// Position of a measure in measures(), or nullopt.
  [[nodiscard]] std::optional<std::size_t> measure_index(std::string_view id) const noexcept;
  /// Measures ordered so that each comes after those it depends on (ties: area order, id).
  [[nodiscard]] const std::vector<std::size_t>& dependency_order() const noexcept;

  /// The framework as data: {"packs": [...], "sources": [...], "areas": [...], "measures": [...],
  /// "rules": [...]},
  /// each entry in the pack format (docs/pack-format.md) plus its "pack". Rules carry their
  /// effective severity and citations.
  [[nodiscard]] nlohmann::json to_json() const;

  /// The smallest group a figure may be shown for (docs/privacy.md): documents and checks
  /// hide figures about fewer people. default_min_group_size unless a profile set it.
  [[nodiscard]] std::uint32_t min_group_size() const noexcept { return min_group_size_; }
  /// The same framework with another threshold. Throws UsageError below lowest_min_group_size.
  [[nodiscard]] Framework with_min_group_size(std::uint32_t n) const;

 private:
  explicit Framework(std::shared_ptr<const detail::FrameworkData> data) : data_(std::move(data)) {}
  std::shared_ptr<const detail::FrameworkData> data_;
  // Kept beside the shared data, not in it: changing it must not copy the packs.
  std::uint32_t min_group_size_ = default_min_group_size;
};

}  // namespace trygg
