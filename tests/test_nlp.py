"""jieba as policydiff loads it: the dictionary pickle in the cache folder and the part-of-speech cut.

policydiff does not import ``jieba.posseg`` (building its tag table costs 0.3 s a process); it tags with
the same algorithm over jieba's segmenter and the tag table loaded with the dictionary. These tests check
that both give the same words and flags on real report text and on the awkward characters (Latin letters,
digits, spaces, symbols), and that a stale or damaged pickle is rebuilt rather than trusted.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import jieba.posseg
import pytest

from policydiff import nlp

from .conftest import BUNDLED


def jieba_pairs(text: str) -> tuple[tuple[str, str], ...]:
    return tuple((w.word, w.flag) for w in jieba.posseg.lcut(text, HMM=False))


def test_part_of_speech_agrees_with_jieba_posseg_on_a_whole_report():
    text = (BUNDLED / "dongsheng" / "2020.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) > 50
    differ = [line for line in lines if nlp._jieba_posseg(line) != jieba_pairs(line)]
    assert differ == []


@pytest.mark.parametrize(
    "text",
    [
        "PM2.5平均浓度下降到30微克/立方米",
        "GDP增长5%左右 abc 12.5亿元\r\n下一行",
        "Ａ股 3+2 C++ & x_y",
        "  ",
        "5G基站1.2万个，R&D经费投入强度2.5%",
        "",
    ],
)
def test_part_of_speech_agrees_with_jieba_posseg_on_mixed_scripts(text):
    assert nlp._jieba_posseg(text) == jieba_pairs(text)


def test_known_flags():
    assert nlp.posseg("发展产业") == [("发展", "vn"), ("产业", "n")]
    # jieba's own quirk, kept: a lone digit inside a Chinese block is tagged as Latin (eng), not m
    assert nlp.posseg("增长5%") == [("增长", "v"), ("5", "eng"), ("%", "x")]


def run_fresh(cache: Path) -> str:
    """Load the dictionary in a new process with ``cache`` as the cache folder; return the posseg result."""
    code = "from policydiff import nlp; print(nlp.posseg('地区生产总值增长'))"
    env = {"XDG_CACHE_HOME": str(cache), "PATH": "/usr/bin:/bin", "HOME": str(cache)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert done.stderr == ""
    return done.stdout.strip()


def test_the_dictionary_pickle_is_written_and_rebuilt_when_stale_or_damaged(tmp_path):
    expected = str(nlp.posseg("地区生产总值增长"))
    pickle_path = tmp_path / "policydiff" / nlp.DICTIONARY_CACHE

    assert run_fresh(tmp_path) == expected  # no cache: built from jieba's dictionary
    stored = pickle.loads(pickle_path.read_bytes())
    assert stored["key"][0] == jieba.__version__
    assert stored["tags"]["产业"] == "n" and stored["total"] > 0

    stored["key"] = ("0.0.0",)  # another jieba: not trusted
    stored["tags"] = {}
    pickle_path.write_bytes(pickle.dumps(stored))
    assert run_fresh(tmp_path) == expected
    assert pickle.loads(pickle_path.read_bytes())["key"][0] == jieba.__version__

    pickle_path.write_bytes(b"\x80\x04not a pickle")  # damaged: rebuilt
    assert run_fresh(tmp_path) == expected
    assert pickle.loads(pickle_path.read_bytes())["tags"]["产业"] == "n"
