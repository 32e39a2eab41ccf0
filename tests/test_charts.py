"""SVG charts: valid XML, escaped text, marks where the data says, deterministic."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from types import SimpleNamespace as R

from click.testing import CliRunner

from policydiff.charts import delivery_svg, escalation_svg, nice_ticks, svg_text, timeline_svg
from policydiff.cli import cli

from .conftest import SHARED_CORPORA

NS = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{NS}svg"
    assert not any(e.tag in (f"{NS}script", f"{NS}image", f"{NS}a", f"{NS}foreignObject") for e in root.iter())
    assert "href" not in svg and "url(" not in svg
    return root


def test_svg_text_escapes_and_drops_controls():
    assert svg_text('<b a="1">&\x1b\x00</b>') == "&lt;b a=&quot;1&quot;&gt;&amp;&lt;/b&gt;"
    assert svg_text(None) == ""


def test_hostile_labels_stay_text():
    rows = [
        {"region": "x", "name_zh": '<script>alert(1)</script>"', "value": 6, "value_high": None, "unit": "%",
         "qualifier": "以上", "parent": "p", "parent_name_zh": "&amp;\x1b", "parent_value": 5,
         "parent_qualifier": "左右", "difference": 1, "vs_parent": "above"},
    ]  # fmt: skip
    svg = escalation_svg(rows, title="</svg><script>")
    root = parse(svg)
    texts = "".join(root.itertext())
    assert '<script>alert(1)</script>"' in texts and "</svg><script>" in texts and "\x1b" not in svg


def test_timeline_marks_met_and_missed_and_draws_bands_and_bounds():
    rows = [
        {"year": 2021, "target_value": 6, "target_value_high": None, "qualifier": "以上", "target_unit": "%",
         "result_value": 8.1, "result_unit": "%", "status": "exceeded"},
        {"year": 2022, "target_value": 5.5, "target_value_high": None, "qualifier": "左右", "target_unit": "%",
         "result_value": 3, "result_unit": "%", "status": "missed"},
        {"year": 2023, "target_value": 5, "target_value_high": 5.5, "qualifier": None, "target_unit": "%",
         "result_value": 5.2, "result_unit": "%", "status": "met"},
    ]  # fmt: skip
    svg = timeline_svg(rows, title="national gdp.growth")
    root = parse(svg)
    circles = [e for e in root.iter(f"{NS}circle") if e.find(f"{NS}title") is not None]
    tips = [e.find(f"{NS}title").text for e in circles]
    assert tips == ["2021 result 8.1% (exceeded)", "2022 result 3% (missed)", "2023 result 5.2% (met)"]
    assert [c.get("fill") for c in circles] == ["#1565c0", "#c62828", "#2e7d32"]
    bands = [e.find(f"{NS}title").text for e in root.iter(f"{NS}rect") if e.find(f"{NS}title") is not None]
    assert bands == ["2022 target 5.5%左右", "2023 target 5–5.5%"]  # 左右 ±10% and a range; 以上 is a bound
    marks = [e.text for e in root.iter(f"{NS}text") if e.text in ("✓", "✗")]
    assert marks == ["✓", "✗", "✓"]
    assert timeline_svg(rows, title="national gdp.growth") == svg  # deterministic
    # the missed result lies below its band: larger y is lower on the page
    y = {c.find(f"{NS}title").text[:4]: float(c.get("cy")) for c in circles}
    assert y["2022"] > y["2023"] > y["2021"]


def test_empty_charts_say_so():
    assert "no target or result to plot" in timeline_svg([])
    assert "no target to plot" in escalation_svg([])
    assert "no target with a figure" in delivery_svg([])


def test_delivery_chart_for_the_compare_report():
    checks = [
        R(target=R(value=6, value_high=6.5, unit="%", qualifier=None), result=R(value=6.1, value_high=None, unit="%"),
          status="met", indicator="国内生产总值"),
        R(target=R(value=1100, value_high=None, unit="万人", qualifier="以上"),
          result=R(value=1352, value_high=None, unit="万人"), status="exceeded", indicator="城镇新增就业"),
        R(target=R(value=None, value_high=None, unit=None, qualifier=None), result=None, status="not comparable",
          indicator="no figure"),
    ]  # fmt: skip
    root = parse(delivery_svg(checks, title="national 2019 → 2020"))
    texts = [e.text for e in root.iter(f"{NS}text")]
    assert "国内生产总值" in texts and "城镇新增就业" in texts and "no figure" not in texts
    assert "6–6.5% → 6.1% met" in texts and "1100万人以上 → 1352万人 exceeded" in texts


def test_nice_ticks():
    assert nice_ticks(0, 10) == [0, 2, 4, 6, 8, 10]
    assert nice_ticks(2.7, 8.1)[0] <= 2.7 and nice_ticks(2.7, 8.1)[-1] >= 8.1


def test_timeline_plot_from_the_cli(tmp_path):
    svg = tmp_path / "gdp.svg"
    args = ["--corpus", str(SHARED_CORPORA), "timeline", "gdp.growth", "-r", "national", "--years", "2019-2024"]
    result = CliRunner().invoke(cli, [*args, "--plot", str(svg)])
    assert result.exit_code == 0, result.stderr
    root = parse(svg.read_text(encoding="utf-8"))
    tips = [e.find(f"{NS}title").text for e in root.iter(f"{NS}circle") if e.find(f"{NS}title") is not None]
    assert "2019 result 6.1% (met)" in tips and "2022 result 3% (missed)" in tips
    again = CliRunner().invoke(cli, [*args, "--plot", str(svg)])
    assert again.exit_code == 2 and "exists" in again.stderr
    bad = CliRunner().invoke(cli, [*args, "--plot", str(tmp_path / "gdp.png")])
    assert bad.exit_code == 2 and "give a name ending in .svg" in bad.stderr


# ---------------------------------------------------------------------------
# The delivery chart inside the HTML compare report
# ---------------------------------------------------------------------------


def _svg_of(page: str) -> str:
    """The one inline SVG of the page, with the namespace XML parsing needs (HTML needs none)."""
    assert page.count("<svg") == 1 and page.count("</svg>") == 1
    start = page.index('<figure class="chart"><svg')
    svg = page[page.index("<svg", start) : page.index("</svg>") + len("</svg>")]
    assert "xmlns" not in svg and "http" not in svg  # the page names no address
    return svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)


def test_html_compare_report_embeds_the_delivery_chart(tmp_path):
    out = tmp_path / "c.html"
    result = CliRunner().invoke(
        cli,
        ["--corpus", str(SHARED_CORPORA), "compare", "2019", "2020", "-r", "national", "--format", "html",
         "--out", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.index('id="delivery"') < page.index("<svg") < page.index('id="targets"')  # in the delivery part
    assert "default-src 'none'" in page  # the page's CSP: nothing external, no script
    svg = _svg_of(page)
    root = parse(svg)  # valid XML, no script, image, link or url()
    assert "national/2019 targets against national/2020 results" in "".join(root.itertext())
    labels = [e.text for e in root.iter(f"{NS}text") if e.text and "→" in e.text]
    assert labels[:3] == ["6–6.5% → 6.1% met", "1100万人以上 → 1352万人 exceeded", "5.5%左右 → 5.3% met"]
    dots = [
        (e.find(f"{NS}title").text, e.get("fill")) for e in root.iter(f"{NS}circle") if e.find(f"{NS}title") is not None
    ]
    assert dots[0] == ("result 6.1% (met)", "#2e7d32")
    assert ("result 1352万人 (exceeded)", "#1565c0") in dots


def test_html_delivery_chart_escapes_report_text():
    from policydiff.compare import compare
    from policydiff.corpus import Corpus
    from policydiff.render.compare_html import render_html

    corpus = Corpus([SHARED_CORPORA], use_env=False)
    cmp = compare(corpus.get(2019, "national"), corpus.get(2020, "national"))
    cmp.delivery[0].indicator = '<script>alert("x")</script>&'
    page = render_html(cmp)
    svg = _svg_of(page)
    assert "<script" not in page and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;" in svg
    assert '<script>alert("x")</script>&' in "".join(parse(svg).itertext())
