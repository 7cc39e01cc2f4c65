// SPDX-License-Identifier: MIT
// Private: the checks audit() makes on every organisation it is given (src/organisation_validate.cpp).
#pragma once

#include <string>

#include "json_diagnostics.hpp"
#include "trygg/framework.hpp"
#include "trygg/organisation.hpp"

namespace trygg::detail {

/// Refuses, with LoadError naming `file`, an organisation the audit cannot judge: a reference
/// out of range, not exactly one root, a cycle of units, a duplicate unit, person or channel
/// id, or a measure or element the framework does not have. Linear in the organisation's size.
void require_auditable(const Organisation& org, const Framework& fw, const std::string& file);

/// The unit tree has exactly one root and no cycle; the loader's check, shared. Every parent
/// must be an index in range.
void check_unit_tree(const Organisation& org, Diagnostics& d);

}  // namespace trygg::detail
