"""The one spaCy pipeline policydiff uses, loaded once and quietly.

``zh_core_web_sm`` is used when it is installed; otherwise (the usual case: it is not on
PyPI) a blank Chinese pipeline segmented by jieba. jieba's dictionary cache is kept in the
user cache folder, never in the working directory. Nothing is downloaded.

>>> [t.text for t in tokenize("地区生产总值增长4.5%左右")]
['地区', '生产总值', '增长', '4.5%', '左右']
"""

from __future__ import annotations

import importlib.util
import logging
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

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


#: jieba's prefix dictionary and its words' part-of-speech tags in one pickle in the cache folder. Loading it
#: takes about 0.3 s, against 0.6–1 s for jieba's own marshal cache plus 0.3 s for ``jieba.posseg``
#: building its tag table when imported — most of a short command's time. Rebuilt when jieba or its
#: dictionary file changes; written atomically, readable only by the user (like jieba's own cache).
DICTIONARY_CACHE = "jieba-dictionary.v1.pickle"

#: Word -> jieba part-of-speech flag, for :func:`_jieba_posseg` (filled by :func:`_jieba`).
_word_tags: dict[str, str] = {}


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.tmp_dir = str(cache_dir())
    jieba.dt.cache_file = "jieba.cache"
    if not jieba.dt.initialized:
        jieba.dt.FREQ, jieba.dt.total, tags = _dictionary(jieba)
        jieba.dt.initialized = True
    else:  # initialised by someone else: only the tags are needed
        tags = _read_tags(jieba)
    _word_tags.clear()
    _word_tags.update(tags)
    return jieba


def _dictionary(jieba) -> tuple[dict[str, int], int, dict[str, str]]:
    """(prefix dictionary, total frequency, word tags) of jieba's default dictionary, from the cache
    folder's pickle when it matches jieba's version and dictionary file, else built (and the pickle
    rewritten)."""
    import gc
    import pickle

    dict_path = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
    try:
        st = dict_path.stat()
        key: tuple[Any, ...] = (jieba.__version__, st.st_size, st.st_mtime_ns)
    except OSError:
        key = (jieba.__version__,)
    path = cache_dir() / DICTIONARY_CACHE
    enabled = gc.isenabled()
    gc.disable()  # half a million new objects: collections on the way only cost time
    try:
        with open(path, "rb") as f:
            stored = pickle.load(f)
        if isinstance(stored, dict) and stored.get("key") == key:
            return stored["freq"], stored["total"], stored["tags"]
    except (OSError, EOFError, ValueError, TypeError, KeyError, AttributeError, pickle.UnpicklingError):
        pass  # missing, stale or damaged: build it again
    finally:
        if enabled:
            gc.enable()
    jieba.initialize()
    freq, total, tags = jieba.dt.FREQ, jieba.dt.total, _read_tags(jieba)
    try:
        import tempfile

        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".jieba-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump({"key": key, "freq": freq, "total": total, "tags": tags}, f, protocol=4)
        os.replace(tmp, path)
    except OSError:  # a read-only cache folder only costs time
        pass
    return freq, total, tags


def _read_tags(jieba) -> dict[str, str]:
    """Word -> part-of-speech flag from jieba's dictionary file (``word frequency flag`` lines)."""
    with jieba.dt.get_dict_file() as f:
        text = f.read().decode("utf-8")
    return dict(_TAG_LINE.findall(text))


_TAG_LINE = re.compile(r"^(\S+) \d+ (\S+)\s*$", re.M)


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


# ---------------------------------------------------------------------------
# Part of speech: jieba by default; a spaCy pipeline (zh_core_web_sm) when asked for
# ---------------------------------------------------------------------------

#: A part-of-speech tagger: text -> (word, jieba-style flag) pairs whose words join to the text.
PosTagger = Callable[[str], list[tuple[str, str]]]

_pos_tagger: PosTagger | None = None

#: Penn Chinese Treebank tags (zh_core_web_sm's ``tag_``) as jieba's flags, so rules written for jieba's
#: tags (``n…`` nouns, ``v`` verbs, ``m`` numerals) read them unchanged.
CTB_TO_JIEBA = {
    "NN": "n", "NR": "nr", "NT": "t", "VV": "v", "VA": "a", "VC": "v", "VE": "v", "CD": "m", "OD": "m",
    "M": "q", "AD": "d", "P": "p", "BA": "p", "LB": "p", "SB": "p", "CC": "c", "CS": "c", "DEC": "uj",
    "DEG": "uj", "DER": "ud", "DEV": "uv", "AS": "ul", "SP": "y", "PN": "r", "DT": "r", "LC": "f",
    "JJ": "a", "PU": "x", "FW": "eng", "ETC": "u", "MSP": "u", "IJ": "e", "ON": "o", "URL": "x",
}  # fmt: skip
#: Universal POS (``pos_``) as jieba's flags, for pipelines without CTB tags.
UPOS_TO_JIEBA = {
    "NOUN": "n", "PROPN": "nr", "VERB": "v", "AUX": "v", "ADJ": "a", "ADV": "d", "NUM": "m", "PRON": "r",
    "DET": "r", "ADP": "p", "CCONJ": "c", "SCONJ": "c", "PART": "u", "PUNCT": "x", "SYM": "x",
    "INTJ": "e", "X": "x", "SPACE": "x",
}  # fmt: skip


# jieba.posseg's block patterns (jieba 0.42), for :func:`_jieba_posseg`.
_POS_BLOCK = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._]+)")
_POS_SKIP = re.compile(r"(\r\n|\s)")
_POS_ENG = re.compile("[a-zA-Z0-9]+")
_POS_NUM = re.compile(r"[\.0-9]+")
_POS_ENG1 = re.compile("^[a-zA-Z0-9]$")


@lru_cache(maxsize=8192)
def _jieba_posseg(text: str) -> tuple[tuple[str, str], ...]:
    """``jieba.posseg.lcut(text, HMM=False)`` as (word, flag) pairs, the same algorithm over jieba's own
    segmenter (maximum-probability route through the word graph) and the tag table loaded with the
    dictionary, so that ``jieba.posseg`` (0.3 s to import) is never needed. A test checks that both agree.
    """
    dt = _jieba().dt
    out: list[tuple[str, str]] = []
    for block in _POS_BLOCK.split(text):
        if not block:
            continue
        if _POS_BLOCK.match(block):
            graph = dt.get_DAG(block)
            route: dict[int, tuple[float, int]] = {}
            dt.calc(block, graph, route)
            x, buf = 0, ""
            while x < len(block):
                y = route[x][1] + 1
                word = block[x:y]
                if _POS_ENG1.match(word):
                    buf += word
                else:
                    if buf:
                        out.append((buf, "eng"))
                        buf = ""
                    out.append((word, _word_tags.get(word, "x")))
                x = y
            if buf:
                out.append((buf, "eng"))
            continue
        for part in _POS_SKIP.split(block):
            if _POS_SKIP.match(part):
                out.append((part, "x"))
                continue
            for ch in part:
                flag = "m" if _POS_NUM.match(ch) else "eng" if _POS_ENG.match(part) else "x"
                out.append((ch, flag))
    return tuple(out)


def posseg(text: str) -> list[tuple[str, str]]:
    """Words of ``text`` with their part of speech (jieba's flags): jieba's tagger (cached), or the
    tagger set with :func:`pos_tagger` / :func:`set_pos_tagger`.

    >>> posseg("发展产业")
    [('发展', 'vn'), ('产业', 'n')]
    """
    tagger = _pos_tagger
    if tagger is None:
        return list(_jieba_posseg(text))
    return tagger(text)


def set_pos_tagger(tagger: PosTagger | None) -> PosTagger | None:
    """Use ``tagger`` for part of speech from now on (None: jieba again); returns the one it replaces."""
    global _pos_tagger
    previous, _pos_tagger = _pos_tagger, tagger
    return previous


@contextmanager
def pos_tagger(tagger: PosTagger | None) -> Iterator[None]:
    """Use ``tagger`` for part of speech inside a ``with`` block (None: leave the current one)."""
    if tagger is None:
        yield
        return
    previous = set_pos_tagger(tagger)
    try:
        yield
    finally:
        set_pos_tagger(previous)


def spacy_pos_tagger(pipeline: Any = "zh_core_web_sm") -> PosTagger:
    """A part-of-speech tagger from a spaCy pipeline (a ``Language`` or an installed package's name).

    Each token's Treebank tag (``tag_``) becomes jieba's flag (:data:`CTB_TO_JIEBA`), else its
    universal tag (:data:`UPOS_TO_JIEBA`), else ``x``; white space after a token is kept as its own
    ``x`` word so that the words still join to the text. Nothing is downloaded: a name that is not
    installed raises :class:`~policydiff.errors.NotFoundError`.
    """
    if isinstance(pipeline, str):
        if importlib.util.find_spec(pipeline) is None:
            from .errors import NotFoundError

            raise NotFoundError(f"spaCy pipeline {pipeline!r} is not installed (policydiff uses jieba without it)")
        import spacy

        _jieba()
        pipeline = spacy.load(pipeline, exclude=["parser", "ner", "senter", "attribute_ruler", "lemmatizer"])
    nlp = pipeline

    @lru_cache(maxsize=8192)
    def tag(text: str) -> tuple[tuple[str, str], ...]:
        out: list[tuple[str, str]] = []
        for t in nlp(text):
            flag = CTB_TO_JIEBA.get(t.tag_) or UPOS_TO_JIEBA.get(t.pos_) or "x"
            out.append((t.text, "x" if t.is_space else flag))
            if t.whitespace_:
                out.append((t.whitespace_, "x"))
        return tuple(out)

    return lambda text: list(tag(text))


def auto_pos_tagger() -> PosTagger | None:
    """zh_core_web_sm's tagger when that package is installed and importable, else None (jieba).

    Only looks for the package (no import of spaCy) when it is not there.
    """
    if importlib.util.find_spec("zh_core_web_sm") is None:
        return None
    try:
        return spacy_pos_tagger("zh_core_web_sm")
    except (ImportError, OSError):  # installed but broken: jieba serves
        return None


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


#: A word jieba's dictionary counts this often or more is general (项目, 企业, 道路, 学校): alone it names nothing
#: specific (linking: no sole candidate through it; extraction: a count of it takes whose things they are).
GENERAL_FREQ = 5000


def word_frequency(word: str) -> int:
    """How often jieba's dictionary counts ``word`` in general Chinese text (0 when it does not know it): a
    measure of how general a word is, without any corpus at hand.

    >>> word_frequency("项目") > word_frequency("大棚") > 0
    True
    """
    return int(_jieba().dt.FREQ.get(word, 0))
