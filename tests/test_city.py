"""A prefecture city's reports, end to end: the fixture tests/data/city/cangzhou/{2024,2025}.txt.

No city report is in ../shared/corpora (its levels are the nation, provinces, a district and counties), so
these two short reports were written for the tests in the form a city's report takes: a header dated at the
city's people's congress (市第十六届人民代表大会), a review of the last year and a plan for this one
(“主要目标和重点任务”), 全市 in front of the headline figures, 各县（市、区）, and the city's key projects (省市
重点项目). They are a fixture, not a real report: the values below are the ones written in them.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from policydiff import Corpus
from policydiff.cli import cli
from policydiff.compare import compare
from policydiff.extract import extract

CITY = Path(__file__).resolve().parent / "data" / "city"


def _corpus() -> Corpus:
    return Corpus([CITY], use_env=False)


def test_a_city_report_parses_into_its_review_and_plan():
    report = _corpus().get(2024, "cangzhou")
    assert report.meta.date == "2024-01-15"
    assert "第十六届人民代表大会第三次会议" in (report.meta.meeting or "")
    parts = {s.title: (s.kind, s.years) for s in report.parts}
    assert parts["2023年工作回顾"][0] == "review" and 2023 in parts["2023年工作回顾"][1]
    plan = next(k for k in parts if k.startswith("2024年经济社会发展"))
    assert parts[plan][0] == "plan" and 2024 in parts[plan][1]


def test_a_city_reports_targets_and_results_are_named_as_written():
    records = {(r.kind, r.indicator, r.value, r.unit) for r in extract(_corpus().get(2024, "cangzhou"))}
    assert ("result", "地区生产总值", 5.8, "%") in records  # 预计全市地区生产总值增长5.8%: 全市 names no metric
    assert ("target", "地区生产总值", 6, "%") in records
    assert ("target", "城镇调查失业率", 5.5, "%") in records
    assert ("result", "省市重点项目完成投资", 1200, "亿元") in records  # the key projects' investment
    assert ("target", "省市重点项目年度计划投资", 1300, "亿元") in records
    assert ("result", "改造老旧小区惠及居民", 3.5, "万户") in records


def test_a_city_pair_is_compared_and_its_delivery_judged():
    corpus = _corpus()
    c = compare(corpus.get(2024, "cangzhou"), corpus.get(2025, "cangzhou"))
    rows = {d.indicator: (d.status, d.result.value if d.result else None) for d in c.delivery}
    assert rows["地区生产总值"] == ("met", 6.1)
    assert rows["一般公共预算收入"] == ("missed", 5.4)
    assert rows["城镇新增就业"] == ("met", 6.3)
    assert rows["新增中小学学位"] == ("missed", 1.4)
    assert rows["改造城镇老旧小区"] == ("exceeded", 152)
    assert rows["省市重点项目年度计划投资"] == ("exceeded", 1365)


def test_the_city_pair_through_the_cli():
    result = CliRunner().invoke(
        cli, ["--corpus", str(CITY), "compare", "2024", "2025", "-r", "cangzhou", "--format", "json"]
    )
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    statuses = {r["target"]["indicator"]: r["status"] for r in doc["delivery"]}
    assert statuses["地区生产总值"] == "met" and statuses["新增中小学学位"] == "missed"
