"""Panels: every record of many regions and years in one tidy dataset, with delivery and the parent's target.

:func:`panel` reads the selected reports of a corpus (in parallel processes when there are many,
through the persistent extraction cache of :mod:`policydiff.cache`) and returns a :class:`Panel`:

- ``rows``: one row per record (columns :data:`COLUMNS`): the region (key, Chinese name, level,
  parent), the report (key, year, sha256), the record's fields as :func:`policydiff.extract.extract`
  gives them, for targets the delivery columns (the result a later report of the region gives,
  judged by :func:`policydiff.delivery.judge`) and, for a region's target of the year, its parent's
  target of the same metric and year with the difference (``vs_parent``: above / equal / below);
- ``reports``, ``regions``, ``delivery`` and ``escalation``: the same data as separate tables.

``Panel.write(path)`` writes ``.csv``, ``.jsonl``, ``.sqlite`` (tables ``regions``, ``reports``,
``records``, ``delivery``, ``escalation``, with indexes and the view ``panel`` that joins them into
the CSV's rows) or ``.parquet`` (needs pyarrow: ``pip install 'policydiff[parquet]'``). Output
order is fixed (region, year, record), so a rerun writes the same bytes. docs/panel.md documents
the columns and the SQL schema.

>>> from policydiff.report import parse_report
>>> p = Panel.from_reports([
...     parse_report("二、今年目标\\n今年主要预期目标是：地区生产总值增长5%左右。", region="national", year=2025),
...     parse_report("二、今年目标\\n主要预期目标是：地区生产总值增长6%以上。", region="hubei", year=2025),
... ])
>>> [(r["region"], r["level"], r["value"], r["qualifier"], r["parent_value"], r["difference"], r["vs_parent"])
...  for r in p.rows]
[('hubei', 'province', 6, '以上', 5, 1, 'above'), ('national', 'national', 5, '左右', None, None, None)]
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from ..cache import ExtractionCache, open_cache
from ..corpus import Corpus
from ..errors import InputError, NotFoundError, show_path
from ..fileio import check_output
from ..regions import corpus_regions
from ..workers import PARALLEL_MIN_REPORTS
from .columns import (
    COLUMNS,
    DELIVERY_COLUMNS,
    ESCALATION_COLUMNS,
    KINDS,
    PARENT_COLUMNS,
    RECORD_COLUMNS,
    REGION_COLUMNS,
    RELATIONS,
    REPORT_COLUMNS,
    REPORT_TABLE,
    SQL_DELIVERY_COLUMNS,
    SQL_RECORD_COLUMNS,
    SUFFIXES,
)
from .escalation import relation, year_targets
from .extraction import Extracted, Job, _no_gc, analyse, choose_workers, extract_entries
from .judging import Judged, link_deliveries
from .rows import Panel
from .selection import _context_entries, select_entries
from .warm import PanelSummary, write_from_cache
from .writers import _pyarrow

__all__ = [
    "COLUMNS",
    "DELIVERY_COLUMNS",
    "ESCALATION_COLUMNS",
    "Extracted",
    "Job",
    "Judged",
    "KINDS",
    "PARALLEL_MIN_REPORTS",
    "PARENT_COLUMNS",
    "Panel",
    "PanelSummary",
    "RECORD_COLUMNS",
    "REGION_COLUMNS",
    "RELATIONS",
    "REPORT_COLUMNS",
    "REPORT_TABLE",
    "SQL_DELIVERY_COLUMNS",
    "SQL_RECORD_COLUMNS",
    "SUFFIXES",
    "_pyarrow",
    "analyse",
    "choose_workers",
    "extract_entries",
    "link_deliveries",
    "panel",
    "relation",
    "select_entries",
    "write_panel",
    "year_targets",
]

# ---------------------------------------------------------------------------
# The library entry point
# ---------------------------------------------------------------------------


def panel(
    corpus: Corpus | str | os.PathLike | Iterable[str | os.PathLike] | None = None,
    *,
    regions: Sequence[str] | None = None,
    level: str | None = None,
    years: Iterable[int] | None = None,
    kind: str = "quantity",
    workers: int | None = None,
    cache: bool | ExtractionCache = True,
    progress: Callable[[int, int], None] | None = None,
    delivery: bool = True,
) -> Panel:
    """A panel of every selected report of a corpus: one row per record (see :class:`Panel`).

    ``corpus``: a :class:`Corpus` or corpus folder(s) (default: the bundled corpus and
    ``$POLICYDIFF_CORPUS``). ``regions``/``level``/``years`` select reports; ``kind`` the records
    (quantity = targets, results and context figures; target, result, context, commitment, all). ``workers``: processes
    (None: the CPUs from 12 reports on). ``cache``: True for the user's extraction cache, False for
    none, or an open :class:`ExtractionCache`. ``progress(done, total)`` is called per report.
    ``delivery=False`` leaves the delivery columns empty (and reads no next-year report for them).

    >>> p = panel(cache=False)
    >>> p.reports[0]["report"], len(p) > 50, p.rows[0]["name_zh"]
    ('dongsheng/2020', True, '东胜区')
    """
    if kind not in KINDS:
        raise InputError(f"unknown kind {kind!r} (choose from {', '.join(KINDS)})")
    if not isinstance(corpus, Corpus):
        corpus = Corpus(() if corpus is None else corpus)
    table = corpus_regions(corpus)
    selected = select_entries(corpus, table, regions=regions, level=level, years=years)
    context = _context_entries(corpus, table, selected, delivery)
    own = None
    warnings: list[str] = []
    if cache is True:
        own, warning = open_cache(True)
        if warning:
            warnings.append(warning)
        store = own
    else:
        store = cache if isinstance(cache, ExtractionCache) else None
    total = len(selected) + len(context)
    count = [0]

    def step(_item) -> None:
        count[0] += 1
        if progress is not None:
            progress(count[0], total)

    try:
        with _no_gc():  # many small objects, no cycles: the collector would only rescan them
            exs, errors = extract_entries([*selected, *context], kind=kind, workers=workers, cache=store, progress=step)
            chosen = {(e.region, e.year) for e in selected}
            result = Panel.build(
                [x for x in exs if (x.region, x.year) in chosen],
                [x for x in exs if (x.region, x.year) not in chosen],
                kind=kind,
                table=table,
                cache=store,
                delivery=delivery,
                workers=workers,
            )
    finally:
        if own is not None:
            own.close()
    result.warnings = warnings + [f"skipped {e}" for e in errors]
    result.cache_hits = sum(x.cached for x in exs)
    result.extracted = len(exs) - result.cache_hits
    if not result.reports:
        raise NotFoundError("no report could be read: " + "; ".join(errors[:3]))
    return result


def write_panel(
    corpus: Corpus | str | os.PathLike | Iterable[str | os.PathLike] | None,
    out: str | os.PathLike,
    *,
    regions: Sequence[str] | None = None,
    level: str | None = None,
    years: Iterable[int] | None = None,
    kind: str = "quantity",
    workers: int | None = None,
    cache: bool | ExtractionCache = True,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> PanelSummary:
    """Write the panel :func:`panel` gives (same arguments) to ``out`` as :meth:`Panel.write` does, the
    same bytes, and return the counts for a summary. When the cache holds every report, worker
    processes assemble it straight from the cache (:mod:`policydiff.panel.warm`); else :func:`panel`
    builds it and :meth:`Panel.write` writes it.
    """
    if kind not in KINDS:
        raise InputError(f"unknown kind {kind!r} (choose from {', '.join(KINDS)})")
    target = Path(os.fsdecode(os.fspath(out)))
    if target.suffix.lower() not in SUFFIXES:
        raise InputError(f"{show_path(target)}: the name must end in {', '.join(SUFFIXES)}")
    check_output(target, force=force)
    if not isinstance(corpus, Corpus):
        corpus = Corpus(() if corpus is None else corpus)
    years = None if years is None else list(years)
    if cache is not False:
        done = write_from_cache(
            corpus,
            target,
            regions=regions,
            level=level,
            years=years,
            kind=kind,
            workers=workers,
            cache=cache,
            force=force,
            progress=progress,
        )
        if done is not None:
            return done
    p = panel(
        corpus, regions=regions, level=level, years=years, kind=kind, workers=workers, cache=cache, progress=progress
    )
    return PanelSummary.of(p, p.write(target, force=force))
