"""Quantity filters: is a figure a measurement at all (not a threshold inside a name, the base of a
change, a slogan), a share of something, or a context figure a plan describes?

>>> from policydiff.numbers import find_quantities
>>> s = "实施5000万元以上重点项目137项"
>>> [is_measurement(s, q) for q in find_quantities(s)]
[False, True]
"""

from __future__ import annotations

import re

from ..lexicon import CHANGE_VERBS, NOT_COUNTED, PLACE_SCOPES, PREFIX_QUALIFIERS, SETTLEMENTS, SIZE_CLASSED
from ..numbers import Quantity, find_quantities
from .geometry import _cjk_start, clause_end, clause_start
from .phrases import clean_indicator
from .pos import next_is_noun, posseg, verb_before
from .qualifiers import after_qualifier, is_count_unit

_PEOPLE = re.compile(
    r"(?:人口|人民|中国人|群众|老年人|毕业生|纳税人|劳动力|人才|师生|居民|农民工|人员|市民|村民|职工|儿女|同胞|家庭)$"
)


#: Verbs that name what a plan relies on or addresses, not what it delivers (依托…50家龙头企业, 用好1800亿元引导基金).
_RESOURCE = re.compile(r"依托|用好|利用好|立足|面向|依靠|借助|发挥好?")


_BENEFIT = re.compile(r"^(?:多|余)?(?:人|人次|户|名)?(?:受益|从中受益|得到实惠)")


#: Words before a figure that state what is, not what will be done (高校毕业生将高达765万人).
_EXISTS = ("达", "达到", "高达", "超过", "超", "突破", "有", "约", "近", "共有", "为", "是", "将", "预计", "接近")


#: A clause stating what happens every year, said of the region itself, with no word of intent before its figure.
_HABITUAL = re.compile(r"(?:我[国省区市县旗州盟]|全[国省区市县])每年(?!.*(?:要|将|力争|确保|争取|努力|计划|目标))")


def is_context(s: str, q: Quantity, ind: str, links: list[str], cl: int) -> bool:
    """Whether a figure in a plan describes the present or what the plan relies on, rather than
    something the government commits to (a *context* figure): 今年高校毕业生将高达765万人,
    约6700万人受益, 依托…50家龙头企业, 7100万江淮儿女.

    >>> from policydiff.numbers import find_quantities as f
    >>> s = "今年高校毕业生将高达765万人"
    >>> is_context(s, f(s)[0], "高校毕业生", ["将", "高达"], 0)
    True
    >>> s = "我区每年接待游客近3亿人次"
    >>> is_context(s, f(s)[0], "接待游客", [], 0)
    True
    >>> s = "扩招100万人"
    >>> is_context(s, f(s)[0], "扩招", [], 0), is_context("依托50家龙头企业", f("依托50家")[0], "龙头企业", [], 0)
    (False, True)
    """
    raw = s[cl : q.start]
    if _HABITUAL.match(s[clause_start(s, q.start) : q.start]):
        return True  # 我区每年接待游客近3亿人次: what happens every year, said of us
    start = min(cl, clause_start(s, q.start))
    while start > 0 and s[start - 1] == "、":
        start = clause_start(s, start - 1)  # 培养引进10名战略科学家、100名科技领军人才: the list shares its verb
    tail = raw
    for word in (*PREFIX_QUALIFIERS, *PLACE_SCOPES, "全省", "全市", "全县"):
        if tail.endswith(word):
            tail = tail[: -len(word)]
    if _RESOURCE.search(tail[-3:]):
        return True
    rest = s[after_qualifier(s, q.end) :]
    if _BENEFIT.match(rest):
        return True
    people = q.base_unit in ("人", "人口", "名", "") and not q.is_percent
    if people and _MADE_TO.search(raw):
        return True  # 这将使农村1.5亿中小学生的家庭普遍减轻经济负担: who a measure reaches, not what is delivered
    if people and _COMMITS.search(s[start : q.start]):
        return False  # 力争软件从业人员突破50万人: a level of people the plan commits to reach
    if not people or not _PEOPLE.search(ind) or any(w not in _EXISTS for w in links):
        return False  # 农村贫困人口减少1000万: a change the plan commits to
    if any(flag.startswith("v") for _, flag in posseg(ind)):
        return False  # 新培育高技能人才12万人: the indicator names what is done
    return not _acts(s[start : q.start])


#: A measure said to make people better off, right before their count (这将使农村…, 可使…).
_MADE_TO = re.compile(r"(?:这|此举|这些)(?:将|可|能|会)?使(?:农村|城乡|城镇|全国|全省|全市|全县)?$")
#: Words of commitment (not of estimate: 预计, 将高达) before a count of people.
_COMMITS = re.compile(r"确保|力争|争取|努力")


def _acts(raw: str) -> bool:
    """Whether the clause before a figure has a verb that delivers something (扩招, 帮助, 培养引进),
    not only one that states what is (达, 超过, 高达).

    >>> _acts("培养引进科技领军人才"), _acts("今年高校毕业生将高达"), _acts("帮助")
    (True, False, True)
    """
    return any(
        flag.startswith("v") and word not in _EXISTS and word not in PREFIX_QUALIFIERS for word, flag in posseg(raw)
    )


#: A households' floor before the places it sizes (…50户以上农村木质房屋连片村寨; lexicon ``settlements``).
_SIZED_PLACE = re.compile(r"(?:及以上|以上)的?[^，,；;。\d]{0,12}?(?:" + "|".join(map(re.escape, SETTLEMENTS)) + ")")

#: An amount passed before the things it sizes (总投资超10亿元项目, 营业收入超千亿元的先进制造业集群, 3个过三千亿元
#: 城市; lexicon ``size_classed``): a class of things, as 5000万元以上重点项目 is.
_PASSED = re.compile(r"(?:超过|超|过|逾)$")
_SIZED_THINGS = re.compile(r"的?[\u4e00-\u9fff“”]{0,10}?(?:" + "|".join(map(re.escape, SIZE_CLASSED)) + ")")


def is_threshold(s: str, q: Quantity) -> bool:
    """A figure inside a name: 5000万元以上重点项目, 亿元以上企业 — not a measurement.

    >>> from policydiff.numbers import find_quantities
    >>> s = "实施5000万元以上重点项目137项"
    >>> [is_threshold(s, q) for q in find_quantities(s)]
    [True, False]
    >>> s = "在人口20万以上的县建成特殊教育学校"
    >>> [is_threshold(s, q) for q in find_quantities(s)]
    [True]
    """
    rest = s[q.end :]
    if q.unit == "岁" and _AGED_GROUP.match(rest):
        return True  # 支持幼儿园招收2-3岁幼儿, 0-6岁残疾儿童康复救助: the age defines the group
    if re.search(r"(?:不到|不足|低于|不超过|(?<![超通])过)$", s[: q.start]) and rest.startswith("的"):
        return True  # 年应纳税所得额不到100万元的部分, 预增产值过10亿元的工业新增长点
    if (q.unit or "").endswith("元") and re.match(r"(?:(?:至|到|-|～)[\d.]+[万亿]?元)?的?部分", rest):
        return True  # 年应纳税所得额100万元至300万元部分: a bracket of income, not an amount
    if (q.unit or "").endswith("元") and _PASSED.search(s, 0, q.start) and _SIZED_THINGS.match(rest):
        # 新引进落地总投资超10亿元项目50个以上: projects of that size counted, not an amount (投资超过550亿元的
        # 晋北…新能源基地, one base and no count, is its investment)
        here = s[clause_start(s, q.start) : clause_end(s, q.end)]
        if any(is_count_unit(x) for x in find_quantities(here) if x.start != q.start - clause_start(s, q.start)):
            return True
    if q.base_unit == "户" and _SIZED_PLACE.match(rest):
        return True  # 957个50户以上农村木质房屋连片村寨: villages of that size, not households counted
    if _PEOPLE_OF.search(s, 0, q.start) and _PEOPLED_PLACE.match(rest):
        return True  # 在9个人口20万以上的县, 城区人口超50万县: places of that size, not people counted
    m = re.match(r"(?:及以上|及以下|以上|以下)(?:的)?", rest)
    if m and s[: q.start].endswith(("单笔", "每笔", "单个", "单项")):
        return True  # 清理单笔50万元以下拖欠企业账款: the size of each debt, a class of debts
    if not m or q.is_percent or q.base_unit in ("人", "人次", "人口", "户", "名") or q.unit in ("万", "亿"):
        return False  # 1500万人次以上的职工, 1000万以上农村贫困人口: a count of people, not a threshold
    if is_count_unit(q) and verb_before(s[clause_start(s, q.start) : q.start]):
        return False  # 新建5个以上紧密型城市医疗集团: a count to build, not a class of groups
    if m.group().endswith("的") and "\u4e00" <= rest[m.end() : m.end() + 1] <= "\u9fff":
        return True  # 10蒸吨及以下的各类燃煤小锅炉
    return next_is_noun(rest[m.end() : m.end() + 8]) and not rest[m.end() :].startswith(_NOT_NAMES)


_NOT_NAMES = ("目标", "水平", "规模", "增长", "增速", "任务", "标准")

#: A population said before a figure and the places it sizes after it (人口20万以上的县, 城区人口超50万县).
_PEOPLE_OF = re.compile(r"人口(?:规模)?(?:超过|超|达到|达|在)?$")
_PEOPLED_PLACE = re.compile(r"(?:人口)?(?:及以上|以上)?的?(?:县城|县|城市|市|镇|区)")

#: People of an age, the age said before them (2-3岁幼儿, 0-6岁残疾儿童, 65岁老年人).
_AGED_GROUP = re.compile(
    r"(?:及以上|及以下|以上|以下)?的?(?:残疾|困境|留守|失能)?(?:婴幼儿|幼儿|儿童|老年人|老人|青少年|孩子|人口)"
)


_SHARE_VP = re.compile(
    r"(?:实现|实行|完成|建成|开展|纳入|接入|达到|享受|参加|参与|使用|由|在|为|被|已|均|都|获得|拥有|覆盖|投向|用于)"
)


#: A noun naming a target (…的国内生产总值增长目标): the figure before it is the target's.
_TARGET_NOUN = re.compile(r"(?:增长|增速)?(?:预期)?目标$")
#: Units of government a share can be of, one character each (24%的县).
#: A share of places by their level alone (24%的县, 60%的县（市、区）): what a pilot or a service reaches.
ADMIN_SHARE = re.compile(r"[省市县区乡镇村](?:\([^()]{1,8}\))?")


def share_of(s: str, q: Quantity) -> str | None:
    """What a percentage is the share of, when the things counted follow it: 80%的中小学纳入教联体 ->
    中小学纳入教联体; 70%村卫生室实现…一体化管理; 95%以上实行备案管理; 覆盖…97%门诊量 -> 门诊量.
    None when the percentage is not a share (增长5%, 降低电价5%政策).

    >>> from policydiff.numbers import find_quantities
    >>> share_of("80%的中小学纳入教联体", find_quantities("80%")[0])
    '中小学纳入教联体'
    >>> share_of("95%以上实行备案管理，实际使用外资", find_quantities("95%")[0])
    '实行备案管理'
    >>> share_of("降低工商业电价5%政策", find_quantities("降低工商业电价5%")[0]) is None
    True
    >>> share_of("养老保险试点覆盖24%的县", find_quantities("养老保险试点覆盖24%")[0])
    '县'
    """
    pos = after_qualifier(s, q.end)
    end = clause_end(s, pos)
    rest = s[pos:end]
    if not rest or not _cjk_start(rest) or _GROWTH_AFTER.match(rest) or rest.startswith("安排"):
        return None  # 保持40%以上增长: a growth rate, not a share
    if _TARGET_NOUN.search(rest):
        return None  # 提出8%左右的国内生产总值增长目标: the target's own figure, not a share of anything
    if s[: q.start].rstrip("约近超过").endswith(CHANGE_VERBS):
        return None  # 按增长5%安排, 下降3%实现…: the figure is a change
    if pos > q.end and next_is_noun(rest[:6]):
        text = rest  # 向基层投放50%以上号源, 覆盖九成以上城乡社区
    elif rest.startswith("的"):
        text = rest[1:]
    else:
        tokens = posseg(rest[:12])
        first = tokens[0][1] if tokens else ""
        if first.startswith("v") or _SHARE_VP.match(rest):
            text = rest  # 95%以上实行备案管理
        elif re.search(r"(?:量|率|数|额|人口|群众|企业|家庭)$", rest) and len(rest) <= 8:
            text = rest  # 覆盖二级以上医疗机构97%门诊量
        elif _REACHES.search(s[: q.start].rstrip("约近超过")) and next_is_noun(rest[:6]):
            text = rest  # 覆盖90%政务服务办件, 覆盖全省90%乡镇卫生院: the share of what is reached
        else:
            noun = re.match(r"[\u4e00-\u9fff“”]+?(?=" + _SHARE_VP.pattern + r")", rest)
            if not noun:
                return None  # 5%政策: a name
            text = rest
    text = re.split(r"(?:，|,|；|;|。)", text)[0]
    text = clean_indicator(re.sub(r"(?:的|了|等)$", "", text))
    if ADMIN_SHARE.fullmatch(text) and _REACHES_PLACES.search(s[: q.start].rstrip("约近超过")):
        return text  # 新型农村社会养老保险试点覆盖24%的县, 试点范围扩大到60%的县（市、区）: the counties reached
    return text if len(text) >= 2 and not re.search(r"\d", text) else None


#: A verb of reach before a share (覆盖全省90%乡镇卫生院): the noun after the figure is what it is a share of.
_REACH_VERBS = "覆盖|惠及|辐射"
_WHOLE_SCOPE = "(?:全省|全市|全区|全县|全国)?$"
_REACHES = re.compile(f"(?:{_REACH_VERBS}){_WHOLE_SCOPE}")


#: …and a verb that widens a scope to places (试点范围扩大到全国40%的县).
_REACHES_PLACES = re.compile(f"(?:{_REACH_VERBS}|扩大到|扩大至|扩展到|扩展至){_WHOLE_SCOPE}")


_GROWTH_AFTER = re.compile(r"的?(?:增长|增速|增幅|涨幅|下降|降幅|提高|提升)")


_FROM_BASE = re.compile(
    r"^(?:的)?[^，,；;。]{0,12}?(?:(?:提高|增加|增长|上升|扩大|提升|拓展|扩展|下降|降低|减少|缩小|下调|上调|压缩|降|增|升|减)(?:到|至)"
    r"|(?:整合|调整|合并|精简|优化|缩减|压减|撤并)(?:为|到|至))"  # 中职学校由71所优化整合为47所
)


_SLOGAN = re.compile(r"^56个民族")


_NOT_COUNTED = NOT_COUNTED


_RULES_NAMED = re.compile(r"(?:配套)?(?:规定|禁令|要求|准则)")


_COMPLY = re.compile(r"贯彻|落实|执行|遵守|遵循|对照")


#: A ratio of the figure before to a base year's, period's or other amount's, stated after it (…69亿元，是2010年的2.6倍;
#: 新增风光装机超过600万千瓦，是正常消纳能力的10倍).
TIMES_BASE = re.compile(
    r"(?:是|为)(?P<base>(?:19|20)\d\d年|“?[十][一二三四五]五”?(?:时期|期间|末)?|[\u4e00-\u9fff]{2,8}?)的$"
)
TIMES_OF = re.compile(r"(?<=[，,])" + TIMES_BASE.pattern)


def is_measurement(s: str, q: Quantity) -> bool:
    """Whether a quantity measures something (not a name, threshold, base or slogan)."""
    if is_threshold(s, q) or _SLOGAN.match(s[q.start :]):
        return False
    if q.unit == "条" and _RULES_NAMED.match(s, q.end) and _COMPLY.search(s[max(0, q.start - 30) : q.start]):
        return False  # 严格落实中央八项规定、自治区党委28条配套规定: a regulation named by its articles
    before = s[max(0, q.start - 1) : q.start]
    if _in_quoted_name(s, q):
        return False  # 实施“0.1微克”行动, “7个专项行动”, 稳经济“30条”: a quoted name that opens on its figure
    if before in ("每", "前", "第") or (q.unit == "倍" and before == "的" and not TIMES_OF.search(s, 0, q.start)):
        return False  # 每50公斤; 相当于十年前的3倍 (but 旅游收入达到69亿元，是2010年的2.6倍: a ratio stated)
    if q.unit == "届" and re.search(r"连续[\u4e00-\u9fff]{0,2}$", s[max(0, q.start - 4) : q.start]):
        return False  # 连续举办8届, 连续12届获…奖: a streak of editions, as 连续5年 is of years
    rest = s[after_qualifier(s, q.end) :]
    if q.is_percent and next_is_noun(rest[:8]) and not rest.startswith(("的", "和", "与", "及")):
        if share_of(s, q) is None:
            return False  # 降低工商业电价5%政策: part of a name
    end = clause_end(s, q.end)
    if is_count_unit(q) and s[end : end + 1] in ("：", ":"):
        return False  # 着力完成七项任务：…: the count introduces the report's own list
    round_words = q.chinese and re.match(r"[千百万亿]", q.text) and s[q.start - 1 : q.start] not in "近约超逾的"
    if round_words and _NAMED_SCHEME.match(s, q.end):
        return False  # 全国新增千亿斤粮食生产能力建设规划, 千亿斤粮食产能提升行动: the scheme's name
    if q.unit in ("项", "个") and any(m.start() <= q.start < m.end() for m in _OUTLINE_COUNT.finditer(s)):
        return False  # 围绕经济发展，提出6项指标: a plan outline counting its own indicators
    if is_count_unit(q) and _AMONG_BEFORE.search(s, 0, q.start) and _RANKED_AMONG.match(s, q.end):
        return False  # 在全省62个贫困县中排名第五: the group a rank is taken in
    return not is_base(s, q)


#: The group a rank is taken in: 在全省62个贫困县中排名第五, 在全国入围的500个县中排名第53位.
_AMONG_BEFORE = re.compile(r"在[^，,；;。\d]{0,10}$")
_RANKED_AMONG = re.compile(r"[^，,；;。]{0,12}?中(?:排名|排|位列|位居|居|名列)(?:第|前)")


#: A scheme named by a round figure in words (新增千亿斤粮食生产能力建设规划, 新一轮千亿斤粮食产能提升行动).
_NAMED_SCHEME = re.compile(r"”?[\u4e00-\u9fff“”]{2,12}?(?:建设规划|规划|提升行动|行动|建设工程|工程|计划|能力建设)")


#: A plan outline counting its own indicators (围绕经济发展，提出6项指标; 共设置26项指标; 其中约束性指标11项)
#: or the aspects it is set out in (从…等5个方面细化提出; 8个方面主要目标), not a count of anything done or to
#: do (6项约束性指标全面完成 stays).
_OUTLINE_COUNT = re.compile(
    r"(?:提出|设置|设定|共计|包括)了?[^，,；;。\d]{0,8}\d+(?:项|个)(?:主要|预期性|约束性)?指标(?:[，,；;。]|$)"
    r"|(?:其中|，|,)(?:主要|预期性|约束性)指标\d+(?:项|个)(?:[，,；;。]|$)"
    r"|(?:从|分|围绕)[^，,；;。\d]{0,40}?\d+个(?:方面|领域|维度)"  # 从…等5个方面细化提出, 分13个领域细化实化
    r"|\d+个方面的?(?:重点方向|主要目标|目标任务|重点任务)"  # 实现以下8个方面主要目标
)


#: A short quotation opening on a figure and holding no list (“3个100”, “15分钟”): a name. A quoted list of
#: figures (以“1家国家实验室、8个大科学装置…”为主体) is figures still.
_QUOTED_NAME = re.compile(r"“(?=(?:[两二三四五六七八九十]个)?[\d０-９])[^”“、，,；;。]{1,10}”")  # also “两个70%”


def _in_quoted_name(s: str, q: Quantity) -> bool:
    """Whether a figure lies in a short quotation that opens on a figure (“0.1微克”行动, “3个100万”).

    >>> from policydiff.numbers import find_quantities as f
    >>> s = "优化实施新一轮“3个100万”"
    >>> [_in_quoted_name(s, q) for q in f(s)]
    [True, True]
    """
    opening = s.rfind("“", max(0, q.start - 10), q.start)
    if opening < 0:
        return False
    m = _QUOTED_NAME.match(s, opening)
    return m is not None and m.end() >= q.end


def is_base(s: str, q: Quantity) -> bool:
    """The starting point of a change (由9.8%降至7.5%, 现行16%的税率降至13%), not a figure of its own.

    >>> from policydiff.numbers import find_quantities as f
    >>> s = "能耗由前三年分别上升4.9％、5.5％，转为下降1.2%"
    >>> [is_base(s, q) for q in f(s)]
    [True, True, False]
    """
    cl = clause_start(s, q.start)
    head = s[cl : q.start]
    m = re.compile(r"[，,；;。]").search(s, q.end)
    tail = s[q.end : m.start() if m else len(s)]
    if re.search(
        r"(?:从|由)(?:(?:19|20)\d\d年(?:底|末)?的?|“?十[一二三四五]五”?(?:末|期末|时期)?的?)?"
        r"(?:[^，,；;\d]{0,6}|[^，,；;]{0,12}[、和])$",
        head,
    ) and _FROM_BASE.match(tail):
        return True
    if turns_from(s, q):
        return True  # 由前三年分别上升4.9％、5.5％、0.2％，转为下降1.2%: the years before, then this year's
    return bool(tail.startswith("的") and _FROM_BASE.match(tail) and re.search(r"\d", tail))


def turns_from(s: str, q: Quantity) -> bool:
    """Whether a figure is what was before a turn (由上年分别增长5.6％和13.1％，减为增长1.2%…: 5.6 and 13.1)."""
    return bool(_TURNS_FROM.search(s[: q.start]) and _TURNS_TO.match(s, q.end))


#: A change from what was before (由上年增长5.6％) to what is now (，转为下降1.2%): the first is the base.
_TURNS_FROM = re.compile(r"(?:由|从)[^，,；;。]*$")
_TURNS_TO = re.compile(r"[^，,；;。]*?(?:[，,]\s*)?(?:转为|变为|转而|减为|降为|升为|增为)")
