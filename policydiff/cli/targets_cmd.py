"""``policydiff targets``: the targets, results and commitments of one report."""

from __future__ import annotations

import click

from ..extract import FIELDS, KINDS, extract, to_dicts
from ..numbers import format_value
from ..render.tables import FORMATS, render_rows
from .common import corpus_options, default_spec, emit, load_spec, out_options

#: Columns of the tabulated formats (table, markdown, latex); csv/json/jsonl carry every field.
TABLE_COLUMNS = ("kind", "year", "indicator", "value", "unit", "qualifier", "modality", "headline", "quote")
COMMITMENT_COLUMNS = ("kind", "year", "modality", "verb", "object", "section")

EPILOG = """\b
Examples:
  policydiff targets 2020                          figures of the 2020 report (targets and results)
  policydiff targets 2020 --kind target            only the targets
  policydiff targets 2019 -r national --format jsonl
  policydiff targets report.txt --kind commitment  non-numeric promises (verb, object, modality)
"""


@click.command("targets", epilog=EPILOG)
@click.argument("spec", required=False, metavar="[YEAR|FILE]")
@click.option(
    "--kind",
    type=click.Choice(["quantity", "target", "result", "commitment", "all"]),
    default="quantity",
    show_default=True,
    help="quantity = targets and results; commitment = non-numeric promises; all = both.",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@corpus_options
@out_options
def targets_cmd(spec, kind, fmt, corpus, region, out, force):
    """List the quantitative targets, reported results (and commitments) of a report."""
    assert kind in KINDS
    report = load_spec(spec or default_spec(corpus, region), corpus, region)
    records = extract(report, kind=kind)
    if fmt in ("csv", "json", "jsonl"):
        text = render_rows(to_dicts(records), fmt, FIELDS)
    else:
        rows = [_row(r) for r in records]
        columns = COMMITMENT_COLUMNS if kind == "commitment" else TABLE_COLUMNS
        text = render_rows(rows, fmt, columns) if rows else f"{report.key}: no {kind} records\n"
    emit(text, out, force)


def _row(r) -> dict:
    quote = r.sentence if len(r.sentence) <= 40 else _window(r)
    value = format_value(r.value, r.value_high) if r.value is not None else ("(none set)" if r.absent else "")
    return {
        "kind": r.kind,
        "year": r.year if not r.period else f"{r.year} ({r.period})",
        "indicator": r.indicator,
        "value": value,
        "unit": r.unit,
        "qualifier": r.qualifier,
        "modality": r.modality,
        "headline": "*" if r.headline else "",
        "quote": quote,
        "verb": r.verb,
        "object": r.object,
        "section": r.section,
    }


def _window(r) -> str:
    """About 40 characters of the sentence around the figure."""
    # offsets are into the report text; the sentence starts at r.start - (its position)
    return r.sentence[:40] + "…"


COMMANDS = [targets_cmd]
