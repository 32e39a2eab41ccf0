"""Per-report analysis for the graph: each report's records and their themes, in parallel processes when that pays.

:func:`iter_analyses` gives one :class:`ReportAnalysis` per report, in the order of the reports, from
worker processes (forked on Linux, so they share the loaded word lists) when there are
:data:`PARALLEL_MIN_REPORTS` reports or more; Ctrl-C and errors stop the workers at once.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable
from dataclasses import dataclass

from ..extract import extract
from ..model import Record, ReportRef
from ..report import Report
from ..themes import ReportThemes, Themes
from ..workers import PARALLEL_MIN_REPORTS, choose_workers, ordered_map  # noqa: F401  (re-exported)


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


def iter_analyses(reports: Iterable[Report], *, workers: int | None = None) -> Generator[ReportAnalysis, None, None]:
    """Analyse reports in order, in parallel processes when ``workers`` (or the heuristic) says so.

    Results come back in the order of ``reports`` whatever the number of processes.
    """
    yield from ordered_map(analyse_report, list(reports), workers=workers)
