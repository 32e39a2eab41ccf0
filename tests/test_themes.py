"""Theme taxonomy and theme assignment, checked against the real reports' words."""

from __future__ import annotations

import re

import pytest

from policydiff.extract import extract
from policydiff.themes import (
    ReportThemes,
    keyword_hits,
    profile_change,
    record_themes,
    section_themes,
    sentence_themes,
    taxonomy,
    text_themes,
    theme_profile,
)

#: CAP major-topic codes (Comparative Agendas Project master codebook).
CAP_CODES = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23}


# ---------------------------------------------------------------------------
# The taxonomy
# ---------------------------------------------------------------------------


def test_taxonomy_covers_the_issue_themes_with_labels_keywords_and_cap_codes():
    tax = taxonomy()
    for required in (
        "macroeconomy",
        "fiscal_finance",
        "employment",
        "prices",
        "industry",
        "agriculture_rural",
        "energy",
        "environment",
        "science_technology",
        "education",
        "health",
        "social_security",
        "housing_urban",
        "transport_infrastructure",
        "trade_opening",
        "reform_business",
        "poverty",
        "governance_law",
        "culture_tourism",
        "public_safety",
    ):
        assert required in tax, required
    for theme in tax.values():
        assert theme.label and theme.label_zh and theme.keywords
        assert re.search(r"[\u4e00-\u9fff]", theme.label_zh)
        assert theme.cap is None or theme.cap in CAP_CODES, theme.id
        if theme.cap is None:
            assert theme.cap_note, f"{theme.id}: say why no CAP code fits"
    assert tax["environment"].cap == 7 and tax["employment"].cap == 5 and tax["health"].cap == 3


def test_every_keyword_belongs_to_one_theme():
    seen: dict[str, str] = {}
    for theme in taxonomy().values():
        for kw in theme.keywords:
            assert kw not in seen, f"{kw} in {seen.get(kw)} and {theme.id}"
            seen[kw] = theme.id


# ---------------------------------------------------------------------------
# Keyword matching
# ---------------------------------------------------------------------------


def test_longest_keyword_wins_and_overlaps_fire_once():
    # 居民消费价格 is prices, not the macroeconomy keyword 消费 inside it
    assert [(t, k) for t, k, _ in keyword_hits("居民消费价格涨幅3%左右")] == [("prices", "居民消费价格")]
    # 失业保险 is social security, not unemployment
    assert text_themes("失业保险基金").themes == ("social_security",)
    assert text_themes("降低单位国内生产总值能耗").primary == "energy"


def test_set_phrases_do_not_fire_themes():
    assert text_themes("实现中华民族伟大复兴").themes == ()
    assert "health" not in text_themes("促进经济持续健康发展").themes
    assert "health" in text_themes("推进健康中国建设").themes


def test_full_width_and_latin_keywords_match():
    assert text_themes("ＧＤＰ增长").themes == ("macroeconomy",)
    assert text_themes("细颗粒物（PM2.5）浓度下降").themes == ("environment",)


def test_explain_names_the_keywords_and_where():
    th = text_themes("城镇新增就业1100万人以上")
    assert th.keywords("employment") == ["城镇新增就业"]
    assert th.explain() == "employment: 城镇新增就业 (text)"


# ---------------------------------------------------------------------------
# Sections, sentences and records of real reports
# ---------------------------------------------------------------------------


def _section(report, heading_start):
    for s in report.sections():
        if s.title.startswith(heading_start):
            return s
    raise AssertionError(f"no section {heading_start} in {report.key}")


def test_section_themes_come_from_the_heading(national):
    r = national(2019)
    env = _section(r, "加强污染防治和生态建设，大力推动绿色发展")
    assert section_themes(r, env).primary == "environment"
    # a lead line under it that names its own theme keeps only that
    assert section_themes(r, _section(r, "壮大绿色环保产业")).themes == ("environment",)
    # an umbrella heading (宏观调控) does not spread over a sub-section about jobs
    jobs = _section(r, "多管齐下稳定和扩大就业")
    assert section_themes(r, jobs).themes == ("employment",)


def test_record_inside_an_environment_section_is_environment_without_saying_so(national):
    # 2018: "（八）坚持人与自然和谐发展，着力治理环境污染，生态文明建设取得明显成效。……淘汰黄标车和老旧车2000多万辆。"
    r = national(2018)
    rec = next(x for x in extract(r) if x.indicator and "黄标车" in x.indicator)
    assert rec.value == 2000 and rec.unit == "万辆"
    assert "environment" not in text_themes(rec.sentence).themes  # the sentence itself does not say so
    th = record_themes(r, rec)
    assert th.themes == ("environment",)
    assert all(h.source == "heading" and "着力治理环境污染" in h.heading for h in th.hits)


def test_record_themes_start_with_the_indicator(national):
    r = national(2019)
    rt = ReportThemes(r)
    targets = {x.indicator: x for x in extract(r, kind="target") if x.headline}
    assert rt.record(targets["城镇新增就业"]).primary == "employment"
    assert rt.record(targets["居民消费价格涨幅"]).primary == "prices"
    assert rt.record(targets["单位国内生产总值能耗"]).primary == "energy"
    assert rt.record(targets["农村贫困人口"]).primary == "poverty"


def test_sentence_themes_add_the_section_path(national):
    r = national(2019)
    # "多管齐下稳定和扩大就业。扎实做好高校毕业生、退役军人、农民工等重点群体就业工作……"
    sent = next(s for s in r.sentences if s.text.startswith("扎实做好高校毕业生"))
    th = sentence_themes(r, sent)
    assert th.primary == "employment"
    assert {h.source for h in th.hits} == {"text", "heading"}


# ---------------------------------------------------------------------------
# Profiles
# ---------------------------------------------------------------------------

POVERTY = re.compile("贫困|扶贫|脱贫")


def test_profile_counts_at_least_the_sentences_that_name_the_theme(national):
    for year in (2019, 2025):
        r = national(year)
        p = theme_profile(r)
        naming = sum(bool(POVERTY.search(s.text)) for s in r.sentences)
        row = p.row("poverty")
        assert row["sentences"] >= naming > 0
        assert row["share"] == pytest.approx(row["sentences"] / len(r.sentences), abs=1e-4)
        assert 0 <= p.unthemed_sentences < len(r.sentences)


def test_profile_change_follows_the_end_of_the_poverty_campaign(national):
    # 脱贫/扶贫/贫困: 34 mentions in the 2019 report, 6 in 2025 (grep -o | wc -l)
    a, b = theme_profile(national(2019)), theme_profile(national(2025))
    change = {row["theme"]: row for row in profile_change(a, b)}
    pov = change["poverty"]
    assert pov["share_a"] > pov["share_b"] and pov["change_pp"] < 0
    assert pov["change_pp"] == pytest.approx((pov["share_b"] - pov["share_a"]) * 100, abs=0.01)
    # records: the 2019 report sets the 农村贫困人口 target (减少1000万以上); 2025 has none on poverty
    assert pov["records_a"] >= 1


def test_the_docs_list_every_theme_with_its_cap_code():
    from .conftest import ROOT

    doc = (ROOT / "docs" / "graph.md").read_text(encoding="utf-8")
    for theme in taxonomy().values():
        line = next((ln for ln in doc.splitlines() if ln.startswith(f"| `{theme.id}` |")), None)
        assert line is not None, f"docs/graph.md does not list {theme.id}"
        assert theme.label_zh in line
        assert (f"| {theme.cap} " in line) if theme.cap else "| — |" in line
