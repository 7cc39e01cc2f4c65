// SPDX-License-Identifier: MIT
#include "json_reader.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <set>
#include <system_error>
#include <type_traits>
#include <unordered_set>

#include <simdjson.h>

#include "identity_number.hpp"
#include "trygg/organisation.hpp"

namespace trygg::detail {

// ---------------------------------------------------------------------------------------------
// JsonNode and FastDocument

namespace {
using SimdElement = simdjson::dom::element;
static_assert(std::is_trivially_copyable_v<SimdElement> && sizeof(SimdElement) <= 16,
              "JsonNode keeps a simdjson element in 16 opaque bytes");

SimdElement simd(const unsigned char (&storage)[16]) noexcept {
  SimdElement e;
  std::memcpy(static_cast<void*>(&e), storage, sizeof e);
  return e;
}
}  // namespace

JsonNode JsonNode::from_simdjson(const void* element) noexcept {
  JsonNode n;
  n.nl_ = nullptr;
  std::memcpy(n.sj_, element, sizeof(SimdElement));
  return n;
}

JsonNode::Kind JsonNode::kind() const noexcept {
  if (nl_) {
    switch (nl_->type()) {
      case json::value_t::boolean:
        return Kind::boolean;
      case json::value_t::number_integer:
        return Kind::integer;
      case json::value_t::number_unsigned:
        return Kind::unsigned_integer;
      case json::value_t::number_float:
        return Kind::floating;
      case json::value_t::string:
        return Kind::string;
      case json::value_t::array:
        return Kind::array;
      case json::value_t::object:
        return Kind::object;
      default:
        return Kind::null;  // null, and binary or discarded values, which no reader accepts
    }
  }
  switch (simd(sj_).type()) {
    case simdjson::dom::element_type::BOOL:
      return Kind::boolean;
    case simdjson::dom::element_type::INT64:
      return Kind::integer;
    case simdjson::dom::element_type::UINT64:
      return Kind::unsigned_integer;
    case simdjson::dom::element_type::DOUBLE:
      return Kind::floating;
    case simdjson::dom::element_type::STRING:
      return Kind::string;
    case simdjson::dom::element_type::ARRAY:
      return Kind::array;
    case simdjson::dom::element_type::OBJECT:
      return Kind::object;
    default:
      return Kind::null;
  }
}

bool JsonNode::is_number() const noexcept {
  const Kind k = kind();
  return k == Kind::integer || k == Kind::unsigned_integer || k == Kind::floating;
}

bool JsonNode::boolean() const noexcept {
  bool v = false;
  if (nl_) return nl_->get<bool>();
  return simd(sj_).get(v) == simdjson::SUCCESS && v;
}

std::string_view JsonNode::string() const noexcept {
  if (nl_) return nl_->get_ref<const std::string&>();
  std::string_view v;
  return simd(sj_).get(v) == simdjson::SUCCESS ? v : std::string_view();
}

std::int64_t JsonNode::integer() const noexcept {
  if (nl_) return nl_->get<std::int64_t>();
  std::int64_t v = 0;
  return simd(sj_).get(v) == simdjson::SUCCESS ? v : 0;
}

std::uint64_t JsonNode::unsigned_integer() const noexcept {
  if (nl_) return nl_->get<std::uint64_t>();
  std::uint64_t v = 0;
  return simd(sj_).get(v) == simdjson::SUCCESS ? v : 0;
}

double JsonNode::number() const noexcept {
  if (nl_) return nl_->get<double>();
  switch (kind()) {
    case Kind::integer:
      return static_cast<double>(integer());
    case Kind::unsigned_integer:
      return static_cast<double>(unsigned_integer());
    default: {
      double v = 0;
      return simd(sj_).get(v) == simdjson::SUCCESS ? v : 0.0;
    }
  }
}

std::size_t JsonNode::size() const noexcept {
  if (nl_) return nl_->size();
  const SimdElement e = simd(sj_);
  // simdjson's stored counts saturate; counting is exact.
  std::size_t n = 0;
  simdjson::dom::array array;
  simdjson::dom::object object;
  if (e.get(array) == simdjson::SUCCESS) {
    for ([[maybe_unused]] SimdElement x : array)
      ++n;
  } else if (e.get(object) == simdjson::SUCCESS) {
    for ([[maybe_unused]] const auto& x : object)
      ++n;
  }
  return n;
}

std::optional<JsonNode> JsonNode::find(std::string_view key) const noexcept {
  if (nl_) {
    const auto it = nl_->find(key);
    if (it == nl_->end()) return std::nullopt;
    return JsonNode(*it);
  }
  simdjson::dom::object object;
  SimdElement found;
  if (simd(sj_).get(object) != simdjson::SUCCESS || object.at_key(key).get(found) != simdjson::SUCCESS)
    return std::nullopt;
  const JsonNode n = from_simdjson(&found);
  return n;
}

void JsonNode::for_each_element(const std::function<void(std::size_t, JsonNode)>& each) const {
  if (nl_) {
    for (std::size_t i = 0; i < nl_->size(); ++i)
      each(i, JsonNode((*nl_)[i]));
    return;
  }
  simdjson::dom::array array;
  if (simd(sj_).get(array) != simdjson::SUCCESS) return;
  std::size_t i = 0;
  for (SimdElement e : array) {
    const JsonNode n = from_simdjson(&e);
    each(i++, n);
  }
}

void JsonNode::for_each_member(const std::function<void(std::string_view, JsonNode)>& each) const {
  if (nl_) {
    for (const auto& [k, v] : nl_->items())
      each(k, JsonNode(v));
    return;
  }
  simdjson::dom::object object;
  if (simd(sj_).get(object) != simdjson::SUCCESS) return;
  for (const auto field : object) {
    const JsonNode n = from_simdjson(&field.value);
    each(field.key, n);
  }
}

json JsonNode::to_json() const {
  if (nl_) return *nl_;
  switch (kind()) {
    case Kind::boolean:
      return boolean();
    case Kind::integer:
      return integer();
    case Kind::unsigned_integer:
      return unsigned_integer();
    case Kind::floating:
      return number();
    case Kind::string:
      return std::string(string());
    case Kind::array: {
      json a = json::array();
      for_each_element([&](std::size_t, JsonNode e) { a.push_back(e.to_json()); });
      return a;
    }
    case Kind::object: {
      json o = json::object();
      for_each_member([&](std::string_view k, JsonNode v) { o[std::string(k)] = v.to_json(); });
      return o;
    }
    default:
      return nullptr;
  }
}

// ---------------------------------------------------------------------------------------------
// JsonNode::walk

namespace {
/// One open container of the walk: where it is, and which child is being visited.
template <class Iterator>
struct WalkFrame {
  bool object;
  Iterator it, end;
  std::string_view key;   // of the child being visited (objects)
  std::size_t index = 0;  // one past the child being visited (arrays)
};

/// JSON Pointer of the child being visited in each of the first `levels` frames.
template <class Frame>
std::string walk_pointer(const std::vector<Frame>& stack, std::size_t levels) {
  std::string p;
  for (std::size_t i = 0; i < levels; ++i) {
    if (stack[i].object)
      pointer_extend(p, stack[i].key);
    else
      pointer_extend(p, std::to_string(stack[i].index - 1));
  }
  return p;
}

using WalkVisit = std::function<bool(const JsonNode::Leaf&, const std::function<std::string()>&)>;

void walk_nlohmann(const json& root, const WalkVisit& visit) {
  using Frame = WalkFrame<json::const_iterator>;
  std::vector<Frame> stack;
  const auto value = [&](const json& v) {
    const std::function<std::string()> pointer = [&] { return walk_pointer(stack, stack.size()); };
    switch (v.type()) {
      case json::value_t::string:
        visit({JsonNode::Leaf::Kind::string, v.get_ref<const std::string&>(), 0}, pointer);
        break;
      case json::value_t::number_unsigned:
        visit({JsonNode::Leaf::Kind::integer, {}, v.get<std::uint64_t>()}, pointer);
        break;
      case json::value_t::number_integer:
        if (v.get<std::int64_t>() >= 0)
          visit({JsonNode::Leaf::Kind::integer, {}, static_cast<std::uint64_t>(v.get<std::int64_t>())}, pointer);
        break;
      case json::value_t::object:
      case json::value_t::array:
        stack.push_back(Frame{v.is_object(), v.cbegin(), v.cend(), {}, 0});
        break;
      default:
        break;
    }
  };
  value(root);
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.it == top.end) {
      stack.pop_back();
      continue;
    }
    const json& child = *top.it;
    if (top.object) {
      top.key = top.it.key();
      ++top.it;
      const std::function<std::string()> pointer = [&] { return walk_pointer(stack, stack.size() - 1); };
      if (!visit({JsonNode::Leaf::Kind::key, top.key, 0}, pointer)) continue;
    } else {
      ++top.it;
      ++top.index;
    }
    value(child);  // may push a frame: `top` is not used after this
  }
}

void walk_simdjson(SimdElement root, const WalkVisit& visit) {
  // simdjson's arrays and objects have distinct iterators; a frame keeps one of each.
  struct Frame {
    bool object;
    simdjson::dom::array::iterator ai, ae;
    simdjson::dom::object::iterator oi, oe;
    std::string_view key;
    std::size_t index = 0;
  };
  std::vector<Frame> stack;
  const auto value = [&](SimdElement v) {
    const std::function<std::string()> pointer = [&] { return walk_pointer(stack, stack.size()); };
    simdjson::dom::array array;
    simdjson::dom::object object;
    std::string_view text;
    std::uint64_t u = 0;
    std::int64_t i = 0;
    switch (v.type()) {
      case simdjson::dom::element_type::STRING:
        if (v.get(text) == simdjson::SUCCESS) visit({JsonNode::Leaf::Kind::string, text, 0}, pointer);
        break;
      case simdjson::dom::element_type::UINT64:
        if (v.get(u) == simdjson::SUCCESS) visit({JsonNode::Leaf::Kind::integer, {}, u}, pointer);
        break;
      case simdjson::dom::element_type::INT64:
        if (v.get(i) == simdjson::SUCCESS && i >= 0)
          visit({JsonNode::Leaf::Kind::integer, {}, static_cast<std::uint64_t>(i)}, pointer);
        break;
      case simdjson::dom::element_type::ARRAY:
        if (v.get(array) == simdjson::SUCCESS) stack.push_back(Frame{false, array.begin(), array.end(), {}, {}, {}, 0});
        break;
      case simdjson::dom::element_type::OBJECT:
        if (v.get(object) == simdjson::SUCCESS)
          stack.push_back(Frame{true, {}, {}, object.begin(), object.end(), {}, 0});
        break;
      default:
        break;
    }
  };
  value(root);
  while (!stack.empty()) {
    Frame& top = stack.back();
    SimdElement child;
    if (top.object) {
      if (!(top.oi != top.oe)) {
        stack.pop_back();
        continue;
      }
      top.key = top.oi.key();
      child = top.oi.value();
      ++top.oi;
      const std::function<std::string()> pointer = [&] { return walk_pointer(stack, stack.size() - 1); };
      if (!visit({JsonNode::Leaf::Kind::key, top.key, 0}, pointer)) continue;
    } else {
      if (!(top.ai != top.ae)) {
        stack.pop_back();
        continue;
      }
      child = *top.ai;
      ++top.ai;
      ++top.index;
    }
    value(child);
  }
}
}  // namespace

void JsonNode::walk(const WalkVisit& visit) const {
  if (nl_)
    walk_nlohmann(*nl_, visit);
  else
    walk_simdjson(simd(sj_), visit);
}

struct FastDocument::State {
  simdjson::dom::parser parser;
  SimdElement root;
};

FastDocument::FastDocument() : state_(std::make_unique<State>()) {}
FastDocument::~FastDocument() = default;

static_assert(FastDocument::padding >= simdjson::SIMDJSON_PADDING,
              "FastDocument::padding must cover simdjson's padding");

std::unique_ptr<FastDocument> FastDocument::parse(std::string_view text, std::size_t max_depth, bool padded) {
  // A byte-order mark is refused by the strict parser; leave it to that one for its message.
  if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF && static_cast<unsigned char>(text[1]) == 0xBB &&
      static_cast<unsigned char>(text[2]) == 0xBF)
    return nullptr;
  std::unique_ptr<FastDocument> doc(new FastDocument());
  // simdjson allocates max_depth entries up front (a huge limit threw std::bad_array_new_length
  // out of its noexcept allocate). Nesting can never be deeper than the text is long, so
  // clamping changes no outcome.
  const std::size_t depth = std::min(max_depth, text.size() + 1);
  if (doc->state_->parser.allocate(text.size(), depth) != simdjson::SUCCESS) return nullptr;
  // simdjson reads up to SIMDJSON_PADDING bytes past the end; unless the caller says those
  // bytes are there, it copies the text first.
  if (doc->state_->parser.parse(text.data(), text.size(), !padded).get(doc->state_->root) != simdjson::SUCCESS)
    return nullptr;
  return doc;
}

JsonNode FastDocument::root() const noexcept {
  const JsonNode n = JsonNode::from_simdjson(&state_->root);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Diagnostics

void Diagnostics::add(std::string pointer, std::string expected, std::string found, std::string hint) {
  add(Diagnostic{file_, std::move(pointer), std::move(expected), std::move(found), std::move(hint), 0, 0});
}

void Diagnostics::add(Diagnostic d) {
  ++total_;
  if (list_.size() < cap_) {
    d.file = file_;
    // A last guard: the organisation loader refuses identity numbers before anything else
    // can quote them, but messages made from text it never walked (a syntax error's "last
    // read", a duplicate key) go through here too. Only kept messages are scanned.
    for (std::string* field : {&d.pointer, &d.expected, &d.found, &d.hint})
      if (field->size() >= 10) *field = withhold_identity_numbers(*field);
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

// ---------------------------------------------------------------------------------------------
// Helpers

void pointer_extend(std::string& p, std::string_view token) {
  p += '/';
  for (char c : token) {
    if (c == '~')
      p += "~0";
    else if (c == '/')
      p += "~1";
    else
      p += c;
  }
}

std::string pointer_append(std::string_view base, std::string_view token) {
  std::string p(base);
  pointer_extend(p, token);
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

std::string describe(JsonNode v) {
  switch (v.kind()) {
    case JsonNode::Kind::null:
      return "null";
    case JsonNode::Kind::boolean:
      return v.boolean() ? "true" : "false";
    case JsonNode::Kind::object:
      return "an object";
    case JsonNode::Kind::array:
      return "an array";
    case JsonNode::Kind::string:
      return "the string \"" + printable(v.string(), 40) + "\"";
    default:
      return describe(v.to_json());  // numbers, written as nlohmann writes them
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

ObjectReader::ObjectReader(JsonNode value, std::string pointer, Diagnostics& out,
                           std::initializer_list<std::string_view> known_keys, std::string_view what)
    : ObjectReader(value, std::move(pointer), out, std::span(known_keys.begin(), known_keys.size()), what) {}

ObjectReader::ObjectReader(JsonNode value, std::string pointer, Diagnostics& out,
                           const std::vector<std::string_view>& known_keys, std::string_view what)
    : ObjectReader(value, std::move(pointer), out, std::span(known_keys), what) {}

ObjectReader::ObjectReader(JsonNode value, std::string pointer, Diagnostics& out,
                           std::span<const std::string_view> known_keys, std::string_view what)
    : pointer_(std::move(pointer)), out_(out) {
  if (!value.is_object()) {
    out_.add(pointer_, std::string(what), describe(value));
    return;
  }
  object_ = value;
  check_keys(known_keys);
}

void ObjectReader::check_keys(std::span<const std::string_view> known_keys) {
  // Unknown keys, and keys given twice. The strict parser refuses duplicates already; the
  // fast one (simdjson) keeps them, so they are caught here too.
  object_->for_each_member([&](std::string_view k, JsonNode v) {
    if (std::find(known_keys.begin(), known_keys.end(), k) == known_keys.end()) {
      std::vector<std::string_view> sorted(known_keys.begin(), known_keys.end());
      std::sort(sorted.begin(), sorted.end());
      // The pointer stays exact (it must resolve in the document); only the echo is sanitised.
      out_.add(pointer_append(pointer_, k), "no other keys than " + quoted_list(sorted),
               "an unknown key \"" + printable(k, 64) + "\"", did_you_mean(k, sorted));
      return;
    }
    const auto end = members_.begin() + static_cast<std::ptrdiff_t>(member_count_);
    const bool repeated = std::find_if(members_.begin(), end, [&](const auto& m) { return m.first == k; }) != end ||
                          (!members_complete_ && seen_beyond_cache(k));
    if (repeated) {
      out_.add(pointer_append(pointer_, k), "each key at most once in an object",
               "a duplicate key \"" + std::string(k) + "\"");
    } else if (member_count_ < cached_members) {
      members_[member_count_++] = {k, v};
    } else {
      members_complete_ = false;
      beyond_cache_.push_back(k);
    }
  });
}

bool ObjectReader::seen_beyond_cache(std::string_view key) const {
  return std::find(beyond_cache_.begin(), beyond_cache_.end(), key) != beyond_cache_.end();
}

std::optional<JsonNode> ObjectReader::member(std::string_view key) const noexcept {
  if (!object_) return std::nullopt;
  for (std::size_t i = 0; i < member_count_; ++i)
    if (members_[i].first == key) return members_[i].second;
  if (members_complete_) return std::nullopt;
  return object_->find(key);
}

bool ObjectReader::has(std::string_view key) const {
  return member(key).has_value();
}

std::optional<JsonNode> ObjectReader::get(std::string_view key, bool required, std::string_view expected) {
  return get_lazy(key, required, [&] { return std::string(expected); });
}

std::optional<JsonNode> ObjectReader::get_lazy(std::string_view key, bool required,
                                               const std::function<std::string()>& expected) {
  if (!object_) return std::nullopt;
  auto v = member(key);
  if (!v && required) out_.add(pointer(key), expected(), "nothing (the key is missing)");
  return v;
}

std::string ObjectReader::pointer(std::string_view key, std::size_t index) const {
  return pointer_append(pointer(key), index);
}

std::optional<std::string> ObjectReader::string_lazy(std::string_view key, bool required,
                                                     const std::function<std::string()>& expected) {
  const auto v = get_lazy(key, required, expected);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    out_.add(pointer(key), expected(), describe(*v));
    return std::nullopt;
  }
  if (!within_string_limit(pointer(key), v->string())) return std::nullopt;
  return std::string(v->string());
}

bool ObjectReader::within_string_limit(const std::string& at, std::string_view s) {
  if (s.size() <= out_.max_string_bytes()) return true;
  out_.add(at, "a string of at most " + std::to_string(out_.max_string_bytes()) + " bytes",
           "a string of " + std::to_string(s.size()) + " bytes", limit_hint("--max-string-size", "max_string_bytes"));
  return false;
}

std::optional<std::string> ObjectReader::string(std::string_view key, bool required, std::string_view expected) {
  return string_lazy(key, required, [&] { return std::string(expected); });
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
  auto s = string_lazy(key, required, [&] { return one_of_list(allowed); });
  if (s && std::find(allowed.begin(), allowed.end(), *s) == allowed.end()) {
    out_.add(pointer(key), one_of_list(allowed), describe(json(*s)), did_you_mean(*s, allowed));
    return std::nullopt;
  }
  return s;
}

std::optional<bool> ObjectReader::boolean(std::string_view key, bool required) {
  const auto v = get(key, required, "true or false");
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    out_.add(pointer(key), "true or false", describe(*v));
    return std::nullopt;
  }
  return v->boolean();
}

std::optional<std::uint32_t> ObjectReader::count(std::string_view key, bool required) {
  constexpr std::string_view expected = "a whole number from 0 to 4294967295";
  const auto v = get(key, required, expected);
  if (!v) return std::nullopt;
  // Parsed text gives unsigned (nlohmann) or signed (simdjson) numbers; a document built in
  // code may hold either.
  if (v->kind() == JsonNode::Kind::unsigned_integer && v->unsigned_integer() <= 0xFFFFFFFFu)
    return static_cast<std::uint32_t>(v->unsigned_integer());
  if (v->kind() == JsonNode::Kind::integer && v->integer() >= 0 && v->integer() <= 0xFFFFFFFFll)
    return static_cast<std::uint32_t>(v->integer());
  out_.add(pointer(key), std::string(expected), describe(*v));
  return std::nullopt;
}

std::optional<double> ObjectReader::number(std::string_view key, bool required, double min, double max) {
  const auto expected = [&] { return "a number from " + json(min).dump() + " to " + json(max).dump(); };
  const auto v = get_lazy(key, required, expected);
  if (!v) return std::nullopt;
  if (!v->is_number() || v->number() < min || v->number() > max) {
    out_.add(pointer(key), expected(), describe(*v));
    return std::nullopt;
  }
  return v->number();
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
    const std::function<bool(const std::string&, std::size_t)>& element_ok) {
  return strings_lazy(
      key, required, [&] { return std::string(expected_element); }, element_ok);
}

std::optional<std::vector<std::string>> ObjectReader::strings_lazy(
    std::string_view key, bool required, const std::function<std::string()>& expected_element,
    const std::function<bool(const std::string&, std::size_t)>& element_ok) {
  const auto expected = [&] { return "an array of " + expected_element(); };
  const auto v = get_lazy(key, required, expected);
  if (!v) return std::nullopt;
  if (!v->is_array()) {
    out_.add(pointer(key), expected(), describe(*v));
    return std::nullopt;
  }
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  bool good = true;
  v->for_each_element([&](std::size_t i, JsonNode e) {
    if (!e.is_string()) {
      if (!out_.count_if_full()) out_.add(pointer(key, i), expected_element(), describe(e));
      good = false;
      return;
    }
    std::string s(e.string());
    if (element_ok && !element_ok(s, i)) {
      good = false;
      return;
    }
    // Most lists are short, and a linear search beats a set for them; long ones (a channel
    // open to thousands of units) get a hash set, so the check stays linear.
    bool repeated;
    if (out.size() < 16) {
      repeated = std::find(out.begin(), out.end(), s) != out.end();
    } else {
      if (seen.empty()) seen.insert(out.begin(), out.end());
      repeated = !seen.insert(s).second;
    }
    if (repeated) {
      out_.add(pointer(key, i), "each value at most once", "a repeated " + describe(e).substr(4));
      good = false;
      return;
    }
    out.push_back(std::move(s));
  });
  if (!good) return std::nullopt;
  return out;
}

std::optional<std::vector<std::string>> ObjectReader::ids(std::string_view key, bool required) {
  return strings(key, required, "ids", [&](const std::string& s, std::size_t i) {
    if (is_id(s)) return true;
    if (!out_.count_if_full())
      out_.add(pointer(key, i), "an id (1-64 ASCII letters, digits, '.', '_' or '-')", describe(json(s)));
    return false;
  });
}

std::optional<std::vector<std::string>> ObjectReader::enums(std::string_view key, bool required,
                                                            const std::vector<std::string_view>& allowed) {
  return strings_lazy(
      key, required, [&] { return "strings, each " + one_of_list(allowed); },
      [&](const std::string& s, std::size_t i) {
        if (std::find(allowed.begin(), allowed.end(), s) != allowed.end()) return true;
        if (!out_.count_if_full())
          out_.add(pointer(key, i), one_of_list(allowed), describe(json(s)), did_you_mean(s, allowed));
        return false;
      });
}

std::optional<Text> ObjectReader::text(std::string_view key, bool required) {
  const auto v = get(key, required, "a text object with \"sv\", \"nb\" and \"en\"");
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

bool ObjectReader::array(std::string_view key, bool required, const std::function<void(JsonNode, std::string)>& each) {
  const auto v = get(key, required, "an array");
  if (!v) return false;
  if (!v->is_array()) {
    out_.add(pointer(key), "an array", describe(*v));
    return false;
  }
  const std::string base = pointer(key);
  v->for_each_element([&](std::size_t i, JsonNode e) { each(e, pointer_append(base, i)); });
  return true;
}

}  // namespace trygg::detail

namespace trygg {
std::string limit_hint(std::string_view option, std::string_view field) {
  return "raise the limit with " + std::string(option) + " (Python: " + std::string(field) +
         "=..., C++: LoadLimits::" + std::string(field) + ")";
}
}  // namespace trygg
