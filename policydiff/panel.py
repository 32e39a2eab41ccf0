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

import contextlib
import csv
import gc
import hashlib
import io
import math
import multiprocessing
import os
import signal
import sqlite3
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any

from .cache import ExtractionCache, encode_payload, engine_fingerprint, open_cache
from .corpus import Corpus, Entry, listing
from .delivery import Delivery, comparable, judge, match_results, unit_scale
from .errors import InputError, NotFoundError, PolicydiffError, show_path
from .extract import FIELDS, Record, extract
from .fileio import atomic_write, check_output
from .regions import RegionTable, corpus_regions, level_rank
from .render.tables import csv_cell, dumps
from .report import Report, load_report

KINDS = ("quantity", "target", "result", "context", "commitment", "all")
SUFFIXES = (".csv", ".jsonl", ".sqlite", ".parquet")
#: Below this many reports to extract, extraction runs in this process (starting workers costs more).
PARALLEL_MIN_REPORTS = 12

REGION_COLUMNS = ("region", "name_zh", "level", "parent")
REPORT_COLUMNS = ("report", "report_year", "sha256", "record")
#: The record's own fields (those of :class:`policydiff.extract.Record` but its report key).
RECORD_COLUMNS = tuple(f for f in FIELDS if f != "report")
DELIVERY_COLUMNS = (
    "status",
    "margin",
    "delivery_note",
    "result_report",
    "result_value",
    "result_value_high",
    "result_unit",
    "result_qualifier",
    "result_start",
    "result_end",
    "result_sentence",
)
PARENT_COLUMNS = (
    "parent_report",
    "parent_value",
    "parent_value_high",
    "parent_unit",
    "parent_qualifier",
    "difference",
    "vs_parent",
)
#: The columns of a panel row, in output order.
COLUMNS = REGION_COLUMNS + REPORT_COLUMNS + RECORD_COLUMNS + DELIVERY_COLUMNS + PARENT_COLUMNS

REPORT_TABLE = ("report", "region", "year", "sha256", "title", "date", "chars", "sentences", "records")
ESCALATION_COLUMNS = (
    "region",
    "name_zh",
    "level",
    "year",
    "metric",
    "indicator",
    "report",
    "record",
    "value",
    "value_high",
    "unit",
    "qualifier",
    "modality",
    "sentence",
    "parent",
    "parent_name_zh",
    "parent_level",
    "parent_report",
    "parent_record",
    "parent_indicator",
    "parent_value",
    "parent_value_high",
    "parent_unit",
    "parent_qualifier",
    "parent_modality",
    "parent_sentence",
    "difference",
    "vs_parent",
)
#: What ``vs_parent`` can say, in summary order.
RELATIONS = ("above", "equal", "below", "not comparable", "no target", "parent set none", "no parent target")


# ---------------------------------------------------------------------------
# Selecting reports
# ---------------------------------------------------------------------------


def select_entries(
    corpus: Corpus,
    table: RegionTable,
    *,
    regions: Sequence[str] | None = None,
    level: str | None = None,
    years: Iterable[int] | None = None,
) -> list[Entry]:
    """The corpus entries of the given regions (all when None), of one level, and years, sorted.

    Raises :class:`NotFoundError` for an unknown region or when nothing is left.
    """
    have = corpus.regions()
    wanted = list(dict.fromkeys(regions or []))
    for r in wanted:
        if r not in have:
            raise NotFoundError(f"unknown region {show_path(r, 60)!r} (corpus has: {listing(have) or 'none'})")
    keys = wanted or have
    if level is not None:
        level = level.lower()
        keys = [r for r in keys if table.get(r).level == level]
        if not keys:
            known = listing(sorted({table.get(r).level for r in have}, key=level_rank)) or "none"
            raise NotFoundError(f"no region of level {level!r} in the corpus (levels present: {known})")
    ys = None if years is None else set(years)
    out = [e for e in corpus if e.region in keys and (ys is None or e.year in ys)]
    if not out:
        asked = "" if ys is None else f" for {min(ys)}-{max(ys)}" if len(ys) > 1 else f" for {min(ys)}"
        raise NotFoundError(f"no report of {listing(keys)}{asked} in the corpus")
    return out


def _context_entries(corpus: Corpus, table: RegionTable, selected: list[Entry], delivery: bool = True) -> list[Entry]:
    """Reports read for context only: the next year of each selected region (its results judge the
    last year's targets) and the nearest ancestor's report of each selected year (the parent's target)."""
    chosen = {(e.region, e.year) for e in selected}
    extra: dict[tuple[str, int], Entry] = {}
    last: dict[str, int] = {}
    for e in selected:
        last[e.region] = max(last.get(e.region, e.year), e.year)
    for region, year in last.items() if delivery else ():
        key = (region, year + 1)
        if key in corpus.entries and key not in chosen:
            extra[key] = corpus.entries[key]
    for e in selected:
        for anc in table.ancestors(e.region):
            key = (anc, e.year)
            if key in corpus.entries:
                if key not in chosen:
                    extra[key] = corpus.entries[key]
                break
    return sorted(extra.values(), key=lambda e: (e.region, e.year))


# ---------------------------------------------------------------------------
# Extraction: cached, parallel, in order
# ---------------------------------------------------------------------------


@dataclass
class Extracted:
    """What one report yields: its identity, a few header fields and its records by part."""

    region: str
    year: int
    sha256: str
    meta: dict[str, Any]
    parts: dict[str, list[Record]]
    cached: bool = False
    #: The cache entries of each part, encoded where the report was extracted (a worker process).
    encoded: dict[str, bytes] | None = None

    @property
    def key(self) -> str:
        return f"{self.region}/{self.year}"

    def records(self, kind: str) -> list[Record]:
        """The records of one kind selection (as :func:`policydiff.extract.extract` orders them)."""
        quantity = self.parts.get("quantity", [])
        if kind == "quantity":
            return list(quantity)
        if kind in ("target", "result", "context"):
            return [r for r in quantity if r.kind == kind]
        if kind == "commitment":
            return list(self.parts.get("commitment", []))
        return sorted(quantity + self.parts.get("commitment", []), key=lambda r: (r.start, r.end))


def _parts_for(kind: str) -> tuple[str, ...]:
    if kind == "commitment":
        return ("commitment",)
    if kind == "all":
        return ("quantity", "commitment")
    return ("quantity",)


def _meta(report: Report) -> dict[str, Any]:
    return {
        "title": report.meta.title,
        "date": report.meta.date,
        "chars": len(report.text),
        "sentences": len(report.sentences),
    }


def analyse(report: Report, parts: Sequence[str] = ("quantity",)) -> Extracted:
    """Extract the parts of one parsed report (no cache)."""
    return Extracted(
        region=report.region,
        year=report.year,
        sha256=report.sha256 or hashlib.sha256(report.text.encode("utf-8")).hexdigest(),
        meta=_meta(report),
        parts={p: extract(report, p) for p in parts},
    )


Job = tuple[str, str, int, tuple[str, ...], bool]


def _work(job: Job) -> Extracted | str:
    """In a worker (or here): read, parse and extract one file, and encode its cache entries when
    ``job[4]`` asks for them (that work is then shared out too); a one-line message when it fails."""
    path, region, year, parts, encode = job
    try:
        ex = analyse(load_report(path, region=region, year=year), parts)
    except PolicydiffError as exc:
        return f"{region}/{year}: {exc.cli_text()}"
    if encode:
        ex.encoded = {part: encode_payload(_payload(ex, part)) for part in parts}
    return ex


def _file_sha256(path: Path) -> str | None:
    try:
        with open(path, "rb") as f:
            return hashlib.file_digest(f, "sha256").hexdigest() if hasattr(hashlib, "file_digest") else _sha(f)
    except OSError:
        return None


def _sha(f) -> str:
    h = hashlib.sha256()
    for chunk in iter(lambda: f.read(1 << 20), b""):
        h.update(chunk)
    return h.hexdigest()


_FIELD_VALUES = attrgetter(*FIELDS)
#: Fields whose text many records share (the sentence, the section heading): stored once per payload.
_SHARED_TEXT = ("sentence", "section")


def _payload(ex: Extracted, part: str) -> dict[str, Any]:
    """A part of a report as a cache payload: the field names once, the shared texts once, then one
    list of values per record (half the size of a dict per record, and quicker to decode)."""
    texts: dict[str, int] = {}
    at = [FIELDS.index(f) for f in _SHARED_TEXT]
    rows = []
    for r in ex.parts.get(part, []):
        row = list(_FIELD_VALUES(r))
        for i in at:
            row[i] = texts.setdefault(row[i], len(texts))
        rows.append(row)
    return {"meta": ex.meta, "fields": list(FIELDS), "shared": list(_SHARED_TEXT), "texts": list(texts), "rows": rows}


def _records_of(payload: dict[str, Any]) -> list[Record]:
    """The records of a payload (raises KeyError, TypeError, ValueError or IndexError for one that does
    not fit)."""
    if "rows" not in payload:  # the first layout: a dict per record
        return [Record(**d) for d in payload["records"]]
    names, rows, texts = payload["fields"], payload["rows"], payload["texts"]
    at = [names.index(f) for f in payload["shared"]]
    for row in rows:
        for i in at:
            row[i] = texts[row[i]]
    if names == list(FIELDS):
        if _PLAIN_RECORD:  # the state __init__ would set, without its per-field frozen setattr (2.5x quicker)
            new, cls = object.__new__, Record
            out = []
            for row in rows:
                rec = new(cls)
                rec.__dict__.update(zip(FIELDS, row, strict=True))
                out.append(rec)
            return out
        return [Record(*row) for row in rows]
    return [Record(**dict(zip(names, row, strict=True))) for row in rows]  # fields since added: defaults


#: Record is a plain dataclass (fields in ``__dict__``, no ``__post_init__``, no slots), so a cached
#: record can be rebuilt by filling its ``__dict__``.
_PLAIN_RECORD = not hasattr(Record, "__slots__") and not hasattr(Record, "__post_init__")


def _from_cache(cache: ExtractionCache, entry: Entry, sha: str, parts: Sequence[str]) -> Extracted | None:
    found: dict[str, list[Record]] = {}
    meta: dict[str, Any] = {}
    for part in parts:
        payload = cache.get(sha, entry.region, entry.year, part)
        if payload is None:
            return None
        try:
            found[part] = _records_of(payload)
            meta = payload["meta"]
        except (KeyError, TypeError, ValueError, IndexError):
            return None
    return Extracted(entry.region, entry.year, sha, dict(meta), found, cached=True)


def _to_cache(cache: ExtractionCache, ex: Extracted) -> None:
    for part in ex.parts:
        data = ex.encoded.get(part) if ex.encoded else None
        cache.put(ex.sha256, ex.region, ex.year, part, _payload(ex, part) if data is None else data)
    ex.encoded = None


def extract_entries(
    entries: Sequence[Entry],
    *,
    kind: str = "quantity",
    workers: int | None = None,
    cache: ExtractionCache | None = None,
    progress: Callable[[Extracted | str], None] | None = None,
) -> tuple[list[Extracted], list[str]]:
    """Extract every entry: from the cache where it holds the file, else in ``workers`` processes.

    Returns the extracted reports in the order of ``entries`` (whatever the number of processes)
    and one message per report that could not be read (those are left out).
    """
    parts = _parts_for(kind)
    done: dict[int, Extracted | str] = {}
    todo: list[int] = []
    for i, e in enumerate(entries):
        sha = _file_sha256(e.path) if cache is not None else None
        hit = _from_cache(cache, e, sha, parts) if cache is not None and sha else None
        if hit is not None:
            done[i] = hit
            if progress is not None:
                progress(hit)
        else:
            todo.append(i)
    todo = _balanced(todo, [_size(entries[i].path) for i in todo])
    jobs = [(str(entries[i].path), entries[i].region, entries[i].year, parts, cache is not None) for i in todo]
    for i, result in zip(todo, _run_jobs(jobs, workers), strict=True):
        done[i] = result
        if isinstance(result, Extracted) and cache is not None:
            _to_cache(cache, result)
        if progress is not None:
            progress(result)
    out = [done[i] for i in range(len(entries))]
    return [x for x in out if isinstance(x, Extracted)], [x for x in out if isinstance(x, str)]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _balanced(jobs: list[int], costs: Sequence[float]) -> list[int]:
    """Jobs in the order that keeps workers busy to the end: the cheapest first (it runs alone, in this
    process, before the workers start), then the dearest first, so no large job is left for last.

    >>> _balanced([10, 11, 12, 13], [5, 1, 9, 3])
    [11, 12, 10, 13]
    """
    if len(jobs) < 3:
        return list(jobs)
    order = sorted(range(len(jobs)), key=lambda k: (costs[k], k))
    return [jobs[order[0]]] + [jobs[k] for k in sorted(order[1:], key=lambda k: (-costs[k], k))]


def choose_workers(n_jobs: int, workers: int | None = None) -> int:
    """Processes for ``n_jobs`` reports: ``workers`` when given, else the CPUs this process may use
    from :data:`PARALLEL_MIN_REPORTS` reports on (1 below it).

    >>> choose_workers(3), choose_workers(30, 1), choose_workers(30, 2), choose_workers(1, 4)
    (1, 1, 2, 1)
    """
    if workers is not None:
        if workers < 1:
            raise InputError(f"workers must be at least 1 (got {workers})")
        return max(1, min(workers, n_jobs))
    if n_jobs < PARALLEL_MIN_REPORTS:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, n_jobs))


def _run_jobs(jobs: list[Job], workers: int | None) -> Iterator[Extracted | str]:
    n = choose_workers(len(jobs), workers)
    if n <= 1 or len(jobs) < 2:
        for job in jobs:
            yield _work(job)
        return
    # The first report runs here: it loads the word lists, which forked workers then share.
    yield _work(jobs[0])
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
    pool = ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=_worker_init)
    try:
        yield from pool.map(_work, jobs[1:], chunksize=1)
    except BaseException:
        _stop(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _stop(pool) -> None:
    """Stop a pool's workers now (Ctrl-C, an error, or the caller stopped early)."""
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(OSError, AttributeError, ValueError):
            proc.terminate()


def _worker_init() -> None:
    gc.enable()  # forked from a parent that paused it (see _no_gc)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


# ---------------------------------------------------------------------------
# Delivery and the parent's target
# ---------------------------------------------------------------------------


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """The cyclic garbage collector paused (building a panel makes millions of acyclic objects, which it
    would scan again and again); reference counting still frees them."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _clean(x: float | None) -> float | int | None:
    if x is None or not math.isfinite(x):
        return None
    x = round(x, 6)
    return int(x) if x == int(x) else x


Judged = tuple[Extracted | None, Record | None, Delivery | None]


def link_deliveries(
    extracted: Sequence[Extracted], cache: ExtractionCache | None = None, *, workers: int | None = None
) -> dict[int, Judged]:
    """For each target (by ``id``): the later report and result that deliver it, and the judgement.

    A target of year Y is judged by the first later report of its region that gives a result for
    it (:func:`policydiff.delivery.match_results`, one call per pair of reports as ``compare`` makes
    it); with no later report covering Y in the panel, the judgement is None (not yet known).
    With a cache, a report's judgements are stored under its later reports' identities. Reports
    the cache does not hold are judged in ``workers`` processes (as for extraction: forked, so
    they share the extracted records; the judgements come back as record numbers).
    """
    by_region: dict[str, list[Extracted]] = defaultdict(list)
    for ex in extracted:
        by_region[ex.region].append(ex)
    out: dict[int, Judged] = {}
    engine = engine_fingerprint(True)
    todo: list[tuple[Extracted, list[Extracted], str]] = []
    for reports in by_region.values():
        reports.sort(key=lambda x: x.year)
        for i, a in enumerate(reports):
            later = reports[i + 1 :]
            part = "delivery:" + hashlib.sha256("|".join(f"{b.year}:{b.sha256}" for b in later).encode()).hexdigest()
            stored = cache.get(a.sha256, a.region, a.year, part, engine=engine) if cache is not None else None
            judged = _judged_from(stored, a, later) if stored is not None else None
            if judged is None:
                todo.append((a, later, part))
            else:
                out.update(judged)
    for (a, later, part), rows in zip(todo, _judge_all(todo, workers), strict=True):
        payload = {"judged": rows}
        judged = _judged_from(payload, a, later)
        if judged is None:  # cannot happen: the rows were made from these very reports
            raise RuntimeError(f"delivery of {a.key}: judgements do not fit the records")
        if cache is not None:
            cache.put(a.sha256, a.region, a.year, part, payload, engine=engine)
        out.update(judged)
    return out


#: The reports to judge, for forked workers (they inherit it; only the job numbers travel).
_JUDGING: list[tuple[Extracted, list[Extracted], str]] = []


def _judge_job(i: int) -> list[list[Any]]:
    a, later, _ = _JUDGING[i]
    return _judged_payload(_judge_report(a, later), a, later)["judged"]


def _judge_all(todo: list[tuple[Extracted, list[Extracted], str]], workers: int | None) -> list[list[list[Any]]]:
    """The judgement rows of each report in ``todo``, in order (in forked processes when that pays;
    the reports with the most targets and later reports first, so no large one is left for last)."""
    n = choose_workers(len(todo), workers)
    if n <= 1 or len(todo) < 2 or not sys.platform.startswith("linux"):
        _JUDGING[:] = todo
        try:
            return [_judge_job(i) for i in range(len(todo))]
        finally:
            _JUDGING.clear()
    cost = [len(later) * sum(r.kind == "target" for r in a.parts.get("quantity", [])) for a, later, _ in todo]
    order = sorted(range(len(todo)), key=lambda k: (-cost[k], k))
    out: list[list[list[Any]]] = [[] for _ in todo]
    from concurrent.futures import ProcessPoolExecutor

    _JUDGING[:] = todo
    try:
        fork = multiprocessing.get_context("fork")
        pool = ProcessPoolExecutor(max_workers=n, mp_context=fork, initializer=_worker_init)
        try:
            for k, rows in zip(order, pool.map(_judge_job, order), strict=True):
                out[k] = rows
        except BaseException:
            _stop(pool)
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    finally:
        _JUDGING.clear()
    return out


def _judge_report(a: Extracted, later: Sequence[Extracted]) -> dict[int, Judged]:
    quantity = a.parts.get("quantity", [])
    pending = [t for t in quantity if t.kind == "target" and t.metric]
    found: dict[int, tuple[Extracted, Record]] = {}
    for b in later:
        waiting = [t for t in pending if id(t) not in found]
        years = {t.year if t.year is not None else a.year for t in waiting}
        cands = [r for r in b.parts.get("quantity", []) if r.kind == "result" and r.metric and r.year in years]
        if not waiting or not cands:
            continue
        for t, matched in match_results(waiting, cands):
            if matched is not None:
                found[id(t)] = (b, matched)
    last_year = later[-1].year if later else a.year
    out: dict[int, Judged] = {}
    for t in pending:
        year = t.year if t.year is not None else a.year
        hit = found.get(id(t))
        if hit is None and last_year <= year and not t.absent:
            out[id(t)] = (None, None, None)
        else:
            out[id(t)] = (hit[0] if hit else None, hit[1] if hit else None, judge(t, hit[1] if hit else None))
    return out


def _judged_payload(judged: dict[int, Judged], a: Extracted, later: Sequence[Extracted]) -> dict[str, Any]:
    index = {id(r): i for i, r in enumerate(a.parts.get("quantity", []))}
    years = {b.year: b for b in later}
    rows = []
    for tid, (b, res, d) in judged.items():
        rindex = None
        if b is not None and res is not None:
            rindex = next(k for k, r in enumerate(years[b.year].parts["quantity"]) if r is res)
        rows.append(
            [index[tid], b.year if b else None, rindex, *((d.status, d.margin, d.note) if d else (None, None, None))]
        )
    return {"judged": rows}


def _judged_from(payload: dict[str, Any], a: Extracted, later: Sequence[Extracted]) -> dict[int, Judged] | None:
    quantity = a.parts.get("quantity", [])
    years = {b.year: b for b in later}
    out: dict[int, Judged] = {}
    try:
        for ti, byear, ri, status, margin, note in payload["judged"]:
            b = years[byear] if byear is not None else None
            res = b.parts["quantity"][ri] if b is not None and ri is not None else None
            out[id(quantity[ti])] = (b, res, Delivery(status, margin, note) if status is not None else None)
    except (KeyError, IndexError, TypeError, ValueError):
        return None
    return out


def year_targets(ex: Extracted) -> dict[str, tuple[int, Record]]:
    """The report's target of its own year per metric (index in the quantity records, record):
    single-year, headline statement first, then a stated figure, then the first in the text."""
    best: dict[str, tuple[tuple, int, Record]] = {}
    for i, r in enumerate(ex.parts.get("quantity", [])):
        if r.kind != "target" or not r.metric or r.period or (r.year is not None and r.year != ex.year):
            continue
        rank = (not r.headline, r.absent, r.start)
        if r.metric not in best or rank < best[r.metric][0]:
            best[r.metric] = (rank, i, r)
    return {m: (i, r) for m, (_, i, r) in best.items()}


def relation(target: Record | None, parent: Record | None) -> tuple[float | int | None, str]:
    """The difference (target − parent, low ends of ranges, in the parent's unit) and what it says.

    >>> from types import SimpleNamespace as R
    >>> relation(R(value=6, unit="%", measure="growth", absent=False), R(value=5, unit="%", measure="growth",
    ...          absent=False))
    (1, 'above')
    """
    if target is None:
        return None, "no target"
    if parent is None:
        return None, "no parent target"
    if getattr(parent, "absent", False) or parent.value is None:
        return None, "parent set none"
    if getattr(target, "absent", False) or target.value is None:
        return None, "no target"
    if not comparable(target.unit, parent.unit) or (
        target.measure and parent.measure and target.measure != parent.measure
    ):
        return None, "not comparable"
    diff = _clean(target.value * unit_scale(target.unit)[0] / unit_scale(parent.unit)[0] - parent.value)
    if diff is None:
        return None, "not comparable"
    return diff, "above" if diff > 0 else "below" if diff < 0 else "equal"


# ---------------------------------------------------------------------------
# The panel
# ---------------------------------------------------------------------------


class Panel:
    """Rows of records over many reports, with the tables they come from (see the module notes).

    The rows are kept as tuples in :data:`COLUMNS` order (``tuples``; a fraction of the memory of
    dicts); ``rows`` and ``delivery`` give them as dicts, built on first use. ``rows`` may be given
    as dicts or as sequences in column order.
    """

    columns = COLUMNS

    def __init__(
        self,
        rows: Sequence[dict[str, Any] | Sequence[Any]],
        reports: list[dict[str, Any]],
        regions: list[dict[str, Any]],
        delivery: Sequence[dict[str, Any] | Sequence[Any]],
        escalation: list[dict[str, Any]],
        *,
        kind: str = "quantity",
        warnings: list[str] | None = None,
    ) -> None:
        self.tuples: list[tuple] = _as_tuples(rows, COLUMNS)
        self.delivery_tuples: list[tuple] = _as_tuples(delivery, SQL_DELIVERY_COLUMNS)
        self.reports = reports
        self.regions = regions
        self.escalation = escalation
        self.kind = kind
        self.warnings: list[str] = list(warnings or [])
        self.cache_hits = 0
        self.extracted = 0
        self._rows: list[dict[str, Any]] | None = None
        self._delivery: list[dict[str, Any]] | None = None

    @property
    def rows(self) -> list[dict[str, Any]]:
        """One dict per row (keys :data:`COLUMNS`)."""
        if self._rows is None:
            self._rows = [dict(zip(COLUMNS, t, strict=True)) for t in self.tuples]
        return self._rows

    @property
    def delivery(self) -> list[dict[str, Any]]:
        """The delivery table: one dict per target (report, record and :data:`DELIVERY_COLUMNS`)."""
        if self._delivery is None:
            self._delivery = [dict(zip(SQL_DELIVERY_COLUMNS, t, strict=True)) for t in self.delivery_tuples]
        return self._delivery

    def column(self, name: str) -> list[Any]:
        """One column's values, row by row (without building the row dicts)."""
        i = COLUMNS.index(name)
        return [t[i] for t in self.tuples]

    def __len__(self) -> int:
        return len(self.tuples)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (dict(zip(COLUMNS, t, strict=True)) for t in self.tuples)

    def __repr__(self) -> str:
        return f"<Panel: {len(self.reports)} reports, {len(self.tuples)} rows>"

    # -- building ------------------------------------------------------------------

    @classmethod
    def from_reports(
        cls, reports: Iterable[Report], *, kind: str = "quantity", table: RegionTable | None = None
    ) -> Panel:
        """A panel of parsed reports (no corpus, no cache)."""
        exs = [analyse(r, _parts_for(kind)) for r in reports]
        return cls.build(exs, [], kind=kind, table=table or RegionTable.bundled())

    @classmethod
    def build(
        cls,
        selected: Sequence[Extracted],
        context: Sequence[Extracted] = (),
        *,
        kind: str = "quantity",
        table: RegionTable,
        cache: ExtractionCache | None = None,
        delivery: bool = True,
        workers: int | None = None,
    ) -> Panel:
        """Assemble rows from extracted reports; ``context`` reports only inform delivery and parents
        (``workers``: processes for the delivery judgements the cache does not hold)."""
        if kind not in KINDS:
            raise InputError(f"unknown kind {kind!r} (choose from {', '.join(KINDS)})")
        selected = sorted(selected, key=lambda x: (x.region, x.year))
        keys = [x.key for x in selected]
        if len(set(keys)) != len(keys):
            raise InputError(
                f"the same report was given twice: {', '.join(sorted({k for k in keys if keys.count(k) > 1}))}"
            )
        every = {x.key: x for x in [*context, *selected]}
        links = link_deliveries(list(every.values()), cache, workers=workers) if delivery else {}
        targets_of = {k: year_targets(x) for k, x in every.items()}
        escalation, parent_of_target = _escalation(selected, every, targets_of, table)

        rows: list[tuple] = []
        reports: list[dict[str, Any]] = []
        delivered: list[tuple] = []
        region_keys: set[str] = set()
        no_delivery = (None,) * len(DELIVERY_COLUMNS)
        no_parent = (None,) * len(PARENT_COLUMNS)
        for ex in selected:
            reg = table.get(ex.region)
            region_keys.add(ex.region)
            region_keys.update(table.ancestors(ex.region))
            recs = ex.records(kind)
            reports.append(
                {
                    "report": ex.key,
                    "region": ex.region,
                    "year": ex.year,
                    "sha256": ex.sha256,
                    "title": ex.meta.get("title"),
                    "date": ex.meta.get("date"),
                    "chars": ex.meta.get("chars"),
                    "sentences": ex.meta.get("sentences"),
                    "records": len(recs),
                }
            )
            head = (ex.region, reg.name_zh, reg.level, reg.parent, ex.key, ex.year, ex.sha256)
            for i, rec in enumerate(recs):
                dvals, pvals = no_delivery, no_parent
                if rec.kind == "target":
                    judged = links.get(id(rec))
                    if judged is not None:
                        dvals = _delivery_values(*judged, rec)
                        delivered.append((ex.key, i, *dvals))
                    esc = parent_of_target.get(id(rec))
                    if esc is not None:
                        pvals = tuple(esc[c] for c in PARENT_COLUMNS)
                        esc["record"] = i
                rows.append((*head, i, *_RECORD_VALUES(rec), *dvals, *pvals))
        for esc in escalation:  # record numbers in the output's numbering (None when not in the rows)
            esc.setdefault("record", None)
            pt = esc.pop("_parent_target", None)
            esc["parent_record"] = _index_in(every.get(esc["parent_report"] or ""), pt, kind)
        ordered = itemgetter(*ESCALATION_COLUMNS)  # every row has every column (and _parent_target went)
        escalation = [dict(zip(ESCALATION_COLUMNS, ordered(e), strict=True)) for e in escalation]
        regions = [table.get(k).to_dict() for k in sorted(region_keys)]
        return cls(rows, reports, regions, delivered, escalation, kind=kind)

    # -- views -----------------------------------------------------------------------

    def escalation_for(self, metric: str, year: int, level: str | None = None) -> list[dict[str, Any]]:
        """The escalation rows of one metric and year (of one level), sorted by difference, largest first."""
        rows = [
            e
            for e in self.escalation
            if e["metric"] == metric and e["year"] == year and (level is None or e["level"] == level)
        ]
        return sorted(rows, key=lambda e: (RELATIONS.index(e["vs_parent"]) > 2, -(e["difference"] or 0), e["region"]))

    def metrics(self) -> list[str]:
        """The metric keys of the rows, sorted."""
        return sorted({m for m in self.column("metric") if m})

    def to_pandas(self):
        """The rows as a pandas DataFrame (needs pandas)."""
        try:
            import pandas as pd
        except ImportError:
            raise InputError("to_pandas needs pandas: pip install pandas") from None
        return pd.DataFrame.from_records(self.tuples, columns=list(COLUMNS))

    def to_arrow(self):
        """The rows as a pyarrow Table with a fixed schema (needs pyarrow)."""
        pa = _pyarrow()
        return pa.Table.from_pylist(_arrow_rows(self.tuples), schema=_arrow_schema(pa))

    # -- writing -----------------------------------------------------------------------

    def write(self, path: str | os.PathLike, *, force: bool = False) -> Path:
        """Write the panel in the format its suffix names (.csv, .jsonl, .sqlite, .parquet), atomically
        and never over an existing file unless ``force``. Returns the path written."""
        target = Path(os.fsdecode(os.fspath(path)))
        suffix = target.suffix.lower()
        if suffix not in SUFFIXES:
            raise InputError(f"{show_path(target)}: the name must end in {', '.join(SUFFIXES)}")
        check_output(target, force=force)
        if suffix == ".csv":
            data: bytes = self.csv_text().encode("utf-8")
        elif suffix == ".jsonl":
            data = self.jsonl_text().encode("utf-8")
        elif suffix == ".parquet":
            data = self.parquet_bytes()
        else:
            data = self.sqlite_bytes()
        return atomic_write(target, data, force=force)

    def csv_text(self) -> str:
        """The rows as CSV (header first; empty cells for None)."""
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(COLUMNS)
        for t in self.tuples:
            w.writerow([_csv(v) for v in t])
        return buf.getvalue()

    def jsonl_text(self) -> str:
        """The rows as JSON lines (keys in column order)."""
        return "".join(dumps(dict(zip(COLUMNS, t, strict=True))) + "\n" for t in self.tuples)

    def parquet_bytes(self) -> bytes:
        """The rows as a Parquet file (needs pyarrow)."""
        pa = _pyarrow()
        import pyarrow.parquet as pq

        buf = io.BytesIO()
        pq.write_table(pa.Table.from_pylist(_arrow_rows(self.tuples), schema=_arrow_schema(pa)), buf)
        return buf.getvalue()

    def sqlite_bytes(self) -> bytes:
        """The panel as an SQLite database (see docs/panel.md for the schema)."""
        with tempfile.TemporaryDirectory(prefix="policydiff-panel-") as d:
            path = Path(d) / "panel.sqlite"
            db = sqlite3.connect(str(path), isolation_level=None)
            try:
                db.execute("PRAGMA journal_mode = OFF")
                db.execute("PRAGMA synchronous = OFF")
                db.execute("BEGIN")
                _fill_sqlite(db, self)
                db.execute("COMMIT")
            finally:
                db.close()
            return path.read_bytes()


_RECORD_VALUES = attrgetter(*RECORD_COLUMNS)


def _as_tuples(rows: Sequence[dict[str, Any] | Sequence[Any]], columns: Sequence[str]) -> list[tuple]:
    return [tuple(r.get(c) for c in columns) if isinstance(r, dict) else tuple(r) for r in rows]


def _index_in(ex: Extracted | None, rec: Record | None, kind: str) -> int | None:
    if ex is None or rec is None:
        return None
    for i, r in enumerate(ex.records(kind)):
        if r is rec:
            return i
    return None


def _delivery_values(b: Extracted | None, res: Record | None, d: Any, target: Record) -> tuple:
    """The :data:`DELIVERY_COLUMNS` of a target, in order."""
    judged = (
        (d.status, _clean(d.margin) if d.margin is not None else None, d.note)
        if d is not None
        else (None, None, f"no report after {target.year} in the panel")
    )
    if res is None:
        return (*judged, b.key if b is not None else None, None, None, None, None, None, None, None)
    return (
        *judged,
        b.key if b is not None else None,
        res.value,
        res.value_high,
        res.unit,
        res.qualifier,
        res.start,
        res.end,
        res.sentence,
    )


def _escalation(
    selected: Sequence[Extracted],
    every: dict[str, Extracted],
    targets_of: dict[str, dict[str, tuple[int, Record]]],
    table: RegionTable,
) -> tuple[list[dict[str, Any]], dict[int, dict[str, Any]]]:
    """Each selected region's year targets against its nearest ancestor's report of the same year."""
    rows: list[dict[str, Any]] = []
    by_target: dict[int, dict[str, Any]] = {}
    for ex in selected:
        parent_key = next((a for a in table.ancestors(ex.region) if f"{a}/{ex.year}" in every), None)
        if parent_key is None:
            continue
        pex = every[f"{parent_key}/{ex.year}"]
        mine, theirs = targets_of[ex.key], targets_of[pex.key]
        reg, preg = table.get(ex.region), table.get(parent_key)
        for metric in sorted(set(mine) | set(theirs)):
            t = mine.get(metric, (None, None))[1]
            p = theirs.get(metric, (None, None))[1]
            diff, rel = relation(t, p)
            first = t or p
            row = {
                "region": ex.region,
                "name_zh": reg.name_zh,
                "level": reg.level,
                "year": ex.year,
                "metric": metric,
                "indicator": first.indicator if first is not None else None,
                "report": ex.key,
                "value": t.value if t else None,
                "value_high": t.value_high if t else None,
                "unit": t.unit if t else None,
                "qualifier": t.qualifier if t else None,
                "modality": t.modality if t else None,
                "sentence": t.sentence if t else None,
                "parent": parent_key,
                "parent_name_zh": preg.name_zh,
                "parent_level": preg.level,
                "parent_report": pex.key,
                "parent_indicator": p.indicator if p else None,
                "parent_value": p.value if p else None,
                "parent_value_high": p.value_high if p else None,
                "parent_unit": p.unit if p else None,
                "parent_qualifier": p.qualifier if p else None,
                "parent_modality": p.modality if p else None,
                "parent_sentence": p.sentence if p else None,
                "difference": diff,
                "vs_parent": rel,
                "_parent_target": p,
            }
            rows.append(row)
            if t is not None:
                by_target[id(t)] = row
    return rows, by_target


def _csv(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return csv_cell(value)


# ---------------------------------------------------------------------------
# SQLite and Arrow
# ---------------------------------------------------------------------------

_INTEGER = {"year", "report_year", "record", "start", "end", "result_start", "result_end", "chars", "sentences"}
_INTEGER |= {"records", "parent_record"}
_REAL = {"value", "value_high", "base", "margin", "result_value", "result_value_high", "parent_value"}
_REAL |= {"parent_value_high", "difference"}
_BOOL = {"headline", "absent"}


def _sql_type(col: str) -> str:
    if col in _INTEGER or col in _BOOL:
        return "INTEGER"
    if col in _REAL:
        return "REAL"
    return "TEXT"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _create(db: sqlite3.Connection, name: str, columns: Sequence[str], key: Sequence[str]) -> None:
    cols = ", ".join(f"{_q(c)} {_sql_type(c)}" for c in columns)
    db.execute(f"CREATE TABLE {name} ({cols}, PRIMARY KEY ({', '.join(map(_q, key))}))")


def _insert(db: sqlite3.Connection, name: str, columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> None:
    try:  # every column there (the panel's own rows): taken in C
        values = list(map(itemgetter(*columns), rows))
    except KeyError:  # rows given without some columns: those are NULL
        values = [tuple(r.get(c) for c in columns) for r in rows]
    _insert_tuples(db, name, columns, values)


def _insert_tuples(db: sqlite3.Connection, name: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Insert rows given in column order (bools are 0/1 in SQLite). A NaN is stored as NULL by SQLite
    itself; infinities in real columns are made NULL afterwards."""
    marks = ", ".join("?" for _ in columns)
    db.executemany(f"INSERT INTO {name} ({', '.join(map(_q, columns))}) VALUES ({marks})", _bindable(rows, columns))
    real = [_q(c) for c in columns if c in _REAL]
    if real:  # one pass over the table
        inf = "IN (9e999, -9e999)"
        sets = ", ".join(f"{c} = CASE WHEN {c} {inf} THEN NULL ELSE {c} END" for c in real)
        db.execute(f"UPDATE {name} SET {sets} WHERE {' OR '.join(f'{c} {inf}' for c in real)}")


#: The sqlite3 module binds None and bool through its adapter lookup, several times slower than a
#: str, int or float (a quarter of a panel's cells are None); a NaN binds as a float and SQLite
#: stores it as NULL, as it would None.
_AS_NULL: dict[Any, Any] = {None: math.nan}


def _bindable(rows: Iterable[Sequence[Any]], columns: Sequence[str]) -> Iterator[list[Any]]:
    """Rows with None as NaN (a dict lookup per cell, in C) and the bools of :data:`_BOOL` columns as
    0/1: the same stored values, bound without the adapter lookup."""
    get = _AS_NULL.get
    flags = [i for i, c in enumerate(columns) if c in _BOOL]
    for row in rows:
        out: list[Any] = list(map(get, row, row))
        for i in flags:
            if out[i].__class__ is bool:
                out[i] = int(out[i])
        yield out


def _sql_value(v: Any) -> Any:
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v


#: Record columns stored in the ``records`` table (region and report columns live in ``reports``).
SQL_RECORD_COLUMNS = ("report", "record", *RECORD_COLUMNS)
SQL_DELIVERY_COLUMNS = ("report", "record", *DELIVERY_COLUMNS)


def _fill_sqlite(db: sqlite3.Connection, p: Panel) -> None:
    _create(db, "regions", ("key", "name_zh", "level", "parent"), ["key"])
    _insert(db, "regions", ("key", "name_zh", "level", "parent"), p.regions)
    _create(db, "reports", REPORT_TABLE, ["report"])
    _insert(db, "reports", REPORT_TABLE, p.reports)
    _create(db, "records", SQL_RECORD_COLUMNS, ["report", "record"])
    first, n = len(REGION_COLUMNS) + len(REPORT_COLUMNS), len(RECORD_COLUMNS)
    take = itemgetter(COLUMNS.index("report"), COLUMNS.index("record"), *range(first, first + n))
    _insert_tuples(db, "records", SQL_RECORD_COLUMNS, map(take, p.tuples))
    _create(db, "delivery", SQL_DELIVERY_COLUMNS, ["report", "record"])
    _insert_tuples(db, "delivery", SQL_DELIVERY_COLUMNS, p.delivery_tuples)
    _create(db, "escalation", ESCALATION_COLUMNS, ["report", "metric"])
    _insert(db, "escalation", ESCALATION_COLUMNS, p.escalation)
    for sql in (
        "CREATE INDEX reports_region_year ON reports (region, year)",
        "CREATE INDEX records_metric_year ON records (metric, year)",
        "CREATE INDEX records_kind ON records (kind)",
        "CREATE INDEX delivery_status ON delivery (status)",
        "CREATE INDEX escalation_metric_year ON escalation (metric, year, level)",
    ):
        db.execute(sql)
    select = []
    for c in COLUMNS:
        if c in ("region", "report_year", "sha256"):
            select.append({"region": "p.region", "report_year": "p.year AS report_year", "sha256": "p.sha256"}[c])
        elif c in ("name_zh", "level", "parent"):
            select.append(f"g.{_q(c)}")
        elif c in ("report", "record") or c in RECORD_COLUMNS:
            select.append(f"r.{_q(c)}")
        elif c in DELIVERY_COLUMNS:
            select.append(f"d.{_q(c)}")
        elif c == "vs_parent":
            select.append("e.vs_parent")
        else:
            select.append(f"e.{_q(c)}")
    db.execute(
        "CREATE VIEW panel AS SELECT " + ", ".join(select) + " FROM records r JOIN reports p ON p.report = r.report"
        " LEFT JOIN regions g ON g.key = p.region"
        " LEFT JOIN delivery d ON d.report = r.report AND d.record = r.record"
        " LEFT JOIN escalation e ON e.report = r.report AND e.record = r.record"
        " ORDER BY p.region, p.year, r.record"
    )


def _pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet  # noqa: F401 - the writer must be there too
    except ImportError:
        raise InputError("Parquet output needs pyarrow: pip install 'policydiff[parquet]'") from None
    return pa


def _arrow_cell(col: str, v: Any) -> Any:
    """A value of the column's one Arrow type (text columns hold text, real columns floats)."""
    if v is None or col in _BOOL:
        return v
    if col in _REAL:
        return float(v) if isinstance(v, (int, float)) and math.isfinite(v) else None
    if col in _INTEGER:
        return int(v)
    return v if isinstance(v, str) else str(v)


def _arrow_rows(rows: Sequence[Sequence[Any]]) -> list[dict[str, Any]]:
    return [{c: _arrow_cell(c, v) for c, v in zip(COLUMNS, t, strict=True)} for t in rows]


def _arrow_schema(pa):
    def typ(c: str):
        if c in _BOOL:
            return pa.bool_()
        if c in _INTEGER:
            return pa.int64()
        if c in _REAL:
            return pa.float64()
        return pa.string()

    return pa.schema([(c, typ(c)) for c in COLUMNS])


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
