// SPDX-License-Identifier: MIT
#include "json_writer.hpp"

#include <charconv>
#include <cmath>

namespace trygg::detail {

JsonWriter::JsonWriter(std::string& out, int indent, std::ostream* stream)
    : out_(out), indent_(indent), stream_(stream) {}

void JsonWriter::newline() {
  if (indent_ < 0) return;
  out_ += '\n';
  out_.append(levels_.size() * static_cast<std::size_t>(indent_), ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;
  if (levels_.back().members++ > 0) out_ += ',';
  newline();
}

void JsonWriter::key(std::string_view k) {
  if (levels_.back().members++ > 0) out_ += ',';
  newline();
  out_ += '"';
  append_json_escaped(out_, k);
  out_ += indent_ < 0 ? "\":" : "\": ";
  after_key_ = true;
}

void JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  levels_.push_back(Level{true});
}

void JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  levels_.push_back(Level{false});
}

void JsonWriter::close(char c) {
  const bool empty = levels_.back().members == 0;
  levels_.pop_back();
  if (!empty) newline();
  out_ += c;
  maybe_flush();
}

void JsonWriter::end_object() {
  close('}');
}
void JsonWriter::end_array() {
  close(']');
}

void JsonWriter::string(std::string_view s) {
  before_value();
  out_ += '"';
  append_json_escaped(out_, s);
  out_ += '"';
}

void JsonWriter::number(std::uint64_t n) {
  before_value();
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, n);
  out_.append(buf, r.ptr);
}

void JsonWriter::number(std::int64_t n) {
  before_value();
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, n);
  out_.append(buf, r.ptr);
}

void JsonWriter::number(double d) {
  before_value();
  if (!std::isfinite(d)) {  // JSON has no infinity or NaN; nlohmann writes null too
    out_ += "null";
    return;
  }
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, d);
  const std::string_view text(buf, static_cast<std::size_t>(r.ptr - buf));
  out_ += text;
  if (text.find_first_of(".eE") == std::string_view::npos) out_ += ".0";
}

void JsonWriter::boolean(bool b) {
  before_value();
  out_ += b ? "true" : "false";
}

void JsonWriter::null() {
  before_value();
  out_ += "null";
}

void JsonWriter::member(std::string_view k, const std::vector<std::string>& items) {
  key(k);
  begin_array();
  for (const auto& s : items)
    string(s);
  end_array();
}

void JsonWriter::maybe_flush() {
  if (stream_ && out_.size() >= (std::size_t{1} << 16)) flush();
}

void JsonWriter::flush() {
  if (!stream_) return;
  stream_->write(out_.data(), static_cast<std::streamsize>(out_.size()));
  out_.clear();
}

namespace {
/// Length of the UTF-8 sequence at s[i], or 0 if it is not well formed (overlong forms,
/// surrogates and code points above U+10FFFF are not).
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  const auto cont = [&](std::size_t k) { return k < s.size() && (b(k) & 0xC0) == 0x80; };
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(i + 1) || !cont(i + 2)) return 0;
    if (c == 0xE0 && b(i + 1) < 0xA0) return 0;   // overlong
    if (c == 0xED && b(i + 1) >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    if (c == 0xF0 && b(i + 1) < 0x90) return 0;   // overlong
    if (c == 0xF4 && b(i + 1) >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}
}  // namespace

void append_json_escaped(std::string& out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    // The common case: a run of plain printable ASCII.
    std::size_t j = i;
    while (j < s.size()) {
      const auto d = static_cast<unsigned char>(s[j]);
      if (d < 0x20 || d >= 0x80 || d == '"' || d == '\\') break;
      ++j;
    }
    if (j > i) {
      out.append(s.data() + i, j - i);
      i = j;
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 0xf];
        } else if (const std::size_t n = utf8_length(s, i); n > 0) {
          out.append(s.data() + i, n);
          i += n;
          continue;
        } else {
          out += "\xEF\xBF\xBD";  // U+FFFD for a byte that is not UTF-8
        }
    }
    ++i;
  }
}

}  // namespace trygg::detail
