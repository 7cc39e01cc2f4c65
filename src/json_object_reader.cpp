// SPDX-License-Identifier: MIT
// The checked view of one JSON object that the loaders read through.
#include "json_object_reader.hpp"

#include <algorithm>

#include "json_text.hpp"
#include "trygg/detail/id_index.hpp"
#include "trygg/organisation.hpp"

namespace trygg::detail {

ObjectReader::ObjectReader(JsonNode value, std::string pointer, Diagnostics& out,
                           std::initializer_list<std::string_view> known_keys, std::string_view what)
    : ObjectReader(value, std::move(pointer), out, std::span(known_keys.begin(), known_keys.size()), what) {}

ObjectReader::ObjectReader(JsonNode value, std::string pointer, Diagnostics& out,
                           const std::vector<std::string_view>& known_keys, std::string_view what)
    : ObjectReader(value, std::move(pointer), out, std::span(known_keys), what) {}

ObjectReader::ObjectReader(JsonNode value, const JsonPath& path, Diagnostics& out,
                           std::initializer_list<std::string_view> known_keys, std::string_view what)
    : ObjectReader(value, path, out, std::span(known_keys.begin(), known_keys.size()), what) {}

ObjectReader::ObjectReader(JsonNode value, const JsonPath& path, Diagnostics& out,
                           const std::vector<std::string_view>& known_keys, std::string_view what)
    : ObjectReader(value, path, out, std::span(known_keys), what) {}

ObjectReader::ObjectReader(JsonNode value, std::string pointer, Diagnostics& out,
                           std::span<const std::string_view> known_keys, std::string_view what)
    : spelled_(std::move(pointer)), path_(JsonPath::spelled(spelled_)), out_(out) {
  check(value, known_keys, what);
}

ObjectReader::ObjectReader(JsonNode value, const JsonPath& path, Diagnostics& out,
                           std::span<const std::string_view> known_keys, std::string_view what)
    : path_(path), out_(out) {
  check(value, known_keys, what);
}

void ObjectReader::check(JsonNode value, std::span<const std::string_view> known_keys, std::string_view what) {
  if (!value.is_object()) {
    out_.add(pointer(), std::string(what), describe(value));
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
      out_.add(pointer(k), "no other keys than " + quoted_list(sorted), "an unknown key \"" + printable(k, 64) + "\"",
               did_you_mean(k, sorted));
      return;
    }
    const auto end = members_.begin() + static_cast<std::ptrdiff_t>(member_count_);
    const bool repeated = std::find_if(members_.begin(), end, [&](const auto& m) { return m.first == k; }) != end ||
                          (!members_complete_ && seen_beyond_cache(k));
    if (repeated) {
      out_.add(pointer(k), "each key at most once in an object", "a duplicate key \"" + std::string(k) + "\"");
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

std::optional<std::string_view> ObjectReader::string_lazy(std::string_view key, bool required,
                                                          const std::function<std::string()>& expected) {
  const auto v = get_lazy(key, required, expected);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    out_.add(pointer(key), expected(), describe(*v));
    return std::nullopt;
  }
  if (!within_string_limit(key, v->string())) return std::nullopt;
  return v->string();
}

bool ObjectReader::within_string_limit(std::string_view key, std::string_view s) {
  if (s.size() <= out_.max_string_bytes()) return true;
  out_.add(pointer(key), "a string of at most " + std::to_string(out_.max_string_bytes()) + " bytes",
           "a string of " + std::to_string(s.size()) + " bytes", limit_hint("--max-string-size", "max_string_bytes"));
  return false;
}

std::optional<std::string> ObjectReader::string(std::string_view key, bool required, std::string_view expected) {
  const auto s = string_lazy(key, required, [&] { return std::string(expected); });
  if (!s) return std::nullopt;
  return std::string(*s);
}

std::optional<std::string_view> ObjectReader::id_view(std::string_view key, bool required) {
  constexpr std::string_view expected = "an id (1-64 ASCII letters, digits, '.', '_' or '-')";
  const auto s = string_lazy(key, required, [&] { return std::string(expected); });
  if (s && !is_id(*s)) {
    out_.add(pointer(key), std::string(expected), describe(json(*s)));
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> ObjectReader::id(std::string_view key, bool required) {
  const auto s = id_view(key, required);
  if (!s) return std::nullopt;
  return std::string(*s);
}

std::optional<std::string> ObjectReader::one_of(std::string_view key, bool required,
                                                const std::vector<std::string_view>& allowed) {
  const auto s = string_lazy(key, required, [&] { return one_of_list(allowed); });
  if (!s) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), *s) == allowed.end()) {
    out_.add(pointer(key), one_of_list(allowed), describe(json(*s)), did_you_mean(*s, allowed));
    return std::nullopt;
  }
  return std::string(*s);
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

std::optional<std::vector<std::string>> ObjectReader::copies(std::optional<std::vector<std::string_view>> views) {
  if (!views) return std::nullopt;
  return std::vector<std::string>(views->begin(), views->end());
}

std::optional<std::vector<std::string>> ObjectReader::strings(
    std::string_view key, bool required, std::string_view expected_element,
    const std::function<bool(const std::string&, std::size_t)>& element_ok) {
  std::function<bool(std::string_view, std::size_t)> view_ok;
  if (element_ok) view_ok = [&](std::string_view s, std::size_t i) { return element_ok(std::string(s), i); };
  return copies(strings_lazy(
      key, required, [&] { return std::string(expected_element); }, view_ok));
}

std::optional<std::vector<std::string_view>> ObjectReader::string_views(
    std::string_view key, bool required, std::string_view expected_element,
    const std::function<bool(std::string_view, std::size_t)>& element_ok) {
  return strings_lazy(
      key, required, [&] { return std::string(expected_element); }, element_ok);
}

std::optional<std::vector<std::string_view>> ObjectReader::strings_lazy(
    std::string_view key, bool required, const std::function<std::string()>& expected_element,
    const std::function<bool(std::string_view, std::size_t)>& element_ok) {
  const auto expected = [&] { return "an array of " + expected_element(); };
  const auto v = get_lazy(key, required, expected);
  if (!v) return std::nullopt;
  if (!v->is_array()) {
    out_.add(pointer(key), expected(), describe(*v));
    return std::nullopt;
  }
  std::vector<std::string_view> out;
  IdIndex seen;  // positions in `out`, for long lists
  bool good = true;
  v->for_each_element([&](std::size_t i, JsonNode e) {
    if (!e.is_string()) {
      if (!out_.count_if_full()) out_.add(pointer(key, i), expected_element(), describe(e));
      good = false;
      return;
    }
    const std::string_view s = e.string();
    if (element_ok && !element_ok(s, i)) {
      good = false;
      return;
    }
    // Most lists are short, and a linear search beats a set for them; long ones (a channel
    // open to thousands of units) get a hash index of positions in `out`, so the check stays
    // linear and copies no string.
    constexpr std::size_t short_list = 16;
    const auto at = [&out](IdIndex::Index k) { return out[k]; };
    bool repeated;
    if (out.size() < short_list) {
      repeated = std::find(out.begin(), out.end(), s) != out.end();
    } else {
      if (seen.size() == 0) {
        seen.reset(v->size());
        for (std::size_t k = 0; k < out.size(); ++k)
          seen.insert(out[k], static_cast<IdIndex::Index>(k), at);
      }
      repeated = !seen.insert(s, static_cast<IdIndex::Index>(out.size()), at).second;
    }
    if (repeated) {
      out_.add(pointer(key, i), "each value at most once", "a repeated " + describe(e).substr(4));
      good = false;
      return;
    }
    out.push_back(s);
  });
  if (!good) return std::nullopt;
  return out;
}

std::optional<std::vector<std::string_view>> ObjectReader::id_views(std::string_view key, bool required) {
  return string_views(key, required, "ids", [&](std::string_view s, std::size_t i) {
    if (is_id(s)) return true;
    if (!out_.count_if_full())
      out_.add(pointer(key, i), "an id (1-64 ASCII letters, digits, '.', '_' or '-')", describe(json(s)));
    return false;
  });
}

std::optional<std::vector<std::string>> ObjectReader::ids(std::string_view key, bool required) {
  return copies(id_views(key, required));
}

std::optional<std::vector<std::string>> ObjectReader::enums(std::string_view key, bool required,
                                                            const std::vector<std::string_view>& allowed) {
  return copies(strings_lazy(
      key, required, [&] { return "strings, each " + one_of_list(allowed); },
      [&](std::string_view s, std::size_t i) {
        if (std::find(allowed.begin(), allowed.end(), s) != allowed.end()) return true;
        if (!out_.count_if_full())
          out_.add(pointer(key, i), one_of_list(allowed), describe(json(s)), did_you_mean(s, allowed));
        return false;
      }));
}

std::optional<Text> ObjectReader::text(std::string_view key, bool required) {
  const auto v = get(key, required, "a text object with \"sv\", \"nb\" and \"en\"");
  if (!v) return std::nullopt;
  const JsonPath at = path(key);
  ObjectReader r(*v, at, out_, {"sv", "nb", "en"}, "a text object with \"sv\", \"nb\" and \"en\"");
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
  return elements(key, required, [&](JsonNode e, const JsonPath& at) { each(e, at.pointer()); });
}

bool ObjectReader::elements(std::string_view key, bool required,
                            const std::function<void(JsonNode, const JsonPath&)>& each) {
  const auto v = get(key, required, "an array");
  if (!v) return false;
  if (!v->is_array()) {
    out_.add(pointer(key), "an array", describe(*v));
    return false;
  }
  const JsonPath base = path(key);
  v->for_each_element([&](std::size_t i, JsonNode e) { each(e, base.index(i)); });
  return true;
}

}  // namespace trygg::detail
