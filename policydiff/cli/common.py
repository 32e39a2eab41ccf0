"""Shared CLI plumbing: corpus and report options, output formats, writing results."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import TypeVar

import click

from ..corpus import Corpus, is_year, listing, load
from ..errors import AmbiguousError, InputError, NotFoundError, OutputError, PolicydiffError, neutralise, show_path
from ..fileio import atomic_write, check_output
from ..report import Report

T = TypeVar("T")

#: Formats whose writer escapes every character itself (no neutralising of control characters).
SELF_ESCAPING = ("json", "jsonl", "html")


class StdoutError(OutputError):
    """Standard output could not take the text (closed pipe, full disk, an encoding without CJK)."""

    def __init__(self, message: str, *, broken_pipe: bool = False) -> None:
        super().__init__(message)
        self.broken_pipe = broken_pipe


def say(text: str = "", *, err: bool = False, nl: bool = True) -> None:
    """Print text for a human: control characters (terminal escapes) neutralised; failures of
    standard output become one :class:`StdoutError` instead of a traceback."""
    echo(neutralise(text), err=err, nl=nl)


def echo(text: str, *, err: bool = False, nl: bool = True) -> None:
    """``click.echo`` with standard output's failures turned into :class:`StdoutError`."""
    try:
        click.echo(text, err=err, nl=nl)
        if not err:
            sys.stdout.flush()
    except BrokenPipeError:
        raise StdoutError("standard output was closed", broken_pipe=True) from None
    except UnicodeEncodeError as exc:
        raise StdoutError(
            f"standard output cannot show these characters (its encoding is {exc.encoding}); "
            "set PYTHONIOENCODING=utf-8 or write to a file with --out"
        ) from None
    except OSError as exc:
        raise StdoutError(f"cannot write to standard output: {exc.strerror or exc}") from None


#: ``--corpus DIR`` (repeatable): the one definition every command's corpus option uses.
corpus_dirs_option = click.option(
    "--corpus",
    "corpus_dirs",
    multiple=True,
    type=click.Path(file_okay=False),
    help="Extra corpus folder laid out as <region>/<year>.txt (repeatable).",
)


def corpus_options(func):
    """Add ``--corpus DIR`` (repeatable) and ``-r/--region`` to a command."""

    @corpus_dirs_option
    @click.option("-r", "--region", default=None, help="Region key, e.g. national, dongsheng.")
    @functools.wraps(func)
    def wrapper(*args, corpus_dirs=(), region=None, **kwargs):
        ctx = click.get_current_context()
        dirs = tuple(ctx.find_root().params.get("corpus_dirs") or ()) + tuple(corpus_dirs)
        out = kwargs.get("out")
        if out is not None:  # before any work: a run must not fail at the end for want of a folder
            check_output(out, force=bool(kwargs.get("force")))
        corpus = Corpus(dirs)
        if ctx.command.name == "corpus":  # lists the warnings itself
            return func(*args, corpus=corpus, region=region, **kwargs)
        return run_with_corpus(corpus, lambda: func(*args, corpus=corpus, region=region, **kwargs))

    return wrapper


def run_with_corpus(corpus: Corpus, call: Callable[[], T]) -> T:
    """Run a command's body; the corpus warnings (files skipped, duplicates) follow a run that worked, and a
    failed run keeps to one line that points at them."""
    try:
        result = call()
    except PolicydiffError as exc:
        n = len(corpus.warnings)
        if n:
            exc.cli_message = f"{exc.cli_text()} ({n} corpus warning{'s' if n > 1 else ''}: see policydiff corpus)"
        raise
    for w in corpus.warnings:
        say(f"policydiff: warning: {w}", err=True)
    return result


def load_spec(spec: str, corpus: Corpus, region: str | None) -> Report:
    """A report from YEAR (looked up in the corpus) or FILE; warnings about figures go to stderr."""
    report = load(spec, region=region, corpus=corpus)
    for warning in report.meta.warnings:
        if "not read as a figure" in warning:
            click.echo(f"warning: {report.key}: {neutralise(warning)}", err=True)
    return report


def default_spec(corpus: Corpus, region: str | None) -> str:
    """The latest year of the (only or given) region, for commands whose report is optional."""
    regions = [region] if region else corpus.regions()
    if region:
        corpus.resolve_region([], region)  # unknown region: one line listing the known ones
    if not regions:
        raise NotFoundError("the corpus holds no reports: give a FILE or add --corpus DIR")
    if len(regions) != 1:
        raise AmbiguousError(f"several regions in the corpus ({listing(regions)}): give a YEAR and --region")
    return str(corpus.years(regions[0])[-1])


def resolve_pair(spec_a: str, spec_b: str, corpus: Corpus, region: str | None) -> tuple[str | None, str, str]:
    """The region for two YEAR/FILE arguments (None when both are files)."""
    years = [int(s) for s in (spec_a, spec_b) if is_year(s)]
    if years:
        region = corpus.resolve_region(years, region)
    return region, spec_a, spec_b


def emit(text: str, out: str | None, force: bool, fmt: str = "table") -> None:
    """Print ``text`` or write it atomically to ``out`` (refusing to overwrite without --force).

    Text of the human formats has its control characters neutralised (see :func:`neutralise`);
    json and html escape them themselves.
    """
    if fmt not in SELF_ESCAPING:
        text = neutralise(text)
    if out is not None:
        if out == "":
            raise InputError("--out: the file name is empty")
        path = atomic_write(out, text, force=force)
        say(f"wrote {show_path(path)}", err=True)
    else:
        echo(text, nl=not text.endswith("\n"))


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
