"""Reading report files: encodings, HTML, and refusing what is not text.

>>> decode_bytes("政府工作报告".encode("gb18030")).text
'政府工作报告'
>>> decode_bytes("\\ufeff各位代表".encode("utf-8")).encoding
'utf-8-sig'
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .errors import InputError, NotFoundError, PolicydiffError, show_path
from .readers import document_text

#: Files larger than this are refused rather than parsed (a report is ~20-100 kB).
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Line separators other than CR/LF (form feed, vertical tab, FS/GS/RS, NEL, U+2028/U+2029): each is
#: replaced by one "\n" when a file is decoded, so offsets stay exact and no blank "sentence" appears.
LINE_SEPARATORS = "\f\v\x1c\x1d\x1e\x85\u2028\u2029"
_TO_NEWLINE = str.maketrans(dict.fromkeys(LINE_SEPARATORS, "\n"))


@dataclass(frozen=True)
class DecodedText:
    """A file's text with how it was obtained."""

    text: str
    encoding: str
    sha256: str
    is_html: bool = False
    warnings: tuple[str, ...] = field(default_factory=tuple)


def _looks_like_chinese_text(text: str) -> bool:
    """True when a decoding produced plausible text (guards GB18030, which decodes almost anything)."""
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return True
    bad = sum(1 for c in non_ascii if "\ue000" <= c <= "\uf8ff" or c == "\ufffd")
    cjk = sum(
        1 for c in non_ascii if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
    )
    return bad == 0 and cjk / len(non_ascii) > 0.6


def _is_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(sample) * 0.02


def decode_bytes(data: bytes, *, name: str = "input") -> DecodedText:
    """Decode report bytes: UTF-8 (BOM or not), UTF-16 with BOM, GB18030/GBK; HTML reduced to text.

    Raises PolicydiffError for empty, binary or undecodable input.
    """
    digest = hashlib.sha256(data).hexdigest()
    warnings: list[str] = []
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE 00 00 starts both
        try:
            text, encoding = data.decode("utf-32"), "utf-32"
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: broken UTF-32 text ({exc.reason})") from None
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: broken UTF-16 text ({exc.reason})") from None
    elif _is_binary(data):
        raise InputError(f"{name}: looks like a binary file, not report text")
    else:
        text, encoding = _decode_8bit(data, name, warnings)
    if not text.strip():
        raise InputError(f"{name}: file is empty (white space only)")
    text = text.translate(_TO_NEWLINE)
    is_html = _looks_like_html(text)
    if is_html:
        text = html_to_text(text)
        if not text.strip():
            raise InputError(f"{name}: HTML page holds no text")
    return DecodedText(text=text, encoding=encoding, sha256=digest, is_html=is_html, warnings=tuple(warnings))


def _decode_8bit(data: bytes, name: str, warnings: list[str]) -> tuple[str, str]:
    try:
        return data.decode("utf-8-sig"), "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    except UnicodeDecodeError as exc:
        # A file cut off inside its last character: keep the rest, say so.
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            warnings.append(f"last {len(data) - exc.start} byte(s) were an incomplete UTF-8 character and were dropped")
            return data[: exc.start].decode("utf-8-sig"), "utf-8"
    if _looks_like_shift_jis(data):
        raise InputError(
            f"{name}: looks like Japanese Shift-JIS text, not a Chinese report (UTF-8 or GB18030/GBK expected)"
        )
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError(f"{name}: cannot decode as UTF-8 or GB18030/GBK") from None
    if not _looks_like_chinese_text(text):
        raise InputError(f"{name}: cannot decode as UTF-8 or GB18030/GBK (bytes do not form Chinese text)")
    return text, "gb18030"


def _looks_like_shift_jis(data: bytes) -> bool:
    """True when the bytes are valid Shift-JIS whose text is Japanese (kana among the non-ASCII).

    GBK text read as Shift-JIS gives half-width katakana pairs, never hiragana: kana of the main
    blocks (U+3040-U+30FF) in a fifth of the non-ASCII characters marks Japanese.

    >>> _looks_like_shift_jis("政府の活動報告です。".encode("shift_jis"))
    True
    >>> _looks_like_shift_jis("政府工作报告".encode("gbk"))
    False
    """
    try:
        text = data[:65536].decode("cp932")
    except UnicodeDecodeError:
        try:  # a cut inside the last character of the sample
            text = data[:65530].decode("cp932")
        except UnicodeDecodeError:
            return False
    non_ascii = [c for c in text if ord(c) > 127]
    kana = sum(1 for c in non_ascii if "\u3040" <= c <= "\u30ff")
    return bool(non_ascii) and kana / len(non_ascii) > 0.2


_HTML_SNIFF = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*|<!--.*?-->\s*)*(<!doctype html|<html|<head|<body|<meta|<p[ >]|<div)", re.I | re.S
)


def _looks_like_html(text: str) -> bool:
    """True for text that starts like an HTML page (after an XML declaration or comments).

    >>> _looks_like_html('<?xml version="1.0"?>\\n<!-- saved page -->\\n<html><p>一、</p></html>')
    True
    """
    return bool(_HTML_SNIFF.match(text[:65536]))


class _TextExtractor(HTMLParser):
    BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "title", "td"}
    SKIP = {"script", "style", "noscript", "template", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.in_title = False
        self.title = ""

    def handle_starttag(self, tag, attrs):  # noqa: D401 - HTMLParser API
        if tag in self.SKIP:
            self.skip_depth += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip_depth:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Reduce an HTML page to its visible text, one block a line; scripts and styles dropped.

    >>> html_to_text("<html><script>x()</script><p>一、回顾</p><p>正文&amp;</p></html>")
    '一、回顾\\n正文&'
    """
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = (line.strip() for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def read_text(path: str | os.PathLike) -> DecodedText:
    """Read and decode one report file, with one-line errors for every way that can fail.

    Only regular files are read (a FIFO, a device or a socket is refused before anything is read),
    and never more than :data:`MAX_FILE_BYTES`, whatever the file's size claims.
    """
    name = show_path(path)
    if isinstance(path, str) and ("\n" in path or len(path) > 4096) and not os.path.lexists(path):
        raise InputError(
            f"{show_path(path, 40)}: this looks like report text, not a file name "
            "(parse text with policydiff.parse_report)"
        )
    try:
        st = os.stat(path)
        _check_regular(st, name)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except PolicydiffError:
        raise
    except ValueError:  # an embedded NUL
        raise InputError(f"{name}: not a usable file name (it holds a NUL character)") from None
    except OSError as exc:
        raise _read_error(exc, name) from None
    try:
        st = os.fstat(fd)
        _check_regular(st, name)  # the same file as stat() saw, or refuse
        if st.st_size > MAX_FILE_BYTES:
            raise InputError(f"{name}: {_too_big(st.st_size)}")
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 20, MAX_FILE_BYTES + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > MAX_FILE_BYTES:
                raise InputError(f"{name}: {_too_big(total)}")
        data = b"".join(chunks)
    except PolicydiffError:
        raise
    except OSError as exc:
        raise _read_error(exc, name) from None
    finally:
        os.close(fd)
    suffix = os.path.splitext(os.fsdecode(path))[1].lower()
    if suffix in (".docx", ".pdf"):  # published documents: policydiff.readers extracts their text
        text, warnings = document_text(data, suffix=suffix, name=name)
        text = text.translate(_TO_NEWLINE)  # \f, \v, U+2028 … are line breaks, one character for one
        digest = hashlib.sha256(data).hexdigest()
        return DecodedText(text=text, encoding=suffix[1:], sha256=digest, warnings=warnings)
    return decode_bytes(data, name=name)


def _too_big(size: int) -> str:
    return f"file is over {size / 1e6:.0f} MB; reports over {MAX_FILE_BYTES // 2**20} MiB are refused"


def _check_regular(st: os.stat_result, name: str) -> None:
    mode = st.st_mode
    if stat.S_ISDIR(mode):
        raise InputError(f"{name}: is a folder, not a report file")
    if not stat.S_ISREG(mode):
        kind = (
            "a FIFO (named pipe)"
            if stat.S_ISFIFO(mode)
            else "a device"
            if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a socket"
            if stat.S_ISSOCK(mode)
            else "not a regular file"
        )
        raise InputError(f"{name}: is {kind}, not a report file (save the report to a file first)")


def _read_error(exc: OSError, name: str) -> PolicydiffError:
    """A one-line error for an OSError met while opening or reading ``name``."""
    code = exc.errno
    if code == errno.ENOENT:
        return NotFoundError(f"{name}: no such file")
    if code in (errno.EACCES, errno.EPERM):
        return InputError(f"{name}: permission denied")
    if code == errno.ENAMETOOLONG:
        return InputError(f"{name}: file name or path too long")
    if code == errno.ENOTDIR:
        return NotFoundError(f"{name}: no such file (a part of the path is not a folder)")
    if code == errno.ELOOP:
        return InputError(f"{name}: too many levels of symbolic links")
    if code == errno.EISDIR:
        return InputError(f"{name}: is a folder, not a report file")
    return InputError(f"{name}: cannot read ({exc.strerror or exc})")
