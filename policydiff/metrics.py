"""Canonical metric keys: the same key for the same indicator across years and wordings.

Two steps. First a general normalisation of the indicator as written: quotes, brackets and
spaces go, leading scope words (全区, 全社会, 区本级 ...) and trailing words that do not change
what is measured (预期目标, 总额 after 进出口, 量) go, and production verbs move behind their
object (产销煤炭 -> 煤炭产销, 生产白酒 -> 白酒产). Then an alias table
(``policydiff/data/metrics.json``) maps the common indicators to stable English keys
(国内生产总值 / 地区生产总值 / GDP -> ``gdp``). Growth rates and changes get a suffix so that a
level and its growth never share a key (``gdp`` 712.6亿元, ``gdp.growth`` 4.3%).

>>> metric_key("地区生产总值", "growth"), metric_key("国内生产总值", "growth"), metric_key("GDP", "level")
('gdp.growth', 'gdp.growth', 'gdp')
>>> metric_key("产销煤炭", "level") == metric_key("煤炭产销量", "level")
True
>>> metric_key("新增就业", "level"), metric_key("城镇新增就业", "level")
('urban_new_jobs', 'urban_new_jobs')
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from .lexicon import LOWER_IS_BETTER_WORDS, PLACE_SCOPES, SCOPE_GRADES

#: Measures whose figures are rates of change, kept apart from levels of the same indicator.
SUFFIXED = {"growth": ".growth", "change": ".change"}


_SCOPE = (
    "去年底",
    "去年末",
    "上年末",
    "上年底",
    "今年底",
    "年底",
    "年末",
    "去年",
    "上年",
    "全社会",
    "整体",
    "区本级",
    "市本级",
    *PLACE_SCOPES,
    "全年",
    "今年",
    "年内",
)
#: Production verbs written before their object; normalised behind it (产销煤炭 -> 煤炭产销).
_VERB_OBJECT = {"产销": "产销", "生产": "产", "销售": "销", "收储": "收储", "接待": "接待"}
_TRAILING = (
    "预期目标",
    "具体目标",
    "目标",
    "总规模",
    "规模",
    "增长率",
    "增长速度",
    "增速",
    "增幅",
    "涨幅",
    "上涨",
    "增长",
    "指数",
    "总量",
)
#: 量 goes only after a verb (煤炭产销量 -> 煤炭产销 like 产销煤炭, 二氧化硫排放量 -> 二氧化硫排放); nouns such as
#: 容量, 数量, 质量 keep it.
_VERB_QUANTITY = ("产量", "销量", "排放量", "用水量", "用电量", "用量", "发电量", "吞吐量", "保有量", "消费量", "运量")

#: 额 after these goes too (全社会固定资产投资额 -> 固定资产投资); 销售额, 总额 keep it.
_AMOUNT_OF = ("投资额", "支出额", "贷款额", "存款额")


@lru_cache(maxsize=1)
def metric_table() -> dict[str, dict]:
    """The alias table: key -> {"name", "aliases"} (from ``policydiff/data/metrics.json``)."""
    text = resources.files("policydiff.data").joinpath("metrics.json").read_text(encoding="utf-8")
    return json.loads(text)["metrics"]


@lru_cache(maxsize=1)
def _alias_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for key, entry in metric_table().items():
        for alias in entry["aliases"]:
            other = index.setdefault(normalise(alias), key)
            if other != key:
                raise ValueError(f"metrics.json: alias {alias!r} of {key!r} normalises like an alias of {other!r}")
    return index


def strip_ends(text: str, words: tuple[str, ...], *, keep: int = 2) -> str:
    """``text`` without any of ``words`` at its end, again and again (the first word that ends it, then
    from the start of the list), keeping at least ``keep`` characters.

    >>> strip_ends("城市道路建设完成", ("完成", "建设")), strip_ends("完成", ("完成",))
    ('城市道路', '完成')
    """
    changed = True
    while changed:
        changed = False
        for word in words:
            if text.endswith(word) and len(text) - len(word) >= keep:
                text, changed = text[: -len(word)], True
                break
    return text


#: Words after a scope (全国) that make it part of a grade's name (全国重点实验室, 全国文明城市).
_GRADE = re.compile("|".join(SCOPE_GRADES))


@lru_cache(maxsize=1 << 16)
def normalise(indicator: str) -> str:
    """The general normalisation of an indicator (no alias lookup; memoised: a pure function of a str).

    >>> normalise("产销煤炭"), normalise("煤炭产销量"), normalise("“零次跑”"), normalise("全区新增就业")
    ('煤炭产销', '煤炭产销', '零次跑', '新增就业')
    >>> normalise("生产手机显示屏"), normalise("手机显示屏产量")
    ('手机显示屏产', '手机显示屏产')
    >>> normalise("发电装机容量"), normalise("去年底企业数量"), normalise("市场主体总量"), normalise("投资总规模")
    ('发电装机容量', '企业数量', '市场主体', '投资')
    >>> normalise("区本级全社会固定资产投资额"), normalise("全国重点实验室")
    ('固定资产投资', '全国重点实验室')
    >>> normalise("PM_2.5浓度")  # a subscript as some reports print it
    'PM2.5浓度'
    """
    text = re.sub(r"[\s_“”\"'‘’《》「」()（）\[\]【】]", "", indicator)
    changed = True
    while changed:
        changed = False
        for word in _SCOPE:
            if (
                text.startswith(word)
                and len(text) > len(word)
                and text[len(word)] not in "和、与及"
                and not _GRADE.match(text, len(word))  # 全国重点实验室, 全国文明城市: a grade, not a scope
            ):
                text, changed = text[len(word) :], True
    for verb, tail in _VERB_OBJECT.items():
        if text.startswith(verb) and len(text) > len(verb) + 1:
            text = text[len(verb) :] + tail
            break
    text = strip_ends(text, _TRAILING)
    if text.endswith(_VERB_QUANTITY) and len(text) > 3:
        text = text[:-1]
    if text.endswith(_AMOUNT_OF) and len(text) > 3:
        text = text[:-1]
    return text


def metric_base(indicator: str | None) -> str | None:
    """The canonical key of an indicator without a measure suffix (alias key or normalised text).

    >>> metric_base("城镇常住居民人均可支配收入"), metric_base("居民消费价格涨幅"), metric_base("调查失业率")
    ('urban_disposable_income', 'cpi', 'surveyed_unemployment')
    """
    if not indicator:
        return None
    norm = normalise(indicator)
    if not norm:
        return None
    index = _alias_index()
    if norm in index:
        return index[norm]
    full = re.sub(r"[\s“”\"'‘’《》「」()（）]", "", indicator)
    return index.get(full, norm)


def metric_key(indicator: str | None, measure: str | None) -> str | None:
    """Canonical metric for an indicator measured as ``measure`` (level|growth|rate|count|change)."""
    base = metric_base(indicator)
    if base is None:
        return None
    return base + SUFFIXED.get(measure or "", "")


def metric_name(key: str) -> str:
    """Display name of a metric key (the alias table's name, else the key itself).

    >>> metric_name("gdp.growth"), metric_name("煤炭产销")
    ('国内生产总值 (GDP) growth', '煤炭产销')
    """
    base, _, suffix = key.partition(".")
    entry = metric_table().get(base)
    name = entry["name"] if entry else base
    return f"{name} {suffix}".strip()


@lru_cache(maxsize=1)
def _alias_pattern() -> re.Pattern:
    aliases = sorted({a for e in metric_table().values() for a in e["aliases"] if len(a) >= 3}, key=len, reverse=True)
    return re.compile("|".join(re.escape(a) for a in aliases))


def known_indicator(text: str) -> str | None:
    """The last common indicator (an alias of the table, 3+ characters) written in ``text``.

    >>> known_indicator("经济增速是综合性指标，今年预期目标设定为"), known_indicator("今年要")
    ('经济增速', None)
    """
    found = list(_alias_pattern().finditer(text))
    return found[-1].group() if found else None


def lower_is_better(metric: str | None, indicator: str | None = None) -> bool:
    """Whether a lower figure is the better outcome: the metric is marked so in metrics.json
    (unemployment, CPI, energy intensity, deficits), or the indicator names such a measure (lexicon).

    >>> lower_is_better("surveyed_unemployment"), lower_is_better("gdp.growth"), lower_is_better(None, "资产负债率")
    (True, False, True)
    """
    base = (metric or "").split(".")[0]
    if metric_table().get(base, {}).get("lower_is_better"):
        return True
    return any(w in (indicator or "") for w in LOWER_IS_BETTER_WORDS)
