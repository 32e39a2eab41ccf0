"""The parent's target: each region's target of the year against its nearest ancestor's."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..delivery import comparable, unit_scale
from ..extract import Record
from ..regions import RegionTable
from .extraction import Extracted
from .judging import _clean


def year_targets(ex: Extracted) -> dict[str, tuple[int, Record]]:
    """The report's target of its own year per metric (index in the quantity records, record):
    single-year, headline statement first, then a stated figure, then the first in the text."""
    best: dict[str, tuple[tuple, int, Record]] = {}
    for i, r in enumerate(ex.parts.get("quantity", [])):
        if r.kind != "target" or not r.metric or r.period or (r.year is not None and r.year != ex.year):
            continue
        rank = (not r.headline, r.absent, r.start)
        if r.metric not in best or rank < best[r.metric][0]:
            best[r.metric] = (rank, i, r)
    return {m: (i, r) for m, (_, i, r) in best.items()}


def relation(target: Record | None, parent: Record | None) -> tuple[float | int | None, str]:
    """The difference (target − parent, low ends of ranges, in the parent's unit) and what it says.

    >>> from types import SimpleNamespace as R
    >>> relation(R(value=6, unit="%", measure="growth", absent=False), R(value=5, unit="%", measure="growth",
    ...          absent=False))
    (1, 'above')
    """
    if target is None:
        return None, "no target"
    if parent is None:
        return None, "no parent target"
    if getattr(parent, "absent", False) or parent.value is None:
        return None, "parent set none"
    if getattr(target, "absent", False) or target.value is None:
        return None, "no target"
    if not comparable(target.unit, parent.unit) or (
        target.measure and parent.measure and target.measure != parent.measure
    ):
        return None, "not comparable"
    diff = _clean(target.value * unit_scale(target.unit)[0] / unit_scale(parent.unit)[0] - parent.value)
    if diff is None:
        return None, "not comparable"
    return diff, "above" if diff > 0 else "below" if diff < 0 else "equal"


def _escalation(
    selected: Sequence[Extracted],
    every: dict[str, Extracted],
    targets_of: dict[str, dict[str, tuple[int, Record]]],
    table: RegionTable,
) -> tuple[list[dict[str, Any]], dict[int, dict[str, Any]]]:
    """Each selected region's year targets against its nearest ancestor's report of the same year."""
    rows: list[dict[str, Any]] = []
    by_target: dict[int, dict[str, Any]] = {}
    for ex in selected:
        parent_key = next((a for a in table.ancestors(ex.region) if f"{a}/{ex.year}" in every), None)
        if parent_key is None:
            continue
        pex = every[f"{parent_key}/{ex.year}"]
        mine, theirs = targets_of[ex.key], targets_of[pex.key]
        reg, preg = table.get(ex.region), table.get(parent_key)
        for metric in sorted(set(mine) | set(theirs)):
            t = mine.get(metric, (None, None))[1]
            p = theirs.get(metric, (None, None))[1]
            diff, rel = relation(t, p)
            first = t or p
            row = {
                "region": ex.region,
                "name_zh": reg.name_zh,
                "level": reg.level,
                "year": ex.year,
                "metric": metric,
                "indicator": first.indicator if first is not None else None,
                "report": ex.key,
                **_target_fields(t),
                "parent": parent_key,
                "parent_name_zh": preg.name_zh,
                "parent_level": preg.level,
                "parent_report": pex.key,
                "parent_indicator": p.indicator if p else None,
                **_target_fields(p, "parent_"),
                "difference": diff,
                "vs_parent": rel,
                "_parent_target": p,
            }
            rows.append(row)
            if t is not None:
                by_target[id(t)] = row
    return rows, by_target


#: The fields of a target an escalation row shows, for the region and (prefixed) for its parent.
_TARGET_FIELDS = ("value", "value_high", "unit", "qualifier", "modality", "sentence")


def _target_fields(target: Record | None, prefix: str = "") -> dict[str, Any]:
    """A target's shown fields under ``prefix`` (all None when there is no target)."""
    return {prefix + f: getattr(target, f) if target is not None else None for f in _TARGET_FIELDS}
