// SPDX-License-Identifier: MIT
// The comparison with a baseline for people: text, Markdown and HTML sections shared by the
// report formats (near their summary) and by `trygg-check diff`. Everything that comes from
// a report (ids, names) is escaped by the writer of each format.
#include <algorithm>

#include "comparison_view.hpp"
#include "html_writer.hpp"
#include "markdown_writer.hpp"
#include "render_common.hpp"
#include "trygg/framework.hpp"
#include "trygg/render.hpp"

namespace trygg::detail {
namespace {
using render_detail::severity_word;
using render_detail::status_word;
using render_detail::word;

std::string counts_line(const ChangeCounts& c, Language lang) {
  return render(Message{"diff.counts",
                        {{"new", std::to_string(c.added)},
                         {"unchanged", std::to_string(c.unchanged)},
                         {"changed", std::to_string(c.changed)},
                         {"resolved", std::to_string(c.resolved)}}},
                lang);
}

std::string area_name(const Framework* fw, const std::string& id, Language lang) {
  const Area* a = fw ? fw->find_area(id) : nullptr;
  return a ? a->title.in(lang) : id;
}

std::string subject_text(const ChangeRow& row, Language lang) {
  if (!row.unit) return word("report.organisation-subject", lang);
  std::string s = render(Message{"report.unit-subject", {{"id", row.subject_id}}}, lang);
  if (!row.subject_name.empty()) s += " (" + row.subject_name + ")";
  return s;
}

/// "[new] ORG-03/exists, organisation: fail (high), first seen 2025-03-01".
std::string row_line(const ChangeRow& row, Language lang) {
  std::string s = "[" + change_word(row.change, lang) + "] " + row.rule + ", " + subject_text(row, lang) + ": " +
                  status_word(row.status, lang);
  if (row.before && row.change == Change::changed)
    s += row.figures_changed ? " (" + word("diff.figures-changed", lang) + ")"
                             : " (" + word("diff.before", lang) + " " + status_word(*row.before, lang) + ")";
  s += ", " + severity_word(row.severity, lang) + ", " + word("diff.first-seen", lang) + " " +
       row.first_seen.to_string() + " [" + fingerprint_text(row.fingerprint) + "]";
  return s;
}

bool listed(const ChangeRow& row) {
  return row.change == Change::added || row.change == Change::changed;
}

/// The rows of a list and how many were left out.
template <class Pred>
std::pair<std::vector<const ChangeRow*>, std::size_t> pick(const ComparisonView& v, Pred pred, std::size_t limit) {
  std::vector<const ChangeRow*> out;
  std::size_t more = 0;
  for (const ChangeRow& row : v.rows) {
    if (!pred(row)) continue;
    if (limit && out.size() >= limit)
      ++more;
    else
      out.push_back(&row);
  }
  return {out, more};
}

std::string baseline_line(const ComparisonView& v, Language lang) {
  return render(Message{"diff.baseline",
                        {{"file", v.baseline_file.empty() ? std::string("-") : v.baseline_file},
                         {"date", v.baseline_as_of.to_string()},
                         {"format", v.baseline_format}}},
                lang);
}

constexpr std::array<Severity, 5> high_first{Severity::critical, Severity::high, Severity::medium, Severity::low,
                                             Severity::info};
}  // namespace

std::string change_word(Change change, Language lang) {
  return word("change." + std::string(to_string(change)), lang);
}

std::string comparison_text(const ComparisonView& v, const Framework* fw, Language lang, std::size_t width,
                            std::size_t limit) {
  using render_detail::wrap;
  std::string out = word("diff.title", lang) + "\n";
  out += wrap(baseline_line(v, lang), width, "  ");
  out += wrap(counts_line(v.counts, lang) + ".", width, "  ");
  out += "  " + word("diff.by-area", lang) + ":\n";
  for (const auto& [area, c] : v.by_area)
    out += wrap(area_name(fw, area, lang) + ": " + counts_line(c, lang), width, "    ");
  out += "  " + word("diff.by-severity", lang) + ":\n";
  for (const Severity s : high_first) {
    const ChangeCounts& c = v.by_severity[static_cast<std::size_t>(s)];
    if (c.added + c.unchanged + c.changed + c.resolved == 0) continue;
    out += wrap(severity_word(s, lang) + ": " + counts_line(c, lang), width, "    ");
  }
  static const std::string hanging = "      ";
  const auto [changed, more_changed] = pick(v, listed, limit);
  out += "  " + word("diff.new-and-changed", lang) + ":\n";
  if (changed.empty()) out += "    " + word("diff.no-new", lang) + "\n";
  for (const ChangeRow* row : changed)
    out += wrap("- " + row_line(*row, lang), width, "    ", &hanging);
  if (more_changed) out += "    " + render(Message{"report.more", {{"n", std::to_string(more_changed)}}}, lang) + "\n";
  const auto [resolved, more_resolved] = pick(
      v, [](const ChangeRow& r) { return r.change == Change::resolved; }, limit);
  out += "  " + word("diff.resolved", lang) + ":\n";
  if (resolved.empty()) out += "    " + word("diff.no-resolved", lang) + "\n";
  for (const ChangeRow* row : resolved)
    out += wrap("- " + row_line(*row, lang), width, "    ", &hanging);
  if (more_resolved)
    out += "    " + render(Message{"report.more", {{"n", std::to_string(more_resolved)}}}, lang) + "\n";
  return out;
}

void comparison_markdown(MarkdownWriter& w, const ComparisonView& v, const Framework* fw, Language lang,
                         std::size_t limit, int level) {
  using T = MarkdownWriter;
  using Align = MarkdownWriter::Align;
  w.heading(level, word("diff.title", lang));
  w.para(T::text(baseline_line(v, lang)) + " " + counts_line(v.counts, lang) + ".");
  const std::vector<std::string> counts_head{word("change.new", lang), word("change.unchanged", lang),
                                             word("change.changed", lang), word("change.resolved", lang)};
  const auto cells = [](const ChangeCounts& c) {
    return std::vector<std::string>{std::to_string(c.added), std::to_string(c.unchanged), std::to_string(c.changed),
                                    std::to_string(c.resolved)};
  };
  const std::vector<Align> align{Align::none, Align::right, Align::right, Align::right, Align::right};
  std::vector<std::vector<std::string>> rows;
  for (const auto& [area, c] : v.by_area) {
    auto row = cells(c);
    row.insert(row.begin(), T::text(area_name(fw, area, lang)));
    rows.push_back(std::move(row));
  }
  std::vector<std::string> head = counts_head;
  head.insert(head.begin(), word("report.area", lang));
  w.heading(level + 1, word("diff.by-area", lang));
  w.table(head, rows, align);
  rows.clear();
  for (const Severity s : high_first) {
    auto row = cells(v.by_severity[static_cast<std::size_t>(s)]);
    row.insert(row.begin(), severity_word(s, lang));
    rows.push_back(std::move(row));
  }
  head[0] = word("report.severity", lang);
  w.heading(level + 1, word("diff.by-severity", lang));
  w.table(head, rows, align);

  const std::vector<std::string> list_head{word("diff.change", lang),     word("report.rule", lang),
                                           word("report.subject", lang),  word("report.severity", lang),
                                           word("report.status", lang),   word("diff.before", lang),
                                           word("diff.first-seen", lang), word("report.fingerprint", lang)};
  const auto list = [&](const std::vector<const ChangeRow*>& picked, std::size_t more, const std::string& none) {
    if (picked.empty()) return w.para(none);
    std::vector<std::vector<std::string>> table;
    for (const ChangeRow* row : picked)
      table.push_back({change_word(row->change, lang), T::text(row->rule), T::text(subject_text(*row, lang)),
                       severity_word(row->severity, lang), status_word(row->status, lang),
                       row->before ? status_word(*row->before, lang) : std::string(), row->first_seen.to_string(),
                       "`" + fingerprint_text(row->fingerprint) + "`"});
    w.table(list_head, table);
    if (more) w.para(render(Message{"report.more", {{"n", std::to_string(more)}}}, lang));
  };
  const auto [changed, more_changed] = pick(v, listed, limit);
  w.heading(level + 1, word("diff.new-and-changed", lang));
  list(changed, more_changed, word("diff.no-new", lang));
  const auto [resolved, more_resolved] = pick(
      v, [](const ChangeRow& r) { return r.change == Change::resolved; }, limit);
  w.heading(level + 1, word("diff.resolved", lang));
  list(resolved, more_resolved, word("diff.no-resolved", lang));
  w.para(word("diff.legal-note", lang));
}

void comparison_html(std::string& out, const ComparisonView& v, const Framework* fw, Language lang, std::size_t limit) {
  namespace h = html;
  out += "<section id=\"comparison\" aria-labelledby=\"h-comparison\">\n<h2 id=\"h-comparison\">";
  h::text(out, word("diff.title", lang));
  out += "</h2>\n<p class=\"baseline\" data-baseline-as-of=\"";
  out += v.baseline_as_of.to_string();
  out += "\">";
  h::text(out, baseline_line(v, lang));
  out += "</p>\n<p class=\"change-counts\"";
  for (const auto& [name, n] : {std::pair<const char*, std::size_t>{"new", v.counts.added},
                                {"unchanged", v.counts.unchanged},
                                {"changed", v.counts.changed},
                                {"resolved", v.counts.resolved}}) {
    out += " data-";
    out += name;
    out += "=\"";
    h::number(out, n);
    out += '"';
  }
  out += '>';
  h::text(out, counts_line(v.counts, lang) + ".");
  out += "</p>\n";
  const auto table = [&](const std::string& caption, const char* cls, const std::string& first_col,
                         const std::vector<std::pair<std::string, std::pair<std::string, ChangeCounts>>>& rows) {
    out += "<table class=\"";
    out += cls;
    out += "\"><caption>";
    h::text(out, caption);
    out += "</caption><thead><tr><th scope=\"col\">";
    h::text(out, first_col);
    out += "</th>";
    for (const Change c : {Change::added, Change::unchanged, Change::changed, Change::resolved}) {
      out += "<th scope=\"col\" class=\"num\">";
      h::text(out, change_word(c, lang));
      out += "</th>";
    }
    out += "</tr></thead><tbody>";
    for (const auto& [key, label_counts] : rows) {
      const ChangeCounts& c = label_counts.second;
      out += "<tr data-key=\"";
      h::text(out, key);
      out += "\"><th scope=\"row\">";
      h::text(out, label_counts.first);
      out += "</th>";
      for (const auto& [name, n] : {std::pair<const char*, std::size_t>{"new", c.added},
                                    {"unchanged", c.unchanged},
                                    {"changed", c.changed},
                                    {"resolved", c.resolved}}) {
        out += "<td class=\"num\" data-change=\"";
        out += name;
        out += "\">";
        h::number(out, n);
        out += "</td>";
      }
      out += "</tr>";
    }
    out += "</tbody></table>\n";
  };
  std::vector<std::pair<std::string, std::pair<std::string, ChangeCounts>>> rows;
  for (const auto& [area, c] : v.by_area)
    rows.push_back({area, {area_name(fw, area, lang), c}});
  table(word("diff.by-area", lang), "change-by-area", word("report.area", lang), rows);
  rows.clear();
  for (const Severity s : high_first)
    rows.push_back({std::string(to_string(s)), {severity_word(s, lang), v.by_severity[static_cast<std::size_t>(s)]}});
  table(word("diff.by-severity", lang), "change-by-severity", word("report.severity", lang), rows);

  const auto list = [&](const char* id, const std::string& heading, const std::vector<const ChangeRow*>& picked,
                        std::size_t more, const std::string& none) {
    out += "<h3 id=\"";
    out += id;
    out += "\">";
    h::text(out, heading);
    out += "</h3>\n";
    if (picked.empty()) return h::element(out, "p", none);
    out += "<ul class=\"changes\">";
    for (const ChangeRow* row : picked) {
      out += "<li data-change=\"";
      out += to_string(row->change);
      out += "\" data-fingerprint=\"";
      out += fingerprint_text(row->fingerprint);
      out += "\" data-first-seen=\"";
      out += row->first_seen.to_string();
      out += "\"><span class=\"badge change change-";
      out += to_string(row->change);
      out += "\">";
      h::text(out, change_word(row->change, lang));
      out += "</span> <span class=\"id\">";
      h::text(out, row->rule);
      out += "</span> \xE2\x80\x94 ";
      h::text(out, subject_text(*row, lang) + ": " + status_word(row->status, lang));
      if (row->before && row->change == Change::changed) {
        out += " (";
        h::text(out, row->figures_changed ? word("diff.figures-changed", lang)
                                          : word("diff.before", lang) + " " + status_word(*row->before, lang));
        out += ')';
      }
      out += ", ";
      h::text(out, severity_word(row->severity, lang));
      out += ", ";
      h::text(out, word("diff.first-seen", lang));
      out += " <time datetime=\"";
      out += row->first_seen.to_string();
      out += "\">";
      out += row->first_seen.to_string();
      out += "</time></li>";
    }
    out += "</ul>\n";
    if (more)
      h::element(out, "p", render(Message{"report.more", {{"n", std::to_string(more)}}}, lang), "class=\"muted\"");
  };
  const auto [changed, more_changed] = pick(v, listed, limit);
  list("changes-new", word("diff.new-and-changed", lang), changed, more_changed, word("diff.no-new", lang));
  const auto [resolved, more_resolved] = pick(
      v, [](const ChangeRow& r) { return r.change == Change::resolved; }, limit);
  list("changes-resolved", word("diff.resolved", lang), resolved, more_resolved, word("diff.no-resolved", lang));
  h::element(out, "p", word("diff.legal-note", lang), "class=\"muted\"");
  out += "</section>\n";
}

}  // namespace trygg::detail
