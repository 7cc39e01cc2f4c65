// SPDX-License-Identifier: MIT
// The read-only view over either DOM (nlohmann's or simdjson's), and the simdjson document.
#include "json_document.hpp"

#include <cstring>
#include <type_traits>

#include <simdjson.h>

#include "json_diagnostics.hpp"

namespace trygg::detail {

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
  // simdjson stores the count, saturated at 0xFFFFFF: below that it is exact, and only a
  // longer container is counted.
  constexpr std::size_t saturated = 0xFFFFFF;
  std::size_t n = 0;
  simdjson::dom::array array;
  simdjson::dom::object object;
  if (e.get(array) == simdjson::SUCCESS) {
    if (array.size() < saturated) return array.size();
    for ([[maybe_unused]] SimdElement x : array)
      ++n;
  } else if (e.get(object) == simdjson::SUCCESS) {
    if (object.size() < saturated) return object.size();
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

}  // namespace trygg::detail
