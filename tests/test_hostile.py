"""Hostile and broken inputs through every CLI command: each either works or fails in one line.

The inputs are generated here (nothing large is committed). Each run is guarded by an alarm so a
hang fails the test instead of stalling the suite.
"""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from policydiff.cli import cli

from .conftest import SHARED_CORPORA, deadline

REAL = (SHARED_CORPORA / "hailar" / "2013.txt").read_text(encoding="utf-8")
SECONDS = 60  # generous: the slowest legitimate case (a 2 MB line) takes a few seconds


def _inputs() -> dict[str, bytes]:
    raw = REAL.encode("utf-8")
    return {
        "empty": b"",
        "whitespace": " \n\t\u3000\n".encode(),
        "binary": bytes(range(256)) * 64,
        "truncated_utf8": raw + "。".encode()[:2],  # cut inside the last character
        "gbk_no_bom": REAL.encode("gbk"),
        "utf16": REAL.encode("utf-16"),
        "huge_50mb": ("发展" * 100 + "。\n").encode("utf-8") * (50 * 2**20 // 604 + 1),
        "one_long_line_2mb": ("发展经济" * (2 * 2**20 // 12)).encode("utf-8"),
        "no_headings": "各位代表：\n今年地区生产总值增长5%左右。城镇新增就业1000人。\n我们要努力工作。".encode(),
        "html_script": (
            "<!DOCTYPE html><html><head><script>alert('一、假')</script></head><body>"
            "<p>一、2019年工作回顾</p><p>全年地区生产总值增长5%。<b>x</b></p>"
            "<p>二、2020年重点工作</p><p>力争增长6%左右。</p></body></html>"
        ).encode(),
        "headings_only": "一、2019年工作回顾\n二、2020年重点工作\n(一)发展\n(二)改革\n三、政府建设".encode(),
        "numbers_only": "1 2 3 4.5% 100亿元 2020年 6%-6.5%\n７８９".encode(),
    }


INPUTS = _inputs()


def _commands(a: str, b: str, tmp: str) -> dict[str, list[str]]:
    return {
        "sections": ["sections", a],
        "targets": ["targets", a, "--format", "jsonl"],
        "targets-commitment": ["targets", a, "--kind", "commitment"],
        "compare": ["compare", a, b, "--format", "json"],
        "compare-html": ["compare", a, b, "--format", "html", "--out", os.path.join(tmp, "c.html")],
        "themes": ["themes", a],
        "graph": ["graph", a, "--out", os.path.join(tmp, "g.json")],
    }


def run_guarded(args: list[str]):
    with deadline(SECONDS):
        result = CliRunner().invoke(cli, args)
    return result


def check(result) -> None:
    """Works (exit 0) or fails with exactly one line on stderr, never a traceback."""
    assert not isinstance(result.exception, TimeoutError), "hang"
    assert "Traceback" not in result.stderr
    if result.exit_code != 0:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("policydiff: error: "), result.stderr
        assert result.exit_code == 2
    else:
        assert result.exception is None


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    out = {}
    for name, data in INPUTS.items():
        path = folder / f"{name}-2020.{'html' if name.startswith('html') else 'txt'}"
        path.write_bytes(data)
        out[name] = str(path)
    return out


COMMAND_NAMES = list(_commands("a", "b", "t"))


@pytest.mark.parametrize("command", COMMAND_NAMES)
@pytest.mark.parametrize("name", list(INPUTS))
def test_every_command_survives_every_input(files, tmp_path, command, name):
    if command.split("-")[0] not in cli.commands:
        pytest.fail(f"command {command} is missing")
    args = _commands(files[name], files["no_headings"], str(tmp_path))[command]
    check(run_guarded(args))


def test_expected_outcomes(files):
    # refused with a clear reason
    for name, needle in [("empty", "empty"), ("whitespace", "empty"), ("binary", "binary"), ("huge_50mb", "MiB")]:
        r = run_guarded(["sections", files[name]])
        assert r.exit_code == 2 and needle in r.stderr, (name, r.stderr)
    # read and parsed
    for name in ["truncated_utf8", "gbk_no_bom", "utf16", "no_headings", "html_script", "headings_only"]:
        r = run_guarded(["sections", files[name]])
        assert r.exit_code == 0, (name, r.stderr)
    r = run_guarded(["sections", files["html_script"]])
    assert "一、2019年工作回顾" in r.stdout and "假" not in r.stdout
    r = run_guarded(["sections", files["truncated_utf8"]])
    assert "incomplete UTF-8" in r.stderr


def test_hostile_corpus_folders(tmp_path):
    root = tmp_path / "corpus"
    (root / "national").mkdir(parents=True)
    (root / "national" / "2020.txt").write_text("一、回顾\n增长5%。", encoding="utf-8")
    (root / "national" / "latest.txt").write_text("不是年份。", encoding="utf-8")
    (root / "national" / "abcd").mkdir()
    (root / "loop").symlink_to(root / "loop")  # a symlink loop
    (root / "national" / "self").symlink_to(root / "national")
    (root / "bad name!").mkdir()
    r = run_guarded(["corpus", "--corpus", str(root), "--format", "json"])
    check(r)
    assert r.exit_code == 0 and '"national"' in r.stdout
    for region in ["../etc", "../../national", "loop"]:
        r = run_guarded(["sections", "2020", "-r", region, "--corpus", str(root)])
        check(r)
        assert r.exit_code == 2 and "unknown region" in r.stderr
