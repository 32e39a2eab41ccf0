"""Records: the figures of each sentence assembled into :class:`~policydiff.model.Record` values, the
分别/均 lists distributed, industry structures split into shares, repeated figures dropped.

Records are frozen: a figure's ``per``/``base`` are known before its record is made, and a list's
shared measure or split indicator gives a new record (:func:`dataclasses.replace`).

>>> from policydiff.report import parse_report
>>> r = parse_report("一、2019年工作回顾\\n基础设施、制造业投资分别增长9.4%、9.1%。", region="demo", year=2020)
>>> [(x.indicator, x.value, x.measure) for x in quantity_records(r)]
[('基础设施投资', 9.4, 'growth'), ('制造业投资', 9.1, 'growth')]
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import (
    BARE_MEASURES,
    CLASSIFIERS,
    COUNT_VERBS,
    GOODS_MEASURES,
    MARK_HEADS,
    PLACE_UNITS,
    PROGRAMME_SETTING_VERBS,
    QUALIFIERS,
    STANDING_PREDICATES,
    UNSUMMED_MEASURES,
)
from ..metrics import metric_base, metric_key
from ..model import Record
from ..numbers import UNIT_SAID_OTHERWISE, Quantity, find_quantities, magnitude_of, parse_arabic, to_number
from ..report import FIVE_YEAR_PLANS, Report, Sentence
from .context import (
    _ABSENT,
    _TARGET_AFTER,
    _TARGET_NAMED,
    _TARGET_REF,
    _Ctx,
    _cue_scope,
    _sentence_contexts,
    _year_cues,
)
from .filters import TIMES_BASE, TIMES_OF, is_base, is_context, is_measurement, turns_from
from .geometry import clause_end, clause_start, in_brackets
from .indicator import BARE_INVESTMENT, BARE_TOTAL, indicator_for, leading_verbs, opening_subject
from .phrases import (
    ETC,
    LIST_SEP,
    MEASURE_ENDS,
    counterpart_name,
    indicator_before,
    shared_head,
    shared_rate_owner,
    split_parallel,
)
from .pos import is_verb_only, posseg
from .qualifiers import GROWTH_END, after_qualifier, measure_of, modality, prefix_qualifier, suffix_qualifier

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
    earlier: list[Sentence] = []  # the sentences before in the same paragraph
    for sent, ctx in zip(report.sentences, contexts, strict=True):
        s = norm[sent.start : sent.end]
        found = _sentence_records(report, sent, s, ctx)
        if earlier and earlier[-1].paragraph != sent.paragraph:
            earlier = []
        bare = [r for r in found if r.indicator in BARE_INVESTMENT]  # read the sentence before only for these
        if bare and earlier:
            last = norm[earlier[-1].start : earlier[-1].end]
            topic = paragraph_topic(last)
            found = [_of_topic(r, topic, s, sent.start) for r in found] if topic else found
            own = _own_topic(s, last)
            found = [_of_topic(r, own, s, sent.start, opening=False) for r in found] if own else found
        if any(r.indicator in _ENTERED for r in found):
            # 年内入园企业达到7家: the park the paragraph last named (全力建设中俄蒙国际物流园区，…。…)
            said = norm[earlier[0].start if earlier else sent.start : sent.start]
            found = [_of_park(r, said + s[: r.start - sent.start]) for r in found]
        if any(r.indicator == BARE_TOTAL for r in found):
            # 经营主体稳中培优。总量达1461.4万户: the total of what the sentence before opens on, else no record
            subject = opening_subject(norm[earlier[-1].start : earlier[-1].end]) if earlier else ""
            found = [_named_total(r, subject) for r in found if r.indicator != BARE_TOTAL or subject]
        if any((r.indicator or "").startswith(_PILOT) for r in found) and earlier:
            # 一是积极推行新型农村合作医疗制度。试点范围扩大到全国80%以上的县: the pilot of the item's programme
            programme = _item_programme(norm, earlier)
            found = [_of_programme(r, programme) for r in found] if programme else found
        if any(r.indicator in BARE_MEASURES for r in found) and earlier:
            industry = _industry_before(norm, earlier)
            found = [_of_industry(r, industry, s, sent.start) for r in found] if industry else found
        records.extend(found)
        earlier.append(sent)
    return _dedupe(records)


#: How many sentences back an industry a bare output opens on may be named (新材料产业瞄准高端化发力，…。拓展…。
#: 产值超过350亿元).
_INDUSTRY_BACK = 3
#: An industry a sentence opens on (石化产业持续“减油增化提质”), not a chain, cluster or park of it.
_INDUSTRY = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:产业|行业)(?![链集园化的和与及、])")
#: What may stand before a bare output that opens its sentence: words of striving (力争产值突破1300亿元).
_BEFORE_OUTPUT = re.compile(r"(?:力争|争取|确保|全年|年度|预计)*")


def _renamed(r: Record, name: str) -> Record:
    """``r`` under another indicator name, its metric key made from that name."""
    return replace(r, indicator=name, metric=metric_key(name, r.measure))


def _industry_before(norm: str, earlier: list[Sentence]) -> str:
    """The industry that the nearest of the last few sentences of a paragraph opens on (石化产业持续…), or ''."""
    for sent in reversed(earlier[-_INDUSTRY_BACK:]):
        m = _INDUSTRY.match(norm, sent.start)
        if m and not any(flag.startswith("v") for _, flag in posseg(m.group())):
            return m.group()  # 新材料产业瞄准高端化发力 (not 加快发展新兴产业: a verb opens it)
    return ""


#: A name that opens on a pilot with no programme of its own (试点覆盖县比例, 试点地区农民负担).
_PILOT = "试点"
#: A sentence opening an item of a list (一是…, 三是…) by carrying out a programme, and nothing more
#: (一是积极推行新型农村合作医疗制度。三是进行农村税费改革试点。).
_ITEM_PROGRAMME = re.compile(
    rf"^[一二三四五六七八九十]是(?:积极|大力|继续|深入|稳步)?(?:进行|{'|'.join(PROGRAMME_SETTING_VERBS)})"
    r"(?P<what>[\u4e00-\u9fff]{2,14}?)(?:制度|试点|工作)?[。；;]?$"
)


def _item_programme(norm: str, earlier: list[Sentence]) -> str:
    """The programme the nearest of the last three sentences of a paragraph opens its item on, or ''."""
    for sent in reversed(earlier[-3:]):
        text = re.split(r"[：:]", norm[sent.start : sent.end])[-1]  # 今年重点抓好四件事：一是…
        m = _ITEM_PROGRAMME.match(text.strip())
        if m:
            return m.group("what")
    return ""


def _of_programme(r: Record, programme: str) -> Record:
    """A pilot's figure named by the programme piloted (试点覆盖县比例 -> 新型农村合作医疗试点覆盖县比例)."""
    if not (r.indicator or "").startswith(_PILOT):
        return r
    return _renamed(r, programme + (r.indicator or ""))


def _place_name(name: str) -> bool:
    """Whether a name is a place's or a person's name alone (玉树 of 玉树3县5乡), which a place word would turn into
    another place (玉树县)."""
    words = posseg(name)
    return len(words) == 1 and words[0][1] in ("ns", "nr", "nrt")


def _named_total(r: Record, subject: str) -> Record:
    """A bare total (总量) named by the subject of the sentence before; other records as they are."""
    if r.indicator != BARE_TOTAL:
        return r
    return _renamed(r, subject + r.indicator)


def _of_industry(r: Record, industry: str, s: str, offset: int) -> Record:
    """An output named by its measure alone (产值, 营收) that opens its sentence, named by the industry a sentence
    before in its paragraph opens on (石化产业持续“减油增化提质”，…。产值突破1300亿元 -> 石化产业产值)."""
    if r.indicator not in BARE_MEASURES:
        return r
    at = s.rfind(r.indicator, 0, r.start - offset)
    if at < 0 or not _BEFORE_OUTPUT.fullmatch(s, 0, at):
        return r
    return _renamed(r, industry + r.indicator)


def paragraph_topic(text: str) -> str:
    """The thing a sentence opens on when it states how that thing stands (东山组团基础设施建设取得突破性进展 ->
    东山组团基础设施建设): the run of nouns before its predicate, four characters or more; '' otherwise.

    >>> paragraph_topic("东山组团基础设施建设取得突破性进展。"), paragraph_topic("坚持规划先行，高质量推进组团建设。")
    ('东山组团基础设施建设', '')
    >>> paragraph_topic("老城区改造工作成效明显。"), paragraph_topic("让城市基础设施更完善。")
    ('老城区改造工作', '城市基础设施')
    """
    clause = text[: clause_end(text, 0)]
    words = posseg(clause)
    if len(clause) <= 16 and clause_end(text, 0) >= len(text.rstrip("。；;")):
        while words and words[0][1] in ("v", "d", "ad", "a"):
            words = words[1:]  # a lead of one short clause (让城市基础设施更完善): what it is about
    out = ""
    for word, flag in words:
        if not (flag.startswith(("n", "j", "b")) or flag == "vn" or (out and word in COUNT_VERBS)):
            break  # 老城区改造工作: a works verb inside the name (jieba tags 改造 v)
        out += word
    return out if len(out) >= 4 and not clause.endswith(out) else ""


def _of_topic(r: Record, topic: str, s: str, offset: int, *, opening: bool = True) -> Record:
    """A sum named by its verb alone in its sentence's first clause, named by the topic of the sentence before
    (东山组团基础设施建设取得突破性进展。全年完成投资15.9亿元 -> 东山组团基础设施建设完成投资); with ``opening``
    false, one in a later clause of a sentence that opens on its topic (园区基础设施开工建设，…，完成投资1.7亿元)."""
    if (
        r.indicator not in BARE_INVESTMENT
        or not (r.unit or "").endswith("元")
        or (clause_start(s, r.start - offset) == 0) != opening
    ):
        return r
    return _renamed(r, topic + r.indicator)


#: Things counted by their entering a park, named so and nothing more (入园企业8家).
_ENTERED = frozenset({"入园企业", "入驻企业", "入园项目", "入驻项目"})
#: A park's name, with what may lead it (全力建设中俄蒙国际物流园区)...
_PARK = re.compile(r"[\u4e00-\u9fff]{2,14}?园区")
#: ...the words that lead it, and a class of parks rather than one (自治区级物流园区 标准).
_PARK_LEAD = re.compile(r"建设|推进|打造|按照|依托|支持|发展|加快|围绕|入驻|进入|启动|的")
_PARK_CLASS = re.compile(r"(?:国家|自治区|省|市|县|区)级")


def _of_park(r: Record, before: str) -> Record:
    """Firms or projects counted by entering a park (入园企业), named by the park the text ``before`` them last
    names (…加速推进中俄蒙国际物流园区建设，…。…入园企业达到14家 -> 中俄蒙国际物流园区入园企业); as they are when
    none is named there.

    >>> from policydiff.model import Record
    >>> r = Record("x/2014", "target", 2014, None, "入园企业", None, 14, None, "家", "count", None, None, None,
    ...            False, False, "", 0, 3, "", "")
    >>> _of_park(r, "按照自治区级物流园区标准，加速推进中俄蒙国际物流园区建设。力争年末，").indicator
    '中俄蒙国际物流园区入园企业'
    >>> _of_park(r, "加快园区建设，").indicator
    '入园企业'
    """
    if r.indicator not in _ENTERED:
        return r
    for m in reversed(list(_PARK.finditer(before))):
        park = _PARK_LEAD.split(m.group())[-1]  # 全力建设…, 加速推进…: what leads the name
        if len(park) >= 4 and not _PARK_CLASS.match(park):
            return _renamed(r, park + r.indicator)
    return r


#: The short head a sentence may open on for a name the sentence before gave in full (园区 for 中俄蒙国际物流园区).
_SHORT_HEAD = re.compile(r"(?:园区|组团|新区)")


def _own_topic(s: str, before: str) -> str:
    """The full name of the place a sentence opens on by its short head (园区), when the sentence before opens on
    that name (中俄蒙国际物流园区晋升为…。园区基础设施开工建设，… -> 中俄蒙国际物流园区); '' otherwise.

    >>> _own_topic("园区基础设施开工建设，全年完成投资1.7亿元。", "中俄蒙国际物流园区晋升为自治区级物流园区。")
    '中俄蒙国际物流园区'
    >>> _own_topic("园区基础设施开工建设。", "加快园区建设。"), _own_topic("项目开工建设。", "中俄蒙国际物流园区晋升。")
    ('', '')
    """
    head = _SHORT_HEAD.match(s)
    full = re.match(rf"[\u4e00-\u9fff]{{2,10}}?{head.group()}", before) if head else None
    return full.group() if full and not posseg(full.group())[0][1].startswith(("v", "d", "p")) else ""


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
    bases: list[Quantity] = []  # the starting points of a change, waiting for their new values (a list: 分别从A、B)
    listed_from = 0  # where the first of them stands: a list of them is dated once (分别从2020年的645元/月、4318元/年)
    for q in quantities:
        if is_base(s, q):
            bases = [b for b in bases if clause_start(s, b.start) == clause_start(s, q.start)]
            listed_from = listed_from if bases else q.start
            bases.append(q)
            if turns_from(s, q):  # 排放量由上年增长5.6％，减为增长1.2%: the later figure takes the earlier's name
                cl = clause_start(s, q.start)
                found = indicator_for(s, q, cl, prev[0] if prev else None, False, prev[2] if prev else None)
                if found:
                    prev = (found[0], q.end, q.base_unit)
            continue
        if not is_measurement(s, q):
            continue
        cl = clause_start(s, q.start)
        if prev and prev[1] > cl:
            cl = prev[1]
        before = _cue_scope(s, cl, q.start)
        if q.unit == "倍" and TIMES_OF.search(s, 0, q.start):
            before = TIMES_BASE.sub("", before)  # 是2010年的2.6倍: the base's year, not the figure's
        if _TARGET_REF.search(s[cl : q.start].rstrip("近约超过")):
            continue
        if ctx.kind == "result" and _TARGET_NAMED.search(s[: q.start]) and _TARGET_AFTER.match(s, q.end):
            continue  # 没有实现年初确定的单位国内生产总值能耗降低4%左右…的目标: the target restated, no result
        kind, year, period = _year_cues(report, ctx, before)
        if kind is None:
            continue
        if _ANAPHORA.search(s[cl : q.start]):
            continue  # 上述2万亿元 restates
        cross = prev is not None and prev[1] <= clause_start(s, q.start)
        found = indicator_for(s, q, cl, prev[0] if prev else None, cross, prev[2] if prev else None)
        if found and prev and cross and found[0] == prev[0]:
            subject = clause_subject(s[prev[1] : clause_start(s, q.start)])
            if subject:
                found = (subject, found[1])  # …东盟进出口分别增长19％，全省进出口总值创历史新高，达到5379亿元
        if found is None and kind == "target":
            found = _described(s, q)  # 14亿多人口的大国: the present, not a promise
        if found is None:
            continue
        ind, links = found
        if s.startswith("一档", after_qualifier(s, q.end)):
            continue  # 保持6%一档的税率不变: the figure names a bracket, not a level of the clause's subject
        company = _COMPANY.match(s)
        if company and company.group(1) not in ind:
            ind = company.group(1) + ind  # 蒙能集团要当好…，力争电力总装机超过4500万千瓦: the group's, not the region's
        ind = _works_of_opening(s, ind)
        if q.unit in PLACE_UNITS and not ind.endswith(q.unit) and not _place_name(ind):
            ind += q.unit  # 卓尼、临潭2县新通高速公路: the places counted are those that did it (新通高速公路县)
        if kind == "target" and (
            _ALREADY.search(s[cl : q.start]) or found[1] is _DESCRIBED or is_context(s, q, ind, links, cl)
        ):
            kind = "context"  # 已达2.5亿, 今年高校毕业生将高达765万人, 依托…50家龙头企业
        attribute = _OF_YEAR.sub("", ind)  # 年度产量: the year's 产量
        if prev and s[prev[1] : cl] == "、" and (prev[2] == q.base_unit or attribute in _ATTRIBUTES):
            # 平均压减时间58%、材料52%; 粮食播种面积1.1亿亩、产量825亿斤; …6200万亩以上、年度产量…2000万吨
            ind = shared_head(prev[0], attribute if attribute in _ATTRIBUTES else ind)
        elif prev and s[prev[1] : cl] == "、" and prev[2] in CLASSIFIERS and q.base_unit in CLASSIFIERS:
            ind = _listed_thing(prev[0], ind)  # 改造城镇老旧小区7323个、棚户区5.2万套: things of another count
        elif prev and s.startswith("其中", cl) and s[prev[1] : cl] in ("，", ",") and prev[2] == q.base_unit:
            ind = _listed_thing(prev[0], ind)  # 新设经营主体30.8万户，其中企业8.4万户: a part, done the same
        measure, direction = measure_of(q, ind, links)
        if (
            measure == "rate"
            and _GROWTH_AFTER.match(s, after_qualifier(s, q.end))
            and not _SHARE_OF.search(s[cl : q.start])
        ):
            measure = "growth"  # 连续4年保持20%以上的增长: the figure is a growth, said after it
        last = out[-1] if out else None
        if (
            prev
            and last is not None
            and last.indicator == ind
            and last.unit == q.unit
            and _STRETCH.fullmatch(s[prev[1] : q.start])
        ):
            measure, direction = last.measure or measure, last.direction  # 增长7%以上、力争达到8%: 8 % growth too
        qual = suffix_qualifier(s, q.end) or prefix_qualifier(s, cl, q.start) or q.approx
        if qual is None and kind == "target" and _REACH_TO.search(s[cl : q.start]):
            qual = "达到"  # 城镇新增就业达到5000人: a level to reach, at least (the delivery gold's reading)
        if qual is None and re.search(r"至少[\u4e00-\u9fff]{1,3}$", s[cl : q.start]):
            qual = "至少"  # 每个县至少办好1所优质高中: the floor governs the verb's count
        mod = modality(s, q.start) if kind == "target" else None
        part = max(s.rfind("；", 0, q.start), s.rfind(";", 0, q.start), s.rfind("。", 0, q.start)) + 1
        pers = list(_PER_EACH.finditer(s, part, q.start))
        per = pers[-1].group() if pers else None
        # a starting point in another clause or unit is not this figure's; a list's go to its figures in turn
        here = clause_start(s, q.start)
        base = next(
            (
                b
                for b in bases
                if (b.unit == q.unit or b.base_unit == q.base_unit != "") and clause_start(s, b.start) == here
            ),
            None,
        )
        start = base.value if base is not None else None
        rec = _record(report, sent, ctx, kind, year, period, ind, measure, direction, qual, mod, q, s, None, per, start)
        if base is not None and kind == "result":  # a review's starting point is a reported figure of its own year
            out.append(_base_record(report, sent, ctx, rec, base, s, listed_from))
        bases = [b for b in bases if b is not base] if base is not None else []
        out.append(rec)
        if not (q.unit == "倍" and measure == "rate"):  # a ratio stated after a figure names nothing after it
            prev = (ind, after_qualifier(s, q.end), q.base_unit)
    out.extend(_structure_records(report, sent, s, ctx))
    out.extend(_ratio_records(report, sent, s, ctx))
    listed = _each_listed(_respectively(sorted(out, key=lambda r: r.start), s, sent.start), s, sent.start)
    return _counterparts(_measured_alike(listed, s, sent.start), s, sent.start)


#: A starting point dated by the year it names (从2020年的82.4岁, 由2015年的6：61：33, 到2020年底的12：27：61).
_DATED_START = re.compile(r"((?:19|20)\d\d)年(?:底|末)?的?$")
#: A base dated to the end of a five-year plan (由“十二五”末的9家).
_PLAN_END = re.compile(r"“?(十[一二三四五]五)”?(?:末|期末)的?$")


def _base_record(
    report: Report, sent: Sentence, ctx: _Ctx, new: Record, base: Quantity, s: str, listed_from: int
) -> Record:
    """The starting point of a change in a review (人均预期寿命从2020年的82.4岁提升至83.9岁) as a result of
    the year it names (before the first of a list of them, ``listed_from``), else of the year before the period
    (or the year) the review speaks of."""
    dated = min(base.start, listed_from)
    named = _DATED_START.search(s[:dated])
    plan_end = _PLAN_END.search(s[:dated])
    if named:
        year = int(named.group(1))
    elif plan_end:
        year = FIVE_YEAR_PLANS[plan_end.group(1)] + 4  # 由“十二五”末的34.81%: 2015
    elif new.period:
        year = int(new.period[:4]) - 1
    else:
        year = (new.year or report.year) - 1
    measure = "rate" if base.is_percent and new.measure in ("rate", "growth") else new.measure
    if turns_from(s, base):
        measure = new.measure  # 利润由上年下降2.3%转为增长8.5%: a growth turned into another
    return _record(report, sent, ctx, "result", year, None, new.indicator, measure, None, None, None, base, s, None)


#: An industry structure written as a ratio (三次产业结构由20.8：36.7：42.5调整优化为17.7：33.4：48.9).
_STRUCTURE = re.compile(r"(?:三次产业|三产|产业)(?:结构|比例|比重|占比|比(?![重例率]))")
#: The colons a ratio is written with (ASCII, full-width and the ratio sign ∶).
_COLON = r"\s*[:：∶]\s*"
_RATIO3 = re.compile(
    rf"(?<![\d.])(\d{{1,2}}(?:\.\d+)?){_COLON}(\d{{1,2}}(?:\.\d+)?){_COLON}(\d{{1,2}}(?:\.\d+)?)(?![\d.])"
)


_SECTORS = ("第一产业比重", "第二产业比重", "第三产业比重")


def _ratio_dated(before: str, year: int | None, period: str | None) -> tuple[int | None, str | None]:
    """The year of a ratio by the words just before it: a year it names (由2015年的6：61：33, 到2020年底的12：27：61),
    else the year before the period for a starting point (由20.8：36.7：42.5), else ``year`` and ``period``.

    >>> _ratio_dated("三次产业比由2015年的", 2025, "2021-2025"), _ratio_dated("城乡居民收入比由", 2025, "2021-2025")
    ((2015, None), (2020, None))
    """
    named = _DATED_START.search(before)
    if named:
        return int(named.group(1)), None
    if period and re.search(r"[由从]$", before):
        return int(period[:4]) - 1, None
    return year, period


def _structure_records(report: Report, sent: Sentence, s: str, ctx: _Ctx) -> list[Record]:
    """One record per sector share of an industry structure that changed from one ratio to another
    (由20.8：36.7：42.5调整优化为17.7：33.4：48.9): unit-less shares, the first ratio dated to its base year."""
    head = _STRUCTURE.search(s)
    ratios = list(_RATIO3.finditer(s, head.end())) if head else []
    if head is None or len(ratios) < 2 or not re.search(r"[由从]", s[head.end() : ratios[0].start()]):
        # only a change of structure (由…调整为…) is reported as shares; a lone ratio (三次产业结构比例演进为
        # 0.2:36.5:63.3) is a description, which the shared Dongsheng gold does not list
        return []
    out = []
    for m in ratios:
        kind, year, period = _year_cues(report, ctx, _cue_scope(s, clause_start(s, m.start()), m.start()))
        if kind is None:
            continue
        year, period = _ratio_dated(s[: m.start()], year, period)
        for i, name in enumerate(_SECTORS):
            value = to_number(parse_arabic(m.group(i + 1)))
            fake = Quantity(m.start(i + 1), m.end(i + 1), m.group(i + 1), value, None, None)
            mod = modality(s, m.start()) if kind == "target" else None
            out.append(_record(report, sent, ctx, kind, year, period, name, "rate", None, None, mod, fake, s, None))
    return out


#: A ratio named by its own name (城乡居民收入比, …收入倍差, 农产品加工业总产值与农业总产值之比) and written as a bare
#: number or as “X∶1”; a number followed by a unit (收入比上年增长6%, 收入比2010年翻一番) is another figure.
_RATIO_NAME = re.compile(r"(?:收入比|倍差|之比)(?![重例率])")
_RATIO_VALUE = re.compile(
    rf"(?<![\d.])(?P<num>\d+(?:\.\d+)?)(?:{_COLON}1(?![\d.]))?(?=以内|以下|左右|以上|[，,。；;、）)\s]|$|[由从缩降提收扩])"
)
#: The words between a ratio's name and its values: a change verb, 由/从, a bound; no figure or clause break.
_RATIO_GAP = re.compile(r"[^\d，,；;。：:]{0,6}")


def _ratio_records(report: Report, sent: Sentence, s: str, ctx: _Ctx) -> list[Record]:
    """One unit-less record per value of a named ratio (城乡居民收入比由2.9∶1缩小至2.52∶1, 城乡收入比缩小至2.12): the
    first of a change from 由/从 dated to the year before the period it speaks of.

    Its name runs from its clause's start, leading verbs and modal words dropped, to 比/倍差 (the names
    before it in a list are other figures)."""
    out = []
    for head in _RATIO_NAME.finditer(s):
        cl = clause_start(s, head.start())
        name = indicator_before(s, cl, head.end())[0]
        pos = head.end()
        for _ in range(2):  # 由2.9∶1 / 缩小至2.52∶1
            gap = _RATIO_GAP.match(s, pos)
            m = _RATIO_VALUE.match(s, gap.end()) if gap else None
            if gap is None or m is None or len(name) < 3:
                break
            kind, year, period = _year_cues(report, ctx, _cue_scope(s, cl, m.start()))
            if kind is None:
                break
            year, period = _ratio_dated(s[: m.start()], year, period)
            value = to_number(parse_arabic(m.group("num")))
            fake = Quantity(m.start(), m.end(), m.group(), value, None, None)
            qual = suffix_qualifier(s, m.end()) or prefix_qualifier(s, cl, m.start())
            mod = modality(s, m.start()) if kind == "target" else None
            out.append(_record(report, sent, ctx, kind, year, period, name, "rate", None, qual, mod, fake, s, None))
            pos = m.end() + len(suffix_qualifier(s, m.end()) or "")  # past 以内 (收窄至2：1以内)
    return out


#: A sentence that opens on the kind of works it lists (高速公路，开工…等2个项目，…建成…等15个项目).
_OPENING_KIND = re.compile(r"^(?P<topic>[\u4e00-\u9fff]{2,6})[，,]")
#: General nouns of works that the topic names the kind of (项目, 续建项目).
_GENERAL_WORKS = re.compile(r"^(?:新建|续建|重点|新开工)?(?:项目|工程)$")


def _works_of_opening(s: str, ind: str) -> str:
    """A name that is a general noun of works, with its verbs (开工项目, 建成项目), given the kind of works the
    sentence opens on (高速公路，…建成临沂至滕州等15个项目 -> 建成高速公路项目); the name as it is otherwise.

    >>> _works_of_opening("高速公路，建成临沂至滕州等15个项目", "建成项目")
    '建成高速公路项目'
    >>> _works_of_opening("就业方面，新增岗位", "建成项目"), _works_of_opening("高速公路，建成", "建成桥梁")
    ('建成项目', '建成桥梁')
    """
    topic = _OPENING_KIND.match(s)
    if topic is None or topic.group("topic").endswith("方面"):
        return ind
    at = len(leading_verbs(ind))
    if not _GENERAL_WORKS.match(ind[at:]) or not all(f.startswith("n") for _, f in posseg(topic.group("topic"))):
        return ind
    return ind[:at] + topic.group("topic") + ind[at:]


#: A sentence whose actor is a company (蒙能集团要…): its figures are the company's.
_COMPANY = re.compile(r"^([\u4e00-\u9fff]{2,10}?(?:集团|公司))(?:要|将|力争|争取|确保)")


def _named_alike(before: list[Record], group: list[Record], verb_only: bool = False) -> list[str] | None:
    """The names of the list just before a 分别 list that names nothing but its verb (分别淘汰3000万吨和3500万吨):
    as many figures, in the same units, each named; None otherwise. ``verb_only``: the list's clause says only
    its verb, so a name it has is the figure before's, lent (接待游客873万人次，综合效益43.65亿元，分别增长23%和26%)."""
    n = len(group)
    bare = re.sub(r"^分别|分别$", "", group[0].indicator or "")
    if len(before) < n or not (is_verb_only(bare) or len(bare) <= 2 or bare == before[-1].indicator and verb_only):
        return None
    last = before[-n:]
    names = [r.indicator or "" for r in last]
    growths = group[0].measure == "growth" and all(r.unit == "%" for r in group)
    growths = growths and not any(r.unit == "%" for r in last)  # the listed levels' growths
    if len(set(names)) != n or any(len(x) < (2 if growths else 3) for x in names):
        return None
    if not growths and any((a.unit or "")[-1:] != (b.unit or "")[-1:] for a, b in zip(last, group, strict=True)):
        return None  # 亿吨 and 万吨: the same measure; 4743亿美元…2492亿美元，分别比1995年增长69%和67%: their growths
    return names


#: A bare measure said of each figure listed just before it (…建议95件、政协委员提案136件，办结率均达100%).
_EACH = re.compile(r"^(?P<measure>[\u4e00-\u9fff]{2,6})均(?:达到|达|为|实现|保持)?$")
#: What lies between two listed items' figures (…建议405件和政协委员提案590件): a list mark, no clause break.
_ITEM_GAP = re.compile(r"[^，,；;。\d]*[、和][^，,；;。\d]*")
#: A bare rate said of all the things counted just before it, without 均 (…政协委员提案118件，办结率100%).
_TOGETHER = re.compile(r"^(?P<measure>[\u4e00-\u9fff]{1,5}率)(?:达到|达|为|实现|保持)?$")
#: Rates listed and said together, with 均 or without (办复率、满意率均达, 办复率、满意率100%): each is said of the
#: things counted before.
_RATES_TOGETHER = re.compile(r"^(?:[\u4e00-\u9fff]{1,5}率[、和])+[\u4e00-\u9fff]{1,5}率均?(?:达到|达|为|实现|保持)?$")
#: Verbs of handling that lead the listed things' names (办理区人大代表建议 -> 区人大代表建议).
_HANDLED = re.compile(r"^(?:共|全年|累计)?(?:高质量|认真)?(?:办理|办结|承办|受理|答复|办复)(?:了)?")


def _each_listed(records: list[Record], s: str, offset: int) -> list[Record]:
    """One record per listed thing for a bare measure said of each with 均 (办理人大代表建议120件、政协委员提案
    199件，办结率均100% -> 人大代表建议办结率 and 政协委员提案办结率, both 100 %); other records as they are."""
    out: list[Record] = []
    for r in records:
        loc = r.start - offset
        cl = clause_start(s, loc)
        each = _EACH.match(s[cl:loc])
        together = _TOGETHER.match(s[cl:loc]) if each is None else None
        listed = re.split(r"[、和]", r.indicator or "")
        if each is None and together is None and all(x in BARE_MEASURES for x in listed):
            rates = _RATES_TOGETHER.match(s[cl:loc])  # 办复率、满意率均达100%: each rate of the things handled
            together = _TOGETHER.match(listed[-1]) if rates else None
        said = each or together
        before = [p for p in out if p.start - offset < cl]  # not the rate listed first in the clause
        owners = (
            _listed_before(before, s, offset, cl, counts=together is not None)
            if said and said.group("measure") in BARE_MEASURES
            else []
        )
        last = out[-1] if out else None
        if together and not owners and last and s[last.end - offset : loc] == "、" + together.group():
            # 办理人大代表建议54件、政协委员提案34件，办结率100%、满意率100%: the second rate is of the same things
            bare = next((m for m in BARE_MEASURES if (last.indicator or "").endswith(m)), None)
            named = (last.indicator or "")[: -len(bare)] + together.group("measure") if bare else ""
            if len(named) > len(together.group("measure")):
                out.append(_renamed(r, named))
                continue
        if each is not None and len(owners) >= 2:
            names = [_HANDLED.sub("", p.indicator or "") + each.group("measure") for p in owners]
        elif together and owners:  # 办理人大代表建议68件、政协委员提案118件，办结率100%: the rate of them all
            handled = "、".join(_HANDLED.sub("", p.indicator or "") for p in owners)
            names = [handled + m for m in (listed if len(listed) > 1 else [together.group("measure")])]
        else:
            # 热线解决率、群众满意率达到100%: each 100 %; 国家高新技术企业、科技型中小企业均突破1.2万家: each 1.2万家
            names = (
                _listed_rates(r, s, offset)
                or _each_said(r, s, offset)
                or _examples_each(s[cl:loc])
                or [r.indicator or ""]
            )
        if names == [r.indicator]:
            out.append(r)
            continue
        out.extend(_renamed(r, n) for n in names)
    return out


#: Units goods are not measured in (land, money, shares, people, length, area, power).
_NOT_GOODS_UNITS = ("亩", "元", "%", "人", "人次", "户", "公里", "平方米", "千瓦")


def _measured_alike(records: list[Record], s: str, offset: int) -> list[Record]:
    """A bare thing listed right after a figure of goods measured by their 储量, 产量 or 产能 is measured the same
    way (勘探新增石油地质储量3000万吨、天然气200亿立方米 -> 天然气地质储量; 整车产量200万辆、新能源汽车140万辆 ->
    新能源汽车产量); other records as they are."""
    out = list(records)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        m = re.fullmatch(r"(?:以上|左右|多|余)?、(?P<name>[\u4e00-\u9fff]{2,6})", s[a.end - offset : b.start - offset])
        measure = next((e for e in GOODS_MEASURES if (a.indicator or "").endswith(e)), None)
        if (
            m is None
            or measure is None
            or m.group("name") != b.indicator
            or a.kind != b.kind
            or (b.indicator or "").endswith(MEASURE_ENDS)
            or (b.unit or "").endswith(_NOT_GOODS_UNITS)
        ):
            continue
        name = (b.indicator or "") + measure
        out[i] = _renamed(b, name)
    return out


def _counterparts(records: list[Record], s: str, offset: int) -> list[Record]:
    """A bare counterpart listed after the figure before it, with 、 or 和 before its name, is of what that figure
    is of (中老铁路累计发送旅客超4500万人次、货物超5000万吨 -> 中老铁路累计发送货物; 全区地方财政收入、支出分别
    突破300亿元和3000亿元 -> 地方财政支出; :func:`policydiff.extract.phrases.counterpart_name`); other records as
    they are."""
    out = list(records)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if a.kind != b.kind or not a.indicator or not b.indicator:
            continue
        at = s.rfind(b.indicator, clause_start(s, a.start - offset), b.start - offset)
        if at < 1 or s[at - 1] not in "、和":
            continue
        name = counterpart_name(a.indicator, b.indicator)
        if name is not None:
            out[i] = _renamed(b, name)
    return out


def _listed_before(out: list[Record], s: str, offset: int, cl: int, counts: bool) -> list[Record]:
    """The figures listed with 、 or 和 that end right before the clause at ``cl`` (…建议95件、政协委员提案136件，),
    in text order; only counts when ``counts``; [] when none ends there."""
    if not out or (counts and out[-1].measure != "count"):
        return []
    if not re.fullmatch(r"[^，,；;。]{0,2}[，,]", s[out[-1].end - offset : cl]):
        return []
    owners = [out[-1]]
    for p in reversed(out[:-1]):
        if (counts and p.measure != "count") or not _ITEM_GAP.fullmatch(s[p.end - offset : owners[0].start - offset]):
            break
        owners.insert(0, p)
    return owners


#: What a clause that lists names says of them before a 分别 list (再次提高, 均有提高): not part of the names.
_SAID_OF_LIST = re.compile(r"(?:再次|又|进一步|继续|不断|均|都|全面|大幅|稳步)*(?:提高|提升|增加|上调|增长)(?:了)?$")


def _listed_in_clause_before(s: str, at: int, part: int, n: int) -> list[str]:
    """The ``n`` names a figure-free clause lists right before the clause at ``at`` (企业退休人员基本养老金、城镇
    低保标准、社区干部生活补贴和环卫工人工资再次提高，月人均分别提高221元、90元、350元和300元); [] when it lists
    another number of names or holds a figure.

    >>> s = "甲养老金、乙标准和丙补贴再次提高，月人均分别提高221元、90元和350元。"
    >>> _listed_in_clause_before(s, s.index("月"), 0, 3)
    ['甲养老金', '乙标准', '丙补贴']
    """
    cl = clause_start(s, at)
    if cl <= part + 1:
        return []
    prev_cl = max(clause_start(s, cl - 1), part)
    clause = s[prev_cl:cl].rstrip("，,")
    if re.search(r"\d", clause) or not _SAID_OF_LIST.search(clause):
        return []
    items = [x for x in re.split("、|和", _SAID_OF_LIST.sub("", clause)) if x]
    return items if len(items) == n and all(2 <= len(x) <= 14 for x in items) else []


def _listed_rates(r: Record, s: str, offset: int) -> list[str]:
    """The rates a lone percentage is said of when its name lists two, each a whole rate's name (热线解决率、
    群众满意率达到100%), or the things whose change it is when they are never added up (lexicon
    ``unsummed_measures``: 二氧化硫、氮氧化物排放量要下降3%); [] otherwise, and for a 分别 list, which names one
    figure each."""
    if r.unit != "%" or "分别" in s[clause_start(s, r.start - offset) : r.start - offset]:
        return []
    ind = r.indicator or ""
    if r.measure == "growth" and "、" in ind and ind.endswith(UNSUMMED_MEASURES):
        head = next(m for m in UNSUMMED_MEASURES if ind.endswith(m))  # 二氧化硫、氮氧化物排放量要下降3%: each falls
        items = [x for x in LIST_SEP.split(ind.removesuffix(head)) if x]
        return [x + head for x in items] if len(items) > 1 and all(len(x) >= 2 for x in items) else []
    parts = [x for x in re.split("、|和", ind) if x]
    if len(parts) != 2 or len(set(parts)) != 2 or not all(len(x) >= 3 and x.endswith("率") for x in parts):
        return []  # 基本养老保险和医疗保险参保率 shares one measure: one figure of two schemes, read as written
    return shared_rate_owner(parts)  # 热线解决率、群众满意率: the hotline's


#: 均 (or 双双, of two) with its verb before a figure said of each thing listed (均突破, 均实现, 双双超过), or 各
#: right before it.
_EACH_SAID = re.compile(
    r"(?:(?<![年人日月平])均|双双)(?:已经|已)?(?:突破|超过|超|达到|达|实现|保持在|保持|稳定在|为|在)?[^\d，,；;。]{0,3}$"
    r"|(?<=[\u4e00-\u9fff])各$"  # 新增职业技术大学、高等职业学校各2所: each item's figure
)


#: Words that say a growth is of the things listed taken together (合计增长, 总体增长): one figure of them all.
_TOGETHER_SAID = re.compile(r"合计|共计|总计|总体|整体|综合|累计")
#: Qualifiers of a mark each listed thing passes (钢铁、食品加工产业超3千亿元).
_PASSED = frozenset({"超", "超过", "突破"})


def _listed_without_each(r: Record, said: str) -> list[str]:
    """The things listed with 、 before a figure said of each without 均: measures that each grow by one growth
    (社会消费品零售总额、固定资产投资增长4%左右), or places and industries that each pass one round mark
    (:func:`_marks_passed`); [] for one name, a list joined by 和 (互联网和相关服务业), one with 等, things that are
    no measure (东南亚、日韩入境游客), or a figure said of them together (合计增长).

    >>> from types import SimpleNamespace as R
    >>> _listed_without_each(R(indicator="社会消费品零售总额、固定资产投资", measure="growth", unit="%"), "增长")
    ['社会消费品零售总额', '固定资产投资']
    >>> _listed_without_each(R(indicator="东南亚、日韩入境游客", measure="growth", unit="%"), "增长")
    []
    """
    ind = r.indicator or ""
    if _TOGETHER_SAID.search(said) or ETC.search(ind):
        return []
    items = ind.split("、")
    if not 2 <= len(items) <= 4 or not all(len(x) >= 2 and not re.search(r"\d", x) for x in items):
        return []
    if r.measure == "growth" and r.unit == "%":
        return items if all(x.endswith(MEASURE_ENDS) for x in items) and len(set(items)) == len(items) else []
    if r.qualifier in _PASSED and r.measure == "level" and (r.unit or "").endswith("元") and _one_digit(r.value):
        return _marks_passed(items, ind)
    return []


def _marks_passed(items: list[str], ind: str) -> list[str]:
    """Each listed place or industry with the measure the last one names (lexicon ``mark_heads``): 钢铁、食品加工产业
    (超3千亿元) -> 钢铁产业, 食品加工产业; [] for a sum named by its count (三大先导产业规模) or items too long to
    be names.

    >>> _marks_passed(["钢铁", "食品加工产业"], "钢铁、食品加工产业")
    ['钢铁产业', '食品加工产业']
    >>> _marks_passed(["甲", "乙三大产业"], "甲、乙三大产业")
    []
    """
    last = items[-1]
    at = min((i for i in (last.find(h, 2) for h in MARK_HEADS) if i > 0), default=-1)
    if at < 0 or re.search(r"[一二三四五六七八九十两]大", ind) or any(len(x) > 8 for x in items[:-1]):
        return []
    return [x + last[at:] for x in items[:-1]] + [last]


def _one_digit(value: float | None) -> bool:
    """Whether a figure has one significant digit, as a mark has (3千亿, 1万亿, 6000亿; not 7.4万, 11万).

    >>> _one_digit(3), _one_digit(6000), _one_digit(7.4), _one_digit(None)
    (True, True, False, False)
    """
    if not value:
        return False
    return len(f"{value:g}".replace(".", "").strip("0")) == 1


def _each_said(r: Record, s: str, offset: int) -> list[str]:
    """The things listed before a figure said of each with 均 (国家高新技术企业、科技型中小企业均突破1.2万家: two
    records of 1.2万家), two to four of them sharing the list's head where it has one; [] otherwise."""
    loc = r.start - offset
    said = s[clause_start(s, loc) : loc]
    if "分别" in said:
        return []
    if not _EACH_SAID.search(said):
        return _listed_without_each(r, said)
    part = max(s.rfind(x, 0, loc) for x in "，,；;。") + 1
    if re.search(r"\d", s[part : clause_start(s, loc)]):
        return []  # 存款、贷款余额连跨4个万亿元台阶、双双突破9万亿元: the list lies beyond another figure
    ind = r.indicator or ""
    items = [x for x in LIST_SEP.split(ind) if x]  # 城市生活垃圾和建筑垃圾利用率均达60%: 和 lists too
    if not 2 <= len(items) <= 4 or ETC.search(ind) or not all(len(x) >= 2 and not re.search(r"\d", x) for x in items):
        return []
    shared = split_parallel(ind, len(items))
    if shared and len(set(shared)) == len(items):
        return shared  # 基本养老保险、基本医疗保险参保率均达98%: each scheme's 参保率
    # things counted or measured as they are (国家高新技术企业、科技型中小企业均突破1.2万家) and their growth, not
    # rates of a head the list does not share
    whole = all(x.endswith(MEASURE_ENDS) for x in items)  # 工业投资、民间投资均增长6%左右: each a measure
    each = r.measure == "growth" or (r.measure in ("count", "level", "change") and r.unit != "%")
    return items if whole or each else []  # 接待游客、经营收入均保持10%以上增长: each one's growth


def _examples_each(said: str) -> list[str]:
    """The examples listed before 等 in a clause that says a figure of each with 均 (锂离子动力电池、新能源汽车、风力
    发电机组等绿色产品产量均增长20%以上: each one's 产量 grows 20 %), with the measure the clause names after 等;
    [] otherwise. ``said``: the figure's clause up to the figure.

    >>> _examples_each("锂离子动力电池、新能源汽车、风力发电机组等绿色产品产量均增长")
    ['锂离子动力电池产量', '新能源汽车产量', '风力发电机组产量']
    >>> _examples_each("均衡性转移支付、县级基本财力保障机制奖补资金等增幅均超过")
    ['均衡性转移支付', '县级基本财力保障机制奖补资金']
    """
    each = _EACH_SAID.search(said)
    if each is None or "分别" in said:
        return []
    named = said[: each.start()]
    examples, etc, tail = named.rpartition("等")
    items = re.sub(r"^(?:其中|包括)", "", examples).split("、")
    if (
        not etc
        or not 2 <= len(items) <= 4
        or not all(2 <= len(x) <= 16 and not re.search(r"[\d，,]", x) for x in items)
    ):
        return []
    measure = next((m for m in sorted(MEASURE_ENDS, key=len, reverse=True) if len(m) >= 2 and tail.endswith(m)), "")
    return [x if x.endswith(MEASURE_ENDS) else x + measure for x in items]


#: What a 分别 list's clause may say besides its verb without naming anything (比“十二五”末分别, 扣除价格因素).
_LIST_WORDS = re.compile(r"(?:比|较)[^，,；;。分]{1,10}(?=分别)|分别|同比|实际|扣除价格因素")


def _counts(r: Record) -> bool:
    """Whether a record counts things: its unit, without its magnitude, is a classifier (个, 家; 万个)."""
    return (r.unit or "")[len(magnitude_of(r.unit)) :] in CLASSIFIERS


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
        for j in range(i + 1, i + len(group)):  # 实际增长9.8%和8.5%: the list shares its verb
            rec = records[j]
            if rec.unit != first.unit:
                continue  # 8条、12.3公里道路: a count and a length
            metric = metric_key(rec.indicator, first.measure)
            # …and its time (今年力争分别淘汰3000万吨和3500万吨: this year's both, though the sentence opened on
            # “十一五”期间)
            records[j] = replace(
                rec,
                measure=first.measure,
                direction=first.direction,
                metric=metric,
                kind=first.kind,
                year=first.year,
                period=first.period,
            )
        listed = (
            len([x for x in LIST_SEP.split(first.indicator or "") if x]) == len(group) > 1
            and all(
                s[a.end - offset : b.start - offset].endswith(("、", "和"))
                for a, b in zip(group, group[1:], strict=False)
            )
            and (all(r.unit == "%" for r in group) or (first.indicator or "").endswith(MEASURE_ENDS))
        )  # 农村自来水、卫生户厕普及率超过98%、85%: as many rates as listed items, read in order
        listed = listed or (
            len(group) == 2
            and (first.indicator or "").startswith("城乡")
            and s[group[0].end - offset : group[1].start - offset].endswith(("、", "和"))
        )  # 城乡低保标准提高到不低于740元/月和485元/月: 城镇 then 农村
        # 分别 said in an earlier clause of the sentence governs a later list too (…预计分别完成25600元和12100元，
        # 增长10%和12%)
        part = max(s.rfind(ch, 0, first.start - offset) for ch in "；;。") + 1
        if len(group) > 1 and ("分别" in s[part : first.start - offset] or listed):
            counted = all(_counts(r) for r in group)
            names = split_parallel(first.indicator or "", len(group), counted=counted)
            said = _LIST_WORDS.sub("", s[cl : first.start - offset])
            earlier = _named_alike(records[:i], group, verb_only=len(said) <= 2 or is_verb_only(said))
            if earlier:
                names = earlier  # 五年淘汰落后炼铁产能1亿吨、落后炼钢产能5500万吨，今年力争分别淘汰3000万吨和3500万吨
            elif not names or len(set(names)) < len(names):
                before = _listed_in_clause_before(s, first.start - offset, part, len(group))
                if before:
                    head = (first.indicator or "")[:2]  # 医疗废物、生活垃圾、城市污水处理能力…，处理率分别达到…
                    if len(head) == 2 and head in before[-1][2:]:
                        before[-1] = before[-1][: before[-1].index(head, 2)]
                    names = [x + (first.indicator or "") for x in before]  # …和环卫工人工资再次提高，月人均分别提高…
            tail_qual = group[-1].qualifier
            named: list[str | None] = list(names) if names else [None] * len(group)
            for j, name in zip(range(i, i + len(group)), named, strict=True):
                rec = records[j]
                indicator = name or rec.indicator
                qualifier = rec.qualifier
                if qualifier is None and tail_qual in ("左右",):
                    qualifier = tail_qual  # 分别增长7%和8%左右
                elif qualifier is None and _LEADS_LIST.get(first.qualifier or ""):
                    qualifier = first.qualifier  # 超过98%、85%; 达到35578元和25617元: the word leads the list
                measure, direction = first.measure, first.direction
                if measure == "growth" and (first.indicator or "").endswith(GROWTH_END):
                    if rec.unit == "%" and not (indicator or "").endswith(GROWTH_END):
                        measure, direction = "rate", None  # 城镇调查失业率 of 城镇调查失业率、居民消费价格涨幅
                metric = metric_key(indicator, measure)
                records[j] = replace(
                    rec,
                    indicator=indicator,
                    measure=measure,
                    direction=direction,
                    metric=metric,
                    qualifier=qualifier,
                )
        if len(group) == 1 and re.search(
            r"(?:(?<![年人日月平])均|分别)(?:同比|比上年)?(?:为|达|达到|增长|下降|降低|减少|提高|在|超过|超|突破|增加|新增)?$",
            s[cl : first.start - offset],
        ):
            parts = [p for p in LIST_SEP.split(first.indicator or "") if p]
            n = 2 if len(parts) == 1 and (first.indicator or "").startswith("城乡") else len(parts)
            counted = _counts(first)
            names = split_parallel(first.indicator or "", n, shared_end=False, counted=counted) if n > 1 else None
            if names:  # 草原综合植被盖度和湿地保护率均达50%以上, 城乡居民人均可支配收入分别增长7.5%: one figure each
                names = shared_rate_owner(names)
                copies = [_renamed(first, x) for x in names]
                records[i : i + 1] = copies
                i += len(copies)
                continue
        i += len(group)
    return records


def clause_subject(between: str) -> str | None:
    """The subject of the last clause without figures between two figures, when that clause is a subject and a
    predicate of standing (lexicon ``standing_predicates``: 全省进出口总值创历史新高 -> 全省进出口总值): the next
    figure's subject, not the previous figure's.

    >>> clause_subject("，全省进出口总值创历史新高，"), clause_subject("，"), clause_subject("，创历史新高，")
    ('全省进出口总值', None, None)
    >>> clause_subject("，化学需氧量、二氧化硫排放总量近年来首次出现双下降，")
    '化学需氧量、二氧化硫排放总量'
    """
    clauses = [c.strip() for c in re.split(r"[，,；;]", between) if c.strip()]
    if not clauses or re.search(r"\d", clauses[-1]):
        return None
    m = _STANDING.search(clauses[-1])
    subject = clauses[-1][: m.start()] if m else ""
    words = posseg(subject)
    if len(subject) < 3 or not words or not words[-1][1].startswith("n"):
        return None
    return subject


#: Predicates that say how a thing stands (创历史新高, 稳居全国前列), after its name and before its figures.
_STANDING = re.compile(f"(?:近年来|近年|首次|持续|继续|进一步)*(?:{'|'.join(STANDING_PREDICATES)})$")


def _record(
    report, sent, ctx, kind, year, period, ind, measure, direction, qual, mod, q, s, absent, per=None, base=None
) -> Record:
    if absent is not None:
        start, end, value, high, unit = sent.start + absent.start(), sent.start + absent.end(), None, None, None
        ind = ind
    else:
        start, end, value, high, unit = sent.start + q.start, sent.start + q.end, q.value, q.value_high, q.unit
        other = UNIT_SAID_OTHERWISE.match(s, q.end) if unit and q.base_unit in CLASSIFIERS else None
        if other and (other.group("other") in CLASSIFIERS or other.group("other") == "段"):  # 35条（段）: stretches
            # 6957套（间）: the unit as written (the original's brackets, not the normalised text's)
            unit, end = unit + report.text[end : end + len(other.group())], end + len(other.group())
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
        base=base,
        per=per,
    )


#: Qualifiers written before the first figure of a list that bound every figure of it.
_LEADS_LIST = {q.word: True for q in QUALIFIERS.values() if q.position in ("prefix", "target_link")}
#: The verb of a target level to reach, read as a floor (达到, 提高到, 增加到 …; 达 alone too).
_REACH_TO = re.compile(
    r"(?:达到|(?<![下到])达|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增至|扩大到|扩大至)(?:全国|全省|全市|全区|全县)?$"
)


#: A per-unit scope before a figure: each county, town, school … (每个乡镇至少办好1所优质初中).
_PER_EACH = re.compile(
    r"每(?:个|所|家|一个)?(?:县(?:（市、区）|\(市、区\)|市区|区)?|乡镇|乡|镇|行政村|村|社区|市州|地市|市|区|园区|学校|医院|企业|家庭)"
)


#: Attributes that name no subject of their own: after 、 they take the subject of the item before.
_ATTRIBUTES = frozenset("产量 面积 产值 增加值 总额 余额 里程 规模 数量 收入 营收 增速 增幅".split())
_OF_YEAR = re.compile(r"^(?:年度|全年|当年)")
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


def _listed_thing(prev: str, noun: str) -> str:
    """A bare noun counted after 、 in another unit than the item before: the verbs that open that item, then the
    noun (改造城镇老旧小区7323个、棚户区5.2万套 -> 改造棚户区); the noun as it is when the item opens on no verb of the
    lexicon (养老机构和设施达到9341个、床位10.5万张) or it is no bare noun.

    >>> _listed_thing("改造城镇老旧小区", "棚户区"), _listed_thing("养老机构和设施", "床位")
    ('改造棚户区', '床位')
    """
    verbs = leading_verbs(prev)
    words = posseg(noun) if noun else []
    if not verbs or len(noun) > 4 or len(words) != 1 or not words[0][1].startswith("n"):
        return noun
    return verbs + noun


_ANAPHORA = re.compile(r"^(?:上述|以上|这些|其中的)")


#: The words between a figure and a higher one it strives for (增长7%以上、力争达到8%): the same measure.
_STRETCH = re.compile(r"[、，,]?(?:并|且)?(?:力争|争取|努力)(?:达到|实现|突破|超过)?")
#: A growth named after its percentage (保持20%以上的增长, 实现两位数的增速).
_GROWTH_AFTER = re.compile(r"的?(?:增长|增速|增幅)(?![到至率点极])")
#: Words before a percentage that make it a share of a growth (贡献了全省60%的增长), not a growth.
_SHARE_OF = re.compile(r"贡献|拉动|占")

_ALREADY = re.compile(r"(?<!不)已(?:经)?(?:达|有|超|突破|是)?$")


def _dedupe(records: list[Record]) -> list[Record]:
    """Drop a figure repeated in the report (but the same count in two sections, 实施…等5项工程, is two figures).
    A figure of a headline metric is kept each time the report states it (提出国内生产总值增长8%左右 where the
    plan explains its targets), as the annotation guides list it: a restatement of the headline list is named
    as written there and kept out of the list, with the list figure's metric."""
    heads = [r for r in records if r.headline]
    head_metrics = {r.metric for r in heads}
    seen: set[tuple] = set()
    out: list[Record] = []
    for r in records:
        where = r.section_id if r.measure == "count" else None  # a level or rate restated elsewhere is one figure
        key = (r.kind, r.year, r.period, r.metric, r.value, r.value_high, r.unit, r.qualifier, where)
        head = _restated(r, heads) if r.headline else None
        growth_aim = _GROWTH_AIM.match(r.indicator or "") if r.kind == "target" and not r.headline else None
        if head is not None:
            r = replace(r, headline=False, metric=head.metric)
        elif growth_aim and (named := _aimed_head(r, heads)) is not None:
            # 5.5%左右的预期增长目标与…衔接: the headline growth restated, named as the headline list names it
            # when the aim does not say what grows (经济增长目标是必要的: it does)
            name = growth_aim.group() if "经济" in growth_aim.group() else named.indicator
            r = replace(r, indicator=name, metric=named.metric, measure="growth", direction=named.direction)
        elif key in seen and r.value is not None and r.metric not in head_metrics:
            continue
        seen.add(key)
        out.append(r)
    return out


#: A growth aim named by what it is (5.5%左右的预期增长目标), not by what grows.
_GROWTH_AIM = re.compile(r"(?:经济)?(?:预期)?(?:经济)?增长(?:预期)?目标")


def _aimed_head(rec: Record, heads: list[Record]) -> Record | None:
    """The headline growth target of the same figure as a growth aim named only as such, or None."""
    return next(
        (h for h in heads if h.measure == "growth" and h.kind == "target" and _same_figure(h, rec)),
        None,
    )


def _same_figure(a: Record, b: Record) -> bool:
    """Whether two records state the same figure: value, upper value, unit and qualifier."""
    return (a.value, a.value_high, a.unit, a.qualifier) == (b.value, b.value_high, b.unit, b.qualifier)


def _restated(rec: Record, heads: list[Record]) -> Record | None:
    """The headline figure ``rec``, in a later sentence, repeats (今年预期目标设定为6%以上), or None."""
    for h in heads:
        if h is rec:
            return None
        if _same_figure(h, rec) and h.sentence != rec.sentence and (h.metric == rec.metric or _names_metric(rec, h)):
            return h
    return None


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
