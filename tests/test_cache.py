"""The extraction cache: keys, invalidation, two processes at once, SIGKILL in the middle."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from policydiff.cache import FILE_NAME, ExtractionCache, cache_dir, fingerprint_of, open_cache
from policydiff.corpus import Corpus
from policydiff.panel import panel

from .conftest import ROOT, SHARED_CORPORA

SHA = "ab" * 32


def test_cache_folder_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("POLICYDIFF_CACHE", str(tmp_path / "c"))
    assert cache_dir() == tmp_path / "c"
    monkeypatch.delenv("POLICYDIFF_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert cache_dir() == tmp_path / "xdg" / "policydiff"


def test_entries_are_keyed_by_file_region_year_engine_and_part(tmp_path):
    with ExtractionCache(tmp_path / "c.sqlite", engine="e1") as c:
        assert c.put(SHA, "hubei", 2025, "quantity", {"meta": {}, "records": [1]})
        assert c.get(SHA, "hubei", 2025, "quantity") == {"meta": {}, "records": [1]}
        assert c.get(SHA, "hubei", 2026, "quantity") is None
        assert c.get(SHA, "hunan", 2025, "quantity") is None
        assert c.get(SHA, "hubei", 2025, "commitment") is None
        assert c.get("cd" * 32, "hubei", 2025, "quantity") is None
        assert (c.hits, c.misses) == (1, 4)
    with ExtractionCache(tmp_path / "c.sqlite", engine="e2") as c:  # a new version or rule set
        assert c.get(SHA, "hubei", 2025, "quantity") is None
        c.put(SHA, "hubei", 2025, "quantity", {"meta": {}, "records": [2]})
        assert len(c) == 2 and c.prune() == 2 - 1 and len(c) == 1


def test_the_engine_hash_covers_rule_data_and_extraction_code_not_downstream_code(tmp_path):
    import shutil

    import policydiff.cache as cache_module

    package = Path(cache_module.__file__).parent
    copy = tmp_path / "policydiff"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__", "corpora", "cli", "render"))
    assert fingerprint_of(copy) == fingerprint_of(package)  # the same files give the same hash
    base = fingerprint_of(copy)
    with open(copy / "data" / "metrics.json", "ab") as f:
        f.write(b"\n")
    ruled = fingerprint_of(copy)
    assert ruled != base
    assert (copy / "extract" / "records.py").is_file() and (copy / "panel" / "rows.py").is_file()
    with open(copy / "extract" / "records.py", "a", encoding="utf-8") as f:
        f.write("\n# an edited rule\n")  # a module of the extract/ package: a new engine
    assert fingerprint_of(copy) != ruled
    coded, whole = fingerprint_of(copy), fingerprint_of(copy, whole=True)
    with open(copy / "panel" / "rows.py", "a", encoding="utf-8") as f:
        f.write("\n# downstream only\n")  # panel code: delivery judgements (whole) change, extraction does not
    assert fingerprint_of(copy) == coded and fingerprint_of(copy, whole=True) != whole


def test_a_damaged_payload_is_a_miss(tmp_path):
    path = tmp_path / "c.sqlite"
    with ExtractionCache(path, engine="e") as c:
        c.put(SHA, "x", 2020, "quantity", {"meta": {}, "records": []})
    db = sqlite3.connect(path)
    db.execute("UPDATE entries SET payload = x'00ff'")
    db.commit()
    db.close()
    with ExtractionCache(path, engine="e") as c:
        assert c.get(SHA, "x", 2020, "quantity") is None


def test_an_unusable_cache_is_a_warning_and_the_run_goes_on(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("POLICYDIFF_CACHE", str(blocker / "sub"))
    cache, warning = open_cache(True)
    assert cache is None and "extraction cache not used" in warning and "--no-cache" in warning
    not_db = tmp_path / "bad"
    not_db.mkdir()
    (not_db / FILE_NAME).write_bytes(b"this is not a database" * 100)
    cache, warning = open_cache(True, not_db / FILE_NAME)
    assert cache is None and "not a database" in warning
    monkeypatch.setenv("POLICYDIFF_CACHE", str(not_db))
    p = panel([SHARED_CORPORA], regions=["national"], years=[2025], delivery=False)
    assert p.rows and any("extraction cache not used" in w for w in p.warnings)


def test_a_changed_file_is_extracted_again(tmp_path):
    corpus_dir = tmp_path / "corpus"
    (corpus_dir / "town").mkdir(parents=True)
    report = corpus_dir / "town" / "2025.txt"
    report.write_text("二、今年目标\n主要预期目标是：地区生产总值增长5%左右。\n", encoding="utf-8")
    with ExtractionCache(tmp_path / "c.sqlite") as c:
        first = panel(Corpus([corpus_dir], use_env=False, bundled=False), cache=c)
        again = panel(Corpus([corpus_dir], use_env=False, bundled=False), cache=c)
        report.write_text("二、今年目标\n主要预期目标是：地区生产总值增长6%左右。\n", encoding="utf-8")
        changed = panel(Corpus([corpus_dir], use_env=False, bundled=False), cache=c)
    assert (first.cache_hits, again.cache_hits, changed.cache_hits) == (0, 1, 0)
    assert [r["value"] for r in first.rows] == [r["value"] for r in again.rows] == [5]
    assert [r["value"] for r in changed.rows] == [6]


# ---------------------------------------------------------------------------
# Processes
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory) -> Path:
    """A copy of the package for the process tests: an edit to the working tree during a test (the
    engine hash follows the extraction code) must not make two of its runs disagree."""
    root = tmp_path_factory.mktemp("snapshot")
    shutil.copytree(ROOT / "policydiff", root / "policydiff", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "corpora", root / "corpora")
    return root


def _env(cache: Path, root: Path = ROOT) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "POLICYDIFF_CORPUS"}
    env["POLICYDIFF_CACHE"] = str(cache)
    env["PYTHONPATH"] = str(root) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _run_cli(cache: Path, out: Path, *args: str, root: Path = ROOT) -> subprocess.Popen:
    code = "import sys; from policydiff.cli import main; sys.argv[0] = 'policydiff'; main()"
    cmd = [sys.executable, "-c", code, "--corpus", str(SHARED_CORPORA), "panel", *args, "--out", str(out)]
    # cwd: ``python -c`` imports from the working folder first, so it must not be the checkout
    return subprocess.Popen(
        cmd, env=_env(cache, root), cwd=out.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _entries(cache: Path) -> int:
    try:
        db = sqlite3.connect(f"file:{cache / FILE_NAME}?mode=ro", uri=True, timeout=10)
        try:
            return db.execute("SELECT count(*) FROM entries WHERE part = 'quantity'").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return 0


def _sound(cache: Path) -> int:
    """Integrity check passes and every entry reads back; returns the number of entries."""
    with ExtractionCache(cache / FILE_NAME) as c:
        assert c.check() == "ok"
        rows = c._db.execute("SELECT sha256, region, year, engine, part FROM entries").fetchall()
        for sha, region, year, engine, part in rows:
            assert c.get(sha, region, year, part, engine=engine) is not None
        return len(rows)


def test_two_processes_share_the_cache(tmp_path, snapshot):
    cache = tmp_path / "cache"
    args = ("-r", "national", "--years", "2016-2021", "--workers", "1")
    a = _run_cli(cache, tmp_path / "a.csv", *args, root=snapshot)
    b = _run_cli(cache, tmp_path / "b.csv", *args, root=snapshot)
    for p in (a, b):
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    assert _entries(cache) == 7  # 2016-2021 and 2022 read for delivery: one entry each, never twice
    assert _sound(cache) >= 7
    c = _run_cli(cache, tmp_path / "c.csv", *args, root=snapshot)
    _, err = c.communicate(timeout=600)
    assert c.returncode == 0 and "7 reports from the cache, 0 extracted" in err
    assert (tmp_path / "c.csv").read_bytes() == (tmp_path / "a.csv").read_bytes()


def test_sigkill_in_the_middle_leaves_the_cache_consistent(tmp_path, snapshot):
    cache = tmp_path / "cache"
    args = ("-r", "national", "--workers", "1")
    total = len(Corpus([SHARED_CORPORA], use_env=False).years("national"))
    p = _run_cli(cache, tmp_path / "killed.csv", *args, root=snapshot)
    deadline = time.monotonic() + 300
    while _entries(cache) < 2 and p.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    p.send_signal(signal.SIGKILL)
    p.communicate(timeout=60)
    assert p.returncode == -signal.SIGKILL
    kept = _entries(cache)
    assert 2 <= kept < total  # killed in the middle
    assert not (tmp_path / "killed.csv").exists()
    _sound(cache)
    rerun = _run_cli(cache, tmp_path / "rerun.csv", *args, root=snapshot)
    _, err = rerun.communicate(timeout=900)
    assert rerun.returncode == 0, err
    assert f"{kept} reports from the cache" in err
    fresh = _run_cli(tmp_path / "other", tmp_path / "fresh.csv", *args, "--no-cache", root=snapshot)
    _, err = fresh.communicate(timeout=900)
    assert fresh.returncode == 0, err
    assert (tmp_path / "rerun.csv").read_bytes() == (tmp_path / "fresh.csv").read_bytes()


def test_sigkill_during_writes_never_leaves_half_an_entry(tmp_path):
    path = tmp_path / "c.sqlite"
    writer = textwrap.dedent(
        f"""
        import sys
        from policydiff.cache import ExtractionCache
        c = ExtractionCache({str(path)!r}, engine="e")
        print("ready", flush=True)
        i = 0
        while True:
            c.put(f"{{i:064x}}", "x", 2020, "quantity", {{"meta": {{}}, "records": ["记录" * 2000, i]}})
            i += 1
        """
    )
    for _ in range(3):
        p = subprocess.Popen([sys.executable, "-c", writer], env=_env(tmp_path), stdout=subprocess.PIPE, text=True)
        assert p.stdout.readline().strip() == "ready"
        time.sleep(0.4)
        p.kill()
        p.wait(timeout=30)
    with ExtractionCache(path, engine="e") as c:
        assert c.check() == "ok"
        n = len(c)
        assert n > 0
        for (sha,) in c._db.execute("SELECT sha256 FROM entries").fetchall():
            got = c.get(sha, "x", 2020, "quantity")
            assert got is not None and got["records"][1] == int(sha, 16)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_parallel_extraction_keeps_the_order(tmp_path):
    one = panel([SHARED_CORPORA], level="county", workers=1, cache=False, delivery=False)
    two = panel([SHARED_CORPORA], level="county", workers=2, cache=False, delivery=False)
    assert [r["report"] for r in two.reports] == sorted(r["report"] for r in two.reports)
    assert two.csv_text() == one.csv_text()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_parallel_delivery_judgements_equal_serial_ones_and_are_cached(tmp_path):
    args = {"regions": ["national"], "years": range(2015, 2022)}
    one = panel([SHARED_CORPORA], workers=1, cache=False, **args)
    with ExtractionCache(tmp_path / "c.sqlite") as c:
        two = panel([SHARED_CORPORA], workers=2, cache=c, **args)
        again = panel([SHARED_CORPORA], workers=2, cache=c, **args)
        delivery_entries = c._db.execute("SELECT count(*) FROM entries WHERE part LIKE 'delivery:%'").fetchone()[0]
    assert two.csv_text() == one.csv_text() == again.csv_text()
    assert (two.cache_hits, again.cache_hits, delivery_entries) == (0, 8, 8)  # 2015-2021 and 2022 for delivery
    gdp = [r for r in two.rows if r["report"] == "national/2019" and r["metric"] == "gdp.growth" and r["headline"]]
    assert [(r["value"], r["value_high"], r["status"], r["result_value"], r["result_report"]) for r in gdp] == [
        (6, 6.5, "met", 6.1, "national/2020")
    ]
    assert sum(r["status"] is not None for r in two.rows) > 50
