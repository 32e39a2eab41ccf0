"""Link a figure of one report to what another report says about the same thing.

One component answers "which figure of report B is about this target of report A?" for the delivery
check (:func:`match_results`, ``compare``'s delivery table), the target diff
(a reworded target is ``changed``/``unchanged``, not ``dropped`` + ``new``) and the graph's
``delivered_by`` edges (hence ``timeline``). It works on extracted records and shows its evidence.

**Names.** An indicator is reduced to its *core* (:func:`core`): the general normalisation of
:func:`policydiff.metrics.normalise`, then leading action and increment verbs (新增, 新建, 新培育,
实施, 建设, …) and trailing phase words (投入使用, 完成额, …) go, and 完成投资 reads 投资. Two cores are
similar (:func:`name_similarity`) when they are equal, when one is the other with modifiers in
front (公共文化空间 / 新型公共文化空间: same head), or by the Dice coefficient of their character
bigrams, raised when the last word (the head noun) agrees. Two indicators the alias table
(``policydiff/data/metrics.json``) knows under different keys (城镇调查失业率, 城镇登记失业率) never link.

**Compatibility.** Units must convert (万人/人, 亿元/万亿元; the counting words 个/项/家/所… are one
unit; % and 个百分点 stay apart) and measures must agree (a growth rate is not a level) for a
result to be judged; a strongly linked figure that does not convert is kept as ``not comparable``
with the reason. An amount of change (农村贫困人口减少1442万人) answers an amount (减少农村贫困人口1000万人).

**Periods and points.** A single-year target is answered by a single-year figure. A figure of a
multi-year period (``period`` of the record: a five-year review) is ``not comparable`` with the reason
when its clause says 年均/累计/共…, when it is a growth rate, or when it counts increments
(新增…); a level that is a stock (a rate, 高新技术企业超6.1万家) is the end-of-period level and stands for
the period's last year. A stock never answers an increment target (新投产里程 vs 营业里程).

**Score and evidence.** score = name similarity, +0.05 when the result's sentence ties itself to a
target (超过原定的…, 完成全年目标, 超额完成; +0.3 when it quotes the target's own figure), +0.05 when the
two share a theme and −0.1 when their themes differ, −0.2 when an amount is off by more than
thirty times, +0.05 in the delivery check when the figure is the target's own (not a plain one like 10 or
100). A result links at :data:`PAIR_MIN` or above; between :data:`UNCLEAR_MIN` and
:data:`PAIR_MIN` the target is ``unclear`` and its candidates are listed; below, ``not reported``.
In the delivery check a target's only close candidate links from :data:`SOLE_MIN`
(:func:`_sole_candidates`: nothing else within :data:`SOLE_MARGIN` either way, a shared word that is
not general, a figure of the same size).
Results are taken one-to-one, best score first (two targets of the same metric may share one).

**Splits.** A target on a whole (居民人均可支配收入, 城乡居民收入) with no figure of its own is answered by
the figures of its parts (城镇…, 农村…): each part is judged and a combined verdict is given.

It stays one module (over 500 lines): names, compatibility, periods, scores and splits above are the
steps of one matching decision, each documented here and read in that order.

>>> core("新培育科技型中小企业"), core("新增科技型中小企业"), core("招商引资落地项目投资完成额")
('科技型中小企业', '科技型中小企业', '招商引资落地项目投资')
>>> name_similarity("公共文化空间", "新型公共文化空间投入使用") >= PAIR_MIN
True
>>> name_similarity("城镇调查失业率", "城镇登记失业率")
0.0
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from .delivery import bare_magnitude, comparable, unit_scale, with_fields
from .extract.filters import is_threshold
from .lexicon import (
    COMMON_UNITS,
    CORE_SYNONYMS,
    DEED_CLASSES,
    DISTINCT_KINDS,
    EVENT_UNITS,
    EXISTING_AFTER,
    EXISTING_BEFORE,
    FUNDS_WORDS,
    JOINT_TERMS,
    KIND_MODIFIERS,
    LIMITING_GRADES,
    NAME_SYNONYMS,
    PAYER_NAMES,
    PLAN_SHARE,
    PROMISE_WORDS,
    PURPOSE_VERBS,
    RATE_WORDS,
    SEASON_WORDS,
    TASK_DONE,
    UNDONE_BEFORE,
    UNIT_MEASURES,
    WHOLE_PARTS,
    WORDED_RESULTS,
    WORKS_KINDS,
    bound_of,
)
from .metrics import _alias_index, metric_key, normalise, strip_ends
from .model import Record
from .nlp import GENERAL_FREQ, posseg, word_frequency
from .numbers import find_quantities, fold

#: Lowest score at which a result is linked to a target.
PAIR_MIN = 0.7
#: Lowest name similarity of "the same name" in other words (the same words in another order: 改造农村厕所 /
#: 农村厕所改造): a figure in other units or measures links, as not comparable, only for the same name.
SAME_NAME = 0.9
#: How a candidate's reason begins when its units do not convert (the sole-candidate and same-name rules read it).
UNITS_DIFFER = "units differ"
#: …when its measures do not agree (growth against an amount).
MEASURES_DIFFER = "measures differ"
#: …when the result is the whole of the target's part (it may answer each part: 城镇 and 农村 income).
WHOLE_NOT_PART = "the whole, not the"
#: …when the result is a figure of several listed things, the target one of them (it may answer each).
COMBINED = "a combined figure"
#: Lowest name similarity at which a bare magnitude (150万) takes the other figure's base (万人次).
BARE_MIN = 0.6
#: Lowest score at which a result is listed as a candidate (status ``unclear`` below :data:`PAIR_MIN`).
UNCLEAR_MIN = 0.45
#: Candidates listed for an unclear target.
CANDIDATES_SHOWN = 3
#: An amount this many times larger or smaller than the target is not about the same thing.
RATIO_MAX = 30.0
#: A figure this many times an increment target (新投产里程8000公里 vs 12万公里) is a stock.
STOCK_RATIO = 10.0
#: A word in this many of the other report's indicators is common: it alone does not link.
COMMON_DF = 4

# Words in front of an indicator that say what is done, not what is measured.
_LEAD_WORDS = (
    "也要再",
    "还要",
    "也要",
    "力争",
    "确保",
    "争取",
    "全年",
    "年内",
    "平均每年",
    "每年平均",
    "重点(?!项目|工程|企业|实验室|产业|领域|行业|区域|人群|群体|任务|实事)",  # 重点推进…, not 重点项目
    "加快",
    "统筹推进",
    "统筹",
    "规范",
    "谋划",
    "优化",
    "强力",
    "大力",
    "稳步",
    "推动",
)
#: Increment verbs: a figure after them counts what was added in the period.
INCREMENT_VERBS = (
    "新增加",
    "新增",
    "新建",
    "新培育",
    "新开工",
    "新开通",
    "新投产",
    "新认证",
    "新认定",
    "新发展",
    "新组建",
    "新布局",
    "新改建",
    "新引进",
    "新安排",
    "新入驻",
    "新设立",
    "新设",
    "新创建",
    "新解决",
    "新改造",
    "再解决",
    "又解决",
    "再获批",
    "新获批",
    "增加",
    "减少",
    "培育",
)
_ACTION_VERBS = (
    "培育",
    "建设",
    "建成",
    "实施",
    "完成",
    "开工",
    "开通",
    "推进",
    "打造",
    "创建",
    "引进",
    "认证",
    "组建",
    "安排",
    "争创",
    "提升发展",
    "实现",
    "达到",
    "解决",
    "设立",
    "布局",
    "再",
    "又",
)
#: Phase words after an indicator: what stage the figure counts (starts, completions, production).
PHASES = {
    "开工": "starts",
    "新开工": "starts",
    "安排": "starts",
    "竣工": "completions",
    "完工": "completions",
    "建成": "completions",
    "投产": "production",
}
_PHASE_RE = re.compile(r"(?:基本|全面)?(新开工|开工|竣工|完工|建成|安排|投产)")
_TRAILING_WORDS = (
    "新开工建设",
    "开工建设",
    "投产达效",
    "投产",
    "投入使用",
    "通车",
    "完成额",
    "全面完成",
    "完成",
    "基本建成",
    "建成",
    "开工",
    "竣工",
    "完工",
    "新",
    "可比",
    "面积",
    "人数",
    "数量",
    "金额",
    "标准",
    "盘子",
)
#: The lexicon's name synonyms, longest first.
_SYNONYM_WORDS = re.compile("|".join(sorted(map(re.escape, NAME_SYNONYMS), key=len, reverse=True)))
#: Words after a subject that measure it otherwise (省重大项目 counted, 省重大项目投资 in money).
_OTHER_MEASURE = re.compile(r"(?:完成)?(?:投资|产值|营收|营业收入|收入|金额|规模|总额)(?:额)?$")
#: A name in quotation marks: a programme or campaign (科技“尖锋”行动, “两重”项目).
_QUOTED = re.compile(r"[“\"「『]([^”\"」』]{2,12})[”\"」』]")
_LEAD_RE = re.compile("^(?:" + "|".join(_LEAD_WORDS + INCREMENT_VERBS + _ACTION_VERBS) + ")+")
#: Building verbs that a target lists together in front of its object (新建和改造供水管网, 新建、改扩建农村学校).
_WORKS_VERBS = "|".join(WORKS_KINDS)
#: Two or more of them joined (with 和、及、与 or nothing) at the front of an indicator: what is done, not what.
_LEAD_WORKS = re.compile(f"^(?:{_WORKS_VERBS})(?:[和、及与或/]?(?:{_WORKS_VERBS}))+")
_INCREMENT_RE = re.compile("|".join(INCREMENT_VERBS))
#: Zones and scopes that narrow an indicator when put in front of it (园区工业投资 is not 工业投资).
_NARROWER = re.compile(
    r"园区|开发区|高新区|自贸区|试验区|示范区|新区|沿边|临港|县域|市域|重点区域|规上|规模以上|脱贫县|脱贫地区|贫困县|贫困地区"
    r"|中心城区|主城区|老城区|旧城区"
)
#: Scopes a target can limit itself to that a result without them does not share (农村公路安全护栏 / 安全护栏).
#: 城镇 and 城市 are left out: 城镇新增就业 and 新增就业 are one indicator.
_LIMITED_GROUPS = (
    ("农村", "乡村", "农户", "户厕"),
    ("中心城区", "主城区", "县城", "城区"),
    ("老城区", "旧城区"),
    ("新城区",),
)
#: Words that say a scope but limit nothing themselves: 户厕 (households' toilets, the rural toilet programme's word).
_SAYS_SCOPE_ONLY = frozenset({"户厕"})
_LIMITED = re.compile("|".join(w for g in _LIMITED_GROUPS for w in g if w not in _SAYS_SCOPE_ONLY))
#: Grades a target may limit its things to (智能制造标杆企业): a result of the things without it counts them all.
_GRADED = re.compile("|".join(LIMITING_GRADES))
#: A town a target opens on (奋斗镇节水灌溉): a name of its own, not 城镇, 乡镇 or 村镇.
_TOWN = re.compile(r"^[\u4e00-\u9fff]{2,3}?(?<![城乡村集])(?:镇|乡|苏木)(?![村镇])")
#: Words that make an indicator a stock (总量60万套) rather than the year's additions.
_STOCK = re.compile(r"总量|总数|保有量|累计|总规模|总里程")
#: A part left out of a result's scope (扣除房地产开发投资后): not the whole a target names. Adjustments for
#: factors (剔除价格因素, 扣除自然因素影响) change the basis, not the scope, and are not read here.
_LEFT_OUT = re.compile(r"(?:扣除|剔除|不含|不包括)(?![^，。；]*?(?:因素|影响))[^，。；]{2,12}?(?:后|以外|之外|[）)])")
#: Words that make a figure the year's work (建设筹措保障性租赁住房7.4万套) rather than a stock.
_YEARS_WORK = re.compile(r"新增|新建|建设|筹措|筹集|实施|培育|引进|开工|竣工|建成|改造|完成|投产|新开")
#: Verbs that state a level reached (突破1万公里): a stock as well.
_REACHES = re.compile(r"达到|达|突破|超过|增至|增加到|提高到|提升到|升至")
#: Parts a whole splits into, and the words that name the whole.
_PARTS = ("城镇", "农村", "城市", "乡村")
_WHOLE_PREFIX = re.compile(r"^(?:城乡|全体|全省|全市|全区|全国)")
#: A multi-year figure that is an average or a sum, by the words of its clause.
#: A yearly average over a period (平均每年城镇新增就业1000多万人): the nearest a period comes to one year's figure.
_AVERAGE = re.compile(r"年均|平均每年|每年平均")
_PERIOD_WORDS = re.compile(
    r"年均|平均每年|每年平均|累计|共计|合计|总计|五年|十年|期间|一直|始终|连年|共(?:新增|建成|完成|培育|引进|实施)"
)
#: A figure said of every year of a period (每年实施20项…), not of the period as a whole.
_EVERY_YEAR = re.compile(r"(?<!平均)每年(?!平均)")
#: The year's end, said in a staged target's sentence (年底超过260个) …
_YEAR_END = re.compile(r"年底|年末|全年")
#: … and the points in the year a figure is set for: a milestone before the end (今年4月, 上半年, 一季度) or the end.
_POINT_IN_YEAR = re.compile(
    rf"(?P<milestone>(?:[1-9]|1[01]|[一二三四五六七八九十]|十一)月(?:底|末|份)?|上半年|[一二三]季度)|{_YEAR_END.pattern}"
)
#: A season a figure is set for (新雪季接待游客人次增速达到20%; lexicon ``season_words``): a part of the year.
_SEASON = re.compile("(?:新)?(?:" + "|".join(SEASON_WORDS) + ")")
#: The end of a place's name in a list (奋斗镇、建设办): not 小区, 园区, 社区, 景区, 片区 or 城中村, which are things.
_PLACE_END = re.compile(r"(?<![小园社景片])(?<!城中)[省市县区镇乡村旗办]$")
#: A sentence that ties its figure to a target.
_REFERENCE = re.compile(
    r"(?:超过|超额完成|完成|实现|高于|好于|达到|突破)了?(?:原定|全年|年度|预期|既定|计划|原计划|预定)"
    r"[^，。；;,]{0,12}?(?:目标|任务)|超额完成|原定(?:的)?[^，。；;,]{0,12}"
)
_CLAUSE_STOP = "，,；;。：:！!？?\n"
#: Words that make a multi-year figure a count of what was done over the period (住房建设4013万套), not a level.
_ACTIVITY = re.compile(
    r"建设|建成|改造|开工|竣工|新建|实施|培育|引进|安排|帮扶|脱贫|减贫|造林|退出|压减|淘汰|化解|搬迁|关停|关闭"
    r"|打造|创建|补充|开通|办好|举办|组建|签约|认定|获批|入选|培训|治理|整治|修复|防治|治沙|营造|解决|完成"
)


#: A deed of renewal said before its object (改造户厕), which names more often say after it (户厕改造).
_DONE_TO_FIRST = re.compile(r"^(?P<deed>改造|提升改造|整治)(?P<what>[\u4e00-\u9fff]{2,})$")


@lru_cache(maxsize=8192)
def core(indicator: str | None) -> str:
    """What an indicator measures, without action verbs, scope words or phase words.

    >>> core("新增精品示范村"), core("建设农村幸福院"), core("实施亿元以上重点技改项目"), core("年内计划完成投资")
    ('精品示范村', '农村幸福院', '亿元以上重点技改项目', '投资')
    >>> core("保障性安居工程新"), core("全省地区生产总值"), core("农村厕所改造")
    ('保障性住房', '地区生产总值', '户厕改造')
    >>> core("新建和改造供水管网"), core("新建、改扩建农村学校"), core("改造提升老旧小区")
    ('供水管网', '农村学校', '老旧小区')
    """
    text = normalise(indicator or "")
    text = re.sub(r"(?<=[省市县区乡镇])、(?=[省市县区乡镇])", "", text)  # 省、市重点项目 = 省市重点项目
    text = re.sub(r"R&D|R＆D", "研发", text)  # R&D经费投入 = 研发经费投入
    text = re.sub(r"^(?:计划|预计|争列|争取列入|列入)", "", text)
    text = text.replace("完成投资", "投资").replace("投资完成额", "投资")
    text = re.sub(r"用于(.{2,10}?)的?(投入|支出|资金)$", r"\1\2", text)  # 财政用于科技的支出 = 财政科技支出
    if re.search(r"财政(?!拟|计划|将|预算|安排)[^拟]{2,10}投入$", text):
        text = text[:-2] + "支出"  # the state's 投入 on a purpose is its spending: 中央财政科技投入 = …科技支出
    text = _SYNONYM_WORDS.sub(lambda m: NAME_SYNONYMS[m.group()], text)  # 农村旱厕 -> 户厕 (lexicon)
    stripped = _LEAD_RE.sub("", _LEAD_WORKS.sub("", text))
    if len(stripped) >= 2:
        text = stripped
    text = strip_ends(text, _TRAILING_WORDS)
    return CORE_SYNONYMS.get(text, text)


_FUNDS_RE = re.compile("|".join(map(re.escape, FUNDS_WORDS)))
_PAYER_RE = re.compile("^(?:" + "|".join(map(re.escape, sorted(PAYER_NAMES, key=len, reverse=True))) + ")")


def names_only_funds(indicator: str | None) -> bool:
    """Whether an indicator names who pays and money only (中央财政为此新增支出, 建设资金), not what it pays
    for: the sentence says that (…所需资金…，中央财政为此新增支出140亿元), so the name links nothing.

    >>> names_only_funds("中央财政为此新增支出"), names_only_funds("建设资金"), names_only_funds("财政补助")
    (True, True, True)
    >>> names_only_funds("中央财政用于“三农”的支出"), names_only_funds("中央财政就业补助资金")
    (False, False)
    """
    text = normalise(indicator or "")
    rest = _FUNDS_RE.sub("", _PAYER_RE.sub("", text))
    return bool(text) and not rest.strip("的用于对")


def is_increment(indicator: str | None) -> bool:
    """Whether an indicator counts what was added (新增…, 新建…, 再解决…) rather than a stock.

    >>> is_increment("新增高新技术企业"), is_increment("高新技术企业"), is_increment("城镇新增就业")
    (True, False, True)
    >>> is_increment("培育高新技术企业")  # firms cultivated are new ones
    True
    >>> is_increment("装配式建筑面积占新建建筑比例")  # a share of new buildings, not an increment
    False
    """
    text = normalise(indicator or "").replace("增加值", "")  # 增加值 is value added
    return bool(_INCREMENT_RE.search(text.split("占", 1)[0] if "占" in text[2:] else text))


def _adds(target: Record) -> bool:
    """Whether a target counts what is added: its name says so, or the verb that leads the list it is an item of
    (力争新增国家实验室研究基地或网络成员1家、全国重点实验室2家: both are new ones)."""
    lead = clause_before(target)
    return is_increment(target.indicator) or ("、" in lead and is_increment(lead.split("、", 1)[0]))


def phase(text: str | None) -> str | None:
    """The stage a figure counts, from the words before it: starts (开工, 安排) or completions (建成, 竣工).

    >>> phase("城镇保障性安居工程住房基本建成"), phase("棚户区改造"), phase("保障性安居工程新安排")
    ('completions', None, 'starts')
    """
    found = _PHASE_RE.findall(text or "")
    return PHASES[found[-1]] if found else None


#: A target that launches works (启动…8家企业迁建) is not answered by the works finished (5家企业完成迁建).
_LAUNCHED = re.compile(r"启动")
_FINISHED = re.compile(r"完成|建成|竣工|完工")
#: Verbs that make a count of projects the set worked on over the year (统筹推进重大项目2200个, 实施500个老旧小区综合
#: 整治), not started or finished.
_ADVANCE = re.compile(r"推进|加快建设|实施|在建")
#: Words that make a target itself about starting or doing the work (开工, 改造 …): it pairs with starts.
_DOING = re.compile(r"开工|竣工|建成|改造|新建|新安排|投产|完成")


def advancing(target: Record) -> bool:
    """Whether a target counts projects advanced (推进, 加快建设, 在建), with no word of starting or finishing
    them: a count of 开工 or 竣工 projects does not answer it.

    >>> from types import SimpleNamespace as R
    >>> t = R(indicator="重大项目", sentence="统筹推进重大项目2200个", value=2200, start=0)
    >>> advancing(t), advancing(R(indicator="棚户区改造", sentence="棚户区改造580万套", value=580, start=0))
    (True, False)
    """
    text = normalise((target.indicator or "") + clause_before(target))
    return bool(_ADVANCE.search(text)) and not _DOING.search(text)


#: Words before a figure that make it the size of what follows it (总投资1.78万亿元的289个省重点项目).
_SIZE_BEFORE = re.compile(r"(?<!完成)(?:计划)?(?:总)?投资(?:额|总额|规模)?(?:约|超|达|近|超过|达到)?$")
_SIZE_AFTER = re.compile(r"^(?:以上|左右|多|余)?的(?!目标|任务)")


#: A count of projects said before a figure in its sentence (实施省市重点项目25个, 105个重点项目).
_PROJECTS_COUNTED = re.compile(r"项目\d+个|\d+个[^，,。；;]{0,12}项目")


#: A yearly capacity before a figure (年产, 设计年产能) and the plant it names after it (…项目, …厂, …生产线).
_CAPACITY_BEFORE = re.compile(r"(?:设计)?年产(?:能)?$")
_PLANT_AFTER = re.compile(r"^(?:以上|左右)?(?:的)?[^，,；;。\d]{0,20}?(?:项目|工厂|厂|生产线|基地)")


def is_size(rec: Any) -> bool:
    """Whether a figure is the investment size of the things the clause goes on to name (推进好总投资1.78万亿元
    的289个省重点项目, 投资3.4亿元的…训练中心): an attribute of what is acted on, not what the year delivers, so
    the delivery check links no result to it (read in the record's sentence).

    >>> from types import SimpleNamespace as R
    >>> is_size(R(sentence="推进好总投资1.78万亿元的289个省重点项目。", value=1.78, unit="万亿元", start=0))
    True
    >>> is_size(R(sentence="推介重大项目总投资不低于2000亿元。", value=2000, unit="亿元", start=0))
    False
    >>> is_size(R(sentence="实施省市重点项目25个，计划总投资111.8亿元。", value=111.8, unit="亿元", start=0,
    ...           indicator="省市重点项目总投资"))
    True

    A plant's yearly capacity written into its name is its size too (the delivery gold lists no such target):

    >>> is_size(R(sentence="同光晶体年产10万片碳化硅单晶衬底项目7月底建成投产。", value=10, unit="万片", start=0))
    True
    >>> is_size(R(sentence="黑木耳年产1000吨以上。", value=1000, unit="吨", start=0))
    False
    """
    s, v, i = fold(rec.sentence or ""), rec.value, _figure_index(rec)
    if i < 0:
        return False
    before, after = s[:i], s[i + len(_fmt(v)) :]
    if rec.unit and after.startswith(rec.unit):
        after = after[len(rec.unit) :]
    if (getattr(rec, "indicator", None) or "").endswith("总投资") and _PROJECTS_COUNTED.search(before):
        return True  # 安排重点项目105个…，项目总投资339.9亿元: the size of the year's list of projects
    if _CAPACITY_BEFORE.search(before) and _PLANT_AFTER.match(after):
        return True  # 同光晶体年产10万片碳化硅单晶衬底项目: the plant's capacity, part of its name
    return bool(_SIZE_BEFORE.search(before) and _SIZE_AFTER.match(after))


_EXISTING_BEFORE = re.compile(EXISTING_BEFORE)
_EXISTING_AFTER = re.compile(EXISTING_AFTER)


def acts_on_existing(target: Any, text: str | None = None) -> str | None:
    """The words that say a target counts things there already, which the plan acts on (持续推进已批建的3家省实验室,
    建设好运营好…4个国家区域医疗中心, 巩固368个经济薄弱村扶持成效; :data:`policydiff.lexicon.EXISTING_BEFORE`): no
    figure of the next report delivers it. None for any other target. ``text``: the target's report text, which
    places the figure when its sentence says it twice (已批建的3家省实验室…，新组建3家以上省实验室).

    >>> from types import SimpleNamespace as R
    >>> acts_on_existing(R(sentence="持续推进已批建的3家省实验室。", value=3, unit="家", start=0))
    '已批建的'
    >>> acts_on_existing(R(sentence="巩固368个经济薄弱村扶持成效。", value=368, unit="个", start=0))
    '巩固'
    >>> acts_on_existing(R(sentence="巩固提升368个村。", value=368, unit="个", start=0)) is None
    True
    """
    before = clause_before(target, text)
    m = _EXISTING_BEFORE.search(before)
    if m is None:
        return None
    if m.group() == "巩固":
        if text is not None and 0 <= target.end <= len(text):
            rest = text[target.end : target.end + 60]
        else:
            s, i = target.sentence or "", _figure_index(target)
            rest = s[i + len(_fmt(target.value)) + len(target.unit or "") :] if i >= 0 else ""
        rest = rest[: min((k for k in (rest.find(ch) for ch in _CLAUSE_STOP) if k >= 0), default=len(rest))]
        return m.group() if _EXISTING_AFTER.search(rest) else None
    return m.group()


def _averages(rec: Any, text: str | None = None) -> bool:
    """Whether a figure is a yearly average over a period (年均增长10.6%, 平均每年增长).

    >>> from types import SimpleNamespace as R
    >>> _averages(R(sentence="比2002年增长65.5%，年均增长10.6%", value=10.6, start=0))
    True
    >>> _averages(R(sentence="比2002年增长65.5%，年均增长10.6%", value=65.5, start=0))
    False
    """
    return bool(re.search(r"年均|平均每年|每年平均", clause_before(rec, text)))


def _years_work(target: Record) -> bool:
    """Whether a target counts the year's work or additions, by its name or the words before its figure
    (新增高新技术企业, 保护性耕作面积新增200万亩, 建设高标准农田300万亩): against a figure many times larger it is
    answered by a stock.

    >>> from types import SimpleNamespace as R
    >>> _years_work(R(indicator="保护性耕作面积", sentence="保护性耕作面积新增200万亩", value=200, start=0))
    True
    >>> _years_work(R(indicator="高标准农田", sentence="高标准农田面积达到4808万亩", value=4808, start=0))
    False
    """
    return is_increment(target.indicator) or bool(_YEARS_WORK.search((target.indicator or "") + clause_before(target)))


def _surface(indicator: str | None) -> str:
    """An indicator with quotes, brackets and scope words gone but its words otherwise kept."""
    return _LEAD_RE.sub(
        "", re.sub(r"[\s“”\"'‘’《》「」()（）]|^(?:全省|全市|全区|全国|全县|全社会|全年)", "", indicator or "")
    )


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    from .nlp import words

    return tuple(words(text)) if text else ()


@lru_cache(maxsize=8192)
def key_terms(indicator: str | None) -> tuple[str, ...]:
    """The words of an indicator's core that can carry its meaning (two characters or more).

    >>> key_terms("新培育科技型中小企业")
    ('科技型', '中小企业')
    """
    from .align import is_key_term

    return tuple(w for w in _words(core(indicator)) if is_key_term(w))


def _siblings(a: str, b: str) -> float | None:
    """How alike the words in front of a shared ending of two to four characters are (character Dice), when
    each name has its own and neither holds the other's (交通投资 / 水利投资 0.0, 城市危旧房 / 城乡危旧房 0.5);
    None otherwise.

    >>> _siblings("交通投资", "水利投资"), _siblings("城市危旧房", "城乡危旧房"), _siblings("省级重点项目", "省项目")
    (0.0, 0.5, None)
    >>> _siblings("压减钢铁产能", "退出钢铁产能")  # verbs in front: the same thing done otherwise
    >>> _siblings("制造业增加值", "汽车产业增加值")  # 制造业 is no verb
    0.0
    """
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    pa, pb = a[: len(a) - n], b[: len(b) - n]
    if not 2 <= n <= 4 or not pa or not pb or pa in pb or pb in pa:
        return None  # a longer shared ending (户厕普及率) names the thing itself
    if any(_verb_in_front(x, len(p)) for x, p in ((a, pa), (b, pb))):
        return None  # 压减钢铁产能 / 退出钢铁产能: what is done differs, not the kind
    sa, sb = set(pa), set(pb)
    return round(2 * len(sa & sb) / (len(sa) + len(sb)), 4)


def _verb_in_front(name: str, length: int) -> bool:
    """Whether a word starting in the first ``length`` characters of a name is a verb (压减|钢铁产能), read in the
    whole name (制造业 is a noun, though 制造 alone is a verb)."""
    at = 0
    for word, flag in posseg(name):
        if at >= length:
            return False
        if flag.startswith("v"):
            return True
        at += len(word)
    return False


def _head(text: str) -> str:
    ws = _words(text)
    return ws[-1] if ws else text


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or ({text} if text else set())


def _alias_key(indicator: str | None) -> str | None:
    """The alias table's key of an indicator, if the table knows it."""
    if not indicator:
        return None
    index = _alias_index()
    return index.get(normalise(indicator)) or index.get(re.sub(r"[\s“”\"'‘’《》「」()（）]", "", indicator))


def _kinds(text: str) -> frozenset[int]:
    """The lexicon's distinct kinds (:data:`policydiff.lexicon.DISTINCT_KINDS`) a name speaks of, by group.

    >>> _kinds("高铁营业里程") == _kinds("铁路营业里程"), _kinds("高速公路通车里程") == _kinds("高铁通车里程")
    (True, False)
    """
    found = set()
    for i, group in enumerate(DISTINCT_KINDS):
        for w in group:
            if w in text:
                found.add(i)
                break
    return frozenset(found)


def _narrower_kind(a: str, b: str) -> bool:
    """Whether ``a`` names a narrower kind of what ``b`` names: a kind modifier (lexicon ``kind_modifiers``) in
    front of a word of two characters or more that ``b`` has without it.

    >>> _narrower_kind("高技术制造业增加值", "制造业增加值"), _narrower_kind("制造业增加值", "高技术制造业增加值")
    (True, False)
    >>> _narrower_kind("高技术制造业增加值", "高技术制造业增加值"), _narrower_kind("高铁营业里程", "铁路营业里程")
    (False, True)
    """
    return _kind_in(a, b) is not None


def _kind_in(a: str, b: str) -> str | None:
    """The kind modifier that makes ``a`` a narrower kind of what ``b`` names (:func:`_narrower_kind`), else None.

    >>> _kind_in("规上装备工业增加值", "规上工业增加值"), _kind_in("规上工业增加值", "规上工业增加值")
    ('装备', None)
    """
    a = a.replace("高铁", "高速铁路")  # 高铁 is 高速铁路 said short
    for m in KIND_MODIFIERS:
        at = a.find(m)
        if at < 0 or m in b:
            continue
        word = a[at + len(m) : at + len(m) + 2]
        if len(word) == 2 and word in b:
            return m
    return None


#: A share: its part, then its whole (工业增加值占地区生产总值比重).
_SHARE = re.compile(r"^(.{2,}?)占(.{2,}?)的?(?:比重|比例|份额|总量的比重)$")


#: Words that join or close a list, left out of a name written short (改造水热气等管网).
_SHORT_JOINS = frozenset("等的和及与、")


def abbreviates(a: str, b: str) -> bool:
    """Whether the shorter of two names is the longer written short: five characters or more, every one of them
    in the longer name (治理交通堵乱点 / 启动中心城区交通堵点乱点分类治理; 改造水热气等管网 / 改造排水、供水、供热、
    燃气管网), and the two share a word.

    >>> abbreviates("改造排水、供水、供热、燃气管网", "改造水热气等管网"), abbreviates("项目投资", "重点项目投资")
    (True, False)
    >>> abbreviates("制造业增加值", "高技术制造业增加值"), abbreviates("供热改造投资", "供水、供热、污水等管网改造投资")
    (False, False)
    >>> abbreviates("规上工业增加值", "规上装备工业增加值")
    False
    """
    short, long = sorted((a, b), key=len)
    chars = {c for c in short if "\u4e00" <= c <= "\u9fff"} - _SHORT_JOINS
    if len(chars) < 5 or len(short) == len(long) or not chars <= set(long) or short in long:
        return False  # 制造业增加值 / 高技术制造业增加值: a name inside another is another scope, not a short form
    if _narrower_kind(long, short):
        return False  # 规上工业增加值 / 规上装备工业增加值: a kind put in between is a part, not the name written long
    items = [set(item) for item in long.split("、")[:-1]]
    own = [item - set().union(*(other for other in items if other is not item)) for item in items]
    if items and sum(1 for mine in own if mine & chars) < 2:
        return False  # 供热改造投资 / 供水、供热、污水…等管网改造投资: one item of the list, not all of it
    return bool(set(key_terms(short)) & set(key_terms(long)))


@lru_cache(maxsize=65536)
def name_similarity(a: str | None, b: str | None) -> float:
    """How surely two indicators name the same thing, 0–1 (see the module notes).

    >>> name_similarity("新增精品示范村", "新建精品示范村"), name_similarity("城镇新增就业", "新增就业")
    (1.0, 1.0)
    >>> round(name_similarity("实施亿元以上技改项目", "实施亿元以上重点技改项目"), 2)
    0.85
    >>> name_similarity("居民消费价格涨幅", "城镇新增就业")
    0.0
    >>> name_similarity("社会物流总费用占地区生产总值的比重", "工业增加值占地区生产总值比重")
    0.0
    >>> name_similarity("省重大项目", "省重大项目投资"), round(name_similarity("新增商业营业面积", "新增商业面积"), 2)
    (0.5, 0.84)
    >>> round(name_similarity("农村标准化卫生改厕", "改造农户厕所"), 2)  # 户厕改造, whichever way it is said
    0.81
    """
    if not a or not b:
        return 0.0
    turned = [_DONE_TO_FIRST.sub(r"\g<what>\g<deed>", core(x)) for x in (a, b)]
    plain = _name_similarity(a, b)
    if turned != [core(a), core(b)]:
        # 改造农户厕所 / 农村标准化卫生改厕: the deed said before its object or after it (户厕改造), when that makes
        # them alike enough to pair (not one deed done to other things: 改造城镇老旧小区 / 城镇管线改造)
        again = _name_similarity(*turned)
        return again if again >= PAIR_MIN and again > plain else plain
    return plain


def _name_similarity(a: str, b: str) -> float:
    """:func:`name_similarity` of two names as they are written."""
    ka, kb = _alias_key(a), _alias_key(b)
    if ka and kb:
        return 1.0 if ka == kb else 0.0
    ca, cb = core(a), core(b)
    if not ca or not cb:
        return 0.0
    if ca == cb:
        return 1.0
    kinds_a, kinds_b = _kinds(ca), _kinds(cb)
    if kinds_a and kinds_b and kinds_a.isdisjoint(kinds_b):
        return 0.0  # 高铁通车里程 / 高速公路通车里程: kinds that exclude one another
    if _narrower_kind(ca, cb) or _narrower_kind(cb, ca):
        return 0.0  # 制造业增加值 / 高技术制造业增加值, 公路 / 高速公路: a part of the kind, not the kind
    sa, sb = _SHARE.match(ca), _SHARE.match(cb)
    if sa and sb:  # two shares: the same part of the same whole (工业增加值占… is not 物流总费用占…)
        whole = name_similarity(sa.group(2), sb.group(2))
        return name_similarity(sa.group(1), sb.group(1)) if whole >= 0.5 else 0.0
    for x, y in ((ca, cb), (_surface(a), _surface(b))):
        short, long_ = sorted((x, y), key=len)
        if len(short) >= 2 and long_.endswith(short):
            # a one-word head (项目, 里程) says less than a phrase (公共文化空间)
            # …and so does a bare rate or amount (利用率, 产值) against a name that says of what
            bare = len(_words(short)) == 1 and (len(short) <= 2 or (len(short) == 3 and short[-1] in "率量额值"))
            base = 0.5 if bare else 0.7
            return round(base + 0.3 * len(short) / len(long_), 4)
    conj = _conjunct_similarity(a, b)
    if conj is not None:
        return conj
    short, long_ = sorted((ca, cb), key=len)
    ba, bb = _bigrams(ca), _bigrams(cb)
    dice = 2 * len(ba & bb) / (len(ba) + len(bb))
    by_terms = max(_term_overlap(a, b), _abbreviation(a, b))
    if len(short) >= 2 and long_.startswith(short):
        if _same_tail(a, b, ca, cb):  # 新增商业营业面积 / 新增商业面积: one measure, a word put in between
            xa, xb = _bigrams(_surface(a)), _bigrams(_surface(b))
            return round(max(0.35 + 0.65 * 2 * len(xa & xb) / (len(xa) + len(xb)), by_terms), 4)
        return round(max(min(0.5, dice), by_terms), 4)  # 省重大项目 / 省重大项目投资: another head
    if _head(ca) == _head(cb) and len(_head(ca)) >= 2:
        if _siblings(ca, cb) == 0.0:  # 文旅重大项目 / 自治区重大项目, 交通投资 / 水利投资: one head, other kinds
            return round(max(0.35, by_terms), 4)
        return round(max(0.35 + 0.65 * dice, by_terms), 4)
    return round(max(dice, by_terms), 4)


def _same_tail(a: str, b: str, ca: str, cb: str) -> bool:
    """Whether two names end on the same words that their cores (``ca``, ``cb``) leave out (面积 of 新增商业营业面积
    and 新增商业面积), so that one core opening the other is a word put in, not another head."""
    sa, sb = _surface(a), _surface(b)
    if not (sa.startswith(ca) and sb.startswith(cb)):
        return False
    ta, tb = sa[len(ca) :], sb[len(cb) :]
    return bool(ta) and ta == tb


#: Money named by what it pays for (中央财政资金支持…, 国债资金用于…; :func:`policydiff.extract.indicator.paid_for`).
_FUND_FOR = re.compile(rf"资金(?:{'|'.join(PURPOSE_VERBS)})")


def _without_payer(a: str | None, b: str | None) -> tuple[str | None, str | None]:
    """Two names without the payer both open on, the names as they are otherwise.

    >>> _without_payer("中央财政加快社会保障体系建设", "中央财政国债资金支持节能工程建设")
    ('加快社会保障体系建设', '国债资金支持节能工程建设')
    >>> _without_payer("中央财政科技投入", "科技投入")
    ('中央财政科技投入', '科技投入')
    """
    ra, rb = _PAYER_RE.sub("", a or ""), _PAYER_RE.sub("", b or "")
    if ra == (a or "") or rb == (b or "") or len(ra) < 2 or len(rb) < 2:
        return a, b
    return ra, rb


def _purpose(indicator: str | None) -> str:
    """What a payer's money is for, when its name says who pays, the purpose and a money word only (中央财政就业
    专项资金 -> 就业); '' otherwise.

    >>> _purpose("中央财政就业专项资金"), _purpose("中央财政用于“三农”的支出"), _purpose("中央财政投入")
    ('就业', '三农', '')
    >>> _purpose("就业专项资金"), _purpose("中央财政社会保障资金")
    ('', '社会保障')
    """
    text = normalise(indicator or "")
    payer = _PAYER_RE.match(text)
    if not payer:
        return ""
    rest = re.sub(r"^(?:将|拟|安排|用于)+", "", text[payer.end() :])
    funds = re.search(f"(?:{_FUNDS_RE.pattern})+$", rest)
    if not funds:
        return ""
    purpose = rest[: funds.start()].removesuffix("的")
    return purpose if len(purpose) >= 2 else ""


def _conjunct_similarity(a: str, b: str) -> float | None:
    """How alike a name joining two things (A和B, A及B, A与B) is to a plain name, read on its first thing: a
    figure said of both is most often the first's (各类燃煤小锅炉淘汰和清洁能源替代 178座 / 燃煤锅炉拆改 178座).
    0.05 below the first thing's own similarity, and only when that reaches :data:`PAIR_MIN`; None otherwise.
    The second thing is left alone: it often shares the whole's head (基础设施和项目建设投资 is not 项目建设投资).

    >>> _conjunct_similarity("各类燃煤小锅炉淘汰和清洁能源替代", "燃煤锅炉拆改")
    0.75
    >>> _conjunct_similarity("基础设施和项目建设投资", "重点工业项目完成投资") is None
    True
    >>> _conjunct_similarity("城区小街小巷道路改造及雨污分流治理", "小街小巷改造提升及雨污管网建设")
    0.75
    """
    firsts = [_first_thing(x) for x in (a, b)]
    if all(firsts):  # 城区小街小巷道路改造及雨污分流治理 / 小街小巷改造提升及雨污管网建设: the first things alike
        first = name_similarity(firsts[0], firsts[1])
        return round(first - 0.05, 4) if first >= PAIR_MIN else None
    for other, thing in ((b, firsts[0]), (a, firsts[1])):
        if thing and not re.search("[和及与、]", core(other)):
            first = name_similarity(thing, other)
            if first >= PAIR_MIN:
                return round(first - 0.05, 4)
    return None


def _first_thing(name: str) -> str:
    """The first of the two things a name joins with 和, 及 or 与 (each four characters or more), else ''."""
    parts = re.split("[和及与]", core(name))
    return parts[0] if len(parts) == 2 and all(len(p) >= 4 for p in parts) else ""


#: Words that say what is done to a thing or how it is framed, not what it is: left out when two indicators'
#: words are compared as sets (公厕新建改造 / 新建改造公厕, 矿山生态修复 / 矿山生态修复工程).
_DOING_TERMS = frozenset(
    INCREMENT_VERBS
    + _ACTION_VERBS
    + ("改造", "新建", "提升", "改建", "改扩建", "扩建", "拆改", "装修", "工程", "目标", "任务", "计划", "行动")
)


#: A noun made from a word by 化 names what the word names (现代化牧场 / 现代牧场): compared without it.
_UNDERIVED = re.compile(r"(?<=..)化$")
_FRAMING_END = re.compile(r"(?<=..)(?:工程|项目|目标|任务|计划|行动)$")


def _abbreviation(a: str, b: str) -> float:
    """0.75 when the shorter name (three characters or more, quotes left out) is the longer one's abbreviation:
    its characters in order within a stretch at most 1.5 times its length — twice when the report quotes it
    as a name — ending where the longer ends (“教共体”覆盖率 / 基础教育发展共同体覆盖率, 六大系统实战应用 /
    六大系统贯通实战应用); else 0.

    >>> _abbreviation("“教共体”覆盖率", "基础教育发展共同体覆盖率"), _abbreviation("科技企业", "各类科技型中小企业")
    (0.75, 0.0)
    """
    (qa, a), (qb, b) = ((bool(_QUOTED.search(x)), re.sub(r"[“”\"'‘’「」]", "", core(x))) for x in (a, b))
    (quoted, short), (_, long_) = sorted(((qa, a), (qb, b)), key=lambda x: len(x[1]))
    if len(short) < 3 or len(short) == len(long_) or short[-1] != long_[-1]:
        return 0.0
    pos, first = len(long_), None
    for ch in reversed(short):  # match from the end: the head is shared
        pos = long_.rfind(ch, 0, pos)
        if pos < 0:
            return 0.0
        first = pos
    assert first is not None
    return 0.75 if len(long_) - first <= (2 if quoted else 1.5) * len(short) else 0.0


def _object_terms(indicator: str) -> frozenset[str]:
    """Key terms of an indicator without action and framing words (水利工程 → 水利: jieba keeps it one word)."""
    return frozenset(_FRAMING_END.sub("", _UNDERIVED.sub("", w)) for w in key_terms(indicator) if w not in _DOING_TERMS)


def _term_overlap(a: str, b: str) -> float:
    """Similarity of two indicators as sets of words, action and framing words left out: the same words in
    another order (改造农村厕所 / 农村厕所改造) 0.9, one name's words all inside the other's (年产黑木耳 /
    黑木耳年产干耳) 0.7–0.9 by how much of the longer they cover; else 0. A lone word counts only when it has
    three characters or more (保暖房, not 企业), and never when it is a measure alone (投资, 产值).

    >>> _term_overlap("公厕新建改造", "新建改造公厕"), _term_overlap("年产黑木耳", "黑木耳年产干耳")
    (0.9, 0.8333)
    >>> _term_overlap("企业", "新注册企业"), _term_overlap("投资计划", "工程投资")
    (0.0, 0.0)

    A word made by 化 counts as the word it is made from (现代化牧场 / 现代牧场):

    >>> _term_overlap("现代牧场建设", "建成现代化牧场")
    0.9
    """
    ta, tb = _object_terms(a), _object_terms(b)
    small, big = sorted((ta, tb), key=len)
    if not small or not small <= big:
        return 0.0
    if len(small) == 1 and len(next(iter(small))) < 3 and len(big) > 1:
        return 0.0
    if len(small) == 1 and _OTHER_MEASURE.fullmatch(next(iter(small))):
        return 0.0  # 投资计划 / 工程投资: an amount alone says not of what
    if small == big:
        return 0.9 if len(small) > 1 or len(next(iter(small))) >= 2 else 0.0
    if len(small) / len(big) < 0.5:  # the longer names much more (燃煤锅炉 / 各类燃煤锅炉废气治理)
        return 0.0
    return round(0.7 + 0.2 * len(small) / len(big), 4)


def narrower_scope(target_indicator: str | None, result_indicator: str | None) -> str | None:
    """The zone a result's indicator adds in front of the target's (沿边临港产业园区工业投资 vs 工业投资).

    >>> narrower_scope("工业投资", "沿边临港产业园区工业投资"), narrower_scope("公共文化空间", "新型公共文化空间")
    ('沿边临港产业园区', None)
    """
    ct, cr = core(target_indicator), core(result_indicator)
    if ct and cr != ct and cr.endswith(ct):
        extra = cr[: -len(ct)]
        if _NARROWER.search(extra):
            return extra
    return None


# ---------------------------------------------------------------------------
# Units, measures, periods
# ---------------------------------------------------------------------------


def units_convert(unit_a: str | None, unit_b: str | None) -> bool:
    """Units that measure the same thing (:func:`policydiff.delivery.comparable`: magnitudes convert,
    the counting words 个/项/家/所 … are one unit, 人/名 another, % and 个百分点 stay apart).

    >>> units_convert("项", "个"), units_convert("人", "名"), units_convert("万人", "人")
    (True, True, True)
    >>> units_convert("%", "个百分点")
    False
    """
    return comparable(unit_a, unit_b)


_GROUP = {"level": "amount", "count": "amount", "growth": "growth", "change": "change", "rate": "rate"}


def measures_agree(target: Any, result: Any) -> bool:
    """Whether a result measures what the target does (an amount of change answers an amount).

    >>> from types import SimpleNamespace as R
    >>> measures_agree(R(measure="level", unit="万人"), R(measure="change", unit="万人"))
    True
    >>> measures_agree(R(measure="growth", unit="%"), R(measure="level", unit="亿元"))
    False
    """
    gt, gr = _GROUP.get(target.measure or ""), _GROUP.get(result.measure or "")
    if gt is None or gr is None or gt == gr:
        return True
    amounts = {gt, gr} == {"amount", "change"}
    return amounts and "%" not in (target.unit or "") + (result.unit or "")


def clause_before(rec: Any, text: str | None = None) -> str:
    """The words of a record's clause before its figure (from the report text when given, else
    from its sentence).

    >>> from types import SimpleNamespace as R
    >>> clause_before(R(sentence="五年来，制造业投资年均增长12.2%。", value=12.2, start=0))
    '制造业投资年均增长'
    """
    before = _text_before(rec, text, 60)
    cut = max(before.rfind(ch) for ch in _CLAUSE_STOP)
    return before[cut + 1 :]


def _text_before(rec: Any, text: str | None, span: int) -> str:
    """The report text before a record's figure, at most ``span`` characters of it, or the words of its
    sentence before the figure when no text is given."""
    if text is not None and 0 <= rec.start <= len(text):
        return text[max(0, rec.start - span) : rec.start]
    s, i = rec.sentence or "", _figure_index(rec)
    return s[:i] if i >= 0 else s


def _figure_index(rec: Any) -> int:
    """Where a record's figure stands in its sentence, -1 when it is not found: the value with its unit first, not
    a digit of another figure (…占GDP比重突破2.7%…、全国重点实验室2家: the 2 of 2家), in full-width digits too
    (６０００万 is 6000万, one character for one).

    >>> from types import SimpleNamespace as R
    >>> _figure_index(R(sentence="比重突破2.7%、全国重点实验室2家", value=2, unit="家"))
    16

    When the figure stands more than once, the one whose clause says most of the record's name is its own
    (国内生产总值增长5.5%左右；…城镇调查失业率全年控制在5.5%以内):

    >>> s = "国内生产总值增长5.5%左右；城镇调查失业率全年控制在5.5%以内"
    >>> _figure_index(R(sentence=s, value=5.5, unit="%", indicator="城镇调查失业率")) == s.rindex("5.5")
    True
    """
    v = rec.value
    if v is None:
        return -1
    s, figure = fold(rec.sentence or ""), rf"(?<![\d.]){re.escape(_fmt(v))}(?![\d.])"
    unit = re.escape(getattr(rec, "unit", None) or "")
    found = list(re.finditer(rf"{figure}(?:多|余)?{unit}", s)) or list(re.finditer(figure, s))
    if len(found) > 1:
        name = set(getattr(rec, "indicator", None) or "")

        def said(m: re.Match[str]) -> int:  # how many of the name's characters its clause says
            cut = max(s.rfind(ch, 0, m.start()) for ch in _CLAUSE_STOP)
            return len(name & set(s[cut + 1 : m.start()]))

        found.sort(key=said, reverse=True)  # stable: of equals, the first
    return found[0].start() if found else -1


def _left_out(rec: Any, text: str | None = None) -> re.Match[str] | None:
    """The part left out of a figure's scope, said in its own clause or in a clause of its own right before it
    (扣除房地产开发投资后，固定资产投资增长2.7%); not one said of an earlier figure of the sentence.

    >>> from types import SimpleNamespace as R
    >>> _left_out(R(sentence="扣除房地产开发投资后，固定资产投资增长2.7%。", value=2.7, start=0)).group()
    '扣除房地产开发投资后'
    >>> _left_out(R(sentence="扣除房地产开发投资后固定资产投资增长2.7%，社会消费品零售总额增长4%。", value=4, start=0))
    """
    before = _text_before(rec, text, 60)
    before = before[max(before.rfind(ch) for ch in "。；;") + 1 :]
    clauses = re.split(r"[，,]", before)
    own = _LEFT_OUT.search(clauses[-1])
    if own or len(clauses) < 2:
        return own
    return _LEFT_OUT.fullmatch(clauses[-2])


def period_issue(target: Any, result: Any, clause: str = "") -> tuple[bool, str | None]:
    """For a result with a multi-year ``period``: (comparable, note). Single-year results: (True, None).

    >>> from types import SimpleNamespace as R
    >>> t = R(period=None, measure="rate", indicator="研发投入强度", unit="%", year=2025)
    >>> period_issue(t, R(period="2021-2025", measure="rate", indicator="研发投入强度", unit="%"), "研发投入强度达")
    (True, 'end-of-period level of 2021-2025 read as 2025')
    >>> r = R(period="2021-2025", measure="growth", indicator="制造业投资", unit="%")
    >>> period_issue(t, r, "制造业投资年均增长")[1]
    'a 2021-2025 figure (年均), not one year'
    >>> period_issue(t, R(period="2021-2025", measure="count", indicator="重点民生实事", unit="项"), "每年实施")
    (True, 'every year of 2021-2025, 2025 included')
    >>> plays = R(period=None, measure="level", indicator="免费送戏下乡", unit="万场", year=2025, value=1,
    ...           sentence="免费送戏下乡1万场", start=0)
    >>> period_issue(plays, R(period="2021-2025", measure="level", indicator="免费送戏下乡", unit="万场"), "超")[1]
    'a 2021-2025 total (场 held over the period), not one year'
    """
    rp, tp = getattr(result, "period", None), getattr(target, "period", None)
    if rp == tp:
        return True, None
    if rp is None:
        return True, None  # a multi-year target against one year: judged as stated
    m = _PERIOD_WORDS.search(clause)
    if m:
        return False, f"a {rp} figure ({m.group()}), not one year"
    if _EVERY_YEAR.search(clause) and getattr(target, "year", None) is not None:
        return True, f"every year of {rp}, {target.year} included"  # 每年实施20项重点民生实事
    if (result.measure or "") in ("growth", "change"):
        return False, f"a {rp} figure (a change over the period), not one year"
    rates = result.measure == "rate" and getattr(target, "measure", None) == "rate"  # a share is a level
    if not rates and (is_increment(result.indicator) or _adds(target)):
        return False, f"a {rp} figure (increments over the period), not one year"
    done = _ACTIVITY.search(normalise(result.indicator or "") + clause)
    said = clause_before(target) if not rates and done else ""
    running = "累计" in said  # 累计实现…21个村庄污水治理: the target itself is a running total
    if not rates and not running and done and _ACTIVITY.search((target.indicator or "") + said):
        return False, f"a {rp} total ({done.group()}), not one year"
    unit = unit_scale(getattr(result, "unit", None))[1]
    if unit in EVENT_UNITS and unit == unit_scale(getattr(target, "unit", None))[1]:
        return False, f"a {rp} total ({unit} held over the period), not one year"  # 免费送戏下乡超8万场
    end = rp.rsplit("-", 1)[-1]
    if getattr(target, "year", None) is not None and end != str(target.year):
        return False, f"a {rp} figure, not {target.year}"
    return True, f"end-of-period level of {rp} read as {end}"


# ---------------------------------------------------------------------------
# Linking
# ---------------------------------------------------------------------------


@dataclass
class Candidate:
    """A figure that may answer a target, with its score and the evidence for it."""

    result: Record
    score: float
    similarity: float
    comparable: bool  # units, measures and period allow judging
    reason: str | None  # why it does not compare (units, measures, period, scope)
    evidence: list[str] = field(default_factory=list)

    def brief(self) -> dict[str, Any]:
        """A short plain form for output: indicator, figure, year, period, offsets, score, evidence."""
        r = self.result
        return {
            "indicator": r.indicator,
            "value": r.value,
            "value_high": r.value_high,
            "unit": r.unit,
            "year": r.year,
            "period": r.period,
            "start": r.start,
            "end": r.end,
            "score": self.score,
            "evidence": "; ".join(self.evidence),
        }


@dataclass
class Link:
    """What links a target to another report: one result, several parts (a split), or nothing.

    ``status``: ``linked`` (judge it), ``not comparable`` (a linked figure that cannot be judged;
    ``reason`` says why), ``split`` (``parts`` answer it together), ``unclear`` (``candidates``
    below the threshold) or ``not reported``.
    """

    target: Record
    status: str
    result: Record | None = None
    score: float | None = None
    evidence: list[str] = field(default_factory=list)
    reason: str | None = None
    parts: list[Record] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)


_THEME_CACHE: dict[str, frozenset[str]] = {}


def _themes(rec: Any) -> frozenset[str]:
    key = f"{rec.indicator or ''}"
    got = _THEME_CACHE.get(key)
    if got is None:
        from .themes import text_themes

        got = frozenset(text_themes(key).themes)
        if len(_THEME_CACHE) > 20000:
            _THEME_CACHE.clear()
        _THEME_CACHE[key] = got
    return got


def _fmt(x: Any) -> str:
    if x is None:
        return "?"
    x = round(float(x), 6)
    return str(int(x)) if x == int(x) else f"{x:g}"


def quoted_names(rec: Any, text: str | None = None) -> frozenset[str]:
    """Names in quotation marks in the record's sentence up to its figure (科技“尖锋”行动 → 尖锋).

    >>> from types import SimpleNamespace as R
    >>> r = R(sentence="启动新一轮科技“尖锋”行动，实施100个以上关键技术攻关项目。", value=100, start=0)
    >>> sorted(quoted_names(r))
    ['尖锋']
    """
    before = _text_before(rec, text, 80)
    before = before[max(before.rfind(ch) for ch in "。；;！!？?\n") + 1 :]
    # a name before another figure belongs to that figure (“湘商回归”…，新增百亿企业10家、专精特新企业800家)
    before = re.split(r"\d", before)[-1]
    own = core(getattr(rec, "indicator", None))
    head = own[-2:] if len(own) >= 2 else ""
    here = max(before.rfind(ch) for ch in "，,")
    # a quoted name in a clause before, followed by the figure's own head noun, names other things of that kind
    # (实施一批“两重”项目和…，抓好616个省级重点工程年度建设项目), not the programme the figure's things belong to
    found = [
        m.group(1)
        for m in _QUOTED.finditer(before)
        if not (head and m.end() <= here and before.startswith(head, m.end()))
    ]
    return frozenset(found + _QUOTED.findall(getattr(rec, "indicator", None) or ""))


def unit_named(indicator: str | None, unit: str | None) -> str:
    """An indicator's core without a measure word its unit already says (:data:`policydiff.lexicon.UNIT_MEASURES`).

    >>> unit_named("高速公路通车里程", "公里"), unit_named("高速公路通车里程", "条"), unit_named("新能源装机", "万千瓦")
    ('高速公路', '高速公路通车里程', '新能源')
    """
    text = core(indicator)
    base = unit_scale(unit)[1] if unit else ""
    for word, units in UNIT_MEASURES:
        if base in units and text.endswith(word) and len(text) >= len(word) + 2:
            return text[: -len(word)]
    return text


def _same_subject(target: Record, result: Record) -> str | None:
    """The measure word when the result values the things the target counts (省重大项目 500个 / 省重大项目完成投资
    7290亿元). Not the other way round (省级重点产业链营业收入 / 打造省级重点产业链16条), nor for things the target
    adds (新增规上工业企业 / 规上工业企业营收: the new firms are not all firms)."""
    ct, cr = core(target.indicator), core(result.indicator)
    if target.measure != "count" or is_increment(target.indicator):
        return None
    short, long_ = ct, cr
    if len(short) >= 3 and long_.startswith(short) and len(long_) > len(short):
        m = _OTHER_MEASURE.fullmatch(long_[len(short) :])
        if m:
            return m.group()
    return None


def same_deed(a: str | None, b: str | None, noun: str) -> bool:
    """Whether two names count the things of one general noun by a deed of one class (:data:`DEED_CLASSES`): the
    target's name opens on the verb (after its lead words) and the result's says it before the noun.

    >>> same_deed("引进项目", "招引项目", "项目"), same_deed("实施项目", "实施重点项目", "项目")
    (True, True)
    >>> same_deed("引进项目", "入统投资项目", "项目"), same_deed("完成投资", "完成投资", "投资")
    (False, False)
    >>> same_deed("项目投产达效", "新投产项目", "项目")  # the target's deed after its things
    True
    """
    a, b = re.sub(r"^(?:全年|今年|力争|计划)+", "", a or ""), b or ""
    before = b[: b.rfind(noun)] if noun in b else ""
    a = a.removeprefix(noun) if noun else a  # 项目投产达效: the deed said after the things
    for verbs in DEED_CLASSES:
        if any(a.startswith(v) for v in verbs) and any(v in before for v in verbs):
            return True
    return False


def _generic(target: Record, result: Record, common: frozenset[str]) -> str | None:
    """The one common word two indicators share when that is all that links them (项目, 投资; 道路 for 道路工程).

    >>> from types import SimpleNamespace as R
    >>> _generic(R(indicator="道路工程"), R(indicator="道路改扩建"), frozenset({"道路"}))
    '道路'
    >>> _generic(R(indicator="重点农牧业项目投资"), R(indicator="项目投资"), frozenset({"项目", "投资"}))
    '项目投资'
    """
    short = re.sub(r"(?<=..)工程$", "", min(core(target.indicator), core(result.indicator), key=len))  # 道路工程
    terms = key_terms(short) or (short,)
    if len(terms) == 1 and terms[0] in common and len(short) <= len(terms[0]) + 1:
        return terms[0]
    # 重点农牧业项目投资 / 项目投资: the result's name is the end of the target's and only common, general words;
    # the target's own words (农牧业) say the result is of more than its things
    long = core(target.indicator)
    if (
        short == core(result.indicator) != long
        and long.endswith(short)
        and len(terms) > 1
        and all(term in common and word_frequency(term) >= GENERAL_FREQ for term in terms)
        and key_terms(long[: -len(short)])
    ):
        return short
    return None


def candidate(
    target: Record,
    result: Record,
    *,
    text: str | None = None,
    periods: bool = True,
    common: frozenset[str] = frozenset(),
    floor: float = UNCLEAR_MIN,
) -> Candidate | None:
    """Score one result against one target; None when their names do not link at all.

    ``periods`` False (the target diff) skips the period rules. ``text`` is the result's report
    text (for the clause before its figure). ``common``: words found in many of the other report's
    indicators; a link through one of them alone stays below :data:`PAIR_MIN`. ``floor``: the lowest score
    returned (:data:`UNCLEAR_MIN`; lower for the same-figure rule).
    """
    same_metric = target.metric is not None and target.metric == result.metric
    sim = 1.0 if same_metric else name_similarity(target.indicator, result.indicator)
    if not same_metric and (_FUND_FOR.search(target.indicator or "") or _FUND_FOR.search(result.indicator or "")):
        paid = _without_payer(target.indicator, result.indicator)  # only for money named by what it pays for
        if paid != (target.indicator, result.indicator) and name_similarity(*paid) < UNCLEAR_MIN:
            return None  # 中央财政加快社会保障体系建设 / 中央财政资金支持节能工程建设: alike only in who pays
    purposes = _purpose(target.indicator), _purpose(result.indicator)
    if not same_metric and all(purposes):
        if name_similarity(*purposes) < UNCLEAR_MIN:
            return None  # 中央财政就业投入 / 中央财政医疗卫生支出: the same payer's money for other things
        if purposes[0] == purposes[1]:
            sim = max(sim, SAME_NAME)  # 中央财政就业投入 / 中央财政就业专项资金: its money for the same thing
    whole_part = _whole_or_part(target, result) if sim < SAME_NAME else None
    if whole_part:
        sim = SAME_NAME
    if sim < SAME_NAME and units_convert(target.unit, result.unit):
        named_t, named_r = unit_named(target.indicator, target.unit), unit_named(result.indicator, result.unit)
        if named_t == named_r and (named_t, named_r) != (core(target.indicator), core(result.indicator)):
            sim = SAME_NAME  # 高速公路通车里程 9300公里 / 高速公路 9310公里: the unit names the measure
    sentence = result.sentence or ""
    ref = _REFERENCE.search(sentence)
    quoted = (
        ref is not None
        and target.value is not None
        and bool(re.search(r"原定|原计划|预定|预期", ref.group()))
        and f"{_fmt(target.value)}{target.unit or ''}" in ref.group()
    )
    if quoted:
        sim = max(sim, UNCLEAR_MIN)  # B names the target's own figure: the text ties them
    subject = None
    # a bare magnitude (2.3万农户…改造) takes the base of a figure named alike (1.62万户)
    convert = units_convert(target.unit, result.unit) or (sim >= BARE_MIN and bare_magnitude(target.unit, result.unit))
    if not convert and sim < 1.0:
        subject = _same_subject(target, result)
    names: frozenset[str] = frozenset()
    ct, cr = core(target.indicator), core(result.indicator)
    if len(ct) >= 2 and len(cr) >= 2 and ct[-2:] == cr[-2:]:
        # the same head noun (…项目) and a shared quoted programme name (科技“尖锋”行动): the text ties them
        names = quoted_names(target) & quoted_names(result, text)
        if names:
            sim = max(sim, UNCLEAR_MIN)
    short = abbreviates(ct, cr) if sim < PAIR_MIN else False
    if short:
        sim = PAIR_MIN  # 治理交通堵乱点 / 中心城区交通堵点乱点分类治理: a name written short, character by character
    kind = _kind_in(cr, ct) if periods and sim < UNCLEAR_MIN and not same_metric else None
    if kind:
        # 规上工业增加值 / 规上装备工业增加值: a part of the target's kind, judged by nothing, below the kind itself
        plain = name_similarity(target.indicator, (result.indicator or "").replace(kind, "", 1))
        sim = plain - 0.05 if plain >= PAIR_MIN else sim
        kind = kind if plain >= PAIR_MIN else None
    if sim < min(floor, UNCLEAR_MIN - 0.1):
        return None
    if not quoted and (ct in PAYER_NAMES or cr in PAYER_NAMES or names_only_funds(target.indicator)):
        return None  # 中央财政将安排832亿元 / 中央财政安排384亿元救灾款: who pays is no metric
    if not quoted and sim < 1.0 and names_only_funds(result.indicator):
        return None  # 中央财政此项支出98亿元 answers only a target named as it is
    level = levels_differ(target.indicator, result.indicator)
    if level:
        return None  # 新增省级先进制造业集群 / 国家先进制造业集群: other things
    if periods and is_size(target):
        return None  # 总投资1.78万亿元的289个省重点项目: the projects' size, no figure the year delivers
    ev: list[str] = []
    weak = False
    if _alias_key(target.indicator) is None and common:
        word = _generic(target, result, common)
        deed = word is not None and same_deed(target.indicator, result.indicator, word)
        if deed:
            word = None  # 引进项目 / 招引项目: one deed done to things of one general noun ties them
        head_too = sim >= SAME_NAME - 0.05 and min(ct, cr, key=len) != word  # 地产蔬菜产量 / 蔬菜产量: one head too
        if word and (same_metric or head_too) and word_frequency(word) < GENERAL_FREQ:
            word = None  # 蔬菜产量 / 蔬菜产量: common in this report, but a name of its own
        if word:  # 投资 / 投资: one common and general word is no metric of its own
            same_metric = False
            sim = min(sim, 0.6)
            ev.append(f"only the common word {word} links them")
            weak = True
        elif deed and sim < PAIR_MIN:
            sim = PAIR_MIN
            ev.append("the same deed done to them")
    score = sim
    if same_metric:
        ev.append(f"same metric {target.metric}")
    elif sim >= 1.0:
        ev.append(f"same indicator {core(target.indicator)}")
    else:
        shared = [w for w in key_terms(target.indicator) if w in key_terms(result.indicator)]
        ev.append(f"{target.indicator} ~ {result.indicator}" + (f" (shared {' '.join(shared)})" if shared else ""))
        if short:
            ev.append("one name is the other written short")
    reason = None
    cross = False
    if not convert:
        reason = f"{UNITS_DIFFER}: target {target.unit or '-'}, result {result.unit or '-'}"
    elif not measures_agree(target, result):
        reason = f"{MEASURES_DIFFER}: target {target.measure}, result {result.measure}"
    elif target.unit != result.unit:
        ev.append(f"unit {result.unit or '-'} → {target.unit or '-'}")
    if reason is None and whole_part:
        reason = whole_part
    if reason is None and kind:
        reason = f"a narrower kind ({kind})"
    if reason is None and _GROUP.get(target.measure or "") != _GROUP.get(result.measure or ""):
        if {_GROUP.get(target.measure or ""), _GROUP.get(result.measure or "")} == {"amount", "change"}:
            ev.append("amount of change read as the amount")
            cross = True
    # a figure in other units or measures links only for the very same indicator (or the same subject
    # measured otherwise: 省重大项目 500个 / 省重大项目完成投资 7290亿元); else it is a mere candidate
    if subject and reason is not None:
        ev.append(f"the same subject ({core(target.indicator)}) measured by its {subject}")
        score = max(score, PAIR_MIN)
    words_t = _object_terms(target.indicator or "")
    same_words = (
        sim >= SAME_NAME
        and (len(words_t) >= 2 or _specific_shared(target.indicator, result.indicator))
        and words_t == _object_terms(result.indicator or "")
        and (reason or "").startswith(UNITS_DIFFER)
        and {_GROUP.get(target.measure or ""), _GROUP.get(result.measure or "")} == {"amount"}
    )
    weak = weak or (reason is not None and sim < 1.0 and not same_words and not subject and reason != whole_part)
    clause = clause_before(result, text) if periods else ""
    if reason is None and periods:
        ok, note = period_issue(target, result, clause)
        if not ok:
            reason = note
            if _PERIOD_WORDS.search(clause) and not _AVERAGE.search((result.indicator or "") + clause):
                score -= 0.05  # prefer the figure that does not say it covers the period, or its yearly average
        elif note:
            ev.append(note)
        pt, pr = phase((target.indicator or "") + clause_before(target)), phase((result.indicator or "") + clause)
        if reason is None and pt and pr and pt != pr:
            reason = f"{pr}, not {pt}"
        if reason is None and pt is None and pr and advancing(target):
            reason = f"{pr}, not projects advanced"
        if reason is None and pt is None and _LAUNCHED.search(clause_before(target)):
            finished = _FINISHED.search((result.indicator or "") + clause)
            if finished and not _LAUNCHED.search((result.indicator or "") + clause):
                reason = f"works finished ({finished.group()}), not launched"  # 启动…36个村庄污水治理 / 完成21个
        if reason is None and _adds(target) and not is_increment(result.indicator):
            if re.search(
                r"总数|总量|保有量|营业里程|总里程|累计|达到|突破|总规模", normalise(result.indicator or "") + clause
            ):
                reason = "a stock, not an increment"
                if pt == "starts":
                    weak = True  # 新开工装机1000万千瓦 / 储能装机达到1900万千瓦: a stock grows by what is finished
        if (
            reason is None
            and is_increment(result.indicator)
            and not is_increment(target.indicator)
            and (bound_of(target.qualifier) == "floor" or _REACHES.search(clause_before(target)))
            and not _YEARS_WORK.search((target.indicator or "") + clause_before(target))  # 完成营造林100万亩以上
        ):
            reason = "the year's increment, not the level reached"  # 基地面积达到1亿亩 / 新增基地面积536万亩
        if reason is None and _STOCK.search(target.indicator or ""):
            done = (result.indicator or "") + clause
            if not _STOCK.search(done) and not _REACHES.search(clause) and _YEARS_WORK.search(done):
                reason = "the year's work, not the stock"  # 保障性租赁住房总量60万套 / 建设筹措7.4万套
        points = list(_POINT_IN_YEAR.finditer(clause_before(target)))  # the last is the nearest to the figure
        staged = points[-1].group("milestone") if points else None
        if reason is None and staged and _YEAR_END.search(target.sentence or ""):
            reason = f"a milestone of {staged}, before the year's end"  # 今年4月…超过200个、年底超过260个
        if reason is None and "全年" in clause_before(target) and re.search("年末|年底", clause):
            reason = "a year-end figure, not the whole year's"  # 失业率全年控制在5.5%以内 / 年末…降到5.5%
        season = _SEASON.search(clause_before(target))
        if reason is None and season and not _SEASON.search((result.indicator or "") + clause):
            reason = f"a season ({season.group()}), not the whole year"  # 新雪季…增速达到20% / 全年…增长20.7%
        left_out = _left_out(result, text)
        if reason is None and left_out and not _left_out(target):
            reason = f"a narrower scope: {left_out.group()}"  # 扣除房地产开发投资后，固定资产投资增长2.7%
    if (
        reason is None
        and periods
        and (target.unit or "").endswith("元")
        and ("总投资" in (target.indicator or "") + clause_before(target))
        != ("总投资" in (result.indicator or "") + clause)
    ):
        # 推进总投资103.7亿元的棚户区改造工程 / 全年投资90.07亿元, and the other way round
        reason = "a project's total investment, not the year's"
    scope = narrower_scope(target.indicator, result.indicator)
    if reason is None and scope:
        reason = f"a narrower scope ({scope})"
    elif scope:
        score -= 0.05  # 脱贫县农村居民人均可支配收入年均增长8.2%: a part, and over the period too
        ev.append(f"a narrower scope ({scope})")
    if reason is None and level is None:
        reason = "a narrower scope (a higher level only)"  # 省级以上专精特新企业 / 国家专精特新企业
    wider = _LIMITED.search(core(re.sub(r"[(（][^)）]*[)）]", "", target.indicator or "")))
    if reason is None and wider and sim < 1.0:
        alike = next(g for g in _LIMITED_GROUPS if wider.group() in g)
        # …unless the result's sentence opens on that scope (推进中心城区交通缓堵促畅，…治理交通堵乱点134处)
        lead = re.split(r"[，,；;：:]", result.sentence or "", maxsplit=1)[0]
        if wider.group() not in lead and not any(w in normalise(result.indicator or "") for w in alike):
            reason = f"a wider scope (the target counts {wider.group()} only)"  # 农村公路安全护栏 / 安全护栏
    graded = _GRADED.search(ct)
    if reason is None and graded and ct.replace(graded.group(), "", 1) == cr:
        reason = f"a wider set (the target counts {graded.group()} ones only)"  # 智能制造标杆企业 / 智能制造企业
    town = _TOWN.match(core(target.indicator))
    if reason is None and town and town.group() not in normalise(result.indicator or ""):
        reason = f"a wider scope (the target counts {town.group()} only)"  # 奋斗镇节水灌溉 / 新增节水灌溉面积
    items = core(result.indicator).split("、")
    if reason is None and len(items) > 1 and "、" not in core(target.indicator):
        if not all(_PLACE_END.search(x) for x in items[:-1]):  # 奋斗镇、建设办…: places (not 老旧小区、城中村)
            reason = f"{COMBINED} ({result.indicator})"  # 水利完成投资 / 交通、能源、水利完成投资
    works = other_works(target.indicator, result.indicator)
    if reason is None and works:
        reason, weak = works, True  # 新建道路4条 / 道路改造6条: other works on things of one name
    joint = joint_term(target.indicator, result.indicator)
    if reason is None and joint:
        reason = f"a wider set ({joint})"  # 勘探新增石油地质储量 / 勘探新增油气储量: oil and gas together
    firm = _FIRM.search(target.indicator or "")
    if reason is None and firm and firm.group() not in (result.indicator or ""):
        reason = f"a wider scope (the target counts {firm.group()} only)"  # 蒙能集团电力总装机 / 电力总装机规模
    if ref:
        if quoted:
            score += 0.3
            ev.append(f"B quotes the target: «{ref.group()}»")
        elif sim >= 0.5:
            score += 0.05
            ev.append(f"B ties it to a target: «{ref.group()}»")
    if names:
        score += 0.3
        ev.append("both name " + " ".join(f"“{n}”" for n in sorted(names)))
    tt, rt = _themes(target), _themes(result)
    if tt and rt and sim < 1.0:
        if tt & rt:
            score += 0.05
            ev.append("theme " + "/".join(sorted(tt & rt)))
        else:
            score -= 0.1
            ev.append("themes differ")
    if (
        reason is None
        and target.value
        and result.value
        and _GROUP.get(target.measure or "") == "amount"
        and _GROUP.get(result.measure or "") in ("amount", "change")
    ):
        ratio = abs(result.value * unit_scale(result.unit)[0] / (target.value * unit_scale(target.unit)[0]))
        if (ratio > RATIO_MAX or ratio < 1 / RATIO_MAX) and not same_metric:
            return None  # 投资总规模100亿元 / 投资4360万元: another thing, whatever the names
        if ratio > RATIO_MAX or ratio < 1 / RATIO_MAX:
            score -= 0.2
            ev.append(f"figure {ratio:.3g}× the target")
        elif periods and ratio > STOCK_RATIO and _years_work(target) and not is_increment(result.indicator):
            reason = f"a stock, not an increment ({ratio:.3g}× the target)"
    if reason is None and periods and sim >= 0.5 and target.value and result.value and target.unit and result.unit:
        shown = result.value * unit_scale(result.unit)[0] / unit_scale(target.unit)[0]
        if abs(shown - target.value) < 1e-9 * max(1.0, abs(target.value)) and not _round_small(target.value):
            score += 0.05  # 1.3亿元的供水主管网改造 for 自来水管网改造…1.3亿元: the target's own figure, done
            ev.append("the target's own figure")
    # the same measure first (a level for the level, its change for the change), whatever the bonuses
    score = round(min(score, PAIR_MIN - 0.01 if weak else 1.0) - (0.05 if cross else 0.0), 4)
    if score < floor:
        return None
    return Candidate(result, score, sim, reason is None, reason, ev)


#: Words of building anew and of rebuilding what is there: works of one and of the other are other works.
_NEW_WORKS = re.compile(r"新建(?!改|及改|和改)")
_OLD_WORKS = re.compile(r"改造|改建|翻修")


def other_works(target_indicator: str | None, result_indicator: str | None) -> str | None:
    """Why a figure of works does not answer a target of works on things of one name: one builds anew, the other
    rebuilds (新建道路 / 道路改造); None when both or neither say so.

    >>> other_works("新建道路", "道路改造"), other_works("改造老旧管网", "新建管网")
    ('new works, not renovation', 'renovation, not new works')
    >>> other_works("新建和改造高标准农田", "改造提升高标准农田"), other_works("道路", "道路改造")
    (None, None)
    """
    t, r = target_indicator or "", result_indicator or ""
    new_t, new_r = bool(_NEW_WORKS.search(t)), bool(_NEW_WORKS.search(r))
    old_t, old_r = bool(_OLD_WORKS.search(t)), bool(_OLD_WORKS.search(r))
    if new_t and old_r and not (new_r or old_t):
        return "new works, not renovation"
    if old_t and new_r and not (old_r or new_t):
        return "renovation, not new works"
    return None


def joint_term(target_indicator: str | None, result_indicator: str | None) -> str | None:
    """The word of the result's name that covers what the target's name says by one part of it
    (:data:`policydiff.lexicon.JOINT_TERMS`), or None.

    >>> joint_term("勘探新增石油地质储量", "勘探新增油气储量"), joint_term("为企业和个人减税", "减税降费")
    ('油气 covers 石油 and more', '减税降费 covers 减税 and more')
    >>> joint_term("外贸进出口总额", "进出口总额"), joint_term("出口", "出口额")
    (None, None)
    >>> joint_term("改建农村公路", "新建改建农村公路"), joint_term("新建改建农村公路", "新改建农村公路")
    ('新建改建 covers 改建 and more', None)
    """
    t, r = target_indicator or "", result_indicator or ""
    for joint, parts in JOINT_TERMS.items():
        if joint not in r or any(j in t for j, ps in JOINT_TERMS.items() if set(ps) >= set(parts)):
            continue  # 新改建 / 新建改建农村公路: the same joint word written otherwise
        part = next((p for p in parts if p in t), None)
        if part:
            return f"{joint} covers {part} and more"
    return None


def _round_small(value: float) -> bool:
    """A figure so plain that two unrelated things share it by chance (1-10, 20, 50, 100 …)."""
    return value == int(value) and (value <= 10 or int(value) in (20, 30, 50, 100, 200, 500, 1000))


#: A company named in an indicator (蒙能集团电力总装机): its own figure, not the region's.
_FIRM = re.compile(r"^[\u4e00-\u9fff]{2,8}?(?:集团|公司)")

#: Levels of government a name can say its things belong to, highest first (国家级 labs are not 省级 ones).
_LEVELS = (
    re.compile(r"国家级|国家|全国"),
    re.compile(r"省级|自治区级|全省|^省(?![会份])"),
    re.compile(r"市级|全市|^市(?![场民容政区县值])"),
    re.compile(r"县级|全县|^县(?![域城])"),
)
#: 省级以上: this level and those above it.
_AND_ABOVE = re.compile(r"级?以上")


def name_level(indicator: str | None) -> tuple[int, bool] | None:
    """The level a name gives its things (0 national … 3 county) and whether it adds 以上; None for none or
    for a name that gives two (省市重点项目).

    >>> name_level("新增省级先进制造业集群"), name_level("国家先进制造业集群"), name_level("省级以上专精特新企业")
    ((1, False), (0, False), (1, True))
    >>> name_level("省市重点项目"), name_level("先进制造业集群"), name_level("市场主体"), name_level("县域经济")
    (None, None, None, None)
    """
    text = core(indicator)
    if re.match(r"(?:省市|市县|国家和省|省和市)", text):
        return None  # 省市重点项目, 省市县重点项目: more than one level
    found = [(i, m) for i, rx in enumerate(_LEVELS) for m in [rx.search(text)] if m]
    if len(found) != 1:
        return None
    i, m = found[0]
    return i, bool(_AND_ABOVE.match(text, m.end()))


def levels_differ(target: str | None, result: str | None) -> bool | None:
    """True when two names put their things at other levels of government (省级先进制造业集群 / 国家先进制造业
    集群), None when the result's level is within a target's 以上 (省级以上 / 国家), False otherwise."""
    lt, lr = name_level(target), name_level(result)
    if lt is None or lr is None or lt[0] == lr[0]:
        return False
    return None if lt[1] and lr[0] < lt[0] else True


def _whole_or_part(target: Record, result: Record) -> str | None:
    """The reason a result does not judge a target when one is the other's whole (居民人均可支配收入 for 城镇…,
    进出口 for 出口) or one of its parts; None when neither is.

    >>> from types import SimpleNamespace as R
    >>> _whole_or_part(R(indicator="出口"), R(indicator="进出口"))
    'the whole, not the 出口 part'
    >>> _whole_or_part(R(indicator="进出口总额"), R(indicator="外贸出口总额"))
    'only the 出口 part of the whole'
    """
    part = _is_part(result, target) or _named_part(result, target)
    if part:
        return f"{WHOLE_NOT_PART} {part} part"
    part = _is_part(target, result) or _named_part(target, result)
    return f"only the {part} part of the whole" if part else None


def _named_part(whole: Record, part: Record) -> str | None:
    """The part a name gives of another's whole by a word of its own (:data:`policydiff.lexicon.WHOLE_PARTS`:
    出口 of 进出口). Such parts are not split (export and import growth do not make total trade's)."""
    cw, cp = core(whole.indicator), core(part.indicator)
    for w, parts in WHOLE_PARTS.items():
        at = cw.find(w)
        if at < 0 or w in cp:
            continue
        for p in parts:  # the part in the whole's place: 外贸出口总额 for 进出口总额, not 出口退税
            if p in cp and cp.endswith(p + cw[at + len(w) :]):
                return p
    return None


def _is_part(whole: Record, part: Record) -> str | None:
    """The part (城镇, 农村 …) a result names of a target's whole, if it does."""
    kw, kp = _alias_key(whole.indicator), _alias_key(part.indicator)
    for p, en in (("城镇", "urban_"), ("农村", "rural_")):
        if kw and kp and kp == en + kw:
            return p
    cw = _WHOLE_PREFIX.sub("", core(whole.indicator))
    cp = core(part.indicator)
    for p in _PARTS:
        if cp.startswith(p) and len(cw) >= 2 and (cp[len(p) :] == cw or cp[len(p) :].replace("常住", "") == cw):
            return p
    return None


def _split(target: Record, results: list[Record]) -> list[Record]:
    """Results naming two or more distinct parts of the target's whole, in the target's measure."""
    found: dict[str, Record] = {}
    for r in results:
        p = _is_part(target, r)
        if p and p not in found and units_convert(target.unit, r.unit) and measures_agree(target, r):
            if getattr(r, "period", None) == getattr(target, "period", None):
                found[p] = r
    return list(found.values()) if len(found) >= 2 else []


_BOUNDS = frozenset("以上 不低于 不少于 至少 突破 超过 超 高于 多 余 逾 以内 以下 不超过 不高于 低于 之内 不到".split())


#: Words of a result's own clause that say it covers the whole year or area (全年实现新增就业5650人).
_WHOLE_CLAUSE = re.compile(r"全年|全区|全市|全县|全省|全国|全旗|全州|全盟")


def _plainness(target: Record, result: Record) -> tuple[bool, bool, bool, bool, bool]:
    """Among equally scored results prefer: convertible units, one year (no period), an exact
    figure (not a bound), a stated year, a clause that names the whole year or area (全年实现新增就业5650人
    before a project's 新增就业3000人)."""
    return (
        not units_convert(target.unit, result.unit),
        getattr(result, "period", None) is not None,
        (getattr(result, "qualifier", None) or "") in _BOUNDS,
        result.year is None,
        not _WHOLE_CLAUSE.search(clause_before(result)),
    )


def link(
    targets: list[Record],
    results: list[Record],
    *,
    text: str | None = None,
    periods: bool = True,
    same_year: bool = True,
) -> list[Link]:
    """Link each target to the result (or results) that answer it; one :class:`Link` per target, in order.

    ``results`` are the other report's figures (for the delivery check: its results for the
    target's year; for the target diff: its targets). ``same_year`` requires equal years where both
    give one; ``periods`` applies the period rules; ``text`` is the results' report text.

    >>> from types import SimpleNamespace as R
    >>> def rec(ind, v, unit, measure="count", **kw):
    ...     base = dict(indicator=ind, metric=None, value=v, value_high=None, unit=unit, measure=measure,
    ...                 year=2025, period=None, sentence="", start=0, kind="result", qualifier=None)
    ...     return R(**(base | kw))
    >>> t = rec("新增精品示范村", 200, "个", kind="target")
    >>> got = link([t], [rec("新建精品示范村", 205, "个"), rec("省级中心村", 816, "个")])[0]
    >>> got.status, got.result.value, got.score
    ('linked', 205, 1.0)
    >>> link([rec("新培育科技领军企业", 10, "家", kind="target")], [rec("省级中心村", 816, "个")])[0].status
    'not reported'
    """
    df: dict[str, int] = {}
    for ind in {r.indicator for r in results if r.indicator}:
        for w in set(key_terms(ind)):
            df[w] = df.get(w, 0) + 1
    common = frozenset(w for w, n in df.items() if n >= COMMON_DF)
    edges: list[tuple[float, int, int, Candidate]] = []
    per_target: list[list[Candidate]] = []
    for i, t in enumerate(targets):
        cands: list[Candidate] = []
        for j, r in enumerate(results):
            if r is t:
                continue
            if same_year and t.year is not None and r.year is not None and r.year != t.year:
                continue
            c = candidate(t, r, text=text, periods=periods, common=common)
            if c is not None:
                cands.append(c)
                edges.append((c.score, i, j, c))
        cands.sort(key=lambda c: (-c.comparable, -c.score, _plainness(t, c.result), c.result.start))
        per_target.append(cands)
    # A figure named exactly as the target (in other units: 老旧小区既有建筑节能改造 9万平方米) is its answer,
    # not comparable; a comparable figure of a looser name (老旧小区改造 45个) answers another target.
    exact = {
        i
        for i, cands in enumerate(per_target)
        if any(c.similarity >= 1.0 and (c.reason or "").startswith((UNITS_DIFFER, MEASURES_DIFFER)) for c in cands)
    }
    edges = [e for e in edges if e[1] not in exact or not e[3].comparable or e[3].similarity >= 0.95]

    # One-to-one, best score first; a comparable pair beats a non-comparable one.
    edges.sort(
        key=lambda e: (
            -(e[3].score >= PAIR_MIN),
            -e[3].comparable,
            not e[3].comparable and not units_convert(targets[e[1]].unit, e[3].result.unit),  # 年均5.4% before 91.8亿元
            -e[0],
            # a growth target's period figure: the yearly average before the change over the whole period
            # (2007年…比2002年增长65.5%，年均增长10.6%: 10.6%)
            not e[3].comparable
            and targets[e[1]].measure == "growth"
            and e[3].result.period is not None
            and not _averages(e[3].result, text),
            # shown for a growth target in other units: the level reached before the amount it grew by
            # (一般公共预算收入增加近1000亿元，稳步达到3000亿元以上: 3000亿元)
            not e[3].comparable and e[3].result.measure == "change",
            # the target diff: among equals, a target named and set as it was (中央财政赤字 1.12万亿元 / 中央财政赤字
            # 1.4万亿元, not 财政赤字 2.18万亿元, though the alias table gives both one metric)
            0 if periods else _restated(targets[e[1]], e[3].result),
            _plainness(targets[e[1]], e[3].result),
            e[1],
            e[3].result.start,
        )
    )
    chosen: dict[int, Candidate] = {}
    taken: dict[int, int] = {}
    for score, i, j, c in edges:
        if i in chosen or score < PAIR_MIN:
            continue
        if (
            j in taken
            and (not periods or targets[taken[j]].metric != targets[i].metric)  # the target diff: one to one
            and not (c.reason or "").startswith((WHOLE_NOT_PART, COMBINED))
        ):
            continue  # the whole answers each of its parts' targets (城镇 and 农村 income: 居民 income), as a
            # combined figure each of its items (交通, 水利 … : 交通、能源、水利完成投资)
        if j in taken and chosen[taken[j]].comparable and (c.reason or "").startswith(UNITS_DIFFER):
            continue  # 完成3800户、58万平方米棚户区改造: 19.5万平方米 answers the area, not the households too
        chosen[i] = c
        taken.setdefault(j, i)

    _follow_templates(targets, results, chosen, taken, text)
    if periods:  # the delivery check; a target diff pairs reworded targets by name alone
        _sole_candidates(targets, per_target, chosen, taken, {id(r): j for j, r in enumerate(results)})
        _same_figures(targets, results, chosen, taken, text)
        _same_units(targets, results, per_target, chosen, taken, text)

    out: list[Link] = []
    for i, t in enumerate(targets):
        c = chosen.get(i)
        if c is not None and c.comparable:
            out.append(Link(t, "linked", c.result, c.score, c.evidence, None, [], per_target[i][:CANDIDATES_SHOWN]))
            continue
        parts = _split(t, results)
        if parts and (c is None or c.similarity < 1.0):
            names = ", ".join(f"{p.indicator} {_fmt(p.value)}{p.unit or ''}" for p in parts)
            out.append(Link(t, "split", None, None, [f"answered by its parts: {names}"], None, parts, []))
            continue
        if c is not None:
            ev = [*c.evidence, c.reason or ""]
            out.append(Link(t, "not comparable", c.result, c.score, ev, c.reason, [], per_target[i][:CANDIDATES_SHOWN]))
            continue
        shown = per_target[i][:CANDIDATES_SHOWN]
        if shown:
            listed = "; ".join(
                f"{x.result.indicator} {_fmt(x.result.value)}{x.result.unit or ''} ({x.score:.2f}"
                + (", answers another target)" if x.score >= PAIR_MIN else ")")
                for x in shown
            )
            out.append(Link(t, "unclear", None, shown[0].score, [f"candidates: {listed}"], None, [], shown))
        else:
            out.append(Link(t, "not reported", None, None, [], None, [], []))
    return out


#: Lowest name similarity at which the next figure of a sentence written to the same template is linked.
TEMPLATE_MIN = 0.3
#: Lowest score at which a target's only close candidate is linked (see :func:`_sole_candidates`).
SOLE_MIN = 0.55
#: …and when it is the target's only candidate at all, comparable, and shares a word rarer than
#: :data:`ONLY_FREQ` with it (为企业新增减负 / 为市场主体减负).
ONLY_MIN = 0.45
ONLY_FREQ = 1000
#: How far ahead of every other candidate, of the target and of the figure, a sole candidate must be.
SOLE_MARGIN = 0.1
#: Lowest name similarity at which a sole candidate in other units that are not both counting words links.
SOLE_SIMILAR = 0.8
#: Lowest name similarity at which a sole candidate that cannot be judged (another measure, period or scope)
#: is shown as the target's answer, ``not comparable``.
SOLE_SHOWN = 0.9
#: A level of government or grade in front of a name: a result naming one the target does not counts a part.
_LEVEL = re.compile(r"国家级|国家|省级|市级|县级|区级|自治区级")
#: A sole candidate's figure lies within these multiples of the target's.
SOLE_RATIO = (0.5, 2.0)
# GENERAL_FREQ (from policydiff.nlp): a word that general alone does not make a sole candidate (入库项目 /
# 引进洽谈项目).


def _restated(a: Record, b: Record) -> int:
    """How far a later target is from restating an earlier one: 0 for the same name and figure, 1 for one of
    them the same, 2 for neither (the target diff's order among equally scored pairs)."""
    return (normalise(a.indicator or "") != normalise(b.indicator or "")) + (a.value != b.value)


def _specific_shared(a: str | None, b: str | None, below: int = GENERAL_FREQ) -> bool:
    """Whether two indicators share a word that is not general: rarer than ``below`` (:data:`GENERAL_FREQ`).

    >>> _specific_shared("新建大棚", "建成蔬菜大棚"), _specific_shared("入库项目", "引进洽谈项目")
    (True, False)
    >>> _specific_shared("企业科技特派员", "科技特派员开展入企服务", ONLY_FREQ)
    True
    """
    shared = set(_object_terms(a or "")) & set(_object_terms(b or ""))
    return any(word_frequency(w) < below for w in shared)


def _other_measure(target: Record, result: Record) -> bool:
    """Whether a result measures in a way the target cannot take: another group of measures (a growth rate
    against an amount) or money against works (产业链营业收入8000亿元 / 打造产业链16条)."""
    return _GROUP.get(target.measure or "") != _GROUP.get(result.measure or "") or (target.unit or "").endswith(
        "元"
    ) != (result.unit or "").endswith("元")


def _sole_candidates(
    targets: list[Record],
    per_target: list[list[Candidate]],
    chosen: dict[int, Candidate],
    taken: dict[int, int],
    index: dict[int, int],
) -> None:
    """Link a target still unlinked to its best candidate below :data:`PAIR_MIN` when that candidate is
    comparable, scores :data:`SOLE_MIN` or more through more than a common word, is free, and is the only
    close one both ways: every other figure scores at least :data:`SOLE_MARGIN` less for the target, and
    every other unlinked target (of another metric) at least that much less for the figure; the two share a
    word that is not general (:data:`GENERAL_FREQ`) and the figure is within :data:`SOLE_RATIO` of the
    target's (新建大棚300个 / 建成蔬菜大棚300个). Changes ``chosen`` and ``taken`` in place."""
    best_for: dict[int, list[tuple[float, int]]] = {}
    for i, cands in enumerate(per_target):
        if i in chosen:
            continue
        for c in cands:
            best_for.setdefault(index[id(c.result)], []).append((c.score, i))
    for i, cands in enumerate(per_target):
        if i in chosen or not cands:
            continue
        c = cands[0]
        j = index[id(c.result)]
        # the only candidate there is, comparable, sharing a rare word (企业科技特派员 / 4911名科技特派员)
        only = (
            len(cands) == 1
            and c.comparable
            and c.score >= ONLY_MIN
            and _specific_shared(targets[i].indicator, c.result.indicator, ONLY_FREQ)
        )
        # the same thing counted by another classifier (保暖房335座 / 335户): shown, not comparable
        units_differ = (
            not c.comparable
            and (c.reason or "").startswith(UNITS_DIFFER)
            and (
                targets[i].measure == c.result.measure == "count"
                or (  # 新建蔬菜温室500亩 / 温室500栋: the same works measured otherwise, named alike
                    _GROUP.get(targets[i].measure or "") == "amount"
                    and not _other_measure(targets[i], c.result)  # nor money for works (产业链…8000亿元 / 16条)
                    and c.similarity >= SOLE_SIMILAR
                )
            )
        )
        # named nearly alike but told in another measure (每万人高价值发明专利拥有量 1.8倍): shown, not judged
        shown = not c.comparable and not units_differ and c.similarity >= SOLE_SHOWN
        if (
            (not c.comparable and not units_differ and not shown)
            or (c.score < SOLE_MIN and not only)
            or j in taken
            or c.score >= PAIR_MIN
        ):
            continue
        if any(e.startswith("only the common word") for e in c.evidence):
            continue
        if not _specific_shared(targets[i].indicator, c.result.indicator):
            continue
        t, r = targets[i], c.result
        if not t.value or not r.value:
            continue
        level = _LEVEL.search(r.indicator or "")
        if level and level.group() not in (t.indicator or ""):
            continue  # the figure counts one level's share (国家级中小企业特色产业集群 / 特色产业集群)
        ratio = r.value * unit_scale(r.unit)[0] / (t.value * unit_scale(t.unit)[0])
        if not units_differ and not shown and not SOLE_RATIO[0] <= ratio <= SOLE_RATIO[1]:
            continue  # a figure of another size (航线3条 / 国内、国际航线34条) is about something else
        if any(
            o.score > c.score - SOLE_MARGIN
            and o.result.value != c.result.value
            and o.result.indicator != c.result.indicator  # the same thing told otherwise (…8041.6万千瓦, 2.4倍)
            # …in a measure the target cannot take (完成投资 2000亿元 / 固定资产投资增长17.2%) is no rival
            and (o.comparable or units_convert(t.unit, o.result.unit) or not _other_measure(t, o.result))
            for o in cands[1:]
        ):
            continue
        rivals = [
            k
            for s, k in best_for.get(j, [])
            if k != i
            and s > c.score - SOLE_MARGIN
            and (targets[k].metric is None or targets[k].metric != targets[i].metric)
        ]
        if rivals:
            continue
        twins = [
            k
            for _, k in best_for.get(j, [])
            if k != i and k not in chosen and t.metric and targets[k].metric == t.metric
        ]
        if twins and not _equal_figures(t, r) and any(_equal_figures(targets[k], r) for k in twins):
            continue  # 实事15项 and 实事10件 both close to 办成为民实事10件: the one it equals
        chosen[i] = Candidate(
            c.result,
            c.score,
            c.similarity,
            c.comparable,
            c.reason,
            [*c.evidence, f"the only close candidate, {SOLE_MARGIN} ahead of any other both ways"],
        )
        taken[j] = i


def _equal_figures(target: Record, result: Record) -> bool:
    """Whether a result states the target's very figure, in units that convert (10件 / 10项, 1.2万亿元 / 12000亿元).

    >>> from policydiff.model import Record
    >>> t = Record("a/2025", "target", 2025, None, "实事", None, 10, None, "项", "count", None, None, None, False,
    ...            False, "", 0, 0, "", "")
    >>> _equal_figures(t, with_fields(t, value=10, unit="件")), _equal_figures(t, with_fields(t, value=15))
    (True, False)
    """
    if not target.value or not result.value or not units_convert(target.unit, result.unit):
        return False
    return math.isclose(result.value * unit_scale(result.unit)[0], target.value * unit_scale(target.unit)[0])


#: Lowest name similarity at which the one free result stating the target's very figure links
#: (大规模扩招100万人 / 高职院校扩招100万人).
EQUAL_MIN = 0.3


def _same_figures(
    targets: list[Record],
    results: list[Record],
    chosen: dict[int, Candidate],
    taken: dict[int, int],
    text: str | None,
) -> None:
    """Link a target still unlinked to the one free result that states its very figure (the same amount in
    convertible units, of the same measure) and shares a pair of characters with its name, when they score
    :data:`EQUAL_MIN` or more (below 0.5 only through a word that is not general), with every rule of
    :func:`candidate` applied (实现6个整镇试点 / 完成6个镇土地延包试点任务). Changes ``chosen`` and ``taken``
    in place."""
    for i, t in enumerate(targets):
        if i in chosen or not t.value or t.measure not in ("count", "level"):
            continue
        same = [
            j
            for j, r in enumerate(results)
            if j not in taken
            and r.measure == t.measure
            and (t.year is None or r.year is None or r.year == t.year)
            and _equal_figures(t, r)
            and _bigrams(core(t.indicator)) & _bigrams(core(r.indicator))  # 停车场 2座, not 公厕 2座
        ]
        if len(same) != 1:
            continue
        j = same[0]
        r = results[j]
        c = candidate(t, r, text=text, floor=EQUAL_MIN)
        if c is None or not c.comparable or c.similarity < EQUAL_MIN:
            continue
        if c.similarity < 0.5 and not _specific_shared(t.indicator, r.indicator):
            continue  # 建设资金30亿元 / 国债资金30亿元 (资金 / 国债资金, 0.65): a round figure met by chance
        chosen[i] = replace(
            c, score=max(c.score, PAIR_MIN), evidence=[*c.evidence, "the only free figure that equals it"]
        )
        taken[j] = i


def _same_units(
    targets: list[Record],
    results: list[Record],
    per_target: list[list[Candidate]],
    chosen: dict[int, Candidate],
    taken: dict[int, int],
    text: str | None,
) -> None:
    """Link a target no figure was even a candidate for to the one free result in its own unit (not a common
    one, nor money) within :data:`SOLE_RATIO` of its figure, when their names share a word rarer than
    :data:`ONLY_FREQ` and :func:`candidate` finds them comparable at a low floor (改造排水、供水、供热、燃气管网
    2000公里 / 改造水热气等管网3656公里), or the figure combines the target's thing with others (shown, not
    comparable). Changes ``chosen`` and ``taken`` in place."""
    free = [j for j in range(len(results)) if j not in taken]
    for i, t in enumerate(targets):
        if i in chosen or per_target[i] or not t.value or not t.unit or t.unit in COMMON_UNITS:
            continue
        if t.unit.endswith("元") or t.measure not in ("count", "level"):
            continue
        same = [
            j
            for j in free
            if results[j].unit == t.unit
            and results[j].value
            and results[j].measure == t.measure
            and (t.year is None or results[j].year is None or results[j].year == t.year)
            and SOLE_RATIO[0] <= (results[j].value or 0) / t.value <= SOLE_RATIO[1]
            and _specific_shared(t.indicator, results[j].indicator, ONLY_FREQ)
        ]
        if len(same) != 1 or same[0] in taken:
            continue
        c = candidate(t, results[same[0]], text=text, floor=0.0)
        if c is None or not (c.comparable or (c.reason or "").startswith(COMBINED)):
            continue  # 改造城镇老旧小区2万套 / 老旧小区、城中村、城市危旧房改造2.2万套: shown, not comparable
        chosen[i] = replace(
            c, score=max(c.score, PAIR_MIN), evidence=[*c.evidence, "the only free figure in its unit and size"]
        )
        taken[same[0]] = i


def _follow_templates(
    targets: list[Record],
    results: list[Record],
    chosen: dict[int, Candidate],
    taken: dict[int, int],
    text: str | None,
) -> None:
    """Link a target no name answers to the figure that follows, in B's sentence, the result of the target
    before it in A's sentence — the two sentences written to one template (力争全年接待游客1000万人次，实现
    综合收入50亿元 / 2019年接待游客1027万人次，综合效益51亿元) — when their names share a word and the
    units and measures compare. Changes ``chosen`` and ``taken`` in place."""
    by_id = {id(r): j for j, r in enumerate(results)}
    for i, t in enumerate(targets):
        if i in chosen or i == 0:
            continue
        before = targets[i - 1]
        c_prev = chosen.get(i - 1)
        if c_prev is None or not c_prev.comparable or before.sentence != t.sentence or before.end > t.start:
            continue
        j_prev = by_id.get(id(c_prev.result))
        if j_prev is None or j_prev + 1 >= len(results):
            continue
        r = results[j_prev + 1]
        if r.sentence != c_prev.result.sentence or (j_prev + 1) in taken:
            continue
        sim = name_similarity(t.indicator, r.indicator)
        if sim < TEMPLATE_MIN or not units_convert(t.unit, r.unit) or not measures_agree(t, r):
            continue
        if _alias_key(t.indicator) or _alias_key(r.indicator):
            continue  # a metric the alias table knows is linked by its name or not at all
        if not t.value or not r.value:
            continue
        ratio = r.value * unit_scale(r.unit)[0] / (t.value * unit_scale(t.unit)[0])
        if not 0.5 <= ratio <= 2:
            continue  # figures of another size are about something else (专精特新10家 / 科技型中小企业1000家)
        if any(
            name_similarity(t.indicator, o.indicator) > sim for o in results if o.sentence == r.sentence and o is not r
        ):
            continue  # another figure of that sentence is named more like the target
        if t.year is not None and r.year is not None and t.year != r.year:
            continue
        ok, note = period_issue(t, r, clause_before(r, text))
        if not ok:
            continue
        ev = [
            f"{t.indicator} ~ {r.indicator}",
            f"next figure after {before.indicator} in both reports (the same sentence template)",
        ]
        chosen[i] = Candidate(r, PAIR_MIN, sim, True, None, ev + ([note] if note else []))
        taken[j_prev + 1] = i


def mentions(target: Record, clauses: list[tuple[int, str]]) -> list[dict[str, Any]]:
    """Clauses of the other report that name the target's key terms next to a figure in a unit
    that converts to the target's: what the text states although no record holds it.

    ``clauses``: (offset, text) of the other report's review parts. A target whose only candidates
    are such mentions is ``unclear``, not ``not reported``.

    >>> from types import SimpleNamespace as R
    >>> t = R(indicator="粮食产量", unit="万亿斤")
    >>> [(m["value"], m["unit"]) for m in mentions(t, [(0, "粮食产量首次跃上1.4万亿斤新台阶")])]
    [(1.4, '万亿斤')]
    """
    from .numbers import find_quantities

    terms = key_terms(target.indicator) or ((core(target.indicator),) if core(target.indicator) else ())
    if not terms:
        return []
    out = []
    for offset, clause in clauses:
        if not all(t in clause for t in terms):
            continue
        for q in find_quantities(clause):
            if q.unit and comparable(q.unit, target.unit):
                out.append(
                    {
                        "indicator": None,
                        "value": q.value,
                        "value_high": q.value_high,
                        "unit": q.unit,
                        "start": offset + q.start,
                        "end": offset + q.end,
                        "score": None,
                        "evidence": f"B names {' '.join(terms)} with a figure no record holds: «{clause}»",
                    }
                )
                break
    return out


# ---------------------------------------------------------------------------
# Results stated in words
# ---------------------------------------------------------------------------

_DONE = re.compile(TASK_DONE)


#: Words comparing with last year (增速与上年持平: the same rate as last year's).
_AGAINST_LAST_YEAR = re.compile(r"与上年|与去年|同比|比上年|比去年")


def worded_results(
    clauses: list[tuple[int, str]], year: int, report: str = "", targets: list[Record] | None = None
) -> list[tuple[Record, str]]:
    """Results of ``year`` that the review states in words, not digits (:data:`policydiff.lexicon.WORDED_RESULTS`),
    as records with a note saying how the words were read: 居民消费价格与上年持平 is a growth of 0 %,
    建制镇实现生活污水处理设施全覆盖 a 覆盖率 of 100 %. ``clauses``: (offset, text) of the later report's review
    parts. The delivery check tries these only for targets that no stated figure answers. Words are looser
    than digits: with ``targets``, a result is kept only when it names every key term of one of them
    (生活垃圾治理实现全覆盖 answers no 生活垃圾分类屋(亭)行政村覆盖率).

    >>> from types import SimpleNamespace as R
    >>> got = worded_results([(10, "居民消费价格与上年持平"), (30, "保持平稳增长")], 2025)
    >>> [(r.indicator, r.value, r.unit, r.measure, r.start, r.end) for r, _ in got]
    [('居民消费价格', 0, '%', 'growth', 10, 21)]
    >>> [(r.indicator, r.value, note) for r, note in worded_results([(0, "建制镇实现生活污水处理设施全覆盖")], 2025)]
    [('建制镇生活污水处理设施覆盖率', 100, '实现全覆盖 read as 100%: «建制镇实现生活污水处理设施全覆盖»')]
    >>> worded_results([(0, "农村生活污水处理设施尚未实现全覆盖"), (20, "规模以上工业增加值增速与上年持平")], 2025)
    []
    >>> [(r.indicator, r.value, r.measure) for r, _ in worded_results([(0, "居民消费价格涨幅基本持平")], 2025)]
    [('居民消费价格涨幅', 0, 'growth')]
    >>> t = R(indicator="生活垃圾分类屋(亭)行政村覆盖率")
    >>> worded_results([(0, "生活垃圾治理实现全覆盖")], 2025, targets=[t])
    []
    """
    out: list[tuple[Record, str]] = []
    for offset, clause in clauses:
        for w in WORDED_RESULTS:
            m = re.search(w.pattern, clause)
            if m is None:
                continue
            before = clause[: m.start()].strip()
            name = before + (m.groupdict().get("object") or "")
            if len(name) < 2 or re.search(r"\d", clause):
                break  # a figure in the clause is read as written
            again = w.value == 0 and before.endswith(RATE_WORDS) and _AGAINST_LAST_YEAR.search(clause)
            if _undone(before) or again:
                # 尚未实现全覆盖, 基本实现全覆盖; 增速与上年持平 is last year's rate again, not 0 % (涨幅基本持平, said
                # against no year, is a rise of about nothing)
                break
            name += w.suffix
            if targets is not None and not any(
                (terms := key_terms(t.indicator)) and all(x in name for x in terms) for t in targets
            ):
                break
            rec = Record(
                report=report,
                kind="result",
                year=year,
                period=None,
                indicator=name,
                metric=metric_key(name, w.measure),
                value=w.value,
                value_high=None,
                unit=w.unit,
                measure=w.measure,  # type: ignore[arg-type]
                direction=None,
                qualifier=None,
                modality=None,
                headline=False,
                absent=False,
                sentence=clause,
                start=offset,
                end=offset + m.end(),
                section="",
                section_id="",
            )
            out.append((rec, f"{w.reads}: «{clause}»"))
            break
    return out


_PLAN_SHARE = re.compile(PLAN_SHARE)


def is_plan_share(rec: Record) -> bool:
    """Whether a figure is the share of the year's plan done (…完成年计划的118.2%)."""
    return rec.unit == "%" and _PLAN_SHARE.search(rec.indicator or "") is not None


def plan_share(target: Record, results: list[Record]) -> tuple[Record, str] | None:
    """The result a share of the year's plan gives a target (城镇新增就业完成年计划的118.2% against
    城镇新增就业41万人: 48.46万人), when B names the target's thing that way and no figure of it; None otherwise.
    The share is of the plan, which is the target: the figure is the target's times the share, in its unit.

    >>> from policydiff.model import Record
    >>> def rec(kind, ind, v, unit, measure):
    ...     return Record("x/2026", kind, 2025, None, ind, None, v, None, unit, measure, None, None, None,
    ...                   False, False, "", 0, 5, "", "")
    >>> t = rec("target", "城镇新增就业", 41, "万人", "level")
    >>> r, note = plan_share(t, [rec("result", "城镇新增就业完成年计划", 118.2, "%", "rate")])
    >>> (r.indicator, r.value, r.unit, note)
    ('城镇新增就业', 48.46, '万人', "118.2% of the year's plan (城镇新增就业完成年计划) × 41万人")

    A projects' total investment is no year's plan:

    >>> t = rec("target", "列入省市重点项目总投资", 971.7, "亿元", "level")
    >>> plan_share(t, [rec("result", "列入省市重点项目完成投资占全年任务", 115, "%", "rate")]) is None
    True
    """
    if target.value is None or target.unit in (None, "%") or target.value_high is not None:
        return None
    if "总投资" in (target.indicator or "") or is_size(target):
        return None  # the projects' whole size is no year's plan (完成投资占全年任务的115%)
    for r in results:
        m = _PLAN_SHARE.search(r.indicator or "")
        if r.unit != "%" or r.value is None or m is None or r.value_high is not None:
            continue
        name = r.indicator[: m.start()] if r.indicator else ""
        if name_similarity(name, target.indicator) < SAME_NAME:
            continue
        digits = len(_fmt(r.value).replace(".", "").lstrip("0"))  # as many significant digits as the share has
        value = float(f"{target.value * r.value / 100:.{digits}g}")
        value = int(value) if value == int(value) else value
        shown = with_fields(
            r,
            indicator=name,
            metric=target.metric,
            value=value,
            unit=target.unit,
            measure=target.measure,
            direction=target.direction,
            qualifier=None,
        )
        note = f"{_fmt(r.value)}% of the year's plan ({r.indicator}) × {_fmt(target.value)}{target.unit}"
        return shown, note
    return None


def _undone(before: str) -> bool:
    """Whether the words before 完成 / 实现全覆盖 say it is not (wholly) done or only promise it (尚未实现,
    任务未能如期完成, 基本实现; 确保…圆满完成)."""
    return before.endswith(UNDONE_BEFORE) or any(w in before for w in PROMISE_WORDS)


#: Verbs that may stand inside a task's name in one report and not in the other (农村木质房屋连片村寨实施“水改”“电改”).
_TASK_VERBS = re.compile(r"实施|开展|推进|推动")


def _states_a_figure(clause: str) -> bool:
    """Whether a clause gives a figure: a quantity that is not a size class in a name (全省50户以上农村木质房屋连片
    村寨“水改”“电改”圆满完成 gives none)."""
    return any(not is_threshold(clause, q) for q in find_quantities(clause))


def task_done(target: Record, clauses: list[tuple[int, str]], report: str = "") -> tuple[Record, str] | None:
    """The target's own figure as its result, when a clause of the review names the target's key terms and
    says the task was done without giving a figure (城镇新增就业任务圆满完成, …“水改”“电改”圆满完成;
    :data:`policydiff.lexicon.TASK_DONE`); None when no clause does. A clause with a figure is read as written
    (:func:`mentions`); one that says the task is not done, or only promises it (未能如期完成, 确保…完成), is none.
    ``report``: the key of the report the clauses are from (the result's own).

    >>> from policydiff.model import Record
    >>> t = Record("yixian/2018", "target", 2018, None, "城镇新增就业", None, 4000, None, "人", "count", None,
    ...            None, None, False, False, "", 0, 4, "", "")
    >>> r, note = task_done(t, [(50, "城镇新增就业任务圆满完成")])
    >>> (r.kind, r.value, r.unit, r.start, r.end, note)
    ('result', 4000, '人', 50, 62, 'B says the task was done, with no figure: «城镇新增就业任务圆满完成»')
    >>> task_done(t, [(50, "城镇新增就业4120人")]) is None
    True
    >>> task_done(with_fields(t, indicator="再就业"), [(50, "城镇新增就业任务圆满完成")]) is None
    True
    >>> task_done(t, [(50, "城镇新增就业任务未能如期完成"), (70, "要确保城镇新增就业任务圆满完成")]) is None
    True
    """
    name = _TASK_VERBS.sub("", normalise(target.indicator or ""))
    if len(name) < 2 or target.value is None:
        return None
    for offset, clause in clauses:
        m = _DONE.search(clause)
        if m is None or _states_a_figure(clause) or name not in _TASK_VERBS.sub("", normalise(clause[: m.start()])):
            continue  # the target's whole name: 再就业 is not 城镇新增就业
        if _undone(clause[: m.start()]):
            continue  # 任务未能如期完成, 要确保…任务圆满完成
        rec = with_fields(
            target,
            report=report,
            section="",
            section_id="",
            kind="result",
            value_high=None,
            qualifier="超过" if "超额" in m.group() else None,  # 超额完成: more than the target's figure
            modality=None,
            headline=False,
            base=None,
            sentence=clause,
            start=offset,
            end=offset + m.end(),
        )
        return rec, f"B says the task was done, with no figure: «{clause}»"
    return None


# ---------------------------------------------------------------------------
# What a plan says about last year's level
# ---------------------------------------------------------------------------

_SINCE_LAST_YEAR = re.compile(r"比上年|比去年|较上年|较去年|比2\d{3}年")


def _plan_figures(records: list[Record], year: int) -> list[Record]:
    """A report's targets with a figure for ``year`` (what its plan sets out)."""
    return [r for r in records if r.kind == "target" and r.year == year and r.value is not None]


def previous_levels(records: list[Record], year: int, text: str) -> list[tuple[Record, str]]:
    """Levels of ``year`` that the next year's plan states as the starting point of a change, with a note
    saying how they were read: 财政补助由每人每年380元提高到420元 gives 380元 (unless the clause dates the
    starting point to another year: 从2020年的…).

    ``records`` are the later report's records, ``text`` its (normalised) text. A plan is not a review: the
    delivery check names such a level in the evidence of a target no stated result answers, and the row
    stays ``not reported``, as for a budget quota restated by its change (:func:`restated_quotas`). Four
    of six national hand pairs that meet the case read it so, and so does the shared gold's README
    (results lie in B's review).

    >>> from types import SimpleNamespace as R
    >>> text = "财政补助由每人每年380元提高到420元。"
    >>> up = R(kind="target", year=2016, period=None, indicator="财政补助", metric=None, value=420,
    ...        value_high=None, unit="元", measure="level", direction=None, base=380, start=15, end=19)
    >>> [(r.value, r.unit, r.year) for r, note in previous_levels([up], 2015, text)]
    [(380, '元', 2015)]
    """
    out: list[tuple[Record, str]] = []
    plan = _plan_figures(records, year + 1)
    for r in plan:
        if r.base is None or (r.period is not None and not str(r.period).startswith(str(year + 1))):
            continue
        shown = _fmt(r.base)
        at = text.rfind(shown, max(0, r.start - 40), r.start)
        if at < 0:
            continue
        dated = re.search(r"((?:19|20)\d\d)年(?:底|末)?的?$", text[max(0, at - 8) : at])
        if dated and int(dated.group(1)) != year:
            continue
        end = at + len(shown)
        if r.unit and text.startswith(r.unit, end):
            end += len(r.unit)
        prev = _derived(r, year, r.base, at, end)
        note = f"the {year} level from B's plan: {text[at : r.end]} (the starting point of a plan, not a result)"
        out.append((prev, note))
    return out


def restated_quotas(records: list[Record], year: int, text: str) -> list[tuple[Record, str]]:
    """Budget quotas of ``year`` that the next year's plan restates by their change: 拟安排财政赤字2.18万亿元，
    比去年增加5600亿元 gives 1.62万亿元 for the year before. That is what was *budgeted* in ``year``, not an
    outturn, so the delivery check shows it as a note and judges nothing by it.

    >>> from types import SimpleNamespace as R
    >>> text = "今年拟安排财政赤字2.18万亿元，比去年增加5600亿元。"
    >>> lvl = R(kind="target", year=2016, period=None, indicator="财政赤字", metric="deficit", value=2.18,
    ...         value_high=None, unit="万亿元", measure="level", direction=None, base=None, start=9, end=16)
    >>> chg = R(kind="target", year=2016, period=None, indicator="财政赤字", metric="deficit.change", value=5600,
    ...         value_high=None, unit="亿元", measure="change", direction=None, base=None, start=22, end=29)
    >>> [(r.value, r.unit, r.year) for r, note in restated_quotas([lvl, chg], 2015, text)]
    [(1.62, '万亿元', 2015)]
    >>> restated_quotas([lvl, chg], 2015, text)[0][1]
    'the 2015 quota from B: 2.18万亿元 less 5600亿元 (比去年增加) = 1.62万亿元: a budget restated, not an outturn'
    """
    out: list[tuple[Record, str]] = []
    plan = _plan_figures(records, year + 1)
    for i, r in enumerate(plan):
        if r.measure not in ("level", "count") or r.value_high is not None:
            continue
        for c in plan[i + 1 : i + 3]:
            if c.measure != "change" or c.start - r.end > 12 or not units_convert(r.unit, c.unit):
                continue
            if r.value is None or c.value is None:
                continue
            between = text[r.end : c.start]
            m = _SINCE_LAST_YEAR.search(between)
            same = c.indicator == r.indicator or (r.metric and c.metric == f"{r.metric}.change")
            if not m or not same or re.search(r"[。；;]", between):
                continue
            delta = c.value * unit_scale(c.unit)[0] / unit_scale(r.unit)[0]
            sign = 1 if c.direction == "down" or re.search(r"减少|下降|降低", between) else -1
            value = round(r.value + sign * delta, 6)
            value = int(value) if value == int(value) else value
            word = "plus" if sign > 0 else "less"
            said = between[m.start() :]
            kind, why = "quota", "a budget restated, not an outturn"
            if "预计" in said:  # 比上年预计数增加: last year's estimated outturn, still in B's plan
                kind, why = "estimate", "an estimate in B's plan, not a reported outturn"
            note = (
                f"the {year} {kind} from B: {_fmt(r.value)}{r.unit or ''} {word} "
                f"{_fmt(c.value)}{c.unit or ''} ({said}) = {_fmt(value)}{r.unit or ''}: {why}"
            )
            out.append((_derived(r, year, value, r.start, r.end), note))
            break
    return out


def changes_from_levels(results: list[Record], earlier: list[Record], year: int) -> list[tuple[Record, str]]:
    """Changes in percentage points of ``year`` worked out from two stated levels: B's rate for ``year``
    less the rate A states for the year before (城镇化率达63% in B, 城镇化率…达62.1% in A → 0.9个百分点), for
    targets set as a change (城镇化率提高0.9个百分点) that B answers only with the level. ``results`` are B's
    results for ``year``, ``earlier`` A's records. A metric A gives two different levels for is skipped.

    >>> from types import SimpleNamespace as R
    >>> def rate(v, year, start):
    ...     return R(kind="result", year=year, period=None, indicator="城镇化率", metric="urbanisation_rate",
    ...              value=v, value_high=None, unit="%", measure="rate", direction=None, base=None, start=start,
    ...              end=start + 3, qualifier=None, modality=None, headline=False)
    >>> got = changes_from_levels([rate(63, 2025, 9)], [rate(62.1, 2024, 4)], 2025)
    >>> [(r.value, r.unit, r.measure, note) for r, note in got]
    [(0.9, '个百分点', 'change', '63% in 2025 (B) less 62.1% in 2024 (A)')]
    """
    before: dict[str, set[float]] = {}
    for r in earlier:
        if r.kind == "result" and r.year == year - 1 and r.period is None and r.unit == "%" and r.metric:
            if r.measure in ("rate", "level") and r.value is not None and r.value_high is None:
                before.setdefault(r.metric, set()).add(float(r.value))
    out: list[tuple[Record, str]] = []
    for r in results:
        if r.unit != "%" or r.measure not in ("rate", "level") or r.value is None or r.value_high is not None:
            continue
        if r.period is not None or r.qualifier or len(before.get(r.metric or "", ())) != 1:
            continue
        (base,) = before[r.metric or ""]
        value = round(float(r.value) - base, 6)
        value = int(value) if value == int(value) else value
        changed = with_fields(
            _derived(r, year, value, r.start, r.end),
            unit="个百分点",
            measure="change",
            direction=None,
            metric=f"{r.metric}.change",
        )
        out.append((changed, f"{_fmt(r.value)}% in {year} (B) less {_fmt(base)}% in {year - 1} (A)"))
    return out


def _derived(r: Record, year: int, value: float | int, start: int, end: int) -> Record:

    return with_fields(
        r,
        kind="result",
        year=year,
        period=None,
        value=value,
        value_high=None,
        qualifier=None,
        modality=None,
        headline=False,
        base=None,
        start=start,
        end=end,
    )


def match_results(
    targets: list[Record], results: list[Record], *, text: str | None = None
) -> list[tuple[Record, Record | None]]:
    """Pair each target with the result that answers it (None if none): :func:`link`.

    Only records of kind ``result`` answer (targets and context figures never do). The pair is the
    linked result, or the linked figure that does not compare (judged ``not comparable``); an
    unclear or unreported target gets None. ``text`` is the results' report text.

    >>> from types import SimpleNamespace as R
    >>> def rec(v, unit, measure, start, kind="result"):
    ...     return R(indicator="国内生产总值", metric="gdp" + (".growth" if measure == "growth" else ""), year=2019,
    ...              measure=measure, unit=unit, period=None, value=v, value_high=None, qualifier=None,
    ...              start=start, sentence="", kind=kind)
    >>> results = [rec(99.1, "万亿元", "level", 5), rec(6.1, "%", "growth", 9)]
    >>> match_results([rec(6, "%", "growth", 0, "target")], results)[0][1].start
    9
    """
    answers = [r for r in results if getattr(r, "kind", "result") == "result"]
    return [(lk.target, lk.result) for lk in link(targets, answers, text=text)]
