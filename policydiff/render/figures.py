"""The one figure formatter of the comparison renderers: a record's figure as a researcher reads it.

Plain numbers come from :func:`policydiff.render.tables.plain_number` (six decimals at most, never
an exponent); this module adds the comparison's own forms on top: signed changes and a record's
value with its unit, range, qualifier and direction (≥1100万人, 6–6.5%, ↓3%左右).
"""

from __future__ import annotations

from typing import Any

from ..lexicon import QUALIFIERS
from .tables import plain_number


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


def _signed(x: Any) -> str:
    if x is None:
        return ""
    s = _num(x)
    return s if s.startswith("-") or s == "0" else f"+{s}"
