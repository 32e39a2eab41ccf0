"""Compatibility names: the quantity rules now live in :mod:`policydiff.extract` (split by job).

``from policydiff.quantities import clause_start, indicator_for, …`` keeps working; new code imports
from the modules of the extract package (docs/extraction.md has the module map).

>>> from policydiff.extract.geometry import clause_start as moved
>>> clause_start is moved
True
"""

from __future__ import annotations

from .extract.filters import is_base, is_context, is_count_unit, is_measurement, is_threshold, share_of
from .extract.geometry import CLAUSE_PUNCT, clause_end, clause_start, in_brackets
from .extract.indicator import indicator_for, invested_object, paid_object, skip_listed
from .extract.phrases import (
    GENERIC,
    LIST_SEP,
    clean_indicator,
    indicator_after,
    indicator_and_links,
    indicator_before,
    shared_head,
    split_parallel,
    strip_target_words,
)
from .extract.pos import acting_verb, ends_with_verb, is_verb_only, next_is_noun, posseg, verb_before
from .extract.qualifiers import (
    LEADING_CHANGE,
    after_qualifier,
    measure_of,
    modality,
    prefix_qualifier,
    strip_leading_change,
    suffix_qualifier,
)
from .lexicon import MODALS, PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS

__all__ = [
    "CLAUSE_PUNCT",
    "GENERIC",
    "LEADING_CHANGE",
    "LIST_SEP",
    "MODALS",
    "PREFIX_QUALIFIERS",
    "SUFFIX_QUALIFIERS",
    "acting_verb",
    "after_qualifier",
    "clause_end",
    "clause_start",
    "clean_indicator",
    "ends_with_verb",
    "in_brackets",
    "indicator_after",
    "indicator_and_links",
    "indicator_before",
    "indicator_for",
    "invested_object",
    "is_base",
    "is_context",
    "is_count_unit",
    "is_measurement",
    "is_threshold",
    "is_verb_only",
    "measure_of",
    "modality",
    "next_is_noun",
    "paid_object",
    "posseg",
    "prefix_qualifier",
    "share_of",
    "shared_head",
    "skip_listed",
    "split_parallel",
    "strip_leading_change",
    "strip_target_words",
    "suffix_qualifier",
    "verb_before",
]
