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
from .metrics import known_indicator, metric_base, metric_key, metric_table
from .numbers import Quantity, find_quantities
from .quantities import (
    CLASSIFIERS,
    GENERIC,
    MODALS,
    clause_end,
    clause_start,
    clean_indicator,
    ends_with_verb,
    indicator_after,
    indicator_before,
    is_threshold,
    is_verb_only,
    measure_of,
    modality,
    next_is_noun,
    posseg,
    prefix_qualifier,
    split_parallel,
    strip_leading_change,
    suffix_qualifier,
)
from .report import Report, Section, Sentence

KINDS = ("quantity", "target", "result", "commitment", "all")


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
        if kind in ("target", "result"):
            out = [r for r in out if r.kind == kind]
    if kind in ("commitment", "all"):
        out = sorted(out + commitment_records(report), key=lambda r: (r.start, r.end))
    return out


# ---------------------------------------------------------------------------
# Context: what a sentence reports (kind, year, period, headline)
# ---------------------------------------------------------------------------

_FIVE_YEARS_OPEN = re.compile(r"^(?:——)?(?:过去五年|五年来|这五年|过去的五年|本届政府任期)")
_ONE_YEAR_OPEN = re.compile(r"^(?:——)?(?:过去一年|去年|一年来|刚刚过去的|(?:19|20)\d\d年(?:是|，|,))")
_HEADLINE = re.compile(r"(?:主要)?预期目标|主要目标是")
_NOT_HEADLINE = re.compile(r"上述|实现这些|完成这些|为实现|超过|好于|完成了|实现了|五年|十[一二三四五]?五|今后|规划")
_PAST_CUE = re.compile(
    r"(?<![比较同与])(?:去年|上年)|过去[一五十]?年|[两三四五六七八九十]年来|已(?:经)?(?:建成|完成|实现|取得|达到)"
    r"|(?<![到至比较])((?:19|20)\d\d)年(?!以来|前|后|底前)"
)
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
    five_years = False
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
            current_part, five_years = part, False
        ptext = norm[para.start : para.end]
        if _FIVE_YEARS_OPEN.match(ptext):
            five_years = True
        elif _ONE_YEAR_OPEN.match(ptext):
            five_years = False
        for i, sent in enumerate(para.sentences):
            stext = norm[sent.start : sent.end]
            if sec.kind == "review":
                years = [y for y in sec.years if y < report.year] or list(sec.years) or [report.year - 1]
                year = max(years)
                period = None
                if len(years) >= 3:
                    period = _period(min(years), max(years))
                elif five_years:
                    period = _period(year - 4, year)
                out.append(_Ctx("result", year, period, False))
                continue
            if sec.kind == "plan" and _FIVE_YEARS_OPEN.match(ptext):
                # 过去五年，… inside a plan part (2021: “十三五”时期发展成就和“十四五”时期主要目标任务)
                out.append(_Ctx("result", report.year - 1, _period(report.year - 5, report.year - 1), False))
                continue
            if sec.kind == "plan":
                years = list(sec.years) or [report.year]
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
        if report.year in ((ctx.year or 0) + 1,) and _THIS_YEAR_SO_FAR.search(before):
            return kind, report.year, None
        cue = list(_PERIOD_CUE.finditer(before))
        if cue:
            n = 10 if "十" in cue[-1].group() else 5
            last = year or report.year - 1
            return kind, last, _period(last - n + 1, last)
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
    quantities = [q for q in find_quantities(s) if not _in_brackets(s, q.start)]
    prev: tuple[str, int, str] | None = None  # (indicator, end, base unit) of the previous figure
    for q in quantities:
        if not _is_measurement(s, q):
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
        if _ANAPHORA.search(s[cl : q.start]) or (ctx.kind == "target" and _ALREADY.search(s[cl : q.start])):
            continue  # 上述2万亿元 restates; 已达2.5亿 states a fact inside the plan
        cross = prev is not None and prev[1] <= clause_start(s, q.start)
        found = _indicator_for(s, q, cl, prev[0] if prev else None, cross, prev[2] if prev else None)
        if found is None:
            continue
        ind, links = found
        measure, direction = measure_of(q, ind, links)
        qual = suffix_qualifier(s, q.end) or prefix_qualifier(s, cl, q.start) or q.approx
        mod = modality(s, q.start) if kind == "target" else None
        out.append(_record(report, sent, ctx, kind, year, period, ind, measure, direction, qual, mod, q, s, None))
        prev = (ind, _after_qualifier(s, q.end), q.base_unit)
    return _respectively(out, s, sent.start)


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
            r"均(?:为|达|达到|增长|下降|降低|减少|提高|在|超过)?$", s[cl : first.start - offset]
        ):
            parts = [p for p in re.split(r"[、和与及]", first.indicator or "") if p]
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


_ALIASES = frozenset(a for entry in metric_table().values() for a in entry["aliases"])
_ACTION = re.compile(
    r"完成|实现|新建|建成|启动|实施|开展|改造|安置|培育|引进|招聘|投资|投入|发放|安排|支持|用于|推广|组织"
)
_MONEY_WORDS = ("投资", "总投资", "投入", "计划投资", "占地", "占地面积", "建筑面积", "面积")


def _indicator_for(
    s: str, q: Quantity, cl: int, prev: str | None, cross: bool = False, prev_unit: str | None = None
) -> tuple[str, list[str]] | None:
    """The indicator of figure ``q`` (and the link words before it), or None when it measures nothing.

    Counts (137项, 13个商贸物流项目) and bare magnitudes (8000万纳税人) take the noun after
    them when there is one; a figure with no noun of its own (，增长4.3%) takes the previous
    figure's indicator in the sentence (``cross``: from an earlier clause, which only link words may do).
    A figure between a name and a noun (大唐700万吨露天矿) is part of a name.
    """
    ind, links = _indicator_and_links(s, cl, q.start)
    ind = _strip_target_words(ind)
    count = q.base_unit in CLASSIFIERS and q.base_unit not in ("人", "人次", "人口")
    bare = q.unit in ("万", "亿", "万亿")
    verb_only = is_verb_only(ind)
    rest = s[_after_qualifier(s, q.end) :]
    if count or bare or (verb_only and q.base_unit != "人口"):
        raw = s[cl : q.start]
        acting = re.search(r"(?:完成|实现|安排|投入|用于|发放|新增|落实|下达|争取|引进|招引)$", raw)
        if verb_only and rest.startswith("的") and acting:
            rest = rest[1:]  # 用于1500万人次以上的职工技能提升, 完成37.8亿元的年度投资计划
        elif count and rest.startswith("的"):
            rest = rest[1:]  # 完成800户的改造任务
        if rest.startswith("的") and s[cl : q.start].endswith("新增"):
            rest = rest[1:]  # 新增8000万吨标准煤的节能能力
        after = indicator_after(rest, 0)
        if (count or bare) and "的" in after:
            head, _, tail = after.partition("的")  # 16条背街巷道的综合改造: the counted noun comes first
            after = head if posseg(head)[-1][1].startswith("n") or not tail else tail  # 4座现代化的垃圾中转站
        if not (count or bare) and not next_is_noun(after):
            after = ""  # 全国近3亿人领取养老金, 全国有8400多万人受益: a statement, not a measured quantity
        if after and "的" not in after:
            if count and after in _NOT_COUNTED:
                return None
            return after, []  # 提高6000万农村人口供水保障水平: the verb acts on the noun, a level
    elif ind and not q.is_percent and not count and next_is_noun(rest[:6]) and not ind.endswith(_MONEY_WORDS):
        raw = posseg(s[cl : q.start])
        if raw and raw[-1][1] != "v":
            return None  # 大唐700万吨露天矿, 红星美凯龙5.7万平方米主力店: a figure inside a name
        after = indicator_after(rest, 0).split("的", 1)[0]
        if after:
            owner = re.search(r"(?:中央|地方|各级)?(?:财政|政府)$", ind)
            return (owner.group() if owner else "") + after, []  # 中央财政安排1000亿元专项奖补资金
    if count and ind in _NOT_COUNTED:
        return None
    if re.search(r"[和与及、]$", s[cl : q.start]):
        after = indicator_after(rest, 0).split("的", 1)[0]
        if after:
            return after, []  # 安排384亿元救灾款和740亿元恢复重建资金
    money = next((w for w in _MONEY_WORDS if ind.endswith(w)), None)
    if money and rest.startswith("的"):
        obj = _noun_head(rest[1:])
        if obj:
            return obj + money, links  # 推进投资5亿元的万家惠农贸市场项目 -> 万家惠农贸市场项目投资
    if ind in ("预期目标", "目标", "增长目标", "预期") or (not ind and not prev):
        known = known_indicator(s[: q.start])
        if known:
            return known, links  # 经济增速是综合性指标，今年预期目标设定为6%以上
    if prev and (not ind or ind in GENERIC):
        raw = s[clause_start(s, q.start) : q.start]
        if cross and _ACTION.search(raw):
            return None  # 完成16条…: an action of its own, not the previous figure's indicator
        if not (ind or links or q.is_percent or q.unit in ("个百分点", "百分点", "倍") or prev_unit == q.base_unit):
            return None  # 9个村3.2万人, 2147个县…，1334万人参保: a new figure, not the previous one's
        ind = prev + ind if ind in ("总量", "总额", "规模") else prev
    ind, verb = strip_leading_change(ind)
    if verb:
        links = [verb, *links]  # 压减政府性基金项目30%: a fall of 30%
    if not ind and not prev and not count:
        subject = _sentence_subject(s, cl)
        if subject:
            return subject, links  # 外贸出口从7月份开始大幅度回升，全年达到1949亿美元
    if re.search(r"我们|这样|这个|那个|他们", ind):
        return None  # 在我们这样一个13亿人口的…: a description, not an indicator
    if not ind or is_verb_only(ind) or ind in GENERIC or (len(ind) == 1 and ind not in "省县市村乡镇区"):
        return None  # 近14亿人口的发展中大国, 保持6%一档: describes, does not measure
    ind = _trim_to_known(ind)
    if rest.startswith("的") and not links and (ends_with_verb(ind) or any(f == "v" for _, f in posseg(ind))):
        return None  # 拥有14亿人口的发展中国家, 保障好14亿人的粮食安全
    return ind, links


def _trim_to_known(ind: str) -> str:
    """Cut a clause before a common indicator (中央提出今年经济增长 -> 经济增长); a modifier stays (地方财政赤字).

    >>> _trim_to_known("中央提出今年经济增长"), _trim_to_known("地方财政赤字")
    ('经济增长', '地方财政赤字')
    """
    table = metric_table()
    if metric_base(ind) in table:
        return ind
    for i in range(len(ind) - 4, 0, -1):
        suffix = ind[i:]
        if suffix in _ALIASES and metric_base(suffix) in table:
            return suffix if re.search(r"提出|决定|确定|要求|明确|预计", ind[:i]) else ind
    return ind


def _sentence_subject(s: str, cl: int) -> str:
    """The noun phrase opening the sentence when the figure's clause (at ``cl``) has none of its own."""
    first_end = clause_end(s, 0)
    if first_end >= cl or not next_is_noun(s[:first_end]):
        return ""
    out = ""
    for word, flag in posseg(s[:first_end]):
        if not (flag.startswith(("n", "j", "b")) or flag == "vn"):
            break
        out += word
    return clean_indicator(out) if len(out) >= 2 else ""


def _noun_head(text: str) -> str:
    """The noun phrase opening ``text``, up to its first verb or punctuation (万家惠农贸市场项目主体完工 ->
    万家惠农贸市场项目主体)."""
    text = text[: clause_end(text, 0)]
    text = re.split(r"主体|整体|全部|正式|顺利|已|建成|完工|竣工|投入|投用|开工|实施|启动|营业|运营|开业", text)[0]
    out = ""
    for word, flag in posseg(text):
        if flag == "v" and out:
            break
        out += word
    return clean_indicator(out)


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


def _after_qualifier(s: str, end: int) -> int:
    q = suffix_qualifier(s, end)
    return end + len(q) if q else end


_ANAPHORA = re.compile(r"^(?:上述|以上|这些|其中的)")
_ALREADY = re.compile(r"(?<!不)已(?:经)?(?:达|有|超|突破|是)?$")


_BASE_FROM = re.compile(r"(?:从|由)(?:每[月年人户天])?[^，,；;]{0,8}?\d[^，,；;]*$")
_BASE_OF = re.compile(r"(?:现行|目前|当前|现在)?\d[\d.,]*(?:%|‰|[万亿]*[^\d，,；;的]{0,3})?的(?P<noun>[^，,；;\d]+)$")


def _indicator_and_links(s: str, cl: int, qstart: int) -> tuple[str, list[str]]:
    """Indicator and link words before a figure; a base figure in between is cut out.

    >>> _indicator_and_links("关税总水平由9.8%降至", 0, 13)
    ('关税总水平', ['降至'])
    >>> _indicator_and_links("将制造业等行业现行16%的税率降至", 0, 17)
    ('制造业等行业税率', ['降至'])
    """
    ind, links = indicator_before(s, cl, qstart)
    before = s[cl:qstart]
    m = _BASE_FROM.search(before)
    if m:
        text = before[: m.start()]
        return indicator_before(text, 0, len(text))[0], links
    m = _BASE_OF.search(before)
    if m:
        noun = indicator_before(m.group("noun"), 0, len(m.group("noun")))[0]
        text = before[: m.start()]
        return indicator_before(text, 0, len(text))[0] + noun, links
    return ind, links


def _in_brackets(s: str, pos: int) -> bool:
    """Inside 《》 (a title) or () (a note such as a plan period)."""
    for o, c in (("《", "》"), ("(", ")"), ("（", "）")):
        if s.rfind(o, 0, pos) > s.rfind(c, 0, pos):
            return True
    return False


_FROM_BASE = re.compile(
    r"^(?:的)?[^，,；;。]{0,12}?(?:提高|增加|增长|上升|扩大|提升|下降|降低|减少|缩小|下调|上调|压缩|降|增|升|减)(?:到|至)"
)
_SLOGAN = re.compile(r"^56个民族")
_NOT_COUNTED = ("方面", "领域", "环节", "层面", "方向", "部分", "阶段", "批次")


def _is_measurement(s: str, q: Quantity) -> bool:
    """Whether a quantity measures something (not a name, threshold, base or slogan)."""
    if is_threshold(s, q) or _SLOGAN.match(s[q.start :]):
        return False
    before = s[max(0, q.start - 1) : q.start]
    if before in ("每", "前", "第") or (q.unit == "倍" and before == "的"):
        return False  # 每50公斤; 是十年前的3倍 (a ratio to a base year)
    rest = s[_after_qualifier(s, q.end) :]
    if q.is_percent and next_is_noun(rest[:8]) and not rest.startswith(("的", "和", "与", "及")):
        return False  # 降低工商业电价5%政策: part of a name
    if _is_base(s, q):
        return False
    return True


def _is_base(s: str, q: Quantity) -> bool:
    """The starting point of a change (由9.8%降至7.5%, 现行16%的税率降至13%), not a figure of its own."""
    cl = clause_start(s, q.start)
    head = s[cl : q.start]
    m = re.compile(r"[，,；;。]").search(s, q.end)
    tail = s[q.end : m.start() if m else len(s)]
    if re.search(
        r"(?:从|由)(?:(?:19|20)\d\d年的?)?(?:[^，,；;\d]{0,6}|[^，,；;]{0,12}[、和])$", head
    ) and _FROM_BASE.match(tail):
        return True
    return bool(tail.startswith("的") and _FROM_BASE.match(tail) and re.search(r"\d", tail))


def _strip_target_words(ind: str) -> str:
    for word in ("具体目标", "预期目标", "目标"):
        if ind.endswith(word) and len(ind) > len(word):
            return ind[: -len(word)]
    return ind


def _dedupe(records: list[Record]) -> list[Record]:
    """Drop restatements: a target repeating a headline target, a figure repeated in its paragraph."""
    heads = [r for r in records if r.headline]
    head_keys = {(r.year, r.metric, r.value, r.value_high, r.unit, r.qualifier) for r in heads}
    seen: set[tuple] = set()
    out: list[Record] = []
    for r in records:
        key = (r.kind, r.year, r.metric, r.value, r.value_high, r.unit, r.qualifier)
        if r.kind == "target" and not r.headline and key[1:] in head_keys:
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

ACTION_VERBS = (
    "加快推进",
    "全面推进",
    "持续推进",
    "扎实推进",
    "积极推进",
    "启动实施",
    "启动建设",
    "全面完成",
    "建成投用",
    "建成投产",
    "开工建设",
    "启动",
    "建成",
    "完成",
    "推进",
    "加快",
    "实施",
    "开工",
    "新建",
    "改扩建",
    "出台",
    "制定",
    "设立",
    "组建",
    "开通",
)
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
