#!/usr/bin/env python3
"""Make the three-year scenario of docs/history.md from the example municipality.

Year 1 (as of 2026-11-22) is examples/organisations/kommun.json as it is. Years 2 and 3 are
that file a year and two years on: every date moves a year at a time (the organisation kept
up its routine work), and then what changed is written down below, one step per line, so a
reader can see why a finding became resolved, new or changed. The output is committed; the
tests run this script again and compare, so the files and this description cannot drift.

    python3 examples/history/make_years.py            # writes kommun-2027.json, kommun-2028.json, waivers.json
    python3 examples/history/make_years.py --check    # exit 1 if the committed files differ

Every id is pseudonymous and the municipality is fictional, as in the example it starts from.
"""

from __future__ import annotations

import copy
import datetime
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
YEAR_1 = HERE.parent / "organisations" / "kommun.json"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def later(value: object, years: int) -> object:
    """Every YYYY-MM-DD string in a document, `years` later (29 February becomes the 28th)."""
    if isinstance(value, dict):
        return {k: later(v, years) for k, v in value.items()}
    if isinstance(value, list):
        return [later(v, years) for v in value]
    if isinstance(value, str) and DATE.match(value):
        d = datetime.date.fromisoformat(value)
        try:
            return d.replace(year=d.year + years).isoformat()
        except ValueError:
            return d.replace(year=d.year + years, day=28).isoformat()
    return value


def routine(doc: dict, routine_id: str) -> dict:
    return next(r for r in doc["routines"] if r["id"] == routine_id)


def year_2(year_1: dict) -> dict:
    doc = later(copy.deepcopy(year_1), 1)
    # The harassment routine gets the route past the nearest manager and its time frames
    # (the organisation's own plan row ap-04 asked for exactly this), so ORG-03/elements and
    # AFS 2023:2 2 kap. 11 § are met.
    r = routine(doc, "r-krankningar")
    r["elements"] += ["alternative-recipient", "timeframes"]
    r["last_reviewed"] = "2027-02-15"
    ap = next(a for a in doc["action_plan"] if a["id"] == "ap-04")
    ap.update({"done": "2027-02-15", "verified": "2027-05-10"})
    # The intranet page and the "where do I turn" guide are reviewed in time this year.
    routine(doc, "r-intranat")["last_reviewed"] = "2027-09-01"
    routine(doc, "r-vart-vander-jag-mig")["last_reviewed"] = "2027-06-01"
    # Management plan the manager training trygg proposed (LEAD-01) in their own plan.
    doc["action_plan"].append({"id": "ap-14", "title": "Chefsutbildning för alla chefer, även nya", "measure": "LEAD-01",
                               "owner": "p-101", "due": "2028-03-31"})
    return doc


def year_3(year_2_doc: dict) -> dict:
    doc = later(copy.deepcopy(year_2_doc), 1)
    # A regression: after a reorganisation of HR the manager-support routine was withdrawn
    # and nothing replaced it yet.
    doc["routines"] = [r for r in doc["routines"] if r["id"] != "r-chefsstod"]
    # Nobody touched the manager-training row of year 2: its deadline stays where it was and
    # has passed.
    next(a for a in doc["action_plan"] if a["id"] == "ap-14")["due"] = "2028-03-31"
    return doc


def waivers() -> dict:
    """One accepted finding, decided in year 2: the value statement (CULT-04, good practice)
    was written without employees beyond their representatives; the organisation accepts that
    until the statement is revised, and the waiver has expired by the year-3 audit."""
    return {"format": "trygg.waivers/1", "waivers": [{
        "rule": "CULT-04/participation",
        "reason": "Värdegrunden togs fram med fackliga företrädare och skyddsombud; alla medarbetare deltar i revideringen "
                  "via arbetsplatsträffar under våren 2028.",
        "decided_by": "hr-director",
        "decided": "2027-10-01",
        "expires": "2028-06-30"}]}


def files() -> dict[str, str]:
    y1 = json.loads(YEAR_1.read_text(encoding="utf-8"))
    y2 = year_2(y1)
    y3 = year_3(y2)
    dump = lambda d: json.dumps(d, ensure_ascii=False, indent=2) + "\n"  # noqa: E731
    return {"kommun-2027.json": dump(y2), "kommun-2028.json": dump(y3), "waivers.json": dump(waivers())}


def main() -> int:
    check = "--check" in sys.argv[1:]
    stale = []
    for name, text in files().items():
        path = HERE / name
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print("out of date (run examples/history/make_years.py):", ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
