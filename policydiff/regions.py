"""Region metadata: key, Chinese name, administrative level and parent region.

policydiff ships a table of the national level and all 31 provinces (``policydiff/data/regions.tsv``).
A corpus folder may hold its own ``regions.tsv`` with the same four tab-separated columns
(``key  name_zh  level  parent``; a header line, ``#`` comments and blank lines allowed): its rows add
regions (cities, counties, districts) and override the bundled row of the same key field by field.
When several corpus folders give the same key, the earlier folder wins. A region no table names
still works: its level is ``unknown`` and it has no parent.

>>> t = RegionTable.bundled()
>>> t.get("hubei")
Region(key='hubei', name_zh='湖北省', level='province', parent='national')
>>> len(t.with_level("province")), t.get("nowhere").level
(31, 'unknown')
>>> t.ancestors("hubei")
['national']
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from .errors import InputError, show_path

#: The columns of a regions.tsv, in the order the bundled table writes them.
COLUMNS = ("key", "name_zh", "level", "parent")
#: Administrative levels from the top down (a regions.tsv may use others; they sort last).
LEVELS = ("national", "province", "city", "district", "county", "unknown")
UNKNOWN = "unknown"
FILE_NAME = "regions.tsv"
_KEY = re.compile(r"^[A-Za-z0-9_\-\u4e00-\u9fff]+$")


@dataclass(frozen=True)
class Region:
    """One region: ``key`` as in the corpus folder name, ``name_zh`` (None when unknown), ``level``
    (national, province, city, district, county or unknown) and the ``parent`` region's key."""

    key: str
    name_zh: str | None
    level: str
    parent: str | None

    def to_dict(self) -> dict[str, str | None]:
        """The four columns as a dict.

        >>> Region("x", None, "unknown", None).to_dict()
        {'key': 'x', 'name_zh': None, 'level': 'unknown', 'parent': None}
        """
        return {"key": self.key, "name_zh": self.name_zh, "level": self.level, "parent": self.parent}


def bundled_table_path() -> Path:
    """The regions.tsv shipped inside the package."""
    return Path(str(resources.files("policydiff") / "data" / FILE_NAME))


def read_regions_tsv(path: str | os.PathLike) -> list[Region]:
    """The rows of a regions.tsv; a malformed file is an :class:`InputError` naming file and line.

    >>> rows = read_regions_tsv(bundled_table_path())
    >>> rows[0], len(rows)
    (Region(key='national', name_zh='中华人民共和国', level='national', parent=None), 32)
    """
    name = show_path(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8 text (save the regions table as UTF-8)") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    rows: list[Region] = []
    columns: dict[str, int] | None = None
    width = 0
    seen: set[str] = set()
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if columns is None:
            if cells[0] == "key":
                missing = [c for c in COLUMNS if c not in cells]
                if missing:
                    raise InputError(f"{name}:{n}: the header lacks {', '.join(missing)}")
                columns = {c: cells.index(c) for c in COLUMNS}
                width = len(cells)
                continue
            columns = {c: i for i, c in enumerate(COLUMNS)}  # no header: the standard order
            width = len(COLUMNS)
        if not width - 1 <= len(cells) <= width:  # a trailing empty parent may lose its tab
            raise InputError(f"{name}:{n}: {len(cells)} tab-separated fields; expected {width} ({'  '.join(COLUMNS)})")
        cells += [""] * (width - len(cells))
        key = cells[columns["key"]]
        if not _KEY.match(key):
            raise InputError(f"{name}:{n}: {show_path(key, 40)!r} is not a region key (letters, digits, _ and -)")
        if key in seen:
            raise InputError(f"{name}:{n}: region {key!r} is listed twice")
        seen.add(key)
        parent = cells[columns["parent"]] or None
        if parent is not None and not _KEY.match(parent):
            raise InputError(f"{name}:{n}: parent {show_path(parent, 40)!r} is not a region key")
        if parent == key:
            raise InputError(f"{name}:{n}: region {key!r} is its own parent")
        level = cells[columns["level"]].lower() or UNKNOWN
        rows.append(Region(key, cells[columns["name_zh"]] or None, level, parent))
    return rows


class RegionTable:
    """Region metadata by key: the bundled table extended by corpus folders' regions.tsv files.

    >>> t = RegionTable.bundled()
    >>> [r.key for r in t.children("national")][:3]
    ['anhui', 'beijing', 'chongqing']
    """

    def __init__(self, regions: Iterable[Region] = ()) -> None:
        self._regions: dict[str, Region] = {}
        for r in regions:
            self.add(r)

    @classmethod
    def bundled(cls) -> RegionTable:
        """The national level and the 31 provinces."""
        return cls(read_regions_tsv(bundled_table_path()))

    @classmethod
    def for_folders(cls, folders: Iterable[str | os.PathLike], extra: dict[str, dict] | None = None) -> RegionTable:
        """The bundled table, overridden by each folder's regions.tsv (earlier folders win), then
        names and levels from ``extra`` (a corpus's regions.json) where nothing else gives them."""
        table = cls.bundled()
        for folder in reversed(list(folders)):
            path = Path(folder) / FILE_NAME
            if path.is_file():
                for r in read_regions_tsv(path):
                    table.add(r, override=True)
        for key, info in (extra or {}).items():
            if not isinstance(info, dict) or not _KEY.match(str(key)):
                continue
            level = info.get("level") if isinstance(info.get("level"), str) else None
            name = info.get("name") if isinstance(info.get("name"), str) else None
            table.add(Region(str(key), name, (level or UNKNOWN).lower(), None), override=False)
        return table

    def add(self, region: Region, *, override: bool = True) -> None:
        """Add a region; for a key already known, fill in (or with ``override`` replace) its fields."""
        old = self._regions.get(region.key)
        if old is None:
            self._regions[region.key] = region
            return
        first, second = (region, old) if override else (old, region)
        self._regions[region.key] = replace(
            first,
            name_zh=first.name_zh or second.name_zh,
            level=first.level if first.level != UNKNOWN else second.level,
            parent=first.parent or second.parent,
        )

    def __contains__(self, key: object) -> bool:
        return key in self._regions

    def __iter__(self) -> Iterator[Region]:
        return iter(sorted(self._regions.values(), key=lambda r: (level_rank(r.level), r.key)))

    def __len__(self) -> int:
        return len(self._regions)

    def get(self, key: str) -> Region:
        """The region's metadata; an unknown key gives level ``unknown`` and no name or parent."""
        return self._regions.get(key) or Region(key, None, UNKNOWN, None)

    def parent(self, key: str) -> str | None:
        """The parent's key (None at the top or when unknown)."""
        return self.get(key).parent

    def ancestors(self, key: str) -> list[str]:
        """Parent, grandparent, ... up to the top (a cycle in the tables stops the walk)."""
        out: list[str] = []
        cur = self.parent(key)
        while cur is not None and cur not in out and cur != key:
            out.append(cur)
            cur = self.parent(cur)
        return out

    def children(self, key: str) -> list[Region]:
        """Regions whose parent is ``key``, by key."""
        return sorted((r for r in self._regions.values() if r.parent == key), key=lambda r: r.key)

    def with_level(self, level: str) -> list[Region]:
        """Regions of one level, by key."""
        level = level.lower()
        return sorted((r for r in self._regions.values() if r.level == level), key=lambda r: r.key)

    def levels(self) -> list[str]:
        """The levels the table uses, top first."""
        return sorted({r.level for r in self._regions.values()}, key=level_rank)


def level_rank(level: str) -> int:
    """Sort key of a level: national first, unknown and unlisted levels last.

    >>> sorted(["county", "national", "province"], key=level_rank)
    ['national', 'province', 'county']
    """
    return LEVELS.index(level) if level in LEVELS else len(LEVELS)


def corpus_regions(corpus) -> RegionTable:
    """The region table for a :class:`policydiff.Corpus`: bundled rows, its folders' regions.tsv,
    and names from its regions.json.

    >>> from policydiff import Corpus
    >>> corpus_regions(Corpus()).get("dongsheng").name_zh
    '东胜区'
    """
    return RegionTable.for_folders(corpus.dirs, corpus.regions_info())
