// SPDX-License-Identifier: MIT
// Profiles: reading `trygg.profile/1` and applying it to a framework.
#include "trygg/profile.hpp"

#include <algorithm>
#include <tuple>

#include "checks/check.hpp"
#include "checks/params.hpp"
#include "json_object_reader.hpp"
#include "json_strict_parse.hpp"
#include "json_text.hpp"
#include "trygg/error.hpp"
#include "vocabulary.hpp"

namespace trygg {
namespace {
using detail::Diagnostics;
using detail::ObjectReader;
using json = nlohmann::json;

bool is_glob(std::string_view p) {
  return p.find_first_of("*?") != std::string_view::npos;
}

/// Patterns may hold only the characters of rule ids plus the two wildcards.
bool is_pattern(const std::string& p) {
  if (p.empty() || p.size() > 64) return false;
  return std::all_of(p.begin(), p.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '/' || c == '-' || c == '*' || c == '?';
  });
}
constexpr const char* pattern_expected = "a rule id or a glob (rule-id characters, '*' and '?'; at most 64)";

/// The `waivers` member: the maximum periods (docs/history.md, "Policy") and waivers kept
/// in the profile itself, in the same form as a waiver file's entries.
void read_waivers(ObjectReader& parent, Diagnostics& d, Profile& prof) {
  const auto node = parent.get("waivers", false, "an object with max_months, max_months_legal and entries");
  if (!node) return;
  ObjectReader r(*node, parent.pointer("waivers"), d, {"max_months", "max_months_legal", "entries"},
                 "an object with max_months, max_months_legal and entries");
  if (!r.ok()) return;
  if (const auto n = r.count("max_months", false)) {
    if (*n < 1 || *n > 36)
      d.add(r.pointer("max_months"), "an integer from 1 to 36 (months a waiver may apply at most)", std::to_string(*n));
    else
      prof.waiver_policy.max_months = *n;
  }
  if (const auto n = r.count("max_months_legal", false)) {
    const auto most = prof.waiver_policy.max_months;
    if (*n < 1 || *n > most)
      d.add(r.pointer("max_months_legal"),
            "an integer from 1 to max_months (" + std::to_string(most) +
                "): a waiver of a legal duty never lasts longer than one of good practice",
            std::to_string(*n));
    else
      prof.waiver_policy.max_months_legal = *n;
  } else if (prof.waiver_policy.max_months_legal > prof.waiver_policy.max_months) {
    prof.waiver_policy.max_months_legal = prof.waiver_policy.max_months;  // the default never exceeds the maximum
  }
  if (const auto entries = r.get("entries", false, "an array of waivers")) {
    try {
      prof.waivers = WaiverList::entries_from_json(entries->to_json(), d.file(), r.pointer("entries"));
    } catch (const LoadError& e) {
      for (const auto& diag : e.diagnostics())
        d.add(diag);
    }
  }
}
}  // namespace

bool glob_match(std::string_view pattern, std::string_view text) noexcept {
  // Greedy matching with one backtrack point: linear in practice, O(n·m) at worst.
  std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p, ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*')
    ++p;
  return p == pattern.size();
}

Profile Profile::from_json(const nlohmann::json& document, const std::string& file) {
  Diagnostics d(file);
  Profile prof;
  prof.file = file;
  ObjectReader r(document, "", d,
                 {"format", "name", "select", "ignore", "severity", "params", "min_group_size", "waivers"},
                 "a profile object");
  if (r.ok()) {
    if (auto f = r.string("format", true, "\"trygg.profile/1\""); f && *f != profile_format)
      d.add("/format", "\"trygg.profile/1\"", detail::describe(json(*f)));
    prof.name = r.string("name", false).value_or("");
    // A threshold too low to protect anyone is refused rather than raised silently: the
    // profile's author should see that the value was not taken.
    if (const auto n = r.count("min_group_size", false)) {
      if (*n < lowest_min_group_size)
        d.add(r.pointer("min_group_size"),
              "an integer of at least " + std::to_string(lowest_min_group_size) +
                  " (the smallest group a figure may be shown for)",
              std::to_string(*n));
      else
        prof.min_group_size = *n;
    }
    auto patterns = [&](std::string_view key) {
      return r
          .strings(key, false, pattern_expected,
                   [&](const std::string& s, std::size_t i) {
                     if (is_pattern(s)) return true;
                     d.add(r.pointer(key, i), pattern_expected, detail::describe(json(s)));
                     return false;
                   })
          .value_or(std::vector<std::string>{});
    };
    read_waivers(r, d, prof);
    prof.select = patterns("select");
    prof.ignore = patterns("ignore");
    auto keyed = [&](std::string_view key, const auto& each) {
      const auto obj = r.get(key, false, "an object keyed by rule id or glob");
      if (!obj) return;
      if (!obj->is_object()) {
        d.add(r.pointer(key), "an object keyed by rule id or glob", detail::describe(*obj));
        return;
      }
      obj->for_each_member([&](std::string_view key_view, detail::JsonNode v) {
        const std::string k(key_view);
        const std::string p = detail::pointer_append(r.pointer(key), k);
        if (!is_pattern(k)) {
          d.add(p, pattern_expected, detail::describe(json(k)));
          return;
        }
        each(k, v, p);
      });
    };
    keyed("severity", [&](const std::string& k, detail::JsonNode v, const std::string& p) {
      const auto s = v.is_string() ? parse_severity(v.string()) : std::nullopt;
      if (!s)
        d.add(p, detail::one_of_list(detail::vocabulary::severities), detail::describe(v));
      else
        prof.severity.emplace_back(k, *s);
    });
    keyed("params", [&](const std::string& k, detail::JsonNode v, const std::string& p) {
      if (!v.is_object() || v.size() == 0)
        d.add(p, "a non-empty object of parameters", detail::describe(v));
      else
        prof.params.emplace_back(k, v.to_json());
    });
  }
  d.throw_if_any();
  return prof;
}

Profile Profile::parse(std::string_view json_text, const std::string& file) {
  Diagnostics d(file);
  auto doc = detail::parse_strict(json_text, 64, d);
  d.throw_if_any();
  return from_json(*doc, file);
}

Profile Profile::load(const std::filesystem::path& path) {
  Diagnostics d(path.string());
  auto text = detail::read_file(path, 16u * 1024u * 1024u, d);
  d.throw_if_any();
  return parse(*text, path.string());
}

nlohmann::json Profile::to_json() const {
  json sev = json::object(), prm = json::object();
  for (const auto& [k, v] : severity)
    sev[k] = std::string(to_string(v));
  for (const auto& [k, v] : params)
    prm[k] = v;
  json j{{"format", profile_format}, {"select", select}, {"ignore", ignore}, {"severity", sev}, {"params", prm}};
  if (!name.empty()) j["name"] = name;
  if (min_group_size) j["min_group_size"] = *min_group_size;
  if (waiver_policy != WaiverPolicy{} || !waivers.empty()) {
    json w{{"max_months", waiver_policy.max_months}, {"max_months_legal", waiver_policy.max_months_legal}};
    if (!waivers.empty()) w["entries"] = WaiverList{waivers, file}.to_json()["waivers"];
    j["waivers"] = std::move(w);
  }
  return j;
}

Framework apply_profile(const Framework& framework, const Profile& profile) {
  Diagnostics d(profile.file);
  std::vector<std::string_view> rule_ids;
  for (const auto& r : framework.rules())
    rule_ids.push_back(r.id);
  // Every pattern must match a rule; an exact id must name one.
  auto matches = [&](const std::string& pattern, const std::string& pointer) {
    std::vector<const Rule*> out;
    if (is_glob(pattern)) {
      for (const auto& r : framework.rules())
        if (glob_match(pattern, r.id)) out.push_back(&r);
      if (out.empty())
        d.add(pointer, "a glob that matches at least one rule", "\"" + pattern + "\", which matches none");
    } else if (const Rule* r = framework.find_rule(pattern)) {
      out.push_back(r);
    } else {
      d.add(pointer, "the id of a rule in the loaded packs", "\"" + pattern + "\"",
            detail::did_you_mean(pattern, rule_ids));
    }
    return out;
  };
  std::vector<char> keep(framework.rules().size(), profile.select.empty() ? 1 : 0);
  std::vector<char> exact(framework.rules().size(), 0);
  auto index = [&](const Rule* r) { return static_cast<std::size_t>(r - framework.rules().data()); };
  for (std::size_t i = 0; i < profile.select.size(); ++i)
    for (const Rule* r : matches(profile.select[i], "/select/" + std::to_string(i))) {
      keep[index(r)] = 1;
      if (!is_glob(profile.select[i])) exact[index(r)] = 1;
    }
  for (std::size_t i = 0; i < profile.ignore.size(); ++i)
    for (const Rule* r : matches(profile.ignore[i], "/ignore/" + std::to_string(i)))
      keep[index(r)] = 0;

  // Overrides apply from the broadest pattern to the most specific: globs first (shorter
  // before longer), exact ids last, so that `"se.*": "high"` with `"se.wb.channel": "low"`
  // leaves se.wb.channel low whatever the order of the keys in the file.
  auto by_specificity = [](auto entries) {
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      return std::tuple(!is_glob(a.first), a.first.size(), a.first) <
             std::tuple(!is_glob(b.first), b.first.size(), b.first);
    });
    return entries;
  };
  std::vector<std::optional<Severity>> severity(framework.rules().size());
  std::vector<json> params(framework.rules().size());
  for (const auto& [pattern, sev] : by_specificity(profile.severity))
    for (const Rule* r : matches(pattern, detail::pointer_append("/severity", pattern)))
      severity[index(r)] = sev;
  for (const auto& [pattern, values] : by_specificity(profile.params)) {
    const std::string base = detail::pointer_append("/params", pattern);
    for (const Rule* r : matches(pattern, base)) {
      const std::size_t i = index(r);
      Rule trial = *r;
      if (!params[i].is_null()) trial.params = params[i];  // merge with broader patterns' values
      trial.params.update(values);
      // The values must suit every rule the pattern matches: checked as a pack's are, against
      // the rule's check and measure (from_packs below resolves them again, for the result).
      Diagnostics pd(profile.file);
      if (const auto* ev = detail::find_evaluator(trial.check))
        (void)detail::resolve_params(trial.params, *ev, framework.find_measure(r->measure), base, pd);
      if (!pd.empty()) {
        for (auto& diag : pd.take()) {
          diag.expected += " (for rule " + r->id + ", check \"" + r->check + "\")";
          d.add(std::move(diag));
        }
        continue;
      }
      params[i] = std::move(trial.params);
    }
  }
  d.throw_if_any();

  std::vector<Pack> packs = framework.packs();
  for (auto& pack : packs) {
    std::vector<Rule> rules;
    for (auto& rule : pack.rules) {
      const Rule* current = framework.find_rule(rule.id);
      if (!current) continue;
      const std::size_t i = index(current);
      if (!keep[i]) continue;
      if (exact[i]) rule.preview = false;
      if (severity[i]) rule.own_severity = severity[i];
      if (!params[i].is_null()) rule.params = params[i];
      rules.push_back(std::move(rule));
    }
    pack.rules = std::move(rules);
  }
  // from_packs checks the result again and resolves the typed parameters. The threshold is the profile's, else the one
  // the framework already had.
  return Framework::from_packs(std::move(packs))
      .with_min_group_size(profile.min_group_size.value_or(framework.min_group_size()));
}

}  // namespace trygg
