"""The rule vocabulary, loaded once from ``policydiff/data/lexicon.json`` into typed tables.

Every word list the extraction, delivery and rendering rules use lives in that one data file
(units, qualifiers with their bound and display symbol, modal words by strength, change verbs
with their direction, link and leading words, light and action verbs). Code reads it only
through this module, so one edit of the data changes every stage alike.

>>> QUALIFIERS["以上"].bound, QUALIFIERS["控制在"].bound, QUALIFIERS["左右"].bound
('floor', 'ceiling', 'about')
>>> bound_of("及以上"), bound_of("不足"), bound_of(None)
('floor', 'ceiling', 'point')
>>> "微克/立方米" in MEASURE_UNITS, direction_of("下降"), direction_of("增长")
(True, 'down', 'up')
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

Bound = Literal["floor", "ceiling", "about", "point"]

_RAW = resources.files("policydiff.data").joinpath("lexicon.json").read_bytes()
_DATA: dict[str, Any] = json.loads(_RAW)


@dataclass(frozen=True)
class Qualifier:
    """A comparison word next to a figure: where it stands, which bound it sets, how it is shown."""

    word: str
    position: Literal["prefix", "suffix", "approx", "target_link"]  # target_link: a target's verb (达到5000人)
    bound: Bound
    symbol: str  # "≥", ">", "≤", "<", "≈" or "" (shown as written after the figure)


QUALIFIERS: dict[str, Qualifier] = {q["word"]: Qualifier(**q) for q in _DATA["qualifiers"]}
SUFFIX_QUALIFIERS: tuple[str, ...] = tuple(q.word for q in QUALIFIERS.values() if q.position == "suffix")
PREFIX_QUALIFIERS: tuple[str, ...] = tuple(q.word for q in QUALIFIERS.values() if q.position == "prefix")

_units = _DATA["units"]
CLASSIFIERS: tuple[str, ...] = tuple(_units["classifiers"]) + tuple(_units["place_units"])
MEASURE_UNITS: tuple[str, ...] = tuple(_units["measures"])
NON_UNITS: tuple[str, ...] = tuple(_units["non_units"])
#: Units of a grade or rank that names a class of things (750千伏电网工程, 世界500强企业): the figure is part of the
#: name after a count.
GRADE_UNITS: tuple[str, ...] = tuple(_units["grade_units"])
MAGNITUDES: tuple[str, ...] = tuple(_units["magnitudes"])
#: Units a Chinese numeral may take without a magnitude (三个百分点, 两倍, 五成).
NUMERAL_UNITS: tuple[str, ...] = tuple(_units["numeral_units"])
#: Places counted by their own word as a unit (卓尼、临潭2县, 3县5乡, 8市州): counting words too, in a few.
PLACE_UNITS: tuple[str, ...] = tuple(_units["place_units"])
#: Number words with a unit of their own: 五成 (50 %), 一半 (50 %), 三分之一 (33.3 %).
FRACTION_WORDS: dict[str, tuple[float, str]] = {k: (v[0], v[1]) for k, v in _units["fraction_words"].items()}

#: Modal words that make a figure a promise, strongest first.
MODALS: tuple[str, ...] = tuple(_DATA["modals"])
#: Modal words that are also nouns at the end of a name (年度投资计划, 预期): not stripped from indicators.
NOUN_MODALS: frozenset[str] = frozenset(_DATA["noun_modals"])
FALL_VERBS: tuple[str, ...] = tuple(_DATA["change_verbs"]["down"])
RISE_VERBS: tuple[str, ...] = tuple(_DATA["change_verbs"]["up"])
#: Every change verb, longest first (so 下降 is tried before 降).
CHANGE_VERBS: tuple[str, ...] = tuple(sorted(FALL_VERBS + RISE_VERBS, key=len, reverse=True))
LEVEL_LINKS: tuple[str, ...] = tuple(_DATA["level_links"])
PLACE_SCOPES: tuple[str, ...] = tuple(_DATA["place_scopes"])
LEADING: tuple[str, ...] = (*_DATA["leading"], *PLACE_SCOPES)
GENERIC_INDICATORS: tuple[str, ...] = tuple(_DATA["generic_indicators"])
LEADING_CHANGE_VERBS: tuple[str, ...] = tuple(_DATA["leading_change_verbs"])
LIGHT_VERBS: frozenset[str] = frozenset(_DATA["light_verbs"])
ACTION_VERBS: tuple[str, ...] = tuple(_DATA["action_verbs"])
#: Verbs after which a count in words is a figure (开通两条航线), not prose.
COUNT_VERBS: tuple[str, ...] = tuple(sorted(_DATA["count_verbs"], key=len, reverse=True))
#: Verbs that, beside :data:`COUNT_VERBS`, open a list of names counted in words after it (启动智慧城管、智慧社区两个
#: 智慧应用; 盘活深核盛基、京环循环两个塑料园区): works begun, pushed on, applied for or put to use.
NAMES_COUNT_VERBS: tuple[str, ...] = tuple(_DATA["names_count_verbs"])
#: Verbs beside :data:`COUNT_VERBS` and :data:`ACTION_VERBS` by which a named place or programme takes in or
#: rebuilds what a general noun counts (沈阳浑南科技城落户87个项目, 积石山地震灾后重建240个项目).
HOSTING_VERBS: tuple[str, ...] = tuple(_DATA["hosting_verbs"])
#: Words that name two things at once and the words for each (油气: 石油 and 天然气; 减税降费: 减税 and 降费): a
#: figure named by the joint word is of more than a target named by one part (勘探新增石油地质储量 / 油气储量).
JOINT_TERMS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _DATA["joint_terms"].items()}
#: Verbs that say the same deed done to things a general noun counts (引进项目 / 招引项目, 实施项目 / 实施重点项目):
#: two names whose only shared word is common are tied by a deed of one class. Longest first in each class.
DEED_CLASSES: tuple[tuple[str, ...], ...] = tuple(
    tuple(sorted(verbs, key=len, reverse=True)) for verbs in _DATA["deed_classes"]
)
#: Verbs of keeping a line or level (严守18亿亩耕地红线), which jieba may tag otherwise (严守: a).
KEEP_VERBS: frozenset[str] = frozenset(_DATA["keep_verbs"])
#: Words of indicators where a lower figure is better (beyond the metrics marked so in metrics.json).
LOWER_IS_BETTER_WORDS: tuple[str, ...] = tuple(_DATA["lower_is_better_words"])
#: Nouns a bare magnitude may count directly (上亿群众, 近千万家庭).
PEOPLE_NOUNS: tuple[str, ...] = tuple(_DATA["people_nouns"])
#: Words opening a noun that start with a linking character (和美乡村, 与会代表): not a link.
WORDS_NOT_LINKS: tuple[str, ...] = tuple(_DATA["words_not_links"])
#: Names of who pays (中央财政, 财政资金), not of what is paid for: an indicator that is only one links to nothing.
PAYER_NAMES: frozenset[str] = frozenset(_DATA["payer_names"])
#: Words of money and of its change, and words pointing back (为此, 此项): a payer with only these after it
#: (中央财政为此新增支出) names who pays, not what for.
FUNDS_WORDS: tuple[str, ...] = tuple(sorted(_DATA["funds_words"], key=len, reverse=True))
#: Measures of things that are never added up (pollutants' emissions, concentrations): a figure said of a list of
#: such things is each one's (二氧化硫、氮氧化物排放量要下降3%: both fall by 3 %).
#: Words that open on 再 and name a thing (再就业, 再生资源): their 再 is no adverb to drop from a name's front.
AGAIN_WORDS: tuple[str, ...] = tuple(_DATA["again_words"])
#: Places sized by their households (50户以上农村木质房屋连片村寨): a households' figure before them is a class.
SETTLEMENTS: tuple[str, ...] = tuple(_DATA["settlements"])
#: Things counted by their size class (总投资超10亿元项目50个): an amount passed before them is the class.
SIZE_CLASSED: tuple[str, ...] = tuple(_DATA["size_classed"])
#: Places counted with the households or people of one work after them (43个村1.62万户“气代煤”改造).
COUNTED_PLACES: frozenset[str] = frozenset(_DATA["counted_places"])
UNSUMMED_MEASURES: tuple[str, ...] = tuple(sorted(_DATA["unsummed_measures"], key=len, reverse=True))
#: Verbs before a count that the indicator drops (推进32个城中村改造项目 -> 城中村改造项目).
PLAIN_VERBS: frozenset[str] = frozenset(_DATA["plain_verbs"])
#: Totals that belong to the figure before them (项目139个、总投资1022亿元 -> 项目总投资).
TOTALS: tuple[str, ...] = tuple(_DATA["totals"])
#: Measures that name no thing (产值, 收益, 办结率): said alone, they measure what the words before name.
BARE_MEASURES: frozenset[str] = frozenset(_DATA["bare_measures"])
#: Households counted by a classifier (600万个家庭) who may benefit from a programme (…使600万个家庭受益).
BENEFIT_HOUSEHOLDS: frozenset[str] = frozenset(_DATA["benefit_households"])
#: What places or industries listed before a mark each passes are measured by (钢铁、食品加工产业超3千亿元;
#: 庆阳、酒泉经济总量突破千亿元): the last item's own name ends where the first of these begins.
MARK_HEADS: tuple[str, ...] = tuple(_DATA["mark_heads"])
#: Measures of an insurance scheme said without it (参保人数, 参合率): the scheme is named earlier in the sentence.
SCHEME_MEASURES: frozenset[str] = frozenset(_DATA["scheme_measures"])
#: How the name of an insurance scheme ends (城镇职工基本养老保险, 新型农村合作医疗).
SCHEMES: tuple[str, ...] = tuple(_DATA["schemes"])
MEASURE_ENDS: tuple[str, ...] = tuple(_DATA["measure_ends"])
#: Words closing a programme's clause that say how much of it is done, not what it is (资助力度, 扣除标准): left out
#: when the programme names the people it reaches (加大对…家庭困难学生资助力度，4.3亿人次受益).
PROGRAMME_ENDS: tuple[str, ...] = tuple(_DATA["programme_ends"])
#: Words that point back to a programme said before (中央财政为此将投入120亿元, 中央财政此项支出): the money is that
#: programme's.
ANAPHORS: tuple[str, ...] = tuple(_DATA["anaphors"])
#: Verbs that set up or carry out a programme (实行绩效工资制度, 启动…攻坚计划), longest first...
PROGRAMME_SETTING_VERBS: tuple[str, ...] = tuple(_DATA["programme_setting_verbs"])
#: ...and the nouns a programme's name closes on (制度, 计划, 工程).
PROGRAMME_NOUNS: tuple[str, ...] = tuple(_DATA["programme_nouns"])
#: Words of how far a thing is done, which jieba may tag as nouns (大病保险制度基本建立): they end a subject.
HOW_FAR_WORDS: frozenset[str] = frozenset(_DATA["how_far_words"])
#: Measures a list of goods shares, said with its first item only (石油地质储量3000万吨、天然气200亿立方米), longest
#: first.
GOODS_MEASURES: tuple[str, ...] = tuple(sorted(_DATA["goods_measures"], key=len, reverse=True))
#: Units that count events (送戏下乡1万场, 培训5万人次): over a period, how many were held in all.
EVENT_UNITS: frozenset[str] = frozenset(_DATA["event_units"])
#: Seasons a target may be set for (新雪季接待游客人次增速达到20%): a part of the year, not the whole.
SEASON_WORDS: tuple[str, ...] = tuple(sorted(_DATA["season_words"], key=len, reverse=True))
#: Units too common to tie a target to a figure by themselves (a count of anything, people, shares).
COMMON_UNITS: frozenset[str] = frozenset(_DATA["common_units"])
NOT_COUNTED: tuple[str, ...] = tuple(_DATA["not_counted"])
#: What a count in words names when it counts rules or lines, not things (两条底线, 三条控制线, 十条措施).
WORDS_COUNTED_NOT: tuple[str, ...] = tuple(_DATA["words_counted_not"])
MONEY_WORDS: tuple[str, ...] = tuple(_DATA["money_words"])
#: Words two reports use for one thing, each mapped to its key word (农村旱厕 -> 户厕, 中转站 -> 转运站).
NAME_SYNONYMS: dict[str, str] = {v: key for key, variants in _DATA["name_synonyms"].items() for v in variants}
#: Whole names (after linking's normalisation) that name one count (完成减贫1186人 / 1374名贫困人口稳定脱贫).
CORE_SYNONYMS: dict[str, str] = {v: key for key, variants in _DATA["core_synonyms"].items() for v in variants}
#: Measure words an indicator may end with that its unit already says (高速公路通车里程 in 公里 = 高速公路 in 公里),
#: longest first, each with the base units that say it.
UNIT_MEASURES: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (w, frozenset(units)) for w, units in sorted(_DATA["unit_measures"].items(), key=lambda kv: -len(kv[0]))
)
#: Predicates of standing between a name and its figures (全省进出口总值创历史新高，达到5379亿元).
STANDING_PREDICATES: tuple[str, ...] = tuple(sorted(_DATA["standing_predicates"], key=len, reverse=True))
#: Verbs of making and unmaking rules (废止, 修订, 提请审议): a figure after 、 with one alone counts the rules the
#: item before names (制定自治区政府规章2件、废止22件 -> 废止自治区政府规章).
RULE_VERBS: tuple[str, ...] = tuple(_DATA["rule_verbs"])
#: Groups of words for the two sides of one flow or one register (收入 / 支出, 旅客 / 货物, 议案 / 建议 / 提案): a
#: bare item listed after its counterpart is of what the counterpart is of (地方一般公共预算收入增长2.3%、支出首次
#: 超过7000亿元 -> 地方一般公共预算支出).
COUNTERPARTS: tuple[frozenset[str], ...] = tuple(frozenset(group) for group in _DATA["counterparts"])
#: Words that close a clause saying how a thing went (棚户区改造和房地产开发进程加快, 重点项目加快推进): the
#: thing is the subject before them, which a bare investment in the next clause is of.
STATE_PREDICATES: tuple[str, ...] = tuple(sorted(_DATA["state_predicates"], key=len, reverse=True))
#: Units of one measure in other sizes: a base unit → (the base it converts to, how many of that it is): 吨 → 斤.
UNIT_EQUIVALENTS: dict[str, tuple[str, float]] = {
    unit: (base, factor) for unit, (base, factor) in _DATA["unit_equivalents"].items()
}
#: Groups of words for kinds that exclude one another (高铁 / 高速公路, 供水 / 燃气): two names of different kinds
#: only are never one indicator.
DISTINCT_KINDS: tuple[tuple[str, ...], ...] = tuple(tuple(g) for g in _DATA["distinct_kinds"])
#: Words in front of a kind that make a narrower kind of it (高技术制造业 is a part of 制造业, 高速公路 of 公路).
KIND_MODIFIERS: tuple[str, ...] = tuple(_DATA["kind_modifiers"])


@dataclass(frozen=True)
class WordedResult:
    """A result stated in words instead of digits, at the end of a clause (居民消费价格与上年持平: 0 % growth).

    ``pattern`` matches the words (its group ``object``, if any, belongs to the name); the name is what stands
    before them plus ``suffix`` (建制镇实现生活污水处理设施全覆盖 → 建制镇生活污水处理设施覆盖率); ``reads`` says
    how the words were read, shown with the row.
    """

    pattern: str
    value: float
    unit: str
    measure: str
    suffix: str
    reads: str


#: What people opening a clause did, measured by their number (超70万人次接受…培训, 3.5万人实现转移就业).
PEOPLE_DEEDS: tuple[str, ...] = tuple(_DATA["people_deeds"])
#: Competitions medals are won at (巴黎奥运会, 世界技能大赛) and the medals a count in 金/银/铜 stands for.
COMPETITIONS: tuple[str, ...] = tuple(_DATA["competitions"])
MEDALS: dict[str, str] = dict(_DATA["medals"])
#: Verbs of raising money that name nothing by themselves (筹措7亿元实施就业惠民工程).
MONEY_RAISING_VERBS: tuple[str, ...] = tuple(_DATA["money_raising_verbs"])
#: Words after a scope (全国) that make it part of a grade's name (全国重点实验室, 全国文明城市).
SCOPE_GRADES: tuple[str, ...] = tuple(_DATA["scope_grades"])
#: Grades a target may limit its things to beside those (智能制造标杆企业, 龙头企业): a figure of the things without
#: the grade counts them all.
LIMITING_GRADES: tuple[str, ...] = (*SCOPE_GRADES, *_DATA["limiting_grades"])
#: Names of a whole and of its parts that are not written as a prefix of it (进出口 → 出口, 进口).
WHOLE_PARTS: dict[str, tuple[str, ...]] = {w: tuple(ps) for w, ps in _DATA["whole_parts"].items()}
#: Words that end in a link or bound word (水土保持, 签约): the word is theirs, not a link or bound before a figure.
LINK_COMPOUNDS: tuple[str, ...] = tuple(_DATA["link_compounds"])
#: Nouns of money that name an amount said before them (1万亿元抗疫特别国债, 专项债券, 补助资金).
MONEY_NOUNS: tuple[str, ...] = tuple(_DATA["money_nouns"])
#: Names of money that say only where it comes from (国债资金, 建设资金): what it pays for, said after it, names it.
GENERAL_FUNDS: frozenset[str] = frozenset(_DATA["general_funds"])
#: Links that widen a subject to a reach (试点扩大到29个省, 试点范围扩大到全国40%的县).
WIDENING_LINKS: tuple[str, ...] = tuple(_DATA["widening_links"])
#: Verbs that say what money pays for, after it (…亿元，支持卫生事业改革和发展), longest first.
PURPOSE_VERBS: tuple[str, ...] = tuple(sorted(_DATA["purpose_verbs"], key=len, reverse=True))
#: Words right before 完成 / 实现全覆盖 that say the thing is not (yet or wholly) done (尚未, 未能, 基本).
UNDONE_BEFORE: tuple[str, ...] = tuple(sorted(_DATA["undone_before"], key=len, reverse=True))
#: Words anywhere in such a clause that make it a promise, not a report (确保, 力争).
PROMISE_WORDS: tuple[str, ...] = tuple(_DATA["promise_words"])
#: Ends of a name that make it a rate or a balance (增速, 涨幅, 收支): 与上年持平 then says "as last year", not 0 %.
RATE_WORDS: tuple[str, ...] = tuple(_DATA["rate_words"])
#: Results stated in words (持平, 实现全覆盖), tried by the delivery check for targets no figure answers.
WORDED_RESULTS: tuple[WordedResult, ...] = tuple(WordedResult(**w) for w in _DATA["worded_results"])
#: The end of a name that makes its figure the share of the year's plan done (城镇新增就业完成年计划的118.2%).
PLAN_SHARE: str = _DATA["plan_share"]
#: The end of a clause saying a named task was done (城镇新增就业任务圆满完成), without a figure.
TASK_DONE: str = _DATA["task_done"]
#: The words of a clause before a count that say the things counted are there already and the plan only acts on
#: them (持续推进已批建的3家省实验室, 建设好运营好…4个国家区域医疗中心): no figure of B delivers them. ``巩固`` opening
#: the clause says so only with :data:`EXISTING_AFTER` closing it (巩固368个经济薄弱村扶持成效).
EXISTING_BEFORE: str = _DATA["existing_before"]
#: The end of a clause that keeps what was achieved (…扶持成效, …成果), with 巩固 opening it.
EXISTING_AFTER: str = _DATA["existing_after"]
#: Verbs of building anew or rebuilding, which a name may join in front of its object (新建和改造供水管网,
#: 新建改扩建及维修改造公办幼儿园), longest first.
WORKS_KINDS: tuple[str, ...] = tuple(sorted(_DATA["works_kinds"], key=len, reverse=True))


def bound_of(qualifier: str | None) -> Bound:
    """The bound a qualifier sets (``point`` for none or an unknown word).

    >>> bound_of("超过"), bound_of("约"), bound_of("分别")
    ('floor', 'about', 'point')
    """
    q = QUALIFIERS.get(qualifier or "")
    return q.bound if q else "point"


def symbol_of(qualifier: str | None) -> str:
    """The display symbol of a qualifier ("" where it is shown as written).

    >>> symbol_of("以上"), symbol_of("控制到"), symbol_of("左右")
    ('≥', '≤', '')
    """
    q = QUALIFIERS.get(qualifier or "")
    return q.symbol if q else ""


def direction_of(verb: str) -> Literal["up", "down"] | None:
    """Which way a change verb moves a figure."""
    if verb in FALL_VERBS:
        return "down"
    if verb in RISE_VERBS:
        return "up"
    return None


def lexicon_hash() -> str:
    """sha256 of the rule data (lexicon and metric aliases): part of any cache key.

    >>> len(lexicon_hash())
    64
    """
    h = hashlib.sha256(_RAW)
    h.update(resources.files("policydiff.data").joinpath("metrics.json").read_bytes())
    return h.hexdigest()
