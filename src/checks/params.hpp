// SPDX-License-Identifier: MIT
/// \file params.hpp
/// Internal: a rule's "params" checked against its check and resolved into typed values,
/// one definition for the pack loader and for profiles (which override parameters and
/// report errors in their own file, with the same wording).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "../json_diagnostics.hpp"
#include "check.hpp"

namespace trygg::detail {

/// Check `params` against `check`, reporting at JSON Pointer `base` every parameter the check
/// does not accept or whose value is of the wrong kind, and return the typed values with the
/// defaults filled in. With `measure`, what depends on it is checked and resolved too: the ids
/// of an `elements` parameter must be elements of the measure (at least one), and a default
/// drawn from the measure (its cadence, audience or elements) is filled in; without it (a
/// pack read before the packs are combined) those defaults stay without a value.
/// `check_pointer`, when given, is where a measure that cannot give a default is reported
/// (the rule's "check": an elements check on a measure that lists no elements).
ResolvedParams resolve_params(const nlohmann::json& params, const Evaluator& check, const Measure* measure,
                              const std::string& base, Diagnostics& d, const std::string* check_pointer = nullptr);

}  // namespace trygg::detail
