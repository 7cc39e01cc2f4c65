#!/usr/bin/env python3
"""Generate a national employer register's mix of organisations, one JSON document a line.

The sizes follow an employer register (docs/performance.md, "Register mix"): 70 % of employers
have one unit, 25 % two to five, about 5 % six to fifty, and one in a thousand about a thousand
units. Each organisation is a complete document in the input format trygg.organisation/1, as a
small company, a school or a municipality would write it: a mix of Swedish and Norwegian,
public and private employers; managers, safety representatives, HR, union representatives,
occupational health, investigators and exit interviewers; routines with elements, owners and
dates, and gaps (routines without elements or owner, missing reviews, units nobody serves);
activities, channels, surveys and case figures; flags in all three forms; reported roles
complete, partial or absent. Every document loads with trygg::Framework::builtin().

Deterministic: organisation i of seed s is the same whatever COUNT is, so a longer file
extends a shorter one. The benchmarks (bench_register_mix.cpp, register_mix_python.py) read
the COUNT distinct documents and cycle through them to reach their N organisations.

Usage: python3 bench/register_mix.py COUNT OUT.jsonl [--seed N]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

ROLES = ["manager", "hr-specialist", "safety-representative", "chief-safety-representative", "union-representative",
         "occupational-health", "equality-officer", "investigator", "exit-interviewer", "whistleblowing-function",
         "external-service"]
FLAGS = ["client-facing", "lone-work", "violence-risk", "home-working", "night-work"]
ROUTINE_KINDS = ["routine", "policy", "guideline", "plan", "document"]
PARTICIPATION = ["employees", "managers", "safety-representatives", "union-representatives", "hr",
                 "occupational-health", "board"]
COMM_CHANNELS = ["intranet", "staff-handbook", "workplace-meeting", "email", "introduction", "notice-board", "training"]
AUDIENCES = ["all-staff", "managers", "employees", "safety-representatives", "hr"]
TOPICS = ["harassment", "sexual-harassment", "bullying", "threats-violence", "workload", "cooperation-climate"]
CASE_KINDS = ["harassment", "sexual-harassment", "bullying", "threats-violence", "whistleblowing", "other"]
# Unit names by country, for display only (never people).
UNIT_NAMES = {"SE": ["Ledning", "Administration", "Produktion", "Försäljning", "Lager", "Kundtjänst", "Ekonomi",
                     "Skola", "Förskola", "Hemtjänst", "Vårdavdelning", "Verkstad"],
              "NO": ["Ledelse", "Administrasjon", "Produksjon", "Salg", "Lager", "Kundeservice", "Økonomi",
                     "Skole", "Barnehage", "Hjemmetjeneste", "Sengepost", "Verksted"]}


def base_measures() -> list[dict]:
    return json.loads((ROOT / "data" / "packs" / "base.json").read_text(encoding="utf-8"))["measures"]


def units_for(i: int, rng: random.Random) -> int:
    """The register's size classes; one organisation in a thousand is a large employer."""
    if i % 1000 == 999:
        return rng.randint(900, 1100)
    x = rng.random() * 0.999
    if x < 0.70:
        return 1
    if x < 0.95:
        return rng.randint(2, 5)
    # 6..50, most near the lower end, as in a register.
    return min(50, 6 + int(rng.expovariate(1 / 8)))


def date(rng: random.Random, first_year: int = 2021, last_year: int = 2026) -> str:
    return f"{rng.randint(first_year, last_year)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def organisation(i: int, seed: int, measures: list[dict]) -> dict:
    rng = random.Random(seed * 1_000_003 + i)
    n = units_for(i, rng)
    country = "SE" if rng.random() < 0.6 else "NO"
    public = rng.random() < (0.8 if n >= 50 else 0.15)
    names = UNIT_NAMES[country]

    # The unit tree: a root and each later unit under an earlier one (wide near the top).
    units = [{"id": "u0", "name": "Huvudkontor" if country == "SE" else "Hovedkontor"}]
    for k in range(1, n):
        parent = rng.randrange(0, max(1, min(k, 1 + k // 4)))
        units.append({"id": f"u{k}", "name": f"{rng.choice(names)} {k}", "parent": f"u{parent}"})
    people: list[dict] = []
    for k, u in enumerate(units):
        if rng.random() < 0.9:
            u["headcount"] = rng.randint(1, 12) if n == 1 and rng.random() < 0.5 else rng.randint(2, 60)
        if rng.random() < 0.15:
            u["workplace"] = True
        # Most units have a manager; some are led from the unit above, some managers lead two.
        if k == 0 or rng.random() < 0.85:
            if k > 1 and rng.random() < 0.1:
                u["manager"] = units[rng.randrange(1, k)].get("manager", "p0")
            else:
                pid = f"p{len(people)}"
                people.append({"id": pid, "unit": u["id"], "roles": ["manager"]})
                u["manager"] = pid
    if "manager" not in units[0]:
        units[0]["manager"] = "p0"
    staff = sum(u.get("headcount", 0) for u in units)

    def person(roles: list[str], unit: str | None = "u0", **extra) -> str:
        pid = f"p{len(people)}"
        p = {"id": pid, "roles": roles}
        if unit is not None:
            p["unit"] = unit
        p.update(extra)
        people.append(p)
        return pid

    # Support roles, more of them in larger organisations; some units have nobody near.
    safety = [person(["safety-representative"], f"u{rng.randrange(n)}")
              for _ in range(rng.randint(0, 1) if n == 1 else max(1, n // 8))]
    if n >= 6 and rng.random() < 0.7:
        person(["chief-safety-representative"])
    hr = [person(["hr-specialist"] + (["investigator"] if k == 0 and rng.random() < 0.6 else []),
                 serves=[f"u{rng.randrange(n)}"] if k > 0 else ["u0"])
          for k in range(0 if n < 6 and rng.random() < 0.7 else max(1, n // 40))]
    unions = [person(["union-representative"], serves=[f"u{rng.randrange(n)}"])
              for _ in range(1 if rng.random() < (0.8 if public else 0.3) else 0)]
    oh = person(["occupational-health", "external-service"], None, external=True, serves=["u0"]) \
        if rng.random() < (0.9 if public else 0.5) else None
    if n >= 6 and rng.random() < 0.5:
        person(["equality-officer"])
    if rng.random() < 0.2 and len(people) > 1:
        # A manager who also investigates in their own unit: a conflict for impartiality.
        m = people[rng.randrange(len(people))]
        if "investigator" not in m["roles"]:
            m["roles"].append("investigator")
    exit_interviewer = person(["exit-interviewer"]) if n >= 6 and rng.random() < 0.6 else None
    wb = person(["whistleblowing-function"], None, external=True) if staff >= 50 and rng.random() < 0.8 else None
    managers = [p["id"] for p in people if "manager" in p["roles"]]

    # Routines: larger and public employers write more of them; some states no elements, some
    # has no owner or a null owner, some were never reviewed.
    share = 0.15 + 0.5 * min(1.0, n / 50) + (0.15 if public else 0.0)
    routines = []
    for m in measures:
        if rng.random() >= share:
            continue
        r: dict = {"id": f"r-{m['id'].lower()}", "kind": rng.choice(ROUTINE_KINDS), "measures": [m["id"]]}
        if rng.random() < 0.7:
            r["title"] = f"{m['id']} {'rutin' if country == 'SE' else 'rutine'}"
        if m.get("elements") and rng.random() < 0.75:
            r["elements"] = [e["id"] for e in m["elements"] if rng.random() < 0.7]
        x = rng.random()
        if x < 0.7:
            r["owner"] = rng.choice(managers + hr)
        elif x < 0.8:
            r["owner"] = None
        if rng.random() < 0.85:
            r["written"] = rng.random() < 0.85
        if rng.random() < 0.8:
            r["adopted"] = date(rng, 2018, 2024)
        if rng.random() < 0.6:
            r["last_reviewed"] = date(rng, 2025, 2026)  # after any adoption above
            if rng.random() < 0.5:
                r["review_interval"] = rng.choice(["P1Y", "P2Y", "P6M"])
        if rng.random() < 0.4:
            r["participation"] = rng.sample(PARTICIPATION, rng.randint(1, 3))
        if rng.random() < 0.5:
            r["communicated"] = {"date": date(rng, 2024, 2026), "channels": rng.sample(COMM_CHANNELS, rng.randint(1, 2)),
                                 "audiences": ["all-staff"]}
        if rng.random() < 0.2:
            r["effect_followed_up"] = {"date": date(rng, 2025, 2026), "method": rng.choice(["survey", "review"]),
                                       "outcome": rng.choice(["effective", "partly-effective", "unknown"])}
        if n > 1 and rng.random() < 0.2:
            r["units"] = sorted({f"u{rng.randrange(n)}" for _ in range(max(1, n // 10))}, key=lambda s: int(s[1:]))
        routines.append(r)

    activities = []
    if rng.random() < 0.6:
        activities.append({"id": "a-training", "kind": "training", "measures": ["LEAD-05"], "date": date(rng, 2025, 2026),
                           "audience": "managers",
                           "participants": [p for p in managers if rng.random() < 0.8]})
    for k, u in enumerate(units):
        if rng.random() < 0.4:
            a = {"id": f"a-apt-{k}", "kind": "workplace-meeting", "measures": ["SIG-03", "FORUM-04"],
                 "date": date(rng, 2025, 2026), "units": [u["id"]]}
            if "headcount" in u:
                a["eligible"] = u["headcount"]
                a["reached"] = rng.randint(0, u["headcount"])
            activities.append(a)
    if rng.random() < 0.5:
        activities.append({"id": "a-risk", "kind": "risk-assessment", "measures": ["ORG-01"], "date": date(rng)})
    for k in range(rng.randint(0, 2) + n // 100):
        held = exit_interviewer or rng.choice(managers)
        activities.append({"id": f"a-exit-{k}", "kind": "exit-interview", "measures": ["SIG-04"], "date": date(rng),
                           "units": [f"u{rng.randrange(n)}"], "held_by": held})

    channels = [{"id": "c-lm", "kind": "line-manager", "recipients": managers[:3], "oral": True,
                 "measures": ["SIG-01"]}] if rng.random() < 0.9 else []
    if hr:
        channels.append({"id": "c-hr", "kind": "hr", "recipients": hr[:2], "written": True, "oral": True,
                         "acknowledge_within": "P7D", "feedback_within": "P3M", "measures": ["SIG-01"]})
    unit_of = {p["id"]: p.get("unit") for p in people}
    if safety and rng.random() < 0.6:
        channels.append({"id": "c-sr", "kind": "safety-representative", "recipients": safety[:2],
                         "from_units": sorted({unit_of[s] for s in safety[:2]}, key=lambda s: int(s[1:]))})
    if unions:
        channels.append({"id": "c-union", "kind": "union", "recipients": unions})
    if wb:
        channels.append({"id": "c-wb", "kind": "whistleblowing", "recipients": [wb], "anonymous": True,
                         "written": True, "acknowledge_within": "P7D", "feedback_within": "P3M",
                         "measures": ["SIG-01"]})
    if oh and rng.random() < 0.3:
        channels.append({"id": "c-oh", "kind": "external", "recipients": [oh]})

    doc: dict = {"format": "trygg.organisation/1", "id": f"org-{seed}-{i}", "country": country,
                 "sector": "public" if public else "private", "units": units, "people": people}
    if rng.random() < 0.8:
        doc["name"] = f"{'Exempel' if country == 'SE' else 'Eksempel'} {i}"
    if rng.random() < 0.7 and staff:
        doc["headcount"] = {"total": staff, "as_of": date(rng, 2025, 2026)}
        if rng.random() < 0.5:
            doc["headcount"]["regular"] = max(0, staff - rng.randint(0, staff // 5 + 1))
    x = rng.random()
    if x < 0.5:
        doc["flags"] = rng.sample(FLAGS, rng.randint(0, 3))
    elif x < 0.8:
        doc["flags"] = {f: rng.choice([True, False, None]) for f in rng.sample(FLAGS, rng.randint(1, 5))}
    x = rng.random()
    if x < 0.5:
        doc["reported_roles"] = ROLES
    elif x < 0.8:
        doc["reported_roles"] = rng.sample(ROLES, rng.randint(1, 6))
    if routines or rng.random() < 0.5:
        doc["routines"] = routines
    if activities or rng.random() < 0.5:
        doc["activities"] = activities
    if channels or rng.random() < 0.5:
        doc["channels"] = channels
    if staff >= 10 and rng.random() < 0.3:
        invited = staff
        respondents = rng.randint(0, invited)
        topics = rng.sample(TOPICS, rng.randint(1, 4))
        doc["surveys"] = [{"id": "s-1", "date": date(rng, 2025, 2026), "invited": invited, "respondents": respondents,
                           "topics": topics,
                           "results": [{"topic": t, "exposed_share": round(rng.random() * 0.3, 3)} for t in topics],
                           "measures": ["EMP-01"]}]
    if channels and rng.random() < 0.2:
        received = rng.randint(0, 20)
        doc["case_statistics"] = [{"id": "cs-2025", "period": {"from": "2025-01-01", "to": "2025-12-31"},
                                   "channel": channels[0]["id"], "kind": rng.choice(CASE_KINDS),
                                   "received": received, "acknowledged_within_7_days": rng.randint(0, received),
                                   "closed": rng.randint(0, received)}]
    return doc


def write(count: int, out: Path, seed: int = 1) -> None:
    measures = base_measures()
    with out.open("w", encoding="utf-8") as f:
        for i in range(count):
            f.write(json.dumps(organisation(i, seed, measures), separators=(",", ":"), ensure_ascii=False))
            f.write("\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("count", type=int, help="distinct organisations to write")
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    write(a.count, a.out, a.seed)


if __name__ == "__main__":
    main()
