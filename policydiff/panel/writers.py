"""Writing a panel: CSV cells, the SQLite tables and view, the Arrow schema."""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from operator import itemgetter
from pathlib import Path
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
    """Insert dict rows (a missing column is NULL)."""
    _executemany(db, name, columns, _dict_values(rows, columns))


def _dict_values(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> list[tuple]:
    try:  # every column there (the panel's own rows): taken in C
        return list(map(itemgetter(*columns), rows))
    except KeyError:  # rows given without some columns: those are NULL
        return [tuple(r.get(c) for c in columns) for r in rows]


def _executemany(db: sqlite3.Connection, name: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Insert rows given in column order (bools are 0/1 in SQLite; a NaN is stored as NULL by SQLite
    itself, as None would be)."""
    marks = ", ".join("?" for _ in columns)
    db.executemany(f"INSERT INTO {name} ({', '.join(map(_q, columns))}) VALUES ({marks})", _bindable(rows, columns))


def _null_infinities(db: sqlite3.Connection, name: str, columns: Sequence[str]) -> None:
    """Infinities in real columns made NULL (one pass over the table, after its rows went in)."""
    real = [_q(c) for c in columns if c in _REAL]
    if real:
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


REGION_TABLE = ("key", "name_zh", "level", "parent")
#: The tables of the SQLite file in the order they are made: name, columns, primary key.
SQL_TABLES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("regions", REGION_TABLE, ("key",)),
    ("reports", REPORT_TABLE, ("report",)),
    ("records", SQL_RECORD_COLUMNS, ("report", "record")),
    ("delivery", SQL_DELIVERY_COLUMNS, ("report", "record")),
    ("escalation", ESCALATION_COLUMNS, ("report", "metric")),
)
#: A function that puts the rows of one table (name, columns) into the database.
Filler = Callable[[sqlite3.Connection, str, Sequence[str]], None]


#: A row of the ``records`` table from a panel row.
_RECORD_ROW = itemgetter(
    COLUMNS.index("report"),
    COLUMNS.index("record"),
    *range(len(REGION_COLUMNS) + len(REPORT_COLUMNS), len(REGION_COLUMNS) + len(REPORT_COLUMNS) + len(RECORD_COLUMNS)),
)


def _fill_table(db: sqlite3.Connection, p: Panel, name: str, columns: Sequence[str]) -> None:
    """A :data:`Filler` of the panel's own rows."""
    rows: Iterable[Sequence[Any]]
    if name == "records":
        rows = map(_RECORD_ROW, p.tuples)
    elif name == "delivery":
        rows = p.delivery_tuples
    else:
        rows = _dict_values({"regions": p.regions, "reports": p.reports, "escalation": p.escalation}[name], columns)
    _executemany(db, name, columns, rows)


def _make_sqlite(db: sqlite3.Connection, fill: Filler, infinite: Collection[str] | None = None) -> None:
    """Make every table (:data:`SQL_TABLES`, in order) and fill it with ``fill``, then the indexes and
    the view. Whatever ``fill`` does, the same rows in the same order give the same file, byte for byte.
    ``infinite``: the tables that may hold an infinity (None: any); the others need no pass to clear
    them (an UPDATE that changes no row leaves the file as it was)."""
    for name, columns, key in SQL_TABLES:
        _create(db, name, columns, key)
        fill(db, name, columns)
        if infinite is None or name in infinite:
            _null_infinities(db, name, columns)
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


def write_sqlite(
    path: Path, fill: Filler, *, attach: Sequence[Path] = (), infinite: Collection[str] | None = None
) -> None:
    """A new SQLite file at ``path`` made by :func:`_make_sqlite` in one transaction, without a journal
    (the file is a temporary one that is linked into place when complete). ``attach``: databases the
    filler reads, attached as ``c0``, ``c1``, ... (before the transaction: SQLite attaches outside one)."""
    db = sqlite3.connect(str(path), isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        for i, other in enumerate(attach):
            db.execute(f"ATTACH DATABASE ? AS c{i}", (str(other),))
        db.execute("BEGIN")
        _make_sqlite(db, fill, infinite)
        db.execute("COMMIT")
    finally:
        db.close()


def copy_filler(chunks: int, regions: Sequence[dict[str, Any]]) -> Filler:
    """A filler that inserts the regions given and copies every other table from the attached
    databases ``c0`` … in order (made by :func:`write_scratch`): SQLite copies the rows itself."""

    def fill(db: sqlite3.Connection, name: str, columns: Sequence[str]) -> None:
        if name == "regions":
            _executemany(db, name, columns, _dict_values(regions, columns))
            return
        cols = ", ".join(map(_q, columns))
        for i in range(chunks):
            db.execute(f"INSERT INTO main.{name} ({cols}) SELECT {cols} FROM c{i}.{name} ORDER BY rowid")

    return fill


def write_scratch(
    path: Path,
    reports: Sequence[dict[str, Any]],
    records: Sequence[Sequence[Any]],
    delivery: Sequence[Sequence[Any]],
    escalation: Sequence[Sequence[Any]],
) -> list[str]:
    """A part of a panel (all but the regions) as an SQLite file for :func:`copy_filler`: the rows of
    the tables ``reports`` (dicts), ``records``, ``delivery`` and ``escalation`` (in column order),
    their values exactly as they would be bound to the final tables, in columns without a type
    (SQLite stores each as given; the final table's column types then convert them as binding would)
    and without keys. Returns the tables that hold an infinity in a real column."""
    tables: dict[str, Iterable[Sequence[Any]]] = {
        "reports": _dict_values(reports, REPORT_TABLE),
        "records": records,
        "delivery": delivery,
        "escalation": escalation,
    }
    infinite = []
    db = sqlite3.connect(str(path), isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.execute("BEGIN")
        for name, columns, _ in SQL_TABLES:
            if name in tables:
                db.execute(f"CREATE TABLE {name} ({', '.join(map(_q, columns))})")
                _executemany(db, name, columns, tables[name])
                real = [_q(c) for c in columns if c in _REAL]  # as the final column would store it
                where = " OR ".join(f"CAST({c} AS REAL) IN (9e999, -9e999)" for c in real)
                if real and db.execute(f"SELECT EXISTS (SELECT 1 FROM {name} WHERE {where})").fetchone()[0]:
                    infinite.append(name)
        db.execute("COMMIT")
    finally:
        db.close()
    return infinite


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
