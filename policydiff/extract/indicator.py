"""Indicator choice: which noun phrase a figure measures (:func:`indicator_for`), before or after it,
inherited from the previous figure, or taken from what an investment pays for.

>>> from policydiff.numbers import find_quantities
>>> s = "启动万达广场等13个商贸物流项目"
>>> q = find_quantities(s)[0]
>>> indicator_for(s, q, 0, None)
('商贸物流项目', [])
"""

from __future__ import annotations

import itertools
import re

from ..lexicon import (
    ACTION_VERBS,
    ANAPHORS,
    BARE_MEASURES,
    BENEFIT_HOUSEHOLDS,
    CHANGE_VERBS,
    CLASSIFIERS,
    COMPETITIONS,
    COUNT_VERBS,
    COUNTED_PLACES,
    GENERAL_FUNDS,
    HOSTING_VERBS,
    HOW_FAR_WORDS,
    KEEP_VERBS,
    LIGHT_VERBS,
    MEDALS,
    MONEY_NOUNS,
    MONEY_RAISING_VERBS,
    MONEY_WORDS,
    PAYER_NAMES,
    PEOPLE_DEEDS,
    PLACE_SCOPES,
    PLAIN_VERBS,
    PREFIX_QUALIFIERS,
    PROGRAMME_ENDS,
    PROGRAMME_NOUNS,
    PROGRAMME_SETTING_VERBS,
    PURPOSE_VERBS,
    RULE_VERBS,
    SCHEME_MEASURES,
    SCHEMES,
    STATE_PREDICATES,
    TOTALS,
    WIDENING_LINKS,
    WORKS_KINDS,
)
from ..metrics import known_indicator, metric_base, metric_table
from ..nlp import GENERAL_FREQ, word_frequency
from ..numbers import UNIT_SAID_OTHERWISE, Quantity, find_quantities
from .filters import _NOT_COUNTED, _NOT_NAMES, ADMIN_SHARE, TIMES_OF, share_of
from .geometry import _cjk_start, clause_end, clause_start
from .phrases import (
    DONE_TAIL,
    GENERIC,
    clean_indicator,
    indicator_after,
    indicator_and_links,
    indicator_before,
    strip_measure,
    strip_target_words,
)
from .pos import acting_verb, ends_with_verb, is_verb_only, next_is_noun, posseg, verb_before
from .qualifiers import RATIO_END, after_qualifier, strip_leading_change

# ---------------------------------------------------------------------------
# Deciding a figure's indicator and whether it measures anything
# ---------------------------------------------------------------------------

_ALIASES = frozenset(a for entry in metric_table().values() for a in entry["aliases"])


_ACTION = re.compile(
    r"完成|实现|新建|建成|启动|实施|开展|改造|安置|培育|引进|招聘|投资|投入|发放|安排|支持|用于|推广|组织"
)


_MONEY_WORDS = MONEY_WORDS


#: Units of work done (lengths and areas), as opposed to a plant's capacity.
_WORK_UNITS = frozenset("公里 米 亩 平方米 平方公里 公顷 立方米".split())
#: A place the clause's work is done in, named right before the figure (实施奋斗镇1万亩节水灌溉).
_PLACE = re.compile(
    r"[\u4e00-\u9fff]{2,4}(?:镇|乡|村|旗|街道|办事处)|[\u4e00-\u9fff]{0,3}(?:城区|市区|县城|[东南西北]区)"
)


def _general(noun: str) -> bool:
    """Whether a counted noun is one general word that names nothing by itself (企业, 学校, 项目)."""
    return len(posseg(noun)) == 1 and word_frequency(noun) >= GENERAL_FREQ


def _owner_after_verb(raw: str) -> str:
    """The nouns between a clause's verb and its figure, which say whose things a general noun counts
    (实现保护区4家企业全部退出 -> 保护区); "" when the words before the figure are not a verb and nouns.

    >>> _owner_after_verb("实现保护区"), _owner_after_verb("为公交公司等")
    ('保护区', '')
    """
    words = posseg(raw)
    for k in range(len(words) - 1, -1, -1):
        if words[k][1] == "v":
            break
        if not words[k][1].startswith("n"):
            return ""
    else:
        return ""
    owner = "".join(w for w, _ in words[k + 1 :])
    return owner if 2 <= len(owner) <= 6 and not verb_before(owner) else ""


def _named_doer(raw: str) -> str:
    """A named subject and its verb that open a clause before a count of a general noun, which say whose the
    things counted are (沈阳浑南科技城落户87个项目 -> 沈阳浑南科技城落户); "" when the clause opens otherwise, on a
    scope (全市新建), a time or a verb.

    >>> _named_doer("积石山地震灾后重建"), _named_doer("全市新建"), _named_doer("今年新建"), _named_doer("累计支持")
    ('积石山地震灾后重建', '', '', '')
    """
    verb = next((v for v in _DOERS_VERBS if raw.endswith(v)), None)
    subject = raw[: -len(verb)] if verb else ""
    if len(subject) < 3 or re.search(r"[^\u4e00-\u9fff“”]|等", subject) or subject.startswith(PLACE_SCOPES):
        return ""
    words = posseg(subject)
    if not words[0][1].startswith(("n", "j")) or any(f[:1] in "vpdtcumr" for _, f in words):
        return ""
    return raw


def _plain_deed(raw: str) -> str:
    """The plain verbs alone before a count in a clause that follows another (，累计支持近2000家企业 -> 累计支持).

    >>> _plain_deed("累计支持近"), _plain_deed("支持"), _plain_deed("为"), _plain_deed("")
    ('累计支持', '支持', '', '')
    """
    text = next((raw[: -len(w)] for w in PREFIX_QUALIFIERS if raw.endswith(w)), raw)
    words = posseg(text) if text else []
    return text if words and all(w in PLAIN_VERBS and f == "v" for w, f in words) else ""


def _after_verb(name: str) -> str:
    """A counted name without the verbs that lead it (实施省、市重点项目 -> 省、市重点项目; 新建、续建商贸类项目 ->
    商贸类项目), unless only a general word would be left (开工项目 stays).

    >>> _after_verb("实施省、市重点项目"), _after_verb("实施设备更新项目"), _after_verb("开工项目")
    ('省、市重点项目', '设备更新项目', '开工项目')
    """
    rest = _LEADING_VERBS.sub("", name)
    return rest if len(rest) > 2 and not _general(rest) else name


def _sized_work(named: str, q: Quantity) -> str | None:
    """The place or owner named right before an area or length that sizes the works after it (奋斗镇4000平方米
    保鲜库, 红星美凯龙6万平方米主力店 -> 奋斗镇, 红星美凯龙), without the clause's leading verbs; None when the
    figure is no such size (a capacity names a plant: 大唐700万吨露天矿) or a verb stands right before it.

    >>> from policydiff.numbers import find_quantities
    >>> _sized_work("奋斗镇", find_quantities("4000平方米")[0]), _sized_work("大唐", find_quantities("700万吨")[0])
    ('奋斗镇', None)
    """
    if q.base_unit not in _WORK_UNITS or q.base_unit == "立方米" or not named or "的" in named:
        return None
    words = posseg(named)
    if words[-1][1] == "v" or not words[-1][1].startswith(("n", "j")) and not _PLACE.search(named):
        return None
    if named.endswith(("时速", "速度", "续航")):
        return None  # 时速350公里: a speed
    owner = _LEADING_VERBS.sub("", indicator_before(named, 0, len(named))[0])
    return owner if 2 <= len(owner) <= 8 else None


def _place_after_verb(named: str) -> str | None:
    """The place a verb's work is done in, when the words before a figure are a verb and a place.

    >>> _place_after_verb("实施奋斗镇"), _place_after_verb("大唐"), _place_after_verb("盘活南区")
    ('奋斗镇', None, '南区')
    """
    k = 0
    for word, _ in posseg(named):  # split only between words: 解决|农村 and 建设|办事处 are no verb and place
        k += len(word)
        if k < len(named) and _PLACE.fullmatch(named[k:]) and verb_before(named[:k]):
            return named[k:].removeprefix("了")  # 实施了中心城区26公里供水: the place, not the aspect word
    return None


#: A circumstance a figure is stated in (在对美贸易下降超3成的情况下增长12%): 在 opens it, 的情况下 closes it.
_SCENE = r"的?(?:情况|前提|背景)下"
_CIRCUMSTANCE = re.compile(rf"在(?=[^，,；;。]*?{_SCENE})")
_CIRCUMSTANCE_END = re.compile(_SCENE)
_AFTER_CIRCUMSTANCE = re.compile(rf"{_SCENE}[^，,；;。\d]{{0,6}}$")


def indicator_for(
    s: str, q: Quantity, cl: int, prev: str | None, cross: bool = False, prev_unit: str | None = None
) -> tuple[str, list[str]] | None:
    """The indicator of figure ``q`` (and the link words before it), or None when it measures nothing.

    Counts (137项, 13个商贸物流项目) and bare magnitudes (8000万纳税人) take the noun after
    them when there is one; a figure with no noun of its own (，增长4.3%) takes the previous
    figure's indicator in the sentence (``cross``: from an earlier clause, which only link words may do).
    A figure between a name and a noun (大唐700万吨露天矿) is part of a name.
    """
    if q.unit in MEDALS:
        event = medal_event(s, q.start)
        if event:
            return event + MEDALS[q.unit], []  # 体育健儿在巴黎奥运会上勇夺4金1银 -> 巴黎奥运会金牌, …银牌
    medals = _MEDALS_COUNTED.match(s, after_qualifier(s, q.end)) if q.unit in ("块", "枚") else None
    event = medal_event(s, q.start) if medals else ""
    if medals and event:
        return event + medals.group(), []  # 在全国第十四届冬运会上获得62枚金牌 -> 全国第十四届冬运会金牌
    ind, links = indicator_and_links(s, cl, q.start)
    ind = strip_target_words(ind)
    if (_ANAPHOR.search(ind) or _PAYER_ONLY.fullmatch(ind)) and (q.unit or "").endswith("元"):
        programme = programme_referred(s, clause_start(s, q.start))
        if programme:
            # 对义务教育阶段教师实行绩效工资制度，…，中央财政为此将投入120亿元: the money of the programme pointed to
            # (实施更加积极的就业政策，中央财政拟投入420亿元资金: or carried out, when the name says only who pays)
            money_name = re.sub(r"^(?:将|拟)|(?<=财政)(?:将|拟)", "", _ANAPHOR.sub("", ind))
            payer = _PAYER_OPENING.match(money_name)
            cut = payer.end() if payer else 0
            return money_name[:cut] + programme + money_name[cut:], links
    here = clause_start(s, q.start)
    driven = _DRIVEN.fullmatch(_REACH_OPENERS.sub("", s[here : q.start]))
    if driven:
        # 带动消费261.6亿元: the spending a programme drove, not all spending; the programme is the one the clause
        # before carries out (实施消费品以旧换新行动，直接带动消费超330亿元), when it names one in a few words
        programme = programme_reaching(s, here, "")
        return (programme if len(programme) <= 12 else "") + driven.group("verb") + driven.group("what"), links
    if _COMPARED_TO.sub("", ind) not in ("分别", "均", "都"):  # 分别比1995年: a list's verb, read with its list
        ind = _COMPARED_TO.sub("", ind)  # 比2002年增长65.5%, 资产总额比2002年增长: the base compared to, not the name
    here = clause_start(s, q.start)
    scene = _CIRCUMSTANCE.search(s, here)
    scene = scene if scene and scene.start() < q.start else None
    if scene and _CIRCUMSTANCE_END.match(s, after_qualifier(s, q.end)):
        # 外贸进出口在对美贸易下降超3成的情况下增长12%: the circumstance's figure is of what follows 在
        return indicator_and_links(s, scene.end(), q.start)[0], links
    if scene and _AFTER_CIRCUMSTANCE.search(s, 0, q.start) and scene.start() - here >= 2:
        return clean_indicator(s[here : scene.start()]), links  # …的情况下增长12%: the figure of the subject before 在
    times = TIMES_OF.search(s, 0, q.start) if q.unit == "倍" else None
    if times:  # 旅游收入达到69亿元，是2010年的2.6倍: the ratio of the amount before to the base's
        return (f"{prev}为{times.group('base')}{RATIO_END}", []) if prev and prev_unit != "%" else None
    if prev and re.search(r"折合(?:为|成)?(?:人民币)?$", s[cl : q.start]):
        return prev, links  # 实际使用外资达到160.6亿美元、折合1148亿元人民币: the same figure in other money
    share = share_of(s, q) if q.is_percent or q.base_unit == "成" else None
    if share:
        owner, _ = indicator_before(s, cl, q.start)
        if ADMIN_SHARE.fullmatch(share):
            return _places_reached(s, cl, owner) + share + "比例", []  # 试点范围扩大到40%的县: the pilot's counties
        return owner + share, []  # 80%的中小学纳入教联体, 规模化供水工程覆盖94%的农村人口
    rest = s[after_qualifier(s, q.end) :]
    growth_target = _GROWTH_TARGET.match(rest) if q.is_percent else None
    if growth_target:
        return growth_target.group("what"), ["增长"]  # 提出8%左右的国内生产总值增长目标: the growth it sets
    size_of = _SIZE_OF.match(rest) if (q.unit or "").endswith("元") else None
    if size_of and (size_of.group("size") or ind.endswith("规模")):
        # 设立总规模500亿元的省战略性新兴产业母基金, 搭建超10亿元规模的政府投融资平台: the size of the thing after
        size = "总规模" if ind.endswith("总规模") else "规模"
        return clean_indicator(size_of.group("what")) + size, links
    if (
        rest.startswith("的")
        and not (q.unit or "").endswith("元")  # money listed so is named by the money rules (…投资)
        and _SIZED_ITEM_BEFORE.search(s, max(0, q.start - 30), q.start)
    ):
        named = indicator_after(rest, 1).split("的", 1)[0]
        if len(named) >= 2:
            return named, []  # 库容5.2万吨的粮食储备库、4750平米的玉米研究所: each size is of the name after it
    count = q.base_unit in CLASSIFIERS and q.base_unit not in ("人", "人次", "人口")
    bare = q.unit in ("万", "亿", "万亿")
    verb_only = is_verb_only(ind)
    if _STEP.match(rest):
        subject = _STEP_VERB.sub("", ind)
        if len(subject) >= 2 and not is_verb_only(subject) and subject not in GENERIC:
            return subject, [*links, "达到"]  # 一般公共预算收入迈上10亿元大关: the revenue reached 10亿元
        if not subject and _STEP_VERB.search(s[cl : q.start]):
            subject = _THRESHOLD_CROSSED.sub("", prev) if prev else _sentence_subject(s, cl)
            if len(subject) >= 2:
                return subject, [*links, "达到"]  # 粮食总产量再上新台阶，突破1600亿斤大关: the sentence's subject
    of_people = q.base_unit in _PEOPLE_UNITS or bare
    benefit = _BENEFITED.match(rest) if of_people or count else None
    if benefit and not of_people and benefit.group("noun") not in BENEFIT_HOUSEHOLDS:
        benefit = None  # 600万个家庭受益: households counted by 个 benefit too; 5个项目 do not
    if benefit:  # 加大对各类学校家庭困难学生资助力度，4.3亿人次受益: the programme's beneficiaries
        programme = programme_reaching(s, cl, s[cl : q.start])
        if programme:
            return programme + "受益" + benefit.group("noun"), []
    if count or bare or (verb_only and q.base_unit != "人口"):
        # 8条、12.3公里道路提升改造: the list shares its noun; so do households and their people when no name
        # stands before them (906户1559人实现稳定脱贫, not 剩余贫困人口322户677人上半年全部脱贫)
        rest = s[skip_listed(s, after_qualifier(s, q.end), households=verb_only) :]
        said = UNIT_SAID_OTHERWISE.match(rest)
        rest = rest[said.end() :] if said else rest  # 幸福河湖100条（个）: the unit said another way
        if bare:
            rest = re.sub(r"^元?级", "", rest)  # 保持千亿级投资规模: the scale's noun
        if count:
            inner = find_quantities(rest[:16])
            if inner and inner[0].start == 0 and rest[:1].isdigit() and inner[0].base_unit in _CAPACITY_UNITS:
                rest = re.sub(
                    r"^(?:及)?(?:以上|以下)?的?", "", rest[inner[0].end :]
                )  # 3座35万千瓦光热电站, 178座10蒸吨及以下的…锅炉
        raw = s[cl : q.start]
        acting = re.search(r"(?:完成|实现|安排|投入|用于|发放|新增|落实|下达|争取|引进|招引)了?(?:长达)?$", raw)
        if verb_only and rest.startswith("的") and acting:
            rest = rest[1:]  # 用于1500万人次以上的职工技能提升, 完成37.8亿元的年度投资计划
        elif count and rest.startswith("的"):
            rest = rest[1:]  # 完成800户的改造任务
        if rest.startswith("的") and s[cl : q.start].endswith("新增"):
            rest = rest[1:]  # 新增8000万吨标准煤的节能能力
        after = indicator_after(rest, 0)
        if count or bare:
            tail = rest[len(after) : clause_end(rest, 0)] if rest.startswith(after) else ""
            # a figure of the predicate's own (…增加产值5100亿元) cuts it; a rank band (进入…排名前1%) does not
            figures = [
                x
                for x in find_quantities(tail)
                if not (rest[: len(after) + x.start].endswith("前") and x.unit in ("%", "‰", "‱"))
            ]
            after = _before_predicate(after, bool(figures) and not tail.startswith(("、", "和")))
            people = _A_PEOPLE.match(after) if bare else None
            if people:
                after = people.group()  # 7100万江淮儿女倍感温暖: a region's people, not what they felt
            shared = _LISTED_HONOUR.match(rest, len(after)) if count and after and rest.startswith(after) else None
            if shared:
                after += shared.group("honour")  # 6个集体、7名个人荣获…表彰: the list's honour is each item's
        deed = re.sub("^(?:已经|已|并|还)", "", ind)
        if count and not after and deed and (deed in COUNT_VERBS or is_verb_only(deed)) and q.unit:
            of_those = _counted_before(s[:cl], q.unit)
            if of_those:
                return of_those + deed, []  # 签约引进县外投资项目43个，…，已落地25个: of those, the ones that landed
        noun = _POLICY_NOUN.match(after) if count else None
        policy = _POLICY_RAW.fullmatch(raw) if noun else None
        if noun and policy:
            # 出台支持制造业数字化转型11条措施: measures are named by what they are for, said before their number
            # (推动优化工商业电价机制12条举措落地见效: not what becomes of them)
            return clean_indicator(policy.group("named")) + noun.group(), []
        if after in _FRAME_NOUNS:
            after = ""  # 实现高职院校扩招100万人目标: the target is the figure's frame, the indicator comes before
        work = _BARE_WORK.fullmatch(after)
        if work and count:
            named = _work_named_before(s, clause_start(s, q.start), work.group("work"))
            if named:
                return named, []  # 开展城中村改造专项行动，年内完成6000套改造计划: whose 改造
        level = re.fullmatch(f"{_LEVELS}级", after)
        if level and count:
            nxt = _NEXT_LEVEL.match(rest[len(after) :])
            if nxt:
                after += nxt.group("noun")  # 建好2个国家级、3个省级文化生态保护区: the level's noun comes last
        done_to = _WORKS_OF.match(rest) if verb_only and q.base_unit in _WORK_UNITS else None
        if done_to and posseg(done_to.group("work"))[0][1].startswith("v"):
            # 完成3万亩退耕还林工程的补植、管护任务, 22.8公里道路的扩建和绿化: the area or length of the works
            return clean_indicator(done_to.group("thing") + done_to.group("work")), []
        if (count or bare) and "的" in after:
            head, _, tail = after.partition("的")  # 16条背街巷道的综合改造: the counted noun comes first
            done = _DONE_TO.search(head)
            if done and done.start() >= 2:
                head, tail = head[: done.start()], ""  # 960多万…人口通过易地扶贫搬迁摆脱了…的困境: what they did
            words = posseg(head)
            last = words[-1][1]
            nounish = last.startswith("n") or (last == "q" and len(words) > 1 and words[-2][1].startswith("n"))
            nounish = nounish and not _HAVING.match(head)  # 1个具有…水平的…中心, 100所达到…能力的…次中心: what they are
            after = head if nounish or not tail else tail  # 4座现代化的垃圾中转站; 背街巷道 (jieba: 街巷 + 道)
            if after == head and head not in _NOT_COUNTED and _WORK_DONE.fullmatch(tail) and not _HAPPENED.search(tail):
                after = head + tail  # 36个老旧小区的既有建筑节能改造: the noun and the work done to it
            elif after == head and re.fullmatch(r"[\u4e00-\u9fff]{2,10}问题", tail) and raw.endswith("解决"):
                after = head + tail  # 今年再解决6000万农村人口的饮水安全问题: whose problem is solved
            bettered = _BETTERED.match(rest, len(head) + 1) if after == head and rest.startswith(head + "的") else None
            if bettered:
                # 2411名受灾群众的基本生活得到保障, 5000余户居民的居住条件将得到彻底改善: whose lot was bettered
                after = head + bettered.group("what") + "得到" + bettered.group("how")
        did = (
            q.base_unit in _PEOPLE_UNITS
            and _PEOPLE_DID.match(rest) is not None
            and _OPENS.fullmatch(raw) is not None
            and len(_PEOPLE_DID.sub("", after, count=1)) >= 2  # 超过5.2亿人次参与: took part in what?
        )
        # 发行1万亿元抗疫特别国债: money named by what it is, whatever jieba makes of the words before (抗, 超)
        money_named = (q.unit or "").endswith("元") and len(after) >= 4 and after.endswith(MONEY_NOUNS)
        if not (count or bare) and not next_is_noun(after) and not did and not money_named:
            after = ""  # 全国近3亿人领取养老金, 全国有8400多万人受益: a statement, not a measured quantity
        if after and _CONTAINER.search(after) and (not is_verb_only(ind) if ind else prev and _STEPS.search(after)):
            after = ""  # 经济总量跨上5万亿元台阶: the step is not what is measured (nor after 、: 4万亿、5万亿两个台阶)
        if after and "的" not in after:
            if count and after in _NOT_COUNTED:
                return None
            chained = _REACH_CHAIN.fullmatch(raw) if (bare or count) and prev else None
            reached = chained.group("noun") if chained else ""
            lead = prev[: -len(reached)] if reached and prev and prev.endswith(reached) else ""
            if lead and _REACH_LEAD.search(lead):
                # 通达全球127个国家和地区的584个港口, 辐射全国75个城市、164个铁路站点: reached by the same route
                return lead + after, []
            reach = _REACH_VERB.search(raw)
            if (bare or count) and reach:
                # 国家助学贷款提标降息惠及1100多万学生; 加强城镇老旧小区改造…，惠及上千万家庭: who reaches them
                # (西部陆海新通道辐射全国75个城市: or which places a route reaches)
                programme = programme_reaching(s, cl, raw[: reach.start()])
                return programme + reach.group("verb") + (reach.group("scope") or "") + after, []
            widened = _WIDENED_TO.search(raw) if count else None
            subject = clean_indicator(_WIDENED_SCOPE.sub("", raw[: widened.start()])) if widened else ""
            if len(subject) >= 2 and not verb_before(subject) and next_is_noun(subject):
                return subject + after, []  # 农村信用社改革试点扩大到29个省: the pilot's provinces
            if count:
                # 实现保护区4家企业全部退出: whose firms (not when another figure of the same work follows:
                # 完成丘陵区域43个村1.62万户“气代煤”改造)
                alone = not find_quantities(rest[: clause_end(rest, 0)])
                general = _general(DONE_TAIL.sub("", after) or after)  # 项目完工: still only 项目
                # 盘活深核盛基、京环循环两个塑料园区: a count in words after the names it counts has neither
                listed = q.text[:1] in "两二三四五六七八九" and re.search(r"[、”][^，,；;。]*$", raw) is not None
                where = _owner_after_verb(raw) if alone and general and not listed else ""
                doer = acting_verb(raw) if not listed else ""
                led = _LEADING_VERBS.match(raw) if not doer and raw.endswith("等") and general else None
                if led:  # 新开工晏城至表白寺等2个项目: the verb before the examples (not a light one: 实施)
                    light = led.group() in LIGHT_VERBS or led.group() in PLAIN_VERBS
                    doer = acting_verb(led.group()) or ("" if light else led.group())
                upto = clause_end(rest, 0)
                upto = clause_end(rest, upto + 1) if rest[upto : upto + 1] == "、" else upto
                later = find_quantities(rest[:upto]) if after in COUNTED_PLACES else []
                works = indicator_after(rest, later[0].end + rest.startswith("的", later[0].end)) if later else ""
                if len(works) >= 2 and not later[0].is_percent:
                    # 完成丘陵区域43个村1.62万户“气代煤”改造, 51个村、2.3万农户 “气代煤”改造: the villages of the
                    # work the next figure counts
                    return works + after, []
                quoted = _QUOTED_OWNER.search(raw) if not (doer or where) else None
                if quoted and not after.startswith("“"):
                    return quoted.group() + after, []  # “高效办成一件事”13个重点事项: the programme's items
                doers = _named_doer(raw) if not (doer or where or listed) and general else ""
                if doers:
                    return doers + after, []  # 沈阳浑南科技城落户87个项目: the place's projects
                plain = _plain_deed(raw) if not (doer or where or listed) and general else ""
                whose = (prev or programme_reaching(s, cl, "")) if plain else ""
                if whose:
                    # 中央预算投资安排150亿元，支持4000多个项目; 实施…研发活动扶持计划，累计支持近2000家企业: the
                    # programme of the clause before supported them
                    return whose + plain + after, []
                return doer + where + after, []  # 新引入8家跨国药企 -> 新引入跨国药企
            return _with_purpose(s, rest, after), []  # 提高6000万农村人口供水保障水平: the verb acts on the noun
    elif (
        ind
        and not q.is_percent
        and not count
        and next_is_noun(rest[:6])
        and not ind.endswith(_MONEY_WORDS)
        and not ((q.unit or "").endswith("元") and ind.endswith(MONEY_NOUNS))  # 盘活资金8亿多元优先保障民生
    ):
        named = s[cl : q.start]
        stage = _STAGE_END.search(named)
        named = named[: stage.start()] if stage and stage.start() >= 2 else named  # 完成二期170万平方米供热改造
        stage_word = stage.group() if stage and stage.start() >= 2 else ""
        bound = next((w for w in PREFIX_QUALIFIERS if named.endswith(w)), "")
        words = posseg(named[: len(named) - len(bound)])
        # 新建5条主干道路、2台热水锅炉、12公里热力主管网: a length or area listed after the verb's first item
        # (not a capacity, which names a plant: 大唐700万吨露天煤矿、400万吨褐煤提质)
        listed = named.endswith(("、", "和", "与", "及")) and q.base_unit in _WORK_UNITS
        place = None if bound else _place_after_verb(named)
        sized = _sized_work(named, q) if not (bound or place or listed) else None
        if sized is not None:
            after = _noun_head(indicator_after(rest, 0).split("的", 1)[0])
            if len(after) >= 2 and after not in _FRAME_NOUNS:
                return sized + after, []  # 奋斗镇4000平方米保鲜库, 起步区2.6公里路网: the size of the works there
        more = next((w for w in _MORE_OF if named.endswith(w)), "")
        after = indicator_after(rest, 0).split("的", 1)[0] if more else ""
        if len(after) >= 2 and len(named) - len(more) >= 2:
            return clean_indicator(named[: -len(more)]) + after, []  # 育儿家庭每月多了300元补贴: more of the noun after
        # a verbal noun jieba tags vn acts when it is a verb of works (布局建设700万千瓦新型储能项目), not 亩产, 约合
        acts = bool(words) and (
            words[-1][1] == "v" or (words[-1][1] == "vn" and words[-1][0] in _WORKS_VERBS) or words[-1][0] in KEEP_VERBS
        )
        if words and (not acts or (bound and words[-1][1] in ("n", "vn"))) and not listed and not place:
            return None  # 大唐700万吨露天矿, 续航超千公里氢能重卡: inside a name
        after = indicator_after(rest, 0).split("的", 1)[0]
        if after and after not in _FRAME_NOUNS:
            if place:
                return place + after, []  # 实施奋斗镇1万亩节水灌溉: where the work is done, then the work
            payer = re.search(r"(?:中央|地方|各级)?(?:财政|政府)$", ind)
            works = _works_kind(s, cl, words if acts else [], listed)
            if works and not after.startswith(works):
                return works + stage_word + after, []  # 新建…、12公里热力主管网: new or renovated, as said
            if stage_word:
                return stage_word + after, []  # 完成二期170万平方米供热改造任务: the stage's works
            return (payer.group() if payer else "") + _with_purpose(s, rest, after), []  # 中央财政安排…专项奖补资金
    if count and ind in _NOT_COUNTED:
        return None
    if re.search(r"[和与及、]$", s[cl : q.start]):
        after = indicator_after(rest, 0).split("的", 1)[0]
        if after and not _STEPS.search(after):  # 连跨5万亿元、6万亿元两个台阶: the steps measure nothing
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
    if (
        not prev
        and (q.unit or "").endswith("元")
        and _PUT_IN.fullmatch(ind)
        and not s.startswith("用于", after_qualifier(s, q.end))  # 投入16.54亿元用于…: named by what it pays for
    ):
        subject = _subject_of_state(_clause_before_clause(s, clause_start(s, q.start)))
        if subject:
            # “菜篮子”工程一期全面完工，完成投资2.4亿元: the subject's investment, not that of the works done with it
            # (哈克镇生态奶源基地建设初具规模，完成投资3340万元，建成4个现代化牧场)
            return subject + ind, links
    if ind in BARE_INVESTMENT or ind in ("投入", "共投入", "累计投入", "筹资", "累计筹资", "资金"):
        word = next((w for w in ("投入", "筹资", "资金") if ind.endswith(w)), "投资")
        # the works a clause before names come first (实施优粮优产保障工程，投资2.29亿元，新建高标准农田3万亩;
        # 全力建设中俄蒙国际物流园区，全年计划投资3亿元，用于基础设施和项目建设: the park's money, whatever it pays for)
        built = _works_before(s, clause_start(s, q.start)) if _INVESTED.fullmatch(ind) else ""
        if built and not prev:
            return built + ind, links
        first = not built
        obj = invested_object(s, after_qualifier(s, q.end), counted=first) or paid_object(s, after_qualifier(s, q.end))
        if obj:
            return obj + word, links  # 投资3.5亿元，实施了…等基础设施工程 -> 基础设施工程投资
    if ind in _RAISED and (q.unit or "").endswith("元") and not s.startswith("用于", after_qualifier(s, q.end)):
        obj = paid_object(s, after_qualifier(s, q.end))
        if obj:
            return obj + "资金", links  # 筹措7亿元实施就业惠民工程 -> 就业惠民工程资金: the money is named by its use
    spent = after_qualifier(s, q.end)
    if (q.unit or "").endswith("元") and s.startswith("用于", spent) and ind and len(posseg(ind)) == 1:
        obj = paid_object(s, spent) if posseg(ind)[0][1].startswith("v") else ""
        if obj:
            return ind + obj, links  # 统筹9.8亿元用于援企稳岗 -> 统筹援企稳岗: the money is named by its use
    money = next((w for w in _MONEY_WORDS if ind.endswith(w)), None)
    # 投资近千亿元、全长1.3万公里的三个一号旅游公路: the thing sized is named after another size of it
    sized_too = _ANOTHER_SIZE.match(rest) if money else None
    if sized_too:
        rest = rest[sized_too.end() - 1 :]
    if money and rest.startswith("的"):
        tail = rest[1:]
        inner = find_quantities(tail[:12])
        if inner and inner[0].start == 0:
            tail = tail[
                inner[0].end :
            ]  # 总投资60.7亿元的100万千瓦神南镇抽水蓄能电站项目: the capacity is its own figure
        if money == "长度":
            obj = indicator_after(rest, 1)  # 总长度57.9公里的城市道路新建改造: the works named
        elif money in ("全长", "总长"):
            eg = _EXAMPLES_OF.match(rest, 1)  # 总长9.87公里的北环北二路、北三路…等8条道路: the first and the kind
            # 全长3046公里的…生态屏障实现合龙: the thing, not its fate
            obj = eg.group("first") + "等" + eg.group("kind") if eg else _noun_head(indicator_after(rest, 1))
        else:
            obj = _works_after(tail)
        if obj:
            return obj + money, links  # 推进投资5亿元的万家惠农贸市场项目 -> 万家惠农贸市场项目投资
    if ind in ("预期目标", "目标", "增长目标", "预期") or (not ind and not prev):
        known = known_indicator(re.split("[；;]", s[: q.start])[-1])  # not a statement's before the semicolon
        if known:
            return known, links  # 经济增速是综合性指标，今年预期目标设定为6%以上
    if prev and re.match(r"(?:惠及|覆盖|带动|帮助|受益)(?:[\u4e00-\u9fff]|$)", ind):
        return prev + ind, links  # 兑付资金77.7亿元、惠及企业2.6万家; 维修农村供水工程1800处，受益200万人: whose reach
    reached = _REACHED_WHO.fullmatch(ind)
    if not prev and reached and (q.base_unit in _PEOPLE_UNITS or (reached.group("who") and count)):
        thing = programme_reaching(s, cl, "") if cl >= 2 and s[cl - 1] in "，,、" else ""
        if thing:
            # 实施农村饮水安全巩固提升工程，惠及2.18万人; 开展清洁能源集中供暖试点，受益群众超20万人: whom the work
            # reached (…“共同成长计划”，惠及企业1.2万家: or which firms)
            return thing + ind, links
    if _PER_HEAD_ONLY.fullmatch(ind):
        subject = _previous_subject(s, cl)
        opening = posseg(_clause_before_clause(s, cl)[:8]) if not subject else []
        if opening and opening[0][1][:1] not in ("n", "j"):
            subject = programme_reaching(s, cl, "")  # 连续第7年提高企业退休人员基本养老金，全年人均增加1680元
        if subject:
            return subject + ind, links  # 企业退休人员养老金标准继续提高，年人均提高2556元: whose per-head rise
    if _deed_only(ind) and cl >= 2 and s[cl - 1] in "，,、" and s.startswith("累计", cl):
        before = s[clause_start(s, cl - 1) : cl - 1]
        whose = prev or (programme_reaching(s, cl, "") if not re.search(r"\d", before) else "")
        own = "" if prev else next((part for part in re.split("[和及与、]", whose) if ind in part), "")
        if own:
            return own, links  # 实施高职扩招和职业技能提升三年行动，累计扩招413万人: the programme of that deed
        if whose:
            # 全疆普通高等学校达66所、累计招生117.6万人; 持续加大民生投入，累计支出27.2亿元: whose deed
            return whose + ind, links
    if prev and (ind in TOTALS or _COMPARED.match(ind)):
        return prev + ind, links  # 上市公司达288家、总市值超8600亿元; 投资增长20.4%、高于全国12.4个百分点
    if not prev and _COMPARED.fullmatch(ind):
        return None  # 四季度增长5.6%、高于全国0.2个百分点 (the growth unnamed): a gap of nothing named
    if _HARVEST.fullmatch(ind):
        grown = _harvest_owner(s, cl, prev)
        if grown:
            # 地产蔬菜种植面积达到2万亩，产量达到15万吨: the vegetables' harvest
            return grown + re.sub("^(?:全年|年度|年)", "", ind), links
    measures = re.split("[、和]", re.sub("^(?:新增|增加|总计)", "", ind))
    if all(x in SCHEME_MEASURES for x in measures):
        scheme = scheme_before(s[: clause_start(s, q.start)])
        if scheme and len(measures) > 1:
            return "、".join(scheme + x for x in measures), links  # …基本医疗保险财政资助政策，参保率、资助率均为100%
        if scheme:
            return scheme + ind, links  # 城镇职工基本养老保险制度不断完善，参保人数突破2亿人: the scheme's insured
    if re.sub("^(?:新增|增加)", "", ind) in BARE_MEASURES:  # 产值, 新增产值: a measure of a thing named before
        here = clause_start(s, q.start)
        after_figure = (
            here > 1
            and s[here - 1] == "、"
            and any(x.unit for x in find_quantities(s[clause_start(s, here - 1) : here]))
        )
        owner = strip_measure(prev or "")
        if prev and (not cross or after_figure) and len(owner) >= 2:
            return owner + ind, links  # 全区出让矿业权558个、收益290亿元: the previous figure's subject
        thing = _object_before(s, clause_start(s, q.start)) if not prev else ""
        if thing:
            return thing + ind, links  # 全力推进棉花和纺织服装全产业链发展，产值超2200亿元
    projects = _PROJECTS.search(prev or "")
    amount = (q.unit or "").endswith("元")  # an amount; 投资增长7% after a count of projects is all investment
    if (
        projects
        and amount
        and (prev_unit in ("个", "项") or projects.group(1))
        and _INVESTED.fullmatch(ind)
        and sum(x.unit == prev_unit for x in find_quantities(_clause_before_clause(s, clause_start(s, q.start)))) < 2
    ):
        # 实施重点项目2800多个，完成投资2400多亿元 (…，总投资971.7亿元，完成投资28.9亿元): those projects' (not
        # when other things are counted with them: 加快1600个城市更新、600个医教康育服务项目建设，年度投资…)
        return _after_verb(projects.string[: projects.start()] + "项目") + ind, links

    # projects counted up to three clauses before, other figures of theirs between (总投资…，项目开工率100%)
    counted = _COUNTED_PROJECTS.findall(s[: q.start]) if amount and prev and _INVESTED.fullmatch(ind) else []
    since = s[s.rfind(counted[-1], 0, q.start) : clause_start(s, q.start)] if counted else ""
    if counted and re.fullmatch(r"(?:[^，,；;。]*[，,]){1,3}", since):
        named = _after_verb(re.sub(r"^(?:年|全年|今年|去年)", "", counted[-1]))
        if len(named) >= 4:
            return named + ind, links  # 列入省市重点项目19项，总投资834.59亿元，项目开工率100%，完成投资50.03亿元
    if amount and not prev and _INVESTED.fullmatch(ind):
        works = _works_before(s, clause_start(s, q.start))
        if works:
            return works + ind, links  # 推进重大工程建设，全年完成投资2400亿元: the works' investment

    if prev and _STANDING.match(ind):
        ind = ""  # 地区生产总值达到5.53万亿元、稳居全国前十强、增长4.8%: a rank said of the same subject
    ind = _DOUBLED.sub("", ind) or ind  # 高新技术企业数量实现翻番、达1.8万家: the subject, not the doubling
    if prev and count and prev_unit == q.base_unit and _WORKS_ONLY.fullmatch(ind):
        subject = _WORKS_ONLY.sub("", prev)
        if subject == prev:
            subject = _WORKS_LEAD.sub("", prev)  # 新开工保障性安居工程666万套，基本建成544万套
        if subject != prev and len(subject) >= 2:
            return subject + ind, links  # 保障性住房基本建成432万套，新开工建设1043万套: the same houses
    if ind in ("学位", "新增学位"):
        here = clause_start(s, q.start)
        schools = _SCHOOLS_BUILT.search(s[max(0, here - 40) : here])
        if schools:
            return ind.replace("学位", schools.group("kind") + "学位"), links  # 新建改扩建中小学校11所，新增学位…
    if prev and prev_unit == q.base_unit and len(ind) == 2 and posseg(ind) == [(ind, "v")]:
        before = _clause_before_clause(s, clause_start(s, q.start))
        if re.match(rf"{ind}\d", before) and before.endswith(prev):
            return ind + prev, links  # 关停5000万千瓦小火电机组，今年要关停1000万千瓦: the same deed to the same things
    if not prev and count and (_WORKS_ONLY.fullmatch(ind) or (not ind and "完成" in links)):
        works = _works_before(s, clause_start(s, q.start), reach=2, pattern=_WORKS_BUILT)
        if works:
            return works + ind, links  # 加大保障性安居工程建设力度，今年新开工700万套: the works' phase
    produced = _PRODUCE_VALUE.fullmatch(ind)
    if prev and produced and _OUTPUT_END.search(prev) and len(_OUTPUT_END.sub("", prev)) >= 2:
        return _OUTPUT_END.sub("", prev) + produced.group(1), links  # 马铃薯总产量达到25万吨，实现产值2.5亿元
    if prev and q.is_percent and ind.startswith("占") and len(ind) > 2 and not prev.endswith(ind):
        return prev + ind, links  # 完成投资50.03亿元，占任务的162.4%: the previous figure's share of the task
    paid_as = next((w for w in _MONEY_WORDS if (prev or "").endswith(w)), None)
    next_item = re.fullmatch(r"(?:的[^，,；;。、]*)?、", s[cl : q.start])  # after the previous item's 的-works
    if paid_as and next_item and (q.unit or "").endswith("元") and rest.startswith("的"):
        thing = _works_after(rest[1:])
        if len(thing) >= 2:
            return thing + paid_as, links  # 投资3500万元的二三级供水管网改造、3800万元的背街巷道改造: each the works'
    sized_noun = re.match(r"的(?=[\u4e00-\u9fff]{2})", rest) if not ind and q.base_unit in _WORK_UNITS else None
    if sized_noun and not s[cl : q.start].strip():
        thing = _noun_head(indicator_after(rest, 1).split("的", 1)[0])
        if len(thing) >= 2 and thing not in _FRAME_NOUNS:
            return thing, links  # …主力店正式运营，23万平方米的建材城完工: the size of the thing after it
    if prev and not ind and q.base_unit in _PEOPLE_UNITS and _HONOURED.match(s, after_qualifier(s, q.end)):
        named = indicator_after(s, after_qualifier(s, q.end))
        return (named, links) if len(named) >= 4 else None  # 技能人才总量达266.9万人，12人入选国家高层次人才
    if prev and ind and all(f == "d" for _, f in posseg(ind)):
        ind = ""  # 一般公共预算收入增加近1000亿元，稳步达到3000亿元以上: an adverb names nothing
    if prev and (not ind or ind in GENERIC):
        raw = s[clause_start(s, q.start) : q.start]
        if cross and _ACTION.search(raw):
            return None  # 完成16条…: an action of its own, not the previous figure's indicator
        if cross and count and not ind and prev_unit is not None and prev_unit not in _COUNTS_OR_SHARES:
            return None  # 工业增加值…达1.19万亿元；万亿产业、…从无到有，分别达2个、3个: no count of the value added
        joined = re.search(r"\d[^\d，,；;、。]{1,2}$", s[: q.start])  # 勇夺4金1银1铜: figures written together
        paid = (q.unit or "").endswith("元") and prev_unit in _PEOPLE_UNITS
        if not ind and paid and _AFTER_PEOPLE.search(s, 0, q.start):
            return prev + "资金", links  # 资助救助贫困学生10.8万人次1.32亿元: the money paid to those people
        # 粮食播种面积、产量稳定在35万亩、15万吨左右: a figure listed right after the previous one (``cl`` is its end)
        listed_next = re.fullmatch(r"(?:以上|左右|以内)?[、和]", s[cl : q.start]) is not None
        # 旅客和货邮吞吐量分别达到1.35亿人次、453.8万吨: a 分别 list's next item, whatever its unit
        respective = (
            ("分别" in raw or listed_next)
            and not cross
            and s[: q.start].endswith(("、", "和"))
            and (re.search("[、和与及]", prev) is not None or prev.startswith("城乡"))
        )  # …without 分别: 粮食播种面积、产量稳定在35万亩、15万吨左右, the figures listed right after each other
        # 新改建道路12条、17.2公里: the same works counted, then measured, before the clause ends
        again = (
            not ind
            and q.base_unit in _WORK_UNITS
            and re.search(r"\d[^\d，,；;、。]{1,2}、$", s[: q.start]) is not None
            and s[after_qualifier(s, q.end) : after_qualifier(s, q.end) + 1] in ("，", "；", "。", ",", ";", "")
        )
        if not (
            ind
            or links
            or joined
            or again
            or respective
            or q.is_percent
            or q.unit in ("个百分点", "百分点", "倍")
            or prev_unit == q.base_unit
        ):
            return None  # 9个村3.2万人, 2147个县…，1334万人参保: a new figure, not the previous one's
        if ind in ("增速", "增幅", "增长率") and "增长" not in links:
            links = [*links, "增长"]  # 地区生产总值完成81.16亿元，增速7.9%: a growth rate of the same subject
        owner = _THRESHOLD_CROSSED.sub("", prev)  # 地区生产总值连续迈上4个万亿元台阶、达14.2万亿元: the subject's
        owner = owner if len(owner) >= 2 else prev
        ind = owner + ind if ind in ("总量", "总额", "规模") else owner
    deed = _listed_deed(s, cl, prev, ind, comma=prev_unit == q.base_unit)
    if deed:
        return deed, links  # 新建高标准农田252万亩、改造提升43万亩: the works done to the item before's thing
    ind, verb = strip_leading_change(ind)
    if verb:
        links = [verb, *links]  # 压减政府性基金项目30%: a fall of 30%
    if not ind and not prev and not count:
        subject = _sentence_subject(s, cl)
        if subject:
            return subject, links  # 外贸出口从7月份开始大幅度回升，全年达到1949亿美元
    if (q.unit or "").endswith("元") and (not ind or is_verb_only(ind)) and not prev:
        purpose = paid_for(s, q, cl, "")
        if purpose:
            return purpose + "资金", links  # 拿出120.6亿元支持基层化债: money named by what it pays for
    if re.search(r"我们|这样|这个|那个|他们", ind):
        return None  # 在我们这样一个13亿人口的…: a description, not an indicator
    if ind == BARE_TOTAL and not prev:
        # 市场经营主体增量提质，总量突破1000万户: the total of what the sentence opens on; a total that opens its
        # sentence stays bare for the sentence before to name (经营主体稳中培优。总量达1461.4万户)
        subject = opening_subject(s[: clause_end(s, 0)]) if cl > 0 else ""
        return (subject + ind, links) if subject else (ind, links) if cl == 0 else None
    if not ind or is_verb_only(ind) or ind in GENERIC or (len(ind) == 1 and ind not in "省县市村乡镇区"):
        return None  # 近14亿人口的发展中大国, 保持6%一档: describes, does not measure
    ind = _trim_to_known(ind)
    if _BARE_ACTION.fullmatch(ind):
        subject = _sentence_subject(s, cl)
        if subject:
            ind = subject + ind  # 对口援青和东西部协作持续深化，落实资金27.3亿元: whose money
    elif _lone_verb(ind) and not links_only(s, cl, q.start):
        subject = _previous_subject(s, clause_start(s, q.start))
        if subject:
            phrase = acting_verb(s[clause_start(s, q.start) : q.start])  # 带动就业 (带动 was stripped)
            ind = subject + (phrase if phrase.endswith(ind) else ind)
            # 绿电外送拓展至22个省区市，输出345亿度: the output of the clause before's subject
    lead = _listed_lead(s, cl, prev, ind) if not q.is_percent else ""
    if lead:
        ind = lead + ind  # 新增从业人员29.1万人、企业1.85万家: the list's subject and verb are each item's
    if ind == "经济":  # 经济增长6%左右, 经济年均增长6.5%以上: the growth names the indicator
        ind += "".join(w for w in links if w == "年均" or w in CHANGE_VERBS)
    if rest.startswith("的") and not links and (ends_with_verb(ind) or any(f == "v" for _, f in posseg(ind))):
        return None  # 拥有14亿人口的发展中国家, 保障好14亿人的粮食安全
    # 中央财政安排219亿元支持…, 中央财政拿出396亿元用于转移支付: who pays (and how) names nothing by itself
    paying = _PAYER_PAYS.fullmatch(ind)
    who = ind if ind in PAYER_NAMES else paying.group("payer") if paying else ""
    if who in PAYER_NAMES and (q.unit or "").endswith("元"):
        named = paid_for(s, q, cl, who)
        ind = named if named != who else ind  # the payer and its verb stay when no purpose is said
    if re.fullmatch(f"{_EFFORT}+", ind):
        named = indicator_after(rest, 0)
        if len(named) >= 2 and named not in _FRAME_NOUNS:
            return named, links  # 全面完成43.7万亩废弃矿山复绿任务: the effort's words name nothing, the works do
    return ind, links


_SCHEME_END = re.compile("|".join(SCHEMES))


def scheme_before(text: str) -> str:
    """The insurance scheme named last in ``text`` (the sentence before a figure's clause), without the verbs
    before it; '' when none is named.

    >>> scheme_before("城镇职工基本养老保险制度不断完善，")
    '城镇职工基本养老保险'
    >>> scheme_before("扩大城乡居民养老保险覆盖面，确保")
    '城乡居民养老保险'
    >>> scheme_before("脱贫人口全额享受基本医疗保险财政资助政策，"), scheme_before("新农合制度保障水平不断提高，")
    ('基本医疗保险', '新农合')
    >>> scheme_before("国有企业效益明显好转，")
    ''
    """
    ends = list(_SCHEME_END.finditer(text))
    if not ends:
        return ""
    end = ends[-1].end()
    start = max(text.rfind(ch, 0, end) for ch in "，,；;、：:") + 1
    words = _from_first_noun(posseg(text[start:end]))  # 扩大…: not the verb before it
    name = "".join(w for w, _ in words)
    acted = max((i for i, (_, f) in enumerate(words) if f == "v"), default=-1)
    after = "".join(w for w, _ in words[acted + 1 :])
    if after.endswith(ends[-1].group()):
        name = after  # 脱贫人口全额享受基本医疗保险: the scheme, not who enjoys it (新农合: jieba reads 新农|合)
    return name if len(name) >= 4 or name in SCHEMES else ""  # 新农合: a scheme by its short name


def _from_first_noun(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Words from the first noun on: the verbs and adverbs that lead a name left out (扎实推进, 扩大).

    >>> _from_first_noun([("扎实", "a"), ("推进", "v"), ("新型农村", "nz"), ("试点", "n")])
    [('新型农村', 'nz'), ('试点', 'n')]
    """
    return list(itertools.dropwhile(lambda w: not w[1].startswith(("n", "j", "b")), words))


def _places_reached(s: str, cl: int, owner: str) -> str:
    """What reaches a share of places, with its verb of reach: the owner before the figure (its 范围 left out),
    or the programme the clause before names when the owner is only 试点 or nothing.

    >>> s = "加快推进新型农村合作医疗制度建设，今年把试点范围扩大到全国40%的县"
    >>> _places_reached(s, s.index("今年"), "试点范围")
    '新型农村合作医疗试点覆盖'
    >>> s = "新型农村合作医疗制度不断完善，已扩大到全国86%的县"
    >>> _places_reached(s, s.index("已"), "")
    '新型农村合作医疗覆盖'
    >>> _places_reached("", 0, "新型农村社会养老保险试点覆盖")
    '新型农村社会养老保险试点覆盖'
    """
    owner = re.sub("范围$", "", owner)
    if owner in ("", "试点"):
        words = _from_first_noun(posseg(_clause_before_clause(s, cl)))  # 扎实推进, 加快推进: how it is pursued
        named = list(itertools.takewhile(lambda w: w[1].startswith(("n", "j")) or w[1] == "vn", words))
        while named and named[-1][0] in PROGRAMME_ENDS:
            named.pop()  # …制度建设: the programme itself
        programme = "".join(w for w, _ in named)
        if len(programme) >= 4 and not re.search(r"\d", programme):
            owner = programme + owner if not programme.endswith(owner) else programme
    return owner if owner.endswith("覆盖") else owner + "覆盖"


def _listed_lead(s: str, cl: int, prev: str | None, ind: str) -> str:
    """The subject and verb that lead the previous item of a list of figures, when the item at ``cl`` is one
    general word after 、 (软信产业行动新增从业人员29.1万人、企业1.85万家 -> 软信产业行动新增); '' otherwise.

    >>> s = "新增从业人员29.1万人、企业1.85万家"
    >>> _listed_lead(s, s.index("企业"), "新增从业人员", "企业")
    '新增'
    >>> k = s.index("企业")
    >>> _listed_lead(s, k, "从业人员", "企业"), _listed_lead(s, k, "新增从业人员", "新建企业")
    ('', '')
    """
    item = s[clause_start(s, cl - 2) : cl - 1] if cl >= 2 and s[cl - 1] == "、" else ""
    item = re.sub(r"(?:以上|以下|左右)$", "", item)  # 公办幼儿园200所以上、: the figure's bound
    before = find_quantities(item)
    if not prev or not before or before[-1].end != len(item):
        return ""  # the item before is no figure closing at the 、
    works = _WORKS_RUN.match(prev)
    if works and len(prev) - works.end() >= 2 and not _LIST_VERBS.match(ind):
        # 新建改扩建及维修改造公办幼儿园200所以上、义务教育学校500所以上: works of more than one kind, said once
        # for every item
        return works.group()
    if not _general(ind):
        return ""  # 学校10所、特殊教育学校2所: a name of its own
    verbs = list(_LIST_VERBS.finditer(prev))
    if len(verbs) != 1 or verbs[0].end() >= len(prev):
        return ""  # 新创建全国法治政府建设示范地区4个、项目6个: a verb inside the name too, whose item is unclear
    return prev[: verbs[0].end()]


def _listed_deed(s: str, cl: int, prev: str | None, ind: str, comma: bool = False) -> str:
    """The thing of the previous item of a list of figures, with the verbs of the item at ``cl``, when that item
    is verbs of works alone after 、 (新建高标准农田252万亩、改造提升43万亩 -> 改造提升高标准农田), or after a comma
    when the two figures share a unit (``comma``: 新建高标准农田3万亩，改造提升6万亩); '' otherwise.

    >>> s = "新建高标准农田252万亩、改造提升43万亩"
    >>> _listed_deed(s, s.index("改造"), "新建高标准农田", "改造提升")
    '改造提升高标准农田'
    >>> _listed_deed(s, s.index("改造"), "高标准农田", "改造提升"), _listed_deed(s, s.index("改造"), "新建农田", "完成")
    ('', '')
    """
    item = s[clause_start(s, cl - 2) : cl - 1] if cl >= 2 and s[cl - 1] in ("、，," if comma else "、") else ""
    before = find_quantities(item)
    if not prev or not before or before[-1].end != len(item) or s[cl:].find(ind) != 0:
        return ""  # the item before is no figure closing at the 、, or words stand between
    if not ind or _LIST_VERBS.sub("", ind) or not _LIST_VERBS.match(ind):
        return ""  # 改造提升 and nothing else
    verbs = list(_LIST_VERBS.finditer(prev))
    if len(verbs) != 1 or verbs[0].start() != 0 or len(prev) - verbs[0].end() < 2:
        return ""  # the item before opens on one verb and names its thing after it
    return ind + prev[verbs[0].end() :]


#: Verbs of works of more than one kind, one after another (新建改扩建及维修改造, 新建、改扩建).
_WORKS_RUN = re.compile(f"^(?:{'|'.join(WORKS_KINDS)})(?:[和、及与或/]?(?:{'|'.join(WORKS_KINDS)}))+")

#: Another size of the thing a sum is of, said between the sum and the thing (投资近千亿元、全长1.3万公里的…).
_ANOTHER_SIZE = re.compile(r"、(?:全长|总长|长|总面积|面积|占地)[^，,；;。的、]{1,10}的")

#: Medals counted by 块 or 枚 (获得3块金牌): named by the competition, as 4金 is.
_MEDALS_COUNTED = re.compile("|".join([*MEDALS.values(), "奖牌"]))
_COMPETITION = "(?:" + "|".join(COMPETITIONS) + ")"
_EVENT = re.compile(rf"(?:第\d+届|首届)?[\u4e00-\u9fff]{{0,12}}?{_COMPETITION}(?:[、和与及]{_COMPETITION})*")


def medal_event(s: str, pos: int) -> str:
    """The competition the medals counted at ``pos`` were won at: the last one named before them in the
    sentence, from the 在 that introduces it; '' when none is named.

    >>> s = "我省体育健儿在巴黎奥运会、残奥会上分别摘得2金2银"
    >>> medal_event(s, s.index("2金"))
    '巴黎奥运会、残奥会'
    >>> s = "运动员在第9届亚冬会上为中国体育代表团贡献9金"
    >>> medal_event(s, s.index("9金")), medal_event("全省新增4金", 4)
    ('第9届亚冬会', '')
    >>> s = "巴黎奥运会和残奥会上，我省体育健儿分别摘得2金"
    >>> medal_event(s, s.index("2金"))
    '巴黎奥运会和残奥会'
    """
    text = s[:pos]
    at = text.rfind("在")
    found = list(_EVENT.finditer(text, at + 1 if at >= 0 else 0))
    return re.sub(r"^年", "", found[-1].group()) if found else ""  # 在2024年巴黎奥运会: not the year's 年


#: A quoted programme right before a count (“高效办成一件事”13个重点事项): whose things are counted.
_QUOTED_OWNER = re.compile(r"(?<!”)“[^“”，,；;。、]{2,16}”$")
#: A growth target named after its figure (8%左右的国内生产总值增长目标).
_GROWTH_TARGET = re.compile(r"的(?P<what>[^，,；;。\d]{2,16}?)(?:增长|增速)(?:预期)?目标")


#: A region's people counted by a bare magnitude (7100万江淮儿女, 4200万辽宁人民): the people are the name.
_A_PEOPLE = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:儿女|人民|同胞)")


#: A subject widened to a count of places or things (试点扩大到29个省, 试点范围又扩大了8个省份).
_WIDENED_TO = re.compile(rf"(?:已经|已|又|进一步|再)?(?:{'|'.join(WIDENING_LINKS)})$")
_WIDENED_SCOPE = re.compile(r"(?:的)?(?:范围|覆盖面|覆盖范围)$")


#: What money pays for, said after it (…亿元，支持卫生事业改革和发展), past a change said of the same money.
_PURPOSE_AFTER = re.compile(
    rf"(?:[，,]比(?:上年|去年)[^，,；;。]*)?(?:资金|专项资金)?[，,]?(?:重点|主要)?"
    r"(?:(?:用|以|通过)[^，,；;。]{1,6}?方式)?"  # 主要用贴息方式支持企业技术改造: how it pays, then for what
    rf"(?P<verb>{'|'.join(PURPOSE_VERBS)})"
    r"(?P<what>[^，,；;。]{2,30})"
)
#: A payer and its verb of paying, nothing else (中央财政拿出, 中央财政将为此投入): the sum is named by its purpose.
_PAYER_PAYS = re.compile(r"(?P<payer>[\u4e00-\u9fff]{2,6}?)(?:今年|将|拟|再|又|还|为此)*(?:拿出|安排|投入|新增|增加)")
#: …or before it, in a clause of its own (为加快社会保障体系建设，今年中央财政将安排2762亿元).
_PURPOSE_BEFORE = re.compile(r"为(?P<what>[^，,；;。为]{2,20})[，,]$")


#: Verbs that say whether works build anew or rebuild (新建 / 改造): a length or area of works keeps them.
_WORKS_KIND = re.compile(r"新建|改造|改建|新改建|新建改造|改扩建")


def _works_kind(s: str, cl: int, words: list[tuple[str, str]], listed: bool) -> str:
    """The verb that says whether a length or area of works builds anew or rebuilds: the last word before the
    figure, or for an item listed after 、 the verb that opens the list (新建5条主干道路、12公里热力主管网 -> 新建);
    '' when it is another verb.

    >>> s = "新建5条主干道路、12公里热力主管网"
    >>> _works_kind(s, s.index("12"), [], True), _works_kind(s, 0, [("新建", "v")], False)
    ('新建', '新建')
    >>> _works_kind(s, 0, [("铺设", "v")], False)
    ''
    """
    if listed:
        start = clause_start(s, cl)
        first = find_quantities(s[start:cl])
        words = posseg(s[start : start + first[0].start]) if first else []
    verb = words[-1][0] if words else ""
    return verb if _WORKS_KIND.fullmatch(verb) else ""


def _with_purpose(s: str, rest: str, noun: str) -> str:
    """A name of money that says only where it comes from (:data:`policydiff.lexicon.GENERAL_FUNDS`: 国债资金,
    建设资金), said first in ``rest`` (the end of ``s``), with what the money pays for when the words after it say
    so; any other name as it is.

    >>> s = "再安排30亿元国债资金，重点支持煤矿瓦斯综合治理。"
    >>> _with_purpose(s, s[7:], "国债资金"), _with_purpose(s, s[7:], "奖补资金")
    ('国债资金支持煤矿瓦斯综合治理', '奖补资金')
    >>> s = "中央财政拟安排200亿元专项资金，主要用贴息方式支持企业技术改造。"  # how it pays, then for what
    >>> _with_purpose(s, s[12:], "专项资金")
    '专项资金支持企业技术改造'
    """
    at = rest.find(noun)
    if noun not in GENERAL_FUNDS or at < 0:
        return noun
    purpose = _PURPOSE_AFTER.match(s, len(s) - len(rest) + at + len(noun))
    return noun + purpose.group("verb") + purpose.group("what") if purpose else noun


def paid_for(s: str, q: Quantity, cl: int, payer: str) -> str:
    """A sum named only by who pays it (中央财政安排219亿元), named by what it pays for too, said after it or in a
    clause of its own before it; the payer alone when neither is said.

    >>> s = "中央财政安排219亿元支持116户国有企业实施政策性关闭破产"
    >>> paid_for(s, find_quantities(s)[0], 0, "中央财政")
    '中央财政支持国有企业实施政策性关闭破产'
    >>> s = "为加快社会保障体系建设，今年中央财政将安排2762亿元。"
    >>> paid_for(s, find_quantities(s)[0], s.index("今年"), "中央财政")
    '中央财政加快社会保障体系建设'
    >>> s = "中央财政安排500亿元。"
    >>> paid_for(s, find_quantities(s)[0], 0, "中央财政")
    '中央财政'
    """
    after = _PURPOSE_AFTER.match(s, after_qualifier(s, q.end))
    if after:
        what = after.group("what")
        for inner in reversed(find_quantities(what)):  # 支持116户国有企业…: the figure inside is another
            what = what[: inner.start] + what[inner.end :]
        what = re.sub(r"^的", "", what)
        if len(what) >= 2:
            return payer + after.group("verb") + what
    before = _PURPOSE_BEFORE.search(s, 0, cl)
    if before:
        return payer + before.group("what")
    return payer


#: A sum named by its verb alone (全年完成投资15.9亿元, 计划投资8.6亿元): whose it is, its clause does not say.
BARE_INVESTMENT = ("投资", "完成投资", "总投资", "累计投资", "共投资", "计划投资", "累计完成投资", "共完成投资")
#: Verbs of raising money that name nothing by themselves (筹措7亿元实施就业惠民工程).
_RAISED = MONEY_RAISING_VERBS


_INVEST_ACTION = re.compile(
    r"[，,](?:重点|集中|主要|全面|着力|先后|分别|相继)?"
    r"(?:启动|组织)?(?:实施|完成|建设|推进|启动|新建|建成|改造|改扩建|开工建设|用于|办好|办成)(?:了)?(?P<obj>[^，,；;。]+)"
)


#: A clause saying what was done to what with 对…进行 (，对城区雨水管网进行全面改造): the works an amount before
#: paid for.
_DONE_TO_IT = re.compile(
    r"[，,]对(?P<obj>[^，,；;。\d]{2,20}?)进行了?(?:全面|集中|系统|全方位)?(?P<work>[\u4e00-\u9fff]{2,4}?)(?=[，,；;。]|$)"
)


#: A rank said of the previous figure's subject, standing where an indicator would (稳居全国前十强).
_STANDING = re.compile(
    r"(?:稳居|位居|跻身|位列|居|进入|排名|排在)[^，,；;]{0,6}?(?:前[一二三四五六七八九十\d]+[强位名]?|第[一二三四五六七八九十\d]+位?)$"
)
#: A verb with 了 after the counted noun: the clause says what the counted did (摆脱了…的困境).
_DONE_TO = re.compile(r"[\u4e00-\u9fff]{2}了")
#: Things listed by their first example and their kind (北环北二路、北三路和同兴西二路等8条道路).
_EXAMPLES_OF = re.compile(
    r"(?P<first>[^、，,；;。和等\d]{2,10})[、和][^，,；;。]{0,30}?等(?:\d+|[两二三四五六七八九十]+)?[条座个处所家]?"
    r"(?P<kind>[\u4e00-\u9fff]{2,6}?)(?=[，,；;。]|建设|改造|$)"
)
#: A thing and the works done to it after 的, closing the clause (退耕还林工程的补植、管护任务): what an area or a
#: length before them measures.
_WORKS_OF = re.compile(
    r"(?P<thing>[\u4e00-\u9fff“”]{2,10}?)的(?P<work>[\u4e00-\u9fff、和]{2,12}?)(?:任务|工作|工程)?(?=[，,；;。]|[和、][^，,；;。\d]{0,4}\d|$)"
)
#: Work done to a counted thing, named after it (…的既有建筑节能改造, …的三级供热管网改造).
_WORK_DONE = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:改造|改建|改扩建|扩建|建设|修缮|整治|治理|提升|修复)")
#: …but not a clause saying what happened to it (行业乱象得到有效治理).
_HAPPENED = re.compile(r"得到|取得|实现|已经|有效|全部|基本")
#: What of the people or things counted was bettered, closing the clause (…的居住条件将得到彻底改善).
_BETTERED = re.compile(
    r"(?P<what>[\u4e00-\u9fff]{2,6}?)(?:将|已)?(?:得到|获得)了?(?:彻底|有效|显著|明显|极大|全面)?"
    r"(?P<how>改善|保障|提升|解决|提高)(?=[，,；;。]|$)"
)
#: Units of a figure whose name a count may take from an earlier clause: another count's, or a share's (汽车产量
#: 增长40%、达357万辆).
_COUNTS_OR_SHARES = frozenset({*CLASSIFIERS, "%"})
#: A stage of works said right before their size (完成二期170万平方米供热改造): the verb before it still acts.
_STAGE_END = re.compile(r"[一二三四五六七八九十首]期$")
#: An action on a generic noun that names nothing by itself (落实资金, 实施项目, 带动就业).
_BARE_ACTION = re.compile(r"(?:落实|实施|带动|争取|到位|撬动|引进|安排)(?:资金|项目|就业)")
#: Spending, sales or jobs a programme drove, said just before the figure (以旧换新带动消费188亿元, 拉动消费超300亿元,
#: 带动家电销售, 吸纳就业).
_DRIVEN = re.compile(
    r"(?P<verb>带动|拉动|吸纳)(?P<what>[\u4e00-\u9fff]{0,4}?(?:消费|销售|销售额|销售金额|就业|社会投资|民间投资))"
    r"(?:超过|超|近|约|逾)?"
)
#: Verbs that stay in a counted noun: works and their phases (高速公路建成通车, 供水设施建设).
_NOUN_VERBS = frozenset(
    "建成 开工 竣工 通车 投产 投用 建设 改造 提升 整治 治理 修复 改建 扩建 新建 完工 运营 开放 认定 评为".split()
)


#: Verbs that open a predicate with a figure of its own after a counted noun (…项目完成投资300亿元).
_PREDICATE_VERBS = frozenset(
    "完成 增加 实现 达到 达 占 居 进入 提高 提升至 增长 发放 追回 集聚 整合 累计 带动 拉动 吸纳".split()
)


#: The next items of a list of counts and the honour or deed said after them, which every item of the list shares
#: (6个集体、7名个人荣获全国民族团结进步模范表彰; 10所学校、12个专业群入选国家第二期“双高建设计划”; 20个街区、300座
#: 立交桥、100条城市画廊实现绿化彩化).
_LISTED_HONOUR = re.compile(
    r"(?:[、和](?:\d+|[两二三四五六七八九十]+)[个名家所位支项座条处][\u4e00-\u9fff“”]{1,8}?)+"
    r"(?:首次|全部|均|都|已)*"
    r"(?P<honour>(?:荣获|获评|获得|获|入选|被评为|被授予|实现|纳入|通过)[^，,；;。\d]{2,30})(?=[，,；;。]|$)"
)


def _before_predicate(noun: str, figure_follows: bool) -> str:
    """A counted noun without the predicate it runs into: cut at 等 before a verb (85个口袋公园等建成开放 ->
    口袋公园) and, when the predicate has a figure of its own (3920个新投产项目增加产值5100亿元), at the first
    verb after a noun (a project's 投资 too: 11个能源重点领域项目投资突破2000亿元 -> 能源重点领域项目).

    >>> _before_predicate("新投产项目增加产值", True), _before_predicate("口袋公园等建成开放", False)
    ('新投产项目', '口袋公园')
    >>> _before_predicate("新投产项目增加产值", False), _before_predicate("高速公路建成通车", True)
    ('新投产项目增加产值', '高速公路建成通车')
    >>> _before_predicate("重大基础设施项目加快推进", False)
    '重大基础设施项目'
    """
    went = _STATE_END.search(noun)  # how the things went (加快推进), not where they stand (居全国前列: counted)
    if went and went.start() >= 2:
        noun = noun[: went.start()]  # 3296个重大基础设施项目加快推进, 12项重点改革稳步推进: how they went, not what
    out, nouns, words = "", False, posseg(noun)
    for k, (word, flag) in enumerate(words):
        if nouns and len(out) >= 2:
            if word == "等" and k + 1 < len(words) and words[k + 1][1] == "v":
                return out
            if figure_follows and (word in _PREDICATE_VERBS or (word == "投资" and out.endswith("项目"))):
                return out  # …项目投资突破2000亿元: the projects' investment is a figure of its own
        nouns = nouns or flag.startswith("n")
        out += word
    return noun


#: Verbs of works and counts: a verbal noun among them before a figure acts on the noun after it.
_WORKS_VERBS = frozenset({*ACTION_VERBS, *COUNT_VERBS})
#: …and, with the verbs of taking in (落户, 重建), the verbs a named subject opens a clause on (_named_doer).
_DOERS_VERBS = tuple(sorted(_WORKS_VERBS | set(HOSTING_VERBS), key=len, reverse=True))
#: …and, but for the plain ones, the verbs that lead a list of things delivered, each with its figure
#: (新增从业人员29.1万人、企业1.85万家), with the verbs of rules (制定政府规章2件、废止22件).
_LIST_VERBS = re.compile("|".join(sorted((_WORKS_VERBS - PLAIN_VERBS) | set(RULE_VERBS), key=len, reverse=True)))
#: The lexicon's verbs leading a name, one after another (实施, 新建、改扩建 …).
_VERB_WORDS = "|".join(sorted({*ACTION_VERBS, *COUNT_VERBS, *LIGHT_VERBS, *PLAIN_VERBS}, key=len, reverse=True))
_LEADING_VERBS = re.compile(f"^(?:(?:{_VERB_WORDS})[、和及与]?)+")


def leading_verbs(name: str) -> str:
    """The lexicon's verbs a name opens on, one after another ('' when none).

    >>> leading_verbs("建成项目"), leading_verbs("新建、改扩建学校"), leading_verbs("项目")
    ('建成', '新建、改扩建', '')
    """
    lead = _LEADING_VERBS.match(name)
    return lead.group() if lead else ""


#: Projects counted by the figure before (实施重点项目2800多个, 加快…等5500个重大项目建设) and the bare investment
#: that follows (，完成投资…, ，年度投资…).
_PROJECTS = re.compile(r"项目(?:建设)?(总投资)?$")
#: When and how fully money was spent, before 投资 or 投入 (全年完成, 累计).
_SPENT_WHEN = r"(?:当年|年度|全年|年内|累计)?(?:共)?(?:计划)?(?:完成)?"
_INVESTED = re.compile(_SPENT_WHEN + r"投资(?:额)?")
#: Works verbs and nothing else (新开工建设, 基本建成): a phase of the works the figure before counts.
_WORKS_ONLY = re.compile(
    r"(?:(?:新|再|又|全面|基本)?(?:开工建设|开工|建成|竣工|交付|改造|新建|续建|完工|投用|投入使用))+$"
)
#: A size class opening the name of works (10蒸吨以下, 20蒸吨及以下的).
_SIZE_CLASS = re.compile(r"\d[\d.]*[\u4e00-\u9fff]{1,3}?(?:及以上|及以下|以上|以下)(?=[\u4e00-\u9fff]{2})")
#: Projects counted in a sentence (列入省市重点项目19项): the investment a later clause states is theirs.
_COUNTED_PROJECTS = re.compile(r"([\u4e00-\u9fff“”]{2,14}?项目)\d+(?:多|余)?[个项]")
#: A count of policy measures (11条措施, 36条政策措施, 30项举措) …
_POLICY_NOUN = re.compile(
    r"^[\u4e00-\u9fff]{0,4}?(?:措施|举措|政策)(?=(?:加快|全面|逐步)?(?:落地见效|落地落实|落地|落实|见效)?$)"
)
#: … named by the words before its number in the clause (支持制造业数字化转型, 全面落实国家一揽子增量政策的).
_POLICY_RAW = re.compile(r"(?:先后|累计|共|全年|今年|去年|及时)*(?P<named>[^\d，,；;。]{4,30})(?<![和及与、])")
#: Adverbs of effort that open a clause (全力推进, 大力实施): no part of what is done.
_EFFORT = r"(?:继续|进一步|全力|大力|全面|加快|加大|着力|积极|持续|深入|扎实|稳步|不断)"
#: Words that push works along without naming them (继续推进, 加大).
_PUSHING = re.compile(rf"^{_EFFORT}*(?:推进|推动|加大|抓好|抓紧)?")
#: Works named with their building in a clause without figures (推进保障性安居工程建设, 加大…建设力度).
_WORKS_BUILT = re.compile(
    r"(?P<works>[\u4e00-\u9fff“”]{2,12}?(?:工程|项目))建设(?:力度)?$"
    r"|(?P<built>[\u4e00-\u9fff“”]{3,12}?)(?:建设力度|攻坚计划)$"  # 加大社区平价蔬菜超市建设力度: any thing built
)
#: A bare value of output (实现产值, 实现销售收入) after a figure of what was produced (马铃薯总产量达到25万吨):
#: the value of that produce.
_PRODUCE_VALUE = re.compile(r"(?:实现|完成)?(产值|销售收入|销售额|营业收入)")
_OUTPUT_END = re.compile(r"(?:年|总)?(?:产量|出栏量|出栏|种植面积|养殖规模)$")
#: The same works verbs leading a name (新开工保障性安居工程).
_WORKS_LEAD = re.compile("^" + _WORKS_ONLY.pattern.removesuffix("$"))
#: Units that count people, and what people opening a clause did that is measured by their number
#: (超70万人次接受补贴性职业技能培训, 3.5万人实现转移就业): the figure counts the people who did it.
_PEOPLE_UNITS = frozenset("人 人次 名 户".split())
#: A count of people written right before another figure (10.8万人次1.32亿元): nothing between them.
_AFTER_PEOPLE = re.compile(r"\d(?:万|亿)?(?:人次|人|名|户)$")
#: What people are chosen for or given, said after their count (12人入选国家高层次人才): what the figure counts.
_HONOURED = re.compile(r"(?:入选|当选|获评|获得|荣获|获|被评为|被授予)")
_PEOPLE_DID = re.compile("|".join(PEOPLE_DEEDS))
#: What may stand before such a figure in its clause: a time word, a bound.
_OPENS = re.compile(r"(?:全年|去年|今年|当年|其中|累计|共有|共|有)?(?:超过|超|近|约|逾|达)?")
#: People a programme reaches, said after their figure (5700多万人受益, 6600多万纳税人受益, 近8万市民直接受益).
_BENEFITED = re.compile(r"(?P<noun>[\u4e00-\u9fff]{0,5}?)(?:直接|均|都|全部)?受益(?![人率面者])")
#: Words opening the clause of the people reached, or before the verb that reaches them (使2.58万户受益,
#: 已有1700多万人次受益, 连续第7年提高…).
_REACH_OPENERS = re.compile(r"^(?:连续(?:第)?\d+年|使|让|已有|共有|累计|共|有|全年|已|直接|推动|推进|促进|扩面|扩围)+")
#: A programme's rise said after it (企业退休人员养老金标准继续提高, 工资再次提高): no part of its name.
_RAISED_AGAIN = re.compile(r"(?<=..)(?:继续|再次|持续|进一步|逐年|稳步|不断|连续)(?:提高|增加|上调|提升|增长)$")
#: …and the words closing it before the figure (农村饮水安全工程使6069万农民受益), and a place opening it (全国有).
_REACH_CLOSERS = re.compile(r"(?:使|让)$")
_PLACE_OPENING = re.compile(f"^(?:{'|'.join(PLACE_SCOPES)})")
#: The item before a figure in a list of sized things (库容5.2万吨的粮食储备库、4750平米的…): a figure, 的, a name.
_SIZED_ITEM_BEFORE = re.compile(r"\d[^\d、，,；;。]{0,4}的[^\d、，,；;。的]{2,16}、$")
#: A name that says only "per head" (年人均提高2556元): the subject is in the clause before.
_PER_HEAD_ONLY = re.compile(r"(?:年|月)?人均")


def _deed_only(ind: str) -> bool:
    """Whether a name is one verb of doing alone (招生, 支出, 救助: 累计 is left out of names), which says of whom
    only the clause before does."""
    words = posseg(ind) if ind else []
    return len(words) == 1 and len(ind) == 2 and words[0][1] == "v"


#: A doubling said of the subject before the figure (数量实现翻番、达1.8万家).
_DOUBLED = re.compile(r"(?:实现|保持)?(?:翻一番|翻两番|翻番|倍增)$")


#: A quality that things counted have, said before 的 and their noun (具有Ⅱ级水平的, 达到二级医院服务能力的,
#: 符合条件的).
_HAVING = re.compile(r"具有|具备|达到|有条件|符合[^的]{0,6}?条件")
#: Levels of government a count of things may be of (国家级, 乡镇级, 村级).
_LEVELS = "(?:国家|自治区|省|市|县|区|乡镇|乡|镇|村)"
#: The next item of a list of counts by level, with the noun they share (、3个省级文化生态保护区).
_NEXT_LEVEL = re.compile(rf"、\d+[^\d、，,；;]{{1,2}}?{_LEVELS}级(?P<noun>[\u4e00-\u9fff]{{2,12}})")
#: Units of a capacity or size written between a count and what it counts (3座35万千瓦光热电站).
_CAPACITY_UNITS = frozenset("千瓦 兆瓦 吉瓦 千伏 伏 吨 蒸吨 平方米 立方米 公里 米 亩 标准箱 千瓦时".split())
#: Nouns after a figure that frame it as a goal rather than name it (扩招100万人目标).
_FRAME_NOUNS = ("目标", "目标任务", "任务", "任务目标")
#: A step a figure is said to reach (迈上4000亿元台阶, 10亿元大关), and the verbs that climb it.
_STEP = re.compile(r"(?:新)?(?:台阶|大关|关口)")
#: …closing a name (两个台阶): what a list's later item names no more than its first.
_STEPS = re.compile(_STEP.pattern + "$")
#: Verbs of crossing a step or threshold (迈上…台阶, 跨过…大关).
_CROSSING = "迈上|跨上|跃上|站上|越过|跨过|迈过"
_STEP_VERB = re.compile(rf"(?:首次|历史性|成功|一举|稳步)?(?:地)?(?:突破|跨越|{_CROSSING})$")


#: Words after a figure that frame it rather than name it (5万亿元台阶, 千亿大关, 两个台阶).
_CONTAINER = re.compile(r"(?:台阶|大关|关口|量级|门槛|规模)$")


#: A comparison standing where an indicator would (高于全国12.4个百分点): it speaks of the previous figure.
_COMPARED = re.compile(
    r"(?:比|较)?(?:高于|低于|快于|慢于|高出|超出|领先|占)(?:全国|全省|全市|全区|全县|世界|全球|平均|同期|全部)"
)


def invested_object(s: str, pos: int, *, counted: bool = True) -> str:
    """What an investment figure ending its clause at ``pos`` pays for, when the next clause opens
    with an action verb: 投资3.5亿元，实施了…等基础设施工程 -> 基础设施工程.

    >>> s = "投资4.7亿元,完成65条、总长度57.9公里的城市道路新建改造,继续打通一批城区断头路"
    >>> invested_object(s, s.index(","))
    '城市道路新建改造'
    >>> s = "投资3700万元,集中改造的11条背街巷道全部完工"
    >>> invested_object(s, s.index(","))
    '背街巷道'
    >>> s = "完成投资5.2亿元，建成保障性住房2262套。"  # the things the next clause counts (unless ``counted`` is false)
    >>> invested_object(s, s.index("，")), invested_object(s, s.index("，"), counted=False)
    ('保障性住房', '')
    >>> invested_object("全年完成投资1.7亿元，起步区基础框架初步形成", 11)
    ''
    >>> s = "全年计划投资12.7亿元，实施重点商贸流通项目17个"
    >>> invested_object(s, s.index("，")), invested_object("投资4360万元，对城区雨水管网进行全面改造。", 8)
    ('重点商贸流通项目', '城区雨水管网改造')
    """

    done = _DONE_TO_IT.match(s, pos)
    if done:
        return clean_indicator(done.group("obj") + done.group("work"))  # 投资4360万元，对城区雨水管网进行全面改造
    m = _INVEST_ACTION.match(s, pos)
    if not m:
        return ""
    obj = m.group("obj")
    found = find_quantities(obj)
    if found:
        # the noun after the listed figures, or the projects before a figure closing it (实施重点商贸流通项目17个)
        tail, head = obj[found[-1].end :], obj[: found[0].start]
        # …the things counted when the count closes the clause (完成投资5.2亿元，建成保障性住房2262套)
        closing = counted and not tail.strip("，,。；;") and len(found) == 1 and _counted_things(head)
        obj = head if (head.endswith(("项目", "工程")) or closing) and not tail.strip("，,。；;") else tail
    if "等" in obj:
        obj = obj.rsplit("等", 1)[1]  # 危房改造、饮水安全…等工程 -> 工程
    obj = re.sub(r"^[的了]+", "", obj)
    obj = re.split(r"全部|全面|顺利|如期|按期|主体|正式|投入|投用|完工|竣工|开工|建成", obj)[0]
    obj = clean_indicator(re.sub(r"(?:任务|工作)$", "", obj.replace("的", "")))
    return obj if len(obj) >= 2 and not re.search(r"\d", obj) else ""


def _counted_things(text: str) -> bool:
    """Whether ``text`` only names things (保障性住房), with no verb in it (区面积达到): what a count may count.

    >>> _counted_things("保障性住房"), _counted_things("区面积达到"), _counted_things("了")
    (True, False, False)
    """
    words = posseg(text)
    nouns = all(tag[:1] in ("n", "j", "b", "a") for _, tag in words)
    return len(text) >= 2 and bool(words) and nouns and words[-1][1][:1] == "n"


#: How money is put to its use, said before the verb of the use (精准落实…, 重点支持…).
_MANNER = re.compile(r"(?:重点|集中|主要|全面|着力|精准|专项|优先|全力)+(?=[\u4e00-\u9fff]{2})")
#: The works a length or an area measures, to the end of its clause (雨水管网改造, 供水、供热、排水管网).
_WORKS_NAMED = re.compile(r"[^，,；;。\d]{2,}")


def _without_figures(text: str) -> str:
    """``text`` without the quantities in it (对21个小区内网进行改造 -> 对小区内网进行改造).

    >>> _without_figures("21个小区内网和住户家中的二三次管网")
    '小区内网和住户家中的二三次管网'
    """
    for q in reversed(find_quantities(text)):
        text = text[: q.start] + text[q.end :]
    return text


def paid_object(s: str, pos: int) -> str:
    """What an amount pays for when a verb phrase follows it directly: 投资5.67亿元新建改造农村公路 ->
    新建改造农村公路; 投入567亿元办好民生实事 -> 办好民生实事 (a plain verb such as 实施 goes).

    >>> paid_object("投资6.4亿元实施农村生活水源江水置换工程，", 7)
    '农村生活水源江水置换工程'
    >>> paid_object("投资5.67亿元新建改造农村公路", 8), paid_object("投资2亿元，", 5)
    ('新建改造农村公路', '')
    >>> paid_object("投资8850万元完成了93所学校硬件改善工程。", 8)
    '学校硬件改善工程'
    >>> paid_object("投资1.5亿元实施农村人居环境整治，…等10个省级美丽乡村旧貌换新颜", 7)
    '农村人居环境整治'
    >>> paid_object("投资3.06亿元实施了供水、供热、污水、雨水等管网改造，", 8)  # the examples say what is paid for
    '供水、供热、污水、雨水等管网改造'
    >>> paid_object("投资650万元建成6座水冲式公厕，", 7)  # the things counted, not the verb
    '水冲式公厕'
    >>> paid_object("投资4890万元实施10蒸吨以下燃煤锅炉改造，", 8)
    '10蒸吨以下燃煤锅炉改造'
    """
    manner = _MANNER.match(s, pos)
    pos = manner.end() if manner and manner.end() < clause_end(s, pos) else pos  # 投入2.9亿元精准落实…: how, not what
    text = s[pos : clause_end(s, pos)]
    if not text or not _cjk_start(text) or text.startswith(("的", "和", "与", "及", "左右", "以上")):
        return ""
    listed = re.match(
        r"(?:实施|完成|开展|推进|用于)了?(?P<works>[^，,；;。\d]+等(?![\d一二三四五六七八九十])[^，,；;。\d]+)", s[pos:]
    )
    if listed:  # 投资3.06亿元实施了供水、供热、污水、雨水等管网改造: the works, their examples kept (they say what)
        return listed.group("works").replace("的", "")
    aimed = re.match(r"(?:对|为)(?:全部|所有)?([^，,；;。]{4,36})(?:$|[，,；;。])", s[pos:])
    aim = _without_figures(aimed.group(1)) if aimed else ""
    if aimed and not re.search(r"\d", aim) and ("进行" in aim or aim == aimed.group(1)):
        # 投入2000余万元对城区主要街道破损步道板…进行修复, 投资1330万元为全部学校配置教学触控一体机: the money
        # is named by what it does to what (投资1858万元对21个小区内网…进行更换改造: without the figures counting
        # what it is done to)
        obj, act = aim.rsplit("进行", 1) if "进行" in aim else ("", "")
        if len(obj) >= 2 and len(act) >= 2:
            return clean_indicator(obj.replace("的", "") + act)
        words, at = posseg(aim), 0
        for i, (w, tag) in enumerate(words):
            if i and at >= 2 and (tag.startswith("v") or w == "进行"):
                rest = "".join(x for x, _ in words[i:]).removeprefix("进行")
                return clean_indicator(aim[:at].replace("的", "") + rest) if len(rest) >= 2 else ""
            at += len(w)
        return ""
    tokens = posseg(text[:8])
    if not tokens or not (tokens[0][1].startswith("v") or tokens[0][0] in ACTION_VERBS or tokens[0][0] in PLAIN_VERBS):
        return ""  # (jieba reads 落实 as an adjective)
    # …a count said as a sum in quotes too (办好“28+10”项民生实事)
    counted = re.match(r"了?(?:[\d.]+|“[\d+]+”)[项个条处家所座栋户]([^，,；;。\d]{2,})", text[len(tokens[0][0]) :])
    verb = tokens[0][0]
    first = find_quantities(text[len(verb) :])
    sized = first and first[0].start == 0 and not first[0].is_percent and not _SIZE_CLASS.match(text, len(verb))
    if not counted and sized:
        # 投资8000万元实施10公里雨水管网改造, 投资1.5亿元新建34公里供水、供热、排水管网: the works the length
        # measures, with the verb that says whether they are new
        works = _WORKS_NAMED.match(s, pos + len(verb) + first[0].end)
        kind = verb if _WORKS_KIND.fullmatch(verb) else ""
        return clean_indicator(kind + works.group().replace("的", "")) if works else ""
    if tokens[0][0] in PLAIN_VERBS or tokens[0][0] in ("用于", "实施", "建设") or counted:
        text = text[len(tokens[0][0]) :]
        if counted:
            text = counted.group(1).replace("的", "")  # 投资8850万元完成了93所学校硬件改善工程 -> 学校硬件改善工程
    whole = re.match(r"[^，,；;。]*?等\d+[项个条处家所]([^，,；;。\d]+)", s[pos:])  # in the amount's clause
    if whole:
        return clean_indicator(whole.group(1))  # 投资2.76亿元实施…扩容提标等13项生态治理项目 -> 生态治理项目
    size = _SIZE_CLASS.match(text)  # 投资4890万元实施10蒸吨以下燃煤锅炉改造: the works' size class stays
    text = text[size.end() :] if size else text
    # a digit after a Latin letter is part of a name (实施G234国道…整治, 5G基站)
    text = re.split(r"等(?=[\d一二三四五六七八九十])|全部|全面|顺利|如期|(?<![A-Za-z\d.])\d", text)[0]
    text = clean_indicator(text)
    return (size.group() if size else "") + text if len(text) >= 2 and not re.search(r"(?<![A-Za-z\d])\d", text) else ""


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


def _lone_verb(ind: str) -> bool:
    """An indicator that is one verb and nothing else (输出, 就业): it names no subject.

    >>> _lone_verb("输出"), _lone_verb("绿电外送"), _lone_verb("带动")
    (True, False, False)
    """
    words = posseg(ind) if len(ind) >= 2 else []
    return len(words) == 1 and words[0][1] == "v" and ind not in LIGHT_VERBS


def links_only(s: str, cl: int, qstart: int) -> bool:
    """Whether the clause before a figure has a noun of its own before its verb (全年粮食产量达到…)."""
    words = posseg(s[clause_start(s, qstart) : qstart])
    return bool(words) and not words[0][1].startswith(("v", "d", "p"))


#: The predicate closing a clause: a link word (拓展至, 培育壮大, 持续深化); stripped to leave its subject.
_CLOSING_LINK = re.compile(r"(?:至|到|了)$")
#: How many years running a thing has risen (企业退休人员基本养老金连续５年增加): no part of its subject.
_RUN_OF_YEARS = re.compile(r"(?:已)?连续(?:第)?[\d０-９一二两三四五六七八九十]+年")


#: A harvest said bare (产量达到15万吨, 总产量5.3亿吨): it needs the name of what was grown.
_HARVEST = re.compile(r"(?:年|总|全年|年度)?产量|总产")
#: What was grown, said by its sown area (地产蔬菜种植面积, 粮食播种面积).
_SOWN = re.compile(r"(?:种植|播种)?面积$")
#: A clause saying that a crop's harvest grew (粮食连续五年增产, 全国粮食生产再获丰收): the crop, then how.
_HARVESTED = re.compile(
    r"^(?:全国|全省|全区|全市|全县)?(?P<crop>[\u4e00-\u9fff]{2,6}?)(?:生产)?(?:连续\S{1,3}年|再获|再次|又获)?"
    r"(?:增产|丰收|稳产)$"
)


def _harvest_owner(s: str, cl: int, prev: str | None) -> str:
    """What a bare harvest (产量, 总产) at clause ``cl`` is of: the crop whose sown area the clause right before
    gives (地产蔬菜种植面积达到2万亩，产量达到15万吨), or the crop that clause says was harvested more
    (粮食连续五年增产，总产量52850万吨, 粮食生产再获丰收，总产达到557亿斤); '' when neither.

    >>> s = "地产蔬菜种植面积达到2万亩，产量达到15万吨"
    >>> _harvest_owner(s, s.index("产量达到15"), "地产蔬菜种植面积")
    '地产蔬菜'
    >>> s = "粮食连续五年增产，总产量52850万吨"
    >>> _harvest_owner(s, s.index("总产量"), None)
    '粮食'
    >>> s = "推动新能源汽车产业提质扩量，力争产量突破120万辆"
    >>> _harvest_owner(s, s.index("力争"), None)
    ''
    """
    before = _clause_before_clause(s, cl)
    if prev and _SOWN.search(prev) and find_quantities(before):
        crop = _SOWN.sub("", prev)
        if len(crop) >= 2:
            return crop
    grown = _HARVESTED.match(before) if before and not find_quantities(before) else None
    return grown.group("crop") if grown else ""


def _clause_before_clause(s: str, cl: int) -> str:
    """The clause before the one starting at ``cl`` when a comma parts them, else ''."""
    if cl < 2 or s[cl - 1] not in "，,":
        return ""
    return s[clause_start(s, cl - 1) : cl - 1]


#: A bare work word after a count, with or without its frame (6000套改造计划, 4000户的改造任务).
_BARE_WORK = re.compile(r"(?P<work>改造|建设|搬迁|整治|治理)(?:计划|任务|工作)?")


def _work_named_before(s: str, cl: int, work: str) -> str:
    """The thing the clause before names with the same work (开展城中村改造专项行动 -> 城中村改造), without the
    verbs that lead it; '' when it names none.

    >>> s = "开展城中村改造专项行动，年内完成6000套改造计划"
    >>> _work_named_before(s, s.index("年内"), "改造")
    '城中村改造'
    >>> _work_named_before("加快改造，完成6000套改造计划", 5, "改造")
    ''
    >>> s = "继续推进棚户区改造工程，努力完成4000户的改造任务"
    >>> _work_named_before(s, s.index("努力"), "改造")
    '棚户区改造'
    """
    text = _clause_before_clause(s, cl)
    found = [m for m in re.finditer(rf"[\u4e00-\u9fff“”]{{2,10}}?{work}", text) if not find_quantities(m.group())]
    if not found:
        return ""
    named = _LEADING_VERBS.sub("", indicator_before(found[-1].group(), 0, len(found[-1].group()))[0])
    return named if len(named) > len(work) + 1 and not _general(named[: -len(work)]) else ""


def _previous_subject(s: str, cl: int) -> str:
    """The subject of the clause before the one starting at ``cl``, when that clause opens with a noun and
    states something of it (绿电外送拓展至22个省区市 -> 绿电外送; 等特色劳务品牌培育壮大 -> 特色劳务品牌).

    >>> s = "绿电外送拓展至22个省区市，输出345亿度"
    >>> _previous_subject(s, s.index("输出"))
    '绿电外送'
    >>> s = "“青绣”“乐都水暖工”等特色劳务品牌培育壮大，带动就业超48万人次"
    >>> _previous_subject(s, s.index("带动"))
    '特色劳务品牌'
    >>> s = "加快项目建设，完成投资5亿元"
    >>> _previous_subject(s, s.index("完成"))
    ''
    >>> s = "企业退休人员基本养老金连续５年增加，去年又人均提高１０％"
    >>> _previous_subject(s, s.index("去年"))
    '企业退休人员基本养老金'
    """
    text = _clause_before_clause(s, cl)
    stated = _subject_of_state(text)
    if stated:
        return stated  # “菜篮子”工程一期全面完工 (the lexicon's words of how a thing went, which jieba may not tag)
    found = find_quantities(text)
    if found:
        text = text[: found[0].start]
    text = _CLOSING_LINK.sub("", _RUN_OF_YEARS.sub("", text))
    words = posseg(text)
    dropped = 0
    while words and dropped < 2 and len(words[-1][0]) >= 2 and words[-1][1] in ("v", "vn", "a", "ad", "d"):
        words.pop()
        dropped += 1
    subject = "".join(w for w, _ in words)
    if "等" in subject:
        subject = subject.rsplit("等", 1)[1]  # “青绣”“互助家政”…等特色劳务品牌: the examples go
    subject = clean_indicator(subject)
    if not dropped or len(subject) < 2 or re.search(r"[\d“”，、]", subject) or not next_is_noun(subject):
        return ""
    return subject


_BUILDING_WORKS = re.compile(
    r"(?P<works>[\u4e00-\u9fff“”]{2,12}?(?:工程|项目|园区))(?:建设)?"
    r"(?:[\u4e00-\u9fff]{0,4}年”?(?:行动|活动)”?)?$"  # …or the year's campaign for them (“重大项目建设攻坚年”行动)
)


#: Schools built in the clause before a count of seats (新建改扩建中小学校11所): the seats are theirs.
_SCHOOLS_BUILT = re.compile(
    r"(?:新建|改扩建|新改扩建|改建|扩建|、)+(?P<kind>(?:中小学|幼儿园|义务教育|普通高中|高中)(?:和幼儿园|和中小学)?)"
    r"(?:学校|校)?[\d.]+所(?:以上)?[，,、]$"
)


#: A comparison with a base year or period closing a name (比2002年, 比“十三五”末, 比上年同期).
_COMPARED_TO = re.compile(
    r"(?:(?<![占对环同之倍配类好无贷债价师])比|(?<![比计])较)"
    r"(?:(?:19|20)\d\d年(?:底|末)?|上年(?:同期)?|去年(?:同期)?|“?十[一二三四五]?五”?(?:末|期末|时期)?)?$"
)


def _object_before(s: str, cl: int) -> str:
    """What the clause before the one at ``cl`` works on, when it has no figure of its own: its words after the
    leading verbs, without a closing word of doing (发展, 建设); '' when that leaves no noun.

    >>> s = "全力推进棉花和纺织服装全产业链发展，产值超2200亿元"
    >>> _object_before(s, s.index("产值"))
    '棉花和纺织服装全产业链'
    >>> s = "全面推广国家通用语言文字，全区普及率提高至72.2%"
    >>> _object_before(s, s.index("全区"))
    '国家通用语言文字'
    >>> s = "国有企业效益明显好转，利润增长23.5%"  # a subject and what it did: no object
    >>> _object_before(s, s.index("利润"))
    ''
    >>> s = "加快发展，产值增长5%"
    >>> _object_before(s, s.index("产值"))
    ''
    """
    return _object_of(_clause_before_clause(s, cl))


def _object_of(text: str) -> str:
    """What a clause without figures works on: its words after the leading verbs (see :func:`_object_before`)."""
    if not text or find_quantities(text):
        return ""
    words = posseg(re.sub(r"^(?:全力|大力|全面|加快|积极|持续|深入|扎实|稳步|着力|不断)+", "", text))
    led = 0
    while words and words[0][1].startswith(("v", "d", "a")):
        words.pop(0)
        led += 1
    while words and words[-1][0] in ("发展", "建设", "工作", "改革", "行动", "工程"):
        words.pop()
    thing = clean_indicator("".join(w for w, _ in words))
    if not led or len(thing) < 3 or re.search(r"[\d，、]", thing) or not next_is_noun(thing) or _general(thing):
        return ""
    return thing


#: Things whose count a later clause takes part of (…项目43个，…已落地25个).
_COUNTED_UNITS_OF_WORK = ("项目", "企业")


def _counted_before(text: str, unit: str) -> str:
    """The projects or firms an earlier clause counts in the same unit (签约引进县外投资项目43个 for 个), without
    leading time words; '' when none.

    >>> _counted_before("累计签约引进县外投资项目43个，总投资逾200亿元，", "个")
    '签约引进县外投资项目'
    """
    counts = rf"([\u4e00-\u9fff“”]{{2,16}}?)\d+(?:\.\d+)?(?:多|余)?{re.escape(unit)}(?=[，,；;])"
    found = list(re.finditer(counts, text))
    if not found:
        return ""
    named = clean_indicator(re.sub(r"^(?:累计|共|全年|先后|其中)+", "", found[-1].group(1)))
    return named if len(named) >= 3 and named.endswith(_COUNTED_UNITS_OF_WORK) else ""


#: A word pointing back to a programme said before (lexicon anaphors).
_ANAPHOR = re.compile("|".join(ANAPHORS))
#: Who pays, opening a name (中央财政…)...
_PAYER_OPENING = re.compile("|".join(sorted(PAYER_NAMES, key=len, reverse=True)))
#: ...and a name that says nothing else (中央财政拟投入, 财政投入): what it pays for is said before.
_PAYER_ONLY = re.compile(f"(?:{_PAYER_OPENING.pattern})(?:将|拟)?(?:投入|支出|安排)")
#: A clause setting up or carrying out a programme, to its end (加快推进新型农村合作医疗制度建设).
_PROGRAMME_SET_UP = re.compile(
    f"(?:{'|'.join(PROGRAMME_SETTING_VERBS)})(?P<what>[^，,；;。]{{2,40}}?(?:{'|'.join(PROGRAMME_NOUNS)}))(?:建设)?$"
)


def programme_referred(s: str, cl: int) -> str:
    """The programme a word such as 为此 in the clause at ``cl`` points back to: the one the nearest clause before
    it (in the sentence, none with a figure) sets up or carries out, without 制度, 试点 or 政策; '' when none does.

    >>> s = "对义务教育阶段教师实行绩效工资制度，提高1200万中小学教师待遇，中央财政为此将投入120亿元"
    >>> programme_referred(s, s.index("中央"))
    '绩效工资'
    >>> s = "今年要启动西部地区“两基”攻坚计划，到2007年使西部地区基本普及九年义务教育，中央财政将为此投入100亿元"
    >>> programme_referred(s, s.index("中央"))
    '西部地区“两基”攻坚计划'
    >>> programme_referred("提高教师待遇，中央财政为此将投入120亿元", 7)
    ''
    """
    while cl >= 2 and s[cl - 1] in "，,":
        start = clause_start(s, cl - 1)
        text, cl = s[start : cl - 1], start
        if find_quantities(text):
            continue
        m = _PROGRAMME_SET_UP.search(text)
        if m:
            what = m.group("what").rsplit("的", 1)[-1]  # 更加积极的就业政策 -> 就业政策
            return clean_indicator(re.sub(r"(?:制度|试点|政策)$", "", what)) if len(what) >= 4 else ""
    return ""


def programme_reaching(s: str, cl: int, own: str) -> str:
    """The programme that reaches the people a figure counts (惠及…, …受益): the words before the figure or the
    verb in its own clause (``own``) when they name something, else the subject of the part before a 、 in it,
    else what the clause before works on; '' when none names a thing.

    >>> s = "加大对各类学校家庭困难学生资助力度，4.3亿人次受益"
    >>> programme_reaching(s, s.index("4.3"), "")
    '各类学校家庭困难学生资助'
    >>> s = "大病保险制度基本建立、已有1700多万人次受益"
    >>> programme_reaching(s, 0, "大病保险制度基本建立、已有")
    '大病保险制度'
    >>> programme_reaching("国家助学贷款提标降息惠及1100多万学生", 0, "国家助学贷款提标降息")
    '国家助学贷款提标降息'
    >>> s = "连续第7年提高企业退休人员基本养老金，5700多万人受益"
    >>> programme_reaching(s, s.index("5700"), "")
    '企业退休人员基本养老金'
    >>> s = "连续第7年提高企业退休人员基本养老金，全年人均增加1680元，5700多万人受益"
    >>> programme_reaching(s, s.index("5700"), "")
    '企业退休人员基本养老金'
    """
    *parts, last = own.split("、")
    last = _REACH_CLOSERS.sub("", _REACH_OPENERS.sub("", _PLACE_OPENING.sub("", last)))
    if len(last) >= 2 and not re.search(r"\d", last) and next_is_noun(last) and not is_verb_only(last):
        return clean_indicator(last)
    if parts:  # 大病保险制度基本建立、已有…: the subject of the part before
        subject = _leading_nouns(parts[-1], HOW_FAR_WORDS)
        return clean_indicator(subject) if len(subject) >= 2 else ""
    before = s[clause_start(s, cl - 1) : cl - 1] if cl >= 2 and s[cl - 1] in "，,、" else ""
    if len(before) <= 12 and find_quantities(before):
        # …基本养老金，全年人均增加1680元，5700多万人受益: a short figure of the same work between
        k = cl - 1 - len(before)
        before = s[clause_start(s, k - 1) : k - 1] if k >= 2 and s[k - 1] in "，," else ""
    text = re.sub(rf"^{_EFFORT}+", "", _REACH_OPENERS.sub("", before))  # 连续3年提高城乡居民基础养老金、惠及549万人
    text = _TAKEN_AS.sub("", text)  # 构建起以重庆为物流和运营组织中心的通道网络: the network, not its centre
    text = _LEADING_VERBS.sub("", text)  # 落实消费品以旧换新 (jieba reads 落实 as an adjective)
    kind = _KIND_AFTER_EXAMPLES.search(text)
    text = text[kind.end() :] if kind else text  # “青绣”“互助家政”…等特色劳务品牌培育壮大: the kind, not the examples
    text = _STATE_END.sub("", text)  # …特色劳务品牌培育壮大: not how it went
    if not text or find_quantities(text):
        return ""
    words = posseg(text)
    while words and (words[0][1].startswith(("v", "d", "ad")) or (words[0][1] == "p" and len(words[0][0]) == 1)):
        words.pop(0)  # 加大对…: the verb and its preposition; 认真落实…
    while words and words[-1][0] in PROGRAMME_ENDS:
        words.pop()
    # 企业退休人员养老金标准继续提高: the programme, not what was done to it
    thing = clean_indicator(_RAISED_AGAIN.sub("", "".join(w for w, _ in words)))
    named = any(f.startswith("n") for _, f in words)
    return thing if len(thing) >= 3 and named and not _general(thing) else ""


#: A bare investment or outlay (完成投资, 累计完成投入, 投入).
_PUT_IN = re.compile(_SPENT_WHEN + r"(?:投资|投入)(?:额)?")
#: Words closing a clause or a counted noun that say how a thing went (加快推进, 全面完工: lexicon state_predicates).
_STATE_END = re.compile(f"(?:{'|'.join(STATE_PREDICATES)})$")
#: What a subject's name may close on that is no part of the thing (…开发进程, 温暖工程年度任务).
_STATE_FRAME = re.compile(r"(?:年度任务|任务|进程|工作)$")


def _subject_of_state(text: str) -> str:
    """The subject of a clause that only says how it went (:data:`policydiff.lexicon.STATE_PREDICATES`), without
    the place scope that opens it and the frame that closes it; '' when the clause is otherwise, has a figure,
    or opens on a verb (加快项目建设 is done to its object: see :func:`_works_before`).

    >>> _subject_of_state("棚户区改造和房地产开发进程加快"), _subject_of_state("我区公共服务体系日趋完善")
    ('棚户区改造和房地产开发', '公共服务体系')
    >>> _subject_of_state("温暖工程年度任务全面完成"), _subject_of_state("加快推进重点项目全面完工")
    ('温暖工程', '')
    >>> _subject_of_state("3个项目全面完工"), _subject_of_state("经济运行总体平稳")
    ('', '')
    """
    end = _STATE_END.search(text)
    if end is None or find_quantities(text):
        return ""
    subject = text[: end.start()]
    subject = next((subject[len(w) :] for w in PLACE_SCOPES if subject.startswith(w)), subject)
    subject = _STATE_FRAME.sub("", subject)
    if not 2 <= len(subject) <= 16 or re.search(r"[，,；;、]", subject) or _LEADING_VERBS.match(subject):
        return ""
    return subject


def _works_before(s: str, cl: int, *, reach: int = 1, pattern: re.Pattern[str] = _BUILDING_WORKS) -> str:
    """The works an earlier clause of the sentence (the one before ``cl``, or one of the ``reach`` before it, none
    with a figure) builds, without the words that push them along and the verbs that lead them; '' when none,
    or when only a general word is left (加快项目建设). ``pattern`` finds the works at the clause's end: by
    default a works' name with or without 建设 (推进重大工程建设 -> 重大工程); :data:`_WORKS_BUILT` asks for their
    building to be said (加大…建设力度), which a bare phase of works needs (新开工700万套 names no works).

    >>> s = "推进重大工程建设，全年完成投资2400亿元"
    >>> _works_before(s, s.index("全年"))
    '重大工程'
    >>> s = "加快项目建设，完成投资5亿元"
    >>> _works_before(s, s.index("完成"))
    ''
    >>> s = "继续推进保障性安居工程建设，在确保质量的前提下，基本建成500万套"
    >>> _works_before(s, s.index("基本"), reach=2, pattern=_WORKS_BUILT)
    '保障性安居工程'
    >>> s = "加大保障性安居工程建设力度，今年新开工700万套以上"
    >>> _works_before(s, s.index("今年"), reach=2, pattern=_WORKS_BUILT)
    '保障性安居工程'
    >>> s = "加大社区平价蔬菜超市建设力度，逐步在成规模的小区全部设置平价蔬菜超市，年内完成20个"
    >>> _works_before(s, s.index("年内"), reach=2, pattern=_WORKS_BUILT)
    '社区平价蔬菜超市'
    """
    for _ in range(reach):
        text = _clause_before_clause(s, cl)
        if not text or find_quantities(text):
            return ""
        m = pattern.search(text)
        if m:
            built = m.groupdict().get("built")
            said = m.group("works") or built or ""
            named = _PUSHING.sub("", said)
            works = _after_verb(named)
            works = re.sub(r"^(?:新一轮|新的|新)?(?:[一二三五]年)?", "", works) if built else works
            works = works.removeprefix("“") if "”" not in works else works  # 实施“重大项目建设攻坚年”行动
            return works if (works != named or named != said) and len(works) >= 2 and not _general(works) else ""
        cl = clause_start(s, cl - 1)
    return ""


#: A verb of crossing a threshold that closes a name (地区生产总值连续迈上): what follows it is said of the subject.
_THRESHOLD_CROSSED = re.compile(rf"(?:[两三五十]年)?(?:连续|接连|首次|成功|稳步)?(?:{_CROSSING})$")


#: Words saying a figure is more of the noun after it (每月多了300元补贴).
_MORE_OF = ("多了", "多出")
#: What a sum sizes, said after it (500亿元的省战略性新兴产业母基金, 10亿元规模的政府投融资平台), to its clause's end.
_SIZE_OF = re.compile(r"(?P<size>规模)?的(?P<what>[\u4e00-\u9fff“”]{2,20})(?=[，,。；;]|$)")
#: A total said with no name of its own (总量达1461.4万户): of the subject said before it.
BARE_TOTAL = "总量"
#: Measures a subject may end on that the total restates (市场经营主体增量提质: 增量 is said of it, not its name).
_SUBJECT_MEASURE = re.compile(r"(?:增量|存量|总量|规模|数量)$")


def _leading_nouns(text: str, stop: frozenset[str] = frozenset()) -> str:
    """The words a text opens on while jieba tags them as nouns (or verbal nouns), up to any word of ``stop``.

    >>> _leading_nouns("市场经营主体增量提质"), _leading_nouns("加快发展")
    ('市场经营主体增量', '')
    """
    out = ""
    for word, flag in posseg(text):
        if not (flag.startswith(("n", "j", "b")) or flag == "vn") or word in stop:
            break
        out += word
    return out


def opening_subject(text: str) -> str:
    """The nouns a clause or sentence opens on, before its first other word and without a measure word they close
    on; '' when fewer than two characters or a place word is all there is.

    >>> opening_subject("市场经营主体增量提质"), opening_subject("经营主体稳中培优"), opening_subject("加快发展")
    ('市场经营主体', '经营主体', '')
    """
    out = _SUBJECT_MEASURE.sub("", _leading_nouns(text))
    return clean_indicator(out) if len(out) >= 2 and out not in PLACE_SCOPES else ""


def _sentence_subject(s: str, cl: int) -> str:
    """The noun phrase opening the sentence when the figure's clause (at ``cl``) has none of its own.

    >>> s = "全社会研究与实验发展经费，从2002年1288亿元增加到2007年的3664亿元"
    >>> _sentence_subject(s, s.index("从"))
    '全社会研究与实验发展经费'
    """
    first_end = clause_end(s, 0)
    if first_end >= cl or re.search("[；;]", s[first_end:cl]):
        return ""  # …连续两年快于城镇居民；…，5700多万人受益: a statement of its own after the semicolon
    words = posseg(s[:first_end])
    if (
        2 <= first_end <= 16
        and words
        and words[-1][1] in ("n", "vn", "nz")
        and all(f.startswith(("n", "j", "b")) or f in ("vn", "a", "p", "c") for _, f in words)
    ):
        return clean_indicator(s[:first_end])  # a clause that is only a name: the sentence's subject
    if not next_is_noun(s[:first_end]):
        return ""
    out = _leading_nouns(s[:first_end])
    return clean_indicator(out) if len(out) >= 2 else ""


#: Examples listed before 等 and the kind they are of (“青绣”“互助家政”等特色劳务品牌): the kind names them.
_KIND_AFTER_EXAMPLES = re.compile(r"^[^，,；;]*[”、][^，,；;、]*?等(?=[\u4e00-\u9fff]{2})")
#: What a thing is built around, said before it (以重庆为物流和运营组织中心的通道网络): not its name.
_TAKEN_AS = re.compile(r"以[^，,；;、]{1,20}?为[^，,；;、]{1,20}?的(?=[\u4e00-\u9fff]{2})")
#: A verb of reaching people or places right before their count (惠及1100多万学生, 通达全球127个国家和地区).
_REACH_WORDS = "惠及|覆盖|帮助|通达|辐射"
_REACH_SCOPES = "全球|全国|全省|全区|全市"
_REACH_VERB = re.compile(
    rf"(?P<verb>{_REACH_WORDS})(?P<scope>{_REACH_SCOPES})?(?:[\u4e00-\u9fff]{{2,4}}和)?(?:近|约|超过|超|逾)?$"
)
#: The places reached before a figure that counts more of them (国家和地区的584个港口, 城市、164个铁路站点)…
_REACH_CHAIN = re.compile(r"(?P<noun>[\u4e00-\u9fff]{1,8})[的、]")
#: …and the reaching that closes the name of the places before (西部陆海新通道通达全球, 辐射全国).
_REACH_LEAD = re.compile(f"(?:{_REACH_WORDS})(?:{_REACH_SCOPES})?$")
#: The reach of a programme, bare or with whom it reached (惠及, 惠及学生, 受益群众).
_REACHED_WHO = re.compile(r"(?:惠及|受益)(?P<who>[\u4e00-\u9fff]{0,3})")


#: A works' name ending in 工程 or 项目, short enough to be one name.
_NAMED_WORKS = re.compile(r"^[\u4e00-\u9fff“”]{2,18}?(?:工程|项目)(?:[一二三四五六七八九十]期(?:工程|项目)?)?")
#: …or a site so named, where there is no works name (晋北采煤沉陷区新能源基地: jieba reads 采煤 as a verb).
_NAMED_SITE = re.compile(r"^[\u4e00-\u9fff“”]{2,18}?(?:基地|园区)")


#: Work done to a thing, said after it (背街巷道改造, 公交新型客车更换): it stays in the name the money pays for.
_WORKS_END = re.compile(r"(?:改造|更换|改扩建|整治|修缮|提标|扩容|硬化|绿化|亮化|维修)$")


def _works_after(text: str) -> str:
    """What money said before 的 pays for: the noun phrase after it, with the work done to it
    (3800万元的背街巷道改造 -> 背街巷道改造; 5亿元的万家惠农贸市场项目主体完工 -> 万家惠农贸市场项目).

    >>> _works_after("背街巷道改造、729万元的…"), _works_after("万家惠农贸市场项目主体完工")
    ('背街巷道改造', '万家惠农贸市场项目')
    >>> _works_after("军民融合雷达产业园和总投资5亿元的民爆产业园项目")
    '军民融合雷达产业园'
    """
    item = re.split(r"[、，,；;。]", text, maxsplit=1)[0]
    # …雷达产业园和总投资5亿元的民爆产业园项目: the next item's money and name are its own
    item = re.split(r"(?:以及|和|及|与)(?=(?:总投资|计划投资|投资)?(?:约|超|近)?\d)", item, maxsplit=1)[0]
    head = _noun_head(item)
    listed = re.sub(r"等(?:项目|工程)$", "", head)
    if listed != head and _WORKS_END.search(listed):
        return listed  # 740万元的公交新型客车更换等项目: the works listed, not "projects"
    if head and item.startswith(head) and not head.endswith(("项目", "工程")):
        work = _WORKS_END.search(item[: len(head) + 4])
        if work and work.start() >= len(head):
            return clean_indicator(item[: work.end()])
    return head


def _noun_head(text: str) -> str:
    """The noun phrase opening ``text``, up to its first verb or punctuation (万家惠农贸市场项目主体完工 ->
    万家惠农贸市场项目主体)."""
    text = text[: clause_end(text, 0)]
    phases = "主体|整体|全部|正式|顺利|已|基本(?:完工|建成|竣工)|建成|完工|竣工|投入|投用|开工|实施|启动|营业|运营|开业"
    text = re.split(phases, text)[0]
    named = _NAMED_WORKS.match(text) or _NAMED_SITE.match(text)
    if named:
        return clean_indicator(named.group())  # 黑羊站水厂改扩建工程 (jieba reads 站 as a verb)
    out = ""
    for word, flag in posseg(text):
        if flag == "v" and out:
            break
        out += word
    return clean_indicator(out)


#: A batch of things (第二批): a count of one batch may be listed before another's (首批12项及第二批14项重点改革).
_BATCH = "第[一二三四五六七八九十]批"
#: What lies between listed figures that share the noun after the last (、, 、总长度, 及第二批).
_LISTED = re.compile(rf"(?:、|及(?={_BATCH}))(?:总长度|总长|长度|总面积|面积|合计|共|{_BATCH})?(?=\d)")
#: Households and their people written together (906户1559人): the people are listed with the households.
_HOUSEHOLDS = re.compile(r"(?<=户)(?=\d)")


def skip_listed(s: str, pos: int, households: bool = False) -> int:
    """The position after the figures listed with 、 right after ``pos``, so that a list shares the noun
    that follows it (完成65条、总长度57.9公里的城市道路新建改造).

    >>> s = "完成65条、总长度57.9公里的城市道路新建改造"
    >>> s[skip_listed(s, s.index("、")) :]
    '的城市道路新建改造'
    >>> s = "906户1559人实现稳定脱贫"  # households and their people, written together (``households``)
    >>> s[skip_listed(s, s.index("户") + 1, households=True) :]
    '实现稳定脱贫'
    >>> s = "持续推进首批12项及第二批14项重点改革"  # batches of one kind
    >>> s[skip_listed(s, s.index("及")) :]
    '重点改革'
    >>> s = "新建蔬菜大棚320个、仓储库2万平方米"
    >>> s[skip_listed(s, s.index("、")) :]
    '、仓储库2万平方米'
    """

    while True:
        m = _LISTED.match(s, pos) or (_HOUSEHOLDS.match(s, pos) if households else None)
        if not m:
            return pos
        found = find_quantities(s[m.end() : m.end() + 16])
        if not found or found[0].start != 0:
            return pos
        pos = after_qualifier(s, m.end() + found[0].end)
