"""The :class:`Panel`: rows built from extracted reports, with delivery and the parent's target."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any

from ..cache import ExtractionCache
from ..errors import InputError, show_path
from ..extract import Record
from ..fileio import atomic_build, atomic_write, check_output
from ..regions import RegionTable
from ..render.tables import dumps
from ..report import Report
from .columns import (
    COLUMNS,
    DELIVERY_COLUMNS,
    ESCALATION_COLUMNS,
    KINDS,
    PARENT_COLUMNS,
    RECORD_COLUMNS,
    RELATIONS,
    SQL_DELIVERY_COLUMNS,
    SUFFIXES,
)
from .escalation import _escalation, year_targets
from .extraction import Extracted, _parts_for, analyse
from .judging import Judged, _clean, link_deliveries
from .writers import _arrow_rows, _arrow_schema, _csv, _fill_table, _pyarrow, write_sqlite

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
        rows, reports, delivered, escalation = _assemble(selected, every, links, kind, table)
        regions = region_rows([x.region for x in selected], table)
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
        else:  # made in place beside the target, then linked into place
            return atomic_build(target, self._write_sqlite, force=force)
        return atomic_write(target, data, force=force)

    def csv_text(self) -> str:
        """The rows as CSV (header first; empty cells for None)."""
        return csv_text(self.tuples)

    def jsonl_text(self) -> str:
        """The rows as JSON lines (keys in column order)."""
        return jsonl_text(self.tuples)

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
            self._write_sqlite(path)
            return path.read_bytes()

    def _write_sqlite(self, path: Path) -> None:
        write_sqlite(path, lambda db, name, columns: _fill_table(db, self, name, columns))


def csv_text(rows: Iterable[Sequence[Any]], *, header: bool = True) -> str:
    """Rows (in :data:`COLUMNS` order) as CSV, the header first when ``header``; empty cells for None.
    Row by row, so the text of consecutive runs of rows, put together, is the text of them all."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    if header:
        w.writerow(COLUMNS)
    for t in rows:
        w.writerow([_csv(v) for v in t])
    return buf.getvalue()


def jsonl_text(rows: Iterable[Sequence[Any]]) -> str:
    """Rows (in :data:`COLUMNS` order) as JSON lines, keys in column order."""
    return "".join(dumps(dict(zip(COLUMNS, t, strict=True))) + "\n" for t in rows)


_RECORD_VALUES = attrgetter(*RECORD_COLUMNS)
_PARENT_VALUES = itemgetter(*PARENT_COLUMNS)


def _assemble(
    selected: Sequence[Extracted],
    every: dict[str, Extracted],
    links: dict[int, Judged],
    kind: str,
    table: RegionTable,
    *,
    tables: bool = False,
) -> tuple[list[tuple], list[dict[str, Any]], list[tuple], list[Any]]:
    """The rows, reports, delivery rows and escalation rows of ``selected`` (sorted by region and year).

    ``every`` holds every report they need: their own, the other reports of their regions (whose
    results ``links``, the delivery judgements of their targets, point to) and the nearest ancestor's
    report of each one's year. Any run of the sorted reports can be assembled on its own (in a worker
    process) given those: the parts of consecutive runs, put one after the other, are the whole's.
    With ``tables``, the rows are those of the SQLite ``records`` table (report, record and the
    record's fields) and the escalation rows tuples in :data:`ESCALATION_COLUMNS` order.
    """
    targets_of = {k: year_targets(x) for k, x in every.items()}
    escalation, parent_of_target = _escalation(selected, every, targets_of, table)
    rows: list[tuple] = []
    reports: list[dict[str, Any]] = []
    delivered: list[tuple] = []
    no_delivery = (None,) * len(DELIVERY_COLUMNS)
    no_parent = (None,) * len(PARENT_COLUMNS)
    for ex in selected:
        reg = table.get(ex.region)
        recs = ex.records(kind)
        key = ex.key
        reports.append(
            {
                "report": key,
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
        head = (ex.region, reg.name_zh, reg.level, reg.parent, key, ex.year, ex.sha256)
        for i, rec in enumerate(recs):
            if rec.kind == "target":
                dvals, pvals = no_delivery, no_parent
                judged = links.get(id(rec))
                if judged is not None:
                    dvals = _delivery_values(*judged, rec)
                    delivered.append((key, i, *dvals))
                esc = parent_of_target.get(id(rec))
                if esc is not None:
                    pvals = _PARENT_VALUES(esc)
                    esc["record"] = i
                if not tables:
                    rows.append((*head, i, *_RECORD_VALUES(rec), *dvals, *pvals))
                    continue
            elif not tables:
                rows.append((*head, i, *_RECORD_VALUES(rec), *no_delivery, *no_parent))
                continue
            rows.append((key, i, *_RECORD_VALUES(rec)))
    for esc in escalation:  # record numbers in the output's numbering (None when not in the rows)
        esc.setdefault("record", None)
        pt = esc.pop("_parent_target", None)
        esc["parent_record"] = _index_in(every.get(esc["parent_report"] or ""), pt, kind)
    ordered = itemgetter(*ESCALATION_COLUMNS)  # every row has every column (and _parent_target went)
    if tables:
        return rows, reports, delivered, list(map(ordered, escalation))
    return rows, reports, delivered, [dict(zip(ESCALATION_COLUMNS, ordered(e), strict=True)) for e in escalation]


def region_rows(regions: Iterable[str], table: RegionTable) -> list[dict[str, Any]]:
    """The ``regions`` table: the regions given and their ancestors, sorted by key."""
    keys: set[str] = set()
    for r in regions:
        keys.add(r)
        keys.update(table.ancestors(r))
    return [table.get(k).to_dict() for k in sorted(keys)]


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
