// SPDX-License-Identifier: MIT
// The fuzz entry points (fuzz_inputs.hpp). Kept free of libFuzzer so that the gcc test build
// replays the stored inputs through the same code (tests/cpp/test_fuzz_regressions.cpp).
#include "fuzz_inputs.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "trygg/trygg.hpp"

// examples/organisations/small-company.json, embedded by the build (cmake/EmbedFile.cmake) so
// that the harnesses do not depend on the working directory or on the source tree at run time.
namespace trygg::detail::embedded {
extern const char fuzz_small_company[];
}  // namespace trygg::detail::embedded

namespace trygg::fuzz {
namespace {

using json = nlohmann::json;

/// A broken invariant: say which one on stderr (the fuzzer log keeps it next to the stack),
/// then trap, which libFuzzer reports as a crash and saves the input for.
[[noreturn]] void broken(const char* invariant, const std::string& detail = {}) {
  std::fprintf(stderr, "\ntrygg fuzz: invariant broken: %s\n%s\n", invariant, detail.c_str());
  std::fflush(stderr);
  __builtin_trap();
}

std::string describe(const Error& e) {
  std::string s = e.what();
  if (const auto* le = dynamic_cast<const LoadError*>(&e))
    for (const auto& d : le->diagnostics())
      s += "\n  " + d.message();
  return s;
}

std::string_view as_text(std::span<const std::uint8_t> bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

const Framework& builtin_framework() {
  static const Framework fw = Framework::builtin();
  return fw;
}

/// The built-in packs as parsed, copied once: from_packs takes its packs by value, and
/// re-reading them from the embedded JSON on every input would dominate the pack harness.
const std::vector<Pack>& builtin_packs() {
  static const std::vector<Pack> packs = [] {
    std::vector<Pack> out;
    for (const auto& id : Framework::builtin_pack_ids())
      out.push_back(Framework::builtin_pack(id));
    return out;
  }();
  return packs;
}

/// Small limits keep the fuzzer on inputs the loader reads, not on huge ones it refuses or
/// on formatting a hundred diagnostics. At most 1000 entries: a report has results per unit,
/// and the harness renders it a dozen times under the sanitizers, so an organisation of a few
/// thousand units (64 KB of input can hold them) would take seconds per run and end as a timeout
/// that says nothing about trygg. The depth limit stays the default, since how the parsers
/// handle it is part of what is being tested.
LoadLimits fuzz_limits() {
  LoadLimits limits;
  limits.max_file_bytes = 1024u * 1024u;
  limits.max_entities = 1000;
  limits.max_errors = 10;
  return limits;
}

/// A fixed as-of date: the report must depend on the input only, never on the day the fuzzer
/// runs (a crash found today must reproduce tomorrow).
AuditOptions audit_options(bool preview) {
  static const Date as_of = *Date::parse("2026-11-22");
  AuditOptions o;
  o.as_of = as_of;
  o.preview = preview;
  return o;
}

/// Every renderer in every language. Serialising the JSON report is part of it: dump() throws
/// on invalid UTF-8, which a report must never contain. Once is enough for that (the languages
/// differ only in catalogue texts, the input's strings are the same in all three), and dumping
/// a report of a few hundred results costs as much as rendering it.
void render_everything(const Report& report) {
  for (const Language lang : all_languages) {
    const json j = render_json(report, lang);
    if (lang == Language::en) (void)j.dump();
    // Colour in one language and not in the others, so that both paths run on every input.
    (void)render_text(report, TextOptions{lang, lang == Language::sv, 80});
    (void)render_markdown(report, lang);
    (void)render_csv(report, lang);
  }
}

/// Both yearly documents in every language (sam-follow-up runs an audit of its own).
void render_documents(const Organisation& org, const Framework& fw) {
  for (const auto name : document_kinds()) {
    const auto kind = parse_document_kind(name);
    if (!kind || to_string(*kind) != name)
      broken("document_kinds() and parse_document_kind disagree", std::string(name));
    for (const Language lang : all_languages)
      (void)render_document(*kind, org, fw, *audit_options(false).as_of, lang);
  }
}

std::vector<ResultView> report_views(const Report& report) {
  std::vector<ResultView> out;
  for (const auto& r : report.results)
    out.push_back(report.view(r));
  return out;
}

/// Where two reports differ ("" when they do not), compared field by field: rendering both
/// as JSON would say the same but cost more than the rest of the harness together.
std::string first_difference(const Report& a, const Report& b) {
  // Everything a result says, spelled out: two reports may store it in different layouts.
  auto result_key = [](const ResultView& r) {
    return std::tie(r.rule, r.measure, r.area, r.check, r.subject.kind, r.subject.id, r.subject.name, r.subject.pointer,
                    r.status, r.severity, r.obligation, r.message, r.expected, r.found, r.evidence, r.next_due);
  };
  if (std::tie(a.organisation_id, a.organisation_name, a.country, a.as_of, a.language, a.packs) !=
      std::tie(b.organisation_id, b.organisation_name, b.country, b.as_of, b.language, b.packs))
    return "organisation, date, language or packs";
  if (a.results.size() != b.results.size()) return "number of results";
  for (std::size_t i = 0; i < a.results.size(); ++i)
    if (const auto x = a.view(a.results[i]), y = b.view(b.results[i]); result_key(x) != result_key(y))
      return "results[" + std::to_string(i) + "] " + x.rule;
  if (a.findings.size() != b.findings.size()) return "number of findings";
  for (std::size_t i = 0; i < a.findings.size(); ++i)
    if (std::tie(a.findings[i].result, a.findings[i].fingerprint, a.findings[i].due) !=
        std::tie(b.findings[i].result, b.findings[i].fingerprint, b.findings[i].due))
      return "findings[" + std::to_string(i) + "]";
  if (a.measure_scores.size() != b.measure_scores.size()) return "number of measure scores";
  for (std::size_t i = 0; i < a.measure_scores.size(); ++i) {
    const auto &x = a.measure_scores[i], &y = b.measure_scores[i];
    if (std::tie(x.measure, x.area, x.maturity, x.implemented_by, x.evidence) !=
        std::tie(y.measure, y.area, y.maturity, y.implemented_by, y.evidence))
      return "measure_scores[" + std::to_string(i) + "] " + x.measure;
  }
  if (a.area_scores.size() != b.area_scores.size()) return "number of area scores";
  for (std::size_t i = 0; i < a.area_scores.size(); ++i) {
    const auto &x = a.area_scores[i], &y = b.area_scores[i];
    if (std::tie(x.area, x.score, x.measures, x.findings) != std::tie(y.area, y.score, y.measures, y.findings))
      return "area_scores[" + std::to_string(i) + "] " + x.area;
  }
  if (a.action_plan.size() != b.action_plan.size()) return "length of the action plan";
  for (std::size_t i = 0; i < a.action_plan.size(); ++i) {
    const auto &x = a.action_plan[i], &y = b.action_plan[i];
    if (std::tie(x.measure, x.area, x.severity, x.due, x.rules, x.fingerprints) !=
        std::tie(y.measure, y.area, y.severity, y.due, y.rules, y.fingerprints))
      return "action_plan[" + std::to_string(i) + "] " + x.measure;
  }
  if (a.routines.size() != b.routines.size()) return "number of routine coverages";
  for (std::size_t i = 0; i < a.routines.size(); ++i) {
    const auto &x = a.routines[i], &y = b.routines[i];
    if (x.routine != y.routine || x.pointer != y.pointer || x.requirements.size() != y.requirements.size())
      return "routines[" + std::to_string(i) + "]";
    for (std::size_t k = 0; k < x.requirements.size(); ++k)
      if (std::tie(x.requirements[k].rule, x.requirements[k].measure, x.requirements[k].missing) !=
          std::tie(y.requirements[k].rule, y.requirements[k].measure, y.requirements[k].missing))
        return "routines[" + std::to_string(i) + "].requirements[" + std::to_string(k) + "]";
  }
  const auto &s = a.summary, &t = b.summary;
  if (std::tie(s.pass, s.fail, s.partial, s.not_applicable, s.not_assessed, s.waived) !=
      std::tie(t.pass, t.fail, t.partial, t.not_applicable, t.not_assessed, t.waived))
    return "summary";
  return {};
}

/// to_json() must give a document that loads again, as a JSON value and as text (the text
/// takes the simdjson path that files take), into an organisation with the same document
/// form and the same report.
void check_round_trip(const Organisation& org, const Framework& fw, const Report& report) {
  const json once = org.to_json();
  const std::string once_text = once.dump();
  auto reload = [&](const char* how, auto&& load) {
    try {
      return load();
    } catch (const Error& e) {
      broken(how, describe(e) + "\ndocument: " + once_text);
    }
  };
  const Organisation from_value =
      reload("from_json(to_json()) does not load", [&] { return Organisation::from_json(once, fw, "<round trip>"); });
  const json twice = from_value.to_json();
  if (twice != once)
    broken("from_json(to_json()) changes the organisation",
           "diff: " + json::diff(once, twice).dump() + "\ndocument: " + once_text);
  const Organisation from_text = reload("parse(to_json().dump()) does not load",
                                        [&] { return Organisation::parse(once_text, fw, "<round trip>"); });
  if (from_text.to_json() != once)
    broken("parse(to_json().dump()) changes the organisation",
           "diff: " + json::diff(once, from_text.to_json()).dump() + "\ndocument: " + once_text);
  // The document form holds everything the audit reads, so the report cannot change.
  if (const std::string where = first_difference(report, audit(from_value, fw, audit_options(true))); !where.empty())
    broken("the report of from_json(to_json()) differs", where + "\ndocument: " + once_text);
}

/// Organisation::parse reads text with simdjson and falls back to the strict parser only when
/// something is wrong, so what it accepts must be exactly what the strict route accepts: a
/// well-formed document without a byte-order mark or duplicate keys, which from_json (the walk
/// over nlohmann's DOM) loads into the same organisation.
void check_fast_path_agrees(std::string_view text, const Organisation& org, const Framework& fw) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") broken("parse accepted a byte-order mark");
  // nlohmann keeps the last of duplicate keys; the callback sees every key, to catch them.
  std::vector<std::vector<std::string>> keys;
  bool duplicate = false;
  const auto each = [&](int, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::object_start) keys.emplace_back();
    if (event == json::parse_event_t::object_end) keys.pop_back();
    if (event == json::parse_event_t::key) {
      auto& seen = keys.back();
      const auto& k = parsed.get_ref<const std::string&>();
      duplicate = duplicate || std::find(seen.begin(), seen.end(), k) != seen.end();
      seen.push_back(k);
    }
    return true;
  };
  json dom;
  try {
    dom = json::parse(text, each);
  } catch (const json::exception& e) {
    broken("parse accepted text that is not well-formed JSON", e.what());
  }
  if (duplicate) broken("parse accepted an object with a duplicate key");
  try {
    const json strict = Organisation::from_json(dom, fw, "<strict>", fuzz_limits()).to_json();
    if (strict != org.to_json())
      broken("parse and from_json(json::parse()) load different organisations",
             "diff: " + json::diff(strict, org.to_json()).dump());
  } catch (const Error& e) {
    broken("parse accepted a document that from_json refuses", describe(e));
  }
}

/// Audit the example organisation with a framework built from the built-in packs plus or
/// minus rules. Neither an extra pack nor a profile removes or changes a measure, so the
/// example must still load.
void audit_small_company(const Framework& fw, bool preview) {
  std::optional<Organisation> org;
  try {
    org.emplace(Organisation::parse(detail::embedded::fuzz_small_company, fw, "small-company.json"));
  } catch (const Error& e) {
    broken("small-company.json does not load with a framework that keeps every built-in measure", describe(e));
  }
  const Report report = audit(*org, fw, audit_options(preview));
  (void)render_json(report, report.language).dump();
}

/// `trygg-check explain` shows a passing and a failing example organisation for any rule,
/// also a user's: both must be documents the loader accepts, and the passing one must pass
/// whenever the rule can apply at all (a pack may combine conditions no organisation meets).
/// Whether the failing one fails is not checked: for parameters the pack format allows but that
/// make no sense (min_share 0, a rule in force only on 0000-01-01) no organisation fails.
void check_rule_examples(const Framework& fw, const Rule& rule) {
  const RuleExamples examples = rule_examples(fw, rule);
  for (const RuleExample* e : {&examples.pass, &examples.fail}) {
    const std::string which = "rule " + rule.id + (e == &examples.pass ? ", passing example" : ", failing example");
    std::optional<Organisation> org;
    try {
      org.emplace(Organisation::from_json(e->organisation, fw, "<example>"));
    } catch (const Error& err) {
      broken("rule_examples gave an organisation that does not load",
             which + ": " + describe(err) + "\ndocument: " + e->organisation.dump());
    }
    AuditOptions o;
    o.as_of = e->as_of;
    o.preview = true;
    const Report report = audit(*org, fw, o);
    if (e != &examples.pass) continue;
    for (const ResultView& r : report_views(report))
      if (r.rule == rule.id && r.subject.kind == Subject::Kind::organisation && r.status != Status::pass &&
          r.status != Status::not_applicable)
        broken("the passing example of a rule does not pass", which + ": " + std::string(to_string(r.status)) + ", " +
                                                                  r.message.id +
                                                                  "\ndocument: " + e->organisation.dump());
  }
}

}  // namespace

Outcome run_organisation_input(std::span<const std::uint8_t> bytes) {
  const Framework& fw = builtin_framework();
  std::optional<Organisation> loaded;
  try {
    loaded.emplace(Organisation::parse(as_text(bytes), fw, "<fuzz>", fuzz_limits()));
  } catch (const Error&) {
    return Outcome::rejected;
  }
  const Organisation& org = *loaded;
  check_fast_path_agrees(as_text(bytes), org, fw);
  // Preview rules too: the fuzzer should reach every evaluator the packs use.
  const Report report = audit(org, fw, audit_options(true));
  render_everything(report);
  render_documents(org, fw);
  check_round_trip(org, fw, report);
  return Outcome::exercised;
}

Outcome run_pack_input(std::span<const std::uint8_t> bytes) {
  std::optional<Framework> fw;
  std::size_t extra_rules = 0;
  try {
    // As Framework::with_pack_files does for --pack-file: the built-in packs first (the base
    // pack defines the areas), the extra pack last, then one from_packs over all of them.
    Pack extra = Framework::parse_pack(as_text(bytes), "<fuzz-pack>");
    extra_rules = extra.rules.size();
    std::vector<Pack> packs = builtin_packs();
    packs.push_back(std::move(extra));
    fw.emplace(Framework::from_packs(std::move(packs)));
  } catch (const Error&) {
    return Outcome::rejected;
  }
  // from_packs refuses duplicate rule ids, so every rule must have arrived.
  if (fw->rules().size() != builtin_framework().rules().size() + extra_rules)
    broken("from_packs lost or invented rules",
           std::to_string(fw->rules().size()) + " rules with " + std::to_string(extra_rules) + " from the extra pack");
  // Preview on, so that the extra pack's rules run whatever their status.
  audit_small_company(*fw, true);
  (void)fw->to_json().dump();
  const std::string& extra_id = fw->packs().back().id;
  for (const Rule& rule : fw->rules())
    if (rule.pack == extra_id) check_rule_examples(*fw, rule);
  return Outcome::exercised;
}

Outcome run_profile_input(std::span<const std::uint8_t> bytes) {
  std::optional<Profile> profile;
  try {
    profile.emplace(Profile::parse(as_text(bytes), "<fuzz-profile>"));
  } catch (const Error&) {
    return Outcome::rejected;
  }
  // A profile's document form must read back as the same profile.
  const json once = profile->to_json();
  try {
    const json twice = Profile::from_json(once, "<round trip>").to_json();
    if (twice != once) broken("Profile::from_json(to_json()) changes the profile", json::diff(once, twice).dump());
  } catch (const Error& e) {
    broken("Profile::from_json(to_json()) does not load", describe(e) + "\nprofile: " + once.dump());
  }

  std::optional<Framework> tuned;
  try {
    tuned.emplace(apply_profile(builtin_framework(), *profile));
  } catch (const Error&) {
    return Outcome::rejected;
  }
  if (tuned->rules().size() > builtin_framework().rules().size())
    broken("apply_profile added rules", std::to_string(tuned->rules().size()));
  // Preview off: whether a profile switches a preview rule on is part of what it decides.
  audit_small_company(*tuned, false);
  return Outcome::exercised;
}

}  // namespace trygg::fuzz
