// SPDX-License-Identifier: MIT
/// \file trygg.hpp
/// The whole public API of trygg in one include.
///
/// **Example**:
/// \code
///   auto fw = trygg::Framework::builtin();
///   auto org = trygg::Organisation::load("org.json", fw);
///   auto report = trygg::audit(org, fw, {.as_of = trygg::Date::parse("2026-11-22")});
///   std::cout << trygg::render_text(report, {.language = report.language});
/// \endcode
#pragma once

#include "trygg/audit.hpp"
#include "trygg/batch.hpp"
#include "trygg/check.hpp"
#include "trygg/comparison.hpp"
#include "trygg/date.hpp"
#include "trygg/document.hpp"
#include "trygg/error.hpp"
#include "trygg/framework.hpp"
#include "trygg/history.hpp"
#include "trygg/message.hpp"
#include "trygg/organisation.hpp"
#include "trygg/output_file.hpp"
#include "trygg/peer_benchmark.hpp"
#include "trygg/plan_import.hpp"
#include "trygg/profile.hpp"
#include "trygg/render.hpp"
#include "trygg/render_trend.hpp"
#include "trygg/report.hpp"
#include "trygg/report_bytes.hpp"
#include "trygg/report_set.hpp"
#include "trygg/rule_example.hpp"
#include "trygg/size_band.hpp"
#include "trygg/types.hpp"
#include "trygg/version.hpp"
#include "trygg/waiver.hpp"
