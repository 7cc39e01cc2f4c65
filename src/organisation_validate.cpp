// SPDX-License-Identifier: MIT
// Organisations built or edited in code are checked like files (issue 12): `validate` runs the
// loader itself on the document form, so the rules and the diagnostics are the loader's, with
// JSON Pointers into the equivalent document. The document form can only be written once every
// reference is an index in range, so that is checked first, natively. audit() runs the cheap,
// linear part that keeps it from misbehaving (references in range, one root, no cycle, known
// measures and elements, unique ids) on every call.
#include <algorithm>

#include "json_diagnostics.hpp"
#include "trygg/detail/id_index.hpp"
#include "trygg/organisation.hpp"

namespace trygg {
namespace {

using detail::Diagnostics;

std::string at(const char* list, std::size_t i, const std::string& field) {
  return std::string("/") + list + "/" + std::to_string(i) + "/" + field;
}

/// Every reference is an index into its collection, or no_index where the field is optional.
class References {
 public:
  References(const Organisation& org, Diagnostics& d) : org_(org), d_(d) {}

  void check() {
    const auto units = org_.units.size(), people = org_.people.size();
    for (std::size_t i = 0; i < org_.units.size(); ++i) {
      one(at("units", i, "parent"), org_.units[i].parent, units, "unit");
      one(at("units", i, "manager"), org_.units[i].manager, people, "person");
    }
    for (std::size_t i = 0; i < org_.people.size(); ++i) {
      one(at("people", i, "unit"), org_.people[i].unit, units, "unit");
      many(at("people", i, "serves"), org_.people[i].serves, units, "unit");
    }
    for (std::size_t i = 0; i < org_.routines.size(); ++i) {
      many(at("routines", i, "units"), org_.routines[i].units, units, "unit");
      one(at("routines", i, "owner"), org_.routines[i].owner, people, "person");
    }
    for (std::size_t i = 0; i < org_.activities.size(); ++i) {
      const auto& a = org_.activities[i];
      many(at("activities", i, "units"), a.units, units, "unit");
      many(at("activities", i, "participants"), a.participants, people, "person");
      one(at("activities", i, "held_by"), a.held_by, people, "person");
    }
    for (std::size_t i = 0; i < org_.channels.size(); ++i) {
      many(at("channels", i, "from_units"), org_.channels[i].from_units, units, "unit");
      many(at("channels", i, "recipients"), org_.channels[i].recipients, people, "person");
    }
    for (std::size_t i = 0; i < org_.surveys.size(); ++i)
      one(at("surveys", i, "unit"), org_.surveys[i].unit, units, "unit");
    for (std::size_t i = 0; i < org_.case_statistics.size(); ++i) {
      one(at("case_statistics", i, "channel"), org_.case_statistics[i].channel, org_.channels.size(), "channel");
      one(at("case_statistics", i, "unit"), org_.case_statistics[i].unit, units, "unit");
    }
    for (std::size_t i = 0; i < org_.risks.size(); ++i)
      one(at("risks", i, "unit"), org_.risks[i].unit, units, "unit");
    for (std::size_t i = 0; i < org_.action_plan.size(); ++i) {
      one(at("action_plan", i, "owner"), org_.action_plan[i].owner, people, "person");
      one(at("action_plan", i, "risk"), org_.action_plan[i].risk, org_.risks.size(), "risk");
    }
  }

 private:
  void one(const std::string& pointer, Index i, std::size_t size, const char* what) {
    if (i == no_index || i < size) return;
    d_.add(pointer, std::string("the index of a ") + what + " (below " + std::to_string(size) + ") or none",
           "index " + std::to_string(i));
  }
  void many(const std::string& pointer, const std::vector<Index>& v, std::size_t size, const char* what) {
    for (std::size_t k = 0; k < v.size(); ++k)
      if (v[k] == no_index || v[k] >= size)
        d_.add(pointer + "/" + std::to_string(k),
               std::string("the index of a ") + what + " (below " + std::to_string(size) + ")",
               v[k] == no_index ? std::string("no index") : "index " + std::to_string(v[k]));
  }
  const Organisation& org_;
  Diagnostics& d_;
};

template <class T>
void unique_ids(const std::vector<T>& list, const char* name, Diagnostics& d) {
  detail::IdIndex index;
  index.reset(list.size());
  const auto id_of = [&list](Index i) -> std::string_view { return list[i].id; };
  for (Index i = 0; i < list.size(); ++i) {
    const auto [first, fresh] = index.insert(list[i].id, i, id_of);
    if (!fresh)
      d.add(at(name, i, "id"), std::string("an id not used by another entry of ") + name,
            "\"" + list[i].id + "\", also at /" + name + "/" + std::to_string(first) + "/id");
  }
}

void known_measures(const std::vector<std::string>& ids, const std::string& pointer, const Framework& fw,
                    Diagnostics& d) {
  for (std::size_t k = 0; k < ids.size(); ++k)
    if (!fw.find_measure(ids[k]))
      d.add(pointer + "/" + std::to_string(k), "the id of a measure in the framework", "\"" + ids[k] + "\"");
}

}  // namespace

namespace detail {

void check_unit_tree(const Organisation& org, Diagnostics& d) {
  const std::size_t before = d.count();
  // Colour walk: 0 unseen, 1 on the current path, 2 known to reach the root.
  std::vector<char> state(org.units.size(), 0);
  for (Index start = 0; start < org.units.size(); ++start) {
    std::vector<Index> path;
    Index u = start;
    while (u != no_index && state[u] == 0) {
      state[u] = 1;
      path.push_back(u);
      u = org.units[u].parent;
    }
    if (u != no_index && state[u] == 1) {
      std::string cycle;
      const auto from = std::find(path.begin(), path.end(), u);
      for (auto it = from; it != path.end(); ++it)
        cycle += org.units[*it].id + " -> ";
      cycle += org.units[u].id;
      d.add("/units/" + std::to_string(u) + "/parent", "a parent chain that ends at the root",
            u == org.units[u].parent ? "a unit that is its own parent" : "the cycle " + cycle);
    }
    for (auto x : path)
      state[x] = 2;
  }
  if (d.count() > before) return;  // a cycle leaves no root; the cycle says more
  std::vector<Index> roots;
  for (Index i = 0; i < org.units.size(); ++i)
    if (org.units[i].parent == no_index) roots.push_back(i);
  if (roots.empty()) {
    d.add("/units", "exactly one unit without a parent (the root)", "no unit without a parent");
  } else if (roots.size() > 1) {
    d.add("/units/" + std::to_string(roots[1]) + "/parent", "exactly one unit without a parent (the root)",
          std::to_string(roots.size()) + " units without a parent, the first \"" + org.units[roots[0]].id + "\"");
  }
}

/// What audit() needs to hold; throws LoadError naming `file`.
void require_auditable(const Organisation& org, const Framework& fw, const std::string& file) {
  Diagnostics d(file);
  References(org, d).check();
  d.throw_if_any();
  if (org.units.empty())
    d.add("/units", "an array of at least one unit", "an empty array");
  else
    check_unit_tree(org, d);
  unique_ids(org.units, "units", d);
  unique_ids(org.people, "people", d);
  unique_ids(org.channels, "channels", d);
  for (std::size_t i = 0; i < org.routines.size(); ++i) {
    const auto& r = org.routines[i];
    known_measures(r.measures, at("routines", i, "measures"), fw, d);
    if (!r.elements) continue;
    for (std::size_t k = 0; k < r.elements->size(); ++k) {
      const auto& e = (*r.elements)[k];
      if (std::none_of(r.measures.begin(), r.measures.end(), [&](const std::string& m) {
            const Measure* measure = fw.find_measure(m);
            return measure && measure->find_element(e);
          }))
        d.add(at("routines", i, "elements") + "/" + std::to_string(k), "an element of the routine's measures",
              "\"" + e + "\"");
    }
  }
  for (std::size_t i = 0; i < org.activities.size(); ++i)
    known_measures(org.activities[i].measures, at("activities", i, "measures"), fw, d);
  for (std::size_t i = 0; i < org.channels.size(); ++i)
    known_measures(org.channels[i].measures, at("channels", i, "measures"), fw, d);
  for (std::size_t i = 0; i < org.surveys.size(); ++i)
    known_measures(org.surveys[i].measures, at("surveys", i, "measures"), fw, d);
  d.throw_if_any();
}

}  // namespace detail

void Organisation::validate(const Framework& framework, const std::string& file) const {
  Diagnostics d(file);
  References(*this, d).check();
  d.throw_if_any();
  // Every reference resolves, so the document form can be written; the loader then checks it
  // exactly as it checks a file.
  (void)from_json(to_json(), framework, file);
}

}  // namespace trygg
