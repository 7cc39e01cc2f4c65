// SPDX-License-Identifier: MIT
// Waivers (docs/history.md, "Waivers" and "Policy"): the file is checked entry by entry with
// JSON Pointers; a waiver applies from its decision to its last day, never beyond the
// policy's maximum; a waived result is never a pass, the summary stays whole, and the action
// plan leaves it out; a wrong id is reported with what it should have been.
#include <algorithm>

#include "catch.hpp"

#include "trygg/trygg.hpp"

namespace {
using json = nlohmann::json;

const trygg::Framework& fw() {
  static const trygg::Framework f = trygg::Framework::builtin();
  return f;
}

const trygg::Organisation& kommun() {
  static const trygg::Organisation o =
      trygg::Organisation::load(TRYGG_SOURCE_DIR "/examples/organisations/kommun.json", fw());
  return o;
}

constexpr const char* as_of = "2026-11-22";

trygg::Report audit_with(std::vector<trygg::Waiver> waivers, trygg::WaiverPolicy policy = {}) {
  trygg::AuditOptions o;
  o.as_of = trygg::Date::parse(as_of);
  o.language = trygg::Language::en;
  o.waivers = std::move(waivers);
  o.waiver_policy = policy;
  return trygg::audit(kommun(), fw(), o);
}

const trygg::Report& plain() {
  static const trygg::Report r = audit_with({});
  return r;
}

trygg::Date day(const char* s) {
  return *trygg::Date::parse(s);
}

/// The first finding whose rule is (or is not) a legal duty.
const trygg::Finding& finding(bool legal) {
  const auto& r = plain();
  for (const auto& f : r.findings) {
    const auto o = r.obligation(r.result(f));
    if ((o == trygg::Obligation::law || o == trygg::Obligation::regulation) == legal) return f;
  }
  FAIL("kommun has no such finding");
  return r.findings.front();
}

trygg::Waiver by_fingerprint(const trygg::Finding& f, const char* decided, std::optional<const char*> expires) {
  trygg::Waiver w;
  w.fingerprint = f.fingerprint;
  w.reason = "A measure is under way";
  w.decided_by = "role-hr-director";
  w.decided = day(decided);
  if (expires) w.expires = day(*expires);
  return w;
}

std::vector<trygg::Diagnostic> problems(const std::string& text) {
  try {
    (void)trygg::WaiverList::parse(text, "w.json");
  } catch (const trygg::LoadError& e) {
    return e.diagnostics();
  }
  return {};
}

bool has_problem(const std::vector<trygg::Diagnostic>& ds, const std::string& pointer, const std::string& word = {}) {
  return std::any_of(ds.begin(), ds.end(), [&](const trygg::Diagnostic& d) {
    return d.pointer == pointer &&
           (word.empty() || (d.expected + " " + d.found + " " + d.hint).find(word) != std::string::npos);
  });
}

std::string file_with(const json& entry) {
  return json{{"format", "trygg.waivers/1"}, {"waivers", json::array({entry})}}.dump();
}

json good_entry() {
  return json{{"rule", "se.dl.3-6.routine"},
              {"reason", "Under review"},
              {"decided_by", "board"},
              {"decided", "2026-01-10"},
              {"expires", "2026-12-31"}};
}
}  // namespace

TEST_CASE("a waiver file is read and written back", "[waivers]") {
  const auto list = trygg::WaiverList::parse(file_with(good_entry()), "w.json");
  REQUIRE(list.waivers.size() == 1);
  CHECK(list.waivers[0].rule == "se.dl.3-6.routine");
  CHECK(list.waivers[0].pointer == "/waivers/0");
  CHECK(list.waivers[0].file == "w.json");
  CHECK(list.waivers[0].expires == day("2026-12-31"));
  const auto again = trygg::WaiverList::from_json(list.to_json(), "w.json");
  CHECK(again.to_json() == list.to_json());
}

TEST_CASE("a waiver names a rule by the id the packs give it, with its slash", "[waivers]") {
  // Rule ids are MEASURE/check (docs/pack-format.md); an id pattern without "/" would refuse
  // every rule of the base pack.
  const auto list = trygg::WaiverList::parse(
      R"({"format": "trygg.waivers/1", "waivers": [{"rule": "ORG-03/elements", "reason": "Revised in spring",
          "decided_by": "hr-director", "decided": "2026-10-01"}]})",
      "w.json");
  REQUIRE(list.waivers.size() == 1);
  CHECK(list.waivers[0].rule == "ORG-03/elements");
  CHECK_THROWS_AS(trygg::WaiverList::parse(R"({"format": "trygg.waivers/1", "waivers": [{"rule": "ORG 03", )"
                                           R"("reason": "x", "decided_by": "b", "decided": "2026-10-01"}]})",
                                           "w.json"),
                  trygg::LoadError);
}

TEST_CASE("bad waiver entries are refused with their JSON Pointers", "[waivers]") {
  auto without = [](const char* key) {
    json e = good_entry();
    e.erase(key);
    return file_with(e);
  };
  auto with = [](const char* key, json v) {
    json e = good_entry();
    e[key] = std::move(v);
    return file_with(e);
  };
  CHECK(has_problem(problems(without("reason")), "/waivers/0/reason"));
  CHECK(has_problem(problems(with("reason", "")), "/waivers/0/reason", "non-empty"));
  CHECK(has_problem(problems(with("reason", "   ")), "/waivers/0/reason", "non-empty"));
  CHECK(has_problem(problems(without("decided_by")), "/waivers/0/decided_by"));
  CHECK(has_problem(problems(with("decided_by", "Anna Svensson")), "/waivers/0/decided_by", "never a person's name"));
  CHECK(has_problem(problems(with("fingerprint", "0123456789abcdef")), "/waivers/0", "exactly one"));
  CHECK(has_problem(problems(without("rule")), "/waivers/0", "exactly one"));
  CHECK(
      has_problem(problems(file_with(json{
                      {"fingerprint", "12345"}, {"reason", "x"}, {"decided_by", "board"}, {"decided", "2026-01-10"}})),
                  "/waivers/0/fingerprint", "16 hexadecimal"));
  CHECK(has_problem(problems(with("decided", "2026-02-30")), "/waivers/0/decided", "YYYY-MM-DD"));
  CHECK(has_problem(problems(with("expires", "31.12.2026")), "/waivers/0/expires", "YYYY-MM-DD"));
  CHECK(has_problem(problems(with("expires", "2025-12-31")), "/waivers/0/expires", "on or after"));
  CHECK(has_problem(problems(with("reasn", "typo")), "/waivers/0/reasn", "did you mean \"reason\"?"));
  CHECK(has_problem(problems(R"({"format": "trygg.waivers/2", "waivers": []})"), "/format"));
  CHECK(has_problem(problems(R"({"format": "trygg.waivers/1"})"), "/waivers"));
  CHECK(has_problem(problems(R"({"format": "trygg.waivers/1", "waivers": [3]})"), "/waivers/0", "a waiver object"));
  CHECK(!problems(R"({"format": "trygg.waivers/1", "waivers": [)").empty());
  // Nothing is half-loaded: one bad entry refuses the file.
  json two = json::parse(file_with(good_entry()));
  two["waivers"].push_back(json{{"rule", "x"}});
  CHECK_THROWS_AS(trygg::WaiverList::from_json(two, "w.json"), trygg::LoadError);
}

TEST_CASE("the profile's waivers member sets the policy and may hold entries", "[waivers][profile]") {
  const auto p = trygg::Profile::parse(
      json{{"format", "trygg.profile/1"},
           {"waivers", {{"max_months", 24}, {"max_months_legal", 3}, {"entries", json::array({good_entry()})}}}}
          .dump(),
      "p.json");
  CHECK(p.waiver_policy.max_months == 24);
  CHECK(p.waiver_policy.max_months_legal == 3);
  REQUIRE(p.waivers.size() == 1);
  CHECK(p.waivers[0].pointer == "/waivers/entries/0");
  CHECK(trygg::Profile::from_json(p.to_json(), "p.json").waiver_policy == p.waiver_policy);
  auto refused = [](json w, const std::string& pointer) {
    try {
      (void)trygg::Profile::parse(json{{"format", "trygg.profile/1"}, {"waivers", std::move(w)}}.dump(), "p.json");
    } catch (const trygg::LoadError& e) {
      return std::any_of(e.diagnostics().begin(), e.diagnostics().end(),
                         [&](const trygg::Diagnostic& d) { return d.pointer == pointer && d.file == "p.json"; });
    }
    return false;
  };
  CHECK(refused({{"max_months", 0}}, "/waivers/max_months"));
  CHECK(refused({{"max_months", 37}}, "/waivers/max_months"));
  CHECK(refused({{"max_months", 6}, {"max_months_legal", 7}}, "/waivers/max_months_legal"));
  CHECK(refused({{"max_months_legal", 0}}, "/waivers/max_months_legal"));
  CHECK(refused({{"max_month", 6}}, "/waivers/max_month"));
  CHECK(refused({{"entries", json::array({json{{"rule", "x"}}})}}, "/waivers/entries/0/reason"));
}

TEST_CASE("a waiver applies on its last day and not the day after", "[waivers]") {
  const auto& f = finding(false);
  struct Case {
    const char *decided, *expires;
    trygg::WaiverOutcome::State state;
  };
  using S = trygg::WaiverOutcome::State;
  for (const Case c : {Case{"2026-06-01", "2026-11-23", S::applied},  // the day before its expiry
                       Case{"2026-06-01", "2026-11-22", S::applied},  // its last day
                       Case{"2026-06-01", "2026-11-21", S::expired},  // the day after
                       Case{"2026-11-22", "2026-12-31", S::applied},  // decided on the as-of date
                       Case{"2026-11-23", "2026-12-31", S::not_yet}}) {
    CAPTURE(c.decided, c.expires);
    const auto r = audit_with({by_fingerprint(f, c.decided, c.expires)});
    REQUIRE(r.waivers.size() == 1);
    CHECK(r.waivers[0].state == c.state);
    CHECK(r.waivers[0].until == day(c.expires));
    CHECK_FALSE(r.waivers[0].capped);
    const auto& rf = *std::find_if(r.findings.begin(), r.findings.end(),
                                   [&](const trygg::Finding& x) { return x.fingerprint == f.fingerprint; });
    CHECK(rf.waiver == 0);  // an expired or future waiver is still named, so reports can say so
    CHECK((r.result(rf).status == trygg::Status::waived) == (c.state == S::applied));
    if (c.state != S::applied) CHECK(r.result(rf).status == plain().result(f).status);
  }
}

TEST_CASE("a waiver without expiry, or beyond the policy, lasts the policy's maximum", "[waivers]") {
  using S = trygg::WaiverOutcome::State;
  const auto& gp = finding(false);
  const auto& legal = finding(true);
  auto r =
      audit_with({by_fingerprint(gp, "2026-01-15", std::nullopt), by_fingerprint(legal, "2026-01-15", std::nullopt),
                  by_fingerprint(gp, "2025-11-22", "2030-01-01")});
  CHECK(r.waivers[0].until == day("2027-01-15"));  // decided + 12 months
  CHECK(r.waivers[0].capped);
  CHECK_FALSE(r.waivers[0].legal);
  CHECK(r.waivers[0].state == S::applied);
  CHECK(r.waivers[1].until == day("2026-07-15"));  // a legal duty: decided + 6 months
  CHECK(r.waivers[1].capped);
  CHECK(r.waivers[1].legal);
  CHECK(r.waivers[1].state == S::expired);
  CHECK(r.waivers[2].until == day("2026-11-22"));  // cut back to 12 months, which end on the as-of date
  CHECK(r.waivers[2].capped);
  CHECK(r.waivers[2].state == S::applied);
  // The profile's periods.
  r = audit_with({by_fingerprint(legal, "2026-01-15", std::nullopt)}, trygg::WaiverPolicy{24, 12});
  CHECK(r.waivers[0].until == day("2027-01-15"));
  CHECK(r.waivers[0].state == S::applied);
}

TEST_CASE("waived findings are never a pass; the summary stays whole; the plan leaves them out", "[waivers]") {
  const auto& base = plain();
  std::vector<trygg::Waiver> ws;
  for (const auto& f : base.findings)
    ws.push_back(by_fingerprint(f, "2026-06-01", "2026-12-31"));
  const auto r = audit_with(ws);
  CHECK(r.summary.total() == base.summary.total());
  CHECK(r.summary.waived == base.findings.size());
  CHECK(r.summary.pass == base.summary.pass);
  CHECK(r.summary.not_applicable == base.summary.not_applicable);
  CHECK(r.summary.fail + r.summary.partial + r.summary.not_assessed == 0);
  CHECK(r.findings.size() == base.findings.size());  // they stay findings, in their own section
  for (const auto& f : r.findings) {
    CHECK(r.result(f).status == trygg::Status::waived);
    CHECK(f.waiver != trygg::Finding::no_waiver);
  }
  CHECK(r.action_plan.empty());
  CHECK(r.count_at_or_above(trygg::Severity::info) == 0);
  for (const auto& a : r.area_scores)
    CHECK(a.findings == 0);
  // The maturity scores do not move: a waiver changes nothing the organisation has.
  REQUIRE(r.measure_scores.size() == base.measure_scores.size());
  for (std::size_t i = 0; i < r.measure_scores.size(); ++i)
    CHECK(r.measure_scores[i].maturity == base.measure_scores[i].maturity);
}

TEST_CASE("a waiver by rule waives that rule's findings only, narrowed by subject", "[waivers]") {
  const auto& base = plain();
  // A rule with findings for several units.
  std::string rule;
  std::vector<std::string> units;
  for (const auto& f : base.findings) {
    const auto& x = base.result(f);
    if (x.subject.kind != trygg::Subject::Kind::unit) continue;
    const auto id = base.rule(x).id;
    if (rule.empty() || rule == id) {
      rule = id;
      units.emplace_back(base.subject_id(x.subject));
    }
  }
  REQUIRE(units.size() >= 2);
  // Without a subject a waiver names every finding of the rule: its units' and, if it has
  // one, the organisation's.
  const auto of_rule =
      static_cast<std::size_t>(std::count_if(base.findings.begin(), base.findings.end(), [&](const trygg::Finding& f) {
        return base.rule(base.result(f)).id == rule;
      }));
  trygg::Waiver all, one;
  all.rule = one.rule = rule;
  all.reason = one.reason = "Reorganisation under way";
  all.decided_by = one.decided_by = "board";
  all.decided = one.decided = day("2026-09-01");
  one.subject = units[1];
  auto r = audit_with({one});
  CHECK(r.summary.waived == 1);
  CHECK(r.waivers[0].results.size() == 1);
  CHECK(r.subject_id(r.results[r.waivers[0].results[0]].subject) == units[1]);
  r = audit_with({all, one});
  CHECK(r.summary.waived == of_rule);
  CHECK(r.waivers[0].results.size() == of_rule);
  CHECK(r.waivers[1].state == trygg::WaiverOutcome::State::applied);
  for (const auto& f : r.findings)  // the first waiver in force wins
    if (r.result(f).status == trygg::Status::waived) CHECK(f.waiver == 0);
  // A pass is never waived: a rule with no finding for that subject is unmatched.
  const auto& pass = *std::find_if(base.results.begin(), base.results.end(),
                                   [](const trygg::Result& x) { return x.status == trygg::Status::pass; });
  trygg::Waiver p = all;
  p.rule = base.rule(pass).id;
  p.subject = pass.subject.kind == trygg::Subject::Kind::organisation ? "organisation"
                                                                      : std::string(base.subject_id(pass.subject));
  r = audit_with({p});
  CHECK(r.results[&pass - base.results.data()].status == trygg::Status::pass);
  CHECK(r.waivers[0].state == trygg::WaiverOutcome::State::unmatched);
  CHECK(r.waivers[0].did_you_mean.empty());
  CHECK(r.summary.waived == 0);
}

TEST_CASE("waivers that match nothing are listed, with a did-you-mean for ids", "[waivers]") {
  using S = trygg::WaiverOutcome::State;
  const auto& base = plain();
  const auto& f = finding(false);
  const std::string rule = base.rule(base.result(f)).id;
  trygg::Waiver typo;
  typo.rule = rule.substr(0, rule.size() - 1) + (rule.back() == 'x' ? "y" : "x");
  typo.reason = "r";
  typo.decided_by = "board";
  typo.decided = day("2026-09-01");
  trygg::Waiver unit = typo;
  unit.rule = rule;
  const std::string some_unit = kommun().units.back().id;
  unit.subject = some_unit + "x";
  trygg::Waiver gone = by_fingerprint(f, "2026-09-01", "2026-12-31");
  gone.fingerprint = f.fingerprint ^ 1;
  const auto r = audit_with({typo, unit, gone});
  CHECK(r.waivers[0].state == S::unmatched);
  CHECK(r.waivers[0].did_you_mean == rule);
  CHECK(r.waivers[1].state == S::unmatched);
  CHECK(r.waivers[1].did_you_mean == some_unit);
  CHECK(r.waivers[2].state == S::unmatched);
  CHECK(r.summary.waived == 0);
  CHECK(trygg::to_string(S::not_yet) == "not-yet");
  CHECK(trygg::to_string(S::unmatched) == "unmatched");
}

TEST_CASE("the JSON report lists the waivers and the findings name theirs", "[waivers][render]") {
  const auto& f = finding(true);
  const auto r = audit_with({by_fingerprint(f, "2026-09-01", "2026-12-31")});
  const auto j = trygg::render_json(r, trygg::Language::en);
  REQUIRE(j.contains("waivers"));
  const auto& w = j["waivers"][0];
  CHECK(w["state"] == "applied");
  CHECK(w["legal"] == true);
  CHECK(w["until"] == "2026-12-31");
  CHECK(w["fingerprint"] == trygg::fingerprint_text(f.fingerprint));
  CHECK(w["reason"] == "A measure is under way");
  CHECK(w["decided_by"] == "role-hr-director");
  CHECK(w["results"] == json::array({f.result}));
  bool named = false;
  for (const auto& jf : j["findings"])
    if (jf["fingerprint"] == trygg::fingerprint_text(f.fingerprint)) named = jf["waiver"] == 0;
  CHECK(named);
  CHECK(j["results"][f.result]["status"] == "waived");
  CHECK(j["summary"]["waived"] == 1);
  CHECK_FALSE(trygg::render_json(plain(), trygg::Language::en).contains("waivers"));
}
