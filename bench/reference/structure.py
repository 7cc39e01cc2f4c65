"""Reference implementation of trygg's structural checks in plain Python with networkx.

It reads the same organisation document and gives the same findings as the C++ checks
`independent_route`, `support_within_reach`, `single_point_of_failure` and `impartiality`
(docs/pack-format.md, "Structural checks"), written the straightforward way: networkx's
dominator algorithm on the same route graph, and walks up the trees instead of precomputed
intervals. bench/structure.py asserts that both agree, then times both.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

SUPPORT_ROLES = ["hr-specialist", "safety-representative", "union-representative", "occupational-health",
                 "equality-officer"]


def structural_findings(org: dict[str, Any], max_staff: int = 200) -> dict[str, Any]:
    units = org["units"]
    people = org.get("people", [])
    channels = org.get("channels", [])
    uid = {u["id"]: i for i, u in enumerate(units)}
    pid = {p["id"]: i for i, p in enumerate(people)}
    parent = [uid[u["parent"]] if u.get("parent") is not None else None for u in units]
    manager = [pid[u["manager"]] if u.get("manager") is not None else None for u in units]
    headcount = [u.get("headcount", 0) for u in units]
    children: list[list[int]] = [[] for _ in units]
    for i, p in enumerate(parent):
        if p is not None:
            children[p].append(i)
    root = parent.index(None)
    preorder, stack = [], [root]
    while stack:
        u = stack.pop()
        preorder.append(u)
        stack.extend(reversed(children[u]))

    def ancestors_or_self(u: int | None) -> list[int]:
        out = []
        while u is not None:
            out.append(u)
            u = parent[u]
        return out

    def contains(a: int, u: int) -> bool:
        return a in ancestors_or_self(u)

    line_manager: list[int | None] = [None] * len(units)
    for u in preorder:
        line_manager[u] = manager[u] if manager[u] is not None else (
            line_manager[parent[u]] if parent[u] is not None else None)
    managed: list[list[int]] = [[] for _ in people]
    for u, m in enumerate(manager):
        if m is not None:
            managed[m].append(u)

    def served_by(p: int) -> list[int]:
        person = people[p]
        if person.get("serves"):
            return [uid[s] for s in person["serves"]]
        return [uid[person["unit"]]] if person.get("unit") is not None else []

    # The route graph, reversed, with the same vertices and edges as src/org_graph.cpp.
    g = nx.DiGraph()
    g.add_node("T")
    for u in range(len(units)):
        g.add_edge(("c", u), ("s", u))
        if manager[u] is not None:
            g.add_edge(("c", u), ("m", u))
        if parent[u] is not None:
            g.add_edge(("c", parent[u]), ("c", u))
    for k, ch in enumerate(channels):
        if ch["kind"] == "line-manager":
            open_ = [False] * len(units)
            for x in ch.get("from_units", []) or [units[root]["id"]]:
                open_[uid[x]] = True
            for u in preorder:
                if parent[u] is not None and open_[parent[u]]:
                    open_[u] = True
                if not open_[u]:
                    continue
                if line_manager[u] is not None:
                    g.add_edge(("p", line_manager[u]), ("s", u))
                above = line_manager[parent[u]] if parent[u] is not None else None
                if manager[u] is not None and above is not None:
                    g.add_edge(("p", above), ("m", u))
            continue
        for x in ch.get("from_units", []) or [units[root]["id"]]:
            g.add_edge(("k", k), ("c", uid[x]))
        for r in ch["recipients"]:
            g.add_edge(("p", pid[r]), ("k", k))
    for p in range(len(people)):
        g.add_edge("T", ("p", p))
    idom = nx.immediate_dominators(g, "T")

    def dominators(v: Any) -> set[Any]:
        out = set()
        while v != "T":
            v = idom[v]
            out.add(v)
        return out

    route = []
    for u in preorder:
        own, mgr = line_manager[u], manager[u]
        above = line_manager[parent[u]] if parent[u] is not None else None
        start = ("s", u)
        if start not in idom:
            route.append((units[u]["id"], "route.unit-none", None))
            continue
        doms = dominators(start)
        if own is not None and ("p", own) in doms:
            route.append((units[u]["id"], "route.unit-only-manager", people[own]["id"]))
        elif mgr is not None and ("m", u) not in idom:
            route.append((units[u]["id"], "route.manager-none", None))
        elif mgr is not None and above is not None and above != mgr and ("p", above) in dominators(("m", u)):
            route.append((units[u]["id"], "route.manager-only-own", people[above]["id"]))

    support = []
    nearest: dict[str, list[int | None]] = {}
    for role in SUPPORT_ROLES:
        near: list[int | None] = [None] * len(units)
        for p, person in enumerate(people):
            if role in person.get("roles", []):
                for s in served_by(p):
                    if near[s] is None:
                        near[s] = p
        for u in preorder:
            if near[u] is None and parent[u] is not None:
                near[u] = near[parent[u]]
        nearest[role] = near
    for u in preorder:
        missing = [role for role in SUPPORT_ROLES if nearest[role][u] is None]
        if missing:
            support.append((units[u]["id"], ", ".join(missing)))

    # Single points of failure: staff on whose every route a person stands, and staff for whom
    # a person is the only holder of a support role.
    behind = [0] * len(people)
    for u in range(len(units)):
        if ("s", u) in idom:
            for d in dominators(("s", u)):
                if isinstance(d, tuple) and d[0] == "p":
                    behind[d[1]] += headcount[u]
    roles = ["chief-safety-representative", "equality-officer", "hr-specialist", "occupational-health",
             "safety-representative", "union-representative"]
    sole = [0] * len(people)
    sole_role = [""] * len(people)
    for role in roles:
        holders = [p for p, person in enumerate(people) if role in person.get("roles", [])]
        serving: list[set[int]] = [set() for _ in units]
        for p in holders:
            for s in served_by(p):
                serving[s].add(p)
        staff = [0] * len(people)
        for u in range(len(units)):
            covering = set()
            for a in ancestors_or_self(u):
                covering |= serving[a]
            if len(covering) == 1:
                staff[next(iter(covering))] += headcount[u]
        for p in range(len(people)):
            if staff[p] > sole[p]:
                sole[p], sole_role[p] = staff[p], role
    spof = []
    for p, person in enumerate(people):
        if behind[p] <= max_staff and sole[p] <= max_staff:
            continue
        by_routes = behind[p] >= sole[p]
        spof.append(f"{person['id']} ({behind[p] if by_routes else sole[p]}, {'routes' if by_routes else sole_role[p]})")

    def conflicted(p: int, served: list[int]) -> bool:
        if not served:
            return bool(managed[p])
        return any(contains(m, u) or contains(u, m) for u in served for m in managed[p])

    investigators = [person["id"] for p, person in enumerate(people)
                     if "investigator" in person.get("roles", []) and served_by(p) and conflicted(p, served_by(p))]
    interviews = [a["id"] for a in org.get("activities", [])
                  if a["kind"] == "exit-interview" and a.get("held_by") is not None
                  and conflicted(pid[a["held_by"]], [uid[x] for x in a.get("units", [])])]
    return {"route": sorted(route), "support": sorted(support), "spof": ", ".join(spof),
            "investigators": ", ".join(investigators), "exit_interviews": ", ".join(interviews)}
