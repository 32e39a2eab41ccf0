"""Reading a metric out of the graph: metric keys, resolving a name to a key, and the per-year series.

:func:`metric_series` gives the rows of ``policydiff timeline`` (keys :data:`SERIES_FIELDS`);
:func:`policydiff.series.timeline` shares :func:`resolve_metric` and :func:`metric_series` with it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

from ..errors import PolicydiffError
from ..metrics import metric_base


def metrics_of(graph: nx.DiGraph) -> list[str]:
    """The metric keys in the graph, sorted."""
    return sorted(d["metric"] for _, d in graph.nodes(data=True) if d.get("type") == "metric")


_GROWTH_WORDS = ("增长率", "增长速度", "增长", "增速", "增幅", "涨幅", "上涨", "growth")


def resolve_metric(graph: nx.DiGraph, name: str) -> str:
    """The metric key for ``name``: a key of the graph (``gdp.growth``) or a common indicator name
    (国内生产总值增长, 城镇新增就业, GDP growth) normalised as the extractor does.

    >>> g = nx.DiGraph()
    >>> g.add_node("metric:gdp.growth", type="metric", metric="gdp.growth", label="GDP growth")
    >>> g.add_node("metric:gdp", type="metric", metric="gdp", label="GDP")
    >>> resolve_metric(g, "gdp.growth"), resolve_metric(g, "国内生产总值增长"), resolve_metric(g, "地区生产总值")
    ('gdp.growth', 'gdp.growth', 'gdp')
    """
    keys = metrics_of(graph)
    text = name.strip()
    if text in keys:
        return text
    dotted = ".".join(text.lower().split())
    if dotted in keys:
        return dotted
    growth = any(w in text.lower() for w in _GROWTH_WORDS)
    stem = text
    for w in _GROWTH_WORDS:
        if stem.lower().endswith(w):
            stem = stem[: -len(w)].strip()
            break
    base = metric_base(stem) if stem else None
    if base is not None:
        family = [k for k in keys if k == base or k.startswith(base + ".")]
        wanted = f"{base}.growth" if growth else base
        if wanted in family:
            return wanted
        if len(family) == 1:
            return family[0]
        if family:
            raise PolicydiffError(f"{name!r} is ambiguous: {', '.join(family)}")
    near = [k for k in keys if text.lower() in k.lower() or text in str(graph.nodes[f"metric:{k}"].get("label", ""))]
    hint = f"; did you mean {', '.join(near[:8])}?" if near else " (list them with policydiff graph --out FILE.json)"
    raise PolicydiffError(f"no metric {name!r} in these reports{hint}")


SERIES_FIELDS = (
    "region",
    "year",
    "metric",
    "target_value",
    "target_value_high",
    "target_unit",
    "qualifier",
    "modality",
    "headline",
    "absent",
    "target_report",
    "target_quote",
    "result_value",
    "result_value_high",
    "result_unit",
    "result_qualifier",
    "result_report",
    "result_quote",
    "status",
    "margin",
    "note",
)


def metric_series(graph: nx.DiGraph, metric: str, *, region: str | None = None) -> list[dict[str, Any]]:
    """Per region and figure year: the year's target and its result, as flat dicts (one per row,
    keys :data:`SERIES_FIELDS`), ready for ``pandas.DataFrame(rows)``.

    The year's target is the single-year target stated in that year's report (its headline
    statement first); multi-year targets (a five-year plan's) are left out. The result is the one
    the graph links to it (``delivered_by``); for a year without a target, the first later
    report's single-year result. ``status`` is ``None`` when the graph holds no later report.
    """
    mid = f"metric:{metric}"
    if mid not in graph:
        raise PolicydiffError(f"no metric {metric!r} in the graph")
    obs = [o for o in graph.successors(mid) if graph.nodes[o].get("type") == "observation"]
    if region is not None:
        obs = [o for o in obs if graph.nodes[o]["region"] == region]
    groups: dict[tuple[str, int], list[str]] = defaultdict(list)
    for o in obs:
        d = graph.nodes[o]
        if d["figure_year"] is not None and not d["period"]:
            groups[(d["region"], d["figure_year"])].append(o)
    rows = []
    for (reg, year), members in sorted(groups.items()):
        targets = [o for o in members if graph.nodes[o]["kind"] == "target"]
        targets.sort(
            key=lambda o: (
                graph.nodes[o]["report_year"] != year,
                not graph.nodes[o]["headline"],
                graph.nodes[o]["report_year"],
                graph.nodes[o]["source_start"],
            )
        )
        target = targets[0] if targets else None
        result = None
        edge: dict[str, Any] = {}
        if target is not None:
            for succ in graph.successors(target):
                e = graph.edges[target, succ]
                if e.get("relation") == "delivered_by":
                    result, edge = succ, e
        else:
            results = [
                o for o in members if graph.nodes[o]["kind"] == "result" and graph.nodes[o]["report_year"] > year
            ]
            results.sort(
                key=lambda o: (
                    graph.nodes[o]["report_year"],
                    graph.nodes[o]["qualifier"] is not None,
                    graph.nodes[o]["source_start"],
                )
            )
            result = results[0] if results else None
        if target is None and result is None:
            continue
        t = graph.nodes[target] if target else {}
        r = graph.nodes[result] if result else {}
        rows.append(
            {
                "region": reg,
                "year": year,
                "metric": metric,
                "target_value": t.get("value"),
                "target_value_high": t.get("value_high"),
                "target_unit": t.get("unit"),
                "qualifier": t.get("qualifier"),
                "modality": t.get("modality"),
                "headline": t.get("headline"),
                "absent": t.get("absent"),
                "target_report": t.get("report"),
                "target_quote": t.get("quote"),
                "result_value": r.get("value"),
                "result_value_high": r.get("value_high"),
                "result_unit": r.get("unit"),
                "result_qualifier": r.get("qualifier"),
                "result_report": r.get("report"),
                "result_quote": r.get("quote"),
                "status": t.get("status") if target else None,
                "margin": t.get("margin") if target else None,
                "note": (t.get("status_note") if target else "no target for this year") or edge.get("note"),
            }
        )
    return rows
