// SPDX-License-Identifier: MIT
// Loading and validating an organisation (docs/input-format.md). Every problem is
// collected in one pass; an Organisation is returned only when there are none.
#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <set>

#include "identity_number.hpp"
#include "json_diagnostics.hpp"
#include "json_document.hpp"
#include "json_object_reader.hpp"
#include "json_strict_parse.hpp"
#include "json_text.hpp"
#include "trygg/detail/id_index.hpp"
#include "trygg/error.hpp"
#include "trygg/organisation.hpp"
#include "vocabulary.hpp"

#include "organisation_validate.hpp"

namespace trygg {
namespace {
using detail::Diagnostics;
using detail::json;
using detail::JsonNode;
using detail::JsonPath;
using detail::ObjectReader;
namespace vocab = detail::vocabulary;

/// Collects the ids of one collection first, so that references may point forwards. While
/// they are collected the ids view the document's strings, which outlive the load; once all
/// are known, compact() copies them next to each other.
class IdTable {
 public:
  std::string what;                   // "unit", "person", ...
  std::vector<std::string_view> ids;  // by position in the array; empty where there is no valid id
  detail::IdIndex index;

  /// Register the id at `position`; returns the position that already has it, if any.
  std::optional<Index> add(std::string_view id, Index position) {
    if (ids.size() <= position) ids.resize(position + 1);
    ids[position] = id;
    const auto [at, fresh] = index.insert(id, position, [this](Index i) { return ids[i]; });
    if (fresh) return std::nullopt;
    ids[position] = {};
    return at;
  }
  [[nodiscard]] Index find(std::string_view id) const {
    return index.find(id, [this](Index i) { return ids[i]; });
  }
  /// Copy the ids into one block and view them there. References are resolved in any order,
  /// and an id among the document's other strings cost a cache miss for each comparison;
  /// side by side, the ids of a million units take a few megabytes.
  void compact() {
    std::size_t bytes = 0;
    for (const auto id : ids)
      bytes += id.size();
    block_ = std::make_unique<char[]>(bytes);
    char* next = block_.get();
    for (auto& id : ids) {
      if (id.empty()) continue;
      std::copy(id.begin(), id.end(), next);
      id = std::string_view(next, id.size());
      next += id.size();
    }
  }
  /// The ids, sorted, for did-you-mean hints; made once, on the first unknown reference.
  const std::vector<std::string_view>& names() const {
    if (!sorted_) {
      sorted_.emplace();
      for (const auto id : ids)
        if (!id.empty()) sorted_->push_back(id);
      std::sort(sorted_->begin(), sorted_->end());
    }
    return *sorted_;
  }

 private:
  mutable std::optional<std::vector<std::string_view>> sorted_;
  std::unique_ptr<char[]> block_;  // the ids after compact()
};

class Loader {
 public:
  Loader(const Framework& fw, Diagnostics& d, const LoadLimits& limits) : fw_(fw), d_(d), limits_(limits) {
    d_.limit_strings(limits.max_string_bytes);
  }

  Organisation load(JsonNode doc) {
    Organisation org;
    // Before anything else: every later check may quote a value, and an identity number
    // must not reach a log (docs/input-format.md, "Identity numbers are refused").
    if (!free_of_identity_numbers(doc)) return org;
    // The format version first: a file of another format would only give misleading errors.
    if (const auto format = doc.is_object() ? doc.find("format") : std::nullopt) {
      const JsonNode f = *format;
      if (!f.is_string() || f.string() != organisation_format) {
        const bool other_version = f.is_string() && f.string().rfind("trygg.organisation/", 0) == 0;
        d_.add("/format", "\"trygg.organisation/1\"", detail::describe(f),
               other_version ? "this version of trygg reads format version 1 only" : "");
        return org;
      }
    }
    ObjectReader r(
        doc, JsonPath(), d_,
        {"format", "id", "name", "country", "sector", "language", "headcount", "flags", "units", "people",
         "reported_roles", "routines", "activities", "channels", "surveys", "case_statistics", "risks", "action_plan"},
        "an organisation object");
    if (!r.ok()) return org;
    r.string("format", true, "\"trygg.organisation/1\"");
    org.id = r.id("id", true).value_or("");
    org.name = r.string("name", false).value_or("");
    const auto country = r.string("country", true, "an ISO 3166-1 alpha-2 country code such as \"SE\"");
    const auto is_code = [](const std::string& c) {
      return c.size() == 2 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z';
    };
    if (country && !is_code(*country))
      d_.add("/country", "an ISO 3166-1 alpha-2 country code such as \"SE\"", detail::describe(json(*country)));
    org.country = country.value_or("");
    org.sector = r.one_of("sector", false, vocab::sectors).value_or("");
    org.language = r.one_of("language", false, vocab::languages).value_or("");
    if (const auto h = r.get("headcount", false, "")) read_headcount(*h, org.headcount);
    read_flags(r, org);
    org.reported_roles = r.enums("reported_roles", false, vocab::roles);

    if (!within_entity_limit(r)) return org;

    // Pass 1: ids of units and people, for references in any order.
    collect_ids(r, "units", units_);
    collect_ids(r, "people", people_);
    collect_ids(r, "channels", channels_);
    collect_ids(r, "risks", risks_);
    if (!r.has("units")) {
      d_.add("/units", "an array of at least one unit", "nothing (the key is missing)");
    }
    // Pass 2: the entities.
    const auto reserve = [&](std::string_view key, auto& vec) {
      if (const auto arr = r.get(key, false, ""); arr && arr->is_array()) vec.reserve(arr->size());
    };
    reserve("units", org.units);
    reserve("people", org.people);
    reserve("routines", org.routines);
    reserve("activities", org.activities);
    r.elements("units", false, [&](JsonNode v, const JsonPath& p) {
      poll(16);
      org.units.push_back(read_unit(v, p));
    });
    if (r.has("units") && org.units.empty() && doc.find("units")->is_array())
      d_.add("/units", "an array of at least one unit", "an empty array");
    org.has_people = r.elements("people", false, [&](JsonNode v, const JsonPath& p) {
      poll(16);
      org.people.push_back(read_person(v, p));
    });
    org.has_routines = r.elements("routines", false, [&](JsonNode v, const JsonPath& p) {
      poll(16);
      org.routines.push_back(read_routine(v, p));
    });
    // Placeholders are not evidence: a section of nothing else reports nothing.
    if (org.has_routines && !org.routines.empty() &&
        std::all_of(org.routines.begin(), org.routines.end(), [](const Routine& x) { return x.placeholder; }))
      org.has_routines = false;
    org.has_activities = r.elements("activities", false, [&](JsonNode v, const JsonPath& p) {
      poll(16);
      org.activities.push_back(read_activity(v, p));
    });
    org.has_channels = r.elements("channels", false, [&](JsonNode v, const JsonPath& p) {
      poll(16);
      org.channels.push_back(read_channel(v, p));
    });
    org.has_surveys = r.elements("surveys", false, [&](JsonNode v, const JsonPath& p) {
      poll(16);
      org.surveys.push_back(read_survey(v, p));
    });
    org.has_case_statistics = r.elements("case_statistics", false, [&](JsonNode v, const JsonPath& p) {
      poll(16);
      org.case_statistics.push_back(read_cases(v, p));
    });
    org.has_risks = r.elements("risks", false, [&](JsonNode v, const JsonPath& p) {
      poll(16);
      org.risks.push_back(read_risk(v, p));
    });
    org.has_action_plan = r.elements("action_plan", false, [&](JsonNode v, const JsonPath& p) {
      poll(16);
      org.action_plan.push_back(read_action(v, p));
    });
    unique_ids(r, "routines");
    unique_ids(r, "activities");
    unique_ids(r, "surveys");
    unique_ids(r, "case_statistics");
    unique_ids(r, "action_plan");
    check_tree(org);
    return org;
  }

 private:
  // --- personal data ----------------------------------------------------------------------

  /// One linear pass over every string, integer and key of the document. Each value that
  /// looks like a Swedish or Norwegian identity number is reported by pointer and kind only;
  /// the load then stops, so no other diagnostic can repeat it.
  bool free_of_identity_numbers(JsonNode doc) {
    bool clean = true;
    doc.walk([&](const JsonNode::Leaf& leaf, const std::function<std::string()>& pointer) {
      poll(1);
      const bool is_key = leaf.kind == JsonNode::Leaf::Kind::key;
      const auto kind = leaf.kind == JsonNode::Leaf::Kind::integer ? detail::find_identity_number(leaf.number)
                                                                   : detail::find_identity_number(leaf.text);
      if (kind == detail::IdentityNumber::none) return true;
      clean = false;
      if (!d_.count_if_full()) {
        // A key is reported at its object: its own pointer would spell it out.
        d_.add(pointer(), "no personal data (no personal identity numbers)",
               std::string(is_key ? "a key" : "a value") + " that looks like " +
                   std::string(detail::identity_number_name(kind)) + " (not repeated here)",
               "trygg needs no personal data: use a pseudonymous id");
      }
      return false;  // under a flagged key every pointer would repeat it: skip the value
    });
    return clean;
  }

  // --- cancellation -------------------------------------------------------------------------

  /// Asks LoadLimits::cancelled once per 4,096 units of work (a value of the identity pass is
  /// one, an entity 16), so that the hook costs nothing measurable and Ctrl-C still takes
  /// effect within milliseconds.
  void poll(std::size_t work) {
    if (!limits_.cancelled) return;
    work_ += work;
    if (work_ < 4096) return;
    work_ = 0;
    if (limits_.cancelled()) throw Cancelled();
  }

  // --- limits -------------------------------------------------------------------------------

  /// The organisation's lists, whose entries together count against LoadLimits::max_entities.
  static constexpr std::array<std::string_view, 9> entity_lists{
      "units", "people", "routines", "activities", "channels", "surveys", "case_statistics", "risks", "action_plan"};

  /// Refuses a document with more entries than the limit before any is built, pointing at
  /// the list in which the limit is passed.
  bool within_entity_limit(ObjectReader& r) {
    std::size_t total = 0;
    for (const auto key : entity_lists) {
      const auto arr = r.get(key, false, "");
      if (!arr || !arr->is_array()) continue;
      total += arr->size();
      if (total > limits_.max_entities) {
        d_.add(r.pointer(key),
               "at most " + std::to_string(limits_.max_entities) +
                   " entries in all of units, people, routines, activities, channels, surveys, case_statistics, "
                   "risks and action_plan",
               std::to_string(total) + " entries up to and including this list",
               limit_hint("--max-entities", "max_entities"));
        return false;
      }
    }
    return true;
  }

  // --- ids and references -----------------------------------------------------------------

  void collect_ids(ObjectReader& r, std::string_view key, IdTable& table) {
    table.what = std::string(key);
    const auto arr = r.get(key, false, "");
    if (!arr || !arr->is_array()) return;
    const std::size_t n = arr->size();
    table.index.reset(n);
    table.ids.reserve(n);
    bool any_upper = false;
    arr->for_each_element([&](std::size_t i, JsonNode e) {
      poll(4);
      if (!e.is_object()) return;
      const auto id_node = e.find("id");
      if (!id_node || !id_node->is_string()) return;
      const std::string_view id = id_node->string();
      if (!detail::is_id(id)) return;
      any_upper = any_upper || std::any_of(id.begin(), id.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      if (const auto first = table.add(id, static_cast<Index>(i))) {
        d_.add(detail::pointer_append(r.pointer(key, i), "id"),
               "an id not used by another entry of " + std::string(key),
               "\"" + std::string(id) + "\", also at " + r.pointer(key) + "/" + std::to_string(*first) + "/id");
      }
    });
    table.compact();
    if (any_upper) case_fold_collisions(r, key, table);
  }

  /// Ids of one list must also differ in more than letter case (docs/input-format.md, "Ids"):
  /// exports and spreadsheets change case, and "U-A" and "u-a" name one thing to a reader.
  /// References still match exactly. Ids are ASCII, so folding is ASCII lower-casing; there
  /// is no Unicode normalisation to collide under. Runs only when some id has a capital.
  void case_fold_collisions(ObjectReader& r, std::string_view key, const IdTable& table) {
    std::vector<std::string> folded(table.ids.size());
    detail::IdIndex index;
    index.reset(table.ids.size());
    const auto folded_of = [&folded](Index i) -> std::string_view { return folded[i]; };
    for (Index i = 0; i < table.ids.size(); ++i) {
      const std::string_view id = table.ids[i];
      if (id.empty()) continue;  // no valid id, or an exact duplicate (already reported)
      folded[i].resize(id.size());
      std::transform(id.begin(), id.end(), folded[i].begin(),
                     [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
      const auto [at, fresh] = index.insert(folded[i], i, folded_of);
      if (fresh) continue;
      d_.add(detail::pointer_append(r.pointer(key, i), "id"),
             "an id that differs from the other ids of " + std::string(key) + " in more than letter case",
             "\"" + std::string(id) + "\", which differs only in case from \"" + std::string(table.ids[at]) + "\" at " +
                 r.pointer(key) + "/" + std::to_string(at) + "/id");
    }
  }

  void unique_ids(ObjectReader& r, std::string_view key) {
    IdTable t;
    collect_ids(r, key, t);
  }

  /// Resolve a reference; reports an unknown id with a did-you-mean.
  /// The pointer is spelled only then: references that resolve cost no string.
  Index resolve(const IdTable& table, std::string_view id, const JsonPath& at, std::string_view what) {
    if (const Index found = table.find(id); found != detail::IdIndex::none) return found;
    d_.add(at.pointer(), "the id of " + std::string(what),
           "\"" + std::string(id) + "\", which no " + std::string(what.substr(what.find(' ') + 1)) + " has",
           d_.full() ? std::string() : detail::did_you_mean(id, table.names()));  // past the cap: only counted
    return no_index;
  }

  Index ref(ObjectReader& r, std::string_view key, bool required, const IdTable& table, std::string_view what) {
    const auto id = r.id_view(key, required);
    if (!id) return no_index;
    return resolve(table, *id, r.path(key), what);
  }

  /// How an empty list of references is treated.
  enum class Empty { allowed, refused, means_default };

  std::vector<Index> refs(ObjectReader& r, std::string_view key, const IdTable& table, std::string_view what,
                          Empty empty = Empty::allowed, bool required = false) {
    std::vector<Index> out;
    const auto ids = r.id_views(key, required);
    if (!ids) return out;
    // A unit list left out means "the whole organisation"; an empty one would read as
    // "none" and be silently taken as everything, so it is refused.
    if (empty != Empty::allowed && ids->empty())
      d_.add(r.pointer(key), "at least one " + std::string(what.substr(what.find(' ') + 1)), "an empty array",
             empty == Empty::means_default ? "leave the key out to mean the whole organisation" : "");
    out.reserve(ids->size());
    const JsonPath list = r.path(key);
    for (std::size_t i = 0; i < ids->size(); ++i) {
      const Index x = resolve(table, (*ids)[i], list.index(i), what);
      if (x != no_index) out.push_back(x);
    }
    return out;
  }

  std::vector<std::string> measures(ObjectReader& r, bool required) {
    const auto ids =
        r.string_views("measures", required, "measure ids such as \"ORG-03\"", [&](std::string_view s, std::size_t i) {
          if (fw_.find_measure(s)) return true;
          d_.add(r.pointer("measures", i), "the id of a measure in the framework", detail::describe(json(s)),
                 detail::did_you_mean(s, measure_ids()));
          return false;
        });
    if (required && ids && ids->empty()) d_.add(r.pointer("measures"), "at least one measure id", "an empty array");
    if (!ids) return {};
    return std::vector<std::string>(ids->begin(), ids->end());
  }

  // --- entities ---------------------------------------------------------------------------

  /// Every measure id, for did-you-mean hints (made only when one is needed).
  std::vector<std::string_view> measure_ids() const {
    std::vector<std::string_view> known;
    for (const auto& m : fw_.measures())
      known.push_back(m.id);
    return known;
  }

  /// `flags` in either form (docs/input-format.md, "Flags"): a list reports every flag (listed
  /// ones present, the rest absent); an object reports the flags it names as true (present) or
  /// false (absent), and null or a left-out flag is not reported. No `flags` at all reports none.
  void read_flags(ObjectReader& r, Organisation& org) {
    const auto node = r.get("flags", false, "");
    if (!node) {
      for (const auto f : vocab::flags)
        org.flags_not_reported.emplace_back(f);
      return;
    }
    if (!node->is_object()) {
      org.flags = r.enums("flags", false, vocab::flags).value_or(std::vector<std::string>{});
      return;
    }
    ObjectReader fr(*node, r.path("flags"), d_, vocab::flags, "a flags object");
    if (!fr.ok()) return;
    for (const auto f : vocab::flags) {
      const auto v = fr.get(f, false, "");
      if (!v || v->is_null()) {
        org.flags_not_reported.emplace_back(f);
      } else if (!v->is_boolean()) {
        d_.add(fr.pointer(f), "true (present), false (absent) or null (not reported)", detail::describe(*v));
      } else if (v->boolean()) {
        org.flags.emplace_back(f);
      }
    }
  }

  void read_headcount(JsonNode v, Headcount& h) {
    ObjectReader r(v, "/headcount", d_, {"total", "start_of_year", "regular", "as_of"});
    if (!r.ok()) return;
    h.total = r.count("total", false);
    h.start_of_year = r.count("start_of_year", false);
    h.regular = r.count("regular", false);
    h.as_of = r.date("as_of", false);
  }

  Unit read_unit(JsonNode v, const JsonPath& p) {
    Unit u;
    ObjectReader r(v, p, d_, {"id", "name", "parent", "headcount", "manager", "workplace"}, "a unit object");
    if (!r.ok()) return u;
    u.id = r.id("id", true).value_or("");
    u.name = r.string("name", false).value_or("");
    if (const auto parent = r.get("parent", false, ""); parent && !parent->is_null())
      u.parent = ref(r, "parent", false, units_, "a unit");
    u.headcount = r.count("headcount", false);
    u.manager = ref(r, "manager", false, people_, "a person");
    u.workplace = r.boolean("workplace", false).value_or(false);
    return u;
  }

  Person read_person(JsonNode v, const JsonPath& p) {
    Person x;
    ObjectReader r(v, p, d_, {"id", "unit", "roles", "serves", "external"}, "a person object");
    if (!r.ok()) return x;
    x.id = r.id("id", true).value_or("");
    x.unit = ref(r, "unit", false, units_, "a unit");
    x.roles = r.enums("roles", true, vocab::roles).value_or(std::vector<std::string>{});
    x.serves = refs(r, "serves", units_, "a unit", Empty::means_default);
    x.external = r.boolean("external", false).value_or(false);
    return x;
  }

  Routine read_routine(JsonNode v, const JsonPath& p) {
    Routine x;
    ObjectReader r(
        v, p, d_,
        {"id", "title", "kind", "measures", "elements", "units", "written", "owner", "adopted", "last_reviewed",
         "review_interval", "participation", "communicated", "effect_followed_up", "placeholder"},
        "a routine object");
    if (!r.ok()) return x;
    x.id = r.id("id", true).value_or("");
    x.title = r.string("title", false).value_or("");
    x.kind = r.one_of("kind", false, vocab::routine_kinds).value_or("routine");
    const std::size_t errors_before = d_.count();
    x.measures = measures(r, true);
    const bool measures_ok = d_.count() == errors_before;
    // Elements must belong to one of the routine's measures (checked only when those are
    // known: otherwise every element would be reported too).
    const auto elements = r.string_views("elements", false, "element ids", [&](std::string_view s, std::size_t i) {
      if (!measures_ok) return true;
      std::vector<std::string_view> known;
      for (const auto& mid : x.measures)
        if (const Measure* m = fw_.find_measure(mid)) {
          if (m->find_element(s)) return true;
          for (const auto& e : m->elements)
            known.push_back(e.id);
        }
      d_.add(r.pointer("elements", i), "an element of the routine's measures", detail::describe(json(s)),
             detail::did_you_mean(s, known));
      return false;
    });
    if (elements) x.elements.emplace(elements->begin(), elements->end());
    x.units = refs(r, "units", units_, "a unit", Empty::means_default);
    x.written = r.boolean("written", false);
    // "owner": null reports that nobody owns it; a left-out owner is not reported.
    if (const auto o = r.get("owner", false, ""); o && o->is_null())
      x.no_owner = true;
    else
      x.owner = ref(r, "owner", false, people_, "a person");
    x.adopted = r.date("adopted", false);
    x.last_reviewed = r.date("last_reviewed", false);
    x.review_interval = r.duration("review_interval", false);
    if (x.adopted && x.last_reviewed && *x.last_reviewed < *x.adopted)
      d_.add(r.pointer("last_reviewed"), "a date on or after \"adopted\" (" + x.adopted->to_string() + ")",
             x.last_reviewed->to_string());
    x.participation = r.enums("participation", false, vocab::parties);
    if (const auto c = r.get("communicated", false, "")) {
      ObjectReader cr(*c, r.path("communicated"), d_, {"date", "channels", "audiences"});
      if (cr.ok()) {
        Communication com;
        auto date = cr.date("date", true);
        com.channels = cr.enums("channels", false, vocab::communication_channels).value_or(std::vector<std::string>{});
        com.audiences = cr.enums("audiences", false, vocab::audiences).value_or(std::vector<std::string>{});
        if (date) {
          com.date = *date;
          x.communicated = std::move(com);
        }
      }
    }
    if (const auto e = r.get("effect_followed_up", false, "")) {
      ObjectReader er(*e, r.path("effect_followed_up"), d_, {"date", "method", "outcome"});
      if (er.ok()) {
        EffectFollowUp f;
        auto date = er.date("date", true);
        f.method = er.one_of("method", false, vocab::effect_methods).value_or("");
        f.outcome = er.one_of("outcome", false, vocab::effect_outcomes).value_or("");
        if (date) {
          f.date = *date;
          x.effect_followed_up = std::move(f);
        }
      }
    }
    x.placeholder = r.boolean("placeholder", false).value_or(false);
    return x;
  }

  Activity read_activity(JsonNode v, const JsonPath& p) {
    Activity x;
    ObjectReader r(
        v, p, d_,
        {"id", "kind", "measures", "date", "audience", "units", "participants", "reached", "eligible", "held_by"},
        "an activity object");
    if (!r.ok()) return x;
    x.id = r.id("id", true).value_or("");
    x.kind = r.one_of("kind", true, vocab::activity_kinds).value_or("");
    x.measures = measures(r, true);
    x.date = r.date("date", true).value_or(Date{});
    x.audience = r.one_of("audience", false, vocab::audiences).value_or("");
    x.units = refs(r, "units", units_, "a unit", Empty::means_default);
    x.participants = refs(r, "participants", people_, "a person");
    x.reached = r.count("reached", false);
    x.eligible = r.count("eligible", false);
    if (x.reached && x.eligible && *x.reached > *x.eligible)
      d_.add(r.pointer("reached"), "at most \"eligible\" (" + std::to_string(*x.eligible) + ")",
             std::to_string(*x.reached));
    x.held_by = ref(r, "held_by", false, people_, "a person");
    return x;
  }

  Channel read_channel(JsonNode v, const JsonPath& p) {
    Channel x;
    ObjectReader r(v, p, d_,
                   {"id", "kind", "from_units", "recipients", "anonymous", "written", "oral", "acknowledge_within",
                    "feedback_within", "measures"},
                   "a channel object");
    if (!r.ok()) return x;
    x.id = r.id("id", true).value_or("");
    x.kind = r.one_of("kind", true, vocab::channel_kinds).value_or("");
    x.from_units = refs(r, "from_units", units_, "a unit", Empty::means_default);
    x.recipients = refs(r, "recipients", people_, "a person", Empty::refused, true);
    x.anonymous = r.boolean("anonymous", false);
    x.written = r.boolean("written", false);
    x.oral = r.boolean("oral", false);
    x.acknowledge_within = r.duration("acknowledge_within", false);
    x.feedback_within = r.duration("feedback_within", false);
    if (r.has("measures")) x.measures = measures(r, false);
    return x;
  }

  Survey read_survey(JsonNode v, const JsonPath& p) {
    Survey x;
    ObjectReader r(v, p, d_, {"id", "date", "unit", "invited", "respondents", "topics", "results", "measures"},
                   "a survey object");
    if (!r.ok()) return x;
    x.id = r.id("id", true).value_or("");
    x.date = r.date("date", true).value_or(Date{});
    x.unit = ref(r, "unit", false, units_, "a unit");
    x.invited = r.count("invited", false);
    x.respondents = r.count("respondents", false);
    if (x.invited && x.respondents && *x.respondents > *x.invited)
      d_.add(r.pointer("respondents"), "at most \"invited\" (" + std::to_string(*x.invited) + ")",
             std::to_string(*x.respondents));
    x.topics = r.enums("topics", false, vocab::survey_topics).value_or(std::vector<std::string>{});
    r.elements("results", false, [&](JsonNode e, const JsonPath& ep) {
      ObjectReader er(e, ep, d_, {"topic", "exposed_share"});
      if (!er.ok()) return;
      auto topic = er.one_of("topic", true, vocab::survey_topics);
      auto share = er.number("exposed_share", true, 0.0, 1.0);
      if (topic && share) x.results.push_back({*topic, *share});
    });
    if (r.has("measures")) x.measures = measures(r, false);
    return x;
  }

  CaseStatistics read_cases(JsonNode v, const JsonPath& p) {
    CaseStatistics x;
    ObjectReader r(v, p, d_,
                   {"id", "period", "channel", "unit", "kind", "received", "acknowledged_within_7_days",
                    "feedback_within_3_months", "investigations_started", "max_days_to_acknowledge",
                    "max_days_to_feedback", "max_days_to_investigation_start", "retained_beyond_limit", "closed"},
                   "a case statistics object");
    if (!r.ok()) return x;
    x.id = r.id("id", true).value_or("");
    if (const auto period = r.get("period", true, "an object with \"from\" and \"to\" dates")) {
      ObjectReader pr(*period, r.path("period"), d_, {"from", "to"});
      if (pr.ok()) {
        auto from = pr.date("from", true);
        auto to = pr.date("to", true);
        if (from && to && *to < *from)
          d_.add(pr.pointer("to"), "a date on or after \"from\" (" + from->to_string() + ")", to->to_string());
        x.period_from = from.value_or(Date{});
        x.period_to = to.value_or(Date{});
      }
    }
    x.channel = ref(r, "channel", false, channels_, "a channel");
    x.unit = ref(r, "unit", false, units_, "a unit");
    x.kind = r.one_of("kind", true, vocab::case_kinds).value_or("");
    x.received = r.count("received", false);
    const std::pair<const char*, std::optional<std::uint32_t>*> bounded[] = {
        {"acknowledged_within_7_days", &x.acknowledged_within_7_days},
        {"feedback_within_3_months", &x.feedback_within_3_months},
        {"investigations_started", &x.investigations_started},
        {"retained_beyond_limit", &x.retained_beyond_limit},
        {"closed", &x.closed}};
    for (const auto& [key, field] : bounded) {
      *field = r.count(key, false);
      if (*field && x.received && **field > *x.received)
        d_.add(r.pointer(key), "at most \"received\" (" + std::to_string(*x.received) + ")", std::to_string(**field));
    }
    x.max_days_to_acknowledge = r.count("max_days_to_acknowledge", false);
    x.max_days_to_feedback = r.count("max_days_to_feedback", false);
    x.max_days_to_investigation_start = r.count("max_days_to_investigation_start", false);
    return x;
  }

  Risk read_risk(JsonNode v, const JsonPath& p) {
    Risk x;
    ObjectReader r(v, p, d_, {"id", "title", "area", "grounds", "identified", "cause", "unit"}, "a risk object");
    if (!r.ok()) return x;
    x.id = r.id("id", true).value_or("");
    x.title = r.string("title", false).value_or("");
    x.area = r.one_of("area", true, vocab::risk_areas).value_or("");
    x.grounds = r.enums("grounds", false, vocab::grounds).value_or(std::vector<std::string>{});
    x.identified = r.date("identified", false);
    x.cause = r.string("cause", false).value_or("");
    x.unit = ref(r, "unit", false, units_, "a unit");
    return x;
  }

  ActionItem read_action(JsonNode v, const JsonPath& p) {
    ActionItem x;
    ObjectReader r(
        v, p, d_,
        {"id", "title", "measure", "owner", "due", "done", "verified", "risk", "outcome", "fingerprints", "comment"},
        "an action item object");
    if (!r.ok()) return x;
    x.id = r.id("id", true).value_or("");
    x.title = r.string("title", false).value_or("");
    if (auto m = r.string("measure", true, "a measure id such as \"ORG-03\"")) {
      if (fw_.find_measure(*m))
        x.measure = *m;
      else
        d_.add(r.pointer("measure"), "the id of a measure in the framework", detail::describe(json(*m)),
               detail::did_you_mean(*m, measure_ids()));
    }
    x.owner = ref(r, "owner", false, people_, "a person");
    x.due = r.date("due", false);
    x.done = r.date("done", false);
    x.verified = r.date("verified", false);
    x.risk = ref(r, "risk", false, risks_, "a risk");
    x.outcome = r.one_of("outcome", false, vocab::effect_outcomes).value_or("");
    x.fingerprints = read_fingerprints(r);
    x.comment = r.string("comment", false).value_or("");
    if (x.verified && !x.done)
      d_.add(r.pointer("verified"), "a \"done\" date when \"verified\" is given", "\"verified\" without \"done\"");
    if (x.verified && x.done && *x.verified < *x.done)
      d_.add(r.pointer("verified"), "a date on or after \"done\" (" + x.done->to_string() + ")",
             x.verified->to_string());
    return x;
  }

  /// The findings a plan row answers, as the reports spell their fingerprints: 16 hex digits.
  static std::vector<std::uint64_t> read_fingerprints(ObjectReader& r) {
    std::vector<std::uint64_t> out;
    const auto texts = r.string_views("fingerprints", false, "a fingerprint of 16 hexadecimal digits, as in a report",
                                      [&](std::string_view s, std::size_t i) {
                                        if (parse_fingerprint(s)) return true;
                                        r.diagnostics().add(r.pointer("fingerprints", i),
                                                            "a fingerprint of 16 hexadecimal digits, as in a report",
                                                            detail::describe(json(s)));
                                        return false;
                                      });
    if (texts)
      for (const auto s : *texts)
        if (const auto f = parse_fingerprint(s)) out.push_back(*f);
    return out;
  }
  static std::optional<std::uint64_t> parse_fingerprint(std::string_view s) {
    if (s.size() != 16) return std::nullopt;
    std::uint64_t v = 0;
    for (const char c : s) {
      int d = -1;
      if (c >= '0' && c <= '9')
        d = c - '0';
      else if (c >= 'a' && c <= 'f')
        d = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F')
        d = c - 'A' + 10;
      if (d < 0) return std::nullopt;
      v = (v << 4) | static_cast<std::uint64_t>(d);
    }
    return v;
  }

  /// Exactly one root, and no cycle through parents.
  void check_tree(const Organisation& org) {
    if (org.units.empty() || !d_.empty()) return;  // references already broken: the tree is not meaningful
    detail::check_unit_tree(org, d_);
  }

  const Framework& fw_;
  Diagnostics& d_;
  const LoadLimits& limits_;
  std::size_t work_ = 0;  // since the last call of LoadLimits::cancelled
  IdTable units_, people_, channels_, risks_;
};

}  // namespace

Organisation Organisation::from_json(const nlohmann::json& document, const Framework& framework,
                                     const std::string& file, const LoadLimits& limits) {
  Diagnostics d(file, limits.max_errors);
  Organisation org = Loader(framework, d, limits).load(JsonNode(document));
  d.throw_if_any();
  org.reindex();
  return org;
}

namespace {
/// Organisation::parse, told whether FastDocument::padding readable bytes follow the text.
Organisation parse_text(std::string_view json_text, bool padded, const Framework& framework, const std::string& file,
                        const LoadLimits& limits) {
  Diagnostics d(file, limits.max_errors);
  if (json_text.size() > limits.max_file_bytes) {
    d.add("", "a document of at most " + std::to_string(limits.max_file_bytes) + " bytes",
          std::to_string(json_text.size()) + " bytes", limit_hint("--max-file-size", "max_file_bytes"));
  }
  d.throw_if_any();
  // Fast path: simdjson parses, the same walker reads. It is taken only when both succeed
  // without a single diagnostic; otherwise the strict parse below runs the same walk again
  // and its diagnostics (with line, column and exact pointer) are the ones reported. The
  // simdjson document is released before the organisation is returned.
  if (const auto fast = detail::FastDocument::parse(json_text, limits.max_depth, padded)) {
    Diagnostics fast_d(file, limits.max_errors);
    Organisation org = Loader(framework, fast_d, limits).load(fast->root());
    if (fast_d.empty()) {
      org.reindex();
      return org;
    }
  }
  if (limits.cancelled && limits.cancelled()) throw Cancelled();  // simdjson cannot be asked mid-parse
  auto doc = detail::parse_strict(json_text, limits.max_depth, d, limits.cancelled);
  d.throw_if_any();
  return Organisation::from_json(*doc, framework, file, limits);
}
}  // namespace

Organisation Organisation::parse(std::string_view json_text, const Framework& framework, const std::string& file,
                                 const LoadLimits& limits) {
  return parse_text(json_text, false, framework, file, limits);
}

Organisation Organisation::load(const std::filesystem::path& path, const Framework& framework,
                                const LoadLimits& limits) {
  Diagnostics d(path.string(), limits.max_errors);
  auto text = detail::read_file(path, limits.max_file_bytes, d);
  d.throw_if_any();
  // read_file leaves the padding simdjson needs, so the file is not copied again.
  return parse_text(*text, text->capacity() >= text->size() + detail::FastDocument::padding, framework, path.string(),
                    limits);
}

// --- small accessors ------------------------------------------------------------------------

bool Person::has_role(std::string_view role) const noexcept {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

void Organisation::reindex() {
  unit_ids_.reset(units.size());
  person_ids_.reset(people.size());
  const auto unit_id = [this](Index i) -> std::string_view { return units[i].id; };
  const auto person_id = [this](Index i) -> std::string_view { return people[i].id; };
  for (Index i = 0; i < units.size(); ++i) {
    unit_ids_.insert(units[i].id, i, unit_id);
    if (units[i].parent == no_index) root_ = i;
  }
  for (Index i = 0; i < people.size(); ++i)
    person_ids_.insert(people[i].id, i, person_id);
}

std::optional<std::uint32_t> Organisation::total_headcount() const noexcept {
  if (headcount.total) return headcount.total;
  std::optional<std::uint64_t> sum;
  for (const auto& u : units)
    if (u.headcount) sum = sum.value_or(0) + *u.headcount;
  if (!sum) return std::nullopt;
  return static_cast<std::uint32_t>(std::min<std::uint64_t>(*sum, 0xFFFFFFFFu));
}

bool Organisation::has_flag(std::string_view flag) const noexcept {
  return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

Organisation::FlagState Organisation::flag_state(std::string_view flag) const noexcept {
  if (has_flag(flag)) return FlagState::present;
  if (std::find(flags_not_reported.begin(), flags_not_reported.end(), flag) != flags_not_reported.end())
    return FlagState::not_reported;
  return FlagState::absent;
}

bool Organisation::role_reported(std::string_view role) const noexcept {
  return reported_roles && std::find(reported_roles->begin(), reported_roles->end(), role) != reported_roles->end();
}

bool Routine::states(std::string_view element) const noexcept {
  return elements && std::find(elements->begin(), elements->end(), element) != elements->end();
}

std::optional<Index> Organisation::find_unit(std::string_view unit_id) const noexcept {
  const Index at = unit_ids_.find(unit_id, [this](Index i) -> std::string_view { return units[i].id; });
  if (at == detail::IdIndex::none) return std::nullopt;
  return at;
}

std::optional<Index> Organisation::find_person(std::string_view person_id) const noexcept {
  const Index at = person_ids_.find(person_id, [this](Index i) -> std::string_view { return people[i].id; });
  if (at == detail::IdIndex::none) return std::nullopt;
  return at;
}

}  // namespace trygg
