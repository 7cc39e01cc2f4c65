// SPDX-License-Identifier: MIT
/// \file message_catalogue.hpp
/// Internal: message ids as numbers. A report stores each message's id as its position in the
/// sorted catalogue (data/messages.json), which is the same for every report of one build.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace trygg::detail {

/// The position of `id` in the sorted catalogue, or nullopt for an id it does not hold.
[[nodiscard]] std::optional<std::uint16_t> catalogue_position(std::string_view id) noexcept;
/// The id at a position ("" past the end).
[[nodiscard]] std::string_view catalogue_id(std::uint16_t position) noexcept;

}  // namespace trygg::detail
