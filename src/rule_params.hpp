// SPDX-License-Identifier: MIT
/// \file rule_params.hpp
/// Internal: validation of a rule's "params" against its check, shared by the pack loader
/// and by profiles (which override parameters and must report errors in their own file).
#pragma once

#include <string>

#include "trygg/check.hpp"
#include "json_diagnostics.hpp"
#include "trygg/framework.hpp"

namespace trygg::detail {

/// Report every parameter of `rule.params` that `info` does not accept or whose value is
/// of the wrong kind, at JSON Pointer `base`. Element ids are resolved later, against the
/// rule's measure.
void check_params(const Rule& rule, const CheckInfo& info, const std::string& base, Diagnostics& d);

}  // namespace trygg::detail
