"""``policydiff text``: the text policydiff reads from a file, which every offset refers to."""

from __future__ import annotations

import re

import click

from ..corpus import is_year
from ..errors import InputError, neutralise, show_path
from ..fileio import atomic_write
from ..textio import read_text
from .common import corpus_options, echo, out_options, say

EPILOG = """\b
Examples:
  policydiff text report.docx                  the text extracted from a Word file
  policydiff text report.pdf --out report.txt  the same for a PDF, saved
  policydiff text 2020 --span 4483:4485        the characters a record's start/end point at
"""

_SPAN = re.compile(r"\s*(\d+)\s*[:,-]\s*(\d+)\s*")


@click.command("text", epilog=EPILOG)
@click.argument("spec", metavar="YEAR|FILE")
@click.option("--span", default=None, metavar="START:END", help="Print only text[START:END] (a record's offsets).")
@corpus_options
@out_options
def text_cmd(spec, span, corpus, region, out, force):
    """Print the text policydiff reads from a report file (.txt, .html, .docx, .pdf).

    Offsets in every output (sentences, records, quotes) count characters of this text. On a
    terminal, control characters are shown as their pictures, one character for one, so offsets
    still hold; --out writes the text exactly.
    """
    path = corpus.entry(int(spec), region).path if is_year(spec) else spec
    text = read_text(path).text
    if span is not None:
        m = _SPAN.fullmatch(span)
        if not m or int(m.group(1)) > int(m.group(2)):
            raise InputError(f"--span: give START:END with START <= END, not {span[:40]!r}")
        start, end = int(m.group(1)), int(m.group(2))
        if end > len(text):
            raise InputError(f"--span: {show_path(path)} has {len(text)} characters; {end} is past its end")
        text = text[start:end]
    if out is not None:
        if out == "":
            raise InputError("--out: the file name is empty")
        written = atomic_write(out, text, force=force)
        say(f"wrote {show_path(written)}", err=True)
    else:
        echo(neutralise(text), nl=not text.endswith("\n"))


COMMANDS = [text_cmd]
