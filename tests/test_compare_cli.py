"""``policydiff compare`` through the CLI: one-report case, formats, --out, files, and safe HTML.

Figures checked against the texts (see tests/test_compare.py for the quotes).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from policydiff import __version__
from policydiff.cli import cli
from policydiff.compare import compare
from policydiff.render.compare_html import render_html
from policydiff.render.compare_text import CSV_COLUMNS
from policydiff.report import parse_report

from .conftest import SHARED_CORPORA

SHARED = ["--corpus", str(SHARED_CORPORA)]
NATIONAL = [*SHARED, "compare", "2019", "2020", "-r", "national"]


def run(*args):
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def assert_one_line_error(code, err, *needles):
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("policydiff: error: "), err
    for n in needles:
        assert n in lines[0]


# --- the bundled corpus: one report -----------------------------------------------------


def test_bundled_one_report_case():
    code, out, err = run("compare", "2019", "2020")
    assert code == 0, err
    notes = err.strip().splitlines()
    assert len(notes) == 1 and "dongsheng/2019 is not in the corpus" in notes[0]
    assert "2019 results → 2020 targets" in out
    assert "2019 result" in out and "2020 target" in out
    line = next(ln for ln in out.splitlines() if "手机显示屏" in ln)
    assert "7900万片" in line and "8000万片" in line and "力争" in line
    line = next(ln for ln in out.splitlines() if "城镇登记失业率" in ln)
    assert "2.88%" in line and "≤4.5%" in line and "确保" in line


def test_bundled_one_report_json_and_csv():
    code, out, _ = run("compare", "2019", "2020", "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["a"]["present"] is False and doc["b"]["key"] == "dongsheng/2020"
    pairs = [c for c in doc["carryover"] if c["result"]]
    screens = next(c for c in pairs if "手机显示屏" in c["indicator"])
    assert (screens["result"]["value"], screens["target"]["value"], screens["difference"]) == (7900, 8000, 100)
    code, out, _ = run("compare", "2019", "2020", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows and all(r["finding"] == "carryover" for r in rows)


@pytest.mark.parametrize("args", [("2016", "2017"), ("2016", "2017", "-r", "dongsheng")])
def test_neither_report_is_an_error(args):
    code, _, err = run("compare", *args)
    assert_one_line_error(code, err, "2016")


def test_same_year_is_an_error():
    code, _, err = run("compare", "2020", "2020")
    assert_one_line_error(code, err, "2020")


# --- national 2019 → 2020 -----------------------------------------------------------------


def test_national_delivery_text():
    code, out, err = run(*NATIONAL, "--section", "delivery")
    assert code == 0, err
    gdp = next(ln for ln in out.splitlines() if ln.startswith("国内生产总值 "))
    assert "6–6.5%" in gdp and "6.1%" in gdp and " met " in gdp
    jobs = next(ln for ln in out.splitlines() if ln.startswith("城镇新增就业 "))
    assert "≥1100万人" in jobs and "1352万人" in jobs and "exceeded" in jobs and "252" in jobs
    cpi = next(ln for ln in out.splitlines() if ln.startswith("居民消费价格涨幅 "))
    assert "3%左右" in cpi and "2.9%" in cpi and " met " in cpi
    assert "Targets:" not in out and "Wording shifts" not in out  # only the section asked for


def test_national_text_has_every_part():
    code, out, err = run(*NATIONAL)
    assert code == 0, err
    for heading in ("Summary", "Delivery:", "Targets:", "Sections", "Wording shifts"):
        assert heading in out
    absent = next(ln for ln in out.splitlines() if "(no target)" in ln)
    assert "6–6.5%" in absent and "absent" in absent


def test_markdown_and_latex_tables():
    code, out, _ = run(*NATIONAL, "--section", "targets", "--format", "markdown")
    assert code == 0 and "| indicator" in out and "|:--" in out and out.startswith("# policydiff compare")
    code, out, _ = run(*NATIONAL, "--section", "targets", "--format", "latex")
    assert code == 0 and "\\toprule" in out and "\\midrule" in out and "\\bottomrule" in out


def test_csv_one_finding_a_row_with_stable_ids():
    code, out, _ = run(*NATIONAL, "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0].keys()) == CSV_COLUMNS
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    assert {r["finding"] for r in rows} == {"target", "delivery", "section", "paragraph", "sentence", "wording"}
    assert "section:3.7>5.5" in ids
    gdp = next(r for r in rows if r["finding"] == "delivery" and r["a"] == "6–6.5%")
    assert (gdp["b"], gdp["status"], gdp["delta"]) == ("6.1%", "met", "0.1")
    assert run(*NATIONAL, "--format", "csv")[1] == out  # same input, same bytes


def test_json_schema_version_and_hashes():
    code, out, _ = run(*NATIONAL, "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["schema"] == "policydiff.compare/1" and doc["tool"] == {"name": "policydiff", "version": __version__}
    for side, year in (("a", 2019), ("b", 2020)):
        digest = hashlib.sha256((SHARED_CORPORA / "national" / f"{year}.txt").read_bytes()).hexdigest()
        assert doc[side]["sha256"] == digest
    assert {"summary", "targets", "delivery", "alignment", "wording", "carryover"} <= set(doc)
    gdp = next(d for d in doc["delivery"] if d["target"]["value_high"] == 6.5)
    assert (gdp["result"]["value"], gdp["status"]) == (6.1, "met")
    assert run(*NATIONAL, "--format", "json")[1] == out


def test_out_never_overwrites_without_force(tmp_path):
    target = tmp_path / "cmp.md"
    code, _, err = run(*NATIONAL, "--section", "delivery", "--format", "markdown", "--out", str(target))
    assert code == 0 and target.read_text(encoding="utf-8").startswith("# policydiff compare")
    target.write_text("mine", encoding="utf-8")
    code, _, err = run(*NATIONAL, "--section", "delivery", "--out", str(target))
    assert_one_line_error(code, err, "--force")
    assert target.read_text(encoding="utf-8") == "mine"
    code, _, err = run(*NATIONAL, "--section", "delivery", "--out", str(target), "--force")
    assert code == 0 and "国内生产总值" in target.read_text(encoding="utf-8")


def test_files_instead_of_years(tmp_path):
    a, b = SHARED_CORPORA / "national" / "2019.txt", SHARED_CORPORA / "national" / "2020.txt"
    code, out, err = run("compare", str(a), str(b), "--section", "delivery", "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert (doc["a"]["key"], doc["b"]["key"]) == ("national/2019", "national/2020")
    assert any(d["status"] == "exceeded" for d in doc["delivery"])
    code, _, err = run("compare", str(a), str(tmp_path / "missing.txt"))
    assert_one_line_error(code, err, "missing.txt")


def test_years_given_backwards_are_put_in_order():
    code, out, err = run(*SHARED, "compare", "2020", "2019", "-r", "national", "--section", "delivery")
    assert code == 0 and "time order" in err and "national/2019 → national/2020" in out


# --- HTML ----------------------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs.extend(attrs)


ALLOWED_TAGS = set(
    "html head meta title style body header h1 h2 h3 div b span code p nav a main table thead tbody tr th td "
    "ul li colgroup col q mark del ins footer".split()
)
#: The inline delivery chart (policydiff.charts): shapes and text only, no links, images or scripts.
SVG_TAGS = set("figure svg title rect line polyline polygon circle text".split())
SVG_ATTRS = set(
    "x y x1 y1 x2 y2 cx cy r width height viewbox role points fill fill-opacity stroke stroke-width "
    "stroke-dasharray font-family font-size font-weight text-anchor".split()
)


def _assert_inert(page: str, *, urls_in_text: bool = False):
    parser = _Tags()
    parser.feed(page)
    assert parser.tags <= ALLOWED_TAGS | SVG_TAGS, parser.tags - ALLOWED_TAGS - SVG_TAGS
    for name, value in parser.attrs:
        assert not name.startswith("on"), name
        assert name in {"lang", "charset", "http-equiv", "content", "name", "class", "href", "id"} | SVG_ATTRS, name
        if name == "href":
            assert value.startswith("#"), value
    low = page.lower()
    assert "<script" not in low and "<img" not in low and "<iframe" not in low
    if not urls_in_text:  # a report may quote an address; it stays text
        assert "http://" not in low and "https://" not in low
    assert "content-security-policy" in low and "default-src 'none'" in low


HOSTILE = "<script>alert(1)</script>"


def test_html_escapes_every_report_text():
    head = (
        "政府工作报告<script>alert(0)</script>\n——2019年3月5日在第一届人民代表大会第一次会议上\n"
        "某区区长 张三\n各位代表：\n"
    )
    a = parse_report(
        head + f"一、工作回顾{HOSTILE}\n全年地区生产总值增长6.2%。<img src=x onerror=alert(2)>\n"
        f"二、今年目标\n今年主要预期目标是：地区生产总值增长6%左右{HOSTILE}；城镇新增就业1.2万人以上。\n"
        '(一)发展<b onclick="x()">产业</b>。<a href="https://evil.example">链接</a>推进工业园区建设。',
        region='demo"><i>',
        year=2019,
    )
    b = parse_report(
        head.replace("2019", "2020") + f"一、工作回顾<style>body{{display:none}}</style>\n"
        f"全年地区生产总值增长6.5%。城镇新增就业1.5万人。{HOSTILE}\n"
        f"二、今年目标\n今年主要预期目标是：地区生产总值增长5%左右。<iframe src=x></iframe>\n"
        "(一)发展产业。推进工业园区建设和招商引资。",
        region='demo"><i>',
        year=2020,
    )
    page = render_html(compare(a, b))
    _assert_inert(page, urls_in_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "&lt;iframe" in page and "&lt;style&gt;" in page and "demo&quot;&gt;&lt;i&gt;" in page
    one = render_html(compare(None, b, year_a=2019))
    _assert_inert(one, urls_in_text=True)
    assert "&lt;script&gt;" in one


def test_national_html_is_self_contained(tmp_path):
    out = tmp_path / "cmp.html"
    code, _, err = run(*NATIONAL, "--format", "html", "--out", str(out))
    assert code == 0, err
    page = out.read_text(encoding="utf-8")
    _assert_inert(page)
    for anchor in ('id="summary"', 'id="delivery"', 'id="targets"', 'id="sections"', 'id="diff"', 'id="wording"'):
        assert anchor in page
    assert "(七)加强污染防治和生态建设" in page and "提高生态环境治理成效" in page
    assert "<del>2.1%</del>" in page and "<ins>2.9%</ins>" in page  # 居民消费价格上涨2.1% → 2.9%
