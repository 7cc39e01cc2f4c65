// SPDX-License-Identifier: MIT
/// \file message.hpp
/// Every text a person reads comes from one message catalogue in sv, nb and en
/// (data/messages.json, compiled in). Machine output carries the id and the arguments too.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "trygg/date.hpp"
#include "trygg/types.hpp"

namespace trygg {

/// A catalogue message id with named arguments, rendered on demand in any language.
struct Message {
  std::string id;
  std::vector<std::pair<std::string, std::string>> args;

  Message() = default;
  Message(std::string id_, std::vector<std::pair<std::string, std::string>> args_ = {})
      : id(std::move(id_)), args(std::move(args_)) {}
  [[nodiscard]] bool empty() const noexcept { return id.empty(); }
  friend bool operator==(const Message&, const Message&) = default;
};

/// Render a message: the catalogue text for `lang` with each `{name}` replaced by its
/// argument. An unknown id renders as the id itself (and is caught by the catalogue tests).
[[nodiscard]] std::string render(const Message& message, Language lang);
class Framework;

/// Render a message for a person: like render(), but arguments that hold ids are shown by
/// their names in `lang`: "elements" and "missing" (element ids of the measure named by
/// the "measure" argument), "parties", "audience", "flags", "roles", "of", "requires", and the
/// durations "cadence" and "within".
[[nodiscard]] std::string render(const Message& message, Language lang, const Framework& framework);
/// A duration in words, e.g. "1 year 6 months", "6 månader".
[[nodiscard]] std::string duration_words(const Duration& d, Language lang);

/// The catalogue text of one id, or an empty view.
[[nodiscard]] std::string_view catalogue_text(std::string_view id, Language lang) noexcept;
/// Every id in the catalogue, sorted.
[[nodiscard]] std::vector<std::string> catalogue_ids();

}  // namespace trygg
