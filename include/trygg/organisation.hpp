// SPDX-License-Identifier: MIT
/// \file organisation.hpp
/// An organisation's routines and structure ("Finns idag"), as read from the input
/// format `trygg.organisation/1` (docs/input-format.md). Only pseudonymous ids, never names
/// of people. Ids are interned: references between entities are dense indices.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "trygg/date.hpp"
#include "trygg/detail/id_index.hpp"
#include "trygg/framework.hpp"

namespace trygg {

/// Dense index into one of the organisation's collections.
using Index = std::uint32_t;
inline constexpr Index no_index = std::numeric_limits<Index>::max();

/// The version string every input file carries in its "format" field.
inline constexpr std::string_view organisation_format = "trygg.organisation/1";

struct Unit {
  std::string id, name;
  Index parent = no_index;  ///< no_index for the root
  std::optional<std::uint32_t> headcount;
  Index manager = no_index;  ///< a person
  bool workplace = false;
};

struct Person {
  std::string id;
  Index unit = no_index;
  std::vector<std::string> roles;  ///< e.g. "manager", "safety-representative"
  std::vector<Index> serves;       ///< units (with subtrees); empty = the subtree of `unit`
  bool external = false;
  [[nodiscard]] bool has_role(std::string_view role) const noexcept;
};

struct Communication {
  Date date;
  std::vector<std::string> channels, audiences;
};

struct EffectFollowUp {
  Date date;
  std::string method, outcome;
};

/// A routine, policy, guideline, plan or other document.
struct Routine {
  std::string id, title;
  std::string kind = "routine";
  std::vector<std::string> measures;  ///< measure ids
  /// Element ids it states. nullopt = not reported (element rules give "not assessed");
  /// an empty list = reported: states none of them.
  std::optional<std::vector<std::string>> elements;
  std::vector<Index> units;     ///< covered units with subtrees; empty = whole organisation
  std::optional<bool> written;  ///< nullopt = not reported
  Index owner = no_index;       ///< no_index: see no_owner
  /// The input says that nobody owns the routine (`"owner": null`). With no owner and no such
  /// statement, who owns it is not reported, and the owner rule is not assessed.
  bool no_owner = false;
  std::optional<Date> adopted, last_reviewed;
  std::optional<Duration> review_interval;
  std::optional<std::vector<std::string>> participation;  ///< nullopt = not reported
  std::optional<Communication> communicated;
  std::optional<EffectFollowUp> effect_followed_up;
  /// An unfilled entry of the blank template (`organisation_template`). A placeholder is not
  /// evidence: no check counts it, and a section holding only placeholders is not reported.
  bool placeholder = false;
  /// Whether the routine states this element (false when the elements are not reported).
  [[nodiscard]] bool states(std::string_view element) const noexcept;
};

/// A dated occurrence: a training, forum, survey, drill, exit interview, ...
struct Activity {
  std::string id, kind;
  std::vector<std::string> measures;
  Date date;
  std::string audience;      ///< empty = not stated
  std::vector<Index> units;  ///< empty = whole organisation
  std::vector<Index> participants;
  std::optional<std::uint32_t> reached, eligible;
  Index held_by = no_index;
};

/// A way to report: from which units, to whom, with which promises.
struct Channel {
  std::string id, kind;
  std::vector<Index> from_units;  ///< empty = whole organisation
  std::vector<Index> recipients;  ///< people, at least one
  std::optional<bool> anonymous, written, oral;
  std::optional<Duration> acknowledge_within, feedback_within;
  std::vector<std::string> measures;
};

/// Aggregated survey results; never individual answers. A survey naming measures is a
/// dated occurrence of them, like an activity.
struct Survey {
  struct TopicResult {
    std::string topic;
    double exposed_share = 0;
  };
  std::string id;
  Date date;
  Index unit = no_index;  ///< no_index = whole organisation
  std::optional<std::uint32_t> invited, respondents;
  std::vector<std::string> topics;
  std::vector<TopicResult> results;
  std::vector<std::string> measures;
};

/// Aggregated case figures for a period; never names or free text.
struct CaseStatistics {
  std::string id, kind;
  Date period_from, period_to;
  Index channel = no_index, unit = no_index;
  std::optional<std::uint32_t> received, acknowledged_within_7_days, feedback_within_3_months, investigations_started,
      max_days_to_acknowledge, max_days_to_feedback, max_days_to_investigation_start, retained_beyond_limit, closed;
};

/// A risk or obstacle the organisation found, with its cause as analysed (DL 3 kap. 2 §,
/// steps one and two; AFS 2023:1 11 §). Read by the yearly documents; never about a person.
struct Risk {
  std::string id, title;
  std::string area;                  ///< DL 3 kap. 5 § area, or "work-environment"
  std::vector<std::string> grounds;  ///< grounds of discrimination it concerns, if any
  std::optional<Date> identified;
  std::string cause;      ///< the cause as analysed; empty = not analysed
  Index unit = no_index;  ///< no_index = the whole organisation
};

/// One row of the organisation's own action plan.
struct ActionItem {
  std::string id, title, measure;
  Index owner = no_index;
  std::optional<Date> due, done, verified;
  Index risk = no_index;  ///< the risk it addresses, if stated
  std::string outcome;    ///< how it worked, once evaluated: "effective", ...; empty = not evaluated
  /// Findings of a report this row answers (their fingerprints), besides its measure: links
  /// the row to trygg's proposal (docs/history.md, "The action plan's round trip").
  std::vector<std::uint64_t> fingerprints;
  std::string comment;  ///< management's comment, e.g. from the filled-in action plan sheet
};

/// Headcounts as each regime counts them; all optional.
struct Headcount {
  std::optional<std::uint32_t> total, start_of_year, regular;
  std::optional<Date> as_of;
};

/// Limits that protect the loader against hostile or broken input (docs/input-format.md,
/// "Limits"). Exceeding one is a LoadError that names the limit and how to raise it: the
/// checker has an option for each (`--max-file-size`, `--max-depth`, `--max-entities`,
/// `--max-string-size`), Python a keyword argument of the same name as the field.
struct LoadLimits {
  /// Size of the document in bytes. The default holds about a million units.
  std::uintmax_t max_file_bytes = 256u * 1024u * 1024u;
  /// Nesting of arrays and objects; the format itself needs 5 levels.
  std::size_t max_depth = 64;
  /// Entries of all the organisation's lists together (units, people, routines, activities,
  /// channels, surveys, case statistics, risks, action items), checked before any is built.
  std::size_t max_entities = 2'000'000;
  /// Bytes in one string value (a name, a title, ...).
  std::size_t max_string_bytes = 1024u * 1024u;
  /// Problems reported in full; the rest are only counted.
  std::size_t max_errors = 100;
  /// Asked every few thousand values and entities while loading; when it returns true the
  /// load stops with trygg::Cancelled. Empty = never cancelled. It may be called from the
  /// loading thread only, and should be cheap (Python's bindings check for Ctrl-C here).
  std::function<bool()> cancelled;
};

/// The hint of an error for an exceeded load limit: how to raise it from the checker, Python
/// and C++, e.g. limit_hint("--max-depth", "max_depth"). Public so that a front end that
/// refuses a file before loading it (the checker's size check) words it the same way.
[[nodiscard]] std::string limit_hint(std::string_view option, std::string_view field);

/// A loaded, fully validated organisation. Never half-loaded: loading either returns a
/// complete Organisation or throws LoadError.
class Organisation {
 public:
  /// What the input says about an activity flag (`flags`, docs/input-format.md).
  enum class FlagState : std::uint8_t { present, absent, not_reported };

  std::string id, name, country, sector, language;
  Headcount headcount;
  /// Activity flags that are present.
  std::vector<std::string> flags;
  /// Flags whose state the input does not report. A list form of `flags` reports every flag
  /// (listed = present, the rest absent); the object form can leave flags out or give null;
  /// a file without `flags` reports none of them. Rules that depend on an unreported flag
  /// give "not assessed".
  std::vector<std::string> flags_not_reported;
  /// Roles for which `people` lists every holder (input `reported_roles`). nullopt = the input
  /// does not say, which reports no role as complete. A check that would fail because nobody
  /// holds a role that is not reported gives "not assessed" instead; holders that are listed
  /// still count as evidence.
  std::optional<std::vector<std::string>> reported_roles;
  std::vector<Unit> units;  ///< units[root()] has no parent
  std::vector<Person> people;
  std::vector<Routine> routines;
  std::vector<Activity> activities;
  std::vector<Channel> channels;
  std::vector<Survey> surveys;
  std::vector<CaseStatistics> case_statistics;
  std::vector<Risk> risks;
  std::vector<ActionItem> action_plan;

  /// Which optional sections the input reports. An absent section makes the rules that need
  /// it "not assessed"; an empty one is a report of "none". A routines section holding only
  /// placeholders (the blank template) is not reported.
  bool has_people = false, has_routines = false, has_activities = false, has_channels = false, has_surveys = false,
       has_case_statistics = false, has_risks = false, has_action_plan = false;

  /// Index of the root unit.
  [[nodiscard]] Index root() const noexcept { return root_; }
  /// Total headcount: the stated total, else the sum of the units' headcounts (nullopt if
  /// neither is known).
  [[nodiscard]] std::optional<std::uint32_t> total_headcount() const noexcept;
  [[nodiscard]] bool has_flag(std::string_view flag) const noexcept;
  [[nodiscard]] FlagState flag_state(std::string_view flag) const noexcept;
  /// Whether `people` lists every holder of `role` (see reported_roles).
  [[nodiscard]] bool role_reported(std::string_view role) const noexcept;

  [[nodiscard]] std::optional<Index> find_unit(std::string_view id) const noexcept;
  [[nodiscard]] std::optional<Index> find_person(std::string_view id) const noexcept;

  /// Parse and validate a document. `file` names it in diagnostics. Measure and element
  /// ids are checked against `framework`. Throws LoadError.
  [[nodiscard]] static Organisation parse(std::string_view json_text, const Framework& framework,
                                          const std::string& file = "<memory>", const LoadLimits& limits = {});
  /// Same, from a JSON value (e.g. a dict from Python).
  [[nodiscard]] static Organisation from_json(const nlohmann::json& document, const Framework& framework,
                                              const std::string& file = "<memory>", const LoadLimits& limits = {});
  /// Read, parse and validate a file.
  [[nodiscard]] static Organisation load(const std::filesystem::path& path, const Framework& framework,
                                         const LoadLimits& limits = {});
  /// The document form (input format version 1); from_json(to_json()) round-trips.
  [[nodiscard]] nlohmann::json to_json() const;

  /// Rebuild the id maps and the root after editing the vectors by hand.
  void reindex();

  /// Check an organisation built or edited in code exactly as the loader checks a file, with
  /// the same diagnostics; JSON Pointers refer to its document form (to_json()). Throws
  /// LoadError naming `file`. audit() makes the part of these checks it depends on (references
  /// in range, one root, no cycle, unique ids, known measures and elements) on every call.
  void validate(const Framework& framework, const std::string& file = "<organisation built in code>") const;

 private:
  Index root_ = 0;
  // Ids to indices, looked up in `units` and `people` themselves (reindex() after edits).
  detail::IdIndex unit_ids_, person_ids_;
};

/// The language of a country's reports: sv for SE, nb for NO, else en.
[[nodiscard]] Language country_language(std::string_view country) noexcept;

/// A blank organisation document listing every measure of the framework, ready to fill in,
/// with the measures' titles in `language` (by default the country's, country_language()). A
/// language other than the country's is written to the document's `language`, so that its
/// reports come in that language too.
[[nodiscard]] nlohmann::json organisation_template(const Framework& framework, std::string_view country = "SE",
                                                   std::optional<Language> language = std::nullopt);

}  // namespace trygg
