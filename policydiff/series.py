"""A metric's series over the years without the themed graph: :func:`timeline`.

``policydiff timeline`` builds the whole theme–metric graph and reads one metric out of it
(:func:`policydiff.graph.metric_series`). :func:`timeline` gives the same rows from Python at a
fraction of the work: it extracts the reports' records, skips theme assignment, and runs the same
graph assembly, delivery linking and series code (:func:`policydiff.graph.graph_from_analyses`,
:func:`~policydiff.graph.resolve_metric`, :func:`~policydiff.graph.metric_series`), so the rows are
the CLI's, field for field (keys :data:`~policydiff.graph.SERIES_FIELDS`).

>>> from policydiff.report import parse_report
>>> a = parse_report("一、2019年重点工作\\n主要预期目标是：城镇新增就业1100万人以上。", region="demo", year=2019)
>>> b = parse_report("一、2019年工作回顾\\n城镇新增就业1352万人。", region="demo", year=2020)
>>> [(r["year"], r["target_value"], r["result_value"], r["status"]) for r in timeline("城镇新增就业", reports=[a, b])]
[(2019, 1100, 1352, 'exceeded')]
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from .corpus import Corpus
from .errors import AmbiguousError, NotFoundError
from .extract import extract
from .graph import ReportAnalysis, graph_from_analyses, metric_series, resolve_metric
from .model import ReportRef
from .report import Report
from .themes import Themes

CorpusLike = Corpus | str | os.PathLike | Iterable[str | os.PathLike]


def timeline(
    metric: str,
    region: str | None = None,
    *,
    years: Iterable[int] | None = None,
    corpus: CorpusLike | None = None,
    reports: Iterable[Report] | None = None,
) -> list[dict[str, Any]]:
    """One row per year for ``metric`` in ``region``: the year's target, the result the next report gives
    and the verdict — the rows of ``policydiff timeline`` (:func:`policydiff.graph.metric_series`).

    ``metric`` is a key (``gdp.growth``) or a common indicator name (国内生产总值增长, 城镇新增就业).
    The reports are ``reports`` when given, else the region's reports in ``corpus`` (a
    :class:`~policydiff.corpus.Corpus` or its folders; the bundled corpus and ``POLICYDIFF_CORPUS``
    are always searched) for ``years`` (all by default; the report of the year after the last is
    read too, for the last year's result). ``region`` may be left out when one region is known.
    """
    if reports is None:
        reports, years = _corpus_reports(corpus, region, years)
    else:
        reports = list(reports)
        years = sorted(years) if years is not None else None
    analyses = [_analysis(r) for r in reports]
    graph = graph_from_analyses(analyses)
    key = resolve_metric(graph, metric)
    rows = metric_series(graph, key, region=region)
    if years:
        rows = [r for r in rows if years[0] <= r["year"] <= years[-1]]
    return rows


def _analysis(report: Report) -> ReportAnalysis:
    """What the graph needs from a report, without themes (a series does not read them)."""
    records = extract(report)
    return ReportAnalysis(ref=ReportRef.of(report), records=records, themes=[Themes()] * len(records))


def _corpus_reports(
    corpus: CorpusLike | None, region: str | None, years: Iterable[int] | None
) -> tuple[list[Report], list[int] | None]:
    c = corpus if isinstance(corpus, Corpus) else Corpus(corpus or ())
    wanted = sorted(set(years)) if years is not None else None
    if region is None:
        regions = c.regions()
        if wanted:
            region = c.resolve_region(wanted)
        elif len(regions) == 1:
            region = regions[0]
        else:
            raise AmbiguousError(f"several regions in the corpus ({', '.join(regions)}): choose one with region=...")
    else:
        region = c.resolve_region([], region)
    have = c.years(region)
    chosen = have if wanted is None else [y for y in wanted if y in have]
    if not chosen:
        asked = f"{wanted[0]}-{wanted[-1]}" if wanted else "any year"
        raise NotFoundError(f"no {region} report for {asked} (have: {', '.join(map(str, have)) or 'none'})")
    if wanted and wanted[-1] + 1 in have and wanted[-1] + 1 not in chosen:
        chosen = [*chosen, wanted[-1] + 1]  # the next report gives the last year's results
    return [c.get(y, region) for y in chosen], wanted
