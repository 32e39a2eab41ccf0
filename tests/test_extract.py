"""Extraction of targets, results and commitments from the real reports.

Every expected value below was read off the report text (the quoted phrase is in the file),
not copied from the program's output.
"""

from __future__ import annotations

import json
from functools import cache

import pytest
from click.testing import CliRunner

from policydiff.cli import cli
from policydiff.extract import FIELDS, Record, extract, to_dicts
from policydiff.metrics import metric_key
from policydiff.report import parse_report

from .conftest import SHARED, SHARED_CORPORA


@pytest.fixture(scope="session")
def records(corpus):
    """(region, year, kind) -> records, extracted once per session."""

    @cache
    def get(region: str, year: int, kind: str = "quantity") -> list[Record]:
        return extract(corpus.get(year, region), kind=kind)

    return get


def only(recs, **want):
    """The one record matching every field given (fails loudly otherwise)."""
    hits = [r for r in recs if all(getattr(r, k) == v for k, v in want.items())]
    assert len(hits) == 1, f"{len(hits)} records match {want}: {[(r.indicator, r.value, r.kind) for r in hits]}"
    return hits[0]


def quote_ok(report, rec):
    """The record points into the original text: its span and its sentence."""
    assert report.text[rec.start : rec.end]
    assert rec.sentence in report.text
    assert report.text.find(rec.sentence) <= rec.start < rec.end <= report.text.find(rec.sentence) + len(rec.sentence)


# --- Dongsheng 2020 (the bundled report) ---------------------------------------


def test_dongsheng_headline_gdp_target(records, dongsheng):
    # 全区经济社会发展的主要预期目标是：地区生产总值增长4%左右
    rec = only(records("dongsheng", 2020), kind="target", indicator="地区生产总值", unit="%")
    assert (rec.year, rec.value, rec.measure, rec.qualifier, rec.headline) == (2020, 4, "growth", "左右", True)
    assert rec.metric == "gdp.growth"
    assert dongsheng.text[rec.start : rec.end] == "4%"
    quote_ok(dongsheng, rec)


def test_dongsheng_coal_target(records, dongsheng):
    # 力争全年煤炭产销量突破9000万吨
    rec = only(records("dongsheng", 2020), kind="target", value=9000, unit="万吨")
    assert (rec.indicator, rec.qualifier, rec.modality, rec.headline) == ("煤炭产销量", "突破", "力争", False)
    assert dongsheng.text[rec.start : rec.end] == "9000万吨"


def test_dongsheng_registered_unemployment_target(records):
    # 确保城镇登记失业率控制在4.5%以内
    rec = only(records("dongsheng", 2020), kind="target", indicator="城镇登记失业率")
    assert (rec.value, rec.unit, rec.qualifier, rec.modality, rec.measure) == (4.5, "%", "以内", "确保", "rate")
    assert rec.metric == "registered_unemployment"


def test_dongsheng_2019_results(records, dongsheng):
    recs = records("dongsheng", 2020)
    # 全年地区生产总值实现712.6亿元，增长4.3%
    gdp = only(recs, kind="result", value=712.6)
    assert (gdp.year, gdp.indicator, gdp.unit, gdp.measure, gdp.metric) == (
        2019,
        "地区生产总值",
        "亿元",
        "level",
        "gdp",
    )
    growth = only(recs, kind="result", value=4.3, unit="%")
    assert (growth.indicator, growth.measure, growth.metric) == ("地区生产总值", "growth", "gdp.growth")
    # 社会消费品零售总额实现260.9亿元: an exact decimal
    retail = only(recs, kind="result", value=260.9)
    assert json.dumps(retail.value) == "260.9" and retail.metric == "retail_sales"
    # 城镇登记失业率控制在2.88%
    assert only(recs, kind="result", value=2.88).metric == "registered_unemployment"
    quote_ok(dongsheng, gdp)


def test_dongsheng_coal_metric_same_across_wordings(records):
    recs = records("dongsheng", 2020)
    result = only(recs, kind="result", value=8540)  # 全年产销煤炭8540万吨
    target = only(recs, kind="target", value=9000)  # 煤炭产销量突破9000万吨
    assert result.indicator == "产销煤炭"
    assert result.metric == target.metric


def test_dongsheng_not_measurements(records, corpus):
    recs = records("dongsheng", 2020)
    values = {(r.value, r.unit) for r in recs}
    # 5000万元以上重点项目137项: the threshold is part of the name, the count is the record
    assert (5000, "万元") not in values
    assert only(recs, value=137, unit="项").indicator.endswith("重点项目")
    # 4A级旅游景区, 5G商用, 15分钟商贸便民服务圈, 2019—2022年, 十三五 are not figures: no record's span
    # touches any place the report writes them
    text = corpus.get(2020, "dongsheng").text
    for name in ("4A级", "5G", "15分钟", "2019—2022年", "十三五"):
        places = [i for i in range(len(text)) if text.startswith(name, i)]
        assert places, name
        touching = [(r.value, r.unit) for r in recs for i in places if r.start < i + len(name) and i < r.end]
        assert touching == [], name


def test_dongsheng_headline_list_is_complete(records):
    heads = [r for r in records("dongsheng", 2020) if r.headline]
    # 地区生产总值、一般公共预算收入、固定资产投资、规模以上工业增加值、社会消费品零售总额、城镇常住居民人均可支配收入
    assert [r.value for r in heads] == [4, 5, 5, 4.5, 4, 6]
    assert all(r.kind == "target" and r.qualifier == "左右" and r.measure == "growth" for r in heads)


def test_counts_take_the_noun_after_them(records):
    recs = records("dongsheng", 2020)
    # 启动万达广场等13个商贸物流项目
    assert only(recs, kind="result", value=13, unit="个").indicator == "商贸物流项目"
    # 依法办结11件涉府案件、12件行政复议案件
    assert only(recs, value=12, unit="件").indicator == "行政复议案件"


# --- national reports ----------------------------------------------------------


def test_national_2019_gdp_range_target(records, national):
    # 国内生产总值增长6%－6.5%
    rec = only(records("national", 2019), kind="target", metric="gdp.growth")
    assert (rec.value, rec.value_high, rec.unit, rec.year, rec.headline) == (6, 6.5, "%", 2019, True)
    assert national(2019).text[rec.start : rec.end] == "6%－6.5%"


def test_national_2023_new_jobs_target(records):
    # 城镇新增就业1200万人左右 (not 以上)
    rec = only(records("national", 2023), kind="target", metric="urban_new_jobs")
    assert (rec.value, rec.unit, rec.qualifier, rec.headline) == (1200, "万人", "左右", True)


def test_national_2020_absent_gdp_target(records, national):
    # 我们没有提出全年经济增速具体目标
    rec = only(records("national", 2020), absent=True)
    assert (rec.kind, rec.value, rec.metric, rec.year) == ("target", None, "gdp.growth", 2020)
    assert "经济增速" in national(2020).text[rec.start : rec.end]
    assert not [r for r in records("national", 2020) if r.kind == "target" and r.metric == "gdp.growth" and r.value]


def test_national_2019_to_2020_targets_and_results(records):
    t19 = [r for r in records("national", 2019) if r.kind == "target"]
    t20 = [r for r in records("national", 2020) if r.kind == "target"]
    # 2019: 城镇新增就业1100万人以上，城镇调查失业率5.5%左右 … 居民消费价格涨幅3%左右
    assert (only(t19, metric="urban_new_jobs").value, only(t19, metric="urban_new_jobs").qualifier) == (1100, "以上")
    assert only(t19, metric="cpi.growth", headline=True).value == 3
    s19 = only(t19, metric="surveyed_unemployment")
    s20 = only(t20, metric="surveyed_unemployment")  # 2020: 城镇调查失业率6%左右
    assert (s19.value, s19.qualifier, s20.value, s20.qualifier) == (5.5, "左右", 6, "左右")
    assert s19.indicator == s20.indicator == "城镇调查失业率"
    # the 2020 report's results are 2019's: 国内生产总值…增长6.1%，城镇新增就业1352万人，居民消费价格上涨2.9%
    r20 = [r for r in records("national", 2020) if r.kind == "result"]
    assert only(r20, metric="gdp.growth").value == 6.1
    assert only(r20, metric="urban_new_jobs").value == 1352
    assert only(r20, metric="cpi.growth").value == 2.9
    assert {r.year for r in r20 if r.metric in ("gdp.growth", "urban_new_jobs", "cpi.growth")} == {2019}


def test_national_2018_five_year_results_have_a_period(records):
    # 过去五年 … 国内生产总值从54万亿元增加到82.7万亿元，年均增长7.1%
    recs = records("national", 2018)
    level = only(recs, kind="result", value=82.7)
    assert (level.metric, level.year, level.period) == ("gdp", 2017, "2013-2017")
    assert only(recs, kind="result", value=7.1).metric == "gdp.growth"
    assert level.base == 54  # the new value keeps its starting point
    # and a review's starting point is a reported figure of the year before the period
    base = only(recs, kind="result", value=54)
    assert (base.metric, base.year, base.period, base.unit) == ("gdp", 2012, None, "万亿元")


def test_national_2010_headline_restated_is_a_record_outside_the_list(records):
    # the explanation 提出国内生产总值增长８％左右 restates the headline target: a second record, of the same
    # metric, not in the headline list (the golds list a restatement, some as optional)
    recs = [r for r in records("national", 2010) if r.metric == "gdp.growth" and r.kind == "target"]
    assert [(r.value, r.qualifier, r.headline) for r in recs] == [(8, "左右", True), (8, "左右", False)]
    assert "提出国内生产总值增长８％左右" in recs[1].sentence
    # national 2025 经济增长预期目标为5%左右 where the plan explains it: named as written there
    recs = [r for r in records("national", 2025) if r.metric == "gdp.growth" and r.kind == "target"]
    assert [(r.indicator, r.value, r.headline) for r in recs] == [("国内生产总值", 5, True), ("经济增长", 5, False)]


def test_hailar_2015_headline_levels_follow_growth(records):
    # 地区生产总值增长8%，达到296亿元
    recs = [r for r in records("hailar", 2015) if r.headline]
    assert [(r.metric, r.value) for r in recs[:2]] == [("gdp.growth", 8), ("gdp", 296)]


def test_respectively_lists(records):
    # 2023: 全年基础设施、制造业投资分别增长9.4%、9.1%
    recs = records("national", 2023)
    assert only(recs, value=9.4, unit="%").indicator == "基础设施投资"
    second = only(recs, value=9.1, unit="%")
    assert (second.indicator, second.measure) == ("制造业投资", "growth")


def test_metric_keys_same_across_years(records):
    for year in (2019, 2020, 2023):
        targets = [r for r in records("national", year) if r.headline]
        assert "surveyed_unemployment" in {r.metric for r in targets}
        assert "cpi.growth" in {r.metric for r in targets}
    assert metric_key("地区生产总值", "growth") == metric_key("国内生产总值", "growth") == "gdp.growth"


def test_every_record_traces_to_its_sentence(records, corpus):
    for region, year in (("national", 2019), ("national", 2020), ("hailar", 2015), ("dongsheng", 2020)):
        report = corpus.get(year, region)
        for rec in records(region, year):
            quote_ok(report, rec)
            assert rec.report == report.key
            assert rec.section_id and (rec.section or rec.section_id.startswith("0"))


# --- commitments -----------------------------------------------------------------


def test_commitments_are_separate(records):
    quantity = records("dongsheng", 2020)
    assert all(r.kind != "commitment" for r in quantity)
    commits = records("dongsheng", 2020, "commitment")
    assert commits and all(r.kind == "commitment" and r.value is None for r in commits)
    # 加快泊江海子煤矿智能化改造及蒙泰电厂二期项目建设
    rec = only(commits, object="泊江海子煤矿智能化改造及蒙泰电厂二期项目建设")
    assert rec.verb == "加快" and rec.year == 2020
    # 全力推进“蒙电入皖”工程
    assert only(commits, object="“蒙电入皖”工程").verb == "推进"
    both = records("dongsheng", 2020, "all")
    assert len(both) == len(quantity) + len(commits)


def test_unknown_kind_is_an_error(dongsheng):
    from policydiff.errors import PolicydiffError

    with pytest.raises(PolicydiffError):
        extract(dongsheng, kind="promises")


def test_small_report_from_text():
    r = parse_report(
        "一、2019年工作回顾\n全年完成20起案件资产处置。\n二、2020年重点工作\n力争年内引进项目300项以上，协议投资总额突破500亿元。",
        region="demo",
        year=2020,
    )
    recs = extract(r)
    assert [(x.kind, x.year, x.value, x.unit) for x in recs] == [
        ("result", 2019, 20, "起"),
        ("target", 2020, 300, "项"),
        ("target", 2020, 500, "亿元"),
    ]
    assert [x.modality for x in recs] == [None, "力争", "力争"]
    assert to_dicts(recs)[0]["indicator"] == "案件资产处置"


# --- CLI ---------------------------------------------------------------------------


def run(*args):
    result = CliRunner().invoke(cli, ["--corpus", str(SHARED_CORPORA), *args])
    return result


def test_cli_jsonl_has_exactly_the_contract_fields():
    result = run("targets", str(SHARED / "seeds" / "dongsheng-2020.txt"), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and all(tuple(row) == FIELDS for row in rows)
    assert FIELDS[:3] == ("report", "kind", "year") and FIELDS[-4:] == ("verb", "object", "base", "per")
    assert all(row["verb"] is None and row["object"] is None for row in rows)
    assert any(row["value"] == 712.6 for row in rows)


def test_cli_kinds_and_formats():
    result = run("targets", "2020", "-r", "national", "--kind", "target", "--format", "csv")
    assert result.exit_code == 0, result.output
    header, *lines = result.output.splitlines()
    assert header.split(",") == list(FIELDS)
    assert lines and all(",target," in line for line in lines)
    table = run("targets", "2019", "-r", "national", "--kind", "result")
    assert table.exit_code == 0 and "国内生产总值" in table.output and "target" not in table.output
    commits = run("targets", "2019", "-r", "national", "--kind", "commitment", "--format", "markdown")
    assert commits.exit_code == 0 and "| commitment" in commits.output
    latex = run("targets", "2023", "-r", "national", "--format", "latex")
    assert latex.exit_code == 0 and "\\toprule" in latex.output


def test_cli_bad_input_is_one_line():
    result = run("targets", "1999", "-r", "national")
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "Traceback" not in result.output


def test_hailar_2019_headline_list_over_several_sentences(records):
    # 经济社会发展的主要预期目标是：地区生产总值增长3.5%左右。固定资产投资扭转下滑态势，实现正增长。
    # 城乡常住居民人均可支配收入分别增长7%和8%左右。社会消费品零售总额增长6.5%左右。
    heads = [r for r in records("hailar", 2019) if r.headline]
    assert [(r.metric, r.value, r.qualifier) for r in heads] == [
        ("gdp.growth", 3.5, "左右"),
        ("urban_disposable_income.growth", 7, "左右"),
        ("rural_disposable_income.growth", 8, "左右"),
        ("retail_sales.growth", 6.5, "左右"),
    ]


def test_national_2021_plan_period_and_past_paragraph(records):
    recs = records("national", 2021)
    # “十四五”: 城镇调查失业率控制在5.5%以内 (a target for the plan period, not the 2021 headline 5.5%左右)
    plan = only(recs, metric="surveyed_unemployment", qualifier="以内")
    assert (plan.kind, plan.year, plan.period, plan.headline) == ("target", 2025, "2021-2025", False)
    assert only(recs, metric="surveyed_unemployment", qualifier="左右").headline
    # 过去五年，…城镇新增就业超过6000万人: a result of the 十三五 period inside the plan part
    past = only(recs, metric="urban_new_jobs", value=6000)
    assert (past.kind, past.year, past.period, past.qualifier) == ("result", 2020, "2016-2020", "超过")


# --- Audit of reports outside the development gold (docs/extraction.md, "Audit") ---------------


def test_listed_figures_share_the_noun_after_them(records):
    # Hailar 2017: 完成了老城区8条、12.3公里道路提升改造
    recs = records("hailar", 2017)
    roads = only(recs, value=8, unit="条")
    length = only(recs, value=12.3, unit="公里")
    assert roads.indicator == length.indicator == "道路提升改造"
    assert (roads.kind, roads.year, roads.measure) == ("result", 2016, "count")
    assert (length.kind, length.measure) == ("result", "level")
    # 96户、183人实现全部脱贫: both figures are of the people lifted out of poverty
    assert only(recs, value=96, unit="户").indicator == only(recs, value=183, unit="人").indicator == "脱贫"


def test_investment_takes_the_object_of_the_next_clause(records):
    # Hailar 2017: 投资4.7亿元,完成65条、总长度57.9公里的城市道路新建改造
    recs = records("hailar", 2017)
    money = only(recs, value=4.7, unit="亿元")
    assert (money.kind, money.year, money.indicator) == ("target", 2017, "城市道路新建改造投资")
    assert only(recs, value=65, unit="条").indicator == "城市道路新建改造"
    assert "城市道路新建改造" in only(recs, value=57.9, unit="公里").indicator


def test_grants_and_subjects_do_not_stay_in_the_indicator(records):
    recs = records("hailar", 2014)
    # 为1467位80岁以上低收入老年人发放高龄补贴176万元: the grant is measured
    assert only(recs, value=176, unit="万元").indicator == "高龄补贴"
    # 力争年内新增就业岗位5000个，城镇失业人员实现再就业2000人
    jobs = only(recs, value=2000, unit="人")
    assert (jobs.kind, jobs.year, jobs.indicator, jobs.modality) == ("target", 2014, "再就业", "力争")
    # 新建成的4个4S店正式运营: a name with a digit is still the counted noun
    assert only(recs, value=4, unit="个", year=2013, indicator="4S店").kind == "result"


def test_regulations_named_by_article_count_are_not_figures(records):
    # Hailar 2017: 严格落实中央八项规定、自治区党委28条配套规定和呼伦贝尔市委十项要求
    assert not [r for r in records("hailar", 2017) if r.value == 28 and r.unit == "条"]


def test_same_count_in_two_sections_is_two_figures(records):
    # Hailar 2017 reviews 棚户区改造…等5项工程 in (三) and 第五中学改扩建等5项工程 in (四)
    fives = [r for r in records("hailar", 2017) if r.value == 5 and r.unit == "项" and r.kind == "result"]
    assert len(fives) == 2 and len({r.section_id for r in fives}) == 2


def test_appositive_list_before_a_quoted_name(records):
    # national 2024: 电动汽车、锂电池、光伏产品“新三样”出口增长近30%
    rec = only(records("national", 2024), value=30, unit="%", year=2023)
    assert (rec.indicator, rec.measure, rec.qualifier) == ("“新三样”出口", "growth", "近")
    # 国家助学贷款提标降息惠及1100多万学生: the students the loans reached, not just "students"
    reached = only(records("national", 2024), value=1100, unit="万")
    assert (reached.indicator, reached.qualifier) == ("国家助学贷款提标降息惠及学生", "多")


def test_acronym_note_keeps_the_subject_and_metrics_keep_nouns(records):
    recs = records("national", 2023)
    # 地级及以上城市细颗粒物（PM2.5）平均浓度下降27.5%
    pm = only(recs, value=27.5, unit="%")
    assert "细颗粒物" in pm.indicator and pm.indicator.endswith("平均浓度")
    assert (pm.measure, pm.direction) == ("growth", "down")
    # 发电装机容量增长40%以上; 去年底企业数量超过5200万户; 市场主体总量超过1.6亿户
    assert only(recs, value=40, unit="%", qualifier="以上").metric == "发电装机容量.growth"
    assert only(recs, value=5200, unit="万户").metric == "企业数量"
    assert only(recs, value=1.6, unit="亿户").metric == "市场主体"
    assert metric_key("去年底企业数量", "level") == "企业数量"
    assert metric_key("二氧化硫排放量", "growth") == metric_key("二氧化硫排放", "growth")


# --- last year's results inside plan parts and five-year reviews ---------------------


def test_last_year_results_inside_a_plan_part_national_2011(records):
    # 三、2011年的工作: "过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%，…城镇新增就业1168万人"
    recs = records("national", 2011)
    gdp = only(recs, value=10.3, unit="%")
    jobs = only(recs, value=1168, unit="万人")
    assert (gdp.kind, gdp.year, gdp.period, gdp.metric) == ("result", 2010, None, "gdp.growth")
    assert (jobs.kind, jobs.year, jobs.metric) == ("result", 2010, "urban_new_jobs")


def test_single_year_paragraph_inside_a_five_year_review_national_2018(records):
    # 一、过去五年工作回顾: "刚刚过去的2017年，…国内生产总值增长6.9%…城镇新增就业1351万人"
    recs = records("national", 2018)
    gdp = only(recs, value=6.9, unit="%", metric="gdp.growth")
    assert (gdp.kind, gdp.year, gdp.period) == ("result", 2017, None)
    assert only(recs, value=1351, unit="万人").period is None


def test_paragraph_opening_on_the_last_year_inside_a_combined_review_guizhou_2026(records):
    # 一、2025年和“十四五”时期工作回顾: "2025年在贵州发展进程中极不平凡。…" then "——经济保持平稳增长。…
    # 地区生产总值增长4.9%" speaks of 2025 alone; "五年来，…" later returns to the period
    recs = records("guizhou", 2026)
    gdp = only(recs, value=4.9, unit="%")
    assert (gdp.kind, gdp.year, gdp.period, gdp.metric) == ("result", 2025, None, "gdp.growth")
    assert only(recs, value=62.6, unit="万人").period is None
    assert only(recs, value=57.7, unit="%").period is None  # 从2020年的53.2%提升到2025年的57.7%: the 2025 level


def test_cli_context_kind_lists_the_figures_a_plan_describes():
    # national 2020: 今年高校毕业生达874万人 describes the year's graduates; it is no jobs target, and
    # 14亿中国人的饭碗 is the population (the annotation guide's own example of a context figure)
    result = run("targets", "2020", "-r", "national", "--kind", "context", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert sorted((r["kind"], r["indicator"], r["value"], r["unit"]) for r in rows) == [
        ("context", "中国人", 14, "亿"),
        ("context", "高校毕业生", 874, "万人"),
    ]
    targets = run("targets", "2020", "-r", "national", "--kind", "target", "--format", "jsonl").output
    assert "874" not in {str(json.loads(line)["value"]) for line in targets.splitlines()}
