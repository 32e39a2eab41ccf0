"""Multi-region graphs: region nodes, ``part_of`` up the region tree, ``in_region`` links (real reports)."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from policydiff.cli import cli
from policydiff.corpus import Corpus
from policydiff.graph import build_graph, graph_summary
from policydiff.regions import RegionTable

from .conftest import SHARED_CORPORA

SHARED = ["--corpus", str(SHARED_CORPORA)]


def run(*args):
    result = CliRunner().invoke(cli, [*SHARED, *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def three(tmp_path_factory):
    """national, hubei and anhui 2025 written in the three formats."""
    d = tmp_path_factory.mktemp("three")
    stdouts = {}
    for suffix in ("graphml", "gexf", "json"):
        out = d / f"g.{suffix}"
        code, stdout, stderr = run(
            "graph", "-r", "national", "-r", "hubei", "-r", "anhui", "--years", "2025", "--out", str(out)
        )
        assert code == 0, stderr
        stdouts[suffix] = stdout
    return d, stdouts


def _node_link(path):
    return nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")


def test_region_nodes_and_part_of_edges(three):
    d, stdouts = three
    g = _node_link(d / "g.json")
    regions = {n: a for n, a in g.nodes(data=True) if a["type"] == "region"}
    assert sorted(regions) == ["region:anhui", "region:hubei", "region:national"]
    hubei = regions["region:hubei"]
    assert (hubei["name_zh"], hubei["level"], hubei["parent"], hubei["reports"], hubei["years"]) == (
        "湖北省",
        "province",
        "national",
        1,
        [2025],
    )
    assert regions["region:national"]["label"] == "中华人民共和国" and regions["region:national"]["parent"] is None
    part_of = sorted((u, v) for u, v, a in g.edges(data=True) if a["relation"] == "part_of")
    assert part_of == [("region:anhui", "region:national"), ("region:hubei", "region:national")]
    assert "anhui, hubei, national 2025: 3 reports" in stdouts["json"]
    assert "region              3" in stdouts["json"] and "part_of             2" in stdouts["json"]


def test_observations_and_reports_are_in_their_region(three):
    d, _ = three
    g = _node_link(d / "g.json")
    gdp = [
        n
        for n, a in g.nodes(data=True)
        if a["type"] == "observation" and a["region"] == "hubei" and a["metric"] == "gdp.growth" and a["headline"]
    ]
    assert [(g.nodes[n]["value"], g.nodes[n]["qualifier"]) for n in gdp] == [(6, "左右")]  # 地区生产总值增长6%左右
    assert ("region:hubei" in g.successors(gdp[0])) and g.edges[gdp[0], "region:hubei"]["relation"] == "in_region"
    assert g.edges["report:hubei/2025", "region:hubei"]["relation"] == "in_region"
    for n, a in g.nodes(data=True):  # every observation and report links to exactly its own region
        if a["type"] in ("observation", "report"):
            targets = [v for v in g.successors(n) if g.nodes[v]["type"] == "region"]
            assert targets == [f"region:{a['region']}"], n
    per_region = {
        r: sum(1 for _, a in g.nodes(data=True) if a["type"] == "observation" and a["region"] == r)
        for r in ("national", "hubei", "anhui")
    }
    assert {r: g.nodes[f"region:{r}"]["observations"] for r in per_region} == per_region
    assert all(per_region.values())


def test_graphml_and_gexf_read_back_with_the_same_regions(three):
    d, _ = three
    reference = _node_link(d / "g.json")
    for suffix, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        g = reader(d / f"g.{suffix}")
        assert g.number_of_nodes() == reference.number_of_nodes(), suffix
        assert g.number_of_edges() == reference.number_of_edges(), suffix
        hubei = g.nodes["region:hubei"]
        assert (hubei["type"], hubei["name_zh"], hubei["level"], hubei["parent"]) == (
            "region",
            "湖北省",
            "province",
            "national",
        )
        assert g.nodes["region:national"]["parent"] == ""  # None is the empty string in these formats
        assert g.edges["region:hubei", "region:national"]["relation"] == "part_of"


def test_level_selects_every_province_and_adds_the_national_ancestor(tmp_path):
    out = tmp_path / "p.json"
    code, stdout, stderr = run("graph", "--level", "province", "--years", "2025", "--out", str(out))
    assert code == 0, stderr
    g = _node_link(out)
    provinces = [n for n, a in g.nodes(data=True) if a["type"] == "region" and a["level"] == "province"]
    assert len(provinces) == 28  # the provinces with a 2025 report in the shared corpus
    national = g.nodes["region:national"]
    assert (national["reports"], national["observations"], national["years"]) == (0, 0, [2025])
    assert {v for u, v, a in g.edges(data=True) if a["relation"] == "part_of"} == {"region:national"}
    assert sum(1 for _, _, a in g.edges(data=True) if a["relation"] == "part_of") == 28
    assert not any(a["type"] == "report" and a["region"] == "national" for _, a in g.nodes(data=True))
    assert "28 reports" in stdout


def test_a_single_region_graph_has_no_region_nodes():
    corpus = Corpus([SHARED_CORPORA], use_env=False)
    g = build_graph([corpus.get(2025, "national")], workers=1)
    assert not any(a["type"] == "region" for _, a in g.nodes(data=True))
    assert "region" not in graph_summary(g)["nodes"] and "part_of" not in graph_summary(g)["edges"]
    with_table = build_graph([corpus.get(2025, "national")], workers=1, regions=RegionTable.bundled())
    assert graph_summary(with_table)["nodes"]["region"] == 1 and graph_summary(with_table)["edges"]["part_of"] == 0


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("-r", "national", "-r", "atlantis", "--years", "2025"), "unknown region 'atlantis'"),
        (("--level", "galaxy", "--years", "2025"), "no region of level 'galaxy'"),
        (("2025", "-r", "national", "-r", "hubei"), "one -r region"),
        (("-r", "national", "-r", "hubei", "--years", "1990"), "no national report for 1990"),
    ],
)
def test_multi_region_errors_are_one_line(tmp_path, args, needle):
    out = tmp_path / "x.json"
    code, _, stderr = run("graph", *args, "--out", str(out))
    assert code == 2, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("policydiff: error: ") and needle in lines[0], stderr
    assert not out.exists()
