"""The one exception type users see.

Every problem caused by input (a missing year, an unreadable file, an unknown region)
raises :class:`PolicydiffError` with a message that fits on one line; the CLI prints it
and exits non-zero. Anything else is a bug.
"""

from __future__ import annotations


class PolicydiffError(Exception):
    """A problem with the user's input or environment, explained in one line."""

    exit_code = 2

    def __str__(self) -> str:  # keep messages to one line whatever was passed in
        return " ".join(str(self.args[0] if self.args else "").split())
