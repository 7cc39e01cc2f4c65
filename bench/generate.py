#!/usr/bin/env python3
"""Generate a synthetic organisation in the input format trygg.organisation/1.

Deterministic for a given size and seed. The shape follows a large municipality: a root,
administrations, departments and units (fan-out about 8), a manager per unit, support roles
spread over the tree, organisation-wide routines for most measures, local routines that cover
only some subtrees (so coverage has gaps to find), activities with participants, and channels.

Usage: python3 bench/generate.py UNITS OUT.json [--seed N]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def measures() -> list[dict]:
    return json.loads((ROOT / "data" / "packs" / "base.json").read_text(encoding="utf-8"))["measures"]


def generate(units: int, seed: int = 1) -> dict:
    rng = random.Random(seed)
    ms = measures()
    unit_list = [{"id": "u-0", "parent": None, "headcount": rng.randint(5, 40), "manager": "p-m0"}]
    people = [{"id": "p-m0", "unit": "u-0", "roles": ["manager"]}]
    # Breadth-first tree with fan-out 8: deep and wide at once.
    for i in range(1, units):
        parent = (i - 1) // 8
        unit = {"id": f"u-{i}", "parent": f"u-{parent}", "headcount": rng.randint(5, 40), "manager": f"p-m{i}"}
        if i > 8 and i % 7 == 0:
            del unit["manager"]  # led from the unit above: its line manager is inherited
        unit_list.append(unit)
        people.append({"id": f"p-m{i}", "unit": f"u-{i}", "roles": ["manager"]})
    admins = [f"u-{i}" for i in range(1, min(units, 9))] or ["u-0"]
    for k in range(max(1, units // 200)):
        # HR specialists serve an administration each (the first ones), the rest a random unit.
        serves = admins[k] if k < len(admins) else f"u-{rng.randrange(units)}"
        people.append({"id": f"p-hr{k}", "unit": "u-0", "roles": ["hr-specialist"], "serves": [serves]})
    for k in range(max(1, units // 10)):
        u = rng.randrange(units)
        people.append({"id": f"p-sr{k}", "unit": f"u-{u}", "roles": ["safety-representative"]})
    people.append({"id": "p-oh", "roles": ["occupational-health"], "external": True, "serves": ["u-0"]})

    routines = []
    for n, m in enumerate(ms):
        r = {"id": f"r-{m['id']}", "measures": [m["id"]], "written": rng.random() < 0.8,
             "owner": f"p-hr{n % max(1, units // 200)}", "adopted": "2024-01-15",
             "last_reviewed": rng.choice(["2025-03-01", "2026-02-01", "2026-09-15"]),
             "participation": rng.sample(["employees", "safety-representatives", "managers", "hr"], 2),
             "communicated": {"date": "2026-02-10", "channels": ["intranet"]}}
        if m.get("elements"):
            r["elements"] = [e["id"] for e in m["elements"] if rng.random() < 0.8]
        if rng.random() < 0.3:
            r["effect_followed_up"] = {"date": "2026-06-01", "method": "survey"}
        # Some measures are carried by local routines covering a few subtrees only.
        if rng.random() < 0.3:
            r["units"] = [f"u-{rng.randrange(1, units)}" for _ in range(max(1, units // 50))]
            r["units"] = sorted(set(r["units"]), key=lambda s: int(s[2:]))
        routines.append(r)
    for i in range(0, units, 5):  # local routines (e.g. unit-level violence routines)
        routines.append({"id": f"r-local-{i}", "measures": ["ORG-08"], "units": [f"u-{i}"], "written": True,
                         "owner": f"p-m{i}", "adopted": "2025-05-01"})

    activities = []
    managers = [f"p-m{i}" for i in range(units)]
    activities.append({"id": "a-lead-05", "kind": "training", "measures": ["LEAD-05"], "date": "2026-04-01",
                       "audience": "managers", "participants": [p for p in managers if rng.random() < 0.85]})
    for i in range(units):
        if rng.random() < 0.5:
            activities.append({"id": f"a-apt-{i}", "kind": "workplace-meeting", "measures": ["SIG-03", "FORUM-04"],
                               "date": "2026-05-0" + str(rng.randint(1, 9)), "units": [f"u-{i}"],
                               "reached": 10, "eligible": 12})
    # Structure for the structural checks: everyone may report to their line manager; each
    # administration (a child of the root) has its own HR channel, except the last two; the
    # whistleblowing function serves the first six. So the last two administrations' units can
    # only go to their managers, and one HR specialist may stand behind a whole administration.
    channels = [{"id": "c-lm", "kind": "line-manager", "recipients": ["p-m0"], "measures": ["SIG-01"]},
                {"id": "c-wb", "kind": "whistleblowing", "recipients": ["p-oh"], "anonymous": True,
                 "acknowledge_within": "P7D", "feedback_within": "P3M", "from_units": admins[:6]}]
    hr = [p for p in people if "hr-specialist" in p["roles"]]
    for k, admin in enumerate(admins[:-2] if len(admins) > 2 else admins):
        recipients = sorted({hr[k % len(hr)]["id"], hr[(k * 7 + 3) % len(hr)]["id"]})
        if k % 3 == 0:
            recipients = recipients[:1]  # a sole recipient: a single point of failure
        channels.append({"id": f"c-hr-{k}", "kind": "hr", "from_units": [admin], "recipients": recipients,
                         "measures": ["SIG-01"]})
    if len(admins) >= 8:
        # The last administration may also go to the top manager, who is its manager's manager.
        channels.append({"id": "c-top", "kind": "in-person", "from_units": [admins[-1]], "recipients": ["p-m0"]})
    people.append({"id": "p-eq", "unit": "u-0", "roles": ["equality-officer"]})
    for k in range(max(1, units // 100)):
        people.append({"id": f"p-un{k}", "unit": "u-0", "roles": ["union-representative"],
                       "serves": [admins[k % len(admins)]]})
    # Investigators: HR staff, and some managers who investigate where they also manage.
    for k in range(max(1, units // 500)):
        hr[k % len(hr)]["roles"].append("investigator") if "investigator" not in hr[k % len(hr)]["roles"] else None
        m = people[rng.randrange(units)]
        if "investigator" not in m["roles"]:
            m["roles"].append("investigator")
            m["serves"] = [f"u-{max(0, (int(m['unit'][2:]) - 1) // 8)}"]
    for k in range(max(1, units // 50)):
        u = rng.randrange(units)
        held_by = f"p-m{u}" if rng.random() < 0.2 else hr[k % len(hr)]["id"]
        activities.append({"id": f"a-exit-{k}", "kind": "exit-interview", "measures": ["SIG-04"],
                           "date": "2026-03-0" + str(rng.randint(1, 9)), "units": [f"u-{u}"], "held_by": held_by})
    return {"format": "trygg.organisation/1", "id": f"synthetic-{units}", "country": "SE", "sector": "public",
            "flags": ["client-facing", "home-working"], "units": unit_list, "people": people,
            # Every holder of every role is generated, so the list is complete for all of them.
            "reported_roles": ["manager", "hr-specialist", "safety-representative", "chief-safety-representative",
                               "union-representative", "occupational-health", "equality-officer", "investigator",
                               "exit-interviewer", "whistleblowing-function", "external-service"],
            "routines": routines, "activities": activities, "channels": channels, "surveys": [],
            "case_statistics": [], "action_plan": []}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("units", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    a.out.write_text(json.dumps(generate(a.units, a.seed), separators=(",", ":")), encoding="utf-8")


if __name__ == "__main__":
    main()
