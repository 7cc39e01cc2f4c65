// SPDX-License-Identifier: MIT
// Yearly documentation drafts: built from the data only, with gaps marked, in three languages.
#include <regex>
#include <set>

#include "catch.hpp"
#include "document_spec.hpp"
#include "fixtures.hpp"

namespace {
using fixtures::json;

/// small_org() with risks, an action plan, routines and cooperation meetings.
json doc_org() {
  json d = fixtures::small_org();
  d["headcount"] = {{"start_of_year", 30}};
  d["risks"] = json::parse(R"([
    {"id": "r-1", "title": "Jargong om kön i lagret", "area": "working-conditions", "grounds": ["sex"],
     "identified": "2025-09-01", "cause": "Ingen gemensam norm för bemötande", "unit": "u-b"},
    {"id": "r-2", "title": "Löneskillnader", "area": "pay", "grounds": ["sex", "age"],
     "cause": "Påslag utan kriterier"},
    {"id": "r-3", "title": "Möten efter förskolans stängning", "area": "parenthood"},
    {"id": "r-4", "title": "Ensamarbete på kvällar", "area": "work-environment", "cause": "Schemaläggning"}
  ])");
  d["action_plan"] = json::parse(R"([
    {"id": "ap-1", "title": "Normsamtal på arbetsplatsträffar", "measure": "FORUM-01", "owner": "p-1",
     "due": "2026-06-30", "risk": "r-1"},
    {"id": "ap-2", "title": "Kriterier för lönepåslag", "measure": "ORG-09", "owner": "p-3", "due": "2026-01-31",
     "risk": "r-2"},
    {"id": "ap-3", "title": "Utbildning i regelverket", "measure": "EMP-03", "owner": "p-3", "due": "2025-10-31",
     "done": "2025-10-01", "verified": "2025-11-15", "risk": "r-1", "outcome": "effective"},
    {"id": "ap-4", "title": "Nya enkätfrågor", "measure": "SIG-02", "due": "2025-12-31", "done": "2025-12-20"},
    {"id": "ap-5", "title": "Ställningstagande mot trakasserier", "measure": "ORG-02", "owner": "p-1", "risk": "r-2"},
    {"id": "ap-6", "title": "Uppdatera intranätet", "measure": "ORG-04", "owner": "p-2", "due": "2026-04-30",
     "done": "2026-05-10"}
  ])");
  d["routines"] = json::parse(R"([
    {"id": "rt-anm", "title": "Rutin vid trakasserier", "kind": "routine", "measures": ["ORG-03"], "written": true,
     "owner": "p-3", "adopted": "2024-01-01", "participation": ["employees", "safety-representatives"]},
    {"id": "rt-noll", "kind": "policy", "measures": ["ORG-02"], "adopted": "2023-05-01",
     "last_reviewed": "2024-05-01"}
  ])");
  d["activities"] = json::parse(R"([
    {"id": "a-sam-1", "kind": "cooperation-meeting", "measures": ["FORUM-02"], "date": "2026-02-10",
     "participants": ["p-1", "p-3"]},
    {"id": "a-sam-0", "kind": "cooperation-meeting", "measures": ["FORUM-02"], "date": "2025-11-01",
     "participants": ["p-1"]},
    {"id": "a-sam-2", "kind": "cooperation-meeting", "measures": ["FORUM-02"], "date": "2026-05-01",
     "participants": ["p-1", "p-2", "p-3"]},
    {"id": "a-risk-1", "kind": "risk-assessment", "measures": ["ORG-05"], "date": "2025-06-01", "units": ["u-a"]}
  ])");
  return d;
}

std::string draft(trygg::DocumentKind kind, const json& doc, const char* as_of, trygg::Language lang) {
  return trygg::render_document(kind, fixtures::load(doc), fixtures::framework(), *trygg::Date::parse(as_of), lang);
}
std::string dl(const json& doc, const char* as_of = "2026-03-01", trygg::Language lang = trygg::Language::en) {
  return draft(trygg::DocumentKind::dl_active_measures, doc, as_of, lang);
}
std::string sam(const json& doc, const char* as_of = "2026-03-01", trygg::Language lang = trygg::Language::en) {
  return draft(trygg::DocumentKind::sam_follow_up, doc, as_of, lang);
}
bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}
/// The text of a "## " section whose heading starts with `heading`, up to the next "## ".
std::string section(const std::string& text, const std::string& heading) {
  const auto start = text.find("\n## " + heading);
  if (start == std::string::npos) return {};
  const auto end = text.find("\n## ", start + 1);
  return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}
std::set<std::string> placeholders(const std::string& s) {
  std::set<std::string> out;
  const std::regex re(R"(\{([a-z_]+)\})");
  for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it)
    out.insert((*it)[1]);
  return out;
}
}  // namespace

TEST_CASE("document: kinds parse and print", "[document]") {
  const auto kinds = trygg::document_kinds();
  REQUIRE(kinds.size() == 2);
  for (auto k : kinds) {
    const auto parsed = trygg::parse_document_kind(k);
    REQUIRE(parsed);
    CHECK(trygg::to_string(*parsed) == k);
  }
  CHECK(trygg::parse_document_kind("dl-active-measures") == trygg::DocumentKind::dl_active_measures);
  CHECK(trygg::parse_document_kind("sam-follow-up") == trygg::DocumentKind::sam_follow_up);
  CHECK_FALSE(trygg::parse_document_kind("DL-active-measures"));
  CHECK_FALSE(trygg::parse_document_kind(""));
}

TEST_CASE("document: every text has three languages with the same placeholders", "[document]") {
  // The drafts' texts are the catalogue's, under "document." (test_messages.cpp checks every
  // entry); here: that they are there, with the same placeholders in every language.
  std::size_t texts = 0;
  for (const auto& id : trygg::catalogue_ids()) {
    if (id.rfind("document.", 0) != 0) continue;
    ++texts;
    INFO(id);
    const auto en = trygg::catalogue_text(id, trygg::Language::en);
    for (auto lang : trygg::all_languages)
      CHECK_FALSE(trygg::catalogue_text(id, lang).empty());
    CHECK(placeholders(std::string(trygg::catalogue_text(id, trygg::Language::sv))) == placeholders(std::string(en)));
    CHECK(placeholders(std::string(trygg::catalogue_text(id, trygg::Language::nb))) == placeholders(std::string(en)));
  }
  CHECK(texts > 50);
}

TEST_CASE("document: a risk without a cause is a marked gap in every language", "[document]") {
  const auto doc = doc_org();
  const auto sv = dl(doc, "2026-03-01", trygg::Language::sv);
  const auto nb = dl(doc, "2026-03-01", trygg::Language::nb);
  const auto en = dl(doc, "2026-03-01", trygg::Language::en);
  CHECK(has(sv, "> **Uppgift saknas:** ingen orsaksanalys angiven för risk r-3\n"));
  CHECK(has(nb, "> **Opplysning mangler:** ingen årsaksanalyse oppgitt for risiko r-3\n"));
  CHECK(has(en, "> **Missing information:** no cause analysis given for risk r-3\n"));
  // The risks that have a cause show it, and get no gap.
  CHECK(has(en, "- **r-1**: Ingen gemensam norm för bemötande\n"));
  CHECK_FALSE(has(en, "no cause analysis given for risk r-1"));
  CHECK_FALSE(has(en, "no cause analysis given for risk r-2"));
  // Grounds and the missing ground, by area in the order of the law.
  CHECK(has(en, "- **r-2** Löneskillnader — grounds: sex, age; unit: the whole organisation\n"));
  CHECK(has(sv, "- **r-1** Jargong om kön i lagret — diskrimineringsgrunder: kön; enhet: u-b; upptäckt: 2025-09-01\n"));
  CHECK(has(en, "> **Missing information:** no ground of discrimination given for risk r-3\n"));
  CHECK(en.find("### Working conditions") < en.find("### Pay and other terms"));
  CHECK(has(section(en, "1."), "### Recruitment and promotion\n\nNo risks given in this area."));
  // The work-environment risk is not a DL risk.
  CHECK_FALSE(has(en, "r-4"));
  CHECK(has(en, "not part of this documentation: 1."));
  // Header: the year, the as-of date, the headcount at the start of the year and the duty.
  CHECK(has(en, "# Active measures against discrimination – documentation for 2026\n"));
  CHECK(has(en, "| Employees at the start of the year | 30 |"));
  CHECK(has(en, "at least 25"));
}

TEST_CASE("document: actions appear with their due dates and status, linked to their risks", "[document]") {
  const auto en = dl(doc_org());
  const auto s3 = section(en, "3.");
  CHECK(has(s3,
            "| r-1 | ap-3: Utbildning i regelverket | p-3 | 2025-10-31 | done 2025-10-01 |\n"
            "| r-1 | ap-1: Normsamtal på arbetsplatsträffar | p-1 | 2026-06-30 | planned |\n"));
  CHECK(has(s3,
            "| r-2 | ap-2: Kriterier för lönepåslag | p-3 | 2026-01-31 | planned, overdue |\n"
            "| r-2 | ap-5: Ställningstagande mot trakasserier | p-1 | – | planned |\n"));
  CHECK(has(s3, "> **Missing information:** no due date given for action ap-5\n"));
  CHECK(has(s3, "> **Missing information:** no action given for risk r-3\n"));
  CHECK_FALSE(has(s3, "no action given for risk r-1"));
  CHECK(has(s3, "not linked to any of the risks above and so are not shown here: 2."));  // ap-4, ap-6
  CHECK_FALSE(has(s3, "ap-4"));
  // A done date after the as-of date is not "done" yet.
  const auto later = section(dl(doc_org(), "2026-07-01"), "3.");
  CHECK(has(later, "| r-1 | ap-1: Normsamtal på arbetsplatsträffar | p-1 | 2026-06-30 | planned, overdue |"));
}

TEST_CASE("document: last year's actions are followed up, with missing outcomes marked", "[document]") {
  const auto en = dl(doc_org());
  const auto s4 = section(en, "4.");
  CHECK(has(s4, "## 4. Follow-up and evaluation of the measures from 2025\n"));
  CHECK(has(s4, "| ap-3: Utbildning i regelverket | r-1 | 2025-10-31 | 2025-10-01 | 2025-11-15 | effective |\n"));
  CHECK(has(s4, "| ap-4: Nya enkätfrågor | – | 2025-12-31 | 2025-12-20 | – | – |\n"));
  CHECK(has(s4, "> **Missing information:** no evaluation outcome given for action ap-4\n"));
  CHECK_FALSE(has(s4, "no evaluation outcome given for action ap-3"));
  for (const char* id : {"ap-1", "ap-2", "ap-5", "ap-6"})
    CHECK_FALSE(has(s4, id));
  // Two years later, none of them falls in the previous year.
  CHECK(has(dl(doc_org(), "2028-02-01"), "No action in the action plan was due or done in 2027."));
  CHECK(has(dl(doc_org(), "2026-03-01", trygg::Language::sv),
            "> **Uppgift saknas:** inget utfall av utvärderingen angivet för åtgärd ap-4\n"));
}

TEST_CASE("document: guidelines and cooperation come from routines and meetings of the year", "[document]") {
  const auto en = dl(doc_org());
  const auto s5 = section(en, "5.");
  CHECK(has(s5, "| Rutin vid trakasserier (rt-anm) | routine | ORG-03 | 2024-01-01 | – |\n"));
  CHECK(has(s5, "| rt-noll | policy | ORG-02 | 2023-05-01 | 2024-05-01 |\n"));
  CHECK(has(s5, "> **Missing information:** no date of last review given for routine rt-anm\n"));
  const auto s6 = section(en, "6.");
  CHECK(has(s6, "| 2026-02-10 | a-sam-1 | 2 |\n"));
  CHECK_FALSE(has(s6, "a-sam-0"));  // last year
  CHECK_FALSE(has(s6, "a-sam-2"));  // after the as-of date
  CHECK(has(s6, "- Rutin vid trakasserier (rt-anm): "));
  CHECK_FALSE(has(s6, "Missing information"));

  auto doc = doc_org();
  doc["activities"] = json::array();
  for (auto& r : doc["routines"])
    r.erase("participation");
  const auto none = section(dl(doc), "6.");
  CHECK(
      has(none, "> **Missing information:** no cooperation meeting recorded in 2026 up to and including 2026-03-01\n"));
  CHECK(has(none, "> **Missing information:** no routine states who took part in the work\n"));
}

TEST_CASE("document: sam-follow-up counts open, overdue, done and verified actions as of the date", "[document]") {
  const auto march = section(sam(doc_org(), "2026-03-01"), "4.");
  CHECK(has(march, "| Open | Overdue | Done | Verified |\n|---|---|---|---|\n| 4 | 1 | 2 | 1 |\n"));
  CHECK(has(march, "- ap-2: Kriterier för lönepåslag — Due: 2026-01-31; Owner: p-3\n"));
  CHECK(has(march, "> **Missing information:** no owner given for action ap-4\n"));
  CHECK(has(march, "> **Missing information:** no due date given for action ap-5\n"));
  const auto july = section(sam(doc_org(), "2026-07-01"), "4.");
  CHECK(has(july, "| 3 | 2 | 3 | 1 |\n"));
  CHECK(has(july, "- ap-1: Normsamtal på arbetsplatsträffar — Due: 2026-06-30"));
}

TEST_CASE("document: sam-follow-up lists routines, risk assessments, cases and the organisation findings",
          "[document]") {
  auto doc = doc_org();
  doc["case_statistics"] = json::parse(R"([
    {"id": "cs-1", "period": {"from": "2025-01-01", "to": "2025-12-31"}, "kind": "bullying", "received": 4,
     "closed": 3},
    {"id": "cs-0", "period": {"from": "2024-01-01", "to": "2024-12-31"}, "kind": "harassment", "received": 9}
  ])");
  const auto en = sam(doc, "2026-03-01");
  CHECK(has(en, "| Employees | 100 |"));
  CHECK(has(en, "at least 10"));
  const auto s1 = section(en, "1.");
  CHECK(has(s1, "| Rutin vid trakasserier (rt-anm) | routine | yes | p-3 | – | – |\n"));
  CHECK(has(s1, "| rt-noll | policy | – | – | 2024-05-01 | no |\n"));
  CHECK(has(s1, "> **Missing information:** not stated whether routine rt-noll is written\n"));
  CHECK(has(s1, "> **Missing information:** no owner given for routine rt-noll\n"));
  CHECK(has(section(en, "2."), "| 2025-06-01 | a-risk-1 | u-a |\n"));
  CHECK(has(section(sam(doc, "2026-07-01"), "2."), "> **Missing information:** no risk assessment recorded"));
  const auto s3 = section(en, "3.");
  CHECK(has(s3, "| 2025-01-01 – 2025-12-31 | bullying | the whole organisation | 4 | 3 |\n"));
  CHECK_FALSE(has(s3, "2024-01-01"));
  // Does it work? Findings of the area "organisation" only, with their messages.
  const auto s5 = section(en, "5.");
  CHECK(has(s5, "- **ORG-"));
  CHECK_FALSE(has(s5, "**SIG-"));
  CHECK_FALSE(has(s5, "**FORUM-"));
  const auto report = fixtures::run(doc, "2026-03-01");
  std::size_t organisation_findings = 0;
  for (const auto& f : report.findings) {
    const auto& r = report.view(f);
    if (r.area != "organisation") continue;
    ++organisation_findings;
    INFO(r.rule);
    CHECK(has(s5, r.rule));
  }
  REQUIRE(organisation_findings > 0);
  // One item per measure, from the reader view: nothing implements ORG-01, so its other
  // findings are named on one line under "present".
  CHECK(has(s5, "- **ORG-01** Value statement on respectful treatment (fail)"));
  CHECK(has(s5,
            "  - **ORG-01/present** (fail): nothing in the organisation implements the measure\n"
            "  - Further findings that follow from this: ORG-01/"));
  CHECK_FALSE(has(s5, "**ORG-01/owner**"));
}

TEST_CASE("document: empty and absent sections give no invented content", "[document]") {
  json doc = fixtures::small_org();  // routines, activities, channels: []; no risks, no action plan
  const auto en = dl(doc);
  CHECK(has(en, "> **Missing information:** the number of employees at the start of the year is not given"));
  CHECK(has(section(en, "1."), "> **Missing information:** risks and obstacles are not reported"));
  CHECK(has(section(en, "4."), "> **Missing information:** the action plan is not reported"));
  CHECK(has(section(en, "5."), "> **Missing information:** no guideline or routine against harassment given"));
  // Nothing but the header table, and no list items: nothing the data does not hold.
  CHECK_FALSE(has(en, "\n- "));
  CHECK(std::count(en.begin(), en.end(), '|') == 3 * 6);  // header, rule line and four rows of 2 cells
  CHECK(has(en, "Gaps marked in the data: "));

  doc["risks"] = json::array();
  doc["action_plan"] = json::array();
  const auto reported_none = dl(doc);
  CHECK(has(section(reported_none, "1."), "The organisation states that no risks or obstacles were found."));
  CHECK(has(section(reported_none, "3."), "There are no risks in section 1 to link actions to."));
  CHECK(has(section(reported_none, "4."), "No action in the action plan was due or done in 2025."));
  CHECK_FALSE(has(reported_none, "risks and obstacles are not reported"));
  CHECK_FALSE(has(reported_none, "\n- "));

  const auto s = sam(doc);
  CHECK(has(section(s, "1."), "> **Missing information:** no policy or routine given\n"));
  CHECK(has(section(s, "2."), "> **Missing information:** no risk assessment recorded"));
  CHECK(has(section(s, "3."), "> **Missing information:** case figures are not reported"));
  CHECK(has(section(s, "4."), "The action plan holds no actions."));
  CHECK_FALSE(has(section(s, "4."), "|"));
}

TEST_CASE("document: the example municipality drafts in every language without stray ids", "[document]") {
  const auto& fw = fixtures::framework();
  const auto org = trygg::Organisation::load(TRYGG_SOURCE_DIR "/examples/organisations/kommun.json", fw);
  std::vector<std::string> ids;
  for (const auto& id : trygg::catalogue_ids())
    if (id.rfind("document.", 0) == 0) ids.push_back(id);
  REQUIRE_FALSE(ids.empty());
  for (auto kind : {trygg::DocumentKind::dl_active_measures, trygg::DocumentKind::sam_follow_up})
    for (auto lang : trygg::all_languages) {
      const auto text = trygg::render_document(kind, org, fw, *trygg::Date::parse("2026-03-01"), lang);
      INFO(trygg::to_string(kind) << " " << trygg::to_string(lang));
      CHECK(text.find('{') == std::string::npos);  // every placeholder filled in
      for (const auto& id : ids)
        CHECK_FALSE(has(text, id));  // every text found in the catalogue (else shown as its id)
      CHECK_FALSE(has(text, "party."));
      // Deterministic.
      CHECK(text == trygg::render_document(kind, org, fw, *trygg::Date::parse("2026-03-01"), lang));
    }
}

TEST_CASE("document: the DL duty follows the start-of-year headcount, and the pay survey is always a gap") {
  json d = doc_org();
  d["headcount"]["start_of_year"] = 24;
  const auto pay_only = dl(d);
  CHECK(pay_only.find("between 10 and 24") != std::string::npos);
  CHECK(pay_only.find("fewer than 10") == std::string::npos);
  d["headcount"]["start_of_year"] = 9;
  CHECK(dl(d).find("fewer than 10") != std::string::npos);
  d["headcount"]["start_of_year"] = 25;
  const auto full = dl(d);
  CHECK(full.find("between 10 and 24") == std::string::npos);
  // trygg holds no pay data: the draft says so instead of leaving the pay survey out.
  CHECK(full.find("the pay survey (chapter 3, sections 8-10)") != std::string::npos);
}

namespace {
/// The built-in framework with the applies_if.min_headcount of one rule changed.
trygg::Framework with_threshold(const std::string& rule_id, std::uint32_t min) {
  std::vector<trygg::Pack> packs;
  for (const auto& id : trygg::Framework::builtin_pack_ids()) {
    auto pack = trygg::Framework::builtin_pack(id);
    for (auto& r : pack.rules)
      if (r.id == rule_id) r.applies_if.min_headcount = min;
    packs.push_back(std::move(pack));
  }
  return trygg::Framework::from_packs(std::move(packs));
}
std::string draft_with(trygg::DocumentKind kind, const json& doc, const trygg::Framework& fw) {
  return trygg::render_document(kind, trygg::Organisation::from_json(doc, fw, "test.json"), fw,
                                *trygg::Date::parse("2026-03-01"), trygg::Language::en);
}
}  // namespace

TEST_CASE("document: the thresholds are the packs' rules, and the draft names them", "[document]") {
  const auto en = dl(doc_org());  // 30 at the start of the year
  CHECK(has(en,
            "so at least 25, and must therefore document its work on active measures in writing every year "
            "(Discrimination Act (SE) 3 kap. 13 §; trygg rule se.dl.3-13.written).\n"));
  const auto s = sam(doc_org());  // 100 employees in total
  CHECK(has(s,
            "so at least 10, and the follow-up must be documented in writing (AFS 2023\\:1 14 §; trygg rule "
            "se.sam.14.follow-up-written).\n"));
  // Before 2025 the follow-up rested on AFS 2001:1: the citation in force on the as-of date.
  CHECK(has(sam(doc_org(), "2024-06-30"), "(AFS 2001\\:1; trygg rule se.sam.14.follow-up-written)"));
  auto d = doc_org();
  d["headcount"]["start_of_year"] = 9;
  CHECK(has(dl(d),
            "fewer than 10. The duty to document in writing (Discrimination Act (SE) 3 kap. 13 §; "
            "trygg rule se.dl.3-13.written) and the duty to document the pay survey (Discrimination "
            "Act (SE) 3 kap. 14 §) then do not apply"));

  // A pack that raises the SAM threshold moves the draft with it: nothing is in the code.
  const auto raised =
      draft_with(trygg::DocumentKind::sam_follow_up, doc_org(), with_threshold("se.sam.14.follow-up-written", 200));
  CHECK(has(raised, "The organisation has 100 employees, fewer than 200."));
  // The DL bands must meet: the pay-survey band of data/documents.json ends at 24.
  try {
    (void)draft_with(trygg::DocumentKind::dl_active_measures, doc_org(), with_threshold("se.dl.3-13.written", 50));
    FAIL("a DL threshold that leaves a gap after the pay-survey band is an error");
  } catch (const trygg::UsageError& e) {
    CHECK(std::string(e.what()) ==
          "the pay-survey band of dl-active-measures (data/documents.json: 10 to 24 employees) does not end just "
          "below the threshold of the rule se.dl.3-13.written (50)");
  }
}

TEST_CASE("document: a rule the draft rests on that the framework lacks is a clear error", "[document]") {
  const auto base_only = trygg::Framework::builtin({"base"});
  const auto org = trygg::Organisation::from_json(doc_org(), base_only, "test.json");
  const auto date = *trygg::Date::parse("2026-03-01");
  for (auto [kind, rule] : {std::pair{trygg::DocumentKind::dl_active_measures, "se.dl.3-13.written"},
                            std::pair{trygg::DocumentKind::sam_follow_up, "se.sam.14.follow-up-written"}}) {
    INFO(rule);
    try {
      (void)trygg::render_document(kind, org, base_only, date, trygg::Language::en);
      FAIL("no error");
    } catch (const trygg::UsageError& e) {
      CHECK(std::string(e.what()) == "the document " + std::string(trygg::to_string(kind)) + " rests on the rule " +
                                         rule +
                                         " (data/documents.json), which no pack of the framework defines: load the "
                                         "pack that has it");
    }
  }
}

TEST_CASE("document: data/documents.json is checked when read", "[document]") {
  const auto& specs = trygg::detail::document_specs();
  CHECK(specs.dl_active_measures.written_rule == "se.dl.3-13.written");
  CHECK(specs.dl_active_measures.areas.size() == 5);
  CHECK(specs.dl_active_measures.pay_survey_only.min == 10);
  CHECK(specs.dl_active_measures.pay_survey_only.citation.locator == "3 kap. 14 §");
  CHECK(specs.sam_follow_up.findings_area == "organisation");
  // Every rule, measure and area it names is in the built-in framework.
  const auto& fw = fixtures::framework();
  CHECK(fw.find_rule(specs.dl_active_measures.written_rule));
  CHECK(fw.find_rule(specs.sam_follow_up.written_rule));
  CHECK(fw.find_area(specs.sam_follow_up.findings_area));
  for (const auto& m : specs.dl_active_measures.guideline_measures)
    CHECK(fw.find_measure(m));

  auto pointers = [](const std::string& text) {
    std::vector<std::string> out;
    try {
      (void)trygg::detail::parse_document_specs(text, "documents.json");
    } catch (const trygg::LoadError& e) {
      for (const auto& d : e.diagnostics())
        out.push_back(d.pointer);
    }
    return out;
  };
  const json good = json::parse(R"({
    "dl-active-measures": {"written_rule": "r", "areas": ["pay"], "guideline_measures": ["M-1"],
      "pay_survey_only": {"min_headcount": 10, "max_headcount": 24, "citation": {"source": "s", "locator": "l"}}},
    "sam-follow-up": {"written_rule": "r2", "findings_area": "organisation"}})");
  CHECK(pointers(good.dump()).empty());
  json bad = good;
  bad["sam-follow-up"].erase("written_rule");
  bad["dl-active-measures"]["areas"] = {"pay", "no-such-area"};
  bad["dl-active-measures"]["pay_survey_only"]["max_headcount"] = 5;
  bad["dl-active-measures"]["extra"] = 1;
  const auto found = pointers(bad.dump());
  for (const char* p : {"/sam-follow-up/written_rule", "/dl-active-measures/areas/1",
                        "/dl-active-measures/pay_survey_only/max_headcount", "/dl-active-measures/extra"})
    CHECK(std::find(found.begin(), found.end(), p) != found.end());
  CHECK(found.size() == 4);
  CHECK(pointers("{\"sam-follow-up\": {}}").size() >= 1);  // no dl-active-measures
  CHECK_FALSE(pointers("not json").empty());
}
