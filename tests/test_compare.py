"""The comparison model on the real texts: target diff, delivery, wording, summary, one-report case.

Checked with grep against the texts:
- national/2019.txt: 国内生产总值增长6%－6.5%；城镇新增就业1100万人以上，城镇调查失业率5.5%左右 … 居民消费价格涨幅3%左右
- national/2020.txt: 增长6.1% · 城镇新增就业1352万人 · 居民消费价格上涨2.9% · 城镇调查失业率6%左右 ·
  我们没有提出全年经济增速具体目标 · 六稳 ×3, 六保 ×3, 疫情 ×31 (none of them in 2019)
- corpora/dongsheng/2020.txt: 全年生产手机显示屏7900万片 … 力争全年生产手机显示屏8000万片;
  城镇登记失业率控制在2.88% … 确保城镇登记失业率控制在4.5%以内
"""

from __future__ import annotations

import pytest

from policydiff import PolicydiffError
from policydiff.compare import SCHEMA, compare, wording_shifts


@pytest.fixture(scope="module")
def cmp_2019_2020(national):
    return compare(national(2019), national(2020))


def _delivery(cmp, needle, value):
    rows = [d for d in cmp.delivery if needle in (d.target.indicator or "") and d.target.value == value]
    assert len(rows) == 1, [(d.indicator, d.target.value) for d in cmp.delivery]
    return rows[0]


def test_refs_carry_keys_and_hashes(cmp_2019_2020, national):
    c = cmp_2019_2020
    assert (c.a.key, c.b.key, c.a.present, c.b.present) == ("national/2019", "national/2020", True, True)
    assert c.a.sha256 == national(2019).sha256 and len(c.b.sha256) == 64
    assert any("2021-03-05" in w for w in c.b.warnings)  # the 2020 file's wrong header date is flagged
    assert SCHEMA == "policydiff.compare/1"


def test_delivery_gdp_range_met(cmp_2019_2020):
    d = _delivery(cmp_2019_2020, "国内生产总值", 6)
    assert (d.target.value_high, d.result.value, d.status, d.margin) == (6.5, 6.1, "met", 0.1)
    assert "6%－6.5%" in d.target.sentence and "增长6.1%" in d.result.sentence


def test_delivery_new_jobs_exceeded(cmp_2019_2020):
    d = _delivery(cmp_2019_2020, "城镇新增就业", 1100)
    assert (d.target.qualifier, d.result.value, d.result.unit, d.status, d.margin) == (
        "以上",
        1352,
        "万人",
        "exceeded",
        252,
    )
    assert "1352万人" in d.result.sentence


def test_delivery_cpi_met(cmp_2019_2020):
    d = _delivery(cmp_2019_2020, "居民消费价格", 3)
    assert (d.target.qualifier, d.result.value, d.status) == ("左右", 2.9, "met")
    assert "上涨2.9%" in d.result.sentence


def test_every_delivery_row_is_judged(cmp_2019_2020):
    statuses = {d.status for d in cmp_2019_2020.delivery}
    assert statuses <= {"met", "exceeded", "missed", "not reported", "not comparable", "unclear"}
    for d in cmp_2019_2020.delivery:
        assert (d.result is None and not d.parts) == (d.status in ("not reported", "unclear"))
    assert all(d.candidates for d in cmp_2019_2020.delivery if d.status == "unclear")
    assert len({d.id for d in cmp_2019_2020.delivery}) == len(cmp_2019_2020.delivery)


def test_target_diff_gdp_absent_in_2020(cmp_2019_2020):
    rows = [t for t in cmp_2019_2020.targets if t.b is not None and t.b.absent]
    assert len(rows) == 1
    t = rows[0]
    assert t.status == "absent" and t.b.value is None and "没有提出全年经济增速具体目标" in t.b.sentence
    assert t.a is not None and (t.a.value, t.a.value_high) == (6, 6.5)


def test_target_diff_surveyed_unemployment(cmp_2019_2020):
    rows = [t for t in cmp_2019_2020.targets if "调查失业率" in t.indicator]
    assert len(rows) == 1
    t = rows[0]
    assert (t.a.value, t.a.qualifier, t.b.value, t.b.qualifier) == (5.5, "左右", 6, "左右")
    assert (t.status, t.changes, t.difference) == ("changed", ["value"], 0.5)


def test_target_diff_new_jobs_value_changed(cmp_2019_2020):
    t = next(t for t in cmp_2019_2020.targets if t.indicator == "城镇新增就业")
    assert (t.a.value, t.b.value, t.difference, t.status) == (1100, 900, -200, "changed")


def test_wording_shifts_find_the_2020_slogans(cmp_2019_2020):
    by_term = {w.term: w for w in cmp_2019_2020.wording}
    assert (by_term["疫情"].count_a, by_term["疫情"].count_b, by_term["疫情"].change) == (0, 31, "appeared")
    for slogan in ("六稳", "六保"):
        assert (by_term[slogan].count_a, by_term[slogan].count_b) == (0, 3)
    assert all(not any(ch.isdigit() for ch in w.term) for w in cmp_2019_2020.wording)
    scores = [w.score for w in cmp_2019_2020.wording]
    assert scores == sorted(scores, reverse=True)


def test_wording_shifts_ignore_stop_words_and_numbers():
    ws = wording_shifts([["我们", "6.5%", "的", "改革"] * 3], [["我们", "创新"] * 3], min_count=2)
    assert {w.term for w in ws} == {"改革", "创新"}


def test_summary_counts_match_the_lists(cmp_2019_2020):
    c = cmp_2019_2020
    assert sum(c.summary["delivery"].values()) == len(c.delivery)
    assert sum(c.summary["targets"].values()) == len(c.targets)
    assert sum(c.summary["sections"].values()) == len(c.alignment.sections)
    assert sum(c.summary["sentences"].values()) == len(c.alignment.sentences)
    assert c.summary["delivery"]["met"] >= 2 and c.summary["delivery"]["exceeded"] >= 1


def test_years_apart_give_no_delivery_check(national):
    c = compare(national(2018), national(2020))
    assert c.delivery == [] and any("not the report of the year after" in n for n in c.notes)
    assert c.targets and c.alignment is not None


def test_one_report_carryover_dongsheng(dongsheng):
    c = compare(None, dongsheng, year_a=2019)
    assert not c.a.present and c.a.key == "dongsheng/2019" and c.b.key == "dongsheng/2020"
    assert len(c.notes) == 1 and "dongsheng/2019 is not in the corpus" in c.notes[0]
    assert c.alignment is None and c.delivery == [] and c.targets == []
    by_ind = {c_.indicator: c_ for c_ in c.carryover if c_.result is not None}
    screens = next(v for k, v in by_ind.items() if "手机显示屏" in k)
    assert (screens.result.value, screens.result.unit, screens.result.year) == (7900, "万片", 2019)
    assert (screens.target.value, screens.target.unit, screens.target.modality) == (8000, "万片", "力争")
    assert screens.difference == 100
    jobless = next(v for k, v in by_ind.items() if "登记失业率" in k)
    assert (jobless.result.value, jobless.target.value, jobless.target.qualifier) == (2.88, 4.5, "以内")
    assert all(x.target.year == 2020 and (x.result is None or x.result.year == 2019) for x in c.carryover)


def test_one_report_the_other_way(dongsheng):
    c = compare(dongsheng, None, year_b=2021)
    assert c.b.key == "dongsheng/2021" and not c.b.present and c.carryover


def test_nothing_to_compare():
    with pytest.raises(PolicydiffError):
        compare(None, None, year_a=2019, year_b=2020, region="x")


def test_target_diff_pairs_targets_of_one_alias_by_name_and_figure(national, corpus):
    # national 2015 财政赤字1.62万亿元 … 中央财政赤字1.12万亿元 / 2016 财政赤字2.18万亿元 … 中央财政赤字1.4万亿元:
    # the alias table gives both one metric (deficit); the central deficit was dropped + new
    c = compare(national(2015), national(2016))
    rows = [t for t in c.targets if t.a and "赤字" in t.a.indicator]
    got = {(t.a.indicator, t.a.value): (t.status, t.b and t.b.value) for t in rows}
    assert got[("中央财政赤字", 1.12)] == ("changed", 1.4) and got[("财政赤字", 1.62)] == ("changed", 2.18)
    # jilin 2025 实施…亿元以上项目1500个, 亿元以上项目达到1000个 / 2026 实施亿元以上项目2000个,
    # 亿元以上项目达到1000个以上
    c = compare(corpus.get(2025, "jilin"), corpus.get(2026, "jilin"))
    got = {t.a.value: t.b and t.b.value for t in c.targets if t.a and t.a.indicator == "亿元以上项目"}
    assert got == {1500: 2000, 1000: 1000}
