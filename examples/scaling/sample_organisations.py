"""Sample organisation files for the scaling examples, tests and benchmarks.

Every document is a copy of one of the two fictional example employers
(examples/organisations/kommun.json and small-company.json) under a new pseudonymous id
("sample-0001", ...). Nothing here describes a real employer or a real person.

    from sample_organisations import write_copies
    paths = write_copies("/tmp/orgs", 20, broken=1)   # 20 valid files and one that does not load
"""

from __future__ import annotations

import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "organisations"
TEMPLATES = ("kommun.json", "small-company.json")

# A file that is JSON but no organisation document: a LoadError for trygg, whatever the path.
BROKEN_TEXT = '{"format": "trygg.organisation/1", "id": "sample-broken", "units": "not a list"}\n'


def templates() -> list[dict]:
    """The two example documents, parsed."""
    return [json.loads((EXAMPLES / name).read_text(encoding="utf-8")) for name in TEMPLATES]


def copies(count: int, prefix: str = "sample") -> list[dict]:
    """``count`` documents: the examples in turn (kommun, small company, kommun, ...), each with
    its own id ``{prefix}-0001`` ... and the example's name with the same number."""
    bases = templates()
    out = []
    for i in range(count):
        doc = json.loads(json.dumps(bases[i % len(bases)]))  # a deep copy
        doc["id"] = f"{prefix}-{i + 1:04d}"
        doc["name"] = f"{doc['name']} {i + 1}"
        out.append(doc)
    return out


def write_copies(directory: str | os.PathLike[str], count: int, *, broken: int = 0,
                 prefix: str = "sample") -> list[Path]:
    """Write ``count`` copies (see :func:`copies`) into ``directory``, one file each, and
    ``broken`` files that do not load, placed evenly among them. Returns every path in order."""
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc in copies(count, prefix):
        p = d / f"{doc['id']}.json"
        p.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        paths.append(p)
    for k in range(broken):
        p = d / f"{prefix}-broken-{k + 1}.json"
        p.write_text(BROKEN_TEXT, encoding="utf-8")
        paths.insert(min(len(paths), (k + 1) * len(paths) // (broken + 1)), p)
    return paths
