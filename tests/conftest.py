"""Shared fixtures: the real reports in ../shared/corpora, read in place (never copied here)."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from policydiff import Corpus
from policydiff.cli import cli

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


@pytest.fixture(scope="module")
def own_cache(tmp_path_factory):
    """An extraction cache folder of the test module's own (panel and escalation fill one), never the user's."""
    mp = pytest.MonkeyPatch()
    mp.setenv("POLICYDIFF_CACHE", str(tmp_path_factory.mktemp("cache")))
    yield
    mp.undo()


def run_shared(*args: str) -> tuple[int, str, str]:
    """Run the CLI with ``--corpus ../shared/corpora``: (exit code, stdout, stderr)."""
    result = CliRunner().invoke(cli, ["--corpus", str(SHARED_CORPORA), *args])
    return result.exit_code, result.stdout, result.stderr


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Raise TimeoutError in the test if the block runs longer than ``seconds`` (SIGALRM; a hang fails fast)."""

    def fail(signum, frame):
        raise TimeoutError(f"ran longer than {seconds}s")

    old = signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
