"""Corpora of reports keyed by region and year.

A corpus folder holds ``<region>/<year>.txt`` (or ``.html``/``.htm``, ``.docx``, ``.pdf``) files
and, optionally, a ``regions.json`` with metadata per region. The bundled corpus (``corpora/`` in the
repository) is always searched; more folders come from arguments and from the
``POLICYDIFF_CORPUS`` environment variable (an ``os.pathsep``-separated list).

>>> c = Corpus()
>>> ("dongsheng", 2020) in c
True
>>> c.regions_info()["dongsheng"]["name"]
'东胜区'
>>> c.get(2020).key
'dongsheng/2020'
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import AmbiguousError, InputError, NotFoundError, show_path
from .report import Report, load_report

#: Report file suffixes, most preferred first: when one folder holds a year twice (2020.txt and 2020.pdf),
#: the text file is used (.docx and .pdf are read by policydiff.readers; .pdf needs the pdf extra).
SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")
_REGION_NAME = re.compile(r"^[A-Za-z0-9_\-\u4e00-\u9fff]+$")


def bundled_corpus_dir() -> Path:
    """The folder of the corpus shipped with policydiff."""
    here = Path(__file__).resolve().parent
    checkout = here.parent / "corpora"
    if (checkout / "regions.json").is_file():
        return checkout
    return Path(str(resources.files("policydiff") / "corpora"))


@dataclass(frozen=True)
class Entry:
    """One report file in a corpus."""

    region: str
    year: int
    path: Path

    @property
    def key(self) -> str:
        return f"{self.region}/{self.year}"


class Corpus:
    """Reports found in one or more folders; later folders never shadow earlier ones silently.

    Parameters
    ----------
    dirs:
        Extra corpus folders, searched after the bundled corpus.
    use_env:
        Also read folders from ``POLICYDIFF_CORPUS``.
    bundled:
        Include the bundled corpus (default True).
    """

    def __init__(
        self,
        dirs: str | os.PathLike | Iterable[str | os.PathLike] = (),
        *,
        use_env: bool = True,
        bundled: bool = True,
    ) -> None:
        if isinstance(dirs, (str, bytes, os.PathLike)):
            dirs = [dirs]  # one folder, not the characters of its name
        folders: list[Path] = [bundled_corpus_dir()] if bundled else []
        if use_env and os.environ.get("POLICYDIFF_CORPUS"):
            folders += [Path(p) for p in os.environ["POLICYDIFF_CORPUS"].split(os.pathsep) if p]
        for d in dirs:
            if not isinstance(d, (str, bytes, os.PathLike)):
                raise InputError(f"corpus folders are paths, not {type(d).__name__} ({d!r:.40})")
            folders.append(Path(os.fsdecode(d)))
        self.dirs: list[Path] = []
        self.entries: dict[tuple[str, int], Entry] = {}
        self.warnings: list[str] = []
        self._regions: dict[str, dict] = {}
        for folder in folders:
            self._add_dir(folder)

    def _add_dir(self, folder: Path) -> None:
        name = show_path(folder)
        try:
            is_dir = folder.is_dir()
            is_file = not is_dir and folder.exists()
        except OSError as exc:  # a name too long, a loop of links
            raise InputError(f"corpus folder {name}: {exc.strerror or exc}") from None
        if is_file:
            raise InputError(
                f"corpus folder {name} is a file: a corpus is a folder of <region>/<year>.txt files "
                "(read one file with policydiff.load_report)",
                cli=f"corpus folder {name} is a file: give the folder that holds <region>/<year>.txt, "
                "or pass the file itself instead of a year",
            )
        if not is_dir:
            raise NotFoundError(f"corpus folder {name} does not exist")
        resolved = folder.resolve()
        if resolved in self.dirs:
            return
        self.dirs.append(resolved)
        meta = folder / "regions.json"
        if meta.is_file():
            for region, info in _read_regions(meta).items():
                self._regions.setdefault(region, info)
        try:
            region_dirs = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
        except OSError as exc:
            raise InputError(f"corpus folder {name}: cannot list ({exc.strerror or exc})") from None
        for region_dir in region_dirs:
            if not _REGION_NAME.match(region_dir.name):
                self.warnings.append(f"{show_path(region_dir)}: skipped (not a region name)")
                continue
            try:
                paths = sorted(region_dir.iterdir())
            except OSError as exc:
                self.warnings.append(f"{show_path(region_dir)}: skipped (cannot list: {exc.strerror or exc})")
                continue
            for path in paths:
                self._add_file(region_dir.name, path)

    def _add_file(self, region: str, path: Path) -> None:
        if path.name.startswith((".", "_", "~")) or path.name.endswith("~"):
            return  # hidden, editor backup and temporary files
        m = re.fullmatch(r"((?:19|20)\d\d)", path.stem)
        if path.suffix.lower() not in SUFFIXES or not m:
            if not path.is_dir():
                self.warnings.append(
                    f"{show_path(path)}: skipped (a report is named <year>.txt, .html, .htm, .docx or .pdf)"
                )
            return
        if not path.is_file():
            self.warnings.append(f"{show_path(path)}: skipped (not a regular file)")
            return
        key = (region, int(m.group(1)))
        if key in self.entries:
            kept = self.entries[key].path
            if kept.parent == path.parent and _rank(path) < _rank(kept):  # same folder: the text file wins
                self.entries[key] = Entry(region, key[1], path)
                path = kept  # the one not used, named in the warning
            if self.entries[key].path.resolve() != path.resolve():
                self.warnings.append(
                    f"{show_path(path)}: {key[0]}/{key[1]} already found at {show_path(self.entries[key].path)}; "
                    "this one is not used"
                )
            return
        self.entries[key] = Entry(region, key[1], path)

    # -- lookup -------------------------------------------------------------

    def __contains__(self, key: tuple[str, int]) -> bool:
        return key in self.entries

    def __iter__(self) -> Iterator[Entry]:
        return iter(sorted(self.entries.values(), key=lambda e: (e.region, e.year)))

    def __len__(self) -> int:
        return len(self.entries)

    def regions(self) -> list[str]:
        return sorted({e.region for e in self.entries.values()})

    def years(self, region: str) -> list[int]:
        return sorted(y for r, y in self.entries if r == region)

    def regions_info(self) -> dict[str, dict]:
        """Metadata per region (Chinese name, level, parent) where a regions.json gives it."""
        return dict(self._regions)

    def resolve_region(self, years: Iterable[int | str], region: str | None = None) -> str:
        """The region to use for these years: the one given, else the only one that has them.

        >>> Corpus().resolve_region([2020])
        'dongsheng'
        """
        years = [_year(y) for y in years]
        if region is not None:
            if region not in self.regions():
                known = listing(self.regions()) or "none"
                unknown = f"unknown region {show_path(region, 60)!r} (corpus has: {known})"
                raise NotFoundError(
                    f"{unknown}; add the folder that holds {show_path(region, 60)}/<year>.txt: Corpus([folder]), "
                    "corpus=folder, or the POLICYDIFF_CORPUS environment variable",
                    cli=f"{unknown}; add its folder with --corpus DIR",
                )
            return region
        having = [r for r in self.regions() if any((r, y) in self.entries for y in years)]
        if not having:
            asked = ", ".join(str(y) for y in years)
            have = listing([f"{r} {self._span(r)}" for r in self.regions()]) or "no reports"
            raise NotFoundError(
                f"no report for {asked} in the corpus (it has: {have}); add its folder: Corpus([folder])",
                cli=f"no report for {asked} in the corpus (it has: {have}); add --corpus DIR",
            )
        full = [r for r in having if all((r, y) in self.entries for y in years)]
        candidates = full or having
        if len(candidates) > 1:
            several = f"several regions have {', '.join(map(str, years))}: {listing(candidates)}"
            raise AmbiguousError(f"{several}; choose one with region=...", cli=f"{several}; choose one with --region")
        return candidates[0]

    def _span(self, region: str) -> str:
        ys = self.years(region)
        return f"{ys[0]}-{ys[-1]}" if len(ys) > 1 else str(ys[0])

    def entry(self, year: int | str, region: str | None = None) -> Entry:
        """The corpus entry (region, year, path) of a year's report."""
        year = _year(year)
        region = self.resolve_region([year], region)
        try:
            return self.entries[(region, year)]
        except KeyError:
            have = listing([str(y) for y in self.years(region)])
            raise NotFoundError(f"no {region} report for {year} (have: {have})") from None

    def get(self, year: int | str, region: str | None = None) -> Report:
        """The parsed report for a year (and region), cached per file."""
        e = self.entry(year, region)
        return _load_cached(str(e.path), e.region, e.year, _mtime(e.path))

    def reports(self, region: str | None = None, years: Iterable[int] | None = None) -> list[Report]:
        """Parsed reports of a region, in year order; all years unless ``years`` is given."""
        region = region or self.resolve_region(years or [y for _, y in self.entries], None)
        wanted = self.years(region) if years is None else [y for y in years if (region, y) in self.entries]
        return [self.get(y, region) for y in wanted]


def _rank(path: Path) -> int:
    return SUFFIXES.index(path.suffix.lower())


def listing(items: Iterable[str], limit: int = 12) -> str:
    """Items joined with commas, cut after ``limit`` with the number left out.

    >>> listing(["a", "b", "c"], 2)
    'a, b and 1 more'
    """
    items = list(items)
    if len(items) <= limit:
        return ", ".join(items)
    return f"{', '.join(items[:limit])} and {len(items) - limit} more"


def _year(value: int | str) -> int:
    """A year given as 2019 or "2019"."""
    if isinstance(value, bool) or not isinstance(value, (int, str)) or not is_year(str(value)):
        raise InputError(f"not a year: {str(value)[:40]!r} (give a four-digit year such as 2019)")
    return int(value)


_REGION_FIELDS = ("name", "name_en", "level")


def _read_regions(meta: Path) -> dict[str, dict]:
    """A regions.json: an object of region keys, each an object whose optional name, name_en and level
    are text. Anything else is an error naming the entry."""
    name = show_path(meta)
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (ValueError, OSError) as exc:
        raise InputError(f"{name}: not a valid regions file ({getattr(exc, 'strerror', None) or exc})") from None
    if not isinstance(data, dict):
        raise InputError(f"{name}: not a valid regions file (an object of regions expected, got {type(data).__name__})")
    for region, info in data.items():
        if not isinstance(info, dict):
            raise InputError(
                f"{name}: entry {show_path(region, 40)!r} is {type(info).__name__}, not an object like "
                '{"name": "东胜区", "level": "district"}'
            )
        for key in _REGION_FIELDS:
            if info.get(key) is not None and not isinstance(info[key], str):
                raise InputError(f"{name}: {show_path(region, 40)!r}: {key} is {type(info[key]).__name__}, not text")
    return data


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


@lru_cache(maxsize=64)
def _load_cached(path: str, region: str, year: int, mtime: float) -> Report:
    return load_report(path, region=region, year=year)


def is_year(value: str) -> bool:
    """True for a four-digit year argument (as opposed to a file path)."""
    return bool(re.fullmatch(r"(19|20)\d\d", value.strip()))


def load(
    spec: str | int | os.PathLike,
    *,
    region: str | None = None,
    corpus: Corpus | str | os.PathLike | Iterable[str | os.PathLike] | None = None,
) -> Report:
    """A report from a year (looked up in the corpus) or a file path.

    ``corpus`` is a :class:`Corpus` or its extra folders; without it the bundled corpus and the
    folders of ``POLICYDIFF_CORPUS`` are searched (``load(2019, region="national")`` works when that
    variable names a folder holding ``national/2019.txt``).

    >>> load(2020).meta.speaker
    '刘凤云'
    """
    if corpus is not None and not isinstance(corpus, Corpus):
        corpus = Corpus(corpus)
    spec = os.fsdecode(spec) if isinstance(spec, (bytes, os.PathLike)) else str(spec)
    if is_year(spec):
        return (corpus or Corpus()).get(int(spec), region)
    if "\n" in spec or len(spec) > 4096:
        return load_report(spec, region=region)  # explains that this is text, not a file name
    try:
        os.lstat(spec)
    except (FileNotFoundError, NotADirectoryError):
        raise NotFoundError(f"{show_path(spec)}: neither a year nor an existing file") from None
    except (OSError, ValueError):
        pass  # a name too long, a NUL, no permission: reading it says which, in one line
    return load_report(Path(spec), region=region)
