"""Delivery against hand-paired gold: pairing recall, precision and status agreement per pair.

The gold files were paired by hand from the texts alone: the shared dev pair
``../shared/gold/delivery/anhui-2025-2026.jsonl`` and the blind pairs in ``tests/gold/delivery/``
(READMEs beside them). Each pair is compared with ``policydiff compare A B --format json`` and scored by
the shared scorer ``../shared/eval/score_delivery.py`` (run as a subprocess, untouched). The gold writes
statuses with underscores (``not_comparable``), policydiff with spaces; the JSON handed to the scorer
has them rewritten so that status agreement is counted, nothing else is changed.

The thresholds are what the linking reaches today (docs/compare.md gives the figures and what is left:
extraction misses — a lost subject (产量 for 粮食产量, 新投产里程 for 铁路新投产里程, 新增里程 for 新增高速公路
里程) — and derived sums the gold counts and no rule should guess (人工造林6.5万亩 + 封山育林6万亩 for 造林绿化)).
The last four pairs (hebei, hunan, hailar, laiyuan) were paired blind this round, after the rules for the first
six were written: they measure how the linking carries to regions it was not built on.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from policydiff.compare import compare
from policydiff.extract import extract
from policydiff.render.compare_text import render_json

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"
SCORER = SHARED / "eval" / "score_delivery.py"
GOLD = ROOT / "tests" / "gold" / "delivery"

# (region, year A, gold file, recall at least, precision at least, status agreement at least)
PAIRS = [
    ("anhui", 2025, SHARED / "gold" / "delivery" / "anhui-2025-2026.jsonl", 0.95, 1.0, 1.0),
    # national 2015, 2019 and 2023 each count one budget quota that B's plan restates by its change
    # (财政赤字2.18万亿元，比去年增加5600亿元 → 1.62万亿元) as a result; seven such lines of five other national
    # golds (2009, 2013, 2016–2018) do not, nor the shared README (results lie before B's plan part). The tool
    # follows the majority: a restated quota is a note on a not-reported row, so these three miss that line.
    # Likewise a level B's plan starts from (财政补助由每人每年380元提高到420元): national 2015 counts two as
    # results, national 2012 and 2014 (four lines) do not; the tool names it on a not-reported row.
    ("national", 2015, GOLD / "national-2015-2016.jsonl", 0.69, 1.0, 1.0),
    ("national", 2023, GOLD / "national-2023-2024.jsonl", 0.83, 1.0, 1.0),
    ("jiangsu", 2025, GOLD / "jiangsu-2025-2026.jsonl", 1.0, 1.0, 1.0),
    ("guangxi", 2025, GOLD / "guangxi-2025-2026.jsonl", 1.0, 1.0, 1.0),
    ("yixian", 2019, GOLD / "yixian-2019-2020.jsonl", 0.93, 1.0, 1.0),
    # paired blind after the linking above was built, as a check on other regions (held-out style): what the
    # tool reaches on them is below the 0.90 recall; README-<region>.md says what each gold counts
    ("hebei", 2025, GOLD / "hebei-2025-2026.jsonl", 1.0, 1.0, 0.9),
    # hunan: precision 0.95 → 0.90 since 推进好总投资1.78万亿元的289个省重点项目 (no target in the gold) meets its
    # projects' 完成投资4608亿元 as not comparable, now that the bare 完成投资 names whose it is
    ("hunan", 2025, GOLD / "hunan-2025-2026.jsonl", 0.8, 0.95, 0.9),
    ("hailar", 2017, GOLD / "hailar-2017-2018.jsonl", 0.8, 1, 1),
    ("laiyuan", 2021, GOLD / "laiyuan-2021-2022.jsonl", 0.88, 1.0, 1),
    # a second round, paired blind after the rules above (chongqing 0.64 → 0.77, dingxing 0.55 → 0.55, hailar
    # 2015 0.44 → 0.52 from the start of the round to now)
    ("chongqing", 2025, GOLD / "chongqing-2025-2026.jsonl", 0.95, 1.0, 1.0),
    ("dingxing", 2021, GOLD / "dingxing-2021-2022.jsonl", 0.81, 0.9, 1.0),
    ("hailar", 2015, GOLD / "hailar-2015-2016.jsonl", 0.66, 0.89, 1),
    # a third round, paired blind after all of the above (national 2019 0.875 → 0.875, jilin 0.50 → 0.61,
    # shunping 0.60 → 0.73 from the start of the round to now)
    ("national", 2019, GOLD / "national-2019-2020.jsonl", 0.87, 1.0, 1.0),  # a restated quota: see 2015
    ("jilin", 2025, GOLD / "jilin-2025-2026.jsonl", 0.71, 0.95, 1),
    # shunping 2023: 38个产业项目 was paired (not comparable) only by following the pair of their size (总投资168.2亿元
    # / 135.1亿元), which no longer links: a size is not a year's figure (recall 0.86 → 0.80)
    ("shunping", 2023, GOLD / "shunping-2023-2024.jsonl", 0.86, 1.0, 0.84),
    # a fourth round, paired blind by helpers from the texts alone (first run: guizhou 0.70 / 0.84, fuping
    # 0.64 / 1.00, national 2017 0.70 / 0.78, hailar 2013 0.45 / 0.88 recall / precision)
    ("guizhou", 2025, GOLD / "guizhou-2025-2026.jsonl", 0.9, 0.96, 1.0),
    ("fuping", 2021, GOLD / "fuping-2021-2022.jsonl", 0.84, 1.0, 1.0),
    ("national", 2017, GOLD / "national-2017-2018.jsonl", 0.75, 1.0, 1.0),
    # hailar 2013: the only free figure in 公里 near 20公里给排水管网 is 雨水管网改造12公里 (another network; stop 26)
    ("hailar", 2013, GOLD / "hailar-2013-2014.jsonl", 0.74, 0.99, 0.95),
    # a fifth round, paired blind by helpers (first run at c9fc933: heilongjiang 0.75 / 0.82, laishui 2020
    # 0.41 / 0.88, national 2021 1.00 / 1.00)
    ("heilongjiang", 2025, GOLD / "heilongjiang-2025-2026.jsonl", 1.0, 1.0, 0.9),
    ("laishui", 2020, GOLD / "laishui-2020-2021.jsonl", 0.88, 1.0, 1.0),
    ("national", 2021, GOLD / "national-2021-2022.jsonl", 1.0, 1.0, 1.0),
    # a sixth round, paired blind by helpers (first run at 26620b2: tianjin 0.79 / 0.95, hailar 2016 0.76 / 0.89,
    # shunping 2022 0.80 / 0.94)
    ("tianjin", 2025, GOLD / "tianjin-2025-2026.jsonl", 0.91, 1.0, 0.95),
    ("hailar", 2016, GOLD / "hailar-2016-2017.jsonl", 0.76, 0.94, 1.0),
    ("shunping", 2022, GOLD / "shunping-2022-2023.jsonl", 0.9, 1.0, 0.88),
    # a seventh round, paired blind by helpers against the final tool of the stop (first run at e410836: neimenggu
    # 0.45 / 0.63, yixian 2018 0.82 / 0.93, hailar 2014 0.73 / 0.95)
    ("neimenggu", 2025, GOLD / "neimenggu-2025-2026.jsonl", 0.63, 0.87, 1.0),
    # yixian 2018: recall 0.82 → 0.76 since 完成投资20亿元 / 完成投资50.03亿元 (one common general word on both
    # sides) is unclear rather than judged; 0.82 again with 城镇新增就业任务圆满完成 (a task said done). Precision
    # 0.94 → 0.88 in stop 20: 推进五个矿产建材集中区 is read as a count (a fourth-round extraction gold lists it),
    # and B's 五个 answers it; the delivery gold lists no such target
    ("yixian", 2018, GOLD / "yixian-2018-2019.jsonl", 0.94, 0.94, 1.0),
    ("hailar", 2014, GOLD / "hailar-2014-2015.jsonl", 0.88, 1.0, 1.0),
    # an eighth round, paired blind by helpers (first run at 6402e8f: shandong 0.56 / 0.86, shaanxi 0.44 / 0.71,
    # dingxing 2020 0.55 / 0.75, laishui 2021 0.73 / 1.00, hailar 2018 0.33 / 1.00, national 2011 0.33 / 0.60);
    # hailar 2018's precision is the shared-span case below (城乡…分别增长7.5%: the urban and the rural target)
    ("shandong", 2025, GOLD / "shandong-2025-2026.jsonl", 0.81, 0.92, 1.0),
    ("shaanxi", 2025, GOLD / "shaanxi-2025-2026.jsonl", 0.7, 0.86, 0.94),
    ("dingxing", 2020, GOLD / "dingxing-2020-2021.jsonl", 0.81, 0.9, 1),
    ("laishui", 2021, GOLD / "laishui-2021-2022.jsonl", 0.73, 1.0, 1.0),
    ("hailar", 2018, GOLD / "hailar-2018-2019.jsonl", 0.83, 0.83, 1.0),
    ("national", 2011, GOLD / "national-2011-2012.jsonl", 0.66, 1, 1),
    # a ninth round, paired blind by helpers while the rules of this stop were written and run once on its final
    # tool (546d417), never tuned on; the tool at the start of the stop (6402e8f) scored liaoning 0.79 / 1.00,
    # gansu 0.56 / 0.76, hainan 0.69 / 1.00, hailar 2012 0.83 / 1.00, national 2013 0.67 / 0.86
    # liaoning: 招生计划万名以上 / 招生计划1.76万个 is paired as not comparable (名 counts people, 个 things); the gold
    # reads the places as one count, exceeded
    ("liaoning", 2025, GOLD / "liaoning-2025-2026.jsonl", 0.95, 1, 0.95),
    ("gansu", 2025, GOLD / "gansu-2025-2026.jsonl", 0.74, 0.96, 1.0),
    ("hainan", 2025, GOLD / "hainan-2025-2026.jsonl", 0.81, 1.0, 0.96),
    # hailar 2012: 自来水管网改造工程投资1.3亿元 against 1.3亿元的供水主管网改造 is met here, not comparable in the gold
    ("hailar", 2012, GOLD / "hailar-2012-2013.jsonl", 0.94, 1.0, 0.94),
    ("national", 2013, GOLD / "national-2013-2014.jsonl", 1.0, 1.0, 1.0),
    # a tenth round, paired blind by helpers after this stop's last rule and run once on it (546d417): the same
    # recall as the tool at the start of the stop (beijing 0.92, yunnan 0.60, xinjiang 0.94, national 2009 0.33);
    # national 2009 and 2011 then served as dev pairs for the fiscal names (9942d69)
    ("beijing", 2025, GOLD / "beijing-2025-2026.jsonl", 1.0, 1.0, 0.96),
    # yunnan: 旅居人数超550万 against 力争600万 is read at its bound, missed, as the gold reads it.
    # Its precision is the shared-span case below: …覆盖率和…治理率均提高3个百分点 gives three targets of one figure
    ("yunnan", 2025, GOLD / "yunnan-2025-2026.jsonl", 0.84, 0.9, 0.95),
    ("xinjiang", 2025, GOLD / "xinjiang-2025-2026.jsonl", 0.94, 1.0, 1.0),
    ("national", 2009, GOLD / "national-2009-2010.jsonl", 0.71, 1.0, 1.0),
    # an eleventh round, paired blind by helpers at the start of the next stop and run once on its final tool
    # (7b33ce2; the tool at the start of that stop, 90cde53, scored henan 0.85 / 0.89, hubei 0.79 / 0.92, shanghai
    # 0.96 / 1.00, fujian 0.79 / 0.83, national 2016 0.73 / 0.73, national 2018 0.62 / 0.73)
    ("henan", 2025, GOLD / "henan-2025-2026.jsonl", 0.85, 1.0, 1.0),
    # hubei 2025: 粮食产量继续保持500亿斤以上 now links to the 十四五 review's 粮食总产量稳定在550亿斤左右 (exceeded);
    # the gold reads a level held over five years as not comparable, as hebei's does, while the hainan, shandong and
    # xinjiang golds read such levels as 2025's, so the tool keeps the end-of-period reading (status 0.91)
    ("hubei", 2025, GOLD / "hubei-2025-2026.jsonl", 0.85, 0.92, 0.91),
    ("shanghai", 2025, GOLD / "shanghai-2025-2026.jsonl", 1.0, 1.0, 1.0),
    ("fujian", 2025, GOLD / "fujian-2025-2026.jsonl", 0.94, 0.94, 1.0),
    ("national", 2016, GOLD / "national-2016-2017.jsonl", 0.8, 0.92, 1.0),
    ("national", 2018, GOLD / "national-2018-2019.jsonl", 0.92, 1.0, 1.0),
    # a twelfth round, paired blind by helpers at the start of stop 19 and first run on that stop's final tool
    # (28cee93; start tool 0664d9f: 111/158 = 0.70 at 0.87 together, first run 112/158 = 0.71 at 0.89)
    # ningxia: status 0.93 → 0.90 in stop 27, since 供热室温…达到20℃ (a temperature, now a figure) links to 2026's
    # 供热标准由18℃提高到20℃ as met; the gold reads a standard against a room temperature as not comparable
    ("ningxia", 2025, GOLD / "ningxia-2025-2026.jsonl", 0.73, 0.93, 0.9),
    ("qinghai", 2025, GOLD / "qinghai-2025-2026.jsonl", 0.83, 1.0, 1.0),
    ("shanxi", 2025, GOLD / "shanxi-2025-2026.jsonl", 0.88, 1.0, 0.93),
    ("xizang", 2025, GOLD / "xizang-2025-2026.jsonl", 0.89, 1, 1),
    ("jiangxi", 2025, GOLD / "jiangxi-2025-2026.jsonl", 0.95, 0.95, 1),
    ("national", 2020, GOLD / "national-2020-2021.jsonl", 0.55, 1.0, 1.0),
    ("national", 2024, GOLD / "national-2024-2025.jsonl", 1.0, 1.0, 1.0),
    # a thirteenth round, four national pairs paired blind by helpers in stop 19 (their reports gave counts only)
    # and first run on that stop's final tool (6c40b53): 28/54 = 0.52 at 0.78, as the start tool (27de695)
    ("national", 2010, GOLD / "national-2010-2011.jsonl", 0.41, 1.0, 1.0),
    ("national", 2012, GOLD / "national-2012-2013.jsonl", 0.66, 1, 1),
    ("national", 2014, GOLD / "national-2014-2015.jsonl", 1.0, 1.0, 1.0),
    ("national", 2022, GOLD / "national-2022-2023.jsonl", 0.75, 0.9, 0.88),
    # paired blind in stop 21 (the 2000s reports: budget items, a five-year plan's 说明, full-width digits)
    ("national", 2003, GOLD / "national-2003-2004.jsonl", 1.0, 1.0, 1.0),
    ("national", 2005, GOLD / "national-2005-2006.jsonl", 0.5, 1.0, 1.0),
    ("national", 2006, GOLD / "national-2006-2007.jsonl", 0.88, 0.88, 1.0),
    ("national", 2008, GOLD / "national-2008-2009.jsonl", 1, 1, 1),
    ("national", 2001, GOLD / "national-2001-2002.jsonl", 1.0, 1.0, 1.0),  # one target, not reported
    ("national", 2004, GOLD / "national-2004-2005.jsonl", 0.33, 1.0, 1.0),
    ("national", 2007, GOLD / "national-2007-2008.jsonl", 0.83, 1.0, 1.0),
    # paired blind in stop 22 and first run on its start tool (2404a08): one target each (the 2000 and 2002 reports
    # set one figure for their year, the long-term bonds)
    ("national", 2000, GOLD / "national-2000-2001.jsonl", 1.0, 1.0, 1.0),  # not reported: the 九五 review has no sum
    ("national", 2002, GOLD / "national-2002-2003.jsonl", 1.0, 1.0, 1.0),  # not comparable: 1998–2002's 6600亿元
]

# The shared scorer maps every record of one figure (接待游客人次、出游总花费均增长8%以上: two targets, one span)
# to the gold line it meets first, so the second of such a pair counts as a wrong pair however it is linked
# (jilin 2025, guizhou 2025, yunnan 2025): their precision floors are below 1 for that reason.

pytestmark = pytest.mark.skipif(not SCORER.exists() or not CORPORA.exists(), reason="needs ../shared")


def score(gold: Path, comparison_json: str, a: Path, b: Path, tmp_path: Path) -> dict[str, float]:
    """Run the shared scorer; return recall, precision and the status agreement ratio."""
    doc = json.loads(comparison_json)
    for row in doc["delivery"]:
        row["status"] = row["status"].replace(" ", "_")
    path = tmp_path / "compare.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(path), str(a), str(b)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rec = float(re.search(r"pair_recall=([\d.]+)", out).group(1))
    prec = float(re.search(r"pair_precision=([\d.]+)", out).group(1))
    ok, n = map(int, re.search(r"status_agree=(\d+)/(\d+)", out).group(1, 2))
    return {"recall": rec, "precision": prec, "status": ok / n if n else 1.0, "raw": out}


@pytest.mark.parametrize("region,year,gold,min_recall,min_precision,min_status", PAIRS, ids=lambda x: str(x))
def test_delivery_against_gold(region, year, gold, min_recall, min_precision, min_status, corpus, tmp_path):
    a, b = corpus.get(year, region), corpus.get(year + 1, region)
    got = score(gold, render_json(compare(a, b), "delivery"), Path(a.source), Path(b.source), tmp_path)
    assert got["recall"] >= min_recall, got["raw"]
    assert got["precision"] >= min_precision, got["raw"]
    assert got["status"] >= min_status, got["raw"]


def test_scorer_sees_a_wrong_pair(corpus, tmp_path):
    """The harness can fail: a result moved onto another target's row lowers precision."""
    a, b = corpus.get(2023, "national"), corpus.get(2024, "national")
    doc = json.loads(render_json(compare(a, b), "delivery"))
    paired = [r for r in doc["delivery"] if r["result"]]
    paired[0]["result"], paired[1]["result"] = paired[1]["result"], paired[0]["result"]
    got = score(GOLD / "national-2023-2024.jsonl", json.dumps(doc), Path(a.source), Path(b.source), tmp_path)
    assert got["precision"] < 1.0


# ---------------------------------------------------------------------------
# "not reported" means the next report states no figure; context figures stay out
# ---------------------------------------------------------------------------


def _review_clauses(report) -> list[str]:
    """Clauses of the report's review parts, split at clause punctuation (independent of compare's own)."""
    norm = report.norm_text
    out = []
    for s in report.sentences:
        part = report.part_of(s.section_id) if s.section_id else report.preamble
        if part is not None and part.kind == "review":
            out.extend(c for c in re.split(r"[，,；;。：:！？!?]", norm[s.start : s.end]) if c)
    return out


@pytest.mark.parametrize("year", range(2010, 2025))
def test_not_reported_rows_have_no_figure_in_the_next_report(year, national):
    """National year → year+1: for every ``not reported`` row, no clause of the next report's review
    names the target's key terms next to a figure in a unit that converts to the target's; a row
    whose key terms do appear with such a figure must be ``unclear`` with its candidates listed."""
    from policydiff.delivery import comparable
    from policydiff.link import core, key_terms
    from policydiff.numbers import find_quantities

    b = national(year + 1)
    c = compare(national(year), b)
    clauses = _review_clauses(b)
    assert c.delivery
    for d in c.delivery:
        if d.status == "unclear":
            assert d.candidates, d
        if d.status != "not reported":
            continue
        terms = key_terms(d.target.indicator) or (core(d.target.indicator),)
        stated = [
            cl
            for cl in clauses
            if all(t in cl for t in terms) and any(comparable(q.unit, d.target.unit) for q in find_quantities(cl))
        ]
        assert not stated, (d.indicator, d.target.value, d.target.unit, stated[:2])


def _context(rec):
    from dataclasses import replace

    return replace(rec, kind="context")


def test_context_records_never_enter_target_diff_or_delivery(national):
    """A context figure (kind ``context``) is neither a target nor a result, even on the same metric."""
    from policydiff.compare import check_delivery, diff_targets
    from policydiff.extract import extract

    ra, rb = extract(national(2019)), extract(national(2020))
    ta = [r for r in ra if r.kind == "target" and r.year == 2019]
    tb = [r for r in rb if r.kind == "target" and r.year == 2020]
    res = [r for r in rb if r.kind == "result" and r.year == 2019]
    ctx_a, ctx_b, ctx_r = [_context(r) for r in ta], [_context(r) for r in tb], [_context(r) for r in res]
    diff = diff_targets(ta + ctx_a, tb + ctx_b)
    assert all(x.kind == "target" for t in diff for x in (t.a, t.b) if x is not None)
    rows = check_delivery(ta + ctx_a, ctx_r + res)
    assert len(rows) == len([t for t in ta if not t.absent and t.value is not None])
    assert all(d.result is None or d.result.kind == "result" for d in rows)
    assert all(p["result"].kind == "result" for d in rows for p in d.parts)
    # with only context figures on B's side nothing is delivered
    assert all(d.result is None for d in check_delivery(ta, ctx_r))


def test_no_context_figure_in_any_target_diff_or_delivery_of_the_shared_corpus(corpus):
    """Every consecutive pair of the shared corpus: target diff and delivery hold targets and results only."""
    from policydiff.compare import _year_targets, check_delivery, diff_targets
    from policydiff.extract import extract

    checked = 0
    for region in corpus.regions():
        years = corpus.years(region)
        recs = {}
        for y in years:
            if y + 1 in years:
                for k in (y, y + 1):
                    if k not in recs:
                        recs[k] = extract(corpus.get(k, region))
                ta, tb = _year_targets(recs[y], y), _year_targets(recs[y + 1], y + 1)
                results = [r for r in recs[y + 1] if r.kind != "target" and r.year == y]
                for t in diff_targets(ta, tb):
                    assert all(x.kind == "target" for x in (t.a, t.b) if x is not None)
                for d in check_delivery(ta, results):
                    assert d.target.kind == "target" and (d.result is None or d.result.kind == "result")
                checked += 1
    assert checked >= 20


# ---------------------------------------------------------------------------
# The linking rules behind those figures, each on the real sentence it was seen on
# ---------------------------------------------------------------------------


def _row(c, indicator: str, value):
    rows = [d for d in c.delivery if d.target.indicator == indicator and d.target.value == value]
    assert len(rows) == 1, [(d.target.indicator, d.target.value) for d in c.delivery]
    return rows[0]


@pytest.fixture(scope="module")
def pair(corpus):
    """``pair(region, year)``: the comparison of that year's report with the next, made once per module."""

    @cache
    def get(region: str, year: int):
        return compare(corpus.get(year, region), corpus.get(year + 1, region))

    return get


@pytest.fixture(scope="module")
def national_2015_2016(corpus):
    return compare(corpus.get(2015, "national"), corpus.get(2016, "national"))


def test_level_stated_as_the_plans_starting_point_is_a_note(national_2015_2016, pair):
    """2016's plan: 基本公共卫生服务经费财政补助从人均40元提高到45元 — 40元 is where B's 2016 plan starts, not a
    result its review reports: 2015's 人均基本公共卫生服务经费补助标准由35元提高到40元 stays not reported, its evidence
    naming the starting point (so do 2014's 320元 and 赤字率2.1%, which B's plan starts from: 由320元提高到380元,
    赤字率从去年的2.1%提高到2.3%)."""
    d = _row(national_2015_2016, "人均基本公共卫生服务经费补助标准", 40)
    assert (d.status, d.result) == ("not reported", None)
    assert "40元提高到45元 (the starting point of a plan, not a result)" in d.evidence
    assert _row(national_2015_2016, "财政补助标准", 380).status == "not reported"
    c = pair("national", 2014)
    assert {_row(c, "城乡居民基本医保财政补助标准", 320).status, _row(c, "赤字率", 2.1).status} == {"not reported"}


def test_budget_quota_restated_by_its_change_is_a_note_not_a_result(national_2015_2016):
    """今年拟安排财政赤字2.18万亿元，比去年增加5600亿元 says what 2015 *budgeted* (1.62万亿元), not what it
    delivered: the row for 2015's 财政赤字1.62万亿元 is not reported, and its evidence names the restated quota."""
    d = _row(national_2015_2016, "财政赤字", 1.62)
    assert (d.status, d.result) == ("not reported", None)
    assert "2.18万亿元 less 5600亿元" in d.evidence and "not an outturn" in d.evidence
    assert "not an outturn" not in _row(national_2015_2016, "中央财政赤字", 1.12).evidence


def test_budget_quota_note_only_for_the_targets_own_figure(pair):
    """national 2008: 削减财政赤字450亿元 is no quota of 1800亿元 (B: 中央财政赤字7500亿元，比上年增加5700亿元): a
    restated quota more than 10% off the target's figure is not named."""
    c = pair("national", 2008)
    (cut,) = [d for d in c.delivery if d.target.value == 450 and "赤字" in d.indicator]
    assert cut.status == "not reported" and "not an outturn" not in cut.evidence
    # 2008's 社会保障 2762亿元 against 2009's 2930亿元，比上年预计数增加439亿元: an estimate, named, not judged
    (social,) = [d for d in c.delivery if d.target.value == 2762]
    assert social.status == "not reported" and "2491亿元: an estimate in B's plan" in social.evidence


def test_results_stated_in_words(pair):
    """fujian 2026: 居民消费价格与上年持平 answers 2025's 居民消费价格涨幅2%左右 as 0 % (met, lower is better);
    hainan 2026: 建制镇实现生活污水处理设施全覆盖 answers 建制镇生活污水处理设施覆盖率100% (met), and 生活垃圾治理实现
    全覆盖 does not answer 生活垃圾分类屋(亭)行政村覆盖率 (it lacks 分类 and 行政村)."""
    fj = pair("fujian", 2025)
    d = _row(fj, "居民消费价格涨幅", 2)
    assert (d.status, d.result.value, d.result.unit) == ("met", 0, "%") and "持平 read as 0%" in d.evidence
    assert fj.b.key == "fujian/2026" and "居民消费价格与上年持平" in d.result.sentence
    hn = pair("hainan", 2025)
    d = _row(hn, "建制镇生活污水处理设施覆盖率", 100)
    assert (d.status, d.result.value) == ("met", 100) and "全覆盖 read as 100%" in d.evidence
    assert _row(hn, "生活垃圾分类屋(亭)行政村覆盖率", 100).result is None


def test_task_said_done_without_a_figure(corpus, pair):
    """yixian 2019: 城镇新增就业任务圆满完成 answers 2018's 城镇新增就业4000人 at its own figure (met); 再就业1000人
    is not answered by that clause. national 2015: 淘汰黄标车和老旧车指标超额完成 says 2014's 600万辆 were exceeded
    but not by how much: no figure, so not reported (as the hand pair reads it), the clause in the evidence."""
    yx = pair("yixian", 2018)
    d = _row(yx, "城镇新增就业", 4000)
    assert (d.status, d.result.value, d.result.unit) == ("met", 4000, "人") and "task was done" in d.evidence
    assert (d.result.report, d.result.section_id) == ("yixian/2019", "")  # B's words, not A's record
    b = corpus.get(2019, "yixian").text
    assert b[d.result.start : d.result.end] == "城镇新增就业任务圆满完成"
    assert _row(yx, "再就业", 1000).result is None
    nat = pair("national", 2014)
    d = _row(nat, "淘汰黄标车和老旧车", 600)
    assert (d.status, d.result) == ("not reported", None)
    assert "淘汰黄标车和老旧车指标超额完成" in d.evidence and "not stated" in d.evidence


def test_the_size_of_projects_is_no_figure_a_year_delivers(pair):
    """hunan 2025: 推进好总投资1.78万亿元的289个省重点项目 — 1.78万亿元 is the projects' size, so 2026's
    完成投资4608亿元 does not answer it; hailar 2017: 推进总投资103.7亿元的棚户区改造工程 is not answered by
    棚改投资90.07亿元."""
    hn = pair("hunan", 2025)
    assert _row(hn, "省重点项目总投资", 1.78).result is None
    hl = pair("hailar", 2017)
    d = _row(hl, "棚户区改造工程总投资", 103.7)
    assert d.result is None and d.status == "not reported"


def test_a_years_work_said_before_its_figure_is_not_answered_by_a_stock(pair):
    """jilin 2025: 保护性耕作面积新增200万亩 (新增 after the name) against 2026's 保护性耕作面积达到4179万亩, 21× the
    target: a stock, not comparable; hubei 2025 建设高标准农田300万亩 against the end-2025 stock 4808万亩 likewise."""
    jl = pair("jilin", 2025)
    d = _row(jl, "保护性耕作面积", 200)
    assert (d.status, d.result.value) == ("not comparable", 4179) and "a stock" in d.note
    hb = pair("hubei", 2025)
    assert _row(hb, "建设高标准农田", 300).status == "not comparable"


def test_exports_and_total_trade_answer_each_other_only_as_not_comparable(pair):
    """liaoning 2025: 进出口总额增长5%左右 against 2026's 外贸出口总额增长8% (a part of trade): not comparable, not
    exceeded; fujian 2025: 出口增长3%左右 against 进出口下降5.4% (the whole): not comparable, not missed."""
    ln = pair("liaoning", 2025)
    d = _row(ln, "进出口总额", 5)
    assert (d.status, d.result.value) == ("not comparable", 8) and "出口 part" in d.note
    fj = pair("fujian", 2025)
    assert _row(fj, "出口", 3).status == "not comparable"


def test_a_result_with_a_part_left_out_is_a_narrower_scope(pair):
    """gansu 2026: 扣除房地产开发投资后，固定资产投资增长2.7% does not judge 2025's 固定资产投资增长5%左右 (not
    comparable, with what was left out); an adjustment for factors (剔除价格因素) would not count."""
    gs = pair("gansu", 2025)
    d = _row(gs, "固定资产投资", 5)
    assert (d.status, d.result.value) == ("not comparable", 2.7) and "扣除房地产开发投资后" in d.note


def test_leaving_poverty_under_other_words_and_training_over_five_years(pair):
    """yixian 2019: 906户1559人实现稳定脱贫 answers 2018's 完成今年1470人贫困退出任务 (稳定脱贫 = 贫困退出, lexicon
    core_synonyms): exceeded. hainan 2026: 超70万人次接受补贴性职业技能培训 in the 十四五 review is five years of
    training, not 2025's: not comparable with 补贴性职业技能培训10万人次以上."""
    yx = pair("yixian", 2018)
    d = _row(yx, "贫困退出", 1470)
    assert (d.status, d.result.value, d.result.unit) == ("exceeded", 1559, "人")
    hn = pair("hainan", 2025)
    d = _row(hn, "年度开展补贴性职业技能培训", 10)
    assert (d.status, d.result.value, d.result.period) == ("not comparable", 70, "2021-2025")


def test_a_share_of_the_years_plan_is_the_targets_figure_times_the_share(pair):
    """jiangxi 2026: 城镇新增就业、新增发放创业担保贷款分别完成年计划的118.2%、248.57% answers 2025's 城镇新增就业
    41万人 with 48.46万人 and 新增发放创业担保贷款160亿元 with 397.71亿元 (as many significant digits as the share)."""
    jx = pair("jiangxi", 2025)
    d = _row(jx, "城镇新增就业", 41)
    assert (d.status, d.result.value, d.result.unit) == ("exceeded", 48.46, "万人")
    assert "of the year's plan" in d.evidence
    d = _row(jx, "新增发放创业担保贷款", 160)
    assert (d.status, d.result.value, d.result.unit) == ("exceeded", 397.71, "亿元")


def test_five_year_total_of_work_done_does_not_answer_one_years_work(national_2015_2016):
    """保障性安居工程新安排740万套 (2015): not the 十二五 total 城镇保障性安居工程住房建设4013万套 but the 2015 figure
    基本建成772万套, which counts completions, not what was newly arranged: not comparable."""
    d = _row(national_2015_2016, "保障性安居工程", 740)
    assert d.result.value == 772 and d.status == "not comparable" and "completions, not starts" in d.note


def test_judged_result_is_given_in_the_targets_unit(pair):
    """Anhui 2025 进出口总额9000亿元 against 2026's 进出口总额突破万亿元: the result reads 10000亿元."""
    c = pair("anhui", 2025)
    d = _row(c, "进出口总额", 9000)
    assert (d.result.value, d.result.unit, d.status) == (10000, "亿元", "exceeded")
    assert "unit 万亿元 → 亿元" in d.evidence


def test_same_subject_measured_otherwise_is_not_comparable(pair):
    """Jiangsu 2025 加快建设500个省重大项目 against 2026's 省重大项目完成投资达7290亿元: the same projects
    valued, not counted — paired, not comparable."""
    c = pair("jiangsu", 2025)
    d = _row(c, "加快建设省重大项目", 500)
    assert (d.result.value, d.result.unit, d.status) == (7290, "亿元", "not comparable")
    assert "the same subject (省重大项目) measured by its 投资" in d.evidence


def test_the_things_a_target_adds_or_values_are_not_what_the_result_counts_or_values(pair):
    """henan 2025 新增规上工业企业2500家 (the new firms) is not answered by 规上工业企业营收5万亿元 (all firms'
    revenue); shanxi 2025 省级重点产业链营业收入达到8000亿元 (money) not by 打造16条省级重点产业链 (a count)."""
    h = pair("henan", 2025)
    assert all(d.result is None for d in h.delivery if d.target.indicator == "新增规上工业企业")
    d = _row(pair("shanxi", 2025), "省级重点产业链营业收入", 8000)
    assert d.result is None or d.result.unit != "条"


def test_shared_quoted_programme_name_ties_target_and_result(pair):
    """Guangxi 2025 启动新一轮科技“尖锋”行动，实施100个以上关键技术攻关项目 against 2026's 实施科技“尖锋”行动重大项目
    82个: both name “尖锋”; 82 < 100 is missed."""
    c = pair("guangxi", 2025)
    d = _row(c, "关键技术攻关项目", 100)
    assert (d.result.value, d.status) == (82, "missed") and "“尖锋”" in d.evidence


def test_poverty_reduction_in_other_words(pair):
    """Yixian 2019 完成减贫1186人 against 2020's 1374名贫困人口稳定脱贫: the same count (人 / 名), exceeded."""
    c = pair("yixian", 2019)
    d = _row(c, "完成减贫", 1186)
    assert (d.result.value, d.status) == (1374, "exceeded")


def test_a_count_of_starts_does_not_answer_projects_advanced(pair):
    """Guangxi 2025 自治区层面统筹推进重大项目2200个 counts the projects worked on during the year; 2026's
    自治区重大项目开工390个 counts the ones started: paired, not comparable (not missed). A target that is itself
    about the work (national 2015 棚户区改造580万套) is still answered by starts (棚户区住房改造开工601万套)."""
    c = pair("guangxi", 2025)
    d = _row(c, "自治区层面统筹推进重大项目", 2200)
    assert (d.result.value, d.status) == (390, "not comparable") and "not projects advanced" in d.note
    c = pair("national", 2015)
    assert _row(c, "棚户区改造", 580).status == "exceeded"


def test_who_pays_is_no_metric(pair):
    """national 2008: 今年中央财政将安排832亿元…支持卫生事业改革和发展 (once named 中央财政 only) was answered by
    2009's 中央财政安排384亿元救灾款; national 2009's 中央财政拟安排资金130亿元 by 中央财政投入资金450亿元 for
    下乡 subsidies. A payer alone (lexicon ``payer_names``) names no metric: neither links. The 2008 sums are now
    named by what they pay for too (中央财政支持卫生事业改革和发展), and still link to no 救灾款."""
    n8 = pair("national", 2008)
    rows = [d for d in n8.delivery if d.target.value in (832, 2762) and d.target.unit == "亿元"]
    assert [d.indicator for d in rows] == ["中央财政支持卫生事业改革和发展", "中央财政加快社会保障体系建设"]
    assert [d.result for d in rows] == [None, None]
    d = _row(pair("national", 2009), "中央财政资金", 130)
    assert d.result is None


def test_a_yearly_average_is_the_nearest_a_period_comes_to_one_year(pair):
    """national 2007: 城镇新增就业900万人 against the 2008 report's five-year review, which gives 五年城镇新增就业
    5100万人 and 平均每年城镇新增就业1000多万人: both not comparable, and the average is the one shown. yunnan 2025:
    农村居民人均可支配收入增长6% is not answered by 脱贫县 farmers' 年均增长8.2% (a part, over the period)."""
    d = _row(pair("national", 2007), "城镇新增就业人数", 900)
    assert (d.status, d.result.value) == ("not comparable", 1000)
    y = _row(pair("yunnan", 2025), "农村居民人均可支配收入", 6)
    assert y.result is None or "脱贫县" not in (y.result.indicator or "")


def test_registered_and_resident_urbanisation_are_two_metrics(pair):
    """jiangxi 2025 户籍人口城镇化率达47.1%左右 (by household registration) was answered by 2026's 常住人口城镇化率
    提高至64.8% (by residence) through one alias entry: two populations, two metrics."""
    d = _row(pair("jiangxi", 2025), "户籍人口城镇化率", 47.1)
    assert d.result is None or "户籍" in (d.result.indicator or "")


def test_a_narrower_kind_does_not_answer_the_kind(pair):
    """qinghai 2025 公路通车总里程达9.3万公里 is not answered by 高速公路通车里程达5465公里 (express roads are a part
    of all roads); shaanxi 2025 制造业增加值增长6%以上 not by 高技术制造业增加值年均增长7.2% (lexicon
    ``kind_modifiers``)."""
    d = _row(pair("qinghai", 2025), "公路通车总里程", 9.3)
    assert d.result is None or "高速" not in (d.result.indicator or "")
    d = _row(pair("shaanxi", 2025), "制造业增加值", 6)
    assert d.result is None or "高技术" not in (d.result.indicator or "")


def test_a_bare_rate_does_not_answer_a_named_one(pair):
    """ningxia 2025 建筑垃圾综合利用率达到60%以上 is not answered by 2026's 利用率达94.5% (said of new energy in the
    clause before): a bare rate says less than a name that says of what."""
    d = _row(pair("ningxia", 2025), "建筑垃圾综合利用率", 60)
    assert d.result is None or d.result.indicator != "利用率"


def test_a_season_target_is_not_judged_by_the_whole_year(pair):
    """jilin 2025: 实现新雪季接待游客人次、出游总花费增速均达到20％以上 against 2026's 全年…分别增长20.7%、15.3%:
    a part of the year against the whole, not comparable (the hand pairs say so), not exceeded or missed."""
    jl = pair("jilin", 2025)
    rows = [r for r in jl.delivery if r.target.value == 20 and "出游总花费" in (r.target.indicator or "")]
    assert [(r.status, r.result.value if r.result else None) for r in rows] == [("not comparable", 15.3)]
    assert "a season (新雪季)" in rows[0].note


def test_the_only_free_figure_in_the_targets_unit_and_size_answers_it(pair):
    """yunnan 2025 建设改造燃气和供排水管网5200公里 against 2026's 新建改造城镇地下管网7761公里: no name was close
    enough to be a candidate, but it is the one free figure in 公里 within half to twice the target sharing a
    rare word (管网); qinghai 2025 改造城镇老旧小区2万套 against 老旧小区、城中村、城市危旧房改造2.2万套: the figure
    combines three kinds of works (小区 and 城中村 are not places), shown but not comparable."""
    d = _row(pair("yunnan", 2025), "建设改造燃气和供排水管网", 5200)
    assert (d.status, d.result.value) == ("exceeded", 7761)
    d = _row(pair("qinghai", 2025), "改造城镇老旧小区", 2)
    assert (d.status, d.result.value) == ("not comparable", 2.2) and "a combined figure" in d.note


def test_a_word_made_by_hua_names_what_the_word_names(pair):
    """hailar 2015 全面完成孙家屯、团结村等7个现代牧场建设任务 against 2016's 建成4个现代化牧场: 现代化牧场 is a
    现代牧场 (words made with 化 are compared without it), so the target was missed."""
    d = _row(pair("hailar", 2015), "现代牧场建设", 7)
    assert (d.status, d.result.value, d.result.indicator) == ("missed", 4, "建成现代化牧场")


def test_a_fraction_in_digits_answers_a_share_in_words(pair):
    """national 2014: 专项转移支付项目要减少三分之一 (33.3 %) against 2015's 专项转移支付项目比上年减少1/3以上: the
    fraction written in digits (value 1, unit /3, as the golds keep it) is read as 33.3 %, so the target is met."""
    d = _row(pair("national", 2014), "专项转移支付项目", 33.3)
    assert (d.status, d.result.value, d.result.unit) == ("met", 33.3, "%")


def test_a_share_of_counties_reached_and_the_deficit_ratio_by_its_definition(pair):
    """national 2010: 试点范围扩大到２３％的县 (the programme named by the clause before) is answered by 2011's
    新型农村社会养老保险试点覆盖24%的县, met: 扩大到 is a level to reach, at least. national 2012: 赤字率下降到1.5%左右
    is answered by 财政赤字占国内生产总值的比重…降到去年的1.5%左右, the ratio's definition."""
    d = _row(pair("national", 2010), "新型农村社会养老保险试点覆盖县比例", 23)
    assert (d.status, d.result.value, d.target.qualifier) == ("met", 24, "达到")
    d = _row(pair("national", 2012), "赤字率", 1.5)
    assert (d.status, d.result.indicator) == ("met", "财政赤字占国内生产总值的比重")


def test_a_quoted_name_of_other_things_of_the_same_kind_ties_nothing(pair):
    """shanxi 2025: 实施一批“两重”项目和高质量转型项目，抓好616个省级重点工程年度建设项目 — “两重” names other projects
    (the quote is followed by 项目 in its own clause), so 2026's 196个“两重”项目全部开工 does not answer the 616; the
    five-year review's 省级重点工程项目超2000个 does, not comparable (a 2021–2025 total)."""
    d = _row(pair("shanxi", 2025), "省级重点工程年度建设项目", 616)
    assert (d.status, d.result.value) == ("not comparable", 2000)
    assert "“两重”" not in d.evidence


def test_one_deed_done_to_things_of_a_general_noun_links(pair):
    """shunping 2022: 引进项目20个以上 is answered by 2023's 招引项目33个 (引进 and 招引 are one deed), exceeded;
    ningxia 2025: 计划实施项目2900个 by 实施重点项目2800多个, missed. A general noun alone (入统投资项目) still ties
    nothing."""
    d = _row(pair("shunping", 2022), "引进项目", 20)
    assert (d.status, d.result.value) == ("exceeded", 33) and "the same deed done to them" in d.evidence
    d = _row(pair("ningxia", 2025), "实施项目", 2900)
    assert (d.status, d.result.value) == ("missed", 2800)


def test_works_finished_answer_no_count_of_works_carried_out(pair):
    """beijing 2025: 实施500个老旧小区综合整治 counts the works carried out in 2025; 2026's
    老旧小区改造完工1225个 counts completions (改造完工, a phase like 竣工), some begun in earlier years: not
    comparable, as the hand pair reads it."""
    d = _row(pair("beijing", 2025), "老旧小区综合整治", 500)
    assert (d.status, d.result.value) == ("not comparable", 1225) and "completions" in d.evidence


def test_a_plants_capacity_in_its_name_is_no_target_a_year_delivers(pair):
    """laiyuan 2021: 同光晶体4-6英寸年产10万片碳化硅单晶衬底项目…7月底一期建成投产 — 10万片 is the plant's yearly
    capacity, part of its name (the hand pairs list no such target), so 2022's 10万片碳化硅单晶衬底项目一期投产运营
    does not answer it."""
    d = _row(pair("laiyuan", 2021), "碳化硅单晶衬底项目", 10)
    assert d.result is None


def test_a_joint_word_names_more_than_one_of_its_parts(pair):
    """qinghai 2025: 勘探新增石油地质储量3000万吨 against 2026's 勘探新增油气储量2亿吨 (oil and gas together), and
    national 2018: 为企业和个人减税8000多亿元 against 2019's 减税降费约1.3万亿元 (tax and fee cuts together): not
    comparable, B's figure kept in its own unit, as the hand pairs read them."""
    d = _row(pair("qinghai", 2025), "勘探新增石油地质储量", 3000)
    assert (d.status, d.result.value, d.result.unit) == ("not comparable", 2, "亿吨")
    assert "a wider set (油气 covers 石油 and more)" in d.evidence
    d = _row(pair("national", 2018), "为企业和个人减税", 8000)
    assert (d.status, d.result.value, d.result.unit) == ("not comparable", 1.3, "万亿元")


def test_new_works_are_not_answered_by_renovation(pair):
    """shunping 2022: 新建支七街、纬二十五街等4条道路 (new roads) is not answered by 2023's 完成…等6条道路改造提升
    (roads rebuilt): the hand pair finds no result; the figure stays a candidate of an unclear row."""
    d = _row(pair("shunping", 2022), "新建道路", 4)
    assert d.result is None and d.status == "unclear"
    assert [c["value"] for c in d.candidates] == [6]


def test_a_count_of_starts_is_not_answered_by_a_stock(pair):
    """neimenggu 2025: 力争新开工装机1000万千瓦 (capacity started) is not answered by 2026's 储能装机达到1900万千瓦 (the
    stock, which grows by what is finished, not by what is started): the hand pair finds no result."""
    d = _row(pair("neimenggu", 2025), "新开工装机", 1000)
    assert d.result is None


def test_relocation_said_short_is_the_same_programme(pair):
    """national 2016: 易地搬迁脱贫200万人以上 is answered by 2017's 易地扶贫搬迁人口超过240万 (易地搬迁 is 易地扶贫搬迁
    said short; lexicon name_synonyms), exceeded, as the hand pair reads it."""
    d = _row(pair("national", 2016), "易地搬迁脱贫", 200)
    assert (d.status, d.result.value) == ("exceeded", 240)


def test_a_street_corner_garden_is_a_pocket_park(pair):
    """shunping 2023: 建成27个“口袋公园” is answered by 2024's 27个街角游园星罗棋布 (a 街角游园 is a 口袋公园 by
    another name; lexicon name_synonyms), met, as the hand pair reads it."""
    d = _row(pair("shunping", 2023), "建成“口袋公园”和仙洲路生态慢行步道", 27)
    assert (d.status, d.result.value) == ("met", 27)


def test_projects_of_the_kind_a_sentence_opens_on(pair):
    """shandong 2025: 高速公路，…建成临沂至滕州等15个项目 counts motorway projects (the kind the sentence opens on), so
    2026's 15条高速公路建成通车 answers it, met, as the hand pair reads it."""
    d = _row(pair("shandong", 2025), "建成高速公路项目", 15)
    assert (d.status, d.result.value) == ("met", 15)


def test_what_was_added_answers_an_increase(pair):
    """beijing 2025: 增加中小学学位2万个 (an increase) is answered by 2026's 新增中小学学位2.4万个 (what was added):
    one measure, exceeded, as the hand pair reads it (not 'measures differ')."""
    d = _row(pair("beijing", 2025), "中小学学位", 2)
    assert (d.status, d.result.value) == ("exceeded", 2.4)


def test_new_and_rebuilt_roads_are_more_than_rebuilt_ones(pair):
    """national 2014: 改建农村公路20万公里 against 2015's 新建改建农村公路23万公里 (new and rebuilt roads together): not
    comparable, as the hand pair reads it."""
    d = _row(pair("national", 2014), "改建农村公路", 20)
    assert (d.status, d.result.value) == ("not comparable", 23)
    assert "新建改建 covers 改建" in d.evidence


def test_overall_is_a_scope_word(pair):
    """national 2018: 整体通关时间再压缩三分之一 is answered by 2019's 货物通关时间压缩一半以上 (整体 says the whole, as
    全社会 does, not another thing), exceeded, as the hand pair reads it."""
    d = _row(pair("national", 2018), "整体通关时间", 33.3)
    assert (d.status, d.result.value) == ("exceeded", 50)


def test_firms_settled_in_a_park_are_firms_that_entered_it(pair):
    """hailar 2014: 入园企业达到14家 (the logistics park) is answered by 2015's 入驻企业达到8家 (入驻企业 and
    入园企业 name one thing; lexicon name_synonyms), missed, as the hand pair reads it. Both are named by the park
    their paragraph names (中俄蒙国际物流园区) since stop 37."""
    d = _row(pair("hailar", 2014), "中俄蒙国际物流园区入园企业", 14)
    assert (d.status, d.result.value, d.result.indicator) == ("missed", 8, "中俄蒙国际物流园区入驻企业")


def test_settling_in_towns_is_settling_in_a_town(pair):
    """national 2018: 今年再进城落户1300万人 is answered by 2019's 近1400万农业转移人口在城镇落户 (进城落户 is
    城镇落户 said otherwise; lexicon name_synonyms), exceeded, as the hand pair reads it."""
    d = _row(pair("national", 2018), "进城落户", 1300)
    assert (d.status, d.result.value) == ("exceeded", 1400)


def test_an_amount_alone_names_nothing(pair):
    """hailar 2016: 全力完成今年66个重点项目54亿元的投资计划 is not answered by 2017's 投资1.9亿元,实施了…等工程:
    投资计划 and 工程投资 share only 投资, an amount that says not of what (the hand pair: not reported)."""
    d = _row(pair("hailar", 2016), "投资计划", 54)
    assert d.result is None and "工程投资" not in d.evidence


def test_a_figure_answering_one_measure_is_not_shown_for_another(pair):
    """hailar 2013: 年内完成3800户、58万平方米棚户区改造 — 2014's 实施棚户区改造19.5万平方米 answers the area (missed),
    not the households as well (no household count: not reported, as the hand pair reads it)."""
    hl = pair("hailar", 2013)
    d = _row(hl, "棚户区改造", 58)
    assert (d.status, d.result.value) == ("missed", 19.5)
    assert _row(hl, "棚户区改造", 3800).result is None


def test_things_there_already_are_not_delivered(pair):
    """guizhou 2025: 持续推进已批建的3家省实验室…，新组建3家以上省实验室 — the three labs already approved are acted on,
    not delivered, so 2026's 布局建设5个省实验室 answers the three new ones (not comparable: a 十四五 total) and not
    them; tianjin 2025's 巩固368个经济薄弱村扶持成效 keeps what was achieved (not answered by the 800 villages of the
    earlier programme); neimenggu 2025's 建设好运营好…4个国家区域医疗中心 runs centres there already."""
    gz = pair("guizhou", 2025)
    held = [d for d in gz.delivery if d.target.indicator == "省实验室" and d.target.value == 3]
    assert [(d.status, d.result) for d in held] == [("not reported", None)]
    assert "已批建的" in held[0].evidence and "there already" in held[0].evidence
    new = [d for d in gz.delivery if d.target.value == 3 and d.target.qualifier == "以上" and "实验室" in d.indicator]
    assert [(d.status, d.result.value) for d in new] == [("not comparable", 5)]
    assert _row(pair("tianjin", 2025), "巩固经济薄弱村扶持成效", 368).result is None
    d = _row(pair("neimenggu", 2025), "国家区域医疗中心", 4)
    assert d.result is None and "运营好" in d.evidence


def test_a_yearly_average_is_a_period_figure_though_a_year_opens_it(corpus, pair):
    """national 2008's five-year review: 2007年，国内生产总值达到24.66万亿元，比2002年增长65.5%，年均增长10.6% — the
    10.6% is the 2003–2007 average, though 2007年 opens the sentence, so 2007's 增长8%左右 is not judged by it (the
    hand pair: not comparable, 10.6%); of the period's figures the yearly average is shown, not the 65.5%."""
    rec = [r for r in extract(corpus.get(2008, "national")) if r.value == 10.6 and r.indicator == "国内生产总值"]
    assert [(r.year, r.period) for r in rec] == [(2007, "2003-2007")]
    d = _row(pair("national", 2007), "国内生产总值", 8)
    assert (d.status, d.result.value) == ("not comparable", 10.6)


def test_new_works_listed_after_the_verb_are_not_answered_by_renovation(pair):
    """hailar 2013: 新建5条主干道路、…、20公里给排水管网等项目 — the 20公里 are new works (the list's verb), so 2014's
    完成雨水管网改造12公里 does not answer them (the hand pair: not reported, another item)."""
    d = _row(pair("hailar", 2013), "新建给排水管网等项目", 20)
    assert d.result is None


def test_a_word_put_in_before_a_shared_measure_is_the_same_measure(pair):
    """hailar 2014: 年内新增商业营业面积15万平方米 is answered by 2015's 全年新增商业面积10万平方米 (营业 put in
    before the shared 面积 narrows nothing: not another head as 省重大项目 / 省重大项目投资 are), missed, as the
    hand pair reads it."""
    d = _row(pair("hailar", 2014), "新增商业营业面积", 15)
    assert (d.status, d.result.value) == ("missed", 10)
