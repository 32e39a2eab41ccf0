"""``policydiff panel`` and ``escalation``: many regions and years at once (see docs/panel.md)."""

from __future__ import annotations

import contextlib
import functools
import sys
from collections import Counter
from pathlib import Path

import click

from ..charts import escalation_svg
from ..corpus import Corpus
from ..errors import InputError, PolicydiffError, show_path
from ..fileio import atomic_write, check_output
from ..metrics import metric_name
from ..panel import KINDS, RELATIONS, SUFFIXES, Panel, panel, write_panel
from ..render.tables import FORMATS, render_rows
from .common import corpus_dirs_option, emit, run_with_corpus, say
from .graph_cmds import parse_years


def panel_options(func):
    """--corpus, -r (repeatable), --level, --workers, --no-cache; the corpus is opened before the run."""

    @corpus_dirs_option
    @click.option("-r", "--region", "regions", multiple=True, help="Region key (repeatable; default: every region).")
    @click.option("--level", default=None, help="Only regions of this level: national, province, city, county, ...")
    @click.option(
        "--workers", type=click.IntRange(min=1), default=None, help="Processes (default: the CPUs from 12 reports on)."
    )
    @click.option("--no-cache", "no_cache", is_flag=True, help="Neither read nor fill the extraction cache.")
    @functools.wraps(func)
    def wrapper(*args, corpus_dirs=(), **kwargs):
        ctx = click.get_current_context()
        dirs = tuple(ctx.find_root().params.get("corpus_dirs") or ()) + tuple(corpus_dirs)
        for name in ("out", "plot"):
            if kwargs.get(name) is not None:
                check_output(kwargs[name], force=bool(kwargs.get("force")))
        corpus = Corpus(dirs)
        return run_with_corpus(corpus, lambda: func(*args, corpus=corpus, **kwargs))

    return wrapper


@contextlib.contextmanager
def _progress():
    """A progress callback drawing a bar on standard error when it is a terminal (else None)."""
    with contextlib.ExitStack() as stack:
        bar = None

        def progress(done: int, total: int) -> None:
            nonlocal bar
            if bar is None:
                bar = stack.enter_context(
                    click.progressbar(length=total, label=f"Reading {total} reports", file=sys.stderr)
                )
            bar.update(1)

        tty = bool(getattr(sys.stderr, "isatty", lambda: False)())
        yield progress if tty else None


def _selection(regions, level, years, kind: str, workers, no_cache: bool) -> dict:
    """The keyword arguments :func:`policydiff.panel` and :func:`policydiff.panel.write_panel` share."""
    return {
        "regions": list(regions) or None,
        "level": level,
        "years": years,
        "kind": kind,
        "workers": workers,
        "cache": not no_cache,
    }


def build_panel(
    corpus: Corpus, *, regions, level, years, kind: str, workers, no_cache: bool, delivery: bool = True
) -> Panel:
    """The panel, with a progress bar on standard error when it is a terminal."""
    with _progress() as progress:
        result = panel(
            corpus, **_selection(regions, level, years, kind, workers, no_cache), progress=progress, delivery=delivery
        )
    for w in result.warnings:
        say(f"policydiff: warning: {w}", err=True)
    return result


@click.command("panel")
@click.option("--years", "years_spec", default=None, help="Years, e.g. 2010-2025 or 2019,2025 (default: all).")
@click.option(
    "--kind",
    type=click.Choice(KINDS),
    default="quantity",
    show_default=True,
    help="Records: every figure (quantity), targets, results, context figures, commitments, or all.",
)
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False),
    help="Output file: .sqlite (tables and a joining view), .csv, .jsonl or .parquet (needs pyarrow).",
)
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@panel_options
def panel_cmd(years_spec, kind, out, force, corpus, regions, level, workers, no_cache):
    """One tidy row per record over every selected report, written to FILE.

    Each row has the region (key, Chinese name, level, parent), the report (key, year, sha256),
    the record's fields, for targets the result a later report gives and its status, and for a
    region's target of the year its parent's target of the same metric and year. Reports come
    from the extraction cache when it holds them (see --no-cache and $POLICYDIFF_CACHE) and are
    read in parallel otherwise. docs/panel.md documents the columns and the SQLite schema.

    \b
    Examples:
      policydiff --corpus ../shared/corpora panel --out panel.sqlite
      policydiff --corpus ../shared/corpora panel --level province --years 2025 --out p.csv
      policydiff --corpus ../shared/corpora panel -r national -r hubei --kind target --out t.jsonl
      sqlite3 panel.sqlite "SELECT region, value, qualifier FROM panel WHERE metric = 'gdp.growth'"
    """
    suffix = Path(out).suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"--out {show_path(out)}: the name must end in {', '.join(SUFFIXES)}")
    if suffix == ".parquet":
        from ..panel import _pyarrow

        _pyarrow()  # before the work: a missing pyarrow is one line, at once
    years = parse_years(years_spec)
    with _progress() as progress:
        done = write_panel(
            corpus, out, **_selection(regions, level, years, kind, workers, no_cache), force=force, progress=progress
        )
    for w in done.warnings:
        say(f"policydiff: warning: {w}", err=True)
    say(
        f"{done.reports} reports of {done.regions} regions, {done.rows} rows ("
        + ", ".join(f"{k} {n}" for k, n in sorted(done.kinds.items()))
        + ")"
    )
    if done.status:
        say(
            "delivery: " + ", ".join(f"{s} {n}" for s, n in sorted(done.status.items(), key=lambda kv: (-kv[1], kv[0])))
        )
    say(f"cache: {done.cache_hits} reports from the cache, {done.extracted} extracted", err=True)
    say(f"wrote {show_path(done.path)}", err=True)


def _resolve(p: Panel, metric: str) -> str:
    import networkx as nx  # only here: a panel run does not load it

    from ..graph import resolve_metric

    g = nx.DiGraph()
    for key in p.metrics():
        g.add_node(f"metric:{key}", type="metric", metric=key, label=metric_name(key))
    try:
        return resolve_metric(g, metric)
    except PolicydiffError as exc:
        raise InputError(str(exc)) from None


def _amount(v, high, unit, qualifier) -> str:
    if v is None:
        return ""
    from ..charts import _amount as amount

    return amount(v, high, unit, qualifier)


def _signed(x) -> str:
    """A difference with its sign (0 without one).

    >>> _signed(0.5), _signed(0), _signed(-1), _signed(None)
    ('+0.5', '0', '-1', '')
    """
    if x is None:
        return ""
    return "0" if x == 0 else f"{x:+g}"


ESCALATION_SHOWN = ("region", "name", "target", "parent", "parent target", "difference", "vs parent")


@click.command("escalation")
@click.argument("metric")
@click.option("--year", "year", required=True, type=click.IntRange(1949, 2100), help="The year of the targets.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--plot", "plot", type=click.Path(dir_okay=False), default=None, help="Also draw the chart to FILE.svg.")
@click.option(
    "--out", "out", type=click.Path(dir_okay=False), default=None, help="Write to FILE instead of standard output."
)
@click.option("--force", is_flag=True, help="Overwrite FILE(s) if they exist.")
@panel_options
def escalation_cmd(metric, year, fmt, plot, out, force, corpus, regions, level, workers, no_cache):
    """Each region's target for METRIC in YEAR beside its parent's: value, range, qualifier, the
    difference (region − parent, low ends of ranges) and a summary of how many are above, equal to
    or below the parent. The parent is the nearest region above with a report for YEAR.

    METRIC is a key (gdp.growth) or a common indicator name (地区生产总值增长). The csv and json formats
    carry every field with both quotes; the same rows are in the panel output (table escalation).

    \b
    Examples:
      policydiff --corpus ../shared/corpora escalation gdp.growth --year 2025 --level province
      policydiff --corpus ../shared/corpora escalation gdp.growth --year 2025 --level province --plot e.svg
      policydiff --corpus ../shared/corpora escalation 城镇新增就业 --year 2026 --format csv
    """
    if plot is not None and Path(plot).suffix.lower() != ".svg":
        raise InputError(f"--plot {show_path(plot)}: the chart is SVG; give a name ending in .svg")
    p = build_panel(
        corpus,
        regions=regions,
        level=level,
        years=[year],
        kind="quantity",
        workers=workers,
        no_cache=no_cache,
        delivery=False,
    )
    key = _resolve(p, metric)
    rows = p.escalation_for(key, year, level.lower() if level else None)
    if not rows:
        raise InputError(f"no {key} target of {year} to set against a parent's (need a region and its parent's report)")
    counts = Counter(r["vs_parent"] for r in rows)
    parents = sorted(
        {
            (r["parent"], r["parent_value"], r["parent_value_high"], r["parent_unit"], r["parent_qualifier"])
            for r in rows
            if r["parent_value"] is not None
        },
        key=str,
    )
    who = f"{len(rows)} {level.lower() + ' ' if level else ''}region{'s' if len(rows) != 1 else ''}"
    against = ""
    if len(parents) == 1:
        pk, pv, ph, pu, pq = parents[0]
        against = f" against {pk} {_amount(pv, ph, pu, pq)}"
    summary = f"{key} ({metric_name(key)}) {year}: {who}{against}: " + ", ".join(
        f"{counts[k]} {k}" for k in RELATIONS if counts[k]
    )
    say(summary, err=fmt in ("csv", "json", "jsonl") or out is not None)
    if fmt in ("csv", "json", "jsonl"):
        from ..panel import ESCALATION_COLUMNS

        text = render_rows(rows, fmt, ESCALATION_COLUMNS)
    else:
        shown = [
            {
                "region": r["region"],
                "name": r["name_zh"] or "",
                "target": _amount(r["value"], r["value_high"], r["unit"], r["qualifier"]) or "(none)",
                "parent": r["parent"],
                "parent target": _amount(
                    r["parent_value"], r["parent_value_high"], r["parent_unit"], r["parent_qualifier"]
                )
                or "(none)",
                "difference": _signed(r["difference"]),
                "vs parent": r["vs_parent"],
            }
            for r in rows
        ]
        text = render_rows(shown, fmt, ESCALATION_SHOWN)
    if plot is not None:
        title = f"{metric_name(key)} {year}: targets against the parent's"
        written = atomic_write(plot, escalation_svg(rows, title=title), force=force)
        say(f"wrote {show_path(written)}", err=True)
    emit(text, out, force, fmt)


COMMANDS = [panel_cmd, escalation_cmd]
