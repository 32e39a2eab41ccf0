"""``policydiff compare``: what changed between two years' reports, with quotes."""

from __future__ import annotations

import click

from ..compare import compare
from ..corpus import is_year
from ..errors import InputError, NotFoundError
from ..render.compare_text import FORMATS, SECTIONS, render
from .common import corpus_options, emit, load_spec, out_options, say


def _load_side(spec: str, corpus, region: str | None):
    """The report for YEAR or FILE; None for a year the corpus does not have."""
    if is_year(spec):
        if region is not None and (region, int(spec)) not in corpus:
            return None
    return load_spec(spec, corpus, region)


@click.command("compare")
@click.argument("spec_a", metavar="YEAR_A|FILE_A")
@click.argument("spec_b", metavar="YEAR_B|FILE_B")
@click.option(
    "--format", "fmt", type=click.Choice([*FORMATS, "html"]), default="text", show_default=True, help="Output format."
)
@click.option(
    "--section",
    type=click.Choice(SECTIONS),
    default="all",
    show_default=True,
    help="Only this part of the comparison.",
)
@corpus_options
@out_options
def compare_cmd(spec_a, spec_b, fmt, section, corpus, region, out, force):
    """Compare two reports: sections, targets, delivery of A's targets in B, wording.

    YEAR_A is the earlier report. When only one of two years is in the corpus, the command says so on
    stderr and shows what the other report gives on its own: its previous-year results next to its
    targets for its own year.

    \b
    Examples:
      policydiff compare 2019 2020
      policydiff compare 2019 2020 -r national --corpus ../shared/corpora --section delivery
      policydiff compare 2019 2020 -r national --corpus ../shared/corpora --format html --out cmp.html
      policydiff compare a.txt b.txt --format json
    """
    years = [int(s) for s in (spec_a, spec_b) if is_year(s)]
    if len(years) == 2 and years[0] == years[1]:
        raise InputError(f"YEAR_A and YEAR_B are both {years[0]}: give two different years")
    if years:
        region = corpus.resolve_region(years, region)
    report_a = _load_side(spec_a, corpus, region)
    report_b = _load_side(spec_b, corpus, region)
    if report_a is None and report_b is None:
        have = ", ".join(map(str, corpus.years(region))) or "none"
        raise NotFoundError(f"neither {region}/{spec_a} nor {region}/{spec_b} is in the corpus (it has: {have})")
    if report_a is not None and report_b is not None and report_a.year > report_b.year:
        report_a, report_b = report_b, report_a
        say(f"policydiff: note: comparing in time order: {report_a.key} → {report_b.key}", err=True)
    year_a = report_a.year if report_a is not None else int(spec_a)
    year_b = report_b.year if report_b is not None else int(spec_b)
    if report_a is None and year_a > year_b or report_b is None and year_b < year_a:
        year_a, year_b = year_b, year_a
        report_a, report_b = report_b, report_a
    result = compare(report_a, report_b, year_a=year_a, year_b=year_b, region=region)
    for note in result.notes:
        say(f"policydiff: note: {note}", err=True)
    if fmt == "html":
        from ..render.compare_html import render_html

        text = render_html(result, section)
    else:
        text = render(result, fmt, section)
    emit(text, out, force, fmt)


COMMANDS = [compare_cmd]
