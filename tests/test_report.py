"""The Report model on the real corpus: heading trees, classification, offsets, header."""

from __future__ import annotations

import pytest

from policydiff import parse_report
from policydiff.extract import extract
from policydiff.report import fold_width, split_sentences

from .conftest import BUNDLED, SHARED_CORPORA

ALL_FILES = sorted(SHARED_CORPORA.glob("*/*.txt")) + [BUNDLED / "dongsheng" / "2020.txt"]


def test_every_report_in_the_folders_is_found(corpus):
    # the shared folder grows between turns: count what is there, never a fixed number
    assert len(corpus) == len(ALL_FILES)
    assert {(p.parent.name, int(p.stem)) for p in ALL_FILES} == {(e.region, e.year) for e in corpus}
    assert corpus.years("national") == list(range(2000, 2026))
    assert corpus.years("hailar") == list(range(2012, 2020))


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_report_parses_with_exact_offsets(corpus, path):
    report = corpus.get(int(path.stem), path.parent.name)
    assert report.parts, "no parts found"
    assert report.sentences
    for s in report.sentences:
        assert report.text[s.start : s.end] == s.text
        assert s.text.strip() == s.text
    for p in report.paragraphs:
        assert report.text[p.start : p.end] == p.text
        assert p.sentences[0].start == p.start and p.sentences[-1].end == p.end
    for sec in report.sections():
        assert sec.start <= sec.heading_end <= sec.end
    # every paragraph belongs to exactly one section
    owned = sorted(i for sec in report.sections() for i in sec.paragraphs)
    assert owned == list(range(len(report.paragraphs)))


def _subs(part):
    return [c for c in part.children if c.level == 2]


def test_national_2019_structure(national):
    r = national(2019)
    assert len(r.parts) == 3
    subs = _subs(r.parts[2])
    assert [s.marker for s in subs] == [f"({n})" for n in "一二三四五六七八九十"]
    assert subs[6].title.startswith("加强污染防治和生态建设")
    assert [p.kind for p in r.parts] == ["review", "plan", "plan"]
    assert r.parts[0].years == (2018,)


def test_national_2020_has_8_parts_and_a_wrong_header_date_is_flagged(national):
    r = national(2020)
    assert len(r.parts) == 8
    assert r.parts[0].title == "2019年和今年以来工作回顾"
    assert r.parts[0].kind == "review"
    assert all(p.kind == "plan" for p in r.parts[1:])
    assert r.meta.date == "2021-03-05"  # what the (wrong) header says
    assert r.year == 2020
    assert any("disagrees" in w for w in r.meta.warnings)


def test_national_2021_has_3_parts(national):
    r = national(2021)
    assert len(r.parts) == 3
    assert [p.kind for p in r.parts] == ["review", "plan", "plan"]
    assert len(_subs(r.parts[2])) == 8
    assert r.parts[1].years == (2021, 2022, 2023, 2024, 2025)  # 十四五


def test_dongsheng_2020_structure_and_header(dongsheng):
    r = dongsheng
    assert len(r.parts) == 3
    subs = _subs(r.parts[1])
    assert [s.marker for s in subs] == [f"({n})" for n in "一二三四五六"]
    assert subs[0].title == "坚定不移贯彻新发展理念,着力夯实经济高质量发展产业基础"
    assert (r.parts[0].kind, r.parts[0].years) == ("review", (2019,))
    assert (r.parts[1].kind, r.parts[1].years) == ("plan", (2020,))
    assert r.parts[2].kind == "other"
    assert r.meta.date == "2020-04-27"
    assert r.meta.speaker == "刘凤云"
    assert r.meta.office == "东胜区人民政府代区长"
    assert r.meta.meeting == "第九届人民代表大会第四次会议"
    assert r.meta.title == "政府工作报告"
    assert r.meta.warnings == []


def test_lead_lines_are_the_lowest_heading_level(dongsheng, national):
    review = dongsheng.parts[0]
    leads = [c for c in review.children if c.level == 4]
    assert leads[0].marker == "——" and leads[0].title == "经济运行平稳向好"
    industry = _subs(dongsheng.parts[1])[0]
    assert [c.title for c in industry.children][0] == "聚焦传统产业提升新能级"
    policy = national(2019).parts[1]
    assert "积极的财政政策要加力提效" in [c.title for c in policy.children]


def test_indented_fullwidth_headings_national_2003(national):
    r = national(2003)
    assert [p.title for p in r.parts] == ["过去五年政府工作的回顾", "对今年政府工作的建议"]
    assert r.parts[0].years == (1998, 1999, 2000, 2001, 2002)
    assert len(_subs(r.parts[0])) == 9 and len(_subs(r.parts[1])) == 8


def test_sentence_section_paths(national):
    r = national(2019)
    s = next(s for s in r.sentences if "蓝天保卫战" in s.text and s.section_id.startswith("3.7"))
    assert s.section_path[:2] == ("三、2019年政府工作任务", "(七)加强污染防治和生态建设，大力推动绿色发展")


def test_sentence_splitting_keeps_numbers_whole():
    text = "国内生产总值增长6%-6.5%。粮食产量1.3万亿斤以上，增长4.5%！城镇新增就业1100万人以上"
    parts = [text[s:e] for s, e in split_sentences(text, 0, len(text))]
    assert parts == ["国内生产总值增长6%-6.5%。", "粮食产量1.3万亿斤以上，增长4.5%！", "城镇新增就业1100万人以上"]


def test_fullwidth_text_maps_back_to_the_original():
    text = "一、２０１９年工作回顾\n　　全年增长６．１％。（一）不是标题。\n"
    r = parse_report(text, region="t", year=2020)
    assert len(fold_width(text)) == len(text)
    s = r.sentences[1]
    assert s.text == "全年增长６．１％。" and text[s.start : s.end] == s.text
    assert r.norm_text[s.start : s.end] == "全年增长6.1%。"


def test_enumerations_out_of_sequence_are_not_headings():
    text = "一、回顾\n过去一年成绩显著。\n一、这不是第二部分\n二、今年工作\n内容。"
    r = parse_report(text, region="t", year=2020)
    assert [p.title for p in r.parts] == ["回顾", "今年工作"]


def test_report_without_headings_is_one_preamble():
    r = parse_report("没有标题的报告。只有两句话。", region="t", year=2020)
    assert r.parts == [] and len(r.sentences) == 2
    assert r.preamble.paragraphs == [0]


RECENT_FILES = [p for p in ALL_FILES if int(p.stem) >= 2010]


@pytest.mark.parametrize("path", RECENT_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_recent_report_has_a_review_and_a_plan_and_a_small_preamble(corpus, path):
    report = corpus.get(int(path.stem), path.parent.name)
    kinds = {p.kind for p in report.parts}
    assert {"review", "plan"} <= kinds, [(p.heading, p.kind) for p in report.parts]
    in_preamble = sum(1 for s in report.sentences if s.section_id.split(".")[0] == "0")
    assert in_preamble <= 0.05 * len(report.sentences)


def test_top_level_headings_without_markers(corpus):
    xizang = corpus.get(2025, "xizang")
    assert [(p.title, p.kind, p.years) for p in xizang.parts] == [
        ("2024年工作回顾", "review", (2024,)),
        ("2025年工作安排", "plan", (2025,)),
    ]
    assert xizang.parts[1].children[0].heading == "(一)坚决维护社会和谐稳定"
    gansu = corpus.get(2026, "gansu")
    assert [(p.title, p.kind) for p in gansu.parts] == [
        ("“十四五”时期工作回顾", "review"),
        ("“十五五”时期的主要目标任务", "plan"),
        ("2026年重点工作", "plan"),
    ]
    assert gansu.parts[0].years == (2021, 2022, 2023, 2024, 2025)
    assert len(gansu.parts[2].children) == 8  # （一）…（八）


def test_marked_parts_nest_under_unmarked_parts(corpus):
    r = corpus.get(2026, "neimenggu")
    assert [p.heading for p in r.parts] == [
        "“十四五”时期发展成就和2025年工作回顾",
        "“十五五”时期主要目标和2026年重点工作",
        "附件2026年自治区民生实事",
    ]
    assert [p.kind for p in r.parts] == ["review", "plan", "plan"]
    plan = r.parts[1]
    assert [c.marker for c in plan.children if c.marker] == ["一、", "二、", "三、", "四、"]
    assert plan.children[2].children[0].heading.startswith("(一)立足壮大实体经济")
    # the 民生实事 annex lists 2026 targets: 2.实现城镇新增就业18万人以上
    annex_text = r.section_text(r.parts[2])
    assert "城镇新增就业18万人以上" in annex_text


def test_a_review_part_told_by_its_body_when_its_heading_does_not_say(corpus):
    r = corpus.get(2025, "fujian")
    assert r.parts[0].title == "牢记殷殷嘱托，在接续奋斗中新福建建设取得新成效"
    assert r.parts[0].kind == "review" and r.parts[0].years == (2024,)
    assert [p.kind for p in r.parts[1:]] == ["plan", "plan"]


def test_an_unnumbered_review_before_numbered_plan_parts(national):
    r = national(2002)
    assert r.parts[0].title == "首先报告２００１年的工作" and r.parts[0].kind == "review"
    assert r.parts[1].heading.startswith("一、扩大和培育内需")
    assert r.parts[-1].title == "结束语" and r.parts[-1].kind == "other"


@pytest.mark.parametrize(
    "key, title",
    [
        ("dingxing/2021", "*名词解释"),
        ("yixian/2020", "※注释※"),
        ("national/2012", "附注"),
        ("fuping/2021", "名 词 解 释"),
        ("jiangxi/2025", "《政府工作报告》有关内容名词注释"),
    ],
)
def test_glossaries_are_notes_parts(corpus, key, title):
    region, year = key.split("/")
    r = corpus.get(int(year), region)
    notes = [p for p in r.parts if p.kind == "notes"]
    assert [p.title for p in notes] == [title]
    assert notes[0] is r.parts[-1] and notes[0].years == ()


def test_parts_written_as_chapters_and_full_width_figures():
    text = (
        "各位代表：\n第一部分　２０２４年工作回顾\n全年地区生产总值增长５．２％。\n"
        "第二部分　２０２５年工作安排\n深化“放管服”改革。加快审批。\n地区生产总值增长５％左右〔3〕。\n"
    )
    r = parse_report(text, region="demo", year=2025)
    assert [(p.marker, p.title, p.kind) for p in r.parts] == [
        ("第一部分", "２０２４年工作回顾", "review"),
        ("第二部分", "２０２５年工作安排", "plan"),
    ]
    assert r.parts[1].children[0].title == "深化“放管服”改革"  # a lead line with quotation marks
    recs = extract(r)
    assert [(x.kind, x.value, x.unit, r.text[x.start : x.end]) for x in recs] == [
        ("result", 5.2, "%", "５．２％"),
        ("target", 5, "%", "５％"),
    ]


def test_an_excerpt_may_open_on_a_later_part():
    # a researcher's copy of the plan part alone (济南 2025's 二、…), not a prose paragraph: a part of its own
    text = (
        "二、2025年工作总体要求和主要目标\n"
        "主要预期目标是：地区生产总值增长5.5%左右；城镇新增就业15万人以上。\n"
        "三、2025年重点工作\n"
        "新建城市公园10个。\n"
    )
    r = parse_report(text, region="jinan", year=2025)
    parts = [(s.marker, s.kind) for s in r.sections() if s.level == 1]
    assert parts == [("二、", "plan"), ("三、", "plan")]
    targets = [(x.indicator, x.value) for x in extract(r) if x.kind == "target"]
    assert targets[:2] == [("地区生产总值", 5.5), ("城镇新增就业", 15)]
    # a later ordinal with no year's work in its title is still prose before the first part
    assert [s.level for s in parse_report("三、加快发展。\n新建公园10个。", region="x", year=2025).sections()] == [0]
