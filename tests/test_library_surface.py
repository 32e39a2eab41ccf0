"""The library surface: ``from policydiff import …``, lazy loading, callable modules, timeline(), metrics,
Comparison.to_dict(), load() without corpus=."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types

import pytest
from click.testing import CliRunner

import policydiff
from policydiff.cli import cli
from policydiff.errors import NotFoundError
from policydiff.graph import SERIES_FIELDS

from .conftest import ROOT, SHARED_CORPORA


def _python(code: str, **env: str) -> str:
    """Run ``code`` in a fresh interpreter (nothing of policydiff imported yet); its standard output."""
    environ = {k: v for k, v in os.environ.items() if k != "POLICYDIFF_CORPUS"} | env
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=environ, timeout=600
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_import_policydiff_loads_no_other_module():
    out = _python("import sys, policydiff; print(sorted(m for m in sys.modules if m.startswith('policydiff')))")
    assert out.strip() == "['policydiff']"


def test_the_surface_names():
    from policydiff import Comparison, Record, build_graph, compare, extract, metrics, panel, timeline

    assert Record.__module__ == "policydiff.model" and Comparison.__module__ == "policydiff.compare"
    assert (build_graph.__module__, timeline.__module__) == ("policydiff.graph", "policydiff.series")
    for module in (compare, extract, metrics, panel):
        assert isinstance(module, types.ModuleType) and callable(module)
    assert compare.Comparison is Comparison and extract.Record is Record and panel.Panel is policydiff.Panel
    assert metrics.metric_key("地区生产总值", "growth") == "gdp.growth"
    assert set(policydiff.__all__) >= {"extract", "compare", "timeline", "build_graph", "panel", "metrics", "Record"}


@pytest.mark.parametrize(
    "first", ["import policydiff.compare, policydiff.extract", "from policydiff.compare import compare as f"]
)
def test_callable_modules_whatever_was_imported_first(first):
    code = (
        f"{first}\nimport policydiff\n"
        "r = policydiff.load(2020)\n"
        "c = policydiff.compare(None, r, year_a=2019)\n"
        "print(len(policydiff.extract(r)), type(c).__name__, c.b.key, len(policydiff.metrics('城镇新增就业')))"
    )
    assert _python(code).split() == ["90", "Comparison", "dongsheng/2020", "1"]


def test_metrics_function_and_command():
    every = policydiff.metrics()
    assert every[0].key == "gdp" and "国内生产总值" in every[0].aliases
    result = CliRunner().invoke(cli, ["metrics", "--format", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [r["key"] for r in rows] == [m.key for m in every]
    assert rows[0]["keys"] == ["gdp", "gdp.growth", "gdp.change"] and rows[0]["aliases"] == list(every[0].aliases)
    table = CliRunner().invoke(cli, ["metrics", "城镇新增就业"]).stdout
    assert table.splitlines()[2].split()[:2] == ["urban_new_jobs", "城镇新增就业"] and len(table.splitlines()) == 3
    missing = CliRunner().invoke(cli, ["metrics", "无此指标"])
    assert missing.exit_code == 2 and "no metric matches '无此指标'" in missing.stderr


def test_timeline_gives_the_rows_of_the_timeline_command():
    rows = policydiff.timeline("gdp.growth", "national", years=range(2018, 2021), corpus=SHARED_CORPORA)
    assert [(r["year"], r["target_value"], r["result_value"], r["status"]) for r in rows] == [
        (2018, 6.5, 6.6, "met"),
        (2019, 6, 6.1, "met"),
        (2020, None, 2.3, "not comparable"),
    ]
    assert all(list(r) == list(SERIES_FIELDS) for r in rows)
    args = ["--corpus", str(SHARED_CORPORA), "timeline", "国内生产总值增长", "-r", "national", "--years", "2018-2020"]
    result = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == json.loads(json.dumps(rows))


def test_timeline_needs_a_region_when_the_corpus_has_several():
    with pytest.raises(policydiff.AmbiguousError, match="choose one with region="):
        policydiff.timeline("gdp.growth", corpus=SHARED_CORPORA)


def test_comparison_to_dict_is_the_json_output(national):
    from policydiff.render.compare_text import render

    c = policydiff.compare(national(2019), national(2020))
    doc = c.to_dict()
    assert doc["schema"] == "policydiff.compare/1" and (doc["a"]["key"], doc["b"]["key"]) == (
        "national/2019",
        "national/2020",
    )
    assert json.loads(render(c, "json")) == json.loads(json.dumps(doc, ensure_ascii=False))
    gdp = next(d for d in doc["delivery"] if d["metric"] == "gdp.growth")
    assert (gdp["target"]["value"], gdp["result"]["value"], gdp["status"]) == (6, 6.1, "met")
    assert set(c.to_dict("delivery")) == {"schema", "tool", "a", "b", "notes", "summary", "carryover", "delivery"}


def test_load_without_corpus_uses_the_environment(monkeypatch):
    monkeypatch.setenv("POLICYDIFF_CORPUS", str(SHARED_CORPORA))
    r = policydiff.load(2019, region="national")
    assert (r.key, r.meta.date) == ("national/2019", "2019-03-05")
    monkeypatch.delenv("POLICYDIFF_CORPUS")
    assert policydiff.load(2019, region="national", corpus=SHARED_CORPORA).key == "national/2019"
    with pytest.raises(NotFoundError) as info:
        policydiff.load(2019, region="national")
    message = str(info.value)
    assert "unknown region 'national'" in message and "Corpus([folder])" in message and "--corpus" not in message
    assert info.value.cli_text().endswith("add its folder with --corpus DIR")
