// SPDX-License-Identifier: MIT
// data/documents.json: read with the loaders' checked reader, so that a mistake in it is a
// diagnostic naming the key, not a draft that silently lacks a section.
#include "document_spec.hpp"

#include "embedded.hpp"
#include "json_diagnostics.hpp"
#include "json_object_reader.hpp"
#include "json_strict_parse.hpp"
#include "json_text.hpp"
#include "trygg/error.hpp"
#include "trygg/message.hpp"

namespace trygg::detail {
namespace {

HeadcountBand read_band(ObjectReader& parent, std::string_view key, Diagnostics& d) {
  HeadcountBand band;
  const auto v = parent.get(key, true, "a headcount band {\"min_headcount\", \"max_headcount\", \"citation\"}");
  if (!v) return band;
  const std::string p = parent.pointer(key);
  ObjectReader r(*v, p, d, {"min_headcount", "max_headcount", "citation"}, "a headcount band object");
  if (!r.ok()) return band;
  const auto min = r.count("min_headcount", true);
  const auto max = r.count("max_headcount", true);
  if (min && max && *max < *min)
    d.add(r.pointer("max_headcount"), "a headcount not below min_headcount (" + std::to_string(*min) + ")",
          std::to_string(*max));
  band.min = min.value_or(0);
  band.max = max.value_or(0);
  if (const auto c = r.get("citation", true, "a citation {\"source\", \"locator\"}")) {
    ObjectReader cr(*c, r.pointer("citation"), d, {"source", "locator"}, "a citation object");
    if (cr.ok()) {
      band.citation.source =
          cr.string("source", true, "the cited act, e.g. \"SFS 2008:567 diskrimineringslagen\"").value_or("");
      band.citation.locator = cr.string("locator", true, "a locator such as \"3 kap. 14 §\"").value_or("");
    }
  }
  return band;
}

}  // namespace

DocumentSpecs parse_document_specs(std::string_view json_text, const std::string& file) {
  Diagnostics d(file);
  const auto doc = parse_strict(json_text, 16, d);
  d.throw_if_any();
  DocumentSpecs specs;
  ObjectReader top(*doc, "", d, {"$comment", "dl-active-measures", "sam-follow-up"}, "a documents object");
  if (top.ok()) {
    if (const auto v = top.get("dl-active-measures", true, "the object of the dl-active-measures document")) {
      ObjectReader r(*v, top.pointer("dl-active-measures"), d,
                     {"$comment", "written_rule", "areas", "guideline_measures", "pay_survey_only"});
      if (r.ok()) {
        auto& dl = specs.dl_active_measures;
        dl.written_rule = r.string("written_rule", true, "a rule id of the packs").value_or("");
        dl.areas = r.strings("areas", true, "a risk area id", [&](const std::string& area, std::size_t i) {
                      // Each area is a heading of section 1: it needs its title in the catalogue.
                      if (!catalogue_text("document.area." + area, Language::en).empty()) return true;
                      d.add(r.pointer("areas", i),
                            "an area with the text \"document.area." + area + "\" in data/messages.json",
                            describe(json(area)));
                      return false;
                    }).value_or(std::vector<std::string>{});
        dl.guideline_measures =
            r.strings("guideline_measures", true, "a measure id of the framework").value_or(std::vector<std::string>{});
        if (r.has("guideline_measures") && dl.guideline_measures.empty() && !d.count())
          d.add(r.pointer("guideline_measures"), "at least one measure id", "an empty array");
        dl.pay_survey_only = read_band(r, "pay_survey_only", d);
      }
    }
    if (const auto v = top.get("sam-follow-up", true, "the object of the sam-follow-up document")) {
      ObjectReader r(*v, top.pointer("sam-follow-up"), d, {"$comment", "written_rule", "findings_area"});
      if (r.ok()) {
        auto& sam = specs.sam_follow_up;
        sam.written_rule = r.string("written_rule", true, "a rule id of the packs").value_or("");
        sam.findings_area = r.string("findings_area", true, "an area id of the framework").value_or("");
      }
    }
  }
  d.throw_if_any();
  return specs;
}

const DocumentSpecs& document_specs() {
  static const DocumentSpecs specs = parse_document_specs(embedded_documents());
  return specs;
}

WrittenDuty written_duty(const Framework& framework, std::string_view kind, std::string_view rule_id, Date as_of) {
  const std::string where =
      "the document " + std::string(kind) + " rests on the rule " + std::string(rule_id) + " (data/documents.json)";
  const Rule* rule = framework.find_rule(rule_id);
  if (!rule) throw UsageError(where + ", which no pack of the framework defines: load the pack that has it");
  const Applicability& a = rule->applies_if;
  if (!a.min_headcount)
    throw UsageError(where + ", which has no min_headcount in its applies_if: the draft cannot say whether the " +
                     "duty to document applies");
  // The draft names the headcount it compares in its header and its gap: there must be a
  // text for the basis (document.head.BASIS, document.gap.BASIS).
  for (const char* prefix : {"document.head.", "document.gap."})
    if (catalogue_text(prefix + a.headcount_basis, Language::en).empty())
      throw UsageError(where + ", whose headcount_basis \"" + a.headcount_basis + "\" the drafts have no text for (" +
                       prefix + a.headcount_basis + ")");
  return WrittenDuty{rule, *a.min_headcount, a.headcount_basis, citations_in_force(rule->citations, as_of)};
}

void require_measures(const Framework& framework, std::string_view kind, const std::vector<std::string>& ids) {
  for (const auto& id : ids)
    if (!framework.find_measure(id))
      throw UsageError("the document " + std::string(kind) + " reads the framework measure " + id +
                       " (data/documents.json), which no pack of the framework defines");
}

}  // namespace trygg::detail
