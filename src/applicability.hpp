// SPDX-License-Identifier: MIT
/// \file applicability.hpp
/// Internal: whether a rule applies to an organisation (Applicability in framework.hpp), and
/// when it does not, why: not applicable, or not assessed when the input leaves it open.
#pragma once

#include "audit_context.hpp"

namespace trygg::detail {

/// Whether the rule applies; when it does not, `why` gets the status and the message.
bool applies(const Rule& rule, const AuditContext& ctx, Outcome& why);

}  // namespace trygg::detail
