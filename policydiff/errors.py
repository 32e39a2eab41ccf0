"""The exceptions users see, and how names from outside are shown in messages.

Every problem caused by input (a missing year, an unreadable file, an unknown region) raises a
subclass of :class:`PolicydiffError` with a message that fits on one line; the CLI prints it and
exits non-zero. Anything else is a bug.

- :class:`InputError`: the input cannot be used (unreadable, not a report, not text, bad argument).
- :class:`NotFoundError` (also a :class:`LookupError`): no such file, year, region or metric.
- :class:`AmbiguousError`: the request matches several things (regions, metrics); say which.
- :class:`OutputExistsError` (also a :class:`FileExistsError`): an output file is already there.
- :class:`OutputError`: an output cannot be written (folder missing, permission, disk full).

A message reads as Python (``force=True``, ``region=``); the CLI may give a second wording for
the command line (``--force``, ``--region``), kept in :attr:`PolicydiffError.cli_message`.

>>> e = OutputExistsError("out.csv exists (pass force=True to replace it)", cli="out.csv exists; use --force")
>>> str(e), e.cli_text(), isinstance(e, FileExistsError), e.exit_code
('out.csv exists (pass force=True to replace it)', 'out.csv exists; use --force', True, 2)
>>> len(str(PolicydiffError("x" * 5000))) <= MAX_MESSAGE
True
"""

from __future__ import annotations

import os
import re

#: Longest message shown (characters); longer ones are cut with "…".
MAX_MESSAGE = 400
#: Longest file name or path shown inside a message.
MAX_NAME = 120


def _one_line(text: str) -> str:
    text = " ".join(neutralise(text).split())
    if len(text) > MAX_MESSAGE:
        text = text[: MAX_MESSAGE - 1] + "…"
    return text


class PolicydiffError(Exception):
    """A problem with the user's input or environment, explained in one line."""

    exit_code = 2

    def __init__(self, message: str = "", *args: object, cli: str | None = None) -> None:
        super().__init__(message, *args)
        #: The same message worded for the command line (None: the library message serves both).
        self.cli_message = cli

    def __str__(self) -> str:  # keep messages to one line whatever was passed in
        return _one_line(str(self.args[0] if self.args else ""))

    def cli_text(self) -> str:
        """The message as the command line shows it."""
        return _one_line(self.cli_message) if self.cli_message else str(self)


class InputError(PolicydiffError, ValueError):
    """The input cannot be used: not a report, not readable, not text, or an invalid argument."""


class NotFoundError(PolicydiffError, LookupError):
    """No such file, year, region or metric."""


class AmbiguousError(PolicydiffError):
    """The request matches several things; the message lists them and says how to choose."""


class OutputExistsError(PolicydiffError, FileExistsError):
    """The output file exists and replacing it was not asked for."""


class OutputError(PolicydiffError, OSError):
    """An output cannot be written (missing folder, permission denied, disk full, not a regular file)."""


# ---------------------------------------------------------------------------
# Showing outside strings safely
# ---------------------------------------------------------------------------

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def _picture(m: re.Match[str]) -> str:
    c = m.group(0)
    o = ord(c)
    if o < 0x20:
        return chr(0x2400 + o)  # ␀ … ␟, the Unicode control pictures
    if o == 0x7F:
        return "\u2421"  # ␡
    if 0xDC80 <= o <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{o - 0xDC00:02x}"
    return "\ufffd"


def neutralise(text: str) -> str:
    """Text safe to print on a terminal: control characters (ESC, BEL, NUL …) shown as their Unicode
    pictures (␛, ␇, ␀), C1 controls and bidirectional overrides as �, undecodable file-name bytes as
    ``\\xff``. Tab and newline stay.

    >>> neutralise("a\\x1b]0;title\\x07b\\tc")
    'a␛]0;title␇b\\tc'
    >>> neutralise("\\udcff.txt")
    '\\\\xff.txt'
    """
    return _CONTROLS.sub(_picture, text)


def show_path(path: str | os.PathLike | bytes, limit: int = MAX_NAME) -> str:
    """A file name as a message shows it: printable, valid UTF-8, and at most ``limit`` characters
    (the middle is cut, so both the folder and the name stay recognisable).

    >>> show_path("a/" + "x" * 300 + ".txt", 20)
    'a/xxxxxxxxxx…xxx.txt'
    """
    if isinstance(path, bytes):
        text = os.fsdecode(path)
    else:
        text = os.fspath(path)
        if isinstance(text, bytes):
            text = os.fsdecode(text)
    text = neutralise(text.replace("\n", "\u2424").replace("\t", "\u2409"))
    if len(text) > limit:
        keep = limit - 1
        text = text[: keep - keep * 2 // 5] + "…" + text[len(text) - keep * 2 // 5 :]
    return text
