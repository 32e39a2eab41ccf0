"""``policydiff corpus`` and ``policydiff sections``."""

from __future__ import annotations

import click

from ..render.tables import render_rows, to_json
from .common import corpus_options, default_spec, echo, load_spec, say


@click.command("corpus")
@click.option("--format", "fmt", type=click.Choice(["table", "markdown", "csv", "json"]), default="table")
@corpus_options
def corpus_cmd(fmt, corpus, region):
    """List the regions and years in the corpus.

    \b
    Example:
      policydiff corpus --corpus ../shared/corpora
    """
    info = corpus.regions_info()
    regions = [region] if region else corpus.regions()
    if region:
        corpus.resolve_region([], region)
    rows = []
    for r in regions:
        years = corpus.years(r)
        meta = info.get(r, {})
        rows.append(
            {
                "region": r,
                "name": meta.get("name"),
                "level": meta.get("level"),
                "reports": len(years),
                "years": _compact_years(years),
                "folders": sorted({str(e.path.parent.parent) for e in corpus if e.region == r}),
            }
        )
    if fmt == "json":
        for row in rows:
            row["years"] = corpus.years(row["region"])
        echo(to_json({"schema": "policydiff.corpus/1", "regions": rows, "warnings": corpus.warnings}), nl=False)
        return
    say(render_rows(rows, fmt, ["region", "name", "level", "reports", "years"]))
    for w in corpus.warnings:
        say(f"warning: {w}", err=True)


def _compact_years(years: list[int]) -> str:
    """2012-2019 for runs, commas between runs: 2000-2003, 2005."""
    runs: list[list[int]] = []
    for y in years:
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def section_rows(report) -> list[dict]:
    rows = []
    for sec in report.sections():
        if sec.id == "0" and not sec.paragraphs:
            continue
        rows.append(
            {
                "id": sec.id,
                "level": sec.level,
                "marker": sec.marker,
                "title": sec.title or "(preamble)",
                "kind": sec.kind,
                "years": list(sec.years),
                "start": sec.start,
                "end": sec.end,
                "paragraphs": len(sec.paragraphs),
                "sentences": sum(len(report.paragraphs[i].sentences) for i in sec.paragraphs),
            }
        )
    return rows


@click.command("sections")
@click.argument("report_spec", metavar="[YEAR|FILE]", required=False)
@click.option("--format", "fmt", type=click.Choice(["tree", "table", "markdown", "csv", "json"]), default="tree")
@click.option("--depth", type=click.IntRange(1, 4), default=4, help="Deepest heading level shown.")
@corpus_options
def sections_cmd(report_spec, fmt, depth, corpus, region):
    """Print a report's heading tree with each part's classification.

    \b
    Examples:
      policydiff sections 2020
      policydiff sections 2019 -r national --corpus ../shared/corpora --format json
    """
    report = load_spec(report_spec or default_spec(corpus, region), corpus, region)
    rows = [r for r in section_rows(report) if r["level"] <= depth]
    if fmt == "json":
        meta = report.meta
        echo(
            to_json(
                {
                    "schema": "policydiff.sections/1",
                    "report": report.key,
                    "source": report.source,
                    "sha256": report.sha256,
                    "meta": {
                        k: getattr(meta, k)
                        for k in (
                            "title",
                            "date",
                            "meeting",
                            "speaker",
                            "office",
                            "region_name",
                            "encoding",
                            "warnings",
                        )
                    },
                    "sections": rows,
                }
            ),
            nl=False,
        )
        return
    if fmt != "tree":
        say(render_rows(rows, fmt, ["id", "level", "marker", "title", "kind", "years", "sentences"]))
        return
    meta = report.meta
    head = " · ".join(
        x for x in (report.key, meta.date, meta.meeting, meta.speaker and f"{meta.office} {meta.speaker}") if x
    )
    say(head)
    for w in meta.warnings:
        say(f"warning: {w}", err=True)
    for r in rows:
        if r["level"] == 0:
            say(f"[preamble] {r['sentences']} sentences")
            continue
        indent = "  " * (r["level"] - 1)
        label = f"{r['marker']}{r['title']}" if r["marker"] != "——" else f"——{r['title']}"
        tag = f"  [{' '.join([r['kind'], ','.join(map(str, r['years']))]).strip()}]" if r["level"] == 1 else ""
        say(f"{indent}{label}{tag}")


COMMANDS = [corpus_cmd, sections_cmd]
