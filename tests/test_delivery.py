"""Delivery rules: ranges, floors, ceilings, 左右 tolerance, decreases, units; and national 2019 → 2020.

Real figures (checked against the texts with grep):
national/2019.txt: 国内生产总值增长6%－6.5%；城镇新增就业1100万人以上 … 居民消费价格涨幅3%左右
national/2020.txt: 国内生产总值达到99.1万亿元，增长6.1%。城镇新增就业1352万人 … 居民消费价格上涨2.9%。
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from policydiff.delivery import TOLERANCE, comparable, judge, unit_scale
from policydiff.extract import Record, extract
from policydiff.link import match_results


def rec(value, unit="%", qualifier=None, *, high=None, kind="target", direction=None, measure="growth", **kw):
    base = dict(
        report="demo/2019",
        kind=kind,
        year=2019,
        period=None,
        indicator="指标",
        metric="metric",
        value=value,
        value_high=high,
        unit=unit,
        measure=measure,
        direction=direction,
        qualifier=qualifier,
        modality=None,
        headline=False,
        absent=False,
        sentence="",
        start=0,
        end=0,
        section="",
        section_id="",
    )
    base.update(kw)
    return Record(**base)


def res(value, unit="%", qualifier=None, **kw):
    return rec(value, unit, qualifier, kind="result", **kw)


# --- the rules -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "result,status,margin",
    [(6.1, "met", 0.1), (6.0, "met", 0), (6.5, "met", 0.5), (5.9, "missed", -0.1), (6.7, "exceeded", 0.2)],
)
def test_range(result, status, margin):
    d = judge(rec(6, high=6.5), res(result))
    assert (d.status, d.margin) == (status, margin)


@pytest.mark.parametrize("q", ["以上", "不低于", "突破", "超过"])
def test_floor_met_by_anything_at_or_above(q):
    assert judge(rec(1100, "万人", q, measure="level"), res(1100, "万人", measure="level")).status == "met"
    assert judge(rec(1100, "万人", q, measure="level"), res(1150, "万人", measure="level")).status == "met"
    assert judge(rec(1100, "万人", q, measure="level"), res(1352, "万人", measure="level")).status == "exceeded"
    assert judge(rec(1100, "万人", q, measure="level"), res(1099, "万人", measure="level")).status == "missed"


@pytest.mark.parametrize("q", ["以内", "以下", "不超过"])
def test_ceiling_met_by_anything_at_or_below(q):
    assert judge(rec(4.5, qualifier=q, measure="rate"), res(4.5, measure="rate")).status == "met"
    assert judge(rec(4.5, qualifier=q, measure="rate"), res(0.5, measure="rate")).status == "met"
    d = judge(rec(4.5, qualifier=q, measure="rate"), res(4.6, measure="rate"))
    assert (d.status, d.margin) == ("missed", 0.1)


def test_about_within_documented_tolerance():
    lo, hi = 5 * (1 - TOLERANCE), 5 * (1 + TOLERANCE)
    assert judge(rec(5, qualifier="左右"), res(round(hi, 6))).status == "met"
    assert judge(rec(5, qualifier="左右"), res(round(lo, 6))).status == "met"
    assert judge(rec(5, qualifier="左右"), res(5.6)).status == "exceeded"
    assert judge(rec(5, qualifier="左右"), res(4.4)).status == "missed"


def test_about_on_a_lower_is_better_indicator_is_a_ceiling():
    t = rec(5.5, qualifier="左右", measure="rate", indicator="城镇调查失业率")
    assert judge(t, res(5.2, measure="rate")).status == "met"
    assert judge(t, res(6.2, measure="rate")).status == "missed"
    # a result that is only a bound decides when the whole bound is inside
    assert judge(t, res(5.3, qualifier="以下", measure="rate")).status == "met"


def test_down_direction_counts_decreases_as_the_target_sense():
    t = rec(3, qualifier="以上", direction="down", measure="change")
    assert judge(t, res(3.2, direction="down", measure="change")).status == "met"
    assert judge(t, res(3.5, direction="down", measure="change")).status == "exceeded"
    d = judge(t, res(2.0, direction="down", measure="change"))
    assert (d.status, d.margin) == ("missed", -1)
    # the figure went up instead of down: the amount in the target's sense is negative
    d = judge(t, res(1.0, measure="change"))
    assert (d.status, d.margin) == ("missed", -4)


def test_units_convert_or_are_not_comparable():
    assert judge(rec(1100, "万人", "以上", measure="level"), res(13520000, "人", measure="level")).margin == 252
    assert judge(rec(90, "万亿元", measure="level"), res(991000, "亿元", measure="level")).status == "exceeded"
    d = judge(rec(0.5, "个百分点", measure="change"), res(0.5, "%", measure="change"))
    assert d.status == "not comparable" and d.margin is None
    assert comparable("万亿元", "亿元") and not comparable("万人", "万人次")
    assert unit_scale("万亿斤") == (10**12, "斤")
    assert judge(rec(1000, "万", "以上", measure="level"), res(0.11, "亿", measure="level")).margin == 100


def test_not_reported_and_absent():
    assert judge(rec(6), None).status == "not reported"
    absent = rec(None, None, absent=True)
    assert judge(absent, res(2.3)).status == "not comparable"


def test_match_results_same_metric_year_measure():
    t = rec(6, high=6.5, metric="gdp.growth", year=2019)
    r_level = res(99.1, "万亿元", metric="gdp.growth", year=2019, measure="level", start=5)
    r_other_year = res(6.6, metric="gdp.growth", year=2018, start=1)
    r_ok = res(6.1, metric="gdp.growth", year=2019, start=9)
    r_bound = res(6, "%", "以上", metric="gdp.growth", year=2019, start=2)
    other = rec(1, metric="other", indicator="其他指标")
    pairs = match_results([t, other], [r_level, r_other_year, r_bound, r_ok])
    assert pairs[0][1] is r_ok  # exact figure preferred over a bound, measure must agree, year must agree
    assert pairs[1] == (pairs[1][0], None)


def test_delivery_module_stays_light():
    code = "import sys, policydiff.delivery; print(sorted(m for m in ('jieba','spacy','networkx') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# --- national 2019 targets against the 2020 report's results ---------------------------


@pytest.fixture(scope="module")
def national_pairs(national):
    targets = [r for r in extract(national(2019)) if r.kind == "target" and r.year == 2019]
    results = [r for r in extract(national(2020)) if r.kind == "result" and r.year == 2019]
    return {(t.indicator, t.value): (t, r) for t, r in match_results(targets, results)}


def _find(pairs, needle, value):
    hits = [pr for (ind, v), pr in pairs.items() if ind and needle in ind and v == value]
    assert hits, f"no target {needle} {value}"
    return hits[0]


def test_national_gdp_range_met(national_pairs):
    t, r = _find(national_pairs, "国内生产总值", 6)
    assert (t.value, t.value_high, r.value, r.unit) == (6, 6.5, 6.1, "%")
    d = judge(t, r)
    assert (d.status, d.margin) == ("met", 0.1)


def test_national_new_jobs_exceeded(national_pairs):
    t, r = _find(national_pairs, "新增就业", 1100)
    assert (t.qualifier, r.value, r.unit) == ("以上", 1352, "万人")
    d = judge(t, r)
    assert (d.status, d.margin) == ("exceeded", 252)


def test_national_cpi_met(national_pairs):
    t, r = _find(national_pairs, "居民消费价格", 3)
    assert (t.qualifier, r.value) == ("左右", 2.9)
    d = judge(t, r)
    assert (d.status, d.margin) == ("met", -0.1)


@pytest.mark.parametrize(
    "target, result, status",
    [
        # the verdicts the separate qualifier lists got wrong (issue "One lexicon"): one table decides them now
        (
            rec(1100, "万人", "及以上", indicator="城镇新增就业", measure="level"),
            res(1150, "万人", measure="level"),
            "met",
        ),
        (rec(60, "%", "控制到", indicator="资产负债率", measure="rate"), res(50, "%", measure="rate"), "met"),
        (rec(5, "%", "不足", indicator="不良贷款率", measure="rate"), res(3, "%", measure="rate"), "met"),
        (rec(5, "%", "将近", indicator="指标", measure="rate"), res(5.2, "%", measure="rate"), "met"),
        (rec(100, "亿元", "超", indicator="投资", measure="level"), res(105, "亿元", measure="level"), "met"),
        (rec(100, "亿元", "超", indicator="投资", measure="level"), res(95, "亿元", measure="level"), "missed"),
    ],
)
def test_qualifiers_from_the_lexicon(target, result, status):
    assert judge(target, result).status == status


def test_lower_is_better_is_data():
    # 城镇调查失业率 is marked lower_is_better in metrics.json: 5.5%左右 is met by 5.2%
    t = rec(5.5, "%", "左右", indicator="城镇调查失业率", metric="surveyed_unemployment", measure="rate")
    assert judge(t, res(4.8, "%", measure="rate")).status == "met"
    g = rec(5.5, "%", "左右", indicator="地区生产总值", metric="gdp.growth")
    assert judge(g, res(4.8, "%")).status == "missed"


def test_a_floor_is_exceeded_from_ten_percent_above_on():
    # fuping 2021 社会消费品零售总额增长9%以上 / 2022: 增长9.9% (9 × 1.1 is 9.900000000000002 in floats)
    from types import SimpleNamespace as R

    from policydiff.delivery import judge

    def rec(v, q=None):
        return R(
            value=v,
            value_high=None,
            unit="%",
            qualifier=q,
            direction=None,
            measure="growth",
            absent=False,
            indicator="社会消费品零售总额",
            metric="retail_sales.growth",
        )

    assert judge(rec(9, "以上"), rec(9.9)).status == "exceeded"
    assert judge(rec(9, "以上"), rec(9.89)).status == "met"


def test_one_years_result_written_as_a_bound_is_read_at_it(corpus):
    from policydiff.compare import compare

    # yunnan 2025 旅居人数力争达到600万 / 2026 2025年旅居人数超550万: missed, not undecided
    y = {d.target.value: d for d in compare(corpus.get(2025, "yunnan"), corpus.get(2026, "yunnan")).delivery}
    assert y[600].status == "missed" and "read at the bound it states" in y[600].note
    # hunan 2026's 十四五 review: 粮食播种面积稳定在7100万亩以上 over five years does not decide 7140万亩以上
    h = compare(corpus.get(2025, "hunan"), corpus.get(2026, "hunan")).delivery
    (grain,) = [d for d in h if d.target.value == 7140]
    assert grain.status == "not comparable" and "does not decide" in grain.note


def test_five_year_reviews_give_the_years_rates(corpus):
    from policydiff.compare import compare

    # guizhou 2026: 常住人口城镇化率从2020年的53.2%提升到2025年的57.7% answers 2025's 58%左右 (a rate, not a growth)
    g = compare(corpus.get(2025, "guizhou"), corpus.get(2026, "guizhou")).delivery
    (urban,) = [d for d in g if d.indicator == "常住人口城镇化率" and d.target.value == 58]
    assert (urban.status, urban.result.value) == ("met", 57.7)
    # hainan 2026: 装配式建筑面积占新建建筑比重超80%: a share of new buildings at the period's end, not increments
    h = compare(corpus.get(2025, "hainan"), corpus.get(2026, "hainan")).delivery
    (share,) = [d for d in h if d.indicator.startswith("装配式建筑")]
    assert share.status == "met"


def test_the_all_resident_figure_is_not_its_parts(corpus):
    from policydiff.compare import compare

    # dingxing 2021 全体居民人均可支配收入增长9% / 2022 城镇 10.3%, 农村 19.5%: the parts point to exceeded, but the
    # all-resident statistic is not given; laiyuan 2021's 城乡居民 target (each part) is judged by its parts
    d = compare(corpus.get(2021, "dingxing"), corpus.get(2022, "dingxing")).delivery
    (income,) = [x for x in d if x.indicator == "全体居民人均可支配收入"]
    assert (income.status, income.result.value) == ("not comparable", 10.3) and "point to exceeded" in income.note
    (both,) = [x for x in compare(corpus.get(2021, "laiyuan"), corpus.get(2022, "laiyuan")).delivery if x.parts]
    assert both.status == "exceeded"


def test_sizes_of_one_measure_convert(corpus):
    from policydiff.compare import compare
    from policydiff.delivery import comparable

    assert comparable("万吨", "亿斤") and comparable("万公顷", "亩") and not comparable("吨标准煤", "吨")
    # gansu 2025 粮食产量稳定在252亿斤以上 / 2026 粮食总产量突破1300万吨: 260亿斤, met
    g = compare(corpus.get(2025, "gansu"), corpus.get(2026, "gansu")).delivery
    (grain,) = [d for d in g if d.target.value == 252]
    assert (grain.status, grain.result.value, grain.result.unit) == ("met", 260, "亿斤")


def test_a_figure_not_comparable_keeps_its_unit_as_stated(corpus):
    from policydiff.compare import compare

    # gansu 2025 治理水土流失面积800平方公里 / 2026 3.55万平方公里 over 2021-2025: not comparable, so B's figure is
    # shown as B states it (the delivery gold's rule), not turned into 35500平方公里; a judged row converts (above)
    a, b = corpus.get(2025, "gansu"), corpus.get(2026, "gansu")
    (soil,) = [d for d in compare(a, b).delivery if d.target.value == 800 and "水土流失" in d.indicator]
    assert soil.status == "not comparable"
    assert (soil.result.value, soil.result.unit) == (3.55, "万平方公里")
    assert b.text[soil.result.start : soil.result.end].startswith("3.55万平方公里")
