"""Charts as self-contained SVG, written directly (no plotting library).

Why not matplotlib: the charts are three simple kinds (dots, bands, bounds), the SVG must be
deterministic (the same bytes on every run, so outputs can be compared and committed), escaped
(report text lands in labels) and small enough to embed in the HTML compare report; a few hundred
lines of SVG code do that without a 40 MB dependency and its font handling.

- :func:`timeline_svg`: one metric over the years: the target per year (a band for 左右 and ranges,
  a bound with an arrow for 以上/以内) against the result, marked met / exceeded / missed;
- :func:`escalation_svg`: regions' targets for one metric and year against their parent's;
- :func:`delivery_svg`: the delivery table of a comparison (each target against its result, on its
  own scale), for the HTML report.

Every text passes :func:`svg_text` (XML-escaped, control characters dropped); the SVG has no
scripts, links, external fonts or images.

>>> svg = timeline_svg([{"year": 2019, "target_value": 6, "target_value_high": 6.5, "qualifier": None,
...                      "target_unit": "%", "result_value": 6.1, "status": "met"}], title="gdp <growth>")
>>> svg.startswith("<svg") and "gdp &lt;growth&gt;" in svg and "<script" not in svg
True
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from .delivery import ABOUT, CEILING, FLOOR, TOLERANCE

STATUS_COLOURS = {
    "met": "#2e7d32",
    "exceeded": "#1565c0",
    "missed": "#c62828",
    "not reported": "#9e9e9e",
    "not comparable": "#9e9e9e",
    None: "#9e9e9e",
}
RELATION_COLOURS = {"above": "#c62828", "equal": "#616161", "below": "#1565c0"}
FONT = "font-family=\"'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif\""
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def svg_text(text: Any) -> str:
    """Text safe inside SVG elements and attributes: & < > " ' escaped, control characters dropped.

    >>> svg_text('a<b>&"c\\x1b')
    'a&lt;b&gt;&amp;&quot;c'
    """
    s = _ILLEGAL.sub("", "" if text is None else str(text))
    return (
        s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#39;")
    )


def _num(x: float) -> str:
    """A coordinate: two decimals at most, no exponent."""
    r = round(float(x), 2)
    return str(int(r)) if r == int(r) else f"{r:.2f}".rstrip("0")


def _fmt(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return f"{v:g}" if isinstance(v, float) else str(v)


def _amount(value: Any, high: Any = None, unit: Any = None, qualifier: Any = None) -> str:
    if value is None:
        return ""
    text = _fmt(value) + (f"–{_fmt(high)}" if high is not None else "")
    return f"{text}{unit or ''}{qualifier or ''}"


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    """About ``n`` round tick values covering [lo, hi].

    >>> nice_ticks(4.5, 7)
    [4.5, 5.0, 5.5, 6.0, 6.5, 7.0]
    """
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return []
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / max(1, n)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    start = math.floor(lo / step) * step
    ticks = []
    t = start
    while True:
        ticks.append(round(t, 10))
        if t >= hi - step * 1e-9:
            break
        t += step
    return ticks


class _Canvas:
    def __init__(self, width: int, height: int, title: str) -> None:
        self.width, self.height = width, height
        self.parts: list[str] = [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" {FONT} font-size="12">',
            f"<title>{svg_text(title)}</title>",
            f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
        ]

    def add(self, element: str) -> None:
        self.parts.append(element)

    def text(self, x: float, y: float, s: Any, *, anchor: str = "start", size: int | None = None, **attrs: str) -> None:
        extra = "".join(f' {k.replace("_", "-")}="{svg_text(v)}"' for k, v in attrs.items())
        fs = f' font-size="{size}"' if size else ""
        self.add(f'<text x="{_num(x)}" y="{_num(y)}" text-anchor="{anchor}"{fs}{extra}>{svg_text(s)}</text>')

    def line(self, x1: float, y1: float, x2: float, y2: float, stroke: str = "#000", **attrs: str) -> None:
        extra = "".join(f' {k.replace("_", "-")}="{v}"' for k, v in attrs.items())
        self.add(f'<line x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}" stroke="{stroke}"{extra}/>')

    def done(self) -> str:
        return "\n".join([*self.parts, "</svg>"]) + "\n"


def _marker(x: float, y: float, qualifier: str | None, colour: str, tip: str, size: float = 5) -> str:
    """A target's mark: ▶ for a floor (以上), ◀ for a ceiling (以内), ● otherwise."""
    t = f"<title>{svg_text(tip)}</title>"
    if qualifier in FLOOR:
        pts = f"{_num(x - size)},{_num(y - size)} {_num(x + size)},{_num(y)} {_num(x - size)},{_num(y + size)}"
        return f'<polygon points="{pts}" fill="{colour}">{t}</polygon>'
    if qualifier in CEILING:
        pts = f"{_num(x + size)},{_num(y - size)} {_num(x - size)},{_num(y)} {_num(x + size)},{_num(y + size)}"
        return f'<polygon points="{pts}" fill="{colour}">{t}</polygon>'
    return f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(size)}" fill="{colour}">{t}</circle>'


# ---------------------------------------------------------------------------
# Timeline
# ---------------------------------------------------------------------------


def _band(value: float, high: float | None, qualifier: str | None) -> tuple[float, float]:
    if high is not None:
        return min(value, high), max(value, high)
    if qualifier in ABOUT:
        return value - abs(value) * TOLERANCE, value + abs(value) * TOLERANCE
    return value, value


def timeline_svg(rows: Sequence[dict[str, Any]], *, title: str = "", width: int = 760, height: int = 360) -> str:
    """One metric over the years (rows as :func:`policydiff.graph.metric_series` gives them): per year
    the target as a band (左右 ±10%, ranges) or a bound (▲ 以上, ▼ 以内, a tick otherwise) and the
    result as a dot coloured by its status, with ✓ (met, exceeded) or ✗ (missed) above it."""
    rows = [r for r in rows if r.get("year") is not None]
    c = _Canvas(width, height, title or "timeline")
    left, right, top, bottom = 64, 20, 36, 48
    c.text(left, 20, title, size=14, font_weight="bold")
    values: list[float] = []
    for r in rows:
        for k in ("target_value", "target_value_high", "result_value", "result_value_high"):
            v = r.get(k)
            if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v):
                values.append(float(v))
        if isinstance(r.get("target_value"), (int, float)):
            values.extend(_band(float(r["target_value"]), r.get("target_value_high"), r.get("qualifier")))
    if not rows or not values:
        c.text(width / 2, height / 2, "no target or result to plot", anchor="middle")
        return c.done()
    years = sorted({int(r["year"]) for r in rows})
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.15 or abs(hi) * 0.1 or 1
    ticks = nice_ticks(lo - pad, hi + pad)
    y0, y1 = ticks[0], ticks[-1]
    plot_w, plot_h = width - left - right, height - top - bottom

    def X(year: int) -> float:
        if len(years) == 1:
            return left + plot_w / 2
        return left + (year - years[0]) / (years[-1] - years[0]) * plot_w * 0.9 + plot_w * 0.05

    def Y(v: float) -> float:
        return top + plot_h - (v - y0) / (y1 - y0 or 1) * plot_h

    unit = next((r.get("target_unit") or r.get("result_unit") for r in rows if r.get("target_unit")), "")
    for t in ticks:
        c.line(left, Y(t), width - right, Y(t), "#e0e0e0")
        c.text(left - 6, Y(t) + 4, _fmt(t), anchor="end")
    c.text(12, top - 8, unit or "", size=11)
    step = max(1, math.ceil(len(years) / 14))
    for i, y in enumerate(years):
        if i % step == 0 or y == years[-1]:
            c.text(X(y), height - bottom + 18, y, anchor="middle")
    c.line(left, top + plot_h, width - right, top + plot_h, "#616161")
    half = max(4.0, min(18.0, plot_w / max(1, len(years)) * 0.3))
    line = [(X(int(r["year"])), Y(r["result_value"])) for r in rows if _is_number(r.get("result_value"))]
    if len(line) > 1:
        c.add(f'<polyline points="{" ".join(f"{_num(x)},{_num(y)}" for x, y in line)}" fill="none" stroke="#bdbdbd"/>')
    for r in rows:
        x = X(int(r["year"]))
        tv, th, q = r.get("target_value"), r.get("target_value_high"), r.get("qualifier")
        tip = f"{r['year']} target {_amount(tv, th, r.get('target_unit'), q)}"
        if isinstance(tv, (int, float)) and not isinstance(tv, bool):
            b_lo, b_hi = _band(float(tv), th, q)
            if b_hi > b_lo:
                c.add(
                    f'<rect x="{_num(x - half)}" y="{_num(Y(b_hi))}" width="{_num(2 * half)}" '
                    f'height="{_num(Y(b_lo) - Y(b_hi))}" fill="#90caf9" fill-opacity="0.5" stroke="#1e88e5">'
                    f"<title>{svg_text(tip)}</title></rect>"
                )
            else:
                c.add(
                    f'<line x1="{_num(x - half)}" y1="{_num(Y(b_lo))}" x2="{_num(x + half)}" y2="{_num(Y(b_lo))}" '
                    f'stroke="#1e88e5" stroke-width="3"><title>{svg_text(tip)}</title></line>'
                )
                if q in FLOOR or q in CEILING:
                    d = -1 if q in FLOOR else 1
                    tip_y = Y(b_lo) + d * 12
                    c.line(x, Y(b_lo), x, tip_y, "#1e88e5", stroke_width="1.5")
                    pts = f"{_num(x - 4)},{_num(tip_y)} {_num(x + 4)},{_num(tip_y)} {_num(x)},{_num(tip_y + d * 6)}"
                    c.add(f'<polygon points="{pts}" fill="#1e88e5"/>')
        rv = r.get("result_value")
        if isinstance(rv, (int, float)) and not isinstance(rv, bool):
            status = r.get("status")
            colour = STATUS_COLOURS.get(status, "#9e9e9e")
            rtip = f"{r['year']} result {_amount(rv, r.get('result_value_high'), r.get('result_unit'))}"
            rtip += f" ({status})" if status else ""
            c.add(
                f'<circle cx="{_num(x)}" cy="{_num(Y(rv))}" r="5" fill="{colour}" stroke="#ffffff">'
                f"<title>{svg_text(rtip)}</title></circle>"
            )
            mark = {"met": "✓", "exceeded": "✓", "missed": "✗"}.get(status or "")
            if mark:
                c.text(x, Y(rv) - 9, mark, anchor="middle", fill=colour, font_weight="bold")
    _legend(c, width - right - 300, height - 14)
    return c.done()


def _legend(c: _Canvas, x: float, y: float) -> None:
    c.add(f'<rect x="{_num(x)}" y="{_num(y - 9)}" width="14" height="10" fill="#90caf9" stroke="#1e88e5"/>')
    c.text(x + 18, y, "target")
    x += 70
    for status in ("met", "exceeded", "missed"):
        c.add(f'<circle cx="{_num(x + 5)}" cy="{_num(y - 4)}" r="5" fill="{STATUS_COLOURS[status]}"/>')
        c.text(x + 14, y, status)
        x += 76


# ---------------------------------------------------------------------------
# Escalation
# ---------------------------------------------------------------------------


def escalation_svg(rows: Sequence[dict[str, Any]], *, title: str = "", width: int = 760) -> str:
    """Regions' targets (rows as :meth:`policydiff.panel.Panel.escalation_for` gives them) against the
    parent's: one line per region, its target as ● (about/point), ▶ (floor) or ◀ (ceiling), a range
    as a bar; the parent's target as a dashed line (one per parent); colour by above / equal / below."""
    rows = [r for r in rows if isinstance(r.get("value"), (int, float)) and not isinstance(r.get("value"), bool)]
    row_h, top, bottom, label_w, right = 22, 48, 40, 150, 150
    height = top + bottom + row_h * max(1, len(rows))
    c = _Canvas(width, height, title or "escalation")
    c.text(12, 22, title, size=14, font_weight="bold")
    if not rows:
        c.text(width / 2, height / 2, "no target to plot", anchor="middle")
        return c.done()
    keys = ("value", "value_high", "parent_value", "parent_value_high")
    values = [float(r[k]) for r in rows for k in keys if _is_number(r.get(k))]
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.1 or abs(hi) * 0.1 or 1
    ticks = nice_ticks(lo - pad, hi + pad)
    x0, x1 = ticks[0], ticks[-1]
    plot_w = width - label_w - right

    def X(v: float) -> float:
        return label_w + (v - x0) / (x1 - x0 or 1) * plot_w

    for t in ticks:
        c.line(X(t), top - 6, X(t), height - bottom, "#eeeeee")
        c.text(X(t), height - bottom + 16, _fmt(t), anchor="middle")
    unit = next((r.get("unit") for r in rows if r.get("unit")), "")
    c.text(label_w + plot_w / 2, height - 8, unit or "", anchor="middle", size=11)
    parents: dict[tuple[str, Any, Any], str] = {}
    for r in rows:
        pv = r.get("parent_value")
        if isinstance(pv, (int, float)) and not isinstance(pv, bool):
            key = (r.get("parent") or "", pv, r.get("parent_qualifier"))
            parents.setdefault(key, r.get("parent_name_zh") or r.get("parent") or "parent")
    for (_pkey, pv, pq), pname in sorted(parents.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        c.line(X(pv), top - 6, X(pv), height - bottom, "#424242", stroke_dasharray="5,4", stroke_width="1.5")
        c.text(X(pv), top - 12, f"{pname} {_fmt(pv)}{unit or ''}{pq or ''}", anchor="middle", size=11)
    for i, r in enumerate(rows):
        y = top + row_h * i + row_h / 2
        colour = RELATION_COLOURS.get(r.get("vs_parent") or "", "#9e9e9e")
        name = r.get("name_zh") or r.get("region")
        c.text(label_w - 8, y + 4, name, anchor="end")
        v, vh, q = float(r["value"]), r.get("value_high"), r.get("qualifier")
        tip = f"{name}: {_amount(v, vh, r.get('unit'), q)}"
        if r.get("difference") is not None:
            tip += f" ({'+' if r['difference'] > 0 else ''}{_fmt(r['difference'])} vs {r.get('parent')})"
        if isinstance(vh, (int, float)) and not isinstance(vh, bool):
            c.add(
                f'<rect x="{_num(X(min(v, vh)))}" y="{_num(y - 4)}" width="{_num(abs(X(vh) - X(v)))}" height="8" '
                f'fill="{colour}" fill-opacity="0.6"><title>{svg_text(tip)}</title></rect>'
            )
        c.add(_marker(X(v), y, q, colour, tip))
        c.text(width - right + 10, y + 4, _amount(v, vh, r.get("unit"), q), fill=colour)
    return c.done()


# ---------------------------------------------------------------------------
# Delivery (for the HTML compare report)
# ---------------------------------------------------------------------------


def delivery_svg(checks: Iterable[Any], *, title: str = "", width: int = 760) -> str:
    """The delivery table of a comparison as a chart: one line per target with a figure (objects with
    ``target``, ``result``, ``status``, ``indicator``: :class:`policydiff.compare.DeliveryCheck`), each on
    its own scale: the target's band or bound in blue, the result as a dot coloured by status.

    >>> from types import SimpleNamespace as R
    >>> t = R(value=6, value_high=6.5, unit="%", qualifier=None)
    >>> svg = delivery_svg([R(target=t, result=R(value=6.1, value_high=None, unit="%"), status="met",
    ...                     indicator="国内生产总值")])
    >>> "国内生产总值" in svg and 'fill="#2e7d32"' in svg
    True
    """
    items = [
        ch
        for ch in checks
        if getattr(ch.target, "value", None) is not None
        and not isinstance(ch.target.value, bool)
        and math.isfinite(float(ch.target.value))
    ]
    row_h, top, bottom = 24, 40, 30
    names = [_fit(ch.indicator or getattr(ch.target, "indicator", "") or "", 300) for ch in items]
    label_w = max([120.0] + [text_width(n) + 16 for n in names])
    notes = [_delivery_note(ch) for ch in items]
    right = max([170.0] + [text_width(n, 11) + 16 for n in notes])
    width = max(width, math.ceil(label_w + right + 300))
    height = top + bottom + row_h * max(1, len(items))
    c = _Canvas(width, height, title or "delivery")
    c.text(12, 22, title or "Targets and results", size=14, font_weight="bold")
    if not items:
        c.text(width / 2, height / 2, "no target with a figure", anchor="middle")
        return c.done()
    plot_w = width - label_w - right
    for i, ch in enumerate(items):
        y = top + row_h * i + row_h / 2
        t, r = ch.target, ch.result
        tv = float(t.value)
        b_lo, b_hi = _band(tv, t.value_high, t.qualifier)
        rv = None
        if r is not None and _is_number(getattr(r, "value", None)) and ch.status != "not comparable":
            rv = float(r.value)
        pts = [b_lo, b_hi] + ([rv] if rv is not None and math.isfinite(rv) else [])
        lo, hi = min(pts), max(pts)
        pad = (hi - lo) * 0.25 or abs(hi) * 0.2 or 1

        def X(v: float, lo: float = lo - pad, hi: float = hi + pad) -> float:
            return label_w + (v - lo) / (hi - lo or 1) * plot_w

        if i % 2 == 0:
            c.add(f'<rect x="0" y="{_num(y - row_h / 2)}" width="{width}" height="{row_h}" fill="#fafafa"/>')
        c.text(label_w - 8, y + 4, names[i], anchor="end")
        c.line(label_w, y, label_w + plot_w, y, "#e0e0e0")
        tip = f"target {_amount(t.value, t.value_high, t.unit, t.qualifier)}"
        if b_hi > b_lo:
            c.add(
                f'<rect x="{_num(X(b_lo))}" y="{_num(y - 6)}" width="{_num(X(b_hi) - X(b_lo))}" height="12" '
                f'fill="#90caf9" fill-opacity="0.6" stroke="#1e88e5"><title>{svg_text(tip)}</title></rect>'
            )
        else:
            c.add(_marker(X(tv), y, t.qualifier, "#1e88e5", tip, size=6))
        colour = STATUS_COLOURS.get(ch.status, "#9e9e9e")
        if rv is not None and math.isfinite(rv):
            rtip = f"result {_amount(r.value, getattr(r, 'value_high', None), r.unit)} ({ch.status})"
            c.add(
                f'<circle cx="{_num(X(rv))}" cy="{_num(y)}" r="5" fill="{colour}" stroke="#ffffff">'
                f"<title>{svg_text(rtip)}</title></circle>"
            )
        c.text(width - right + 8, y + 4, notes[i], fill=colour, size=11)
    return c.done()


def _delivery_note(ch: Any) -> str:
    """ "target → result status" beside a delivery row."""
    t, r = ch.target, ch.result
    shown = r is not None and _is_number(getattr(r, "value", None)) and ch.status != "not comparable"
    result = _amount(r.value, getattr(r, "value_high", None), r.unit) if shown else "—"
    return f"{_amount(t.value, t.value_high, t.unit, t.qualifier)} → {result} {ch.status}"


def text_width(text: str, size: float = 12) -> float:
    """Roughly how wide ``text`` is drawn at ``size`` px: a full em per wide (CJK) character, 0.6 em
    per other character (no font metrics are at hand; enough to keep labels inside the picture).

    >>> text_width("国内生产总值"), text_width("6.1%", 10)
    (72, 24.0)
    """
    return sum(size if unicodedata.east_asian_width(ch) in "WF" else size * 0.6 for ch in text)


def _fit(text: str, limit: float, size: float = 12) -> str:
    """``text`` cut to ``limit`` px with an ellipsis.

    >>> _fit("国家财政性教育经费占国内生产总值比例", 120)
    '国家财政性教育经费…'
    """
    if text_width(text, size) <= limit:
        return text
    while text and text_width(text + "…", size) > limit:
        text = text[:-1]
    return text + "…"
