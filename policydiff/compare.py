"""Compare two reports: section alignment, target diff, delivery check, wording shifts, summary.

``compare(a, b)`` computes everything and returns one :class:`Comparison`; the renderers in
:mod:`policydiff.render.compare_text` and :mod:`policydiff.render.compare_html` only format it.
Either report may be missing (``None``, with its year given): the comparison then holds what
the present report supports on its own — the previous year's results it reports next to its
targets for its own year (:attr:`Comparison.carryover`).

It stays one module (over 500 lines): the comparison's record types and the steps that fill them
(target diff, delivery check, carry-over, wording shifts) are one pipeline that :func:`compare` runs.

>>> from policydiff.report import parse_report
>>> text = "一、工作回顾\\n城镇新增就业{}万人。\\n二、今年目标\\n今年主要预期目标是：城镇新增就业{}万人以上。"
>>> a = parse_report(text.format(1300, 1100), region="demo", year=2019)
>>> b = parse_report(text.format(1352, 900), region="demo", year=2020)
>>> c = compare(a, b)
>>> [(t.status, t.changes, t.difference) for t in c.targets]
[('changed', ['value'], -200)]
>>> [(d.status, d.margin) for d in c.delivery]
[('exceeded', 252)]
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from . import __version__
from .align import Alignment, align, is_key_term
from .delivery import assess, comparable, deciding_part, parts_verdict, signed_fall, unit_scale, with_fields
from .errors import PolicydiffError
from .extract import extract
from .link import (
    Link,
    acts_on_existing,
    changes_from_levels,
    clause_before,
    is_plan_share,
    link,
    match_results,
    mentions,
    plan_share,
    previous_levels,
    restated_quotas,
    task_done,
    units_convert,
    worded_results,
)
from .model import Record, ReportRef
from .nlp import words
from .report import Report

SCHEMA = "policydiff.compare/1"

#: Wording shifts kept (largest log-likelihood first) and the fewest occurrences (A+B) a term needs.
WORDING_TOP = 40
WORDING_MIN_COUNT = 3


@dataclass
class TargetChange:
    """One metric's target in A against B's: changed / unchanged / new / dropped / absent."""

    id: str
    metric: str
    indicator: str
    status: str  # changed | unchanged | new | dropped | absent
    changes: list[str]  # value | unit | qualifier | modality | direction
    a: Record | None
    b: Record | None
    difference: float | None  # B value − A value, in A's unit (low ends of ranges)
    note: str
    score: float | None = None  # how surely A's and B's targets are the same (policydiff.link)
    evidence: str = ""  # why they were paired: same metric, shared terms, unit conversion


@dataclass
class DeliveryCheck:
    """A target of A and the result B reports for the same metric and year."""

    id: str
    metric: str
    indicator: str
    target: Record
    result: Record | None
    status: str  # met | exceeded | missed | not comparable | unclear | not reported
    margin: float | None
    note: str
    score: float | None = None  # how surely the result answers the target (policydiff.link)
    evidence: str = ""  # why: same metric or shared terms, unit conversion, period, B's own reference
    candidates: list[dict] = field(default_factory=list)  # other figures of B that may answer it
    parts: list[dict] = field(default_factory=list)  # a split result: each part with its own verdict


@dataclass
class Carryover:
    """Within one report: last year's result for a metric next to this year's target."""

    id: str
    metric: str
    indicator: str
    result: Record | None
    target: Record
    difference: float | None  # target − result, in the result's unit, when comparable


@dataclass
class WordShift:
    """A term whose frequency differs most between A and B (Dunning log-likelihood)."""

    id: str
    term: str
    count_a: int
    count_b: int
    per10k_a: float
    per10k_b: float
    change: str  # appeared | vanished | up | down
    score: float  # log-likelihood G²


@dataclass
class Comparison:
    """Everything ``policydiff compare`` reports; see docs/compare.md for the fields."""

    a: ReportRef
    b: ReportRef
    alignment: Alignment | None
    targets: list[TargetChange]
    delivery: list[DeliveryCheck]
    carryover: list[Carryover]
    wording: list[WordShift]
    summary: dict[str, dict[str, int]]
    notes: list[str] = field(default_factory=list)

    def to_dict(self, section: str = "all") -> dict[str, Any]:
        """The JSON document of ``policydiff compare --format json`` (schema :data:`SCHEMA`), built here only.
        ``section``: ``all``, ``targets``, ``delivery``, ``alignment`` or ``wording``.

        >>> from policydiff.report import parse_report
        >>> a = parse_report("一、今年目标\\n城镇新增就业1100万人以上。", region="demo", year=2019)
        >>> doc = compare(a, None, year_b=2020).to_dict()
        >>> doc["schema"], doc["a"]["key"], doc["b"]["present"], list(doc)[:6]
        ('policydiff.compare/1', 'demo/2019', False, ['schema', 'tool', 'a', 'b', 'notes', 'summary'])
        """
        wants = {name: section in ("all", name) for name in ("targets", "delivery", "alignment", "wording")}
        doc: dict[str, Any] = {
            "schema": SCHEMA,
            "tool": {"name": "policydiff", "version": __version__},
            "a": self.a.to_dict(),
            "b": self.b.to_dict(),
            "notes": list(self.notes),
            "summary": self.summary,
        }
        if wants["targets"] or wants["delivery"]:
            doc["carryover"] = [asdict(c) for c in self.carryover]
        if wants["targets"]:
            doc["targets"] = [asdict(t) for t in self.targets]
        if wants["delivery"]:
            doc["delivery"] = [asdict(d) for d in self.delivery]
        if wants["alignment"]:
            al = self.alignment
            doc["alignment"] = (
                None
                if al is None
                else {
                    "sections": [asdict(p) | {"id": p.id} for p in al.sections],
                    "paragraphs": [asdict(p) | {"id": p.id} for p in al.paragraphs],
                    "sentences": [asdict(s) | {"id": s.id} for s in al.sentences],
                }
            )
        if wants["wording"]:
            doc["wording"] = [asdict(w) for w in self.wording]
        return doc


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def _ref(report: Report | None, region: str | None, year: int | None) -> ReportRef:
    return ReportRef.of(report) if report is not None else ReportRef.missing(region, year)


def _clean(x: float) -> float | int:
    x = round(x, 6)
    return int(x) if x == int(x) else x


def _difference(a: Record, b: Record) -> float | None:
    """b − a in a's unit when both carry values in comparable units."""
    if a.value is None or b.value is None or not comparable(a.unit, b.unit):
        return None
    factor = unit_scale(b.unit)[0] / unit_scale(a.unit)[0]
    return _clean(b.value * factor - a.value)


def _year_targets(records: list[Record], year: int) -> list[Record]:
    """Targets for the report's own year, one per (metric, figure): repeats of a headline target drop out."""
    out: list[Record] = []
    seen: set[tuple] = set()
    targets = [r for r in records if r.kind == "target" and r.metric and r.year in (year, None)]
    targets.sort(key=lambda r: (not r.headline, r.start))  # headline statement first
    for r in targets:
        key = (r.metric, r.value, r.value_high, r.unit, r.absent)
        if key in seen:
            continue
        seen.add(key)
        out.append(r)
    out.sort(key=lambda r: r.start)
    return out


#: A change stated against last year's figure (比去年多, 较上年增加了).
_LAST_YEAR_WORDS = r"(?:比|较)(?:去年|上年)(?:多|少|增加|减少|增长|下降|提高|降低)?了?"
#: The words between a level and a change that restates it against last year's (…1100万人以上，比去年多).
_RESTATES = re.compile(rf"(?:以上|左右|以内|以下)?[，,、]\s*{_LAST_YEAR_WORDS}")
_AGAINST_LAST_YEAR = re.compile(rf"{_LAST_YEAR_WORDS}$")


def _not_restated(targets: list[Record], text: str) -> list[Record]:
    """Targets less the changes that restate the level before them (城镇新增就业1100万人以上，比去年多100万人;
    拟安排地方专项债券8000亿元，比去年增加4000亿元): the level's delivery answers both, so the change is not
    checked on its own. So is a change of a metric whose level the report targets, stated against last year
    (城镇新增就业预期目标比去年多100万人).

    >>> from types import SimpleNamespace as R
    >>> text = "城镇新增就业1100万人以上，比去年多100万人。"
    >>> level = R(measure="level", unit="万人", sentence=text, start=6, end=12, metric="urban_new_jobs")
    >>> change = R(measure="change", unit="万人", sentence=text, start=19, end=24, metric="urban_new_jobs.change")
    >>> [t.start for t in _not_restated([level, change], text)]
    [6]
    """
    levels = {t.metric for t in targets if t.measure in ("level", "count")}
    out: list[Record] = []
    for t in targets:
        if (
            t.measure == "change"
            and (t.metric or "").endswith(".change")
            and (t.metric or "")[: -len(".change")] in levels
            and _AGAINST_LAST_YEAR.search(clause_before(t, text))
        ):
            continue  # 城镇新增就业预期目标比去年多100万人, the level stated elsewhere
        before = out[-1] if out else None
        if (
            t.measure == "change"
            and before is not None
            and before.sentence == t.sentence
            and before.measure in ("level", "count")
            and units_convert(before.unit, t.unit)
            and _RESTATES.fullmatch(text[before.end : t.start])
        ):
            continue
        out.append(t)
    return out


def _either(x: Record | None, y: Record | None) -> Record:
    """The first of two records that is there (every pair of targets has one side at least)."""
    rec = x or y
    assert rec is not None, "a pair with neither side"
    return rec


def _ids(prefix: str, metrics: list[str]) -> list[str]:
    """Stable ids: ``prefix:metric``, with ``#2``, ``#3`` for repeats of a metric."""
    seen: Counter[str] = Counter()
    out = []
    for m in metrics:
        seen[m] += 1
        out.append(f"{prefix}:{m}" + (f"#{seen[m]}" if seen[m] > 1 else ""))
    return out


# ---------------------------------------------------------------------------
# Target diff
# ---------------------------------------------------------------------------


def diff_targets(targets_a: list[Record], targets_b: list[Record]) -> list[TargetChange]:
    """Pair A's and B's targets and say what changed (order: A's order, new ones after).

    Targets pair through :func:`policydiff.link.link` (same metric, or a reworded indicator with the
    same measure), so a reworded target shows as changed/unchanged with the evidence, not as
    dropped + new. Only records of kind ``target`` take part.
    """
    targets_a = [t for t in targets_a if t.kind == "target"]
    targets_b = [t for t in targets_b if t.kind == "target"]
    links = link(targets_a, targets_b, periods=False, same_year=False)
    used: set[int] = set()
    pairs: list[tuple[Record | None, Record | None]] = []
    link_of: dict[int, tuple[float | None, str]] = {}
    a: Record | None
    for a, lk in zip(targets_a, links, strict=True):
        b = lk.result
        same_thing = lk.status == "linked" or (
            lk.status == "not comparable" and (lk.reason or "").startswith("units differ") and lk.score == 1.0
        )
        if b is None or not same_thing or id(b) in used:
            pairs.append((a, None))
            continue
        used.add(id(b))
        link_of[id(a)] = (lk.score, "; ".join(e for e in lk.evidence if e))
        pairs.append((a, b))
    pairs.extend((None, b) for b in targets_b if id(b) not in used)
    ids = _ids("target", [_either(a, b).metric or "" for a, b in pairs])
    out: list[TargetChange] = []
    for tid, (a, b) in zip(ids, pairs, strict=True):
        rec = _either(b, a)
        indicator = (b.indicator if b and b.indicator else None) or (a.indicator if a else None) or rec.metric
        changes: list[str]
        if b is None:
            status, changes, note = "dropped", [], "no target for this metric in B"
        elif a is None:
            status, changes = ("absent" if b.absent else "new"), []
            note = "B explicitly sets no target" if b.absent else "no target for this metric in A"
        elif b.absent and not a.absent:
            status, changes, note = "absent", ["value"], "B explicitly sets no target (A did)"
        elif a.absent and not b.absent:
            status, changes, note = "new", ["value"], "A explicitly set no target"
        else:
            changes = []
            if not comparable(a.unit, b.unit):
                changes.append("unit")
            elif (_difference(a, b) or 0) != 0 or (
                (a.value_high is None) != (b.value_high is None)
                or (a.value_high is not None and b.value_high is not None and a.value_high != b.value_high)
            ):
                changes.append("value")
            for f in ("qualifier", "modality", "direction"):
                if (getattr(a, f) or None) != (getattr(b, f) or None):
                    changes.append(f)
            status = "changed" if changes else "unchanged"
            note = ", ".join(changes)
        diff = _difference(a, b) if a is not None and b is not None and not (a.absent or b.absent) else None
        score, evidence = link_of.get(id(a), (None, "")) if a is not None and b is not None else (None, "")
        out.append(
            TargetChange(tid, rec.metric or "", indicator or "", status, changes, a, b, diff, note, score, evidence)
        )
    return out


# ---------------------------------------------------------------------------
# Delivery and carryover
# ---------------------------------------------------------------------------


def check_delivery(
    targets_a: list[Record],
    results_b: list[Record],
    *,
    text: str | None = None,
    text_a: str | None = None,
    review: list[tuple[int, str]] | None = None,
    levels: list[tuple[Record, str]] | None = None,
    quotas: list[tuple[Record, str]] | None = None,
) -> list[DeliveryCheck]:
    """Each of A's targets against the result B reports for it (:func:`policydiff.link.link`), judged.

    Only A's records of kind ``target`` and B's of kind ``result`` take part (context figures never
    do). ``text`` is B's text, read for the clause around a result (年均, 累计 …); ``text_a`` A's, read for
    the clause around a target: one that counts things there already, which the plan acts on (持续推进已批建的
    3家省实验室, :func:`policydiff.link.acts_on_existing`), is ``not reported`` with those words as evidence,
    and no figure is looked for. ``review`` the
    clauses of B's review parts (offset, text): a target B names there with a figure that no record
    holds is ``unclear`` (:func:`policydiff.link.mentions`), not ``not reported``. ``levels``: year-A figures
    read from B's review beyond its records (:func:`policydiff.link.changes_from_levels`,
    :func:`policydiff.link.worded_results`, with their notes), tried for targets that no stated result
    answers. ``quotas``: year-A figures that only B's plan states, a budget quota restated by its change
    (:func:`policydiff.link.restated_quotas`) or the level a change starts from
    (:func:`policydiff.link.previous_levels`); one that answers a target nothing else answers, at the
    target's own figure, is named in the row's evidence, and the row stays ``not reported`` (a plan is no
    outturn). A judged result is shown in the target's unit (:func:`in_target_unit`). A target B's review
    says was done without a figure (城镇新增就业任务圆满完成, :func:`policydiff.link.task_done`) is met at its own
    figure, with the clause as evidence; one it says was exceeded without a figure (指标超额完成) stays ``not
    reported`` with the clause in its evidence, for no figure can be given.
    """
    targets = [t for t in targets_a if t.kind == "target" and not t.absent and t.value is not None]
    results = [r for r in results_b if r.kind == "result"]
    later = next((r.report for r in results_b), "")  # B's key, for the results read from its words
    # 持续推进已批建的3家省实验室: things there already, which the plan acts on; nothing of B delivers them
    held = {i: w for i, t in enumerate(targets) if (w := acts_on_existing(t, text_a))}
    linked = iter(link([t for i, t in enumerate(targets) if i not in held], results, text=text))
    links = [
        Link(t, "not reported", None, None, [f"counts things there already, which the plan acts on («{held[i]}»)"])
        if i in held
        else next(linked)
        for i, t in enumerate(targets)
    ]
    if levels:
        # Targets no stated result answers: a figure read from B's review's words when that links comparably.
        notes = {id(r): note for r, note in levels}
        open_ = [i for i, lk in enumerate(links) if lk.status not in ("linked", "split") and i not in held]
        again = link([links[i].target for i in open_], [r for r, _ in levels], text=text)
        # each level answers one target: the one that names it alike, then the best score, then the first
        best: dict[int, tuple[tuple, int]] = {}
        for k, lk in enumerate(again):
            if lk.status == "linked" and lk.result is not None:
                key = (lk.target.indicator != lk.result.indicator, -(lk.score or 0.0), k)
                if id(lk.result) not in best or key < best[id(lk.result)][0]:
                    best[id(lk.result)] = (key, k)
        for _, k in best.values():
            lk = again[k]
            lk.evidence = [*lk.evidence, notes[id(lk.result)]]
            links[open_[k]] = lk
    restated: dict[int, str] = {}
    if quotas:
        said = {id(r): note for r, note in quotas}
        open_ = [i for i, lk in enumerate(links) if lk.status == "not reported" and i not in held]
        for i, lk in zip(open_, link([links[i].target for i in open_], [r for r, _ in quotas], text=text), strict=True):
            if lk.status != "linked" or lk.result is None or id(lk.result) not in said:
                continue
            shown, figure = in_target_unit(lk.target, lk.result).value, lk.target.value
            if shown is not None and figure and abs(shown - figure) <= 0.1 * abs(figure):  # A's own quota, restated
                restated.setdefault(i, f"{said.pop(id(lk.result))}; not judged")
    ids = _ids("delivery", [t.metric or "" for t in targets])
    out = []
    for k, (did, lk) in enumerate(zip(ids, links, strict=True)):
        t = lk.target
        if k not in held and lk.status not in ("linked", "split") and (lk.result is None or is_plan_share(lk.result)):
            share = plan_share(t, results)  # 城镇新增就业完成年计划的118.2%: the target's figure × the share
            if share is not None:
                lk.status, lk.result, lk.evidence = "linked", share[0], [share[1]]
        d, each = assess(lk)
        if lk.status == "linked" and lk.result is not None:
            lk.result = in_target_unit(t, lk.result)
        elif lk.result is not None:  # a figure not judged keeps its unit; a fall still reads as one
            lk.result = signed_fall(t, lk.result)
        decides = deciding_part(parts_verdict(each), each) if lk.status == "split" else None
        if decides is not None:
            lk.result = lk.parts[decides]  # the part that decides the combined verdict is the row's figure
        parts = [
            {"result": p, "status": e.status, "margin": e.margin, "note": e.note}
            for p, e in zip(lk.parts, each, strict=True)
        ]
        cands = [c.brief() for c in lk.candidates if c.result is not lk.result]
        done = task_done(t, review, later) if lk.status == "not reported" and review and k not in held else None
        if done is not None and done[0].qualifier == "超过":  # 超额完成: more than A's figure, but how much is unsaid
            lk.evidence = [*lk.evidence, f"{done[1]}; more than the target by an amount not stated, not judged"]
        elif done is not None:
            lk.status, lk.result, lk.evidence = "linked", done[0], [done[1]]
            d, each = assess(lk)
        elif lk.status == "not reported" and review and k not in held:
            cands = mentions(t, review)[:3]
            if cands:
                lk.status, lk.evidence = "unclear", [cands[0]["evidence"]]
                d, each = assess(lk)
        if lk.status == "not reported" and k in restated:
            lk.evidence = [*lk.evidence, restated[k]]
        out.append(
            DeliveryCheck(
                did,
                t.metric or "",
                t.indicator or t.metric or "",
                t,
                lk.result,
                d.status,
                d.margin,
                d.note,
                lk.score,
                "; ".join(e for e in lk.evidence if e),
                cands,
                parts,
            )
        )
    return out


def in_target_unit(target: Record, result: Record) -> Record:
    """The result with its figure in the target's unit when the two differ only in magnitude (进出口总额突破
    万亿元 against 9000亿元 reads 10000亿元), and in the target's sense: a fall answering a target of growth is
    a negative growth (固定资产投资下降3.3% against 增长5% reads −3.3%, direction none). Otherwise the result as
    it is. The quote and offsets stay.

    >>> from types import SimpleNamespace as R
    >>> r = in_target_unit(R(unit="亿元"), R(value=1, value_high=None, unit="万亿元"))
    >>> (r.value, r.unit)
    (10000, '亿元')
    >>> t = R(unit="%", measure="growth", direction=None)
    >>> r = in_target_unit(t, R(value=3.3, value_high=None, unit="%", measure="growth", direction="down"))
    >>> (r.value, r.direction)
    (-3.3, None)
    """
    result = signed_fall(target, result)
    if not target.unit or not result.unit or target.unit == result.unit or not comparable(target.unit, result.unit):
        return result
    (st, bt), (sr, br) = unit_scale(target.unit), unit_scale(result.unit)
    if st == sr or bt != br:
        return result
    factor = sr / st

    def conv(x):
        if x is None:
            return None
        v = round(x * factor, 6)
        return int(v) if v == int(v) else v

    return with_fields(result, value=conv(result.value), value_high=conv(result.value_high), unit=target.unit)


def carryover(records: list[Record], year: int, prev_year: int) -> list[Carryover]:
    """One report's results for ``prev_year`` next to its targets for ``year``, per metric."""
    targets = [t for t in _year_targets(records, year) if not t.absent and t.value is not None]
    results = [r for r in records if r.kind == "result" and r.year == prev_year]
    shifted = [replace(t, year=prev_year) for t in targets]
    pairs = match_results(shifted, results)
    ids = _ids("carryover", [t.metric or "" for t in targets])
    out = []
    for cid, t, (_, r) in zip(ids, targets, pairs, strict=True):
        diff = _difference(r, t) if r is not None else None
        out.append(Carryover(cid, t.metric or "", t.indicator or t.metric or "", r, t, diff))
    # Pairs first (what the report lets one read as a trend), then targets with no prior figure.
    out.sort(key=lambda c: (c.result is None, c.target.start))
    return out


# ---------------------------------------------------------------------------
# Wording shifts
# ---------------------------------------------------------------------------


def _g2(a: int, b: int, na: int, nb: int) -> float:
    """Dunning's log-likelihood of a term's counts a (of na tokens) and b (of nb)."""
    ea = na * (a + b) / (na + nb)
    eb = nb * (a + b) / (na + nb)
    g = 0.0
    if a:
        g += a * math.log(a / ea)
    if b:
        g += b * math.log(b / eb)
    return 2 * g


def wording_shifts(
    words_a: list[list[str]], words_b: list[list[str]], top: int = WORDING_TOP, min_count: int = WORDING_MIN_COUNT
) -> list[WordShift]:
    """Terms that appear, vanish or change frequency most (stop words, numbers, single characters ignored).

    >>> ws = wording_shifts([["稳增长", "稳增长", "稳增长", "改革"]], [["六稳", "六稳", "六稳", "改革"]], min_count=2)
    >>> [(w.term, w.change, w.count_a, w.count_b) for w in ws]
    [('六稳', 'appeared', 0, 3), ('稳增长', 'vanished', 3, 0)]
    """
    ca: Counter[str] = Counter(t for ws in words_a for t in ws)
    cb: Counter[str] = Counter(t for ws in words_b for t in ws)
    ca = Counter({t: n for t, n in ca.items() if is_key_term(t)})
    cb = Counter({t: n for t, n in cb.items() if is_key_term(t)})
    na, nb = sum(ca.values()) or 1, sum(cb.values()) or 1
    rows = []
    for term in set(ca) | set(cb):
        a, b = ca[term], cb[term]
        if a + b < min_count:
            continue
        ra, rb = a / na, b / nb
        if ra == rb:
            continue
        change = "appeared" if a == 0 else "vanished" if b == 0 else "up" if rb > ra else "down"
        g = _g2(a, b, na, nb)
        rows.append(
            WordShift(f"wording:{term}", term, a, b, round(ra * 1e4, 2), round(rb * 1e4, 2), change, round(g, 2))
        )
    rows.sort(key=lambda w: (-w.score, w.term))
    return rows[:top]


# ---------------------------------------------------------------------------
# The comparison
# ---------------------------------------------------------------------------


def _sentence_words(report: Report) -> list[list[str]]:
    norm = report.norm_text
    return [words(norm[s.start : s.end]) for s in report.sentences]


def _review_clauses(report: Report) -> list[tuple[int, str]]:
    """(offset, text) of the clauses in a report's review parts (where last year's results are)."""
    norm = report.norm_text
    out: list[tuple[int, str]] = []
    for s in report.sentences:
        part = report.part_of(s.section_id) if s.section_id else report.preamble
        if part is None or part.kind != "review":
            continue
        start = s.start
        for piece in re.split(r"([，,；;。：:！？!?])", norm[s.start : s.end]):
            if len(piece) > 1:
                out.append((start, piece))
            start += len(piece)
    return out


def _records(report: Report) -> list[Record]:
    return extract(report)


def compare(
    report_a: Report | None,
    report_b: Report | None,
    *,
    year_a: int | None = None,
    year_b: int | None = None,
    region: str | None = None,
) -> Comparison:
    """Compare report A (earlier) with report B (later); either may be None (give its year).

    Delivery is checked when B is A's next year. With one report only, :attr:`Comparison.carryover`
    holds its previous-year results against its own targets.
    """
    first = report_a if report_a is not None else report_b
    if first is None:
        raise PolicydiffError("nothing to compare: neither report is available")
    region = region or first.region
    ref_a = _ref(report_a, region, year_a if report_a is None else report_a.year)
    ref_b = _ref(report_b, region, year_b if report_b is None else report_b.year)
    notes: list[str] = []
    alignment = None
    targets: list[TargetChange] = []
    delivery: list[DeliveryCheck] = []
    carry: list[Carryover] = []
    wording: list[WordShift] = []
    if report_a is not None and report_b is not None:
        words_a, words_b = _sentence_words(report_a), _sentence_words(report_b)
        alignment = align(report_a, report_b, words_a=words_a, words_b=words_b)
        rec_a, rec_b = _records(report_a), _records(report_b)
        ta, tb = _year_targets(rec_a, report_a.year), _year_targets(rec_b, report_b.year)
        targets = diff_targets(ta, tb)
        if report_b.year == report_a.year + 1:
            results_b = [r for r in rec_b if r.kind == "result" and r.year == report_a.year]
            levels = changes_from_levels(results_b, rec_a, report_a.year)
            review = _review_clauses(report_b)
            levels += worded_results(review, report_a.year, report_b.key, targets=ta)
            delivery = check_delivery(
                _not_restated(ta, report_a.norm_text),
                results_b,
                text=report_b.norm_text,
                text_a=report_a.norm_text,
                review=review,
                levels=levels,
                quotas=restated_quotas(rec_b, report_a.year, report_b.norm_text)
                + previous_levels(rec_b, report_a.year, report_b.norm_text),
            )
        else:
            notes.append(f"no delivery check: {ref_b.key} is not the report of the year after {ref_a.key}")
        wording = wording_shifts(words_a, words_b)
    else:
        present, ref_missing = (report_b, ref_a) if report_b is not None else (first, ref_b)
        notes.append(
            f"{ref_missing.key} is not in the corpus; showing the {present.year - 1} results {present.key} reports"
            f" against its {present.year} targets"
        )
        carry = carryover(_records(present), present.year, present.year - 1)
    summary = _summary(alignment, targets, delivery, carry, wording)
    return Comparison(ref_a, ref_b, alignment, targets, delivery, carry, wording, summary, notes)


def _summary(
    alignment: Alignment | None,
    targets: list[TargetChange],
    delivery: list[DeliveryCheck],
    carry: list[Carryover],
    wording: list[WordShift],
) -> dict[str, dict[str, int]]:
    def count(items, attr, order):
        c = Counter(getattr(x, attr) for x in items)
        return {k: c[k] for k in order if c[k]} | {k: v for k, v in sorted(c.items()) if k not in order}

    out: dict[str, dict[str, int]] = {}
    if alignment is not None:
        out["sections"] = count(
            alignment.sections, "relation", ("matched", "moved", "split", "merged", "regrouped", "new", "dropped")
        )
        out["paragraphs"] = count(alignment.paragraphs, "status", ("unchanged", "reworded", "moved", "new", "dropped"))
        out["sentences"] = count(alignment.sentences, "status", ("unchanged", "reworded", "moved", "new", "dropped"))
    if targets:
        out["targets"] = count(targets, "status", ("changed", "unchanged", "new", "dropped", "absent"))
    if delivery:
        out["delivery"] = count(
            delivery, "status", ("met", "exceeded", "missed", "not comparable", "unclear", "not reported")
        )
    if carry:
        out["carryover"] = {
            "with result": sum(c.result is not None for c in carry),
            "target only": sum(c.result is None for c in carry),
        }
    if wording:
        out["wording"] = count(wording, "change", ("appeared", "vanished", "up", "down"))
    return out
