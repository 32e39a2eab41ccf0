"""Section alignment against the blind hand alignments in ``tests/gold/alignment/`` (README there).

Each pair is aligned by ``compare`` and scored by the shared scorer ``../shared/eval/score_alignment.py``
(run as a subprocess, untouched). The gold was written against an older parse; the scorer remaps its ids
by heading path from the saved sections files (``--then-a/--then-b``) to the current parse (``--now-a/--now-b``,
written here from the parsed reports: id, marker and title are all the remapping reads).

Thresholds are what the aligner reaches: strict F1 0.952 / lenient 1.000 on shandong (two level-3 items of
2025 that split across two 2026 parts each — 房地产 → 住房保障 + 城市更新, 教育科技人才 → 新质生产力 + 民生 — are
placed by the sentence vote of ``align._left_its_part``), strict 0.889 / lenient 0.973 on laishui. Three more
were aligned blind later, each before the tool ran on it: yunnan 2025→26 (first run 0.713 / 0.857; 0.896 /
0.982 now), hailar 2018→19 (district, 0.909 / 0.957 at first run; 0.957 / 1.000 now: the item 落实现代农业发展新机制,
which the gold splits across 2019's 乡村振兴 and 改革开放 sections, is linked to the second by its land and collective
property reform sentence, ``align._reforms_moved``) and jiangxi 2025→26 (0.809 / 0.979 at first run, 0.894 / 0.979
now: a section is now also linked to the B section of its own rank that holds its best-matching item).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from policydiff.align import scopes
from policydiff.compare import compare
from policydiff.render.compare_text import render_json

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score_alignment.py"
GOLD = ROOT / "tests" / "gold" / "alignment"

# (region, year A, strict F1 at least, lenient F1 at least)
# (region, year A, strict F1 at least, lenient F1 at least, strict precision at least)
PAIRS = [
    ("shandong", 2025, 0.95, 1.0, 0.9),
    ("laishui", 2021, 0.88, 0.97, 0.9),
    ("yunnan", 2025, 0.89, 0.98, 0.9),
    ("hailar", 2018, 0.95, 1.0, 1.0),
    ("jiangxi", 2025, 0.89, 0.97, 0.9),
]

pytestmark = pytest.mark.skipif(not SCORER.exists(), reason="needs ../shared/eval")


def _sections_json(report) -> dict:
    return {"sections": [{"id": s.id, "marker": s.marker, "title": s.title} for s in report.sections()]}


def score(region: str, year: int, doc: dict, a, b, tmp_path: Path) -> dict[str, float]:
    """Run the shared scorer on a compare JSON document; strict and lenient precision, recall and F1."""
    paths = {}
    for name, obj in (("tool", doc), ("now-a", _sections_json(a)), ("now-b", _sections_json(b))):
        paths[name] = tmp_path / f"{region}-{name}.json"
        paths[name].write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run(
        [
            sys.executable,
            str(SCORER),
            str(GOLD / f"{region}-{year}-{year + 1}.json"),
            str(paths["tool"]),
            "--then-a",
            str(GOLD / f"{region}-{year}.sections.json"),
            "--then-b",
            str(GOLD / f"{region}-{year + 1}.sections.json"),
            "--now-a",
            str(paths["now-a"]),
            "--now-b",
            str(paths["now-b"]),
            "--list",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    got = {"raw": out}
    for kind in ("strict", "lenient"):
        m = re.search(kind + r"\s*: precision ([\d.]+) .*recall ([\d.]+) .*F1 ([\d.]+)", out)
        got[kind] = float(m.group(3))
        got[kind + "_precision"], got[kind + "_recall"] = float(m.group(1)), float(m.group(2))
    return got


@pytest.fixture(scope="module")
def aligned(corpus):
    out = {}
    for region, year, *_ in PAIRS:
        a, b = corpus.get(year, region), corpus.get(year + 1, region)
        out[region] = (a, b, json.loads(render_json(compare(a, b), "alignment")))
    return out


@pytest.mark.parametrize("region,year,min_strict,min_lenient,min_precision", PAIRS, ids=lambda x: str(x))
def test_alignment_against_hand_gold(region, year, min_strict, min_lenient, min_precision, aligned, tmp_path):
    a, b, doc = aligned[region]
    got = score(region, year, doc, a, b, tmp_path)
    assert got["strict"] >= min_strict, got["raw"]
    assert got["lenient"] >= min_lenient, got["raw"]
    assert got["strict_precision"] >= min_precision, got["raw"]


def test_scorer_sees_a_wrong_link(aligned, tmp_path):
    """The harness can fail: pointing every link of A's part 三 at B's part 一 lowers strict precision."""
    a, b, doc = aligned["laishui"]
    base = score("laishui", 2021, doc, a, b, tmp_path)
    bad = json.loads(json.dumps(doc))
    for row in bad["alignment"]["sections"]:
        if row["a"] and row["b"] and row["a"].startswith("3"):
            row["b"] = "1"
    got = score("laishui", 2021, bad, a, b, tmp_path)
    assert got["strict_precision"] < base["strict_precision"] and got["strict"] < 0.85


def test_five_year_review_items_are_new_and_annual_themes_continue(aligned):
    """Shandong 2026 reviews 2025 in (一)…(六) and the 十四五 period in ——…实现新跃升 lead lines: 2024's annual
    review themes continue in the annual block; the five-year items have no counterpart."""
    a, b, doc = aligned["shandong"]
    sc = scopes(b)
    assert b.section("1.1").title == "经济增长迈出坚实步伐" and sc["1.1"] == "year"
    assert b.section("1.7").title == "经济综合实力实现新跃升" and sc["1.7"] == "multi"
    assert sc["1"] == "mixed" and scopes(a)["1"] == "year"
    rows = doc["alignment"]["sections"]
    pairs = {(r["a"], r["b"]) for r in rows if r["a"] and r["b"]}
    assert {("1.2", "1.2"), ("1.3", "1.5"), ("1.4", "1.1"), ("1.6", "1.6")} <= pairs
    new = {r["b"] for r in rows if r["relation"] == "new"}
    assert {"1.7", "1.8", "1.9", "1.12", "1.13"} <= new
    # 2025's 总体要求和主要目标 continues in the unheaded lead of 三、2026年重点工作, not in the 十五五 part
    assert ("2", "3") in pairs and ("2", "2") not in pairs and "2" in new


def test_items_that_follow_their_part_are_not_listed(aligned):
    """着力实施提振消费行动 (3.1.1) goes where its (一) goes: no row of its own (it is not dropped either), and
    its sentences are still searched inside 2026's (一)奋力推进全方位扩大内需 (none is taken for moved)."""
    a, b, doc = aligned["shandong"]
    rows = doc["alignment"]["sections"]
    assert a.section("3.1.1").title == "着力实施提振消费行动"
    assert not [r for r in rows if r["a"] == "3.1.1"]
    assert ("3.1", "3.1") in {(r["a"], r["b"]) for r in rows}
    lo, hi = a.section("3.1.1").start, a.section("3.1.1").end
    sents = doc["alignment"]["sentences"]
    inside = [s for s in sents if s["a"] is not None and lo <= a.sentences[s["a"]].start < hi]
    assert len(inside) >= 3 and all(s["status"] in ("reworded", "unchanged", "dropped") for s in inside)


def test_glossary_pairs_with_no_content_part(aligned):
    """Laishui 2021 ends with ※名词解释※ (a glossary, kind notes): it is dropped, not linked to a plan part."""
    a, b, doc = aligned["laishui"]
    assert a.section("5").kind == "notes"
    rows = [r for r in doc["alignment"]["sections"] if r["a"] == "5"]
    assert [r["relation"] for r in rows] == ["dropped"]


def test_items_that_left_their_part_are_placed_by_a_sentence_vote(aligned):
    """Shandong 2025's 着力促进房地产市场健康发展 (3.1.4, under 扩大内需) has no counterpart in 2026's 扩大内需: its
    sentences find their best matches in 区域协调发展 (城市更新, 老旧小区) and 保障和改善民生 (房地产发展新模式), so it
    is split across both; 深化教育科技人才一体改革 (3.3.3) likewise goes to 新质生产力 and 民生.
    突出抓好清洁能源体系建设 (3.7.2) has projects listed under 扩大内需 in 2026, but its lead line's best match
    (建强新型能源体系) is in its part's counterpart: it gets no link of its own. (The split rows read `regrouped`
    where the B part also gathers other A sections.)"""
    a, b, doc = aligned["shandong"]
    rows = doc["alignment"]["sections"]
    got = {a_: sorted(r["b"] for r in rows if r["a"] == a_ and r["b"]) for a_ in ("3.1.4", "3.3.3", "3.7.2")}
    assert got == {"3.1.4": ["3.6", "3.9"], "3.3.3": ["3.2", "3.9"], "3.7.2": []}
    assert {r["relation"] for r in rows if r["a"] in ("3.1.4", "3.3.3")} <= {"split", "regrouped"}


def test_reform_measure_goes_to_the_reform_part(aligned):
    """Hailar 2018's 落实现代农业发展新机制 (2.5.3, under (五)乡村振兴) writes 加快推进农村土地制度和集体产权制度改革，
    完善承包地“三权”分置; 2019 has 扎实做好农村集体产权制度、土地确权、“三权”分置、农企利益联结四项改革 in
    (五)围绕深化改革开放, not in (四)乡村振兴: the item is linked to the reform part too (its part still goes to
    (四)), as the gold splits it. 强化民生保障惠民 (2.7.1), whose 职业技能培训 sentence is also best matched in
    that part, names no reform there: it gets no link of its own."""
    a, b, doc = aligned["hailar"]
    rows = doc["alignment"]["sections"]
    assert a.section("2.5.3").title == "落实现代农业发展新机制" and "“三权”分置" in a.section_text(a.section("2.5.3"))
    assert b.section("2.5").title.startswith("围绕深化改革开放") and "“三权”分置" in b.section_text(b.section("2.5"))
    assert "“三权”分置" not in b.section_text(b.section("2.4"))
    pairs = {(r["a"], r["b"]) for r in rows if r["a"] and r["b"]}
    assert ("2.5.3", "2.5") in pairs and ("2.5", "2.4") in pairs
    assert {r["relation"] for r in rows if r["a"] == "2.5.3"} == {"regrouped"}
    assert not [r for r in rows if r["a"] == "2.7.1"]
