"""Section, paragraph and sentence alignment, on national 2019 → 2020 and on small built reports.

Checked against the texts: national/2019.txt has （七）加强污染防治和生态建设，大力推动绿色发展 under 三、;
national/2020.txt has 8 parts, and 提高生态环境治理成效。 opens a paragraph under 五、实施扩大内需战略…;
居民消费价格上涨2.1%。 (2019) / 居民消费价格上涨2.9%。 (2020); 国际收支基本平衡。 in both.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

from policydiff import align as align_mod
from policydiff.align import align, word_diff
from policydiff.report import parse_report

RELATIONS = {"matched", "moved", "split", "merged", "regrouped", "new", "dropped"}


@pytest.fixture(scope="module")
def al_2019_2020(national):
    return national(2019), national(2020), align(national(2019), national(2020))


def test_pollution_section_pairs_with_the_2020_ecology_lead_section(al_2019_2020):
    a, b, al = al_2019_2020
    a_sec = a.section("3.7")
    assert a_sec.heading.startswith("(七)加强污染防治和生态建设")
    pairs = al.counterparts("3.7")
    assert pairs, "(七) has no counterpart"
    targets = {p.b for p in pairs}
    eco = b.section("5.5")
    assert eco.title == "提高生态环境治理成效" and b.part_of("5.5").marker == "五、"
    assert "5.5" in targets
    pair = next(p for p in pairs if p.b == "5.5")
    assert pair.score > 0 and {"生态", "治理", "保护"} & set(pair.evidence)


def test_every_2020_part_is_aligned_or_new(al_2019_2020):
    _, b, al = al_2019_2020
    assert len(b.parts) == 8
    for part in b.parts:
        rows = [p for p in al.sections if p.b == part.id]
        assert rows, f"2020 part {part.heading} missing from the alignment"
        assert all(p.relation in RELATIONS for p in rows)
        assert any(p.a for p in rows) or rows[0].relation == "new"


def test_review_parts_pair_and_task_part_splits(al_2019_2020):
    a, b, al = al_2019_2020
    assert ("1", "1") in {(p.a, p.b) for p in al.sections}
    # 2019 has all tasks in part 三; 2020 spreads them over parts 三 to 八
    split = {p.b for p in al.sections if p.a == "3"}
    assert len(split) >= 4 and all(p.relation in ("split", "regrouped") for p in al.sections if p.a == "3")
    # 2020 part 四 (依靠改革激发市场主体活力) gathers (二) 激发市场主体活力 and (八) 深化重点领域改革
    sources = {p.a for p in al.sections if p.b == "4"}
    assert {"3.2", "3.8"} <= sources
    assert all(p.relation in ("merged", "regrouped") for p in al.sections if p.b == "4")


def test_same_named_subsections_match(al_2019_2020):
    _, _, al = al_2019_2020
    pairs = {(p.a_heading, p.b_heading) for p in al.sections if p.a and p.b}
    assert ("深入推进新型城镇化", "深入推进新型城镇化") in pairs
    assert ("加强和创新社会治理", "加强和创新社会治理") in pairs


def test_every_sentence_accounted_for_once(al_2019_2020):
    a, b, al = al_2019_2020
    a_seen = Counter(s.a for s in al.sentences if s.a is not None)
    b_seen = Counter(s.b for s in al.sentences if s.b is not None)
    assert set(a_seen) == set(range(len(a.sentences))) and max(a_seen.values()) == 1
    assert set(b_seen) == set(range(len(b.sentences))) and max(b_seen.values()) == 1
    for s in al.sentences:
        assert (s.a is None) == (s.status == "new") and (s.b is None) == (s.status == "dropped")
        if s.a is not None:
            assert s.a_text == a.sentences[s.a].text
        if s.b is not None:
            assert s.b_text == b.sentences[s.b].text


def test_sentence_statuses(al_2019_2020):
    a, b, al = al_2019_2020
    by_a = {a.sentences[s.a].text: s for s in al.sentences if s.a is not None}
    assert by_a["国际收支基本平衡。"].status == "unchanged"
    cpi = by_a["居民消费价格上涨2.1%。"]
    assert cpi.status == "reworded" and b.sentences[cpi.b].text == "居民消费价格上涨2.9%。"
    assert ("replace", "2.1%", "2.9%") in cpi.diff  # numbers stay whole in the word diff


def test_paragraph_pairs_cover_both_reports(al_2019_2020):
    a, b, al = al_2019_2020
    assert {p.a for p in al.paragraphs if p.a is not None} == {p.index for p in a.paragraphs if p.sentences}
    assert {p.status for p in al.paragraphs} <= {"unchanged", "reworded", "moved", "new", "dropped"}
    assert any(p.status == "unchanged" for p in al.paragraphs)


def test_small_reports_new_dropped_moved():
    a = parse_report(
        "一、工作回顾\n粮食产量6.5亿吨。\n二、今年任务\n(一)加强污染防治。治理大气污染和水污染。\n"
        "(二)发展教育事业。办好学前教育和职业教育。\n(三)建设海洋强国。发展远洋渔业和海洋装备。",
        region="demo",
        year=2019,
    )
    b = parse_report(
        "一、工作回顾\n粮食产量6.6亿吨。\n二、加强教育\n办好学前教育和职业教育，发展特殊教育。\n"
        "三、生态环境\n治理大气污染和水污染。\n四、航天事业\n发射火星探测器和空间站核心舱。",
        region="demo",
        year=2020,
    )
    al = align(a, b)
    rel = {(p.a, p.b): p.relation for p in al.sections}
    assert rel[("2.3", None)] == "dropped"  # (三)建设海洋强国 has no counterpart
    assert rel[(None, "4")] == "new"  # 四、航天事业 is new
    assert rel[("2", "2")] == rel[("2", "3")] == "split"  # 二、今年任务 went to two parts
    assert {rel[("2.1", "3")], rel[("2.2", "2")]} == {"matched", "moved"}  # the order of the two swapped
    moved_sent = [s for s in al.sentences if s.a_text == "治理大气污染和水污染。"][0]
    assert moved_sent.status == "unchanged" and moved_sent.b_text == "治理大气污染和水污染。"


def test_word_diff_numbers_atomic():
    assert word_diff("国内生产总值增长6%-6.5%", "国内生产总值增长6%左右") == [
        ("equal", "国内生产总值增长", "国内生产总值增长"),
        ("replace", "6%-6.5%", "6%左右"),
    ]
    assert ("replace", "1100", "900") in word_diff("城镇新增就业1100万人以上", "城镇新增就业900万人以上")


def test_every_sequence_matcher_is_built_without_autojunk():
    package = Path(align_mod.__file__).parent
    calls = []
    for path in [package / "align.py", package / "compare.py", *sorted((package / "render").glob("compare_*.py"))]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls += [n for n in ast.walk(tree) if isinstance(n, ast.Call) and "SequenceMatcher" in ast.unparse(n.func)]
    assert calls
    for call in calls:
        assert any(k.arg == "autojunk" and k.value.value is False for k in call.keywords), ast.unparse(call)


@pytest.mark.parametrize("years", [(2012, 2013), (2018, 2019)])
def test_hailar_pairs_hold_the_invariants(corpus, years):
    a, b = corpus.get(years[0], "hailar"), corpus.get(years[1], "hailar")
    al = align(a, b)
    for part in b.parts:
        assert any(p.b == part.id for p in al.sections)
    for part in a.parts:
        assert any(p.a == part.id for p in al.sections)
    assert len([s for s in al.sentences if s.a is not None]) == len(a.sentences)
    assert all(0 <= p.score <= 1 for p in al.sections)


def test_reform_measures_go_to_the_reform_part(corpus):
    """A sector's reform written in its item one year and in the part on reform the next links the item to that
    part too (``align._reforms_moved``). Checked against the texts: ningxia/2025.txt has 深化公立医院改革。 in
    四是持续深化医疗健康保障工程 (under (五)…共同富裕); ningxia/2026.txt has 加快以公益性为导向的公立医院改革，… in
    (二)着力完善市场经济体制，在全面深化改革开放上开新局 and 三是深化医疗卫生强基工程 under (六)民生实事."""
    a, b = corpus.get(2025, "ningxia"), corpus.get(2026, "ningxia")
    al = align(a, b)
    assert a.section("2.5.4").title == "四是持续深化医疗健康保障工程"
    assert "深化公立医院改革。" in a.section_text(a.section("2.5.4"))
    assert b.section("3.2").title.startswith("着力完善市场经济体制")
    assert "公立医院改革" in b.section_text(b.section("3.2"))
    got = {(p.b, p.relation) for p in al.sections if p.a == "2.5.4"}
    assert got == {("3.2", "regrouped"), ("3.6.3", "split")}

    # Not when the item's part already goes to a reform part: national 2007's 推进财税体制改革 (under
    # 五、深化改革和扩大开放 → 2008's (五)深化经济体制改革) says its 企业所得税法 will be 提请本次大会审议, and
    # 2008's (九)加快行政管理体制改革 that the 国务院机构改革方案 will: the two sentences are each other's best
    # match, and no link follows.
    a, b = corpus.get(2007, "national"), corpus.get(2008, "national")
    al = align(a, b)
    assert a.section("5.3").title == "推进财税体制改革" and b.section("2.9").title.startswith("加快行政管理体制改革")
    assert {p.b for p in al.sections if p.a == "5.3"} == {"2.5"}

    # Nor from a heading: chongqing 2025's 深化农业农村改革 has 更好发挥小城镇联结城乡作用, whose best match is the
    # heading (五)更好发挥经济体制改革牵引作用 of 2026, a topic, not a measure: the item keeps its one counterpart.
    a, b = corpus.get(2025, "chongqing"), corpus.get(2026, "chongqing")
    al = align(a, b)
    assert a.section("2.5.2").title == "深化农业农村改革" and b.section("3.5").title == "更好发挥经济体制改革牵引作用"
    assert {p.b for p in al.sections if p.a == "2.5.2"} == {"3.8.4"}
