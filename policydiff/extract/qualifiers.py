"""Qualifiers, modality and measure of one figure: 左右/以上/超过…, 确保/力争…, level/growth/rate/change/count.

>>> from policydiff.numbers import find_quantities
>>> s = "全年地区生产总值实现712.6亿元，增长4.3%；力争煤炭产销量突破9000万吨。"
>>> qs = find_quantities(s)
>>> [prefix_qualifier(s, clause_start(s, q.start), q.start) for q in qs], modality(s, qs[2].start)
([None, None, '突破'], '力争')
"""

from __future__ import annotations

import re

from ..lexicon import (
    CHANGE_VERBS,
    CLASSIFIERS,
    FALL_VERBS,
    LEADING_CHANGE_VERBS,
    LINK_COMPOUNDS,
    MODALS,
    PREFIX_QUALIFIERS,
    RISE_VERBS,
    SUFFIX_QUALIFIERS,
)
from ..numbers import Quantity
from .geometry import clause_start

#: Modal words, change verbs, link and leading words: the rule vocabulary (policydiff/data/lexicon.json).
_FALL, _RISE = FALL_VERBS, RISE_VERBS


_RATE_END = ("率", "比重", "比例", "占比", "覆盖面", "强度", "贡献率")


GROWTH_END = ("增长", "增速", "增幅", "涨幅", "增长率", "增长速度", "上涨", "提高", "下降", "降幅")


def suffix_qualifier(s: str, end: int) -> str | None:
    """左右 / 以上 / 以内 / 以下 right after a quantity.

    >>> suffix_qualifier("1100万人以上，", 6), suffix_qualifier("4%左右", 2)
    ('以上', '左右')
    """
    rest = s[end : end + 3]
    return next((q for q in SUFFIX_QUALIFIERS if rest.startswith(q)), None)


def prefix_qualifier(s: str, start: int, qstart: int) -> str | None:
    """超过 / 突破 / 不低于 / 近 / 约 / 控制在 ... right before a quantity (within its clause)."""
    before = s[start:qstart]
    for q in PREFIX_QUALIFIERS:
        if before.endswith(q):
            if q in ("近", "超") and before.endswith(("最近", "接近", "超过")):
                continue
            if before.endswith(LINK_COMPOUNDS):
                continue  # 完成签约2090户: 约 ends a word, it bounds nothing
            return q
    return None


def modality(s: str, qstart: int) -> str | None:
    """The modal word (确保, 力争, 争取, 预期 ...) governing a quantity: the nearest one before it
    in the same sentence and semicolon part; 要/将 only inside the quantity's own clause.

    >>> modality("力争年内引进项目300项以上，协议投资总额突破500亿元", 25)
    '力争'
    >>> modality("主要预期目标是：地区生产总值增长4%左右", 17) is None
    True
    """
    part_start = max(s.rfind(";", 0, qstart), s.rfind("；", 0, qstart)) + 1
    scope = s[part_start:qstart]
    best, best_pos = None, -1
    for word in MODALS:
        for m in re.finditer(word, scope):
            if word == "预期" and scope[m.end() : m.end() + 2] in ("目标", "性"):
                continue
            if m.start() > best_pos:
                best, best_pos = word, m.start()
    cl = clause_start(s, qstart)
    own = s[max(cl, part_start) : qstart]
    near = re.search(r"(?:要|将)(?!来|近|军|领|士)", own)
    if near and near.start() + max(cl, part_start) - part_start > best_pos:
        best = near.group()[0]
    return best


#: Change verbs written before the indicator (压减政府性基金项目30%): stripped, and they make the figure a change.
LEADING_CHANGE = LEADING_CHANGE_VERBS


def strip_leading_change(indicator: str) -> tuple[str, str | None]:
    """(indicator without a leading change verb, the verb).

    >>> strip_leading_change("压减政府性基金项目"), strip_leading_change("减税降费")
    (('政府性基金项目', '压减'), ('减税降费', None))
    """
    for verb in LEADING_CHANGE:
        if indicator.startswith(verb) and len(indicator) > len(verb) + 1:
            return indicator[len(verb) :], verb
    return indicator, None


def is_count_unit(q: Quantity) -> bool:
    """A classifier without a magnitude (137项, 5所) counts things; 人 and 人次 do not."""
    return not q.magnitude and q.base_unit in CLASSIFIERS


#: How the name of a ratio to a base ends (旅游收入为2010年的倍数): such a figure is a rate, not a change.
RATIO_END = "的倍数"


def measure_of(q: Quantity, indicator: str, links: list[str]) -> tuple[str, str | None]:
    """(measure, direction) from the unit, the link verbs and the indicator's ending.

    >>> from policydiff.numbers import find_quantities as f
    >>> measure_of(f("4.3%")[0], "地区生产总值", ["增长"]), measure_of(f("3%")[0], "能耗", ["下降"])
    (('growth', None), ('growth', 'down'))
    >>> measure_of(f("5.5%")[0], "城镇调查失业率", []), measure_of(f("137项")[0], "重点项目", [])
    (('rate', None), ('count', None))
    """
    verbs = [w for w in links if w in CHANGE_VERBS]
    to_level = any(w.endswith(("到", "至")) or w in ("达到", "达", "为", "在", "保持在", "稳定在") for w in links)
    falls = any(w in _FALL for w in verbs)
    down = "down" if falls else None
    unit = q.unit or ""
    if unit == "倍" and indicator.endswith(RATIO_END):
        return "rate", None  # 旅游收入为2010年的倍数: a ratio, not a change
    if unit.endswith("百分点") or unit == "倍":
        return "change", down
    if q.is_percent:
        if verbs and not to_level:
            return "growth", down
        if indicator.endswith(GROWTH_END):
            return "growth", "down" if indicator.endswith(("下降", "降幅")) else None
        return "rate", None
    if verbs and not to_level:
        return "change", down
    if is_count_unit(q):
        return "count", None
    return "level", None


def after_qualifier(s: str, end: int) -> int:
    q = suffix_qualifier(s, end)
    return end + len(q) if q else end
