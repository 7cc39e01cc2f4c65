// SPDX-License-Identifier: MIT
/// \file embedded.hpp
/// Internal: data files compiled into the library (packs, the message catalogue, the document texts).
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
/// data/document_texts.json: the texts of the yearly documentation drafts.
std::string_view embedded_document_texts();

}  // namespace trygg::detail
