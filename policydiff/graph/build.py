"""Graph assembly: the theme–metric graph from analysed reports, in small steps.

:func:`graph_from_analyses` adds, in turn, report and observation nodes (:func:`_add_reports`),
metric nodes (:func:`_add_metrics`), theme nodes with their ``measured_by`` edges
(:func:`_add_themes`), ``delivered_by`` links (:func:`_link_deliveries`), region nodes when a
region table is given (:func:`_add_regions`), and sorts it all into a networkx graph
(:func:`_assemble`). :func:`graph_summary` counts the nodes and edges per type.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx

from .. import __version__
from ..delivery import Delivery, assess
from ..errors import PolicydiffError
from ..link import Link, link
from ..metrics import metric_name
from ..model import Record
from ..regions import RegionTable
from ..render.tables import plain_number
from ..themes import Themes, taxonomy
from .analysis import ReportAnalysis

#: Name and version of the node/edge attribute schema (docs/graph.md).
SCHEMA = "policydiff.graph/1"
NODE_TYPES = ("theme", "metric", "observation", "report", "region")
RELATIONS = ("measured_by", "observed_as", "reported_in", "delivered_by", "part_of", "in_region")
#: Node types and relations only a graph built with regions has (:func:`graph_summary` lists them then).
REGION_ONLY = frozenset({"region", "part_of", "in_region"})

_TYPE_ORDER = {t: i for i, t in enumerate(NODE_TYPES)}


def _obs_id(key: str, rec: Record) -> str:
    return f"obs:{key}:{rec.start:06d}-{rec.end:06d}"


def _year_span(years: Iterable[int]) -> tuple[int, int]:
    ys = sorted(years)
    return ys[0], ys[-1]


def _display(value: Any, high: Any, unit: str | None) -> str:
    if value is None:
        return ""
    text = _plain(value) if high is None else f"{_plain(value)}–{_plain(high)}"
    return f"{text}{unit or ''}"


def _plain(x: Any) -> str:
    """str() of a figure, but never in exponent notation (1e-09) or as nan/inf."""
    if isinstance(x, float) and ("e" in repr(x) or not math.isfinite(x)):
        return plain_number(x)
    return str(x)


Nodes = dict[str, dict[str, Any]]
Edges = dict[tuple[str, str], dict[str, Any]]
#: Per (theme, metric): observations, those with the theme as primary, report years.
ThemeMetric = dict[tuple[str, str], dict[str, Any]]


def graph_from_analyses(analyses: Iterable[ReportAnalysis], *, regions: RegionTable | None = None) -> nx.DiGraph:
    """Assemble the graph from analysed reports (see :func:`policydiff.graph.build_graph`)."""
    analyses = sorted(analyses, key=lambda a: (a.region, a.year))
    _check_unique(analyses)
    nodes: Nodes = {}
    edges: Edges = {}
    metric_obs: dict[str, list[str]] = defaultdict(list)
    theme_metric: ThemeMetric = {}
    obs_record: dict[str, tuple[ReportAnalysis, Record]] = {}
    for a in analyses:
        _add_report(a, nodes, edges, metric_obs, theme_metric, obs_record)
    _add_metrics(metric_obs, theme_metric, nodes, edges)
    _add_themes(theme_metric, nodes, edges)
    _link_deliveries(analyses, nodes, edges, obs_record)
    if regions is not None:
        _add_regions(analyses, regions, nodes, edges)
    return _assemble(analyses, nodes, edges)


def _check_unique(analyses: list[ReportAnalysis]) -> None:
    keys = [a.key for a in analyses]
    if len(set(keys)) != len(keys):
        dup = sorted(k for k, c in Counter(keys).items() if c > 1)
        raise PolicydiffError(f"the same report was given twice: {', '.join(dup)}")


def _add_report(
    a: ReportAnalysis,
    nodes: Nodes,
    edges: Edges,
    metric_obs: dict[str, list[str]],
    theme_metric: ThemeMetric,
    obs_record: dict[str, tuple[ReportAnalysis, Record]],
) -> None:
    """The report's node, one observation node per target or result with a metric (``reported_in``
    the report), and the observations counted per metric and per theme and metric."""
    rid = f"report:{a.key}"
    nodes[rid] = _report_node(a)
    seen: Counter[str] = Counter()
    for rec, th in zip(a.records, a.themes, strict=True):
        if not rec.metric or rec.kind not in ("target", "result"):
            continue
        oid = _obs_id(a.key, rec)
        seen[oid] += 1
        if seen[oid] > 1:
            oid = f"{oid}#{seen[oid]}"
        nodes[rid]["observations"] += 1
        nodes[oid] = _observation_node(a, rec, th)
        obs_record[oid] = (a, rec)
        metric_obs[rec.metric].append(oid)
        edges[(oid, rid)] = {"relation": "reported_in", "label": "reported_in", "start": a.year, "end": a.year}
        for t in th.themes:
            entry = theme_metric.setdefault((t, rec.metric), {"weight": 0, "primary": 0, "years": set()})
            entry["weight"] += 1
            entry["primary"] += t == th.primary
            entry["years"].add(a.year)


def _report_node(a: ReportAnalysis) -> dict[str, Any]:
    return {
        "type": "report",
        "label": a.key,
        "region": a.region,
        "year": a.year,
        "sha256": a.sha256,
        "title": a.title,
        "date": a.date,
        "observations": 0,
        "start": a.year,
        "end": a.year,
    }


def _observation_node(a: ReportAnalysis, rec: Record, th: Themes) -> dict[str, Any]:
    label = f"{a.year} {rec.kind} {rec.indicator or rec.metric} " + (
        "(no target)" if rec.absent else _display(rec.value, rec.value_high, rec.unit)
    )
    return {
        "type": "observation",
        "label": label.strip(),
        "region": a.region,
        "report": a.key,
        "report_year": a.year,
        "figure_year": rec.year,
        "period": rec.period,
        "kind": rec.kind,
        "metric": rec.metric,
        "indicator": rec.indicator,
        "value": rec.value,
        "value_high": rec.value_high,
        "unit": rec.unit,
        "measure": rec.measure,
        "direction": rec.direction,
        "qualifier": rec.qualifier,
        "modality": rec.modality,
        "headline": bool(rec.headline),
        "absent": bool(rec.absent),
        "quote": rec.sentence,
        "source_start": rec.start,
        "source_end": rec.end,
        "section": rec.section,
        "section_id": rec.section_id,
        "themes": list(th.themes),
        "theme_keywords": [str(h) for h in dict.fromkeys(th.hits)],
        "primary_theme": th.primary,
        "status": None,
        "margin": None,
        "status_note": None,
        "start": a.year,
        "end": a.year,
    }


def _add_metrics(metric_obs: dict[str, list[str]], theme_metric: ThemeMetric, nodes: Nodes, edges: Edges) -> None:
    """One node per metric (its themes ranked by primary observations, then all) ``observed_as`` its
    observations."""
    for metric, oids in metric_obs.items():
        obs = [nodes[o] for o in oids]
        years = sorted({o["report_year"] for o in obs})
        weights = {t: e for (t, m), e in theme_metric.items() if m == metric}
        ranked = sorted(weights, key=lambda t: (-weights[t]["primary"], -weights[t]["weight"], _theme_rank(t)))
        nodes[f"metric:{metric}"] = {
            "type": "metric",
            "label": metric_name(metric),
            "metric": metric,
            "indicators": sorted({o["indicator"] for o in obs if o["indicator"]}),
            "units": sorted({o["unit"] for o in obs if o["unit"]}),
            "measures": sorted({o["measure"] for o in obs if o["measure"]}),
            "themes": ranked,
            "theme": ranked[0] if ranked else None,
            "observations": len(obs),
            "targets": sum(o["kind"] == "target" for o in obs),
            "results": sum(o["kind"] == "result" for o in obs),
            "years": years,
            "start": years[0],
            "end": years[-1],
        }
        for o in oids:
            y = nodes[o]["report_year"]
            edges[(f"metric:{metric}", o)] = {"relation": "observed_as", "label": "observed_as", "start": y, "end": y}


def _add_themes(theme_metric: ThemeMetric, nodes: Nodes, edges: Edges) -> None:
    """One node per theme of the taxonomy that has metrics, ``measured_by`` each (weighted)."""
    for tid, theme in taxonomy().items():
        links = {m: e for (t, m), e in theme_metric.items() if t == tid}
        if not links:
            continue
        years = sorted(set().union(*(e["years"] for e in links.values())))
        nodes[f"theme:{tid}"] = {
            "type": "theme",
            "label": theme.label,
            "label_zh": theme.label_zh,
            "theme_id": tid,
            "cap": theme.cap,
            "cap_topic": theme.cap_topic,
            "metrics": len(links),
            "observations": sum(e["weight"] for e in links.values()),
            "years": years,
            "start": years[0],
            "end": years[-1],
        }
        for metric, e in links.items():
            ys = sorted(e["years"])
            edges[(f"theme:{tid}", f"metric:{metric}")] = {
                "relation": "measured_by",
                "label": "measured_by",
                "weight": e["weight"],
                "primary": e["primary"],
                "years": ys,
                "start": ys[0],
                "end": ys[-1],
            }


def _assemble(analyses: list[ReportAnalysis], nodes: Nodes, edges: Edges) -> nx.DiGraph:
    """The networkx graph: graph attributes, then nodes by type and id, edges by source type and ids."""

    graph = nx.DiGraph()
    region_keys = sorted({a.region for a in analyses})
    years = sorted({a.year for a in analyses})
    graph.graph.update(
        {
            "schema": SCHEMA,
            "generator": f"policydiff {__version__}",
            "regions": region_keys,
            "years": years,
            "reports": [a.key for a in analyses],
            "mode": "dynamic",
        }
    )
    for nid in sorted(nodes, key=lambda n: (_TYPE_ORDER[nodes[n]["type"]], n)):
        graph.add_node(nid, **nodes[nid])
    for u, v in sorted(edges, key=lambda e: (_TYPE_ORDER[nodes[e[0]]["type"]], e[0], e[1])):
        graph.add_edge(u, v, **edges[(u, v)])
    return graph


def _add_regions(
    analyses: list[ReportAnalysis],
    table: RegionTable,
    nodes: dict[str, dict[str, Any]],
    edges: dict[tuple[str, str], dict[str, Any]],
) -> None:
    """Region nodes for the reports' regions and all their ancestors, ``part_of`` edges up the tree,
    and ``in_region`` edges from every report and observation to its region."""
    own: dict[str, list[ReportAnalysis]] = defaultdict(list)
    for a in analyses:
        own[a.region].append(a)
    years: dict[str, set[int]] = defaultdict(set)  # a region's years: its own reports' and its descendants'
    for key, reps in own.items():
        for k in (key, *table.ancestors(key)):
            years[k].update(a.year for a in reps)
    observations: Counter[str] = Counter()
    for oid, d in nodes.items():
        if d["type"] == "observation":
            observations[d["region"]] += 1
            edges[(oid, f"region:{d['region']}")] = _span_edge("in_region", d["report_year"], d["report_year"])
    for key, reps in own.items():
        for a in reps:
            edges[(f"report:{a.key}", f"region:{key}")] = _span_edge("in_region", a.year, a.year)
    for key, ys in years.items():
        reg = table.get(key)
        span = sorted(ys)
        nodes[f"region:{key}"] = {
            "type": "region",
            "label": reg.name_zh or key,
            "region": key,
            "name_zh": reg.name_zh,
            "level": reg.level,
            "parent": reg.parent,
            "reports": len(own.get(key, [])),
            "observations": observations[key],
            "years": span,
            "start": span[0],
            "end": span[-1],
        }
    for key, ys in years.items():
        parent = table.parent(key)
        if parent is not None and parent in years:
            edges[(f"region:{key}", f"region:{parent}")] = _span_edge("part_of", min(ys), max(ys))


def _span_edge(relation: str, start: int, end: int) -> dict[str, Any]:
    return {"relation": relation, "label": relation, "start": start, "end": end}


def _theme_rank(theme: str) -> int:
    order = list(taxonomy())
    return order.index(theme) if theme in order else len(order)


def _link_deliveries(
    analyses: list[ReportAnalysis],
    nodes: dict[str, dict[str, Any]],
    edges: dict[tuple[str, str], dict[str, Any]],
    obs_record: dict[str, tuple[ReportAnalysis, Record]],
) -> None:
    """Link each target to the result a later report of its region gives for it (the first later
    report that has one), through :func:`policydiff.link.link` — the linking ``compare`` uses — and
    judge it with :func:`policydiff.delivery.assess`. A split result links to each of its parts."""
    by_region: dict[str, list[ReportAnalysis]] = defaultdict(list)
    for a in analyses:
        by_region[a.region].append(a)
    oid_of = {(a.key, id(rec)): oid for oid, (a, rec) in obs_record.items()}
    for region_reports in by_region.values():
        results_of: dict[str, dict[int | None, list[Record]]] = {}
        for a in region_reports:
            per_year: dict[int | None, list[Record]] = defaultdict(list)
            for r in a.records:
                if r.kind == "result" and r.metric and (a.key, id(r)) in oid_of:
                    per_year[r.year].append(r)
            results_of[a.key] = per_year
        last_year = region_reports[-1].year
        for i, a in enumerate(region_reports):
            pending: dict[int, list[Record]] = defaultdict(list)
            for t in a.records:
                if t.kind == "target" and (a.key, id(t)) in oid_of:
                    pending[t.year if t.year is not None else a.year].append(t)
            found: dict[int, tuple[ReportAnalysis, Link]] = {}
            for b in region_reports[i + 1 :]:
                for year, targets in pending.items():
                    todo = [t for t in targets if id(t) not in found]
                    cands = results_of[b.key].get(year, [])
                    if not todo or not cands:
                        continue
                    for lk in link(todo, cands):
                        if lk.status in ("linked", "not comparable", "split"):
                            found[id(lk.target)] = (b, lk)
            for year, targets in pending.items():
                for t in targets:
                    node = nodes[oid_of[(a.key, id(t))]]
                    hit = found.get(id(t))
                    if hit is None and last_year <= year and not t.absent:
                        node["status_note"] = f"no report after {year} in the graph"
                        continue
                    lk = hit[1] if hit else Link(t, "not reported")
                    d, each = assess(lk)
                    node["status"], node["margin"], node["status_note"] = d.status, d.margin, d.note
                    if hit is None:
                        continue
                    b = hit[0]
                    linked: list[tuple[Record | None, Delivery]] = (
                        list(zip(lk.parts, each, strict=True)) if lk.parts else [(lk.result, d)]
                    )
                    for res, verdict in linked:
                        edges[(oid_of[(a.key, id(t))], oid_of[(b.key, id(res))])] = {
                            "relation": "delivered_by",
                            "label": verdict.status,
                            "status": verdict.status,
                            "margin": verdict.margin,
                            "note": verdict.note,
                            "link": lk.status,
                            "score": lk.score,
                            "evidence": "; ".join(e for e in lk.evidence if e),
                            "start": a.year,
                            "end": b.year,
                        }


def graph_summary(graph: nx.DiGraph) -> dict[str, dict[str, int]]:
    """Node counts per type and edge counts per relation (every type listed, zeros included; the
    region types and relations only when the graph has region nodes)."""
    nodes = Counter(d.get("type") for _, d in graph.nodes(data=True))
    rels = Counter(d.get("relation") for _, _, d in graph.edges(data=True))
    show = set(REGION_ONLY) if nodes["region"] else set()
    return {
        "nodes": {t: nodes[t] for t in NODE_TYPES if t not in REGION_ONLY or t in show},
        "edges": {r: rels[r] for r in RELATIONS if r not in REGION_ONLY or r in show},
    }
