"""The shared record model: what extraction produces and every later stage reads.

:class:`Record` is one extracted figure (or commitment) with its source offsets; :class:`ReportRef`
names the report a comparison side, a graph node or an analysis came from. Both are frozen: a stage
that needs a changed record makes a new one with :func:`dataclasses.replace`. The field names and
their order are the JSON/CSV contract of ``policydiff targets`` (:data:`FIELDS`, docs/schemas.md).

This module imports nothing from the package but the lexicon (for :data:`Bound`) and the metric
table (for :func:`metric_catalogue`), so any module may import it without a circle.

>>> r = Record(report="demo/2020", kind="target", year=2020, period=None, indicator="地区生产总值",
...            metric="gdp.growth", value=4, value_high=None, unit="%", measure="growth", direction=None,
...            qualifier="左右", modality=None, headline=True, absent=False, sentence="…增长4%左右。",
...            start=10, end=12, section="二、2020年重点工作", section_id="2")
>>> r.to_dict()["metric"], list(r.to_dict()) == list(FIELDS), FIELDS[-2:]
('gdp.growth', True, ('base', 'per'))
>>> replace(r, value=5).value, r.value
(5, 4)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any, Literal, get_args

from .lexicon import Bound
from .metrics import SUFFIXED, metric_base, metric_table

__all__ = [
    "FIELDS",
    "KIND_VALUES",
    "MEASURES",
    "Metric",
    "Bound",
    "DeliveryStatus",
    "Direction",
    "Kind",
    "Measure",
    "Record",
    "ReportRef",
    "TargetStatus",
    "metric_catalogue",
    "replace",
    "to_dicts",
]

#: What a record states: a target (a promise with a figure), a result (a reported figure), a
#: context figure (the present situation a plan describes) or a commitment (verb and object, no figure).
Kind = Literal["target", "result", "context", "commitment"]
#: How a figure measures its indicator: a level (712.6亿元), a growth rate (增长4.3%), a rate or share
#: (失业率5.5%), a change (减少1000万, 个百分点, 倍) or a count of things (137项).
Measure = Literal["level", "growth", "rate", "change", "count"]
#: ``down`` for a falling change verb (下降, 减少); otherwise ``None``.
Direction = Literal["down"]
#: A delivery verdict (:func:`policydiff.delivery.judge`).
DeliveryStatus = Literal["met", "exceeded", "missed", "not comparable", "unclear", "not reported"]
#: How a metric's target in report A compares with report B's (:func:`policydiff.compare.diff_targets`).
TargetStatus = Literal["changed", "unchanged", "new", "dropped", "absent"]

KIND_VALUES: tuple[str, ...] = get_args(Kind)
MEASURES: tuple[str, ...] = get_args(Measure)

Number = float | int


@dataclass(frozen=True)
class Record:
    """One extracted figure (or commitment), traceable to its sentence.

    ``value`` is exactly as written (712.6, 1100) and ``unit`` keeps the magnitude (亿元,
    万人); ranges put the upper end in ``value_high``. ``start``/``end`` slice the quantity
    (for commitments: the verb and its object) out of the original report text.
    """

    report: str
    kind: Kind
    year: int | None
    period: str | None
    indicator: str | None
    metric: str | None
    value: Number | None
    value_high: Number | None
    unit: str | None
    measure: Measure | None
    direction: Direction | None
    qualifier: str | None
    modality: str | None
    headline: bool
    absent: bool
    sentence: str
    start: int
    end: int
    section: str
    section_id: str
    verb: str | None = None
    object: str | None = None
    #: The starting point of a change written with the figure (由52.23%提高到58.08%: base 52.23).
    base: Number | None = None
    #: The unit a figure is per when it is set for each of many (每个县至少办好1所优质高中: 每个县).
    per: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The record as a plain dict with exactly the contract's field names, in :data:`FIELDS` order."""
        return asdict(self)

    def __copy__(self) -> Record:
        # Transitional: policydiff.delivery._in_target_sense still edits a copy.copy() of a result in
        # place. The copy it gets may be edited; the record itself stays frozen. Remove once it uses
        # dataclasses.replace.
        return _Draft(**{f.name: getattr(self, f.name) for f in fields(self)})


class _Draft(Record):
    """A working copy of a record whose fields may be set (see :meth:`Record.__copy__`)."""

    __slots__ = ()

    def __setattr__(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)


#: The field names of a record, in contract order (the columns of jsonl/csv output).
FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Record))


def to_dicts(records: list[Record]) -> list[dict[str, Any]]:
    """Records as plain dicts with exactly the contract's field names.

    >>> to_dicts([])
    []
    """
    return [r.to_dict() for r in records]


@dataclass(frozen=True)
class ReportRef:
    """Which document something came from: a comparison side, a graph report, an analysis.

    ``present`` is False for a report that is not in the corpus (a comparison side given by its
    year only); ``warnings`` are where the report's header disagrees with its corpus key.

    >>> ReportRef.missing("national", 2019)
    ReportRef(key='national/2019', region='national', year=2019, present=False, source=None, sha256=None, \
title=None, date=None, warnings=())
    """

    key: str
    region: str
    year: int
    present: bool = True
    source: str | None = None
    sha256: str | None = None
    title: str | None = None
    date: str | None = None
    warnings: tuple[str, ...] = ()

    @classmethod
    def of(cls, report: Any) -> ReportRef:
        """The identity of a parsed :class:`~policydiff.report.Report`.

        >>> from policydiff.report import parse_report
        >>> ReportRef.of(parse_report("一、2019年工作回顾\\n城镇新增就业1352万人。", region="demo", year=2020)).key
        'demo/2020'
        """
        return cls(
            key=report.key,
            region=report.region,
            year=report.year,
            present=True,
            source=report.source,
            sha256=report.sha256,
            title=report.meta.title,
            date=report.meta.date,
            warnings=tuple(report.meta.warnings),
        )

    @classmethod
    def missing(cls, region: str | None, year: int | None) -> ReportRef:
        """A report named by region and year that is not in the corpus."""
        return cls(key=f"{region}/{year}", region=region or "", year=int(year or 0), present=False)

    def to_dict(self) -> dict[str, Any]:
        """The reference as a plain dict (``warnings`` a list), as the compare JSON writes it."""
        return asdict(self) | {"warnings": list(self.warnings)}


@dataclass(frozen=True)
class Metric:
    """A metric key of the alias table (``policydiff/data/metrics.json``): its display name and the
    indicator wordings that map to it. Growth and change figures of it carry the key with a suffix
    (``gdp.growth``, ``gdp.change``: :attr:`keys`)."""

    key: str
    name: str
    aliases: tuple[str, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        """The key and its suffixed forms (level, growth, change)."""
        return (self.key, *(self.key + suffix for suffix in SUFFIXED.values()))

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "name": self.name, "aliases": list(self.aliases), "keys": list(self.keys)}


def metric_catalogue(query: str | None = None) -> list[Metric]:
    """The metrics of the alias table, in its order; with ``query``, those whose key, name or an alias
    contains it (case-insensitive) or whose key an indicator written as ``query`` normalises to.

    Indicators outside the table keep their normalised Chinese text as metric key (docs/extraction.md).

    >>> [m.key for m in metric_catalogue()][:3]
    ['gdp', 'urban_new_jobs', 'cpi']
    >>> [m.key for m in metric_catalogue("城镇新增就业")], metric_catalogue("gdp")[0].keys
    (['urban_new_jobs'], ('gdp', 'gdp.growth', 'gdp.change'))
    >>> [m.key for m in metric_catalogue("地区生产总值增长")]
    ['gdp']
    """
    table = metric_table()
    out = [Metric(key, entry["name"], tuple(entry["aliases"])) for key, entry in table.items()]
    if not query:
        return out
    q = query.strip().lower()
    base = metric_base(query.strip())
    stem = q.split(".")[0]
    return [
        m
        for m in out
        if q in m.key.lower()
        or stem == m.key.lower()
        or q in m.name.lower()
        or any(q in a.lower() for a in m.aliases)
        or base == m.key
    ]
