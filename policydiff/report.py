"""The `Report` model: header metadata, heading tree, paragraphs and sentences with offsets.

Every span (section, paragraph, sentence) carries ``start``/``end`` offsets into the
ORIGINAL text, so ``report.text[s.start:s.end] == s.text`` always holds. Analysis runs on
``report.norm_text``: the same text with full-width ASCII folded to half-width, character
for character, so its offsets are the original's.

It stays one module (over 500 lines): the span classes and the parser that builds them share that
offset contract, and the heading rules (markers, kinds, years) read together with the tree they build.

>>> r = parse_report("一、2019年工作回顾\\n全年地区生产总值增长4.3%。收入增长6%-6.5%。\\n二、2020年重点工作\\n"
...                  "(一)发展产业。力争产量突破9000万吨。", region="demo", year=2020)
>>> [(p.marker, p.title, p.kind, p.years) for p in r.parts]
[('一、', '2019年工作回顾', 'review', (2019,)), ('二、', '2020年重点工作', 'plan', (2020,))]
>>> [s.text for s in r.sentences][1:3]
['全年地区生产总值增长4.3%。', '收入增长6%-6.5%。']
>>> r.sentences[-1].section_path
('二、2020年重点工作', '(一)发展产业')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .errors import PolicydiffError
from .numbers import fold
from .textio import DecodedText, read_text


def fold_width(text: str) -> str:
    """Fold full-width ASCII forms and odd spaces to their plain forms, one character for one
    (:func:`policydiff.numbers.fold`, the package's one fold).

    >>> fold_width("２０２０年（一）　ＧＤＰ")
    '2020年(一) GDP'
    """
    return fold(text)


def cn_ordinal(s: str) -> int | None:
    """Value of a small Chinese or Arabic ordinal (一..九十九, 1..999).

    >>> cn_ordinal("十二"), cn_ordinal("二十"), cn_ordinal("7"), cn_ordinal("甲")
    (12, 20, 7, None)
    """
    if s.isdigit():
        return int(unicodedata.normalize("NFKC", s))
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    digits["〇"] = 0
    if not s or any(c not in digits and c != "十" for c in s):
        return None
    if "十" not in s:
        return digits[s] if len(s) == 1 else None
    tens, _, ones = s.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)


# ---------------------------------------------------------------------------
# Data model
# ---------------------------------------------------------------------------


@dataclass
class Sentence:
    """One sentence: its text as in the original and where it stands."""

    text: str
    start: int
    end: int
    paragraph: int  # index into Report.paragraphs
    section_path: tuple[str, ...] = ()
    section_id: str = ""

    def __len__(self) -> int:
        return self.end - self.start


@dataclass
class Paragraph:
    """One non-empty line of the report body."""

    text: str
    start: int
    end: int
    index: int
    sentences: list[Sentence] = field(default_factory=list)
    section_id: str = ""


@dataclass
class Section:
    """A node of the heading tree.

    ``level`` 1 is a part (一、), 2 a sub-section ((一)), 3 a numbered item (1. / (1)),
    4 a paragraph lead line (——经济运行平稳向好。 or 聚焦传统产业提升新能级。).
    ``kind`` is review | plan | other for parts; sub-sections inherit their part's.
    """

    id: str  # "2", "2.3", "2.3.1"; "0" for the preamble
    level: int
    marker: str  # "一、", "(一)", "1.", "——" or "" (lead line without a dash)
    title: str
    start: int  # of the heading (or of the first paragraph for the preamble)
    end: int  # end of the section's last paragraph
    heading_end: int
    kind: str = "other"
    years: tuple[int, ...] = ()
    children: list[Section] = field(default_factory=list)
    paragraphs: list[int] = field(default_factory=list)  # indices of paragraphs directly in this section

    @property
    def heading(self) -> str:
        """Marker and title as one label, e.g. ``(七)加强污染防治和生态建设``."""
        return f"{self.marker}{self.title}" if self.marker != "——" else self.title

    def walk(self) -> Iterator[Section]:
        """This section and every section below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class ReportMeta:
    """What the header says; ``warnings`` lists where it disagrees with the corpus key."""

    title: str | None = None
    date: str | None = None  # ISO date from the header
    meeting: str | None = None
    speaker: str | None = None
    office: str | None = None
    region_name: str | None = None
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class Report:
    """A parsed government work report."""

    region: str
    year: int
    text: str
    meta: ReportMeta
    parts: list[Section]
    preamble: Section
    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    source: str | None = None
    sha256: str | None = None

    @property
    def key(self) -> str:
        """``region/year``, the id used in every output (e.g. ``national/2019``)."""
        return f"{self.region}/{self.year}"

    @cached_property
    def norm_text(self) -> str:
        """``text`` with full-width forms folded (same length, same offsets)."""
        return fold_width(self.text)

    def sections(self) -> Iterator[Section]:
        """Every section (preamble first) in document order."""
        yield from self.preamble.walk()
        for part in self.parts:
            yield from part.walk()

    def section(self, section_id: str) -> Section:
        for s in self.sections():
            if s.id == section_id:
                return s
        raise PolicydiffError(f"{self.key}: no section {section_id!r}")

    def section_text(self, section: Section) -> str:
        """The original text of a section (heading and all its paragraphs)."""
        return self.text[section.start : section.end]

    def part_of(self, section_id: str) -> Section:
        """The part (level 1) a section id belongs to; the preamble for "0"."""
        head = section_id.split(".")[0]
        return self.preamble if head == "0" else self.parts[int(head) - 1]

    def __repr__(self) -> str:
        return f"<Report {self.key}: {len(self.parts)} parts, {len(self.sentences)} sentences>"


# ---------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------

_WS = " \t\r\u3000\u00a0\u200b\u200d\ufeff"
_PART = re.compile(r"([一二三四五六七八九十]{1,3})[、.]\s*")
_SUB = re.compile(r"\(([一二三四五六七八九十]{1,3})\)\s*")
_NUM = re.compile(r"(\d{1,2})[.、](?!\d)\s*|\((\d{1,2})\)\s*")
_DASH = re.compile(r"(?:——|--|—)\s*")
_NOTES = re.compile(r"(?:《[^》]{1,20}》)?(?:有关内容)?(?:名词)?(?:注释|附注|注|解释)[:：]?")
_ANNEX = re.compile(r"附件\s*\d*|附录\s*\d*")
_CLOSER = re.compile(r"结束语")
_DECOR = re.compile(r"[\s*※★☆]")
_CHAPTER = re.compile(r"第([一二三四五六七八九十]{1,3})部分\s*")
_ADDRESS = re.compile(r"^各位代表\s*[:：!！]?")
#: The title of a part about a year's work (2025年工作总体要求和主要目标, 2024年工作回顾).
_PART_OF_YEAR = re.compile(r"(?:19|20)\d\d年[^。，,]{0,12}(?:工作|目标|任务|回顾)")
#: Digit runs longer than any report's figure (policydiff.numbers.MAX_DIGITS): never read, always said.
_TOO_LONG = re.compile(r"\d{16,}")
_SENT_END = re.compile(r"[。！？!?…]+[”’」』)）\"]*")

_REVIEW = re.compile(r"回顾|工作总结|取得的?成就|发展成就|过去[一五十]?年|工作的?回顾|首先报告")
_OTHER = re.compile(
    r"自身建设|政府建设|治理能力|作风建设|外交|国防|港澳|台湾|祖国(和平)?统一|结束语|注释|附注|名词解释"
)
_PLAN = re.compile(r"今年|明年|重点工作|主要任务|工作任务|工作安排|总体部署|总体要求|建议|目标|部署|政策取向")


def parse_report(
    text: str,
    *,
    region: str,
    year: int,
    source: str | None = None,
    sha256: str | None = None,
    encoding: str | None = None,
) -> Report:
    """Parse report text into a :class:`Report` (header, heading tree, paragraphs, sentences)."""
    year = int(year)
    if not text.strip():
        raise PolicydiffError(f"{source or region + '/' + str(year)}: report has no text")
    norm = fold_width(text)
    lines = list(_iter_lines(norm))
    body_from = _body_start(norm, lines)
    meta = _parse_header(norm[: lines[body_from][0]] if body_from < len(lines) else "", year)
    for m in _TOO_LONG.finditer(norm):
        meta.warnings.append(f"a {len(m.group())}-digit number at offset {m.start()} is not read as a figure")
    meta.encoding = encoding

    paragraphs: list[Paragraph] = []
    for start, end in lines[body_from:]:
        paragraphs.append(Paragraph(text=text[start:end], start=start, end=end, index=len(paragraphs)))
    if not paragraphs:
        raise PolicydiffError(f"{source or region + '/' + str(year)}: report has a header but no body")

    sentences: list[Sentence] = []
    for para in paragraphs:
        for s, e in split_sentences(norm, para.start, para.end):
            sent = Sentence(text=text[s:e], start=s, end=e, paragraph=para.index)
            para.sentences.append(sent)
            sentences.append(sent)

    preamble, parts = _build_tree(text, norm, paragraphs)
    _classify_parts(parts, year, norm, paragraphs)
    for sec in [preamble, *[s for p in parts for s in p.walk()]]:
        path = _path_labels(sec, parts)
        for pi in sec.paragraphs:
            paragraphs[pi].section_id = sec.id
            for sent in paragraphs[pi].sentences:
                sent.section_id = sec.id
                sent.section_path = path
    return Report(
        region=region,
        year=year,
        text=text,
        meta=meta,
        parts=parts,
        preamble=preamble,
        paragraphs=paragraphs,
        sentences=sentences,
        source=source,
        sha256=sha256,
    )


#: A year in a file name, with the words that name a report around it (保定市2016年政府工作报告).
_NAMED_YEAR = re.compile(r"(?<!\d)(?:19[5-9]\d|20\d\d)(?!\d)年?(?:度)?")
_REPORT_WORDS = re.compile(r"(?:人民)?政府工作报告|工作报告|报告|[-_.·\s（）()]+")


def region_of_name(path: str | Path) -> str:
    """The region a report file's name gives: its folder for ``<region>/<year>.txt``, else the name without its
    year and the words that say it is a report, else the name as it is.

    >>> region_of_name("corpora/hubei/2025.txt"), region_of_name("保定市2016年政府工作报告.txt")
    ('hubei', '保定市')
    >>> region_of_name("保定市/2016年政府工作报告.txt"), region_of_name("shijiazhuang_2025.docx")
    ('保定市', 'shijiazhuang')
    >>> region_of_name("a.txt")
    'a'
    """
    p = Path(path)
    if not _NAMED_YEAR.search(p.stem):
        return p.stem
    rest = _REPORT_WORDS.sub("", _NAMED_YEAR.sub("", p.stem, count=1))
    if rest:
        return rest
    return p.parent.name or p.stem


def load_report(path: str | Path, *, region: str | None = None, year: int | None = None) -> Report:
    """Read and parse a report file; region and year default to the file's name (:func:`region_of_name`; the
    year is the one the name holds, as in ``<region>/<year>.txt`` or ``保定市2016年政府工作报告.txt``).

    A file named otherwise needs ``year`` (or a header date to take it from).
    """
    decoded: DecodedText = read_text(path)
    p = Path(path)
    year = int(year) if year is not None else None  # "2013" from a command line or a table
    if region is None:
        region = region_of_name(p)
    if year is None:
        m = re.search(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)", p.stem)
        if m:
            year = int(m.group(1))
        else:
            head = _parse_header(fold_width(decoded.text[:2000]), 0)
            if head.date is None:
                raise PolicydiffError(f"{path}: cannot tell the report's year (name the file <region>/<year>.txt)")
            year = int(head.date[:4])
    report = parse_report(
        decoded.text, region=region, year=year, source=str(path), sha256=decoded.sha256, encoding=decoded.encoding
    )
    report.meta.warnings[:0] = list(decoded.warnings)
    return report


def _iter_lines(norm: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line, trimmed of surrounding white space."""
    pos = 0
    for line in norm.splitlines(keepends=True):
        s, e = pos, pos + len(line.rstrip("\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029"))
        pos += len(line)
        while s < e and norm[s] in _WS:
            s += 1
        while e > s and norm[e - 1] in _WS:
            e -= 1
        if s < e:
            yield s, e


def _body_start(norm: str, lines: list[tuple[int, int]]) -> int:
    """Index of the first body line: the 各位代表 address line near the top, else 0 (no header)."""
    for i, (s, e) in enumerate(lines[:40]):
        if _ADDRESS.match(norm[s:e]):
            return i
    return 0


def split_sentences(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans in ``norm[start:end]``: split after 。！？ (with closing quotes), never inside numbers.

    >>> t = "增长4.5%。力争6%-6.5%，粮食1.3万亿斤！剩余"
    >>> [t[s:e] for s, e in split_sentences(t, 0, len(t))]
    ['增长4.5%。', '力争6%-6.5%，粮食1.3万亿斤！', '剩余']
    """
    spans = []
    s = start
    for m in _SENT_END.finditer(norm, start, end):
        e = m.end()
        if norm[s:e].strip(_WS):
            spans.append(_trim(norm, s, e))
        s = e
    if s < end and norm[s:end].strip(_WS):
        spans.append(_trim(norm, s, end))
    return spans


def _trim(norm: str, s: int, e: int) -> tuple[int, int]:
    while s < e and norm[s] in _WS:
        s += 1
    while e > s and norm[e - 1] in _WS:
        e -= 1
    return s, e


# --- header ---------------------------------------------------------------

_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_MEETING = re.compile(
    r"(?:在)?([^\s在]*?第[一二三四五六七八九十]+届[^\s]*?(?:人民代表大会|人大)[^\s]*?第[一二三四五六七八九十]+次会议)"
)
_SPEAKER = re.compile(
    r"((?:国务院|[^\s—]*?人民政府|[^\s—]*?政府)[^\s—]{0,6}?(?:总理|省长|市长|区长|县长|旗长|州长|盟长|主席))\s*([^\s\d]{2,4})"
)


def _parse_header(header: str, year: int) -> ReportMeta:
    meta = ReportMeta()
    if not header.strip():
        return meta
    flat = re.sub(r"\s*\n\s*", "\n", header.strip())
    unspaced = [re.sub(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])", "", ln) for ln in flat.split("\n")]
    heads = [re.split(r"\s*[—-]{2}", ln)[0] for ln in unspaced]
    meta.title = next((h for h in heads if "报告" in h and len(h) <= 40 and not _DATE.search(h)), None)
    joined = flat.replace("\n", "")
    m = _DATE.search(joined)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        meta.date = f"{y:04d}-{mo:02d}-{d:02d}"
        if year and y != year:
            meta.warnings.append(
                f"header date {meta.date} disagrees with the report year {year}; the corpus key is used"
            )
    m = _MEETING.search(joined)
    if m:
        meta.meeting = m.group(1)
        loc = re.match(r"(.*?)第[一二三四五六七八九十]+届", meta.meeting)
        if loc and loc.group(1):
            meta.region_name = loc.group(1)
            meta.meeting = meta.meeting[len(loc.group(1)) :]
    for line in flat.split("\n"):
        m = _SPEAKER.search(line)
        if m and m.end() == len(line.rstrip()):
            meta.office, meta.speaker = m.group(1), m.group(2)
            break
    if meta.office:
        if meta.office.startswith("国务院"):
            meta.region_name = "中华人民共和国"
        elif not meta.region_name:
            gov = re.match(r"(.+?)人民政府", meta.office)
            meta.region_name = gov.group(1) if gov else None
    return meta


# --- heading tree ---------------------------------------------------------


def _heading_at(norm: str, para: Paragraph, expect_part: int, expect_sub: int, expect_num: int):
    """Recognise a heading at the start of a paragraph: (level, marker, title_end) or None.

    Ordinals must continue the current sequence (一、 after 一、 is prose, not a heading),
    which keeps enumerations inside paragraphs out of the tree.
    """
    s, e = para.start, para.end
    line = norm[s:e]
    first_end = para.sentences[0].end if para.sentences else e
    m = _PART.match(line) or _CHAPTER.match(line)
    # …or an excerpt's first part, when its title names a year's work (二、2025年工作总体要求和主要目标 alone)
    late = m is not None and expect_part == 1 and bool(_PART_OF_YEAR.match(line, m.end()))
    if m and (cn_ordinal(m.group(1)) == expect_part or late) and len(line) <= 60 and not line.endswith("。"):
        return 1, line[: m.end()].strip(), s + m.end(), e
    m = _SUB.match(line)
    if m and cn_ordinal(m.group(1)) in (expect_sub, 1):
        return 2, line[: m.end()].strip(), s + m.end(), _title_end(s + m.end(), first_end, e)
    m = _NUM.match(line)
    if m and expect_sub > 1:
        n = int(m.group(1) or m.group(2))
        if n in (expect_num, 1):
            return 3, line[: m.end()].strip(), s + m.end(), _title_end(s + m.end(), first_end, e)
    m = _DASH.match(line)
    if m and len(para.sentences) >= 1:
        end = _title_end(s + m.end(), first_end, e)
        if end - s <= 60:
            return 4, "——", s + m.end(), end
    if len(para.sentences) >= 2 and _is_lead_sentence(norm[s:first_end]):
        return 4, "", s, first_end
    return None


def _title_end(title_start: int, first_end: int, para_end: int) -> int:
    """A heading's title runs to the end of its first sentence, or of the line."""
    return first_end if first_end > title_start else para_end


def _is_lead_sentence(sent: str) -> bool:
    """A short programmatic first sentence such as 聚焦传统产业提升新能级。 (no comma, no number)."""
    body = sent.rstrip("。:：")
    return (
        sent.endswith("。")
        and 5 <= len(body) <= 24
        and not re.search(r"[,，、;；:：\d]", body)
        and not re.search(r"(?<![一二三四五六七八九十])是", body)  # 规划是今年的重大任务 is a sentence
        and not body.startswith(("各位代表", "我们", "这", "但", "同时", "其中", "今年", "过去"))
    )


def _plain_kind(line: str) -> str | None:
    """What a short line without any marker or sentence punctuation is, when it is a heading.

    ``notes`` (注释, ※名词解释※), ``annex`` (附件), ``closer`` (结束语) or ``part`` (a top-level
    heading published without 一、: 2024年工作回顾); None for anything else.

    >>> [_plain_kind(t) for t in ("※名词解释※", "附件", "2024年工作回顾", "全面推进乡村振兴。", "一、回顾")]
    ['notes', 'annex', 'part', None, None]
    """
    if not 2 <= len(line) <= 40 or re.search(r"[,，。;；:：!！?？]", line.rstrip(":：")):
        return None
    if _PART.match(line) or _SUB.match(line) or _NUM.match(line) or _DASH.match(line) or _ADDRESS.match(line):
        return None
    if _CHAPTER.match(line) or not re.search(r"[\u4e00-\u9fff]", line):
        return None
    bare = _DECOR.sub("", line).rstrip(":：")
    if _NOTES.fullmatch(bare):
        return "notes"
    if _ANNEX.fullmatch(bare):
        return "annex"
    if _CLOSER.fullmatch(bare):
        return "closer"
    return None if line.endswith((":", "：")) else "part"  # 重点抓好八个方面工作： introduces a list


def _plain_headings(norm: str, paragraphs: list[Paragraph]) -> tuple[dict[int, str], bool]:
    """Paragraphs that are unmarked top-level headings, and whether marked parts nest under them.

    A report whose first top-level heading carries no 一、 (xizang/2025: 2024年工作回顾) has unmarked
    parts; when two or more such headings come before the first 一、, the 一、 headings that follow are
    sub-sections of them (neimenggu/2026). A single unmarked heading before 一、 is a sibling part
    (national/2002: 首先报告2001年的工作). After the first marked part only appendix-like lines
    (注释, 附件, 结束语) start parts.
    """
    kinds: dict[int, str] = {}
    for i, para in enumerate(paragraphs):
        if len(para.sentences) != 1:
            continue
        kind = _plain_kind(norm[para.start : para.end])
        if kind is None:
            continue
        follows = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
        if kind == "part" and (follows is None or i == 0):
            continue  # a heading has a body after it; the first body line is the opening
        kinds[i] = kind
    first_marked = next(
        (
            p.index
            for p in paragraphs
            if (m := _PART.match(norm[p.start : p.end]) or _CHAPTER.match(norm[p.start : p.end]))
            and cn_ordinal(m.group(1)) == 1
        ),
        len(paragraphs),
    )
    before = [i for i, k in kinds.items() if k == "part" and i < first_marked]
    nest = len(before) >= 2
    keep = {}
    for i, k in kinds.items():
        if k != "part" or i < first_marked and (nest or len(before) == 1) or nest:
            keep[i] = k
        elif i > 0 and kinds.get(i - 1) == "annex":
            keep[i] = k  # 附件 / 2026年自治区民生实事
    return keep, nest


def _build_tree(text: str, norm: str, paragraphs: list[Paragraph]) -> tuple[Section, list[Section]]:
    preamble = Section(
        id="0",
        level=0,
        marker="",
        title="",
        start=paragraphs[0].start,
        end=paragraphs[0].start,
        heading_end=paragraphs[0].start,
    )
    parts: list[Section] = []
    stack: list[Section] = [preamble]  # innermost open section last
    counters = {1: 0, 2: 0, 3: 0}
    plain, nest = _plain_headings(norm, paragraphs)
    shift = 0  # marked headings sit one level down under unmarked parts that hold them (nest)
    title_lines: set[int] = set()
    for para in paragraphs:
        line = norm[para.start : para.end]
        if para.index in title_lines:
            stack[-1].paragraphs.append(para.index)
            continue
        plain_kind = plain.get(para.index)
        if plain_kind is not None and (parts or plain_kind == "part"):
            marker, title_para = "", para
            nxt = para.index + 1
            if plain_kind == "annex" and plain.get(nxt) == "part" or plain.get(nxt) == "notes":
                marker, title_para = text[para.start : para.end].strip(_WS), paragraphs[nxt]
                plain_kind = plain.get(nxt) if plain_kind == "annex" else plain_kind
                title_lines.add(nxt)
            sec = Section(
                id=str(len(parts) + 1),
                level=1,
                marker=marker,
                title=text[title_para.start : title_para.end].strip(_WS).rstrip(":："),
                start=para.start,
                end=title_para.end,
                heading_end=title_para.end,
                kind="notes" if plain_kind == "notes" else "",
            )
            parts.append(sec)
            stack = [sec]
            counters = {1: 0 if nest else counters[1], 2: 0, 3: 0}
            shift = 1 if nest else 0
            sec.paragraphs.append(para.index)
            continue
        found = _heading_at(norm, para, counters[1] + 1, counters[2] + 1, counters[3] + 1)
        if found and not parts and (found[0] in (2, 3) or (found[0] == 4 and found[1] != "——")):
            found = None  # before any part, (一) is an enumeration and a short sentence just a sentence
        if found is None:
            # A body paragraph belongs to the innermost open section above lead level; an address to
            # the delegates (各位代表！) closes the sub-sections and speaks for the whole part.
            floor = (1 if _ADDRESS.match(line) else 3) + shift
            while len(stack) > 1 and stack[-1].level > floor:
                stack.pop()
            stack[-1].paragraphs.append(para.index)
            stack[-1].end = para.end
            _extend(stack, para.end)
            continue
        mlevel, marker, title_start, title_end = found
        level = mlevel + shift
        title = text[title_start:title_end].strip(_WS).rstrip("。.:：;；")
        while len(stack) > 1 and stack[-1].level >= level:
            stack.pop()
        parent = stack[-1]
        if mlevel == 1:
            ordinal = _PART.match(marker) or _CHAPTER.match(marker)
            said = cn_ordinal(ordinal.group(1)) if ordinal else None
            counters = {1: said if said is not None else counters[1] + 1, 2: 0, 3: 0}
        elif mlevel == 2:
            sub = _SUB.match(norm[para.start :])
            counters[2] = 1 if sub is not None and cn_ordinal(sub.group(1)) == 1 else counters[2] + 1
            counters[3] = 0
        elif mlevel == 3:
            m = _NUM.match(norm[para.start :])
            counters[3] = int(m.group(1) or m.group(2)) if m is not None else counters[3] + 1
        if level == 1:
            sec_id = str(len(parts) + 1)
        else:
            sec_id = (
                f"{parent.id}.{len(parent.children) + 1}" if parent is not preamble else f"0.{len(parent.children) + 1}"
            )
        sec = Section(
            id=sec_id,
            level=level,
            marker=marker,
            title=title.strip(),
            start=para.start,
            end=para.end,
            heading_end=title_end,
        )
        if level == 1:
            parts.append(sec)
            stack = [sec]
        else:
            parent.children.append(sec)
            stack.append(sec)
        sec.paragraphs.append(para.index)
        _extend(stack, para.end)
    return preamble, parts


def _extend(stack: list[Section], end: int) -> None:
    for sec in stack:
        sec.end = max(sec.end, end)


# Cues in a part's body that tell a review from a plan when its heading does not: words of the past
# (一年来, 初步统计, 同比) and of the plan (今年, 力争, 预期目标), plus the years the part names.
_PAST_WORDS = re.compile(r"一年来|五年来|过去一年|过去五年|去年|初步统计|初步核算|同比|比上年|较上年|上年")
_PLAN_WORDS = re.compile(r"今年|明年|预期目标|主要目标|力争|争取|确保|拟安排|要坚持|要加快|将继续")
_YEAR_IN_TEXT = re.compile(r"(?<!\d)((?:19|20)\d\d)年")


def _kind_from_content(body: str, year: int) -> str | None:
    """review or plan from the words and years of a part's body, or None when they do not decide.

    >>> _kind_from_content("一年来，我们坚持稳中求进。初步统计，2024年全省地区生产总值增长5.5%。", 2025)
    'review'
    >>> _kind_from_content("今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。力争完成。", 2025)
    'plan'
    """
    years = [int(y) for y in _YEAR_IN_TEXT.findall(body)]
    past = len(_PAST_WORDS.findall(body)) + sum(1 for y in years if y < year)
    plan = len(_PLAN_WORDS.findall(body)) + sum(1 for y in years if y >= year)
    if past >= 2 and past >= 2 * plan:
        return "review"
    if plan >= 2 and plan >= 2 * past:
        return "plan"
    return None


def _kind_from_heading(title: str, year: int) -> str | None:
    if _REVIEW.search(title) and not re.search(r"目标任务|今年.*(任务|建议)", title):
        return "review"
    if _OTHER.search(title):
        return "other"
    if _PLAN.search(title):
        return "plan"
    years = [int(y) for y in _YEAR_IN_TEXT.findall(title)]
    if years:
        return "review" if max(years) < year else "plan"
    return None


def _classify_parts(parts: list[Section], year: int, norm: str, paragraphs: list[Paragraph]) -> None:
    """Each part's kind (review / plan / other / notes) and the years it speaks of.

    The heading decides where it says (回顾, 目标, 2024年…); otherwise the body does (see
    :func:`_kind_from_content`); a part that neither decides is a plan after the first part.
    """
    for i, part in enumerate(parts):
        if part.kind == "notes":
            part.years = ()
        else:
            body = "".join(
                norm[paragraphs[pi].start : paragraphs[pi].end] for sec in part.walk() for pi in sec.paragraphs
            )
            kind = _kind_from_heading(part.title, year)
            if kind is None:
                kind = _kind_from_content(body, year)
            if kind is None:
                kind = "review" if i == 0 and re.search(r"一年来|过去", part.title) else "plan"
            part.kind = kind
            part.years = _part_years(part.title, part.kind, year, body)
        for sec in part.walk():
            sec.kind, sec.years = part.kind, part.years


#: The first year of each five-year plan, by its short name.
FIVE_YEAR_PLANS = {
    "八五": 1991,
    "九五": 1996,
    "十五": 2001,
    "十一五": 2006,
    "十二五": 2011,
    "十三五": 2016,
    "十四五": 2021,
    "十五五": 2026,
}


def _part_years(title: str, kind: str, year: int, body: str = "") -> tuple[int, ...]:
    """The years a part covers, from its title, else from its body's opening, else from its kind.

    >>> _part_years("“十二五”时期和2015年工作回顾", "review", 2016)
    (2011, 2012, 2013, 2014, 2015)
    >>> _part_years("过去五年工作回顾", "review", 2013)
    (2008, 2009, 2010, 2011, 2012)
    >>> _part_years("关于《国民经济和社会发展第十一个五年规划纲要（草案）》的说明", "plan", 2006)
    (2006, 2007, 2008, 2009, 2010)
    """
    years = {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)年", title)}
    title = re.sub(r"第([一二三四五六七八九十]{1,3})个五年(?:规划|计划)", r"\1五", title)  # 第十一个五年规划: 十一五
    plans = [FIVE_YEAR_PLANS[p] for p in re.findall(r"([八九]五|十[一二三四五]?五)", title) if p in FIVE_YEAR_PLANS]
    if plans:
        first = min(plans) if kind == "review" else max(plans)
        years |= set(range(first, first + 5))
    if "今年" in title:
        years.add(year)
    if years:
        return tuple(sorted(years))
    if kind == "review" and re.search(r"五年来|过去五年|十[一二三四五]?五.{0,2}时期", body[:300]):
        return tuple(range(year - 5, year))
    if kind == "review":
        m = re.search(r"过去([一二三四五六七八九十]+)年", title)
        n = cn_ordinal(m.group(1)) if m else 1
        return tuple(range(year - (n or 1), year))
    if kind == "plan":
        return (year,)
    return ()


def _path_labels(sec: Section, parts: list[Section]) -> tuple[str, ...]:
    if sec.id == "0" or sec.id.startswith("0."):
        return ()
    labels = []
    node_list = parts
    ids = sec.id.split(".")
    node = None
    for depth in range(len(ids)):
        node = node_list[int(ids[depth]) - 1]
        labels.append(node.heading)
        node_list = node.children
    return tuple(labels)
