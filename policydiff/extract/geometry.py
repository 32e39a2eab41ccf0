"""Text geometry: where a figure's clause starts and ends, brackets and quotes.

Offsets are relative to the sentence text. A clause ends at ，；：。！？ and the parentheses, never
inside quotes, and at 、 only between figures; a bracketed acronym (（PM2.5）) is part of its clause.

>>> s = "全年地区生产总值实现712.6亿元，增长4.3%；力争煤炭产销量突破9000万吨。"
>>> s[clause_start(s, s.index("9000")) : clause_end(s, s.index("9000"))]
'力争煤炭产销量突破9000万吨'
"""

from __future__ import annotations

import re

#: Clause boundaries (the quantity's indicator never reaches across one).
CLAUSE_PUNCT = "，,；;：:。！？!?、（）()"


_OPEN_QUOTES, _CLOSE_QUOTES = "“‘「《", "”’」》"


#: A bracketed acronym or symbol inside a name (（PM2.5）, (GDP)): part of the clause, not a boundary.
_NOTE_BODY = r"(?:[A-Za-z][A-Za-z0-9.]{0,9}|(?![一二三四五六七八九十]+[）)])[\u4e00-\u9fff][\u4e00-\u9fff、]{0,5})"


#: A footnote number after a word (河湖“清四乱”（4）207处; a list's （1） follows a full stop): no boundary either.
_MARK = r"(?<=[”\u4e00-\u9fff])[（(]\d{1,2}[）)]"


_NOTE = re.compile(rf"[（(]{_NOTE_BODY}[）)]|{_MARK}")  # （PM2.5）, （专科）, （市、区）: part of a name


_NOTE_BEFORE = re.compile(rf"(?:[（(]{_NOTE_BODY}[）)]|{_MARK})$")


#: A figure in a listed item (not a code: PM10, 5G, 3D), after which 、 ends a clause; a service hotline's number
#: (12345市民服务热线诉求解决率、满意率) is part of a name.
_FIGURE_IN_ITEM = re.compile(
    r"(?<![A-Za-z._\d])(?!12\d{3}”?(?:[\u4e00-\u9fff]{0,6}热线|政务|便民))\d+(?:\.\d+)?(?![A-Za-z\d.])"
)


def clause_start(s: str, pos: int) -> int:
    """Start of the clause holding ``pos``: after the last clause punctuation outside quotes.

    >>> s = "力争创建“五星达标、特色培育”示范村3个"
    >>> s[clause_start(s, s.index("3")):]
    '力争创建“五星达标、特色培育”示范村3个'
    >>> s = "地级及以上城市细颗粒物（PM2.5）平均浓度下降27.5%"
    >>> s[clause_start(s, s.index("27")):]
    '地级及以上城市细颗粒物（PM2.5）平均浓度下降27.5%'
    >>> s = "5G基站、标准机架分别达到10.8万个"
    >>> s[clause_start(s, s.index("10")):]
    '5G基站、标准机架分别达到10.8万个'
    >>> s = "，持续开展河湖“清四乱”（4）207处"
    >>> s[clause_start(s, s.index("207")):]
    '持续开展河湖“清四乱”（4）207处'
    """
    depth = 0
    i = pos - 1
    while i >= 0:
        ch = s[i]
        m = _NOTE_BEFORE.search(s, 0, i + 1) if ch in "）)" else None
        if m:
            i = m.start() - 1  # 细颗粒物（PM2.5）平均浓度: an acronym note does not end the clause
            continue
        if ch in _CLOSE_QUOTES:
            depth += 1
        elif ch in _OPEN_QUOTES:
            if depth:
                depth -= 1
            elif ch == "《":
                pass
        elif ch in CLAUSE_PUNCT and depth == 0:
            if ch == "、":
                prev = clause_start(s, i)
                if not _FIGURE_IN_ITEM.search(s[prev:i]) or s[i + 1 : i + 2].isdigit():
                    return prev  # 二氧化硫、氮氧化物排放量 / 从50%、75%提高至 / PM10、PM2.5 / 5G基站、…: one clause
            return i + 1
        i -= 1
    return 0


def clause_end(s: str, pos: int) -> int:
    """End of the clause holding ``pos`` (exclusive), quotes respected."""
    depth = 0
    i = pos
    while i < len(s):
        ch = s[i]
        m = _NOTE.match(s, i) if ch in "（(" else None
        if m:
            i = m.end()
            continue
        i += 1
        if ch in _OPEN_QUOTES:
            depth += 1
        elif ch in _CLOSE_QUOTES and depth:
            depth -= 1
        elif ch in CLAUSE_PUNCT and depth == 0:
            return i - 1
    return len(s)


def _cjk_start(text: str) -> bool:
    return "\u4e00" <= text[0] <= "\u9fff"


def in_brackets(s: str, pos: int) -> bool:
    """Inside 《》 (a title) or () (a note such as a plan period)."""
    for o, c in (("《", "》"), ("(", ")"), ("（", "）")):
        if s.rfind(o, 0, pos) > s.rfind(c, 0, pos):
            return True
    return False


def _commitment_clauses(s: str) -> list[tuple[int, int]]:
    """Clause spans for commitments: split at ，；。：, never inside quotes (lists with 、 stay whole)."""
    spans, depth, start = [], 0, 0
    for i, ch in enumerate(s):
        if ch in "“‘「《":
            depth += 1
        elif ch in "”’」》" and depth:
            depth -= 1
        elif ch in "，,；;。！？!?：:" and depth == 0:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(s)))
    return [(a, b) for a, b in spans if b > a]
