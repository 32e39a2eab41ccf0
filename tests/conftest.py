"""Shared fixtures: the real reports in ../shared/corpora, read in place (never copied here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from policydiff import Corpus

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SHARED_CORPORA = SHARED / "corpora"
BUNDLED = ROOT / "corpora"


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    """Bundled corpus plus ../shared/corpora (national 2000-2025, hailar 2012-2019)."""
    assert SHARED_CORPORA.is_dir(), f"the shared corpus is missing at {SHARED_CORPORA}"
    return Corpus([SHARED_CORPORA], use_env=False)


@pytest.fixture(scope="session")
def national(corpus):
    """national/<year> -> Report, parsed once per session."""
    return lambda year: corpus.get(year, "national")


@pytest.fixture(scope="session")
def dongsheng(corpus):
    return corpus.get(2020, "dongsheng")
