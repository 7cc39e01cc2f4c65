// SPDX-License-Identifier: MIT
#include "html_writer.hpp"

#include "escape.hpp"

#include <charconv>

namespace trygg::detail::html {
namespace {

/// Whether an ASCII byte can be copied as it is.
constexpr bool plain(unsigned char c) {
  return c >= 0x20 && c < 0x7F && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
}

// Screen and print. Colours meet WCAG 2.1 AA (4.5:1 for text) on their backgrounds: the
// darkest grey text is 16:1 on white, the muted #4a4a4a 8.9:1, the links #0b4f8a 8.3:1, the
// badge texts at least 5.9:1 on their fills.
constexpr std::string_view stylesheet = R"css(
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;background:#fff}
main{max-width:1100px;margin:0 auto;padding:0 24px 48px}
header.report{border-bottom:4px solid #0b4f8a;padding:24px 24px 16px;max-width:1100px;margin:0 auto}
header.report h1{margin:0 0 4px;font-size:28px;line-height:1.2}
header.report .org{font-size:19px;font-weight:600;margin:0}
header.report .meta{color:#4a4a4a;margin:4px 0 0}
.skip{position:absolute;left:-10000px;top:0}
.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;border:2px solid #0b4f8a;z-index:1}
section{margin-top:32px}
h2{font-size:22px;margin:0 0 12px;padding-bottom:4px;border-bottom:1px solid #c8ced6}
h3{font-size:18px;margin:24px 0 8px}
h4{font-size:15px;margin:16px 0 4px}
a{color:#0b4f8a}
a:focus,summary:focus{outline:3px solid #0b4f8a;outline-offset:2px}
code{font-family:ui-monospace,"DejaVu Sans Mono","Liberation Mono",monospace;font-size:.92em;background:#f1f3f5;padding:0 3px;border-radius:3px}
table{border-collapse:collapse;width:100%;margin:8px 0 16px}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border:1px solid #c8ced6;padding:6px 8px;text-align:left;vertical-align:top}
thead th{background:#e8edf3}
tbody th{font-weight:600;background:#f6f8fa}
tbody th .muted,tbody th details{font-weight:400}
table.form th[scope=row]{width:22%}
table.form td{width:39%}
table.form ul,table.form ol{margin:0;padding-left:18px}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.muted{color:#4a4a4a}
.counts{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0;margin:8px 0 16px}
.counts li{border:1px solid #c8ced6;border-radius:6px;padding:6px 12px;min-width:110px}
.counts .n{display:block;font-size:22px;font-weight:700}
.chart{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}
.chart svg{max-width:100%;height:auto;flex:1 1 460px}
.chart table{flex:1 1 280px;width:auto}
.badge{display:inline-block;padding:0 8px;border-radius:10px;font-size:13px;font-weight:600;white-space:nowrap}
.sev-critical{background:#7a0b0b;color:#fff}
.sev-high{background:#a3300c;color:#fff}
.sev-medium{background:#fbe3a4;color:#3d2e00}
.sev-low{background:#dbe8f5;color:#0b2e4f}
.sev-info{background:#e9ecef;color:#1a1a1a}
.plan-not-planned{background:#fff;color:#1a1a1a;border:1px solid #4a4a4a}
.plan-planned{background:#dbe8f5;color:#0b2e4f}
.plan-overdue{background:#a3300c;color:#fff}
.plan-done{background:#fbe3a4;color:#3d2e00}
.plan-verified{background:#d9eedc;color:#0f3d17}
.badge[data-state]{white-space:normal}
.change-new{background:#fde2e1;color:#5a0d0a}
.change-changed{background:#fbe3a4;color:#3d2e00}
.change-unchanged{background:#e9ecef;color:#1a1a1a}
.change-resolved{background:#dcefdc;color:#0d3b12}
.entry{border:1px solid #c8ced6;border-left:6px solid #0b4f8a;border-radius:4px;padding:8px 16px;margin:12px 0}
.entry.legal{border-left-color:#a3300c}
.entry h4{margin-top:4px}
.entry ul{margin:4px 0;padding-left:20px}
.rule{margin:6px 0}
.id{font-family:ui-monospace,"DejaVu Sans Mono","Liberation Mono",monospace;font-size:.92em}
.pointer{font-family:ui-monospace,"DejaVu Sans Mono","Liberation Mono",monospace;font-size:.85em;color:#4a4a4a;word-break:break-all}
details{margin:4px 0}
summary{cursor:pointer;color:#0b4f8a}
.units{columns:3 14em;margin:4px 0;padding-left:20px}
footer{max-width:1100px;margin:0 auto;padding:16px 24px;color:#4a4a4a;border-top:1px solid #c8ced6;font-size:13px}
@media print{
@page{size:A4;margin:16mm 14mm 18mm}
body{font-size:10pt}
th,td{padding:4px 6px}
header.report,main,footer{max-width:none;padding-left:0;padding-right:0}
.skip{display:none}
section{margin-top:0;break-before:page}
section:first-of-type{break-before:auto}
h2,h3,h4{break-after:avoid}
thead{display:table-header-group}
tr,.entry,.rule,figure,svg{break-inside:avoid}
a{color:#1a1a1a;text-decoration:none}
.sources a::after{content:" <" attr(href) ">";word-break:break-all}
.chart{display:block}
.chart svg{width:100%;max-width:170mm}
}
)css";

constexpr std::string_view fragment_stylesheet = R"css(
.trygg-summary{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;font-size:14px;line-height:1.45;color:#1a1a1a;background:#fff;max-width:760px;padding:8px 0}
.trygg-summary h3{font-size:17px;margin:0 0 2px}
.trygg-summary h4{font-size:14px;margin:12px 0 4px}
.trygg-summary p{margin:2px 0}
.trygg-summary .muted{color:#4a4a4a}
.trygg-summary table{border-collapse:collapse;margin:4px 0}
.trygg-summary th,.trygg-summary td{border:1px solid #c8ced6;padding:3px 8px;text-align:left;vertical-align:top}
.trygg-summary thead th{background:#e8edf3}
.trygg-summary td.num{text-align:right;font-variant-numeric:tabular-nums}
.trygg-summary .when{white-space:nowrap}
.trygg-summary .track{display:inline-block;width:80px;height:10px;background:#e8edf3;vertical-align:middle}
.trygg-summary .bar{display:block;height:10px;background:#0b4f8a}
.trygg-summary code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;background:#f1f3f5;padding:0 3px}
)css";

void fixed1(std::string& out, double v) {
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 1);
  if (ec == std::errc()) out.append(buf, end);
}

}  // namespace

void text(std::string& out, std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    // Copy the longest run of plain ASCII at once: most input text is just that.
    std::size_t run = i;
    while (run < s.size() && plain(static_cast<unsigned char>(s[run])))
      ++run;
    out.append(s.data() + i, run - i);
    i = run;
    if (i == s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '&':
        out += "&amp;";
        ++i;
        continue;
      case '<':
        out += "&lt;";
        ++i;
        continue;
      case '>':
        out += "&gt;";
        ++i;
        continue;
      case '"':
        out += "&quot;";
        ++i;
        continue;
      case '\'':
        out += "&#39;";
        ++i;
        continue;
      case '\t':
      case '\n':
      case '\r':
        out += ' ';
        ++i;
        continue;
      default:
        break;
    }
    // Another control or non-ASCII text: bytes that are not UTF-8 become U+FFFD, controls
    // and bidi characters are shown as \uXXXX (the one decoder of src/escape.hpp).
    const char32_t cp = next_code_point(s, i);
    if (is_control(cp))
      append_visible(out, cp);
    else
      append_utf8(out, cp);
  }
}

std::string escaped(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  text(out, s);
  return out;
}

void prose(std::string& out, std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto open = s.find('`', i);
    const auto close = open == std::string_view::npos ? open : s.find('`', open + 1);
    if (close == std::string_view::npos) {
      text(out, s.substr(i));
      return;
    }
    text(out, s.substr(i, open - i));
    out += "<code>";
    text(out, s.substr(open + 1, close - open - 1));
    out += "</code>";
    i = close + 1;
  }
}

void section_start(std::string& out, std::string_view id, std::string_view heading) {
  out += "<section id=\"";
  out += id;
  out += "\" aria-labelledby=\"h-";
  out += id;
  out += "\">\n<h2 id=\"h-";
  out += id;
  out += "\">";
  text(out, heading);
  out += "</h2>\n";
}

void section_end(std::string& out) {
  out += "</section>\n";
}

void element(std::string& out, std::string_view tag, std::string_view content, std::string_view attrs) {
  out += '<';
  out += tag;
  if (!attrs.empty()) {
    out += ' ';
    out += attrs;
  }
  out += '>';
  text(out, content);
  out += "</";
  out += tag;
  out += '>';
}

void number(std::string& out, std::size_t n) {
  char buf[24];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  if (ec == std::errc()) out.append(buf, end);
}

void page_start(std::string& out, const Page& page) {
  out += "<!doctype html>\n<html lang=\"";
  out += to_string(page.language);
  out += "\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += generator_meta;
  text(out, page.version);
  out += "\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"";
  out += content_security_policy;
  out += "\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"referrer\" content=\"no-referrer\">\n<title>";
  text(out, page.title);
  out += "</title>\n<style>";
  out += stylesheet;
  out += page.extra_stylesheet;
  out += "</style>\n</head>\n<body>\n";
}

void page_end(std::string& out) {
  out += "</body>\n</html>\n";
}

std::string_view summary_stylesheet() {
  return fragment_stylesheet;
}

void maturity_chart(std::string& out, std::string_view id, std::string_view title, const std::vector<Bar>& bars) {
  // Geometry in user units; the viewBox scales it to the page.
  constexpr int label_w = 170, plot_w = 400, row_h = 30, top = 28, bar_h = 18, right = 40;
  const int height = top + static_cast<int>(bars.size()) * row_h + 8;
  const int width = label_w + plot_w + right;
  const auto n = [&](int v) { number(out, static_cast<std::size_t>(v)); };
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"";
  text(out, id);
  out += "\" viewBox=\"0 0 ";
  n(width);
  out += ' ';
  n(height);
  out += "\" width=\"";
  n(width);
  out += "\" height=\"";
  n(height);
  out += "\" font-family=\"system-ui, sans-serif\" font-size=\"13\"><title id=\"";
  text(out, id);
  out += "\">";
  text(out, title);
  out += "</title>";
  // Grid lines and tick labels at 0..4.
  for (int t = 0; t <= 4; ++t) {
    const int x = label_w + t * plot_w / 4;
    out += "<line x1=\"";
    n(x);
    out += "\" x2=\"";
    n(x);
    out += "\" y1=\"";
    n(top - 6);
    out += "\" y2=\"";
    n(height - 8);
    out += "\" stroke=\"#c8ced6\" stroke-width=\"1\"/><text x=\"";
    n(x);
    out += "\" y=\"";
    n(top - 10);
    out += "\" text-anchor=\"middle\" fill=\"#4a4a4a\">";
    n(t);
    out += "</text>";
  }
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const int y = top + static_cast<int>(i) * row_h;
    double v = bars[i].value;
    v = v < 0 ? 0 : v > 4 ? 4 : v;
    const int w = static_cast<int>(v * plot_w / 4 + 0.5);
    out += "<text x=\"";
    n(label_w - 8);
    out += "\" y=\"";
    n(y + bar_h / 2 + 5);
    out += "\" text-anchor=\"end\" fill=\"#1a1a1a\">";
    text(out, bars[i].label);
    out += "</text><rect x=\"";
    n(label_w);
    out += "\" y=\"";
    n(y);
    out += "\" width=\"";
    n(w);
    out += "\" height=\"";
    n(bar_h);
    out += "\" fill=\"#0b4f8a\"/><text x=\"";
    n(label_w + w + 6);
    out += "\" y=\"";
    n(y + bar_h / 2 + 5);
    out += "\" fill=\"#1a1a1a\">";
    fixed1(out, v);
    out += "</text>";
  }
  out += "</svg>";
}

}  // namespace trygg::detail::html
