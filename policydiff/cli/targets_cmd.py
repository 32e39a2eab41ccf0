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
  policydiff targets 2020 --kind context           figures a plan describes, not promises
  policydiff targets 2019 -r national --format jsonl
  policydiff targets report.txt --kind commitment  non-numeric promises (verb, object, modality)
"""


@click.command("targets", epilog=EPILOG)
@click.argument("spec", required=False, metavar="[YEAR|FILE]")
@click.option(
    "--kind",
    type=click.Choice(list(KINDS)),
    default="quantity",
    show_default=True,
    help="quantity = targets, results and context figures (a plan's description of the present); "
    "commitment = non-numeric promises; all = both.",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@corpus_options
@out_options
def targets_cmd(spec, kind, fmt, corpus, region, out, force):
    """List the quantitative targets, reported results (and commitments) of a report."""
    report = load_spec(spec or default_spec(corpus, region), corpus, region)
    records = extract(report, kind=kind)
    if fmt in ("csv", "json", "jsonl"):
        text = render_rows(to_dicts(records), fmt, FIELDS)
    else:
        rows = [_row(r, report.text) for r in records]
        columns = COMMITMENT_COLUMNS if kind == "commitment" else TABLE_COLUMNS
        text = render_rows(rows, fmt, columns) if rows else f"{report.key}: no {kind} records\n"
    emit(text, out, force, fmt)


def _row(r, text: str) -> dict:
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
        "quote": quote_window(text, r),
        "verb": r.verb,
        "object": r.object,
        "section": r.section,
    }


def quote_window(text: str, r, before: int = 18, after: int = 10) -> str:
    """The words around a record's span in its sentence, with … where the sentence goes on.

    >>> from types import SimpleNamespace as R
    >>> t = "前文。全年地区生产总值实现712.6亿元，增长4.3%。"
    >>> quote_window(t, R(sentence=t[3:], start=t.index("712"), end=t.index("亿元") + 2), 6, 3)
    '…生产总值实现712.6亿元，增长…'
    """
    sent = r.sentence
    at = text.find(sent, max(0, r.start - len(sent)))
    if at < 0 or at > r.start:
        return sent if len(sent) <= before + after + 12 else sent[: before + after + 12] + "…"
    lo, hi = max(0, r.start - at - before), min(len(sent), r.end - at + after)
    return ("…" if lo else "") + sent[lo:hi] + ("…" if hi < len(sent) else "")


COMMANDS = [targets_cmd]
