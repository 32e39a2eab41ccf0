"""Every example in README.md and docs/*.md runs as written.

- ```python blocks run in order, one namespace per file (so a guide can build on earlier blocks).
- ```console blocks: each line starting with ``$ policydiff`` runs from the repository root and must exit 0;
  the lines after it (up to the next ``$``) are its documented output, and each of them must appear in
  the real output (so the reference cannot drift from what the tool prints).
"""

from __future__ import annotations

import re
import shlex

import pytest
from click.testing import CliRunner

from policydiff.cli import cli

from .conftest import ROOT

DOCS = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.S | re.M)


def blocks(lang: str):
    for path in DOCS:
        for m in FENCE.finditer(path.read_text(encoding="utf-8")):
            if m.group(1) == lang:
                yield path, m.group(2)


def console_examples():
    for path, body in blocks("console"):
        for chunk in re.split(r"^(?=\$ )", body, flags=re.M):
            if chunk.startswith("$ policydiff"):
                command, _, output = chunk.partition("\n")
                yield pytest.param(command[2:], output, id=f"{path.name}:{command[2:60]}")


@pytest.mark.parametrize("command,output", list(console_examples()))
def test_console_example(command, output, monkeypatch, tmp_path):
    monkeypatch.chdir(ROOT)
    args = shlex.split(command)[1:]
    # examples that write files write them into a temporary folder
    args = [str(tmp_path / a[len("/tmp/") :]) if a.startswith("/tmp/") else a for a in args]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.stderr
    shown = " ".join((result.stdout + result.stderr).split())
    for line in output.splitlines():
        if line.strip() and line.strip() != "...":  # column widths may differ: compare with spaces folded
            assert " ".join(line.split()) in shown, f"documented line not in output: {line!r}"


@pytest.mark.parametrize("path", sorted({p for p, _ in blocks("python")}), ids=lambda p: p.name)
def test_python_examples(path, monkeypatch):
    monkeypatch.chdir(ROOT)
    namespace: dict = {}
    for p, body in blocks("python"):
        if p == path:
            exec(compile(body, str(path), "exec"), namespace)
