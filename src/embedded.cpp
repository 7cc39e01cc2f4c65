// SPDX-License-Identifier: MIT
// The data files are turned into character arrays at configure time by
// cmake/EmbedFile.cmake (see CMakeLists.txt); this file only lists them.
#include "embedded.hpp"

namespace trygg::detail::embedded {
extern const char pack_base[];
extern const char pack_se[];
extern const char pack_no[];
extern const char pack_eu[];
extern const char pack_violence[];
extern const char messages[];
extern const char documents[];
}  // namespace trygg::detail::embedded

namespace trygg::detail {

const std::vector<EmbeddedFile>& embedded_packs() {
  static const std::vector<EmbeddedFile> packs{
      {"base", embedded::pack_base},
      {"se", embedded::pack_se},
      {"no", embedded::pack_no},
      {"eu", embedded::pack_eu},
      {"violence", embedded::pack_violence},
  };
  return packs;
}

std::string_view embedded_messages() {
  return embedded::messages;
}

std::string_view embedded_documents() {
  return embedded::documents;
}

}  // namespace trygg::detail
