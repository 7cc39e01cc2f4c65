// SPDX-License-Identifier: MIT
/// \file document.hpp
/// Drafts of yearly documents, written in Markdown from the organisation's own data only
/// (docs/yearly-documents.md). Nothing is invented: what the data lacks shows in the draft
/// as a marked gap ("Uppgift saknas", "Opplysning mangler", "Missing information").
///
/// **Example**:
/// \code
///   auto fw = trygg::Framework::builtin();
///   auto org = trygg::Organisation::load("org.json", fw);
///   std::cout << trygg::render_document(trygg::DocumentKind::dl_active_measures, org, fw,
///                                       *trygg::Date::parse("2026-03-01"), trygg::Language::sv);
/// \endcode
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trygg/date.hpp"
#include "trygg/framework.hpp"
#include "trygg/organisation.hpp"
#include "trygg/types.hpp"

namespace trygg {

/// The yearly documents trygg can draft.
enum class DocumentKind : std::uint8_t {
  /// "dl-active-measures": the yearly documentation of active measures against
  /// discrimination, Swedish Discrimination Act (SFS 2008:567) 3 kap. 13 §.
  dl_active_measures,
  /// "sam-follow-up": the yearly follow-up of systematic work-environment management,
  /// AFS 2023:1 14 §.
  sam_follow_up,
};

/// The canonical name of a kind, e.g. "dl-active-measures".
[[nodiscard]] std::string_view to_string(DocumentKind kind) noexcept;
/// Parse a canonical name; nullopt for anything else.
[[nodiscard]] std::optional<DocumentKind> parse_document_kind(std::string_view name) noexcept;
/// The canonical names of every kind, in declaration order.
[[nodiscard]] std::vector<std::string_view> document_kinds();

/// Draft a yearly document in Markdown, in `lang`. The year is the year of `as_of`; data
/// dated after `as_of` is not counted as done or held. Pure: reads its arguments only and
/// gives the same text for the same input. `sam_follow_up` runs an audit with `framework`
/// (every pack) to list the findings of the area "organisation".
[[nodiscard]] std::string render_document(DocumentKind kind, const Organisation& organisation,
                                          const Framework& framework, Date as_of, Language lang);

/// The note every draft carries on its third line, that it was made by trygg from the
/// organisation's own data (used to recognise trygg's own files before replacing one).
[[nodiscard]] std::string document_note(Language lang);

}  // namespace trygg
