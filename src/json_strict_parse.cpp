// SPDX-License-Identifier: MIT
// Reading a file whole, and the strict parse whose diagnostics carry line and column.
#include "json_strict_parse.hpp"

#include <algorithm>
#include <fstream>
#include <system_error>

#include "json_diagnostics.hpp"
#include "json_document.hpp"
#include "trygg/organisation.hpp"

namespace trygg::detail {

std::optional<std::string> read_file(const std::filesystem::path& path, std::uintmax_t max_bytes, Diagnostics& out) {
  std::error_code ec;
  if (path.native().find('\0') != std::string::npos) {
    out.add("", "a file name without NUL characters", "a NUL character in the file name");
    return std::nullopt;
  }
  if (!std::filesystem::is_regular_file(path, ec)) {
    out.add("", "a readable file",
            std::filesystem::exists(path, ec) ? "something that is not a regular file" : "no such file");
    return std::nullopt;
  }
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    out.add("", "a readable file", "an error: " + ec.message());
    return std::nullopt;
  }
  if (size > max_bytes) {
    out.add("", "a file of at most " + std::to_string(max_bytes) + " bytes", std::to_string(size) + " bytes",
            limit_hint("--max-file-size", "max_file_bytes"));
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.add("", "a readable file", "a file that cannot be opened");
    return std::nullopt;
  }
  // Zeroed padding past the end stays in the capacity when the string is shrunk to the bytes read.
  std::string text(static_cast<std::size_t>(size) + FastDocument::padding, '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

namespace {

/// Builds a DOM through nlohmann's SAX interface so that it can refuse duplicate keys and
/// excessive nesting (the DOM parser silently keeps the last duplicate), and know the
/// JSON Pointer of the value where it stopped.
class StrictBuilder {
 public:
  StrictBuilder(std::size_t max_depth, const std::function<bool()>& cancelled)
      : max_depth_(max_depth), cancelled_(cancelled) {}

  bool null() { return put(json(nullptr)); }
  bool boolean(bool v) { return put(json(v)); }
  bool number_integer(json::number_integer_t v) { return put(json(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return put(json(v)); }
  bool number_float(json::number_float_t v, const std::string&) { return put(json(v)); }
  bool string(std::string& v) { return put(json(std::move(v))); }
  bool binary(json::binary_t&) { return fail_at(current_pointer(), "JSON text", "binary data"); }
  bool start_object(std::size_t) { return open(json::object()); }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(std::string& k) {
    json& obj = *stack_.back();
    if (obj.contains(k)) {
      return fail_at(pointer_append(container_pointer(), k), "each key at most once in an object",
                     "a duplicate key \"" + k + "\"");
    }
    keys_.back() = k;
    has_key_.back() = true;
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    error_position_ = position;
    error_pointer_ = current_pointer();  // the value being read when the parser gave up
    std::string what = ex.what();
    // nlohmann: "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..."
    // or "[json.exception.out_of_range.406] number overflow parsing '1e400'".
    if (what.rfind("[json.exception.", 0) == 0 && what.find("] ") != std::string::npos)
      what = what.substr(what.find("] ") + 2);
    if (const auto col = what.find("column"); col != std::string::npos)
      if (const auto p = what.find(": ", col); p != std::string::npos) what = what.substr(p + 2);
    if (what.rfind("number overflow", 0) == 0) what = "a number too large to represent (" + what + ")";
    // The parser quotes what it read; keep the message valid ASCII even for invalid UTF-8 input.
    for (char& c : what)
      if (static_cast<unsigned char>(c) >= 0x80 || static_cast<unsigned char>(c) < 0x20) c = '?';
    syntax_error_ = what;
    return false;
  }

  std::optional<json> result;
  std::optional<std::size_t> error_position_;
  std::string error_pointer_;
  std::string syntax_error_;
  std::optional<Diagnostic> structural_error_;
  bool was_cancelled = false;

 private:
  // Asked once per 65,536 values: a cheap hook stays invisible in the parse time.
  bool keep_going() {
    if (!cancelled_ || (++values_ & 0xFFFF) != 0) return true;
    was_cancelled = cancelled_();
    return !was_cancelled;
  }
  bool put(json v) {
    if (!keep_going()) return false;
    if (stack_.empty()) {
      root_ = std::move(v);
      result = std::move(root_);
      return true;
    }
    json& top = *stack_.back();
    if (top.is_array()) {
      top.push_back(std::move(v));
    } else {
      top[keys_.back()] = std::move(v);
      has_key_.back() = false;  // the member is complete; the next key is not read yet
    }
    return true;
  }
  bool open(json v) {
    if (!keep_going()) return false;
    if (stack_.size() + 1 > max_depth_) {
      // Only the first levels are named: at a raised limit the whole pointer would be
      // megabytes long, and a reader needs only where the deep part starts.
      const std::size_t level = stack_.size() + 1;
      const bool cut = level - 1 > depth_pointer_tokens;
      return fail_at(pointer_to_depth(depth_pointer_tokens),
                     "nesting of at most " + std::to_string(max_depth_) + " levels",
                     cut ? "deeper nesting (level " + std::to_string(level) + "; the pointer names the first " +
                               std::to_string(depth_pointer_tokens) + ")"
                         : "deeper nesting",
                     limit_hint("--max-depth", "max_depth"));
    }
    json* slot;
    if (stack_.empty()) {
      root_ = std::move(v);
      slot = &root_;
    } else {
      json& top = *stack_.back();
      if (top.is_array()) {
        top.push_back(std::move(v));
        slot = &top.back();
      } else {
        slot = &(top[keys_.back()] = std::move(v));
      }
    }
    stack_.push_back(slot);
    keys_.emplace_back();
    has_key_.push_back(false);
    return true;
  }
  bool close() {
    stack_.pop_back();
    keys_.pop_back();
    has_key_.pop_back();
    if (stack_.empty())
      result = std::move(root_);
    else if (!stack_.back()->is_array())
      has_key_.back() = false;  // that member is complete
    return true;
  }
  // Built in place: appending copy by copy was quadratic in the depth.
  std::string container_pointer() const {
    std::string p;
    for (std::size_t i = 0; i + 1 < stack_.size(); ++i)
      pointer_extend(p, child_token(i));
    return p;
  }
  // current_pointer() with at most `tokens` tokens, then a "…" token where it was cut.
  std::string pointer_to_depth(std::size_t tokens) const {
    if (stack_.size() <= tokens) return current_pointer();
    std::string p;
    for (std::size_t i = 0; i < tokens; ++i)
      pointer_extend(p, child_token(i));
    return p + "/\u2026";
  }
  // Token by which level i's container refers to its open child (level i+1).
  std::string child_token(std::size_t i) const {
    const json& c = *stack_[i];
    return c.is_array() ? std::to_string(c.size() - 1) : keys_[i];
  }
  // Pointer of the value about to be added; the container's own pointer while an object's
  // next key is not read yet.
  std::string current_pointer() const {
    if (stack_.empty()) return "";
    std::string p = container_pointer();
    const json& top = *stack_.back();
    if (top.is_array()) return pointer_append(p, std::to_string(top.size()));
    return has_key_.back() ? pointer_append(p, keys_.back()) : p;
  }
  bool fail_at(std::string pointer, std::string expected, std::string found, std::string hint = {}) {
    structural_error_ =
        Diagnostic{"", std::move(pointer), std::move(expected), std::move(found), std::move(hint), 0, 0};
    return false;
  }

  static constexpr std::size_t depth_pointer_tokens = 20;
  std::size_t max_depth_;
  const std::function<bool()>& cancelled_;
  std::size_t values_ = 0;
  json root_;
  std::vector<json*> stack_;
  std::vector<std::string> keys_;
  std::vector<char> has_key_;  // per open object: a key is read and its value not yet complete
};

std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t position) {
  // nlohmann reports the number of characters read; the offending byte is the last one read.
  const std::size_t end = std::min(position, text.size());
  std::size_t line = 1, line_start = 0;
  for (std::size_t i = 0; i + 1 < end; ++i)
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  return {line, end > line_start ? end - line_start : 1};
}

}  // namespace

std::optional<json> parse_strict(std::string_view text, std::size_t max_depth, Diagnostics& out,
                                 const std::function<bool()>& cancelled) {
  if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF && static_cast<unsigned char>(text[1]) == 0xBB &&
      static_cast<unsigned char>(text[2]) == 0xBF) {
    out.add(Diagnostic{"", "", "UTF-8 text without a byte-order mark", "a byte-order mark (EF BB BF)",
                       "save the file as UTF-8 without BOM", 1, 1});
    return std::nullopt;
  }
  // Spreadsheet and Windows tools often save "Unicode text" as UTF-16 with a byte-order mark.
  if (text.size() >= 2 &&
      ((static_cast<unsigned char>(text[0]) == 0xFF && static_cast<unsigned char>(text[1]) == 0xFE) ||
       (static_cast<unsigned char>(text[0]) == 0xFE && static_cast<unsigned char>(text[1]) == 0xFF))) {
    out.add(Diagnostic{"", "", "UTF-8 text",
                       "UTF-16 text (byte-order mark " + std::string(text[0] == '\xFF' ? "FF FE" : "FE FF") + ")",
                       "save the file as UTF-8", 1, 1});
    return std::nullopt;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    out.add("", "a JSON object", "an empty file");
    return std::nullopt;
  }
  StrictBuilder builder(max_depth, cancelled);
  const bool ok = json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, true, false);
  if (builder.was_cancelled) throw Cancelled();
  if (ok && builder.result) return std::move(builder.result);
  if (builder.structural_error_) {
    out.add(std::move(*builder.structural_error_));
  } else {
    const auto [line, column] = line_and_column(text, builder.error_position_.value_or(text.size()));
    out.add(Diagnostic{"", builder.error_pointer_, "well-formed JSON",
                       builder.syntax_error_.empty() ? "malformed JSON" : builder.syntax_error_, "", line, column});
  }
  return std::nullopt;
}

}  // namespace trygg::detail
