"""The table rows of a :class:`~policydiff.compare.Comparison`, one builder per part.

The rows feed the text, Markdown and LaTeX tables (:mod:`policydiff.render.text`) and the HTML
page (:mod:`policydiff.render.compare_html`); the CSV findings (:mod:`policydiff.render.findings`)
share the helpers. Every figure is written by :mod:`policydiff.render.figures`.
"""

from __future__ import annotations

from typing import Any

from ..compare import Comparison
from .figures import _signed, fmt_value


def _wants(section: str, name: str) -> bool:
    return section in ("all", name)


def _shown(d) -> bool:
    """Delivery rows the text and HTML tables show: with a result or parts, unclear ones, headline targets,
    and unreported ones with evidence (a budget quota B restates)."""
    return d.result is not None or bool(d.parts) or d.status == "unclear" or d.target.headline or bool(d.evidence)


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
