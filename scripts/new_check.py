#!/usr/bin/env python3
"""Write the stubs of a new check, to be filled in.

Usage: python3 scripts/new_check.py NAME [--dry-run]

NAME is the check's name in snake_case, as packs will write it in a rule's "check". The script
writes:
  - src/checks/NAME.cpp: the check's whole knowledge, every part marked TODO (self-description,
    parameters with typed defaults, evaluation, worked-example evidence);
  - its factory's declaration and its line in src/checks/registry.cpp, in name order;
  - its message ids in data/messages.json (NAME-with-dashes.pass, .fail, .expected, .found),
    in sv, nb and en, each text marked TODO;
  - tests/cpp/checks/test_NAME.cpp, a test case to fill in;
  - the list of every check that tests/data/bad/expected.json expects for an unknown check.
CMake picks the new files up by itself (file GLOB with CONFIGURE_DEPENDS). The steps that
follow are in docs/adding-measures-and-rules.md, "Add a check".
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHECKS = ROOT / "src" / "checks"
REGISTRY = CHECKS / "registry.cpp"
MESSAGES = ROOT / "data" / "messages.json"
TESTS = ROOT / "tests" / "cpp" / "checks"
# The bad-input suite expects the loader to list every check for an unknown one.
BAD_INPUTS = ROOT / "tests" / "data" / "bad" / "expected.json"

STATUSES = ("pass", "fail", "expected", "found")


def class_name(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


def message_prefix(name: str) -> str:
    return name.replace("_", "-")


def check_source(name: str) -> str:
    cls, prefix = class_name(name), message_prefix(name)
    messages = ", ".join(f'"{prefix}.{s}"' for s in STATUSES)
    return f"""// SPDX-License-Identifier: MIT
// {name}: TODO what it checks, in one line, and the source behind it (act, regulation or seed
// document).
#include "common.hpp"

namespace trygg::detail::eval {{
namespace {{
class {cls} final : public Evaluator {{
 public:
  {cls}()
      : Evaluator("{name}",
                  "TODO one line in English, for docs and `trygg-check explain`",
                  // TODO the parameters, each with its typed default, e.g.
                  // {{"within", CheckParam::Kind::duration, ParamDefault::cadence_else(Duration{{1, 0, 0}}), {{}}}}
                  {{}},
                  // Every message id the check can emit (data/messages.json).
                  {{{messages}, "common.no-routine",
                   "common.no-routines-section"}}) {{}}

  void evaluate(const RuleInput& in, std::vector<Outcome>& out) const override {{
    // The rule's parameters are typed and resolved: in.rule.resolved_params.duration("within").
    const Message expected{{"{prefix}.expected"}};
    if (without_routines(in, expected, out)) return;  // no section: not assessed; no routine: fail
    bool ok = false;
    for (auto i : in.ctx.routines_of(in.measure_index)) {{
      // TODO judge in.ctx.org.routines[i] as of in.ctx.as_of
      (void)i;
    }}
    out.push_back(org_outcome(in, ok ? Status::pass : Status::fail, Message{{ok ? "{prefix}.pass" : "{prefix}.fail"}},
                              expected, Message{{"{prefix}.found"}}, routine_evidence(in)));
  }}

  ExampleRoutine example(ExampleInput& e) const override {{
    // TODO the evidence the check looks at, complete when e.passing and with the checked part
    // missing or wrong otherwise; e.routine is a written, owned routine for the measure.
    if (!e.passing) return ExampleRoutine::drop;
    return ExampleRoutine::keep;
  }}
}};
}}  // namespace
const Evaluator& {name}() {{
  static const {cls} e;
  return e;
}}
}}  // namespace trygg::detail::eval
"""


def test_source(name: str) -> str:
    prefix = message_prefix(name)
    return f"""// SPDX-License-Identifier: MIT
// The {name} check: each status it can give.
#include "../catch.hpp"
#include "../fixtures.hpp"

#include "trygg/check.hpp"

TEST_CASE("{name}", "[evaluator]") {{
  REQUIRE(trygg::find_check("{name}") != nullptr);
  // TODO reach every status the check gives ("{prefix}.pass", "{prefix}.fail", ...) on small
  // organisations built with fixtures::small_org(), with a rule of a small pack made here
  // (Framework::from_packs({{Framework::builtin_pack("base"), Framework::parse_pack(...)}})).
}}
"""


def add_to_registry(text: str, name: str) -> str:
    """The factory's declaration and its line in the list, both kept in name order."""
    decl = re.compile(r"^const Evaluator& (\w+)\(\);$", re.M)
    names = decl.findall(text)
    if name in names:
        raise SystemExit(f"{name} is already in {REGISTRY.relative_to(ROOT)}")
    after = [n for n in names if n < name]
    line = f"const Evaluator& {name}();\n"
    if after:
        anchor = f"const Evaluator& {after[-1]}();\n"
        text = text.replace(anchor, anchor + line, 1)
    else:
        anchor = f"const Evaluator& {names[0]}();\n"
        text = text.replace(anchor, line + anchor, 1)
    begin, end = "// checks: begin (sorted by name)\n", "        // checks: end\n"
    start, stop = text.index(begin) + len(begin), text.index(end)
    entries = [e for e in text[start:stop].splitlines(keepends=True) if e.strip()]
    entries.append(f"        &eval::{name}(),\n")
    entries.sort(key=lambda e: e.strip())
    return text[:start] + "".join(entries) + text[stop:]


def add_to_check_list(text: str, name: str) -> str:
    """The expected error for an unknown check names every check: add this one, in order."""
    line = re.compile(r'^(\s*"expected": )"one of ((?:\\"\w+\\"(?:, | or )?)+)",$', re.M)
    match = line.search(text)
    if not match:
        raise SystemExit(f"no list of checks found in {BAD_INPUTS.relative_to(ROOT)}")
    names = sorted(set(re.findall(r'\\"(\w+)\\"', match.group(2))) | {name})
    quoted = [f'\\"{n}\\"' for n in names]
    listed = ", ".join(quoted[:-1]) + " or " + quoted[-1]
    return text[: match.start()] + f'{match.group(1)}"one of {listed}",' + text[match.end() :]


def add_messages(catalogue: dict, name: str) -> dict:
    prefix = message_prefix(name)
    ids = [f"{prefix}.{s}" for s in STATUSES]
    taken = [i for i in ids if i in catalogue]
    if taken:
        raise SystemExit(f"data/messages.json already has {', '.join(taken)}")
    entries = {k: v for k, v in catalogue.items() if k != "$comment"}
    for i in ids:
        entries[i] = {lang: f"TODO {i} ({lang})" for lang in ("sv", "nb", "en")}
    out = {"$comment": catalogue["$comment"]} if "$comment" in catalogue else {}
    out.update(dict(sorted(entries.items())))
    return out


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    dry = "--dry-run" in argv
    if len(args) != 1 or not re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", args[0]):
        print(__doc__.strip(), file=sys.stderr)
        print("\nNAME must be snake_case: lower-case letters and digits, words joined by '_'.", file=sys.stderr)
        return 2
    name = args[0]
    source, test = CHECKS / f"{name}.cpp", TESTS / f"test_{name}.cpp"
    for path in (source, test):
        if path.exists():
            print(f"{path.relative_to(ROOT)} exists already", file=sys.stderr)
            return 1
    registry = add_to_registry(REGISTRY.read_text(encoding="utf-8"), name)
    catalogue = add_messages(json.loads(MESSAGES.read_text(encoding="utf-8")), name)
    bad_inputs = add_to_check_list(BAD_INPUTS.read_text(encoding="utf-8"), name)
    written = [source, REGISTRY, MESSAGES, test, BAD_INPUTS]
    if not dry:
        source.write_text(check_source(name), encoding="utf-8")
        REGISTRY.write_text(registry, encoding="utf-8")
        MESSAGES.write_text(json.dumps(catalogue, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        TESTS.mkdir(parents=True, exist_ok=True)
        test.write_text(test_source(name), encoding="utf-8")
        BAD_INPUTS.write_text(bad_inputs, encoding="utf-8")
    for path in written:
        print(("would write " if dry else "wrote ") + str(path.relative_to(ROOT)))
    print("Next: fill in every TODO (docs/adding-measures-and-rules.md, \"Add a check\").")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
