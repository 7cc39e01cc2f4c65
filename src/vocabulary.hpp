// SPDX-License-Identifier: MIT
/// \file vocabulary.hpp
/// Internal: the closed word lists of the input and pack formats (docs/input-format.md,
/// docs/pack-format.md). One place, so the loaders, the schema test and the docs agree.
#pragma once

#include <string_view>
#include <vector>

namespace trygg::detail::vocabulary {

// "exposed-staff": the employees exposed to a risk, such as violence (AFS 2023:2 5 kap. 3 §;
// forskrift om utførelse av arbeid § 23A-2).
inline const std::vector<std::string_view> audiences{
    "all-staff",         "managers", "employees", "safety-representatives", "hr", "support-functions",
    "cooperation-group", "board",    "leavers",   "exposed-staff"};
inline const std::vector<std::string_view> roles{"manager",
                                                 "hr-specialist",
                                                 "safety-representative",
                                                 "chief-safety-representative",
                                                 "union-representative",
                                                 "occupational-health",
                                                 "equality-officer",
                                                 "investigator",
                                                 "exit-interviewer",
                                                 "whistleblowing-function",
                                                 "external-service"};
inline const std::vector<std::string_view> parties{
    "employees", "managers", "safety-representatives", "union-representatives", "hr", "occupational-health", "board"};
inline const std::vector<std::string_view> flags{"client-facing", "lone-work", "violence-risk", "home-working",
                                                 "night-work"};
inline const std::vector<std::string_view> sectors{"public", "private"};
inline const std::vector<std::string_view> routine_kinds{"routine", "policy", "guideline", "plan", "document"};
inline const std::vector<std::string_view> communication_channels{
    "intranet", "staff-handbook", "workplace-meeting", "email", "introduction", "notice-board", "training"};
inline const std::vector<std::string_view> effect_methods{"survey", "incident-statistics", "interviews", "review",
                                                          "other"};
inline const std::vector<std::string_view> effect_outcomes{"effective", "partly-effective", "not-effective", "unknown"};
inline const std::vector<std::string_view> activity_kinds{"training",
                                                          "forum",
                                                          "survey",
                                                          "drill",
                                                          "exit-interview",
                                                          "cooperation-meeting",
                                                          "workplace-meeting",
                                                          "appraisal",
                                                          "risk-assessment",
                                                          "report-to-board",
                                                          "review",
                                                          "safety-committee",
                                                          "other"};
inline const std::vector<std::string_view> channel_kinds{
    "line-manager", "hr",      "safety-representative", "union", "whistleblowing", "digital-form", "phone",
    "in-person",    "external"};
inline const std::vector<std::string_view> survey_topics{
    "harassment", "sexual-harassment", "bullying", "threats-violence", "workload", "cooperation-climate"};
inline const std::vector<std::string_view> case_kinds{"harassment",       "sexual-harassment", "bullying",
                                                      "threats-violence", "whistleblowing",    "other"};
// DL 3 kap. 5 §: the five areas of active measures; plus the work environment at large.
inline const std::vector<std::string_view> risk_areas{"working-conditions", "pay",        "recruitment",
                                                      "training",           "parenthood", "work-environment"};
// DL 1 kap. 4 §: the seven grounds of discrimination.
inline const std::vector<std::string_view> grounds{"sex",        "transgender-identity", "ethnicity", "religion",
                                                   "disability", "sexual-orientation",   "age"};
inline const std::vector<std::string_view> languages{"sv", "nb", "en"};
inline const std::vector<std::string_view> severities{"info", "low", "medium", "high", "critical"};
inline const std::vector<std::string_view> obligations{"law", "regulation", "good-practice"};
inline const std::vector<std::string_view> headcount_bases{"total", "start-of-year", "regular"};

}  // namespace trygg::detail::vocabulary
