"""``policydiff compare``: what changed between two years' reports, with quotes."""

from __future__ import annotations

import os
import re

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
      policydiff --corpus ../shared/corpora compare national/2025 hubei/2025 --section targets

    Two regions (REGION/YEAR on both sides, one year or two): sections, targets side by side
    (a province against the national report, or two provinces) and wording; no delivery check.
    """
    keyed = [_region_year(s) for s in (spec_a, spec_b)]
    if any(keyed):
        sides = [k or (region, int(s) if is_year(s) else None) for k, s in zip(keyed, (spec_a, spec_b), strict=True)]
        (ra, ya), (rb, yb) = sides
        if None in (ya, yb) or ra is None or rb is None:
            raise InputError("give both sides as REGION/YEAR (national/2025 hubei/2025), or a YEAR with -r REGION")
        if ra != rb:  # two regions (one year, or two): what each report sets, side by side
            report_a, report_b = corpus.get(ya, ra), corpus.get(yb, rb)
            say(f"policydiff: note: comparing two regions: {report_a.key} and {report_b.key}", err=True)
            _render_result(compare(report_a, report_b), fmt, section, out, force)
            return
        region, spec_a, spec_b = ra, str(ya), str(yb)
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
    _render_result(result, fmt, section, out, force)


def _render_result(result, fmt: str, section: str, out, force: bool) -> None:
    for note in result.notes:
        say(f"policydiff: note: {note}", err=True)
    if fmt == "html":
        from ..render.compare_html import render_html

        text = render_html(result, section)
    else:
        text = render(result, fmt, section)
    emit(text, out, force, fmt)


_KEY = re.compile(r"([A-Za-z0-9_\-\u4e00-\u9fff]+)/((?:19|20)\d\d)")


def _region_year(spec: str) -> tuple[str, int] | None:
    """``hubei/2025`` -> ("hubei", 2025) when no such file exists; None for a YEAR or a FILE.

    >>> _region_year("hubei/2025"), _region_year("2025"), _region_year("a/2025.txt")
    (('hubei', 2025), None, None)
    """
    m = _KEY.fullmatch(spec.strip())
    if m is None or os.path.lexists(spec):
        return None
    return m.group(1), int(m.group(2))


COMMANDS = [compare_cmd]
