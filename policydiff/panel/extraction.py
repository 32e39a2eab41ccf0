"""Extraction for a panel: cached, parallel, in order."""

from __future__ import annotations

import contextlib
import gc
import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import Any

from ..cache import ExtractionCache, encode_payload
from ..corpus import Entry
from ..errors import PolicydiffError
from ..extract import FIELDS, Record, extract
from ..report import Report, load_report
from ..workers import choose_workers, ordered_map  # noqa: F401  (choose_workers re-exported)

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


def _payload(ex: Extracted, part: str) -> dict[str, Any]:
    """A part of a report as a cache payload: the field names once, then one tuple of values per
    record. Equal texts are made one object (the sentence and section heading many records share,
    the report key, units, metrics), which marshal stores once and reads back as one object."""
    same: dict[str, str] = {}
    one = same.setdefault
    rows = [tuple([one(v, v) if v.__class__ is str else v for v in _FIELD_VALUES(r)]) for r in ex.parts.get(part, [])]
    return {"meta": ex.meta, "fields": FIELDS, "rows": rows}


def _records_of(payload: dict[str, Any]) -> list[Record]:
    """The records of a payload (raises KeyError, TypeError, ValueError or IndexError for one that does
    not fit)."""
    names, rows = tuple(payload["fields"]), payload["rows"]
    if names == FIELDS:
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


def _run_jobs(jobs: list[Job], workers: int | None) -> Iterator[Extracted | str]:
    return ordered_map(_work, jobs, workers=workers)


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
