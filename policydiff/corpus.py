"""Corpora of reports keyed by region and year.

A corpus folder holds ``<region>/<year>.txt`` (or ``.html``/``.htm``) files and, optionally,
a ``regions.json`` with metadata per region. The bundled corpus (``corpora/`` in the
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

from .errors import PolicydiffError
from .report import Report, load_report

SUFFIXES = (".txt", ".html", ".htm")
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

    def __init__(self, dirs: Iterable[str | os.PathLike] = (), *, use_env: bool = True, bundled: bool = True):
        folders: list[Path] = [bundled_corpus_dir()] if bundled else []
        if use_env and os.environ.get("POLICYDIFF_CORPUS"):
            folders += [Path(p) for p in os.environ["POLICYDIFF_CORPUS"].split(os.pathsep) if p]
        folders += [Path(d) for d in dirs]
        self.dirs: list[Path] = []
        self.entries: dict[tuple[str, int], Entry] = {}
        self.warnings: list[str] = []
        self._regions: dict[str, dict] = {}
        for folder in folders:
            self._add_dir(folder)

    def _add_dir(self, folder: Path) -> None:
        if not folder.is_dir():
            raise PolicydiffError(f"corpus folder {folder} does not exist")
        resolved = folder.resolve()
        if resolved in self.dirs:
            return
        self.dirs.append(resolved)
        meta = folder / "regions.json"
        if meta.is_file():
            try:
                for region, info in json.loads(meta.read_text(encoding="utf-8")).items():
                    self._regions.setdefault(region, info)
            except (ValueError, OSError, AttributeError) as exc:
                raise PolicydiffError(f"{meta}: not a valid regions file ({exc})") from None
        try:
            region_dirs = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
        except OSError as exc:
            raise PolicydiffError(f"corpus folder {folder}: cannot list ({exc.strerror})") from None
        for region_dir in region_dirs:
            if not _REGION_NAME.match(region_dir.name):
                self.warnings.append(f"{region_dir}: skipped (not a region name)")
                continue
            for path in sorted(region_dir.iterdir()):
                m = re.fullmatch(r"((?:19|20)\d\d)", path.stem)
                if path.suffix.lower() not in SUFFIXES or not m or not path.is_file():
                    continue
                key = (region_dir.name, int(m.group(1)))
                if key in self.entries:
                    if self.entries[key].path.resolve() != path.resolve():
                        self.warnings.append(f"{path}: {key[0]}/{key[1]} already found at {self.entries[key].path}")
                    continue
                self.entries[key] = Entry(region_dir.name, key[1], path)

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

    def resolve_region(self, years: Iterable[int], region: str | None = None) -> str:
        """The region to use for these years: the one given, else the only one that has them.

        >>> Corpus().resolve_region([2020])
        'dongsheng'
        """
        years = [int(y) for y in years]
        if region is not None:
            if region not in self.regions():
                known = ", ".join(self.regions()) or "none"
                raise PolicydiffError(f"unknown region {region!r} (corpus has: {known})")
            return region
        having = [r for r in self.regions() if any((r, y) in self.entries for y in years)]
        if not having:
            asked = ", ".join(str(y) for y in years)
            have = ", ".join(f"{r} {self._span(r)}" for r in self.regions()) or "no reports"
            raise PolicydiffError(f"no report for {asked} in the corpus (it has: {have}); add --corpus DIR")
        full = [r for r in having if all((r, y) in self.entries for y in years)]
        candidates = full or having
        if len(candidates) > 1:
            raise PolicydiffError(
                f"several regions have {', '.join(map(str, years))}: {', '.join(candidates)}; choose one with --region"
            )
        return candidates[0]

    def _span(self, region: str) -> str:
        ys = self.years(region)
        return f"{ys[0]}-{ys[-1]}" if len(ys) > 1 else str(ys[0])

    def entry(self, year: int, region: str | None = None) -> Entry:
        region = self.resolve_region([year], region)
        try:
            return self.entries[(region, int(year))]
        except KeyError:
            have = ", ".join(map(str, self.years(region)))
            raise PolicydiffError(f"no {region} report for {year} (have: {have})") from None

    def get(self, year: int, region: str | None = None) -> Report:
        """The parsed report for a year (and region), cached per file."""
        e = self.entry(year, region)
        return _load_cached(str(e.path), e.region, e.year, _mtime(e.path))

    def reports(self, region: str | None = None, years: Iterable[int] | None = None) -> list[Report]:
        """Parsed reports of a region, in year order; all years unless ``years`` is given."""
        region = region or self.resolve_region(years or [y for _, y in self.entries], None)
        wanted = self.years(region) if years is None else [y for y in years if (region, y) in self.entries]
        return [self.get(y, region) for y in wanted]


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


def load(spec: str | int, *, region: str | None = None, corpus: Corpus | None = None) -> Report:
    """A report from a year (looked up in the corpus) or a file path.

    >>> load(2020).meta.speaker
    '刘凤云'
    """
    spec = str(spec)
    if is_year(spec):
        return (corpus or Corpus()).get(int(spec), region)
    path = Path(spec)
    if not path.exists():
        raise PolicydiffError(f"{spec}: neither a year nor an existing file")
    return load_report(path, region=region)
