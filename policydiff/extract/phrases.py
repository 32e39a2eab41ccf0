"""Noun phrases around a figure: the indicator written before it (link words, time and scope words
stripped), the noun after a count, cleaning, and the parts of a listed indicator (分别).

>>> from policydiff.numbers import find_quantities
>>> from policydiff.extract.geometry import clause_start
>>> s = "全年地区生产总值实现712.6亿元，增长4.3%；力争煤炭产销量突破9000万吨。"
>>> [indicator_before(s, clause_start(s, q.start), q.start)[0] for q in find_quantities(s)]
['地区生产总值', '', '煤炭产销量']
"""

from __future__ import annotations

import os
import re

from ..lexicon import (
    AGAIN_WORDS,
    BARE_MEASURES,
    CHANGE_VERBS,
    CLASSIFIERS,
    COUNTERPARTS,
    GENERIC_INDICATORS,
    GRADE_UNITS,
    LEADING,
    LEVEL_LINKS,
    LINK_COMPOUNDS,
    MEASURE_ENDS,
    MODALS,
    NOT_COUNTED,
    NOUN_MODALS,
    PAYER_NAMES,
    PEOPLE_NOUNS,
    PLACE_SCOPES,
    PLAN_SHARE,
    PREFIX_QUALIFIERS,
    RATE_WORDS,
    SCOPE_GRADES,
    WIDENING_LINKS,
    WORDS_NOT_LINKS,
)
from ..metrics import strip_ends
from ..numbers import find_quantities
from .geometry import _CLOSE_QUOTES, _OPEN_QUOTES, clause_end
from .pos import _word_boundary, posseg

GENERIC = GENERIC_INDICATORS

#: A grade inside a name (750千伏): kept with its noun, not cut as an earlier figure.
_GRADES = "|".join(GRADE_UNITS)
#: A figure earlier in an indicator, up to the noun after it (贫困户96户183人); a name with letters or a grade stays.
_EARLIER_FIGURE = re.compile(
    r"(?<![A-Za-z._])\d[\d.]*(?![\d.]*(?:[A-Za-z]|" + _GRADES + r"))[^\d]{0,4}?(?=[\u4e00-\u9fff“])"
)


_YEAR_PREFIX = re.compile(
    r"^(?:(?:比|较)(?:上年|去年|上年同期|同期)[^，,；;]{0,6}?(?:增加|减少|提高|下降|降低|高|低|多|少|增长)?$)"
    r"|^同比|^(?:到|至|截至|截止|在)?(?:(?:19|20)\d\d年(?:度|底|末|初)?|\d{1,2}月(?:份|底|末)?|上半年|前三季度|一季度)"
)


#: What is left of a span of time after its figure (通过3年左右时间让…增长: 年左右时间让): not part of the name.
_SPAN_LEFT = re.compile(r"^(?:年|个月)(?:左右|内)?(?:的)?时间(?:内|里)?(?:让|使)?(?=[\u4e00-\u9fff]{2})")
#: A plan period opening an indicator (“十三五”时期经济年均增长): a time, not part of what is measured.
_PLAN_PERIOD = re.compile(r"^(?:今后五年|未来五年|“?十[一二三四五]?五”?(?:时期|期间|期末|末|以来)?)")


#: Indicators too generic to stand alone: they take the preceding figure's indicator as head.
GENERIC = ("总量", "总额", "规模", "总规模", "增速", "增幅", "比重", "占比", "其中", "总计", "合计", "人均")


#: Words that end a noun phrase after a count (13个商贸物流项目建设 -> 商贸物流项目建设).
_TRAIL = ("工作", "任务", "工程", "目标", "等", "的")
#: Work that names itself when its frame goes (4000户的改造任务 -> 改造).
_WORK_WORD = re.compile(r"改造|建设|搬迁|整治|治理|绿化|拆迁|安置")


_VERBISH = re.compile(r"^(?:以上|以下|左右|以内|的|是|为|和|与|及|或|被|在|将|要|了|等|多|余)")


def _many_kinds(text: str) -> bool:
    """Whether a leading 多 opens a word of its own (多功能, 多元化, 多式联运), not an approximation (个多月,
    多万人: 多 before a unit, a magnitude or a word of time).

    >>> _many_kinds("多功能运动场"), _many_kinds("多式联运示范线路"), _many_kinds("多月"), _many_kinds("多万人")
    (True, True, False, False)
    """
    if not text.startswith("多"):
        return False
    word, flag = posseg(text[:6])[0]
    if len(word) > 1 and flag != "m":
        return True
    nxt = text[1:2]
    return bool(nxt) and "\u4e00" <= nxt <= "\u9fff" and nxt not in _APPROXIMATED and nxt not in CLASSIFIERS


#: What an approximating 多 comes before, besides a classifier (3个多月, 1000多万人, 两年多时间).
_APPROXIMATED = frozenset("万亿千百十年月天日周时小分秒倍元人")


_COMPARATOR = re.compile(
    r"(?:比|较)(?:上年同期|上年|去年|同期|(?:19|20)\d\d年|[^，,；;比较]{0,8}?(?:前|初|末|底|之初))"
    r"(?:(?:调整)?(?:预算|决算)(?:收入|数)?|预计数|执行数)?"  # 比2019年调整预算收入: the budget compared to
    r"(?P<more>多|少|高|低)?$"
)


_TRAILING_YEAR = re.compile(r"(?:(?:增加|提高|增长|上升|下降|降低|减少)?(?:到|至))?(?:19|20)\d\d年?(?:底|末)?(?:的)?$")


#: A run of years between an indicator and its figure (城镇新增就业连续4年超过90万人).
_RUN_OF_YEARS = re.compile(r"(?:连续|已连续)?\d{1,2}年(?:来|间)?$")


#: Links of reach that a place may follow before a share (扩大到全国40%的县, 覆盖全省90%的乡镇).
_REACH_LINKS = (*WIDENING_LINKS, "覆盖")


_HIGHER = re.compile(r"(?:比|较)[^，,；;比较]{1,12}?(?:分别)?(?P<more>(?<![提升增])高|(?<![降减])低|多|(?<![减缩])少)$")


def _strip_trailing(text: str) -> tuple[str, list[str]]:
    """Strip link verbs and qualifiers from the end of the text before a number; return them too."""
    stripped: list[str] = []
    changed = True
    while changed and text:
        changed = False
        m = _COMPARATOR.search(text)
        if m and m.group("more") is None and re.search(r"\d年$", m.group()):
            text, changed = text[: m.start()], True  # 人均预期寿命较2020年提高1.16岁: the base year goes with 较
            continue
        m = _TRAILING_YEAR.search(text) or _RUN_OF_YEARS.search(text)
        if m and (m.start() > 0 or m.re is _RUN_OF_YEARS):
            text, changed = text[: m.start()], True  # 国内生产总值2000年达…, 增加到2002年的…
            continue
        scope = next((w for w in PLACE_SCOPES if text.endswith(w)), None)
        if scope and text[: -len(scope)].endswith(_REACH_LINKS):
            text, changed = text[: -len(scope)], True  # 试点范围扩大到全国40%的县: the nation's counties
            continue
        m = _HIGHER.search(text)
        if m and m.start() > 0:
            text, changed = text[: m.start()], True  # 贷款增速比各项贷款平均增速分别高4.2和0.7个百分点
            stripped.insert(0, "增加" if m.group("more") in "多高" else "减少")
            continue
        m = _COMPARATOR.search(text)
        if m:
            text = text[: m.start()]
            if m.group("more"):  # 比去年多100万人: a change
                stripped.insert(0, "增加" if m.group("more") in "多高" else "减少")
            changed = True
            continue
        for word in (*PREFIX_QUALIFIERS, *LEVEL_LINKS, *CHANGE_VERBS):
            if text.endswith(word) and len(text) >= len(word) and not text.endswith(LINK_COMPOUNDS):
                text = text[: -len(word)]
                stripped.insert(0, word)
                changed = True
                break
        m = _ADVERB_END.search(text) if stripped else None
        if not changed and m and (m.start() >= 2 or m.start() == 0):
            # 一般公共预算收入再次达到万亿级规模: the adverb of the link; 历史性突破百亿大关 alone: no name
            text, changed = text[: m.start()], True
        if not changed and text.endswith("均") and stripped and not re.search(r"[人年日月平]均$", text):
            text, changed = text[:-1], True  # 能耗、水耗均下降 (but 人均, 年均 stay)
        if not changed and text.endswith("各") and len(text) > 3 and LIST_SEP.search(text[:-1]):
            text, changed = text[:-1], True  # 新增职业技术大学、高等职业学校各2所: the figure is each item's
        if not changed and text.endswith("双双") and stripped:
            text, changed = text[:-2], True  # 铁路、航空客运量双双超过千万人次: both
        m = re.search(r"(?:比|较)[^，,；;比较]{1,8}$", text)
        if not changed and m and stripped and stripped[0] in CHANGE_VERBS and m.start() > 0:
            text, changed = text[: m.start()], True  # 增幅比一季度回落17.2个百分点
    return text, stripped


#: Adverbs of a link verb stripped after a name (再次达到, 首次突破, 历史性突破, 连续迈上).
_ADVERB_END = re.compile(r"(?:在(?:全国|全省|全区|全市))?(?:再次|再度|首次|一举|历史性|连续|率先|大幅|大幅度|稳步)$")
#: 再 (once more) opening a name, with the modal words before it (也要再减少…).
_AGAIN = re.compile(r"^(?:也要|还要|要|也|还)?再")


def _strip_leading(text: str) -> str:
    changed = True
    while changed and text:
        changed = False
        m = _ENUMERATOR.match(text)
        if m:
            text, changed = text[m.end() :], True  # 一是发行1000亿元长期国债
            continue
        m = _YEAR_PREFIX.match(text) or _PLAN_PERIOD.match(text)
        if m and m.end():
            text = text[m.end() :]
            changed = True
            continue
        again = _AGAIN.match(text)
        if again and not text.startswith(AGAIN_WORDS, again.end() - 1) and len(text) > again.end() + 1:
            text, changed = text[again.end() :], True  # 今年再减少农村贫困人口1000万以上: once more, not a name
            continue
        for word in LEADING:
            if (
                text.startswith(word)
                and text[len(word) : len(word) + 1] not in ("和", "、", "与")
                and _word_boundary(text, len(word))
                and not (word in PLACE_SCOPES and text.startswith(SCOPE_GRADES, len(word)))  # 全国重点实验室
            ):
                text = text[len(word) :]
                changed = True
                break
    return text


#: Footnote markers a report puts after a term ([6], 〔3〕, ［12］, ^[3], 河湖“清四乱”（4）): not part of any name
#: (a list's （1） follows a full stop, not a word).
_FOOTNOTE = re.compile(
    r"\^?\[\d{1,3}\]|〔\d{1,3}〕|［\d{1,3}］|【\d{1,3}】|[\u2460-\u2473\u2776-\u277f]"
    r"|(?<=[”\u4e00-\u9fff])[（(]\d{1,2}[）)]"
)


_PER_UNIT = re.compile(r"每\d[\d.]*(?:公斤|斤|吨|千克|亩|人|户|月|年|平方米)")


_BUDGET_VERB = re.compile(r"(?<=[政府财])(?:拟|要|将)?(?:安排|投入|下达)(?=.)")


#: Examples listed before 等 and what they are examples of (电动重卡、电子信息、竹产业等供需对接活动).
#: 等 ending a list of examples, not inside a word (高等, 平等, 中等) nor a grade (等级).
ETC = re.compile(r"(?<![平高中同均初对相])等(?!级)")
_EXAMPLES = re.compile(rf"^[^、]*、[^等]*?{ETC.pattern}(?P<rest>[\u4e00-\u9fff“][^、]{{2,}})$")
#: …unless what follows only names the kind of the examples (领域投资: the list says which fields).
_NOT_AFTER_EXAMPLES = ("领域", "行业", "方面", "地区", "部门", "单位", "重点", "产业", "国家", "城市")


#: Modal words that end an indicator only as the figure's adverb (…收入预计, 旅游人数力争); 计划 and 预期 are
#: also nouns there (年度投资计划, 招生计划).
_TRAILING_MODALS = tuple(m for m in MODALS if m not in NOUN_MODALS)


def clean_indicator(text: str) -> str:
    """Trim punctuation, spaces and unmatched quotes around an indicator; drop a per-unit base
    (每50公斤) and a budget verb inside it (中央财政拟安排补贴资金 -> 中央财政补贴资金).

    >>> clean_indicator(" “最多跑一次”"), clean_indicator("示范村”"), clean_indicator("中央财政拟安排补贴资金")
    ('“最多跑一次”', '示范村', '中央财政补贴资金')
    >>> clean_indicator("电动汽车、锂电池、光伏产品“新三样”出口"), clean_indicator("城乡居民人均可支配收入预计")
    ('“新三样”出口', '城乡居民人均可支配收入')
    >>> clean_indicator("做实打响“旅居云南”新品牌、力争旅居人数")  # the clause before is another task
    '旅居人数'
    >>> clean_indicator("立体停车场〔"), clean_indicator("清理“河湖四乱”(5)")  # footnote marks after the name
    ('立体停车场', '清理“河湖四乱”')
    >>> clean_indicator("矿产建材集中区和四个新型建材产业园区建设")
    '矿产建材集中区建设'
    >>> clean_indicator("农户 “气代煤”改造")  # a space a PDF left between words, before a quote too
    '农户“气代煤”改造'

    """
    text = _FOOTNOTE.sub("", text)
    text = re.sub(r"(?<=[\u4e00-\u9fff“”]) +(?=[\u4e00-\u9fff“”])", "", _PER_UNIT.sub("", text))
    text = _BUDGET_VERB.sub("", text)
    text = text.strip(" \t\u3000.·-—、，,；;：:").rstrip("〔[【（(")  # 新建2个立体停车场〔73〕: a note mark opens
    text = re.sub(r"^[的了]+|[和、]+$|(?<![惠普涉波企顾以])及$", "", text)
    text = re.sub(r"(?<=..)(?:由|从)(?:上年|去年|前[两三四五]年)(?:的)?$", "", text)  # 能耗由前三年(分别上升…)
    # 光伏产品“新三样”出口: a quote before what is measured names the list (专精特新“小巨人” ends an item)
    # (a quote that counts them: 专精特新“小巨人”企业 is the last item's own name)
    text = re.sub(
        r"^[^“”、]{2,}(?:、[^“”、]{2,})+(?=“[^”]{0,5}[一二两三四五六七八九十][^”]{0,5}”[\u4e00-\u9fff])", "", text
    )
    # 五个矿产建材集中区和四个新型建材产业园区建设: the next count in words and its name are another figure's
    text = re.sub(
        r"[和及](?:[两二三四五六七八九]|十[一二三四五六七八九]?)[个座条家所处栋][\u4e00-\u9fff]{2,12}?"
        r"(建设|投入使用|建成|完工|竣工)?$",
        r"\1",
        text,
    )
    examples = _EXAMPLES.match(text)
    if examples and not examples.group("rest").startswith(_NOT_AFTER_EXAMPLES):
        text = examples.group("rest")  # 举办电动重卡、电子信息、竹产业等供需对接活动: the examples go
    m = list(re.finditer(_EARLIER_FIGURE, text))
    m = [x for x in m if not _YEAR_IN_NAME.match(text, x.start()) or _figure_at(text, x.start())]  # 2025西部…单位
    if m and not re.search(r"\d[^\d]{0,4}(?:以上|以下)|(?:超过|超|逾)\d[\d.]*(?:万亿|亿|万)?元", text):
        # 贫困户96户183人: an earlier figure is not part of the indicator; a class's size stays in its name
        # (实施5000万元以上重点项目, 年销售收入超10亿元的龙头企业)
        text = text[m[-1].end() :]
        text = re.sub(r"^(?:万亿|亿|万)(?:元|美元)(?:以上|以下)?的?", "", text)
    while text and text[0] in _CLOSE_QUOTES:
        text = text[1:]
    while text and text[-1] in _OPEN_QUOTES:
        text = text[:-1]
    if text.count("“") < text.count("”"):
        text = text.replace("”", "", text.count("”") - text.count("“"))
    if text.count("“") > text.count("”"):
        text = text.replace("“", "", text.count("“") - text.count("”"))
    inner = list(re.finditer(r"[、，,](?:力争|确保|争取)", text))
    if inner and len(text) - inner[-1].end() >= 2 and not text.endswith(("规模", "总量")):
        text = text[inner[-1].end() :]  # 做实打响“旅居云南”新品牌、力争旅居人数: the clause before is another task
    modal = next((m for m in _TRAILING_MODALS if text.endswith(m) and len(text) > len(m) + 1), None)
    if modal:
        text = text[: -len(modal)]  # 城乡居民人均可支配收入预计分别完成…: the estimate is said of the figure
    return text.strip()


#: The year a level reached is dated to, between its verb and the figure (提升到2025年的57.7%).
_DATED_TO = re.compile(r"(?<=[到至])(?:19|20)\d\d年(?:底|末)?的?$")
#: Per person / household and per month / year right before a money figure: its unit's denominator.
_PER_DENOMINATOR = re.compile(r"(?:每人|每户|每生|人均)?(?:每月|每年|每天)$|(?<=..)(?:每人|每户|每生|人均)$")


#: Price and scope adjustments that qualify a growth rate, not the indicator (考虑价格下降因素, 按可比价计算).
_ADJUSTMENT = re.compile(
    r"(?:考虑|扣除|剔除)[^，,；;]{0,10}?因素(?:后)?|按可比价(?:格)?(?:计算)?|按可比口径(?:计算)?|按不变价(?:格)?(?:计算)?"
    r"|(?:可比|同口径)(?=增长|下降)"
)


_ENUMERATOR = re.compile(
    r"^(?:十?[一二三四五六七八九十]是|第十?[一二三四五六七八九十](?![次批轮届产个])|其[一二三四五六七八九十])"
)  # 一是…, 十一是…, 第三, 其一 — but 第四次全国文物普查 and 第一产业 are names


_RECEIVERS = re.compile(r"(?:人|户|者|群众|家庭|对象|学生|职工|农民|企业|单位)$")


_GIVEN = re.compile(r"(?:发放|投放|拨付|下拨|兑付)(?=[\u4e00-\u9fff]{2})")


def indicator_before(s: str, start: int, qstart: int) -> tuple[str, list[str]]:
    """The indicator written before a quantity, and the link words stripped between them.

    Leading time words and verbs (全年, 今年, 实现, 完成, 达到, 力争) go; when only a verb would
    be left with a one- or two-character noun (完成投资), the verb stays.

    >>> indicator_before("国内生产总值比上年增长", 0, 11)
    ('国内生产总值', ['增长'])
    >>> indicator_before("完成投资", 0, 4)[0], indicator_before("全年产销煤炭", 0, 6)[0]
    ('完成投资', '产销煤炭')
    >>> indicator_before("为低收入农牧户发放冬煤补贴", 0, 13)[0], indicator_before("城镇失业人员实现再就业", 0, 11)[0]
    ('冬煤补贴', '再就业')
    >>> indicator_before("力争通过3年左右时间让全县农民人均可支配收入", 0, 23)[0]  # a span of time said before
    '全县农民人均可支配收入'
    """
    raw = _ADJUSTMENT.sub("", s[start:qstart]).rstrip(" \t\u3000")
    raw = _DATED_TO.sub("", raw)  # …从2020年的53.2%提升到2025年的57.7%: a level reached, dated
    raw = _PER_DENOMINATOR.sub("", raw) or raw  # 低保标准提高到每人每月740元: per person and month, the unit's
    body, links = _strip_trailing(raw)
    lead = _strip_leading(body)
    m = _GIVEN.search(lead)
    if m and m.start() > 0 and (re.match(r"(?:全年|共|累计)?[为向]", raw) or _RECEIVERS.search(lead[: m.start()])):
        lead = lead[m.end() :]  # 为1467位…老年人发放高龄补贴176万元: the grant, not its receivers
    m = re.search(r"实现(?=[\u4e00-\u9fff]{3})", lead)
    if m and m.start() >= 2:
        lead = lead[m.end() :]  # 城镇失业人员实现再就业2000人 -> 再就业
    if len(lead) <= 2 and lead != body:
        for verb in ("完成", "实现", "达到"):
            if body.endswith(verb + lead) and lead:
                lead = verb + lead
                break
    return _SPAN_LEFT.sub("", clean_indicator(lead)), links


#: Kinds of two characters listed before the noun the last closes on (供水、供热、排水管网), to their clause end.
_TWO_CHAR_KINDS = re.compile(
    r"(?:[\u4e00-\u9fff]{2}、)+[\u4e00-\u9fff]{2}(?P<head>[\u4e00-\u9fff]{2,4})(?=[，,；;。]|$)"
)


#: Words of two or three characters listed after a first one, the last running on to the noun they all describe
#: (特殊困难高龄、失能、残疾老年人家庭居家适老化改造): one name, not a list of things.
_LISTED_MODIFIERS = re.compile(r"[^\d，,；;。、]{2,8}(?:、[^\d，,；;。、]{2,3})+、[^\d，,；;。、]{6,}")


def indicator_after(s: str, qend: int) -> str:
    """The noun phrase right after a count (13个商贸物流项目 -> 商贸物流项目), to its clause end.

    >>> indicator_after("18家煤炭生产经营单位被评为自治区级绿色矿山", 3)
    '自治区级绿色矿山'
    >>> indicator_after("推进309个住宅小区二次供水设施建设、8条", 6)
    '住宅小区二次供水设施建设'
    >>> indicator_after("183人实现全部脱贫", 4)
    '脱贫'
    >>> indicator_after("100个标志性工程，构建", 4)
    '标志性工程'
    >>> indicator_after("6000户特殊困难高龄、失能、残疾老年人家庭居家适老化改造；", 5)
    '特殊困难高龄、失能、残疾老年人家庭居家适老化改造'
    """
    end = clause_end(s, qend)
    while end - qend <= 2 and s[end : end + 1] == "、" and re.fullmatch(r"[省市县区村镇乡州旗盟]级?", s[qend:end]):
        end = clause_end(s, end + 1)  # 11个省、市重点项目: the list of levels is one noun
    kinds = _TWO_CHAR_KINDS.match(s, qend)
    if kinds and s[end : end + 1] == "、" and posseg(kinds.group("head"))[-1][1].startswith("n"):
        end = kinds.end()  # 34公里供水、供热、排水管网: kinds of two characters before the noun they share
    modifiers = _LISTED_MODIFIERS.match(s, qend)
    if modifiers and s[modifiers.end() : modifiers.end() + 1] in ("", "，", ",", "；", ";", "。"):
        end = modifiers.end()  # 6000户特殊困难高龄、失能、残疾老年人家庭…改造: who they are, listed, then the noun
    while s[end : end + 1] == "、" and 2 <= end - qend <= 5:  # a short kind first (中小学、幼儿园…; 省、自治区…)
        nxt = clause_end(s, end + 1)
        words = posseg(s[end + 1 : nxt])
        if (
            not words
            or not words[0][1].startswith("n")
            or re.search(r"[\d０-９]", s[end + 1 : nxt])
            or s[nxt : nxt + 1] == "、"
            or re.search(r"等|居|第|前列|最", s[end + 1 : nxt])
        ):
            break  # 、推进道路改造: a clause of its own; 、3个幼儿园: another figure; 、规模居全国前列: a rank
        end = nxt  # 116所中小学、幼儿园一键报警平台联网: the things counted are listed, the clause is theirs
    text = re.sub(r"^\d[\d.]*[^\d，,；;、的]{0,3}?(?:及以上|及以下|以上|以下)的?", "", s[qend:end])  # 10蒸吨及以下的
    # 4S店, 5G基站, 750千伏电网工程 are names
    m = re.search(
        r"(?<![A-Za-z\d._])(?<!过)(?<!超过)(?!(?<=前)[\d.]+[%‰‱％])\d(?![\d.]*(?:[A-Za-z]|" + _GRADES + "))", text
    )
    if m and _YEAR_IN_NAME.match(text, m.start()) and not _figure_at(text, m.start()):
        m = None  # 入选2025西部企业数字化建设成效卓越单位: a year inside a name, not a figure
    if m:
        text = re.sub(r"[和与及]$", "", text[: m.start()])  # 过10亿元的…: a threshold stays in the name
    for mark in ("被评为", "被认定为", "被命名为", "获评"):
        if mark in text:
            text = text.split(mark, 1)[1]
            if end < len(s) and s[end] == "、":  # 被认定为省、市“专精特新”企业: the list is one name
                text += s[end : clause_end(s, end + 1)]
    m = re.match(r"(?:实现|完成)了?(?:全部|全面)?(?=[\u4e00-\u9fff]{2})", text)
    if m:
        text = text[m.end() :]  # 96户、183人实现全部脱贫 -> 脱贫; 其中4条实现通车 -> 通车
    done = _DONE_ALL.search(text)
    if done:
        text = text[: done.start()] + done.group("done")  # 7035套安置房全部完成不动产登记: what was done to them all
    text = re.split(
        r"(?:应当|应该|(?<![供适响相效反呼])应(?![用急对])|(?<![主重需必只纲])要(?![求素点])|将(?!来)|可以|能够|都|(?<![年人日月])均(?!衡)|已(?!有|通过|入选|进入)|全部|全面"
        r"|为重点|为主|为核心|为抓手|支持(?!政策|措施|资金)|用于|投向|受益|惠及|正式|顺利|如期|按期|圆满|共计|合计)",
        text,
        maxsplit=1,
    )[0]
    if _VERBISH.match(text) and not text.startswith(WORDS_NOT_LINKS) and not _many_kinds(text):
        return ""  # 和美乡村 is a name, 和 a link; 45个多功能运动场 a noun, 3个多月 an approximation
    for verb in CHANGE_VERBS:
        if text.endswith(verb) and len(text) > len(verb) + 1:
            text = text[: -len(verb)]  # 74个重点城市细颗粒物(PM2.5)年均浓度下降9.1%
            break
    named = strip_ends(text, _TRAIL)
    short = len(named) <= 2 and named not in NOT_COUNTED and not _WORK_WORD.fullmatch(named)
    if named != text and (named.endswith("性") or short):
        named = text  # 100个标志性工程: an adjective names nothing; 20项民心工程: nor 民心 (改造任务: 改造 does)
    return clean_indicator(named)


#: Deeds done to all the things counted, closing the clause (全部投产, 均已完工, 全部完成不动产登记, 首次全部达到国家
#: 二级标准): the deed stays in the name, without 全部.
_DONE_DEEDS = r"投产|投放|投用|完工|竣工|交付|通车|(?:完成|实现)[\u4e00-\u9fff]{2,8}|达到[\u4e00-\u9fff“”]{2,12}?标准"
_DONE_ALL = re.compile(rf"(?<=[\u4e00-\u9fff）)]{{2}})(?:首次)?(?:全部|均已|均|都已|都)(?P<done>{_DONE_DEEDS})$")
#: …and such a deed closing a name (项目完工): what is left names the things.
DONE_TAIL = re.compile(f"(?:{_DONE_DEEDS})$")


#: A year opening a name after a verb (入选2025西部…单位, 获评2024年度…): not a figure that ends the noun.
_YEAR_IN_NAME = re.compile(r"(?:19|20)\d\d(?:年度)?(?=[\u4e00-\u9fff“])(?![年级])")


def _figure_at(text: str, pos: int) -> bool:
    """Whether a quantity (a number with its unit) starts at ``pos`` (2000亿元, 1919人; not 2025西部)."""
    return any(q.start == 0 for q in find_quantities(text[pos : pos + 12]))


#: Urban and rural parts of a whole (城镇和农村居民…, 城市、农村低保标准).
URBAN_RURAL = ("农村牧区", "农牧区", "城镇", "农村", "城市", "乡村", "牧区")

#: What separates the items of a listed subject (but not 及 inside 普及, 涉及, 以及).
LIST_SEP = re.compile(r"、|和|与|(?<![惠普涉波企顾以])及")


#: The economy's sectors listed by their ordinals (一、二、三产业增加值).
_SECTORS = re.compile(r"第?(?P<ords>[一二三](?:[、和及与]第?[一二三])+)产(?:业)?(?P<head>[\u4e00-\u9fff]{2,8})")


#: A payer and the use its money is put to, leading a list of uses (中央财政用于科技、教育…的支出).
_PURPOSE_LEAD = re.compile(r"[^、和及与，,]{2,10}?用于(?=[^、]{1,8}[、和及与])")


def split_parallel(indicator: str, n: int, *, shared_end: bool = True, counted: bool = False) -> list[str] | None:
    """Split a listed indicator over ``n`` figures given 分别 (respectively), sharing its head noun.

    >>> split_parallel("基础设施、制造业投资", 2)
    ['基础设施投资', '制造业投资']
    >>> split_parallel("高技术制造业、装备制造业增加值", 2)
    ['高技术制造业增加值', '装备制造业增加值']
    >>> split_parallel("城乡常住居民人均可支配收入", 2)
    ['城镇常住居民人均可支配收入', '农村常住居民人均可支配收入']
    >>> split_parallel("城镇和农村居民人均可支配收入", 2)
    ['城镇居民人均可支配收入', '农村居民人均可支配收入']
    >>> split_parallel("城镇和农村牧区常住居民人均可支配收入", 2)
    ['城镇常住居民人均可支配收入', '农村牧区常住居民人均可支配收入']
    >>> split_parallel("单位国内生产总值能耗和二氧化碳排放", 2)
    ['单位国内生产总值能耗', '单位国内生产总值二氧化碳排放']
    >>> split_parallel("一、二、三产增加值", 3)
    ['第一产业增加值', '第二产业增加值', '第三产业增加值']
    >>> split_parallel("接待游客人次、出游总花费", 2)
    ['接待游客人次', '出游总花费']
    >>> split_parallel("交通、水利分别完成投资", 2)
    ['交通完成投资', '水利完成投资']
    >>> split_parallel("工业、制造业、工业技改投资", 3)
    ['工业投资', '制造业投资', '工业技改投资']
    >>> split_parallel("新雪季接待游客人次、出游总花费增速", 2)
    ['新雪季接待游客人次增速', '出游总花费增速']
    >>> split_parallel("城镇调查失业率、居民消费价格涨幅", 2)
    ['城镇调查失业率', '居民消费价格涨幅']
    >>> split_parallel("规上工业产值和增加值", 2)
    ['规上工业产值', '规上工业增加值']
    >>> split_parallel("PM10、PM2.5", 2)
    ['PM10', 'PM2.5']
    >>> split_parallel("高速公路、水利、电网投资", 3)
    ['高速公路投资', '水利投资', '电网投资']
    >>> split_parallel("对中亚五国、东盟进出口", 2)
    ['对中亚五国进出口', '对东盟进出口']
    >>> split_parallel("对共建“一带一路”国家、非洲、欧洲出口", 3)
    ['对共建“一带一路”国家出口', '对非洲出口', '对欧洲出口']
    >>> split_parallel("黄金、白银、精炼铜、镍产量", 4)  # 铜 is a noun of its own, 存 (below) a verb
    ['黄金产量', '白银产量', '精炼铜产量', '镍产量']
    >>> split_parallel("金融机构本外币存、贷款余额", 2)  # 存 is no word of its own: no safe split
    ['金融机构本外币存、贷款余额', '金融机构本外币存、贷款余额']
    >>> split_parallel("园区规模工业增加值、税收增速高于全省", 2)
    ['园区规模工业增加值增速高于全省', '税收增速高于全省']
    >>> split_parallel("城镇新增就业、新增发放创业担保贷款分别完成年计划", 2)
    ['城镇新增就业完成年计划', '新增发放创业担保贷款完成年计划']
    >>> split_parallel("中央财政用于科技、教育和文化事业的支出", 3)
    ['中央财政用于科技事业的支出', '中央财政用于教育事业的支出', '中央财政用于文化事业的支出']

    ``counted``: the figures count things (个, 家, 座 …), so items with no head in common are the things
    themselves:

    >>> split_parallel("学校、幼儿园", 2), split_parallel("学校、幼儿园", 2, counted=True)
    (['学校、幼儿园', '学校、幼儿园'], ['学校', '幼儿园'])

    Names of like length that share no head, or share one that is not a measure, are each whole
    (:func:`_like_items`):

    >>> split_parallel("供水、水库蓄水、生态补水", 3), split_parallel("重点实验室、新型研发机构", 2)
    (['供水', '水库蓄水', '生态补水'], ['重点实验室', '新型研发机构'])

    ``shared_end`` False keeps a list whose items have no head of their own whole (for one figure said of
    them all, where 草原综合植被盖度和湿地保护率 would read 草原综合植被盖度保护率).
    """
    indicator = indicator.replace("分别", "")  # 交通、水利分别完成投资: the list, then what each did
    lead = _PURPOSE_LEAD.match(indicator)
    if lead:
        # 中央财政用于科技、教育、卫生和文化事业的支出: the payer and its 用于 lead every item
        names = split_parallel(indicator[lead.end() :], n, shared_end=shared_end, counted=counted)
        return [lead.group() + x for x in names] if names else None
    plan = _PLAN_SHARE.search(indicator)
    if plan and LIST_SEP.search(indicator[: plan.start()]):
        # 城镇新增就业、新增发放创业担保贷款完成年计划: each item is a whole name of the plan, said to be done
        parts = [p for p in LIST_SEP.split(indicator[: plan.start()]) if p]
        return [p + plan.group() for p in parts] if len(parts) == n else None
    compared = _COMPARED_TAIL.search(indicator)
    if compared and LIST_SEP.search(indicator[: compared.start()]):
        # 园区规模工业增加值、税收增速高于全省: what the items are compared with is said of each
        names = split_parallel(indicator[: compared.start()], n, shared_end=shared_end, counted=counted)
        return [x + compared.group() for x in names] if names else None
    rate = _SHARED_RATE.search(indicator)
    if rate and LIST_SEP.search(indicator[: rate.start()]):
        # 接待游客人次、出游总花费增速: the rate word is said of every item
        names = split_parallel(indicator[: rate.start()], n, shared_end=shared_end)
        # …but not of an item that is a rate already (城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内)
        return [x if x.endswith(RATE_WORDS) else x + rate.group() for x in names] if names else None
    if n == 2 and indicator.startswith("城乡") and not LIST_SEP.search(indicator):
        rest = indicator[2:]
        return ["城镇" + rest, "农村" + rest]
    sectors = _SECTORS.fullmatch(indicator)
    if sectors:  # 一、二、三产增加值, 第一、二、三产业增加值: the three sectors by their full names
        ordinals = re.findall(r"[一二三]", sectors.group("ords"))
        if len(ordinals) == n:
            return [f"第{o}产业{sectors.group('head')}" for o in ordinals]
    parts = [p for p in LIST_SEP.split(indicator) if p]
    if len(parts) != n:
        return None
    if all(re.fullmatch(r"[A-Za-z][A-Za-z0-9.]*", p) for p in parts):
        return parts  # PM10、PM2.5: codes, each a whole name
    owner = measured_owner(parts[0])
    if owner and all(p in OWNED_MEASURES for p in parts[1:]):
        return [parts[0], *(owner + p for p in parts[1:])]  # 规上工业产值和增加值: the later measures are its too
    rates = shared_rate_owner(parts)
    if rates != parts:
        return rates  # 市民服务热线诉求解决率、满意率: both of the hotline
    last_part = next((w for w in URBAN_RURAL if parts[-1].startswith(w)), None)
    if parts[0] in URBAN_RURAL and last_part and len(parts[-1]) > len(last_part) + 1:
        head = parts[-1][len(last_part) :]  # 城镇和农村居民人均可支配收入 (jieba reads 农村居民 as one word)
        return [p + head for p in parts[:-1]] + [parts[-1]]
    per = re.match(r"单位(?:国内|地区)生产总值|单位GDP|单位工业增加值|人均", parts[0])
    if per and all(not p.startswith(per.group()) for p in parts[1:]):
        return [parts[0]] + [per.group() + p for p in parts[1:]]  # 单位国内生产总值用水量、能耗
    headed = [p.endswith(_MEASURE_ENDS) and p not in _MEASURE_ENDS for p in parts]  # 进口 alone is an item
    if any(headed[:-1]) and headed[-1]:
        out = []  # 城市自来水和燃气普及率、污水集中处理率: a part without a head takes the next part's
        for i, p in enumerate(parts):
            if not headed[i]:
                nxt = next(q for q, h in zip(parts[i + 1 :], headed[i + 1 :], strict=True) if h)
                p += posseg(nxt)[-1][0]
            out.append(p)
        return out
    ends = os.path.commonprefix([p[::-1] for p in parts])[::-1]
    if len(ends) >= 2 and all(len(p) > len(ends) for p in parts):
        return parts  # 高新技术企业、科技型企业、专精特新“小巨人”企业: each item names its own head already
    last = parts[-1]
    words = [w for w, _ in posseg(last)]
    # the head is what follows the stretch of ``last`` that runs parallel to the first part
    # (a head that opens on a word of two or more characters is preferred within one character of gap:
    # 普惠小微贷款余额 against 制造业 -> 贷款余额, not 微贷款余额)
    best, head, stretch, rank = None, "", "", None
    acc = ""
    for i, w in enumerate(words[:-1]):
        acc += w
        gap = abs(len(acc) - len(parts[0]))
        key = (gap > 1, len(words[i + 1]) < 2, gap)
        if rank is None or key < rank:
            rank, best, head, stretch = key, gap, "".join(words[i + 1 :]), acc
    if len(words) > 2 and last.startswith(parts[0]) and stretch == parts[0]:
        head = words[-1]  # 工业、制造业、工业技改投资: the last item is a kind of the first; they share only 投资
    shorter = all(len(p) <= len(stretch) + 1 for p in parts[:-1])
    if head and not head.endswith(_WHOLE_ENDS) and _like_items(parts):
        return parts  # 重点实验室、新型研发机构: two kinds of things, not 重点实验室机构
    if head and shorter and not any(p.endswith(head) for p in parts[:-1]):
        if len(head) > 6 and best:
            return _unsplit(indicator, parts)  # no safe split: every figure keeps the whole listed indicator
        return [p + head for p in parts[:-1]] + [last]
    if shared_end and headed[-1] and not any(p.endswith(_WHOLE_ENDS) for p in parts[:-1]):
        # 高速公路、水利、电网投资: items of one kind, each a word of its own (not 存、贷款余额), the last
        # word measuring each of them
        end = words[-1]
        if len(end) == 1 and end in "率量额值数" and len(words) > 2:
            end = words[-2] + end  # 养老保险参保率: jieba reads 参保|率, the measure is 参保率
        items = [*parts[:-1], last[: -len(end)]]
        if (
            len(end) >= 2
            and all(0 < len(re.sub(r"^对|[“”\"]", "", x)) <= 8 for x in items)  # 对共建“一带一路”国家: 共建一带一路国家
            and all(len(posseg(p)[-1][0]) >= 2 or posseg(p)[-1][1] == "n" for p in parts[:-1])
        ):
            to = "对" if posseg(parts[0])[0] == ("对", "p") else ""  # 对中亚五国、东盟进出口: with each
            return [(p if p.startswith(to) else to + p) + end for p in parts[:-1]] + [
                last if last.startswith(to) else to + last
            ]
    if counted and not last.endswith(_WHOLE_ENDS) and all(len(p) >= 2 for p in parts):
        return parts  # 5G基站、标准机架分别达到10.8万个、101.2万架: things counted as they are, each item whole
    if (not headed[-1] or len(head) <= 1) and _like_items(parts):
        return parts  # 供水、水库蓄水、生态补水; 刑事案件、治安案件、命案数: like names, each whole
    if not all(p.endswith(_MEASURE_ENDS) for p in parts[:-1]):
        return _unsplit(indicator, parts)  # 居民医保和…人均财政补助标准: the shared head is unclear
    return parts


_MEASURE_ENDS = MEASURE_ENDS
#: The share of the year's plan done, said at the end of a name (城镇新增就业完成年计划的118.2%, 占全年任务的115%).
_PLAN_SHARE = re.compile(PLAN_SHARE)
#: A comparison closing a list of names, said of each of them (…、税收增速高于全省, …增速分别快于全国).
_COMPARED_TAIL = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?:高于|快于|低于|慢于)(?:全国|全省|全市|全区|全县)(?:平均水平|平均)?$"
)
#: A word of growth at the end of a list of names, said of each of them (…人次、出游总花费增速).
_SHARED_RATE = re.compile(r"(?:增速|增幅|增长率|涨幅)$")
#: Ends of names that measure on their own (人次, 花费, 利润 …): a list of them shares no head.
_WHOLE_ENDS = (*MEASURE_ENDS, "人次", "花费", "收入", "营收", "利润", "人数")


#: Measures said of a thing named before them (规上工业产值和增加值, 出让矿业权558个、收益290亿元).
OWNED_MEASURES = frozenset({*BARE_MEASURES, "产量", "面积", "收入", "增速", "总量", "规模", "数量", "人数", "总花费"})
_OWNED_END = re.compile("总?(?:" + "|".join(sorted(OWNED_MEASURES, key=len, reverse=True)) + ")$")


def _rate_owner(name: str) -> tuple[str, str] | None:
    """A rate's name cut into whose rate it is and the rate (市民服务热线诉求解决率 -> 市民服务热线诉求, 解决率), the
    manner words before the rate left out (平台诉求即时转办率 -> 平台诉求); None when it is no rate or no one's.

    >>> _rate_owner("市民服务热线诉求解决率"), _rate_owner("平台诉求即时转办率"), _rate_owner("义务教育阶段入学率")
    (('市民服务热线诉求', '解决率'), ('平台诉求', '转办率'), ('义务教育阶段', '入学率'))
    >>> _rate_owner("覆盖率"), _rate_owner("工业投资")
    (None, None)
    """
    words = posseg(name)
    if not name.endswith("率") or len(words) < 2:
        return None
    rate = words.pop()[0]
    if rate == "率" and words:
        rate = words.pop()[0] + rate  # 解决|率
    while words and (words[-1][1] in ("c", "d", "ad") or words[-1][0] in _MANNER_WORDS):
        words.pop()  # 即时转办率: how fast, not whose
    owner = "".join(w for w, _ in words)
    return (owner, rate) if len(owner) >= 2 and len(rate) >= 2 else None


#: Words of manner before a rate (即时转办率, 按时反馈率, 基本建成率): they say how, not whose.
_MANNER_WORDS = ("即时", "按时", "及时", "准时", "基本")


def shared_rate_owner(parts: list[str]) -> list[str]:
    """Listed names where a rate that names no owner of its own takes the owner of the rate listed before it
    (义务教育阶段入学率和巩固率 -> …, 义务教育阶段巩固率; 热线解决率、群众满意率 -> …, 热线群众满意率); other names
    as they are.

    >>> shared_rate_owner(["平台诉求即时转办率", "按时反馈率", "办结率"])
    ['平台诉求即时转办率', '平台诉求按时反馈率', '平台诉求办结率']
    >>> shared_rate_owner(["建档立卡贫困人口参保率", "资助率", "城镇居民收入"])
    ['建档立卡贫困人口参保率', '建档立卡贫困人口资助率', '城镇居民收入']
    >>> shared_rate_owner(["城镇登记失业率", "调查失业率"]), shared_rate_owner(["入学率", "巩固率"])
    (['城镇登记失业率', '调查失业率'], ['入学率', '巩固率'])
    """
    out = list(parts)
    for k in range(1, len(out)):
        rated = _rate_owner(out[k - 1])
        if rated and _bare_rate(out[k], rated):
            out[k] = rated[0] + out[k]
    return out


def _bare_rate(part: str, before: tuple[str, str]) -> bool:
    """Whether a rate listed after one of ``before`` (its owner and rate) names no one's, or only people or a
    payer (满意率, 按时反馈率, 群众满意率 after 热线解决率, 财政资助率 after 贫困人口参保率; not 湿地保护率 after
    林木覆盖率), and is another rate than that one (not 调查失业率 after 城镇登记失业率: two readings of one rate)."""
    own = _rate_owner(part)
    return (
        part.endswith("率")
        and len(part) <= 5
        and not part.startswith(before[0])
        and (own is None or own[0] in PEOPLE_NOUNS or own[0] in PAYER_NAMES)
        and not part.endswith(before[1])
    )


def strip_measure(name: str) -> str:
    """A name without the measure of :data:`OWNED_MEASURES` that closes it (林下经济面积 -> 林下经济, 办结率 -> '').

    >>> strip_measure("林下经济面积"), strip_measure("办结率"), strip_measure("出让矿业权")
    ('林下经济', '', '出让矿业权')
    """
    return _OWNED_END.sub("", name)


def measured_owner(name: str) -> str:
    """The thing a name measures when it ends in one of :data:`OWNED_MEASURES` (规上工业产值 -> 规上工业,
    生物降解制品总产量 -> 生物降解制品); '' when no such measure ends it or less than two characters are left.

    >>> measured_owner("规上工业产值"), measured_owner("产值"), measured_owner("出让矿业权")
    ('规上工业', '', '')
    """
    owner = strip_measure(name)
    return owner if owner != name and len(owner) >= 2 else ""


def _like_items(parts: list[str]) -> bool:
    """Whether listed names with no head in common are each a whole name: of like length (none more
    than twice another, none over ten characters), each ending on a noun of its own (not 存 of 存、贷款余额, nor 刑事
    of 刑事、治安案件).

    >>> _like_items(["专业技术人才", "高技能人才"]), _like_items(["供水", "水库蓄水", "生态补水"])
    (True, True)
    >>> _like_items(["居民医保", "基本公共卫生服务经费人均财政补助标准"]), _like_items(["金融机构本外币存", "贷款余额"])
    (False, False)
    >>> _like_items(["刑事", "治安案件"]), _like_items(["刑事案件", "治安案件", "命案数"])
    (False, True)
    """
    sizes = [len(p) for p in parts]
    if min(sizes) < 2 or max(sizes) > 10 or max(sizes) > 2 * min(sizes):
        return False
    ends = [_last_noun(p) for p in parts]
    return all(len(word) >= 2 and tag in ("n", "nz", "vn", "j") for word, tag in ends)


def _last_noun(name: str) -> tuple[str, str]:
    """The last word of a name, read with the noun before it when it is a one-character measure (命案数: 命案)."""
    words = posseg(name)
    if len(words) > 1 and words[-1][0] in ("数", "量", "率", "额"):
        return words[-2]
    return words[-1]


def _unsplit(indicator: str, parts: list[str]) -> list[str]:
    """The names for a list whose shared head is unclear: its parts when each measures on its own
    (接待游客人次、出游总花费), else the whole listed indicator for every figure."""
    return parts if all(p.endswith(_WHOLE_ENDS) for p in parts) else [indicator] * len(parts)


def shared_head(prev: str, noun: str) -> str:
    """In a list of figures sharing a verb, a bare noun takes the words before the previous item's noun
    (“高效办成一件事”平均压减时间58%、材料52% -> …平均压减材料); a full indicator stays as it is.

    >>> shared_head("“高效办成一件事”平均压减时间", "材料"), shared_head("地区生产总值", "一般公共预算收入")
    ('“高效办成一件事”平均压减材料', '一般公共预算收入')
    """
    if not noun or len(noun) > 3 or len(prev) < len(noun) + 2 or noun in prev:
        return noun
    words = posseg(prev)
    if len(words) < 2 or not words[-1][1].startswith("n") or not posseg(noun)[0][1].startswith("n"):
        return noun
    return prev[: len(prev) - len(words[-1][0])] + noun


def counterpart_name(prev: str, name: str) -> str | None:
    """A bare name that opens on the counterpart (:data:`policydiff.lexicon.COUNTERPARTS`) of a word in the name
    listed before it, said of what that name is of: the words before the counterpart, then the name (地方一般公共
    预算收入 / 支出 -> 地方一般公共预算支出; 人民币存款余额 / 贷款余额 -> 人民币贷款余额); None when it is no such
    name or the one before names nothing more than its counterpart.

    >>> counterpart_name("中老铁路累计发送旅客", "货物"), counterpart_name("人民币存款余额", "贷款余额")
    ('中老铁路累计发送货物', '人民币贷款余额')
    >>> counterpart_name("利用外资", "投资"), counterpart_name("收入", "支出"), counterpart_name("意见建议", "提案")
    (None, None, None)
    """
    for group in COUNTERPARTS:
        own = next((w for w in group if name.startswith(w)), None)
        if own is None:
            continue
        tail = name[len(own) :]
        for other in sorted(group - {own}, key=len, reverse=True):  # 意见建议 before 建议: one register
            if prev.endswith(other + tail):
                return prev[: len(prev) - len(other + tail)] + name if len(prev) > len(other + tail) else None
    return None


_BASE_FROM = re.compile(r"(?:从|由)(?:每[月年人户天])?[^，,；;]{0,8}?\d[^，,；;]*$")


_BASE_OF = re.compile(
    r"(?<!超过)(?<![超逾\d.])(?:现行|目前|当前|现在)?\d[\d.,]*(?:%|‰|[万亿]*[^\d，,；;的]{0,3})?的(?P<noun>[^，,；;\d]+)$"
)  # not an amount passed (年销售收入超10亿元的龙头企业: a class's size, kept in its name)


def indicator_and_links(s: str, cl: int, qstart: int) -> tuple[str, list[str]]:
    """Indicator and link words before a figure; a base figure in between is cut out.

    >>> indicator_and_links("关税总水平由9.8%降至", 0, 13)
    ('关税总水平', ['降至'])
    >>> indicator_and_links("将制造业等行业现行16%的税率降至", 0, 17)
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


def strip_target_words(ind: str) -> str:
    for word in ("具体目标", "预期目标", "目标"):
        if ind.endswith(word) and len(ind) > len(word):
            return ind[: -len(word)]
    return ind
