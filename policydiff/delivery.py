"""Was a target delivered? One target record against the result a later report gives for it.

The rules (docs/compare.md explains them with examples):

- Values are compared in the target's unit; units must share a base after their magnitude
  (万人 vs 人, 亿元 vs 万亿元) or the status is ``not comparable``. ``%`` and ``个百分点`` differ.
- A figure that measures a change (growth/change) with ``direction`` "down" is an amount of
  decrease: a result moving the other way counts negative. Levels and rates are taken as they are.
- Floors (以上 不低于 不少于 至少 突破 超过 高于 多 余 逾, and a target's 达到 / 提高到 / 增加到: qualifier
  ``达到``): met by anything at or above the bound, ``exceeded`` from :data:`TOLERANCE` (relative) above it
  on (9.9 against 9%以上).
- Ceilings (以内 以下 不超过 不高于 低于 之内 控制在): met by anything at or below, else missed.
- Ranges (6%-6.5%): met inside, exceeded above, missed below.
- About (左右 约 近 上下 前后): met within ±:data:`TOLERANCE` of the figure (3%左右: 2.7–3.3), exceeded
  above the band, missed below it; for indicators where lower is better (unemployment, prices,
  deficits, energy use, emissions, incidence rates) the band is a ceiling: anything up to its top is met.
- A bare figure (新增高新技术企业3000家, 林木绿化率达到56.56%): met at the figure (±:data:`EXACT_TOLERANCE`, float
  noise only), exceeded above, missed below — read literally (lower-is-better indicators as above).
- A result written as a bound (5.3%以下, 超过40万亿元) decides if the whole bound falls on one side; else one
  year's figure is read at the bound it states (超550万 against 600万: missed), a multi-year one does not decide.

>>> from types import SimpleNamespace as R
>>> t = R(value=6, value_high=6.5, unit="%", qualifier=None, direction=None, measure="growth",
...       absent=False, indicator="国内生产总值", metric="gdp")
>>> judge(t, R(value=6.1, value_high=None, unit="%", qualifier=None, direction=None, measure="growth"))
Delivery(status='met', margin=0.1, note='6.1 within 6–6.5')
"""

from __future__ import annotations

import copy
import dataclasses
import math
import re
from dataclasses import dataclass

from .lexicon import QUALIFIERS, UNIT_EQUIVALENTS, bound_of
from .metrics import lower_is_better
from .model import Record
from .numbers import UNIT_SAID_OTHERWISE

#: Relative half-width of the band an "about" (左右) target is met within; also how far above a
#: floor or a bare figure a result must be to count as exceeded.
TOLERANCE = 0.10
#: Relative slack for a bare figure (no qualifier): none but float noise; a bare figure is read literally.
EXACT_TOLERANCE = 1e-9

#: Qualifiers by the bound they set (policydiff/data/lexicon.json): the one vocabulary of the extractor,
#: the delivery check and the renderers.
FLOOR = frozenset(w for w, q in QUALIFIERS.items() if q.bound == "floor")
CEILING = frozenset(w for w, q in QUALIFIERS.items() if q.bound == "ceiling")
ABOUT = frozenset(w for w, q in QUALIFIERS.items() if q.bound == "about")

STATUSES = ("met", "exceeded", "missed", "not comparable", "unclear", "not reported")

#: Measures that are both amounts: a level (完成减贫1186人) and a count (1374名贫困人口) compare.
_AMOUNTS = {"level": "amount", "count": "amount"}
_MAGNITUDE = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
_UNSCALED = re.compile(r"%|‰|百分点|倍")


@dataclass
class Delivery:
    """How a target fared: status, margin (result − decisive bound, in the target's unit), one-line note."""

    status: str  # met | missed | exceeded | not comparable | unclear | not reported
    margin: float | None
    note: str


def unit_scale(unit: str | None) -> tuple[float, str]:
    """Split a unit into its magnitude and base: 万亿元 → (1e12, "元"); % and 个百分点 are not scaled.

    >>> unit_scale("万亿元"), unit_scale("万人"), unit_scale("%"), unit_scale("千瓦"), unit_scale("亿")
    ((1000000000000, '元'), (10000, '人'), (1, '%'), (1, '千瓦'), (100000000, ''))

    Units of one measure in other sizes share a base (lexicon ``unit_equivalents``): 万吨 and 亿斤 are both 斤.

    >>> unit_scale("万吨"), unit_scale("万公顷"), unit_scale("千克")
    ((20000000, '斤'), (150000, '亩'), (2, '斤'))
    >>> unit_scale("万平方米")[1] == unit_scale("公顷")[1] == "亩"  # 1万平方米 = 1公顷 = 15亩
    True

    A unit said two ways (9.56万套（间）) counts as the first:

    >>> unit_scale("万套（间）")
    (10000, '套')

    A fraction written in digits (1/3: value 1, unit /3) is a share in percent:

    >>> unit_scale("/3"), unit_scale("/4")
    ((33.3, '%'), (25.0, '%'))
    """
    u = (unit or "").strip()
    said = UNIT_SAID_OTHERWISE.search(u)
    if said and said.end() == len(u):
        u = u[: said.start()]
    fraction = re.fullmatch(r"/(\d{1,3})", u)
    if fraction and int(fraction.group(1)):  # 1/3 is 33.3 %, read at one decimal as 三分之一 is
        return round(100 / int(fraction.group(1)), 1), "%"
    if not u or _UNSCALED.search(u):
        return 1, u
    scale, i = 1, 0
    if all(ch in _MAGNITUDE for ch in u):  # a bare magnitude: 减少1000万, 14亿
        for ch in u:
            scale *= _MAGNITUDE[ch]
        return scale, ""
    # A magnitude prefix only counts when a base follows it (千瓦, 千米, 千克 stay whole bases).
    while i < len(u) - 1 and u[i] in _MAGNITUDE and u[i:] not in ("千瓦", "千米", "千克", "千瓦时"):
        scale *= _MAGNITUDE[u[i]]
        i += 1
    base, factor = UNIT_EQUIVALENTS.get(u[i:], (u[i:], 1))
    return (scale * factor if factor != 1 else scale), base


#: Counting words that count the same things in different words (项目1200项 / 1213个), and words for people.
COUNT_WORDS = frozenset("个 项 家 所 处 座 件 条 批 台 部 支 只 种 宗".split())
PEOPLE_WORDS = frozenset("人 名 位".split())
#: Words that count events or occasions (场次, 次): one base.
EVENT_WORDS = frozenset("次 场 场次".split())
#: Words that count firms and households alike (新增规模以上工业企业80户 / 培育规上工业企业85家): one base.
FIRM_WORDS = frozenset("户 家".split())
#: Words that count homes and the households in them (城中村改造3.5万套 / 3.5万户, 改厕5000户 / 5007座): one base,
#: as every hand pair that meets them reads them.
HOME_WORDS = frozenset("户 套 座 间".split())


def comparable(unit_a: str | None, unit_b: str | None) -> bool:
    """True when two units measure the same thing (same base after the magnitude; the counting words
    个 项 家 所 … are one base, 人 and 名 another).

    >>> comparable("万亿元", "亿元"), comparable("%", "个百分点"), comparable("万人", "人次"), comparable("项", "个")
    (True, False, False, True)
    >>> comparable("场次", "次"), comparable("次", "个"), comparable("户", "家"), comparable("户", "个")
    (True, False, True, False)
    >>> comparable("万套", "万户"), comparable("户", "座")
    (True, True)
    """
    ba, bb = unit_scale(unit_a)[1], unit_scale(unit_b)[1]
    groups = (COUNT_WORDS, PEOPLE_WORDS, EVENT_WORDS, FIRM_WORDS, HOME_WORDS)
    return ba == bb or any(ba in g and bb in g for g in groups)


def bare_magnitude(unit_a: str | None, unit_b: str | None) -> bool:
    """Whether one unit is a bare magnitude (旅游人数150万) and the other has a base (152万人次): for one
    metric the base goes without saying.

    >>> bare_magnitude("万", "万人次"), bare_magnitude("万人", "万元"), bare_magnitude("万", "%")
    (True, False, False)
    """
    ba, bb = unit_scale(unit_a)[1], unit_scale(unit_b)[1]
    return bool(unit_a and unit_b) and (ba == "") != (bb == "") and "%" not in f"{unit_a}{unit_b}"


def _fmt(x: float | None) -> str:
    if x is None:
        return "?"
    x = round(x, 6)
    return str(int(x)) if x == int(x) else f"{x:g}" if abs(x) < 1e6 else f"{x:.6g}"


def _clean(x: float) -> float | int:
    x = round(x, 6)
    return int(x) if x == int(x) else x


def _is_change(rec) -> bool:
    return getattr(rec, "measure", None) in ("growth", "change") or getattr(rec, "measure", None) is None


def _kind(qualifier: str | None) -> str:
    """floor | ceiling | about | point (no qualifier, or one that says nothing about the bound).

    >>> _kind("及以上"), _kind("控制到"), _kind("不足"), _kind("将近"), _kind(None)
    ('floor', 'ceiling', 'ceiling', 'about', 'point')
    """
    return bound_of(qualifier)


def judge(target: Record, result: Record | None) -> Delivery:
    """Decide met / exceeded / missed / not reported / not comparable for one target and its result.

    >>> from types import SimpleNamespace as R
    >>> def rec(v, u, q=None, hi=None, d=None, m="level", ind="城镇新增就业"):
    ...     return R(value=v, value_high=hi, unit=u, qualifier=q, direction=d, measure=m, absent=False,
    ...              indicator=ind, metric=ind)
    >>> judge(rec(1100, "万人", "以上"), rec(1352, "万人"))
    Delivery(status='exceeded', margin=252, note='1352 ≥ 1100 (以上), 10% or more above')
    >>> judge(rec(4.5, "%", "以内", m="rate", ind="城镇登记失业率"), rec(3.6, "%", m="rate")).note
    '3.6 ≤ 4.5 (以内)'
    >>> energy = rec(3, "%", "左右", d="down", m="change", ind="单位国内生产总值能耗")
    >>> judge(energy, rec(2.6, "%", d="down", m="change"))
    Delivery(status='missed', margin=-0.4, note='2.6 below 3 ±10% (2.7–3.3, 左右)')
    >>> judge(rec(1100, "万人", "以上"), rec(13.5, "%")).status
    'not comparable'
    >>> judge(rec(600, "万", "达到", ind="旅居人数"), rec(550, "万", "超", ind="旅居人数"))
    Delivery(status='missed', margin=-50, note='550 below 600 (达到); 550超 read at the bound it states')
    """
    if getattr(target, "absent", False) or target.value is None:
        return Delivery("not comparable", None, "no numeric target was set")
    if result is None or result.value is None:
        return Delivery("not reported", None, "no result for this metric and year")
    # a bare magnitude (150万) takes the base of the figure linked to it (152万人次)
    if not comparable(target.unit, result.unit) and not bare_magnitude(target.unit, result.unit):
        return Delivery(
            "not comparable", None, f"units differ: target {target.unit or '-'}, result {result.unit or '-'}"
        )
    tm, rm = getattr(target, "measure", None), getattr(result, "measure", None)
    if tm and rm and _AMOUNTS.get(tm, tm) != _AMOUNTS.get(rm, rm):
        return Delivery("not comparable", None, f"measures differ: target {tm}, result {rm}")

    # The result in the target's unit and sense (a decrease target counts decreases as positive).
    factor = unit_scale(result.unit)[0] / unit_scale(target.unit)[0]
    t_down = target.direction == "down" and _is_change(target)
    r_down = result.direction == "down" and _is_change(result)
    sign = (-1 if t_down else 1) * (-1 if r_down else 1)
    rv = sign * result.value * factor
    r_high = getattr(result, "value_high", None)
    rv2 = sign * r_high * factor if r_high is not None else rv
    lo, hi = min(rv, rv2), max(rv, rv2)
    rk = _kind(getattr(result, "qualifier", None))
    if rk == "floor":  # 超过40万亿元: at least this much (in the result's own sense)
        lo, hi = (lo, math.inf) if sign > 0 else (-math.inf, hi)
    elif rk == "ceiling":
        lo, hi = (-math.inf, hi) if sign > 0 else (lo, math.inf)
    shown = _fmt(rv) + (f"–{_fmt(rv2)}" if r_high is not None else "")
    if rk in ("floor", "ceiling"):
        shown += str(result.qualifier)

    b = float(target.value)
    q = target.qualifier or ""
    tk = "range" if target.value_high is not None else _kind(q)
    lower_better = tk in ("about", "point") and not t_down and lower_is_better(target.metric, target.indicator)
    inf = math.inf
    if tk == "range" and target.value_high is not None:  # the same test: only a range has a top
        t_hi = float(target.value_high)
        met_lo, met_hi, ex_from = b, t_hi, t_hi
        bound = t_hi if rv > t_hi else b
        label = f"{_fmt(b)}–{_fmt(t_hi)}"
    elif tk == "floor":
        met_lo, met_hi, ex_from, bound = b, inf, b + abs(b) * TOLERANCE, b
        label = f"{_fmt(b)} ({q})"
    elif tk == "ceiling":
        met_lo, met_hi, ex_from, bound = -inf, b, inf, b
        label = f"{_fmt(b)} ({q})"
    else:
        rel = TOLERANCE if tk == "about" else EXACT_TOLERANCE
        tol = abs(b) * rel
        bound = b
        if lower_better:
            met_lo, met_hi, ex_from = -inf, b + tol, inf
            band = f" ±{rel:.0%}" if tk == "about" else ""
            label = f"{_fmt(b)}{band} ({q or 'as stated'}; lower is better: up to {_fmt(b + tol)})"
        else:
            met_lo, met_hi, ex_from = b - tol, b + tol, b + tol
            if tk == "about":
                label = f"{_fmt(b)} ±{rel:.0%} ({_fmt(b - tol)}–{_fmt(b + tol)}, {q or 'as stated'})"
            else:
                label = f"{_fmt(b)} (as stated)"
    margin = _clean(rv - bound)
    bound_note = "; the result is only a bound" if rk in ("floor", "ceiling") else ""

    # a floor is exceeded from 1.1 × the floor on (9.9 against 9%以上, as the delivery gold reads it)
    if lo > ex_from or (tk == "floor" and math.isclose(lo, ex_from, rel_tol=1e-9)):
        extra = f", {TOLERANCE:.0%} or more above" if tk == "floor" else ""
        verb = "≥" if tk == "floor" else "above"
        return Delivery("exceeded", margin, f"{shown} {verb} {label}{extra}{bound_note}")
    if met_lo <= lo and hi <= met_hi:
        verb = {"floor": "≥", "ceiling": "≤"}.get(tk, "within")
        return Delivery("met", margin, f"{shown} {verb} {label}{bound_note}")
    if met_lo <= lo and met_hi < inf and ex_from == met_hi:  # at least met, perhaps exceeded
        return Delivery("met", margin, f"{shown} at least within {label}{bound_note}")
    if hi < met_lo:
        return Delivery("missed", margin, f"{shown} below {label}{bound_note}")
    if lo > met_hi:
        return Delivery("missed", margin, f"{shown} above {label}{bound_note}")
    if getattr(result, "period", None) is None:
        # one year's figure written as a bound (旅居人数超550万, 增长9%以上) names about what was reached: a report
        # that reached the target would say so, so it is read at the bound it states
        at = judge(target, with_fields(result, qualifier=None))
        return Delivery(at.status, at.margin, f"{at.note}; {shown} read at the bound it states")
    return Delivery("not comparable", margin, f"the result {shown} is a bound that does not decide against {label}")


def _in_target_sense(target: Record, result: Record) -> Record:
    """The result as the target measures it: an amount of change (减少1442万人) read as an amount, and an amount
    named as what was added (新增中小学学位2.4万个) read as the increase a target of change sets (增加中小学学位2万个).

    >>> from types import SimpleNamespace as R
    >>> t = R(measure="change", direction=None)
    >>> _in_target_sense(t, R(measure="count", indicator="新增中小学学位", direction=None)).measure
    'change'
    >>> _in_target_sense(t, R(measure="count", indicator="中小学学位", direction=None)).measure
    'count'
    """
    groups = {getattr(target, "measure", None), getattr(result, "measure", None)}
    if groups in ({"level", "change"}, {"count", "change"}) and result.measure == "change":
        value = abs(result.value) if result.value is not None else None
        return with_fields(result, measure=target.measure, direction=None, value=value)
    added = (getattr(result, "indicator", None) or "").startswith(_ADDED)
    if target.measure == "change" and target.direction != "down" and result.measure in ("level", "count") and added:
        return with_fields(result, measure="change", direction=target.direction)
    return result


#: Words that open the name of what was added (新增中小学学位): an increase, whatever its measure.
_ADDED = ("新增", "新建", "增加")


_CHANGES = ("growth", "change")


def signed_fall(target: Record, result: Record) -> Record:
    """A single figure of a fall (direction down) answering a growth or change target that is not a fall, as a
    negative figure with no direction (固定资产投资下降3.3% against 增长5%: −3.3%); anything else as it is.
    :func:`judge` reads the two the same way; this is how a row shows it.

    >>> from types import SimpleNamespace as R
    >>> t = R(measure="growth", direction=None)
    >>> r = signed_fall(t, R(value=3.3, value_high=None, measure="growth", direction="down"))
    >>> (r.value, r.direction)
    (-3.3, None)
    """
    if (
        getattr(result, "direction", None) == "down"
        and getattr(target, "direction", None) != "down"
        and getattr(result, "measure", None) in _CHANGES
        and getattr(target, "measure", None) in _CHANGES
        and result.value is not None
        and result.value_high is None
    ):
        return with_fields(result, value=-result.value, direction=None)
    return result


def with_fields(rec, **changes):
    """A copy of a record with some fields changed (records are frozen dataclasses; plain objects in doctests).

    >>> from types import SimpleNamespace as R
    >>> with_fields(R(value=1, unit="万亿元"), value=10000, unit="亿元")
    namespace(value=10000, unit='亿元')
    """
    if dataclasses.is_dataclass(rec) and not isinstance(rec, type):
        return dataclasses.replace(rec, **changes)
    out = copy.copy(rec)
    for k, v in changes.items():
        setattr(out, k, v)
    return out


def judge_parts(target: Record, parts: list[Record]) -> tuple[Delivery, list[Delivery]]:
    """A target answered by the figures of its parts (城镇 and 农村 income): each part judged, and the
    combined verdict: met (exceeded) when every part is, missed when every part is, otherwise
    ``not comparable`` (the whole cannot be computed without the parts' weights).

    >>> from types import SimpleNamespace as R
    >>> def rec(ind, v):
    ...     return R(value=v, value_high=None, unit="%", qualifier="左右" if ind == "居民收入" else None,
    ...              direction=None, measure="growth", absent=False, indicator=ind, metric=None)
    >>> d, each = judge_parts(rec("居民收入", 6), [rec("城镇居民收入", 4.4), rec("农村居民收入", 5.9)])
    >>> d.status, [e.status for e in each]
    ('not comparable', ['missed', 'met'])
    """
    each = [judge(target, p) for p in parts]
    names = "; ".join(
        f"{p.indicator} {_fmt(p.value)}{p.unit or ''} {e.status}" for p, e in zip(parts, each, strict=True)
    )
    status = parts_verdict(each)
    if status == "not comparable":
        names += " (the parts disagree; the whole needs their weights)"
    elif aggregate(target.indicator):
        # 全体居民人均可支配收入 is a statistic of its own (people move between the parts), not each part's
        note = f"parts: {names}; the {aggregate(target.indicator)} figure is not given, the parts point to {status}"
        return Delivery("not comparable", None, note), each
    k = deciding_part(status, each)
    margin = each[k].margin if k is not None else None
    return Delivery(status, margin, f"parts: {names}"), each


def parts_verdict(each: list[Delivery]) -> str:
    """What the parts' verdicts say together: met (exceeded) when every part is, missed when every part is,
    else ``not comparable``.

    >>> parts_verdict([Delivery("exceeded", 1, ""), Delivery("met", 0, "")])
    'met'
    """
    statuses = {e.status for e in each}
    if statuses <= {"met", "exceeded"}:
        return "exceeded" if statuses == {"exceeded"} else "met"
    return "missed" if statuses == {"missed"} else "not comparable"


_AGGREGATE = re.compile(r"^(全体|全省|全市|全区|全县|全国)?居民")


def aggregate(indicator: str | None) -> str | None:
    """The whole a target names as one statistic of all its people (全体居民…, 居民…), not each of its parts
    as 城乡居民… does; None otherwise.

    >>> aggregate("全体居民人均可支配收入"), aggregate("居民人均可支配收入"), aggregate("城乡居民人均可支配收入")
    ('全体居民', '居民', None)
    """
    m = _AGGREGATE.match(indicator or "")
    return m.group() if m else None


def deciding_part(status: str, each: list[Delivery]) -> int | None:
    """Which part decides a combined verdict: the one nearest the bound — the lowest part of a target met or
    exceeded by every part, the highest of one every part missed; None when the parts disagree.

    >>> e = [Delivery("exceeded", 1.7, ""), Delivery("exceeded", 5.4, "")]
    >>> m = [Delivery("missed", -6.9, ""), Delivery("missed", -3.9, "")]
    >>> deciding_part("exceeded", e), deciding_part("missed", m)
    (0, 1)
    """
    margins = [(e.margin, i) for i, e in enumerate(each) if e.margin is not None]
    if not margins or status not in ("met", "exceeded", "missed"):
        return None
    return (max(margins) if status == "missed" else min(margins))[1]


def assess(lk) -> tuple[Delivery, list[Delivery]]:
    """Judge a :class:`policydiff.link.Link`: the delivery and, for a split, each part's.

    >>> from policydiff.link import Link
    >>> from types import SimpleNamespace as R
    >>> t = R(value=6, value_high=None, unit="%", qualifier=None, direction=None, measure="growth",
    ...       absent=False, indicator="指标", metric=None)
    >>> assess(Link(t, "not reported"))[0]
    Delivery(status='not reported', margin=None, note='the later report states no figure for this indicator')
    """
    t = lk.target
    if getattr(t, "absent", False) or t.value is None:
        return judge(t, lk.result), []
    if lk.status == "linked":
        return judge(t, _in_target_sense(t, lk.result)), []
    if lk.status == "split":
        return judge_parts(t, lk.parts)
    if lk.status == "not comparable":
        r = lk.result
        shown = f"{_fmt(r.value)}{r.unit or ''}" + (f" ({r.period})" if getattr(r, "period", None) else "")
        return Delivery("not comparable", None, f"{lk.reason}; B gives {shown}"), []
    if lk.status == "unclear":
        return Delivery("unclear", None, "no candidate is sure enough: " + "; ".join(lk.evidence)), []
    return Delivery("not reported", None, "the later report states no figure for this indicator"), []
