// SPDX-License-Identifier: MIT
// Packs: parsing (docs/pack-format.md), combination, validation and the built-in set.
#include "trygg/framework.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>

#include "checks/check.hpp"
#include "checks/params.hpp"
#include "dependency_order.hpp"
#include "embedded.hpp"
#include "json_object_reader.hpp"
#include "json_strict_parse.hpp"
#include "json_text.hpp"
#include "trygg/check.hpp"
#include "trygg/error.hpp"
#include "vocabulary.hpp"

namespace trygg {
namespace detail {

struct FrameworkData {
  std::vector<Pack> packs;
  std::vector<Area> areas;
  std::vector<Measure> measures;
  std::vector<Rule> rules;
  std::vector<Source> sources;
  std::map<std::string, std::size_t, std::less<>> area_ids, measure_ids, rule_ids, source_ids;
  std::vector<std::size_t> dependency_order;
  std::vector<std::uint32_t> rule_measures;                    ///< per rule, its measure's position in measures
  std::vector<std::uint32_t> rule_checks;                      ///< per rule, its check's position in checks()
  std::vector<std::vector<std::size_t>> measure_dependencies;  ///< per measure, positions it depends on
};

}  // namespace detail

const Element* Measure::find_element(std::string_view element_id) const noexcept {
  for (const auto& e : elements)
    if (e.id == element_id) return &e;
  return nullptr;
}

bool Applicability::empty() const noexcept {
  return countries.empty() && sectors.empty() && flags_any.empty() && flags_all.empty() && !min_headcount &&
         !max_headcount && !from && !until && any_of.empty();
}

std::vector<Citation> citations_in_force(const std::vector<Citation>& citations, Date date) {
  std::vector<Citation> out;
  for (const auto& c : citations)
    if (c.in_force(date)) out.push_back(c);
  return out;
}

namespace {
using detail::Diagnostics;
using detail::json;
using detail::JsonNode;
using detail::ObjectReader;
namespace vocab = detail::vocabulary;

constexpr std::string_view pack_format = "trygg.pack/1";

// Hand-written pattern checks: std::regex recurses per character and can overflow the stack
// on long input, and these patterns are simple.
bool lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool digit(char c) {
  return c >= '0' && c <= '9';
}

/// [a-z][a-z0-9-]{0,31}: pack and area ids.
bool is_lower_id(const std::string& s) {
  if (s.empty() || s.size() > 32 || !lower(s[0])) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return lower(c) || digit(c) || c == '-'; });
}
/// [A-Z]{min,max}
bool is_upper_word(std::string_view s, std::size_t min, std::size_t max) {
  return s.size() >= min && s.size() <= max && std::all_of(s.begin(), s.end(), upper);
}
/// [A-Z]{2,6}-[0-9]{2,3}: measure ids.
bool is_measure_id(const std::string& s) {
  const auto dash = s.find('-');
  if (dash == std::string::npos || !is_upper_word(std::string_view(s).substr(0, dash), 2, 6)) return false;
  const auto digits = std::string_view(s).substr(dash + 1);
  return digits.size() >= 2 && digits.size() <= 3 && std::all_of(digits.begin(), digits.end(), digit);
}
/// [a-z0-9]+(-[a-z0-9]+)*, at most 64 characters: measure names.
bool is_kebab(const std::string& s) {
  if (s.empty() || s.size() > 64 || s.front() == '-' || s.back() == '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '-' && s[i - 1] == '-') return false;
    if (!(lower(c) || digit(c) || c == '-')) return false;
  }
  return true;
}
/// [A-Za-z0-9][A-Za-z0-9._/-]{0,63}: rule ids.
bool is_rule_id(const std::string& s) {
  if (s.empty() || s.size() > 64 || !(lower(s[0]) || upper(s[0]) || digit(s[0]))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return lower(c) || upper(c) || digit(c) || c == '.' || c == '_' || c == '/' || c == '-';
  });
}

std::vector<Citation> read_citations(ObjectReader& r, std::string_view key, bool required) {
  std::vector<Citation> out;
  r.array(key, required, [&](JsonNode v, const std::string& p) {
    ObjectReader c(v, p, r.diagnostics(), {"source", "locator", "url", "from", "until"});
    if (!c.ok()) return;
    auto source = c.string("source", true, "a source such as \"seed-004\" or \"AFS 2023:2\"");
    auto locator = c.string("locator", false);
    auto url = c.string("url", false);
    auto from = c.date("from", false);
    auto until = c.date("until", false);
    if (from && until && *until < *from)
      r.diagnostics().add(c.pointer("until"), "a date not before \"from\" (" + from->to_string() + ")",
                          until->to_string());
    if (source) out.push_back(Citation{*source, locator.value_or(""), url.value_or(""), from, until});
  });
  if (required && r.has(key) && out.empty() && r.get(key, false, "")->is_array())
    r.diagnostics().add(r.pointer(key), "at least one citation", "an empty array");
  return out;
}

/// The pack's `sources`: the documents its citations name by id, with a reference a reader can
/// look up. Ids are unique within the pack (across packs: from_packs).
std::vector<Source> read_sources(ObjectReader& r, Diagnostics& d) {
  std::vector<Source> out;
  std::set<std::string> ids;
  r.array("sources", false, [&](JsonNode v, const std::string& p) {
    ObjectReader sr(v, p, d, {"id", "reference", "short", "url", "framework"}, "a source object");
    if (!sr.ok()) return;
    constexpr const char* id_expected = "a source id such as \"seed-004\" (the `source` its citations use)";
    const auto id = sr.string("id", true, id_expected);
    if (id && id->empty()) d.add(sr.pointer("id"), id_expected, "an empty string");
    if (id && !id->empty() && !ids.insert(*id).second)
      d.add(sr.pointer("id"), "a unique source id", "a second source \"" + *id + "\"");
    const auto reference = sr.text("reference", true);
    const auto url = sr.string("url", false, "a URL");
    if (url && url->empty()) d.add(sr.pointer("url"), "a URL", "an empty string");
    const auto short_name = sr.text("short", false);
    const auto framework = sr.boolean("framework", false);
    if (id && reference)
      out.push_back(
          Source{*id, *reference, url.value_or(""), {}, short_name.value_or(Text{}), framework.value_or(false)});
  });
  return out;
}

Area read_area(JsonNode v, std::string p, Diagnostics& d) {
  Area a;
  ObjectReader r(v, p, d, {"id", "code", "order", "title", "goal", "sources"});
  if (!r.ok()) return a;
  const auto id = r.string("id", true, "an area id (lower-case letters)");
  if (id && !is_lower_id(*id))
    d.add(r.pointer("id"), "an area id (lower-case letters, digits, '-')", detail::describe(json(*id)));
  a.id = id.value_or("");
  const auto code = r.string("code", true, "an area code (2-6 upper-case letters)");
  if (code && !is_upper_word(*code, 2, 6))
    d.add(r.pointer("code"), "an area code (2-6 upper-case letters)", detail::describe(json(*code)));
  a.code = code.value_or("");
  a.order = static_cast<int>(r.count("order", true).value_or(0));
  a.title = r.text("title", true).value_or(Text{});
  a.goal = r.text("goal", true).value_or(Text{});
  a.sources = read_citations(r, "sources", false);
  a.location.pointer = p;
  return a;
}

Measure read_measure(JsonNode v, std::string p, Diagnostics& d) {
  Measure m;
  ObjectReader r(v, p, d,
                 {"id", "name", "area", "title", "description", "proposal", "sources", "cadence", "audience",
                  "elements", "depends_on", "severity"});
  if (!r.ok()) return m;
  constexpr const char* id_expected = "a measure id such as \"ORG-03\" (2-6 upper-case letters, '-', 2-3 digits)";
  const auto id = r.string("id", true, id_expected);
  if (id && !is_measure_id(*id)) d.add(r.pointer("id"), id_expected, detail::describe(json(*id)));
  m.id = id.value_or("");
  const auto name = r.string("name", true, "a kebab-case name of at most 64 characters");
  if (name && !is_kebab(*name))
    d.add(r.pointer("name"), "a kebab-case name of at most 64 characters", detail::describe(json(*name)));
  m.name = name.value_or("");
  m.area = r.string("area", true, "an area id").value_or("");
  m.title = r.text("title", true).value_or(Text{});
  m.description = r.text("description", true).value_or(Text{});
  m.proposal = r.text("proposal", true).value_or(Text{});
  m.sources = read_citations(r, "sources", true);
  m.cadence = r.duration("cadence", false);
  m.audience = r.one_of("audience", true, vocab::audiences).value_or("");
  std::set<std::string> element_ids;
  r.array("elements", false, [&](JsonNode ev, const std::string& ep) {
    ObjectReader er(ev, ep, d, {"id", "title"});
    if (!er.ok()) return;
    auto element_id = er.id("id", true);
    auto title = er.text("title", true);
    if (element_id && !element_ids.insert(*element_id).second)
      d.add(er.pointer("id"), "a unique element id", "a duplicate \"" + *element_id + "\"");
    if (element_id && title) m.elements.push_back(Element{*element_id, *title});
  });
  m.depends_on = r.strings("depends_on", false, "measure ids").value_or(std::vector<std::string>{});
  if (auto s = r.one_of("severity", true, vocab::severities)) m.severity = *parse_severity(*s);
  m.location.pointer = p;
  return m;
}

Applicability read_applicability(JsonNode v, const std::string& p, Diagnostics& d, bool nested = false) {
  Applicability a;
  std::vector<std::string_view> keys{"countries",     "sectors",         "flags_any", "flags_all", "min_headcount",
                                     "max_headcount", "headcount_basis", "from",      "until"};
  if (!nested) keys.push_back("any_of");
  ObjectReader r(v, p, d, keys);
  if (!r.ok()) return a;
  a.countries =
      r.strings("countries", false, "ISO 3166-1 alpha-2 country codes", [&](const std::string& s, std::size_t i) {
         if (is_upper_word(s, 2, 2)) return true;
         d.add(r.pointer("countries", i), "an ISO 3166-1 alpha-2 country code such as \"SE\"",
               detail::describe(json(s)));
         return false;
       }).value_or(std::vector<std::string>{});
  a.sectors = r.enums("sectors", false, vocab::sectors).value_or(std::vector<std::string>{});
  a.flags_any = r.enums("flags_any", false, vocab::flags).value_or(std::vector<std::string>{});
  a.flags_all = r.enums("flags_all", false, vocab::flags).value_or(std::vector<std::string>{});
  a.min_headcount = r.count("min_headcount", false);
  a.max_headcount = r.count("max_headcount", false);
  a.headcount_basis = r.one_of("headcount_basis", false, vocab::headcount_bases).value_or("total");
  a.from = r.date("from", false);
  a.until = r.date("until", false);
  if (a.min_headcount && a.max_headcount && *a.min_headcount > *a.max_headcount)
    d.add(r.pointer("max_headcount"), "a maximum not below min_headcount (" + std::to_string(*a.min_headcount) + ")",
          std::to_string(*a.max_headcount));
  if (a.from && a.until && *a.until < *a.from)
    d.add(r.pointer("until"), "a date not before \"from\" (" + a.from->to_string() + ")", a.until->to_string());
  if (!nested) {
    r.array("any_of", false,
            [&](JsonNode alt, const std::string& ap) { a.any_of.push_back(read_applicability(alt, ap, d, true)); });
    if (r.has("any_of") && a.any_of.empty() && r.get("any_of", false, "")->is_array())
      d.add(r.pointer("any_of"), "at least one alternative", "an empty array");
  }
  return a;
}

Rule read_rule(JsonNode v, std::string p, Diagnostics& d) {
  Rule rule;
  ObjectReader r(v, p, d,
                 {"id", "measure", "check", "obligation", "severity", "params", "applies_if", "citations", "rationale",
                  "evidence", "status"});
  if (!r.ok()) return rule;
  constexpr const char* id_expected = "a rule id (ASCII letters, digits, '.', '_', '/', '-'; at most 64)";
  const auto id = r.string("id", true, id_expected);
  if (id && !is_rule_id(*id)) d.add(r.pointer("id"), id_expected, detail::describe(json(*id)));
  rule.id = id.value_or("");
  rule.measure = r.string("measure", true, "a measure id").value_or("");
  std::vector<std::string_view> check_names;
  for (const auto* e : detail::evaluators())
    check_names.push_back(e->info().name);
  rule.check = r.one_of("check", true, check_names).value_or("");
  if (auto o = r.one_of("obligation", true, vocab::obligations)) rule.obligation = *parse_obligation(*o);
  if (auto s = r.one_of("severity", false, vocab::severities)) rule.own_severity = *parse_severity(*s);
  if (const auto params = r.get("params", false, "")) rule.params = params->to_json();
  // The measure is not known yet: from_packs resolves what depends on it.
  if (const auto* ev = detail::find_evaluator(rule.check))
    (void)detail::resolve_params(rule.params, *ev, nullptr, r.pointer("params"), d);
  if (const auto a = r.get("applies_if", false, ""))
    rule.applies_if = read_applicability(*a, r.pointer("applies_if"), d);
  // A legal duty must say why it exists and what counts as evidence, so that
  // `trygg-check explain` can show it (issue: legal rule packs).
  const bool legal = rule.obligation != Obligation::good_practice;
  rule.citations = read_citations(r, "citations", legal);
  rule.rationale = r.text("rationale", legal).value_or(Text{});
  rule.evidence = r.text("evidence", legal).value_or(Text{});
  rule.preview = r.one_of("status", false, {"stable", "preview"}).value_or("stable") == "preview";
  rule.location.pointer = p;
  return rule;
}

}  // namespace

Pack Framework::parse_pack(std::string_view json_text, const std::string& file) {
  Diagnostics d(file);
  auto doc = detail::parse_strict(json_text, 64, d);
  d.throw_if_any();
  Pack pack;
  pack.file = file;
  ObjectReader r(*doc, "", d,
                 {"format", "id", "version", "title", "description", "sources", "areas", "measures", "rules"},
                 "a pack object");
  if (r.ok()) {
    if (auto f = r.string("format", true, "\"trygg.pack/1\""); f && *f != pack_format)
      d.add("/format", "\"trygg.pack/1\"", detail::describe(json(*f)));
    const auto id = r.string("id", true, "a pack id (lower-case letters, digits, '-')");
    if (id && !is_lower_id(*id))
      d.add("/id", "a pack id (lower-case letters, digits, '-')", detail::describe(json(*id)));
    pack.id = id.value_or("");
    pack.version = r.string("version", true).value_or("");
    pack.title = r.text("title", true).value_or(Text{});
    pack.description = r.text("description", false).value_or(Text{});
    pack.sources = read_sources(r, d);
    r.array("areas", false, [&](JsonNode v, const std::string& p) { pack.areas.push_back(read_area(v, p, d)); });
    r.array("measures", false,
            [&](JsonNode v, const std::string& p) { pack.measures.push_back(read_measure(v, p, d)); });
    r.array("rules", false, [&](JsonNode v, const std::string& p) { pack.rules.push_back(read_rule(v, p, d)); });
  }
  d.throw_if_any();
  for (auto& src : pack.sources)
    src.pack = pack.id;
  for (auto& a : pack.areas)
    a.pack = pack.id, a.location.file = file;
  for (auto& m : pack.measures)
    m.pack = pack.id, m.location.file = file;
  for (auto& rl : pack.rules)
    rl.pack = pack.id, rl.location.file = file;
  return pack;
}

Pack Framework::load_pack(const std::filesystem::path& path) {
  Diagnostics d(path.string());
  auto text = detail::read_file(path, 64u * 1024u * 1024u, d);
  d.throw_if_any();
  return parse_pack(*text, path.string());
}

namespace {
const std::vector<Pack>& builtin_packs_parsed() {
  // Parsed once per process; thread-safe by the rules of static initialisation.
  static const std::vector<Pack> packs = [] {
    std::vector<Pack> out;
    for (const auto& f : detail::embedded_packs())
      out.push_back(Framework::parse_pack(f.text, "builtin:" + std::string(f.name)));
    return out;
  }();
  return packs;
}

/// A diagnostic that points into a pack file (packs may come from several files).
void add_at(std::vector<Diagnostic>& out, const SourceLocation& loc, std::string key, std::string expected,
            std::string found, std::string hint = {}) {
  // `key` is a relative pointer of our own literal tokens ("depends_on/0"), so no escaping.
  out.push_back(Diagnostic{loc.file, key.empty() ? loc.pointer : loc.pointer + "/" + key, std::move(expected),
                           std::move(found), std::move(hint), 0, 0});
}
}  // namespace

std::vector<std::string> Framework::builtin_pack_ids() {
  std::vector<std::string> ids;
  for (const auto& p : builtin_packs_parsed())
    ids.push_back(p.id);
  return ids;
}

Pack Framework::builtin_pack(std::string_view id) {
  for (const auto& p : builtin_packs_parsed())
    if (p.id == id) return p;
  std::string known;
  for (const auto& p : builtin_packs_parsed())
    known += (known.empty() ? "" : ", ") + p.id;
  throw UsageError("unknown pack \"" + std::string(id) + "\" (built-in packs: " + known + ")");
}

namespace {
/// Built-in packs by id (empty: all), each once, with the base pack first: it defines the
/// areas every other pack refers to.
std::vector<Pack> builtin_selection(const std::vector<std::string>& ids) {
  if (ids.empty()) return builtin_packs_parsed();
  std::vector<Pack> selected;
  for (const auto& id : ids) {
    if (std::any_of(selected.begin(), selected.end(), [&](const Pack& p) { return p.id == id; })) continue;
    selected.push_back(Framework::builtin_pack(id));
  }
  if (std::none_of(selected.begin(), selected.end(), [](const Pack& p) { return p.id == "base"; }))
    selected.insert(selected.begin(), Framework::builtin_pack("base"));
  return selected;
}
}  // namespace

Framework Framework::builtin(const std::vector<std::string>& packs) {
  if (packs.empty()) {
    static const Framework all = from_packs(builtin_packs_parsed());
    return all;
  }
  return from_packs(builtin_selection(packs));
}

Framework Framework::with_pack_files(const std::vector<std::filesystem::path>& files,
                                     const std::vector<std::string>& builtin) {
  std::vector<Pack> packs = builtin_selection(builtin);
  for (const auto& f : files)
    packs.push_back(load_pack(f));
  return from_packs(std::move(packs));
}

Framework Framework::with_pack_texts(const std::vector<std::pair<std::string, std::string>>& texts,
                                     const std::vector<std::string>& builtin) {
  std::vector<Pack> packs = builtin_selection(builtin);
  for (const auto& [name, text] : texts)
    packs.push_back(parse_pack(text, name));
  return from_packs(std::move(packs));
}

Framework Framework::from_packs(std::vector<Pack> packs) {
  auto data = std::make_shared<detail::FrameworkData>();
  std::vector<Diagnostic> errs;
  std::set<std::string> pack_ids;
  for (const auto& p : packs)
    if (!pack_ids.insert(p.id).second)
      errs.push_back(
          Diagnostic{p.file, "/id", "a pack id not already loaded", "a second pack \"" + p.id + "\"", "", 0, 0});

  // Sources: one id names one document across every loaded pack.
  for (const auto& p : packs)
    for (std::size_t k = 0; k < p.sources.size(); ++k) {
      const Source& src = p.sources[k];
      const auto [it, fresh] = data->source_ids.emplace(src.id, data->sources.size());
      if (!fresh) {
        errs.push_back(Diagnostic{
            p.file, "/sources/" + std::to_string(k) + "/id", "a unique source id",
            "a second source \"" + src.id + "\" (pack \"" + data->sources[it->second].pack + "\" defines it)", "", 0,
            0});
        continue;
      }
      data->sources.push_back(src);
      if (data->sources.back().pack.empty()) data->sources.back().pack = p.id;
    }

  std::set<std::string> measure_names;
  for (const auto& p : packs) {
    for (const auto& a : p.areas) {
      if (!data->area_ids.emplace(a.id, data->areas.size()).second)
        add_at(errs, a.location, "id", "a unique area id", "a second area \"" + a.id + "\"");
      data->areas.push_back(a);
    }
  }
  for (const auto& p : packs) {
    for (const auto& m : p.measures) {
      if (data->measure_ids.count(m.id))
        add_at(errs, m.location, "id", "a unique measure id", "a second measure \"" + m.id + "\"");
      if (!measure_names.insert(m.name).second)
        add_at(errs, m.location, "name", "a unique measure name", "a second measure named \"" + m.name + "\"");
      const auto area = data->area_ids.find(m.area);
      if (area == data->area_ids.end()) {
        std::vector<std::string_view> names;
        for (const auto& [k, _] : data->area_ids)
          names.push_back(k);
        add_at(errs, m.location, "area", "the id of an area", "\"" + m.area + "\", which no loaded pack defines",
               detail::did_you_mean(m.area, names));
      }
      data->measure_ids.emplace(m.id, 0);
      data->measures.push_back(m);
    }
  }
  // Report order: area order, then measure id.
  auto area_order = [&](const Measure& m) {
    const auto it = data->area_ids.find(m.area);
    return it == data->area_ids.end() ? 1 << 30 : data->areas[it->second].order;
  };
  std::sort(data->areas.begin(), data->areas.end(),
            [](const Area& a, const Area& b) { return std::tie(a.order, a.id) < std::tie(b.order, b.id); });
  data->area_ids.clear();
  for (std::size_t i = 0; i < data->areas.size(); ++i)
    data->area_ids[data->areas[i].id] = i;
  std::stable_sort(data->measures.begin(), data->measures.end(), [&](const Measure& a, const Measure& b) {
    return std::pair(area_order(a), a.id) < std::pair(area_order(b), b.id);
  });
  data->measure_ids.clear();
  for (std::size_t i = 0; i < data->measures.size(); ++i)
    data->measure_ids.emplace(data->measures[i].id, i);

  std::vector<std::string_view> measure_id_list;
  for (const auto& m : data->measures)
    measure_id_list.push_back(m.id);
  for (const auto& m : data->measures)
    for (std::size_t k = 0; k < m.depends_on.size(); ++k)
      if (!data->measure_ids.count(m.depends_on[k]))
        add_at(errs, m.location, "depends_on/" + std::to_string(k), "the id of a measure",
               "\"" + m.depends_on[k] + "\", which no loaded pack defines",
               detail::did_you_mean(m.depends_on[k], measure_id_list));

  for (const auto& p : packs) {
    for (auto rule : p.rules) {
      // Packs built in code skip parse_pack, so the check and its parameters are checked here too.
      const auto* check = detail::find_evaluator(rule.check);
      if (!check) add_at(errs, rule.location, "check", "the name of a check", "\"" + rule.check + "\"");
      // Also for packs built in code: a legal duty says where it comes from and why.
      if (rule.obligation != Obligation::good_practice) {
        if (rule.citations.empty()) add_at(errs, rule.location, "citations", "at least one citation", "none");
        for (const auto* field : {&rule.rationale, &rule.evidence})
          if (field->sv.empty() || field->nb.empty() || field->en.empty())
            add_at(errs, rule.location, field == &rule.rationale ? "rationale" : "evidence",
                   "a text in sv, nb and en (required for law and regulation)", "a missing or empty text");
      }
      const auto mit = data->measure_ids.find(rule.measure);
      if (mit == data->measure_ids.end()) {
        add_at(errs, rule.location, "measure", "the id of a measure",
               "\"" + rule.measure + "\", which no loaded pack defines",
               detail::did_you_mean(rule.measure, measure_id_list));
      } else {
        const Measure& m = data->measures[mit->second];
        rule.severity = rule.own_severity.value_or(m.severity);
        if (rule.citations.empty()) rule.citations = m.sources;
      }
      // The parameters, typed, with the defaults drawn from the measure (the same function
      // checks a profile's parameters).
      if (check) {
        const Measure* m = mit == data->measure_ids.end() ? nullptr : &data->measures[mit->second];
        Diagnostics pd(rule.location.file);
        const std::string check_pointer = rule.location.pointer + "/check";
        rule.resolved_params =
            detail::resolve_params(rule.params, *check, m, rule.location.pointer + "/params", pd, &check_pointer);
        for (auto& diag : pd.take())
          errs.push_back(std::move(diag));
      }
      if (data->rule_ids.count(rule.id))
        add_at(errs, rule.location, "id", "a unique rule id", "a second rule \"" + rule.id + "\"");
      data->rule_ids.emplace(rule.id, 0);
      data->rules.push_back(std::move(rule));
    }
  }
  std::sort(data->rules.begin(), data->rules.end(), [](const Rule& a, const Rule& b) { return a.id < b.id; });
  data->rule_ids.clear();
  for (std::size_t i = 0; i < data->rules.size(); ++i)
    data->rule_ids.emplace(data->rules[i].id, i);
  // Each rule's measure as a position, once: audits and reports never look it up by name.
  for (const auto& rule : data->rules) {
    const auto it = data->measure_ids.find(rule.measure);
    data->rule_measures.push_back(it == data->measure_ids.end() ? 0 : static_cast<std::uint32_t>(it->second));
    // And its check: the registry is sorted, so its position is stable for this build.
    const auto& all = detail::evaluators();
    const auto* e = detail::find_evaluator(rule.check);
    data->rule_checks.push_back(e ? static_cast<std::uint32_t>(std::find(all.begin(), all.end(), e) - all.begin()) : 0);
  }

  // Dependency order (ties broken by report order) and cycle detection.
  if (errs.empty()) {
    const std::size_t n = data->measures.size();
    std::vector<std::vector<std::size_t>> depends_on(n);
    for (std::size_t i = 0; i < n; ++i)
      for (const auto& dep : data->measures[i].depends_on)
        depends_on[i].push_back(data->measure_ids.at(dep));
    data->dependency_order = detail::dependency_order(depends_on, [](std::size_t i) { return i; });
    data->measure_dependencies = depends_on;
    if (data->dependency_order.size() != n) {
      // Every measure left out depends on another left out: walk such dependencies from one
      // until a measure repeats. That is a cycle.
      std::vector<char> placed(n, 0);
      for (const auto i : data->dependency_order)
        placed[i] = 1;
      std::size_t start = 0;
      while (placed[start])
        ++start;
      std::vector<std::size_t> path{start};
      std::vector<int> seen_at(n, -1);
      seen_at[start] = 0;
      for (;;) {
        std::size_t next = n;
        for (const auto d : depends_on[path.back()])
          if (!placed[d]) {
            next = d;
            break;
          }
        if (seen_at[next] >= 0) {
          std::string cycle;
          for (std::size_t k = static_cast<std::size_t>(seen_at[next]); k < path.size(); ++k)
            cycle += data->measures[path[k]].id + " -> ";
          cycle += data->measures[next].id;
          add_at(errs, data->measures[next].location, "depends_on", "dependencies without a cycle",
                 "the cycle " + cycle);
          break;
        }
        seen_at[next] = static_cast<int>(path.size());
        path.push_back(next);
      }
    }
  }
  if (!errs.empty()) throw LoadError(std::move(errs));
  data->packs = std::move(packs);
  return Framework(std::move(data));
}

Framework::Framework() : data_(std::make_shared<detail::FrameworkData>()) {}

const std::vector<Pack>& Framework::packs() const noexcept {
  return data_->packs;
}
const std::vector<Area>& Framework::areas() const noexcept {
  return data_->areas;
}
const std::vector<Measure>& Framework::measures() const noexcept {
  return data_->measures;
}
const std::vector<Rule>& Framework::rules() const noexcept {
  return data_->rules;
}
const std::vector<std::vector<std::size_t>>& Framework::measure_dependencies() const noexcept {
  return data_->measure_dependencies;
}

const std::vector<std::uint32_t>& Framework::rule_checks() const noexcept {
  return data_->rule_checks;
}

const std::vector<std::uint32_t>& Framework::rule_measures() const noexcept {
  return data_->rule_measures;
}

const std::vector<std::size_t>& Framework::dependency_order() const noexcept {
  return data_->dependency_order;
}

const Area* Framework::find_area(std::string_view id) const noexcept {
  const auto it = data_->area_ids.find(id);
  return it == data_->area_ids.end() ? nullptr : &data_->areas[it->second];
}
const Measure* Framework::find_measure(std::string_view id) const noexcept {
  const auto it = data_->measure_ids.find(id);
  return it == data_->measure_ids.end() ? nullptr : &data_->measures[it->second];
}
const Rule* Framework::find_rule(std::string_view id) const noexcept {
  const auto it = data_->rule_ids.find(id);
  return it == data_->rule_ids.end() ? nullptr : &data_->rules[it->second];
}
const Source* Framework::find_source(std::string_view id) const noexcept {
  const auto it = data_->source_ids.find(id);
  return it == data_->source_ids.end() ? nullptr : &data_->sources[it->second];
}

std::string Framework::closest_id(std::string_view id) const {
  std::vector<std::string_view> ids;
  ids.reserve(data_->measures.size() + data_->rules.size());
  for (const auto& m : data_->measures)
    ids.push_back(m.id);
  for (const auto& r : data_->rules)
    ids.push_back(r.id);
  return std::string(detail::closest(id, ids));
}

std::string Framework::cite_short(const Citation& c, Language lang) const {
  const Source* src = find_source(c.source);
  if (!src || src->short_name.in(lang).empty()) return cite(c, lang);
  return src->short_name.in(lang) + (c.locator.empty() ? "" : " " + c.locator);
}

std::string Framework::cite(const Citation& c, Language lang) const {
  if (const Source* src = find_source(c.source))
    return src->reference.in(lang) + (c.locator.empty() ? "" : ", " + c.locator);
  return c.source + (c.locator.empty() ? "" : " " + c.locator);
}

Framework Framework::with_min_group_size(std::uint32_t n) const {
  if (n < lowest_min_group_size)
    throw UsageError("min_group_size must be at least " + std::to_string(lowest_min_group_size) + ", not " +
                     std::to_string(n));
  Framework out = *this;
  out.min_group_size_ = n;
  return out;
}

std::optional<std::size_t> Framework::measure_index(std::string_view id) const noexcept {
  const auto it = data_->measure_ids.find(id);
  if (it == data_->measure_ids.end()) return std::nullopt;
  return it->second;
}

}  // namespace trygg
