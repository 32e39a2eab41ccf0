"""``policydiff graph``, ``timeline`` and ``themes`` through the CLI, on the real reports."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter

import networkx as nx
from click.testing import CliRunner

from policydiff.cli import cli
from policydiff.graph import SERIES_FIELDS

from .conftest import SHARED_CORPORA

SHARED = ["--corpus", str(SHARED_CORPORA)]


def run(*args):
    result = CliRunner().invoke(cli, [*SHARED, *args])
    return result.exit_code, result.stdout, result.stderr


def assert_one_line_error(code, err, *needles):
    assert code == 2, (code, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("policydiff: error: "), err
    for n in needles:
        assert n in lines[0], lines[0]


# ---------------------------------------------------------------------------
# graph
# ---------------------------------------------------------------------------


def test_graph_writes_the_file_and_summarises(tmp_path):
    out = tmp_path / "n.gexf"
    code, stdout, stderr = run("graph", "-r", "national", "--years", "2019-2021", "--out", str(out))
    assert code == 0, stderr
    assert "Reading 3 reports" in stderr  # the progress bar's label, on stderr
    assert f"wrote {out} (GEXF)" in stderr
    g = nx.read_gexf(out)
    assert f"national 2019-2021: 3 reports, {g.number_of_nodes()} nodes, {g.number_of_edges()} edges" in stdout
    counts = {
        line.split()[1]: int(line.split()[2]) for line in stdout.splitlines() if line.startswith(("node ", "edge "))
    }
    assert counts["report"] == 3 and counts["theme"] > 0 and counts["delivered_by"] > 0
    assert counts["observation"] == sum(1 for _, d in g.nodes(data=True) if d["type"] == "observation")
    # the delivery line counts the statuses of the graph's delivered_by edges (met 5, exceeded 5, ...)
    statuses = Counter(d["status"] for _, _, d in g.edges(data=True) if d["relation"] == "delivered_by")
    line = next(x for x in stdout.splitlines() if x.startswith("delivery: "))
    shown = {s: int(n) for s, n in (part.rsplit(" ", 1) for part in line.removeprefix("delivery: ").split(", "))}
    assert shown == dict(statuses) and shown["met"] > 0


def test_graph_refuses_to_overwrite_without_force(tmp_path):
    out = tmp_path / "n.json"
    out.write_text("mine", encoding="utf-8")
    code, _, stderr = run("graph", "-r", "national", "--years", "2020", "--out", str(out))
    assert_one_line_error(code, stderr, "exists", "--force")
    assert out.read_text(encoding="utf-8") == "mine"
    code, _, stderr = run("graph", "-r", "national", "--years", "2020", "--out", str(out), "--force")
    assert code == 0, stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["graph"]["reports"] == ["national/2020"]


def test_graph_bad_input_is_one_line(tmp_path):
    code, _, err = run("graph", "-r", "national", "--out", str(tmp_path / "g.xml"))
    assert_one_line_error(code, err, ".graphml", ".gexf", ".json")
    code, _, err = run("graph", "-r", "national", "--years", "20x0", "--out", str(tmp_path / "g.json"))
    assert_one_line_error(code, err, "--years")
    code, _, err = run("graph", "-r", "national", "--years", "2025-2010", "--out", str(tmp_path / "g.json"))
    assert_one_line_error(code, err, "backwards")
    code, _, err = run("graph", "-r", "atlantis", "--out", str(tmp_path / "g.json"))
    assert_one_line_error(code, err, "unknown region")
    code, _, err = run("graph", "-r", "hailar", "--years", "2000-2005", "--out", str(tmp_path / "g.json"))
    assert_one_line_error(code, err, "no hailar report")
    code, _, err = run("graph", "--out", str(tmp_path / "g.json"))
    assert_one_line_error(code, err, "several regions")
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------------------
# timeline
# ---------------------------------------------------------------------------


def test_timeline_gdp_growth_table():
    code, out, err = run("timeline", "gdp.growth", "-r", "national", "--years", "2019-2020", "--workers", "1")
    assert code == 0, err
    assert "gdp.growth" in err
    rows = {line.split()[0]: line for line in out.splitlines() if line.strip()[:4].isdigit()}
    assert set(rows) == {"2019", "2020"}
    # 2019: 6%－6.5% -> 6.1% in the 2020 report; 2020: no target -> 2.3% in the 2021 report
    assert "6-6.5%" in rows["2019"] and "6.1%" in rows["2019"] and "met" in rows["2019"]
    assert "(none set)" in rows["2020"] and "2.3%" in rows["2020"] and "2021" in rows["2020"]


def test_timeline_jobs_json_has_quotes():
    code, out, err = run("timeline", "城镇新增就业", "-r", "national", "--years", "2023", "--format", "json")
    assert code == 0, err
    (row,) = json.loads(out)
    assert list(row) == list(SERIES_FIELDS)
    assert (row["year"], row["target_value"], row["qualifier"], row["target_unit"]) == (2023, 1200, "左右", "万人")
    assert "城镇新增就业1200万人左右" in row["target_quote"]
    assert (row["result_value"], row["result_report"]) == (1244, "national/2024")
    assert "城镇新增就业1244万人" in row["result_quote"]
    assert row["status"] == "met"


def test_timeline_csv_and_latex_and_hailar_wording():
    code, out, err = run("timeline", "地区生产总值增长", "-r", "hailar", "--years", "2012-2013", "--format", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["year"] for r in rows] == ["2012", "2013"]
    # 2012: 同比增长21% -> 2013: 同比增长18.5%; 2013: 地区生产总值增长20% -> 2014: 同比增长10.1%
    assert (rows[0]["target_value"], rows[0]["result_value"], rows[0]["status"]) == ("21", "18.5", "missed")
    assert (rows[1]["target_value"], rows[1]["result_value"]) == ("20", "10.1")
    code, out, _ = run("timeline", "gdp.growth", "-r", "hailar", "--years", "2018", "--format", "latex")
    assert code == 0 and "\\toprule" in out and "左右" in out


def test_timeline_unknown_metric_and_out_file(tmp_path):
    code, _, err = run("timeline", "火星移民人数", "-r", "national", "--years", "2020")
    assert_one_line_error(code, err, "no metric")
    out = tmp_path / "t.md"
    code, _, err = run(
        "timeline", "gdp.growth", "-r", "national", "--years", "2024", "--format", "markdown", "--out", str(out)
    )
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert text.startswith("|") and "| 2024 |" in text.replace("  ", " ").replace("  ", " ")


# ---------------------------------------------------------------------------
# themes
# ---------------------------------------------------------------------------


def test_themes_profile_of_one_report():
    code, out, err = run("themes", "2019", "-r", "national")
    assert code == 0, err
    assert err.startswith("national/2019: ") and "sentences" in err
    employment = next(line for line in out.splitlines() if line.startswith("employment"))
    assert "就业" in employment and "%" in employment
    code, out, _ = run("themes", "2019", "-r", "national", "--format", "json")
    data = json.loads(out)
    assert data["report"] == "national/2019" and len(data["themes"]) >= 20
    assert all(0 <= t["share"] <= 1 for t in data["themes"])


def test_themes_change_between_two_years():
    code, out, err = run("themes", "2019", "2025", "-r", "national", "--format", "csv")
    assert code == 0, err
    rows = {r["theme"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["poverty"]["report_a"] == "national/2019" and float(rows["poverty"]["change_pp"]) < 0


def test_themes_of_a_file_and_the_bundled_default():
    path = SHARED_CORPORA / "hailar" / "2016.txt"
    code, out, err = run("themes", str(path), "--format", "markdown")
    assert code == 0, err
    assert out.startswith("|")
    assert "environment & ecology" in out
    result = CliRunner().invoke(cli, ["themes"])  # only the bundled dongsheng 2020
    assert result.exit_code == 0 and result.stderr.startswith("dongsheng/2020")


def test_graph_of_given_files_and_years(tmp_path):
    files = [str(SHARED_CORPORA / "national" / f"{y}.txt") for y in (2019, 2020)]
    out = tmp_path / "files.json"
    code, stdout, err = run("graph", *files, "--out", str(out), "--workers", "1")
    assert code == 0, err
    assert stdout.startswith("national 2019-2020: 2 reports")
    g = nx.node_link_graph(json.loads(out.read_text(encoding="utf-8")), edges="edges")
    # 2019: 城镇新增就业1100万人以上 -> 2020: 城镇新增就业1352万人, linked across the two files
    links = [
        (g.nodes[u]["value"], g.nodes[v]["value"], d["status"])
        for u, v, d in g.edges(data=True)
        if d["relation"] == "delivered_by" and g.nodes[u]["metric"] == "urban_new_jobs"
    ]
    assert links == [(1100, 1352, "exceeded")]
    code, stdout, err = run("graph", "2019", "2020", "-r", "national", "--out", str(tmp_path / "years.graphml"))
    assert code == 0 and stdout.startswith("national 2019-2020: 2 reports"), err
    code, _, err = run("graph", "2019", "--years", "2019", "-r", "national", "--out", str(tmp_path / "x.json"))
    assert_one_line_error(code, err, "not both")
