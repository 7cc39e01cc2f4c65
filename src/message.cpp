// SPDX-License-Identifier: MIT
// The message catalogue (data/messages.json, compiled in) and rendering of messages.
#include "trygg/message.hpp"

#include <map>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "embedded.hpp"
#include "message_catalogue.hpp"
#include "trygg/framework.hpp"

namespace trygg {
namespace {
struct Catalogue {
  std::map<std::string, Text, std::less<>> texts;
  // The ids in sorted order and each one's position, so that a report stores a message id
  // as a number (detail::catalogue_position).
  std::vector<std::string_view> ids;
  std::unordered_map<std::string_view, std::uint16_t> positions;
};

const Catalogue& catalogue() {
  static const Catalogue c = [] {
    Catalogue out;
    const auto j = nlohmann::json::parse(detail::embedded_messages());
    for (const auto& [id, t] : j.items()) {
      if (id.empty() || id[0] == '$') continue;  // "$comment" and the like
      out.texts.emplace(
          id, Text{t.at("sv").get<std::string>(), t.at("nb").get<std::string>(), t.at("en").get<std::string>()});
    }
    for (const auto& [id, _] : out.texts) {
      out.positions.emplace(id, static_cast<std::uint16_t>(out.ids.size()));
      out.ids.push_back(id);
    }
    return out;
  }();
  return c;
}
}  // namespace

std::string_view catalogue_text(std::string_view id, Language lang) noexcept {
  const auto& t = catalogue().texts;
  const auto it = t.find(id);
  if (it == t.end()) return {};
  return it->second.in(lang);
}

namespace detail {
std::optional<std::uint16_t> catalogue_position(std::string_view id) noexcept {
  const auto& c = catalogue();
  const auto it = c.positions.find(id);
  if (it == c.positions.end()) return std::nullopt;
  return it->second;
}
std::string_view catalogue_id(std::uint16_t position) noexcept {
  const auto& ids = catalogue().ids;
  return position < ids.size() ? ids[position] : std::string_view{};
}
}  // namespace detail

std::vector<std::string> catalogue_ids() {
  std::vector<std::string> ids;
  for (const auto& [id, _] : catalogue().texts)
    ids.push_back(id);
  return ids;
}

std::string render(const Message& message, Language lang) {
  const std::string_view text = catalogue_text(message.id, lang);
  if (text.empty()) return message.id;
  std::string out;
  out.reserve(text.size() + 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      const auto close = text.find('}', i);
      if (close != std::string_view::npos) {
        const std::string_view name = text.substr(i + 1, close - i - 1);
        bool found = false;
        for (const auto& [k, v] : message.args)
          if (k == name) {
            out += v;
            found = true;
            break;
          }
        if (found) {
          i = close;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

namespace {
std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    auto end = s.find(", ", start);
    if (end == std::string::npos) end = s.size();
    out.push_back(s.substr(start, end - start));
    start = end + 2;
  }
  return out;
}

std::string named(const std::string& prefix, const std::string& value, Language lang) {
  std::string out;
  for (const auto& v : split_list(value)) {
    const auto t = catalogue_text(prefix + v, lang);
    out += (out.empty() ? "" : ", ") + (t.empty() ? v : std::string(t));
  }
  return out;
}
}  // namespace

std::string duration_words(const Duration& d, Language lang) {
  std::string out;
  auto part = [&](int n, const char* unit) {
    if (n == 0) return;
    const std::string id = std::string("duration.") + unit + (n == 1 ? ".one" : ".other");
    out += (out.empty() ? "" : " ") + render(Message{id, {{"n", std::to_string(n)}}}, lang);
  };
  part(d.years, "year");
  part(d.months, "month");
  part(d.days, "day");
  return out.empty() ? render(Message{"duration.day.other", {{"n", "0"}}}, lang) : out;
}

std::string render(const Message& message, Language lang, const Framework& framework) {
  Message m = message;
  const Measure* measure = nullptr;
  for (const auto& [k, v] : m.args)
    if (k == "measure") measure = framework.find_measure(v);
  for (auto& [k, v] : m.args) {
    if ((k == "elements" || k == "missing") && measure) {
      std::string out;
      for (const auto& id : split_list(v)) {
        const Element* e = measure->find_element(id);
        out += (out.empty() ? "" : ", ") + (e ? e->title.in(lang) : id);
      }
      v = out;
    } else if (k == "parties") {
      v = named("party.", v, lang);
    } else if (k == "audience" || k == "audiences") {
      v = named("audience-name.", v, lang);
    } else if (k == "flags") {
      v = named("flag.", v, lang);
    } else if (k == "roles") {
      v = named("role.", v, lang);
    } else if (k == "of") {
      v = named("impartial-of.", v, lang);
    } else if (k == "requires") {
      v = named("safety-requires.", v, lang);
    } else if (k == "basis") {
      v = named("basis.", v, lang);
    } else if (k == "kinds") {
      v = v == "*" ? render(Message{"case-kind.all"}, lang) : named("case-kind.", v, lang);
    } else if (k == "metric") {
      v = named("metric.", v, lang);
    } else if (k == "cadence" || k == "within" || k == "acknowledge" || k == "feedback") {
      if (auto d = Duration::parse(v)) v = duration_words(*d, lang);
    }
  }
  return render(m, lang);
}

}  // namespace trygg
