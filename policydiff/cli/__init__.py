"""The ``policydiff`` command line: a thin layer over the library.

Every error caused by input is printed as one line on stderr with exit status 2; a
traceback only appears with ``POLICYDIFF_DEBUG=1``.
"""

from __future__ import annotations

import os
import sys

import click

from .. import __version__
from ..errors import PolicydiffError

EPILOG = """\b
Examples:
  policydiff corpus                         list the reports policydiff knows
  policydiff sections 2020                  heading tree of the 2020 report
  policydiff sections report.txt            the same for any file
  policydiff --corpus ../shared/corpora sections 2019 -r national
"""


class PolicydiffGroup(click.Group):
    """A click group that turns every failure into one line and a non-zero exit."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except PolicydiffError as exc:
            click.echo(f"policydiff: error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("policydiff: interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(1)
        except Exception as exc:  # a bug: still one line unless debugging
            if os.environ.get("POLICYDIFF_DEBUG"):
                raise
            msg = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
            click.echo(f"policydiff: internal error: {msg} (set POLICYDIFF_DEBUG=1 for details)", err=True)
            ctx.exit(1)


@click.group(cls=PolicydiffGroup, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="policydiff")
@click.option(
    "--corpus",
    "corpus_dirs",
    multiple=True,
    type=click.Path(file_okay=False),
    help="Extra corpus folder for every command (repeatable; also $POLICYDIFF_CORPUS).",
)
def cli(corpus_dirs):
    """Compare Chinese government work reports (政府工作报告) across years."""


def _register() -> None:
    from . import corpus_cmds

    for module in (corpus_cmds,):
        for command in module.COMMANDS:
            cli.add_command(command)
    for name in ("targets_cmd", "compare_cmd", "graph_cmds"):
        try:
            module = __import__(f"{__name__}.{name}", fromlist=["COMMANDS"])
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            continue
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="policydiff")
