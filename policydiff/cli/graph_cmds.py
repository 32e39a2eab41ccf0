"""``policydiff graph``, ``timeline`` and ``themes``: corpus-wide runs over many reports."""

from __future__ import annotations

import functools
import re
import sys
from collections import Counter
from pathlib import Path

import click

from ..corpus import Corpus, is_year, listing
from ..errors import AmbiguousError, InputError, NotFoundError, show_path
from ..fileio import atomic_write, check_output
from ..metrics import metric_name
from ..numbers import format_value
from ..regions import corpus_regions, level_rank
from ..render.tables import FORMATS, render_rows, to_json
from ..themes import profile_change, theme_profile
from .common import (
    corpus_dirs_option,
    corpus_options,
    default_spec,
    emit,
    load_spec,
    out_options,
    resolve_pair,
    run_with_corpus,
    say,
)

FORMAT_NAMES = {".graphml": "GraphML", ".gexf": "GEXF", ".json": "node-link JSON"}


def parse_years(spec: str | None) -> list[int] | None:
    """``2010-2025``, ``2019``, ``2010-2012,2015`` -> sorted years (None for no spec).

    >>> parse_years("2010-2012,2015"), parse_years(None)
    ([2010, 2011, 2012, 2015], None)
    """
    if spec is None:
        return None
    years: set[int] = set()
    for part in spec.replace("，", ",").split(","):
        part = part.strip()
        m = re.fullmatch(r"((?:19|20)\d\d)\s*(?:[-–~]|\.\.)\s*((?:19|20)\d\d)|((?:19|20)\d\d)", part)
        if not m:
            raise InputError(f"--years {spec!r}: give years like 2010-2025, 2019 or 2010-2012,2015")
        if m.group(3):
            years.add(int(m.group(3)))
        else:
            a, b = int(m.group(1)), int(m.group(2))
            if a > b:
                raise InputError(f"--years {spec!r}: the range runs backwards")
            years.update(range(a, b + 1))
    return sorted(years)


def _region(corpus: Corpus, region: str | None, years: list[int] | None) -> str:
    if years:
        return corpus.resolve_region(years, region)
    if region is not None:
        return corpus.resolve_region([], region)
    regions = corpus.regions()
    if len(regions) != 1:
        raise AmbiguousError(f"several regions in the corpus ({listing(regions)}): choose one with --region")
    return regions[0]


def _reports(corpus: Corpus, region: str, years: list[int] | None, *, extra_year: bool = False):
    have = corpus.years(region)
    wanted = have if years is None else [y for y in years if y in have]
    if not wanted:
        asked = f"{years[0]}-{years[-1]}" if years else "any year"
        raise NotFoundError(f"no {region} report for {asked} (have: {listing(map(str, have)) or 'none'})")
    if extra_year and years is not None and years[-1] + 1 in have and years[-1] + 1 not in wanted:
        wanted = [*wanted, years[-1] + 1]  # the next report gives the last year's results
    return [corpus.get(y, region) for y in wanted]


def _workers_option(func):
    return click.option(
        "--workers",
        type=click.IntRange(min=1),
        default=None,
        help="Processes for extraction (default: parallel only for many reports).",
    )(func)


# ---------------------------------------------------------------------------
# graph
# ---------------------------------------------------------------------------


def _regions_options(func):
    """``--corpus DIR`` (repeatable), ``-r/--region`` (repeatable) and ``--level`` for ``graph``."""

    @corpus_dirs_option
    @click.option("-r", "--region", "regions", multiple=True, help="Region key (repeatable for several regions).")
    @click.option("--level", default=None, help="Every region of this level: national, province, city, county, ...")
    @functools.wraps(func)
    def wrapper(*args, corpus_dirs=(), regions=(), **kwargs):
        ctx = click.get_current_context()
        dirs = tuple(ctx.find_root().params.get("corpus_dirs") or ()) + tuple(corpus_dirs)
        if kwargs.get("out") is not None:
            check_output(kwargs["out"], force=bool(kwargs.get("force")))
        corpus = Corpus(dirs)
        return run_with_corpus(
            corpus, lambda: func(*args, corpus=corpus, regions=tuple(dict.fromkeys(regions)), **kwargs)
        )

    return wrapper


def _many_regions(corpus: Corpus, table, regions: tuple[str, ...], level: str | None, years: list[int] | None):
    """The reports of several regions (the -r list, or every region of --level), region by region."""
    have = corpus.regions()
    keys = list(regions)
    for r in keys:
        if r not in have:
            raise NotFoundError(f"unknown region {show_path(r, 60)!r} (corpus has: {listing(have) or 'none'})")
    if level is not None:
        pool = keys or have
        keys = [r for r in pool if table.get(r).level == level.lower()]
        if not keys:
            present = listing(sorted({table.get(r).level for r in pool}, key=level_rank)) or "none"
            raise NotFoundError(f"no region of level {level.lower()!r} in the corpus (levels present: {present})")
    reports = []
    for r in keys:
        ys = corpus.years(r) if years is None else [y for y in years if y in corpus.years(r)]
        if not ys and level is None:
            asked = f"{years[0]}-{years[-1]}" if years else "any year"
            raise NotFoundError(f"no {r} report for {asked} (have: {listing(map(str, corpus.years(r))) or 'none'})")
        reports += [corpus.get(y, r) for y in ys]
    if not reports:
        asked = f" for {years[0]}-{years[-1]}" if years else ""
        raise NotFoundError(f"no report of {listing(keys)}{asked} in the corpus")
    return reports


@click.command("graph")
@click.argument("specs", nargs=-1, metavar="[YEAR|FILE]...")
@click.option("--years", "years_spec", default=None, help="Years, e.g. 2010-2025 or 2012,2015 (default: all).")
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False),
    help="Output file: .graphml, .gexf (dynamic, for Gephi) or .json (node-link).",
)
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@_workers_option
@_regions_options
def graph_cmd(specs, years_spec, out, force, workers, corpus, regions, level):
    """Build the theme–metric graph of one or several regions' reports and write it to FILE.

    The reports are a region's years (all, or --years), those of several regions (-r repeated, or
    every region of --level), or the YEAR and FILE arguments given; -r gives FILE arguments their
    region (else it comes from a <region>/<year>.txt name). Nodes are themes, metrics,
    observations (one per extracted target or result) and reports; targets link to the result the
    next report gives, with met / missed / exceeded. With several regions (or --level) the graph
    also has region nodes, part_of their parent region, with observations and reports in_region.
    A summary of the node and edge counts goes to standard output, the progress bar to standard
    error.

    \b
    Examples:
      policydiff --corpus ../shared/corpora graph -r national --years 2010-2025 --out national.graphml
      policydiff --corpus ../shared/corpora graph -r national -r hubei -r anhui --years 2025 --out three.gexf
      policydiff --corpus ../shared/corpora graph --level province --years 2025 --out provinces.graphml
      policydiff --corpus ../shared/corpora graph -r hailar --out hailar.gexf
      policydiff graph --out dongsheng.json
      policydiff graph a/2019.txt a/2020.txt -r mycity --out mycity.gexf
    """
    from ..graph import EXPORT_SUFFIXES, build_graph, graph_summary, write_graph  # networkx: only when used

    path = Path(out)
    if out == "":
        raise InputError("--out: the file name is empty")
    if path.suffix.lower() not in EXPORT_SUFFIXES:
        raise InputError(f"--out {show_path(out)}: the name must end in {', '.join(EXPORT_SUFFIXES)}")
    table = None
    region = regions[0] if regions else None
    if specs:
        if years_spec:
            raise InputError("give YEAR/FILE arguments or --years, not both")
        if len(regions) > 1 or level is not None:
            raise InputError("YEAR/FILE arguments take one -r region; for several regions use -r/--level with --years")
        asked = [int(s) for s in specs if is_year(s)]
        if asked:
            region = corpus.resolve_region(asked, region)
        reports = [load_spec(s, corpus, region) for s in specs]
    elif len(regions) > 1 or level is not None:
        table = corpus_regions(corpus)
        reports = _many_regions(corpus, table, regions, level, parse_years(years_spec))
    else:
        years = parse_years(years_spec)
        region = _region(corpus, region, years)
        reports = _reports(corpus, region, years)
    with click.progressbar(length=len(reports), label=f"Reading {len(reports)} reports", file=sys.stderr) as bar:
        graph = build_graph(reports, workers=workers, progress=lambda _a: bar.update(1), regions=table)
    written = write_graph(graph, path, force=force)
    summary = graph_summary(graph)
    ys = sorted({r.year for r in reports})
    span = f"{ys[0]}-{ys[-1]}" if len(ys) > 1 else str(ys[0])
    regions = ", ".join(sorted({r.region for r in reports}))
    say(f"{regions} {span}: {len(reports)} reports, {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
    rows = [{"element": "node", "type": t, "count": n} for t, n in summary["nodes"].items()]
    rows += [{"element": "edge", "type": t, "count": n} for t, n in summary["edges"].items()]
    say(render_rows(rows, "table", ["element", "type", "count"]))
    statuses = Counter(d.get("status") for _, _, d in graph.edges(data=True) if d.get("relation") == "delivered_by")
    if statuses:
        say("delivery: " + ", ".join(f"{s} {n}" for s, n in sorted(statuses.items(), key=lambda kv: -kv[1])))
    say(f"wrote {show_path(written)} ({FORMAT_NAMES[path.suffix.lower()]})", err=True)


# ---------------------------------------------------------------------------
# timeline
# ---------------------------------------------------------------------------


def _amount(value, high, unit) -> str:
    if value is None:
        return ""
    return f"{format_value(value, high)}{unit or ''}"


def _timeline_row(r: dict) -> dict:
    if r["absent"]:
        target = "(none set)"
    else:
        target = _amount(r["target_value"], r["target_value_high"], r["target_unit"])
    result = _amount(r["result_value"], r["result_value_high"], r["result_unit"])
    if result and r["result_qualifier"]:
        result += f" {r['result_qualifier']}"
    return {
        "region": r["region"],
        "year": r["year"],
        "target": target,
        "qualifier": r["qualifier"],
        "modality": r["modality"],
        "result": result,
        "reported in": r["result_report"].split("/")[-1] if r["result_report"] else "",
        "status": r["status"],
        "note": r["note"],
    }


@click.command("timeline")
@click.argument("metric")
@click.option("--years", "years_spec", default=None, help="Years, e.g. 2010-2025 (default: all).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option(
    "--plot",
    "plot",
    type=click.Path(dir_okay=False),
    default=None,
    help="Also draw the chart (target band or bound per year against the result) to FILE.svg.",
)
@_workers_option
@corpus_options
@out_options
def timeline_cmd(metric, years_spec, fmt, plot, workers, corpus, region, out, force):
    """One row per year for METRIC: the year's target (qualifier, modality), the result the next
    report gives, and whether the target was met.

    METRIC is a canonical key (gdp.growth, urban_new_jobs) or a common indicator name
    (国内生产总值增长, 城镇新增就业, "GDP growth"). The csv and json formats carry every field,
    the quotes of target and result included.

    \b
    Examples:
      policydiff --corpus ../shared/corpora timeline gdp.growth -r national --years 2010-2025
      policydiff --corpus ../shared/corpora timeline 城镇新增就业 -r national --format json
      policydiff --corpus ../shared/corpora timeline 地区生产总值 -r hailar --format markdown
      policydiff --corpus ../shared/corpora timeline gdp.growth -r national --plot gdp.svg
    """
    if plot is not None:
        if Path(plot).suffix.lower() != ".svg":
            raise InputError(f"--plot {show_path(plot)}: the chart is SVG; give a name ending in .svg")
        check_output(plot, force=force)
    years = parse_years(years_spec)
    region = _region(corpus, region, years)
    reports = _reports(corpus, region, years, extra_year=True)
    from ..graph import SERIES_FIELDS, build_graph, metric_series, resolve_metric  # networkx: only when used

    graph = build_graph(reports, workers=workers)
    key = resolve_metric(graph, metric)
    rows = metric_series(graph, key, region=region)
    if years is not None:
        rows = [r for r in rows if years[0] <= r["year"] <= years[-1]]
    say(f"{region}: {key} ({metric_name(key)}), {len(rows)} year{'s' if len(rows) != 1 else ''}", err=True)
    if fmt in ("csv", "json", "jsonl"):
        text = render_rows(rows, fmt, SERIES_FIELDS)
    elif not rows:
        text = f"{region}: no target or result for {key}\n"
    else:
        shown = [_timeline_row(r) for r in rows]
        columns = ["year", "target", "qualifier", "modality", "result", "reported in", "status", "note"]
        text = render_rows(shown, fmt, columns)
    if plot is not None:
        from ..charts import timeline_svg

        svg = timeline_svg(rows, title=f"{region}: {metric_name(key)} ({key})")
        say(f"wrote {show_path(atomic_write(plot, svg, force=force))}", err=True)
    emit(text, out, force, fmt)


# ---------------------------------------------------------------------------
# themes
# ---------------------------------------------------------------------------


def _pct(x: float) -> str:
    return f"{x * 100:.1f}%"


@click.command("themes")
@click.argument("spec", required=False, metavar="[YEAR|FILE]")
@click.argument("spec_b", required=False, metavar="[YEAR|FILE]")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@corpus_options
@out_options
def themes_cmd(spec, spec_b, fmt, corpus, region, out, force):
    """The theme profile of a report: for each theme the share of sentences that touch it (own
    words or heading path), the records (targets and results) in it and the keywords that fired.
    With two reports, the change from the first to the second (shares in percentage points).

    \b
    Examples:
      policydiff themes 2020
      policydiff --corpus ../shared/corpora themes 2019 -r national --format markdown
      policydiff --corpus ../shared/corpora themes 2013 2023 -r national
    """
    if spec_b is None:
        report = load_spec(spec or default_spec(corpus, region), corpus, region)
        profile = theme_profile(report)
        say(
            f"{profile.report}: {profile.sentences} sentences ({profile.unthemed_sentences} without a theme), "
            f"{profile.records} records",
            err=True,
        )
        rows = sorted(profile.rows, key=lambda r: (-r["share"], -r["records"]))
        if fmt == "json":
            text = to_json(profile.to_dict())
        elif fmt in ("csv", "jsonl"):
            text = render_rows(rows, fmt)
        else:
            shown = [
                {
                    "theme": r["label"],
                    "主题": r["label_zh"],
                    "sentences": r["sentences"],
                    "share": _pct(r["share"]),
                    "records": r["records"],
                    "keywords": r["keywords"],
                }
                for r in rows
            ]
            text = render_rows(shown, fmt)
    else:
        region, spec, spec_b = resolve_pair(spec, spec_b, corpus, region)
        a = theme_profile(load_spec(spec, corpus, region))
        b = theme_profile(load_spec(spec_b, corpus, region))
        say(f"{a.report} -> {b.report}: {a.sentences} / {b.sentences} sentences", err=True)
        rows = sorted(profile_change(a, b), key=lambda r: (-abs(r["change_pp"]), r["theme"]))
        if fmt in ("csv", "json", "jsonl"):
            text = render_rows([{"report_a": a.report, "report_b": b.report, **r} for r in rows], fmt)
        else:
            shown = [
                {
                    "theme": r["label"],
                    "主题": r["label_zh"],
                    f"share {a.report}": _pct(r["share_a"]),
                    f"share {b.report}": _pct(r["share_b"]),
                    "change (pp)": f"{r['change_pp']:+.1f}",
                    f"records {a.report}": r["records_a"],
                    f"records {b.report}": r["records_b"],
                }
                for r in rows
            ]
            text = render_rows(shown, fmt)
    emit(text, out, force, fmt)


COMMANDS = [graph_cmd, timeline_cmd, themes_cmd]
