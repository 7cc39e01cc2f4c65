// SPDX-License-Identifier: MIT
// trygg-check: the command-line checker. Exit codes (the ruff/ESLint convention):
//   0  no finding at or above --fail-on
//   1  findings at or above --fail-on
//   2  usage error or bad input (message on stderr, nothing on stdout); for batch, also when
//      any one source failed to load (the others are still audited and written)
// With --fail-on-new (check --baseline, diff), 1 means new findings at or above it
// (docs/report-format.md, "Comparison"); --fail-on then applies only when given as well.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <iterator>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "emit.hpp"
#include "plan_trend_commands.hpp"
#include "progress_line.hpp"
#include "trygg/report_set_xlsx.hpp"
#include "trygg/trygg.hpp"
#include "trygg/xlsx.hpp"

namespace {
using trygg_check::emit;

constexpr int exit_findings = 1;
constexpr int exit_error = 2;

/// Language for commands without an organisation: --lang, else the locale, else English.
trygg::Language locale_language() {
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (!v || !*v) continue;
    const std::string s(v);
    if (s.rfind("sv", 0) == 0) return trygg::Language::sv;
    if (s.rfind("nb", 0) == 0 || s.rfind("no", 0) == 0 || s.rfind("nn", 0) == 0) return trygg::Language::nb;
    return trygg::Language::en;
  }
  return trygg::Language::en;
}

void print_load_error(const trygg::LoadError& e) {
  for (const auto& d : e.diagnostics())
    std::cerr << "error: " << d.message() << "\n";
  if (e.total_count() > e.diagnostics().size())
    std::cerr << "error: ... and " << (e.total_count() - e.diagnostics().size()) << " more problems\n";
}

/// The inputs of a run, which no output may replace.
std::vector<std::filesystem::path> run_inputs(const std::string& org_path, const std::vector<std::string>& pack_files,
                                              const std::string& profile_file, const std::string& waivers_file = {}) {
  std::vector<std::filesystem::path> inputs(pack_files.begin(), pack_files.end());
  if (!org_path.empty() && org_path != "-") inputs.emplace_back(org_path);
  if (!profile_file.empty()) inputs.emplace_back(profile_file);
  if (!waivers_file.empty()) inputs.emplace_back(waivers_file);
  return inputs;
}

/// Load an organisation from a file, or from standard input when the path is "-". Standard
/// input is read only up to the file-size limit (one byte more, so the loader can tell).
trygg::Organisation load_organisation(const std::string& path, const trygg::Framework& fw,
                                      const trygg::LoadLimits& limits) {
  if (path != "-") return trygg::Organisation::load(path, fw, limits);
  std::string text;
  char buffer[1 << 16];
  while (text.size() <= limits.max_file_bytes && std::cin.read(buffer, sizeof buffer).gcount() > 0)
    text.append(buffer, static_cast<std::size_t>(std::cin.gcount()));
  // The rest of the stream is not read (it may never end), so its size is unknown.
  if (text.size() > limits.max_file_bytes) {
    const std::string limit = std::to_string(limits.max_file_bytes);
    throw trygg::LoadError(
        {trygg::Diagnostic{"<stdin>", "", "a document of at most " + limit + " bytes", "more than " + limit + " bytes",
                           trygg::limit_hint("--max-file-size", "max_file_bytes"), 0, 0}},
        1);
  }
  return trygg::Organisation::parse(text, fw, "<stdin>", limits);
}

/// A limit option's value: a plain decimal number from 1 to the largest the limit can hold.
/// CLI11's own conversion takes "0x10" as 16 and lets "-1" wrap round to "no limit", so the
/// options are read as text and converted here.
template <class T>
void add_limit_option(CLI::App* command, const std::string& name, T& target, const std::string& help) {
  command
      ->add_option_function<std::string>(
          name,
          [name, &target](const std::string& text) {
            constexpr auto most = std::numeric_limits<T>::max();
            const bool digits = !text.empty() && text.size() <= 20 &&
                                std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
            unsigned long long v = 0;
            bool in_range = digits;
            for (char c : digits ? text : std::string()) {
              if (v > (most - static_cast<unsigned>(c - '0')) / 10) {
                in_range = false;
                break;
              }
              v = v * 10 + static_cast<unsigned>(c - '0');
            }
            if (!digits || !in_range || v == 0)
              throw CLI::ValidationError(name, "expected a whole number from 1 to " + std::to_string(most) +
                                                   " in plain decimal digits, found \"" + text + "\"");
            target = static_cast<T>(v);
          },
          help + " (default " + std::to_string(target) + ")")
      ->type_name("N");
}

/// The load-limit options (docs/input-format.md, "Limits"), for every subcommand that reads
/// an organisation.
void add_limit_options(CLI::App* command, trygg::LoadLimits& limits) {
  add_limit_option(command, "--max-file-size", limits.max_file_bytes, "Largest organisation file, in bytes");
  add_limit_option(command, "--max-depth", limits.max_depth, "Deepest nesting of arrays and objects");
  add_limit_option(command, "--max-entities", limits.max_entities,
                   "Most entries in all the organisation's lists together");
  add_limit_option(command, "--max-string-size", limits.max_string_bytes, "Longest string value, in bytes");
}

trygg::Framework load_framework(const std::vector<std::string>& pack_files) {
  if (pack_files.empty()) return trygg::Framework::builtin();
  return trygg::Framework::with_pack_files({pack_files.begin(), pack_files.end()});
}

/// The profile given by --profile (file) and by the selection flags. The flags form a
/// second profile applied after the file's, so an error in either points into its source.
trygg::Framework apply_profiles(trygg::Framework fw, const std::string& profile_file,
                                const std::vector<std::string>& select, const std::vector<std::string>& ignore,
                                const std::vector<std::string>& severities, const std::vector<std::string>& params) {
  if (!profile_file.empty()) fw = trygg::apply_profile(fw, trygg::Profile::load(profile_file));
  if (select.empty() && ignore.empty() && severities.empty() && params.empty()) return fw;
  trygg::Profile flags;
  flags.file = "<command line>";
  flags.select = select;
  flags.ignore = ignore;
  for (const auto& s : severities) {
    const auto eq = s.rfind('=');
    const auto sev = eq == std::string::npos ? std::nullopt : trygg::parse_severity(s.substr(eq + 1));
    if (!sev)
      throw trygg::UsageError("--severity: expected RULE=SEVERITY (info, low, medium, high or critical), found \"" + s +
                              "\"");
    flags.severity.emplace_back(s.substr(0, eq), *sev);
  }
  for (const auto& p : params) {
    const auto colon = p.find(':');
    const auto eq = colon == std::string::npos ? std::string::npos : p.find('=', colon);
    if (eq == std::string::npos || colon == 0 || eq == colon + 1)
      throw trygg::UsageError("--param: expected RULE:NAME=VALUE (e.g. 'se.*:within=P10D'), found \"" + p + "\"");
    // The value is JSON when it parses as JSON (a number, a list), else a string.
    const std::string raw = p.substr(eq + 1);
    nlohmann::json value = nlohmann::json::parse(raw, nullptr, false);
    if (value.is_discarded()) value = raw;
    const std::string pattern = p.substr(0, colon), name = p.substr(colon + 1, eq - colon - 1);
    auto it = std::find_if(flags.params.begin(), flags.params.end(), [&](const auto& e) { return e.first == pattern; });
    if (it == flags.params.end()) it = flags.params.insert(flags.params.end(), {pattern, nlohmann::json::object()});
    it->second[name] = std::move(value);
  }
  return trygg::apply_profile(fw, flags);
}

/// The waivers of a run (docs/history.md, "Waivers"): those of --waivers FILE, then the
/// profile's, with the profile's maximum periods.
void add_waivers(trygg::AuditOptions& options, const std::string& waivers_file, const std::string& profile_file) {
  if (!waivers_file.empty()) options.waivers = trygg::WaiverList::load(waivers_file).waivers;
  if (profile_file.empty()) return;
  const trygg::Profile profile = trygg::Profile::load(profile_file);
  options.waiver_policy = profile.waiver_policy;
  options.waivers.insert(options.waivers.end(), profile.waivers.begin(), profile.waivers.end());
}

/// A label of explain's in `lang` (the message catalogue's "explain.*" texts).
std::string label(std::string_view id, trygg::Language lang) {
  return std::string(trygg::catalogue_text(std::string("explain.") + std::string(id), lang));
}
std::string label(std::string_view id, trygg::Language lang, std::vector<std::pair<std::string, std::string>> args) {
  return trygg::render(trygg::Message{"explain." + std::string(id), std::move(args)}, lang);
}

/// A citation as a reader looks it up: a source the packs define by its reference (and its
/// url when the citation gives none), any other by its own name.
std::string citation_text(const trygg::Framework& fw, const trygg::Citation& c, trygg::Language lang) {
  const auto from = c.from ? c.from->to_string() : std::string(),
             until = c.until ? c.until->to_string() : std::string();
  std::string s, url = c.url;
  if (const trygg::Source* src = fw.find_source(c.source)) {
    s = fw.cite(c, lang);
    if (url.empty()) url = src->url;
  } else {
    s = c.source + (c.locator.empty() ? "" : ", " + c.locator);
  }
  if (!url.empty()) s += " <" + url + ">";
  if (c.from && c.until)
    s += " (" + label("in-force-between", lang, {{"from", from}, {"until", until}}) + ")";
  else if (c.from)
    s += " (" + label("in-force-from", lang, {{"from", from}}) + ")";
  else if (c.until)
    s += " (" + label("in-force-until", lang, {{"until", until}}) + ")";
  return s;
}

/// The applicability conditions in words, in `lang`.
std::string conditions_text(const trygg::Applicability& a, trygg::Language lang) {
  auto list = [](const std::vector<std::string>& v) { return nlohmann::json(v).dump(); };
  std::string s;
  if (!a.countries.empty()) s += " " + label("cond-countries", lang, {{"list", list(a.countries)}}) + ";";
  if (!a.sectors.empty()) s += " " + label("cond-sectors", lang, {{"list", list(a.sectors)}}) + ";";
  if (!a.flags_any.empty()) s += " " + label("cond-flags", lang, {{"list", list(a.flags_any)}}) + ";";
  if (a.min_headcount)
    s += " " + label("cond-min", lang, {{"n", std::to_string(*a.min_headcount)}, {"basis", a.headcount_basis}}) + ";";
  if (a.max_headcount)
    s += " " + label("cond-max", lang, {{"n", std::to_string(*a.max_headcount)}, {"basis", a.headcount_basis}}) + ";";
  if (a.from) s += " " + label("cond-from", lang, {{"date", a.from->to_string()}}) + ";";
  if (a.until) s += " " + label("cond-until", lang, {{"date", a.until->to_string()}}) + ";";
  if (!a.any_of.empty()) {
    s += " " + label("cond-one-of", lang);
    for (std::size_t i = 0; i < a.any_of.size(); ++i)
      s += std::string(i ? " |" : "") + conditions_text(a.any_of[i], lang);
  }
  return s;
}

/// An example organisation, without the empty sections, indented under a heading.
std::string example_text(const std::string& heading, const trygg::RuleExample& e, trygg::Language lang) {
  nlohmann::json org = e.organisation;
  for (auto it = org.begin(); it != org.end();)
    it = (it->is_array() && it->empty()) ? org.erase(it) : std::next(it);
  std::string body = org.dump(2),
              out = heading + " (" + label("audited-as-of", lang, {{"date", e.as_of.to_string()}}) + "):\n";
  std::size_t start = 0;
  while (start < body.size()) {
    const auto end = body.find('\n', start);
    out += "    " + body.substr(start, end == std::string::npos ? std::string::npos : end - start) + "\n";
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

/// Description, elements, proposal and sources: what explain shows for rules and measures.
std::string measure_body(const trygg::Framework& fw, const trygg::Measure& m,
                         const std::vector<trygg::Citation>& sources, trygg::Language lang) {
  std::string s = "\n" + m.description.in(lang) + "\n\n";
  if (!m.elements.empty()) {
    s += label("elements", lang) + ":\n";
    for (const auto& e : m.elements)
      s += "  - " + e.id + ": " + e.title.in(lang) + "\n";
    s += "\n";
  }
  s += label("proposal", lang) + ": " + m.proposal.in(lang) + "\n\n" + label("sources", lang) + ":\n";
  for (const auto& c : sources)
    s += "  - " + citation_text(fw, c, lang) + "\n";
  return s;
}

/// "  severity:    high": a label padded to the column of the values.
std::string field(std::string_view id, trygg::Language lang, const std::string& value) {
  std::string name = label(id, lang) + ":";
  std::size_t cols = 0;
  for (unsigned char c : name)
    cols += (c & 0xC0) != 0x80 ? 1 : 0;
  return "  " + name + std::string(cols < 13 ? 13 - cols : 1, ' ') + value + "\n";
}

/// A catalogue word such as "severity.high" in `lang`, else the value itself.
std::string value_word(const std::string& prefix, std::string_view value, trygg::Language lang) {
  const auto text = trygg::catalogue_text(prefix + std::string(value), lang);
  return text.empty() ? std::string(value) : std::string(text);
}

/// A check's one-line description in `lang` (the catalogue's "check.*"), else its English one.
std::string check_summary(const trygg::CheckInfo& check, trygg::Language lang) {
  const auto text = trygg::catalogue_text("check." + check.name, lang);
  return text.empty() ? check.summary : std::string(text);
}

std::string explain_rule(const trygg::Framework& fw, const trygg::Rule& r, trygg::Language lang) {
  const trygg::Measure& m = *fw.find_measure(r.measure);
  const trygg::CheckInfo* check = trygg::find_check(r.check);
  std::string s = r.id + "\n";
  s += std::string(r.id.size(), '=') + "\n\n";
  s += m.id + " " + m.title.in(lang) + "\n";
  s += field("check", lang, r.check + (check ? " - " + check_summary(*check, lang) : ""));
  s += field("severity", lang, value_word("severity.", trygg::to_string(r.severity), lang));
  s += field("obligation", lang, value_word("obligation.", trygg::to_string(r.obligation), lang));
  s += field("pack", lang, r.pack + (r.preview ? " (" + label("preview", lang) + ")" : ""));
  if (!r.params.empty()) s += field("params", lang, r.params.dump());
  if (!r.applies_if.empty()) s += field("applies-if", lang, conditions_text(r.applies_if, lang));
  if (!r.rationale.in(lang).empty()) s += "\n" + label("why", lang) + ": " + r.rationale.in(lang) + "\n";
  if (!r.evidence.in(lang).empty()) s += label("evidence", lang) + ": " + r.evidence.in(lang) + "\n";
  s += measure_body(fw, m, r.citations, lang);
  const auto examples = trygg::rule_examples(fw, r);
  s += "\n" + example_text(label("passing-example", lang), examples.pass, lang);
  s += "\n" + example_text(label("failing-example", lang), examples.fail, lang);
  return s;
}

std::string explain_measure(const trygg::Framework& fw, const trygg::Measure& m, trygg::Language lang) {
  std::string s = m.id + " " + m.name + "\n" + std::string(m.id.size() + 1 + m.name.size(), '=') + "\n\n";
  const trygg::Area* area = fw.find_area(m.area);
  s += m.title.in(lang) + "\n";
  s += field("area", lang, area ? area->title.in(lang) : m.area);
  s += field("audience", lang, m.audience);
  if (m.cadence) s += field("cadence", lang, m.cadence->to_string());
  s += field("severity", lang, value_word("severity.", trygg::to_string(m.severity), lang));
  if (!m.depends_on.empty()) s += field("depends-on", lang, nlohmann::json(m.depends_on).dump());
  s += measure_body(fw, m, m.sources, lang) + "\n" + label("rules", lang) + ":\n";
  for (const auto& r : fw.rules())
    if (r.measure == m.id) s += "  - " + r.id + " (" + std::string(trygg::to_string(r.severity)) + ")\n";
  return s;
}

/// document: a draft of a yearly document in Markdown, from the organisation's data only
/// (docs/yearly-documents.md). The kind is checked before the file is read.
int run_document(const std::string& org_path, const std::string& kind_text, const std::string& as_of_text,
                 std::optional<trygg::Language> lang, const std::string& output, const trygg::Framework& fw,
                 const trygg::LoadLimits& limits, const trygg::OutputOptions& how) {
  const auto kind = trygg::parse_document_kind(kind_text);
  if (!kind) {
    std::string kinds;
    for (auto k : trygg::document_kinds())
      kinds += (kinds.empty() ? "" : ", ") + std::string(k);
    std::cerr << "error: --kind: expected one of " << kinds << ", found \"" << kind_text << "\"\n";
    return exit_error;
  }
  trygg::Date as_of = trygg::Date::today();
  if (!as_of_text.empty()) {
    const auto d = trygg::Date::parse(as_of_text);
    if (!d) {
      std::cerr << "error: --as-of: expected a calendar date YYYY-MM-DD, found \"" << as_of_text << "\"\n";
      return exit_error;
    }
    as_of = *d;
  }
  const auto org = load_organisation(org_path, fw, limits);
  const auto text = trygg::render_document(*kind, org, fw, as_of, lang.value_or(trygg::default_language(org)));
  return emit(text, output, how) ? 0 : exit_error;
}

/// What `batch` is asked to do (its options, read by CLI11).
struct BatchRequest {
  std::vector<std::string> paths;
  std::string format = "json", csv_dialect = "machine", output, each, by = "all", as_of, fail_on = "high";
  std::string waivers;  ///< --waivers FILE, for every organisation
  bool benchmark = false, force = false, quiet = false, progress = false, no_progress = false;
  unsigned workers = 0;
};

/// The organisation files of the arguments: a file as given; a directory searched through,
/// subdirectories too, for regular files named *.json, sorted by path so that every run reads
/// them in the same order. Every such file is taken for an organisation file: one that is not
/// (a JSON report written there, say) fails to load and is reported like any bad source.
std::vector<std::string> batch_files(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      files.push_back(p);
      continue;
    }
    std::vector<std::string> found;
    for (fs::recursive_directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec))
      if (it->is_regular_file(ec) && it->path().extension() == ".json") found.push_back(it->path().string());
    if (ec) throw trygg::UsageError("cannot read the directory \"" + p + "\": " + ec.message());
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

/// An organisation id made safe as a file name: letters, digits, '.', '-' and '_' are kept,
/// anything else becomes '_', and a leading '.' too (no hidden files, no "..").
std::string safe_file_name(const std::string& id) {
  std::string s;
  for (const char c : id) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '_' || (c == '.' && !s.empty());
    s += keep ? c : '_';
  }
  if (s.size() > 100) s.resize(100);
  return s.empty() ? std::string("organisation") : s;
}

/// batch: audit many organisations (docs/report-format.md, "Report sets"). Exit 2 when a
/// source failed to load, else 1 when a report has findings at or above --fail-on, else 0.
int run_batch(const BatchRequest& q, const trygg::Framework& fw, std::optional<trygg::Language> lang,
              const trygg::LoadLimits& limits, const std::vector<std::string>& pack_files) {
  const bool to_stdout = q.output.empty() || q.output == "-";
  if (q.format == "xlsx" && q.each.empty() && to_stdout && isatty(STDOUT_FILENO)) {
    std::cerr << "error: --format xlsx writes a binary file: give --output FILE.xlsx (or redirect standard output "
                 "to a file), or --each DIR for one workbook per organisation\n";
    return exit_error;
  }
  trygg::BatchOptions options;
  if (!q.as_of.empty()) {
    options.audit.as_of = trygg::Date::parse(q.as_of);
    if (!options.audit.as_of) {
      std::cerr << "error: --as-of: expected a calendar date YYYY-MM-DD, found \"" << q.as_of << "\"\n";
      return exit_error;
    }
  }
  options.audit.language = lang;
  add_waivers(options.audit, q.waivers, "");
  options.limits = limits;
  options.threads = q.workers;
  const auto files = batch_files(q.paths);
  std::vector<trygg::BatchSource> sources;
  for (const auto& f : files)
    sources.push_back({trygg::BatchSource::Kind::path, f, f});
  // The count on standard error: on a terminal unless --quiet, or wherever --progress says.
  trygg_check::ProgressLine progress(std::cerr);
  if (q.progress || (!q.no_progress && !q.quiet && isatty(STDERR_FILENO)))
    options.progress = [&progress](std::size_t done, std::size_t total) { progress.update(done, total); };
  const auto items = trygg::audit_batch(sources, fw, options);
  progress.clear();

  trygg::ReportSet set;
  set.as_of = options.audit.as_of.value_or(trygg::Date::today());
  std::vector<const trygg::Report*> reports;
  for (const auto& item : items) {
    if (item.report) {
      set.entries.push_back({item.source, &*item.report});
      reports.push_back(&*item.report);
      continue;
    }
    trygg::ReportSetFailure failure{item.source, item.error_message, {}};
    try {
      if (item.error) std::rethrow_exception(item.error);
    } catch (const trygg::LoadError& e) {
      failure.diagnostics = e.diagnostics();
    } catch (...) {
      // the message says it all
    }
    set.failures.push_back(std::move(failure));
  }
  std::optional<trygg::PeerBenchmark> benchmark;
  if (q.benchmark) {
    trygg::PeerBenchmarkOptions bo;
    bo.dimension = q.by;
    benchmark = trygg::peer_benchmark(reports, {}, bo);
    set.benchmark = &*benchmark;
  }

  // The page's language: --lang, else the reports' own when they share one, else English.
  trygg::Language page = lang.value_or(reports.empty() ? trygg::Language::en : reports.front()->language);
  if (!lang)
    for (const auto* r : reports)
      if (r->language != page) page = trygg::Language::en;
  const trygg::CsvOptions csv{page,
                              q.csv_dialect == "excel" ? trygg::CsvDialect::excel_nordic : trygg::CsvDialect::machine};
  const auto inputs = run_inputs("", pack_files, "", q.waivers);
  std::vector<std::filesystem::path> all_inputs(inputs);
  all_inputs.insert(all_inputs.end(), files.begin(), files.end());
  const trygg::OutputOptions how{all_inputs, q.force, true};
  bool written = true;

  if (!q.each.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(q.each, ec);
    if (ec) {
      std::cerr << "error: --each: cannot create the directory \"" << trygg::terminal_safe(q.each)
                << "\": " << ec.message() << "\n";
      return exit_error;
    }
    std::set<std::string> names;
    for (const auto& e : set.entries) {
      const trygg::Report& r = *e.report;
      // Two ids may differ only in characters a file name cannot hold: number the later one.
      std::string base = safe_file_name(r.organisation_id), name = base;
      for (int k = 2; !names.insert(name).second; ++k)
        name = base + "-" + std::to_string(k);
      std::string text;
      if (q.format == "json")
        text = trygg::render_json_text(r, r.language, 2) + "\n";
      else if (q.format == "csv")
        text = trygg::render_csv(r, {r.language, csv.dialect});
      else if (q.format == "html")
        text = trygg::render_html(r, {r.language, false});
      else
        text = trygg::render_xlsx(r, {r.language, false});
      written = emit(text, (std::filesystem::path(q.each) / (name + "." + q.format)).string(), how) && written;
    }
  }
  if (q.each.empty() || !q.output.empty()) {
    std::string text;
    if (q.format == "csv")
      text = trygg::render_report_set_csv(set, csv);
    else if (q.format == "html")
      text = trygg::render_report_set_html(set, page);
    else if (q.format == "xlsx")
      text = trygg::render_report_set_xlsx(set, page);
    else
      text = trygg::render_report_set_json(set, 2);
    written = emit(text, q.output, how) && written;
  }

  // The summary, on standard error so that it never mixes with the output.
  std::size_t at_or_above = 0;
  if (q.fail_on != "never")
    for (const auto* r : reports)
      if (r->count_at_or_above(*trygg::parse_severity(q.fail_on)) > 0) ++at_or_above;
  for (const auto& f : set.failures) {
    if (f.diagnostics.empty()) {
      std::cerr << "error: " << trygg::terminal_safe(f.source) << ": " << trygg::terminal_safe(f.message) << "\n";
      continue;
    }
    for (const auto& d : f.diagnostics)
      std::cerr << "error: " << d.message() << "\n";
  }
  if (!q.quiet) {
    std::cerr << "batch: " << files.size() << " sources, " << set.entries.size() << " audited, " << set.failures.size()
              << " failed to load";
    if (q.fail_on != "never") std::cerr << ", " << at_or_above << " with findings at or above " << q.fail_on;
    std::cerr << "\n";
  }
  if (!written || !set.failures.empty()) return exit_error;
  return at_or_above > 0 ? exit_findings : 0;
}
}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "trygg-check: checks how well an employer prevents bullying, harassment, sexual harassment and "
      "threats and violence at work, against a framework of preventive measures."};
  app.set_version_flag("--version", std::string("trygg-check ") + TRYGG_VERSION_STRING);
  app.require_subcommand(1);

  const std::vector<std::string> languages{"sv", "nb", "en"};

  // check
  std::string org_path, as_of_text, lang_text, format = "text", output, fail_on = "high", colour = "auto";
  std::vector<std::string> packs, pack_files;
  bool preview = false;
  auto* check = app.add_subcommand("check", "Audit an organisation and report its gaps");
  check->add_option("ORG", org_path, "Organisation file (JSON, format trygg.organisation/1); - reads standard input")
      ->required();
  check->add_option("--pack", packs, "Run only the rules of this pack (repeatable; default: every pack)");
  check->add_option("--pack-file", pack_files, "Also load a pack from this JSON file (repeatable)");
  check->add_option("--as-of", as_of_text, "Audit as of this date, YYYY-MM-DD (default: today)");
  check->add_option("--lang", lang_text, "Report language (default: from the organisation's country)")
      ->check(CLI::IsMember(languages));
  check->add_option("--format", format, "Output format")
      ->check(CLI::IsMember({"text", "json", "md", "csv", "xlsx", "html"}))
      ->capture_default_str();
  std::string csv_dialect = "machine";
  check
      ->add_option("--csv-dialect", csv_dialect,
                   "CSV for programs (machine: ',') or for Excel with Nordic settings (excel: ';', byte-order mark)")
      ->check(CLI::IsMember({"machine", "excel"}))
      ->capture_default_str();
  check->add_option("--output,-o", output, "Write the report to this file instead of standard output");
  bool force = false;
  check->add_flag("--force", force, "Replace an --output file that trygg did not write, or a link");
  check->add_option("--fail-on", fail_on, "Exit 1 if a finding has at least this severity")
      ->check(CLI::IsMember({"info", "low", "medium", "high", "critical", "never"}))
      ->capture_default_str();
  check->add_flag("--preview", preview, "Also run rules marked preview");
  std::string profile_file;
  std::vector<std::string> select, ignore, severities, param_overrides;
  check->add_option("--profile", profile_file, "Select and tune rules with this profile (trygg.profile/1)");
  check->add_option("--select", select, "Run only rules matching this id or glob, e.g. 'se.*' (repeatable)");
  check->add_option("--ignore", ignore, "Do not run rules matching this id or glob (repeatable)");
  check->add_option("--severity", severities, "Override a severity: RULE=SEVERITY, RULE an id or glob (repeatable)");
  check->add_option("--param", param_overrides, "Override a parameter: RULE:NAME=VALUE (repeatable)");
  std::string waivers_file;
  check->add_option("--waivers", waivers_file,
                    "Accept findings with this waiver file (trygg.waivers/1); waived findings never count for "
                    "--fail-on, and every report lists them");
  check->add_option("--color,--colour", colour, "Colour in text output")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  // Compared with last time (issue 16; docs/report-format.md, "Comparison").
  std::string baseline_file, fail_on_new;
  check->add_option("--baseline", baseline_file,
                    "Compare with this earlier JSON report of the same organisation: each finding new, unchanged or "
                    "changed, and the resolved ones");
  check
      ->add_option("--fail-on-new", fail_on_new,
                   "Exit 1 only if a NEW finding (not waived) has at least this severity; needs --baseline")
      ->check(CLI::IsMember({"info", "low", "medium", "high", "critical"}));
  bool legal_only = false;
  check->add_flag(
      "--legal-only", legal_only,
      "Show only the findings of law and regulation (text, md, html, xlsx; json and csv keep every result)");

  // validate
  std::string validate_path;
  auto* validate = app.add_subcommand("validate", "Check that an organisation file is valid, without auditing it");
  validate->add_option("ORG", validate_path, "Organisation file; - reads standard input")->required();
  validate->add_option("--pack-file", pack_files, "Also load a pack from this JSON file (repeatable)");

  // explain
  std::string explain_id;
  auto* explain = app.add_subcommand("explain", "Explain a rule or a measure");
  explain->add_option("ID", explain_id, "Rule id (e.g. ORG-03/elements) or measure id (e.g. ORG-03)")->required();
  explain->add_option("--lang", lang_text, "Language")->check(CLI::IsMember(languages));
  explain->add_option("--pack-file", pack_files, "Also load a pack from this JSON file (repeatable)");

  // rules
  std::string rules_format = "text";
  auto* rules = app.add_subcommand("rules", "List the rules of the loaded packs");
  rules->add_option("--format", rules_format, "Output format")->check(CLI::IsMember({"text", "json"}));
  rules->add_option("--lang", lang_text, "Language")->check(CLI::IsMember(languages));
  rules->add_option("--pack-file", pack_files, "Also load a pack from this JSON file (repeatable)");

  // template
  std::string country = "SE", template_output;
  auto* templ = app.add_subcommand("template", "Write a blank organisation file listing every measure");
  templ->add_option("--country", country, "ISO 3166-1 alpha-2 country code")->check([](const std::string& c) {
    return c.size() == 2 && std::isupper(static_cast<unsigned char>(c[0])) &&
                   std::isupper(static_cast<unsigned char>(c[1]))
               ? std::string{}
               : std::string("expected a country code such as SE or NO");
  });
  templ->add_option("--lang", lang_text, "Language of the measures' titles (default: the country's)")
      ->check(CLI::IsMember(languages));
  templ->add_option("--output,-o", template_output, "Write to this file instead of standard output");
  templ->add_flag("--force", force, "Replace an existing --output file");
  templ->add_option("--pack-file", pack_files, "Also load a pack from this JSON file (repeatable)");

  // document
  std::string document_kind;
  auto* document =
      app.add_subcommand("document", "Write a draft of a yearly document (Markdown) from an organisation's data");
  document->add_option("ORG", org_path, "Organisation file; - reads standard input")->required();
  document->add_option("--kind", document_kind, "Document: dl-active-measures or sam-follow-up")->required();
  document->add_option("--as-of", as_of_text,
                       "Draft as of this date, YYYY-MM-DD; its year is documented (default: today)");
  document->add_option("--lang", lang_text, "Language (default: from the organisation's country)")
      ->check(CLI::IsMember(languages));
  document->add_option("--output,-o", output, "Write the draft to this file instead of standard output");
  document->add_flag("--force", force, "Replace an --output file that trygg did not write, or a link");
  document->add_option("--pack-file", pack_files, "Also load a pack from this JSON file (repeatable)");

  // batch
  BatchRequest bq;
  auto* batch = app.add_subcommand(
      "batch",
      "Audit many organisations: files, or directories searched for *.json. Exit 2 if any source failed to "
      "load, else 1 if any report has a finding at or above --fail-on, else 0");
  batch->add_option("PATH", bq.paths, "Organisation files, or directories holding them (*.json, sorted)")->required();
  batch->add_option("--format", bq.format, "Output format (xlsx: to --output FILE.xlsx, or with --each)")
      ->check(CLI::IsMember({"json", "csv", "html", "xlsx"}))
      ->capture_default_str();
  batch
      ->add_option("--csv-dialect", bq.csv_dialect,
                   "CSV for programs (machine: ',') or for Excel with Nordic settings (excel: ';', byte-order mark)")
      ->check(CLI::IsMember({"machine", "excel"}))
      ->capture_default_str();
  batch->add_option("--output,-o", bq.output, "Write the report set to this file instead of standard output");
  batch->add_option("--each", bq.each,
                    "Also write one report per organisation into this directory, named by its id (with --each, "
                    "the report set is written only when --output is given)");
  batch->add_flag("--force", bq.force, "Replace output files that trygg did not write, or links");
  batch->add_flag("--benchmark", bq.benchmark,
                  "Add a peer benchmark: per group the 20th, 50th and 80th percentiles (groups of 5 or more only)");
  batch->add_option("--by", bq.by, "Group the benchmark by")
      ->check(CLI::IsMember({"all", "country", "sector", "size-band"}))
      ->capture_default_str();
  batch->add_option("--workers", bq.workers, "Audit on this many threads (default: one per processor)");
  batch->add_option("--as-of", bq.as_of, "Audit as of this date, YYYY-MM-DD (default: today)");
  batch->add_option("--lang", lang_text, "Report language (default: each organisation's country's)")
      ->check(CLI::IsMember(languages));
  batch->add_option("--fail-on", bq.fail_on, "Exit 1 if a finding has at least this severity")
      ->check(CLI::IsMember({"info", "low", "medium", "high", "critical", "never"}))
      ->capture_default_str();
  batch->add_option("--pack-file", pack_files, "Also load a pack from this JSON file (repeatable)");
  batch->add_flag("--quiet,-q", bq.quiet,
                  "No progress count and no summary line on standard error (errors are still reported)");
  auto* progress_flag = batch->add_flag("--progress", bq.progress,
                                        "Show the progress count on standard error even when it is not a terminal");
  batch->add_flag("--no-progress", bq.no_progress, "Never show the progress count")->excludes(progress_flag);

  batch->add_option("--waivers", bq.waivers,
                    "Accept findings with this waiver file (trygg.waivers/1), for every organisation; waived "
                    "findings never count for --fail-on");

  // trend, plan import
  trygg_check::PlanTrendCommands plan_trend;
  trygg_check::add_plan_trend_commands(app, plan_trend, lang_text, pack_files, languages);

  // diff
  std::string diff_old, diff_new, diff_format_name = "text", diff_output, diff_fail_on_new;
  auto* diff = app.add_subcommand(
      "diff", "Compare two JSON reports of one organisation: what is new, changed, unchanged and resolved");
  diff->add_option("OLD", diff_old, "The earlier JSON report")->required();
  diff->add_option("NEW", diff_new, "The later JSON report")->required();
  diff->add_option("--format", diff_format_name, "Output format")
      ->check(CLI::IsMember({"text", "json", "md"}))
      ->capture_default_str();
  diff->add_option("--output,-o", diff_output, "Write to this file instead of standard output");
  diff->add_flag("--force", force, "Replace an --output file that trygg did not write, or a link");
  diff->add_option("--fail-on-new", diff_fail_on_new, "Exit 1 if a NEW finding (not waived) has at least this severity")
      ->check(CLI::IsMember({"info", "low", "medium", "high", "critical"}));
  diff->add_option("--lang", lang_text, "Language (default: from the locale)")->check(CLI::IsMember(languages));

  trygg::LoadLimits limits;
  for (auto* command : {check, validate, document, batch})
    add_limit_options(command, limits);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints help, version or the error
    return code == 0 ? 0 : exit_error;
  }

  try {
    const std::optional<trygg::Language> lang = lang_text.empty() ? std::nullopt : trygg::parse_language(lang_text);
    const trygg::Framework fw = load_framework(pack_files);

    if (*check) {
      if (format == "xlsx" && (output.empty() || output == "-") && isatty(STDOUT_FILENO)) {
        std::cerr << "error: --format xlsx writes a binary file: give --output FILE.xlsx (or redirect standard "
                     "output to a file)\n";
        return exit_error;
      }
      const trygg::Framework tuned = apply_profiles(fw, profile_file, select, ignore, severities, param_overrides);
      trygg::AuditOptions options;
      if (!as_of_text.empty()) {
        options.as_of = trygg::Date::parse(as_of_text);
        if (!options.as_of) {
          std::cerr << "error: --as-of: expected a calendar date YYYY-MM-DD, found \"" << as_of_text << "\"\n";
          return exit_error;
        }
      }
      options.packs = packs;
      options.language = lang;
      options.preview = preview;
      add_waivers(options, waivers_file, profile_file);
      if (!fail_on_new.empty() && baseline_file.empty()) {
        std::cerr << "error: --fail-on-new gates on findings that are new since a baseline: give --baseline "
                     "LAST.json too\n";
        return exit_error;
      }
      // The baseline is read on another thread while the organisation is loaded and audited
      // (a report of 100,000 units is hundreds of megabytes); a bad one is reported first.
      std::future<trygg::Snapshot> baseline;
      if (!baseline_file.empty())
        baseline = std::async(std::launch::async, [&] { return trygg::Snapshot::load(baseline_file); });
      std::optional<trygg::Report> audited;
      try {
        const auto org = load_organisation(org_path, tuned, limits);
        audited = trygg::audit(org, tuned, options);
      } catch (...) {
        if (baseline.valid()) baseline.get();  // the baseline's own error first, if it has one
        throw;
      }
      auto& report = *audited;
      if (baseline.valid()) trygg::compare_with_baseline(report, baseline.get());
      std::string text;
      if (format == "json") {
        text = trygg::render_json_text(report, report.language, 2) + "\n";
      } else if (format == "md") {
        text = trygg::render_markdown(report, report.language, legal_only);
      } else if (format == "csv") {
        text = trygg::render_csv(report, {report.language, csv_dialect == "excel" ? trygg::CsvDialect::excel_nordic
                                                                                  : trygg::CsvDialect::machine});
      } else if (format == "xlsx") {
        text = trygg::render_xlsx(report, {report.language, legal_only});
      } else if (format == "html") {
        text = trygg::render_html(report, {report.language, legal_only});
      } else {
        const bool tty = output.empty() && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
        text = trygg::render_text(report,
                                  {report.language, colour == "always" || (colour == "auto" && tty), 80, legal_only});
      }
      auto inputs = run_inputs(org_path, pack_files, profile_file, waivers_file);
      if (!baseline_file.empty()) inputs.emplace_back(baseline_file);
      if (!emit(text, output, {inputs, force, true})) return exit_error;
      if (!fail_on_new.empty()) {
        // --fail-on-new gates on regressions only; --fail-on as well only when given.
        if (trygg::count_new_at_or_above(report, *trygg::parse_severity(fail_on_new)) > 0) return exit_findings;
        if (check->get_option("--fail-on")->count() == 0 || fail_on == "never") return 0;
      }
      if (fail_on == "never") return 0;
      return report.count_at_or_above(*trygg::parse_severity(fail_on)) > 0 ? exit_findings : 0;
    }
    if (*validate) {
      const auto org = load_organisation(validate_path, fw, limits);
      std::cout << (validate_path == "-" ? std::string("<stdin>") : validate_path) << ": valid (" << org.units.size()
                << " units, " << org.people.size() << " people, " << org.routines.size() << " routines, "
                << org.activities.size() << " activities, " << org.channels.size() << " channels)\n";
      return 0;
    }
    if (*explain) {
      const trygg::Language l = lang.value_or(locale_language());
      if (const auto* r = fw.find_rule(explain_id)) return emit(explain_rule(fw, *r, l), "") ? 0 : exit_error;
      if (const auto* m = fw.find_measure(explain_id)) return emit(explain_measure(fw, *m, l), "") ? 0 : exit_error;
      const std::string hint = fw.closest_id(explain_id);
      std::cerr << "error: no rule or measure has the id \"" << trygg::terminal_safe(explain_id) << "\""
                << (hint.empty() ? std::string() : "; did you mean \"" + hint + "\"?") << " (see trygg-check rules)\n";
      return exit_error;
    }
    if (*rules) {
      const trygg::Language l = lang.value_or(locale_language());
      if (rules_format == "json") {
        nlohmann::json a = nlohmann::json::array();
        for (const auto& r : fw.rules()) {
          const auto* m = fw.find_measure(r.measure);
          a.push_back({{"id", r.id},
                       {"measure", r.measure},
                       {"check", r.check},
                       {"pack", r.pack},
                       {"severity", trygg::to_string(r.severity)},
                       {"obligation", trygg::to_string(r.obligation)},
                       {"preview", r.preview},
                       {"title", m->title.in(l)}});
        }
        return emit(a.dump(2) + "\n", "") ? 0 : exit_error;
      }
      std::string s;
      for (const auto& r : fw.rules()) {
        const auto* m = fw.find_measure(r.measure);
        std::string id = r.id;
        if (id.size() < 28) id += std::string(28 - id.size(), ' ');
        std::string sev(trygg::to_string(r.severity));
        if (sev.size() < 9) sev += std::string(9 - sev.size(), ' ');
        s += id + " " + sev + m->title.in(l) + (r.preview ? " (preview)" : "") + "\n";
      }
      return emit(s, "") ? 0 : exit_error;
    }
    if (*templ) {
      // The template never replaces a file without --force: it would blank a filled-in one.
      return emit(trygg::organisation_template(fw, country, lang).dump(2) + "\n", template_output,
                  {run_inputs("", pack_files, ""), force, false})
                 ? 0
                 : exit_error;
    }
    if (*diff) {
      // The two reports are read at once, each on its own thread.
      auto later = std::async(std::launch::async, [&] { return trygg::Snapshot::load(diff_new); });
      std::optional<trygg::Snapshot> earlier;
      try {
        earlier = trygg::Snapshot::load(diff_old);
      } catch (...) {
        later.wait();
        throw;
      }
      const trygg::Snapshot& older = *earlier;
      const trygg::Snapshot newer = later.get();
      const trygg::Comparison c = trygg::compare(older, newer);
      const auto how = diff_format_name == "json" ? trygg::DiffFormat::json
                       : diff_format_name == "md" ? trygg::DiffFormat::markdown
                                                  : trygg::DiffFormat::text;
      if (!emit(trygg::render_diff(older, newer, c, how, lang.value_or(locale_language())), diff_output,
                {{std::filesystem::path(diff_old), std::filesystem::path(diff_new)}, force, true}))
        return exit_error;
      if (diff_fail_on_new.empty()) return 0;
      return trygg::count_new_at_or_above(newer, c, *trygg::parse_severity(diff_fail_on_new)) > 0 ? exit_findings : 0;
    }
    if (*batch) return run_batch(bq, fw, lang, limits, pack_files);
    if (const auto code =
            trygg_check::run_plan_trend_commands(plan_trend, lang.value_or(locale_language()), fw, pack_files))
      return *code;
    if (*document)
      return run_document(org_path, document_kind, as_of_text, lang, output, fw, limits,
                          {run_inputs(org_path, pack_files, ""), force, true});
  } catch (const trygg::LoadError& e) {
    print_load_error(e);
    return exit_error;
  } catch (const trygg::Error& e) {
    std::cerr << "error: " << e.what() << "\n";
    return exit_error;
  } catch (const std::exception& e) {
    std::cerr << "error: internal error: " << e.what() << "\n";
    return exit_error;
  }
  return exit_error;
}
