"""A comparison as findings: CSV with one finding a row and a stable ``id``, and the JSON document.

JSON carries the schema ``policydiff.compare/1``, the tool version and both documents' sha256
(:meth:`~policydiff.compare.Comparison.to_dict`).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from ..compare import Comparison
from .figures import _num, fmt_value
from .rows import _link_evidence, _marked, _result_text, _wants
from .tables import csv_cell, to_json

CSV_COLUMNS = ["id", "finding", "status", "subject", "a", "b", "delta", "note", "a_quote", "b_quote"]


def finding_rows(cmp: Comparison, section: str = "all") -> list[dict[str, Any]]:
    """One finding a row, with a stable id (the CSV rows)."""
    rows: list[dict[str, Any]] = []
    if _wants(section, "targets") or _wants(section, "delivery"):
        for c in cmp.carryover:
            rows.append(
                {
                    "id": c.id,
                    "finding": "carryover",
                    "status": "paired" if c.result else "target only",
                    "subject": c.indicator,
                    "a": fmt_value(c.result) if c.result else "",
                    "b": fmt_value(c.target),
                    "delta": _num(c.difference),
                    "note": c.target.modality or "",
                    "a_quote": c.result.sentence if c.result else "",
                    "b_quote": c.target.sentence,
                }
            )
    if _wants(section, "targets"):
        for t in cmp.targets:
            rows.append(
                {
                    "id": t.id,
                    "finding": "target",
                    "status": t.status,
                    "subject": t.indicator,
                    "a": fmt_value(t.a),
                    "b": fmt_value(t.b),
                    "delta": _num(t.difference),
                    "note": "; ".join(x for x in (t.note, _link_evidence(t.evidence, t.score)) if x),
                    "a_quote": t.a.sentence if t.a else "",
                    "b_quote": t.b.sentence if t.b else "",
                }
            )
    if _wants(section, "delivery"):
        for d in cmp.delivery:
            rows.append(
                {
                    "id": d.id,
                    "finding": "delivery",
                    "status": d.status,
                    "subject": d.indicator,
                    "a": fmt_value(d.target),
                    "b": _result_text(d),
                    "delta": _num(d.margin),
                    "note": "; ".join(x for x in (d.note, _link_evidence(d.evidence, d.score)) if x),
                    "a_quote": d.target.sentence,
                    "b_quote": d.result.sentence if d.result else " / ".join(p["result"].sentence for p in d.parts),
                }
            )
    if _wants(section, "alignment") and cmp.alignment:
        al = cmp.alignment
        for p in al.sections:
            rows.append(
                {
                    "id": p.id,
                    "finding": "section",
                    "status": p.relation,
                    "subject": p.a_heading or p.b_heading,
                    "a": p.a or "",
                    "b": p.b or "",
                    "delta": _num(p.score),
                    "note": " ".join(p.evidence),
                    "a_quote": p.a_heading,
                    "b_quote": p.b_heading,
                }
            )
        for pp in al.paragraphs:
            rows.append(
                {
                    "id": pp.id,
                    "finding": "paragraph",
                    "status": pp.status,
                    "subject": "",
                    "a": "" if pp.a is None else pp.a,
                    "b": "" if pp.b is None else pp.b,
                    "delta": _num(pp.score),
                    "note": "",
                    "a_quote": "",
                    "b_quote": "",
                }
            )
        for s in al.sentences:
            a, b = _marked(s.diff) if s.diff else ("", "")
            rows.append(
                {
                    "id": s.id,
                    "finding": "sentence",
                    "status": s.status,
                    "subject": s.a_section or s.b_section or "",
                    "a": "" if s.a is None else s.a,
                    "b": "" if s.b is None else s.b,
                    "delta": _num(s.score),
                    "note": f"{a}  ⇒  {b}" if s.diff else "",
                    "a_quote": s.a_text,
                    "b_quote": s.b_text,
                }
            )
    if _wants(section, "wording"):
        for w in cmp.wording:
            rows.append(
                {
                    "id": w.id,
                    "finding": "wording",
                    "status": w.change,
                    "subject": w.term,
                    "a": w.count_a,
                    "b": w.count_b,
                    "delta": _num(w.score),
                    "note": f"per 10k words: {w.per10k_a} → {w.per10k_b}",
                    "a_quote": "",
                    "b_quote": "",
                }
            )
    return rows


def render_csv(cmp: Comparison, section: str = "all") -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in finding_rows(cmp, section):
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
    return buf.getvalue()


def as_dict(cmp: Comparison, section: str = "all") -> dict[str, Any]:
    """The JSON document (schema ``policydiff.compare/1``): :meth:`Comparison.to_dict`."""
    return cmp.to_dict(section)


def render_json(cmp: Comparison, section: str = "all") -> str:
    return to_json(as_dict(cmp, section))
