"""Reading one quantity in its sentence: is it a measurement, what does it measure, how.

Pure functions over a sentence's (width-folded) text and the :class:`~policydiff.numbers.Quantity`
spans found in it; :mod:`policydiff.extract` puts them together into records. Offsets here are
relative to the sentence.

>>> from policydiff.numbers import find_quantities
>>> s = "全年地区生产总值实现712.6亿元，增长4.3%；力争煤炭产销量突破9000万吨。"
>>> qs = find_quantities(s)
>>> [indicator_before(s, clause_start(s, q.start), q.start)[0] for q in qs]
['地区生产总值', '', '煤炭产销量']
>>> [prefix_qualifier(s, clause_start(s, q.start), q.start) for q in qs]
[None, None, '突破']
"""

from __future__ import annotations

import re

from . import nlp
from .lexicon import (
    ACTION_VERBS,
    CHANGE_VERBS,
    CLASSIFIERS,
    FALL_VERBS,
    GENERIC_INDICATORS,
    LEADING,
    LEADING_CHANGE_VERBS,
    LEVEL_LINKS,
    LIGHT_VERBS,
    MEASURE_ENDS,
    MODALS,
    MONEY_WORDS,
    NOT_COUNTED,
    PLACE_SCOPES,
    PLAIN_VERBS,
    PREFIX_QUALIFIERS,
    RISE_VERBS,
    SUFFIX_QUALIFIERS,
    TOTALS,
    WORDS_NOT_LINKS,
)
from .metrics import known_indicator, metric_base, metric_table
from .numbers import Quantity, find_quantities

#: Clause boundaries (the quantity's indicator never reaches across one).
CLAUSE_PUNCT = "，,；;：:。！？!?、（）()"
_OPEN_QUOTES, _CLOSE_QUOTES = "“‘「《", "”’」》"

#: Modal words, change verbs, link and leading words: the rule vocabulary (policydiff/data/lexicon.json).
_FALL, _RISE = FALL_VERBS, RISE_VERBS
GENERIC = GENERIC_INDICATORS
_YEAR_PREFIX = re.compile(
    r"^(?:(?:比|较)(?:上年|去年|上年同期|同期)[^，,；;]{0,6}?(?:增加|减少|提高|下降|降低|高|低|多|少|增长)?$)"
    r"|^同比|^(?:到|至|截至|截止|在)?(?:(?:19|20)\d\d年(?:度|底|末|初)?|\d{1,2}月(?:份|底|末)?|上半年|前三季度|一季度)"
)
#: A plan period opening an indicator (“十三五”时期经济年均增长): a time, not part of what is measured.
_PLAN_PERIOD = re.compile(r"^(?:今后五年|未来五年|“?十[一二三四五]?五”?(?:时期|期间|期末|末|以来)?)")
#: Indicators too generic to stand alone: they take the preceding figure's indicator as head.
GENERIC = ("总量", "总额", "规模", "总规模", "增速", "增幅", "比重", "占比", "其中", "总计", "合计", "人均")
#: Words that end a noun phrase after a count (13个商贸物流项目建设 -> 商贸物流项目建设).
_TRAIL = ("工作", "任务", "工程", "目标", "等", "的")
_RATE_END = ("率", "比重", "比例", "占比", "覆盖面", "强度", "贡献率")
_GROWTH_END = ("增长", "增速", "增幅", "涨幅", "增长率", "增长速度", "上涨", "提高", "下降", "降幅")

_VERBISH = re.compile(r"^(?:以上|以下|左右|以内|的|是|为|和|与|及|或|被|在|将|要|了|等|多|余)")


#: A bracketed acronym or symbol inside a name (（PM2.5）, (GDP)): part of the clause, not a boundary.
_NOTE_BODY = r"(?:[A-Za-z][A-Za-z0-9.]{0,9}|(?![一二三四五六七八九十]+[）)])[\u4e00-\u9fff][\u4e00-\u9fff、]{0,5})"
_NOTE = re.compile(rf"[（(]{_NOTE_BODY}[）)]")  # （PM2.5）, （专科）, （市、区）: part of a name
_NOTE_BEFORE = re.compile(rf"[（(]{_NOTE_BODY}[）)]$")


def clause_start(s: str, pos: int) -> int:
    """Start of the clause holding ``pos``: after the last clause punctuation outside quotes.

    >>> s = "力争创建“五星达标、特色培育”示范村3个"
    >>> s[clause_start(s, s.index("3")):]
    '力争创建“五星达标、特色培育”示范村3个'
    >>> s = "地级及以上城市细颗粒物（PM2.5）平均浓度下降27.5%"
    >>> s[clause_start(s, s.index("27")):]
    '地级及以上城市细颗粒物（PM2.5）平均浓度下降27.5%'
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
                if not re.search(r"\d", s[prev:i]) or s[i + 1 : i + 2].isdigit():
                    return prev  # 二氧化硫、氮氧化物排放量 / 从50%、75%提高至: one clause
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


def suffix_qualifier(s: str, end: int) -> str | None:
    """左右 / 以上 / 以内 / 以下 right after a quantity.

    >>> suffix_qualifier("1100万人以上，", 6), suffix_qualifier("4%左右", 2)
    ('以上', '左右')
    """
    rest = s[end : end + 3]
    return next((q for q in SUFFIX_QUALIFIERS if rest.startswith(q)), None)


def prefix_qualifier(s: str, start: int, qstart: int) -> str | None:
    """超过 / 突破 / 不低于 / 近 / 约 / 控制在 ... right before a quantity (within its clause)."""
    before = s[start:qstart]
    for q in PREFIX_QUALIFIERS:
        if before.endswith(q):
            if q in ("近", "超") and before.endswith(("最近", "接近", "超过")):
                continue
            return q
    return None


def modality(s: str, qstart: int) -> str | None:
    """The modal word (确保, 力争, 争取, 预期 ...) governing a quantity: the nearest one before it
    in the same sentence and semicolon part; 要/将 only inside the quantity's own clause.

    >>> modality("力争年内引进项目300项以上，协议投资总额突破500亿元", 25)
    '力争'
    >>> modality("主要预期目标是：地区生产总值增长4%左右", 17) is None
    True
    """
    part_start = max(s.rfind(";", 0, qstart), s.rfind("；", 0, qstart)) + 1
    scope = s[part_start:qstart]
    best, best_pos = None, -1
    for word in MODALS:
        for m in re.finditer(word, scope):
            if word == "预期" and scope[m.end() : m.end() + 2] in ("目标", "性"):
                continue
            if m.start() > best_pos:
                best, best_pos = word, m.start()
    cl = clause_start(s, qstart)
    own = s[max(cl, part_start) : qstart]
    m = re.search(r"(?:要|将)(?!来|近|军|领|士)", own)
    if m and m.start() + max(cl, part_start) - part_start > best_pos:
        best = m.group()[0]
    return best


_COMPARATOR = re.compile(
    r"(?:比|较)(?:上年同期|上年|去年|同期|(?:19|20)\d\d年|[^，,；;比较]{0,8}?(?:前|初|末|底|之初))(?P<more>多|少|高|低)?$"
)


_TRAILING_YEAR = re.compile(r"(?:(?:增加|提高|增长|上升|下降|降低|减少)?(?:到|至))?(?:19|20)\d\d年?(?:底|末)?(?:的)?$")


#: A run of years between an indicator and its figure (城镇新增就业连续4年超过90万人).
_RUN_OF_YEARS = re.compile(r"(?:连续|已连续)?\d{1,2}年(?:来|间)?$")

_HIGHER = re.compile(r"(?:比|较)[^，,；;比较]{1,12}?(?:分别)?(?P<more>高|低|多|少)$")


def _strip_trailing(text: str) -> tuple[str, list[str]]:
    """Strip link verbs and qualifiers from the end of the text before a number; return them too."""
    stripped: list[str] = []
    changed = True
    while changed and text:
        changed = False
        m = _TRAILING_YEAR.search(text) or _RUN_OF_YEARS.search(text)
        if m and (m.start() > 0 or m.re is _RUN_OF_YEARS):
            text, changed = text[: m.start()], True  # 国内生产总值2000年达…, 增加到2002年的…
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
            if text.endswith(word) and len(text) >= len(word):
                text = text[: -len(word)]
                stripped.insert(0, word)
                changed = True
                break
        if not changed and text.endswith("均") and stripped and not re.search(r"[人年日月平]均$", text):
            text, changed = text[:-1], True  # 能耗、水耗均下降 (but 人均, 年均 stay)
        m = re.search(r"(?:比|较)[^，,；;比较]{1,8}$", text)
        if not changed and m and stripped and stripped[0] in CHANGE_VERBS and m.start() > 0:
            text, changed = text[: m.start()], True  # 增幅比一季度回落17.2个百分点
    return text, stripped


#: Change verbs written before the indicator (压减政府性基金项目30%): stripped, and they make the figure a change.
LEADING_CHANGE = LEADING_CHANGE_VERBS


def strip_leading_change(indicator: str) -> tuple[str, str | None]:
    """(indicator without a leading change verb, the verb).

    >>> strip_leading_change("压减政府性基金项目"), strip_leading_change("减税降费")
    (('政府性基金项目', '压减'), ('减税降费', None))
    """
    for verb in LEADING_CHANGE:
        if indicator.startswith(verb) and len(indicator) > len(verb) + 1:
            return indicator[len(verb) :], verb
    return indicator, None


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
        for word in LEADING:
            if (
                text.startswith(word)
                and text[len(word) : len(word) + 1] not in ("和", "、", "与")
                and _word_boundary(text, len(word))
            ):
                text = text[len(word) :]
                changed = True
                break
    return text


def _word_boundary(text: str, pos: int) -> bool:
    """Whether ``pos`` falls between two words of ``text`` (so that stripping 先 leaves 先进制造业 whole).

    >>> _word_boundary("先进制造业增加值", 1), _word_boundary("全年地区生产总值", 2), _word_boundary("共建社区", 1)
    (False, True, False)
    """
    if len(text) <= pos:
        return True
    acc = 0
    for word, _ in posseg(text[: pos + 6]):
        if acc == pos:
            return True
        if acc > pos:
            return False
        acc += len(word)
    return acc == pos


#: Footnote markers a report puts after a term ([6], 〔3〕, ［12］, ^[3]): not part of any name.
_FOOTNOTE = re.compile(r"\^?\[\d{1,3}\]|〔\d{1,3}〕|［\d{1,3}］|【\d{1,3}】")
_PER_UNIT = re.compile(r"每\d[\d.]*(?:公斤|斤|吨|千克|亩|人|户|月|年|平方米)")
_BUDGET_VERB = re.compile(r"(?<=[政府财])(?:拟|要|将)?(?:安排|投入|下达)(?=.)")


def clean_indicator(text: str) -> str:
    """Trim punctuation, spaces and unmatched quotes around an indicator; drop a per-unit base
    (每50公斤) and a budget verb inside it (中央财政拟安排补贴资金 -> 中央财政补贴资金).

    >>> clean_indicator(" “最多跑一次”"), clean_indicator("示范村”"), clean_indicator("中央财政拟安排补贴资金")
    ('“最多跑一次”', '示范村', '中央财政补贴资金')
    >>> clean_indicator("电动汽车、锂电池、光伏产品“新三样”出口")
    '“新三样”出口'

    """
    text = _FOOTNOTE.sub("", text)
    text = re.sub(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])", "", _PER_UNIT.sub("", text))
    text = _BUDGET_VERB.sub("", text)
    text = text.strip(" \t\u3000.·-—、，,；;：:")
    text = re.sub(r"^[的了]+|[和、]+$|(?<![惠普涉波企顾以])及$", "", text)
    text = re.sub(r"^[^“”、]{2,}(?:、[^“”、]{2,})+(?=“[^”]{1,6}”)", "", text)  # 电动汽车、锂电池、光伏产品“新三样”出口
    m = list(re.finditer(r"(?<![A-Za-z.])\d[\d.]*(?![\d.]*[A-Za-z])[^\d]{0,4}?(?=[\u4e00-\u9fff“])", text))
    if m and not re.search(r"\d[^\d]{0,4}(?:以上|以下)", text):
        text = text[m[-1].end() :]  # 贫困户96户183人: an earlier figure is not part of the indicator
    while text and text[0] in _CLOSE_QUOTES:
        text = text[1:]
    while text and text[-1] in _OPEN_QUOTES:
        text = text[:-1]
    if text.count("“") < text.count("”"):
        text = text.replace("”", "", text.count("”") - text.count("“"))
    if text.count("“") > text.count("”"):
        text = text.replace("“", "", text.count("“") - text.count("”"))
    return text.strip()


#: Price and scope adjustments that qualify a growth rate, not the indicator (考虑价格下降因素, 按可比价计算).
_ADJUSTMENT = re.compile(
    r"(?:考虑|扣除|剔除)[^，,；;]{0,10}?因素|按可比价(?:格)?(?:计算)?|按可比口径(?:计算)?|按不变价(?:格)?(?:计算)?"
)
_ENUMERATOR = re.compile(
    r"^(?:[一二三四五六七八九十]是|第[一二三四五六七八九十](?![次批轮届产个])|其[一二三四五六七八九十])"
)  # 一是…, 第三, 其一 — but 第四次全国文物普查 and 第一产业 are names


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
    """
    raw = _ADJUSTMENT.sub("", s[start:qstart]).rstrip(" \t\u3000")
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
    return clean_indicator(lead), links


def indicator_after(s: str, qend: int) -> str:
    """The noun phrase right after a count (13个商贸物流项目 -> 商贸物流项目), to its clause end.

    >>> indicator_after("18家煤炭生产经营单位被评为自治区级绿色矿山", 3)
    '自治区级绿色矿山'
    >>> indicator_after("推进309个住宅小区二次供水设施建设、8条", 6)
    '住宅小区二次供水设施建设'
    >>> indicator_after("183人实现全部脱贫", 4)
    '脱贫'
    """
    end = clause_end(s, qend)
    while end - qend <= 2 and s[end : end + 1] == "、" and re.fullmatch(r"[省市县区村镇乡州旗盟]级?", s[qend:end]):
        end = clause_end(s, end + 1)  # 11个省、市重点项目: the list of levels is one noun
    text = re.sub(r"^\d[\d.]*[^\d，,；;、的]{0,3}?(?:及以上|及以下|以上|以下)的?", "", s[qend:end])  # 10蒸吨及以下的
    m = re.search(r"(?<![A-Za-z\d.])(?<!过)(?<!超过)\d(?![\d.]*[A-Za-z])", text)  # 4S店, 5G基站 are names
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
    text = re.split(
        r"(?:应当|应该|应(?![用急对])|(?<![主重需必只纲])要(?![求素点])|将(?!来)|可以|能够|都|(?<![年人日月])均(?!衡)|已(?!有)|全部|全面"
        r"|为重点|为主|为核心|为抓手|支持|用于|投向|受益|惠及|正式|顺利|如期|按期)",
        text,
        maxsplit=1,
    )[0]
    if _VERBISH.match(text) and not text.startswith(WORDS_NOT_LINKS):  # 和美乡村 is a name, 和 a link
        return ""
    for verb in CHANGE_VERBS:
        if text.endswith(verb) and len(text) > len(verb) + 1:
            text = text[: -len(verb)]  # 74个重点城市细颗粒物(PM2.5)年均浓度下降9.1%
            break
    changed = True
    while changed:
        changed = False
        for t in _TRAIL:
            if text.endswith(t) and len(text) > len(t) + 1:
                text, changed = text[: -len(t)], True
    return clean_indicator(text)


#: What separates the items of a listed subject (but not 及 inside 普及, 涉及, 以及).
LIST_SEP = re.compile(r"、|和|与|(?<![惠普涉波企顾以])及")


def split_parallel(indicator: str, n: int) -> list[str] | None:
    """Split a listed indicator over ``n`` figures given 分别 (respectively), sharing its head noun.

    >>> split_parallel("基础设施、制造业投资", 2)
    ['基础设施投资', '制造业投资']
    >>> split_parallel("高技术制造业、装备制造业增加值", 2)
    ['高技术制造业增加值', '装备制造业增加值']
    >>> split_parallel("城乡常住居民人均可支配收入", 2)
    ['城镇常住居民人均可支配收入', '农村常住居民人均可支配收入']
    >>> split_parallel("单位国内生产总值能耗和二氧化碳排放", 2)
    ['单位国内生产总值能耗', '单位国内生产总值二氧化碳排放']
    """
    if n == 2 and indicator.startswith("城乡") and not LIST_SEP.search(indicator):
        rest = indicator[2:]
        return ["城镇" + rest, "农村" + rest]
    parts = [p for p in LIST_SEP.split(indicator) if p]
    if len(parts) != n:
        return None
    per = re.match(r"单位(?:国内|地区)生产总值|单位GDP|单位工业增加值|人均", parts[0])
    if per and all(not p.startswith(per.group()) for p in parts[1:]):
        return [parts[0]] + [per.group() + p for p in parts[1:]]  # 单位国内生产总值用水量、能耗
    headed = [p.endswith(_MEASURE_ENDS) for p in parts]
    if any(headed[:-1]) and headed[-1]:
        out = []  # 城市自来水和燃气普及率、污水集中处理率: a part without a head takes the next part's
        for i, p in enumerate(parts):
            if not headed[i]:
                nxt = next(q for q, h in zip(parts[i + 1 :], headed[i + 1 :], strict=True) if h)
                p += posseg(nxt)[-1][0]
            out.append(p)
        return out
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
    shorter = all(len(p) <= len(stretch) + 1 for p in parts[:-1])
    if head and shorter and not any(p.endswith(head) for p in parts[:-1]):
        if len(head) > 6 and best:
            return [indicator] * n  # no safe split: every figure keeps the whole listed indicator
        return [p + head for p in parts[:-1]] + [last]
    if not all(p.endswith(_MEASURE_ENDS) for p in parts[:-1]):
        return [indicator] * n  # 居民医保和…人均财政补助标准: the shared head is unclear
    return parts


_MEASURE_ENDS = MEASURE_ENDS


def shared_head(prev: str, noun: str) -> str:
    """In a list of figures sharing a verb, a bare noun takes the words before the previous item's noun
    (“高效办成一件事”平均压减时间58%、材料52% -> …平均压减材料); a full indicator stays as it is.

    >>> shared_head("“高效办成一件事”平均压减时间", "材料"), shared_head("地区生产总值", "一般公共预算收入")
    ('“高效办成一件事”平均压减材料', '一般公共预算收入')
    """
    if not noun or len(noun) > 3 or len(prev) <= len(noun) + 2 or noun in prev:
        return noun
    words = posseg(prev)
    if len(words) < 2 or not words[-1][1].startswith("n") or not posseg(noun)[0][1].startswith("n"):
        return noun
    return prev[: len(prev) - len(words[-1][0])] + noun


_PEOPLE = re.compile(
    r"(?:人口|人民|群众|老年人|毕业生|纳税人|劳动力|人才|师生|居民|农民工|人员|市民|村民|职工|儿女|同胞|家庭)$"
)
#: Verbs that name what a plan relies on or addresses, not what it delivers (依托…50家龙头企业, 用好1800亿元引导基金).
_RESOURCE = re.compile(r"依托|用好|利用好|立足|面向|依靠|借助|发挥好?")
_BENEFIT = re.compile(r"^(?:多|余)?(?:人|人次|户|名)?(?:受益|从中受益|得到实惠)")
#: Words before a figure that state what is, not what will be done (高校毕业生将高达765万人).
_EXISTS = ("达", "达到", "高达", "超过", "超", "突破", "有", "约", "近", "共有", "为", "是", "将", "预计", "接近")


def is_context(s: str, q: Quantity, ind: str, links: list[str], cl: int) -> bool:
    """Whether a figure in a plan describes the present or what the plan relies on, rather than
    something the government commits to (a *context* figure): 今年高校毕业生将高达765万人,
    约6700万人受益, 依托…50家龙头企业, 7100万江淮儿女.

    >>> from policydiff.numbers import find_quantities as f
    >>> s = "今年高校毕业生将高达765万人"
    >>> is_context(s, f(s)[0], "高校毕业生", ["将", "高达"], 0)
    True
    >>> s = "扩招100万人"
    >>> is_context(s, f(s)[0], "扩招", [], 0), is_context("依托50家龙头企业", f("依托50家")[0], "龙头企业", [], 0)
    (False, True)
    """
    raw = s[cl : q.start]
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
    if not people or not _PEOPLE.search(ind) or any(w not in _EXISTS for w in links):
        return False  # 农村贫困人口减少1000万: a change the plan commits to
    if any(flag.startswith("v") for _, flag in posseg(ind)):
        return False  # 新培育高技能人才12万人: the indicator names what is done
    return not _acts(s[start : q.start])


def _acts(raw: str) -> bool:
    """Whether the clause before a figure has a verb that delivers something (扩招, 帮助, 培养引进),
    not only one that states what is (达, 超过, 高达).

    >>> _acts("培养引进科技领军人才"), _acts("今年高校毕业生将高达"), _acts("帮助")
    (True, False, True)
    """
    return any(
        flag.startswith("v") and word not in _EXISTS and word not in PREFIX_QUALIFIERS for word, flag in posseg(raw)
    )


def is_count_unit(q: Quantity) -> bool:
    """A classifier without a magnitude (137项, 5所) counts things; 人 and 人次 do not."""
    return not q.magnitude and q.base_unit in CLASSIFIERS


def measure_of(q: Quantity, indicator: str, links: list[str]) -> tuple[str, str | None]:
    """(measure, direction) from the unit, the link verbs and the indicator's ending.

    >>> from policydiff.numbers import find_quantities as f
    >>> measure_of(f("4.3%")[0], "地区生产总值", ["增长"]), measure_of(f("3%")[0], "能耗", ["下降"])
    (('growth', None), ('growth', 'down'))
    >>> measure_of(f("5.5%")[0], "城镇调查失业率", []), measure_of(f("137项")[0], "重点项目", [])
    (('rate', None), ('count', None))
    """
    verbs = [w for w in links if w in CHANGE_VERBS]
    to_level = any(w.endswith(("到", "至")) or w in ("达到", "达", "为", "在", "保持在", "稳定在") for w in links)
    falls = any(w in _FALL for w in verbs)
    down = "down" if falls else None
    unit = q.unit or ""
    if unit.endswith("百分点") or unit == "倍":
        return "change", down
    if q.is_percent:
        if verbs and not to_level:
            return "growth", down
        if indicator.endswith(_GROWTH_END):
            return "growth", "down" if indicator.endswith(("下降", "降幅")) else None
        return "rate", None
    if verbs and not to_level:
        return "change", down
    if is_count_unit(q):
        return "count", None
    return "level", None


def is_threshold(s: str, q: Quantity) -> bool:
    """A figure inside a name: 5000万元以上重点项目, 亿元以上企业 — not a measurement.

    >>> from policydiff.numbers import find_quantities
    >>> s = "实施5000万元以上重点项目137项"
    >>> [is_threshold(s, q) for q in find_quantities(s)]
    [True, False]
    """
    rest = s[q.end :]
    if re.search(r"(?:不到|不足|低于|不超过|(?<![超通])过)$", s[: q.start]) and rest.startswith("的"):
        return True  # 年应纳税所得额不到100万元的部分, 预增产值过10亿元的工业新增长点
    m = re.match(r"(?:及以上|及以下|以上|以下)(?:的)?", rest)
    if not m or q.is_percent or q.base_unit in ("人", "人次", "人口", "户", "名") or q.unit in ("万", "亿"):
        return False  # 1500万人次以上的职工, 1000万以上农村贫困人口: a count of people, not a threshold
    if is_count_unit(q) and verb_before(s[clause_start(s, q.start) : q.start]):
        return False  # 新建5个以上紧密型城市医疗集团: a count to build, not a class of groups
    if m.group().endswith("的") and "\u4e00" <= rest[m.end() : m.end() + 1] <= "\u9fff":
        return True  # 10蒸吨及以下的各类燃煤小锅炉
    return next_is_noun(rest[m.end() : m.end() + 8]) and not rest[m.end() :].startswith(_NOT_NAMES)


_NOT_NAMES = ("目标", "水平", "规模", "增长", "增速", "任务", "标准")


def next_is_noun(text: str) -> bool:
    """Whether ``text`` opens with a noun (jieba part of speech), e.g. 重点项目 but not 安排.

    >>> next_is_noun("重点项目建设"), next_is_noun("安排，"), next_is_noun("，增长")
    (True, False, False)
    """
    text = text.lstrip("“‘「")
    if not text or not ("\u4e00" <= text[0] <= "\u9fff"):
        return False
    tokens = posseg(text)
    if not tokens:
        return False

    def nounish(flag: str) -> bool:
        return flag.startswith(("n", "j", "b", "a", "l")) or flag == "vn"

    first = tokens[0][1]
    return nounish(first) or (first.startswith(("d", "t")) and len(tokens) > 1 and nounish(tokens[1][1]))


def posseg(text: str) -> list[tuple[str, str]]:
    """Words with their part of speech: jieba's (cached) or the tagger :mod:`policydiff.nlp` is set to."""
    return nlp.posseg(text)


def is_verb_only(text: str) -> bool:
    """Whether an indicator candidate is only verbs/adverbs (发行, 新开工改造), no noun.

    >>> is_verb_only("发行"), is_verb_only("重点项目"), is_verb_only("")
    (True, False, True)
    """
    if not text or text in LIGHT_VERBS:
        return True
    tokens = posseg(text)
    if len(tokens) != 1:
        return False
    flag = tokens[0][1]
    return flag.startswith(("d", "p", "c", "u", "t", "r", "m")) or (flag == "v" and text in LIGHT_VERBS)


def ends_with_verb(text: str) -> bool:
    """Whether the last word is a verb (对我们这样一个拥有 -> True).

    >>> ends_with_verb("对我们这样一个拥有"), ends_with_verb("蓄水能力")
    (True, False)
    """
    tokens = posseg(text) if text else []
    return bool(tokens) and tokens[-1][1] == "v"


# ---------------------------------------------------------------------------
# Deciding a figure's indicator and whether it measures anything
# ---------------------------------------------------------------------------

_ALIASES = frozenset(a for entry in metric_table().values() for a in entry["aliases"])
_ACTION = re.compile(
    r"完成|实现|新建|建成|启动|实施|开展|改造|安置|培育|引进|招聘|投资|投入|发放|安排|支持|用于|推广|组织"
)
_MONEY_WORDS = MONEY_WORDS


def indicator_for(
    s: str, q: Quantity, cl: int, prev: str | None, cross: bool = False, prev_unit: str | None = None
) -> tuple[str, list[str]] | None:
    """The indicator of figure ``q`` (and the link words before it), or None when it measures nothing.

    Counts (137项, 13个商贸物流项目) and bare magnitudes (8000万纳税人) take the noun after
    them when there is one; a figure with no noun of its own (，增长4.3%) takes the previous
    figure's indicator in the sentence (``cross``: from an earlier clause, which only link words may do).
    A figure between a name and a noun (大唐700万吨露天矿) is part of a name.
    """
    ind, links = indicator_and_links(s, cl, q.start)
    ind = strip_target_words(ind)
    share = share_of(s, q) if q.is_percent or q.base_unit == "成" else None
    if share:
        owner, _ = indicator_before(s, cl, q.start)
        return owner + share, []  # 80%的中小学纳入教联体, 规模化供水工程覆盖94%的农村人口
    count = q.base_unit in CLASSIFIERS and q.base_unit not in ("人", "人次", "人口")
    bare = q.unit in ("万", "亿", "万亿")
    verb_only = is_verb_only(ind)
    rest = s[after_qualifier(s, q.end) :]
    if count or bare or (verb_only and q.base_unit != "人口"):
        rest = s[skip_listed(s, after_qualifier(s, q.end)) :]  # 8条、12.3公里道路提升改造: the list shares its noun
        raw = s[cl : q.start]
        acting = re.search(r"(?:完成|实现|安排|投入|用于|发放|新增|落实|下达|争取|引进|招引)了?(?:长达)?$", raw)
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
        if after and _CONTAINER.search(after) and ind and not is_verb_only(ind):
            after = ""  # 经济总量跨上5万亿元台阶: the step is not what is measured
        if after and "的" not in after:
            if count and after in _NOT_COUNTED:
                return None
            reach = re.search(r"(?:惠及|覆盖|帮助)$", raw)
            if bare and reach:
                return reach.group() + after, []  # 国家助学贷款提标降息惠及1100多万学生 -> 惠及学生
            if count:
                return acting_verb(raw) + after, []  # 新引入8家跨国药企 -> 新引入跨国药企
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
    if (
        not q.is_percent
        and q.base_unit not in ("人", "人次", "人口", "户", "名")
        and rest.startswith("的")
        and re.search(r"\d[^\d]{1,3}[\u4e00-\u9fff]{1,6}$", s[clause_start(s, q.start) : q.start])
    ):
        obj = _noun_head(rest[1:])
        if obj and not count and not obj.startswith(_NOT_NAMES):
            return obj, links  # 完成了5个行政村17.2公里的村巷硬化: the length is the paving's, not the villages'
    if ind in _BARE_INVESTMENT or ind in ("投入", "共投入", "累计投入"):
        word = "投入" if ind.endswith("投入") else "投资"
        obj = invested_object(s, after_qualifier(s, q.end)) or paid_object(s, after_qualifier(s, q.end))
        if obj:
            return obj + word, links  # 投资3.5亿元，实施了…等基础设施工程 -> 基础设施工程投资
    money = next((w for w in _MONEY_WORDS if ind.endswith(w)), None)
    if money and rest.startswith("的"):
        tail = rest[1:]
        inner = find_quantities(tail[:12])
        if inner and inner[0].start == 0:
            tail = tail[
                inner[0].end :
            ]  # 总投资60.7亿元的100万千瓦神南镇抽水蓄能电站项目: the capacity is its own figure
        obj = indicator_after(rest, 1) if money == "长度" else _noun_head(tail)  # 总长度57.9公里的城市道路新建改造
        if obj:
            return obj + money, links  # 推进投资5亿元的万家惠农贸市场项目 -> 万家惠农贸市场项目投资
    if ind in ("预期目标", "目标", "增长目标", "预期") or (not ind and not prev):
        known = known_indicator(s[: q.start])
        if known:
            return known, links  # 经济增速是综合性指标，今年预期目标设定为6%以上
    if prev and re.match(r"(?:惠及|覆盖|带动|帮助)(?:[\u4e00-\u9fff]|$)", ind):
        return prev + ind, links  # 兑付资金77.7亿元、惠及企业2.6万家: whose reach
    if prev and (ind in TOTALS or _COMPARED.match(ind)):
        return prev + ind, links  # 上市公司达288家、总市值超8600亿元; 投资增长20.4%、高于全国12.4个百分点
    if prev and (not ind or ind in GENERIC):
        raw = s[clause_start(s, q.start) : q.start]
        if cross and _ACTION.search(raw):
            return None  # 完成16条…: an action of its own, not the previous figure's indicator
        joined = re.search(r"\d[^\d，,；;、。]{1,2}$", s[: q.start])  # 勇夺4金1银1铜: figures written together
        if not (
            ind or links or joined or q.is_percent or q.unit in ("个百分点", "百分点", "倍") or prev_unit == q.base_unit
        ):
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
    if ind == "经济":  # 经济增长6%左右, 经济年均增长6.5%以上: the growth names the indicator
        ind += "".join(w for w in links if w == "年均" or w in CHANGE_VERBS)
    if rest.startswith("的") and not links and (ends_with_verb(ind) or any(f == "v" for _, f in posseg(ind))):
        return None  # 拥有14亿人口的发展中国家, 保障好14亿人的粮食安全
    return ind, links


_BARE_INVESTMENT = ("投资", "完成投资", "总投资", "累计投资", "共投资", "计划投资")
_INVEST_ACTION = re.compile(
    r"[，,](?:重点|集中|主要|全面|着力|先后|分别|相继)?"
    r"(?:启动|组织)?(?:实施|完成|建设|推进|启动|新建|建成|改造|改扩建|开工建设|用于)(?:了)?(?P<obj>[^，,；;。]+)"
)


#: Words after a figure that frame it rather than name it (5万亿元台阶, 千亿大关, 两个台阶).
_CONTAINER = re.compile(r"(?:台阶|大关|关口|量级|门槛|规模)$")

#: A comparison standing where an indicator would (高于全国12.4个百分点): it speaks of the previous figure.
_COMPARED = re.compile(
    r"(?:比|较)?(?:高于|低于|快于|慢于|高出|超出|领先|占)(?:全国|全省|全市|全区|全县|世界|全球|平均|同期|全部)"
)


_SHARE_VP = re.compile(
    r"(?:实现|实行|完成|建成|开展|纳入|接入|达到|享受|参加|参与|使用|由|在|为|被|已|均|都|获得|拥有|覆盖)"
)


def share_of(s: str, q: Quantity) -> str | None:
    """What a percentage is the share of, when the things counted follow it: 80%的中小学纳入教联体 ->
    中小学纳入教联体; 70%村卫生室实现…一体化管理; 95%以上实行备案管理; 覆盖…97%门诊量 -> 门诊量.
    None when the percentage is not a share (增长5%, 降低电价5%政策).

    >>> share_of("80%的中小学纳入教联体", find_quantities("80%")[0])
    '中小学纳入教联体'
    >>> share_of("95%以上实行备案管理，实际使用外资", find_quantities("95%")[0])
    '实行备案管理'
    >>> share_of("降低工商业电价5%政策", find_quantities("降低工商业电价5%")[0]) is None
    True
    """
    pos = after_qualifier(s, q.end)
    end = clause_end(s, pos)
    rest = s[pos:end]
    if not rest or not _cjk_start(rest) or _GROWTH_AFTER.match(rest) or rest.startswith("安排"):
        return None  # 保持40%以上增长: a growth rate, not a share
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
        else:
            noun = re.match(r"[\u4e00-\u9fff“”]+?(?=" + _SHARE_VP.pattern + r")", rest)
            if not noun:
                return None  # 5%政策: a name
            text = rest
    text = re.split(r"(?:，|,|；|;|。)", text)[0]
    text = clean_indicator(re.sub(r"(?:的|了|等)$", "", text))
    return text if len(text) >= 2 and not re.search(r"\d", text) else None


_GROWTH_AFTER = re.compile(r"的?(?:增长|增速|增幅|涨幅|下降|降幅|提高|提升)")


def _cjk_start(text: str) -> bool:
    return "\u4e00" <= text[0] <= "\u9fff"


def verb_before(raw: str) -> bool:
    """Whether the text before a figure ends with a verb (实施1000个以上…, 新建5个以上…).

    >>> verb_before("全年实施"), verb_before("全省"), verb_before("")
    (True, False, False)
    """
    tokens = posseg(raw) if raw else []
    return bool(tokens) and (tokens[-1][1].startswith("v") or tokens[-1][0] in ACTION_VERBS)


def acting_verb(raw: str) -> str:
    """The verb right before a count that the indicator keeps (新引入8家跨国药企 -> 新引入), "" for a
    light verb (推进32个城中村改造项目: 推进 adds nothing) or none.

    >>> acting_verb("国际医药创新公园新引入"), acting_verb("推进"), acting_verb("共设立"), acting_verb("全市")
    ('新引入', '', '设立', '')
    """
    text = raw.rstrip(" ")
    for q in PREFIX_QUALIFIERS:
        if text.endswith(q):
            text = text[: -len(q)]
            break
    tokens = posseg(text) if text else []
    verbs: list[str] = []
    while tokens and (tokens[-1][1].startswith("v") or tokens[-1][0] in ACTION_VERBS) and len(verbs) < 2:
        verbs.insert(0, tokens.pop()[0])
    if not verbs:
        return ""
    if tokens and tokens[-1][0] == "新":
        verbs.insert(0, "新")
    verb = "".join(verbs)
    return "" if verbs[-1] in PLAIN_VERBS else verb


def invested_object(s: str, pos: int) -> str:
    """What an investment figure ending its clause at ``pos`` pays for, when the next clause opens
    with an action verb: 投资3.5亿元，实施了…等基础设施工程 -> 基础设施工程.

    >>> s = "投资4.7亿元,完成65条、总长度57.9公里的城市道路新建改造,继续打通一批城区断头路"
    >>> invested_object(s, s.index(","))
    '城市道路新建改造'
    >>> s = "投资3700万元,集中改造的11条背街巷道全部完工"
    >>> invested_object(s, s.index(","))
    '背街巷道'
    >>> invested_object("全年完成投资1.7亿元，起步区基础框架初步形成", 11)
    ''
    """

    m = _INVEST_ACTION.match(s, pos)
    if not m:
        return ""
    obj = m.group("obj")
    found = find_quantities(obj)
    if found:
        obj = obj[found[-1].end :]  # the noun after the listed figures
    if "等" in obj:
        obj = obj.rsplit("等", 1)[1]  # 危房改造、饮水安全…等工程 -> 工程
    obj = re.sub(r"^[的了]+", "", obj)
    obj = re.split(r"全部|全面|顺利|如期|按期|主体|正式|投入|投用|完工|竣工|开工|建成", obj)[0]
    obj = clean_indicator(re.sub(r"(?:任务|工作)$", "", obj.replace("的", "")))
    return obj if len(obj) >= 2 and not re.search(r"\d", obj) else ""


def paid_object(s: str, pos: int) -> str:
    """What an amount pays for when a verb phrase follows it directly: 投资5.67亿元新建改造农村公路 ->
    新建改造农村公路; 投入567亿元办好民生实事 -> 办好民生实事 (a plain verb such as 实施 goes).

    >>> paid_object("投资6.4亿元实施农村生活水源江水置换工程，", 7)
    '农村生活水源江水置换工程'
    >>> paid_object("投资5.67亿元新建改造农村公路", 8), paid_object("投资2亿元，", 5)
    ('新建改造农村公路', '')
    """
    text = s[pos : clause_end(s, pos)]
    if not text or not _cjk_start(text) or text.startswith(("的", "和", "与", "及", "左右", "以上")):
        return ""
    tokens = posseg(text[:8])
    if not tokens or not (tokens[0][1].startswith("v") or tokens[0][0] in ACTION_VERBS):
        return ""
    if tokens[0][0] in PLAIN_VERBS or tokens[0][0] in ("用于", "实施", "建设"):
        text = text[len(tokens[0][0]) :]
    whole = re.search(r"等\d+[项个条处家所]([^，,；;。\d]+)", s[pos : pos + 80])
    if whole:
        return clean_indicator(whole.group(1))  # 投资2.76亿元实施…扩容提标等13项生态治理项目 -> 生态治理项目
    text = re.split(r"等(?=[\d一二三四五六七八九十])|全部|全面|顺利|如期|\d", text)[0]
    text = clean_indicator(text)
    return text if len(text) >= 2 and not re.search(r"\d", text) else ""


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


_LISTED = re.compile(r"、(?:总长度|总长|长度|总面积|面积|合计|共)?(?=\d)")


def skip_listed(s: str, pos: int) -> int:
    """The position after the figures listed with 、 right after ``pos``, so that a list shares the noun
    that follows it (完成65条、总长度57.9公里的城市道路新建改造).

    >>> s = "完成65条、总长度57.9公里的城市道路新建改造"
    >>> s[skip_listed(s, s.index("、")) :]
    '的城市道路新建改造'
    >>> s = "新建蔬菜大棚320个、仓储库2万平方米"
    >>> s[skip_listed(s, s.index("、")) :]
    '、仓储库2万平方米'
    """

    while True:
        m = _LISTED.match(s, pos)
        if not m:
            return pos
        found = find_quantities(s[m.end() : m.end() + 16])
        if not found or found[0].start != 0:
            return pos
        pos = after_qualifier(s, m.end() + found[0].end)


def after_qualifier(s: str, end: int) -> int:
    q = suffix_qualifier(s, end)
    return end + len(q) if q else end


_BASE_FROM = re.compile(r"(?:从|由)(?:每[月年人户天])?[^，,；;]{0,8}?\d[^，,；;]*$")
_BASE_OF = re.compile(r"(?:现行|目前|当前|现在)?\d[\d.,]*(?:%|‰|[万亿]*[^\d，,；;的]{0,3})?的(?P<noun>[^，,；;\d]+)$")


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


def in_brackets(s: str, pos: int) -> bool:
    """Inside 《》 (a title) or () (a note such as a plan period)."""
    for o, c in (("《", "》"), ("(", ")"), ("（", "）")):
        if s.rfind(o, 0, pos) > s.rfind(c, 0, pos):
            return True
    return False


_FROM_BASE = re.compile(
    r"^(?:的)?[^，,；;。]{0,12}?(?:提高|增加|增长|上升|扩大|提升|下降|降低|减少|缩小|下调|上调|压缩|降|增|升|减)(?:到|至)"
)
_SLOGAN = re.compile(r"^56个民族")
_NOT_COUNTED = NOT_COUNTED


_RULES_NAMED = re.compile(r"(?:配套)?(?:规定|禁令|要求|准则)")
_COMPLY = re.compile(r"贯彻|落实|执行|遵守|遵循|对照")


def is_measurement(s: str, q: Quantity) -> bool:
    """Whether a quantity measures something (not a name, threshold, base or slogan)."""
    if is_threshold(s, q) or _SLOGAN.match(s[q.start :]):
        return False
    if q.unit == "条" and _RULES_NAMED.match(s, q.end) and _COMPLY.search(s[max(0, q.start - 30) : q.start]):
        return False  # 严格落实中央八项规定、自治区党委28条配套规定: a regulation named by its articles
    before = s[max(0, q.start - 1) : q.start]
    if before in ("每", "前", "第") or (q.unit == "倍" and before == "的"):
        return False  # 每50公斤; 是十年前的3倍 (a ratio to a base year)
    rest = s[after_qualifier(s, q.end) :]
    if q.is_percent and next_is_noun(rest[:8]) and not rest.startswith(("的", "和", "与", "及")):
        if share_of(s, q) is None:
            return False  # 降低工商业电价5%政策: part of a name
    end = clause_end(s, q.end)
    if is_count_unit(q) and s[end : end + 1] in ("：", ":"):
        return False  # 着力完成七项任务：…: the count introduces the report's own list
    return not is_base(s, q)


def is_base(s: str, q: Quantity) -> bool:
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


def strip_target_words(ind: str) -> str:
    for word in ("具体目标", "预期目标", "目标"):
        if ind.endswith(word) and len(ind) > len(word):
            return ind[: -len(word)]
    return ind
