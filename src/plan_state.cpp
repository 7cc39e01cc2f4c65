// SPDX-License-Identifier: MIT
// The state of each proposal in the organisation's own plan (docs/history.md, "The action
// plan's round trip"). A proposal exists only while trygg still sees a finding for its
// measure, so a proposal whose rows are all done is "done, effect not seen": the work was
// done and the gap is still there.
#include "plan_state.hpp"

#include <algorithm>
#include <unordered_set>

#include "trygg/message.hpp"

namespace trygg {

std::string_view to_string(PlanState state) noexcept {
  switch (state) {
    case PlanState::not_planned:
      return "not-planned";
    case PlanState::planned:
      return "planned";
    case PlanState::overdue:
      return "overdue";
    case PlanState::done:
      return "done";
    case PlanState::verified:
      return "verified";
  }
  return "not-planned";
}

namespace detail {
namespace {

bool on_or_before(const std::optional<Date>& d, Date as_of) {
  return d && *d <= as_of;
}

}  // namespace

void plan_states(Report& report, const Organisation& org) {
  const Date as_of = report.as_of;
  PlanProgress& progress = report.plan_progress;
  progress = PlanProgress{};
  progress.reported = org.has_action_plan;
  progress.items = org.action_plan.size();
  for (const ActionItem& a : org.action_plan) {
    // As the action_items check counts: a row is done once its done date has come, overdue
    // when it is not done and its due date has passed.
    const bool done = on_or_before(a.done, as_of);
    if (done) ++progress.done;
    if (done && on_or_before(a.verified, as_of)) ++progress.verified;
    if (!done && a.due && *a.due < as_of) ++progress.overdue;
  }
  if (org.action_plan.empty()) return;

  for (ActionPlanEntry& e : report.action_plan) {
    const std::unordered_set<std::uint64_t> prints(e.fingerprints.begin(), e.fingerprints.end());
    std::vector<const ActionItem*> linked;
    for (const ActionItem& a : org.action_plan) {
      const bool by_measure = a.measure == e.measure;
      const bool by_print = std::any_of(a.fingerprints.begin(), a.fingerprints.end(),
                                        [&](std::uint64_t f) { return prints.count(f) != 0; });
      if (by_measure || by_print) linked.push_back(&a);
    }
    e.items.clear();
    e.owner.clear();
    e.planned_due.reset();
    if (linked.empty()) {
      e.state = PlanState::not_planned;
      continue;
    }
    for (const ActionItem* a : linked)
      e.items.push_back(a->id);
    // The row that decides: the first overdue one; else the open row due first; else (all
    // done) the one done last, whose date tells when the work ended.
    const ActionItem* decides = nullptr;
    bool all_done = true, all_verified = true;
    for (const ActionItem* a : linked) {
      const bool done = on_or_before(a->done, as_of);
      all_done = all_done && done;
      all_verified = all_verified && done && on_or_before(a->verified, as_of);
    }
    if (all_done) {
      e.state = all_verified ? PlanState::verified : PlanState::done;
      decides = *std::max_element(linked.begin(), linked.end(),
                                  [](const ActionItem* x, const ActionItem* y) { return *x->done < *y->done; });
    } else {
      for (const ActionItem* a : linked)
        if (!on_or_before(a->done, as_of) && a->due && *a->due < as_of) {
          decides = a;
          break;
        }
      if (decides) {
        e.state = PlanState::overdue;
      } else {
        e.state = PlanState::planned;
        for (const ActionItem* a : linked) {
          if (on_or_before(a->done, as_of)) continue;
          // An open row with a due date beats one without; among those, the earliest.
          if (!decides || (a->due && (!decides->due || *a->due < *decides->due))) decides = a;
        }
      }
    }
    if (decides->owner != no_index) e.owner = org.people[decides->owner].id;
    e.planned_due = decides->due;
  }
}

std::string plan_state_word(PlanState state, Language lang) {
  return render(Message{"plan-state." + std::string(to_string(state))}, lang);
}

std::string plan_progress_line(const PlanProgress& p, Language lang) {
  return render(Message{"plan-state.progress",
                        {{"items", std::to_string(p.items)},
                         {"done", std::to_string(p.done)},
                         {"verified", std::to_string(p.verified)},
                         {"overdue", std::to_string(p.overdue)}}},
                lang);
}

std::string plan_state_label(const ActionPlanEntry& e, Language lang) {
  std::string label = plan_state_word(e.state, lang);
  if (e.state != PlanState::planned && e.state != PlanState::overdue) return label;
  const std::string due = e.planned_due ? e.planned_due->to_string() : "";
  std::string who;
  if (!e.owner.empty() && !due.empty())
    who = render(Message{"plan-state.owner-due", {{"owner", e.owner}, {"due", due}}}, lang);
  else if (!e.owner.empty())
    who = render(Message{"plan-state.owner", {{"owner", e.owner}}}, lang);
  else if (!due.empty())
    who = render(Message{"plan-state.due", {{"due", due}}}, lang);
  return who.empty() ? label : label + " (" + who + ")";
}

}  // namespace detail
}  // namespace trygg
