"""Policy themes of sections, sentences and records: from their own words and their section path.

The taxonomy (``policydiff/data/themes.json``, documented in docs/graph.md) lists about two dozen
major themes (employment, environment & ecology, fiscal & finance, ...), each with Chinese
keywords and its Comparative Agendas Project major-topic code where one fits.

The method is keyword matching, kept explainable: every theme comes with the keywords that
fired and where they were found (:class:`Hit`).

- Keywords are matched on the width-folded text, longest first and without overlaps (so
  城镇新增就业 fires *employment* once, 居民消费价格 fires *prices*, not the *macroeconomy*
  keyword 消费 inside it). Stop phrases (中华民族) consume text without firing anything.
- A **section** has the themes its heading names; a heading that names none takes those of the
  nearest heading above it that does (its heading path).
- A **sentence** has the themes of its own words plus those of its section.
- A **record** (an extracted figure) has the themes of its indicator (or, when the indicator
  names none, of the clause around the figure) plus those of its section: a figure inside
  "(七)加强污染防治和生态建设" is *environment* even when its sentence does not say so.

Own themes come first (most hits first), then the section's; the first is the *primary* theme.

>>> text_themes("城镇新增就业1100万人以上，城镇调查失业率5.5%左右").themes
('employment',)
>>> [(h.theme, h.keyword) for h in text_themes("居民消费价格涨幅3%左右").hits]
[('prices', '居民消费价格')]
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from .errors import PolicydiffError
from .extract import extract
from .model import Record
from .report import Report, Section, Sentence, fold_width

_CLAUSE_PUNCT = "，,；;。：:！!？?\n"


@dataclass(frozen=True)
class Theme:
    """One theme of the taxonomy."""

    id: str
    label: str
    label_zh: str
    cap: int | None  # Comparative Agendas Project major-topic code
    cap_topic: str | None
    keywords: tuple[str, ...]
    cap_note: str = ""


@dataclass(frozen=True)
class Hit:
    """One keyword that fired: for which theme, and where (text | indicator | clause | heading)."""

    theme: str
    keyword: str
    source: str
    heading: str = ""  # the heading it was found in, for source "heading"

    def __str__(self) -> str:
        where = f"heading {self.heading}" if self.source == "heading" else self.source
        return f"{self.keyword} ({where})"


@dataclass(frozen=True)
class Themes:
    """The themes of one item, primary first, with the hits that gave them."""

    themes: tuple[str, ...] = ()
    hits: tuple[Hit, ...] = field(default=(), repr=False)

    @property
    def primary(self) -> str | None:
        """The first theme (from the item's own words when it has any), else None."""
        return self.themes[0] if self.themes else None

    def keywords(self, theme: str) -> list[str]:
        """The keywords that gave ``theme``, in order, without repeats."""
        return list(dict.fromkeys(h.keyword for h in self.hits if h.theme == theme))

    def explain(self) -> str:
        """One line: each theme and why.

        >>> text_themes("粮食产量保持在1.3万亿斤以上").explain()
        'agriculture_rural: 粮食产量 (text)'
        """
        parts = []
        for t in self.themes:
            why = ", ".join(dict.fromkeys(str(h) for h in self.hits if h.theme == t))
            parts.append(f"{t}: {why}")
        return "; ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "themes": list(self.themes),
            "hits": [
                {"theme": h.theme, "keyword": h.keyword, "source": h.source, "heading": h.heading} for h in self.hits
            ],
        }


# ---------------------------------------------------------------------------
# Taxonomy and keyword matching
# ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _raw_taxonomy() -> dict[str, Any]:
    text = resources.files("policydiff.data").joinpath("themes.json").read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def taxonomy() -> dict[str, Theme]:
    """The themes by id, in the data file's order.

    >>> t = taxonomy()["environment"]
    >>> t.label, t.label_zh, t.cap
    ('environment & ecology', '生态环境', 7)
    """
    out: dict[str, Theme] = {}
    for entry in _raw_taxonomy()["themes"]:
        out[entry["id"]] = Theme(
            id=entry["id"],
            label=entry["label"],
            label_zh=entry["label_zh"],
            cap=entry.get("cap"),
            cap_topic=entry.get("cap_topic"),
            keywords=tuple(entry["keywords"]),
            cap_note=entry.get("cap_note", ""),
        )
    return out


def theme_ids() -> tuple[str, ...]:
    """Theme ids in taxonomy order."""
    return tuple(taxonomy())


@lru_cache(maxsize=1)
def _matcher() -> tuple[re.Pattern[str], dict[str, str | None]]:
    owner: dict[str, str | None] = {}
    for theme in taxonomy().values():
        for kw in theme.keywords:
            key = fold_width(kw).upper()
            if owner.get(key, theme.id) != theme.id:
                raise PolicydiffError(f"themes.json: keyword {kw!r} belongs to two themes")
            owner[key] = theme.id
    for stop in _raw_taxonomy().get("stopwords", []):
        owner.setdefault(fold_width(stop).upper(), None)
    # Longest first: at each position the regex takes the longest keyword that matches there.
    alternatives = sorted(owner, key=lambda k: (-len(k), k))
    pattern = re.compile("|".join(re.escape(k) for k in alternatives), re.IGNORECASE)
    return pattern, owner


def keyword_hits(text: str) -> list[tuple[str, str, int]]:
    """``(theme, keyword, position)`` for every keyword in ``text``, left to right, no overlaps.

    >>> keyword_hits("降低单位国内生产总值能耗，中华民族")
    [('energy', '单位国内生产总值能耗', 2)]
    """
    pattern, owner = _matcher()
    out = []
    for m in pattern.finditer(fold_width(text)):
        theme = owner[m.group(0).upper()]
        if theme is not None:
            out.append((theme, m.group(0), m.start()))
    return out


def _own(text: str, source: str) -> tuple[list[str], list[Hit]]:
    """Themes of a text from its own words: most hits first, then first position."""
    found = keyword_hits(text)
    count: Counter[str] = Counter(t for t, _, _ in found)
    first: dict[str, int] = {}
    for t, _, pos in found:
        first.setdefault(t, pos)
    order = sorted(count, key=lambda t: (-count[t], first[t]))
    return order, [Hit(t, kw, source) for t, kw, _ in found]


def _combine(own: list[str], own_hits: list[Hit], path: Themes | None) -> Themes:
    themes = list(own)
    hits = list(own_hits)
    if path is not None:
        themes += [t for t in path.themes if t not in themes]
        hits += [h if h.source == "heading" else Hit(h.theme, h.keyword, "heading", "") for h in path.hits]
    return Themes(tuple(themes), tuple(hits))


def text_themes(text: str, source: str = "text") -> Themes:
    """Themes of a piece of text from its own words alone (no section context).

    >>> text_themes("加大生态环境保护力度，推进大气污染防治").themes
    ('environment',)
    >>> text_themes("各位代表").themes
    ()
    """
    own, hits = _own(text, source)
    return Themes(tuple(own), tuple(hits))


# ---------------------------------------------------------------------------
# Sections, sentences and records of a report
# ---------------------------------------------------------------------------


class ReportThemes:
    """Theme assignment over one report; sections are worked out once and reused.

    >>> from policydiff.report import parse_report
    >>> r = parse_report("一、2020年重点工作\\n(一)加强污染防治和生态建设\\n今年要完成造林任务。力争新增就业1万人。",
    ...                  region="demo", year=2020)
    >>> rt = ReportThemes(r)
    >>> [rt.sentence(s).themes for s in r.sentences[-2:]]
    [('environment',), ('employment', 'environment')]
    >>> print(rt.sentence(r.sentences[-1]).explain().replace("; ", "\\n"))
    employment: 新增就业 (text)
    environment: 污染防治 (heading (一)加强污染防治和生态建设), 生态建设 (heading (一)加强污染防治和生态建设)
    """

    def __init__(self, report: Report):
        self.report = report
        self._sections: dict[str, Section] = {}
        self._parent: dict[str, str | None] = {}
        for top in [report.preamble, *report.parts]:
            self._index(top, None)
        self._cache: dict[str, Themes] = {}

    def _index(self, sec: Section, parent: str | None) -> None:
        self._sections[sec.id] = sec
        self._parent[sec.id] = parent
        for child in sec.children:
            self._index(child, sec.id)

    def heading_path(self, section_id: str) -> list[Section]:
        """The section and its ancestors, innermost first."""
        out = []
        sid: str | None = section_id
        while sid is not None and sid in self._sections:
            out.append(self._sections[sid])
            sid = self._parent[sid]
        return out

    def section(self, section: Section | str) -> Themes:
        """Themes of a section: those its own heading names, else those of the nearest heading above
        it that names any (an umbrella heading does not spread its themes over sub-sections that
        name their own)."""
        sid = section if isinstance(section, str) else section.id
        if sid not in self._cache:
            found = Themes()
            for sec in self.heading_path(sid):
                own, own_hits = _own(sec.title, "heading")
                if own:
                    found = Themes(tuple(own), tuple(Hit(h.theme, h.keyword, "heading", sec.heading) for h in own_hits))
                    break
            self._cache[sid] = found
        return self._cache[sid]

    def sentence(self, sentence: Sentence) -> Themes:
        """Themes of a sentence: its own words, then its section path."""
        own, hits = _own(sentence.text, "text")
        return _combine(own, hits, self.section(sentence.section_id) if sentence.section_id else None)

    def record(self, record: Record) -> Themes:
        """Themes of a record: its indicator (else the clause around the figure), then its section path."""
        own, hits = _own(record.indicator or "", "indicator")
        if not own:
            own, hits = _own(self.clause(record), "clause")
        path = self.section(record.section_id) if record.section_id in self._sections else None
        return _combine(own, hits, path)

    def clause(self, record: Record) -> str:
        """The clause of the report text holding the record's figure (between clause punctuation)."""
        text = self.report.norm_text
        start, end = max(0, record.start), min(len(text), record.end)
        while start > 0 and text[start - 1] not in _CLAUSE_PUNCT:
            start -= 1
        while end < len(text) and text[end] not in _CLAUSE_PUNCT:
            end += 1
        return self.report.text[start:end]


def section_themes(report: Report, section: Section | str) -> Themes:
    """Themes of one section of ``report`` (see :class:`ReportThemes`)."""
    return ReportThemes(report).section(section)


def sentence_themes(report: Report, sentence: Sentence) -> Themes:
    """Themes of one sentence of ``report`` (see :class:`ReportThemes`)."""
    return ReportThemes(report).sentence(sentence)


def record_themes(report: Report, record: Record) -> Themes:
    """Themes of one extracted record of ``report`` (see :class:`ReportThemes`)."""
    return ReportThemes(report).record(record)


# ---------------------------------------------------------------------------
# Profiles
# ---------------------------------------------------------------------------


@dataclass
class ThemeProfile:
    """How much of a report each theme takes: sentences touching it, records measuring it.

    ``rows`` has one dict per theme of the taxonomy, in taxonomy order: theme, label, label_zh,
    cap, sentences (count), share (of all sentences, 0-1), records (count), keywords (the most
    frequent keywords that fired in the sentences' own words, "就业×12").
    """

    report: str
    sentences: int
    records: int
    unthemed_sentences: int
    rows: list[dict[str, Any]]

    def row(self, theme: str) -> dict[str, Any]:
        for r in self.rows:
            if r["theme"] == theme:
                return r
        raise PolicydiffError(f"unknown theme {theme!r}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "report": self.report,
            "sentences": self.sentences,
            "records": self.records,
            "unthemed_sentences": self.unthemed_sentences,
            "themes": self.rows,
        }


def theme_profile(report: Report, records: list[Record] | None = None, *, top_keywords: int = 3) -> ThemeProfile:
    """The theme profile of a report: for each theme, the share of sentences that touch it (own
    words or section path) and the number of extracted records (targets and results) in it.

    ``records`` defaults to ``extract(report)``. Shares of different themes overlap (a sentence
    can touch several), so they do not sum to 1.

    >>> from policydiff.report import parse_report
    >>> r = parse_report("一、2020年重点工作\\n(二)稳定和扩大就业\\n城镇新增就业900万人以上。加强职业技能培训。",
    ...                  region="demo", year=2020)
    >>> p = theme_profile(r)
    >>> row = p.row("employment")
    >>> row["sentences"], row["records"], row["keywords"]
    (3, 1, '城镇新增就业×1, 就业×1, 职业技能×1')
    """
    if records is None:
        records = extract(report)
    rt = ReportThemes(report)
    sent_count: Counter[str] = Counter()
    kw_count: dict[str, Counter[str]] = {t: Counter() for t in theme_ids()}
    unthemed = 0
    for s in report.sentences:
        th = rt.sentence(s)
        if not th.themes:
            unthemed += 1
        for t in th.themes:
            sent_count[t] += 1
        for h in th.hits:
            if h.source == "text":
                kw_count[h.theme][h.keyword] += 1
    rec_count: Counter[str] = Counter()
    for rec in records:
        for t in rt.record(rec).themes:
            rec_count[t] += 1
    total = len(report.sentences)
    rows = []
    for theme in taxonomy().values():
        top = kw_count[theme.id].most_common()
        top.sort(key=lambda kv: (-kv[1], kv[0]))
        rows.append(
            {
                "theme": theme.id,
                "label": theme.label,
                "label_zh": theme.label_zh,
                "cap": theme.cap,
                "sentences": sent_count[theme.id],
                "share": round(sent_count[theme.id] / total, 4) if total else 0.0,
                "records": rec_count[theme.id],
                "keywords": ", ".join(f"{k}×{n}" for k, n in top[:top_keywords]),
            }
        )
    return ThemeProfile(report.key, total, len(records), unthemed, rows)


def profile_change(a: ThemeProfile, b: ThemeProfile) -> list[dict[str, Any]]:
    """Per theme: shares and record counts in A and B and the change (share in percentage points).

    >>> pa = ThemeProfile("x/1", 10, 2, 0, [{"theme": "energy", "label": "energy", "label_zh": "能源",
    ...     "cap": 8, "sentences": 1, "share": 0.1, "records": 2, "keywords": ""}])
    >>> pb = ThemeProfile("x/2", 10, 2, 0, [{"theme": "energy", "label": "energy", "label_zh": "能源",
    ...     "cap": 8, "sentences": 3, "share": 0.3, "records": 1, "keywords": ""}])
    >>> change = profile_change(pa, pb)[0]
    >>> change["change_pp"], change["records_change"]
    (20.0, -1)
    """
    rows_b = {r["theme"]: r for r in b.rows}
    out = []
    for ra in a.rows:
        rb = rows_b.get(ra["theme"])
        if rb is None:
            continue
        out.append(
            {
                "theme": ra["theme"],
                "label": ra["label"],
                "label_zh": ra["label_zh"],
                "share_a": ra["share"],
                "share_b": rb["share"],
                "change_pp": round((rb["share"] - ra["share"]) * 100, 2),
                "records_a": ra["records"],
                "records_b": rb["records"],
                "records_change": rb["records"] - ra["records"],
            }
        )
    return out
