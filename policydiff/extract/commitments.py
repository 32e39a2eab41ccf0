"""Commitments: non-numeric promises of the plan parts (an action verb, its object, the modality).

>>> from policydiff.report import parse_report
>>> r = parse_report("一、2020年重点工作\\n加快启动中车风机产业园建设。", region="demo", year=2020)
>>> [(c.verb, c.object, c.year) for c in commitment_records(r)]
[('加快启动', '中车风机产业园建设', 2020)]
"""

from __future__ import annotations

import re

from ..lexicon import ACTION_VERBS, MODALS
from ..model import Record
from ..numbers import find_quantities
from ..report import Report
from .context import _DEADLINE, _sentence_contexts
from .geometry import _commitment_clauses
from .phrases import clean_indicator
from .qualifiers import modality
from .records import _section_label

# ---------------------------------------------------------------------------
# Commitments
# ---------------------------------------------------------------------------

_ADVERBS = re.compile(
    r"^(?:全力|全面|加快|积极|大力|着力|扎实|持续|深入|继续|进一步|重点|集中|统筹|有序|稳步|切实|尽快|年内|今年|同时|并|要|将"
    r"|力争|确保|争取|努力|坚决)+"
)


def commitment_records(report: Report) -> list[Record]:
    """Non-numeric promises in the plan parts: an action verb, its object and the modality.

    Clauses carrying a figure are left to the quantity records.
    """
    norm = report.norm_text
    contexts = _sentence_contexts(report)
    out: list[Record] = []
    for sent, ctx in zip(report.sentences, contexts, strict=True):
        if ctx.kind != "target":
            continue
        s = norm[sent.start : sent.end]
        for start, end in _commitment_clauses(s):
            rec = _commitment(report, sent, ctx, s, start, end)
            if rec:
                out.append(rec)
    return out


_SECOND_VERBS = (
    "启动",
    "实施",
    "推进",
    "推动",
    "建设",
    "发展",
    "完成",
    "建成",
    "编制",
    "建立",
    "提升",
    "开展",
    "探索",
    "完善",
    "落实",
    "培育",
    "打造",
    "引进",
)


def _commitment(report, sent, ctx, s: str, start: int, end: int) -> Record | None:
    """A commitment record for the clause ``s[start:end]`` when it opens with an action verb."""
    clause = s[start:end]
    if not clause or re.search(r"\d", clause) or find_quantities(clause):
        return None
    body = clause
    m = re.match(r"^(?:" + "|".join(MODALS) + r")", body)
    if m:
        body = body[m.end() :]
    offset = len(clause) - len(body)
    verb = next((v for v in ACTION_VERBS if body.startswith(v)), None)
    if verb is None:
        a = _ADVERBS.match(body)
        if a and a.end() < len(body):
            rest = body[a.end() :]
            verb = next((v for v in ACTION_VERBS if rest.startswith(v)), None)
            if verb:
                offset += a.end()
                body = rest
    if verb is None:
        return None
    more = next((v for v in _SECOND_VERBS if body[len(verb) :].startswith(v)), None)
    if more:  # 加快启动中车风机产业园建设: the verb is 加快启动
        verb += more
    if body[len(verb) : len(verb) + 1] == "好":
        verb += "好"  # 完成好…任务
    mod = modality(s, start + offset)
    obj = clean_indicator(body[len(verb) :])
    if len(obj) < 2:
        return None
    vstart = sent.start + start + offset
    year = ctx.year
    dl = list(_DEADLINE.finditer(s[:end]))
    if dl and int(dl[-1].group(1)) >= report.year:
        year = int(dl[-1].group(1))
    return Record(
        report=report.key,
        kind="commitment",
        year=year,
        period=ctx.period,
        indicator=obj,
        metric=None,
        value=None,
        value_high=None,
        unit=None,
        measure=None,
        direction=None,
        qualifier=None,
        modality=mod,
        headline=False,
        absent=False,
        sentence=sent.text,
        start=vstart,
        end=sent.start + end,
        section=_section_label(report, sent),
        section_id=sent.section_id,
        verb=verb,
        object=obj,
    )
