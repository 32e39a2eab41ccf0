"""policydiff as a spaCy pipeline component (factory name ``policydiff``).

The package advertises the factory through the ``spacy_factories`` entry point, so in any environment
where policydiff is installed::

    nlp = spacy.blank("zh")
    nlp.add_pipe("policydiff", config={"year": 2020})
    doc = nlp(text)
    for span in doc.spans["policydiff"]:
        print(span.text, span.label_, span._.metric, span._.value, span._.unit, span._.year)

The component parses the doc's text as a report (:func:`policydiff.report.parse_report`) and extracts
its records (:func:`policydiff.extract.extract`). Each record becomes one span of
``doc.spans["policydiff"]`` whose ``start_char``/``end_char`` are exactly the record's ``start``/``end``
(tokens are split where a record begins or ends inside one), labelled with the record's kind, with the
record's fields as extension attributes (``span._.kind``, ``metric``, ``value``, ``value_high``, ``unit``,
``measure``, ``direction``, ``qualifier``, ``modality``, ``year``, ``period``, ``headline``,
``indicator``, ``sentence``, ``section``, and the whole record as a dict in ``span._.policydiff``).
Sentence boundaries (``doc.sents``) are policydiff's own: one sentence per sentence of
:attr:`Report.sentences`, plus one for the header lines before the body, if any.

The record dicts live in ``doc.user_data`` (plain values), so they survive ``Doc.to_bytes`` and
``DocBin(store_user_data=True)``; the extension attributes read them through getters.

Part of speech: with ``pos="auto"`` (the default) the tags of ``zh_core_web_sm`` replace jieba's
while the component runs, when that package is installed (see :func:`policydiff.nlp.auto_pos_tagger`);
``pos="jieba"`` keeps jieba, ``pos="spacy"`` requires zh_core_web_sm.

Importing this module imports spaCy; ``import policydiff`` never does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .errors import InputError

#: Name of the factory, of the span group and of the whole-record extension attribute.
NAME = "policydiff"
#: Record fields exposed as span extension attributes (``span._.kind`` ...).
SPAN_ATTRIBUTES: tuple[str, ...] = (
    "kind",
    "metric",
    "value",
    "value_high",
    "unit",
    "measure",
    "direction",
    "qualifier",
    "modality",
    "year",
    "period",
    "headline",
    "indicator",
    "sentence",
    "section",
    "section_id",
    "verb",
    "object",
)
#: Where the record dicts of a doc are kept in ``doc.user_data``.
USER_DATA_KEY = "policydiff_records"
POS_CHOICES = ("auto", "jieba", "spacy")

_HEADER_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_HEADING_YEAR = re.compile(r"((?:19|20)\d\d)年[^\n。]{0,12}(?:工作|任务|目标|安排)")
_ANY_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")


def _records_of(span: Span) -> dict[str, Any] | None:
    """The record dict behind a span of the policydiff group (by span id), else one with its offsets."""
    records = span.doc.user_data.get(USER_DATA_KEY)
    if not records:
        return None
    ident = span.id_
    if ident.startswith("policydiff:"):
        try:
            rec = records[int(ident.split(":", 1)[1])]
        except (ValueError, IndexError):
            rec = None
        if rec is not None and rec["start"] == span.start_char and rec["end"] == span.end_char:
            return rec
    for rec in records:
        if rec["start"] == span.start_char and rec["end"] == span.end_char:
            return rec
    return None


def _getter(name: str) -> Callable[[Span], Any]:
    def get(span: Span) -> Any:
        rec = _records_of(span)
        return None if rec is None else rec.get(name)

    get.__name__ = f"get_{name}"
    return get


def register_extensions() -> None:
    """Register the span extension attributes (idempotent; attributes another package registered under
    the same names are left alone)."""
    for name in SPAN_ATTRIBUTES:
        if not Span.has_extension(name):
            Span.set_extension(name, getter=_getter(name))
    if not Span.has_extension(NAME):
        Span.set_extension(NAME, getter=_records_of)


def guess_year(text: str) -> int | None:
    """The year a report is for: its header date, else the latest year a plan heading names, else the
    latest year the text names; None when it names none.

    >>> guess_year("政府工作报告\\n——2020年4月27日在区人大会议上\\n各位代表：")
    2020
    >>> guess_year("一、2019年工作回顾\\n……\\n二、2020年重点工作\\n……"), guess_year("增长4%。")
    (2020, None)
    """
    m = _HEADER_DATE.search(text[:2000])
    if m:
        return int(m.group(1))
    for pattern in (_HEADING_YEAR, _ANY_YEAR):
        years = [int(y) for y in pattern.findall(text)]
        if years:
            return max(years)
    return None


class PolicydiffComponent:
    """The pipeline component: spans, extension attributes and sentence boundaries from policydiff."""

    def __init__(
        self,
        nlp: Language,
        name: str = NAME,
        *,
        year: int | None = None,
        region: str = "doc",
        kind: str = "quantity",
        spans_key: str = NAME,
        pos: str = "auto",
        set_sentences: bool = True,
    ) -> None:
        from .extract import KINDS

        if kind not in KINDS:
            raise InputError(f"policydiff component: unknown kind {kind!r} (choose from {', '.join(KINDS)})")
        if pos not in POS_CHOICES:
            raise InputError(f"policydiff component: unknown pos {pos!r} (choose from {', '.join(POS_CHOICES)})")
        if year is not None and (isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2099):
            raise InputError(f"policydiff component: year must be a four-digit year, not {year!r}")
        self.name = name
        self.year = year
        self.region = region
        self.kind = kind
        self.spans_key = spans_key
        self.pos = pos
        self.set_sentences = set_sentences
        self._tagger: Callable[[str], list[tuple[str, str]]] | None = None
        register_extensions()

    def _pos_tagger(self) -> Callable[[str], list[tuple[str, str]]] | None:
        from . import nlp as pd_nlp

        if self.pos == "jieba":
            return None
        if self._tagger is None:
            self._tagger = pd_nlp.spacy_pos_tagger() if self.pos == "spacy" else pd_nlp.auto_pos_tagger()
        return self._tagger

    def __call__(self, doc: Doc) -> Doc:
        from .errors import PolicydiffError
        from .extract import extract, to_dicts
        from .nlp import pos_tagger
        from .report import parse_report

        text = doc.text
        group_spans: list[Span] = []
        records: list[dict[str, Any]] = []
        sentence_starts: list[int] = []
        if text.strip():
            year = self.year or guess_year(text) or 0
            try:
                report = parse_report(text, region=self.region, year=year)
            except PolicydiffError:
                report = None
            if report is not None:
                with pos_tagger(self._pos_tagger()):
                    records = to_dicts(extract(report, kind=self.kind))
                sentence_starts = [s.start for s in report.sentences]
        cuts = {r["start"] for r in records} | {r["end"] for r in records}
        if self.set_sentences:
            cuts |= set(sentence_starts)
        doc = _split_at(doc, cuts)
        doc.user_data[USER_DATA_KEY] = records
        for i, rec in enumerate(records):
            span = doc.char_span(rec["start"], rec["end"], label=rec["kind"], span_id=f"policydiff:{i}")
            if span is None:  # cannot happen after _split_at; never a silent shift of offsets
                raise RuntimeError(f"policydiff: no tokens for record at {rec['start']}-{rec['end']}")
            group_spans.append(span)
        doc.spans[self.spans_key] = group_spans
        if self.set_sentences and len(doc):
            _set_sentences(doc, sentence_starts)
        return doc


def _split_at(doc: Doc, cuts: set[int]) -> Doc:
    """Split every token that a cut offset falls strictly inside, so that each cut is a token boundary."""
    todo: list[tuple[int, list[str]]] = []
    for token in doc:
        lo, hi = token.idx, token.idx + len(token.text)
        inner = sorted(c for c in cuts if lo < c < hi)
        if inner:
            bounds = [lo, *inner, hi]
            todo.append((token.i, [doc.text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]))
    if todo:
        with doc.retokenize() as retokenizer:
            for i, orths in todo:
                token = doc[i]
                heads: list[Token | tuple[Token, int]] = [(token, 0)] * len(orths)
                retokenizer.split(token, orths, heads=heads)
    return doc


def _set_sentences(doc: Doc, starts: list[int]) -> None:
    """Sentence starts at policydiff's sentence starts (and at the first token); no others."""
    spans = [doc.char_span(s, s + 1, alignment_mode="expand") for s in starts if s < len(doc.text)]
    begin = {span.start for span in spans if span is not None}
    begin.add(0)
    for token in doc:
        token.is_sent_start = token.i in begin


@Language.factory(
    NAME,
    default_config={
        "year": None,
        "region": "doc",
        "kind": "quantity",
        "spans_key": NAME,
        "pos": "auto",
        "set_sentences": True,
    },
    assigns=["doc.spans", "token.is_sent_start"],
)
def make_policydiff(
    nlp: Language,
    name: str,
    year: int | None,
    region: str,
    kind: str,
    spans_key: str,
    pos: str,
    set_sentences: bool,
) -> PolicydiffComponent:
    """Factory of the ``policydiff`` component (see the module notes for the options)."""
    return PolicydiffComponent(
        nlp,
        name,
        year=year,
        region=region,
        kind=kind,
        spans_key=spans_key,
        pos=pos,
        set_sentences=set_sentences,
    )
