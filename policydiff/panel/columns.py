"""The panel's column sets: the rows, the SQLite tables and the escalation table."""

from __future__ import annotations

from ..extract import FIELDS

KINDS = ("quantity", "target", "result", "context", "commitment", "all")
SUFFIXES = (".csv", ".jsonl", ".sqlite", ".parquet")

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


#: Record columns stored in the ``records`` table (region and report columns live in ``reports``).
SQL_RECORD_COLUMNS = ("report", "record", *RECORD_COLUMNS)
SQL_DELIVERY_COLUMNS = ("report", "record", *DELIVERY_COLUMNS)
