"""Extract quantitative targets, reported results and commitments from a :class:`~policydiff.report.Report`.

Work is sentence by sentence over ``report.sentences``, reading ``report.norm_text`` (same
offsets as the original). Every quantity found by :mod:`policydiff.numbers` that measures
something becomes one :class:`~policydiff.model.Record` with its kind (target / result / context),
the year it refers to, its indicator and canonical metric, qualifier, modality and the verbatim
sentence. See docs/extraction.md for the rules and the module map.

The package is split by job; each module imports only the ones above it in this list:

- :mod:`.geometry` — clauses, brackets and quotes (text geometry);
- :mod:`.pos` — part-of-speech access (:func:`policydiff.nlp.posseg`, cached);
- :mod:`.qualifiers` — qualifiers, modality, measure and direction of one figure;
- :mod:`.phrases` — the noun phrases before and after a figure, cleaning, listed indicators;
- :mod:`.filters` — is a figure a measurement (thresholds, bases, names), a share, a context figure;
- :mod:`.indicator` — which indicator a figure measures;
- :mod:`.context` — kind, year, period and headline flag per sentence, time cues before a figure;
- :mod:`.records` — records assembled, 分别/均 lists, industry structures, repeated figures dropped;
- :mod:`.commitments` — non-numeric promises.

>>> from policydiff.report import parse_report
>>> r = parse_report("一、2019年工作回顾\\n全年地区生产总值实现712.6亿元，增长4.3%。\\n"
...                  "二、2020年重点工作\\n主要预期目标是：地区生产总值增长4%左右。", region="demo", year=2020)
>>> [(x.kind, x.year, x.indicator, x.value, x.unit, x.measure, x.qualifier, x.headline) for x in extract(r)]
[('result', 2019, '地区生产总值', 712.6, '亿元', 'level', None, False), \
('result', 2019, '地区生产总值', 4.3, '%', 'growth', None, False), \
('target', 2020, '地区生产总值', 4, '%', 'growth', '左右', True)]
"""

from __future__ import annotations

from ..errors import InputError
from ..model import FIELDS, Record, to_dicts
from ..report import Report
from .commitments import commitment_records
from .records import quantity_records

__all__ = ["FIELDS", "KINDS", "Record", "commitment_records", "extract", "quantity_records", "to_dicts"]

#: What :func:`extract` can return: ``quantity`` is targets, results and context figures together.
KINDS = ("quantity", "target", "result", "context", "commitment", "all")


def extract(report: Report, kind: str = "quantity") -> list[Record]:
    """Records of ``report``, in text order.

    ``kind``: ``quantity`` (targets, results and context figures, the default), ``target``,
    ``result``, ``context``, ``commitment`` (non-numeric promises: verb, object, modality) or ``all``.

    >>> from policydiff.report import parse_report
    >>> r = parse_report("一、2020年重点工作\\n加快启动中车风机产业园建设。城镇新增就业1万人。",
    ...                  region="demo", year=2020)
    >>> [(x.kind, x.indicator) for x in extract(r, kind="all")]
    [('commitment', '中车风机产业园建设'), ('target', '城镇新增就业')]
    """
    if kind not in KINDS:
        raise InputError(f"unknown kind {kind!r} (choose from {', '.join(KINDS)})")
    out: list[Record] = []
    if kind != "commitment":
        out = quantity_records(report)
        if kind in ("target", "result", "context"):
            out = [r for r in out if r.kind == kind]
    if kind in ("commitment", "all"):
        out = sorted(out + commitment_records(report), key=lambda r: (r.start, r.end))
    return out
