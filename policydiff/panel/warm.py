"""Writing a panel file from the cache in worker processes, when it holds every report.

A warm run (every selected report, every report read for context and every delivery judgement in
the extraction cache) extracts and links nothing: it reads the cache, assembles rows and writes the
file. :func:`write_from_cache` (used by :func:`policydiff.panel.write_panel`) splits that work
over worker processes. The selected reports, sorted by
region and year, are cut into consecutive runs; a worker reads from the cache what a run needs (its
reports, the other reports of their regions, the nearest ancestor's report of each one's year),
assembles the run's rows as :meth:`Panel.build` does (the same function) and writes them to a
scratch file: for SQLite an SQLite file of untyped tables holding the values exactly as they would
be bound, for CSV and JSON lines the text. The main process then writes the output: SQLite copies
the scratch files' rows into the final tables in order (``INSERT … SELECT``, no Python per row),
text is concatenated. The same rows go in in the same order, so the file is byte-identical to the
one :meth:`Panel.write` makes.

Everything else goes the ordinary way, :func:`policydiff.panel.panel` then :meth:`Panel.write`: a
report or judgement the cache does not hold, an entry that fails its checksum when a worker reads
it, no cache, Parquet output, one process, or a platform without ``fork``.
"""

from __future__ import annotations

import gc
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ..cache import ExtractionCache, open_cache
from ..corpus import Corpus, Entry
from ..fileio import atomic_build
from ..regions import RegionTable, corpus_regions
from ..workers import choose_workers, pool_map
from .columns import COLUMNS, SQL_DELIVERY_COLUMNS, SQL_RECORD_COLUMNS
from .extraction import _file_sha256, _from_cache, _parts_for
from .judging import link_deliveries
from .rows import Panel, _assemble, csv_text, jsonl_text, region_rows
from .selection import _context_entries, select_entries
from .writers import copy_filler, write_scratch, write_sqlite

#: Output formats written from the cache in worker processes.
PARALLEL_SUFFIXES = (".sqlite", ".csv", ".jsonl")
#: Runs per worker process (more even shares; each run reads its regions' ancestors again).
RUNS_PER_WORKER = 4
#: At most this many runs: the SQLite writer attaches every run's file at once (SQLite allows 10).
MAX_RUNS = 9
#: Reading a report from the cache costs about this share of assembling and writing its rows.
READ_SHARE = 0.3

_KIND = COLUMNS.index("kind")
_SQL_KIND = SQL_RECORD_COLUMNS.index("kind")
_DELIVERY_STATUS = SQL_DELIVERY_COLUMNS.index("status")


@dataclass
class PanelSummary:
    """What :func:`write_panel` wrote, for the command's summary lines."""

    path: Path
    reports: int
    regions: int
    rows: int
    #: Rows per record kind.
    kinds: dict[str, int]
    #: Targets per delivery status (those that have one).
    status: dict[str, int]
    cache_hits: int = 0
    extracted: int = 0
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, p: Panel, path: Path) -> PanelSummary:
        kinds = p.column("kind")
        status = Counter(s for k, s in zip(kinds, p.column("status"), strict=True) if k == "target" and s)
        return cls(
            path,
            reports=len(p.reports),
            regions=len({r["region"] for r in p.reports}),
            rows=len(p),
            kinds=dict(Counter(kinds)),
            status=dict(status),
            cache_hits=p.cache_hits,
            extracted=p.extracted,
            warnings=list(p.warnings),
        )


@dataclass
class _Plan:
    """What the workers need (they inherit it when forked; only run numbers travel)."""

    cache_path: Path
    engine: str
    table: RegionTable
    kind: str
    suffix: str
    scratch: Path
    #: The selected reports of each run, and every report the run reads.
    runs: list[list[Entry]]
    needs: list[list[Entry]]


_PLAN: list[_Plan] = []


class _Part(NamedTuple):
    """What a worker sends back for a run: counts for the summary, the tables with an infinity."""

    rows: int
    kinds: dict[str, int]
    status: dict[str, int]
    infinite: list[str]


def write_from_cache(
    corpus: Corpus,
    target: Path,
    *,
    regions: Sequence[str] | None,
    level: str | None,
    years: Iterable[int] | None,
    kind: str,
    workers: int | None,
    cache: bool | ExtractionCache,
    force: bool,
    progress: Callable[[int, int], None] | None,
) -> PanelSummary | None:
    """The panel written to ``target`` (checked) from the cache by worker processes; None (and nothing
    written) when this cannot be: a format other than :data:`PARALLEL_SUFFIXES`, one process, no
    ``fork``, or a report the cache does not hold."""
    if target.suffix.lower() not in PARALLEL_SUFFIXES or not sys.platform.startswith("linux"):
        return None
    table = corpus_regions(corpus)
    selected = sorted(
        select_entries(corpus, table, regions=regions, level=level, years=years), key=lambda e: (e.region, e.year)
    )
    context = _context_entries(corpus, table, selected, True)
    n = choose_workers(len(selected), workers)
    if n < 2:
        return None
    store = cache if isinstance(cache, ExtractionCache) else open_cache(True)[0]
    if store is None:
        return None
    try:  # closed before the workers fork: they open their own connection
        runs, needs, order = _split(store, table, selected, context, _parts_for(kind), n)
        path, engine = store.path, store.engine
    finally:
        if store is not cache:
            store.close()
    if not runs:
        return None
    suffix = target.suffix.lower()
    scratch = Path(tempfile.mkdtemp(prefix="policydiff-panel-"))
    try:
        _PLAN[:] = [_Plan(path, engine, table, kind, suffix, scratch, runs, needs)]
        parts: list[_Part] = []
        done = 0
        try:
            for k, part in zip(order, pool_map(_run, order, n), strict=True):
                if part is None:  # an entry failed its checksum: the ordinary way reads it again
                    return None
                parts.append(part)
                if progress is not None:
                    for _ in runs[k]:
                        done += 1
                        progress(done, len(selected))
        finally:
            _PLAN.clear()
        files = [scratch / f"run{k}{suffix}" for k in range(len(runs))]
        if suffix == ".sqlite":
            fill = copy_filler(len(files), region_rows([e.region for e in selected], table))
            infinite = {name for part in parts for name in part.infinite}
            written = atomic_build(
                target, lambda tmp: write_sqlite(tmp, fill, attach=files, infinite=infinite), force=force
            )
        else:
            header = csv_text([]) if suffix == ".csv" else ""
            written = atomic_build(target, lambda tmp: _concatenate(tmp, header, files), force=force)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    kinds: Counter[str] = Counter()
    status: Counter[str] = Counter()
    for part in parts:
        kinds.update(part.kinds)
        status.update(part.status)
    return PanelSummary(
        written,
        reports=len(selected),
        regions=len({e.region for e in selected}),
        rows=sum(part.rows for part in parts),
        kinds=dict(kinds),
        status=dict(status),
        cache_hits=len(selected) + len(context),
    )


def _split(
    cache: ExtractionCache,
    table: RegionTable,
    selected: list[Entry],
    context: list[Entry],
    parts: Sequence[str],
    processes: int,
) -> tuple[list[list[Entry]], list[list[Entry]], list[int]]:
    """The runs of ``selected``, what each reads, and the order to give them to the workers (the dearest
    first, so that no large one is left for last); no runs when the cache has no entry of a report's
    region and year (a quick look: the workers read each entry by its file's sha256 and stop at a miss)."""
    every = {e.key: e for e in [*context, *selected]}
    stored = cache.stored(parts)
    sizes: dict[str, int] = {}
    for e in every.values():
        for part in parts:
            size = stored.get((e.region, e.year, part))
            if size is None:
                return [], [], []
            sizes[e.key] = sizes.get(e.key, 0) + size
    by_region: dict[str, list[Entry]] = defaultdict(list)
    for e in every.values():
        by_region[e.region].append(e)
    n = min(MAX_RUNS // processes, RUNS_PER_WORKER) * processes or MAX_RUNS
    runs = _runs(selected, [sizes[e.key] for e in selected], n)
    needs = []
    for run in runs:
        need: dict[str, Entry] = {}
        for e in run:
            for x in by_region[e.region]:
                need[x.key] = x
            parent = next((f"{a}/{e.year}" for a in table.ancestors(e.region) if f"{a}/{e.year}" in every), None)
            if parent is not None:
                need[parent] = every[parent]
        needs.append(list(need.values()))
    # a run's cost: assembling and writing its own reports, and reading the others it needs
    cost = [
        sum(sizes[e.key] for e in run) + sum(sizes[e.key] for e in need) * READ_SHARE
        for run, need in zip(runs, needs, strict=True)
    ]
    return runs, needs, sorted(range(len(runs)), key=lambda k: (-cost[k], k))


def _runs(entries: list[Entry], costs: Sequence[int], n: int) -> list[list[Entry]]:
    """``entries`` cut into at most ``n`` consecutive runs of about the same cost (the size of the
    reports' cache entries: about the number of records).

    >>> [len(r) for r in _runs(list("abcdefgh"), [1, 1, 1, 1, 4, 0, 0, 0], 2)]
    [4, 4]
    >>> [len(r) for r in _runs(list("abcdef"), [1, 1, 1, 1, 1, 1], 4)]
    [2, 1, 2, 1]
    """
    total = sum(costs) or 1
    runs: list[list[Entry]] = [[]]
    done = 0
    for e, cost in zip(entries, costs, strict=True):
        if runs[-1] and len(runs) < n and done + cost / 2 > total * len(runs) / n:  # past the cut: the next run
            runs.append([])
        runs[-1].append(e)
        done += cost
    return runs


def _run(k: int) -> _Part | None:
    """In a worker: read run ``k``'s reports from the cache, assemble its rows and write its scratch
    file. Returns the number of rows and the counts by kind and by delivery status; None when an entry
    cannot be read back."""
    plan = _PLAN[0]
    gc.disable()  # millions of acyclic objects; the process ends after its runs
    parts = _parts_for(plan.kind)
    with ExtractionCache(plan.cache_path, engine=plan.engine) as cache:
        every = {}
        for e in plan.needs[k]:
            sha = _file_sha256(e.path)
            ex = _from_cache(cache, e, sha, parts) if sha is not None else None
            if ex is None:
                return None
            every[e.key] = ex
        own = {e.region for e in plan.runs[k]}
        links = link_deliveries([x for x in every.values() if x.region in own], cache, workers=1)
    selected = [every[e.key] for e in plan.runs[k]]
    sql = plan.suffix == ".sqlite"
    rows, reports, delivered, escalation = _assemble(selected, every, links, plan.kind, plan.table, tables=sql)
    path = plan.scratch / f"run{k}{plan.suffix}"
    infinite: list[str] = []
    if sql:
        infinite = write_scratch(path, reports, rows, delivered, escalation)
    else:
        text = csv_text(rows, header=False) if plan.suffix == ".csv" else jsonl_text(rows)
        path.write_bytes(text.encode("utf-8"))
    kinds = Counter(r[_SQL_KIND if sql else _KIND] for r in rows)
    status = Counter(d[_DELIVERY_STATUS] for d in delivered if d[_DELIVERY_STATUS])  # a delivery row per target
    return _Part(len(rows), dict(kinds), dict(status), infinite)


def _concatenate(path: Path, header: str, files: Sequence[Path]) -> None:
    with open(path, "wb") as out:
        out.write(header.encode("utf-8"))
        for f in files:
            with open(f, "rb") as part:
                shutil.copyfileobj(part, out, 1 << 20)
