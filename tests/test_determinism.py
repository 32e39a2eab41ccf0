"""Same inputs, byte-identical json/csv output — across processes with different hash seeds.

Set iteration order changes with PYTHONHASHSEED, so running each command in two processes with
different seeds catches any output that depends on it.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .conftest import ROOT, SHARED_CORPORA

CORPUS = ["--corpus", str(SHARED_CORPORA)]
COMMANDS = {
    "targets-json": ["targets", "2019", "-r", "national", "--kind", "all", "--format", "json"],
    "targets-csv": ["targets", "2015", "-r", "hailar", "--format", "csv"],
    "compare-json": ["compare", "2018", "2019", "-r", "hailar", "--format", "json"],
    "compare-csv": ["compare", "2019", "2020", "-r", "national", "--format", "csv"],
    "sections-json": ["sections", "2003", "-r", "national", "--format", "json"],
    "themes-json": ["themes", "2019", "2020", "-r", "national", "--format", "json"],
}


def run(args: list[str], seed: str) -> bytes:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    proc = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *CORPUS, *args], capture_output=True, env=env, timeout=300
    )
    assert proc.returncode == 0, proc.stderr.decode()
    return proc.stdout


@pytest.mark.parametrize("name", list(COMMANDS))
def test_output_is_byte_identical_across_hash_seeds(name):
    first, second = run(COMMANDS[name], "1"), run(COMMANDS[name], "4242")
    assert first, "no output"
    assert first == second


def test_graph_export_is_byte_identical(tmp_path):
    outs = []
    for seed in ("1", "4242"):
        path = tmp_path / f"g{seed}.graphml"
        run(["graph", "-r", "hailar", "--out", str(path)], seed)
        outs.append(path.read_bytes())
    assert outs[0] == outs[1] and len(outs[0]) > 1000
