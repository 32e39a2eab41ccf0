"""The ``policydiff`` command line: a thin layer over the library.

Every error is printed as one line on stderr; a traceback only appears with ``POLICYDIFF_DEBUG=1``.
Exit status: 0 done; 2 any error the message explains (no such file, year or region, ambiguous,
output exists, not a report, output cannot be written, standard output full); 1 an internal error
(a bug); 130 interrupted (Ctrl-C); 143 terminated (SIGTERM). Interrupted and terminated runs leave
no output and no temporary file.
"""

from __future__ import annotations

import os
import signal
import sys

import click

from .. import __version__
from ..errors import PolicydiffError, neutralise
from . import corpus_cmds
from .common import StdoutError


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that every clean-up on the way out runs."""


def _on_sigterm(signum, frame):  # noqa: ARG001 - signal handler signature
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # once is enough
    raise Terminated()


def _silence_stdout() -> None:
    """After standard output failed, point it at /dev/null so that the exit-time flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


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
        except StdoutError as exc:
            _silence_stdout()
            if exc.broken_pipe:  # the reader went away (| head): not an error worth a message
                ctx.exit(1)
            _say_error(f"policydiff: error: {exc.cli_text()}")
            ctx.exit(exc.exit_code)
        except PolicydiffError as exc:
            _say_error(f"policydiff: error: {exc.cli_text()}")
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except Terminated:
            _say_error("policydiff: terminated")
            ctx.exit(143)
        except KeyboardInterrupt:
            _say_error("policydiff: interrupted")
            ctx.exit(130)
        except BrokenPipeError:
            _silence_stdout()
            ctx.exit(1)
        except Exception as exc:  # a bug: still one line unless debugging
            if os.environ.get("POLICYDIFF_DEBUG"):
                raise
            msg = " ".join(neutralise(f"{type(exc).__name__}: {exc}").split())[:300]
            _say_error(f"policydiff: internal error: {msg} (set POLICYDIFF_DEBUG=1 for details)")
            ctx.exit(1)


def _say_error(line: str) -> None:
    """One line on standard error, whatever state the terminal and standard error are in."""
    try:
        click.echo(line, err=True)
    except (OSError, ValueError, UnicodeError):
        pass


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
    for module in (corpus_cmds,):
        for command in module.COMMANDS:
            cli.add_command(command)
    for name in ("targets_cmd", "compare_cmd", "graph_cmds", "text_cmd", "panel_cmds", "metrics_cmd"):
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
    """Console-script entry point: SIGTERM stops the run like Ctrl-C (exit 143, clean-up done)."""
    try:
        signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread
        pass
    cli(prog_name="policydiff")
