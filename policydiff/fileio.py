"""Writing files the user owns: atomically, and never over an existing file unless asked.

The rules (see docs/reliability.md):

- A new file appears whole or not at all. The data goes to an unnamed temporary file
  (``O_TMPFILE``, Linux) or to a named one beside the target (``.NAME.policydiff-HOST-PID-XXXX.tmp``),
  which is then *linked* into place: the link fails if the target appeared meanwhile, so two runs
  never both "write" the same new file, and nothing existing is ever clobbered without ``force``.
- With ``force`` an existing regular file is replaced by a rename; the new file keeps the old one's
  permission bits. Other names of a hard-linked file keep the old content (the rename gives the
  target a new inode). A symbolic link is written *through*: its target file is replaced in its
  own folder and the link stays; a dangling link is refused.
- Devices, FIFOs, sockets and folders are never replaced, ``force`` or not.
- A failed or interrupted write (an exception, Ctrl-C, SIGTERM handled by the CLI) removes its
  temporary file. After SIGKILL an unnamed temporary file vanishes by itself; a named one is
  removed by the next write into that folder (when the process named in it is gone).
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import socket
import stat
from collections.abc import Callable
from pathlib import Path

from .errors import InputError, OutputError, OutputExistsError, PolicydiffError, show_path

_TMP_TAG = "policydiff"


def _host() -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", socket.gethostname())[:32] or "host"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _write_error(exc: OSError, what: str) -> PolicydiffError:
    reasons = {
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ENAMETOOLONG: "file name or path too long",
        errno.ENOENT: "its folder does not exist",
        errno.ENOTDIR: "a part of the path is not a folder",
        errno.EISDIR: "it is a folder",
    }
    return OutputError(f"cannot write {what}: {reasons.get(exc.errno or 0, exc.strerror or str(exc))}")


def check_output(path: str | os.PathLike, *, force: bool = False) -> Path:
    """Check, before any work, that ``path`` can be written: a non-empty name, an existing folder, no
    existing file unless ``force``, and never a folder, device, FIFO or dangling symbolic link.

    Returns the file that will actually be written (a symbolic link's target under ``force``).
    Raises :class:`InputError`, :class:`OutputExistsError` or :class:`OutputError`.
    """
    if os.fspath(path) in ("", b""):
        raise InputError("the output file name is empty", cli="--out: the file name is empty")
    target = Path(os.fsdecode(os.fspath(path)))
    name = show_path(target)
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise _write_error(exc, name) from None
    if st is not None and stat.S_ISLNK(st.st_mode):
        if not force:
            raise _exists(name)
        try:
            st = os.stat(target)
        except OSError:
            raise OutputError(f"cannot write {name}: it is a symbolic link to a missing file") from None
        target = Path(os.path.realpath(target))
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"cannot write {name}: it is a folder")
        if not stat.S_ISREG(st.st_mode):
            raise OutputError(f"refusing to replace {name}: it is {_kind(st.st_mode)}, not a regular file")
        if not force:
            raise _exists(name)
    folder = target.parent
    try:
        fst = os.stat(folder)
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            raise OutputError(f"cannot write {name}: folder {show_path(folder)} does not exist") from None
        raise _write_error(exc, name) from None
    if not stat.S_ISDIR(fst.st_mode):
        raise OutputError(f"cannot write {name}: {show_path(folder)} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {name}: permission denied in folder {show_path(folder)}")
    return target


def _exists(name: str) -> OutputExistsError:
    return OutputExistsError(
        f"{name} exists (pass force=True to replace it)", cli=f"{name} exists; use --force to overwrite it"
    )


def _prepare(path: str | os.PathLike, force: bool) -> tuple[Path | None, Path, str, int]:
    """For :func:`atomic_write` and :func:`atomic_build`: the path as asked for, the checked target, its
    name for messages and the permission bits the new file gets (the old file's, else by the umask);
    stale temporaries are cleared, and a target that appeared since the check is never replaced."""
    requested = Path(os.fsdecode(os.fspath(path))) if os.fspath(path) not in ("", b"") else None
    target = check_output(path, force=force)
    name = show_path(requested or target)
    clean_stale_temporaries(target)
    try:
        old = os.stat(target)
        mode = stat.S_IMODE(old.st_mode)
    except FileNotFoundError:
        old, mode = None, 0o666 & ~_umask()
    except OSError as exc:
        raise _write_error(exc, name) from None
    if old is not None and not force:  # it appeared since the check (another run): never replace it
        raise _exists(name)
    return requested, target, name, mode


def atomic_write(path: str | os.PathLike, data: str | bytes, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically (see the module notes); returns the path written.

    An existing file is only replaced when ``force`` is true; a failed write leaves nothing behind
    (no partial file, no temporary file).
    """
    requested, target, name, mode = _prepare(path, force)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = target.parent
    fd, tmp = -1, None
    try:
        fd, tmp = _write_temporary(folder, target.name, payload, mode)
        if tmp is None and _TMPFILE_WORKS[0] is None:  # first use: can unnamed files be linked here?
            _TMPFILE_WORKS[0] = _name_unnamed(fd, folder, target.name, probe=True) is not None
            if not _TMPFILE_WORKS[0]:
                os.close(fd)  # no: write a named one instead
                fd = -1
                fd, tmp = _write_temporary(folder, target.name, payload, mode)
        if not force:
            _link_new(fd, tmp, target, name)
        else:
            if tmp is None:  # an unnamed file needs a name before it can replace another
                tmp = _name_unnamed(fd, folder, target.name)
                assert tmp is not None  # without probe it names the file or raises
            os.replace(tmp, target)
            tmp = None
        _fsync_folder(folder)
    except PolicydiffError:
        raise
    except OSError as exc:
        raise _write_error(exc, name) from None
    finally:  # also on KeyboardInterrupt and SIGTERM (turned into an exception by the CLI)
        if fd >= 0:
            os.close(fd)
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    return requested or target


def atomic_build(path: str | os.PathLike, build: Callable[[Path], None], *, force: bool = False) -> Path:
    """Like :func:`atomic_write` for a file that is made in place rather than handed over as bytes (an
    SQLite database): ``build(tmp)`` writes a named temporary file beside the target, which is then
    flushed, given the final permission bits and linked (or with ``force`` renamed) into place. The
    same rules hold: the file appears whole or not at all, nothing is replaced without ``force``, and a
    failed build (any exception) leaves no temporary file behind."""
    requested, target, name, mode = _prepare(path, force)
    folder = target.parent
    tmp = _temp_name(folder, target.name)
    placed = False
    try:
        build(tmp)
        fd = os.open(tmp, os.O_RDWR | getattr(os, "O_CLOEXEC", 0))
        try:
            os.fchmod(fd, mode)
            os.fsync(fd)
        finally:
            os.close(fd)
        if not force:
            _link_new(-1, tmp, target, name)
        else:
            os.replace(tmp, target)
        placed = True
        _fsync_folder(folder)
    except PolicydiffError:
        raise
    except OSError as exc:
        raise _write_error(exc, name) from None
    finally:  # also on KeyboardInterrupt and SIGTERM (turned into an exception by the CLI)
        if not placed:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    return requested or target


def _temp_name(folder: Path, name: str) -> Path:
    return folder / f".{name[:100]}.{_TMP_TAG}-{_host()}-{os.getpid()}-{secrets.token_hex(4)}.tmp"


#: Whether unnamed temporary files (O_TMPFILE) can be linked into place: None until first tried.
_TMPFILE_WORKS: list[bool | None] = [None]


def _write_temporary(folder: Path, name: str, payload: bytes, mode: int) -> tuple[int, Path | None]:
    """The data in a temporary file of ``folder`` (unnamed where the platform allows, else named),
    flushed to disk with the final permission bits. Returns the open descriptor and the name (or None)."""
    flags = os.O_RDWR | getattr(os, "O_CLOEXEC", 0)
    o_tmpfile = getattr(os, "O_TMPFILE", 0)
    fd, tmp = -1, None
    if o_tmpfile and _TMPFILE_WORKS[0] is not False and os.path.isdir("/proc/self/fd"):
        try:
            fd = os.open(folder, flags | o_tmpfile, 0o600)
        except OSError as exc:
            if exc.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
                raise
            _TMPFILE_WORKS[0] = False
    if fd < 0:
        tmp = _temp_name(folder, name)
        fd = os.open(tmp, flags | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.fchmod(fd, mode)
        view = memoryview(payload)
        while view:
            n = os.write(fd, view)
            view = view[n:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        raise
    return fd, tmp


def _name_unnamed(fd: int, folder: Path, name: str, *, probe: bool = False) -> Path | None:
    """Give an unnamed temporary file a temporary name. With ``probe``, return None where this is
    not possible (then remove the name again: the probe only checks)."""
    tmp = _temp_name(folder, name)
    try:
        os.link(f"/proc/self/fd/{fd}", tmp, follow_symlinks=True)
    except OSError:
        if probe:
            return None
        raise
    if probe:
        os.unlink(tmp)
    return tmp


def _link_new(fd: int, tmp: Path | None, target: Path, name: str) -> None:
    """Give the finished file the target's name, failing (not replacing) if that name appeared."""
    source = str(tmp) if tmp is not None else f"/proc/self/fd/{fd}"
    try:
        os.link(source, target, follow_symlinks=tmp is None)
    except FileExistsError:
        raise _exists(name) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EMLINK, errno.EXDEV, errno.ENOENT):
            raise
        # No hard links here (some file systems): claim the name exclusively, then rename onto it.
        if tmp is None:
            raise
        try:
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            raise _exists(name) from None
        os.replace(tmp, target)
        return
    if tmp is not None:
        os.unlink(tmp)


def _fsync_folder(folder: Path) -> None:
    try:
        dfd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


def clean_stale_temporaries(target: str | os.PathLike) -> list[Path]:
    """Remove temporary files that an earlier, killed run left beside ``target``.

    Only files named like this tool's temporaries for this target, made on this host by a process
    that no longer exists, are removed. Returns what was removed.
    """
    target = Path(target)
    pattern = re.compile(re.escape(f".{target.name[:100]}.{_TMP_TAG}-{_host()}-") + r"(\d+)-[0-9a-f]+\.tmp")
    removed: list[Path] = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    for entry in entries:
        m = pattern.fullmatch(entry.name)
        if not m or not entry.is_file(follow_symlinks=False):
            continue
        pid = int(m.group(1))
        if pid == os.getpid() or _alive(pid):
            continue
        try:
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            pass
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return True
    return True
