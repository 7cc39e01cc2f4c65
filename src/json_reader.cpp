// SPDX-License-Identifier: MIT
#include "trygg/detail/json_reader.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <system_error>

namespace trygg::detail {

// ---------------------------------------------------------------------------------------------
// Diagnostics

void Diagnostics::add(std::string pointer, std::string expected, std::string found, std::string hint) {
  add(Diagnostic{file_, std::move(pointer), std::move(expected), std::move(found), std::move(hint), 0, 0});
}

void Diagnostics::add(Diagnostic d) {
  ++total_;
  if (list_.size() < cap_) {
    d.file = file_;
    list_.push_back(std::move(d));
  }
}

void Diagnostics::throw_if_any() {
  if (total_ > 0) throw LoadError(std::move(list_), total_);
}

// ---------------------------------------------------------------------------------------------
// Reading and strict parsing

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
            "raise the limit with --max-file-size or LoadLimits::max_file_bytes");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.add("", "a readable file", "a file that cannot be opened");
    return std::nullopt;
  }
  std::string text(static_cast<std::size_t>(size), '\0');
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
  StrictBuilder(std::size_t max_depth) : max_depth_(max_depth) {}

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

 private:
  bool put(json v) {
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
    if (stack_.size() + 1 > max_depth_) {
      return fail_at(current_pointer(), "nesting of at most " + std::to_string(max_depth_) + " levels",
                     "deeper nesting");
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
  std::string container_pointer() const {
    std::string p;
    for (std::size_t i = 0; i + 1 < stack_.size(); ++i)
      p = pointer_append(p, child_token(i));
    return p;
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
  bool fail_at(std::string pointer, std::string expected, std::string found) {
    structural_error_ = Diagnostic{"", std::move(pointer), std::move(expected), std::move(found), "", 0, 0};
    return false;
  }

  std::size_t max_depth_;
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

std::optional<json> parse_strict(std::string_view text, std::size_t max_depth, Diagnostics& out) {
  if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF && static_cast<unsigned char>(text[1]) == 0xBB &&
      static_cast<unsigned char>(text[2]) == 0xBF) {
    out.add(Diagnostic{"", "", "UTF-8 text without a byte-order mark", "a byte-order mark (EF BB BF)",
                       "save the file as UTF-8 without BOM", 1, 1});
    return std::nullopt;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    out.add("", "a JSON object", "an empty file");
    return std::nullopt;
  }
  StrictBuilder builder(max_depth);
  const bool ok = json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, true, false);
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

// ---------------------------------------------------------------------------------------------
// Helpers

std::string pointer_append(std::string_view base, std::string_view token) {
  std::string p(base);
  p += '/';
  for (char c : token) {
    if (c == '~')
      p += "~0";
    else if (c == '/')
      p += "~1";
    else
      p += c;
  }
  return p;
}

std::string pointer_append(std::string_view base, std::size_t index) {
  return pointer_append(base, std::to_string(index));
}

std::string printable(std::string_view s, std::size_t max_chars) {
  // Keep whole UTF-8 sequences, replace invalid bytes and control characters with '?', and
  // cut after max_chars code points with "...": messages stay valid, printable UTF-8.
  std::string out;
  std::size_t chars = 0, i = 0;
  while (i < s.size()) {
    if (chars == max_chars) return out + "...";
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool valid = len > 0 && i + len <= s.size();
    for (std::size_t k = 1; valid && k < len; ++k)
      valid = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (!valid || (len == 1 && (c < 0x20 || c == 0x7F))) {
      out += '?';
      i += 1;
    } else {
      out.append(s.substr(i, len));
      i += len;
    }
    ++chars;
  }
  return out;
}

std::string describe(const json& v) {
  switch (v.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return v.get<bool>() ? "true" : "false";
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::string: {
      return "the string \"" + printable(v.get_ref<const std::string&>(), 40) + "\"";
    }
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return "the number " + v.dump();
    default:
      return "a value of another type";
  }
}

namespace {
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}
}  // namespace

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
  if (word.size() > 64) return {};
  std::string_view best;
  std::size_t best_d = std::max<std::size_t>(2, word.size() / 3) + 1;
  // Bounded work: only candidates whose length could be within the distance, and at most
  // 20,000 distance computations, so a hint never costs more than a moment on huge inputs.
  std::size_t budget = 20000;
  for (auto c : candidates) {
    const std::size_t gap = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
    if (gap >= best_d) continue;
    if (budget-- == 0) break;
    const auto d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best.empty() ? std::string{} : "did you mean \"" + std::string(best) + "\"?";
}

bool is_id(std::string_view s) noexcept {
  if (s.empty() || s.size() > 64) return false;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  if (!alnum(s.front())) return false;
  return std::all_of(s.begin(), s.end(), [&](char c) { return alnum(c) || c == '.' || c == '_' || c == '-'; });
}

std::string quoted_list(const std::vector<std::string_view>& allowed) {
  std::string s;
  for (std::size_t i = 0; i < allowed.size(); ++i) {
    if (i > 0) s += (i + 1 == allowed.size()) ? " or " : ", ";
    s += "\"" + std::string(allowed[i]) + "\"";
  }
  return s;
}

std::string one_of_list(const std::vector<std::string_view>& allowed) {
  return (allowed.size() == 1 ? "" : "one of ") + quoted_list(allowed);
}

// ---------------------------------------------------------------------------------------------
// ObjectReader

ObjectReader::ObjectReader(const json& value, std::string pointer, Diagnostics& out,
                           std::vector<std::string_view> known_keys, std::string_view what)
    : pointer_(std::move(pointer)), out_(out) {
  if (!value.is_object()) {
    out_.add(pointer_, std::string(what), describe(value));
    return;
  }
  object_ = &value;
  for (const auto& [k, v] : value.items()) {
    if (std::find(known_keys.begin(), known_keys.end(), k) == known_keys.end()) {
      std::sort(known_keys.begin(), known_keys.end());
      // The pointer stays exact (it must resolve in the document); only the echo is sanitised.
      out_.add(pointer_append(pointer_, k), "no other keys than " + quoted_list(known_keys),
               "an unknown key \"" + printable(k, 64) + "\"", did_you_mean(k, known_keys));
    }
  }
}

bool ObjectReader::has(std::string_view key) const {
  return object_ && object_->contains(key);
}

const json* ObjectReader::get(std::string_view key, bool required, std::string_view expected) {
  if (!object_) return nullptr;
  const auto it = object_->find(key);
  if (it == object_->end()) {
    if (required) out_.add(pointer(key), std::string(expected), "nothing (the key is missing)");
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> ObjectReader::string(std::string_view key, bool required, std::string_view expected) {
  const json* v = get(key, required, expected);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    out_.add(pointer(key), std::string(expected), describe(*v));
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<std::string> ObjectReader::id(std::string_view key, bool required) {
  constexpr std::string_view expected = "an id (1-64 ASCII letters, digits, '.', '_' or '-')";
  auto s = string(key, required, expected);
  if (s && !is_id(*s)) {
    out_.add(pointer(key), std::string(expected), describe(json(*s)));
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> ObjectReader::one_of(std::string_view key, bool required,
                                                const std::vector<std::string_view>& allowed) {
  auto s = string(key, required, one_of_list(allowed));
  if (s && std::find(allowed.begin(), allowed.end(), *s) == allowed.end()) {
    out_.add(pointer(key), one_of_list(allowed), describe(json(*s)), did_you_mean(*s, allowed));
    return std::nullopt;
  }
  return s;
}

std::optional<bool> ObjectReader::boolean(std::string_view key, bool required) {
  const json* v = get(key, required, "true or false");
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    out_.add(pointer(key), "true or false", describe(*v));
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<std::uint32_t> ObjectReader::count(std::string_view key, bool required) {
  constexpr std::string_view expected = "a whole number from 0 to 4294967295";
  const json* v = get(key, required, expected);
  if (!v) return std::nullopt;
  // Parsed text gives unsigned numbers; a document built in code may hold signed ones.
  if (v->is_number_unsigned() && v->get<std::uint64_t>() <= 0xFFFFFFFFu) return v->get<std::uint32_t>();
  if (v->is_number_integer() && v->get<std::int64_t>() >= 0 && v->get<std::int64_t>() <= 0xFFFFFFFFll)
    return static_cast<std::uint32_t>(v->get<std::int64_t>());
  out_.add(pointer(key), std::string(expected), describe(*v));
  return std::nullopt;
}

std::optional<double> ObjectReader::number(std::string_view key, bool required, double min, double max) {
  const std::string expected = "a number from " + json(min).dump() + " to " + json(max).dump();
  const json* v = get(key, required, expected);
  if (!v) return std::nullopt;
  if (!v->is_number() || v->get<double>() < min || v->get<double>() > max) {
    out_.add(pointer(key), expected, describe(*v));
    return std::nullopt;
  }
  return v->get<double>();
}

std::optional<Date> ObjectReader::date(std::string_view key, bool required) {
  constexpr std::string_view expected = "a calendar date YYYY-MM-DD";
  auto s = string(key, required, expected);
  if (!s) return std::nullopt;
  auto d = Date::parse(*s);
  if (!d) out_.add(pointer(key), std::string(expected), describe(json(*s)));
  return d;
}

std::optional<Duration> ObjectReader::duration(std::string_view key, bool required) {
  constexpr std::string_view expected = "an ISO 8601 duration such as \"P1Y\", \"P6M\" or \"P7D\"";
  auto s = string(key, required, expected);
  if (!s) return std::nullopt;
  auto d = Duration::parse(*s);
  if (!d) out_.add(pointer(key), std::string(expected), describe(json(*s)));
  return d;
}

std::optional<std::vector<std::string>> ObjectReader::strings(
    std::string_view key, bool required, std::string_view expected_element,
    const std::function<bool(const std::string&, const std::string&)>& element_ok) {
  const std::string expected = "an array of " + std::string(expected_element);
  const json* v = get(key, required, expected);
  if (!v) return std::nullopt;
  if (!v->is_array()) {
    out_.add(pointer(key), expected, describe(*v));
    return std::nullopt;
  }
  std::vector<std::string> out;
  out.reserve(v->size());
  std::set<std::string_view> seen;
  bool good = true;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const json& e = (*v)[i];
    const std::string p = pointer_append(pointer(key), i);
    if (!e.is_string()) {
      out_.add(p, std::string(expected_element), describe(e));
      good = false;
      continue;
    }
    const auto& s = e.get_ref<const std::string&>();
    if (element_ok && !element_ok(s, p)) {
      good = false;
      continue;
    }
    if (!seen.insert(s).second) {
      out_.add(p, "each value at most once", "a repeated " + describe(e).substr(4));
      good = false;
      continue;
    }
    out.push_back(s);
  }
  if (!good) return std::nullopt;
  return out;
}

std::optional<std::vector<std::string>> ObjectReader::ids(std::string_view key, bool required) {
  return strings(key, required, "ids", [this](const std::string& s, const std::string& p) {
    if (is_id(s)) return true;
    out_.add(p, "an id (1-64 ASCII letters, digits, '.', '_' or '-')", describe(json(s)));
    return false;
  });
}

std::optional<std::vector<std::string>> ObjectReader::enums(std::string_view key, bool required,
                                                            const std::vector<std::string_view>& allowed) {
  return strings(key, required, "strings, each " + one_of_list(allowed),
                 [&](const std::string& s, const std::string& p) {
                   if (std::find(allowed.begin(), allowed.end(), s) != allowed.end()) return true;
                   out_.add(p, one_of_list(allowed), describe(json(s)), did_you_mean(s, allowed));
                   return false;
                 });
}

std::optional<Text> ObjectReader::text(std::string_view key, bool required) {
  const json* v = get(key, required, "a text object with \"sv\", \"nb\" and \"en\"");
  if (!v) return std::nullopt;
  ObjectReader r(*v, pointer(key), out_, {"sv", "nb", "en"}, "a text object with \"sv\", \"nb\" and \"en\"");
  if (!r.ok()) return std::nullopt;
  auto sv = r.string("sv", true, "a non-empty Swedish text");
  auto nb = r.string("nb", true, "a non-empty Norwegian (bokmål) text");
  auto en = r.string("en", true, "a non-empty English text");
  bool good = sv && nb && en;
  for (auto [lang, s] : {std::pair{"sv", &sv}, std::pair{"nb", &nb}, std::pair{"en", &en}}) {
    if (*s && (*s)->empty()) {
      out_.add(r.pointer(lang), "a non-empty text", "an empty string");
      good = false;
    }
  }
  if (!good) return std::nullopt;
  return Text{*sv, *nb, *en};
}

bool ObjectReader::array(std::string_view key, bool required,
                         const std::function<void(const json&, const std::string&)>& each) {
  const json* v = get(key, required, "an array");
  if (!v) return false;
  if (!v->is_array()) {
    out_.add(pointer(key), "an array", describe(*v));
    return false;
  }
  for (std::size_t i = 0; i < v->size(); ++i)
    each((*v)[i], pointer_append(pointer(key), i));
  return true;
}

}  // namespace trygg::detail
