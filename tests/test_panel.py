"""``policydiff panel`` and :func:`policydiff.panel.panel` on the real reports of ../shared/corpora."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
import subprocess
import sys

import pytest

from policydiff.corpus import Corpus
from policydiff.errors import InputError, NotFoundError
from policydiff.panel import COLUMNS, ESCALATION_COLUMNS, Panel, panel
from policydiff.regions import RegionTable, corpus_regions, read_regions_tsv
from policydiff.report import parse_report

from .conftest import SHARED_CORPORA, run_shared

pytestmark = pytest.mark.usefixtures("own_cache")
run = run_shared


def one_line_error(code, err, *needles):
    assert code == 2, (code, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("policydiff: error: "), err
    for n in needles:
        assert n in lines[0], lines[0]


# ---------------------------------------------------------------------------
# The whole shared corpus, once: sqlite, then csv and jsonl from the warm cache
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def full(tmp_path_factory):
    d = tmp_path_factory.mktemp("full")
    outs = {}
    for suffix in ("sqlite", "csv", "jsonl"):
        out = d / f"p.{suffix}"
        code, stdout, stderr = run("panel", "--out", str(out))
        assert code == 0, stderr
        outs[suffix] = (out, stdout, stderr)
    return outs


def _norm(v):
    """A cell as text, numbers in one spelling (SQLite's REAL 5.0 is the CSV's 5)."""
    if v is None or v == "":
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(float(v))
    try:
        return repr(float(v)) if v.strip() == v and v not in ("nan", "inf") else v
    except ValueError:
        return v


def test_full_corpus_sqlite_has_every_report_and_the_documented_schema(full):
    out, stdout, stderr = full["sqlite"]
    corpus = Corpus([SHARED_CORPORA], use_env=False)
    db = sqlite3.connect(out)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"regions", "reports", "records", "delivery", "escalation"}
    assert {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'view'")} == {"panel"}
    indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}
    assert {"records_metric_year", "reports_region_year", "delivery_status", "escalation_metric_year"} <= indexes
    n_reports = db.execute("SELECT count(*) FROM reports").fetchone()[0]
    assert n_reports == len(corpus) >= 107  # 106 shared reports and the bundled one
    assert f"{n_reports} reports of {len(corpus.regions())} regions" in stdout
    view_cols = [d[1] for d in db.execute("PRAGMA table_info(panel)")]
    assert view_cols == list(COLUMNS)
    # hubei 2025: 地区生产总值增长6%左右 against the national 5%左右; the plan states it again where it explains
    # it (经济增长6％左右), a row of its own outside the headline list
    row = db.execute(
        "SELECT name_zh, level, parent, value, qualifier, headline, parent_value, parent_qualifier, difference, "
        "vs_parent FROM panel WHERE report = 'hubei/2025' AND metric = 'gdp.growth' AND kind = 'target'"
    ).fetchall()
    assert row[0] == ("湖北省", "province", "national", 6.0, "左右", 1, 5.0, "左右", 1.0, "above")
    assert [r[3:6] for r in row[1:]] == [(6.0, "左右", 0)]
    # sha256 of the file as it is on disk
    sha = db.execute("SELECT sha256 FROM reports WHERE report = 'national/2025'").fetchone()[0]
    import hashlib

    assert sha == hashlib.sha256((SHARED_CORPORA / "national" / "2025.txt").read_bytes()).hexdigest()
    # every delivery row belongs to a target record
    assert db.execute(
        "SELECT count(*) FROM delivery d JOIN records r USING (report, record) WHERE r.kind != 'target'"
    ).fetchone() == (0,)


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="no sqlite3 shell on this machine")
def test_the_sqlite_shell_opens_the_file(full):
    out = full["sqlite"][0]
    got = subprocess.run(
        [
            "sqlite3",
            str(out),
            "SELECT count(*) FROM reports; SELECT value FROM panel WHERE report = 'qinghai/2025' "
            "AND metric = 'gdp.growth' AND kind = 'target';",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert int(got[0]) >= 107 and got[1] == "4.5"


def test_csv_jsonl_and_the_sqlite_view_hold_the_same_rows(full):
    rows_csv = list(csv.DictReader(io.StringIO(full["csv"][0].read_text(encoding="utf-8"))))
    rows_jsonl = [json.loads(line) for line in full["jsonl"][0].read_text(encoding="utf-8").splitlines()]
    db = sqlite3.connect(full["sqlite"][0])
    cur = db.execute("SELECT * FROM panel")
    names = [d[0] for d in cur.description]
    rows_sql = [dict(zip(names, r, strict=True)) for r in cur]
    assert len(rows_csv) == len(rows_jsonl) == len(rows_sql) > 10000
    assert list(rows_csv[0]) == list(rows_jsonl[0]) == names == list(COLUMNS)
    bools = {"headline", "absent"}
    for a, b, c in zip(rows_csv, rows_jsonl, rows_sql, strict=True):
        for col in COLUMNS:
            x, y, z = a[col], b[col], c[col]
            if col in bools:
                z = None if z is None else bool(z)
            x = x[1:] if isinstance(x, str) and x.startswith("'") and not str(y).startswith("'") else x
            assert _norm(x) == _norm(y) == _norm(z), (col, x, y, z)


def test_reruns_are_byte_identical_and_the_cache_serves_them(full, tmp_path):
    for suffix in ("sqlite", "csv"):
        again = tmp_path / f"again.{suffix}"
        code, _, stderr = run("panel", "--out", str(again))
        assert code == 0, stderr
        assert again.read_bytes() == full[suffix][0].read_bytes()
        assert "cache: 107 reports from the cache, 0 extracted" in stderr
    fresh = tmp_path / "fresh.csv"
    code, _, stderr = run("panel", "--no-cache", "--out", str(fresh))
    assert code == 0 and "0 reports from the cache" in stderr
    assert fresh.read_bytes() == full["csv"][0].read_bytes()


# ---------------------------------------------------------------------------
# Selection, delivery, kinds, the library
# ---------------------------------------------------------------------------


def test_national_2019_gdp_target_is_judged_by_the_2020_report():
    p = panel([SHARED_CORPORA], regions=["national"], years=[2019], cache=False)
    assert [r["report"] for r in p.reports] == ["national/2019"]  # 2020 is read for delivery, not listed
    gdp = [r for r in p.rows if r["metric"] == "gdp.growth" and r["kind"] == "target" and r["headline"]]
    assert [(r["value"], r["value_high"], r["unit"]) for r in gdp] == [(6, 6.5, "%")]
    assert gdp[0]["result_report"] == "national/2020" and gdp[0]["result_value"] == 6.1
    assert gdp[0]["status"] == "met"
    assert gdp[0]["level"] == "national" and gdp[0]["parent"] is None and gdp[0]["vs_parent"] is None
    assert len({r["record"] for r in p.rows}) == len(p.rows)  # record numbers are unique within the report


def test_selection_by_level_and_years():
    p = panel([SHARED_CORPORA], level="county", years=range(2019, 2021), cache=False, delivery=False)
    assert {r["region"] for r in p.reports} == {"dingxing", "laishui", "yixian"}  # shunping starts in 2022
    assert {r["level"] for r in p.rows} == {"county"} and {r["parent"] for r in p.rows} == {"baoding"}
    assert all(2019 <= r["report_year"] <= 2020 for r in p.rows)
    assert {r["status"] for r in p.rows} == {None}  # delivery=False


def test_commitments_have_verbs_and_no_delivery():
    p = panel([SHARED_CORPORA], regions=["beijing"], years=[2025], kind="commitment", cache=False)
    assert p.rows and {r["kind"] for r in p.rows} == {"commitment"}
    assert all(r["verb"] for r in p.rows) and not p.delivery


def test_kind_context_gives_the_context_figures_only(tmp_path):
    out = tmp_path / "ctx.csv"
    code, _, err = run("panel", "-r", "national", "--years", "2016-2017", "--kind", "context", "--out", str(out))
    assert code == 0, err
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["report"], r["indicator"], r["value"], r["unit"]) for r in rows] == [
        ("national/2016", "劳动力", "9", "亿"),
        ("national/2016", "用好", "1800", "亿元"),
        ("national/2016", "高校毕业生", "765", "万人"),  # 今年高校毕业生将高达765万人 (高达 links like 达)
        ("national/2017", "高校毕业生", "795", "万人"),
    ]
    assert rows[3]["sentence"].startswith("今年高校毕业生795万人") and all(r["kind"] == "context" for r in rows)
    assert all(r["status"] == "" for r in rows)  # no delivery for what is not a target
    # the default (quantity) holds them among the targets and results
    q = panel([SHARED_CORPORA], regions=["national"], years=[2017], cache=False, delivery=False)
    assert [r["indicator"] for r in q.rows if r["kind"] == "context"] == ["高校毕业生"]
    assert {"target", "result"} <= {r["kind"] for r in q.rows}


def test_unknown_region_in_a_corpus_still_works(tmp_path):
    (tmp_path / "mytown").mkdir()
    text = (SHARED_CORPORA / "hubei" / "2025.txt").read_text(encoding="utf-8")
    (tmp_path / "mytown" / "2025.txt").write_text(text, encoding="utf-8")
    p = panel(Corpus([tmp_path], use_env=False, bundled=False), cache=False)
    assert {(r["region"], r["name_zh"], r["level"], r["parent"]) for r in p.rows} == {("mytown", None, "unknown", None)}
    assert any(r["metric"] == "gdp.growth" and r["value"] == 6 for r in p.rows)


def test_regions_tsv_in_a_corpus_extends_the_bundled_table(tmp_path):
    (tmp_path / "regions.tsv").write_text(
        "key\tname_zh\tlevel\tparent\n# a comment\nmytown\t我的镇\ttown\thubei\nhubei\t\t\t\n", encoding="utf-8"
    )
    (tmp_path / "mytown").mkdir()
    t = corpus_regions(Corpus([tmp_path], use_env=False))
    assert t.get("mytown").to_dict() == {"key": "mytown", "name_zh": "我的镇", "level": "town", "parent": "hubei"}
    assert t.get("hubei").name_zh == "湖北省"  # empty fields keep the bundled values
    assert t.ancestors("mytown") == ["hubei", "national"]
    shared = corpus_regions(Corpus([SHARED_CORPORA], use_env=False))
    assert shared.get("laishui").parent == "baoding" and shared.ancestors("laishui") == ["baoding", "hebei", "national"]
    assert len(RegionTable.bundled().with_level("province")) == 31


@pytest.mark.parametrize(
    "text, needle",
    [
        ("key\tname_zh\tlevel\tparent\nbad key\tx\tcity\t\n", "not a region key"),
        ("key\tname_zh\tlevel\tparent\na\tA\tcity\t\na\tA\tcity\t\n", "listed twice"),
        ("key\tname_zh\tlevel\tparent\na\tA\tcity\ta\n", "its own parent"),
        ("key\tname\tlevel\tparent\n", "lacks name_zh"),
        ("a\tb\tc\td\te\tf\n", "fields"),
    ],
)
def test_a_malformed_regions_tsv_is_one_clear_error(tmp_path, text, needle):
    path = tmp_path / "regions.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=needle):
        read_regions_tsv(path)


def test_panel_from_parsed_reports_and_parent_columns():
    p = Panel.from_reports(
        [
            parse_report("二、今年目标\n今年主要预期目标是：地区生产总值增长5%左右。", region="national", year=2025),
            parse_report("二、今年目标\n主要预期目标是：地区生产总值增长4.5%左右。", region="qinghai", year=2025),
        ]
    )
    (esc,) = p.escalation
    assert list(esc) == list(ESCALATION_COLUMNS)
    assert (esc["region"], esc["value"], esc["parent"], esc["parent_value"], esc["difference"], esc["vs_parent"]) == (
        "qinghai",
        4.5,
        "national",
        5,
        -0.5,
        "below",
    )
    assert esc["record"] == 0 and esc["parent_record"] == 0


def test_to_pandas_and_to_arrow_say_what_is_missing(monkeypatch):
    p = Panel.from_reports(
        [parse_report("二、今年目标\n主要预期目标是：地区生产总值增长5%左右。", region="x", year=2025)]
    )
    monkeypatch.setitem(sys.modules, "pandas", None)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(InputError, match="needs pandas"):
        p.to_pandas()
    with pytest.raises(InputError, match=r"pip install 'policydiff\[parquet\]'"):
        p.to_arrow()


def test_library_errors():
    with pytest.raises(NotFoundError, match="unknown region 'atlantis'"):
        panel([SHARED_CORPORA], regions=["atlantis"], cache=False)
    with pytest.raises(NotFoundError, match="no region of level 'township'"):
        panel([SHARED_CORPORA], level="township", cache=False)
    with pytest.raises(InputError, match="unknown kind"):
        panel([SHARED_CORPORA], kind="wishes", cache=False)


# ---------------------------------------------------------------------------
# CLI: parquet, errors, no clobbering
# ---------------------------------------------------------------------------


def test_parquet_without_pyarrow_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    out = tmp_path / "p.parquet"
    code, _, stderr = run("panel", "-r", "national", "--years", "2025", "--out", str(out))
    one_line_error(code, stderr, "pyarrow", "policydiff[parquet]")
    assert not out.exists()


def test_parquet_with_pyarrow(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "p.parquet"
    code, _, stderr = run("panel", "-r", "national", "-r", "qinghai", "--years", "2025", "--out", str(out))
    assert code == 0, stderr
    table = pq.read_table(out)
    assert table.column_names == list(COLUMNS)
    rows = table.to_pylist()
    qh = [r for r in rows if r["report"] == "qinghai/2025" and r["metric"] == "gdp.growth" and r["kind"] == "target"]
    assert [(r["value"], r["qualifier"], r["parent_value"], r["vs_parent"]) for r in qh] == [
        (4.5, "左右", 5.0, "below")
    ]
    csv_out = tmp_path / "p.csv"
    run("panel", "-r", "national", "-r", "qinghai", "--years", "2025", "--out", str(csv_out))
    assert len(rows) == len(csv_out.read_text(encoding="utf-8").splitlines()) - 1


def test_panel_cli_errors_and_no_clobbering(tmp_path):
    code, _, stderr = run("panel", "--out", str(tmp_path / "p.xlsx"))
    one_line_error(code, stderr, ".csv, .jsonl, .sqlite, .parquet")
    code, _, stderr = run("panel", "-r", "atlantis", "--out", str(tmp_path / "p.csv"))
    one_line_error(code, stderr, "unknown region 'atlantis'")
    code, _, stderr = run("panel", "--level", "township", "--out", str(tmp_path / "p.csv"))
    one_line_error(code, stderr, "no region of level 'township'")
    code, _, stderr = run("panel", "--years", "2040", "--out", str(tmp_path / "p.csv"))
    one_line_error(code, stderr, "no report")
    mine = tmp_path / "mine.csv"
    mine.write_text("mine", encoding="utf-8")
    code, _, stderr = run("panel", "-r", "national", "--years", "2025", "--out", str(mine))
    one_line_error(code, stderr, "exists", "--force")
    assert mine.read_text(encoding="utf-8") == "mine"
    code, _, stderr = run("panel", "-r", "national", "--years", "2025", "--out", str(mine), "--force")
    assert code == 0, stderr
    assert mine.read_text(encoding="utf-8").startswith(",".join(COLUMNS[:4]))


def test_progress_bar_stays_off_when_stderr_is_not_a_terminal(tmp_path):
    code, _, stderr = run("panel", "-r", "national", "--years", "2024-2025", "--out", str(tmp_path / "p.jsonl"))
    assert code == 0
    assert "Reading" not in stderr and "%" not in stderr


def test_sqlite_cells_none_nan_infinity_and_bools(tmp_path):
    """The writer binds None as NaN and bools as 0/1 (quicker): stored as NULL and integers, as before."""
    p = Panel.from_reports(
        [parse_report("二、今年目标\n今年主要预期目标是：地区生产总值增长5%左右。", region="national", year=2025)]
    )
    t = list(p.tuples[0])
    t[COLUMNS.index("value_high")] = float("inf")
    t[COLUMNS.index("base")] = float("nan")
    p.tuples[0] = tuple(t)
    out = p.write(tmp_path / "p.sqlite")
    db = sqlite3.connect(out)
    row = db.execute(
        "SELECT typeof(value_high), typeof(base), typeof(per), typeof(headline), headline, typeof(absent), absent"
        " FROM records WHERE record = 0"
    ).fetchone()
    db.close()
    assert row == ("null", "null", "null", "integer", int(t[COLUMNS.index("headline")]), "integer", 0)


# ---------------------------------------------------------------------------
# Warm panels: written from the cache by worker processes, the same bytes
# ---------------------------------------------------------------------------


def _ordinary(tmp_path, suffixes, **kw):
    """The files the ordinary way writes (no cache, one process, Panel.write), by suffix: one panel built once."""
    built = panel([SHARED_CORPORA], cache=False, workers=1, **kw)
    out = {}
    for suffix in suffixes:
        built.write(tmp_path / f"plain.{suffix}")
        out[suffix] = (tmp_path / f"plain.{suffix}").read_bytes()
    return out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the warm path forks its workers")
@pytest.mark.parametrize("kind", ["quantity", "target", "all"])
def test_a_warm_panel_from_worker_processes_is_byte_identical(tmp_path, monkeypatch, kind):
    from policydiff.cache import ExtractionCache
    from policydiff.panel import write_panel

    args = {"level": "province", "years": [2024, 2025], "kind": kind}
    with ExtractionCache(tmp_path / "c.sqlite") as cache:
        first = write_panel([SHARED_CORPORA], tmp_path / "cold.sqlite", cache=cache, workers=2, **args)
        assert first.extracted > 0
        # from here on the ordinary way must not run: every file comes from the workers
        monkeypatch.setattr("policydiff.panel.panel", lambda *a, **k: pytest.fail("the ordinary way ran"))
        for suffix in ("sqlite", "csv", "jsonl"):
            done = write_panel([SHARED_CORPORA], tmp_path / f"warm.{suffix}", cache=cache, workers=2, **args)
            assert (done.cache_hits, done.extracted) == (first.cache_hits + first.extracted, 0)
            assert (done.reports, done.regions, done.rows, done.kinds, done.status) == (
                first.reports,
                first.regions,
                first.rows,
                first.kinds,
                first.status,
            )
    monkeypatch.undo()
    plain = _ordinary(tmp_path, ("sqlite", "csv", "jsonl"), **args)
    for suffix in ("sqlite", "csv", "jsonl"):
        assert (tmp_path / f"warm.{suffix}").read_bytes() == plain[suffix], suffix
    assert (tmp_path / "cold.sqlite").read_bytes() == (tmp_path / "warm.sqlite").read_bytes()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the warm path forks its workers")
def test_a_warm_panel_with_a_damaged_or_changed_entry_goes_the_ordinary_way(tmp_path):
    from policydiff.cache import ExtractionCache
    from policydiff.panel import write_panel

    corpus_dir = tmp_path / "corpus"
    for region, year in (("national", 2024), ("national", 2025), ("qinghai", 2025)):
        (corpus_dir / region).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SHARED_CORPORA / region / f"{year}.txt", corpus_dir / region / f"{year}.txt")
    corpus = Corpus([corpus_dir], use_env=False, bundled=False)
    path = tmp_path / "cache.sqlite"
    with ExtractionCache(path) as cache:
        write_panel(corpus, tmp_path / "a.sqlite", cache=cache, workers=2)
        warm = write_panel(corpus, tmp_path / "b.sqlite", cache=cache, workers=2)
    assert (warm.cache_hits, warm.extracted) == (3, 0)
    assert (tmp_path / "a.sqlite").read_bytes() == (tmp_path / "b.sqlite").read_bytes()
    db = sqlite3.connect(path)
    db.execute("UPDATE entries SET payload = x'00ff' WHERE region = 'qinghai' AND part = 'quantity'")
    db.commit()
    db.close()
    with ExtractionCache(path) as cache:
        damaged = write_panel(corpus, tmp_path / "c.sqlite", cache=cache, workers=2)
    assert (damaged.cache_hits, damaged.extracted) == (2, 1)  # read again, the ordinary way
    assert (tmp_path / "c.sqlite").read_bytes() == (tmp_path / "a.sqlite").read_bytes()
    report = corpus_dir / "national" / "2025.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("5%左右", "6%左右", 1), encoding="utf-8")
    with ExtractionCache(path) as cache:
        changed = write_panel(corpus, tmp_path / "d.csv", cache=cache, workers=2)
    assert (changed.cache_hits, changed.extracted) == (2, 1)
    plain = tmp_path / "plain.csv"
    panel(corpus, cache=False, workers=1).write(plain)
    assert (tmp_path / "d.csv").read_bytes() == plain.read_bytes()


def test_scratch_files_copied_by_sqlite_give_the_same_file_infinities_included(tmp_path):
    """The worker path's writer (scratch files of untyped tables, copied in order) against Panel.write."""
    from operator import itemgetter

    from policydiff.panel.writers import _RECORD_ROW, copy_filler, write_scratch, write_sqlite

    reports = [
        parse_report("二、今年目标\n今年主要预期目标是：地区生产总值增长5%左右。", region="national", year=2025),
        parse_report("二、今年目标\n主要预期目标是：地区生产总值增长4.5%左右。", region="qinghai", year=2025),
    ]
    p = Panel.from_reports(reports)
    t = list(p.tuples[0])
    t[COLUMNS.index("value_high")] = float("inf")
    p.tuples[0] = tuple(t)
    e = dict(p.escalation[0])
    e["difference"] = float("-inf")
    p.escalation[0] = e
    expected = p.write(tmp_path / "p.sqlite").read_bytes()
    files, infinite = [], set()
    for k, report in enumerate(p.reports):  # one run per report
        mine = [i for i, row in enumerate(p.tuples) if row[COLUMNS.index("report")] == report["report"]]
        esc = [itemgetter(*ESCALATION_COLUMNS)(x) for x in p.escalation if x["report"] == report["report"]]
        files.append(tmp_path / f"run{k}.sqlite")
        infinite.update(
            write_scratch(
                files[-1],
                [report],
                [_RECORD_ROW(p.tuples[i]) for i in mine],
                [d for d in p.delivery_tuples if d[0] == report["report"]],
                esc,
            )
        )
    assert infinite == {"records", "escalation"}
    write_sqlite(tmp_path / "copied.sqlite", copy_filler(len(files), p.regions), attach=files, infinite=infinite)
    assert (tmp_path / "copied.sqlite").read_bytes() == expected
