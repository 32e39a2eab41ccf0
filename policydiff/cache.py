"""A persistent extraction cache: one SQLite file in the user's cache folder.

What a report yields (its records and a few header fields) depends on the file's bytes, the
region and year it is read as, and the extraction engine. An entry is keyed by all of these:

- ``sha256`` of the file's bytes, ``region`` and ``year`` (the year decides what 今年 means);
- ``engine``: a hash of the policydiff version, the rule data files (``policydiff/data/*.json``,
  ``*.tsv``) and the Python source of the modules that read and extract reports (all but those in
  :data:`DOWNSTREAM`), so a new release, an edited rule list or an edited extractor never reads an
  old entry (:func:`engine_fingerprint`);
- ``part``: ``quantity`` (targets and results) or ``commitment`` records.

The folder is ``$POLICYDIFF_CACHE`` when set, else the platform's user cache folder
(``$XDG_CACHE_HOME/policydiff`` or ``~/.cache/policydiff`` on Linux, ``~/Library/Caches/policydiff``
on macOS, ``%LOCALAPPDATA%\\policydiff\\Cache`` on Windows). The file is ``extract.sqlite``.

Safety: the database runs in WAL mode and every write is one short transaction, so two processes
may read and write it at once (a writer waits up to :data:`BUSY_TIMEOUT` seconds for the other),
and a process killed at any point (SIGKILL included) leaves either the whole entry or none of it.
An entry that cannot be read back (a damaged payload) counts as a miss. A cache that cannot be
opened at all (no permission, not a database) is reported once and the run goes on without it.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d:
...     c = ExtractionCache(Path(d) / "x.sqlite")
...     stored = c.put("ab" * 32, "demo", 2020, "quantity", {"meta": {"title": "t"}, "records": []})
...     (stored, c.get("ab" * 32, "demo", 2020, "quantity"), c.get("ab" * 32, "demo", 2021, "quantity"), len(c))
...     c.close()
(True, {'meta': {'title': 't'}, 'records': []}, None, 1)
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sqlite3
import sys
import time
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import __version__

CACHE_ENV = "POLICYDIFF_CACHE"
FILE_NAME = "extract.sqlite"
#: Bumped when the table layout changes (an older file is then emptied and reused).
SCHEMA_VERSION = 1
#: How payloads are encoded (part of the engine hash: entries of another encoding are never read).
PAYLOAD_FORMAT = "marshal-4"
#: The marshal version payloads are written in (4: Python 3.4 and later read it).
_MARSHAL_VERSION = 4
#: Modules that only use extracted records (their edits leave cached records valid); every other
#: module of the package counts as part of the extraction engine.
DOWNSTREAM = frozenset(
    "__init__ align cache charts compare corpus delivery errors fileio graph link panel regions themes workers".split()
)
#: Folders whose code never changes what is cached (command line, rendering, the bundled corpus).
NOT_HASHED = frozenset({"cli", "render", "corpora", "__pycache__"})
#: Seconds a writer waits for another process holding the write lock.
BUSY_TIMEOUT = 60.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS info (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entries (
    sha256 TEXT NOT NULL,
    region TEXT NOT NULL,
    year INTEGER NOT NULL,
    engine TEXT NOT NULL,
    part TEXT NOT NULL,
    payload BLOB NOT NULL,
    checksum TEXT NOT NULL,
    created REAL NOT NULL,
    PRIMARY KEY (sha256, region, year, engine, part)
) WITHOUT ROWID;
"""


def cache_dir() -> Path:
    """The cache folder: ``$POLICYDIFF_CACHE``, else the platform's user cache folder.

    >>> import os
    >>> os.environ["POLICYDIFF_CACHE"] = "/tmp/pdc"; str(cache_dir())
    '/tmp/pdc'
    >>> del os.environ["POLICYDIFF_CACHE"]
    """
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "policydiff" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "policydiff"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "policydiff"


@lru_cache(maxsize=2)
def engine_fingerprint(whole: bool = False) -> str:
    """A hash of what decides extraction: version, rule data files and the Python source of the
    extraction modules (``whole``: of every module, for results that depend on linking too).

    >>> e = engine_fingerprint()
    >>> len(e), e == engine_fingerprint(), engine_fingerprint(True) != e
    (16, True, True)
    """
    return fingerprint_of(Path(__file__).resolve().parent, whole)


def fingerprint_of(package: Path, whole: bool = False) -> str:
    """:func:`engine_fingerprint` of the package folder ``package`` (not memoised)."""
    h = hashlib.sha256(f"policydiff {__version__} cache {SCHEMA_VERSION} {PAYLOAD_FORMAT} {whole}\n".encode())
    code = []  # every module and subpackage module (extract/, graph/, panel/ …) but the CLI and the renderers
    for path in sorted(package.rglob("*.py")):
        top = path.relative_to(package).parts[0].removesuffix(".py")
        if top not in NOT_HASHED and (whole or top not in DOWNSTREAM):
            code.append(path)
    files = sorted(package.glob("data/*.json")) + sorted(package.glob("data/*.tsv")) + code
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        h.update(f"{path.relative_to(package).as_posix()}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()[:16]


class CacheUnavailable(Exception):
    """The cache file could not be opened or created (the message says why)."""


class ExtractionCache:
    """The cache file; ``get``/``put`` payloads (JSON-able dicts) by report identity and part.

    ``path`` defaults to ``cache_dir() / "extract.sqlite"``; ``engine`` to :func:`engine_fingerprint`.
    Raises :class:`CacheUnavailable` when the file cannot be used.
    """

    def __init__(self, path: str | os.PathLike | None = None, *, engine: str | None = None) -> None:
        self.path = Path(path) if path is not None else cache_dir() / FILE_NAME
        self.engine = engine or engine_fingerprint()
        self.hits = 0
        self.misses = 0
        self.write_failures = 0
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise CacheUnavailable(f"cannot open {self.path}: {_reason(exc)}") from None
        try:
            self._setup()
        except sqlite3.Error as exc:
            self._db.close()
            raise CacheUnavailable(f"cannot use {self.path}: {_reason(exc)}") from None

    def _setup(self) -> None:
        db = self._db
        db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
        if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            db.execute("PRAGMA journal_mode = WAL")  # persistent: set once per file
        db.execute("PRAGMA synchronous = NORMAL")  # with WAL: safe against a killed process
        with db:
            db.execute("BEGIN IMMEDIATE")
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
            row = db.execute("SELECT value FROM info WHERE name = 'schema'").fetchone()
            if row is None or row[0] != str(SCHEMA_VERSION):
                db.execute("DELETE FROM entries")
                db.execute("INSERT OR REPLACE INTO info VALUES ('schema', ?)", (str(SCHEMA_VERSION),))

    # -- entries ------------------------------------------------------------------

    def get(
        self, sha256: str, region: str, year: int, part: str, *, engine: str | None = None
    ) -> dict[str, Any] | None:
        """The stored payload, or None (not there, stored by another engine, or unreadable)."""
        try:
            row = self._db.execute(
                "SELECT payload, checksum FROM entries WHERE sha256=? AND region=? AND year=? AND engine=? AND part=?",
                (sha256, region, int(year), engine or self.engine, part),
            ).fetchone()
        except sqlite3.Error:
            row = None
        payload = _decode(row) if row is not None else None
        if payload is None:
            self.misses += 1
        else:
            self.hits += 1
        return payload

    def stored(self, parts: Sequence[str], *, engine: str | None = None) -> dict[tuple[str, int, str], int]:
        """The payload size of every entry of the given parts (of this engine) by region, year and part,
        without reading the payloads: a quick look at what the cache holds (an entry may still be of
        another version of the file, or fail its checksum when read)."""
        marks = ", ".join("?" for _ in parts)
        try:
            rows = self._db.execute(
                f"SELECT region, year, part, length(payload) FROM entries WHERE engine=? AND part IN ({marks})",
                (engine or self.engine, *parts),
            ).fetchall()
        except sqlite3.Error:
            return {}
        return {(region, year, part): size for region, year, part, size in rows}

    def put(
        self,
        sha256: str,
        region: str,
        year: int,
        part: str,
        payload: dict[str, Any] | bytes,
        *,
        engine: str | None = None,
    ) -> bool:
        """Store a payload (a dict, or the bytes :func:`encode_payload` made of one) in one transaction;
        False when the database refused (the run goes on)."""
        data = payload if isinstance(payload, bytes) else encode_payload(payload)
        try:
            with self._db:  # BEGIN ... COMMIT, or ROLLBACK on an error
                self._db.execute("BEGIN IMMEDIATE")
                self._db.execute(
                    "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (sha256, region, int(year), engine or self.engine, part, data, _checksum(data), time.time()),
                )
        except sqlite3.Error:
            self.write_failures += 1
            return False
        return True

    def __len__(self) -> int:
        return self._db.execute("SELECT count(*) FROM entries").fetchone()[0]

    def prune(self) -> int:
        """Remove the entries of other engines (older versions and rules); returns how many went."""
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            keep = (self.engine, engine_fingerprint(True))
            n = self._db.execute("DELETE FROM entries WHERE engine NOT IN (?, ?)", keep).rowcount
        return n

    def clear(self) -> None:
        """Remove every entry."""
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute("DELETE FROM entries")

    def check(self) -> str:
        """SQLite's integrity check (``"ok"`` for a sound file)."""
        return self._db.execute("PRAGMA integrity_check").fetchone()[0]

    def close(self) -> None:
        try:
            self._db.close()
        except sqlite3.Error:
            pass

    def __enter__(self) -> ExtractionCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def encode_payload(payload: dict[str, Any]) -> bytes:
    """A payload as stored: :mod:`marshal` data (workers encode their reports' entries).

    Only plain values (dicts, lists, tuples, str, int, float, bool, None) go in. marshal reads back
    several times quicker than JSON, and a text that occurs many times in a payload as one object is
    stored once (a reference), so it reads back as one object too. Never pickle: the cache folder may
    be shared, and unpickling runs code; unmarshalling builds values only, and a payload is read only
    after its checksum matched.
    """
    return marshal.dumps(payload, _MARSHAL_VERSION)


def _checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def _decode(row: tuple[bytes, str]) -> dict[str, Any] | None:
    data, checksum = row
    try:
        if _checksum(data) != checksum:
            return None
        payload = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    return payload if isinstance(payload, dict) else None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc) or type(exc).__name__


def open_cache(
    enabled: bool = True, path: str | os.PathLike | None = None
) -> tuple[ExtractionCache | None, str | None]:
    """The cache (None when disabled or unusable) and a warning to show when it is unusable.

    >>> open_cache(False)
    (None, None)
    """
    if not enabled:
        return None, None
    try:
        return ExtractionCache(path), None
    except CacheUnavailable as exc:
        return None, f"extraction cache not used ({exc}); set {CACHE_ENV} to a writable folder or pass --no-cache"
