// SPDX-License-Identifier: MIT
// Waiver files (`trygg.waivers/1`, docs/history.md "Waivers"): reading and checking every
// entry, and writing them back. What a waiver does to a report is in waiver_apply.cpp.
#include "trygg/waiver.hpp"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "json_object_reader.hpp"
#include "json_strict_parse.hpp"
#include "json_text.hpp"
#include "trygg/error.hpp"
#include "trygg/report.hpp"

namespace trygg {
namespace {
using detail::Diagnostics;
using detail::ObjectReader;
using json = nlohmann::json;

constexpr std::string_view fingerprint_expected = "a fingerprint: 16 hexadecimal digits, as the reports print it";
constexpr std::string_view decided_by_expected =
    "a role or a pseudonymous id (ASCII letters, digits, '.', '_', '-'; 1 to 64, starting with a letter or "
    "digit), never a person's name";

std::optional<std::uint64_t> parse_fingerprint(std::string_view s) {
  if (s.size() != 16) return std::nullopt;
  std::uint64_t v = 0;
  for (const char c : s) {
    int digit = 0;
    if (c >= '0' && c <= '9')
      digit = c - '0';
    else if (c >= 'a' && c <= 'f')
      digit = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F')
      digit = c - 'A' + 10;
    else
      return std::nullopt;
    v = (v << 4) | static_cast<std::uint64_t>(digit);
  }
  return v;
}

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

/// One entry; nullopt (with diagnostics) when it cannot be taken as a whole.
std::optional<Waiver> entry_from_json(detail::JsonNode v, const std::string& file, const std::string& pointer,
                                      Diagnostics& d) {
  const std::size_t before = d.count();
  Waiver w;
  w.file = file;
  w.pointer = pointer;
  ObjectReader r(v, pointer, d, {"fingerprint", "rule", "subject", "reason", "decided_by", "decided", "expires"},
                 "a waiver object");
  if (!r.ok()) return std::nullopt;
  const bool has_fp = r.has("fingerprint"), has_rule = r.has("rule");
  if (has_fp == has_rule) {
    d.add(pointer, "exactly one of \"fingerprint\" and \"rule\" (what the waiver names)", has_fp ? "both" : "neither");
  }
  if (has_fp) {
    if (const auto s = r.string("fingerprint", true, fingerprint_expected)) {
      if (const auto fp = parse_fingerprint(*s))
        w.fingerprint = *fp;
      else
        d.add(r.pointer("fingerprint"), std::string(fingerprint_expected), detail::describe(json(*s)));
    }
  }
  if (has_rule) {
    // A rule id, as the packs write it (docs/pack-format.md): like an id, and `/` too.
    constexpr std::string_view rule_expected =
        "a rule id (1-64 ASCII letters, digits, '.', '_', '/' or '-', as `trygg-check rules` lists them)";
    if (const auto s = r.string("rule", true, rule_expected)) {
      const bool ok = !s->empty() && s->size() <= 64 && std::isalnum(static_cast<unsigned char>((*s)[0])) &&
                      std::all_of(s->begin(), s->end(),
                                  [](char c) {
                                    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' ||
                                           c == '/' || c == '-';
                                  }) &&
                      std::all_of(s->begin(), s->end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
      if (ok)
        w.rule = *s;
      else
        d.add(r.pointer("rule"), std::string(rule_expected), detail::describe(json(*s)));
    }
  }
  if (r.has("subject")) {
    if (!has_rule)
      d.add(r.pointer("subject"), "\"subject\" only with \"rule\" (a fingerprint names its subject already)",
            "a subject with a fingerprint");
    else
      w.subject = r.id("subject", true).value_or("");
  }
  if (const auto s = r.string("reason", true, "a non-empty reason")) {
    if (blank(*s))
      d.add(r.pointer("reason"), "a non-empty reason (why the finding is accepted)", detail::describe(json(*s)));
    else
      w.reason = *s;
  }
  if (const auto s = r.string("decided_by", true, decided_by_expected)) {
    if (!detail::is_id(*s))
      d.add(r.pointer("decided_by"), std::string(decided_by_expected), detail::describe(json(*s)));
    else
      w.decided_by = *s;
  }
  if (const auto dt = r.date("decided", true)) w.decided = *dt;
  w.expires = r.date("expires", false);
  if (w.expires && r.has("decided") && *w.expires < w.decided)
    d.add(r.pointer("expires"), "a date on or after \"decided\" (" + w.decided.to_string() + ")",
          detail::describe(json(w.expires->to_string())));
  if (d.count() != before) return std::nullopt;
  return w;
}
}  // namespace

std::string_view to_string(WaiverOutcome::State state) noexcept {
  switch (state) {
    case WaiverOutcome::State::applied:
      return "applied";
    case WaiverOutcome::State::expired:
      return "expired";
    case WaiverOutcome::State::not_yet:
      return "not-yet";
    case WaiverOutcome::State::unmatched:
      return "unmatched";
  }
  return "unmatched";
}

std::vector<Waiver> WaiverList::entries_from_json(const nlohmann::json& array, const std::string& file,
                                                  const std::string& pointer) {
  Diagnostics d(file);
  std::vector<Waiver> out;
  if (!array.is_array()) {
    d.add(pointer, "an array of waivers", detail::describe(array));
  } else {
    for (std::size_t i = 0; i < array.size(); ++i)
      if (auto w = entry_from_json(array[i], file, detail::pointer_append(pointer, i), d)) out.push_back(std::move(*w));
  }
  d.throw_if_any();
  return out;
}

WaiverList WaiverList::from_json(const nlohmann::json& document, const std::string& file) {
  Diagnostics d(file);
  WaiverList list;
  list.file = file;
  ObjectReader r(document, "", d, {"format", "waivers"}, "a waiver file object");
  if (r.ok()) {
    if (auto f = r.string("format", true, "\"trygg.waivers/1\""); f && *f != waivers_format)
      d.add("/format", "\"trygg.waivers/1\"", detail::describe(json(*f)));
    if (const auto a = r.get("waivers", true, "an array of waivers")) {
      try {
        list.waivers = entries_from_json(a->to_json(), file, "/waivers");
      } catch (const LoadError& e) {
        for (const auto& diag : e.diagnostics())
          d.add(diag);
      }
    }
  }
  d.throw_if_any();
  return list;
}

WaiverList WaiverList::parse(std::string_view json_text, const std::string& file) {
  Diagnostics d(file);
  auto doc = detail::parse_strict(json_text, 64, d);
  d.throw_if_any();
  return from_json(*doc, file);
}

WaiverList WaiverList::load(const std::filesystem::path& path) {
  Diagnostics d(path.string());
  auto text = detail::read_file(path, 16u * 1024u * 1024u, d);
  d.throw_if_any();
  return parse(*text, path.string());
}

nlohmann::json WaiverList::to_json() const {
  json entries = json::array();
  for (const auto& w : waivers) {
    json e = json::object();
    if (w.fingerprint)
      e["fingerprint"] = fingerprint_text(*w.fingerprint);
    else
      e["rule"] = w.rule;
    if (!w.subject.empty()) e["subject"] = w.subject;
    e["reason"] = w.reason;
    e["decided_by"] = w.decided_by;
    e["decided"] = w.decided.to_string();
    if (w.expires) e["expires"] = w.expires->to_string();
    entries.push_back(std::move(e));
  }
  return json{{"format", waivers_format}, {"waivers", std::move(entries)}};
}

}  // namespace trygg
