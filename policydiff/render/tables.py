"""Tabulated output in the formats every command shares.

>>> print(render_rows([{"指标": "地区生产总值", "值": 4}], "markdown"))
| 指标         |   值 |
|:-------------|-----:|
| 地区生产总值 |    4 |
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from tabulate import tabulate

TABLE_FORMATS = {"table": "simple", "text": "simple", "markdown": "pipe", "latex": "latex_booktabs"}
FORMATS = ("table", "markdown", "csv", "json", "jsonl", "latex")


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " / ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def to_json(data: Any) -> str:
    """Stable JSON: UTF-8 characters kept, keys in insertion order, two-space indent."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_rows(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None) -> str:
    """Render a list of dicts as table / markdown / latex (tabulate), csv, json or jsonl."""
    columns = list(columns) if columns is not None else (list(rows[0].keys()) if rows else [])
    if fmt == "json":
        return to_json([{c: r.get(c) for c in columns} for r in rows])
    if fmt == "jsonl":
        return "".join(json.dumps({c: r.get(c) for c in columns}, ensure_ascii=False) + "\n" for r in rows)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow([_cell(r.get(c)) for c in columns])
        return buf.getvalue()
    if fmt not in TABLE_FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    body = [[_cell(r.get(c)) for c in columns] for r in rows]
    return tabulate(body, headers=columns, tablefmt=TABLE_FORMATS[fmt], disable_numparse=False)
