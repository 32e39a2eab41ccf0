"""The rule vocabulary (policydiff/data/lexicon.json) and the number forms it drives, table-driven."""

from __future__ import annotations

from pathlib import Path

import pytest

from policydiff import lexicon
from policydiff.metrics import _alias_index, metric_table, normalise
from policydiff.numbers import find_quantities
from policydiff.quantities import PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS

DATA = Path(__file__).parent / "data"


def test_every_qualifier_the_extractor_can_emit_has_a_bound_and_a_display_form():
    emitted = set(PREFIX_QUALIFIERS) | set(SUFFIX_QUALIFIERS) | {"多", "余"}
    for word in emitted:
        q = lexicon.QUALIFIERS[word]
        assert q.bound in ("floor", "ceiling", "about"), word
        assert q.symbol in ("≥", ">", "≤", "<", "≈", "") and (q.symbol or q.bound == "about"), word


@pytest.mark.parametrize(
    "word, bound",
    [("及以上", "floor"), ("控制到", "ceiling"), ("控制在", "ceiling"), ("不足", "ceiling"), ("将近", "about"),
     ("超", "floor"), ("以内", "ceiling"), ("左右", "about")],
)  # fmt: skip
def test_qualifier_bounds(word, bound):
    assert lexicon.bound_of(word) == bound


def test_longer_qualifiers_are_tried_first():
    for words in (PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS):
        for i, w in enumerate(words):
            assert not any(w.endswith(v) and len(v) < len(w) for v in words[:i]), w


def test_no_alias_collisions():
    keys = {}
    for key, entry in metric_table().items():
        for alias in entry["aliases"]:
            assert keys.setdefault(normalise(alias), key) == key, alias
    assert len(_alias_index()) == len(keys)


def _cases():
    for line in (DATA / "numbers.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        text, _, expected = line.partition("\t")
        yield text, expected


@pytest.mark.parametrize("text, expected", list(_cases()))
def test_number_forms(text, expected):
    def show(q):
        value = f"{q.value}-{q.value_high}" if q.value_high is not None else f"{q.value}"
        return f"{value} {q.unit}"

    assert " | ".join(show(q) for q in find_quantities(text)) == expected
