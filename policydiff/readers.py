"""Reports as governments publish them: Word ``.docx`` and ``.pdf`` with a text layer.

Each reader turns the file into plain text, one paragraph a line, and that text is what policydiff
parses: every offset (sentences, records, quotes) refers to it, and ``policydiff text FILE`` prints
it, so every quote stays checkable. See docs/inputs.md.

- ``.docx`` is read with the standard library (``zipfile`` and ``xml.etree``): paragraphs in
  document order (table cells and text boxes too), tracked deletions, field codes and hidden text
  left out. Word's **automatic numbering** is written into the text as a reader sees it: a heading
  numbered by ``numbering.xml`` (``chineseCounting`` with ``%1、`` or ``（%1）``, ``decimal`` with
  ``%1.`` …) reads ``一、…``, ``（一）…``, ``1. …``, counted the way Word counts.
- ``.pdf`` needs the ``pdf`` extra (``pip install 'policydiff[pdf]'``, which brings pypdf). Lines are
  placed by their position on the page and joined into paragraphs (a paragraph starts on an
  indented line or after a line that stops short of the right margin); running headers and
  footers (the same line at the top or bottom of most pages) and page numbers are dropped. A PDF
  without a text layer (a scan) is refused: it needs OCR first.

It stays one module (over 500 lines) for one job, a published file to text, reached through
:func:`document_text`, with one block per format (.docx, then .pdf): they split cleanly there if either grows.

>>> _cn_counting(11), _cn_counting(20), _cn_counting(105), _ideograph_digital(10)
('十一', '二十', '一百零五', '一〇')
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

from .errors import InputError

#: File suffixes these readers handle.
SUFFIXES = (".docx", ".pdf")
#: Largest uncompressed XML part read from a .docx (a report's document.xml is well under 5 MB).
MAX_XML_BYTES = 64 * 1024 * 1024
#: Most pages read from a PDF.
MAX_PDF_PAGES = 2000


def document_text(data: bytes, *, suffix: str, name: str = "input") -> tuple[str, tuple[str, ...]]:
    """The text of a .docx or .pdf file's bytes and the warnings its reading gave
    (:func:`policydiff.textio.read_text` makes the :class:`~policydiff.textio.DecodedText` of it).

    Raises :class:`~policydiff.errors.InputError` (one line) for a file that is not what its suffix
    says, has no text, or needs a missing extra.
    """
    suffix = suffix.lower()
    warnings: list[str]
    if suffix == ".docx":
        text, warnings = docx_text(data, name=name), []
    elif suffix == ".pdf":
        text, warnings = pdf_text(data, name=name)
    else:
        raise InputError(f"{name}: no reader for {suffix or 'files without a suffix'} (.docx and .pdf are read)")
    if not text.strip():
        raise InputError(f"{name}: the document holds no text")
    return text, tuple(warnings)


# ---------------------------------------------------------------------------
# .docx
# ---------------------------------------------------------------------------

_W_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # strict OOXML
)
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def docx_text(data: bytes, *, name: str = "input") -> str:
    """The text of a .docx file: one paragraph a line, automatic numbering written out."""
    if data.startswith(_OLE_MAGIC):
        raise InputError(f"{name}: an old Word .doc file (or an encrypted .docx); save it as .docx or text first")
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputError(f"{name}: not a Word .docx file (not a ZIP package)") from None
    with package:
        main = _main_part(package, name)
        document = _xml_part(package, main, name)
        if document is None:
            raise InputError(f"{name}: not a Word .docx file (no {main})")
        ns = document.tag[1 : document.tag.index("}")] if document.tag.startswith("{") else ""
        if ns not in _W_NAMESPACES:
            raise InputError(f"{name}: not a Word .docx file (its main part is not WordprocessingML)")
        folder = main.rpartition("/")[0]
        numbering = _Numbering(_xml_part(package, f"{folder}/numbering.xml", name), ns)
        styles = _Styles(_xml_part(package, f"{folder}/styles.xml", name), ns)
    reader = _DocxReader(ns, numbering, styles)
    body = document.find(f"{{{ns}}}body")
    if body is None:
        raise InputError(f"{name}: not a Word .docx file (the document has no body)")
    lines = [line for line in reader.paragraphs(body) if line.strip()]
    return "\n".join(lines) + "\n" if lines else ""


def _main_part(package: zipfile.ZipFile, name: str) -> str:
    """The main document part named by [Content_Types].xml (word/document.xml as a rule)."""
    names = set(package.namelist())
    if "word/document.xml" in names:
        return "word/document.xml"
    types = _xml_part(package, "[Content_Types].xml", name)
    if types is not None:
        for override in types.iter():
            content = override.get("ContentType", "")
            if content.endswith("wordprocessingml.document.main+xml") or content.endswith(
                "wordprocessingml.document.macroEnabled.main+xml"
            ):
                part = override.get("PartName", "").lstrip("/")
                if part in names:
                    return part
    raise InputError(f"{name}: not a Word .docx file (no word/document.xml in the package)")


def _xml_part(package: zipfile.ZipFile, part: str, name: str) -> ET.Element | None:
    try:
        info = package.getinfo(part)
    except KeyError:
        return None
    if info.file_size > MAX_XML_BYTES:
        raise InputError(f"{name}: {part} is over {MAX_XML_BYTES // 2**20} MiB unpacked; refused")
    try:
        raw = package.read(info)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError) as exc:
        raise InputError(f"{name}: cannot unpack {part} ({exc})") from None
    if len(raw) > MAX_XML_BYTES:
        raise InputError(f"{name}: {part} is over {MAX_XML_BYTES // 2**20} MiB unpacked; refused")
    if b"<!DOCTYPE" in raw[:4096] or b"<!ENTITY" in raw[:65536]:
        raise InputError(f"{name}: {part} declares a DTD or entities, which Word never writes; refused")
    try:
        return ET.fromstring(raw)
    except ET.ParseError as exc:
        raise InputError(f"{name}: {part} is not well-formed XML ({exc})") from None


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None
    restart: int | None = None  # lvlRestart: None = after any higher level; 0 = never
    legal: bool = False
    suffix: str = "tab"


@dataclass
class _Num:
    abstract: str
    overrides: dict[int, _Level] = field(default_factory=dict)
    restarts: dict[int, int] = field(default_factory=dict)  # ilvl -> startOverride


class _Numbering:
    """numbering.xml: list definitions and the running counters Word keeps while laying out."""

    def __init__(self, root: ET.Element | None, ns: str) -> None:
        self.w = f"{{{ns}}}"
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.style_links: dict[str, str] = {}  # abstractNum id -> numStyleLink style id
        self.nums: dict[str, _Num] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.styles: _Styles | None = None
        if root is None:
            return
        w = self.w
        for absnum in root.findall(f"{w}abstractNum"):
            aid = absnum.get(f"{w}abstractNumId", "")
            levels = absnum.findall(f"{w}lvl")
            self.abstract[aid] = {_int(lvl.get(f"{w}ilvl"), 0): self._level(lvl) for lvl in levels}
            link = absnum.find(f"{w}numStyleLink")
            if link is not None and link.get(f"{w}val"):
                self.style_links[aid] = link.get(f"{w}val", "")
        for num in root.findall(f"{w}num"):
            nid = num.get(f"{w}numId", "")
            ref = num.find(f"{w}abstractNumId")
            entry = _Num(abstract=ref.get(f"{w}val", "") if ref is not None else "")
            for over in num.findall(f"{w}lvlOverride"):
                ilvl = _int(over.get(f"{w}ilvl"), 0)
                start = over.find(f"{w}startOverride")
                if start is not None:
                    entry.restarts[ilvl] = _int(start.get(f"{w}val"), 1)
                lvl = over.find(f"{w}lvl")
                if lvl is not None:
                    entry.overrides[ilvl] = self._level(lvl)
            self.nums[nid] = entry

    def _level(self, lvl: ET.Element) -> _Level:
        w = self.w

        def val(tag: str) -> str | None:
            el = lvl.find(f"{w}{tag}")
            return None if el is None else el.get(f"{w}val")

        legal = lvl.find(f"{w}isLgl")
        return _Level(
            start=_int(val("start"), 1),
            fmt=val("numFmt") or "decimal",
            text=val("lvlText"),
            restart=None if val("lvlRestart") is None else _int(val("lvlRestart"), 0),
            legal=legal is not None and legal.get(f"{w}val", "true") not in ("0", "false", "off"),
            suffix=val("suff") or "tab",
        )

    def _levels(self, num: _Num) -> dict[int, _Level]:
        levels = self.abstract.get(num.abstract, {})
        link = self.style_links.get(num.abstract)
        if link and self.styles is not None:  # the list is defined by a numbering style's own list
            linked = self.styles.numbering_of(link)
            if linked and linked[0] in self.nums and self.nums[linked[0]].abstract != num.abstract:
                levels = self.abstract.get(self.nums[linked[0]].abstract, levels)
        return {**levels, **num.overrides}

    def label(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """The number text of the next paragraph of list ``num_id`` at level ``ilvl`` and its suffix, or
        None when the list shows nothing (bullets, no list)."""
        num = self.nums.get(num_id)
        if num is None or num_id == "0":
            return None
        levels = self._levels(num)
        level = levels.get(ilvl)
        if level is None:
            return None
        key = f"num:{num_id}" if num.restarts else f"abs:{num.abstract}"
        counters = self.counters.get(key)
        if counters is None:
            counters = self.counters[key] = [None] * 10
        if not 0 <= ilvl < 9:
            return None
        current = counters[ilvl]
        first = num.restarts.get(ilvl, level.start)
        counters[ilvl] = first if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and ilvl + 1 <= restart):
                counters[deeper] = None
        if level.fmt == "bullet" or not level.text:  # bullets are not part of the text a parser needs
            return None

        def number(m: re.Match[str]) -> str:
            i = int(m.group(1)) - 1
            lv = levels.get(i, _Level())
            n = counters[i] if counters[i] is not None else num.restarts.get(i, lv.start)
            fmt = "decimal" if level.legal and i < ilvl and lv.fmt != "decimal" else lv.fmt
            return format_number(int(n or 0), fmt)

        text = re.sub(r"%([1-9])", number, level.text)
        return (text, level.suffix) if text else None


class _Styles:
    """styles.xml: the numbering a paragraph style gives (through its basedOn chain)."""

    def __init__(self, root: ET.Element | None, ns: str) -> None:
        w = f"{{{ns}}}"
        self.based_on: dict[str, str] = {}
        self.num: dict[str, tuple[str | None, int | None]] = {}
        if root is None:
            return
        for style in root.findall(f"{w}style"):
            sid = style.get(f"{w}styleId", "")
            based = style.find(f"{w}basedOn")
            if based is not None:
                self.based_on[sid] = based.get(f"{w}val", "")
            numpr = style.find(f"{w}pPr/{w}numPr")
            if numpr is not None:
                self.num[sid] = _num_pr(numpr, w)

    def numbering_of(self, style_id: str) -> tuple[str, int] | None:
        num_id: str | None = None
        ilvl: int | None = None
        seen: set[str] = set()
        sid: str | None = style_id
        while sid and sid not in seen:
            seen.add(sid)
            n, lvl = self.num.get(sid, (None, None))
            num_id = num_id if num_id is not None else n
            ilvl = ilvl if ilvl is not None else lvl
            sid = self.based_on.get(sid)
        return (num_id, ilvl or 0) if num_id is not None else None


def _num_pr(numpr: ET.Element, w: str) -> tuple[str | None, int | None]:
    nid = numpr.find(f"{w}numId")
    lvl = numpr.find(f"{w}ilvl")
    return (
        nid.get(f"{w}val") if nid is not None else None,
        _int(lvl.get(f"{w}val"), 0) if lvl is not None else None,
    )


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class _DocxReader:
    """Walks the body: paragraphs in order, with their list numbers."""

    def __init__(self, ns: str, numbering: _Numbering, styles: _Styles) -> None:
        self.w = f"{{{ns}}}"
        self.numbering = numbering
        self.styles = styles
        numbering.styles = styles
        w = self.w
        self.skip = {f"{w}{t}" for t in ("pPr", "rPr", "delText", "instrText", "del", "moveFrom", "fldData")}
        self.skip |= {f"{w}{t}" for t in ("footnoteReference", "endnoteReference", "commentReference", "sectPr")}

    def paragraphs(self, container: ET.Element) -> Iterator[str]:
        w = self.w
        for child in container:
            tag = child.tag
            if tag == f"{w}p":
                yield from self.paragraph(child)
            elif tag in self.skip:
                continue
            elif tag == f"{_MC}AlternateContent":
                choice = child.find(f"{_MC}Choice")
                yield from self.paragraphs(choice if choice is not None else child)
            else:  # tables, rows, cells, content controls, custom XML
                yield from self.paragraphs(child)

    def paragraph(self, p: ET.Element) -> Iterator[str]:
        pieces: list[str] = []
        nested: list[ET.Element] = []
        self._runs(p, pieces, nested)
        text = "".join(pieces)
        label = self._label(p)
        if label is not None and text.strip():
            number, suffix = label
            gap = "" if suffix == "nothing" or not number or not number[-1].isascii() else " "
            text = number + gap + text.lstrip()
        yield text
        for inner in nested:  # text boxes: their paragraphs after the one that anchors them
            yield from self.paragraphs(inner)

    def _label(self, p: ET.Element) -> tuple[str, str] | None:
        w = self.w
        ppr = p.find(f"{w}pPr")
        num_id: str | None = None
        ilvl: int | None = None
        if ppr is not None:
            numpr = ppr.find(f"{w}numPr")
            if numpr is not None:
                num_id, ilvl = _num_pr(numpr, w)
            style = ppr.find(f"{w}pStyle")
            if style is not None and (num_id is None or ilvl is None):
                inherited = self.styles.numbering_of(style.get(f"{w}val", ""))
                if inherited:
                    num_id = num_id if num_id is not None else inherited[0]
                    ilvl = ilvl if ilvl is not None else inherited[1]
        if num_id is None or num_id == "0":
            return None
        return self.numbering.label(num_id, ilvl or 0)

    def _runs(self, el: ET.Element, pieces: list[str], nested: list[ET.Element]) -> None:
        w = self.w
        for child in el:
            tag = child.tag
            if tag in self.skip:
                continue
            if tag == f"{w}t":
                pieces.append(child.text or "")
            elif tag == f"{w}r":
                rpr = child.find(f"{w}rPr")
                hidden = rpr.find(f"{w}vanish") if rpr is not None else None
                if hidden is not None and hidden.get(f"{w}val", "true") not in ("0", "false", "off"):
                    continue
                self._runs(child, pieces, nested)
            elif tag == f"{w}tab" or tag == f"{w}ptab":
                pieces.append("\t")
            elif tag in (f"{w}br", f"{w}cr"):
                pieces.append("\n")
            elif tag == f"{w}noBreakHyphen":
                pieces.append("-")
            elif tag == f"{w}txbxContent":
                nested.append(child)
            elif tag == f"{_MC}AlternateContent":
                choice = child.find(f"{_MC}Choice")
                self._runs(choice if choice is not None else child, pieces, nested)
            elif tag == f"{w}p":  # a paragraph inside a paragraph (text box markup): its own line
                nested.append(_wrap(child))
            else:
                self._runs(child, pieces, nested)


def _wrap(p: ET.Element) -> ET.Element:
    holder = ET.Element("holder")
    holder.append(p)
    return holder


# --- list number formats ------------------------------------------------------

_CN_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PARENTHESISED = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULL_STOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"


def _cn_counting(n: int, digits: str = _CN_DIGITS, units: str = "十百千") -> str:
    """Chinese counting numerals as Word writes them (十一, 二十, 一百零五) for 1..9999."""
    if n <= 0 or n >= 10000:
        return str(n)
    parts: list[str] = []
    zero = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d = n // power % 10
        if d:
            if zero and parts:
                parts.append(digits[0])
            zero = False
            parts.append(("" if (unit == units[0] and d == 1 and not parts) else digits[d]) + unit)
        elif parts:
            zero = True
    return "".join(parts)


def _ideograph_digital(n: int) -> str:
    return "".join("〇一二三四五六七八九"[int(c)] for c in str(n))


def _letters(n: int, upper: bool) -> str:
    if n <= 0:
        return str(n)
    ch = chr((ord("A") if upper else ord("a")) + (n - 1) % 26)
    return ch * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L")):
        out += sym * (n // value)
        n %= value
    for value, sym in ((40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        out += sym * (n // value)
        n %= value
    return out


def format_number(n: int, fmt: str) -> str:
    """A list counter in one of Word's number formats (``w:numFmt``); unknown formats as decimal.

    >>> [format_number(3, f) for f in ("decimal", "chineseCounting", "ideographDigital", "decimalEnclosedCircle")]
    ['3', '三', '三', '③']
    >>> format_number(12, "chineseCountingThousand"), format_number(4, "upperRoman"), format_number(2, "lowerLetter")
    ('十二', 'IV', 'b')
    """
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return _cn_counting(n)
    if fmt in ("ideographDigital", "taiwaneseDigital"):
        return _ideograph_digital(n)
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional"):
        return _cn_counting(n, _LEGAL_DIGITS, "拾佰仟")
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return _HEAVENLY_STEMS[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return _PARENTHESISED[n - 1]
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return _FULL_STOP[n - 1]
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "none":
        return ""
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperLetter", "lowerLetter"):
        return _letters(n, fmt == "upperLetter")
    if fmt in ("upperRoman", "lowerRoman"):
        r = _roman(n)
        return r if fmt == "upperRoman" else r.lower()
    return str(n)


# ---------------------------------------------------------------------------
# .pdf
# ---------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(
    r"^[\s\-—–·•]*(?:第\s*)?(?:\d{1,4}|[ivxlcdm]{1,6}|[IVXLCDM]{1,6})(?:\s*页)?"
    r"(?:\s*(?:/|of|共)\s*\d{1,4}\s*页?)?[\s\-—–·•]*$"
)


#: A line that stops short of the margin ends its paragraph when it ends with one of these.
_CLOSERS = "。！？!?；;：:…"


@dataclass
class _Line:
    x0: float
    x1: float
    y: float
    size: float
    text: str


def pdf_text(data: bytes, *, name: str = "input") -> tuple[str, list[str]]:
    """The text layer of a PDF as paragraphs (one a line), running headers/footers and page numbers
    dropped; and warnings (pages without text)."""
    try:
        import pypdf
    except ImportError:
        raise InputError(f"{name}: reading PDF needs the pdf extra: pip install 'policydiff[pdf]'") from None
    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF-" not in data[:1024]:
        raise InputError(f"{name}: not a PDF file (no %PDF header)")
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed-file chatter; failures raise below
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = bool(reader.decrypt(""))  # PasswordType.NOT_DECRYPTED is 0
            except Exception:  # noqa: BLE001 - pypdf raises several kinds (missing crypto, bad key)
                ok = False
            if not ok:
                raise InputError(f"{name}: the PDF is encrypted with a password; save an unprotected copy")
        pages = [_page_lines(page) for page in list(reader.pages)[:MAX_PDF_PAGES]]
    except InputError:
        raise
    except RecursionError:
        raise InputError(f"{name}: the PDF is too deeply nested to read") from None
    except Exception as exc:  # noqa: BLE001 - pypdf's errors on broken files are many and undocumented
        msg = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise InputError(f"{name}: cannot read the PDF ({msg})") from None
    warnings: list[str] = []
    if not any(pages):
        raise InputError(f"{name}: the PDF has no text layer (a scanned PDF needs OCR first)")
    empty = [str(i + 1) for i, lines in enumerate(pages) if not lines]
    if empty:
        warnings.append(f"page(s) {', '.join(empty[:10])}{' …' if len(empty) > 10 else ''} have no text layer")
    pages = _drop_furniture(pages)
    return _paragraphs(pages), warnings


def _page_lines(page) -> list[_Line]:
    """The lines of one page, top to bottom, each from the text pieces at the same height."""
    pieces: list[tuple[float, float, float, str]] = []

    def visit(text, cm, tm, font_dict, font_size):  # noqa: ARG001 - pypdf's visitor signature
        if not text or not text.strip():
            return
        a, b, c, d, e, f = _mult(tm, cm)
        scale = (abs(b) + abs(d)) or 1.0
        size = abs(font_size * scale) or 10.0
        for k, part in enumerate(text.split("\n")):
            if part.strip():
                pieces.append((e, f - k * size * 1.2, size, part))

    page.extract_text(visitor_text=visit)
    pieces.sort(key=lambda p: (-round(p[1], 1), p[0]))
    lines: list[_Line] = []
    for x, y, size, text in pieces:
        last = lines[-1] if lines else None
        if last is not None and abs(last.y - y) <= 0.4 * max(size, last.size):
            if x >= last.x1 - 0.5 * size:  # further right on the same line
                last.text += text
                last.x1 = max(last.x1, x + _width(text, size))
            else:
                last.text = text + last.text if x < last.x0 else last.text + text
                last.x0 = min(last.x0, x)
            continue
        lines.append(_Line(x0=x, x1=x + _width(text, size), y=y, size=size, text=text))
    for line in lines:
        line.text = line.text.strip()
    return [line for line in lines if line.text]


def _mult(m: list[float], n: list[float]) -> tuple[float, float, float, float, float, float]:
    return (
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    )


def _width(text: str, size: float) -> float:
    """Estimated width of a text piece: ASCII half an em, everything else (CJK, “”, ——) one em."""
    return sum(size * 0.5 if ch.isascii() else size for ch in text)


def _furniture_key(line: _Line) -> tuple[str, int]:
    """A line's text with its digits masked (第3页 and 第4页 alike) and its height on the page."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text)), round(line.y / 4)


def _drop_furniture(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Drop page numbers and running headers/footers, peeling lines off the top and the bottom of each
    page (three at most each way) while they are a page number, or a text (digits aside) that stands
    at the same height at the top or bottom of most pages."""
    edge = 3
    seen: Counter[tuple[str, int]] = Counter()
    for lines in pages:
        seen.update({_furniture_key(line) for line in lines[:edge] + lines[-edge:]})
    with_text = sum(1 for lines in pages if lines)
    repeated = {k for k, n in seen.items() if with_text >= 2 and n >= max(2, (with_text + 1) // 2)}

    def furniture(line: _Line) -> bool:
        return bool(_PAGE_NUMBER.match(line.text)) or _furniture_key(line) in repeated

    out = []
    for lines in pages:
        lo, hi = 0, len(lines)
        while lo < min(edge, hi) and furniture(lines[lo]):
            lo += 1
        while hi > max(lo, len(lines) - edge) and furniture(lines[hi - 1]):
            hi -= 1
        out.append(lines[lo:hi])
    return out


def _paragraphs(pages: list[list[_Line]]) -> str:
    """Lines joined into paragraphs. A paragraph starts on an indented line (or a centred one), after a
    line that stopped short of the right margin with closing punctuation (or well short of it), and
    after a gap wider than the usual line spacing."""
    lines = [line for page in pages for line in page]
    if not lines:
        return ""
    left = Counter(round(line.x0) for line in lines).most_common(1)[0][0]
    right = sorted(line.x1 for line in lines)[int(len(lines) * 0.9)]
    steps = [a.y - b.y for page in pages for a, b in zip(page, page[1:], strict=False) if a.y > b.y]
    leading = sorted(steps)[len(steps) // 2] if steps else 0.0
    paragraphs: list[str] = []
    prev: _Line | None = None
    prev_page = -1
    page_of = [i for i, page in enumerate(pages) for _ in page]
    for line, page_no in zip(lines, page_of, strict=True):
        size = line.size
        starts = prev is None or line.x0 > left + 0.8 * size or prev.x0 > left + 3 * prev.size
        if not starts and prev is not None:
            short = prev.x1 < right - 1.5 * prev.size
            starts = short and (prev.text[-1] in _CLOSERS or prev.x1 < left + 0.6 * (right - left))
            if page_no == prev_page and leading and prev.y - line.y > 1.4 * leading:
                starts = True
        if starts:
            paragraphs.append(line.text)
        else:
            tail, head = paragraphs[-1][-1:], line.text[:1]
            words = tail.isascii() and tail.isalpha() and head.isascii() and head.isalpha()
            paragraphs[-1] += (" " if words else "") + line.text
        prev, prev_page = line, page_no
    return "\n".join(paragraphs) + "\n"
