"""Delivery against hand-paired gold: pairing recall, precision and status agreement per pair.

The gold files were paired by hand from the texts alone: the shared dev pair
``../shared/gold/delivery/anhui-2025-2026.jsonl`` and the blind pairs in ``tests/gold/delivery/``
(READMEs beside them). Each pair is compared with ``policydiff compare A B --format json`` and scored by
the shared scorer ``../shared/eval/score_delivery.py`` (run as a subprocess, untouched). The gold writes
statuses with underscores (``not_comparable``), policydiff with spaces; the JSON handed to the scorer
has them rewritten so that status agreement is counted, nothing else is changed.

The thresholds are what the linking reaches today (docs/compare.md gives the figures and what is left:
mostly extraction — single-year results inside five-year reviews carry the review's ``period``, figures
after 由X提高到Y, quantities written in words).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from policydiff.compare import compare
from policydiff.render.compare_text import render_json

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"
SCORER = SHARED / "eval" / "score_delivery.py"
GOLD = ROOT / "tests" / "gold" / "delivery"

# (region, year A, gold file, recall at least, precision at least, status agreement at least)
PAIRS = [
    ("anhui", 2025, SHARED / "gold" / "delivery" / "anhui-2025-2026.jsonl", 0.85, 0.94, 0.90),
    ("national", 2015, GOLD / "national-2015-2016.jsonl", 0.60, 0.88, 0.85),
    ("national", 2023, GOLD / "national-2023-2024.jsonl", 0.83, 1.0, 1.0),
    ("jiangsu", 2025, GOLD / "jiangsu-2025-2026.jsonl", 0.85, 1.0, 0.70),
    ("guangxi", 2025, GOLD / "guangxi-2025-2026.jsonl", 0.80, 1.0, 0.75),
    ("yixian", 2019, GOLD / "yixian-2019-2020.jsonl", 0.80, 1.0, 0.80),
]

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
