"""Reading report files: encodings, HTML, and refusing what is not text.

>>> decode_bytes("政府工作报告".encode("gb18030")).text
'政府工作报告'
>>> decode_bytes("\\ufeff各位代表".encode("utf-8")).encoding
'utf-8-sig'
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .errors import PolicydiffError

#: Files larger than this are refused rather than parsed (a report is ~20-100 kB).
MAX_FILE_BYTES = 20 * 1024 * 1024


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
        raise PolicydiffError(f"{name}: file is empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise PolicydiffError(f"{name}: broken UTF-16 text ({exc.reason})") from None
    elif _is_binary(data):
        raise PolicydiffError(f"{name}: looks like a binary file, not report text")
    else:
        text, encoding = _decode_8bit(data, name, warnings)
    if not text.strip():
        raise PolicydiffError(f"{name}: file is empty (white space only)")
    is_html = _looks_like_html(text)
    if is_html:
        text = html_to_text(text)
        if not text.strip():
            raise PolicydiffError(f"{name}: HTML page holds no text")
    return DecodedText(text=text, encoding=encoding, sha256=digest, is_html=is_html, warnings=tuple(warnings))


def _decode_8bit(data: bytes, name: str, warnings: list[str]) -> tuple[str, str]:
    try:
        return data.decode("utf-8-sig"), "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    except UnicodeDecodeError as exc:
        # A file cut off inside its last character: keep the rest, say so.
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            warnings.append(f"last {len(data) - exc.start} byte(s) were an incomplete UTF-8 character and were dropped")
            return data[: exc.start].decode("utf-8-sig"), "utf-8"
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise PolicydiffError(f"{name}: cannot decode as UTF-8 or GB18030/GBK") from None
    if not _looks_like_chinese_text(text):
        raise PolicydiffError(f"{name}: cannot decode as UTF-8 or GB18030/GBK (bytes do not form Chinese text)")
    return text, "gb18030"


_HTML_SNIFF = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<meta|<p[ >]|<div)", re.I)


def _looks_like_html(text: str) -> bool:
    return bool(_HTML_SNIFF.match(text[:2048]))


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


def read_text(path: str | Path) -> DecodedText:
    """Read and decode one report file, with one-line errors for every way that can fail."""
    p = Path(path)
    name = str(path)
    try:
        if p.is_dir():
            raise PolicydiffError(f"{name}: is a folder, not a report file")
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise PolicydiffError(
                f"{name}: file is {size / 1e6:.0f} MB; reports over {MAX_FILE_BYTES // 2**20} MiB are refused"
            )
        data = p.read_bytes()
    except FileNotFoundError:
        raise PolicydiffError(f"{name}: no such file") from None
    except PermissionError:
        raise PolicydiffError(f"{name}: permission denied") from None
    except OSError as exc:
        raise PolicydiffError(f"{name}: cannot read ({exc.strerror or exc})") from None
    return decode_bytes(data, name=name)
