// SPDX-License-Identifier: MIT
// What a report recorded (docs/history.md): read back from a JSON report or taken from a
// Report in memory. Reading is fast (simdjson, through the same JsonNode view as the
// organisation loader), because `trygg-check diff` reads two reports of any size; a text
// simdjson refuses is parsed again strictly, for the line and column of the problem.
#include <algorithm>
#include <charconv>
#include <deque>
#include <memory>
#include <unordered_map>

#include "comparison_view.hpp"
#include "json_document.hpp"
#include "json_strict_parse.hpp"
#include "snapshot_read.hpp"
#include "trygg/error.hpp"
#include "trygg/history.hpp"

namespace trygg {
namespace {
using detail::Diagnostics;
using detail::JsonNode;
using detail::write_figures;

/// The largest report a snapshot reads: a JSON report of about a million units.
constexpr std::uintmax_t max_report_bytes = 4ull * 1024u * 1024u * 1024u;

bool is_legal(Obligation o) {
  return o == Obligation::law || o == Obligation::regulation;
}

bool counts(Status s) {
  return s == Status::fail || s == Status::partial || s == Status::not_assessed;
}

std::optional<std::uint64_t> parse_fingerprint(std::string_view s) {
  if (s.size() != 16) return std::nullopt;
  std::uint64_t v = 0;
  for (const char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v, 16);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

/// The figures of a stored `found` message, without copying its arguments; `args` is scratch.
void write_found_figures(std::string& out, const Report& report, const MessageRef& found,
                         std::vector<std::pair<std::string_view, std::string_view>>& args) {
  args.clear();
  for (std::size_t k = 0; k < found.args; ++k)
    args.push_back(report.message_arg(found, k));
  write_figures(out, report.message_id(found), args);
}

/// Reads one JSON report into a Snapshot, recording every problem with its JSON Pointer.
class SnapshotReader {
 public:
  SnapshotReader(Diagnostics& d, Snapshot& s) : d_(d), s_(s) {}

  void read(JsonNode root) {
    if (!root.is_object()) return bad("", "a JSON report (an object)", kind(root));
    const auto format = string(root, "", "format");
    if (!format) return;
    s_.format = std::string(*format);
    if (*format != "trygg.report/2" && *format != "trygg.report/1") {
      d_.add("/format", "a report format this version reads (trygg.report/2 or trygg.report/1)",
             "\"" + s_.format + "\"", "make the report again with this version of trygg");
      return;
    }
    if (const auto org = object(root, "", "organisation")) {
      if (const auto id = string(*org, "/organisation", "id")) s_.organisation_id = std::string(*id);
      if (const auto name = org->find("name"); name && name->is_string())
        s_.organisation_name = std::string(name->string());
    }
    if (const auto d = string(root, "", "as_of")) {
      if (const auto date = Date::parse(*d))
        s_.as_of = *date;
      else
        bad("/as_of", "a date YYYY-MM-DD", "\"" + std::string(*d) + "\"");
    }
    read_scores(root);
    if (const auto p = root.find("plan_progress"); p && p->is_object()) read_plan(*p);
    if (s_.format == "trygg.report/2")
      read_findings_2(root);
    else
      read_findings_1(root);
  }

 private:
  Diagnostics& d_;
  Snapshot& s_;

  static std::string kind(JsonNode n) {
    switch (n.kind()) {
      case JsonNode::Kind::null:
        return "null";
      case JsonNode::Kind::boolean:
        return "a boolean";
      case JsonNode::Kind::string:
        return "a string";
      case JsonNode::Kind::array:
        return "an array";
      case JsonNode::Kind::object:
        return "an object";
      default:
        return "a number";
    }
  }
  void bad(const std::string& pointer, std::string expected, std::string found) {
    d_.add(pointer, std::move(expected), std::move(found));
  }
  std::optional<JsonNode> member(JsonNode obj, const std::string& at, std::string_view key) {
    auto m = obj.find(key);
    if (!m) bad(at + "/" + std::string(key), "a member \"" + std::string(key) + "\"", "nothing");
    return m;
  }
  std::optional<std::string_view> string(JsonNode obj, const std::string& at, std::string_view key) {
    const auto m = member(obj, at, key);
    if (!m) return std::nullopt;
    if (!m->is_string()) {
      bad(at + "/" + std::string(key), "a string", kind(*m));
      return std::nullopt;
    }
    return m->string();
  }
  std::optional<JsonNode> object(JsonNode obj, const std::string& at, std::string_view key) {
    const auto m = member(obj, at, key);
    if (m && !m->is_object()) {
      bad(at + "/" + std::string(key), "an object", kind(*m));
      return std::nullopt;
    }
    return m;
  }
  std::optional<JsonNode> array(JsonNode obj, const std::string& at, std::string_view key) {
    const auto m = member(obj, at, key);
    if (m && !m->is_array()) {
      bad(at + "/" + std::string(key), "an array", kind(*m));
      return std::nullopt;
    }
    return m;
  }
  std::optional<std::uint64_t> index(JsonNode obj, const std::string& at, std::string_view key) {
    const auto m = member(obj, at, key);
    if (!m) return std::nullopt;
    if (m->kind() != JsonNode::Kind::unsigned_integer && m->kind() != JsonNode::Kind::integer) {
      bad(at + "/" + std::string(key), "an index (a whole number)", kind(*m));
      return std::nullopt;
    }
    if (m->kind() == JsonNode::Kind::integer && m->integer() < 0) {
      bad(at + "/" + std::string(key), "an index (a whole number from 0)", std::to_string(m->integer()));
      return std::nullopt;
    }
    return m->kind() == JsonNode::Kind::integer ? static_cast<std::uint64_t>(m->integer()) : m->unsigned_integer();
  }
  template <typename T>
  std::optional<T> word(JsonNode obj, const std::string& at, std::string_view key,
                        std::optional<T> (*parse)(std::string_view) noexcept, const char* expected) {
    const auto s = string(obj, at, key);
    if (!s) return std::nullopt;
    const auto v = parse(*s);
    if (!v) bad(at + "/" + std::string(key), expected, "\"" + std::string(*s) + "\"");
    return v;
  }

  void read_scores(JsonNode root) {
    if (const auto areas = array(root, "", "area_scores"))
      areas->for_each_element([&](std::size_t i, JsonNode a) {
        const std::string at = "/area_scores/" + std::to_string(i);
        const auto id = a.is_object() ? string(a, at, "area") : std::nullopt;
        const auto score = a.is_object() ? a.find("score") : std::nullopt;
        if (!id) return;
        if (!score || !score->is_number()) return bad(at + "/score", "a number 0..4", score ? kind(*score) : "nothing");
        s_.area_scores.emplace_back(std::string(*id), score->number());
      });
    if (const auto measures = array(root, "", "measure_scores"))
      measures->for_each_element([&](std::size_t i, JsonNode m) {
        const std::string at = "/measure_scores/" + std::to_string(i);
        const auto id = m.is_object() ? string(m, at, "measure") : std::nullopt;
        const auto maturity = m.is_object() ? index(m, at, "maturity") : std::nullopt;
        if (id && maturity) s_.measure_scores.emplace_back(std::string(*id), static_cast<int>(*maturity));
      });
  }

  void read_plan(JsonNode p) {
    s_.plan.reported = p.find("reported") && p.find("reported")->is_boolean() && p.find("reported")->boolean();
    const auto n = [&](std::string_view key) -> std::size_t {
      const auto v = index(p, "/plan_progress", key);
      return v ? static_cast<std::size_t>(*v) : 0;
    };
    s_.plan.items = n("items");
    s_.plan.done = n("done");
    s_.plan.verified = n("verified");
    s_.plan.overdue = n("overdue");
  }

  /// The figures of a result's or finding's `found` message.
  std::string figures(JsonNode holder, const std::string& at) {
    const auto found = holder.find("found");
    if (!found || !found->is_object()) return {};
    const auto id = found->find("id");
    // An argument that is not a string is taken as its JSON text; the deque keeps those
    // texts in place while the views below point into them.
    std::deque<std::string> written;
    std::vector<std::pair<std::string_view, std::string_view>> args;
    if (const auto a = found->find("args"); a && a->is_object())
      a->for_each_member([&](std::string_view k, JsonNode v) {
        args.emplace_back(k, v.is_string() ? v.string() : std::string_view(written.emplace_back(v.to_json().dump())));
      });
    (void)at;
    std::string out;
    write_figures(out, id && id->is_string() ? id->string() : std::string_view(), args);
    return out;
  }

  /// Common to both formats: a finding's own members.
  void finding_members(JsonNode f, const std::string& at, FindingRecord& r) {
    if (const auto fp = string(f, at, "fingerprint")) {
      if (const auto v = parse_fingerprint(*fp))
        r.fingerprint = *v;
      else
        bad(at + "/fingerprint", "16 lower-case hexadecimal digits", "\"" + std::string(*fp) + "\"");
    }
    if (const auto fs = f.find("first_seen")) {
      const auto d = fs->is_string() ? Date::parse(fs->string()) : std::nullopt;
      if (d)
        r.first_seen = d;
      else
        bad(at + "/first_seen", "a date YYYY-MM-DD",
            fs->is_string() ? "\"" + std::string(fs->string()) + "\"" : kind(*fs));
    }
  }

  void subject(JsonNode subj, const std::string& at, FindingRecord& r) {
    const auto k = string(subj, at, "kind");
    if (!k) return;
    if (*k == "organisation") {
      r.subject_id = s_.organisation_id;
      r.subject_name = s_.organisation_name;
    } else if (*k == "unit") {
      if (const auto id = string(subj, at, "id")) r.subject_id = std::string(*id);
      if (const auto n = subj.find("name"); n && n->is_string()) r.subject_name = std::string(n->string());
    } else {
      bad(at + "/kind", "\"organisation\" or \"unit\"", "\"" + std::string(*k) + "\"");
    }
  }

  void add(FindingRecord r) {
    if (is_legal(r.obligation) && counts(r.status)) ++s_.legal_findings;
    s_.findings.push_back(std::move(r));
  }

  /// Waiver reasons by index, for findings that name one.
  std::vector<std::string> waiver_reasons(JsonNode root) {
    std::vector<std::string> out;
    if (const auto w = root.find("waivers"); w && w->is_array())
      w->for_each_element([&](std::size_t, JsonNode e) {
        const auto reason = e.is_object() ? e.find("reason") : std::nullopt;
        out.emplace_back(reason && reason->is_string() ? std::string(reason->string()) : std::string());
      });
    return out;
  }

  void read_findings_2(JsonNode root) {
    struct RuleInfo {
      std::string measure, area;
      Severity severity = Severity::medium;
      Obligation obligation = Obligation::good_practice;
    };
    std::unordered_map<std::string, RuleInfo> rules;
    if (const auto rs = object(root, "", "rules"))
      rs->for_each_member([&](std::string_view id, JsonNode r) {
        const std::string at = "/rules/" + std::string(id);  // rule ids hold no '/' or '~' escapes to worry about here
        if (!r.is_object()) return bad(at, "an object", kind(r));
        RuleInfo info;
        if (const auto m = string(r, at, "measure")) info.measure = std::string(*m);
        if (const auto a = string(r, at, "area")) info.area = std::string(*a);
        if (const auto s = word<Severity>(r, at, "severity", parse_severity, "a severity")) info.severity = *s;
        if (const auto o = word<Obligation>(r, at, "obligation", parse_obligation, "an obligation"))
          info.obligation = *o;
        rules.emplace(std::string(id), std::move(info));
      });
    const auto results = array(root, "", "results");
    const auto findings = array(root, "", "findings");
    if (!results || !findings) return;
    std::vector<JsonNode> result_nodes(results->size());
    results->for_each_element([&](std::size_t i, JsonNode r) { result_nodes[i] = r; });
    const auto reasons = waiver_reasons(root);
    s_.findings.reserve(findings->size());
    findings->for_each_element([&](std::size_t i, JsonNode f) {
      if (d_.count_if_full()) return;
      const std::string at = "/findings/" + std::to_string(i);
      if (!f.is_object()) return bad(at, "a finding (an object)", kind(f));
      FindingRecord r;
      finding_members(f, at, r);
      const auto ri = index(f, at, "result");
      if (!ri) return;
      if (*ri >= result_nodes.size())
        return bad(at + "/result", "the index of a result (below " + std::to_string(result_nodes.size()) + ")",
                   std::to_string(*ri));
      const JsonNode res = result_nodes[*ri];
      const std::string rat = "/results/" + std::to_string(*ri);
      if (!res.is_object()) return bad(rat, "a result (an object)", kind(res));
      if (const auto rule = string(res, rat, "rule")) {
        r.rule = std::string(*rule);
        if (const auto it = rules.find(r.rule); it != rules.end()) {
          r.measure = it->second.measure;
          r.area = it->second.area;
          r.severity = it->second.severity;
          r.obligation = it->second.obligation;
        } else {
          bad(rat + "/rule", "a rule listed under /rules", "\"" + r.rule + "\"");
        }
      }
      if (const auto s = word<Status>(res, rat, "status", parse_status, "a status")) r.status = *s;
      if (const auto subj = object(res, rat, "subject")) subject(*subj, rat + "/subject", r);
      r.figures = figures(res, rat);
      if (const auto w = f.find("waiver");
          w && (w->kind() == JsonNode::Kind::unsigned_integer || w->kind() == JsonNode::Kind::integer)) {
        const auto wi = w->kind() == JsonNode::Kind::integer
                            ? static_cast<std::uint64_t>(std::max<std::int64_t>(0, w->integer()))
                            : w->unsigned_integer();
        if (wi < reasons.size() && r.status == Status::waived) r.waiver_reason = reasons[wi];
      }
      add(std::move(r));
    });
  }

  /// Format 1 wrote every finding whole (python/trygg/_report_format.py, format_1).
  void read_findings_1(JsonNode root) {
    const auto findings = array(root, "", "findings");
    if (!findings) return;
    findings->for_each_element([&](std::size_t i, JsonNode f) {
      if (d_.count_if_full()) return;
      const std::string at = "/findings/" + std::to_string(i);
      if (!f.is_object()) return bad(at, "a finding (an object)", kind(f));
      FindingRecord r;
      finding_members(f, at, r);
      if (const auto rule = string(f, at, "rule")) r.rule = std::string(*rule);
      if (const auto m = string(f, at, "measure")) r.measure = std::string(*m);
      if (const auto a = string(f, at, "area")) r.area = std::string(*a);
      if (const auto s = word<Severity>(f, at, "severity", parse_severity, "a severity")) r.severity = *s;
      if (const auto o = word<Obligation>(f, at, "obligation", parse_obligation, "an obligation")) r.obligation = *o;
      if (const auto s = word<Status>(f, at, "status", parse_status, "a status")) r.status = *s;
      if (const auto subj = object(f, at, "subject")) subject(*subj, at + "/subject", r);
      r.figures = figures(f, at);
      add(std::move(r));
    });
  }
};

}  // namespace

}  // namespace trygg

namespace trygg::detail {
void write_figures(std::string& out, std::string_view id,
                   std::vector<std::pair<std::string_view, std::string_view>>& args) {
  std::sort(args.begin(), args.end());
  out.assign(id);
  for (const auto& [k, v] : args) {
    out += '\x1f';
    out += k;
    out += '=';
    out += v;
  }
}

Snapshot read_snapshot_dom(std::string_view text, const std::string& file, bool padded) {
  Diagnostics d(file);
  Snapshot s;
  s.file = file;
  if (const auto fast = detail::FastDocument::parse(text, 64, padded)) {
    SnapshotReader(d, s).read(fast->root());
  } else {
    const auto doc = detail::parse_strict(text, 64, d);  // exact line and column of the problem
    d.throw_if_any();
    SnapshotReader(d, s).read(JsonNode(*doc));
  }
  d.throw_if_any();
  return s;
}
}  // namespace trygg::detail

namespace trygg {
namespace {
/// Snapshot::parse, told whether FastDocument::padding readable bytes follow the text: then
/// simdjson reads a report of hundreds of megabytes in place instead of copying it first.
/// The On-Demand reader takes a well-formed report in one pass without building a DOM (the
/// DOM of two 230 MB reports took 1.29 GB: docs/performance.md, "History (issue 16)");
/// anything it does not recognise is read again by the DOM reader, whose diagnostics are
/// the ones the user sees.
Snapshot parse_text(std::string_view text, const std::string& file, bool padded) {
  if (auto fast = detail::read_snapshot_fast(text, file, padded)) return std::move(*fast);
  return detail::read_snapshot_dom(text, file, padded);
}
}  // namespace

Snapshot Snapshot::parse(std::string_view text, const std::string& file) {
  return parse_text(text, file, false);
}

Snapshot Snapshot::load(const std::filesystem::path& path) {
  // Read, not mapped: a mapped file that another process truncates meanwhile would end the
  // program with SIGBUS, and a baseline is a file anyone may be rewriting.
  Diagnostics d(path.string());
  const auto text = detail::read_file(path, max_report_bytes, d);
  d.throw_if_any();
  // read_file leaves the padding simdjson needs, so the file is not copied again.
  return parse_text(*text, path.string(), text->capacity() >= text->size() + detail::FastDocument::padding);
}

Snapshot Snapshot::of(const Report& report) {
  Snapshot s;
  s.format = "trygg.report/2";
  s.organisation_id = report.organisation_id;
  s.organisation_name = report.organisation_name;
  s.as_of = report.as_of;
  s.plan = report.plan_progress;
  for (const auto& a : report.area_scores)
    s.area_scores.emplace_back(a.area, a.score);
  for (const auto& m : report.measure_scores)
    s.measure_scores.emplace_back(m.measure, m.maturity);
  s.findings.reserve(report.findings.size());
  std::vector<std::pair<std::string_view, std::string_view>> args;
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    const Result& r = report.result(f);
    FindingRecord rec;
    rec.fingerprint = f.fingerprint;
    rec.rule = report.rule(r).id;
    rec.measure = report.rule(r).measure;
    rec.area = report.measure(r).area;
    rec.subject_id = std::string(report.subject_id(r.subject));
    rec.subject_name = std::string(report.subject_name(r.subject));
    rec.severity = report.severity(r);
    rec.obligation = report.obligation(r);
    rec.status = r.status;
    write_found_figures(rec.figures, report, r.found, args);
    if (report.comparison && i < report.comparison->findings.size())
      rec.first_seen = report.comparison->findings[i].first_seen;
    if (f.waiver != Finding::no_waiver && r.status == Status::waived && f.waiver < report.waivers.size())
      rec.waiver_reason = report.waivers[f.waiver].waiver.reason;
    if (is_legal(rec.obligation) && counts(rec.status)) ++s.legal_findings;
    s.findings.push_back(std::move(rec));
  }
  return s;
}

std::string_view to_string(Change change) noexcept {
  switch (change) {
    case Change::added:
      return "new";
    case Change::unchanged:
      return "unchanged";
    case Change::changed:
      return "changed";
    case Change::resolved:
      return "resolved";
  }
  return "new";
}

std::optional<Change> parse_change(std::string_view text) noexcept {
  for (const Change c : {Change::added, Change::unchanged, Change::changed, Change::resolved})
    if (to_string(c) == text) return c;
  return std::nullopt;
}

using detail::tally;  // src/comparison_view.cpp: one count per change

ChangeCounts Comparison::counts() const noexcept {
  ChangeCounts c;
  for (const auto& f : findings)
    tally(c, f.change);
  c.resolved = resolved.size();
  return c;
}

std::vector<std::pair<std::string, ChangeCounts>> Comparison::counts_by_area(
    const std::vector<FindingRecord>& newer) const {
  std::vector<std::pair<std::string, ChangeCounts>> out;
  const auto slot = [&](const std::string& area) -> ChangeCounts& {
    for (auto& [a, c] : out)
      if (a == area) return c;
    return out.emplace_back(area, ChangeCounts{}).second;
  };
  for (std::size_t i = 0; i < findings.size() && i < newer.size(); ++i)
    tally(slot(newer[i].area), findings[i].change);
  for (const auto& r : resolved)
    tally(slot(r.area), Change::resolved);
  return out;
}

std::array<ChangeCounts, 5> Comparison::counts_by_severity(const std::vector<FindingRecord>& newer) const {
  std::array<ChangeCounts, 5> out{};
  for (std::size_t i = 0; i < findings.size() && i < newer.size(); ++i)
    tally(out[static_cast<std::size_t>(newer[i].severity)], findings[i].change);
  for (const auto& r : resolved)
    tally(out[static_cast<std::size_t>(r.severity)], Change::resolved);
  return out;
}

namespace {

/// What a comparison needs of one finding of the newer report.
struct NewerFinding {
  std::uint64_t fingerprint = 0;
  Status status = Status::fail;
  std::string_view figures;
};

/// A baseline must be of the same organisation and not dated after the report it is compared with.
void refuse_unless_comparable(const Snapshot& baseline, const std::string& newer_id, Date newer_as_of) {
  const std::string name = baseline.file.empty() ? std::string("the report") : baseline.file;
  if (baseline.organisation_id != newer_id)
    throw UsageError("the baseline " + name + " is a report on organisation \"" + baseline.organisation_id +
                     "\", not on \"" + newer_id + "\": compare reports on the same organisation");
  if (baseline.as_of > newer_as_of)
    throw UsageError("the baseline " + name + " is dated " + baseline.as_of.to_string() +
                     ", after the report it is compared with (" + newer_as_of.to_string() +
                     "): give the older report as the baseline");
}

/// The comparison of `count` newer findings with the baseline's, matched by fingerprint.
/// `newer_at(i)` gives finding i; its figures need only last until the next call, so a
/// report's findings are compared without a Snapshot of them (`check --baseline`).
template <typename NewerAt>
Comparison compare_findings(const Snapshot& baseline, Date newer_as_of, std::size_t count, NewerAt&& newer_at) {
  Comparison c;
  c.baseline_file = baseline.file;
  c.baseline_format = baseline.format;
  c.baseline_as_of = baseline.as_of;
  std::unordered_map<std::uint64_t, std::size_t> before;
  before.reserve(baseline.findings.size());
  for (std::size_t i = 0; i < baseline.findings.size(); ++i)
    before.emplace(baseline.findings[i].fingerprint, i);
  std::vector<char> matched(baseline.findings.size(), 0);
  c.findings.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const NewerFinding f = newer_at(i);
    FindingChange ch;
    const auto it = before.find(f.fingerprint);
    if (it == before.end()) {
      ch.change = Change::added;
      ch.first_seen = newer_as_of;
    } else {
      const FindingRecord& b = baseline.findings[it->second];
      matched[it->second] = 1;
      ch.before = b.status;
      ch.first_seen = b.first_seen.value_or(baseline.as_of);
      ch.figures_changed = b.status == f.status && b.figures != f.figures;
      ch.change = b.status != f.status || ch.figures_changed ? Change::changed : Change::unchanged;
    }
    c.findings.push_back(ch);
  }
  for (std::size_t i = 0; i < baseline.findings.size(); ++i)
    if (!matched[i]) {
      FindingRecord r = baseline.findings[i];
      if (!r.first_seen) r.first_seen = baseline.as_of;
      c.resolved.push_back(std::move(r));
    }
  return c;
}

}  // namespace

Comparison compare(const Snapshot& baseline, const Snapshot& newer) {
  refuse_unless_comparable(baseline, newer.organisation_id, newer.as_of);
  return compare_findings(baseline, newer.as_of, newer.findings.size(), [&](std::size_t i) {
    const FindingRecord& f = newer.findings[i];
    return NewerFinding{f.fingerprint, f.status, f.figures};
  });
}

void compare_with_baseline(Report& report, const Snapshot& baseline) {
  report.comparison.reset();  // a report compared before is compared afresh, not with itself
  refuse_unless_comparable(baseline, report.organisation_id, report.as_of);
  // The figures as Snapshot::of writes them, into one buffer reused for every finding.
  std::string figures;
  std::vector<std::pair<std::string_view, std::string_view>> args;
  report.comparison = compare_findings(baseline, report.as_of, report.findings.size(), [&](std::size_t i) {
    const Finding& f = report.findings[i];
    const Result& r = report.result(f);
    write_found_figures(figures, report, r.found, args);
    return NewerFinding{f.fingerprint, r.status, figures};
  });
}

Trend trend(std::vector<Snapshot> snapshots) {
  if (snapshots.empty()) throw UsageError("a trend needs at least one report");
  std::stable_sort(snapshots.begin(), snapshots.end(),
                   [](const Snapshot& a, const Snapshot& b) { return a.as_of < b.as_of; });
  const auto name = [](const Snapshot& s) { return s.file.empty() ? std::string("a report") : s.file; };
  for (std::size_t i = 1; i < snapshots.size(); ++i) {
    if (snapshots[i].organisation_id != snapshots[0].organisation_id)
      throw UsageError("the reports are on different organisations: " + name(snapshots[0]) + " on \"" +
                       snapshots[0].organisation_id + "\", " + name(snapshots[i]) + " on \"" +
                       snapshots[i].organisation_id + "\"");
    if (snapshots[i].as_of == snapshots[i - 1].as_of)
      throw UsageError("two reports are dated " + snapshots[i].as_of.to_string() + ": " + name(snapshots[i - 1]) +
                       " and " + name(snapshots[i]) + " (a trend takes one report per date)");
  }
  Trend t;
  t.organisation_id = snapshots[0].organisation_id;
  t.organisation_name = snapshots.back().organisation_name;
  t.points = std::move(snapshots);
  return t;
}

}  // namespace trygg
