// SPDX-License-Identifier: MIT
/// \file json_writer.hpp
/// Internal: a streaming JSON writer for reports. It writes as it goes, with no document
/// tree, in the layout nlohmann/json's dump() uses (two-space indent, ": " after keys, "[]"
/// and "{}" for empty containers), so that the reports read the same as before. Keys are
/// written in the order the caller gives them; the report writer gives them sorted.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace trygg::detail {

class JsonWriter {
 public:
  /// Write into `out`; with a stream, `out` is a buffer flushed to it every 64 KiB and at
  /// the end (flush()). `indent` < 0 writes one line.
  JsonWriter(std::string& out, int indent, std::ostream* stream = nullptr);

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  /// The key of the next member of the current object.
  void key(std::string_view k);

  void string(std::string_view s);
  void number(std::uint64_t n);
  void number(std::int64_t n);
  /// Shortest text that reads back as the same double, with ".0" on integral values.
  void number(double d);
  void boolean(bool b);
  void null();

  /// key() then the value.
  void member(std::string_view k, std::string_view s) {
    key(k);
    string(s);
  }
  void member(std::string_view k, const char* s) { member(k, std::string_view(s)); }
  void member(std::string_view k, const std::string& s) { member(k, std::string_view(s)); }
  void member(std::string_view k, std::uint64_t n) {
    key(k);
    number(n);
  }
  void member(std::string_view k, int n) {
    key(k);
    number(static_cast<std::int64_t>(n));
  }
  void member(std::string_view k, bool b) {
    key(k);
    boolean(b);
  }
  /// An array of strings.
  void member(std::string_view k, const std::vector<std::string>& items);

  /// Hand what is buffered to the stream, if there is one.
  void flush();

 private:
  struct Level {
    bool object;
    std::size_t members = 0;
  };
  std::string& out_;
  int indent_;
  std::ostream* stream_;
  std::vector<Level> levels_;
  bool after_key_ = false;
  void before_value();
  void newline();
  void close(char c);
  void maybe_flush();
};

/// `s` as a JSON string body (without the quotes), escaped like nlohmann/json's dump(): the
/// quote, the backslash and control characters; bytes that are not UTF-8 become U+FFFD.
void append_json_escaped(std::string& out, std::string_view s);

}  // namespace trygg::detail
