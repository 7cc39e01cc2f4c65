"""Disclosure control (docs/privacy.md): the sam-follow-up case table never shows a figure about a
small group, nor one from which such a figure can be worked out by subtraction.

The attacker here knows the organisation's structure and headcounts (they are in the header and
the unit list of the input) and reads the published draft. For every table of one period, kind
and column, and every published figure P, P minus the published figures of the groups nested in
it is the figure of the rest of P's group: that rest must be empty or at least the threshold.
"""

from __future__ import annotations

import copy
import re

import pytest

import trygg

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

AS_OF = "2026-03-01"
WHOLE = "the whole organisation"
PERIODS = [("2025-01-01", "2025-12-31"), ("2025-07-01", "2026-02-28")]
KINDS = ["harassment", "threats-violence"]


def base_org(units: list[dict]) -> dict:
    return {
        "format": "trygg.organisation/1",
        "id": "org-d",
        "country": "SE",
        "flags": [],
        "units": units,
        "routines": [],
        "activities": [],
        "channels": [],
    }


def issue_org() -> dict:
    """The case from the issue: a unit of four with one threats-and-violence case, next to a larger one."""
    d = base_org(
        [
            {"id": "hq", "parent": None, "headcount": 0},
            {"id": "small", "parent": "hq", "headcount": 4},
            {"id": "large", "parent": "hq", "headcount": 26},
        ]
    )
    period = {"from": "2025-01-01", "to": "2025-12-31"}
    d["case_statistics"] = [
        {"id": "cs-org", "period": period, "kind": "threats-violence", "received": 3, "closed": 3},
        {"id": "cs-small", "period": period, "kind": "threats-violence", "unit": "small", "received": 1, "closed": 1},
        {"id": "cs-large", "period": period, "kind": "threats-violence", "unit": "large", "received": 2, "closed": 2},
    ]
    return d


def draft(doc: dict, min_group_size: int | None = None, lang: str = "en") -> str:
    fw = trygg.Framework.builtin()
    if min_group_size is not None:
        fw = fw.with_profile({"format": "trygg.profile/1", "min_group_size": min_group_size})
    org = trygg.Organisation.from_dict(doc, framework=fw)
    return trygg.render_document("sam-follow-up", org, framework=fw, as_of=AS_OF, lang=lang)


def section3(text: str) -> str:
    start = text.index("\n## 3.")
    return text[start : text.index("\n## 4.", start)]


def rows(text: str) -> list[list[str]]:
    out = []
    for line in section3(text).splitlines():
        if line.startswith("| 20"):
            cells = [c.strip() for c in line.strip("|").split(" | ")]
            assert len(cells) == 5, line
            out.append(cells)
    return out


def test_the_issue_case_hides_the_small_unit_and_what_exposes_it():
    text = draft(issue_org())
    got = {r[2]: (r[3], r[4]) for r in rows(text)}
    assert got[WHOLE] == ("3", "3")
    assert "fewer than 5" in got["small"][0]
    # organisation (30) minus large (26) would give small's figure: large is hidden too
    assert not got["large"][0].isdigit()
    assert "1" not in got["small"][0] and "0" not in got["small"][0]
    assert "fewer than 5" in section3(text)
    assert "färre än 5" in section3(draft(issue_org(), lang="sv"))
    assert "færre enn 5" in section3(draft(issue_org(), lang="nb"))


def test_threshold_three_is_allowed_and_two_is_refused():
    got = {r[2]: r[3] for r in rows(draft(issue_org(), min_group_size=3))}
    assert got == {WHOLE: "3", "small": "1", "large": "2"}
    with pytest.raises(trygg.LoadError) as e:
        trygg.Framework.builtin().with_profile({"format": "trygg.profile/1", "min_group_size": 2})
    assert "/min_group_size" in str(e.value)
    assert "at least 3" in str(e.value)


def test_a_suppressed_zero_never_reads_zero():
    d = issue_org()
    for c in d["case_statistics"]:
        c["received"] = 0
        c["closed"] = 0
    for r in rows(draft(d)):
        if r[2] != WHOLE:
            assert r[3] != "0" and r[3] != "" and "hidden" in r[3]


# --- generated organisations ------------------------------------------------------------------


@st.composite
def organisations(draw):
    n = draw(st.integers(1, 10))
    parents = [None] + [draw(st.integers(0, i - 1)) for i in range(1, n)]
    sizes = [draw(st.one_of(st.none(), st.integers(0, 4), st.integers(5, 40))) for _ in range(n)]
    units = []
    for i in range(n):
        u = {"id": f"u{i}", "parent": None if parents[i] is None else f"u{parents[i]}"}
        if sizes[i] is not None:
            u["headcount"] = sizes[i]
        units.append(u)
    d = base_org(units)
    if draw(st.booleans()) and draw(st.booleans()):
        d["headcount"] = {"total": draw(st.integers(0, 80))}
    stats = []
    for pf, pt in PERIODS:
        for kind in KINDS:
            for g in [None, *range(n)]:
                if not draw(st.booleans()):
                    continue
                c = {"id": f"cs{len(stats)}", "period": {"from": pf, "to": pt}, "kind": kind,
                     "received": draw(st.integers(0, 5))}
                if draw(st.booleans()):
                    c["closed"] = draw(st.integers(0, c["received"]))
                if g is not None:
                    c["unit"] = f"u{g}"
                stats.append(c)
    d["case_statistics"] = stats
    return d, parents, sizes


def group_sizes(doc, parents, sizes):
    """Each unit with its subtree; None when any headcount in it is unknown (never guessed)."""
    n = len(parents)
    total = list(sizes)
    for i in range(n - 1, 0, -1):  # children have larger indices than their parents
        p = parents[i]
        total[p] = None if total[i] is None or total[p] is None else total[p] + total[i]
    whole = doc["headcount"]["total"] if "headcount" in doc else total[0]
    return total, whole


def inside(a, b, parents):
    """Whether group a (None = organisation) is strictly inside group b."""
    if a == b:
        return False
    if b is None:
        return True
    if a is None:
        return False
    p = parents[a]
    while p is not None:
        if p == b:
            return True
        p = parents[p]
    return False


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(organisations(), st.sampled_from([3, 5, 7]))
def test_generated_tables_resist_subtraction(case, threshold):
    doc, parents, sizes = case
    if not doc["case_statistics"]:
        return
    subtree, whole = group_sizes(doc, parents, sizes)
    size_of = lambda g: whole if g is None else subtree[g]  # noqa: E731
    text = draft(copy.deepcopy(doc), min_group_size=threshold)
    got = rows(text)
    assert len(got) == len(doc["case_statistics"])
    tables: dict[tuple, list[tuple]] = {}
    for period, kind, unit, received, closed in got:
        g = None if unit == WHOLE else int(unit[1:])
        tables.setdefault((period, kind, "received"), []).append((g, received))
        if closed != "–":
            tables.setdefault((period, kind, "closed"), []).append((g, closed))
    for key, cells in tables.items():
        published = set()
        for g, value in cells:
            s = size_of(g)
            if value.isdigit():
                assert s is not None and s >= threshold, (key, g, value, text)
                published.add(g)
            else:
                assert value and value != "0" and "hidden" in value, (key, g, value)
        for p in published:
            descendants = [q for q in published if inside(q, p, parents)]
            maximal = [q for q in descendants if not any(inside(q, m, parents) for m in descendants)]
            rest = size_of(p) - sum(size_of(q) for q in maximal)
            assert rest == 0 or rest >= threshold, (key, p, maximal, rest, section3(text))


def test_the_rule_is_stated_under_the_table():
    assert re.search(r"Figures about fewer than 5 people are not shown", draft(issue_org()))
