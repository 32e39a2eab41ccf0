"""Find and parse quantities in Chinese report text: numbers with their magnitude and unit.

A *quantity* is a number together with what it counts or measures: ``712.6亿元``, ``4.5%``,
``6%-6.5%``, ``1100万人``, ``1.3万亿斤``, ``3个百分点``, ``三千万元``, ``百分之五``. Magnitudes
(万, 亿, 万亿) stay in the unit as written (``1.3万亿斤`` is value 1.3, unit ``万亿斤``) so values
are exactly the digits of the text: no float artefacts, no scaling.

Chinese numerals are converted only inside a quantity span (a numeral followed by a magnitude,
``个百分点``/``倍``, or after ``百分之``): prose such as 两会, 一般, 进一步, 十三五, 两个维护 is never
read as a number. Full-width forms (２０２０, ６％) are folded character for character, so offsets
always slice the original text.

It stays one module (over 500 lines) because it is one parser read top to bottom: the numeral
tables, the Arabic and Chinese readers and :func:`find_quantities` share its private helpers.

>>> [(q.text, q.value, q.value_high, q.unit) for q in find_quantities("国内生产总值增长6%-6.5%，新增就业1100万人以上")]
[('6%-6.5%', 6, 6.5, '%'), ('1100万人', 1100, None, '万人')]
>>> [(q.value, q.unit) for q in find_quantities("投入三千万元，两万亿元，百分之五，一般性支出，两会")]
[(3000, '万元'), (2, '万亿元'), (5, '%')]
>>> [(q.value, q.unit) for q in find_quantities("突破万亿元，招生计划万名以上，三万名以上")]
[(1, '万亿元'), (1, '万名'), (3, '万名')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from .lexicon import (
    CLASSIFIERS,
    COUNT_VERBS,
    FRACTION_WORDS,
    MAGNITUDES,
    MEASURE_UNITS,
    NAMES_COUNT_VERBS,
    NON_UNITS,
    NUMERAL_UNITS,
    PEOPLE_NOUNS,
    PLACE_UNITS,
    WORDS_COUNTED_NOT,
)

Number = int | float

# --- vocabulary (policydiff/data/lexicon.json) ---------------------------------


#: The largest whole part a figure may have (15 digits: more than any report's 万亿元 figure).
#: Longer digit runs are not read as numbers (they are not measurements, and floats cannot hold them).
MAX_DIGITS = 15

_UNITS = sorted(set(MEASURE_UNITS) | set(CLASSIFIERS), key=len, reverse=True)
#: The largest count of places: a larger figure before a place word is a year or a class (2024县域).
PLACE_COUNT_MAX = 1000
#: Places counted with a magnitude (百亿县, 50万县): a class of places by size, not a count.
_PLACE_CLASS = frozenset(mag + unit for unit in PLACE_UNITS for mag in ("", *MAGNITUDES))
_UNIT_RE = "|".join(re.escape(u) for u in _UNITS)
_MAG_RE = "|".join(MAGNITUDES)

CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10_000, "亿": 100_000_000}

_AR = r"\d+(?:,\d{3})*(?!,\d)(?:\.\d+)?"
_SIGN = r"[-−－]"
_CN = r"(?:[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千]*)"
_RANGE_SEP = r"[-~－—–～至到]"

# Arabic quantity: number, optional range, optional 多/余, magnitude, 多/余, unit.
_ARABIC_Q = re.compile(
    rf"(?P<sign>{_SIGN}(?=\d))?(?P<lo>{_AR})(?P<lopct>%|‰)?"
    rf"(?:(?P<sep>{_RANGE_SEP})(?P<hi>{_AR}))?"
    rf"(?P<approx1>多|余)?(?P<mag>{_MAG_RE})?(?P<approx2>多|余)?"
    rf"(?P<unit>%|‰|{_UNIT_RE})?"
)
# Mixed forms: 1万6千多户 (1.6万), 1亿3千多万 (1.3亿), 3万多亿元 (3万亿, more than).
_MIXED_Q = re.compile(
    rf"(?P<a>\d{{1,4}})(?P<big>万|亿)(?P<b>\d)千(?P<approx1>多|余)?(?P<tail>万)?(?P<unit>{_UNIT_RE})?"
    rf"|(?P<c>\d+(?:\.\d+)?)万(?P<approx2>多|余)亿(?P<unit2>{_UNIT_RE})?"
)
# Chinese quantity: a numeral that is immediately a magnitude, 个百分点 or 倍 (never a bare numeral).
_NUMERAL_UNIT_RE = "|".join(NUMERAL_UNITS)
_CHINESE_Q = re.compile(
    rf"(?P<num>{_CN}(?:亿{_CN}?)?(?:万{_CN}?)?)(?P<approx1>多|余)?(?P<mag>万亿|亿|万)?(?P<approx2>多|余)?"
    rf"(?P<unit>{_NUMERAL_UNIT_RE}|{_UNIT_RE})?"
)
# A fraction in words: 三分之一 (33.3 %), 四分之三 (75 %); and fixed words such as 一半 (50 %).
_FRACTION_CN = re.compile(rf"(?P<den>{_CN})分之(?P<num>{_CN})")
#: A unit said a second way, in brackets right after the first (6957套（间）, 100条（个）, 35条（段）).
UNIT_SAID_OTHERWISE = re.compile(r"[（(](?P<other>[\u4e00-\u9fff]{1,2})[）)]")
#: A fraction in digits (1/3, 1/10), not a date or a path (2024/1/3, 24/7 is kept out by its numerator).
_FRACTION_AR = re.compile(r"(?<![\d./／])(?P<num>\d{1,2})/(?P<den>\d{1,3})(?![\d./／])")
_FRACTION_WORD = re.compile("|".join(sorted(FRACTION_WORDS, key=len, reverse=True)) or "(?!)")
# A magnitude standing for the number itself after a bound word: 超千亿元 (1000亿元), 突破万亿元 (1万亿元),
# 上亿群众 (1亿), 每年新增百万户 (100万户).
_MAGS_AS_NUMBERS = "千万|千亿|百亿|百万|万亿|亿"
# …and a lone 千, 百 or 万 with its unit after a bound word: 突破千项 (1000项), 超万场 (1万场), 近百场 (100场).
_BARE_MAGNITUDE = re.compile(
    rf"(?:(?<=[超过破近逾达上越增到至约])(?P<mag>{_MAGS_AS_NUMBERS}|[千百万](?=(?:{_UNIT_RE})))(?P<unit>{_UNIT_RE})?"
    rf"|(?<![\d.一二两三四五六七八九十百千万几数])(?P<mag2>{_MAGS_AS_NUMBERS}|[千百万](?=(?:{_UNIT_RE})))"
    rf"(?P<unit2>{_UNIT_RE})?(?=左右|以上|以内)"  # 招生计划万名以上 (1万名): a lone magnitude before its bound
    # …and 千余家, 百余项 (a thousand and more firms): 余 binds the magnitude to its unit
    rf"|(?P<mag3>[千百])(?P<approx>余)(?P<unit3>{_UNIT_RE}))"
)
# A count in words after a verb that delivers things (开通两条航线, 落实十三件民生实事; not 百/千, which make
# names there: 建成千座公园城市); elsewhere a numeral with a classifier is prose (两个维护, 三项制度).
_COUNT_CN = re.compile(
    rf"(?:{'|'.join(COUNT_VERBS)})(?P<num>[两二三四五六七八九]|十[一二三四五六七八九]?|[二三四五六七八九]十[一二三四五六七八九]?)"
    rf"(?P<unit>{'|'.join(c for c in CLASSIFIERS if len(c) == 1 and c not in '大届')})(?![大次“])"
)
#: A count in words of concrete things (座, 所, 条, 家, 处, 批) a little after a count verb in its clause, a place
#: between them (实施城区两座污水处理厂提标改造, 完成了西山保护区三家污染企业搬迁): taken unless what it counts is a
#: rule or a line (lexicon ``words_counted_not``: 两条底线, 三条控制线).
_COUNT_CN_NEAR = re.compile(
    rf"(?:{'|'.join(COUNT_VERBS)})了?(?P<gap>[\u4e00-\u9fff]{{1,6}}?)"
    r"(?P<num>[两二三四五六七八九])(?P<unit>[座所条家处批])(?![大次“”])"
)
#: A count in words opening a clause, or after a short subject, of things honoured or taken up (两所高校实现升格,
#: 城市更新两个项目入选全国典型案例, 自贸试验区两项制度创新成果全国复制推广, 三处文化遗址被国务院列入…): the
#: predicate of achievement makes it a figure, not a slogan.
_ACHIEVED_COUNT = re.compile(
    r"(?:(?<=^)|(?<=[，,。；;：:\n]))(?P<gap>[\u4e00-\u9fff]{0,6}?)"
    r"(?P<num>[两二三四五六七八九])(?P<unit>[个座条家所处项批])"
    r"(?=[\u4e00-\u9fffA-Z]{2,12}?(?:被[\u4e00-\u9fff]{1,4})?(?:全国)?(?:入选|列入|获批|获评|实现升格|复制推广))"
)
#: A count in words after the names it counts, in a clause opened by a delivering verb (建成北环、照旺台两个
#: 公园, 完成中医院和疾控中心两个核酸检测基地建设): taken only when the names listed are as many as it says, each
#: name quoted on its own if any is (“定兴茄子”“太平萝卜”两个; “登高、升规、晋位、上市”四个工程 is a slogan).
_NAMED_COUNT = re.compile(
    rf"(?:{'|'.join(sorted({*COUNT_VERBS, *NAMES_COUNT_VERBS}, key=len, reverse=True))})了?"
    r"(?P<names>(?:“[^“”]{2,12}”){2,9}"
    r"|[\u4e00-\u9fffA-Za-z0-9]{2,16}?(?:[、和及与][\u4e00-\u9fffA-Za-z0-9]{2,16}?)+)"
    r"(?P<num>[两二三四五六七八九])(?P<unit>[个座条家所处])(?![大次“”])"
)
#: A count in words opening a clause, or after 推进 or 和, whose names end in a works or completion word
#: (推进四个新型建材产业园区建设, 五条主要河道全面清理; 推进五个集中区和四个产业园区建设): the works make it a
#: figure, not a slogan (两个维护, 四个全面 end in no such word).
#: Words that close a clause about works done or begun (…建成通车, …全部封顶): the figure before counts works.
_WORKS_DONE = (
    r"(?:年内|全部|全面|正式|已)?"
    r"(?:建设|投入使用|建成|完工|竣工|全面清理|实现通车|建成通车|通车|建成投用|投产|投入运营|封顶)(?:[，,。；;、]|$)"
)
_WORKS_COUNT = re.compile(
    r"(?:(?<=^)|(?<=[，,。；;：:\n和])|(?<=推进))"
    r"(?P<num>[两二三四五六七八九]|十[一二三四五六七八九]?)(?P<unit>[个座条家所处栋])"
    r"(?=[\u4e00-\u9fff]{2,12}?(?:和(?:[两二三四五六七八九]|十)[个座条家所处栋][\u4e00-\u9fff]{2,12}?)?"
    + _WORKS_DONE
    + ")"
)
#: The same with the names listed first, opening the clause (华汇、地壹街两个地下商城投入使用; 白庙村、西显阳村两个
#: 片区改造安置区全部封顶): taken, as :data:`_NAMED_COUNT`, only when the names are as many as the count says.
_NAMED_DONE = re.compile(
    r"(?:(?<=^)|(?<=[，,。；;：:\n]))"
    r"(?P<names>[\u4e00-\u9fff]{2,12}?(?:[、和及与][\u4e00-\u9fff]{2,12}?)+)"
    r"(?P<num>[两二三四五六七八九])(?P<unit>[个座条家所处])(?![大次“”])"
    r"(?=[\u4e00-\u9fff]{2,12}?" + _WORKS_DONE + ")"
)
#: A listed "name" ending in a verb is a clause, not a name (建设保定市西部中心城市、实现两个翻一番).
_DOING_END = re.compile(r"(?:实现|推进|建设|打造|完成|开展|实施|落实|推动|加快)$")
#: 上 leading a magnitude as its bound (上万支, 上千家), not the end of a verb (跨上万亿元台阶).
_UP_TO = re.compile(r"(?<![跨迈登走站跃踏攀冲赶])上$")
_MAGNITUDE_VALUE = {"千万": (1000, "万"), "千亿": (1000, "亿"), "百亿": (100, "亿"), "百万": (100, "万"),
                    "万亿": (1, "万亿"), "亿": (1, "亿"),
                    "千": (1000, ""), "百": (100, ""), "万": (1, "万")}  # fmt: skip
#: A length in years said of (…受教育年限达到9年以上): the figure after it is years, not a date.
_YEARS_OF = re.compile(r"年限[^，,；;。]{0,12}$")
_PERCENT_CN = re.compile(rf"百分之(?P<num>{_CN}(?:点[零〇一二两三四五六七八九]+)?)")


def magnitude_of(unit: str | None) -> str:
    """The magnitude prefix of a unit as written (万 for 万套（间）, 亿 for 亿元) or "".

    >>> magnitude_of("万套（间）"), magnitude_of("个百分点"), magnitude_of("千瓦"), magnitude_of(None)
    ('万', '', '', '')
    """
    if not unit:
        return ""
    for mag in MAGNITUDES:
        if unit.startswith(mag) and unit != mag + "分点":
            return mag
    return ""


@dataclass(frozen=True)
class Quantity:
    """A number with its unit, as found in a text.

    ``start``/``end`` slice the text the quantity was found in; ``unit`` keeps the magnitude
    as written (万人, 亿元, 万亿斤); ``approx`` is 多 or 余 where the text says "2000多万".
    """

    start: int
    end: int
    text: str
    value: Number
    value_high: Number | None = None
    unit: str | None = None
    approx: str | None = None
    chinese: bool = False

    @property
    def magnitude(self) -> str:
        """The magnitude prefix of the unit (万, 亿, 万亿 ...) or ""."""
        return magnitude_of(self.unit)

    @property
    def base_unit(self) -> str:
        """The unit without its magnitude (元 for 亿元; "" for a bare 万)."""
        return (self.unit or "")[len(self.magnitude) :]

    @property
    def is_percent(self) -> bool:
        return self.unit in ("%", "‰", "成") or (self.unit or "").startswith("/")  # 1/3: a share too


def fold(text: str) -> str:
    """Full-width ASCII and odd spaces to plain forms, one character for one.

    >>> fold("６．５％－７％"), fold("２０２０年（一）\u3000ＧＤＰ")
    ('6.5%-7%', '2020年(一) GDP')
    """
    return text.translate(_FOLD)


#: Full-width ASCII (U+FF01–FF5E) to ASCII and odd spaces to a plain space: one character for one, so
#: offsets into folded text are offsets into the original. The one fold of the package.
_FOLD: dict[int, int | str] = {
    **{c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)},
    **dict.fromkeys(map(ord, "\u3000\u00a0\u2002\u2003\u2009"), " "),
}


def to_number(d: Decimal) -> Number:
    """An int where the decimal is whole, else the float whose repr is the decimal's digits.

    >>> to_number(Decimal("712.60")), to_number(Decimal("1100")), to_number(Decimal("260.9"))
    (712.6, 1100, 260.9)
    """
    if d == d.to_integral_value():
        return int(d)
    return float(format(d.normalize(), "f"))


def parse_arabic(s: str) -> Decimal:
    """Decimal of an Arabic number as written (thousands commas allowed).

    >>> parse_arabic("1,200.5"), parse_arabic("０.２")
    (Decimal('1200.5'), Decimal('0.2'))
    """
    try:
        return Decimal(fold(s).replace(",", ""))
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {s!r}") from exc


def parse_chinese(s: str) -> Decimal:
    """Decimal of a Chinese numeral (一千一百, 十三, 二〇二〇, 三点五, 一亿五千万).

    >>> [int(parse_chinese(x)) for x in ("十三", "一千一百", "两万", "二〇二五", "一亿五千万")]
    [13, 1100, 20000, 2025, 150000000]
    >>> parse_chinese("三点五")
    Decimal('3.5')
    """
    if not s:
        raise ValueError("empty numeral")
    whole, _, frac = s.partition("点")
    if any(c not in CN_DIGIT for c in frac):
        raise ValueError(f"not a Chinese numeral: {s!r}")
    if whole and all(c in CN_DIGIT for c in whole) and len(whole) > 1:
        value = Decimal("".join(str(CN_DIGIT[c]) for c in whole))  # digit by digit: 二〇二五
    else:
        value = Decimal(_cn_integer(whole))
    if frac:
        value += Decimal("0." + "".join(str(CN_DIGIT[c]) for c in frac))
    return value


def _cn_integer(s: str) -> int:
    """Integer value of a Chinese numeral with 十百千 and 万亿 (一亿五千万 -> 150000000)."""
    total, wan, section, digit = 0, 0, 0, None
    for c in s:
        if c in CN_DIGIT:
            digit = CN_DIGIT[c]
        elif c in CN_SMALL:
            section += (1 if digit is None else digit) * CN_SMALL[c]
            digit = None
        elif c == "万":
            wan = (wan + section + (digit or 0)) * 10_000
            section, digit = 0, None
        elif c == "亿":
            total = (total + wan + section + (digit or 0)) * 100_000_000
            wan, section, digit = 0, 0, None
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    return total + wan + section + (digit or 0)


_MAG_FACTOR = {"万": 10_000, "亿": 100_000_000, "万亿": 10**12}


def _split_cn(num: str, mag: str | None) -> tuple[Decimal, str]:
    """Value and magnitude of a Chinese numeral (三千 + 万 -> 3000 万; 一亿五千 + 万 -> 15000 万)."""
    if "亿" not in num and "万" not in num:
        return parse_chinese(num), mag or ""
    if mag:
        return Decimal(_cn_integer(num + mag)) / _MAG_FACTOR[mag], mag
    return Decimal(_cn_integer(num)), ""


def _is_date_like(text: str, m_end: int, lo: str, unit: str | None, mag: str | None) -> bool:
    after = text[m_end : m_end + 2]
    if unit or mag:
        return False
    if after[:1] in ("年", "月", "日", "号", "时") or after.startswith(("周年", "世纪")):
        return True
    return bool(re.fullmatch(r"(?:19|20)\d\d", lo))


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text`` (a number with a unit, magnitude or percent sign), in order.

    Spaces inside a figure, as text taken from a PDF or a web page has them (6 . 5%, 6.5 %, 100 亿元), are read
    through; the quantity's ``start``/``end`` still slice ``text`` (its ``text`` keeps the spaces):

    >>> [(q.text, q.value, q.unit) for q in find_quantities("增长6 . 5%左右，投资100 亿元，2019 2020年")]
    [('6 . 5%', 6.5, '%'), ('100 亿元', 100, '亿元')]
    """
    norm = fold(text)
    if not _NUMBER_GAP.search(norm):
        return _find_quantities(text, norm)
    where = [i for i in range(len(norm)) if not _in_gap(norm, i)]
    found = _find_quantities("".join(text[i] for i in where), "".join(norm[i] for i in where))
    out = []
    for q in found:
        start, end = where[q.start], where[q.end - 1] + 1
        if norm[:start].rstrip().endswith("第"):
            continue  # 第 3 条: an ordinal, as 第3条
        out.append(replace(q, start=start, end=end, text=text[start:end]))
    return out


#: Spaces inside a figure (a fast test; :func:`_in_gap` decides each space): around its decimal point, or between
#: its digits and its percent sign, magnitude or unit; never between two digits (2019 2020 are two numbers).
_NUMBER_GAP = re.compile(rf"\d +[.%‰]|\d *\. +\d|\d +(?:万|亿|{_UNIT_RE})|\d[万亿]+ +(?:{_UNIT_RE})")
_GAP_AFTER = re.compile(rf"[.%‰]|万|亿|{_UNIT_RE}")
_UNIT_AFTER_MAGNITUDE = re.compile(_UNIT_RE)


def _in_gap(norm: str, i: int) -> bool:
    """Whether the character at ``i`` of folded text is a space inside a figure.

    >>> [i for i, c in enumerate("6 . 5 %") if _in_gap("6 . 5 %", i)]
    [1, 3, 5]
    >>> [i for i, c in enumerate("712.6亿 元") if _in_gap("712.6亿 元", i)], _in_gap("一亿 人民", 2)
    ([6], False)
    """
    if norm[i] != " ":
        return False
    a = i
    while a > 0 and norm[a - 1] == " ":
        a -= 1
    b = i
    while b < len(norm) and norm[b] == " ":
        b += 1
    prev, rest = norm[a - 1 : a], norm[b:]
    if prev.isdigit() and prev.isascii():
        return bool(_GAP_AFTER.match(rest))  # 6 .5, 6.5 %, 100 亿元
    if prev in "万亿" and a >= 2 and (norm[a - 2].isdigit() or norm[a - 2] in "万亿"):
        return bool(_UNIT_AFTER_MAGNITUDE.match(rest))  # 712.6亿 元
    if prev == "." and rest[:1].isdigit() and rest[:1].isascii():
        k = a - 2
        while k >= 0 and norm[k] == " ":
            k -= 1
        return k >= 0 and norm[k].isdigit()  # 6. 5, 6 . 5
    return False


def _find_quantities(text: str, norm: str) -> list[Quantity]:
    """:func:`find_quantities` of a text with no space inside a figure (``norm``: the text folded).

    Numbers with no unit (bare 2035), dates and years (2019年, 3月5日), ordinals (第三),
    names with letters (5G, G210, PM2.5, 4A级) and plan names (十三五) are not quantities.

    >>> [(q.text, q.value, q.unit) for q in find_quantities("2020年是十三五收官之年，5G基站13万个，PM2.5浓度下降4.5%")]
    [('13万个', 13, '万个'), ('4.5%', 4.5, '%')]
    >>> [(q.text, q.value) for q in find_quantities("建成北环、照旺台两个公园，推进城乡、区域三个协调")]
    [('两个', 2)]
    >>> t = "粮食产量1.3万亿斤以上，提高０.５个百分点"
    >>> [(t[q.start:q.end], q.value, q.unit) for q in find_quantities(t)]
    [('1.3万亿斤', 1.3, '万亿斤'), ('０.５个百分点', 0.5, '个百分点')]
    """
    found: list[Quantity] = []
    taken = [False] * (len(norm) + 1)

    for m in _PERCENT_CN.finditer(norm):
        try:
            pct = parse_chinese(m.group("num"))
        except ValueError:
            continue
        found.append(Quantity(m.start(), m.end(), text[m.start() : m.end()], to_number(pct), None, "%", chinese=True))
        for i in range(m.start(), m.end()):
            taken[i] = True

    q: Quantity | None
    for q in _word_quantities(norm, text):
        found.append(q)
        for i in range(q.start, q.end):
            taken[i] = True

    for m in _MIXED_Q.finditer(norm):
        q = _mixed(text, m)
        if q is not None:
            found.append(q)
            for i in range(q.start, q.end):
                taken[i] = True

    for m in _ARABIC_Q.finditer(norm):
        q = _arabic(norm, text, m)
        if q is not None and not any(taken[q.start : q.end]):
            found.append(q)
            for i in range(q.start, q.end):
                taken[i] = True

    for m in _CHINESE_Q.finditer(norm):
        if any(taken[m.start() : m.end()]):
            continue
        q = _chinese(norm, text, m)
        if q is not None:
            found.append(q)
            for i in range(q.start, q.end):
                taken[i] = True

    counted_cn = (_COUNT_CN, _WORKS_COUNT, _COUNT_CN_NEAR, _ACHIEVED_COUNT)
    for m in (m for pattern in counted_cn for m in pattern.finditer(norm)):
        a, b = m.start("num"), m.end()
        gap = m.groupdict().get("gap") or ""  # _COUNT_CN_NEAR's words between the verb and the count
        if any(taken[a:b]) or norm.startswith(WORDS_COUNTED_NOT, b) or _DOING_END.search(gap):
            continue
        value = to_number(parse_chinese(m.group("num")))
        found.append(Quantity(a, b, text[a:b], value, None, m.group("unit"), chinese=True))
        for i in range(a, b):
            taken[i] = True

    for m in (*_NAMED_COUNT.finditer(norm), *_NAMED_DONE.finditer(norm)):
        a, b = m.start("num"), m.end()
        value = to_number(parse_chinese(m.group("num")))
        names = _listed_names(m.group("names"), value)
        if (
            any(taken[a:b])
            or not names
            or any(_DOING_END.search(n) for n in names)
            or norm.startswith(WORDS_COUNTED_NOT, b)
        ):
            continue  # 建设保定市西部中心城市、实现两个翻一番: a verb is no name
        found.append(Quantity(a, b, text[a:b], value, None, m.group("unit"), chinese=True))
        for i in range(a, b):
            taken[i] = True

    for m in _BARE_MAGNITUDE.finditer(norm):
        if any(taken[m.start() : m.end()]) or norm[m.end() : m.end() + 1] in ("级", "元级"):
            continue
        if m.start() and norm[m.start() - 1] in "一二两三四五六七八九十百千万零〇0123456789":
            continue  # part of a longer numeral
        value, mag = _MAGNITUDE_VALUE[m.group("mag") or m.group("mag2") or m.group("mag3")]
        unit = m.group("unit") or m.group("unit2") or m.group("unit3")
        end = m.end()
        if unit and len(unit) == 1 and norm[end - 1 : end + 1] in _UNIT_WORDS:
            unit, end = None, end - 1  # 近千万家庭: 家庭 is the noun, not 家 a unit
        closes = (
            norm[end : end + 1] in ("，", "。", "；", ",", ";", "")
            or norm.startswith(("大关", "台阶", "新台阶"), end)
            or (norm[end : end + 1] == "、" and not re.match(r"、[超过破近逾达上越\d]", norm[end : end + 2]))
        )  # …破亿、入境游客…; not 超千亿、超百亿级 (a list of classes)
        if (
            not unit
            and not norm.startswith(PEOPLE_NOUNS, end)
            and not norm.startswith(("左右", "以上", "以内"), end)
            and not (closes and m.group("mag") in _MAGS_AS_NUMBERS.split("|"))
        ):
            # 超百亿县, 超千亿级 are classes of size; 上亿群众, 近千万家庭 count people; 旅游收入破万亿，
            # (closing its clause) is the amount
            continue
        if unit in NON_UNITS or norm[m.end() : m.end() + 1] == "级":
            continue
        start = m.start() - 1 if _UP_TO.search(norm, 0, m.start()) else m.start()  # 上万支: 上 is the bound
        approx = m.group("approx")
        found.append(Quantity(start, end, text[start:end], value, None, mag + (unit or ""), approx, chinese=True))
    found = [q for q in found if q.unit not in _PLACE_CLASS or (q.unit in PLACE_UNITS and q.value < PLACE_COUNT_MAX)]
    found.sort(key=lambda q: q.start)
    return _share_units(_listed_bare_numbers(found, norm, text), norm)


def _listed_names(listed: str, count: Number) -> list[str]:
    """The names a count in words follows when they are as many as it says, else []: each in its quotation marks
    (“定兴茄子”“太平萝卜”两个), else split at 、 (食品、汽车及零部件两个: 及 joins within a name), else at 、和及与
    (哈萨尔和东升路两个, HS20、HS40、HS75和单板四个).

    >>> _listed_names("食品、汽车及零部件", 2), _listed_names("“定兴茄子”“太平萝卜”", 2), _listed_names("香港和澳门", 3)
    (['食品', '汽车及零部件'], ['定兴茄子', '太平萝卜'], [])
    """
    if listed.startswith("“"):
        quoted = re.findall(r"“([^“”]+)”", listed)
        return quoted if len(quoted) == count else []
    by_mark = listed.split("、")
    if len(by_mark) >= 2 and len(by_mark) == count:
        return by_mark
    names = re.split(r"[、和及与]", listed)
    return names if len(names) == count else []


def _listed_bare_numbers(found: list[Quantity], norm: str, text: str) -> list[Quantity]:
    """A bare number listed before a quantity takes its unit: 分别高4.2和0.7个百分点, 分别增长7%和8%.

    >>> [(q.text, q.value, q.unit) for q in find_quantities("分别高4.2和0.7个百分点")]
    [('4.2', 4.2, '个百分点'), ('0.7个百分点', 0.7, '个百分点')]
    >>> [(q.value, q.unit) for q in find_quantities("分别提高20.9、36.2、54个百分点")]
    [(20.9, '个百分点'), (36.2, '个百分点'), (54, '个百分点')]
    """
    starts = {q.start: q for q in found}
    extra = []
    # right to left, so that a unit passes along the whole list (20.9、36.2、54个百分点)
    for m in reversed(list(re.finditer(r"(?<![\d.A-Za-z])(\d+(?:\.\d+)?)([、和])(?=\d)", norm))):
        nxt = starts.get(m.end())
        if nxt is None or not nxt.unit or any(q.start <= m.start() < q.end for q in found):
            continue
        if nxt.unit in MAGNITUDES or re.fullmatch(r"(?:19|20)\d\d", m.group(1)):
            continue
        s, e = m.start(1), m.end(1)
        value = to_number(parse_arabic(m.group(1)))
        extra.append(Quantity(s, e, text[s:e], value, None, nxt.unit))
        starts[s] = extra[-1]
    return sorted(found + extra, key=lambda q: q.start) if extra else found


def _share_units(found: list[Quantity], norm: str) -> list[Quantity]:
    """In a list 10.6万、3.8万、3.3万平方公里 the last unit belongs to every item; so does 个百分点 to a 个
    before it (分别快于全国3.4个、1个百分点).

    >>> [(q.value, q.unit) for q in find_quantities("分别减少10.6万、3.8万、3.3万平方公里")]
    [(10.6, '万平方公里'), (3.8, '万平方公里'), (3.3, '万平方公里')]
    >>> [(q.text, q.unit) for q in find_quantities("分别快于全国3.4个、1个百分点")]
    [('3.4个', '个百分点'), ('1个百分点', '个百分点')]
    """
    out = list(found)
    for i in range(len(out) - 2, -1, -1):
        q, nxt = out[i], out[i + 1]
        cut = q.unit in MAGNITUDES or (q.unit == "个" and nxt.unit == "个百分点")
        if cut and q.unit and norm[q.end : nxt.start] in ("、", "和", "至", "到"):
            unit = nxt.unit or ""
            if unit.startswith(q.unit) and len(unit) > len(q.unit):
                out[i] = Quantity(q.start, q.end, q.text, q.value, q.value_high, unit, q.approx, q.chinese)
    return out


def _arabic(norm: str, text: str, m: re.Match) -> Quantity | None:
    s, e = m.start(), m.end()
    sign = m.group("sign")
    before = norm[s - 1] if s else ""
    if sign and before and not (_cjk(before) or before in " \t(（：:，,、；;“"):
        s, sign = m.start("lo"), None  # A-3, 1.5-2: a dash between two things, not a minus
        before = norm[s - 1]
    if before and before.isascii() and (before.isalnum() or before in "._-/+×·"):
        return None  # G210, PM2.5, 3.5.1, 1/3
    if before == "第":
        return None
    lo, hi = m.group("lo"), m.group("hi")
    if len(lo.split(".")[0].replace(",", "")) > MAX_DIGITS or (hi and len(hi.split(".")[0]) > MAX_DIGITS):
        return None  # beyond any report's figure: not a number
    lopct, unit, mag = m.group("lopct"), m.group("unit"), m.group("mag")
    approx = m.group("approx1") or m.group("approx2")
    sep = m.group("sep")
    if hi is not None and sep in "至到" and not (unit or lopct):
        hi = None  # "5到7元" keeps the range only when a unit follows; "2019至" is a date phrase
    if hi is not None:
        if lopct and not unit:  # 6%-6 (then a non-number): not a range
            hi = None
        elif lopct and unit != lopct:
            hi = None
    if hi is None and m.group("sep") is not None:
        # the range did not hold: re-read the first number alone
        e = m.start("lo") + len(lo) + (len(lopct) if lopct else 0)
        tail = re.compile(rf"(?:多|余)?(?:{_MAG_RE})?(?:多|余)?(?:%|‰|{_UNIT_RE})?").match(norm, e)
        seg = norm[s : tail.end()] if tail else norm[s:e]
        m2 = _ARABIC_Q.match(seg.replace(sep or "", "\x00"))
        if m2 is None:
            return None
        m3 = _ARABIC_Q.match(norm, s, s + m2.end())
        if m3 is None:
            return None
        m = m3
        lopct, unit, mag = m.group("lopct"), m.group("unit"), m.group("mag")
        approx = m.group("approx1") or m.group("approx2")
        e = m.end()
    if lopct and not unit:
        unit = lopct
    elif lopct and hi is None and unit != lopct:
        unit, mag, approx = lopct, None, None  # 增长10%大力发展: the percentage ends the figure
        e = m.end("lopct")
    after = norm[e : e + 2]
    if after[:1] and after[:1].isascii() and after[:1].isalpha():
        return None  # 5G, 4S店, 3D
    years_long = "." in lo or (len(lo) <= 2 and _YEARS_OF.search(norm, max(0, m.start() - 16), m.start()))
    if not (unit or mag) and years_long and after[:1] == "年" and after != "年度" and m.group("sep") is None:
        # 平均受教育年限达到14.2年, …年限达11年: a length of time; a calendar year has no decimals nor two digits
        unit, e = "年", e + 1
        after = norm[e : e + 2]
    if unit in (
        "个",
        "分",
        "所",
        "间",
        "口",
        "眼",
        "道",
        "对",
        "次",
        "头",
        "度",
        "床",
        "人",
        "家",
        "大",
        "台",
        "方",
        "成",
        "项",
    ) and _unit_is_word(norm, e, unit):
        if not mag or m.group("approx2"):
            return None
        unit, e = None, m.end("mag")  # 迈上1200亿台阶: the figure is 1200亿, 台阶 a word
    if not (unit or mag) and not _INDEX_BEFORE.search(norm, max(0, s - 30), s):
        return None  # a bare number measures nothing, but an index's value (空气质量综合指数6.06)
    if norm[e : e + 1] == "级" or norm[e : e + 2] == "元级":
        return None  # 200亿级产业集群, 千亿元级: a size class, not a figure
    if _is_date_like(norm, e, lo, unit, mag):
        return None
    if unit is None and after[:1] in ("年", "月", "日"):
        return None
    if unit in ("分钟", "小时", "天", "米") and _cjk(after[:1]) and not after.startswith(("以", "左", "多")):
        return None  # 15分钟便民服务圈, 24小时自助: a name, not a measurement (12.3公里道路 is a length)
    full_unit = (mag or "") + (unit if unit and unit not in ("%", "‰") else "")
    if unit in ("%", "‰"):
        full_unit = unit if not mag else mag + unit
    try:
        value = to_number(-parse_arabic(lo) if sign else parse_arabic(lo))
        high = to_number(parse_arabic(hi)) if hi is not None else None
    except ValueError:
        return None
    if high is not None and high < value:
        value, high = high, value  # 6.5%-6%: a range is kept low to high
    return Quantity(s, e, text[s:e], value, high, full_unit or None, approx)


#: An index or coefficient named right before a bare number, which is its value (空气质量综合指数6.06, 草畜平衡指数
#: 由23.9降到10): the one place a number without a unit is a figure.
_INDEX_BEFORE = re.compile(
    r"(?:指数|系数)(?:(?:由|从)\d+(?:\.\d+)?[^，,。；;\d]{0,6}?(?:至|到)|由|从|为|是|达到|达|降至|降到|下降至|下降到|提高到|"
    r"提高至|提升到|提升至|上升到|上升至|降低到|降低至)?$"
)


#: A round magnitude in words that an amount is said to pass or reach (投资超百亿, 经济总量突破千亿、, 生产总值突破
#: 万亿): after a word ending an amount and a bound, before the clause ends.
_ROUND_MAGNITUDE = re.compile(
    r"(?<=[额值资量入模次])(?:超过|超|达到|达|突破)(?:(?P<num>百|千|万)(?P<mag>亿)|(?P<num2>百|千)(?P<mag2>万))"
    r"(?=[，,。；;、]|以上|大关|$)"
)
#: A round scale kept or reached (保持千亿级投资规模, 产值达到千亿级规模, 一般公共预算收入达万亿级规模), not a class of
#: things counted at that scale (2个千亿级、11个百亿级投资规模的现代煤化工; 5大支柱产业突破万亿级规模: each of them).
_SCALE_REACHED = re.compile(r"(?:(?<=保持)|(?<=达到)|(?<=达))(?P<num>百|千|万)(?P<mag>亿)(?:元)?级(?=(?:投资)?规模)")
#: A round hundred or thousand events or items a count verb promises (举办百场…对接大会, 完成百件以上惠民实事);
#: other classifiers make names there (建成千座公园城市).
_ROUND_COUNT = re.compile(r"(?:(?<=举办)|(?<=完成)|(?<=办好)|(?<=开展))(?P<num>百|千)(?P<unit>场|件)")


def _word_quantities(norm: str, text: str) -> list[Quantity]:
    """Shares written in words: 三分之一 (33.3 %), 四分之三 (75 %), 一半 (50 %); round
    magnitudes an amount passes or reaches (产值达百亿: 100 亿, 生产总值突破万亿: 1 万亿) or a scale kept
    (保持千亿级投资规模: 1000 亿); round counts of events promised (举办千场会议: 1000 场).

    >>> [(q.text, q.value, q.unit) for q in _word_quantities("减少三分之一，一半以上", "减少三分之一，一半以上")]
    [('三分之一', 33.3, '%'), ('一半', 50, '%')]
    >>> t = "产值达百亿，生产总值突破万亿。打造超百亿、年旅游人次突破百万，保持千亿级投资规模，举办千场会议"
    >>> [(q.text, q.value, q.unit) for q in _word_quantities(t, t)]
    [('百亿', 100, '亿'), ('万亿', 1, '万亿'), ('百万', 100, '万'), ('千亿', 1000, '亿'), ('千场', 1000, '场')]
    """
    out = []
    for m in (*_ROUND_MAGNITUDE.finditer(norm), *_SCALE_REACHED.finditer(norm)):
        if m.group("num"):
            num, (a, b) = m.group("num"), (m.start("num"), m.end("mag"))
            amount, mag = (1, "万亿") if num == "万" else (100 if num == "百" else 1000, "亿")
        else:  # 年旅游人次突破百万
            num, (a, b) = m.group("num2"), (m.start("num2"), m.end("mag2"))
            amount, mag = (100 if num == "百" else 1000), "万"
        out.append(Quantity(a, b, text[a:b], amount, None, mag, chinese=True))
    for m in _ROUND_COUNT.finditer(norm):
        a, b = m.start(), m.end()
        amount = 100 if m.group("num") == "百" else 1000
        out.append(Quantity(a, b, text[a:b], amount, None, m.group("unit"), chinese=True))
    for m in _FRACTION_CN.finditer(norm):
        try:
            den, num = parse_chinese(m.group("den")), parse_chinese(m.group("num"))
        except ValueError:
            continue
        if den == 0 or num > den:
            continue
        share = (num * 100 / den).quantize(Decimal("0.1"))
        out.append(Quantity(m.start(), m.end(), text[m.start() : m.end()], to_number(share), None, "%", chinese=True))
    for m in _FRACTION_AR.finditer(norm):
        part, whole = int(m.group("num")), int(m.group("den"))
        if 0 < part < whole:  # 占全国1/4: kept as written, one of four (the golds' value 1, unit /4)
            out.append(Quantity(m.start(), m.end(), text[m.start() : m.end()], part, None, "/" + m.group("den")))
    for m in _FRACTION_WORD.finditer(norm):
        value, unit = FRACTION_WORDS[m.group()]
        number = to_number(Decimal(str(value)))
        out.append(Quantity(m.start(), m.end(), text[m.start() : m.end()], number, None, unit))
    return sorted(out, key=lambda q: q.start)


def _mixed(text: str, m: re.Match) -> Quantity | None:
    """1万6千多户 -> 1.6 万户 (多); 1亿3千多万 -> 1.3 亿; 3万多亿元 -> 3 万亿元 (多)."""
    s, e = m.start(), m.end()
    if m.group("c") is not None:
        value = to_number(parse_arabic(m.group("c")))
        return Quantity(s, e, text[s:e], value, None, "万亿" + (m.group("unit2") or ""), m.group("approx2"))
    big, tail = m.group("big"), m.group("tail")
    if big == "万" and tail:
        return None  # 1万5千万: not a form reports use
    if big == "亿" and not tail:
        return None  # 1亿3千 (units, not 千万): leave to the plain reader
    value = to_number(parse_arabic(m.group("a")) + parse_arabic(m.group("b")) / 10)
    return Quantity(s, e, text[s:e], value, None, big + (m.group("unit") or ""), m.group("approx1"))


#: A one-character unit and the character after it that make a word instead (台阶, 家庭, 方面, 零成本).
_UNIT_WORDS = frozenset(
    (
        "个人 分钟 分之 所以 次会 次全 头等 度假 道路 人民 家庭 大类 大幅 大关 台阶 方面 方案 方式 方向 方针 方法 方位"
        " 成本 成功 成效 成果 成为 成就 成绩 成立 成员 成交 项目"
    ).split()
)


def _unit_is_word(norm: str, end: int, unit: str) -> bool:
    """Whether a one-character unit is really the start of a word (3个月, 20分钟, 3所以)."""
    nxt = norm[end : end + 1]
    word = unit + nxt
    if unit == "个" and norm.startswith(("工作日", "自然日", "小时", "星期", "季度", "月", "榨季"), end + 0):
        return True  # 120个工作日, 3个月, 10个自然日, 连续33个榨季: durations
    if unit == "个" and norm.startswith(("体工商户", "体户", "体经济", "体私营"), end):
        return True  # 900多万个体工商户: self-employed businesses, not 个体 counted by 个 (3个体育场 is)
    if word == "所以" and norm.startswith(("以上", "以下", "以内"), end):
        return False  # 公办幼儿园200所以上: schools counted, then their bound (not 所以, "so")
    return word in _UNIT_WORDS


def _cjk(ch: str) -> bool:
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"


def _chinese(norm: str, text: str, m: re.Match) -> Quantity | None:
    s, e = m.start(), m.end()
    num, mag, unit = m.group("num"), m.group("mag"), m.group("unit")
    approx = m.group("approx1") or m.group("approx2")
    before = norm[s - 1] if s else ""
    if before and (before in "第数几成上若每" or before in CN_DIGIT or before in "十百千万亿"):
        return None
    inner_big = "亿" in num or "万" in num
    if not (mag or inner_big or unit in NUMERAL_UNITS):
        return None  # a bare numeral or numeral + classifier is prose (两会, 三项, 五年, 十分)
    if unit is None and not (mag or inner_big):
        return None
    combined = num + (mag or "")
    mag = next((g for g in ("万亿", "亿", "万") if combined.endswith(g)), "")
    num = combined[: len(combined) - len(mag)]
    if not num or num[-1] in "万亿" or re.search("[十百千][十百千]", num):
        return None  # 十百千万 is a slogan (“十百千万”行动), not a numeral
    try:
        value, mag = _split_cn(num, mag)
    except (ValueError, ZeroDivisionError):
        return None
    if unit in NON_UNITS or norm[e : e + 1] in ("年", "月", "日", "级"):
        return None  # 五百亿级: a size class
    if unit == "成" and (num == "一" and norm[e : e + 1] == "不" or before in "变完建达形促"):
        return None  # 一成不变 is an idiom
    if unit == "成" and _unit_is_word(norm, e, unit):
        return None  # 零成本: 成本 is the word
    full_unit = (mag or "") + (unit or "")
    return Quantity(s, e, text[s:e], to_number(value), None, full_unit or None, approx, chinese=True)


def format_value(value: Number | None, high: Number | None = None) -> str:
    """A value (or range) as written: ``6``, ``6-6.5``, ``712.6``.

    >>> format_value(6, 6.5), format_value(712.6), format_value(None)
    ('6-6.5', '712.6', '')
    """
    if value is None:
        return ""
    text = str(value)
    return f"{text}-{high}" if high is not None else text
