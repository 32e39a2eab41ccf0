"""Align two reports: sections across heading levels, then paragraphs and sentences inside them.

Sections are compared on content and headings. Every section (any level) is a bag of key
terms (jieba words from :func:`policydiff.nlp.words`, minus stop words, numbers and single
characters) weighted by tf-idf, with document frequencies counted over the paragraphs of
both reports. The score of a pair is ``0.75 × cosine(content) + 0.25 × Dice(heading
character bigrams)``, discounted for a review against a plan (:data:`KIND_PENALTY`) and for a
one-year section against a multi-year one (:data:`SCOPE_PENALTY`, scopes from :func:`scopes`); notes
(a glossary) pair only with notes. Each section is linked to its best counterpart at any level of the
other report (both directions); a link needs a score of at least :data:`LINK_MIN`. A section of A whose best
counterpart is an item inside a B section of its own rank is linked to that section too when that scores
(sections pair rank with rank; the finer link still steers the sentences). A section left
unlinked may pair, from :data:`LINK_IN_CONTEXT_MIN`, inside what its parent pairs with (its best
counterpart once whole parts with sub-sections are set aside), or, when most of its sentences find their
best matches elsewhere beside those counterparts, go there (:func:`_left_its_part`). Reforms move between a
sector's item and the part on reform (改革 in its heading): an item whose reform sentence and a reform
sentence of such a part beside its parent's counterparts are each other's best match is linked to that part
too (:func:`_reforms_moved`). Links that only repeat an enclosing section's link are not listed
(:func:`shown_pairs`); parts and sub-sections keep a row each.
Then each link is labelled:

- ``split``: the A section has two or more separate counterparts in B;
- ``merged``: the B section has two or more separate counterparts in A;
- ``regrouped``: both at once;
- ``moved``: one-to-one, but out of the order the other links keep (not on their longest
  increasing run of positions);
- ``matched``: one-to-one, in order.

Sections with no link are ``dropped`` (A) or ``new`` (B). The evidence of a pair is its
shared key terms, strongest first.

Sentences are matched within aligned sections: a sentence of A is compared with the
sentences of the counterparts of its deepest linked section, candidates pruned to the few
that share the most key terms (Dice over term sets), then scored with
``difflib.SequenceMatcher(autojunk=False)`` over word tokens (numbers atomic). Pairs are
taken best-first, one-to-one. Identical text is ``unchanged``; a ratio of at least
:data:`REWORD_MIN` is ``reworded`` (with the word-level diff); a sentence found only
outside the aligned sections (ratio at least :data:`MOVE_MIN`) is ``moved``; the rest are
``dropped`` (A) or ``new`` (B). Paragraphs follow their sentences.

Memory stays near-linear in the input, however repetitive: section scores keep only each section's
best counterparts (:data:`TOP_K` per row and column; other pairs are scored on demand), a key term
shared by more than :data:`POSTINGS_MAX` B sentences nominates no candidates, identical sentences
with many copies are paired by rank within a window of :data:`EXACT_WINDOW` copies, and beyond
:data:`PAIR_BUDGET` section pairs (far beyond any report) the commonest terms are blocked. Real
reports stay below every bound, so their alignment is exactly what the unbounded method gives.

It stays one module (over 500 lines): it is one documented algorithm, read top to bottom like
:mod:`difflib`, and its steps (sections, then sentences and paragraphs inside them) share its scores.

>>> from policydiff.report import parse_report
>>> a = parse_report("一、工作回顾\\n粮食产量6.5亿吨。\\n二、今年任务\\n(一)加强污染防治。治理大气污染和水污染。\\n"
...                  "(二)发展教育事业。办好学前教育和职业教育。", region="demo", year=2019)
>>> b = parse_report("一、工作回顾\\n粮食产量6.6亿吨。\\n二、加强教育\\n办好学前教育和职业教育，发展特殊教育。\\n"
...                  "三、生态环境\\n治理大气污染和水污染。", region="demo", year=2020)
>>> al = align(a, b)
>>> [(p.a, p.b, p.relation) for p in al.sections if p.a]
[('1', '1', 'matched'), ('2', '2', 'split'), ('2', '3', 'split'), ('2.1', '3', 'moved'), ('2.2', '2', 'matched')]
>>> [(s.status, s.diff) for s in al.sentences if s.a == 1]
[('reworded', [('equal', '粮食产量', '粮食产量'), ('replace', '6.5', '6.6'), ('equal', '亿吨。', '亿吨。')])]
"""

from __future__ import annotations

import bisect
import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from .nlp import NUMBER_RE, words
from .report import Report, Section

#: Lowest score that links two sections.
LINK_MIN = 0.2
#: Lowest word-level SequenceMatcher ratio for a sentence to count as reworded (not new + dropped).
REWORD_MIN = 0.55
#: Lowest ratio for a sentence found outside the aligned sections to count as moved.
MOVE_MIN = 0.7
#: Lowest score for a section whose parent is linked to pair inside the parent's counterparts.
LINK_IN_CONTEXT_MIN = 0.1
#: A sentence votes for the section holding its best match (see :func:`_left_its_part`) from this cosine.
VOTE_MIN = 0.15
#: Voting sentences needed before an item is taken for one that left its part.
VOTES_MIN = 3
#: Share of the votes that makes a section a place the item went (two such sections: a split).
VOTE_SHARE = 0.2
#: A heading or key term with this names a reform (深化改革, 体制改革, 改革开放; see :func:`_reforms_moved`).
REFORM = "改革"
#: Factor on the score of a review section against a plan section.
KIND_PENALTY = 0.6
#: Factor on the score of a one-year section against a section on a multi-year period (see :func:`scopes`).
SCOPE_PENALTY = 0.3
#: Weight of the heading similarity in a section score (content gets the rest).
HEADING_WEIGHT = 0.25
#: Candidate sentences scored with SequenceMatcher per sentence (after term pruning).
CANDIDATES = 4
#: Best-scoring counterparts kept per section (both ways); other pairs are scored on demand.
TOP_K = 16
#: Section pairs (sections(A) × sections(B)) up to which every shared term counts; reports have < 100 sections.
PAIR_BUDGET = 40_000
#: Past the budget, a key term in more B sections than this is left out of section scores (blocking).
SECTION_POSTINGS_MAX = 32
#: A key term shared by more B sentences than this nominates no candidates (whatever the report size).
POSTINGS_MAX = 64
#: Identical sentences: each A copy is paired against at most this many B copies around its own rank.
EXACT_WINDOW = 8

#: Frequent words that carry no topic: pronouns, connectives, time words, generic verbs of speech.
STOP_WORDS = frozenset(
    """
    我们 我国 他们 大家 自己 各位 代表 这个 这些 那些 这样 那样 其中 其他 以及 并且 而且 或者 但是 还是 因为 所以 如果
    虽然 同时 已经 正在 不断 进一步 更加 继续 一些 一批 一个 一步 方面 有关 相关 通过 进行 对于 关于 按照 根据 为了
    可以 能够 必须 需要 应该 坚持 今年 去年 明年 全年 当前 目前 现在 以来 以上 以下 左右 以内 不少 之一 等等 个人
    """.split()
)

#: A heading or lead paragraph about a multi-year period: 这五年, 五年来, “十四五”时期.
_MULTI_RE = re.compile(r"这五年|五年来|过去五年|近五年|[“\"]?十[一二三四五六七八九]五[”\"]?(?:时期|期间|以来|规划)")
#: A heading or lead paragraph about one year: 2024年, 一年来, 今年.
_YEAR_RE = re.compile(r"(?:19|20)\d\d年|一年来|过去一年|今年|去年")
_ORDINAL = re.compile(r"[一二三四五六七八九十百\d]+")
_HAS_WORD = re.compile(r"[\u3400-\u9fffA-Za-z]")
_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)


def is_key_term(token: str) -> bool:
    """True for a token that can carry a topic: two or more characters, not a number, not a stop word.

    >>> [t for t in ["污染", "的", "6.5%", "我们", "PM", "、"] if is_key_term(t)]
    ['污染', 'PM']
    """
    return (
        len(token) >= 2 and token not in STOP_WORDS and not NUMBER_RE.fullmatch(token) and bool(_HAS_WORD.search(token))
    )


#: A paragraph that names the plan only as the frame of one year (2024年，是实现“十四五”规划目标任务的关键一年).
_PLAN_NAME_ONLY = re.compile(r"[“\"]?十[一二三四五六七八九]五[”\"]?规划")
_ONE_YEAR = re.compile(r"^\s*(?:19|20)\d\d年|[这关键的]一年")


def _cue(text: str, *, heading: bool) -> str:
    multi, year = bool(_MULTI_RE.search(text)), bool(_YEAR_RE.search(text))
    if multi and year and not heading and _ONE_YEAR.search(text):
        # a lead paragraph about one year that mentions the five-year plan only by name is about that year
        if not _MULTI_RE.search(_PLAN_NAME_ONLY.sub("", text)):
            return "year"
    if multi and year:
        # A heading naming both (2025年及“十四五”时期工作回顾) covers both; a lead paragraph that announces a
        # five-year review names its last year too (2025年是“十四五”收官之年。五年来，…).
        return "mixed" if heading else "multi"
    return "multi" if multi else "year" if year else ""


def scopes(report: Report) -> dict[str, str]:
    """The period each section speaks of: ``year``, ``multi`` (five years, 十四五), ``mixed`` or ``""`` (unknown).

    A section's own heading decides (这五年，是…的五年 / 2020年，抓项目…); without a cue, the paragraph that
    introduces its run of sibling headings of the same marker style (2025年是很不平凡的一年 before (一)…(六),
    五年来，… before ——…); without that, its parent's. A section whose sub-sections speak of both is ``mixed``.
    A one-year section and a multi-year one pair at a discount (:data:`SCOPE_PENALTY`): a one-year review
    continues in the next one-year review, not in a five-year review written beside it.

    >>> from policydiff.report import parse_report
    >>> r = parse_report("一、“十三五”时期经济社会发展回顾\\n“十三五”时期是难忘的五年。\\n"
    ...                  "——这五年，是综合实力迈上新台阶的五年。生产总值年均增长5.4%。\\n"
    ...                  "一年来，主要做了以下工作：\\n——2020年，抓项目、稳投资。签约项目12个。\\n"
    ...                  "二、2021年主要工作\\n(一)着力巩固脱贫成果。稳增长。", region="demo", year=2021)
    >>> sorted(scopes(r).items())
    [('0', ''), ('1', 'mixed'), ('1.1', 'multi'), ('1.2', 'year'), ('2', 'year'), ('2.1', 'year')]
    """
    paras = report.paragraphs
    starts = [p.start for p in paras]
    base: dict[str, str] = {}
    final: dict[str, str] = {}

    def marker_style(sec: Section) -> str:
        return _ORDINAL.sub("N", sec.marker)

    def visit(sec: Section, parent: Section | None, siblings: list[Section], k: int) -> set[str]:
        cue = _cue(sec.title, heading=True) if sec.level else ""
        if not cue and parent is not None:
            head = k
            while head > 0 and marker_style(siblings[head - 1]) == marker_style(sec):
                head -= 1
            first = siblings[head]
            j = bisect.bisect_right(starts, first.start - 1) - 1  # the last paragraph before the run
            while j >= 0 and paras[j].end > first.start:
                j -= 1
            if j >= 0 and paras[j].start >= parent.start:
                cue = _cue(paras[j].text, heading=False)
        if not cue:
            cue = base.get(parent.id, "") if parent is not None else ""
        base[sec.id] = cue
        seen = {cue} - {""}
        for i, child in enumerate(sec.children):
            seen |= visit(child, sec, sec.children, i)
        final[sec.id] = "mixed" if "mixed" in seen or {"year", "multi"} <= seen else next(iter(seen), "")
        return seen

    visit(report.preamble, None, [report.preamble], 0)
    for i, part in enumerate(report.parts):
        visit(part, None, report.parts, i)
    return final


# ---------------------------------------------------------------------------
# Result types
# ---------------------------------------------------------------------------


@dataclass
class SectionPair:
    """One link between a section of A and a section of B, or a section on one side only."""

    a: str | None  # Section.id in A (None: new in B)
    b: str | None  # Section.id in B (None: dropped from A)
    a_heading: str
    b_heading: str
    relation: str  # matched | moved | split | merged | regrouped | new | dropped
    score: float
    evidence: list[str] = field(default_factory=list)  # shared key terms, strongest first
    a_level: int | None = None
    b_level: int | None = None
    nearest: str | None = None  # for new/dropped: the closest section on the other side (below the link score)

    @property
    def id(self) -> str:
        """Stable finding id, e.g. ``section:3.7>5.5`` or ``section:->1.7`` (new)."""
        return f"section:{self.a or '-'}>{self.b or '-'}"


@dataclass
class SentencePair:
    """One sentence of A and/or B with what became of it."""

    a: int | None  # index into report_a.sentences
    b: int | None
    status: str  # unchanged | reworded | moved | new | dropped
    score: float  # word-level SequenceMatcher ratio (1.0 unchanged, 0.0 new/dropped)
    diff: list[tuple[str, str, str]] | None = None  # (equal|delete|insert|replace, A words, B words)
    a_section: str | None = None
    b_section: str | None = None
    a_text: str = ""  # the sentences as in the original texts
    b_text: str = ""

    @property
    def id(self) -> str:
        """Stable finding id: ``sentence:<A index>><B index>`` with ``-`` for a missing side."""
        return f"sentence:{'-' if self.a is None else self.a}>{'-' if self.b is None else self.b}"


@dataclass
class ParagraphPair:
    """A paragraph of A and its counterpart in B (by the sentences they share)."""

    a: int | None  # index into report_a.paragraphs
    b: int | None
    status: str  # unchanged | reworded | moved | new | dropped
    score: float  # mean sentence ratio over the A paragraph's sentences

    @property
    def id(self) -> str:
        """Stable finding id: ``paragraph:<A index>><B index>`` with ``-`` for a missing side."""
        return f"paragraph:{'-' if self.a is None else self.a}>{'-' if self.b is None else self.b}"


@dataclass
class Alignment:
    """Section links, and paragraph and sentence pairs, between two reports."""

    a: str  # report key
    b: str
    sections: list[SectionPair]
    paragraphs: list[ParagraphPair]
    sentences: list[SentencePair]

    def counterparts(self, section_id: str, side: str = "a") -> list[SectionPair]:
        """The linked pairs of a section of A (``side="a"``) or of B."""
        return [p for p in self.sections if getattr(p, side) == section_id and p.a and p.b]


# ---------------------------------------------------------------------------
# Tokens
# ---------------------------------------------------------------------------


class _Doc:
    """Per-report tokens and section indexes used by the aligner (built once per report)."""

    def __init__(self, report: Report, sentence_words: list[list[str]] | None = None):
        self.report = report
        norm = report.norm_text
        sents = report.sentences
        self.words = sentence_words if sentence_words is not None else [words(norm[s.start : s.end]) for s in sents]
        memo: dict[str, bool] = {}
        for ws in self.words:
            for w in ws:
                if w not in memo:
                    memo[w] = is_key_term(w)
        self.terms = [[w for w in ws if memo[w]] for ws in self.words]
        self.term_sets = [frozenset(t) for t in self.terms]
        self.keys = [_PUNCT.sub("", norm[s.start : s.end]) for s in sents]
        self.starts = [s.start for s in sents]
        self.sections: list[Section] = [
            sec for sec in report.sections() if sec.id != "0" or sec.paragraphs or sec.children
        ]
        self.by_id = {sec.id: sec for sec in self.sections}
        self.ranges = {sec.id: self.sentence_range(sec) for sec in self.sections}
        self.titles = {sec.id: norm[sec.start : sec.heading_end] if sec.level else "" for sec in self.sections}
        self.scope = scopes(report)

    def shown(self, i: int) -> list[str]:
        """Sentence ``i``'s tokens in the original characters (full-width commas stay full-width)."""
        s = self.report.sentences[i]
        return _original_tokens(self.report.norm_text[s.start : s.end], s.text, self.words[i])

    def sentence_range(self, sec: Section) -> tuple[int, int]:
        lo = bisect.bisect_left(self.starts, sec.start)
        hi = bisect.bisect_left(self.starts, sec.end)
        return lo, hi

    def ancestors(self, section_id: str) -> list[str]:
        """The section and its ancestors, innermost first ("3.7.1" → 3.7.1, 3.7, 3)."""
        out = [section_id]
        while "." in section_id:
            section_id = section_id.rsplit(".", 1)[0]
            out.append(section_id)
        if out[-1] != "0" and section_id.startswith("0"):
            out.append("0")
        return [s for s in out if s in self.by_id]


def _nested(x: str, y: str) -> bool:
    """True when one section id lies inside the other (or they are equal)."""
    return x == y or x.startswith(y + ".") or y.startswith(x + ".")


def _bigrams(text: str) -> set[str]:
    t = re.sub(r"[\d\W_]+", "", re.sub(r"^[(（]?[一二三四五六七八九十\d]+[)）、.]", "", text))
    return {t[i : i + 2] for i in range(len(t) - 1)}


def _dice(x: set, y: set) -> float:
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


# ---------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------


def _section_vectors(doc: _Doc, idf: dict[str, float]) -> dict[str, dict[str, float]]:
    vecs: dict[str, dict[str, float]] = {}
    for sec in doc.sections:
        lo, hi = doc.ranges[sec.id]
        tf: Counter[str] = Counter()
        for i in range(lo, hi):
            tf.update(doc.terms[i])
        vec = {t: (1.0 + math.log(n)) * idf[t] for t, n in tf.items()}
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        vecs[sec.id] = {t: w / norm for t, w in vec.items()}
    return vecs


def _idf(docs: list[_Doc]) -> dict[str, float]:
    df: Counter[str] = Counter()
    n = 0
    for doc in docs:
        for para in doc.report.paragraphs:
            if not para.sentences:
                continue
            lo, hi = bisect.bisect_left(doc.starts, para.start), bisect.bisect_left(doc.starts, para.end)
            seen: set[str] = set()
            for i in range(lo, hi):
                seen.update(doc.term_sets[i])
            df.update(seen)
            n += 1
    return {t: math.log((n + 1) / (d + 1)) + 1.0 for t, d in df.items()}


class _Scores:
    """Section-pair scores, kept bounded: the best counterpart of every section (both ways) and the
    :data:`TOP_K` best of each row and column; any other pair's score is computed when asked for.

    A pair that shares no key term scores 0. Memory is linear in the number of sections, however
    many pairs share a term (thousands of lead-line sections used to cost sections(A) × sections(B)).
    """

    def __init__(self, da: _Doc, db: _Doc, va: dict[str, dict[str, float]], vb: dict[str, dict[str, float]]):
        self.da, self.db, self.va, self.vb = da, db, va, vb
        self.grams_a = {sid: _bigrams(t) for sid, t in da.titles.items()}
        self.grams_b = {sid: _bigrams(t) for sid, t in db.titles.items()}
        postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for bid, vec in vb.items():
            for t, w in vec.items():
                postings[t].append((bid, w))
        # Blocking, for inputs far larger than any report: a term in many sections links everything to
        # everything; past the pair budget such terms do not count.
        big = len(va) * len(vb) > PAIR_BUDGET
        self.skipped = frozenset(t for t, post in postings.items() if big and len(post) > SECTION_POSTINGS_MAX)
        for t in self.skipped:
            del postings[t]
        #: Best counterpart per section: score, then the smallest id among equal scores.
        self.best_b: dict[str, tuple[float, str]] = {}
        self.best_a: dict[str, tuple[float, str]] = {}
        self.top_b: dict[str, list[tuple[float, str]]] = {}
        top_a: dict[str, list[tuple[float, _Rev]]] = defaultdict(list)
        for aid, vec in va.items():
            acc: dict[str, float] = defaultdict(float)
            for t, w in vec.items():
                for bid, wb in postings.get(t, ()):
                    acc[bid] += w * wb
            row: list[tuple[float, str]] = []
            for bid, cos in acc.items():
                sc = self._finish(aid, bid, cos)
                row.append((sc, bid))
                cur = self.best_a.get(bid)
                if cur is None or sc > cur[0] or (sc == cur[0] and aid < cur[1]):
                    self.best_a[bid] = (sc, aid)
                col = top_a[bid]
                if len(col) < TOP_K:
                    heapq.heappush(col, (sc, _Rev(aid)))
                elif (sc, _Rev(aid)) > col[0]:
                    heapq.heapreplace(col, (sc, _Rev(aid)))
            if row:
                best = max(row, key=lambda x: (x[0], _Rev(x[1])))
                self.best_b[aid] = best
                self.top_b[aid] = heapq.nlargest(TOP_K, row, key=lambda x: (x[0], _Rev(x[1])))
        self.top_a = {bid: [(sc, r.value) for sc, r in col] for bid, col in top_a.items()}

    def _finish(self, aid: str, bid: str, cos: float) -> float:
        ga, gb = self.grams_a[aid], self.grams_b[bid]
        score = (1 - HEADING_WEIGHT) * cos + HEADING_WEIGHT * _dice(ga, gb) if ga and gb else cos
        factor = _kind_factor(self.da.by_id[aid], self.db.by_id[bid])
        if {self.da.scope.get(aid), self.db.scope.get(bid)} == {"year", "multi"}:
            factor *= SCOPE_PENALTY
        return score * factor

    def get(self, aid: str, bid: str) -> float:
        """The score of any pair (0 when the two share no key term)."""
        va, vb = self.va[aid], self.vb[bid]
        acc, shared = 0.0, False
        for t, w in va.items():  # the same order of additions as the streaming pass: the same float
            wb = vb.get(t)
            if wb is not None and t not in self.skipped:
                acc += w * wb
                shared = True
        return self._finish(aid, bid, acc) if shared else 0.0

    def top(self, section_id: str, side: int) -> list[tuple[float, str]]:
        """The best-scoring counterparts of a section of A (side 0) or of B (side 1)."""
        return (self.top_b if side == 0 else self.top_a).get(section_id, [])


class _Rev:
    """Reverses the order of a string inside tuples (so that, among equal scores, the smaller id wins)."""

    __slots__ = ("value",)

    def __init__(self, value: str):
        self.value = value

    def __lt__(self, other: _Rev) -> bool:
        return self.value > other.value

    def __gt__(self, other: _Rev) -> bool:
        return self.value < other.value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Rev) and self.value == other.value

    def __hash__(self) -> int:
        return hash(self.value)


def _evidence(va: dict[str, float], vb: dict[str, float], k: int = 8) -> list[str]:
    shared = sorted(set(va) & set(vb), key=lambda t: (-va[t] * vb[t], t))
    return shared[:k]


def _lis_members(seq: list[float]) -> set[int]:
    """Indices of one longest non-decreasing subsequence of ``seq``."""
    if not seq:
        return set()
    tails: list[int] = []
    tail_values: list[float] = []
    prev = [-1] * len(seq)
    for i, x in enumerate(seq):
        j = bisect.bisect_right(tail_values, x)
        if j > 0:
            prev[i] = tails[j - 1]
        if j == len(tails):
            tails.append(i)
            tail_values.append(x)
        else:
            tails[j] = i
            tail_values[j] = x
    out, i = set(), tails[-1]
    while i != -1:
        out.add(i)
        i = prev[i]
    return out


def _kind_factor(a: Section, b: Section) -> float:
    """Review and plan sections only pair at a discount (reviews of last year are not this year's tasks);
    notes (a glossary, footnotes) pair only with notes."""
    if (a.kind == "notes") != (b.kind == "notes"):
        return 0.0
    return KIND_PENALTY if {a.kind, b.kind} == {"review", "plan"} else 1.0


def _outermost(ids: set[str]) -> set[str]:
    return {i for i in ids if not any(j != i and i.startswith(j + ".") for j in ids)}


def align_sections(da: _Doc, db: _Doc, idf: dict[str, float]) -> tuple[list[SectionPair], list[SectionPair]]:
    """Every section pair (for the sentence alignment) and the pairs to show (:func:`shown_pairs`)."""
    va, vb = _section_vectors(da, idf), _section_vectors(db, idf)
    scores = _Scores(da, db, va, vb)
    best_b, best_a = scores.best_b, scores.best_a
    links: set[tuple[str, str]] = set()
    for aid, (s, bid) in best_b.items():
        if s >= LINK_MIN:
            links.add((aid, bid))
    for bid, (s, aid) in best_a.items():
        if s >= LINK_MIN:
            links.add((aid, bid))
    # A section of A whose best counterpart is an item inside a B section of its own rank is linked to that
    # section too when it scores (jiangxi 2025's (四)双向开放 → 2026's (四)…改革开放, not only its item 3.4.3):
    # sections pair rank with rank; the finer link stays for the sentences (shown_pairs leaves it out of the
    # rows). Only this way round: an A item that went to a B section of higher rank keeps its own row
    # (shandong 2025's 三是扎实抓好全面深化改革开放 → 2026's (三)改革开放), as the hand alignments list it.
    for aid, (s, bid) in sorted(best_b.items()):
        depth_a, depth_b = aid.count("."), bid.count(".")
        if s >= LINK_MIN and 1 <= depth_a < depth_b:
            up = db.ancestors(bid)[depth_b - depth_a]
            if scores.get(aid, up) >= LINK_MIN:
                links.add((aid, up))
    # A section left unlinked may still pair, at a lower score, inside what its parent pairs with: with a
    # section inside those counterparts (or with a counterpart that has no sub-sections), when that is its
    # best counterpart once the counterparts that hold sub-sections, and what encloses them, are set aside
    # (a whole part holds every topic, so it says nothing about where one sub-section went).
    for this, other, side in ((da, db, 0), (db, da, 1)):
        linked = {ln[side] for ln in links}
        by_home: dict[str, list[str]] = defaultdict(list)
        for ln in sorted(links):
            by_home[ln[side]].append(ln[1 - side])
        order = {o.id: k for k, o in enumerate(other.sections)}
        for sec in this.sections:
            if sec.id in linked:
                continue
            home = next((x for x in this.ancestors(sec.id)[1:] if x in linked), None)
            if home is None:
                continue
            spans = by_home[home]
            wholes = {sp for sp in spans if other.by_id[sp].children}
            wholes |= {x for sp in wholes for x in other.ancestors(sp)}
            ranked = sorted((-sc, order[oid], oid) for sc, oid in scores.top(sec.id, side) if oid not in wholes)
            if not ranked:
                continue
            sc, oid = -ranked[0][0], ranked[0][2]  # the first of equal scores in document order
            if sc >= LINK_IN_CONTEXT_MIN and any(_inside(oid, sp) for sp in spans):
                links.add((sec.id, oid) if side == 0 else (oid, sec.id))
    links |= _left_its_part(da, db, scores, idf, links)
    links |= _reforms_moved(da, db, scores, idf, links)
    # Where each section's content went: the outermost counterparts of it and its descendants.
    foot_b: dict[str, set[str]] = defaultdict(set)
    foot_a: dict[str, set[str]] = defaultdict(set)
    for aid, bid in links:
        for x in da.ancestors(aid):
            foot_b[x].add(bid)
        for y in db.ancestors(bid):
            foot_a[y].add(aid)
    foot_b = {k: _outermost(v) for k, v in foot_b.items()}
    foot_a = {k: _outermost(v) for k, v in foot_a.items()}
    # A section split or merged shows every place its content went (its footprint), unless one of
    # its own links already points inside that place.
    derived: set[tuple[str, str]] = set()
    for aid, bids in foot_b.items():
        if len(bids) > 1:
            derived.update((aid, bid) for bid in bids)
    for bid, aids in foot_a.items():
        if len(aids) > 1:
            derived.update((aid, bid) for aid in aids)
    links_of: dict[str, list[str]] = defaultdict(list)
    for x, y in links:
        links_of[x].append(y)
    rows = set(links) | {(aid, bid) for aid, bid in derived if not any(_nested(y, bid) for y in links_of[aid])}
    ordered = sorted(rows, key=lambda ab: (da.by_id[ab[0]].start, -da.by_id[ab[0]].end, db.by_id[ab[1]].start))
    split = {aid for aid, _ in ordered if len(foot_b.get(aid, ())) > 1}
    merged = {bid for _, bid in ordered if len(foot_a.get(bid, ())) > 1}
    one_to_one = [k for k, (aid, bid) in enumerate(ordered) if aid not in split and bid not in merged]
    in_order = {one_to_one[i] for i in _lis_members([float(db.by_id[ordered[k][1]].start) for k in one_to_one])}
    pairs: list[SectionPair] = []
    for k, (aid, bid) in enumerate(ordered):
        if aid in split and bid in merged:
            rel = "regrouped"
        elif aid in split:
            rel = "split"
        elif bid in merged:
            rel = "merged"
        else:
            rel = "matched" if k in in_order else "moved"
        sa, sb = da.by_id[aid], db.by_id[bid]
        pairs.append(
            SectionPair(
                a=aid,
                b=bid,
                a_heading=sa.heading,
                b_heading=sb.heading,
                relation=rel,
                score=round(scores.get(aid, bid), 3),
                evidence=_evidence(va[aid], vb[bid]),
                a_level=sa.level,
                b_level=sb.level,
            )
        )
    linked_a = {aid for aid, _ in rows}
    linked_b = {bid for _, bid in rows}
    for sec in da.sections:
        if sec.id not in linked_a:
            s, near = best_b.get(sec.id, (0.0, None))
            pairs.append(SectionPair(sec.id, None, sec.heading, "", "dropped", _floor3(s), [], sec.level, None, near))
    for sec in db.sections:
        if sec.id not in linked_b:
            s, near = best_a.get(sec.id, (0.0, None))
            pairs.append(SectionPair(None, sec.id, "", sec.heading, "new", _floor3(s), [], None, sec.level, near))
    order_a = {sec.id: k for k, sec in enumerate(da.sections)}
    order_b = {sec.id: k for k, sec in enumerate(db.sections)}
    # New B sections go after the A section paired with the nearest linked B section before them.
    paired = sorted((order_b[p.b], order_a[p.a]) for p in pairs if p.a and p.b)
    linked_b_pos = [ob for ob, _ in paired]
    keys: list[tuple[float, int]] = []
    for p in pairs:
        if p.a:
            keys.append((order_a[p.a], order_b.get(p.b, -1) if p.b else -1))
        else:
            assert p.b is not None  # a pair has one side at least
            k = bisect.bisect_left(linked_b_pos, order_b[p.b])  # paired[:k] lie before it
            keys.append(((paired[k - 1][1] if k else -1) + 0.5, order_b[p.b]))
    pairs = [p for _, p in sorted(zip(keys, pairs, strict=True), key=lambda kp: kp[0])]
    return pairs, shown_pairs(pairs, links)


def _left_its_part(
    da: _Doc, db: _Doc, scores: _Scores, idf: dict[str, float], links: set[tuple[str, str]]
) -> set[tuple[str, str]]:
    """Links for items of A that left their part: a section still unlinked, whose parent is linked, is
    placed by a sentence vote among the sections beside its parent's counterparts (their siblings, same
    kind, no one-year/multi-year mismatch). Each sentence below its lead line votes for the section that
    holds its best match (idf-weighted cosine of key terms, at least :data:`VOTE_MIN`). With at least
    :data:`VOTES_MIN` votes, a majority outside the parent's counterparts means the item left its part —
    unless its lead line (the item's topic) finds its best match in those counterparts. It then links to
    every section outside them with :data:`VOTE_SHARE` of the votes or more whose section score (its own or
    a sub-section's) is at least :data:`LINK_IN_CONTEXT_MIN` and at least the item's score against its
    parent's counterparts (the whole item agrees that it went there); two of them make a split. Otherwise
    the item follows its part and gets no link of its own."""
    linked = {aid for aid, _ in links}
    homes = _homes(links)
    children = _children(db)
    norms: dict[int, float] = {}

    def norm(doc: _Doc, i: int) -> float:
        return math.sqrt(sum(idf.get(t, 1.0) ** 2 for t in doc.term_sets[i])) or 1.0

    out: set[tuple[str, str]] = set()
    for sec in da.sections:
        anc = da.ancestors(sec.id)
        if sec.id in linked or len(anc) < 2 or anc[1] not in linked:
            continue
        spans = homes[anc[1]]
        places = _beside(da, db, sec, spans, children)
        if not places:
            continue
        votes: Counter[str] = Counter()
        lead: str | None = None
        lo, hi = da.ranges[sec.id]
        for i in range(lo, hi):
            ta = da.term_sets[i]
            if not ta:
                continue
            na, best, where = norm(da, i), VOTE_MIN, None
            for c in places:
                for j in range(*db.ranges[c]):
                    shared = ta & db.term_sets[j]
                    if not shared:
                        continue
                    if j not in norms:
                        norms[j] = norm(db, j)
                    cos = sum(idf.get(t, 1.0) ** 2 for t in shared) / (na * norms[j])
                    if cos > best:
                        best, where = cos, c
            if da.report.sentences[i].start < sec.heading_end:
                lead = where
            elif where is not None:
                votes[where] += 1
        n = sum(votes.values())
        away = {c: v for c, v in votes.items() if not any(_nested(c, sp) for sp in spans)}
        if n < VOTES_MIN or 2 * sum(away.values()) <= n or lead in spans:
            continue
        stay = max([LINK_IN_CONTEXT_MIN] + [scores.get(sec.id, sp) for sp in spans])
        for c, v in away.items():
            inside = [x for x in db.by_id if _inside(x, c)]
            if v >= VOTE_SHARE * n and max(scores.get(sec.id, x) for x in inside) >= stay:
                out.add((sec.id, c))
    return out


def _reforms_moved(
    da: _Doc, db: _Doc, scores: _Scores, idf: dict[str, float], links: set[tuple[str, str]]
) -> set[tuple[str, str]]:
    """Links for reform measures that moved into the reform part. Reports at every level keep a part for
    reform (深化改革, 改革开放, 重点领域改革: :data:`REFORM` in its heading), and a sector's reforms (land
    contracts, public hospitals, the supply and marketing cooperatives) are written one year in the sector's
    item, the next in that part. An item of A whose parent pairs with sections that are not about reform is
    also linked to a reform section beside them (:func:`_beside`) when one of its sentences naming a reform
    and a sentence of that section naming a reform (neither a heading: a heading names a topic, not a
    measure) are each other's best match — the A sentence's best among the sections beside, the B sentence's
    best in all of A (idf-weighted cosine of key terms, at least :data:`VOTE_MIN`) — and the whole item
    scores at least :data:`LINK_IN_CONTEXT_MIN` against that section or one inside it. The item keeps its
    other links: it is split."""
    homes = _homes(links)
    children = _children(db)
    norms: dict[tuple[int, int], float] = {}
    best_in_a: dict[int, int] = {}

    def norm(side: int, i: int) -> float:
        if (side, i) not in norms:
            doc = db if side else da
            norms[side, i] = math.sqrt(sum(idf.get(t, 1.0) ** 2 for t in doc.term_sets[i])) or 1.0
        return norms[side, i]

    def cos(i: int, j: int) -> float:
        shared = da.term_sets[i] & db.term_sets[j]
        return sum(idf.get(t, 1.0) ** 2 for t in shared) / (norm(0, i) * norm(1, j)) if shared else 0.0

    def measure(doc: _Doc, i: int) -> bool:
        sent = doc.report.sentences[i]
        return sent.start >= doc.by_id[sent.section_id].heading_end and any(REFORM in t for t in doc.term_sets[i])

    def best_a(j: int) -> int:
        if j not in best_in_a:
            best_in_a[j] = max(range(len(da.term_sets)), key=lambda i: (cos(i, j), -i))
        return best_in_a[j]

    out: set[tuple[str, str]] = set()
    for sec in da.sections:
        anc = da.ancestors(sec.id)
        if len(anc) < 2 or anc[1] not in homes:
            continue
        spans = homes[anc[1]]
        if any(REFORM in db.titles[sp] for sp in spans):
            continue  # its part already goes to a reform section
        places = _beside(da, db, sec, spans, children)
        taken = spans + homes.get(sec.id, [])
        reform = {c for c in places if REFORM in db.titles[c] and not any(_nested(c, x) for x in taken)}
        if not reform:
            continue
        lo, hi = da.ranges[sec.id]
        for i in range(lo, hi):
            if not measure(da, i):
                continue
            best, where, at = VOTE_MIN, "", -1
            for c in places:
                for j in range(*db.ranges[c]):
                    x = cos(i, j)
                    if x > best:
                        best, where, at = x, c, j
            if where in reform and (sec.id, where) not in out and measure(db, at) and best_a(at) == i:
                if max(scores.get(sec.id, x) for x in db.by_id if _inside(x, where)) >= LINK_IN_CONTEXT_MIN:
                    out.add((sec.id, where))
    return out


def _homes(links: set[tuple[str, str]]) -> dict[str, list[str]]:
    """The B counterparts of each linked A section, in id order."""
    homes: dict[str, list[str]] = defaultdict(list)
    for aid, bid in sorted(links):
        homes[aid].append(bid)
    return homes


def _children(db: _Doc) -> dict[str, list[str]]:
    children: dict[str, list[str]] = defaultdict(list)
    for sec in db.sections:
        if "." in sec.id:
            children[sec.id.rsplit(".", 1)[0]].append(sec.id)
    return children


def _beside(da: _Doc, db: _Doc, sec: Section, spans: list[str], children: dict[str, list[str]]) -> list[str]:
    """The sections beside ``spans`` (the counterparts of ``sec``'s parent): their siblings, in document
    order, of the same kind as ``sec`` and with no one-year/multi-year mismatch (the places its content can go)."""
    places = sorted(
        {c for sp in spans if "." in sp for c in children[sp.rsplit(".", 1)[0]]},
        key=lambda c: db.by_id[c].start,
    )
    return [
        c
        for c in places
        if _kind_factor(sec, db.by_id[c]) == 1.0 and {da.scope.get(sec.id), db.scope.get(c)} != {"year", "multi"}
    ]


def _inside(x: str, y: str) -> bool:
    """True when section ``x`` is ``y`` or lies inside it."""
    return x == y or x.startswith(y + ".")


def _proper_ancestors(section_id: str) -> list[str]:
    out = []
    while "." in section_id:
        section_id = section_id.rsplit(".", 1)[0]
        out.append(section_id)
    return out


def shown_pairs(pairs: list[SectionPair], direct: Iterable[tuple[str, str]] | None = None) -> list[SectionPair]:
    """The pairs without those that only repeat what a pair of an enclosing section says.

    A link (a, b) *follows* an enclosing section's link when a section enclosing ``a`` is linked to ``b``
    or to a section inside ``b`` (the item 着力实施提振消费行动 follows its (一)在全方位扩大内需上下功夫 to
    奋力推进全方位扩大内需), or, the other way round, a section enclosing ``b`` is linked to ``a`` or to a
    section inside ``a``. A following link is left out when its section lies below the second level (an
    item of a sub-section), or when that section also has a link that does not follow (2024's (六)民生 goes to
    2025's (六)民生, not just to the review part that holds it). Parts and sub-sections thus keep at least one
    row each. Links are decided outer first (by the depth of both ids), each against the links kept so far.
    Only ``direct`` links (a section's own, not the rows that show where a split or merged section's
    content went) make others follow. Left-out links still steer the sentence alignment, and their
    sections are neither ``new`` nor ``dropped``. A link that goes deeper than its parent's (national
    2019's (七) under 三、 to 2020's lead line 提高生态环境治理成效 under 五、) is kept.
    """
    kept_by_a: dict[str, list[str]] = defaultdict(list)
    kept_by_b: dict[str, list[str]] = defaultdict(list)

    def follows(a: str, b: str) -> bool:
        return any(_inside(b2, b) for x in _proper_ancestors(a) for b2 in kept_by_a.get(x, ())) or any(
            _inside(a2, a) for y in _proper_ancestors(b) for a2 in kept_by_b.get(y, ())
        )

    direct = set(direct) if direct is not None else None
    linked = [p for p in pairs if p.a and p.b]
    rows_of: dict[tuple[int, str], list[SectionPair]] = defaultdict(list)
    for p in linked:
        rows_of[(0, p.a or "")].append(p)
        rows_of[(1, p.b or "")].append(p)
    depth = {id(p): p.a.count(".") + p.b.count(".") for p in linked}  # type: ignore[union-attr]
    drop: set[int] = set()
    for p in sorted(linked, key=lambda p: depth[id(p)]):
        a, b = p.a or "", p.b or ""
        if follows(a, b):
            # the side that follows: the one whose enclosing section carries the link
            a_side = any(_inside(b2, b) for x in _proper_ancestors(a) for b2 in kept_by_a.get(x, ()))
            side, sid = (0, a) if a_side else (1, b)
            others = [q for q in rows_of[(side, sid)] if q is not p and id(q) not in drop]
            if sid.count(".") >= 2 or any(not follows(q.a or "", q.b or "") for q in others):
                drop.add(id(p))
                continue
        if direct is None or (a, b) in direct:
            kept_by_a[a].append(b)
            kept_by_b[b].append(a)
    return [p for p in pairs if id(p) not in drop]


def _floor3(x: float) -> float:
    """Round down to 3 places, so a score below the link threshold never prints as the threshold."""
    return math.floor(max(x, 0.0) * 1000) / 1000


# ---------------------------------------------------------------------------
# Sentences and paragraphs
# ---------------------------------------------------------------------------


def _word_diff(
    wa: list[str], wb: list[str], show_a: list[str] | None = None, show_b: list[str] | None = None
) -> list[tuple[str, str, str]]:
    """Opcodes over the (normalised) tokens, shown with ``show_a``/``show_b`` (the original characters)."""
    sm = SequenceMatcher(None, wa, wb, autojunk=False)
    sa, sb = show_a or wa, show_b or wb
    return [(tag, "".join(sa[i1:i2]), "".join(sb[j1:j2])) for tag, i1, i2, j1, j2 in sm.get_opcodes()]


def _original_tokens(norm: str, orig: str, tokens: list[str]) -> list[str]:
    """The tokens of a normalised text as they are written in the original (same offsets, width folded)."""
    out, pos = [], 0
    for tok in tokens:
        at = norm.find(tok, pos)
        if at < 0:
            return tokens
        out.append(orig[at : at + len(tok)])
        pos = at + len(tok)
    return out


def word_diff(text_a: str, text_b: str) -> list[tuple[str, str, str]]:
    """Word-level diff of two texts: (equal|delete|insert|replace, A words, B words); numbers stay whole.

    >>> word_diff("城镇新增就业1100万人以上", "城镇新增就业900万人以上")
    [('equal', '城镇新增就业', '城镇新增就业'), ('replace', '1100', '900'), ('equal', '万人以上', '万人以上')]
    """
    return _word_diff(words(text_a), words(text_b))


def align_sentences(da: _Doc, db: _Doc, sections: list[SectionPair]) -> list[SentencePair]:
    counter_b: dict[str, list[str]] = defaultdict(list)
    for p in sections:
        if p.a and p.b:
            counter_b[p.a].append(p.b)
    n_a, n_b = len(da.words), len(db.words)
    # Inverted index of B sentences by key term; the commonest terms do not nominate candidates.
    postings: dict[str, list[int]] = defaultdict(list)
    for j, ts in enumerate(db.term_sets):
        for t in ts:
            postings[t].append(j)
    cap = min(max(12, n_b // 20), POSTINGS_MAX)
    exact: dict[str, list[int]] = defaultdict(list)
    for j, k in enumerate(db.keys):
        if k:
            exact[k].append(j)
    rank_a: list[int] = []  # the rank of each A sentence among the A sentences of the same text
    seen_keys: Counter[str] = Counter()
    for k in da.keys:
        rank_a.append(seen_keys[k])
        seen_keys[k] += 1
    local_sets: dict[str | None, _Ranges] = {}
    sb_all = db.report.sentences
    edges: list[tuple[float, float, int, int, bool]] = []
    for i, sent in enumerate(da.report.sentences):
        home = next((s for s in da.ancestors(sent.section_id) if s in counter_b), None)
        if home not in local_sets:
            local_sets[home] = _Ranges(db.ranges[b] for b in (counter_b.get(home, ()) if home is not None else ()))
        is_local = local_sets[home].__contains__

        seen: set[int] = set()
        ta = da.term_sets[i]
        same = exact.get(da.keys[i], [])
        if len(same) > EXACT_WINDOW:  # many copies: pair by rank (the k-th copy with the k-th), not all × all
            lo = max(0, min(rank_a[i] - EXACT_WINDOW // 2, len(same) - EXACT_WINDOW))
            seen.update(same)
            same = same[lo : lo + EXACT_WINDOW]
        for j in same:
            # A sentence with no key term (各位代表：) pairs only where it stands: in an aligned section or
            # in the section of the same id and heading (the preamble of both reports).
            loc = is_local(j) or _same_place(da, db, sent.section_id, sb_all[j].section_id)
            if ta or loc:  # a bare 各位代表！ elsewhere is not a moved sentence
                edges.append((1.0, 1.0, i, j, loc))
            seen.add(j)
        if not ta:
            continue
        shared: Counter[int] = Counter()
        for t in ta:
            post = postings.get(t)
            if post and len(post) <= cap:
                shared.update(post)
        if not shared:
            continue
        cands_local: list[tuple[float, int]] = []
        cands_far: list[tuple[float, int]] = []
        for j, n in shared.items():
            if j in seen:
                continue
            d = 2 * n / (len(ta) + len(db.term_sets[j]))
            (cands_local if is_local(j) else cands_far).append((d, j))
        cands_local.sort(reverse=True)
        cands_far.sort(reverse=True)
        chosen = [(j, True) for d, j in cands_local[:CANDIDATES] if d >= 0.2]
        chosen += [(j, False) for d, j in cands_far[:2] if d >= 0.5]
        wa = da.words[i]
        for j, loc in chosen:
            sm = SequenceMatcher(None, wa, db.words[j], autojunk=False)
            floor = REWORD_MIN if loc else MOVE_MIN
            if sm.real_quick_ratio() < floor or sm.quick_ratio() < floor:
                continue
            r = sm.ratio()
            if r >= floor:
                edges.append((r + (0.05 if loc else 0.0), r, i, j, loc))
    edges.sort(key=lambda e: (-e[0], e[2], e[3]))
    used_a: dict[int, tuple[int, float, bool]] = {}
    used_b: set[int] = set()
    for _, r, i, j, loc in edges:
        if i in used_a or j in used_b:
            continue
        used_a[i] = (j, r, loc)
        used_b.add(j)
    out: list[SentencePair] = []
    sa, sb = da.report.sentences, db.report.sentences
    for i in range(n_a):
        if i not in used_a:
            out.append(SentencePair(i, None, "dropped", 0.0, None, sa[i].section_id, None, sa[i].text))
            continue
        j, r, loc = used_a[i]
        identical = da.keys[i] == db.keys[j]
        status = "moved" if not loc else ("unchanged" if identical else "reworded")
        diff = None if identical else _word_diff(da.words[i], db.words[j], da.shown(i), db.shown(j))
        score = 1.0 if identical else round(r, 3)
        out.append(SentencePair(i, j, status, score, diff, sa[i].section_id, sb[j].section_id, sa[i].text, sb[j].text))
    # A new B sentence goes after the pair holding the B sentence before it when that pair lies in the
    # A section its own section is aligned with; otherwise at the end of that A section; with no aligned
    # section, after its B neighbour anyway. (Pairs are in A order: position i holds A sentence i.)
    # A moved pair stands where A had it, so it anchors nothing.
    best_a_of: dict[str, tuple[float, str]] = {}
    for p in sections:
        if p.a and p.b and p.score > best_a_of.get(p.b, (-1.0, ""))[0]:
            best_a_of[p.b] = (p.score, p.a)
    a_of_b = {j: i for i, (j, _, loc) in used_a.items() if loc}
    inserts: dict[int, list[SentencePair]] = defaultdict(list)
    last = -1  # position of the latest (in B order) B sentence paired within aligned sections
    for j in range(n_b):
        if j in a_of_b:
            last = a_of_b[j]
            continue
        if j in used_b:
            continue
        home = next((x for x in db.ancestors(sb[j].section_id) if x in best_a_of), None)
        anchor = last
        if home is not None:
            lo, hi = da.ranges[best_a_of[home][1]]
            if not lo <= last < hi and hi > lo:
                anchor = hi - 1
        inserts[anchor].append(SentencePair(None, j, "new", 0.0, None, None, sb[j].section_id, "", sb[j].text))
    merged: list[SentencePair] = list(inserts.get(-1, []))
    for pos, sp in enumerate(out):
        merged.append(sp)
        merged.extend(inserts.get(pos, []))
    return merged


def _same_place(da: _Doc, db: _Doc, sid_a: str, sid_b: str) -> bool:
    """True when two sections have the same id and the same heading (the preamble "0" of both reports)."""
    return sid_a == sid_b and sid_a in da.titles and da.titles[sid_a] == db.titles.get(sid_b)


class _Ranges:
    """A set of sentence indices held as sorted, merged [lo, hi) ranges (memory per range, not per index)."""

    def __init__(self, ranges: Iterable[tuple[int, int]]):
        merged: list[list[int]] = []
        for lo, hi in sorted(r for r in ranges if r[1] > r[0]):
            if merged and lo <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        self.los = [r[0] for r in merged]
        self.his = [r[1] for r in merged]

    def __contains__(self, j: int) -> bool:
        k = bisect.bisect_right(self.los, j) - 1
        return k >= 0 and j < self.his[k]


def align_paragraphs(da: _Doc, db: _Doc, sentences: list[SentencePair]) -> list[ParagraphPair]:
    sa, sb = da.report.sentences, db.report.sentences
    votes: dict[int, Counter[int]] = defaultdict(Counter)
    statuses: dict[int, list[SentencePair]] = defaultdict(list)
    b_touched: set[int] = set()
    for p in sentences:
        if p.a is not None:
            statuses[sa[p.a].paragraph].append(p)
            if p.b is not None:
                votes[sa[p.a].paragraph][sb[p.b].paragraph] += 1
                b_touched.add(sb[p.b].paragraph)
    out: list[ParagraphPair] = []
    for para in da.report.paragraphs:
        ps = statuses.get(para.index, [])
        if not ps:
            continue
        mean = round(sum(p.score for p in ps) / len(ps), 3)
        if not votes.get(para.index):
            out.append(ParagraphPair(para.index, None, "dropped", 0.0))
            continue
        bpar = votes[para.index].most_common(1)[0][0]
        kinds = {p.status for p in ps}
        n_b = len(db.report.paragraphs[bpar].sentences)
        if kinds == {"unchanged"} and n_b == len(ps):
            status = "unchanged"
        elif "moved" in kinds and not kinds & {"unchanged", "reworded"}:
            status = "moved"
        else:
            status = "reworded"
        out.append(ParagraphPair(para.index, bpar, status, mean))
    for para in db.report.paragraphs:
        if para.sentences and para.index not in b_touched:
            out.append(ParagraphPair(None, para.index, "new", 0.0))
    return out


def align(report_a: Report, report_b: Report, *, words_a=None, words_b=None) -> Alignment:
    """Align two reports: section links, then paragraph and sentence pairs (see the module notes).

    ``words_a``/``words_b`` may pass each sentence's :func:`policydiff.nlp.words` tokens when the
    caller already has them.
    """
    da, db = _Doc(report_a, words_a), _Doc(report_b, words_b)
    idf = _idf([da, db])
    every, shown = align_sections(da, db, idf)
    sentences = align_sentences(da, db, every)
    paragraphs = align_paragraphs(da, db, sentences)
    return Alignment(report_a.key, report_b.key, shown, paragraphs, sentences)
