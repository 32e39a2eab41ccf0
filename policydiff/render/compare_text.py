"""Render a :class:`~policydiff.compare.Comparison` as text, markdown, LaTeX, CSV or JSON.

Formatting only: every figure, status and score comes from the comparison. Tables go through
:func:`policydiff.render.tables.render_rows` (tabulate: wide characters aligned, LaTeX in
booktabs style). CSV has one finding a row with a stable ``id``; JSON carries the schema
``policydiff.compare/1``, the tool version and both documents' sha256.

It stays one module for now (over 500 lines): the row builders feed both the text tables and the
CSV/JSON writers; splitting rows from writers is the planned next step of issue 12, not yet done.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from ..compare import Comparison
from ..lexicon import QUALIFIERS
from .tables import csv_cell, markdown_text, plain_number, render_rows, to_json

SECTIONS = ("targets", "delivery", "alignment", "wording", "all")
FORMATS = ("text", "markdown", "csv", "json", "latex")

CSV_COLUMNS = ["id", "finding", "status", "subject", "a", "b", "delta", "note", "a_quote", "b_quote"]


def _num(x: Any) -> str:
    """A figure in plain notation (six decimals at most, tiny values kept, never 1e-09).

    >>> _num(6.0), _num(0.000000001), _num(None), _num(float("nan"))
    ('6', '0.000000001', '', '')
    """
    if x is None:
        return ""
    if isinstance(x, (float, int)) and not isinstance(x, bool):
        return plain_number(x)
    return str(x)


def fmt_value(rec: Any) -> str:
    """A record's figure as a researcher reads it: ≥1100万人, 6–6.5%, ↓3%左右, 4%左右, (no target).

    >>> from types import SimpleNamespace as R
    >>> fmt_value(R(value=4.5, value_high=None, unit="%", qualifier="以内", direction=None, absent=False))
    '≤4.5%'
    >>> fmt_value(R(value=6, value_high=6.5, unit="%", qualifier=None, direction=None, absent=False))
    '6–6.5%'
    >>> [fmt_value(R(value=4.5, value_high=None, unit="%", qualifier=q, direction=None, absent=False))
    ...  for q in ("控制到", "及以上", "将近", "左右", "超")]
    ['≤4.5%', '≥4.5%', '将近4.5%', '4.5%左右', '>4.5%']
    """
    if rec is None:
        return ""
    if getattr(rec, "absent", False) or rec.value is None:
        return "(no target)"
    figure = _num(rec.value) + (f"–{_num(rec.value_high)}" if rec.value_high is not None else "") + (rec.unit or "")
    q = rec.qualifier or ""
    arrow = "↓" if rec.direction == "down" else ""
    known = QUALIFIERS.get(q)
    if q.startswith("控制") and getattr(rec, "kind", None) == "result":
        return f"{arrow}{figure}"  # 失业率控制在2.88% reports the rate itself
    if known is None or known.bound == "about" and known.position == "suffix":
        return f"{arrow}{figure}{q}"  # 4%左右 (and anything unknown) as written
    if known.bound == "about":
        return f"{arrow}{q}{figure}"  # 约6700万人, 将近3成
    return f"{arrow}{known.symbol}{figure}"  # bounds as symbols: ≥1100万人, ≤4.5% (控制到4.5%)


def clause(sentence: str, term: str | None, limit: int = 60) -> str:
    """The part of a long sentence that holds ``term`` (split at ；, then at ，), with … where cut.

    >>> clause("今年的目标是：国内生产总值增长6%；城镇新增就业1100万人以上，调查失业率5.5%左右。", "城镇新增就业", 20)
    '…城镇新增就业1100万人以上…'
    """
    if len(sentence) <= limit or not term or term not in sentence:
        return sentence
    text, cut_left, cut_right = sentence, False, False
    for seps in ("；;", "，,"):
        if len(text) <= limit:
            break
        pieces = re.split(f"(?<=[{seps}])", text)
        hit = next((i for i, p in enumerate(pieces) if term in p), None)
        if hit is None:
            break
        cut_left = cut_left or hit > 0
        cut_right = cut_right or hit < len(pieces) - 1
        text = pieces[hit]
    text = text.rstrip("；;，,")
    return ("…" if cut_left else "") + text + ("…" if cut_right else "")


def _signed(x: Any) -> str:
    if x is None:
        return ""
    s = _num(x)
    return s if s.startswith("-") or s == "0" else f"+{s}"


def _wants(section: str, name: str) -> bool:
    return section in ("all", name)


def _shown(d) -> bool:
    """Delivery rows the text and HTML tables show: with a result or parts, unclear ones, headline targets."""
    return d.result is not None or bool(d.parts) or d.status == "unclear" or d.target.headline


# ---------------------------------------------------------------------------
# Row builders (shared by text, markdown, latex and html)
# ---------------------------------------------------------------------------


def target_rows(cmp: Comparison) -> list[dict[str, Any]]:
    """Target diff rows, headline targets first."""
    order = sorted(
        cmp.targets,
        key=lambda t: (not ((t.a and t.a.headline) or (t.b and t.b.headline)), t.a.start if t.a else 10**9),
    )
    rows = []
    for t in order:
        modal_a = t.a.modality if t.a else None
        modal_b = t.b.modality if t.b else None
        rows.append(
            {
                "id": t.id,
                "indicator": t.indicator,
                "metric": t.metric,
                cmp.a.key: fmt_value(t.a),
                cmp.b.key: fmt_value(t.b),
                "modality": f"{modal_a or '-'} → {modal_b or '-'}" if "modality" in t.changes else (modal_b or modal_a),
                "status": t.status,
                "change": _signed(t.difference) if "value" in t.changes else "",
                "note": t.note,
                "link": _link_evidence(t.evidence, t.score),
            }
        )
    return rows


def _link_evidence(evidence: str, score: float | None) -> str:
    """How a pair was linked, shown where it is not simply the same metric (policydiff.link)."""
    if not evidence or evidence.startswith("same metric") and ";" not in evidence:
        return ""
    return f"{evidence} (score {score:.2f})" if score is not None else evidence


def _result_text(d) -> str:
    """The result of a delivery row: its figure, or a split's parts (城镇 4.4%, 农村 5.9%)."""
    if d.result is not None:
        return fmt_value(d.result)
    return "; ".join(f"{p['result'].indicator} {fmt_value(p['result'])}" for p in d.parts)


def delivery_rows(cmp: Comparison) -> list[dict[str, Any]]:
    rows = []
    for d in cmp.delivery:
        rows.append(
            {
                "id": d.id,
                "indicator": d.indicator,
                "target": fmt_value(d.target),
                "modality": d.target.modality,
                "result": _result_text(d),
                "status": d.status,
                "margin": _signed(d.margin),
                "note": d.note,
                "link": _link_evidence(d.evidence, d.score),
            }
        )
    return rows


def carryover_rows(cmp: Comparison) -> list[dict[str, Any]]:
    year = cmp.b.year if cmp.b.present else cmp.a.year
    rows = []
    for c in cmp.carryover:
        rows.append(
            {
                "id": c.id,
                "indicator": c.indicator,
                f"{year - 1} result": fmt_value(c.result) if c.result else "",
                f"{year} target": fmt_value(c.target),
                "modality": c.target.modality,
                "change": _signed(c.difference),
            }
        )
    return rows


def section_rows(cmp: Comparison) -> list[dict[str, Any]]:
    rows = []
    for p in cmp.alignment.sections if cmp.alignment else []:
        rows.append(
            {
                "id": p.id,
                cmp.a.key: f"{p.a} {p.a_heading}".strip() if p.a else "",
                cmp.b.key: f"{p.b} {p.b_heading}".strip() if p.b else "",
                "relation": p.relation,
                "score": p.score,
                "shared terms": " ".join(p.evidence[:6]),
            }
        )
    return rows


def wording_rows(cmp: Comparison) -> list[dict[str, Any]]:
    return [
        {
            "id": w.id,
            "term": w.term,
            cmp.a.key: w.count_a,
            cmp.b.key: w.count_b,
            "per 10k A": w.per10k_a,
            "per 10k B": w.per10k_b,
            "change": w.change,
            "G2": w.score,
        }
        for w in cmp.wording
    ]


def _marked(diff: list[tuple[str, str, str]] | None) -> tuple[str, str]:
    """Plain-text word diff: [-removed-] on the A side, {+added+} on the B side."""
    a, b = [], []
    for tag, ta, tb in diff or []:
        if tag == "equal":
            a.append(ta)
            b.append(tb)
        else:
            if ta:
                a.append(f"[-{ta}-]")
            if tb:
                b.append(f"{{+{tb}+}}")
    return "".join(a), "".join(b)


# ---------------------------------------------------------------------------
# text / markdown / latex
# ---------------------------------------------------------------------------


def _latex_escape(s: str) -> str:
    out = s
    for ch, rep in (
        ("\\", r"\textbackslash{}"),
        ("&", r"\&"),
        ("%", r"\%"),
        ("$", r"\$"),
        ("#", r"\#"),
        ("_", r"\_"),
        ("{", r"\{"),
        ("}", r"\}"),
        ("~", r"\textasciitilde{}"),
        ("^", r"\textasciicircum{}"),
    ):
        out = out.replace(ch, rep)
    return out


class _Doc:
    def __init__(self, fmt: str):
        self.fmt = fmt
        self.parts: list[str] = []
        self.table_fmt = {"text": "table", "markdown": "markdown", "latex": "latex"}[fmt]

    def heading(self, text: str, level: int = 2) -> None:
        if self.fmt == "markdown":
            self.parts.append(f"{'#' * level} {markdown_text(text)}\n")
        elif self.fmt == "latex":
            cmd = "section*" if level <= 1 else "subsection*"
            self.parts.append(f"\\{cmd}{{{_latex_escape(text)}}}\n")
        else:
            self.parts.append(f"{text}\n{('=' if level <= 1 else '-') * min(60, _width(text))}\n")

    def line(self, text: str) -> None:
        if self.fmt == "latex":
            self.parts.append(_latex_escape(text) + "\n")
        elif self.fmt == "markdown":
            self.parts.append(markdown_text(text) + "\n")
        else:
            self.parts.append(text + "\n")

    def bullet(self, text: str) -> None:
        if self.fmt == "latex":
            self.parts.append(f"\\noindent {_latex_escape(text)}\\\\\n")
        elif self.fmt == "markdown":
            self.parts.append(f"- {markdown_text(text)}\n")
        else:
            self.parts.append(f"  {text}\n")

    def table(self, rows: list[dict[str, Any]], columns: list[str]) -> None:
        if not rows:
            self.line("(none)")
        else:
            self.parts.append(render_rows(rows, self.table_fmt, columns) + "\n")
        self.parts.append("\n")

    def text(self) -> str:
        return "".join(p if p.endswith("\n") else p + "\n" for p in self.parts)


def _width(s: str) -> int:
    from wcwidth import wcswidth

    w = wcswidth(s)
    return w if w >= 0 else len(s)


def _ref_line(ref) -> str:
    if not ref.present:
        return f"{ref.key}: not in the corpus"
    bits = [ref.key, ref.title or "", ref.date or "", f"sha256 {ref.sha256[:12]}…" if ref.sha256 else ""]
    bits += [f"warning: {w}" for w in ref.warnings]
    return " · ".join(b for b in bits if b)


def _summary_lines(cmp: Comparison) -> list[str]:
    out = []
    for name, counts in cmp.summary.items():
        out.append(f"{name}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return out


def render_tables(cmp: Comparison, fmt: str = "text", section: str = "all") -> str:
    """Text, markdown or LaTeX: a summary, then one table per part of the comparison."""
    doc = _Doc(fmt)
    doc.heading(f"policydiff compare: {cmp.a.key} → {cmp.b.key}", 1)
    doc.bullet(f"A: {_ref_line(cmp.a)}")
    doc.bullet(f"B: {_ref_line(cmp.b)}")
    for note in cmp.notes:
        doc.bullet(f"note: {note}")
    doc.line("")
    doc.heading("Summary")
    for s in _summary_lines(cmp):
        doc.bullet(s)
    doc.line("")
    one_report = not (cmp.a.present and cmp.b.present)
    if one_report and (_wants(section, "targets") or _wants(section, "delivery")):
        present = cmp.b if cmp.b.present else cmp.a
        doc.heading(f"{present.year - 1} results → {present.year} targets, as {present.key} reports them")
        rows = carryover_rows(cmp)
        doc.table(rows, [c for c in (rows[0].keys() if rows else []) if c != "id"])
    if one_report and section in ("alignment", "wording"):
        doc.line(f"(no {section}: it needs both reports)")
    if not one_report and _wants(section, "delivery"):
        doc.heading(f"Delivery: {cmp.a.key} targets for {cmp.a.year} → results reported in {cmp.b.key}")
        if not cmp.delivery:
            reasons = [n.removeprefix("no delivery check: ") for n in cmp.notes] or ["no targets"]
            doc.line("(no delivery check: " + "; ".join(reasons) + ")")
        else:
            rows = delivery_rows(cmp)
            shown = [r for r, d in zip(rows, cmp.delivery, strict=True) if _shown(d)]
            hidden = len(rows) - len(shown)
            doc.table(shown, ["indicator", "target", "modality", "result", "status", "margin", "note", "link"])
            if hidden:
                doc.line(
                    f"{hidden} more targets of {cmp.a.key} have no result in {cmp.b.key} (all rows: --format csv/json)"
                )
                doc.line("")
            quoted = [(d, d.result) for d in cmp.delivery if d.result is not None]
            if quoted:
                doc.heading("Quotes", 3)
                for d, res in quoted:
                    qa = clause(d.target.sentence, d.target.indicator)
                    qb = clause(res.sentence, res.indicator)
                    why = f"  [{d.evidence}]" if d.evidence else ""
                    doc.bullet(f"{d.indicator} ({d.status}): A «{qa}»  B «{qb}»{why}")
                doc.line("")
    if not one_report and _wants(section, "targets"):
        doc.heading(f"Targets: {cmp.a.key} ({cmp.a.year}) → {cmp.b.key} ({cmp.b.year})")
        rows = target_rows(cmp)
        doc.table(rows, ["indicator", cmp.a.key, cmp.b.key, "modality", "status", "change", "link"])
    if not one_report and _wants(section, "alignment") and cmp.alignment:
        doc.heading("Sections")
        doc.table(section_rows(cmp), [cmp.a.key, cmp.b.key, "relation", "score", "shared terms"])
        reworded = [s for s in cmp.alignment.sentences if s.status == "reworded" and s.diff]
        reworded.sort(key=lambda s: s.score)
        if reworded:
            doc.heading("Reworded sentences (least similar first; [-A-] {+B+})", 3)
            for sp in reworded[:12]:
                a, b = _marked(sp.diff)
                doc.bullet(f"{sp.a_section} → {sp.b_section} ({sp.score}): {a}  ⇒  {b}")
            if len(reworded) > 12:
                doc.line(f"... {len(reworded) - 12} more (all: --format csv/json/html)")
            doc.line("")
    if not one_report and _wants(section, "wording"):
        doc.heading("Wording shifts")
        doc.table(wording_rows(cmp), ["term", cmp.a.key, cmp.b.key, "per 10k A", "per 10k B", "change", "G2"])
    return doc.text()


# ---------------------------------------------------------------------------
# csv / json
# ---------------------------------------------------------------------------


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


def render(cmp: Comparison, fmt: str = "text", section: str = "all") -> str:
    """Render in one of :data:`FORMATS` (html lives in :mod:`policydiff.render.compare_html`)."""
    if fmt == "csv":
        return render_csv(cmp, section)
    if fmt == "json":
        return render_json(cmp, section)
    if fmt in ("text", "markdown", "latex"):
        return render_tables(cmp, fmt, section)
    raise ValueError(f"unknown format {fmt!r}")
