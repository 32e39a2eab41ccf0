"""Reports as published: .docx (Word automatic numbering written out) and .pdf with a text layer.

The test files are built here: a .docx is a ZIP of a few XML parts, a PDF a few hundred bytes of
PDF syntax with a CJK font whose ToUnicode map gives the text layer (as in real government PDFs).
The real report used is Dongsheng 2020 (bundled): laid out as Word and as PDF, it must read back to
the same text line for line and give the same records.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner

from policydiff import Corpus, PolicydiffError, load_report
from policydiff.cli import cli
from policydiff.extract import extract
from policydiff.readers import docx_text, format_number, pdf_text

from .conftest import BUNDLED

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DONGSHENG = BUNDLED / "dongsheng" / "2020.txt"


# ---------------------------------------------------------------------------
# Building .docx files
# ---------------------------------------------------------------------------


def numbering_xml(abstract: dict[str, list[tuple[str, str, int]]], nums: dict[str, tuple[str, dict[int, int]]]) -> str:
    """abstract: id -> levels (numFmt, lvlText, start); nums: numId -> (abstractNumId, {ilvl: startOverride})."""
    out = [f'<w:numbering xmlns:w="{W}">']
    for aid, levels in abstract.items():
        out.append(f'<w:abstractNum w:abstractNumId="{aid}">')
        for i, (fmt, text, start) in enumerate(levels):
            out.append(
                f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{escape(text)}"/><w:suff w:val="nothing"/></w:lvl>'
            )
        out.append("</w:abstractNum>")
    for nid, (aid, starts) in nums.items():
        over = "".join(
            f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="{v}"/></w:lvlOverride>' for i, v in starts.items()
        )
        out.append(f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{over}</w:num>')
    return "".join(out) + "</w:numbering>"


def para(text: str = "", num: tuple[int, int] | None = None, style: str | None = None, runs: str | None = None) -> str:
    """A w:p with an optional list (numId, ilvl) and paragraph style."""
    inner = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num:
        inner += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    ppr = f"<w:pPr>{inner}</w:pPr>" if inner else ""
    body = runs if runs is not None else f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    return f"<w:p>{ppr}{body}</w:p>"


def make_docx(paragraphs: list[str], numbering: str | None = None, styles: str | None = None) -> bytes:
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>'
        + "".join(paragraphs)
        + "<w:sectPr/></w:body></w:document>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/><Override '
            'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr("word/document.xml", document)
        if numbering:
            z.writestr("word/numbering.xml", numbering)
        if styles:
            z.writestr("word/styles.xml", styles)
    return buf.getvalue()


#: The list Chinese reports use: 一、 / (一) / 1.
REPORT_LIST = numbering_xml(
    {"0": [("chineseCounting", "%1、", 1), ("chineseCounting", "(%2)", 1), ("decimal", "%3.", 1)]},
    {"1": ("0", {})},
)
_MARKERS = [
    re.compile(r"^[一二三四五六七八九十]+、"),
    re.compile(r"^\([一二三四五六七八九十]+\)"),
    re.compile(r"^\d{1,2}\."),
]


def report_as_docx(text: str) -> bytes:
    """A report's lines as Word paragraphs, its heading markers turned into automatic numbering."""
    paragraphs = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        for level, marker in enumerate(_MARKERS):
            m = marker.match(line)
            if m:
                paragraphs.append(para(line[m.end() :], num=(1, level)))
                break
        else:
            paragraphs.append(para(line))
    return make_docx(paragraphs, REPORT_LIST)


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


# ---------------------------------------------------------------------------
# .docx
# ---------------------------------------------------------------------------


def test_word_numbering_is_written_into_the_text_as_a_reader_sees_it():
    numbering = numbering_xml(
        {
            "0": [("chineseCounting", "%1、", 1), ("chineseCounting", "（%2）", 1), ("decimal", "%3.", 1)],
            "1": [("ideographDigital", "第%1条", 9)],
            "2": [("chineseCountingThousand", "%1、", 1)],
        },
        {"1": ("0", {}), "2": ("1", {}), "3": ("0", {}), "4": ("2", {0: 11})},
    )
    doc = make_docx(
        [
            para("2019年工作回顾", (1, 0)),
            para("经济运行", (1, 1)),
            para("全年地区生产总值增长4.3%。"),
            para("产业", (1, 2)),
            para("投资", (1, 2)),
            para("民生", (1, 1)),
            para("就业", (1, 2)),  # a new (二) restarts the 1. level
            para("2020年重点工作", (3, 0)),  # another list of the same definition goes on counting: 二、
            para("总则", (2, 0)),
            para("附则", (2, 0)),
            para("目标", (4, 0)),  # startOverride 11
        ],
        numbering,
    )
    assert docx_text(doc).splitlines() == [
        "一、2019年工作回顾",
        "（一）经济运行",
        "全年地区生产总值增长4.3%。",
        "1.产业",
        "2.投资",
        "（二）民生",
        "1.就业",
        "二、2020年重点工作",
        "第九条总则",
        "第一〇条附则",
        "十一、目标",
    ]


def test_numbering_from_a_paragraph_style_and_a_tab_after_the_number():
    styles = (
        f'<w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="5"/>'
        '</w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="H1"/></w:style>'
        "</w:styles>"
    )
    numbering = (
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="5"><w:abstractNumId w:val="7"/></w:num></w:numbering>'
    )
    doc = make_docx([para("稳增长", style="H1"), para("正文。"), para("促改革", style="H1b")], numbering, styles)
    # the default suffix is a tab: after "1." the reader sees a gap, written as one space
    assert docx_text(doc).splitlines() == ["1. 稳增长", "正文。", "2. 促改革"]


def test_deleted_hidden_and_field_code_text_is_left_out_tables_and_breaks_kept():
    runs = (
        "<w:r><w:t>主要预期目标是：</w:t></w:r>"
        "<w:del><w:r><w:delText>删去的话</w:delText></w:r></w:del>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的话</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        "<w:ins><w:r><w:t>地区生产总值增长4%左右</w:t></w:r></w:ins><w:r><w:br/><w:t>第二行。</w:t></w:r>"
    )
    table = "<w:tbl><w:tr><w:tc>" + para("指标") + "</w:tc><w:tc>" + para("4%") + "</w:tc></w:tr></w:tbl>"
    assert docx_text(make_docx([para(runs=runs), table, para("   ")])) == (
        "主要预期目标是：地区生产总值增长4%左右\n第二行。\n指标\n4%\n"
    )


def test_word_number_formats():
    assert [format_number(n, "chineseCounting") for n in (1, 10, 11, 20, 21, 100, 101, 110)] == [
        "一", "十", "十一", "二十", "二十一", "一百", "一百零一", "一百一十",
    ]  # fmt: skip
    assert format_number(1234, "chineseCountingThousand") == "一千二百三十四"
    assert format_number(2020, "ideographDigital") == "二〇二〇"
    assert format_number(3, "chineseLegalSimplified") == "叁"
    assert format_number(2, "ideographTraditional") == "乙"
    assert format_number(7, "decimalFullWidth") == "７"
    assert format_number(3, "unknownFormat") == "3"


def test_a_real_report_as_word_reads_back_line_for_line_with_the_same_records(tmp_path):
    original = DONGSHENG.read_text(encoding="utf-8")
    path = tmp_path / "dongsheng" / "2020.docx"
    path.parent.mkdir()
    path.write_bytes(report_as_docx(original))
    assert lines_of(docx_text(path.read_bytes())) == lines_of(original)

    from_word, from_text = load_report(path), load_report(DONGSHENG)
    assert (from_word.region, from_word.year, from_word.meta.encoding) == ("dongsheng", 2020, "docx")
    assert [(p.marker, p.title, p.kind) for p in from_word.parts] == [
        (p.marker, p.title, p.kind) for p in from_text.parts
    ]
    assert [p.marker for p in from_word.parts] == ["一、", "二、", "三、"]
    subsections = [s.marker for s in from_word.parts[1].children if s.level == 2]
    assert subsections == ["(一)", "(二)", "(三)", "(四)", "(五)", "(六)"]

    def key(r):
        return (r.kind, r.year, r.indicator, r.value, r.unit, r.qualifier, r.headline)

    records = extract(from_word)
    assert [key(r) for r in records] == [key(r) for r in extract(from_text)]
    gdp = next(r for r in records if r.headline and r.metric == "gdp.growth")
    assert (gdp.value, gdp.unit, gdp.qualifier, gdp.year) == (4, "%", "左右", 2020)
    assert from_word.text[gdp.start : gdp.end] == "4%"  # offsets refer to the extracted text
    assert "地区生产总值增长4%左右" in gdp.sentence

    # the corpus picks the .docx up like a .txt, and `policydiff text` prints the text the offsets count
    corpus = Corpus([tmp_path], bundled=False, use_env=False)
    assert corpus.entry(2020, "dongsheng").path == path
    result = CliRunner().invoke(cli, ["text", str(path)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == from_word.text
    span = f"{gdp.start}:{gdp.end}"
    result = CliRunner().invoke(cli, ["--corpus", str(tmp_path), "text", "2020", "-r", "dongsheng", "--span", span])
    assert (result.exit_code, result.stdout) == (0, "4%\n")


@pytest.mark.parametrize(
    "data,message",
    [
        (b"plain text, not a zip", "not a Word .docx file (not a ZIP package)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "an old Word .doc file"),
        ("zip-without-document", "no word/document.xml"),
        ("doctype", "declares a DTD or entities"),
        ("broken-xml", "word/document.xml is not well-formed XML"),
        ("empty", "the document holds no text"),
    ],
)
def test_bad_docx_files_give_one_line_errors(tmp_path, data, message):
    if data == "zip-without-document":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("hello.txt", "hi")
        data = buf.getvalue()
    elif data == "doctype":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("word/document.xml", '<!DOCTYPE x [<!ENTITY a "aaaa">]><w:document/>')
        data = buf.getvalue()
    elif data == "broken-xml":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("word/document.xml", f'<w:document xmlns:w="{W}"><w:body><w:p>')
        data = buf.getvalue()
    elif data == "empty":
        data = make_docx([para("  ")])
    path = tmp_path / "2020.docx"
    path.write_bytes(data)
    with pytest.raises(PolicydiffError, match=re.escape(message)):
        load_report(path)
    result = CliRunner().invoke(cli, ["text", str(path)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr and "Traceback" not in result.stderr


# ---------------------------------------------------------------------------
# .pdf
# ---------------------------------------------------------------------------


def make_pdf(pages: list[list[tuple[float, float, str]]], font_size: float = 12.0) -> bytes:
    """A PDF whose pages draw (x, y, text) lines in a CJK font (Identity-H with a ToUnicode CMap, ASCII
    half an em wide), with a correct cross-reference table."""
    chars = sorted({ch for page in pages for _, _, text in page for ch in text})
    cmap = []
    for i in range(0, len(chars), 100):
        chunk = chars[i : i + 100]
        cmap += [f"{len(chunk)} beginbfchar", *(f"<{ord(c):04X}> <{ord(c):04X}>" for c in chunk), "endbfchar"]
    to_unicode = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        + "\n".join(cmap)
        + "\nendcmap CMapName currentdict /CMap defineresource pop end end\n"
    ).encode("ascii")
    objects: list[bytes] = [b"", b""]  # 1 catalog, 2 page tree: filled in at the end

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes) -> bytes:
        return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

    descriptor = add(
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 "
        b"/Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>"
    )
    cid_font = add(
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 /W [32 126 500] >>" % descriptor
    )
    tounicode = add(stream(to_unicode))
    font = add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
        b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid_font, tounicode)
    )
    kids = []
    for page in pages:
        ops = [
            f"BT /F1 {font_size:g} Tf 1 0 0 1 {x:g} {y:g} Tm <{''.join(f'{ord(c):04X}' for c in text)}> Tj ET"
            for x, y, text in page
        ]
        content = add(stream("\n".join(ops).encode("ascii")))
        kids.append(
            add(
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> "
                b"/Contents %d 0 R >>" % (font, content)
            )
        )
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _em(ch: str) -> float:
    return 0.5 if ch.isascii() else 1.0


def lay_out(
    blocks: list[tuple[str, str]], *, header: str = "东胜区政府工作报告", font_size: float = 12.0, bottom: float = 90.0
) -> list[list[tuple[float, float, str]]]:
    """Typeset blocks ("centre" or "body", text) on A4 pages as a word processor would: body paragraphs
    indented two characters on their first line and wrapped at the right margin (36 em), a running
    header on top of every page and the page number below."""
    left, top, lead, width = 72.0, 760.0, font_size * 1.5, 36.0
    lines: list[tuple[float, str]] = []
    for kind, text in blocks:
        if kind == "centre":
            lines.append((297.5 - sum(map(_em, text)) * font_size / 2, text))
            continue
        x, room, current = left + 2 * font_size, width - 2, ""
        for ch in text:
            if sum(map(_em, current)) + _em(ch) > room:
                lines.append((x, current))
                x, room, current = left, width, ""
            current += ch
        lines.append((x, current))
    pages: list[list[tuple[float, float, str]]] = [[]]
    y = top
    for x, text in lines:
        if y < bottom:
            pages.append([])
            y = top
        pages[-1].append((x, y, text))
        y -= lead
    for n, page in enumerate(pages, 1):
        page.insert(0, (297.5 - len(header) * font_size / 2, 800.0, header))
        page.append((285.0, 40.0, f"- {n} -"))
    return pages


def report_as_pdf(text: str) -> bytes:
    lines = lines_of(text)
    body = next(i for i, line in enumerate(lines) if line.startswith("各位代表"))
    return make_pdf(lay_out([("centre", line) for line in lines[:body]] + [("body", line) for line in lines[body:]]))


def test_a_real_report_as_pdf_reads_back_paragraph_for_paragraph(tmp_path):
    pytest.importorskip("pypdf", reason="the pdf extra (pypdf) is not installed")
    original = DONGSHENG.read_text(encoding="utf-8")
    pdf = report_as_pdf(original)
    pages = lay_out([("body", line) for line in lines_of(original)])
    assert len(pages) > 10  # paragraphs run across pages, under running headers and over page numbers
    path = tmp_path / "dongsheng" / "2020.pdf"
    path.parent.mkdir()
    path.write_bytes(pdf)

    report = load_report(path)
    assert lines_of(report.text) == lines_of(original)  # no header, no page number, no broken paragraph
    assert "东胜区政府工作报告" not in report.text and "- 3 -" not in report.text
    assert report.meta.encoding == "pdf" and report.meta.speaker == load_report(DONGSHENG).meta.speaker
    gdp = next(r for r in extract(report) if r.headline and r.metric == "gdp.growth")
    assert (gdp.value, gdp.unit, gdp.qualifier, gdp.year) == (4, "%", "左右", 2020)
    assert report.text[gdp.start : gdp.end] == "4%"

    assert Corpus([tmp_path], bundled=False, use_env=False).entry(2020).path == path
    result = CliRunner().invoke(cli, ["text", str(path)])
    assert (result.exit_code, result.stdout) == (0, report.text)


def test_pdf_page_numbers_and_running_footers_of_other_shapes(tmp_path):
    pytest.importorskip("pypdf", reason="the pdf extra (pypdf) is not installed")
    body = ["一、过去一年工作回顾", "全年粮食产量达到120万吨，比上年增长3.2%，连续五年稳定在百万吨以上。" * 6]
    body += ["二、今年工作安排", "粮食产量稳定在120万吨以上，新建高标准农田5万亩，农民收入增长7%左右。" * 6]
    pages = [page[1:-1] for page in lay_out([("body", t) for t in body], bottom=700)]  # pages of 5 lines
    assert len(pages) >= 3
    for n, page in enumerate(pages, 1):
        page += [(200.0, 60.0, "某县人民政府办公室"), (280.0, 40.0, f"第{n}页 共{len(pages)}页")]
    pages[1].append((300.0, 20.0, "ii"))  # a roman page number under them
    text, warnings = pdf_text(make_pdf(pages + [[]]))
    assert text.splitlines() == body
    assert warnings == [f"page(s) {len(pages) + 1} have no text layer"]


def test_pdf_errors_are_one_line(tmp_path, monkeypatch):
    not_pdf = tmp_path / "2020.pdf"
    not_pdf.write_bytes(b"hello, not a pdf at all")
    no_text = tmp_path / "scan" / "2021.pdf"
    no_text.parent.mkdir()
    no_text.write_bytes(make_pdf([[]]))
    runner = CliRunner()
    if "pypdf" in sys.modules or _has_pypdf():
        for path, message in ((not_pdf, "not a PDF file"), (no_text, "has no text layer (a scanned PDF needs OCR")):
            result = runner.invoke(cli, ["text", str(path)])
            assert result.exit_code == 2 and message in result.stderr, result.stderr
            assert result.stderr.count("\n") == 1
    monkeypatch.setitem(sys.modules, "pypdf", None)  # as if the extra were not installed
    result = runner.invoke(cli, ["text", str(no_text)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"policydiff: error: {no_text}: reading PDF needs the pdf extra: pip install 'policydiff[pdf]'\n"
    )


def _has_pypdf() -> bool:
    try:
        import pypdf  # noqa: F401
    except ImportError:
        return False
    return True


def test_a_text_file_beats_a_pdf_of_the_same_year_in_one_folder(tmp_path):
    folder = tmp_path / "dongsheng"
    folder.mkdir()
    (folder / "2020.pdf").write_bytes(b"%PDF-1.4 never read")
    (folder / "2020.txt").write_bytes(DONGSHENG.read_bytes())
    corpus = Corpus([tmp_path], bundled=False, use_env=False)
    assert corpus.entry(2020).path.name == "2020.txt"
    assert corpus.warnings == [
        f"{folder / '2020.pdf'}: dongsheng/2020 already found at {folder / '2020.txt'}; this one is not used"
    ]


def test_text_command_checks_its_span():
    result = CliRunner().invoke(cli, ["text", str(DONGSHENG), "--span", "9:2"])
    assert result.exit_code == 2 and "START <= END" in result.stderr
    result = CliRunner().invoke(cli, ["text", str(DONGSHENG), "--span", "0:99999999"])
    assert result.exit_code == 2 and "past its end" in result.stderr
    original = DONGSHENG.read_text(encoding="utf-8")
    at = original.index("地区生产总值增长4%左右")
    result = CliRunner().invoke(cli, ["text", str(DONGSHENG), "--span", f"{at}:{at + 12}"])
    assert (result.exit_code, result.stdout) == (0, "地区生产总值增长4%左右\n")
