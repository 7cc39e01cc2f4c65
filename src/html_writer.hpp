// SPDX-License-Identifier: MIT
// Private: writing HTML (src/html_writer.cpp). The one escaper for text from the input in
// HTML, the few element helpers the HTML report needs, the page shell with its
// Content-Security-Policy and stylesheet, and the maturity chart. Everything appends to one
// std::string, so a report of 100,000 units is written without an allocation per element.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "trygg/types.hpp"

namespace trygg::detail::html {

/// Append `text` made safe as HTML text and as a quoted attribute value: `& < > " '` become
/// character references, so nothing in it can open or close markup or an attribute; control
/// characters and bidi controls (which could reorder what a reader sees) are shown as \uXXXX
/// (tab, line feed and carriage return as a space); bytes that are not UTF-8 as U+FFFD.
void text(std::string& out, std::string_view text);
/// The same, returned.
[[nodiscard]] std::string escaped(std::string_view text);

/// Append prose from the packs or the catalogue: escaped like text(), with `code` spans in
/// backticks rendered as <code> (their content escaped too). An unpaired backtick stays
/// a backtick.
void prose(std::string& out, std::string_view text);

/// Append `<tag attrs>` + escaped text + `</tag>`. `attrs` is written as it is: it comes from
/// the template (with escaped values), never from the input.
void element(std::string& out, std::string_view tag, std::string_view content, std::string_view attrs = {});

/// Append `<section id="ID" aria-labelledby="h-ID">` and its heading `<h2 id="h-ID">`, so
/// that a screen reader names the section by its heading. Every section of the report and of
/// the report set opens this way; `id` comes from the template (unescaped), `heading` is escaped.
void section_start(std::string& out, std::string_view id, std::string_view heading);
/// Append `</section>` and a line feed.
void section_end(std::string& out);

/// Append an unsigned number.
void number(std::string& out, std::size_t n);

/// What the page shell needs.
struct Page {
  Language language = Language::en;
  std::string_view title;    ///< <title>, escaped here
  std::string_view version;  ///< trygg's, for <meta name="generator" content="trygg VERSION">
  /// More rules after the common stylesheet, from the template (never from the input), for a
  /// page with elements of its own (the report set's bands).
  std::string_view extra_stylesheet = {};
};

/// The Content-Security-Policy of every page: nothing may be loaded from anywhere (no
/// scripts at all, no fonts, frames, connections), styles only inline, images only as data.
inline constexpr std::string_view content_security_policy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/// The generator meta tag starts with this, followed by the version: how is_trygg_output()
/// knows a file is an HTML report trygg wrote.
inline constexpr std::string_view generator_meta = "<meta name=\"generator\" content=\"trygg ";

/// Append `<!doctype html>` up to and including `<body>`: lang, charset, the generator,
/// the CSP, the viewport and the stylesheet (screen and A4 print).
void page_start(std::string& out, const Page& page);
/// Append `</body></html>`.
void page_end(std::string& out);

/// The stylesheet of the compact summary fragment (Report._repr_html_), every rule scoped
/// under `.trygg-summary` so that it styles nothing else in a notebook.
[[nodiscard]] std::string_view summary_stylesheet();

/// One bar of the maturity chart.
struct Bar {
  std::string label;  ///< raw: escaped by the chart
  double value = 0;   ///< 0..4
};

/// Append an inline SVG bar chart of the maturity per area (0..4): role="img", labelled by
/// its <title> (`title`, escaped) through `id`. The figures are in the table that goes with
/// it; the chart is for the eye.
void maturity_chart(std::string& out, std::string_view id, std::string_view title, const std::vector<Bar>& bars);

}  // namespace trygg::detail::html
