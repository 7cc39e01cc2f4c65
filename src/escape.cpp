// SPDX-License-Identifier: MIT
#include "escape.hpp"

#include <cstdint>

#include "trygg/render.hpp"

namespace trygg {
namespace detail {

/// One code point of UTF-8 text, or U+FFFD for a byte that does not start a valid sequence.
/// Advances `i` past it.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = n == 1 ? c : c & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  // Overlong forms, surrogates and values beyond Unicode are not text.
  static constexpr char32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < least[n] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
    ++i;
    return 0xFFFD;
  }
  i += n;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// Characters that steer a terminal or the direction of text rather than being text: C0 and C1
/// controls and DEL (escape sequences, carriage return, backspace), the bidi embeddings,
/// overrides and isolates (U+202A-U+202E, U+2066-U+2069) and marks, and the Unicode line and
/// paragraph separators.
bool is_control(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

void append_visible(std::string& out, char32_t cp) {
  static constexpr char hex[] = "0123456789abcdef";
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4)
    out += hex[(cp >> shift) & 0xF];
}

}  // namespace detail

using detail::append_utf8;
using detail::append_visible;
using detail::is_control;
using detail::next_code_point;

std::string terminal_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = next_code_point(text, i);
    if (is_control(cp))
      append_visible(out, cp);
    else
      append_utf8(out, cp);
  }
  return out;
}

namespace detail {

namespace {

/// The backtick that closes the one at `open` in pack text (npos: none), and whether the two
/// make a code span: the text between them is not empty and is one plain line that a GFM
/// table cannot split (no line break, tab, "|", control or bidi character).
struct BacktickPair {
  std::size_t close = std::string_view::npos;
  bool code_span = false;
};
BacktickPair backtick_pair(std::string_view text, std::size_t open) {
  BacktickPair pair{text.find('`', open + 1), false};
  if (pair.close == std::string_view::npos || pair.close == open + 1) return pair;
  for (std::size_t i = open + 1; i < pair.close;) {
    const char32_t cp = next_code_point(text, i);
    if (cp == '|' || is_control(cp)) return pair;  // control: \n, \r and \t too
  }
  pair.code_span = true;
  return pair;
}

/// markdown_text, and with `code_spans` the code spans of markdown_pack_text.
std::string markdown_escape(std::string_view text, bool code_spans) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  bool at_start = true;                                 // nothing but digits written yet: a list or heading could begin
  std::size_t digits = 0;                               // digits at the very start ("1." would start an ordered list)
  std::size_t escaped_closer = std::string_view::npos;  // a backtick that opens nothing
  for (std::size_t i = 0; i < text.size();) {
    if (code_spans && text[i] == '`' && i != escaped_closer) {
      const BacktickPair pair = backtick_pair(text, i);
      if (pair.code_span) {
        // A code span shows its content literally: nothing in it is escaped, it holds no
        // backtick (it ends at the first) and it stays on its line. Invalid UTF-8 still
        // becomes U+FFFD, as everywhere else.
        out += '`';
        for (std::size_t k = i + 1; k < pair.close;)
          append_utf8(out, next_code_point(text, k));
        out += '`';
        i = pair.close + 1;
        at_start = false;
        continue;
      }
      // Not a span: this backtick and the one that would close it are both escaped, so
      // that the closer does not open a span with the next backtick.
      escaped_closer = pair.close;
    }
    const char32_t cp = next_code_point(text, i);
    const bool leading = at_start && digits == 0;
    if (cp == '\n' || cp == '\r' || cp == '\t') {
      out += ' ';  // one line: no new block can start
    } else if (is_control(cp)) {
      out += "\\";  // shown as "\u001b", its backslash escaped so it stays visible
      append_visible(out, cp);
    } else if (cp == '\\' || cp == '`' || cp == '*' || cp == '_' || cp == '[' || cp == ']' || cp == '<' || cp == '>' ||
               cp == '!' || cp == '&' || cp == '|' || cp == '~' || cp == ':' || cp == '#' ||
               (leading && (cp == '-' || cp == '+' || cp == '=')) ||
               (at_start && digits > 0 && (cp == '.' || cp == ')'))) {
      // Emphasis, code, links, images, raw HTML, entities, table pipes, strikethrough; ":"
      // keeps "http://" from becoming a link; at the start, headings, lists and setext lines.
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '.' && out.size() >= 3 &&
               (out.compare(out.size() - 3, 3, "www") == 0 || out.compare(out.size() - 3, 3, "WWW") == 0)) {
      out += "\\.";  // "www." would become a link
    } else if (cp == '@') {
      out += '@';
      append_utf8(out, 0x2060);  // a word joiner: no e-mail autolink
    } else {
      append_utf8(out, cp);
    }
    if (cp >= '0' && cp <= '9' && at_start) {
      ++digits;
    } else if (!((cp == ' ' || cp == '\n' || cp == '\r' || cp == '\t') && leading)) {
      at_start = false;  // blank space before anything else still lets a block begin
    }
  }
  return out;
}

}  // namespace

std::string markdown_text(std::string_view text) {
  return markdown_escape(text, false);
}

std::string markdown_pack_text(std::string_view text) {
  return markdown_escape(text, true);
}

std::string csv_text(std::string_view text) {
  if (!text.empty() && (text.front() == '=' || text.front() == '+' || text.front() == '-' || text.front() == '@' ||
                        text.front() == '\t' || text.front() == '\r'))
    return "'" + std::string(text);
  return std::string(text);
}

}  // namespace detail
}  // namespace trygg
