"""The corpus and sections commands, and one-line errors for bad input, through the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from policydiff import __version__
from policydiff.cli import cli

from .conftest import ROOT, SHARED_CORPORA

SHARED = ["--corpus", str(SHARED_CORPORA)]


def run(*args):
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def assert_one_line_error(code, out, err, *needles):
    assert code == 2, (code, out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("policydiff: error: "), err
    assert "Traceback" not in err
    for n in needles:
        assert n in lines[0]


def test_version_and_help():
    assert run("--version")[1].strip() == f"policydiff, version {__version__}"
    code, out, _ = run("--help")
    assert code == 0 and "Examples:" in out and "sections" in out


def test_corpus_lists_regions():
    code, out, _ = run("corpus", *SHARED)
    assert code == 0
    assert "national" in out and "2000-2025" in out and "海拉尔区" in out
    code, out, _ = run("corpus", *SHARED, "--format", "json")
    data = json.loads(out)
    rows = {r["region"]: r for r in data["regions"]}
    assert rows["hailar"]["years"] == list(range(2012, 2020))
    assert rows["dongsheng"]["name"] == "东胜区"


def test_sections_tree_of_the_bundled_report():
    code, out, _ = run("sections", "2020")
    assert code == 0
    assert "一、2019年工作回顾  [review 2019]" in out
    assert "二、2020年重点工作  [plan 2020]" in out
    assert "  (六)着力保障和改善民生,共享经济高质量发展成果" in out


def test_sections_json_from_a_file_path():
    path = SHARED_CORPORA / "national" / "2019.txt"
    code, out, _ = run("sections", str(path), "--format", "json")
    data = json.loads(out)
    assert data["report"] == "national/2019"
    parts = [s for s in data["sections"] if s["level"] == 1]
    assert [p["kind"] for p in parts] == ["review", "plan", "plan"]
    assert sum(1 for s in data["sections"] if s["level"] == 2 and s["id"].startswith("3.")) == 10
    assert data["meta"]["meeting"] == "第十三届全国人民代表大会第二次会议"


def test_global_and_command_corpus_options_agree():
    assert (
        run("--corpus", str(SHARED_CORPORA), "sections", "2018", "-r", "hailar")[1]
        == run("sections", "2018", "-r", "hailar", *SHARED)[1]
    )


def test_unknown_year():
    assert_one_line_error(*run("sections", "1999"), "no report for 1999")


def test_unknown_region():
    assert_one_line_error(*run("sections", "2020", "-r", "atlantis"), "unknown region 'atlantis'")


def test_ambiguous_region():
    assert_one_line_error(*run("sections", "2019", *SHARED), "several regions have 2019", "--region")


def test_missing_file():
    assert_one_line_error(*run("sections", "no/such/file.txt"), "neither a year nor an existing file")


def test_empty_file(tmp_path):
    p = tmp_path / "2020.txt"
    p.write_bytes(b"")
    assert_one_line_error(*run("sections", str(p)), "file is empty")


def test_binary_file(tmp_path):
    p = tmp_path / "2020.txt"
    p.write_bytes(os.urandom(2048) + b"\x00" * 64)
    assert_one_line_error(*run("sections", str(p)), "binary")


def test_undecodable_file(tmp_path):
    p = tmp_path / "2020.txt"
    p.write_bytes(bytes(range(0x80, 0x100)) * 8)
    assert_one_line_error(*run("sections", str(p)), "cannot decode")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files without permission bits")
def test_unreadable_file(tmp_path):
    p = tmp_path / "2020.txt"
    p.write_text("一、回顾\n内容。", encoding="utf-8")
    p.chmod(0)
    assert_one_line_error(*run("sections", str(p)), "permission denied")


def test_directory_instead_of_file(tmp_path):
    assert_one_line_error(*run("sections", str(tmp_path)), "is a folder")


def test_file_without_a_year_in_its_name_or_header(tmp_path):
    p = tmp_path / "report.txt"
    p.write_text("一、回顾\n内容。", encoding="utf-8")
    assert_one_line_error(*run("sections", str(p)), "cannot tell the report's year")


def test_missing_corpus_folder(tmp_path):
    assert_one_line_error(*run("corpus", "--corpus", str(tmp_path / "nope")), "does not exist")


def test_real_entry_point_prints_no_traceback(tmp_path):
    p = tmp_path / "2020.txt"
    p.write_bytes(b"\x00\xff" * 100)
    proc = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "sections", str(p)], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "Traceback" not in proc.stderr
