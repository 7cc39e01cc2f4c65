// SPDX-License-Identifier: MIT
// The report set (include/trygg/report_set.hpp, docs/report-format.md, "Report sets"): the
// reports of a batch as one JSON document, one CSV and one HTML page. Each is made from the
// single-report renderers' own parts (the JSON report, the CSV rows, the HTML writer), so a
// finding reads the same in a set as alone.
#include <algorithm>
#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

#include "csv_rows.hpp"
#include "html_writer.hpp"
#include "render_common.hpp"
#include "trygg/report_set.hpp"
#include "trygg/size_band.hpp"
#include "trygg/version.hpp"

namespace trygg {
namespace {
using namespace render_detail;
namespace h = detail::html;
using nlohmann::json;

std::string fixed(double v, int decimals) {
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  return ec == std::errc() ? std::string(buf, end) : std::string();
}

std::string organisation_label(const Report& r) {
  return r.organisation_name.empty() ? r.organisation_id : r.organisation_name + " (" + r.organisation_id + ")";
}

/// The score of an area in a report, if it has one.
std::optional<double> area_score(const Report& r, std::string_view area) {
  for (const auto& a : r.area_scores)
    if (a.area == area) return a.score;
  return std::nullopt;
}

std::string area_title(const ReportSet& set, const std::string& id, Language lang) {
  for (const auto& e : set.entries)
    if (const Area* a = e.report->framework.find_area(id)) return a->title.in(lang);
  return id;
}

// The bands' colours: the HSE indicator tool's four, dark enough for black text (WCAG AA).
constexpr std::string_view set_stylesheet = R"css(
.band{display:inline-block;padding:0 8px;border-radius:10px;font-size:13px;font-weight:600;white-space:nowrap;color:#1a1a1a}
.band-red{background:#f4b6b6}
.band-yellow{background:#fbe3a4}
.band-aqua{background:#a8e0e0}
.band-green{background:#b9e2b0}
.band-none{background:#e9ecef}
.not-shown{color:#4a4a4a;font-style:italic}
.benchmark-chart svg{max-width:100%;height:auto}
)css";

/// A band's colour in the chart: the stylesheet's for the same band.
std::string_view band_colour(Band band) {
  switch (band) {
    case Band::red:
      return "#f4b6b6";
    case Band::yellow:
      return "#fbe3a4";
    case Band::aqua:
      return "#a8e0e0";
    case Band::green:
      return "#b9e2b0";
    case Band::none:
      break;
  }
  return "#e9ecef";
}

class SetPage {
 public:
  SetPage(const ReportSet& set, Language lang, std::string& out) : set_(set), lang_(lang), out_(out) {}

  void write() {
    const std::string title = word("report-set.title", lang_);
    h::page_start(out_, {lang_, title, TRYGG_VERSION_STRING, set_stylesheet});
    out_ += "<header class=\"report\">";
    h::element(out_, "h1", title);
    out_ += "<p class=\"meta\">";
    h::text(out_, word("report.as-of", lang_));
    out_ += ": <time id=\"as-of\" datetime=\"";
    out_ += set_.as_of.to_string();
    out_ += "\">";
    out_ += set_.as_of.to_string();
    out_ += "</time> \xC2\xB7 ";
    h::text(out_, render(Message{"report-set.counts",
                                 {{"audited", std::to_string(set_.entries.size())},
                                  {"failed", std::to_string(set_.failures.size())}}},
                         lang_));
    out_ += "</p></header>\n<main id=\"main\">\n";
    overview();
    failures();
    if (set_.benchmark) benchmark(*set_.benchmark);
    out_ += "</main>\n<footer>";
    h::text(out_, render(Message{"html.generated", {{"version", TRYGG_VERSION_STRING}}}, lang_));
    out_ += "</footer>\n";
    h::page_end(out_);
  }

 private:
  const ReportSet& set_;
  Language lang_;
  std::string& out_;

  void th_col(const std::string& text, bool num = false) {
    out_ += num ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">";
    h::text(out_, text);
    out_ += "</th>";
  }

  void td(const std::string& text, bool num = false) {
    out_ += num ? "<td class=\"num\">" : "<td>";
    h::text(out_, text);
    out_ += "</td>";
  }

  /// The areas of the set: the benchmark's, else the first report's framework's.
  std::vector<std::string> areas() const {
    if (set_.benchmark) return set_.benchmark->areas;
    std::vector<std::string> ids;
    if (!set_.entries.empty())
      for (const auto& a : set_.entries.front().report->framework.areas())
        ids.push_back(a.id);
    return ids;
  }

  void overview() {
    h::section_start(out_, "overview", word("report-set.overview", lang_));
    const auto ids = areas();
    out_ += "<table class=\"overview\" id=\"organisations\"><thead><tr>";
    th_col(word("report-set.organisation", lang_));
    th_col(word("report-set.country", lang_));
    th_col(word("report-set.sector", lang_));
    th_col(word("report-set.size-band", lang_));
    th_col(word("report.findings", lang_), true);
    th_col(word("report-set.legal-findings", lang_), true);
    for (const auto& id : ids)
      th_col(area_title(set_, id, lang_), true);
    out_ += "</tr></thead><tbody>";
    for (const auto& e : set_.entries) {
      const Report& r = *e.report;
      out_ += "<tr data-organisation=\"";
      h::text(out_, r.organisation_id);
      out_ += "\"><th scope=\"row\">";
      h::text(out_, organisation_label(r));
      out_ += "</th>";
      td(r.country);
      td(r.sector.empty() ? word("report-set.unknown", lang_) : r.sector);
      td(std::string(to_string(size_band(r.headcount))));
      td(std::to_string(r.findings.size()), true);
      td(std::to_string(legal_findings(r)), true);
      for (const auto& id : ids) {
        const auto s = area_score(r, id);
        td(s ? one_decimal(*s) : std::string("\xE2\x80\x93"), true);
      }
      out_ += "</tr>";
    }
    out_ += "</tbody></table>\n";
    h::section_end(out_);
  }

  void failures() {
    if (set_.failures.empty()) return;
    h::section_start(out_, "failures", word("report-set.failures", lang_));
    out_ += "<ul class=\"failures\">";
    for (const auto& f : set_.failures) {
      out_ += "<li><code>";
      h::text(out_, f.source);
      out_ += "</code>: ";
      h::text(out_, f.message);
      out_ += "</li>";
    }
    out_ += "</ul>\n";
    h::section_end(out_);
  }

  std::string measure_title(const std::string& measure) const {
    if (measure == legal_findings_measure) return word("report-set.legal-per-100", lang_);
    return area_title(set_, measure, lang_);
  }

  /// Why a group's figure is not shown, in words.
  std::string not_shown(const PeerBenchmark& b, const PeerGroup& g) const {
    const std::string n = std::to_string(b.min_organisations);
    if (g.disclosure == Disclosure::suppressed_small)
      return render(Message{"report-set.suppressed-small", {{"n", n}}}, lang_);
    if (g.disclosure == Disclosure::suppressed_complementary) return word("report-set.suppressed-complementary", lang_);
    return render(Message{"report-set.figure-not-shown", {{"n", n}}}, lang_);
  }

  std::optional<double> value(std::size_t member, std::size_t m, const PeerBenchmark& b) const {
    if (member >= set_.entries.size()) return std::nullopt;
    const Report& r = *set_.entries[member].report;
    if (m < b.areas.size()) return area_score(r, b.areas[m]);
    return legal_findings_per_100(r);
  }

  void benchmark(const PeerBenchmark& b) {
    h::section_start(out_, "benchmark", word("report-set.benchmark", lang_));
    out_ += "<p>";
    h::text(out_, render(Message{"report-set.benchmark-by",
                                 {{"dimension", b.dimension}, {"n", std::to_string(b.min_organisations)}}},
                         lang_));
    out_ += "</p>\n<p class=\"muted legend\">";
    h::text(out_, word("report-set.band-legend", lang_));
    out_ += "</p>\n";
    const std::size_t measures = b.areas.size() + 1;
    for (std::size_t m = 0; m < measures; ++m) {
      const std::string measure = m < b.areas.size() ? b.areas[m] : std::string(legal_findings_measure);
      const std::string title = measure_title(measure);
      out_ += "<h3 id=\"bm-";
      h::text(out_, measure);
      out_ += "\">";
      h::text(out_, title);
      out_ += "</h3>\n";
      if (m == b.areas.size()) {
        // Fewer legal findings is better: say that its bands run the other way.
        out_ += "<p class=\"muted legend\" id=\"legend-legal\">";
        h::text(out_, word("report-set.band-legend-legal", lang_));
        out_ += "</p>\n";
      }
      chart(b, m, measure, title);
      figures_table(b, m, measure, title);
    }
    bands_table(b);
    h::section_end(out_);
  }

  /// Per shown group one row: the span from the 20th to the 80th percentile, the median as a
  /// tick, and each member's figure as a dot. The same figures are in the table below it.
  void chart(const PeerBenchmark& b, std::size_t m, const std::string& measure, const std::string& title) {
    std::vector<const PeerGroup*> shown;
    for (const auto& g : b.groups)
      if (m < g.figures.size() && g.figures[m].figures) shown.push_back(&g);
    if (shown.empty()) return;
    const std::vector<const PeerGroup*> own = own_groups(b);
    double top = 4;  // maturity is 0..4
    if (m == b.areas.size()) {
      top = 1;
      for (const PeerGroup* g : shown)
        for (const std::size_t i : g->members)
          if (const auto v = value(i, m, b)) top = std::max(top, *v);
      top = std::ceil(top);
    }
    constexpr int label_w = 170, plot_w = 400, row_h = 30, head = 24, right = 30;
    const int height = head + static_cast<int>(shown.size()) * row_h + 8;
    const auto x = [&](double v) {
      return std::to_string(label_w + static_cast<int>(std::clamp(v, 0.0, top) / top * plot_w + 0.5));
    };
    const std::string id = "chart-" + h::escaped(measure);
    out_ += "<div class=\"benchmark-chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"";
    out_ += id;
    out_ += "\" viewBox=\"0 0 " + std::to_string(label_w + plot_w + right) + " " + std::to_string(height) +
            "\" width=\"" + std::to_string(label_w + plot_w + right) + "\" height=\"" + std::to_string(height) +
            "\" font-family=\"system-ui, sans-serif\" font-size=\"13\"><title id=\"";
    out_ += id;
    out_ += "\">";
    h::text(out_, title);
    out_ += "</title>";
    for (int t = 0; t <= 4; ++t) {
      const double v = top * t / 4;
      out_ += "<line x1=\"" + x(v) + "\" x2=\"" + x(v) + "\" y1=\"" + std::to_string(head - 6) + "\" y2=\"" +
              std::to_string(height - 8) + "\" stroke=\"#c8ced6\" stroke-width=\"1\"/><text x=\"" + x(v) + "\" y=\"" +
              std::to_string(head - 10) + "\" text-anchor=\"middle\" fill=\"#4a4a4a\">" +
              (top == 4 ? std::to_string(t) : fixed(v, 1)) + "</text>";
    }
    for (std::size_t k = 0; k < shown.size(); ++k) {
      const PeerGroup& g = *shown[k];
      const Percentiles& p = *g.figures[m].figures;
      const int y = head + static_cast<int>(k) * row_h;
      const std::string mid = std::to_string(y + 9);
      out_ += "<text x=\"" + std::to_string(label_w - 8) + "\" y=\"" + std::to_string(y + 14) +
              "\" text-anchor=\"end\" fill=\"#1a1a1a\">";
      h::text(out_, g.name);
      out_ += "</text><rect x=\"" + x(p.p20) + "\" y=\"" + std::to_string(y + 2) + "\" width=\"" +
              std::to_string(std::max(1, std::stoi(x(p.p80)) - std::stoi(x(p.p20)))) +
              "\" height=\"14\" fill=\"#dbe8f5\" stroke=\"#0b4f8a\"/><line x1=\"" + x(p.p50) + "\" x2=\"" + x(p.p50) +
              "\" y1=\"" + std::to_string(y) + "\" y2=\"" + std::to_string(y + 18) +
              "\" stroke=\"#0b4f8a\" stroke-width=\"3\"/>";
      for (const std::size_t i : g.members) {
        const auto v = value(i, m, b);
        if (!v) continue;
        // The legal findings' dots in an organisation's own group carry its band, the colour
        // the bands table gives it, as a reader looks for the red ones first.
        const Band band = m == b.areas.size() && i < own.size() && own[i] == &g && i < b.legal_bands.size()
                              ? b.legal_bands[i]
                              : Band::none;
        if (band == Band::none)
          out_ += "<circle cx=\"" + x(*v) + "\" cy=\"" + mid + "\" r=\"3\" fill=\"#1a1a1a\" fill-opacity=\"0.6\"/>";
        else
          out_ += "<circle cx=\"" + x(*v) + "\" cy=\"" + mid + "\" r=\"4\" fill=\"" + std::string(band_colour(band)) +
                  "\" stroke=\"#1a1a1a\" data-band=\"" + std::string(to_string(band)) + "\"/>";
      }
    }
    out_ += "</svg></div>\n";
  }

  void figures_table(const PeerBenchmark& b, std::size_t m, const std::string& measure, const std::string& title) {
    const int decimals = m < b.areas.size() ? 1 : 2;
    out_ += "<table class=\"benchmark\" data-measure=\"";
    h::text(out_, measure);
    out_ += "\"><caption>";
    h::text(out_, title);
    out_ += "</caption><thead><tr>";
    th_col(word("report-set.group", lang_));
    th_col(word("report-set.organisations", lang_), true);
    th_col(word("report-set.p20", lang_), true);
    th_col(word("report-set.p50", lang_), true);
    th_col(word("report-set.p80", lang_), true);
    out_ += "</tr></thead><tbody>";
    for (const auto& g : b.groups) {
      const PeerFigure* f = m < g.figures.size() ? &g.figures[m] : nullptr;
      out_ += "<tr data-group=\"";
      h::text(out_, g.name);
      out_ += "\" data-disclosure=\"";
      out_ += to_string(g.disclosure);
      out_ += "\"><th scope=\"row\">";
      h::text(out_, g.name);
      out_ += "</th>";
      if (f && f->figures) {
        td(std::to_string(f->organisations), true);
        td(fixed(f->figures->p20, decimals), true);
        td(fixed(f->figures->p50, decimals), true);
        td(fixed(f->figures->p80, decimals), true);
      } else {
        // A suppressed group says neither its size nor its figures (docs/privacy.md).
        out_ += "<td colspan=\"4\" class=\"not-shown\">";
        h::text(out_, not_shown(b, g));
        out_ += "</td>";
      }
      out_ += "</tr>";
    }
    out_ += "</tbody></table>\n";
  }

  /// Each organisation's own group, in entry order: the last one holding it ("all" comes
  /// first); null for none.
  std::vector<const PeerGroup*> own_groups(const PeerBenchmark& b) const {
    std::vector<const PeerGroup*> own(set_.entries.size(), nullptr);
    for (const auto& g : b.groups)
      for (const std::size_t i : g.members)
        if (i < own.size()) own[i] = &g;
    return own;
  }

  /// A band as a cell of the bands table; `measure` marks the column that is not an area's.
  void band_cell(Band value, std::string_view measure) {
    const std::string_view band = to_string(value);
    out_ += "<td data-band=\"";
    out_ += band;
    if (!measure.empty()) {
      out_ += "\" data-measure=\"";
      out_ += measure;
    }
    out_ += "\"><span class=\"band band-";
    out_ += band;
    out_ += "\">";
    h::text(out_, word("report-set.band." + std::string(band), lang_));
    out_ += "</span></td>";
  }

  void bands_table(const PeerBenchmark& b) {
    out_ += "<table class=\"bands\" id=\"bands\"><caption>";
    h::text(out_, word("report-set.bands", lang_));
    out_ += "</caption><thead><tr>";
    th_col(word("report-set.organisation", lang_));
    th_col(word("report-set.group", lang_));
    for (const auto& id : b.areas)
      th_col(area_title(set_, id, lang_));
    th_col(word("report-set.legal-per-100", lang_));
    out_ += "</tr></thead><tbody>";
    const std::vector<const PeerGroup*> own = own_groups(b);
    for (std::size_t i = 0; i < set_.entries.size() && i < b.bands.size(); ++i) {
      out_ += "<tr><th scope=\"row\">";
      h::text(out_, organisation_label(*set_.entries[i].report));
      out_ += "</th>";
      td(own[i] ? own[i]->name : std::string());
      for (std::size_t a = 0; a < b.areas.size() && a < b.bands[i].size(); ++a)
        band_cell(b.bands[i][a], {});
      band_cell(i < b.legal_bands.size() ? b.legal_bands[i] : Band::none, legal_findings_measure);
      out_ += "</tr>";
    }
    out_ += "</tbody></table>\n";
  }
};

json diagnostics_json(const std::vector<Diagnostic>& ds) {
  json a = json::array();
  for (const auto& d : ds)
    a.push_back({{"column", d.column},
                 {"expected", d.expected},
                 {"file", d.file},
                 {"found", d.found},
                 {"hint", d.hint},
                 {"line", d.line},
                 {"message", d.message()},
                 {"pointer", d.pointer}});
  return a;
}

}  // namespace

std::string render_report_set_json(const ReportSet& set, int indent) {
  json organisations = json::array();
  for (const auto& e : set.entries) {
    const Report& r = *e.report;
    json report = render_json(r, r.language);
    json summary = report["summary"];
    json areas = report["area_scores"];
    organisations.push_back({{"area_scores", std::move(areas)},
                             {"country", r.country},
                             {"id", r.organisation_id},
                             {"legal_findings", legal_findings(r)},
                             {"report", std::move(report)},
                             {"sector", r.sector.empty() ? json(nullptr) : json(r.sector)},
                             {"size_band", to_string(size_band(r.headcount))},
                             {"source", e.source},
                             {"summary", std::move(summary)}});
  }
  json failures = json::array();
  for (const auto& f : set.failures)
    failures.push_back(
        {{"diagnostics", diagnostics_json(f.diagnostics)}, {"message", f.message}, {"source", f.source}});
  json doc{{"format", report_set_format},
           {"as_of", set.as_of.to_string()},
           {"organisations", std::move(organisations)},
           {"failures", std::move(failures)}};
  if (set.benchmark) doc["benchmark"] = to_json(*set.benchmark);
  // Input text was checked when it was read; replace keeps a stray byte from throwing here.
  return doc.dump(indent < 0 ? -1 : indent, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string render_report_set_csv(const ReportSet& set, const CsvOptions& options) {
  std::string out;
  detail::csv_header(out, options, {"organisation", "source"});
  for (const auto& e : set.entries)
    detail::csv_rows(out, *e.report, options, {e.report->organisation_id, e.source});
  return out;
}

std::string render_report_set_html(const ReportSet& set, Language language) {
  std::string out;
  out.reserve(32 * 1024 + set.entries.size() * 1024);
  SetPage(set, language, out).write();
  return out;
}

}  // namespace trygg
