// SPDX-License-Identifier: MIT
// `trygg-check diff OLD.json NEW.json`: two reports compared, as text, Markdown or JSON
// (format "trygg.diff/1", docs/report-format.md, "Diff"). Only what the two reports recorded
// is used (their Snapshots), so a diff never re-audits and reads reports of any size quickly.
#include <algorithm>

#include "comparison_view.hpp"
#include "json_writer.hpp"
#include "markdown_writer.hpp"
#include "render_common.hpp"
#include "trygg/framework.hpp"
#include "trygg/history.hpp"
#include "trygg/render.hpp"
#include "trygg/version.hpp"

namespace trygg {
namespace {
using render_detail::word;

std::string organisation_text(const Snapshot& s) {
  return s.organisation_name.empty() ? s.organisation_id : s.organisation_name + " (" + s.organisation_id + ")";
}

Message reports_message(const Snapshot& older, const Snapshot& newer) {
  const auto name = [](const Snapshot& s) { return s.file.empty() ? std::string("-") : s.file; };
  return Message{"diff.reports",
                 {{"old", name(older)},
                  {"old_date", older.as_of.to_string()},
                  {"new", name(newer)},
                  {"new_date", newer.as_of.to_string()}}};
}

std::string diff_json(const Snapshot& older, const Snapshot& newer, const detail::ComparisonView& v) {
  std::string out;
  detail::JsonWriter w(out, 2);
  w.begin_object();
  detail::write_change_counts_members(w, v);  // by_area, by_severity, counts
  w.key("findings");
  w.begin_array();
  for (const auto& row : v.rows)
    detail::write_change_row_json(w, row, true);
  w.end_array();
  w.member("format", diff_format);
  const auto report = [&](std::string_view key, const Snapshot& s) {
    w.key(key);
    w.begin_object();
    w.member("as_of", s.as_of.to_string());
    w.member("file", s.file);
    w.member("format", s.format);
    w.end_object();
  };
  report("newer", newer);
  report("older", older);
  w.key("organisation");
  w.begin_object();
  w.member("id", newer.organisation_id);
  if (!newer.organisation_name.empty()) w.member("name", newer.organisation_name);
  w.end_object();
  w.key("tool");
  w.begin_object();
  w.member("name", "trygg");
  w.member("version", TRYGG_VERSION_STRING);
  w.end_object();
  w.end_object();
  out += "\n";
  return out;
}
}  // namespace

std::string render_diff(const Snapshot& older, const Snapshot& newer, const Comparison& c, DiffFormat format,
                        Language lang) {
  const detail::ComparisonView v = detail::comparison_view(newer, c);
  const Framework& fw = Framework::builtin();
  if (format == DiffFormat::json) return diff_json(older, newer, v);
  if (format == DiffFormat::markdown) {
    using T = detail::MarkdownWriter;
    T w;
    w.heading(1, "trygg: " + word("diff.report-title", lang));
    w.item(word("report.organisation", lang) + ": " + T::text(organisation_text(newer)));
    w.item(T::text(render(reports_message(older, newer), lang)));
    w.end_list();
    detail::comparison_markdown(w, v, &fw, lang, 50, 2);
    // Every finding of the newer report, with its change.
    w.heading(2, word("diff.findings", lang));
    std::vector<std::vector<std::string>> rows;
    for (const auto& row : v.rows) {
      if (row.change == Change::resolved) continue;
      rows.push_back({detail::change_word(row.change, lang), T::text(row.rule),
                      T::text(row.unit ? row.subject_id : newer.organisation_id),
                      render_detail::severity_word(row.severity, lang), render_detail::status_word(row.status, lang),
                      row.before ? render_detail::status_word(*row.before, lang) : std::string(),
                      row.first_seen.to_string(), "`" + fingerprint_text(row.fingerprint) + "`"});
    }
    if (rows.empty())
      w.para(word("report.no-findings", lang));
    else
      w.table({word("diff.change", lang), word("report.rule", lang), word("report.subject", lang),
               word("report.severity", lang), word("report.status", lang), word("diff.before", lang),
               word("diff.first-seen", lang), word("report.fingerprint", lang)},
              rows);
    return w.take();
  }
  std::string out = "trygg: " + word("diff.report-title", lang) + "\n";
  out += terminal_safe(word("report.organisation", lang) + ": " + organisation_text(newer)) + "\n";
  out += render_detail::wrap(render(reports_message(older, newer), lang), 80, "");
  out += "\n" + detail::comparison_text(v, &fw, lang, 80, 0);
  out += "\n" + word("diff.findings", lang) + "\n";
  if (newer.findings.empty()) out += "  " + word("report.no-findings", lang) + "\n";
  for (const auto& row : v.rows) {
    if (row.change == Change::resolved) continue;
    out += render_detail::wrap("- [" + detail::change_word(row.change, lang) + "] " + row.rule + " " +
                                   (row.unit ? row.subject_id : newer.organisation_id) + ": " +
                                   render_detail::status_word(row.status, lang) + ", " + word("diff.first-seen", lang) +
                                   " " + row.first_seen.to_string(),
                               80, "  ");
  }
  return out;
}

}  // namespace trygg
