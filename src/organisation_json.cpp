// SPDX-License-Identifier: MIT
// The document form of an organisation (input format version 1) and the blank template.
#include "trygg/organisation.hpp"

#include "trygg/report.hpp"
#include "vocabulary.hpp"

namespace trygg {
namespace {
using json = nlohmann::json;

template <class T>
void put(json& j, const char* key, const std::optional<T>& v) {
  if (v) j[key] = *v;
}
void put(json& j, const char* key, const std::optional<Date>& v) {
  if (v) j[key] = v->to_string();
}
void put(json& j, const char* key, const std::optional<Duration>& v) {
  if (v) j[key] = v->to_string();
}
void put(json& j, const char* key, const std::string& v) {
  if (!v.empty()) j[key] = v;
}
void put(json& j, const char* key, const std::vector<std::string>& v) {
  if (!v.empty()) j[key] = v;
}

struct Ids {
  const Organisation& org;
  json unit(Index i) const { return org.units[i].id; }
  json person(Index i) const { return org.people[i].id; }
  json units(const std::vector<Index>& v) const {
    json a = json::array();
    for (auto i : v)
      a.push_back(org.units[i].id);
    return a;
  }
  json people(const std::vector<Index>& v) const {
    json a = json::array();
    for (auto i : v)
      a.push_back(org.people[i].id);
    return a;
  }
};
}  // namespace

json Organisation::to_json() const {
  const Ids ids{*this};
  json j = json::object();
  j["format"] = organisation_format;
  j["id"] = id;
  put(j, "name", name);
  j["country"] = country;
  put(j, "sector", sector);
  put(j, "language", language);
  json h = json::object();
  put(h, "total", headcount.total);
  put(h, "start_of_year", headcount.start_of_year);
  put(h, "regular", headcount.regular);
  put(h, "as_of", headcount.as_of);
  if (!h.empty()) j["headcount"] = h;
  // Flags keep their three states: a list when every flag is reported, an object when only
  // some are, nothing when none is (docs/input-format.md, "Flags").
  if (flags_not_reported.empty()) {
    j["flags"] = flags;
  } else if (flags_not_reported.size() < detail::vocabulary::flags.size()) {
    json f = json::object();
    for (const auto flag : detail::vocabulary::flags) {
      const std::string key(flag);
      if (flag_state(key) != FlagState::not_reported) f[key] = has_flag(key);
    }
    j["flags"] = std::move(f);
  }

  json units_j = json::array();
  for (const auto& u : units) {
    json e{{"id", u.id}};
    put(e, "name", u.name);
    e["parent"] = u.parent == no_index ? json(nullptr) : ids.unit(u.parent);
    put(e, "headcount", u.headcount);
    if (u.manager != no_index) e["manager"] = ids.person(u.manager);
    if (u.workplace) e["workplace"] = true;
    units_j.push_back(std::move(e));
  }
  j["units"] = std::move(units_j);

  if (has_people) {
    json a = json::array();
    for (const auto& p : people) {
      json e{{"id", p.id}};
      if (p.unit != no_index) e["unit"] = ids.unit(p.unit);
      e["roles"] = p.roles;
      if (!p.serves.empty()) e["serves"] = ids.units(p.serves);
      if (p.external) e["external"] = true;
      a.push_back(std::move(e));
    }
    j["people"] = std::move(a);
  }
  if (reported_roles) j["reported_roles"] = *reported_roles;
  if (has_routines || !routines.empty()) {
    json a = json::array();
    for (const auto& r : routines) {
      json e{{"id", r.id}};
      put(e, "title", r.title);
      if (r.kind != "routine") e["kind"] = r.kind;
      e["measures"] = r.measures;
      if (r.elements) e["elements"] = *r.elements;
      if (!r.units.empty()) e["units"] = ids.units(r.units);
      put(e, "written", r.written);
      if (r.owner != no_index)
        e["owner"] = ids.person(r.owner);
      else if (r.no_owner)
        e["owner"] = nullptr;
      put(e, "adopted", r.adopted);
      put(e, "last_reviewed", r.last_reviewed);
      put(e, "review_interval", r.review_interval);
      if (r.participation) e["participation"] = *r.participation;
      if (r.communicated) {
        json c{{"date", r.communicated->date.to_string()}};
        put(c, "channels", r.communicated->channels);
        put(c, "audiences", r.communicated->audiences);
        e["communicated"] = std::move(c);
      }
      if (r.effect_followed_up) {
        json c{{"date", r.effect_followed_up->date.to_string()}};
        put(c, "method", r.effect_followed_up->method);
        put(c, "outcome", r.effect_followed_up->outcome);
        e["effect_followed_up"] = std::move(c);
      }
      if (r.placeholder) e["placeholder"] = true;
      a.push_back(std::move(e));
    }
    j["routines"] = std::move(a);
  }
  if (has_activities) {
    json a = json::array();
    for (const auto& x : activities) {
      json e{{"id", x.id}, {"kind", x.kind}, {"measures", x.measures}, {"date", x.date.to_string()}};
      put(e, "audience", x.audience);
      if (!x.units.empty()) e["units"] = ids.units(x.units);
      if (!x.participants.empty()) e["participants"] = ids.people(x.participants);
      put(e, "reached", x.reached);
      put(e, "eligible", x.eligible);
      if (x.held_by != no_index) e["held_by"] = ids.person(x.held_by);
      a.push_back(std::move(e));
    }
    j["activities"] = std::move(a);
  }
  if (has_channels) {
    json a = json::array();
    for (const auto& c : channels) {
      json e{{"id", c.id}, {"kind", c.kind}};
      if (!c.from_units.empty()) e["from_units"] = ids.units(c.from_units);
      e["recipients"] = ids.people(c.recipients);
      put(e, "anonymous", c.anonymous);
      put(e, "written", c.written);
      put(e, "oral", c.oral);
      put(e, "acknowledge_within", c.acknowledge_within);
      put(e, "feedback_within", c.feedback_within);
      put(e, "measures", c.measures);
      a.push_back(std::move(e));
    }
    j["channels"] = std::move(a);
  }
  if (has_surveys) {
    json a = json::array();
    for (const auto& s : surveys) {
      json e{{"id", s.id}, {"date", s.date.to_string()}};
      if (s.unit != no_index) e["unit"] = ids.unit(s.unit);
      put(e, "invited", s.invited);
      put(e, "respondents", s.respondents);
      put(e, "topics", s.topics);
      if (!s.results.empty()) {
        json res = json::array();
        for (const auto& r : s.results)
          res.push_back({{"topic", r.topic}, {"exposed_share", r.exposed_share}});
        e["results"] = std::move(res);
      }
      put(e, "measures", s.measures);
      a.push_back(std::move(e));
    }
    j["surveys"] = std::move(a);
  }
  if (has_case_statistics) {
    json a = json::array();
    for (const auto& c : case_statistics) {
      json e{{"id", c.id}, {"period", {{"from", c.period_from.to_string()}, {"to", c.period_to.to_string()}}}};
      if (c.channel != no_index) e["channel"] = channels[c.channel].id;
      if (c.unit != no_index) e["unit"] = ids.unit(c.unit);
      e["kind"] = c.kind;
      put(e, "received", c.received);
      put(e, "acknowledged_within_7_days", c.acknowledged_within_7_days);
      put(e, "feedback_within_3_months", c.feedback_within_3_months);
      put(e, "investigations_started", c.investigations_started);
      put(e, "max_days_to_acknowledge", c.max_days_to_acknowledge);
      put(e, "max_days_to_feedback", c.max_days_to_feedback);
      put(e, "max_days_to_investigation_start", c.max_days_to_investigation_start);
      put(e, "retained_beyond_limit", c.retained_beyond_limit);
      put(e, "closed", c.closed);
      a.push_back(std::move(e));
    }
    j["case_statistics"] = std::move(a);
  }
  if (has_risks) {
    json a = json::array();
    for (const auto& x : risks) {
      json e{{"id", x.id}};
      put(e, "title", x.title);
      e["area"] = x.area;
      if (!x.grounds.empty()) e["grounds"] = x.grounds;
      put(e, "identified", x.identified);
      put(e, "cause", x.cause);
      if (x.unit != no_index) e["unit"] = ids.unit(x.unit);
      a.push_back(std::move(e));
    }
    j["risks"] = std::move(a);
  }
  if (has_action_plan) {
    json a = json::array();
    for (const auto& x : action_plan) {
      json e{{"id", x.id}};
      put(e, "title", x.title);
      e["measure"] = x.measure;
      if (x.owner != no_index) e["owner"] = ids.person(x.owner);
      put(e, "due", x.due);
      put(e, "done", x.done);
      put(e, "verified", x.verified);
      if (x.risk != no_index) e["risk"] = risks[x.risk].id;
      put(e, "outcome", x.outcome);
      if (!x.fingerprints.empty()) {
        json f = json::array();
        for (const auto fp : x.fingerprints)
          f.push_back(fingerprint_text(fp));
        e["fingerprints"] = std::move(f);
      }
      put(e, "comment", x.comment);
      a.push_back(std::move(e));
    }
    j["action_plan"] = std::move(a);
  }
  return j;
}

Language country_language(std::string_view country) noexcept {
  if (country == "SE") return Language::sv;
  if (country == "NO") return Language::nb;
  return Language::en;
}

json organisation_template(const Framework& framework, std::string_view country, std::optional<Language> language) {
  const Language lang = language.value_or(country_language(country));
  // One placeholder routine per measure: the user keeps the ones that exist ("Finns idag"),
  // fills in the facts, removes "placeholder" and deletes the rest. Nothing in the template
  // is evidence (issue: a blank template must pass no rule): the routines are placeholders,
  // no flag, role, headcount, activity or channel is reported, and elements are left out
  // (not reported) rather than listed, so a routine kept without its elements is not taken
  // to state them.
  json routines = json::array();
  for (const auto& m : framework.measures())
    routines.push_back(
        json{{"id", "r-" + m.id}, {"title", m.title.in(lang)}, {"measures", {m.id}}, {"placeholder", true}});
  json flags = json::object();
  for (const auto f : detail::vocabulary::flags)
    flags[std::string(f)] = nullptr;
  json out{{"format", organisation_format}, {"id", "org-0001"}, {"country", country}};
  if (lang != country_language(country)) out["language"] = std::string(to_string(lang));
  out.update(json{{"flags", std::move(flags)},
                  {"units", json::array({json{{"id", "u-root"}, {"parent", nullptr}}})},
                  {"people", json::array()},
                  {"reported_roles", json::array()},
                  {"routines", std::move(routines)}});
  return out;
}

}  // namespace trygg
