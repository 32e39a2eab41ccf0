"""Writing files the user owns: atomically, and never over an existing file unless asked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import PolicydiffError


def atomic_write(path: str | os.PathLike, data: str | bytes, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` via a temporary file and a rename.

    An existing file is only replaced when ``force`` is true; a failed write leaves
    nothing behind (no partial file, no temporary file).
    """
    target = Path(path)
    if target.exists() and not force:
        raise PolicydiffError(f"{target} exists; use --force to overwrite it")
    if target.is_dir():
        raise PolicydiffError(f"{target} is a folder")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise PolicydiffError(f"cannot write {target}: folder {folder} does not exist")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        # mkstemp creates 0600; give the file the mode an ordinary open() would (0666 less the umask)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise PolicydiffError(f"cannot write {target}: {exc.strerror or exc}") from None
        raise
    return target
