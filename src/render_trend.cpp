// SPDX-License-Identifier: MIT
// The trend over reports of one organisation (include/trygg/render_trend.hpp), in text,
// Markdown, HTML, JSON (trygg.trend/1) and tidy CSV. Every format is written from one table:
// the dates in order, and per kind the ids in the order they first appear, each with its
// value per date (absent when a report does not have it: a measure that did not apply then).
#include "trygg/render_trend.hpp"

#include <charconv>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "escape.hpp"
#include "html_writer.hpp"
#include "markdown_writer.hpp"
#include "trygg/message.hpp"
#include "trygg/render.hpp"
#include "trygg/version.hpp"

namespace trygg {
namespace {

namespace h = detail::html;
using detail::MarkdownWriter;

std::string word(const std::string& id, Language lang) {
  return render(Message{id}, lang);
}

/// One kind of figure (areas, measures) over the dates.
struct Series {
  std::vector<std::string> ids;                            // in first-seen order
  std::vector<std::vector<std::optional<double>>> values;  // [id][point]
};

struct Table {
  std::vector<std::string> dates;
  Series areas, measures;
  std::vector<double> legal;
  std::vector<std::optional<PlanProgress>> plan;  // absent when the report had no plan section
};

template <class Pairs>
void fill(Series& s, std::map<std::string, std::size_t, std::less<>>& where, const Pairs& pairs, std::size_t point,
          std::size_t points) {
  for (const auto& [id, value] : pairs) {
    auto it = where.find(id);
    if (it == where.end()) {
      it = where.emplace(id, s.ids.size()).first;
      s.ids.push_back(id);
      s.values.emplace_back(points);
    }
    s.values[it->second][point] = static_cast<double>(value);
  }
}

Table table_of(const Trend& t) {
  Table tb;
  const std::size_t n = t.points.size();
  std::map<std::string, std::size_t, std::less<>> areas, measures;
  for (std::size_t i = 0; i < n; ++i) {
    const Snapshot& s = t.points[i];
    tb.dates.push_back(s.as_of.to_string());
    fill(tb.areas, areas, s.area_scores, i, n);
    fill(tb.measures, measures, s.measure_scores, i, n);
    tb.legal.push_back(static_cast<double>(s.legal_findings));
    tb.plan.push_back(s.plan.reported ? std::optional<PlanProgress>(s.plan) : std::nullopt);
  }
  return tb;
}

std::string fixed(double v, int decimals) {
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  return ec == std::errc() ? std::string(buf, end) : std::string();
}

/// Two decimals, as the report's `score`.
double rounded(double v) {
  return std::round(v * 100.0) / 100.0;
}

std::string area_title(const TrendOptions& o, const std::string& id) {
  if (o.framework)
    if (const Area* a = o.framework->find_area(id)) return a->title.in(o.language);
  return id;
}
std::string measure_title(const TrendOptions& o, const std::string& id) {
  if (o.framework)
    if (const Measure* m = o.framework->find_measure(id)) return id + " " + m->title.in(o.language);
  return id;
}

std::string cell(const std::optional<double>& v, int decimals) {
  return v ? fixed(*v, decimals) : "–";
}
std::string plan_cell(const std::optional<PlanProgress>& p, Language lang) {
  if (!p) return word("trend.plan-not-reported", lang);
  return std::to_string(p->done) + "/" + std::to_string(p->items);
}

std::string heading_line(const Trend& t, Language lang) {
  return render(Message{"trend.reports",
                        {{"n", std::to_string(t.points.size())},
                         {"organisation", t.organisation_name.empty() ? t.organisation_id : t.organisation_name},
                         {"first", t.points.front().as_of.to_string()},
                         {"last", t.points.back().as_of.to_string()}}},
                lang);
}

// --- text ------------------------------------------------------------------------------------

std::size_t columns(std::string_view s) {
  std::size_t n = 0;
  for (const unsigned char c : s)
    n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}
std::string pad(std::string s, std::size_t width) {
  const std::size_t c = columns(s);
  if (c < width) s += std::string(width - c, ' ');
  return s;
}
/// A label cut to `width` columns (the last one "…") so that the figures after it stay in
/// their columns; cut between characters, never inside one.
std::string clipped(const std::string& s, std::size_t width) {
  if (columns(s) <= width || width == 0) return s;
  std::string out;
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80 && ++n == width) break;
    out += s[i];
  }
  return out + "\u2026";
}
std::string pad_left(const std::string& s, std::size_t width) {
  const std::size_t c = columns(s);
  return c < width ? std::string(width - c, ' ') + s : s;
}

void text_table(std::string& out, const std::string& title, const Table& tb,
                const std::vector<std::pair<std::string, std::vector<std::string>>>& rows) {
  out += "\n" + title + "\n";
  std::size_t label_w = 0;
  for (const auto& [label, values] : rows)
    label_w = std::max(label_w, std::min<std::size_t>(columns(label), 44));
  out += "  " + pad("", label_w);
  for (const auto& d : tb.dates)
    out += "  " + d;
  out += "\n";
  for (const auto& [label, values] : rows) {
    out += "  " + pad(clipped(label, label_w), label_w);
    for (const auto& v : values)
      out += "  " + pad_left(v, 10);
    out += "\n";
  }
}

// --- HTML chart ------------------------------------------------------------------------------

// Eight colours distinguishable on white (at least 3:1 as graphics, WCAG 1.4.11), with a dash
// pattern each, so that the lines are told apart without colour too.
constexpr std::string_view line_colours[] = {"#0b4f8a", "#a3300c", "#1d6b2f", "#6b2c91",
                                             "#7a5a00", "#0b6e6e", "#8a0b4f", "#3d3d3d"};
constexpr std::string_view line_dashes[] = {"", "6 3", "2 3", "8 3 2 3", "10 4", "4 4", "1 3", "12 3 3 3"};

void line_chart(std::string& out, const Table& tb, const TrendOptions& o) {
  constexpr int left = 40, plot_w = 560, top = 16, plot_h = 240, bottom = 48, legend_row = 20;
  const int legend_h = static_cast<int>(tb.areas.ids.size()) * legend_row + 8;
  const int width = left + plot_w + 24, height = top + plot_h + bottom + legend_h;
  const std::size_t n = tb.dates.size();
  const auto x = [&](std::size_t i) {
    return n < 2 ? left + plot_w / 2.0 : left + plot_w * static_cast<double>(i) / static_cast<double>(n - 1);
  };
  const auto y = [&](double v) { return top + plot_h * (1.0 - v / 4.0); };
  const auto num = [&](double v) { out += fixed(v, 1); };
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"trend-chart-title\" viewBox=\"0 0 ";
  out += std::to_string(width) + " " + std::to_string(height) + "\" width=\"" + std::to_string(width) + "\" height=\"" +
         std::to_string(height) +
         "\" font-family=\"system-ui, sans-serif\" font-size=\"13\"><title id=\"trend-chart-title\">";
  h::text(out, word("trend.areas", o.language));
  out += "</title>";
  for (int level = 0; level <= 4; ++level) {
    out += "<line x1=\"" + std::to_string(left) + "\" x2=\"" + std::to_string(left + plot_w) + "\" y1=\"";
    num(y(level));
    out += "\" y2=\"";
    num(y(level));
    out += "\" stroke=\"#c8ced6\" stroke-width=\"1\"/><text x=\"" + std::to_string(left - 8) + "\" y=\"";
    num(y(level) + 4);
    out += "\" text-anchor=\"end\" fill=\"#1a1a1a\">" + std::to_string(level) + "</text>";
  }
  for (std::size_t i = 0; i < n; ++i) {
    out += "<text class=\"date\" x=\"";
    num(x(i));
    out += "\" y=\"" + std::to_string(top + plot_h + 20) + "\" text-anchor=\"middle\" fill=\"#1a1a1a\">";
    h::text(out, tb.dates[i]);
    out += "</text>";
  }
  for (std::size_t a = 0; a < tb.areas.ids.size(); ++a) {
    const std::string_view colour = line_colours[a % std::size(line_colours)];
    const std::string_view dash = line_dashes[a % std::size(line_dashes)];
    out += "<g class=\"series\" data-area=\"";
    h::text(out, tb.areas.ids[a]);
    out += "\"><polyline fill=\"none\" stroke=\"";
    out += colour;
    out += "\" stroke-width=\"2.5\"";
    if (!dash.empty()) {
      out += " stroke-dasharray=\"";
      out += dash;
      out += "\"";
    }
    out += " points=\"";
    bool first = true;
    for (std::size_t i = 0; i < n; ++i) {
      if (!tb.areas.values[a][i]) continue;  // the area was not in that report
      if (!first) out += ' ';
      first = false;
      num(x(i));
      out += ',';
      num(y(*tb.areas.values[a][i]));
    }
    out += "\"/>";
    for (std::size_t i = 0; i < n; ++i) {
      if (!tb.areas.values[a][i]) continue;
      out += "<circle r=\"3.5\" fill=\"";
      out += colour;
      out += "\" cx=\"";
      num(x(i));
      out += "\" cy=\"";
      num(y(*tb.areas.values[a][i]));
      out += "\"/>";
    }
    // The legend: a sample of the line and the area's title.
    const int ly = top + plot_h + bottom + static_cast<int>(a) * legend_row;
    out += "<line x1=\"" + std::to_string(left) + "\" x2=\"" + std::to_string(left + 36) + "\" y1=\"" +
           std::to_string(ly) + "\" y2=\"" + std::to_string(ly) + "\" stroke=\"";
    out += colour;
    out += "\" stroke-width=\"2.5\"";
    if (!dash.empty()) {
      out += " stroke-dasharray=\"";
      out += dash;
      out += "\"";
    }
    out += "/><text x=\"" + std::to_string(left + 44) + "\" y=\"" + std::to_string(ly + 4) + "\" fill=\"#1a1a1a\">";
    h::text(out, area_title(o, tb.areas.ids[a]));
    out += "</text></g>";
  }
  out += "</svg>";
}

void html_table(std::string& out, const std::string& caption, const Table& tb,
                const std::vector<std::pair<std::string, std::vector<std::string>>>& rows, std::string_view cls) {
  out += "<table class=\"";
  out += cls;
  out += "\"><caption>";
  h::text(out, caption);
  out += "</caption><thead><tr><td></td>";
  for (const auto& d : tb.dates) {
    out += "<th scope=\"col\" class=\"num\">";
    h::text(out, d);
    out += "</th>";
  }
  out += "</tr></thead><tbody>";
  for (const auto& [label, values] : rows) {
    out += "<tr><th scope=\"row\">";
    h::text(out, label);
    out += "</th>";
    for (const auto& v : values) {
      out += "<td class=\"num\">";
      h::text(out, v);
      out += "</td>";
    }
    out += "</tr>";
  }
  out += "</tbody></table>\n";
}

using Rows = std::vector<std::pair<std::string, std::vector<std::string>>>;

Rows area_rows(const Table& tb, const TrendOptions& o) {
  Rows rows;
  for (std::size_t a = 0; a < tb.areas.ids.size(); ++a) {
    std::vector<std::string> v;
    for (const auto& x : tb.areas.values[a])
      v.push_back(cell(x ? std::optional<double>(rounded(*x)) : std::nullopt, 2));
    rows.emplace_back(area_title(o, tb.areas.ids[a]), std::move(v));
  }
  return rows;
}
Rows measure_rows(const Table& tb, const TrendOptions& o) {
  Rows rows;
  for (std::size_t m = 0; m < tb.measures.ids.size(); ++m) {
    std::vector<std::string> v;
    for (const auto& x : tb.measures.values[m])
      v.push_back(cell(x, 0));
    rows.emplace_back(measure_title(o, tb.measures.ids[m]), std::move(v));
  }
  return rows;
}
Rows summary_rows(const Table& tb, Language lang) {
  std::vector<std::string> legal, plan;
  for (const double v : tb.legal)
    legal.push_back(fixed(v, 0));
  for (const auto& p : tb.plan)
    plan.push_back(plan_cell(p, lang));
  return {{word("trend.legal-findings", lang), legal}, {word("trend.plan-done", lang), plan}};
}

}  // namespace

std::string render_trend_text(const Trend& t, const TrendOptions& o) {
  const Table tb = table_of(t);
  std::string out = word("trend.title", o.language) + "\n" + terminal_safe(heading_line(t, o.language)) + "\n";
  const auto safe = [](Rows rows) {
    for (auto& r : rows)
      r.first = terminal_safe(r.first);
    return rows;
  };
  text_table(out, word("trend.summary", o.language), tb, summary_rows(tb, o.language));
  text_table(out, word("trend.areas", o.language), tb, safe(area_rows(tb, o)));
  text_table(out, word("trend.measures", o.language), tb, safe(measure_rows(tb, o)));
  return out;
}

std::string render_trend_markdown(const Trend& t, const TrendOptions& o) {
  const Table tb = table_of(t);
  MarkdownWriter w;
  w.heading(1, MarkdownWriter::text(word("trend.title", o.language)));
  w.para(MarkdownWriter::text(heading_line(t, o.language)));
  const auto table = [&](const std::string& title, const Rows& rows) {
    w.heading(2, MarkdownWriter::text(title));
    std::vector<std::string> header{""};
    std::vector<MarkdownWriter::Align> align{MarkdownWriter::Align::left};
    for (const auto& d : tb.dates) {
      header.push_back(d);
      align.push_back(MarkdownWriter::Align::right);
    }
    std::vector<std::vector<std::string>> cells;
    for (const auto& [label, values] : rows) {
      std::vector<std::string> row{MarkdownWriter::text(label)};
      for (const auto& v : values)
        row.push_back(MarkdownWriter::text(v));
      cells.push_back(std::move(row));
    }
    w.table(header, cells, align);
  };
  table(word("trend.summary", o.language), summary_rows(tb, o.language));
  table(word("trend.areas", o.language), area_rows(tb, o));
  table(word("trend.measures", o.language), measure_rows(tb, o));
  return w.take();
}

std::string render_trend_html(const Trend& t, const TrendOptions& o) {
  const Table tb = table_of(t);
  const Language lang = o.language;
  const std::string title = word("trend.title", lang);
  std::string out;
  h::page_start(out, h::Page{lang, title, TRYGG_VERSION_STRING});
  out += "<header class=\"report\"><h1>";
  h::text(out, title);
  out += "</h1><p class=\"org\">";
  h::text(out, t.organisation_name.empty() ? t.organisation_id : t.organisation_name);
  out += "</p><p class=\"meta\">";
  h::text(out, heading_line(t, lang));
  out += "</p></header>\n<main>\n";
  out += "<section id=\"areas\" aria-labelledby=\"h-areas\"><h2 id=\"h-areas\">";
  h::text(out, word("trend.areas", lang));
  out += "</h2>\n<div class=\"chart\">";
  line_chart(out, tb, o);
  out += "</div>\n";
  html_table(out, word("trend.figures", lang), tb, area_rows(tb, o), "areas");
  out += "</section>\n<section id=\"summary\" aria-labelledby=\"h-summary\"><h2 id=\"h-summary\">";
  h::text(out, word("trend.summary", lang));
  out += "</h2>\n";
  html_table(out, word("trend.summary", lang), tb, summary_rows(tb, lang), "summary");
  out += "</section>\n<section id=\"measures\" aria-labelledby=\"h-measures\"><h2 id=\"h-measures\">";
  h::text(out, word("trend.measures", lang));
  out += "</h2>\n";
  html_table(out, word("trend.measures", lang), tb, measure_rows(tb, o), "measures");
  out += "</section>\n</main>\n<footer>trygg ";
  h::text(out, TRYGG_VERSION_STRING);
  out += "</footer>\n";
  h::page_end(out);
  return out;
}

std::string render_trend_json(const Trend& t) {
  using json = nlohmann::json;  // keys sorted: the same trend gives the same bytes
  json points = json::array();
  for (const Snapshot& s : t.points) {
    json areas = json::array(), measures = json::array();
    for (const auto& [id, score] : s.area_scores)
      areas.push_back({{"area", id}, {"score", rounded(score)}});
    for (const auto& [id, maturity] : s.measure_scores)
      measures.push_back({{"measure", id}, {"maturity", maturity}});
    json p = {{"as_of", s.as_of.to_string()},
              {"file", s.file},
              {"report_format", s.format},
              {"area_scores", std::move(areas)},
              {"measure_scores", std::move(measures)},
              {"findings", s.findings.size()},
              {"legal_findings", s.legal_findings}};
    if (s.plan.reported)
      p["plan_progress"] = {{"reported", true},
                            {"items", s.plan.items},
                            {"done", s.plan.done},
                            {"verified", s.plan.verified},
                            {"overdue", s.plan.overdue}};
    else
      p["plan_progress"] = nullptr;
    points.push_back(std::move(p));
  }
  const json doc = {{"format", "trygg.trend/1"},
                    {"organisation", {{"id", t.organisation_id}, {"name", t.organisation_name}}},
                    {"points", std::move(points)},
                    {"tool", {{"name", "trygg"}, {"version", TRYGG_VERSION_STRING}}}};
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string render_trend_csv(const Trend& t) {
  std::string out = "as_of,kind,id,value\n";
  const auto line = [&](const std::string& date, std::string_view kind, std::string_view id, const std::string& v) {
    out += date;
    out += ',';
    out += kind;
    out += ',';
    // Ids are pack ids (ASCII, no separators); one read from a foreign report is quoted if it
    // must be.
    if (id.find_first_of(",\"\r\n") == std::string_view::npos) {
      out += id;
    } else {
      out += '"';
      for (const char c : id)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
      out += '"';
    }
    out += ',';
    out += v;
    out += '\n';
  };
  for (const Snapshot& s : t.points) {
    const std::string date = s.as_of.to_string();
    for (const auto& [id, score] : s.area_scores)
      line(date, "area", id, fixed(rounded(score), 2));
    for (const auto& [id, maturity] : s.measure_scores)
      line(date, "measure", id, std::to_string(maturity));
    line(date, "legal_findings", "", std::to_string(s.legal_findings));
    if (s.plan.reported) {
      line(date, "plan_done", "", std::to_string(s.plan.done));
      line(date, "plan_items", "", std::to_string(s.plan.items));
    }
  }
  return out;
}

}  // namespace trygg
