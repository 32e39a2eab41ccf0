"""Render a :class:`~policydiff.compare.Comparison` as one self-contained HTML file.

Inline CSS, no scripts, no network (a Content-Security-Policy forbids both), and every piece of
report text passes through :func:`html.escape`. The page holds the summary, the tables of the
text renderer, and a side-by-side view of the aligned sentences with the word-level difflib
diff marked (``<del>``/``<ins>``).
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from .. import __version__
from ..charts import delivery_svg
from ..compare import SCHEMA, Comparison
from ..errors import neutralise
from .rows import _shown, carryover_rows, delivery_rows, section_rows, target_rows, wording_rows

CSS = """
:root { --fg:#1d232b; --muted:#5d6875; --line:#d9dee4; --bg:#ffffff; --soft:#f4f6f8;
  --met:#1f7a3d; --exc:#155e9c; --miss:#b3261e; --nr:#6b7280; --ins:#d9f5dd; --del:#fbdada; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: var(--bg); line-height: 1.5;
  font: 14px/1.55 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei",
  system-ui, sans-serif; }
header { padding: 20px 28px 12px; border-bottom: 1px solid var(--line); background: var(--soft); }
h1 { font-size: 22px; margin: 0 0 8px; }
h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 15px; margin: 18px 0 8px; }
main { padding: 0 28px 40px; max-width: 1500px; }
nav { padding: 8px 28px; border-bottom: 1px solid var(--line); font-size: 13px; }
nav a { margin-right: 14px; color: var(--exc); text-decoration: none; }
.refs { display: grid; grid-template-columns: 2.5em 1fr; gap: 2px 8px; font-size: 13px; color: var(--muted); }
.refs b { color: var(--fg); }
.warn { color: #8a5a00; }
.note { margin: 8px 0 0; padding: 6px 10px; background: #fff7d6; border-left: 4px solid #e0b100; font-size: 13px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; min-width: 170px; background: #fff; }
.card h3 { margin: 0 0 4px; font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.card ul { list-style: none; margin: 0; padding: 0; font-size: 13px; }
.card li span { font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0 12px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.fig { white-space: nowrap; font-variant-numeric: tabular-nums; font-weight: 600; }
table.delivery { table-layout: fixed; }
table.delivery col.ind { width: 9%; } table.delivery col.q { width: 31%; } table.delivery col.st { width: 7%; }
table.delivery col.mg { width: 5%; } table.delivery col.nt { width: 17%; }
mark { background: #fff0a8; padding: 0 1px; }
.badge { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 12px; color: #fff;
  background: var(--nr); white-space: nowrap; }
.s-met, .s-matched, .s-unchanged { background: var(--met); }
.s-exceeded, .s-moved, .s-reworded, .s-changed, .s-appeared, .s-up { background: var(--exc); }
.s-missed, .s-dropped, .s-absent, .s-vanished, .s-down { background: var(--miss); }
.s-new { background: #7a4fb3; } .s-split, .s-merged, .s-regrouped { background: #a15c00; }
.quote { color: var(--muted); font-size: 12px; margin-top: 2px; }
.ev { color: var(--muted); font-size: 11px; margin-top: 3px; }
.quote q { quotes: "«" "»"; }
table.sbs { table-layout: fixed; }
table.sbs td { width: 50%; font-size: 13px; }
table.sbs tr.group td { background: #eef2f7; font-weight: 600; border-top: 2px solid var(--line); }
tr.dropped td.a { background: var(--del); }
del { background: var(--del); text-decoration: line-through; text-decoration-color: #b3261e80; }
tr.new td.b, ins { background: var(--ins); text-decoration: none; }
tr.unchanged td { color: var(--muted); }
tr.moved td { border-left: 3px solid var(--exc); }
.sid { color: var(--muted); font-size: 11px; margin-right: 6px; }
figure.chart { margin: 8px 0 14px; overflow-x: auto; } figure.chart svg { max-width: 100%; height: auto; }
footer { color: var(--muted); font-size: 12px; padding: 12px 28px; border-top: 1px solid var(--line); }
"""


def _e(value: Any) -> str:
    """Escape anything for HTML text or attribute values; control characters (NUL, ESC …) shown as
    their Unicode pictures (␀, ␛), undecodable file-name bytes as ``\\xff``."""
    return escape(neutralise("" if value is None else str(value)), quote=True)


#: What may never reach an HTML page (NUL, other C0 controls but tab/LF/CR/FF, lone surrogates).
_HTML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff]")


def _badge(status: str) -> str:
    return f'<span class="badge s-{_e(status.replace(" ", "-"))}">{_e(status)}</span>'


def _table(rows: list[dict[str, Any]], columns: list[str], *, badge: str | None = None, numeric=()) -> str:
    if not rows:
        return "<p>(none)</p>"
    head = "".join(f"<th>{_e(c)}</th>" for c in columns)
    body = []
    for r in rows:
        cells = []
        for c in columns:
            v = r.get(c)
            if c == badge and v:
                cells.append(f"<td>{_badge(str(v))}</td>")
            elif c in numeric:
                cells.append(f'<td class="num">{_e(v)}</td>')
            else:
                cells.append(f"<td>{_e(v)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _diff_cells(diff: list[tuple[str, str, str]] | None, a_text: str, b_text: str) -> tuple[str, str]:
    if not diff:
        return _e(a_text), _e(b_text)
    a, b = [], []
    for tag, ta, tb in diff:
        if tag == "equal":
            a.append(_e(ta))
            b.append(_e(tb))
        else:
            if ta:
                a.append(f"<del>{_e(ta)}</del>")
            if tb:
                b.append(f"<ins>{_e(tb)}</ins>")
    return "".join(a), "".join(b)


def _side_by_side(cmp: Comparison) -> str:
    al = cmp.alignment
    if al is None:
        return ""
    head_a = {p.a: p.a_heading for p in al.sections if p.a}
    head_b = {p.b: p.b_heading for p in al.sections if p.b}
    rows = []
    group = None
    cur_a = cur_b = None
    for s in al.sentences:
        ga = s.a_section if s.a_section is not None else cur_a
        gb = s.b_section if s.b_section is not None else cur_b
        if (ga, gb) != group:
            group = (ga, gb)
            la = f'<span class="sid">{_e(ga)}</span>{_e(head_a.get(ga, ""))}' if ga and s.a is not None else ""
            lb = f'<span class="sid">{_e(gb)}</span>{_e(head_b.get(gb, ""))}' if gb and s.b is not None else ""
            if la or lb:
                rows.append(f'<tr class="group"><td class="a">{la}</td><td class="b">{lb}</td></tr>')
        cur_a, cur_b = ga, gb
        a_html, b_html = _diff_cells(s.diff, s.a_text, s.b_text)
        tag = "" if s.status in ("dropped", "new") else f"{_badge(s.status)} "
        if s.status == "dropped":
            b_html = ""
        if s.status == "new":
            a_html = ""
        b_cell = f"{tag}{b_html}" if s.status != "unchanged" else b_html
        rows.append(f'<tr class="{_e(s.status)}"><td class="a">{a_html}</td><td class="b">{b_cell}</td></tr>')
    return (
        '<table class="sbs"><thead><tr>'
        f"<th>{_e(cmp.a.key)}</th><th>{_e(cmp.b.key)}</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def _quote(sentence: str, term: str | None) -> str:
    """The sentence, escaped, with the first occurrence of ``term`` marked."""
    if term and term in sentence:
        before, _, after = sentence.partition(term)
        body = f"{_e(before)}<mark>{_e(term)}</mark>{_e(after)}"
    else:
        body = _e(sentence)
    return f'<div class="quote"><q>{body}</q></div>'


def _evidence(text: str) -> str:
    """The link evidence under a note (escaped), or nothing."""
    return f'<div class="ev">linked by: {_e(text)}</div>' if text else ""


def _quotes_table(cmp: Comparison) -> str:
    rows = []
    for d, r in zip(cmp.delivery, delivery_rows(cmp), strict=True):
        if not _shown(d):
            continue
        quote_a = _quote(d.target.sentence, d.target.indicator)
        if d.result is not None:
            quote_b = _quote(d.result.sentence, d.result.indicator)
        else:  # a split result: each part's quote
            quote_b = "".join(_quote(p["result"].sentence, p["result"].indicator) for p in d.parts)
        modality = f" {_e(r['modality'])}" if r["modality"] else ""
        rows.append(
            "<tr>"
            f"<td>{_e(r['indicator'])}</td>"
            f'<td><span class="fig">{_e(r["target"])}</span>{modality}{quote_a}</td>'
            f'<td><span class="fig">{_e(r["result"])}</span>{quote_b}</td>'
            f"<td>{_badge(d.status)}</td>"
            f'<td class="num">{_e(r["margin"])}</td>'
            f"<td>{_e(d.note)}{_evidence(r['link'])}</td>"
            "</tr>"
        )
    if not rows:
        return "<p>(none)</p>"
    cols = '<colgroup><col class="ind"><col class="q"><col class="q"><col class="st"><col class="mg"><col class="nt">'
    head = "".join(
        f"<th>{_e(c)}</th>"
        for c in ("indicator", f"target ({cmp.a.key})", f"result ({cmp.b.key})", "status", "margin", "how decided")
    )
    hidden = sum(1 for d in cmp.delivery if not _shown(d))
    more = f"<p>{hidden} more targets have no result in {_e(cmp.b.key)} (all rows: csv/json).</p>" if hidden else ""
    return (
        f'<table class="delivery">{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
        + more
    )


def _delivery_chart(cmp: Comparison) -> str:
    """The delivery chart (policydiff.charts: inline SVG, every label escaped, nothing external) of the
    rows the table shows; nothing when none has a figure."""
    shown = [d for d in cmp.delivery if _shown(d)]
    if not any(isinstance(getattr(d.target, "value", None), (int, float)) for d in shown):
        return ""
    title = f"{cmp.a.key} targets against {cmp.b.key} results"
    # inline in HTML an <svg> needs no namespace declaration (and the page then names no address)
    svg = delivery_svg(shown, title=title).replace(' xmlns="http://www.w3.org/2000/svg"', "", 1)
    return f'<figure class="chart">{svg}</figure>'


def _wants(section: str, name: str) -> bool:
    return section in ("all", name)


def render_html(cmp: Comparison, section: str = "all") -> str:
    """The whole comparison as one HTML page (self-contained, no scripts, all report text escaped)."""
    title = f"policydiff compare: {cmp.a.key} → {cmp.b.key}"
    parts: list[str] = []
    nav: list[tuple[str, str]] = [("summary", "Summary")]

    def ref(label: str, r) -> str:
        if not r.present:
            return f"<b>{label}</b><span>{_e(r.key)}: not in the corpus</span>"
        bits = " · ".join(_e(x) for x in (r.key, r.title, r.date) if x)
        sha = f" · sha256 <code>{_e(r.sha256)}</code>" if r.sha256 else ""
        warn = "".join(f' · <span class="warn">warning: {_e(w)}</span>' for w in r.warnings)
        return f"<b>{label}</b><span>{bits}{sha}{warn}</span>"

    cards = []
    for name, counts in cmp.summary.items():
        items = "".join(f"<li>{_e(k)}: <span>{_e(v)}</span></li>" for k, v in counts.items())
        cards.append(f'<div class="card"><h3>{_e(name)}</h3><ul>{items}</ul></div>')
    parts.append(f'<h2 id="summary">Summary</h2><div class="cards">{"".join(cards)}</div>')
    one_report = not (cmp.a.present and cmp.b.present)
    if one_report and (_wants(section, "targets") or _wants(section, "delivery")):
        present = cmp.b if cmp.b.present else cmp.a
        rows = carryover_rows(cmp)
        cols = [c for c in (rows[0].keys() if rows else []) if c != "id"]
        nav.append(("carryover", "Results → targets"))
        parts.append(
            f'<h2 id="carryover">{present.year - 1} results → {present.year} targets, as {_e(present.key)} reports them'
            f"</h2>{_table(rows, cols, numeric=('change',))}"
        )
    if not one_report and _wants(section, "delivery"):
        nav.append(("delivery", "Delivery"))
        body = _delivery_chart(cmp) + _quotes_table(cmp) if cmp.delivery else "<p>(no delivery check)</p>"
        parts.append(f'<h2 id="delivery">Delivery: {_e(cmp.a.key)} targets → results in {_e(cmp.b.key)}</h2>{body}')
    if not one_report and _wants(section, "targets"):
        nav.append(("targets", "Targets"))
        cols = ["indicator", cmp.a.key, cmp.b.key, "modality", "status", "change", "note", "link"]
        parts.append(
            f'<h2 id="targets">Targets: {_e(cmp.a.key)} → {_e(cmp.b.key)}</h2>'
            + _table(target_rows(cmp), cols, badge="status", numeric=("change",))
        )
    if not one_report and _wants(section, "alignment") and cmp.alignment:
        nav.append(("sections", "Sections"))
        cols = [cmp.a.key, cmp.b.key, "relation", "score", "shared terms"]
        parts.append(
            '<h2 id="sections">Section alignment</h2>'
            + _table(section_rows(cmp), cols, badge="relation", numeric=("score",))
        )
        nav.append(("diff", "Side by side"))
        parts.append(
            '<h2 id="diff">Side by side: sentences within aligned sections</h2>'
            "<p>Word-level differences: <del>removed in B</del> <ins>added in B</ins>.</p>" + _side_by_side(cmp)
        )
    if not one_report and _wants(section, "wording"):
        nav.append(("wording", "Wording"))
        cols = ["term", cmp.a.key, cmp.b.key, "per 10k A", "per 10k B", "change", "G2"]
        parts.append(
            '<h2 id="wording">Wording shifts</h2>'
            + _table(
                wording_rows(cmp), cols, badge="change", numeric=(cmp.a.key, cmp.b.key, "per 10k A", "per 10k B", "G2")
            )
        )
    notes = "".join(f'<p class="note">{_e(n)}</p>' for n in cmp.notes)
    nav_html = "".join(f'<a href="#{k}">{_e(v)}</a>' for k, v in nav)
    page = (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN"><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body>"
        f'<header><h1>{_e(title)}</h1><div class="refs">{ref("A", cmp.a)}{ref("B", cmp.b)}</div>{notes}</header>'
        f"<nav>{nav_html}</nav><main>{''.join(parts)}</main>"
        f"<footer>policydiff {_e(__version__)} · schema {_e(SCHEMA)}</footer>"
        "</body></html>\n"
    )
    return _HTML_ILLEGAL.sub("\ufffd", page)  # a last guard: _e has already replaced them
