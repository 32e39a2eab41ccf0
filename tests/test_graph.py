"""The theme–metric graph over the real national (2010–2025) and Hailar (2012–2019) reports.

Every figure asserted here was read in the report text (grep), not taken from the program.
The national graph is built once for the module.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from types import SimpleNamespace

import networkx as nx
import pytest

from policydiff.delivery import judge
from policydiff.errors import PolicydiffError
from policydiff.graph import (
    NODE_TYPES,
    REGION_ONLY,
    RELATIONS,
    SCHEMA,
    build_graph,
    graph_bytes,
    graph_summary,
    metric_series,
    resolve_metric,
    write_graph,
)


@pytest.fixture(scope="module")
def ngraph(corpus):
    return build_graph(corpus.reports("national", range(2010, 2026)))


@pytest.fixture(scope="module")
def hgraph(corpus):
    return build_graph(corpus.reports("hailar"), workers=1)


def _series(graph, metric):
    return {row["year"]: row for row in metric_series(graph, metric)}


# ---------------------------------------------------------------------------
# Structure
# ---------------------------------------------------------------------------


def test_every_node_and_edge_type_is_present_and_well_linked(ngraph):
    summary = graph_summary(ngraph)
    # one region without a region table: the region node type and its relations are not listed
    assert set(summary["nodes"]) == set(NODE_TYPES) - REGION_ONLY and all(summary["nodes"].values())
    assert set(summary["edges"]) == set(RELATIONS) - REGION_ONLY and all(summary["edges"].values())
    assert summary["nodes"]["report"] == 16
    assert ngraph.graph["schema"] == SCHEMA and ngraph.graph["years"] == list(range(2010, 2026))
    for n, d in ngraph.nodes(data=True):
        assert isinstance(d["start"], int) and d["start"] <= d["end"], n
        if d["type"] == "observation":
            rels = sorted(ngraph.edges[n, v]["relation"] for v in ngraph.successors(n))
            assert rels.count("reported_in") == 1
            assert [ngraph.edges[u, n]["relation"] for u in ngraph.predecessors(n) if u.startswith("metric:")] == [
                "observed_as"
            ]
    assert ngraph.nodes["report:national/2019"]["sha256"] == (
        "95615668d3f198267ddf3981d36112c5ffdcdae0d7adfc42cf5ec8911c43b0e1"  # MANIFEST.tsv
    )


def test_observation_keeps_the_record_with_quote_and_offsets(ngraph, national):
    # 2019: "国内生产总值增长6%－6.5%"
    obs = [
        d
        for _, d in ngraph.nodes(data=True)
        if d["type"] == "observation" and d["report"] == "national/2019" and d["metric"] == "gdp.growth"
    ]
    target = next(d for d in obs if d["kind"] == "target" and d["headline"])
    assert (target["value"], target["value_high"], target["unit"], target["figure_year"]) == (6, 6.5, "%", 2019)
    assert "国内生产总值增长6%－6.5%" in target["quote"]
    text = national(2019).text
    assert text[target["source_start"] : target["source_end"]].startswith("6%")
    assert target["region"] == "national" and target["report_year"] == 2019


def test_metric_nodes_and_theme_edges(ngraph):
    gdp = ngraph.nodes["metric:gdp.growth"]
    assert gdp["indicators"][0] == "国内生产总值" and gdp["units"] == ["%"]
    assert gdp["theme"] == "macroeconomy"
    assert ngraph.nodes["metric:urban_new_jobs"]["theme"] == "employment"
    assert "万人" in ngraph.nodes["metric:urban_new_jobs"]["units"]
    edge = ngraph.edges["theme:employment", "metric:urban_new_jobs"]
    assert edge["relation"] == "measured_by" and edge["years"][0] == 2010 and edge["years"][-1] == 2025
    # the weight counts the metric's observations carrying the theme
    carrying = [o for o in ngraph.successors("metric:urban_new_jobs") if "employment" in ngraph.nodes[o]["themes"]]
    assert edge["weight"] == len(carrying) >= 32  # a target and a result in each of 16 reports


# ---------------------------------------------------------------------------
# Targets, results, delivery
# ---------------------------------------------------------------------------


def test_gdp_growth_series_lists_each_years_target_and_next_reports_result(ngraph):
    s = _series(ngraph, "gdp.growth")
    for year in range(2010, 2026):
        assert s[year]["target_report"] == f"national/{year}", year  # a target (or its explicit absence) every year
    # 2019 report: 6%－6.5%; 2020 report: 增长6.1%
    assert (s[2019]["target_value"], s[2019]["target_value_high"]) == (6, 6.5)
    assert (s[2019]["result_value"], s[2019]["result_report"], s[2019]["status"]) == (6.1, "national/2020", "met")
    # 2020 report: 没有提出全年经济增速具体目标; 2021 report: 增长2.3%
    assert s[2020]["absent"] is True and s[2020]["target_value"] is None
    assert (s[2020]["result_value"], s[2020]["result_report"]) == (2.3, "national/2021")
    assert s[2020]["status"] == "not comparable"
    # 2023 report: 5%左右; 2024 report: 增长5.2%
    assert (s[2023]["target_value"], s[2023]["qualifier"]) == (5, "左右")
    assert (s[2023]["result_value"], s[2023]["result_report"], s[2023]["status"]) == (5.2, "national/2024", "met")
    # 2022 report: 5.5%左右; 2023 report: 增长3%
    assert (s[2022]["target_value"], s[2022]["result_value"], s[2022]["status"]) == (5.5, 3, "missed")
    # no 2026 report: the 2025 target waits
    assert s[2025]["target_value"] == 5 and s[2025]["status"] is None and s[2025]["result_value"] is None


def test_new_urban_jobs_series(ngraph):
    s = _series(ngraph, "urban_new_jobs")
    # 2019: 城镇新增就业1100万人以上 -> 2020: 城镇新增就业1352万人
    assert (s[2019]["target_value"], s[2019]["qualifier"], s[2019]["target_unit"]) == (1100, "以上", "万人")
    assert (s[2019]["result_value"], s[2019]["status"]) == (1352, "exceeded")
    # 2023: 城镇新增就业1200万人左右 -> 2024: 城镇新增就业1244万人
    assert (s[2023]["target_value"], s[2023]["qualifier"]) == (1200, "左右")
    assert (s[2023]["result_value"], s[2023]["result_report"], s[2023]["status"]) == (1244, "national/2024", "met")


def test_delivery_edges_are_decided_by_delivery_judge(ngraph):
    edges = [(u, v, d) for u, v, d in ngraph.edges(data=True) if d["relation"] == "delivered_by"]
    assert len(edges) >= 30
    fields = ("value", "value_high", "unit", "qualifier", "direction", "measure", "absent", "indicator", "metric")
    for u, v, d in edges:
        t, r = ngraph.nodes[u], ngraph.nodes[v]
        assert t["kind"] == "target" and r["kind"] == "result" and d["evidence"]
        assert t["figure_year"] == r["figure_year"] and r["report_year"] > t["report_year"]
        if d["link"] == "linked" and t["measure"] == r["measure"]:  # judged as compare judges it
            verdict = judge(SimpleNamespace(**{f: t[f] for f in fields}), SimpleNamespace(**{f: r[f] for f in fields}))
            assert (d["status"], d["margin"], d["note"]) == (verdict.status, verdict.margin, verdict.note)
        if d["link"] != "split":
            assert t["status"] == d["status"]
        else:
            assert d["status"] in ("met", "exceeded", "missed", "not comparable")


def test_resolve_metric_accepts_keys_and_indicator_names(ngraph):
    assert resolve_metric(ngraph, "gdp.growth") == "gdp.growth"
    assert resolve_metric(ngraph, "国内生产总值增长") == "gdp.growth"
    assert resolve_metric(ngraph, "GDP growth") == "gdp.growth"
    assert resolve_metric(ngraph, "新增城镇就业") == "urban_new_jobs"
    assert resolve_metric(ngraph, "城镇新增就业") == "urban_new_jobs"
    with pytest.raises(PolicydiffError, match="no metric"):
        resolve_metric(ngraph, "火星移民人数")


# ---------------------------------------------------------------------------
# Hailar: one metric across years and wordings
# ---------------------------------------------------------------------------


def test_hailar_gdp_links_every_report(hgraph):
    node = hgraph.nodes["metric:gdp.growth"]
    assert node["years"] == list(range(2012, 2020))  # 地区生产总值增长… in every report 2012-2019
    assert node["indicators"] == ["地区生产总值"]
    s = _series(hgraph, "gdp.growth")
    # 2012: 预期目标…地区生产总值达到240亿元，同比增长21% -> 2013: 全年地区生产总值完成235.2亿元，同比增长18.5%
    assert (s[2012]["target_value"], s[2012]["result_value"], s[2012]["status"]) == (21, 18.5, "missed")
    # 2018: 地区生产总值增长6%左右 -> 2019: 同比增长6.0%
    assert (s[2018]["target_value"], s[2018]["qualifier"], s[2018]["result_value"]) == (6, "左右", 6)
    assert s[2018]["status"] == "met"


def test_hailar_metric_links_across_changing_wording(hgraph):
    # 2012: 城镇居民人均可支配收入完成20251元; 2017: 城镇常住居民人均可支配收入完成32943元
    node = hgraph.nodes["metric:urban_disposable_income"]
    assert {"城镇居民人均可支配收入", "城镇常住居民人均可支配收入"} <= set(node["indicators"])
    values = {
        (hgraph.nodes[o]["report"], hgraph.nodes[o]["value"])
        for o in hgraph.successors("metric:urban_disposable_income")
    }
    assert {("hailar/2012", 20251), ("hailar/2017", 32943)} <= values


# ---------------------------------------------------------------------------
# Exports
# ---------------------------------------------------------------------------


def test_exports_load_back_with_networkx(ngraph, tmp_path):
    n_nodes, n_edges = ngraph.number_of_nodes(), ngraph.number_of_edges()
    gml = tmp_path / "g.graphml"
    write_graph(ngraph, gml)
    g1 = nx.read_graphml(gml)
    assert (g1.number_of_nodes(), g1.number_of_edges()) == (n_nodes, n_edges)
    m = g1.nodes["metric:gdp.growth"]
    assert json.loads(m["years"]) == ngraph.nodes["metric:gdp.growth"]["years"]  # lists as JSON
    absent = next(d for _, d in g1.nodes(data=True) if d["type"] == "observation" and d["absent"])
    assert absent["value"] == "" and absent["report"] == "national/2020"  # None as empty
    assert all(not isinstance(v, (list, dict)) for _, d in g1.nodes(data=True) for v in d.values())

    gexf = tmp_path / "g.gexf"
    write_graph(ngraph, gexf)
    g2 = nx.read_gexf(gexf)
    assert (g2.number_of_nodes(), g2.number_of_edges()) == (n_nodes, n_edges)
    head = gexf.read_text(encoding="utf-8")[:2000]
    assert 'mode="dynamic"' in head and 'timeformat="double"' in head
    obs = g2.nodes["obs:national/2019:" + _offsets(ngraph, "national/2019", "gdp.growth")]
    assert (obs["start"], obs["end"]) == (2019.0, 2019.0)
    assert "spells" in g2.nodes["metric:gdp.growth"]  # one spell per run of years
    for n in ("metric:gdp.growth", "theme:employment", "report:national/2020"):
        assert set(ngraph.nodes[n]) <= set(g2.nodes[n]), n  # every attribute under its own name
        assert set(ngraph.nodes[n]) <= set(g1.nodes[n]), n

    js = tmp_path / "g.json"
    write_graph(ngraph, js)
    g3 = nx.node_link_graph(json.loads(js.read_text(encoding="utf-8")), edges="edges")
    assert (g3.number_of_nodes(), g3.number_of_edges()) == (n_nodes, n_edges)
    assert g3.nodes["metric:gdp.growth"]["years"] == ngraph.nodes["metric:gdp.growth"]["years"]


def _offsets(graph, report, metric):
    for n, d in graph.nodes(data=True):
        if d["type"] == "observation" and d["report"] == report and d["metric"] == metric and d["kind"] == "target":
            return n.rsplit(":", 1)[1]
    raise AssertionError


def test_exports_are_deterministic_serial_or_parallel(corpus):
    reports = corpus.reports("national", range(2019, 2022))
    serial = build_graph(reports, workers=1)
    parallel = build_graph(reports, workers=2)
    for suffix in (".graphml", ".gexf", ".json"):
        data = graph_bytes(serial, suffix)
        assert data == graph_bytes(parallel, suffix), suffix
        assert data == graph_bytes(build_graph(reports, workers=1), suffix)
    assert b"lastmodifieddate" not in graph_bytes(serial, ".gexf")


def test_write_refuses_overwrite_and_leaves_nothing_on_failure(corpus, tmp_path, monkeypatch):
    graph = build_graph(corpus.reports("national", [2019, 2020]), workers=1)
    path = tmp_path / "g.graphml"
    path.write_text("keep me", encoding="utf-8")
    with pytest.raises(PolicydiffError, match="exists"):
        write_graph(graph, path)
    assert path.read_text(encoding="utf-8") == "keep me"
    with pytest.raises(PolicydiffError, match="unknown graph format"):
        write_graph(graph, tmp_path / "g.xml")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(PolicydiffError, match="No space left"):
        write_graph(graph, tmp_path / "new.gexf")
    with pytest.raises(PolicydiffError, match="No space left"):
        write_graph(graph, path, force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.graphml"]  # no partial file, no temp file
    assert path.read_text(encoding="utf-8") == "keep me"


def test_the_same_report_twice_is_refused(corpus):
    r = corpus.get(2019, "national")
    with pytest.raises(PolicydiffError, match="twice"):
        build_graph([r, r], workers=1)


def test_empty_graph_exports(tmp_path):
    graph = build_graph([], workers=1)
    assert graph.number_of_nodes() == 0
    for suffix in (".graphml", ".gexf", ".json"):
        write_graph(graph, Path(tmp_path) / f"e{suffix}")
    # each file reads back as an empty graph that still says what it is
    doc = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    assert (doc["nodes"], doc["edges"], doc["graph"]["schema"], doc["graph"]["reports"]) == ([], [], SCHEMA, [])
    graphml = nx.read_graphml(tmp_path / "e.graphml")
    assert (graphml.number_of_nodes(), graphml.number_of_edges(), graphml.graph["schema"]) == (0, 0, SCHEMA)
    gexf = nx.read_gexf(tmp_path / "e.gexf")
    assert (gexf.number_of_nodes(), gexf.number_of_edges(), gexf.is_directed()) == (0, 0, True)
