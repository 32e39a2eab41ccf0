"""Which corpus reports a panel reads: the selected ones and those read for context."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..corpus import Corpus, Entry, listing
from ..errors import NotFoundError, show_path
from ..regions import RegionTable, level_rank

# ---------------------------------------------------------------------------
# Selecting reports
# ---------------------------------------------------------------------------


def select_entries(
    corpus: Corpus,
    table: RegionTable,
    *,
    regions: Sequence[str] | None = None,
    level: str | None = None,
    years: Iterable[int] | None = None,
) -> list[Entry]:
    """The corpus entries of the given regions (all when None), of one level, and years, sorted.

    Raises :class:`NotFoundError` for an unknown region or when nothing is left.
    """
    have = corpus.regions()
    wanted = list(dict.fromkeys(regions or []))
    for r in wanted:
        if r not in have:
            raise NotFoundError(f"unknown region {show_path(r, 60)!r} (corpus has: {listing(have) or 'none'})")
    keys = wanted or have
    if level is not None:
        level = level.lower()
        keys = [r for r in keys if table.get(r).level == level]
        if not keys:
            known = listing(sorted({table.get(r).level for r in have}, key=level_rank)) or "none"
            raise NotFoundError(f"no region of level {level!r} in the corpus (levels present: {known})")
    ys = None if years is None else set(years)
    out = [e for e in corpus if e.region in keys and (ys is None or e.year in ys)]
    if not out:
        asked = "" if ys is None else f" for {min(ys)}-{max(ys)}" if len(ys) > 1 else f" for {min(ys)}"
        raise NotFoundError(f"no report of {listing(keys)}{asked} in the corpus")
    return out


def _context_entries(corpus: Corpus, table: RegionTable, selected: list[Entry], delivery: bool = True) -> list[Entry]:
    """Reports read for context only: the next year of each selected region (its results judge the
    last year's targets) and the nearest ancestor's report of each selected year (the parent's target)."""
    chosen = {(e.region, e.year) for e in selected}
    extra: dict[tuple[str, int], Entry] = {}
    last: dict[str, int] = {}
    for e in selected:
        last[e.region] = max(last.get(e.region, e.year), e.year)
    for region, year in last.items() if delivery else ():
        key = (region, year + 1)
        if key in corpus.entries and key not in chosen:
            extra[key] = corpus.entries[key]
    for e in selected:
        for anc in table.ancestors(e.region):
            key = (anc, e.year)
            if key in corpus.entries:
                if key not in chosen:
                    extra[key] = corpus.entries[key]
                break
    return sorted(extra.values(), key=lambda e: (e.region, e.year))
