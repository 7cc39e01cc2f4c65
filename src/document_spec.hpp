// SPDX-License-Identifier: MIT
// Private: what the yearly documents rest on (data/documents.json, compiled in): the rules whose
// thresholds decide the duty to document, the framework measures and areas a draft reads, and
// the DL pay-survey band that no rule carries yet. The texts are in data/messages.json under
// "document."; src/document.cpp holds neither ids nor legal thresholds.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "trygg/framework.hpp"

namespace trygg::detail {

/// A band of headcounts with the provision that sets it.
struct HeadcountBand {
  std::uint32_t min = 0, max = 0;  ///< inclusive
  Citation citation;
};

/// "dl-active-measures" (Discrimination Act, SFS 2008:567).
struct DlActiveMeasuresSpec {
  std::string written_rule;                     ///< the rule of 3 kap. 13 §: its applies_if is the threshold
  std::vector<std::string> areas;               ///< the areas of 3 kap. 5 §, in the order of the law (risk areas)
  std::vector<std::string> guideline_measures;  ///< measures whose routines are the 3 kap. 6 § guidelines
  HeadcountBand pay_survey_only;                ///< 3 kap. 14 §: the pay survey only
};

/// "sam-follow-up" (AFS 2023:1 14 §).
struct SamFollowUpSpec {
  std::string written_rule;   ///< the rule of 14 §: its applies_if is the threshold
  std::string findings_area;  ///< the framework area whose findings section 5 lists
};

struct DocumentSpecs {
  DlActiveMeasuresSpec dl_active_measures;
  SamFollowUpSpec sam_follow_up;
};

/// Parse and check a documents file: every kind and key present with the right type, no
/// unknown key, a band with min <= max, and a catalogue text "document.area.ID" for every DL
/// area. Throws LoadError with every problem found.
[[nodiscard]] DocumentSpecs parse_document_specs(std::string_view json_text,
                                                 const std::string& file = "data/documents.json");
/// The compiled-in data/documents.json, parsed and checked once.
[[nodiscard]] const DocumentSpecs& document_specs();

/// The duty to document in writing, as a rule of the framework states it.
struct WrittenDuty {
  const Rule* rule = nullptr;
  std::uint32_t min_headcount = 0;  ///< the rule's applies_if.min_headcount
  std::string basis;                ///< its headcount_basis: "total", "start-of-year" or "regular"
  std::vector<Citation> citations;  ///< its citations in force on the as-of date
};

/// The duty the rule `rule_id` states, for the document `kind` (named in errors). Throws
/// UsageError when the framework has no such rule or the rule has no headcount threshold: the
/// draft cannot say whether the duty applies without it.
[[nodiscard]] WrittenDuty written_duty(const Framework& framework, std::string_view kind, std::string_view rule_id,
                                       Date as_of);

/// The measures `ids` of the framework, for the document `kind`; throws UsageError naming the
/// first the framework lacks.
void require_measures(const Framework& framework, std::string_view kind, const std::vector<std::string>& ids);

}  // namespace trygg::detail
