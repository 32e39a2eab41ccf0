"""Shared CLI plumbing: corpus and report options, output formats, writing results."""

from __future__ import annotations

import functools
from pathlib import Path

import click

from ..corpus import Corpus, is_year, load
from ..errors import PolicydiffError
from ..fileio import atomic_write
from ..report import Report


def corpus_options(func):
    """Add ``--corpus DIR`` (repeatable) and ``-r/--region`` to a command."""

    @click.option(
        "--corpus",
        "corpus_dirs",
        multiple=True,
        type=click.Path(file_okay=False),
        help="Extra corpus folder laid out as <region>/<year>.txt (repeatable).",
    )
    @click.option("-r", "--region", default=None, help="Region key, e.g. national, dongsheng.")
    @functools.wraps(func)
    def wrapper(*args, corpus_dirs=(), region=None, **kwargs):
        ctx = click.get_current_context()
        dirs = tuple(ctx.find_root().params.get("corpus_dirs") or ()) + tuple(corpus_dirs)
        corpus = Corpus(dirs)
        return func(*args, corpus=corpus, region=region, **kwargs)

    return wrapper


def load_spec(spec: str, corpus: Corpus, region: str | None) -> Report:
    """A report from YEAR (looked up in the corpus) or FILE."""
    return load(spec, region=region, corpus=corpus)


def default_spec(corpus: Corpus, region: str | None) -> str:
    """The latest year of the (only or given) region, for commands whose report is optional."""
    regions = [region] if region else corpus.regions()
    if region and region not in corpus.regions():
        raise PolicydiffError(f"unknown region {region!r} (corpus has: {', '.join(corpus.regions())})")
    if len(regions) != 1:
        raise PolicydiffError(f"several regions in the corpus ({', '.join(regions)}): give a YEAR and --region")
    return str(corpus.years(regions[0])[-1])


def resolve_pair(spec_a: str, spec_b: str, corpus: Corpus, region: str | None) -> tuple[str | None, str, str]:
    """The region for two YEAR/FILE arguments (None when both are files)."""
    years = [int(s) for s in (spec_a, spec_b) if is_year(s)]
    if years:
        region = corpus.resolve_region(years, region)
    return region, spec_a, spec_b


def emit(text: str, out: str | None, force: bool) -> None:
    """Print ``text`` or write it atomically to ``out`` (refusing to overwrite without --force)."""
    if out:
        path = atomic_write(Path(out), text, force=force)
        click.echo(f"wrote {path}", err=True)
    else:
        click.echo(text, nl=not text.endswith("\n"))


def out_options(func):
    """Add ``--out FILE`` and ``--force``."""
    func = click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")(func)
    func = click.option(
        "--out",
        "out",
        type=click.Path(dir_okay=False),
        default=None,
        help="Write to FILE (atomically) instead of standard output.",
    )(func)
    return func
