"""``policydiff escalation``: provinces' 2025 GDP growth targets against the national 5%左右."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import pytest

from policydiff.panel import ESCALATION_COLUMNS

from .conftest import SHARED_CORPORA, run_shared

pytestmark = pytest.mark.usefixtures("own_cache")
run = run_shared


@pytest.fixture(scope="module")
def gdp_2025():
    code, stdout, stderr = run("escalation", "gdp.growth", "--year", "2025", "--level", "province", "--format", "csv")
    assert code == 0, stderr
    return list(csv.DictReader(io.StringIO(stdout))), stderr


def test_28_provinces_against_the_national_target(gdp_2025):
    rows, stderr = gdp_2025
    assert len(rows) == 28 and list(rows[0]) == list(ESCALATION_COLUMNS)
    assert {r["parent"] for r in rows} == {"national"} and {r["level"] for r in rows} == {"province"}
    assert {(r["parent_value"], r["parent_qualifier"]) for r in rows} == {("5", "左右")}
    assert all("国内生产总值增长5%左右" in r["parent_sentence"] for r in rows)
    assert "28 province regions against national 5%左右: 13 above, 14 equal, 1 below" in stderr


@pytest.mark.parametrize(
    "region, value, value_high, qualifier, difference, relation, quote",
    [
        # checked by hand against the texts (主要预期目标是：…)
        ("qinghai", "4.5", "", "左右", "-0.5", "below", "地区生产总值增长4.5%左右"),
        ("xizang", "7", "", "以上", "2", "above", "地区生产总值增长7%以上"),
        ("fujian", "5", "5.5", "", "0", "equal", "全省地区生产总值增长5.0%—5.5%"),
        ("hubei", "6", "", "左右", "1", "above", "增长6%左右"),
        ("jiangsu", "5", "", "以上", "0", "equal", "5%以上"),
    ],
)
def test_rows_checked_against_the_texts(gdp_2025, region, value, value_high, qualifier, difference, relation, quote):
    (row,) = [r for r in gdp_2025[0] if r["region"] == region]
    got = (row["value"], row["value_high"], row["qualifier"], row["difference"], row["vs_parent"])
    assert got == (value, value_high, qualifier, difference, relation)
    assert quote in row["sentence"].replace("％", "%")
    text = (SHARED_CORPORA / region / "2025.txt").read_text(encoding="utf-8")
    assert row["sentence"] in text


def test_table_output_and_plot(tmp_path):
    svg = tmp_path / "e.svg"
    code, stdout, stderr = run(
        "escalation", "地区生产总值增长", "--year", "2025", "--level", "province", "--plot", str(svg)
    )
    assert code == 0, stderr
    lines = stdout.splitlines()
    assert lines[0].startswith("gdp.growth") and "13 above, 14 equal, 1 below" in lines[0]
    assert any(
        line.split()[:3] == ["qinghai", "青海省", "4.5%左右"] and line.split()[-2:] == ["-0.5", "below"]
        for line in lines
    )
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    texts = "".join(root.itertext())
    assert "青海省" in texts and "中华人民共和国 5%左右" in texts
    code, _, stderr = run("escalation", "gdp.growth", "--year", "2025", "--level", "province", "--plot", str(svg))
    assert code == 2 and "exists" in stderr and "--force" in stderr


def test_the_same_rows_are_in_the_panel(tmp_path, gdp_2025):
    out = tmp_path / "p.csv"
    code, _, stderr = run("panel", "--level", "province", "--years", "2025", "--kind", "target", "--out", str(out))
    assert code == 0, stderr
    rows = [r for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))) if r["metric"] == "gdp.growth"]
    flagged = {
        r["region"]: (r["value"], r["parent_value"], r["difference"], r["vs_parent"]) for r in rows if r["vs_parent"]
    }
    expected = {r["region"]: (r["value"], r["parent_value"], r["difference"], r["vs_parent"]) for r in gdp_2025[0]}
    assert flagged == expected


@pytest.mark.parametrize(
    "args, needle",
    [
        (("nonsense.metric", "--year", "2025", "--level", "province"), "no metric 'nonsense.metric'"),
        (("gdp.growth", "--year", "2025", "--level", "township"), "no region of level 'township'"),
        (("gdp.growth", "--year", "2025", "--plot", "x.png"), "give a name ending in .svg"),
        (("gdp.growth", "--year", "2030"), "no report"),
    ],
)
def test_errors_are_one_line(args, needle):
    code, _, stderr = run("escalation", *args)
    assert code == 2, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("policydiff: error: ") and needle in lines[0], stderr


# ---------------------------------------------------------------------------
# compare: two regions, one year
# ---------------------------------------------------------------------------


def test_compare_a_province_with_the_national_report():
    code, stdout, stderr = run("compare", "national/2025", "hubei/2025", "--section", "targets", "--format", "json")
    assert code == 0, stderr
    assert "comparing two regions: national/2025 and hubei/2025" in stderr
    import json

    data = json.loads(stdout)
    gdp = [t for t in data["targets"] if t["metric"] == "gdp.growth"]
    assert [(t["a"]["value"], t["b"]["value"], t["b"]["qualifier"]) for t in gdp] == [(5, 6, "左右")]


def test_compare_two_provinces_and_a_year_with_region():
    code, stdout, stderr = run("compare", "qinghai/2025", "xizang/2025", "--section", "targets")
    assert code == 0, stderr
    assert "qinghai/2025" in stdout and "xizang/2025" in stdout
    code, _, stderr = run("compare", "2025", "hubei/2025", "-r", "national", "--section", "targets")
    assert code == 0 and "national/2025 and hubei/2025" in stderr
    code, _, stderr = run("compare", "atlantis/2025", "hubei/2025")
    assert code == 2 and "unknown region 'atlantis'" in stderr and len(stderr.strip().splitlines()) == 1
