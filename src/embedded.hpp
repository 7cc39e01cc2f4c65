// SPDX-License-Identifier: MIT
/// \file embedded.hpp
/// Internal: data files compiled into the library (packs, the message catalogue, what the yearly documents rest on).
#pragma once

#include <string_view>
#include <vector>

namespace trygg::detail {

struct EmbeddedFile {
  std::string_view name;  ///< e.g. "base" for data/packs/base.json
  std::string_view text;
};

/// The built-in packs, in load order.
const std::vector<EmbeddedFile>& embedded_packs();
/// data/messages.json.
std::string_view embedded_messages();
/// data/documents.json: the rule ids, measures and areas the yearly documents rest on (their
/// texts are in data/messages.json).
std::string_view embedded_documents();

}  // namespace trygg::detail
