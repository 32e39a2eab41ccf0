"""Tabulated output in the formats every command shares, and the cell rules they follow.

- Numbers are written in plain decimal notation (0.000000001, never 1e-09); numeric columns are
  right-aligned in tables.
- JSON is always valid: NaN and infinities become ``null`` (``allow_nan=False`` guards the rest),
  file-name bytes that are not UTF-8 are written as the text ``\\xff``, and C1 control characters
  and U+2028/U+2029 are ``\\u`` escapes.
- Markdown cells escape ``< >`` (and ``&`` before an entity name) as HTML entities and ``|`` as
  ``\\|``; line breaks become spaces.
- CSV text cells that a spreadsheet would run as a formula (starting with ``= + - @``, tab or
  carriage return, OWASP's list) get a leading ``'``; numbers, numeric columns and numeric text
  such as ``-0.5`` are left alone.

>>> print(render_rows([{"指标": "地区生产总值", "值": 4}], "markdown"))
| 指标         |   值 |
|:-------------|-----:|
| 地区生产总值 |    4 |
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from tabulate import tabulate

TABLE_FORMATS = {"table": "simple", "text": "simple", "markdown": "pipe", "latex": "latex_booktabs"}
FORMATS = ("table", "markdown", "csv", "json", "jsonl", "latex")

#: Integers longer than this many digits are not figures any report gives; JSON gets null.
MAX_INT_DIGITS = 100

_NUMERIC_TEXT = re.compile(r"[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def plain_number(x: float | int) -> str:
    """A number in plain decimal notation: at most six decimals, but a tiny non-zero value keeps
    its digits rather than showing as 0; no exponent, no trailing zeros; "" for NaN and infinities.

    >>> plain_number(1e-09), plain_number(4.30), plain_number(1352.0), plain_number(1e20), plain_number(2 / 3)
    ('0.000000001', '4.3', '1352', '100000000000000000000', '0.666667')
    """
    if isinstance(x, bool):
        return str(x)
    if isinstance(x, int):
        return str(x) if _small_int(x) else ""
    if not math.isfinite(x):
        return ""
    r = round(x, 6)
    text = format(Decimal(repr(r if r != 0 or x == 0 else x)), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def json_safe(value: Any) -> Any:
    """``value`` with what JSON cannot hold replaced: NaN/±inf and absurd integers -> None, lone
    surrogates (undecodable file-name bytes) -> ``\\xNN`` text, tuples and sets -> lists.

    >>> json_safe({"v": float("nan"), "f": "a\\udcffb", "l": (1, float("inf"))})
    {'v': None, 'f': 'a\\\\xffb', 'l': [1, None]}
    """
    if isinstance(value, str):
        return _SURROGATE.sub(_surrogate_text, value) if _SURROGATE.search(value) else value
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, int):
        return value if _small_int(value) else None
    if isinstance(value, dict):
        return {json_safe(k) if isinstance(k, str) else k: json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return [json_safe(v) for v in sorted(value, key=str)]
    return value


def _small_int(x: int) -> bool:
    """At most :data:`MAX_INT_DIGITS` digits (checked without converting to text, which Python
    refuses past 4,300 digits)."""
    return x.bit_length() < 400 and len(str(abs(x))) <= MAX_INT_DIGITS


_SURROGATE = re.compile(r"[\ud800-\udfff]")
_JSON_RISKY = re.compile(r"[\x7f-\x9f\u2028\u2029]")


def _surrogate_text(m: re.Match[str]) -> str:
    o = ord(m.group(0))
    return f"\\x{o - 0xDC00:02x}" if 0xDC80 <= o <= 0xDCFF else "\ufffd"


def dumps(data: Any, *, indent: int | None = None) -> str:
    """JSON text that is always valid UTF-8 JSON (see :func:`json_safe`); keys in insertion order."""
    text = json.dumps(json_safe(data), ensure_ascii=False, indent=indent, allow_nan=False)
    return _JSON_RISKY.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def to_json(data: Any) -> str:
    """Stable JSON: UTF-8 characters kept, keys in insertion order, two-space indent."""
    return dumps(data, indent=2) + "\n"


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " / ".join(plain_number(v) if isinstance(v, float) else str(v) for v in value)
    if isinstance(value, dict):
        return dumps(value)
    if isinstance(value, float):
        return plain_number(value)
    return value


def csv_cell(value: Any) -> Any:
    """A CSV cell: text that a spreadsheet would run as a formula gets a leading quote (OWASP);
    numbers and numeric text (-0.5, +3%) stay as they are.

    >>> [csv_cell(v) for v in ["=1+1", "-0.5", "+3%", "@SUM(A1)", "-> 力争", 7, "城镇"]]
    ["'=1+1", '-0.5', '+3%', "'@SUM(A1)", "'-> 力争", 7, '城镇']
    """
    if isinstance(value, float):  # as Python writes it (6.0), but never 1e-09, nan or inf
        value = repr(value) if "e" not in repr(value) and math.isfinite(value) else plain_number(value)
    value = _cell(value)
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMERIC_TEXT.fullmatch(value):
        return "'" + value
    return value


def markdown_cell(value: Any) -> Any:
    """A Markdown table cell: HTML-significant characters as entities, pipes escaped, one line.

    >>> markdown_cell("<script>a|b</script> & c")
    '&lt;script&gt;a\\\\|b&lt;/script&gt; & c'
    """
    value = _cell(value)
    if not isinstance(value, str):
        return value
    return markdown_text(value).replace("|", "\\|").replace("\r", " ").replace("\n", " ")


_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")


def markdown_text(text: str) -> str:
    """Running Markdown text with ``<`` and ``>`` as entities (no raw HTML gets through) and ``&``
    escaped where it would start an entity (a lone ``&`` is shown as written by Markdown).

    >>> markdown_text("R&D <img src=x onerror=alert(1)> &lt;")
    'R&D &lt;img src=x onerror=alert(1)&gt; &amp;lt;'
    """
    return _ENTITY.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")


def _is_numeric(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    return isinstance(value, str) and bool(_NUMERIC_TEXT.fullmatch(value.strip()))


def render_rows(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None) -> str:
    """Render a list of dicts as table / markdown / latex (tabulate), csv, json or jsonl."""
    columns = list(columns) if columns is not None else (list(rows[0].keys()) if rows else [])
    if fmt == "json":
        return to_json([{c: r.get(c) for c in columns} for r in rows])
    if fmt == "jsonl":
        return "".join(dumps({c: r.get(c) for c in columns}) + "\n" for r in rows)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow([csv_cell(c) for c in columns])
        for r in rows:
            writer.writerow([csv_cell(r.get(c)) for c in columns])
        return buf.getvalue()
    if fmt not in TABLE_FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    cell = markdown_cell if fmt == "markdown" else _cell
    body = [[cell(r.get(c)) for c in columns] for r in rows]
    headers = [markdown_cell(c) if fmt == "markdown" else c for c in columns]
    # Numbers are formatted here (plain notation); tabulate only aligns: numeric columns to the right.
    align = []
    for k in range(len(columns)):
        values = [row[k] for row in body if row[k] != ""]
        align.append("right" if values and all(_is_numeric(v) for v in values) else "left")
    return tabulate(body, headers=headers, tablefmt=TABLE_FORMATS[fmt], disable_numparse=True, colalign=align or None)
