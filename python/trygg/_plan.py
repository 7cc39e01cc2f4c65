"""The action plan's round trip: a filled-in action plan sheet back into the organisation file
(docs/history.md, "The action plan's round trip"; docs/report-format.md, "The filled-in
action plan")."""

from __future__ import annotations

import datetime
import importlib
import os
from typing import Any

from . import _core
from ._errors import load_error_at_root
from ._framework import Framework
from ._validate import flag, path_bytes

__all__ = ["import_action_plan"]

#: The Action plan sheet's name in each language (message report.action-plan).
_SHEET_NAMES = ("Handlingsplan", "Action plan")


def _path(value: Any, what: str) -> str:
    """A checked path (str or os.PathLike[str]), as str."""
    return os.fsdecode(path_bytes(value, what))


def _cell(value: Any) -> str:
    """A cell as the sheet's text: dates as YYYY-MM-DD, whole numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_rows(path: str) -> list[tuple[int, str, str, str, str, str, str, str]]:
    try:
        openpyxl = importlib.import_module("openpyxl")
    except ImportError:
        raise ImportError(
            "reading an xlsx action plan needs openpyxl: pip install openpyxl "
            "(or save the sheet as CSV and import that)"
        ) from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # a broken or foreign file: openpyxl raises many kinds
        raise load_error_at_root(path, "an xlsx workbook", f"a file openpyxl cannot read ({e})") from None
    try:
        sheet = next((book[n] for n in _SHEET_NAMES if n in book.sheetnames), None)
        if sheet is None:
            names = ", ".join(repr(n) for n in book.sheetnames)
            raise load_error_at_root(path, "a sheet named 'Handlingsplan' or 'Action plan' (trygg's xlsx report)",
                                     f"the sheets {names}")
        rows = []
        for number, values in enumerate(sheet.iter_rows(min_row=2, max_col=11, values_only=True), start=2):
            cells = [_cell(v) for v in values] + [""] * (11 - len(values))
            if not any(c.strip() for c in cells):
                continue
            rows.append((number, cells[1], cells[2], cells[5], cells[7], cells[8], cells[9], cells[10]))
        return rows
    finally:
        book.close()


def import_action_plan(
    organisation_path: str | os.PathLike[str],
    sheet_path: str | os.PathLike[str],
    *,
    output: str | os.PathLike[str] | None = None,
    in_place: bool = False,
    today: str | datetime.date | None = None,
    framework: Framework | None = None,
) -> str:
    """Read a filled-in action plan sheet back into an organisation file.

    The sheet is the xlsx report's Action plan sheet (``.xlsx``, read with openpyxl) or the same
    sheet saved as CSV (``.csv``: comma or semicolon, UTF-8 with or without byte-order mark).
    Per sheet row, keyed by the measure in column B, the organisation's ``action_plan`` rows
    for that measure get the owner (I), the comment (K) and, from the status (J: "done" or
    "verified" in sv, nb or en), ``done``/``verified`` dates (``today`` unless already set); a
    row with something filled in and no plan row gets a new one. Everything else in the file is
    kept. The result is checked by the loader.

    :param output: write the new file here (never over the inputs; a file trygg did not
        write is not replaced).
    :param in_place: replace the organisation file itself, atomically.
    :param today: the date for rows marked done or verified (default: today).
    :param framework: for checking measure ids (default: the built-in framework).
    :returns: the new organisation file's text (also when it is written).
    :raises LoadError: for a problem in the sheet (pointing at its row and column, e.g.
        ``/rows/3/owner``) or in the result; nothing is written then.
    """
    org_bytes = path_bytes(organisation_path, "organisation_path")
    sheet_bytes = path_bytes(sheet_path, "sheet_path")
    org, sheet = os.fsdecode(org_bytes), os.fsdecode(sheet_bytes)
    in_place = flag(in_place, "in_place")
    out = None if output is None else _path(output, "output")
    if in_place and out is not None:
        raise ValueError("give output or in_place, not both")
    if framework is None:
        framework = Framework.builtin()
    elif not isinstance(framework, Framework):
        raise TypeError(f"framework must be a trygg.Framework or None, not {type(framework).__name__}")
    if today is None:
        day = datetime.date.today().isoformat()
    elif isinstance(today, datetime.date):
        day = (today.date() if isinstance(today, datetime.datetime) else today).isoformat()
    elif isinstance(today, str):
        day = today
    else:
        raise TypeError(f"today must be a str, a datetime.date or None, not {type(today).__name__}")
    organisation_text = _core.read_plan_input(org_bytes)
    try:
        organisation_str = organisation_text.decode("utf-8")
    except UnicodeDecodeError as e:
        raise load_error_at_root(org, "UTF-8 text", f"a byte that is not UTF-8 at offset {e.start}") from None
    if sheet.lower().endswith((".xlsx", ".xlsm")):
        _core.read_plan_input(sheet_bytes)  # missing or not a file: the same LoadError as for CSV
        rows = _xlsx_rows(sheet)
    else:
        rows = _core.plan_sheet_rows_from_csv(_core.read_plan_input(sheet_bytes), sheet)
    text = _core.import_action_plan(organisation_str, org, rows, sheet, framework._impl, day)
    if in_place:
        _core.write_organisation_file(org, text, [sheet], True)
    elif out is not None:
        _core.write_organisation_file(out, text, [org, sheet], False)
    return text
