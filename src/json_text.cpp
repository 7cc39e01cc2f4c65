// SPDX-License-Identifier: MIT
// Texts for messages: echoes of input, descriptions of values, lists and did-you-mean hints.
#include "json_text.hpp"

#include <algorithm>

namespace trygg::detail {

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
  const std::string_view best = closest(word, candidates);
  return best.empty() ? std::string{} : "did you mean \"" + std::string(best) + "\"?";
}

std::string_view closest(std::string_view word, const std::vector<std::string_view>& candidates) {
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
  return best;
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

}  // namespace trygg::detail
