"""The one spaCy pipeline policydiff uses, loaded once and quietly.

``zh_core_web_sm`` is used when it is installed; otherwise (the usual case: it is not on
PyPI) a blank Chinese pipeline segmented by jieba. jieba's dictionary cache is kept in the
user cache folder, never in the working directory. Nothing is downloaded.

>>> [t.text for t in tokenize("地区生产总值增长4.5%左右")]
['地区', '生产总值', '增长', '4.5%', '左右']
"""

from __future__ import annotations

import logging
import os
import re
from functools import lru_cache
from pathlib import Path

#: A number with its decimal point, range dash and percent sign, kept as one token.
NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*(?:\s*[%‰])?(?:\s*[-~—至到]\s*\d+(?:\.\d+)*\s*[%‰]?)?")


def cache_dir() -> Path:
    """Folder for policydiff's caches (``$XDG_CACHE_HOME/policydiff`` or ``~/.cache/policydiff``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "policydiff"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:  # read-only home: fall back to the system temp folder
        import tempfile

        path = Path(tempfile.gettempdir()) / "policydiff-cache"
        path.mkdir(parents=True, exist_ok=True)
    return path


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.tmp_dir = str(cache_dir())
    jieba.dt.cache_file = "jieba.cache"
    jieba.initialize()
    return jieba


@lru_cache(maxsize=1)
def get_nlp():
    """The cached spaCy ``Language``: zh_core_web_sm if installed, else blank zh with jieba."""
    import spacy

    _jieba()  # configure jieba's cache before spaCy touches it
    if spacy.util.is_package("zh_core_web_sm"):
        nlp = spacy.load("zh_core_web_sm")
    else:
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    _register_components()
    if "policydiff_merge_numbers" not in nlp.pipe_names:
        nlp.add_pipe("policydiff_merge_numbers", first=True)
    return nlp


def _register_components() -> None:
    from spacy.language import Language

    if "policydiff_merge_numbers" in Language.factories:
        return

    @Language.component("policydiff_merge_numbers")
    def merge_numbers(doc):
        """Retokenize so that 4.5%, 6%-6.5% and 1,200 are single tokens (jieba splits them)."""
        spans = []
        text = doc.text
        for m in NUMBER_RE.finditer(text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None and len(span) > 1:
                spans.append(span)
        if spans:
            from spacy.util import filter_spans

            with doc.retokenize() as retok:
                for span in filter_spans(spans):
                    retok.merge(span)
        return doc


def tokenize(text: str):
    """Tokens of a text (a spaCy ``Doc``), numbers kept whole."""
    return get_nlp()(text)


def words(text: str) -> list[str]:
    """Plain jieba segmentation with numbers kept whole: the fast path for diffs and alignment.

    >>> words("收入增长6%-6.5%")
    ['收入', '增长', '6%-6.5%']
    """
    jieba = _jieba()
    out: list[str] = []
    pos = 0
    for m in NUMBER_RE.finditer(text):
        out.extend(w for w in jieba.lcut(text[pos : m.start()]) if w.strip())
        out.append(m.group())
        pos = m.end()
    out.extend(w for w in jieba.lcut(text[pos:]) if w.strip())
    return out
