"""Issue 13: hangs, crashes, corrupt outputs and injections, one test per case (in-process).

Every hostile input is built here in a temporary folder. Each CLI run is guarded by an alarm, so a
hang fails the test instead of stalling the suite; nothing here is timed.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import stat
import tracemalloc
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from policydiff import Corpus, load_report, parse_report
from policydiff.align import align
from policydiff.cli import cli
from policydiff.errors import (
    AmbiguousError,
    InputError,
    NotFoundError,
    OutputError,
    OutputExistsError,
    PolicydiffError,
    neutralise,
)
from policydiff.fileio import atomic_write, clean_stale_temporaries
from policydiff.render.compare_text import _num
from policydiff.render.tables import csv_cell, dumps, markdown_cell, plain_number, render_rows, to_json
from policydiff.textio import MAX_FILE_BYTES, decode_bytes, read_text

from .conftest import deadline

SECONDS = 60

REPORT = (
    "政府工作报告\n——2020年1月5日在某区第一届人民代表大会第一次会议上\n各位代表：\n"
    "一、2019年工作回顾\n全年地区生产总值增长5%。城镇新增就业1000人。财政收入增长3%。\n"
    "二、2020年重点工作\n地区生产总值增长6%左右。城镇新增就业1200人以上。加快建设新城区。\n"
)
REPORT_2019 = (
    "政府工作报告\n——2019年1月5日在某区第一届人民代表大会第一次会议上\n各位代表：\n"
    "一、2018年工作回顾\n全年地区生产总值增长4%。城镇新增就业900人。\n"
    "二、2019年重点工作\n地区生产总值增长5%左右。城镇新增就业1000人以上。加快建设新城区。\n"
)


def run(*args: str):
    with deadline(SECONDS):
        result = CliRunner().invoke(cli, [str(a) for a in args])
    assert not isinstance(result.exception, TimeoutError), "hang"
    assert "Traceback" not in result.stderr
    return result


def one_line_error(result, *needles: str, code: int = 2) -> str:
    lines = result.stderr.strip().splitlines()
    assert result.exit_code == code, (result.exit_code, result.stderr)
    assert len(lines) == 1 and lines[0].startswith("policydiff: error: "), result.stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


@pytest.fixture
def report(tmp_path) -> Path:
    path = tmp_path / "demo" / "2020.txt"
    path.parent.mkdir()
    path.write_text(REPORT, encoding="utf-8")
    return path


def corpus_with(tmp_path, files: dict[str, str | bytes]) -> Path:
    root = tmp_path / "corpus"
    for name, data in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            p.write_bytes(data)
        else:
            p.write_text(data, encoding="utf-8")
    return root


# ---------------------------------------------------------------------------
# Hangs and unbounded memory
# ---------------------------------------------------------------------------


def test_fifo_as_file_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "2020.txt"
    os.mkfifo(fifo)
    one_line_error(run("sections", fifo), "FIFO")
    with pytest.raises(InputError, match="FIFO"):
        read_text(fifo)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_as_file_are_refused(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    one_line_error(run("targets", device), "device")


def test_reading_is_bounded_whatever_the_size_claims(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_bytes(("发展" * 1000 + "。\n").encode() * 10)
    monkeypatch.setattr("policydiff.textio.MAX_FILE_BYTES", 4096)
    with pytest.raises(InputError, match="MiB are refused"):
        read_text(big)
    assert MAX_FILE_BYTES == 20 * 1024 * 1024  # the real limit is untouched


def _peak_mb(fn) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def test_identical_sentences_do_not_pair_all_with_all():
    # 2,000 identical sentences on each side used to make 4 million candidate pairs (859 MB).
    def doc(n: int, year: int):
        body = "".join("各位代表要坚持发展经济改善民生。" for _ in range(n))
        return parse_report(f"一、工作\n{body}\n", region="demo", year=year)

    small = _peak_mb(lambda: align(doc(500, 2019), doc(500, 2020)))
    large = _peak_mb(lambda: align(doc(2000, 2019), doc(2000, 2020)))
    assert large < 4 * small + 20, (small, large)  # near-linear, not 16×
    al = align(doc(300, 2019), doc(300, 2020))
    assert [s.status for s in al.sentences].count("unchanged") == 300


def test_many_lead_line_sections_stay_near_linear():
    # 2,000 lead-line sections used to cost sections(A) × sections(B) scores (947 MB).
    def doc(n: int, year: int):
        lines = "".join(f"——加强第{i}项重点工作，推进项目{i}号建设。\n" for i in range(n))
        return parse_report(f"一、工作\n{lines}", region="demo", year=year)

    small = _peak_mb(lambda: align(doc(300, 2019), doc(300, 2020)))
    large = _peak_mb(lambda: align(doc(1200, 2019), doc(1200, 2020)))
    assert large < 6 * small + 20, (small, large)  # 4× the input; all pairs would be 16×


# ---------------------------------------------------------------------------
# Crashes: one line instead of an internal error
# ---------------------------------------------------------------------------


def test_name_too_long(tmp_path):
    one_line_error(run("sections", "x" * 300 + ".txt"), "too long")
    deep = "/".join(["d" * 200] * 30) + "/2020.txt"  # over PATH_MAX
    one_line_error(run("sections", deep))
    err = one_line_error(run("targets", "2020", "--out", tmp_path / ("y" * 300 + ".csv")), "too long")
    assert len(err) < 450


def test_regions_json_entries_must_be_objects(tmp_path):
    root = corpus_with(tmp_path, {"demo/2020.txt": REPORT, "regions.json": '{"demo": "东胜区", "x": 3}'})
    one_line_error(run("corpus", "--corpus", root), "regions.json", "not an object")
    root2 = corpus_with(tmp_path / "b", {"demo/2020.txt": REPORT, "regions.json": '["demo"]'})
    one_line_error(run("corpus", "--corpus", root2), "regions.json")
    root3 = corpus_with(tmp_path / "c", {"demo/2020.txt": REPORT, "regions.json": '{"demo": {"name": 5}}'})
    one_line_error(run("sections", "2020", "-r", "demo", "--corpus", root3), "name")


def test_json_never_holds_nan_or_infinity():
    data = {"v": float("nan"), "w": [float("inf"), -float("inf"), 1.5], "n": 10**5000}
    for text in (to_json(data), dumps(data), render_rows([data], "json"), render_rows([data], "jsonl")):
        for bad in ("NaN", "Infinity"):
            assert bad not in text
        json.loads(text.splitlines()[0] if text.startswith('{"v"') else text, parse_constant=pytest.fail)
    assert json.loads(to_json(data)) == {"v": None, "w": [None, None, 1.5], "n": None}


def test_graph_json_and_xml_survive_nan_and_huge_values(tmp_path):
    from policydiff.graph import write_graph

    g = nx.DiGraph(generator="test")
    g.add_node("a", value=float("nan"), value_high=float("inf"), label="x")
    g.add_node("b", value=1e-9, years=[2019, 2020])
    g.add_edge("a", "b", relation="r", margin=float("-inf"))
    for suffix in (".json", ".graphml", ".gexf"):
        path = write_graph(g, tmp_path / f"g{suffix}")
        text = path.read_text(encoding="utf-8")
        assert "NaN" not in text and "Infinity" not in text
        if suffix == ".json":
            json.loads(text, parse_constant=pytest.fail)
        elif suffix == ".graphml":
            nx.read_graphml(path)
        else:
            nx.read_gexf(path)


# ---------------------------------------------------------------------------
# Corrupt output or wrong file state
# ---------------------------------------------------------------------------


def _hostile_text() -> str:
    filler = "各位代表：\n" + "我们要坚持发展经济，改善民生。" * 600 + "\n"  # NUL lands after the first 8 KiB
    return (
        "政府工作报告\n——2020年1月5日在某区第一届人民代表大会第一次会议上\n"
        + filler
        + "一、2019年工作回顾\n全年地区生产总值\x01增长5%。城镇新增就业\x1b[31m1000人\x00。\n"
        + "二、2020年重点工作\n地区生产总值增长6%左右\x00。城镇新增就业\x1b]0;pwned\x071200人以上。\n"
    )


def test_control_characters_never_reach_xml_csv_or_html(tmp_path):
    folder = tmp_path / "demo"
    folder.mkdir()
    (folder / "2020.txt").write_text(_hostile_text(), encoding="utf-8")
    (folder / "2019.txt").write_text(REPORT_2019, encoding="utf-8")
    for suffix, reader in ((".graphml", nx.read_graphml), (".gexf", nx.read_gexf)):
        out = tmp_path / f"g{suffix}"
        r = run("graph", folder / "2019.txt", folder / "2020.txt", "--out", out)
        assert r.exit_code == 0, r.stderr
        data = out.read_bytes()
        assert b"\x00" not in data and b"\x01" not in data and b"\x1b" not in data
        reader(out)  # well-formed XML that networkx reads back
    for fmt in ("csv", "html", "markdown", "text"):
        out = tmp_path / f"c.{fmt}"
        r = run("compare", folder / "2019.txt", folder / "2020.txt", "--format", fmt, "--out", out)
        assert r.exit_code == 0, r.stderr
        data = out.read_bytes()
        assert b"\x00" not in data and b"\x1b" not in data and b"\x07" not in data, fmt
    r = run("targets", folder / "2020.txt", "--format", "csv")
    assert "\x00" not in r.stdout and "\x1b" not in r.stdout


def test_force_never_replaces_devices_or_fifos(tmp_path):
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    one_line_error(run("targets", "2020", "--format", "csv", "--out", fifo, "--force"), "FIFO")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    if os.path.exists("/dev/null"):
        one_line_error(run("targets", "2020", "--out", "/dev/null", "--force"), "device")
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_force_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    out = tmp_path / "t.csv"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o600)
    r = run("targets", "2020", "--format", "csv", "--out", out, "--force")
    assert r.exit_code == 0, r.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_text(encoding="utf-8").startswith("report,")


def test_symlinks_are_written_through_only_with_force(tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    one_line_error(run("targets", "2020", "--format", "csv", "--out", link), "exists", "--force")
    assert real.read_text(encoding="utf-8") == "old"
    r = run("targets", "2020", "--format", "csv", "--out", link, "--force")
    assert r.exit_code == 0, r.stderr
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("report,")
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(tmp_path / "missing" / "x.csv")
    one_line_error(run("targets", "2020", "--out", dangling, "--force"), "missing")
    assert not (tmp_path / "missing").exists()


def test_hard_links_keep_the_old_content(tmp_path):
    out = tmp_path / "a.txt"
    out.write_text("old", encoding="utf-8")
    other = tmp_path / "b.txt"
    os.link(out, other)
    atomic_write(out, "new", force=True)
    assert out.read_text(encoding="utf-8") == "new" and other.read_text(encoding="utf-8") == "old"


def test_interrupted_write_leaves_no_file_and_no_temporary(tmp_path, monkeypatch):
    real_write = os.write

    def interrupted(fd, data):
        real_write(fd, bytes(data[:10]))
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(tmp_path / "out.txt", "x" * 100_000)
    monkeypatch.undo()
    assert os.listdir(tmp_path) == []


def test_failed_write_reports_one_line(tmp_path):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    r = run("targets", "2020", "--out", tmp_path / "missing" / "t.txt")
    one_line_error(r, "does not exist")


def test_stale_temporaries_of_dead_runs_are_removed(tmp_path):
    from policydiff.fileio import _host

    target = tmp_path / "out.json"
    stale = tmp_path / f".out.json.policydiff-{_host()}-999999999-0badcafe.tmp"  # no such process
    live = tmp_path / f".out.json.policydiff-{_host()}-1-0badcafe.tmp"  # pid 1 is alive
    other = tmp_path / ".out.json.abcd.tmp"  # not ours
    for p in (stale, live, other):
        p.write_text("partial", encoding="utf-8")
    assert clean_stale_temporaries(target) == [stale]
    atomic_write(target, "{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([target.name, live.name, other.name])


def test_non_utf8_file_names_in_json_and_out(tmp_path):
    folder = os.fsencode(tmp_path)
    name = folder + b"/\xff\xfe-2020.txt"
    with open(name, "wb") as fh:
        fh.write(REPORT.encode("utf-8"))
    spec = os.fsdecode(name)
    r = run("sections", spec, "--format", "json")
    assert r.exit_code == 0, r.stderr
    r.stdout_bytes.decode("utf-8")  # strict: valid UTF-8
    doc = json.loads(r.stdout)
    assert "\\xff\\xfe" in doc["source"]
    r = run("targets", spec, "--format", "jsonl")
    assert r.exit_code == 0, r.stderr
    r.stdout_bytes.decode("utf-8")
    out = os.fsdecode(folder + b"/\xfa-out.csv")
    r = run("targets", spec, "--format", "csv", "--out", out)
    assert r.exit_code == 0 and os.path.exists(os.fsencode(out)), r.stderr
    assert "\\xfa" in r.stderr


# ---------------------------------------------------------------------------
# Injection
# ---------------------------------------------------------------------------


def test_terminal_escapes_are_neutralised(tmp_path):
    hostile = REPORT.replace("二、2020年重点工作", "二、2020年\x1b]0;pwned\x07重点\x1b[31m工作\x9b").replace(
        "城镇新增就业1200人", "城镇新增就业\x1b[2J1200人"
    )
    root = corpus_with(
        tmp_path,
        {"demo/2020.txt": hostile, "regions.json": '{"demo": {"name": "东胜\\u001b]0;x\\u0007区", "level": "d"}}'},
    )
    for args in (
        ["sections", "2020", "-r", "demo", "--corpus", root],
        ["sections", "2020", "-r", "demo", "--corpus", root, "--format", "table"],
        ["targets", "2020", "-r", "demo", "--corpus", root],
        ["targets", "2020", "-r", "demo", "--corpus", root, "--format", "markdown"],
        ["corpus", "--corpus", root],
        ["themes", "2020", "-r", "demo", "--corpus", root],
    ):
        r = run(*args)
        assert r.exit_code == 0, (args, r.stderr)
        for ch in ("\x1b", "\x07", "\x9b"):
            assert ch not in r.stdout and ch not in r.stderr, (args, ch)
    assert "␛" in run("sections", "2020", "-r", "demo", "--corpus", root).stdout
    assert neutralise("a\x1b[31mb") == "a␛[31mb"


def test_markdown_escapes_html_and_pipes(tmp_path):
    hostile = REPORT.replace(
        "加快建设新城区。", "<script>alert(1)</script>推进<img src=x onerror=alert(2)>和<svg onload=alert(3)>|建设。"
    ).replace("城镇新增就业1200人以上。", "城镇新增就业|<b>1200人以上。")
    path = tmp_path / "demo" / "2020.txt"
    path.parent.mkdir()
    path.write_text(hostile, encoding="utf-8")
    other = tmp_path / "demo" / "2019.txt"
    other.write_text(REPORT_2019, encoding="utf-8")
    for args in (["targets", path, "--format", "markdown"], ["compare", other, path, "--format", "markdown"]):
        r = run(*args)
        assert r.exit_code == 0, r.stderr
        for raw in ("<script", "<img", "<svg", "<b>"):
            assert raw not in r.stdout, (args, raw)
        columns = None  # every row of a table has its header's number of cells
        for line in r.stdout.splitlines():
            if not line.startswith("|"):
                columns = None
                continue
            cells = line.replace("\\|", "").count("|")
            columns = columns or cells
            assert cells == columns, line
    assert markdown_cell("a|b<i>") == "a\\|b&lt;i&gt;"


def test_csv_formula_injection_is_neutralised_for_text_only():
    rows = [{"text": '=HYPERLINK("x")', "t2": "+1+2 cmd", "t3": "@SUM(A1)", "t4": "-2+3", "n": -3.5, "s": "-0.5"}]
    text = render_rows(rows, "csv")
    cells = next(csv.reader(io.StringIO(text.splitlines()[1])))
    assert cells[:4] == ['\'=HYPERLINK("x")', "'+1+2 cmd", "'@SUM(A1)", "'-2+3"]
    assert cells[4:] == ["-3.5", "-0.5"]  # numbers and numeric text stay numbers
    assert csv_cell(5) == 5 and csv_cell("-7%") == "-7%"


def test_csv_of_commands_has_no_live_formula(tmp_path):
    hostile = REPORT.replace("加快建设新城区。", "\n=cmd|' /C calc'!A0 加快建设新城区。\n")
    path = tmp_path / "demo" / "2020.txt"
    path.parent.mkdir()
    path.write_text(hostile, encoding="utf-8")
    r = run("targets", path, "--kind", "all", "--format", "csv")
    assert r.exit_code == 0, r.stderr
    for row in csv.reader(io.StringIO(r.stdout)):
        for cell in row:
            assert not cell.startswith(("=", "@")), cell


# ---------------------------------------------------------------------------
# Encodings and HTML
# ---------------------------------------------------------------------------


def test_utf32_with_bom_is_decoded_as_utf32():
    for codec, bom in (("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE)):
        decoded = decode_bytes(bom + REPORT.encode(codec))
        assert decoded.text == REPORT and decoded.encoding == "utf-32" and "\x00" not in decoded.text


def test_shift_jis_is_refused_in_one_line(tmp_path):
    path = tmp_path / "2020.txt"
    path.write_bytes("政府活動報告\n一、昨年の振り返り\n経済は安定的に成長しました。\n".encode("shift_jis") * 20)
    one_line_error(run("sections", path), "Shift-JIS")
    gbk = tmp_path / "gbk-2020.txt"
    gbk.write_bytes(REPORT.encode("gbk"))
    assert run("sections", gbk).exit_code == 0  # GBK is still read


@pytest.mark.parametrize(
    "prefix", ["<!-- saved page -->\n", '<?xml version="1.0" encoding="utf-8"?>\n', "<!--a-->\n<!--b-->"]
)
def test_html_starting_with_comment_or_xml_declaration(prefix):
    page = prefix + "<html><body><p>一、2019年工作回顾</p><p>全年增长5%。<b>x</b></p></body></html>"
    decoded = decode_bytes(page.encode("utf-8"))
    assert decoded.is_html and "<" not in decoded.text and "一、2019年工作回顾" in decoded.text


@pytest.mark.parametrize("sep", ["\f", "\v", "\u2028", "\u2029", "\x85"])
def test_line_separators_make_no_phantom_sentences(tmp_path, sep):
    text = REPORT.replace("\n一、", f"\n{sep}一、").replace("。城镇", f"。{sep}城镇")
    path = tmp_path / "demo" / "2020.txt"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    report = load_report(path)
    assert len(report.text) == len(text)  # offsets exact: one character for one
    assert all(s.text.strip() for s in report.sentences)
    al = align(report, load_report(path))
    assert {s.status for s in al.sentences} == {"unchanged"}


# ---------------------------------------------------------------------------
# Smaller things
# ---------------------------------------------------------------------------


def test_no_delivery_check_is_said_once(tmp_path):
    folder = tmp_path / "demo"
    folder.mkdir()
    (folder / "2018.txt").write_text(REPORT_2019.replace("2019", "2018").replace("2018年工作", "2017年工作"), "utf-8")
    (folder / "2020.txt").write_text(REPORT, encoding="utf-8")
    r = run("compare", folder / "2018.txt", folder / "2020.txt", "--section", "delivery")
    assert r.exit_code == 0, r.stderr
    assert "no delivery check" in r.stdout
    assert "no delivery check: no delivery check" not in r.stdout


def test_tiny_numbers_are_shown_in_plain_notation():
    assert plain_number(0.000000001) == "0.000000001" and _num(1e-9) == "0.000000001"
    assert plain_number(1e21) == "1000000000000000000000" and plain_number(float("nan")) == ""
    table = render_rows([{"v": 1e-9}, {"v": 2.5}], "table")
    assert "1e-09" not in table and "0.000000001" in table


def test_corpus_warns_about_skipped_names_in_every_command(tmp_path):
    root = corpus_with(
        tmp_path,
        {
            "demo/2020.txt": REPORT,
            "demo/02019.txt": REPORT_2019,
            "demo/12345.txt": REPORT,
            "demo/2019.txt.bak": REPORT_2019,
            "demo/2018.html": "<html><p>" + REPORT_2019 + "</p></html>",
            "demo/2018.txt": REPORT_2019,
            "demo/.hidden.txt": "x",
        },
    )
    corpus = Corpus(root, bundled=False, use_env=False)
    text = " ".join(corpus.warnings)
    for name in ("02019.txt", "12345.txt", "2019.txt.bak", "demo/2018"):
        assert name in text, name
    assert ".hidden" not in text
    for args in (["sections", "2020"], ["targets", "2020"], ["themes", "2020"]):
        r = run(*args, "-r", "demo", "--corpus", root)
        assert r.exit_code == 0, r.stderr
        assert "02019.txt" in r.stderr and "already found" in r.stderr, args
    failed = run("sections", "2017", "-r", "demo", "--corpus", root)
    one_line_error(failed, "corpus warnings")


def test_long_error_messages_are_capped(tmp_path):
    root = tmp_path / "many"
    for i in range(2000):
        (root / f"region{i:04d}").mkdir(parents=True)
        (root / f"region{i:04d}" / "2019.txt").write_text(REPORT_2019, encoding="utf-8")
    line = one_line_error(run("sections", "2019", "--corpus", root))
    assert len(line) < 500 and "more" in line
    line = one_line_error(run("sections", "2019", "-r", "nowhere", "--corpus", root), "unknown region")
    assert len(line) < 500
    with pytest.raises(PolicydiffError) as info:
        raise PolicydiffError("x" * 14070)
    assert len(str(info.value)) <= 400


def test_graph_checks_the_output_folder_before_building(tmp_path, monkeypatch):
    def never(*a, **k):
        raise AssertionError("built the graph before checking the output")

    monkeypatch.setattr("policydiff.graph.build_graph", never)  # the command imports it when it runs
    one_line_error(run("graph", "--out", tmp_path / "missing" / "g.json"), "does not exist")
    (tmp_path / "g.json").write_text("{}", encoding="utf-8")
    one_line_error(run("graph", "--out", tmp_path / "g.json"), "exists", "--force")


@pytest.mark.parametrize(
    "args",
    [["targets", "2020"], ["compare", "2019", "2020"], ["graph"], ["timeline", "gdp.growth"], ["themes", "2020"]],
)
def test_empty_out_is_refused(args):
    r = run(*args, "--out", "")
    one_line_error(r, "--out", "empty")
    assert r.stdout == ""


def test_load_report_of_text_gives_a_short_error():
    with pytest.raises(InputError) as info:
        load_report(REPORT * 50)
    assert len(str(info.value)) < 300 and "parse_report" in str(info.value)


def test_years_as_text_are_accepted():
    assert Corpus().get("2020").year == 2020
    assert Corpus().entry("2020").year == 2020
    with pytest.raises(InputError):
        Corpus().get("20x0")


def test_load_report_takes_a_year_as_text(report):
    assert load_report(report, year="2013").year == 2013


def test_a_file_named_by_region_and_year_keys_its_report_by_both(tmp_path):
    # downloaded reports are often named 保定市2020年政府工作报告.txt, or kept as 2020年政府工作报告.txt in a
    # folder named after the region: the key is the region, not the whole file name
    named = tmp_path / "保定市2020年政府工作报告.txt"
    named.write_text(REPORT, encoding="utf-8")
    (tmp_path / "保定市").mkdir()
    foldered = tmp_path / "保定市" / "2019年政府工作报告.txt"
    foldered.write_text(REPORT_2019, encoding="utf-8")
    assert (load_report(named).region, load_report(named).year) == ("保定市", 2020)
    assert (load_report(foldered).region, load_report(foldered).year) == ("保定市", 2019)
    result = run("compare", foldered, named, "--section", "delivery")
    assert result.exit_code == 0 and "保定市/2019 targets for 2019 → results reported in 保定市/2020" in result.output


def test_corpus_takes_one_folder_or_a_path(tmp_path, report):
    folder = report.parent.parent
    for arg in (str(folder), folder, [folder], (str(folder),)):
        c = Corpus(arg, bundled=False, use_env=False)
        assert ("demo", 2020) in c, arg
    with pytest.raises(InputError, match="is a file"):
        Corpus([report], bundled=False, use_env=False)
    with pytest.raises(NotFoundError, match="does not exist"):
        Corpus(tmp_path / "nowhere", bundled=False, use_env=False)


# ---------------------------------------------------------------------------
# Error hierarchy (issue 12)
# ---------------------------------------------------------------------------


def test_error_hierarchy_and_python_wording(tmp_path):
    assert issubclass(NotFoundError, LookupError) and issubclass(OutputExistsError, FileExistsError)
    for cls in (InputError, NotFoundError, AmbiguousError, OutputExistsError, OutputError):
        assert issubclass(cls, PolicydiffError)
    out = tmp_path / "x.txt"
    out.write_text("x", encoding="utf-8")
    with pytest.raises(OutputExistsError) as info:
        atomic_write(out, "y")
    assert "force=True" in str(info.value) and "--force" not in str(info.value)
    assert "--force" in info.value.cli_text()
    with pytest.raises(NotFoundError) as info2:
        Corpus(bundled=True, use_env=False).get(1999)
    assert "--corpus" not in str(info2.value) and "Corpus(" in str(info2.value)
    root = corpus_with(tmp_path, {"a/2019.txt": REPORT_2019, "b/2019.txt": REPORT_2019})
    with pytest.raises(AmbiguousError) as info3:
        Corpus(root, bundled=False, use_env=False).get(2019)
    assert "--region" not in str(info3.value) and "region=" in str(info3.value)
    r = run("sections", "2019", "--corpus", root)
    one_line_error(r, "--region")


def test_numbers_beyond_any_report_are_not_figures_and_are_said(tmp_path):
    # a 5,000-digit integer and 400-digit decimals: no record, valid JSON, one warning line each
    text = (
        "一、2019年工作回顾\n全年地区生产总值增长" + "9" * 5000 + "%，收入" + "1" * 400 + "." + "5" * 400 + "亿元。\n"
    )
    path = tmp_path / "huge-2020.txt"
    path.write_text(text, encoding="utf-8")
    r = run("targets", str(path), "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout) == []
    warnings = [line for line in r.stderr.splitlines() if "not read as a figure" in line]
    assert [w.split(" at offset")[0].split(": ")[-1] for w in warnings] == [
        "a 5000-digit number",
        "a 400-digit number",
        "a 400-digit number",
    ]
