"""Extract quantitative targets, reported results and commitments from a :class:`Report`.

Work is sentence by sentence over ``report.sentences``, reading ``report.norm_text`` (same
offsets as the original). Every quantity found by :mod:`policydiff.numbers` that measures
something becomes one :class:`Record` with its kind (target / result), the year it refers to,
its indicator and canonical metric, qualifier, modality and the verbatim sentence.
See docs/extraction.md for the rules.

>>> from policydiff.report import parse_report
>>> r = parse_report("一、2019年工作回顾\\n全年地区生产总值实现712.6亿元，增长4.3%。\\n"
...                  "二、2020年重点工作\\n主要预期目标是：地区生产总值增长4%左右。", region="demo", year=2020)
>>> [(x.kind, x.year, x.indicator, x.value, x.unit, x.measure, x.qualifier, x.headline) for x in extract(r)]
[('result', 2019, '地区生产总值', 712.6, '亿元', 'level', None, False), \
('result', 2019, '地区生产总值', 4.3, '%', 'growth', None, False), \
('target', 2020, '地区生产总值', 4, '%', 'growth', '左右', True)]
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from .errors import PolicydiffError
from .lexicon import ACTION_VERBS
from .metrics import metric_base, metric_key
from .numbers import Quantity, find_quantities, parse_arabic, to_number
from .quantities import (
    LIST_SEP,
    MODALS,
    after_qualifier,
    clause_end,
    clause_start,
    clean_indicator,
    in_brackets,
    indicator_for,
    is_base,
    is_context,
    is_measurement,
    measure_of,
    modality,
    prefix_qualifier,
    shared_head,
    split_parallel,
    suffix_qualifier,
)
from .report import Report, Section, Sentence

KINDS = ("quantity", "target", "result", "context", "commitment", "all")


@dataclass
class Record:
    """One extracted figure (or commitment), traceable to its sentence.

    ``value`` is exactly as written (712.6, 1100) and ``unit`` keeps the magnitude (亿元,
    万人); ranges put the upper end in ``value_high``. ``start``/``end`` slice the quantity
    (for commitments: the verb and its object) out of the original report text.
    """

    report: str
    kind: str
    year: int | None
    period: str | None
    indicator: str | None
    metric: str | None
    value: float | int | None
    value_high: float | int | None
    unit: str | None
    measure: str | None
    direction: str | None
    qualifier: str | None
    modality: str | None
    headline: bool
    absent: bool
    sentence: str
    start: int
    end: int
    section: str
    section_id: str
    verb: str | None = None
    object: str | None = None
    #: The starting point of a change written with the figure (由52.23%提高到58.08%: base 52.23).
    base: float | int | None = None
    #: The unit a figure is per when it is set for each of many (每个县至少办好1所优质高中: 每个县).
    per: str | None = None


#: The field names of a record, in contract order (the columns of jsonl/csv output).
FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Record))


def to_dicts(records: list[Record]) -> list[dict[str, Any]]:
    """Records as plain dicts with exactly the contract's field names.

    >>> to_dicts([])
    []
    """
    return [asdict(r) for r in records]


def extract(report: Report, kind: str = "quantity") -> list[Record]:
    """Records of ``report``, in text order.

    ``kind``: ``quantity`` (targets and results, the default), ``target``, ``result``,
    ``commitment`` (non-numeric promises: verb, object, modality) or ``all``.
    """
    if kind not in KINDS:
        raise PolicydiffError(f"unknown kind {kind!r} (choose from {', '.join(KINDS)})")
    out: list[Record] = []
    if kind != "commitment":
        out = quantity_records(report)
        if kind in ("target", "result", "context"):
            out = [r for r in out if r.kind == kind]
    if kind in ("commitment", "all"):
        out = sorted(out + commitment_records(report), key=lambda r: (r.start, r.end))
    return out


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
_BASE_YEAR = re.compile(r"(?:从|由)(?:19|20)\d\d年(?:底|末)?的?")
_RUN_CUE = re.compile(r"连续(\d{1,2})年")
_RANGE_YEARS = re.compile(r"(?:19|20)\d\d\s*[-—–~至到]\s*(?:19|20)\d\d年")
_DEADLINE = re.compile(r"(?:到|至|在)((?:19|20)\d\d)年(?:底|末|前)?")
_THIS_YEAR_SO_FAR = re.compile(r"今年以来|今年前|今年一季度|今年上半年")
_PERIOD_CUE = re.compile(r"([五十])年(?:来|间|累计|年均|内|共)|过去([五十])年")
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
        elif _ONE_YEAR_OPEN.match(ptext):
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
        past = list(_PAST_CUE.finditer(before))
        if past:
            m = past[-1]
            y = int(m.group(1)) if m.group(1) else report.year - 1
            if y < report.year:
                return "result", y, None
        dl = list(_DEADLINE.finditer(before))
        if dl:
            y = int(dl[-1].group(1))
            if y >= report.year:
                return kind, y, None
        return kind, year, period
    if kind == "result":
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
        if re.search(r"年均(?:增长|增速|增加|提高|下降|降低|减少)", before) and not period:
            last = year or report.year - 1
            return kind, last, _period(last - 4, last)  # 年均增长5.2%: an average over the plan period
        years = [int(m.group(1)) for m in _PAST_CUE.finditer(before) if m.group(1)]
        if years and period and years[-1] <= (year or 0):
            return kind, years[-1], None
        if period and re.search(r"(?<![比较同与])(?:去年|上年)", before):
            return kind, year, None
        return kind, year, period
    # parts that are neither review nor plan: only figures with a clear cue count
    if re.search("|".join(MODALS) + r"|今年要|今年将", before):
        return "target", report.year, None
    return None, None, None


# ---------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------


def _section_label(report: Report, sent: Sentence) -> str:
    return " > ".join(sent.section_path)


def quantity_records(report: Report) -> list[Record]:
    """Targets and results of a report (every measuring figure, explicitly absent targets too)."""
    norm = report.norm_text
    contexts = _sentence_contexts(report)
    records: list[Record] = []
    for sent, ctx in zip(report.sentences, contexts, strict=True):
        s = norm[sent.start : sent.end]
        records.extend(_sentence_records(report, sent, s, ctx))
    return _dedupe(records)


def _sentence_records(report: Report, sent: Sentence, s: str, ctx: _Ctx) -> list[Record]:
    out: list[Record] = []
    if ctx.kind == "target":
        absent = _ABSENT.search(s)
        if absent:
            ind = absent.group("ind")
            out.append(
                _record(report, sent, ctx, "target", ctx.year, None, ind, "growth", None, None, None, None, s, absent)
            )
    quantities = [q for q in find_quantities(s) if not in_brackets(s, q.start)]
    prev: tuple[str, int, str] | None = None  # (indicator, end, base unit) of the previous figure
    base: Quantity | None = None  # the starting point of a change, waiting for its new value
    for q in quantities:
        if is_base(s, q):
            base = q
            continue
        if not is_measurement(s, q):
            continue
        cl = clause_start(s, q.start)
        if prev and prev[1] > cl:
            cl = prev[1]
        before = _cue_scope(s, cl, q.start)
        if _TARGET_REF.search(s[cl : q.start].rstrip("近约超过")):
            continue
        kind, year, period = _year_cues(report, ctx, before)
        if kind is None:
            continue
        if _ANAPHORA.search(s[cl : q.start]):
            continue  # 上述2万亿元 restates
        cross = prev is not None and prev[1] <= clause_start(s, q.start)
        found = indicator_for(s, q, cl, prev[0] if prev else None, cross, prev[2] if prev else None)
        if found is None and kind == "target":
            found = _described(s, q)  # 14亿多人口的大国: the present, not a promise
        if found is None:
            continue
        ind, links = found
        if kind == "target" and (
            _ALREADY.search(s[cl : q.start]) or found[1] is _DESCRIBED or is_context(s, q, ind, links, cl)
        ):
            kind = "context"  # 已达2.5亿, 今年高校毕业生将高达765万人, 依托…50家龙头企业
        if prev and s[prev[1] : cl] == "、" and prev[2] == q.base_unit:
            ind = shared_head(prev[0], ind)  # 平均压减时间58%、材料52% -> 平均压减材料
        measure, direction = measure_of(q, ind, links)
        qual = suffix_qualifier(s, q.end) or prefix_qualifier(s, cl, q.start) or q.approx
        if qual is None and re.search(r"至少[\u4e00-\u9fff]{1,3}$", s[cl : q.start]):
            qual = "至少"  # 每个县至少办好1所优质高中: the floor governs the verb's count
        mod = modality(s, q.start) if kind == "target" else None
        rec = _record(report, sent, ctx, kind, year, period, ind, measure, direction, qual, mod, q, s, None)
        part = max(s.rfind("；", 0, q.start), s.rfind(";", 0, q.start), s.rfind("。", 0, q.start)) + 1
        pers = list(_PER_EACH.finditer(s, part, q.start))
        rec.per = pers[-1].group() if pers else None
        if base is not None and base.unit == q.unit and clause_start(s, base.start) == clause_start(s, q.start):
            rec.base = base.value
            if kind == "result":  # a review's starting point is a reported figure of its own year
                out.append(_base_record(report, sent, ctx, rec, base, s))
        base = None
        out.append(rec)
        prev = (ind, after_qualifier(s, q.end), q.base_unit)
    out.extend(_structure_records(report, sent, s, ctx))
    return _respectively(sorted(out, key=lambda r: r.start), s, sent.start)


def _base_record(report: Report, sent: Sentence, ctx: _Ctx, new: Record, base: Quantity, s: str) -> Record:
    """The starting point of a change in a review (人均预期寿命从2020年的82.4岁提升至83.9岁) as a result of
    the year it names, else of the year before the period (or the year) the review speaks of."""
    named = re.search(r"((?:19|20)\d\d)年(?:底|末)?的?$", s[: base.start])
    if named:
        year = int(named.group(1))
    elif new.period:
        year = int(new.period[:4]) - 1
    else:
        year = (new.year or report.year) - 1
    measure = "rate" if base.is_percent and new.measure in ("rate", "growth") else new.measure
    return _record(report, sent, ctx, "result", year, None, new.indicator, measure, None, None, None, base, s, None)


#: An industry structure written as a ratio (三次产业结构由20.8：36.7：42.5调整优化为17.7：33.4：48.9).
_STRUCTURE = re.compile(r"(?:三次产业|三产|产业)(?:结构|比例|比重|占比)")
_RATIO3 = re.compile(
    r"(?<![\d.])(\d{1,2}(?:\.\d+)?)\s*[:：]\s*(\d{1,2}(?:\.\d+)?)\s*[:：]\s*(\d{1,2}(?:\.\d+)?)(?![\d.])"
)
_SECTORS = ("第一产业比重", "第二产业比重", "第三产业比重")


def _structure_records(report: Report, sent: Sentence, s: str, ctx: _Ctx) -> list[Record]:
    """One record per sector share of an industry structure that changed from one ratio to another
    (由20.8：36.7：42.5调整优化为17.7：33.4：48.9): unit-less shares, the first ratio dated to its base year."""
    head = _STRUCTURE.search(s)
    ratios = list(_RATIO3.finditer(s, head.end())) if head else []
    if len(ratios) < 2 or not re.search(r"[由从]", s[head.end() : ratios[0].start()]):
        return []  # only a change of structure (由…调整为…) is reported as shares; a lone ratio is a description
    out = []
    for m in ratios:
        kind, year, period = _year_cues(report, ctx, _cue_scope(s, clause_start(s, m.start()), m.start()))
        if kind is None:
            continue
        if period and re.search(r"[由从]$", s[: m.start()]):
            year, period = int(period[:4]) - 1, None  # 由20.8：36.7：42.5 (the period's starting point)
        for i, name in enumerate(_SECTORS):
            value = to_number(parse_arabic(m.group(i + 1)))
            fake = Quantity(m.start(i + 1), m.end(i + 1), m.group(i + 1), value, None, None)
            mod = modality(s, m.start()) if kind == "target" else None
            out.append(_record(report, sent, ctx, kind, year, period, name, "rate", None, None, mod, fake, s, None))
    return out


def _respectively(records: list[Record], s: str, offset: int) -> list[Record]:
    """Give each figure of a 分别 list its own indicator (基础设施、制造业投资分别增长9.4%、9.1%)."""
    i = 0
    while i < len(records):
        first = records[i]
        group = [first]
        for nxt in records[i + 1 :]:
            between = s[group[-1].end - offset : nxt.start - offset]
            if nxt.indicator != first.indicator or not re.fullmatch(r"(?:以上|以内|以下|左右)?[、和及与]", between):
                break
            group.append(nxt)
        cl = clause_start(s, first.start - offset)
        for rec in group[1:]:  # 实际增长9.8%和8.5%: the list shares its verb
            if rec.unit != first.unit:
                continue  # 8条、12.3公里道路: a count and a length
            rec.measure, rec.direction = first.measure, first.direction
            rec.metric = metric_key(rec.indicator, rec.measure)
        if len(group) > 1 and "分别" in s[cl : first.start - offset]:
            names = split_parallel(first.indicator or "", len(group))
            tail_qual = group[-1].qualifier
            for rec, name in zip(group, names or [None] * len(group), strict=True):
                if name:
                    rec.indicator = name
                rec.measure, rec.direction = first.measure, first.direction
                rec.metric = metric_key(rec.indicator, rec.measure)
                if rec.qualifier is None and tail_qual in ("左右",):
                    rec.qualifier = tail_qual  # 分别增长7%和8%左右
        if len(group) == 1 and re.search(
            r"(?:(?<![年人日月])均|分别)(?:为|达|达到|增长|下降|降低|减少|提高|在|超过)?$", s[cl : first.start - offset]
        ):
            parts = [p for p in LIST_SEP.split(first.indicator or "") if p]
            names = split_parallel(first.indicator or "", len(parts)) if len(parts) > 1 else None
            if names:  # 草原综合植被盖度和湿地保护率均达50%以上: one figure for each
                copies = [replace(first, indicator=n, metric=metric_key(n, first.measure)) for n in names]
                records[i : i + 1] = copies
                i += len(copies)
                continue
        i += len(group)
    return records


def _cue_scope(s: str, cl: int, qstart: int) -> str:
    """The words whose time cues apply to a figure: a short sentence-opening time phrase
    (去年，/ 2019年，/ 过去五年，) and the figure's own clause.

    >>> s = "继续执行去年出台的政策，新增减税降费约5000亿元"
    >>> _cue_scope(s, s.index("新"), s.index("5"))
    '新增减税降费约'
    >>> s = "去年，城镇新增就业1352万人"
    >>> _cue_scope(s, s.index("城"), s.index("1"))
    '去年，城镇新增就业'
    """
    first = clause_end(s, 0)
    opener = s[: first + 1] if first < cl and first <= 10 else ""
    return opener + s[cl:qstart]


def _record(report, sent, ctx, kind, year, period, ind, measure, direction, qual, mod, q, s, absent) -> Record:
    if absent is not None:
        start, end, value, high, unit = sent.start + absent.start(), sent.start + absent.end(), None, None, None
        ind = ind
    else:
        start, end, value, high, unit = sent.start + q.start, sent.start + q.end, q.value, q.value_high, q.unit
    return Record(
        report=report.key,
        kind=kind,
        year=year,
        period=period,
        indicator=ind,
        metric=metric_key(ind, measure),
        value=value,
        value_high=high,
        unit=unit,
        measure=measure,
        direction=direction,
        qualifier=qual,
        modality=mod,
        headline=bool(ctx.headline and kind == "target"),
        absent=absent is not None,
        sentence=sent.text,
        start=start,
        end=end,
        section=_section_label(report, sent),
        section_id=sent.section_id,
    )


#: A per-unit scope before a figure: each county, town, school … (每个乡镇至少办好1所优质初中).
_PER_EACH = re.compile(
    r"每(?:个|所|家|一个)?(?:县(?:（市、区）|\(市、区\)|市区|区)?|乡镇|乡|镇|行政村|村|社区|市州|地市|市|区|园区|学校|医院|企业|家庭)"
)
_DESCRIBED: list[str] = []  # the links of a figure found by _described (identity marks it)
_PEOPLE_AFTER = re.compile(r"(?:多|余)?(?P<noun>人口|人民|群众|老年人|劳动力|人才|家庭|纳税人)")


def _described(s: str, q: Quantity) -> tuple[str, list[str]] | None:
    """A population or stock the plan describes (近14亿人口的发展中大国, 9亿多劳动力): its noun, or None."""
    rest = after_qualifier(s, q.end)
    m = _PEOPLE_AFTER.match(s, rest)
    if m and (q.unit in ("万", "亿") or q.base_unit in ("人", "人口", "")):
        return m.group("noun"), _DESCRIBED
    if q.base_unit in ("人口", "") and q.unit:
        return "人口", _DESCRIBED  # 14亿多人口大国
    if q.base_unit in ("人", "户") and re.match(r"(?:多|余)?(?:受益|从中受益|得到实惠)", s[rest:]):
        return "受益人数", _DESCRIBED  # 约6700万人受益
    return None


_ANAPHORA = re.compile(r"^(?:上述|以上|这些|其中的)")
_ALREADY = re.compile(r"(?<!不)已(?:经)?(?:达|有|超|突破|是)?$")


def _dedupe(records: list[Record]) -> list[Record]:
    """Drop restatements: a target repeating a headline target, a figure repeated in the report
    (but the same count in two sections, 实施…等5项工程, is two figures)."""
    heads = [r for r in records if r.headline]
    head_keys = {(r.year, r.metric, r.value, r.value_high, r.unit, r.qualifier) for r in heads}
    seen: set[tuple] = set()
    out: list[Record] = []
    for r in records:
        where = r.section_id if r.measure == "count" else None  # a level or rate restated elsewhere is one figure
        key = (r.kind, r.year, r.metric, r.value, r.value_high, r.unit, r.qualifier, where)
        if r.kind == "target" and not r.headline and key[1:-1] in head_keys:
            continue
        if r.headline and _restates(r, heads):
            continue
        if key in seen and r.value is not None:
            continue
        seen.add(key)
        out.append(r)
    return out


def _restates(rec: Record, heads: list[Record]) -> bool:
    """A headline figure in a later sentence repeating one of the list (今年预期目标设定为6%以上)."""
    for h in heads:
        if h is rec:
            return False
        same = (h.value, h.value_high, h.unit, h.qualifier) == (rec.value, rec.value_high, rec.unit, rec.qualifier)
        if same and h.sentence != rec.sentence and (h.metric == rec.metric or _names_metric(rec, h)):
            return True
    return False


def _names_metric(rec: Record, head: Record) -> bool:
    """Whether ``rec``'s indicator is unresolved or ends with a name of ``head``'s metric
    (中央提出今年经济增长 names gdp: 经济增长)."""
    ind = rec.indicator or ""
    if _unresolved(ind):
        return True
    base = (head.metric or "").split(".")[0]
    return any(metric_base(ind[i:]) == base for i in range(max(0, len(ind) - 12), len(ind) - 2))


def _unresolved(indicator: str | None) -> bool:
    return not indicator or bool(re.fullmatch(r"(?:经济)?(?:增长|增速|预期目标|目标|指标)\w{0,2}", indicator))


# ---------------------------------------------------------------------------
# Commitments
# ---------------------------------------------------------------------------

_ADVERBS = re.compile(
    r"^(?:全力|全面|加快|积极|大力|着力|扎实|持续|深入|继续|进一步|重点|集中|统筹|有序|稳步|切实|尽快|年内|今年|同时|并|要|将"
    r"|力争|确保|争取|努力|坚决)+"
)


def commitment_records(report: Report) -> list[Record]:
    """Non-numeric promises in the plan parts: an action verb, its object and the modality.

    Clauses carrying a figure are left to the quantity records.
    """
    norm = report.norm_text
    contexts = _sentence_contexts(report)
    out: list[Record] = []
    for sent, ctx in zip(report.sentences, contexts, strict=True):
        if ctx.kind != "target":
            continue
        s = norm[sent.start : sent.end]
        for start, end in _commitment_clauses(s):
            rec = _commitment(report, sent, ctx, s, start, end)
            if rec:
                out.append(rec)
    return out


_SECOND_VERBS = (
    "启动",
    "实施",
    "推进",
    "推动",
    "建设",
    "发展",
    "完成",
    "建成",
    "编制",
    "建立",
    "提升",
    "开展",
    "探索",
    "完善",
    "落实",
    "培育",
    "打造",
    "引进",
)


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


def _commitment(report, sent, ctx, s: str, start: int, end: int) -> Record | None:
    """A commitment record for the clause ``s[start:end]`` when it opens with an action verb."""
    clause = s[start:end]
    if not clause or re.search(r"\d", clause) or find_quantities(clause):
        return None
    body = clause
    m = re.match(r"^(?:" + "|".join(MODALS) + r")", body)
    if m:
        body = body[m.end() :]
    offset = len(clause) - len(body)
    verb = next((v for v in ACTION_VERBS if body.startswith(v)), None)
    if verb is None:
        a = _ADVERBS.match(body)
        if a and a.end() < len(body):
            rest = body[a.end() :]
            verb = next((v for v in ACTION_VERBS if rest.startswith(v)), None)
            if verb:
                offset += a.end()
                body = rest
    if verb is None:
        return None
    more = next((v for v in _SECOND_VERBS if body[len(verb) :].startswith(v)), None)
    if more:  # 加快启动中车风机产业园建设: the verb is 加快启动
        verb += more
    if body[len(verb) : len(verb) + 1] == "好":
        verb += "好"  # 完成好…任务
    mod = modality(s, start + offset)
    obj = clean_indicator(body[len(verb) :])
    if len(obj) < 2:
        return None
    vstart = sent.start + start + offset
    year = ctx.year
    dl = list(_DEADLINE.finditer(s[:end]))
    if dl and int(dl[-1].group(1)) >= report.year:
        year = int(dl[-1].group(1))
    return Record(
        report=report.key,
        kind="commitment",
        year=year,
        period=ctx.period,
        indicator=obj,
        metric=None,
        value=None,
        value_high=None,
        unit=None,
        measure=None,
        direction=None,
        qualifier=None,
        modality=mod,
        headline=False,
        absent=False,
        sentence=sent.text,
        start=vstart,
        end=sent.start + end,
        section=_section_label(report, sent),
        section_id=sent.section_id,
        verb=verb,
        object=obj,
    )
