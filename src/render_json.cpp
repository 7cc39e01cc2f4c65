// SPDX-License-Identifier: MIT
// The JSON report, format "trygg.report/2" (docs/report-format.md), written as a stream: no
// document tree, so a report of a million results costs its text and nothing more. Keys are
// written sorted and arrays keep the report's order, so output is byte-stable.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "comparison_view.hpp"
#include "json_writer.hpp"
#include "render_common.hpp"
#include "trygg/render.hpp"
#include "trygg/version.hpp"

namespace trygg {

namespace {
using detail::JsonWriter;
using render_detail::say;

/// Writes one report; the fields shared by every function are here.
class ReportWriter {
 public:
  ReportWriter(const Report& r, Language lang, JsonWriter& w) : r_(r), fw_(r.framework), lang_(lang), w_(w) {}

  void write() {
    w_.begin_object();
    action_plan();
    area_scores();
    w_.member("as_of", r_.as_of.to_string());
    comparison();
    findings();
    w_.member("format", report_format);
    w_.member("language", to_string(lang_));
    measure_scores();
    organisation();
    packs();
    plan_progress();
    results();
    routines();
    rules();
    summary();
    w_.key("tool");
    w_.begin_object();
    w_.member("name", "trygg");
    w_.member("version", TRYGG_VERSION_STRING);
    w_.end_object();
    waivers();
    w_.end_object();
  }

 private:
  const Report& r_;
  const Framework& fw_;
  Language lang_;
  JsonWriter& w_;

  void citations(const std::vector<Citation>& cited, bool with_reference) {
    w_.begin_array();
    for (const auto& c : cited) {
      w_.begin_object();
      if (c.from) w_.member("from", c.from->to_string());
      w_.member("locator", c.locator);
      if (with_reference) w_.member("reference", fw_.cite(c, lang_));
      w_.member("source", c.source);
      if (c.until) w_.member("until", c.until->to_string());
      if (!c.url.empty()) w_.member("url", c.url);
      w_.end_object();
    }
    w_.end_array();
  }

  void action_plan() {
    w_.key("action_plan");
    w_.begin_array();
    for (std::size_t i = 0; i < r_.action_plan.size(); ++i) {
      const auto& e = r_.action_plan[i];
      const Measure* m = fw_.find_measure(e.measure);
      w_.begin_object();
      w_.member("area", e.area);
      w_.member("depends_on", m ? m->depends_on : std::vector<std::string>{});
      w_.member("due", e.due.to_string());
      w_.key("fingerprints");
      w_.begin_array();
      for (const auto fp : e.fingerprints)
        w_.string(fingerprint_text(fp));
      w_.end_array();
      w_.member("items", e.items);  // the organisation's plan rows linked to it
      w_.member("measure", e.measure);
      w_.member("order", static_cast<std::uint64_t>(i + 1));
      if (!e.owner.empty()) w_.member("owner", e.owner);
      if (e.planned_due) w_.member("planned_due", e.planned_due->to_string());
      w_.member("proposal", m ? m->proposal.in(lang_) : "");
      w_.member("rules", e.rules);
      w_.member("severity", to_string(e.severity));
      w_.member("state", to_string(e.state));
      w_.member("title", m ? m->title.in(lang_) : e.measure);
      w_.end_object();
    }
    w_.end_array();
  }

  /// The organisation's own plan on the as-of date, counted as the action_items check counts.
  void plan_progress() {
    const PlanProgress& p = r_.plan_progress;
    w_.key("plan_progress");
    w_.begin_object();
    w_.member("done", static_cast<std::uint64_t>(p.done));
    w_.member("items", static_cast<std::uint64_t>(p.items));
    w_.member("overdue", static_cast<std::uint64_t>(p.overdue));
    w_.member("reported", p.reported);
    w_.member("verified", static_cast<std::uint64_t>(p.verified));
    w_.end_object();
  }

  void area_scores() {
    w_.key("area_scores");
    w_.begin_array();
    for (const auto& a : r_.area_scores) {
      const Area* area = fw_.find_area(a.area);
      w_.begin_object();
      w_.member("area", a.area);
      w_.member("findings", a.findings);
      w_.member("measures", a.measures);
      w_.key("score");
      w_.number(std::round(a.score * 100.0) / 100.0);
      w_.member("title", area ? area->title.in(lang_) : a.area);
      w_.end_object();
    }
    w_.end_array();
  }

  void findings() {
    w_.key("findings");
    w_.begin_array();
    for (std::size_t i = 0; i < r_.findings.size(); ++i) {
      const Finding& f = r_.findings[i];
      w_.begin_object();
      if (r_.comparison) detail::write_finding_change_head(w_, *r_.comparison, i);
      w_.member("due", f.due.to_string());
      w_.member("fingerprint", fingerprint_text(f.fingerprint));
      if (r_.comparison) detail::write_finding_change_tail(w_, *r_.comparison, i);
      w_.member("result", static_cast<std::uint64_t>(f.result));
      if (f.waiver != Finding::no_waiver) w_.member("waiver", static_cast<std::uint64_t>(f.waiver));
      w_.end_object();
    }
    w_.end_array();
  }

  void measure_scores() {
    w_.key("measure_scores");
    w_.begin_array();
    for (const auto& s : r_.measure_scores) {
      const Measure* m = fw_.find_measure(s.measure);
      w_.begin_object();
      w_.member("area", s.area);
      w_.member("evidence", s.evidence);
      w_.member("implemented_by", s.implemented_by);
      w_.member("maturity", s.maturity);
      w_.member("maturity_text", render(Message{"maturity." + std::to_string(s.maturity)}, lang_));
      w_.member("measure", s.measure);
      w_.member("title", m ? m->title.in(lang_) : s.measure);
      w_.end_object();
    }
    w_.end_array();
  }

  void organisation() {
    w_.key("organisation");
    w_.begin_object();
    w_.member("country", r_.country);
    w_.member("id", r_.organisation_id);
    if (!r_.organisation_name.empty()) w_.member("name", r_.organisation_name);
    w_.end_object();
  }

  void packs() {
    w_.key("packs");
    w_.begin_array();
    for (const auto& p : fw_.packs())
      for (const auto& id : r_.packs)
        if (p.id == id) {
          w_.begin_object();
          w_.member("id", p.id);
          w_.member("version", p.version);
          w_.end_object();
        }
    w_.end_array();
  }

  void message(std::string_view key, const MessageRef& ref) {
    const Message m = r_.message(ref);
    // Arguments as an object with sorted keys; of repeated names the last counts (as when a
    // JSON object is assigned one by one).
    std::vector<std::size_t> order(m.args.size());
    for (std::size_t i = 0; i < order.size(); ++i)
      order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return m.args[a].first < m.args[b].first; });
    w_.key(key);
    w_.begin_object();
    w_.key("args");
    w_.begin_object();
    for (std::size_t k = 0; k < order.size(); ++k) {
      if (k + 1 < order.size() && m.args[order[k + 1]].first == m.args[order[k]].first) continue;
      w_.member(m.args[order[k]].first, m.args[order[k]].second);
    }
    w_.end_object();
    w_.member("id", m.id);
    w_.member("text", say(r_, m, lang_));
    w_.end_object();
  }

  void results() {
    w_.key("results");
    w_.begin_array();
    for (const auto& x : r_.results) {
      w_.begin_object();
      w_.key("evidence");
      w_.begin_array();
      for (const auto& e : r_.evidence(x))
        w_.string(e);
      w_.end_array();
      message("expected", x.expected);
      message("found", x.found);
      message("message", x.message);
      if (x.next_due) w_.member("next_due", x.next_due->to_string());
      w_.member("rule", r_.rule(x).id);
      w_.member("status", to_string(x.status));
      w_.key("subject");
      w_.begin_object();
      if (x.subject.kind == Subject::Kind::organisation) {
        w_.member("kind", "organisation");
      } else {
        w_.member("id", r_.subject_id(x.subject));
        w_.member("kind", "unit");
        if (const auto name = r_.subject_name(x.subject); !name.empty()) w_.member("name", name);
        w_.member("pointer", r_.subject_pointer(x.subject));
      }
      w_.end_object();
      w_.end_object();
    }
    w_.end_array();
  }

  void routines() {
    w_.key("routines");
    w_.begin_array();
    for (const auto& rc : r_.routines) {
      w_.begin_object();
      w_.member("pointer", rc.pointer);
      w_.key("requirements");
      w_.begin_array();
      for (const auto& q : rc.requirements) {
        const Rule* rule = fw_.find_rule(q.rule);
        w_.begin_object();
        w_.key("citations");
        citations(rule ? citations_in_force(rule->citations, r_.as_of) : std::vector<Citation>{}, false);
        w_.member("elements_reported", q.reported);
        w_.member("measure", q.measure);
        w_.member("missing", q.missing);
        w_.member("rule", q.rule);
        w_.member("satisfied", q.satisfied());
        w_.end_object();
      }
      w_.end_array();
      w_.member("routine", rc.routine);
      w_.end_object();
    }
    w_.end_array();
  }

  /// What every result of a rule shares, once per rule that has a result.
  void rules() {
    std::vector<char> ran(fw_.rules().size(), 0);
    for (const auto& x : r_.results)
      ran[x.rule] = 1;
    w_.key("rules");
    w_.begin_object();
    for (std::size_t i = 0; i < ran.size(); ++i) {
      if (!ran[i]) continue;
      const Rule& rule = fw_.rules()[i];
      const Measure& m = fw_.measures()[fw_.rule_measure(i)];
      w_.key(rule.id);
      w_.begin_object();
      w_.member("area", m.area);
      w_.member("check", rule.check);
      w_.key("citations");
      citations(citations_in_force(rule.citations, r_.as_of), true);
      w_.member("measure", m.id);
      w_.member("obligation", to_string(rule.obligation));
      w_.member("severity", to_string(rule.severity));
      w_.end_object();
    }
    w_.end_object();
  }

  /// Compared with a baseline (src/comparison_json.cpp): only when the report was.
  void comparison() {
    if (!r_.comparison) return;
    w_.key("comparison");
    detail::write_comparison_json(w_, detail::comparison_view(r_));
  }

  void summary() {
    const Summary& s = r_.summary;
    w_.key("summary");
    w_.begin_object();
    w_.member("fail", static_cast<std::uint64_t>(s.fail));
    w_.member("findings", static_cast<std::uint64_t>(r_.findings.size()));
    std::array<std::uint64_t, all_severities.size()> by{};
    for (const auto& f : r_.findings)
      ++by[static_cast<std::size_t>(r_.severity(r_.result(f)))];
    w_.key("findings_by_severity");
    w_.begin_object();
    // Sorted by name: critical, high, info, low, medium.
    for (const Severity sev : {Severity::critical, Severity::high, Severity::info, Severity::low, Severity::medium})
      w_.member(to_string(sev), by[static_cast<std::size_t>(sev)]);
    w_.end_object();
    w_.member("not_applicable", static_cast<std::uint64_t>(s.not_applicable));
    w_.member("not_assessed", static_cast<std::uint64_t>(s.not_assessed));
    w_.member("partial", static_cast<std::uint64_t>(s.partial));
    w_.member("pass", static_cast<std::uint64_t>(s.pass));
    w_.member("results", static_cast<std::uint64_t>(s.total()));
    w_.member("waived", static_cast<std::uint64_t>(s.waived));
    w_.end_object();
  }

  /// Every waiver given, with what became of it (docs/report-format.md, "waivers").
  void waivers() {
    if (r_.waivers.empty()) return;
    w_.key("waivers");
    w_.begin_array();
    for (const auto& o : r_.waivers) {
      const Waiver& wv = o.waiver;
      w_.begin_object();
      w_.member("capped", o.capped);
      w_.member("decided", wv.decided.to_string());
      w_.member("decided_by", wv.decided_by);
      if (!o.did_you_mean.empty()) w_.member("did_you_mean", o.did_you_mean);
      if (wv.expires) w_.member("expires", wv.expires->to_string());
      w_.member("file", wv.file);
      if (wv.fingerprint) w_.member("fingerprint", fingerprint_text(*wv.fingerprint));
      w_.member("legal", o.legal);
      w_.member("pointer", wv.pointer);
      w_.member("reason", wv.reason);
      w_.key("results");
      w_.begin_array();
      for (const auto i : o.results)
        w_.number(static_cast<std::uint64_t>(i));
      w_.end_array();
      if (!wv.fingerprint) w_.member("rule", wv.rule);
      w_.member("state", to_string(o.state));
      if (!wv.subject.empty()) w_.member("subject", wv.subject);
      w_.member("until", o.until.to_string());
      w_.end_object();
    }
    w_.end_array();
  }
};
}  // namespace

void write_json(const Report& report, Language language, std::ostream& out, int indent) {
  std::string buffer;
  JsonWriter w(buffer, indent, &out);
  ReportWriter(report, language, w).write();
  w.flush();
}

std::string render_json_text(const Report& report, Language language, int indent) {
  std::string out;
  JsonWriter w(out, indent);
  ReportWriter(report, language, w).write();
  return out;
}

nlohmann::json render_json(const Report& report, Language language) {
  return nlohmann::json::parse(render_json_text(report, language, -1));
}

}  // namespace trygg
