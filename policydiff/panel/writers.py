"""Writing a panel: CSV cells, the SQLite tables and view, the Arrow schema."""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..render.tables import csv_cell
from .columns import (
    COLUMNS,
    DELIVERY_COLUMNS,
    ESCALATION_COLUMNS,
    RECORD_COLUMNS,
    REGION_COLUMNS,
    REPORT_COLUMNS,
    REPORT_TABLE,
    SQL_DELIVERY_COLUMNS,
    SQL_RECORD_COLUMNS,
)

if TYPE_CHECKING:
    from .rows import Panel


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
