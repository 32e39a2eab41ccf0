"""Per-report analysis for the graph: each report's records and their themes, in parallel processes when that pays.

:func:`iter_analyses` gives one :class:`ReportAnalysis` per report, in the order of the reports, from
worker processes (forked on Linux, so they share the loaded word lists) when there are
:data:`PARALLEL_MIN_REPORTS` reports or more; Ctrl-C and errors stop the workers at once.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Generator, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from ..errors import PolicydiffError
from ..extract import extract
from ..model import Record, ReportRef
from ..report import Report
from ..themes import ReportThemes, Themes

#: Below this many reports the graph is built in this process: starting worker processes costs
#: more than it saves (benchmarks/bench_graph.py measures it).
PARALLEL_MIN_REPORTS = 12


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
