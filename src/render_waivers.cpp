// SPDX-License-Identifier: MIT
// The waived section's words, shared by the text, Markdown, HTML and xlsx reports.
#include "render_waivers.hpp"

#include <algorithm>

#include "render_common.hpp"

namespace trygg::render_detail {

bool has_open_findings(const Report& r) noexcept {
  return std::any_of(r.findings.begin(), r.findings.end(),
                     [&](const Finding& f) { return r.results[f.result].status != Status::waived; });
}

std::string waiver_word(const char* key, Language lang) {
  return word(std::string("waiver.") + key, lang);
}

namespace {
std::string state_key(WaiverOutcome::State s) {
  return "waiver.state." + std::string(to_string(s));
}

WaiverLine line(const Report& r, const WaiverOutcome& o, Language lang) {
  WaiverLine l;
  l.outcome = &o;
  const Waiver& w = o.waiver;
  if (w.fingerprint) {
    l.names = render(Message{"waiver.names-fingerprint", {{"fingerprint", fingerprint_text(*w.fingerprint)}}}, lang);
  } else if (w.subject.empty()) {
    l.names = render(Message{"waiver.names-rule", {{"rule", w.rule}}}, lang);
  } else {
    l.names = render(Message{"waiver.names-rule-subject", {{"rule", w.rule}, {"subject", w.subject}}}, lang);
  }
  l.state = word(state_key(o.state), lang);
  switch (o.state) {
    case WaiverOutcome::State::applied:
      break;
    case WaiverOutcome::State::expired:
      l.note = render(Message{"waiver.note-expired", {{"date", o.until.to_string()}}}, lang);
      break;
    case WaiverOutcome::State::not_yet:
      l.note = render(Message{"waiver.note-not-yet", {{"date", w.decided.to_string()}}}, lang);
      break;
    case WaiverOutcome::State::unmatched:
      l.note = word("waiver.note-unmatched", lang);
      if (!o.did_you_mean.empty())
        l.note += " " + render(Message{"waiver.did-you-mean", {{"id", o.did_you_mean}}}, lang);
      break;
  }
  l.dates = render(Message{o.capped ? "waiver.dates-capped" : "waiver.dates",
                           {{"who", w.decided_by}, {"decided", w.decided.to_string()}, {"until", o.until.to_string()}}},
                   lang);
  if (o.legal) l.legal = word("waiver.legal", lang);
  for (const auto ri : o.results) {
    const Result& x = r.results.at(ri);
    WaivedRow row;
    // Findings are in result order: the finding of a result by binary search.
    const auto it = std::lower_bound(r.findings.begin(), r.findings.end(), ri,
                                     [](const Finding& f, std::uint32_t i) { return f.result < i; });
    if (it != r.findings.end() && it->result == ri) row.fingerprint = fingerprint_text(it->fingerprint);
    row.rule = r.rule(x).id;
    row.subject = subject_label(SubjectView{x.subject.kind,
                                            x.subject.unit,
                                            std::string(r.subject_id(x.subject)),
                                            std::string(r.subject_name(x.subject)),
                                            {}},
                                lang);
    row.severity = severity_word(r.severity(x), lang);
    l.rows.push_back(std::move(row));
  }
  return l;
}
}  // namespace

std::vector<WaiverLine> waiver_lines(const Report& r, Language lang) {
  std::vector<WaiverLine> out;
  out.reserve(r.waivers.size());
  for (const auto& o : r.waivers)
    if (o.state == WaiverOutcome::State::applied) out.push_back(line(r, o, lang));
  for (const auto& o : r.waivers)
    if (o.state != WaiverOutcome::State::applied) out.push_back(line(r, o, lang));
  return out;
}

}  // namespace trygg::render_detail
