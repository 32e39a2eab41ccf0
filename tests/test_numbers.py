"""The quantity parser: Arabic and Chinese numerals, magnitudes, ranges, full-width forms, offsets."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policydiff.numbers import find_quantities, fold, parse_chinese, to_number


def quantities(text):
    return [(q.text, q.value, q.value_high, q.unit, q.approx) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年地区生产总值实现712.6亿元", [("712.6亿元", 712.6, None, "亿元", None)]),
        ("国内生产总值增长6%－6.5%", [("6%－6.5%", 6, 6.5, "%", None)]),
        ("国内生产总值增长6%至6.5%", [("6%至6.5%", 6, 6.5, "%", None)]),
        ("城镇新增就业1100万人以上", [("1100万人", 1100, None, "万人", None)]),
        ("粮食产量保持在1.3万亿斤以上", [("1.3万亿斤", 1.3, None, "万亿斤", None)]),
        ("比去年预算高0.2个百分点", [("0.2个百分点", 0.2, None, "个百分点", None)]),
        ("国内生产总值增长８％左右", [("８％", 8, None, "%", None)]),
        ("城镇登记失业率控制在４．６％以内", [("４．６％", 4.6, None, "%", None)]),
        ("社会消费品零售总额实现260.9亿元", [("260.9亿元", 260.9, None, "亿元", None)]),
        ("城镇新增就业年均1270多万人", [("1270多万人", 1270, None, "万人", "多")]),
        ("调派4万多名医护人员", [("4万多名", 4, None, "万名", "多")]),
        ("日均新设企业增加到1万6千多户", [("1万6千多户", 1.6, None, "万户", "多")]),
        ("共减轻市场主体负担3万多亿元", [("3万多亿元", 3, None, "万亿元", "多")]),
        ("投入三千万元", [("三千万元", 3000, None, "万元", None)]),
        ("新增两万亿元", [("两万亿元", 2, None, "万亿元", None)]),
        ("提高百分之五", [("百分之五", 5, None, "%", None)]),
        ("比例每年提高一个百分点", [("一个百分点", 1, None, "个百分点", None)]),
        ("小麦最低收购价提高5到7元", [("5到7元", 5, 7, "元", None)]),
        # a clause run on without its full stop (…增长10%大力发展): the percentage ends the figure
        ("工业设备投资增长10%大力发展健康消费", [("10%", 10, None, "%", None)]),
        ("推广550大卡以上热值煤矸石", [("550大卡", 550, None, "大卡", None)]),  # calories, not 550 大-things
        (
            "面积分别减少10.6万、3.3万平方公里",
            [("10.6万", 10.6, None, "万平方公里", None), ("3.3万平方公里", 3.3, None, "万平方公里", None)],
        ),
    ],
)
def test_quantities_as_written(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2020年是“十三五”规划收官之年",  # years and plan names
        "2021年3月5日在第十三届全国人民代表大会第四次会议上",  # dates, ordinals
        "推进5G商用，G210国道，PM2.5浓度",  # names with letters
        "推动国家生态公园申报国家4A级旅游景区",  # grades
        "全面做好“六稳”工作，落实“六保”任务，打好三大攻坚战",  # slogans
        "两会期间，一般性支出进一步压减，增强“四个意识”、做到“两个维护”",  # prose numerals
        "完善15分钟商贸便民服务圈",  # a name with a duration
        "审批时间3个月内",  # a duration (working days are a unit: see tests/data/numbers.tsv)
        "三次产业结构比例演进为0.2:36.5:63.3",  # ratios have no unit
        "《东胜区教育现代化2035》",  # a bare number in a title
    ],
)
def test_not_quantities(text):
    assert quantities(text) == []


def test_chinese_numerals():
    assert parse_chinese("十三") == 13
    assert parse_chinese("一千一百") == 1100
    assert parse_chinese("二〇二五") == 2025
    assert parse_chinese("一亿五千万") == 150_000_000
    assert parse_chinese("三点五") == Decimal("3.5")
    with pytest.raises(ValueError):
        parse_chinese("两会")


def test_exact_decimals():
    # the value is the digits as written: no binary artefacts like 260.89999
    q = find_quantities("社会消费品零售总额260.9亿元")[0]
    assert repr(q.value) == "260.9"
    assert to_number(Decimal("0.10")) == 0.1 and isinstance(to_number(Decimal("1100")), int)


# --- properties ---------------------------------------------------------------

_digits = st.integers(min_value=1, max_value=99999)
_decimals = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999.99"), places=2)
_units = st.sampled_from(["亿元", "万元", "万人", "万吨", "个", "项", "%", "个百分点", "万亿斤", "公里", "元"])


@settings(max_examples=200, deadline=None)
@given(value=st.one_of(_digits, _decimals), unit=_units, prefix=st.sampled_from(["增长", "达到", "实现", "，", ""]))
def test_value_round_trips(value, unit, prefix):
    written = format(value, "f") if isinstance(value, Decimal) else str(value)
    text = f"地区生产总值{prefix}{written}{unit}。"
    [q] = find_quantities(text)
    assert Decimal(str(q.value)) == Decimal(written)
    assert q.unit == unit
    assert text[q.start : q.end] == written + unit


@settings(max_examples=200, deadline=None)
@given(value=st.one_of(_digits, _decimals), unit=_units)
def test_full_width_forms_read_the_same(value, unit):
    written = format(value, "f") if isinstance(value, Decimal) else str(value)
    wide = "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isprintable() and c != " " else c for c in written)
    unit_wide = unit.replace("%", "％")
    text = f"增长{wide}{unit_wide}"
    [q] = find_quantities(text)
    assert Decimal(str(q.value)) == Decimal(written)
    assert fold(q.unit) == unit
    assert text[q.start : q.end] == wide + unit_wide


@settings(max_examples=150, deadline=None)
@given(lo=st.integers(1, 50), step=st.integers(1, 9))
def test_ranges_keep_both_ends(lo, step):
    hi = Decimal(lo) + Decimal(step) / 2
    for sep in ("-", "－", "至", "~"):
        text = f"增长{lo}%{sep}{hi}%左右"
        [q] = find_quantities(text)
        assert (q.value, Decimal(str(q.value_high))) == (lo, hi)


_prose_words = st.sampled_from(
    [
        "两会",
        "一般",
        "进一步",
        "十三五",
        "三大攻坚战",
        "六稳",
        "两个维护",
        "一带一路",
        "第一",
        "百年",
        "千方百计",
        "一批",
    ]
)
_noise = st.text(alphabet="的了和在是要把对为，。、；政府经济发展改革", max_size=6)


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.one_of(_prose_words, _noise), min_size=1, max_size=8))
def test_prose_is_never_read_as_a_number(parts):
    text = "".join(parts)
    assert find_quantities(text) == []


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(
        st.one_of(
            _prose_words,
            _noise,
            st.builds(lambda v, u: f"{v}{u}", st.one_of(_digits, _decimals), _units),
            st.sampled_from(["三千万元", "百分之五", "两万亿元", "6%－6.5%", "１２００万人", "4万多名"]),
        ),
        max_size=10,
    )
)
def test_offsets_always_slice_the_original(parts):
    text = "".join(parts)
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert any(ch.isdigit() or ch in "零〇一二两三四五六七八九十百千" for ch in q.text)


@pytest.mark.parametrize(
    "text,want",
    [
        ("传统商贸业稳步发展，华汇、地壹街两个地下商城投入使用，全年", [(2, "个")]),  # hailar 2014
        ("白庙村、西显阳村两个片区改造安置区全部封顶，腾退土地", [(2, "个")]),  # shunping 2024
        ("东山组团建设全面开工,三条主干道路建成通车，红星", [(3, "条")]),  # hailar 2013
        # names and count disagree, a quoted slogan, no works said done: prose
        ("华汇、地壹街三个地下商城投入使用，", []),
        ("“登高、升规”两个工程全面建成，", []),
        ("食品、汽车两个产业集群，", []),
    ],
)
def test_a_count_in_words_after_the_names_of_works_done(text, want):
    assert [(q.value, q.unit) for q in find_quantities(text)] == want


@pytest.mark.parametrize(
    "text,want",
    [
        ("全年空气质量综合指数6.06，同比下降6.87%", [(6.06, None), (6.87, "%")]),  # dingxing 2020
        ("中心城区高峰时段道路交通指数从6.32下降至6.08", [(6.32, None), (6.08, None)]),  # beijing 2025
        ("两化融合指数达到92", [(92, None)]),
        # elsewhere a number without a unit is no figure
        ("新建项目6，完成92", []),
    ],
)
def test_an_index_value_is_the_one_figure_without_a_unit(text, want):
    assert [(q.value, q.unit) for q in find_quantities(text)] == want


@pytest.mark.parametrize(
    "text,want",
    [
        ("卓尼、临潭2县新通高速公路", [(2, "县")]),  # gansu 2026
        ("全县由8镇9乡调整为10镇7乡", [(8, "镇"), (9, "乡"), (10, "镇"), (7, "乡")]),  # laiyuan 2022
        ("打造8市州多业态融合服务消费场景", [(8, "市州")]),  # qinghai 2025
        # a year, a class of places by size, a road's number: no count of places
        ("2024县域重点产业链发展白皮书", []),
        ("经济总量千亿县、财政收入百亿县、城区人口50万县", []),
        ("G219国道", []),
    ],
)
def test_places_counted_by_their_own_word(text, want):
    assert [(q.value, q.unit) for q in find_quantities(text)] == want


@pytest.mark.parametrize(
    "text,want",
    [
        # spaces inside a figure, as PDF and web texts have them: read through, never a figure cut short
        ("经济增长6 . 5%左右", [("6 . 5%", 6.5, "%")]),
        ("居民收入增长6.5 %", [("6.5 %", 6.5, "%")]),
        ("中央财政将投入６０ 亿元", [("６０ 亿元", 60, "亿元")]),  # national 2004
        ("地区生产总值712.6亿 元", [("712.6亿 元", 712.6, "亿元")]),  # money, not a bare 亿
        # two numbers, an ordinal and a word broken by a space are left as they are
        ("2019 2020年", []),
        ("第 3 条", []),
        ("国债投资重 点加强", []),
    ],
)
def test_spaces_inside_a_figure(text, want):
    found = find_quantities(text)
    assert [(q.text, q.value, q.unit) for q in found] == want
    assert all(text[q.start : q.end] == q.text for q in found)
