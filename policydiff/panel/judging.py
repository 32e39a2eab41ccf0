"""Delivery: each target judged against the result a later report of its region gives."""

from __future__ import annotations

import hashlib
import math
import sys
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from ..cache import ExtractionCache, engine_fingerprint
from ..delivery import Delivery, judge
from ..extract import Record
from ..link import match_results
from ..workers import choose_workers, pool_map
from .extraction import Extracted

# ---------------------------------------------------------------------------
# Delivery and the parent's target
# ---------------------------------------------------------------------------


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
    it (:func:`policydiff.link.match_results`, one call per pair of reports as ``compare`` makes
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
    _JUDGING[:] = todo
    try:
        for k, rows in zip(order, pool_map(_judge_job, order, n), strict=True):
            out[k] = rows
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
