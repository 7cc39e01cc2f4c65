// SPDX-License-Identifier: MIT
// The data files are turned into character arrays at configure time by
// cmake/EmbedFile.cmake (see CMakeLists.txt); this file only lists them.
#include "trygg/detail/embedded.hpp"

namespace trygg::detail::embedded {
extern const char pack_base[];
extern const char messages[];
}  // namespace trygg::detail::embedded

namespace trygg::detail {

const std::vector<EmbeddedFile>& embedded_packs() {
  static const std::vector<EmbeddedFile> packs{
      {"base", embedded::pack_base},
  };
  return packs;
}

std::string_view embedded_messages() {
  return embedded::messages;
}

}  // namespace trygg::detail
