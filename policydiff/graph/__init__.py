"""The theme–metric graph over time: themes, metrics, observations and reports as one networkx graph.

Nodes (attribute ``type``):

- ``theme:<id>``: a theme of the taxonomy (:mod:`policydiff.themes`);
- ``metric:<key>``: a canonical metric of the extractor (``gdp.growth``), with its display
  name, the indicators and units seen;
- ``obs:<region>/<year>:<start>-<end>``: one extracted record (a target or a result) with its
  values, qualifier, modality, quote and source offsets;
- ``report:<region>/<year>``: a report (region, year, sha256);
- ``region:<key>`` (when built with a region table, as for several regions): a region with its
  Chinese name, level and parent, and every ancestor up to the top.

Edges (attribute ``relation``): theme → metric ``measured_by`` (weight = observations, years);
metric → observation ``observed_as``; observation → report ``reported_in``; target observation →
result observation ``delivered_by`` with the status decided by :func:`policydiff.delivery.judge`
(the same rules as ``policydiff compare``); with regions, region → parent region ``part_of`` and
observation → region and report → region ``in_region``. docs/graph.md lists every attribute (schema
:data:`SCHEMA`).

Every node and edge carries ``start``/``end`` years so Gephi can play the GEXF export over
time. Exports (:func:`write_graph`) are deterministic: nodes and edges sorted, no timestamps.

>>> from policydiff.report import parse_report
>>> a = parse_report("一、2019年重点工作\\n主要预期目标是：城镇新增就业1100万人以上。", region="demo", year=2019)
>>> b = parse_report("一、2019年工作回顾\\n城镇新增就业1352万人。", region="demo", year=2020)
>>> g = build_graph([a, b], workers=1)
>>> graph_summary(g)["nodes"]
{'theme': 1, 'metric': 1, 'observation': 2, 'report': 2}
>>> [(r["year"], r["target_value"], r["result_value"], r["status"]) for r in metric_series(g, "urban_new_jobs")]
[(2019, 1100, 1352, 'exceeded')]
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable

import networkx as nx

from ..regions import RegionTable
from ..report import Report
from .analysis import PARALLEL_MIN_REPORTS, ReportAnalysis, analyse_report, choose_workers, iter_analyses
from .build import NODE_TYPES, REGION_ONLY, RELATIONS, SCHEMA, graph_from_analyses, graph_summary
from .export import (
    EXPORT_SUFFIXES,
    OPTIONAL_NUMBERS,
    gexf_bytes,
    graph_bytes,
    graphml_bytes,
    node_link_bytes,
    scalar_graph,
    write_graph,
    xml_text,
)
from .series import SERIES_FIELDS, metric_series, metrics_of, resolve_metric

__all__ = [
    "EXPORT_SUFFIXES",
    "NODE_TYPES",
    "OPTIONAL_NUMBERS",
    "PARALLEL_MIN_REPORTS",
    "REGION_ONLY",
    "RELATIONS",
    "SCHEMA",
    "SERIES_FIELDS",
    "ReportAnalysis",
    "analyse_report",
    "build_graph",
    "choose_workers",
    "gexf_bytes",
    "graph_bytes",
    "graph_from_analyses",
    "graph_summary",
    "graphml_bytes",
    "iter_analyses",
    "metric_series",
    "metrics_of",
    "node_link_bytes",
    "resolve_metric",
    "scalar_graph",
    "write_graph",
    "xml_text",
]


def build_graph(
    reports: Iterable[Report],
    *,
    workers: int | None = None,
    progress: Callable[[ReportAnalysis], None] | None = None,
    regions: RegionTable | None = None,
) -> nx.DiGraph:
    """The theme–metric graph of ``reports`` (any regions and years).

    ``workers``: processes for the per-report extraction (None: decide by the number of
    reports, 1: none). ``progress`` is called once per report as it is done. ``regions``: a
    :class:`policydiff.regions.RegionTable` to add region nodes (the reports' regions and their
    ancestors, ``part_of`` their parent) with observations and reports ``in_region``.
    """
    analyses = []
    with contextlib.closing(iter_analyses(reports, workers=workers)) as running:  # Ctrl-C stops the workers
        for analysis in running:
            analyses.append(analysis)
            if progress is not None:
                progress(analysis)
    return graph_from_analyses(analyses, regions=regions)
