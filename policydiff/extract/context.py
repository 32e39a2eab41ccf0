"""Context and years: per sentence, the kind, year, period and headline flag its part and paragraph
give (:func:`_sentence_contexts`, headings included), and how the words before a figure adjust them
(:func:`_year_cues`).

>>> from policydiff.report import parse_report
>>> r = parse_report("一、2019年工作回顾\\n城镇新增就业1352万人。\\n"
...                  "二、2020年重点工作\\n主要预期目标是：城镇新增就业900万人以上。", region="demo", year=2020)
>>> [(c.kind, c.year, c.headline) for c in _sentence_contexts(r)]
[('result', 2019, False), ('result', 2019, False), ('target', 2020, False), ('target', 2020, True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import MODALS
from ..numbers import find_quantities
from ..report import FIVE_YEAR_PLANS, Report, Section
from .geometry import clause_end

# ---------------------------------------------------------------------------
# Context: what a sentence reports (kind, year, period, headline)
# ---------------------------------------------------------------------------

_ADDRESSED = r"(?:各位代表[，,！!：:]\s*)?"


_FIVE_YEARS_OPEN = re.compile(
    rf"^{_ADDRESSED}(?:——)?(?:过去五年|五年来|这五年|过去的五年|本届政府任期|“?十[一二三四五]?五”?时期[，,是])"
)


_PAST_FIVE_OPEN = re.compile(rf"^{_ADDRESSED}(?:——)?(?:过去五年|五年来|这五年|过去的五年|本届政府任期)")


_PLAN_PERIOD_OPEN = re.compile(rf"^{_ADDRESSED}(?:今后五年|未来五年|“?十[一二三四五]?五”?(?:时期|期间)|到20\d\d年)")


def _this_year_open(text: str, year: int) -> bool:
    """Whether a paragraph or sentence opens on the report's own year (今年…, 2026年是…, 明年 is not)."""
    return bool(re.match(rf"^{_ADDRESSED}(?:今年|{year}年(?![底末])|新的一年)", text))


_LAST_YEAR = "过去一年|过去的一年|去年|上年|一年来|这一年|刚刚过去的"


def _last_year_open(text: str, last: int) -> bool:
    """Whether a paragraph opens on the year before the report's (2025年在贵州发展进程中极不平凡。…), not on a
    point or span of it (2025年底, 2025年以来, 2021-2025年).

    >>> _last_year_open("2025年在贵州发展进程中极不平凡。", 2025), _last_year_open("2025年底，全省…", 2025)
    (True, False)
    """
    return bool(re.match(rf"^{_ADDRESSED}(?:——)?(?:在)?{last}年(?!以来|来|底|末|前|后|初|上半年|[-—–~至到])", text))


_ONE_YEAR_OPEN = re.compile(rf"^{_ADDRESSED}(?:——)?(?:{_LAST_YEAR}|(?:19|20)\d\d年(?:是|，|,))")


# A sentence opening on the past year inside a plan part starts a run of last year's results,
# which lasts until a sentence speaks of plans again (national 2011: 过去一年，… 国内生产总值增长10.3%).
_PAST_OPEN = re.compile(rf"^{_ADDRESSED}(?:——)?(?:{_LAST_YEAR})")


_PLAN_CUE = re.compile(r"今年|明年|要|将|拟|力争|确保|预期|目标|计划|争取")


_HEADLINE = re.compile(r"(?:主要)?预期目标|主要目标是")


_NOT_HEADLINE = re.compile(r"上述|实现这些|完成这些|为实现|超过|好于|完成了|实现了|五年|十[一二三四五]?五|今后|规划")


_PAST_CUE = re.compile(
    r"(?<![比较同与])(?:去年|上年)|过去[一五十]?年|[两三四五六七八九十]年来|已(?:经)?(?:建成|完成|实现|取得|达到)"
    r"|(?<![到至比较])((?:19|20)\d\d)年(?!以来|前|后|底前)"
)


#: A level a review dates itself: …增加到2015年的287.9亿元, 提高到2025年的57.7%.
_REACHED_IN = re.compile(r"(?:到|至)((?:19|20)\d\d)年(?:底|末)?的?$")


#: A change from last year's level to the figure (从去年的2.1%提高到): the plan's new level, not last year's.
_FROM_LAST_YEAR = re.compile(
    r"(?:从|由)(?:去年|上年)(?:底|末)?的?[^，,；;。]*?(?:提高|降低|增加|减少|下降|上升|提升|调整|扩大|缩小|降|升)(?:到|至|为)$"
)


#: A change measured against a base year (比2002年增长65.5%).
_COMPARED_YEAR = re.compile(r"比((?:19|20)\d\d)年(?:底|末)?[^，,；;。]{0,12}$")


_BASE_YEAR = re.compile(r"(?:从|由)(?:19|20)\d\d年(?:底|末)?的?")


_RUN_CUE = re.compile(r"连续(\d{1,2})年")


_RANGE_YEARS = re.compile(r"(?:19|20)\d\d\s*[-—–~至到]\s*(?:19|20)\d\d年")


_DEADLINE = re.compile(r"(?:到|至|在)((?:19|20)\d\d)年(?:底|末|前)?")


_THIS_YEAR_SO_FAR = re.compile(r"今年以来|今年前|今年一季度|今年上半年")


#: A clause that opens on the past (，两年来通过…): its time is that of the clauses after it.
_PAST_OPENER = re.compile(r"(?:^|(?<=[，,；;]))(?P<when>去年|上年|过去[一两三五十]?年|[两三四五六七八九十]年来)")


#: This year and the next, said once for the clauses after it in the sentence (今明两年…，高职院校扩招200万人) —
#: until a clause names one year again (今年, 明年).
_BOTH_YEARS = re.compile(r"今明两年")
_THIS_OR_NEXT = re.compile(r"今年|明年|当年")


_PERIOD_CUE = re.compile(r"([五十])年(?:来|间|累计|年均|内|共)|过去([五十])年")


#: The years ahead a plan figure speaks of (今后五年, 未来三年: a period from the report's year; “十一五”期间: the
#: plan's years; a clause opening on 五年: five years from the report's).
_YEARS_AHEAD = re.compile(
    r"(?:今后|未来|今明)(?P<n>[两三五十])年"
    rf"|“?(?P<plan>{'|'.join(sorted(FIVE_YEAR_PLANS, key=len, reverse=True))})”?(?:期间|时期)"
    r"|(?:^|[，,；;])五年(?=[\u4e00-\u9fff])"
)


#: A review naming the targets it was set (年初确定的…降低4%左右、…减少2%的目标): the figures inside restate them.
_TARGET_NAMED = re.compile(r"(?:确定|原定|预定|提出|设定)的[^。；，,;]*$")
_TARGET_AFTER = re.compile(r"[^。；，,;]*?的?(?:目标|指标)")


_TARGET_REF = re.compile(r"(?:原定|原计划|预定|预期目标|计划目标)(?:的)?$")


_ABSENT = re.compile(
    r"(?:没有|不再|未)(?:提出|设定|设置|确定|规定)[^。；;，,]{0,12}?"
    r"(?P<ind>经济增速|经济增长速度|经济增长|国内生产总值增长|地区生产总值增长|GDP增长|增长速度|增速)"
    r"[^。；;，,]{0,6}?目标"
)


@dataclass
class _Ctx:
    kind: str | None  # result | target | None (skip numbers without cues)
    year: int | None
    period: str | None
    headline: bool


def _section_index(report: Report) -> dict[str, Section]:
    return {s.id: s for s in report.sections()}


def _period(first: int, last: int) -> str:
    return f"{first}-{last}"


def _sentence_contexts(report: Report) -> list[_Ctx]:
    """Per sentence: default kind, year, period and headline flag from its part and paragraph."""
    sections = _section_index(report)
    norm = report.norm_text
    out: list[_Ctx] = []
    five_years = one_year = this_year = False
    current_part = None
    headline_para, headline_from = -1, 0
    pre = [p for p in report.paragraphs if p.section_id in ("0", "")]
    preamble_review = (
        sum(len(p.sentences) for p in pre) >= 10 and bool(report.parts) and report.parts[0].kind != "review"
    )
    for para in report.paragraphs:
        sec = sections.get(para.section_id) or report.preamble
        part = report.part_of(para.section_id) if para.section_id else report.preamble
        if part is not current_part:
            current_part, five_years, one_year, this_year = part, False, False, False
        ptext = norm[para.start : para.end]
        if _FIVE_YEARS_OPEN.match(ptext):
            five_years, one_year = True, False
        elif _ONE_YEAR_OPEN.match(ptext) or _last_year_open(ptext, report.year - 1):
            five_years, one_year = False, True
        past_run = five_run = False
        for i, sent in enumerate(para.sentences):
            stext = norm[sent.start : sent.end]
            if sec.kind == "review":
                # A review of several years speaks of the whole period until a paragraph or sentence
                # opens on the last year alone (刚刚过去的2025年，…) and of that year until one opens on
                # the period again (过去五年，…), at any depth of the part.
                if i and _FIVE_YEARS_OPEN.match(stext):
                    five_years, one_year = True, False
                elif i and _PAST_OPEN.match(stext):
                    five_years, one_year = False, True
                years = [y for y in sec.years if y < report.year] or list(sec.years) or [report.year - 1]
                year = max(years)
                period = None
                if one_year:
                    pass  # 刚刚过去的2017年，… inside a five-year review speaks of the last year alone
                elif five_years:
                    period = _period(year - 4, year)
                elif len(years) >= 3:
                    period = _period(min(years), max(years))
                out.append(_Ctx("result", year, period, False))
                continue
            if sec.kind == "plan" and _PAST_FIVE_OPEN.match(ptext):
                # 过去五年，… inside a plan part (2021: “十三五”时期发展成就和“十四五”时期主要目标任务)
                out.append(_Ctx("result", report.year - 1, _period(report.year - 5, report.year - 1), False))
                continue
            if sec.kind == "plan" and (_PAST_FIVE_OPEN.match(stext) or five_run):
                # 过去五年，… opening a sentence of a plan part starts a run of the period's results
                five_run = not (_PLAN_CUE.search(stext) and not _PAST_FIVE_OPEN.match(stext))
                if five_run:
                    out.append(_Ctx("result", report.year - 1, _period(report.year - 5, report.year - 1), False))
                    continue
            if sec.kind == "plan" and (_PAST_OPEN.match(stext) or past_run):
                past_run = not (_PLAN_CUE.search(stext) and not _PAST_OPEN.match(stext))
                if past_run:
                    out.append(_Ctx("result", report.year - 1, None, False))
                    continue
            if sec.kind == "plan":
                # A plan part for the new five-year period and this year (“十五五”时期主要目标和2026年重点工作)
                # speaks of this year from a paragraph or sentence opening on it (今年…) until one opens on the
                # period again (“十五五”时期…, 今后五年).
                if _PLAN_PERIOD_OPEN.match(stext):
                    this_year = False
                elif _this_year_open(stext, report.year):
                    this_year = True
                years = [report.year] if this_year else (list(sec.years) or [report.year])
                period = _period(min(years), max(years)) if len(years) >= 3 else None
                year = max(years) if period else report.year
                m = _HEADLINE.search(stext)
                if m and not _NOT_HEADLINE.search(stext[: m.start()]) and not period and _opens_list(norm, para, i, m):
                    headline_para, headline_from = para.index, i
                elif headline_para == para.index and not _continues_list(stext):
                    headline_para = -1  # a longer sentence without figures ends the list
                is_head = headline_para == para.index and i >= headline_from and not stext.startswith(("这里", "上述"))
                out.append(_Ctx("target", year, period, is_head))
                continue
            if sec is report.preamble and preamble_review:
                out.append(_Ctx("result", report.year - 1, None, False))  # a review before the first part
                continue
            out.append(_Ctx(None, report.year, None, False))
    return out


def _opens_list(norm: str, para, i: int, m: re.Match) -> bool:
    """A 预期目标 sentence that introduces the targets: 预期目标是：/为/定为, or figures right here or next."""
    sent = para.sentences[i]
    stext = norm[sent.start : sent.end]
    if re.match(r"(?:是|为|定为|设定为|定在|确定为)?[：:]|是|为|定为|设定为|定在", stext[m.end() : m.end() + 4]):
        return True
    nxt = para.sentences[i + 1] if i + 1 < len(para.sentences) else None
    here = len(find_quantities(stext))
    return here >= 2 or (nxt is not None and len(find_quantities(norm[nxt.start : nxt.end])) >= 2)


def _continues_list(stext: str) -> bool:
    """Whether a sentence can belong to a headline list: it has a figure, or is a short target phrase
    (固定资产投资扭转下滑态势，实现正增长。)."""
    return bool(find_quantities(stext)) or len(stext) <= 30


def _year_cues(report: Report, ctx: _Ctx, before: str) -> tuple[str | None, int | None, str | None]:
    """Adjust (kind, year, period) by the words before a figure in its sentence."""
    kind, year, period = ctx.kind, ctx.year, ctx.period
    if kind == "target":
        # 赤字率从去年的2.1%提高到2.3%: last year dates the starting point, the new level is the plan's
        past = list(_PAST_CUE.finditer(_FROM_LAST_YEAR.sub("", before)))
        if past:
            m = past[-1]
            y = int(m.group(1)) if m.group(1) else report.year - 1
            if y < report.year:
                return "result", y, None
        ahead = list(_YEARS_AHEAD.finditer(before))
        now = list(_THIS_OR_NEXT.finditer(before))
        if ahead and not period and not (now and now[-1].start() > ahead[-1].start()):
            # 今后五年…累计将达2182亿元; “十一五”期间，关停5000万千瓦小火电机组 (not …，今年要关停1000万千瓦)
            plan = ahead[-1].group("plan")
            if plan:
                first = FIVE_YEAR_PLANS[plan]
                return kind, first + 4, _period(first, first + 4)
            n = {"两": 2, "三": 3, "五": 5, "十": 10}[ahead[-1].group("n") or "五"]
            return kind, report.year + n - 1, _period(report.year, report.year + n - 1)
        dl = list(_DEADLINE.finditer(before))
        if dl:
            y = int(dl[-1].group(1))
            if y >= report.year:
                return kind, y, None
        return kind, year, period
    if kind == "result":
        compared = _COMPARED_YEAR.search(before)
        if compared:
            # 2007年，国内生产总值…比2002年增长65.5%: a change over the years since the base, not one year's
            named = [int(y) for y in re.findall(r"((?:19|20)\d\d)年", before[: compared.start()])]
            last = named[-1] if named and named[-1] <= (year or report.year) else (year or report.year - 1)
            first = int(compared.group(1)) + 1
            if first < last:
                return kind, last, _period(first, last)
        before = _BASE_YEAR.sub("", before)  # 从2020年的82.4岁提升至83.9岁: 2020 dates the base, not the figure
        if report.year in ((ctx.year or 0) + 1,) and _THIS_YEAR_SO_FAR.search(before):
            return kind, report.year, None
        cue = list(_PERIOD_CUE.finditer(before))
        if cue:
            n = 10 if "十" in cue[-1].group() else 5
            last = year or report.year - 1
            return kind, last, _period(last - n + 1, last)
        run = list(_RUN_CUE.finditer(before))
        if run and not period:
            last = year or report.year - 1
            return kind, last, _period(last - int(run[-1].group(1)) + 1, last)  # 连续4年超过90万人
        if re.search(r"年均(?:增长|增速|增加|提高|下降|降低|减少)", before):
            # 年均增长5.2%: an average over the plan period, though a year opens the sentence (2007年，…年均增长10.6%)
            last = year or report.year - 1
            return kind, last, period or _period(last - 4, last)
        years = [int(m.group(1)) for m in _PAST_CUE.finditer(before) if m.group(1)]
        if years and period and years[-1] <= (year or 0):
            return kind, years[-1], None
        reached = _REACHED_IN.search(before)
        if reached and period and int(reached.group(1)) <= (year or 0):
            return kind, int(reached.group(1)), None  # 由2010年的162.4亿元增加到2015年的287.9亿元: the 2015 level
        if period and re.search(r"(?<![比较同与])(?:去年|上年)", before):
            return kind, year, None
        return kind, year, period
    # parts that are neither review nor plan: only figures with a clear cue count
    if re.search("|".join(MODALS) + r"|今年要|今年将", before):
        return "target", report.year, None
    return None, None, None


def _cue_scope(s: str, cl: int, qstart: int) -> str:
    """The words whose time cues apply to a figure: a short sentence-opening time phrase
    (去年，/ 2019年，/ 过去五年，) and the figure's own clause.

    >>> s = "继续执行去年出台的政策，新增减税降费约5000亿元"
    >>> _cue_scope(s, s.index("新"), s.index("5"))
    '新增减税降费约'
    >>> s = "去年，城镇新增就业1352万人"
    >>> _cue_scope(s, s.index("城"), s.index("1"))
    '去年，城镇新增就业'
    >>> s = "今明两年职业技能培训3500万人次以上，高职院校扩招200万人"
    >>> _cue_scope(s, s.index("高"), s.index("2"))
    '今明两年，高职院校扩招'
    >>> s = "从国债投资的效果看，两年来发行2100亿元长期国债，带动4200多亿元银行贷款"
    >>> _cue_scope(s, s.index("带"), s.index("4"))
    '从国债投资的效果看，两年来，带动'
    """
    first = clause_end(s, 0)
    opener = s[: first + 1] if first < cl and first <= 10 else ""
    # 从国债投资的效果看，两年来通过财政…发行2100亿元长期国债，带动4200多亿元银行贷款: a clause opening on
    # the past dates the clauses after it, until one speaks of plans again
    carried = [m for m in _PAST_OPENER.finditer(s, len(opener), cl) if not _PLAN_CUE.search(s, m.end(), cl)]
    if carried:
        opener += carried[-1].group("when") + "，"
    both = _BOTH_YEARS.search(s, len(opener), cl)
    if both and not _THIS_OR_NEXT.search(s, both.end(), qstart) and "每年" not in s[cl:qstart]:
        # 今明两年职业技能培训3500万人次以上，高职院校扩招200万人: both years (not a figure said of each year:
        # 今明两年继续提高企业退休人员基本养老金，人均每年增长10%左右 is this year's too)
        opener += both.group() + "，"
    return opener + s[cl:qstart]
