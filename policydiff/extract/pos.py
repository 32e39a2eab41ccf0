"""Part-of-speech access for the rules: every word class the extractor asks for goes through here.

:func:`posseg` is :func:`policydiff.nlp.posseg` (jieba's tagger with a cache, or the tagger
:mod:`policydiff.nlp` is set to); the helpers answer the questions the rules ask of it.

>>> next_is_noun("重点项目建设"), is_verb_only("发行"), ends_with_verb("蓄水能力")
(True, True, False)
"""

from __future__ import annotations

from .. import nlp
from ..lexicon import ACTION_VERBS, COUNT_VERBS, LIGHT_VERBS, MODALS, PLAIN_VERBS, PREFIX_QUALIFIERS


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


def next_is_noun(text: str) -> bool:
    """Whether ``text`` opens with a noun (jieba part of speech), e.g. 重点项目 but not 安排.

    >>> next_is_noun("重点项目建设"), next_is_noun("安排，"), next_is_noun("，增长")
    (True, False, False)
    >>> next_is_noun("西部陆海新通道"), next_is_noun("上调")  # a region word (西部) before a noun opens a name
    (True, False)
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
    lead = first.startswith(("d", "t")) or (first == "f" and len(tokens[0][0]) >= 2)  # 西部陆海新通道: a region
    return nounish(first) or (lead and len(tokens) > 1 and nounish(tokens[1][1]))


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


def verb_before(raw: str) -> bool:
    """Whether the text before a figure ends with a verb (实施1000个以上…, 新建5个以上…).

    >>> verb_before("全年实施"), verb_before("全省"), verb_before(""), verb_before("争取再获批")
    (True, False, False, True)
    """
    tokens = posseg(raw) if raw else []
    if raw.endswith(COUNT_VERBS):
        return True  # 再获批 (jieba: 获 + 批): a verb that delivers things
    return bool(tokens) and (tokens[-1][1].startswith("v") or tokens[-1][0] in ACTION_VERBS)


def acting_verb(raw: str) -> str:
    """The verb right before a count that the indicator keeps (新引入8家跨国药企 -> 新引入), "" for a
    light verb (推进32个城中村改造项目: 推进 adds nothing) or none.

    >>> acting_verb("国际医药创新公园新引入"), acting_verb("推进"), acting_verb("共设立"), acting_verb("全市")
    ('新引入', '', '设立', '')
    >>> acting_verb("争取再获批"), acting_verb("六是帮扶"), acting_verb("确保")
    ('再获批', '帮扶', '')
    """
    text = raw.rstrip(" ")
    for q in PREFIX_QUALIFIERS:
        if text.endswith(q):
            text = text[: -len(q)]
            break
    cut = next((v for v in COUNT_VERBS if text.endswith(v) and len(posseg(v)) > 1), None)
    if cut and cut not in PLAIN_VERBS:  # 再获批 (jieba: 获 + 批) stays one verb, with its 再 or 新
        lead = text[-len(cut) - 1 : -len(cut)] if len(text) > len(cut) else ""
        return (lead if lead in ("再", "新") else "") + cut
    tokens = posseg(text) if text else []
    verbs: list[str] = []
    while (
        tokens
        and (tokens[-1][1].startswith("v") or tokens[-1][0] in ACTION_VERBS)
        and tokens[-1][0] != "是"  # 六是帮扶: the enumeration's copula, no deed
        and len(verbs) < 2
    ):
        verbs.insert(0, tokens.pop()[0])
    if not verbs:
        return ""
    if tokens and tokens[-1][0] == "新":
        verbs.insert(0, "新")
    verb = "".join(verbs)
    return "" if verbs[-1] in PLAIN_VERBS or verbs[-1] in MODALS else verb  # 确保12.98万户…: a promise, no deed
