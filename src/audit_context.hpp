// SPDX-License-Identifier: MIT
/// \file audit_context.hpp
/// Internal: what an audit computes once per organisation and shares with every check,
/// so that each pass over the organisation stays linear in its size.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "checks/check.hpp"
#include "trygg/check.hpp"
#include "trygg/framework.hpp"
#include "trygg/organisation.hpp"
#include "trygg/report.hpp"

namespace trygg::detail {

class OrgGraph;

/// Precomputed views of one organisation under one framework.
class AuditContext {
 public:
  AuditContext(const Organisation& org, const Framework& fw, Date as_of);
  ~AuditContext();

  const Organisation& org;
  const Framework& fw;
  Date as_of;

  /// Units in pre-order (every parent before its children).
  const std::vector<Index>& preorder() const noexcept { return preorder_; }
  /// Implementers of each measure, indexed like Framework::measures(). Placeholder routines
  /// (the blank template) implement nothing. A survey naming a measure is a dated occurrence
  /// of it.
  const std::vector<Index>& routines_of(std::size_t measure) const { return routines_by_measure_[measure]; }
  const std::vector<Index>& activities_of(std::size_t measure) const { return activities_by_measure_[measure]; }
  const std::vector<Index>& channels_of(std::size_t measure) const { return channels_by_measure_[measure]; }
  const std::vector<Index>& surveys_of(std::size_t measure) const { return surveys_by_measure_[measure]; }

  /// Mark every unit covered by a set of "units" lists (each unit with its subtree; an
  /// empty list covers the whole organisation). Linear in the number of units.
  std::vector<char> coverage(const std::vector<const std::vector<Index>*>& unit_lists) const;
  /// An uncovered unit: either the top of a subtree with no coverage at all, or a unit
  /// that is itself uncovered although some units below it are covered.
  struct Gap {
    Index unit;
    bool whole_subtree;
  };
  /// The gaps in a coverage, in pre-order.
  std::vector<Gap> coverage_gaps(const std::vector<char>& covered) const;
  /// The organisation graph, built on first use: only the structural checks need it.
  /// Not thread-safe; an audit uses its context from one thread.
  const OrgGraph& graph() const;
  /// Indices of the people who manage a unit or hold the manager role.
  const std::vector<Index>& managers() const noexcept { return managers_; }

  std::string routine_pointer(Index i) const { return "/routines/" + std::to_string(i); }
  std::string activity_pointer(Index i) const { return "/activities/" + std::to_string(i); }
  std::string channel_pointer(Index i) const { return "/channels/" + std::to_string(i); }
  std::string survey_pointer(Index i) const { return "/surveys/" + std::to_string(i); }
  std::string unit_pointer(Index i) const { return "/units/" + std::to_string(i); }

 private:
  std::vector<Index> preorder_;
  std::vector<std::vector<Index>> routines_by_measure_, activities_by_measure_, channels_by_measure_,
      surveys_by_measure_;
  std::vector<Index> managers_;
  mutable std::unique_ptr<OrgGraph> graph_;
};

}  // namespace trygg::detail
