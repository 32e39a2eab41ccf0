"""Render a :class:`~policydiff.compare.Comparison` as text, markdown, LaTeX, CSV or JSON.

Formatting only: every figure, status and score comes from the comparison. This module dispatches
on the format and re-exports the names the CLI, the HTML renderer and the tests import; the work is
done by the modules beside it:

- :mod:`policydiff.render.figures`: the one figure formatter (plain numbers, signed changes, a
  record's value with unit and qualifier);
- :mod:`policydiff.render.rows`: the table rows of a comparison;
- :mod:`policydiff.render.text`: the text, Markdown and LaTeX writer (tables through
  :func:`policydiff.render.tables.render_rows`: wide characters aligned, LaTeX in booktabs style);
- :mod:`policydiff.render.findings`: CSV with one finding a row and a stable ``id``, and JSON
  with the schema ``policydiff.compare/1``, the tool version and both documents' sha256.
"""

from __future__ import annotations

from ..compare import Comparison
from .figures import _num, _signed, fmt_value
from .findings import CSV_COLUMNS, as_dict, finding_rows, render_csv, render_json
from .rows import (
    _link_evidence,
    _marked,
    _result_text,
    _shown,
    _wants,
    carryover_rows,
    delivery_rows,
    section_rows,
    target_rows,
    wording_rows,
)
from .text import clause, render_tables

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "SECTIONS",
    "_link_evidence",
    "_marked",
    "_num",
    "_result_text",
    "_shown",
    "_signed",
    "_wants",
    "as_dict",
    "carryover_rows",
    "clause",
    "delivery_rows",
    "finding_rows",
    "fmt_value",
    "render",
    "render_csv",
    "render_json",
    "render_tables",
    "section_rows",
    "target_rows",
    "wording_rows",
]

SECTIONS = ("targets", "delivery", "alignment", "wording", "all")
FORMATS = ("text", "markdown", "csv", "json", "latex")


def render(cmp: Comparison, fmt: str = "text", section: str = "all") -> str:
    """Render in one of :data:`FORMATS` (html lives in :mod:`policydiff.render.compare_html`)."""
    if fmt == "csv":
        return render_csv(cmp, section)
    if fmt == "json":
        return render_json(cmp, section)
    if fmt in ("text", "markdown", "latex"):
        return render_tables(cmp, fmt, section)
    raise ValueError(f"unknown format {fmt!r}")
