"""A comparison as text, Markdown or LaTeX: a summary, then one table per part.

Tables go through :func:`policydiff.render.tables.render_rows` (tabulate: wide characters aligned,
LaTeX in booktabs style); the rows come from :mod:`policydiff.render.rows`.
"""

from __future__ import annotations

import re
from typing import Any

from ..compare import Comparison
from .rows import (
    _marked,
    _shown,
    _wants,
    carryover_rows,
    delivery_rows,
    section_rows,
    target_rows,
    wording_rows,
)
from .tables import markdown_text, render_rows


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
