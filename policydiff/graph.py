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
import io
import json
import math
import multiprocessing
import os
import re
import signal
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from . import __version__
from .delivery import Delivery, assess
from .errors import PolicydiffError, neutralise
from .extract import Record, extract
from .fileio import atomic_write
from .link import Link, link
from .metrics import metric_base, metric_name
from .model import ReportRef
from .regions import RegionTable
from .render.tables import dumps, json_safe, plain_number
from .report import Report
from .themes import ReportThemes, Themes, taxonomy

#: Name and version of the node/edge attribute schema (docs/graph.md).
SCHEMA = "policydiff.graph/1"
NODE_TYPES = ("theme", "metric", "observation", "report", "region")
RELATIONS = ("measured_by", "observed_as", "reported_in", "delivered_by", "part_of", "in_region")
#: Node types and relations only a graph built with regions has (:func:`graph_summary` lists them then).
REGION_ONLY = frozenset({"region", "part_of", "in_region"})
#: Below this many reports the graph is built in this process: starting worker processes costs
#: more than it saves (benchmarks/bench_graph.py measures it).
PARALLEL_MIN_REPORTS = 12
#: Attributes that are numbers or empty: in GraphML and GEXF they are written as text ("6.5", "")
#: so that every file has one type per attribute, whatever the data.
OPTIONAL_NUMBERS = frozenset({"value", "value_high", "margin", "figure_year", "cap", "score"})
EXPORT_SUFFIXES = (".graphml", ".gexf", ".json")

_TYPE_ORDER = {t: i for i, t in enumerate(NODE_TYPES)}


# ---------------------------------------------------------------------------
# Per-report work (runs in worker processes when that pays)
# ---------------------------------------------------------------------------


@dataclass
class ReportAnalysis:
    """What the graph needs from one report: its identity (:class:`~policydiff.model.ReportRef`),
    records and the records' themes."""

    ref: ReportRef
    records: list[Record]
    themes: list[Themes]  # one per record

    key = property(lambda self: self.ref.key)
    region = property(lambda self: self.ref.region)
    year = property(lambda self: self.ref.year)
    sha256 = property(lambda self: self.ref.sha256)
    title = property(lambda self: self.ref.title)
    date = property(lambda self: self.ref.date)


def analyse_report(report: Report) -> ReportAnalysis:
    """Extract the targets and results of a report and give each its themes."""
    records = extract(report)
    rt = ReportThemes(report)
    return ReportAnalysis(
        ref=ReportRef.of(report),
        records=records,
        themes=[rt.record(r) for r in records],
    )


def choose_workers(n_reports: int, workers: int | None = None) -> int:
    """How many processes to use: ``workers`` when given, else the available CPUs from
    :data:`PARALLEL_MIN_REPORTS` reports on (1 below it).

    >>> choose_workers(3), choose_workers(30, 1), choose_workers(30, 4), choose_workers(30) == min(_cpus(), 30)
    (1, 1, 4, True)
    """
    if workers is not None:
        if workers < 1:
            raise PolicydiffError(f"workers must be at least 1 (got {workers})")
        return min(workers, max(1, n_reports))
    if n_reports < PARALLEL_MIN_REPORTS:
        return 1
    return max(1, min(_cpus(), n_reports))


def _cpus() -> int:
    """CPUs this process may run on (the affinity mask where the platform has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _pool_context():
    # fork shares the parent's loaded dictionaries (jieba, spaCy) with the workers; elsewhere
    # the platform's default start method is used.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return None


def iter_analyses(reports: Iterable[Report], *, workers: int | None = None) -> Generator[ReportAnalysis, None, None]:
    """Analyse reports in order, in parallel processes when ``workers`` (or the heuristic) says so.

    Results come back in the order of ``reports`` whatever the number of processes.
    """
    reports = list(reports)
    n = choose_workers(len(reports), workers)
    if n <= 1 or len(reports) < 2:
        for report in reports:
            yield analyse_report(report)
        return
    # The first report runs here: it loads the word lists once, and forked workers inherit them.
    yield analyse_report(reports[0])
    pool = ProcessPoolExecutor(max_workers=n, mp_context=_pool_context(), initializer=_worker_init)
    try:
        yield from pool.map(analyse_report, reports[1:], chunksize=1)
    except BaseException:
        # Ctrl-C, SIGTERM, an error, or the caller stopped early: stop the workers now rather than
        # wait for their reports (the shutdown would otherwise wait, or hang on a killed worker).
        _stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _worker_init() -> None:
    """In a worker: Ctrl-C is the parent's to handle (it stops the workers); SIGTERM just ends it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if terminate is not None:
        terminate()
        return
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            proc.terminate()
        except (OSError, AttributeError, ValueError):
            pass


# ---------------------------------------------------------------------------
# Building the graph
# ---------------------------------------------------------------------------


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


def graph_from_analyses(analyses: Iterable[ReportAnalysis], *, regions: RegionTable | None = None) -> nx.DiGraph:
    """Assemble the graph from analysed reports (see :func:`build_graph`)."""
    analyses = sorted(analyses, key=lambda a: (a.region, a.year))
    keys = [a.key for a in analyses]
    if len(set(keys)) != len(keys):
        dup = sorted(k for k, c in Counter(keys).items() if c > 1)
        raise PolicydiffError(f"the same report was given twice: {', '.join(dup)}")
    themes_tax = taxonomy()
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    metric_obs: dict[str, list[str]] = defaultdict(list)
    theme_metric: dict[tuple[str, str], dict[str, Any]] = {}
    obs_record: dict[str, tuple[ReportAnalysis, Record]] = {}

    for a in analyses:
        rid = f"report:{a.key}"
        nodes[rid] = {
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
        seen: Counter[str] = Counter()
        for rec, th in zip(a.records, a.themes, strict=True):
            if not rec.metric or rec.kind not in ("target", "result"):
                continue
            oid = _obs_id(a.key, rec)
            seen[oid] += 1
            if seen[oid] > 1:
                oid = f"{oid}#{seen[oid]}"
            nodes[rid]["observations"] += 1
            label = f"{a.year} {rec.kind} {rec.indicator or rec.metric} " + (
                "(no target)" if rec.absent else _display(rec.value, rec.value_high, rec.unit)
            )
            nodes[oid] = {
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
            obs_record[oid] = (a, rec)
            metric_obs[rec.metric].append(oid)
            edges[(oid, rid)] = {"relation": "reported_in", "label": "reported_in", "start": a.year, "end": a.year}
            for t in th.themes:
                entry = theme_metric.setdefault((t, rec.metric), {"weight": 0, "primary": 0, "years": set()})
                entry["weight"] += 1
                entry["primary"] += t == th.primary
                entry["years"].add(a.year)

    # metrics
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

    # themes
    for tid, theme in themes_tax.items():
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

    _link_deliveries(analyses, nodes, edges, obs_record)
    if regions is not None:
        _add_regions(analyses, regions, nodes, edges)

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


# ---------------------------------------------------------------------------
# Reading the graph
# ---------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------
# Export
# ---------------------------------------------------------------------------


#: Characters XML 1.0 cannot hold (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF).
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text XML 1.0 can hold: controls as their Unicode pictures (␀, ␛), undecodable file-name bytes
    as ``\\xff``, U+FFFE/U+FFFF as U+FFFD.

    >>> xml_text("a\\x00b\\x1bc\\udcff")
    'a␀b␛c\\\\xff'
    """
    if not _XML_ILLEGAL.search(text):
        return text
    return _XML_ILLEGAL.sub(lambda m: "\ufffd" if m.group(0) in "\ufffe\uffff" else neutralise(m.group(0)), text)


def _scalar(name: str, value: Any) -> Any:
    """An attribute value for GraphML/GEXF: lists and dicts as JSON, None as "", optional numbers as
    text, NaN and infinities as "", strings cleaned of what XML cannot hold."""
    if name in OPTIONAL_NUMBERS:
        if value is None or isinstance(value, float) and not math.isfinite(value):
            return ""
        return plain_number(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)
    if value is None:
        return ""
    if isinstance(value, (list, tuple, dict, set)):
        if isinstance(value, set):
            value = sorted(value)
        return xml_text(json.dumps(json_safe(value), ensure_ascii=False, sort_keys=True, allow_nan=False))
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, (bool, int, float)):
        return value
    return xml_text(str(value))


def _node_id(n: Any) -> Any:
    return xml_text(n) if isinstance(n, str) else n


def scalar_graph(graph: nx.DiGraph) -> nx.DiGraph:
    """A copy with scalar attributes only (see :func:`_scalar`), as GraphML and GEXF need."""
    out = nx.DiGraph()
    out.graph.update({k: _scalar(k, v) for k, v in graph.graph.items()})
    for n, d in graph.nodes(data=True):
        out.add_node(_node_id(n), **{k: _scalar(k, v) for k, v in d.items()})
    for u, v, d in graph.edges(data=True):
        out.add_edge(_node_id(u), _node_id(v), **{k: _scalar(k, x) for k, x in d.items()})
    return out


def _runs(years: list[int]) -> list[tuple[int, int]]:
    """Consecutive years merged: [2010, 2011, 2013] -> [(2010, 2011), (2013, 2013)]."""
    out: list[tuple[int, int]] = []
    for y in sorted(years):
        if out and y == out[-1][1] + 1:
            out[-1] = (out[-1][0], y)
        else:
            out.append((y, y))
    return out


def graphml_bytes(graph: nx.DiGraph) -> bytes:
    """The graph as GraphML (UTF-8)."""
    buf = io.BytesIO()
    nx.write_graphml(scalar_graph(graph), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def gexf_bytes(graph: nx.DiGraph) -> bytes:
    """The graph as dynamic GEXF 1.2: every node and edge has start/end years, and items seen in
    several years (metrics, themes, theme→metric edges) have one spell per run of years."""
    from networkx.readwrite.gexf import GEXFWriter

    flat = scalar_graph(graph)
    for n, d in graph.nodes(data=True):
        if isinstance(d.get("years"), list) and d["years"]:
            flat.nodes[_node_id(n)]["spells"] = _runs(d["years"])
    for u, v, d in graph.edges(data=True):
        if isinstance(d.get("years"), list) and d["years"]:
            flat.edges[_node_id(u), _node_id(v)]["spells"] = _runs(d["years"])
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    writer.add_graph(flat)
    # No timestamps in the output (byte-identical exports), and a time format Gephi knows.
    for meta in writer.xml.iter("meta"):
        meta.attrib.pop("lastmodifieddate", None)
        for creator in meta.iter("creator"):
            creator.text = str(graph.graph.get("generator", "policydiff"))
    writer.graph_element.set("timeformat", "double")
    writer.graph_element.set("mode", "dynamic")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def node_link_bytes(graph: nx.DiGraph) -> bytes:
    """The graph as node-link JSON (``networkx.node_link_graph`` reads it back)."""
    data = nx.node_link_data(graph, edges="edges")
    return (dumps(data, indent=1) + "\n").encode("utf-8")


def graph_bytes(graph: nx.DiGraph, suffix: str) -> bytes:
    """The export for a file suffix: .graphml, .gexf or .json."""
    suffix = suffix.lower()
    if suffix == ".graphml":
        return graphml_bytes(graph)
    if suffix == ".gexf":
        return gexf_bytes(graph)
    if suffix == ".json":
        return node_link_bytes(graph)
    raise PolicydiffError(f"unknown graph format {suffix or '(none)'!r}: use {', '.join(EXPORT_SUFFIXES)}")


def write_graph(graph: nx.DiGraph, path: str | os.PathLike, *, force: bool = False) -> Path:
    """Write the graph in the format its suffix names (GraphML, GEXF, node-link JSON), atomically:
    a failed write leaves no partial file, and an existing file is replaced only with ``force``."""
    target = Path(path)
    data = graph_bytes(graph, target.suffix)
    return atomic_write(target, data, force=force)
