"""The linking component on small fixtures and on real pairs (figures checked against the texts with grep).

anhui/2025.txt: 新增精品示范村200个、省级中心村800个左右 … 建设农村幸福院750个
anhui/2026.txt: 新建精品示范村205个、省级中心村816个 … 新增农村幸福院773个
national/2015.txt: 城镇新增就业1000万人以上; national/2016.txt: 城镇新增就业1312万人
"""

from __future__ import annotations

import pytest

from policydiff.compare import check_delivery, diff_targets
from policydiff.delivery import assess
from policydiff.extract import Record
from policydiff.link import PAIR_MIN, core, link, mentions, name_similarity, period_issue


def rec(indicator, value, unit, *, kind="result", measure="count", year=2025, period=None, sentence="", **kw):
    base = dict(
        report="demo/2026",
        kind=kind,
        year=year,
        period=period,
        indicator=indicator,
        metric=kw.pop("metric", None),
        value=value,
        value_high=None,
        unit=unit,
        measure=measure,
        direction=None,
        qualifier=None,
        modality=None,
        headline=False,
        absent=False,
        sentence=sentence or f"{indicator}{value}{unit}",
        start=kw.pop("start", 0),
        end=0,
        section="",
        section_id="",
    )
    base.update(kw)
    return Record(**base)


def target(indicator, value, unit, **kw):
    return rec(indicator, value, unit, kind="target", **kw)


def test_reworded_indicators_link():
    assert core("新增精品示范村") == core("新建精品示范村") == "精品示范村"
    lk = link([target("建设农村幸福院", 750, "个")], [rec("新增农村幸福院", 773, "个"), rec("省级中心村", 816, "个")])[
        0
    ]
    assert (lk.status, lk.result.value) == ("linked", 773)
    assert any("农村幸福院" in e for e in lk.evidence)


def test_known_different_metrics_never_link():
    assert name_similarity("城镇调查失业率", "城镇登记失业率") == 0.0
    lk = link([target("城镇调查失业率", 5.5, "%", measure="rate")], [rec("城镇登记失业率", 3.6, "%", measure="rate")])
    assert lk[0].status == "not reported"


def test_counting_words_convert_but_percent_and_points_do_not():
    lk = link([target("实施亿元以上技改项目", 1200, "项")], [rec("实施亿元以上重点技改项目", 1213, "个")])[0]
    assert lk.status == "linked" and lk.score >= PAIR_MIN
    lk = link([target("赤字率", 3, "%", measure="rate")], [rec("赤字率", 0.2, "个百分点", measure="rate")])[0]
    assert lk.status == "not comparable" and "units differ" in lk.reason


def test_five_year_average_or_cumulative_is_not_comparable():
    t = target("制造业投资", 10, "%", measure="growth")
    r = rec("制造业投资", 12.2, "%", measure="growth", period="2021-2025", sentence="制造业投资年均增长12.2%")
    lk = link([t], [r])[0]
    d, _ = assess(lk)
    assert (lk.status, d.status) == ("not comparable", "not comparable")
    assert "年均" in d.note and "2021-2025" in d.note


def test_single_year_figure_preferred_to_the_five_year_one():
    t = target("城镇新增就业", 120, "万人", measure="level", metric="urban_new_jobs")
    five = rec("城镇新增就业", 690, "万人", measure="level", period="2021-2025", metric="urban_new_jobs", start=1)
    one = rec("城镇新增就业", 141, "万人", measure="level", metric="urban_new_jobs", start=50)
    lk = link([t], [five, one])[0]
    assert (lk.status, lk.result.value) == ("linked", 141)
    assert assess(lk)[0].status == "exceeded"


def test_end_of_period_stock_stands_for_the_last_year():
    t = target("全社会研发投入强度", 3.35, "%", measure="rate", qualifier="左右")
    r = rec(
        "全社会研发投入强度", 3.38, "%", measure="rate", period="2021-2025", sentence="全社会研发投入强度达3.38%左右"
    )
    ok, note = period_issue(t, r, "全社会研发投入强度达")
    assert ok and "end-of-period" in note
    assert assess(link([t], [r])[0])[0].status == "met"


def test_stock_is_not_an_increment():
    t = target("新投产铁路里程", 8000, "公里", measure="level")
    r = rec("铁路营业里程", 12.1, "万公里", measure="level", sentence="铁路营业里程达到12.1万公里")
    lk = link([t], [r])[0]
    assert lk.status in ("not comparable", "unclear")
    assert assess(lk)[0].status not in ("met", "exceeded", "missed")


def test_starts_do_not_answer_projects_advanced():
    """A target on projects advanced (统筹推进重大项目) is not answered by a count of starts; one that is itself
    about the work (改造, 新开工) is."""
    t = target("重大项目", 2200, "个", sentence="统筹推进重大项目2200个以上")
    lk = link([t], [rec("重大项目开工", 390, "个", sentence="重大项目开工390个")])[0]
    assert lk.status == "not comparable" and lk.reason == "starts, not projects advanced"
    t = target("棚户区改造", 580, "万套", sentence="棚户区改造580万套")
    lk = link([t], [rec("棚户区住房改造开工", 601, "万套", sentence="棚户区住房改造开工601万套")])[0]
    assert lk.status == "linked"
    t = target("重大项目", 300, "个", sentence="推进新开工重大项目300个")
    lk = link([t], [rec("重大项目开工", 320, "个", sentence="重大项目开工320个")])[0]
    assert lk.status == "linked"


def test_narrower_scope_is_not_comparable():
    lk = link(
        [target("工业投资", 5, "%", measure="growth")], [rec("沿边临港产业园区工业投资", 11.7, "%", measure="growth")]
    )
    assert lk[0].status == "not comparable" and "narrower scope" in lk[0].reason


def test_split_result_each_side_judged_and_combined():
    t = target("城乡居民人均可支配收入", 6, "%", measure="growth", qualifier="左右")
    urban = rec("城镇居民人均可支配收入", 4.4, "%", measure="growth")
    rural = rec("农村居民人均可支配收入", 5.9, "%", measure="growth")
    lk = link([t], [urban, rural])[0]
    assert lk.status == "split" and lk.parts == [urban, rural]
    d, each = assess(lk)
    assert [e.status for e in each] == ["missed", "met"]
    assert d.status == "not comparable" and "disagree" in d.note
    both = assess(link([t], [urban, rec("农村居民人均可支配收入", 6.2, "%", measure="growth")])[0])[0]
    assert both.status == "not comparable"
    high = [
        rec("城镇居民人均可支配收入", 6.3, "%", measure="growth"),
        rec("农村居民人均可支配收入", 6.5, "%", measure="growth"),
    ]
    assert assess(link([t], high)[0])[0].status == "met"


def test_explicit_reference_to_the_target_is_evidence():
    t = target("减税降费", 2, "万亿元", measure="level", metric="tax_fee_cuts")
    r = rec(
        "为企业减负", 2.36, "万亿元", measure="level", sentence="全年为企业减负超过2.36万亿元，超过原定的近2万亿元规模"
    )
    lk = link([t], [r])[0]
    assert lk.status == "linked" and any("原定" in e for e in lk.evidence)


def test_unclear_lists_candidates_and_not_reported_means_nothing_at_all():
    t = target("新优质学校", 112, "所")
    lk = link([t], [rec("优质民办学校", 2891, "所")])[0]
    assert lk.status == "unclear" and lk.candidates and lk.result is None
    # one head, other kinds in front (优质 / 基础教育): not even a candidate
    assert link([t], [rec("基础教育学校", 2891, "所")])[0].status == "not reported"
    assert link([t], [rec("粮食产量", 838.6, "亿斤", measure="level")])[0].status == "not reported"


def test_text_mentions_make_a_row_unclear():
    t = target("粮食产量", 1.3, "万亿斤", measure="level", metric="grain_output")
    assert mentions(t, [(100, "粮食产量首次跃上1.4万亿斤新台阶")])[0]["start"] == 108
    rows = check_delivery([t], [], review=[(100, "粮食产量首次跃上1.4万亿斤新台阶")])
    assert rows[0].status == "unclear" and rows[0].candidates[0]["value"] == 1.4
    assert check_delivery([t], [], review=[(0, "粮食播种面积稳定")])[0].status == "not reported"


def test_reworded_target_is_changed_not_dropped_and_new():
    a = target("新增精品示范村", 200, "个", year=2025)
    b = target("新建精品示范村", 220, "个", year=2026)
    (row,) = diff_targets([a], [b])
    assert (row.status, row.changes, row.difference) == ("changed", ["value"], 20)
    assert row.evidence and row.score == 1.0


def test_real_pair_anhui_villages(corpus):
    from policydiff.compare import compare

    c = compare(corpus.get(2025, "anhui"), corpus.get(2026, "anhui"))
    rows = {(d.target.indicator, d.target.value): d for d in c.delivery}
    village = rows[("新增精品示范村", 200)]
    assert village.result is not None and village.result.value == 205 and "精品示范村" in village.evidence
    centre = rows[("省级中心村", 800)]
    assert centre.result is not None and centre.result.value == 816


def test_real_pair_national_2015_jobs(national):
    from policydiff.compare import compare

    c = compare(national(2015), national(2016))
    (d,) = [d for d in c.delivery if d.target.metric == "urban_new_jobs" and d.target.value == 1000]
    assert (d.result.value, d.status) == (1312, "exceeded")


def test_sole_close_candidate_links_below_the_pair_threshold():
    t = target("新建大棚", 300, "个")
    r = rec("建成蔬菜大棚", 320, "个")
    lk = link([t], [r, rec("完成绿化", 66, "万平方米", measure="level")])[0]
    assert lk.status == "linked" and lk.result is r and lk.score is not None and lk.score < PAIR_MIN
    assert any("only close candidate" in e for e in lk.evidence)
    # another unlinked target as close to the figure: no sole candidate
    rival = target("修缮蔬菜大棚", 280, "个")
    assert link([t, rival], [r])[0].status == "unclear"


def test_sole_candidate_needs_a_specific_word_and_a_figure_of_the_same_size():
    # 项目 is a general word (jieba's dictionary counts it often): it alone does not make a sole candidate
    assert link([target("入库项目", 50, "个")], [rec("引进洽谈项目", 55, "个")])[0].status == "unclear"
    # a figure ten times the target's is about something else (the same names link at 300 against 300)
    assert link([target("新建大棚", 30, "个")], [rec("建成蔬菜大棚", 300, "个")])[0].status == "unclear"
    # a result naming a level the target does not counts only a part
    lk = link([target("千亿级特色产业集群", 7, "个")], [rec("入选国家级中小企业特色产业集群", 4, "个")])[0]
    assert lk.status != "linked"


def test_real_pair_hailar_2015_greenhouses(corpus):
    from policydiff.compare import compare

    c = compare(corpus.get(2015, "hailar"), corpus.get(2016, "hailar"))
    (d,) = [d for d in c.delivery if d.target.indicator == "新建大棚"]
    assert (d.target.value, d.result.value, d.status) == (300, 300, "met")
    assert d.result.indicator == "建成蔬菜大棚"


def test_real_pair_national_2017_five_year_totals_and_restatements(national):
    # national/2018.txt reviews 2013-2017: 退出钢铁产能1.7亿吨以上、煤炭产能8亿吨, 易地扶贫搬迁830万人 are five-year
    # totals of work done; 财政赤字率一直控制在3%以内 holds for every year, no 2017 value
    from policydiff.compare import compare

    c = compare(national(2017), national(2018))
    rows = {(d.target.indicator, d.target.value): d for d in c.delivery}
    for key in (("钢铁产能", 5000), ("退出煤炭产能", 1.5), ("易地扶贫搬迁", 340), ("赤字率", 3)):
        assert rows[key].status == "not comparable", (key, rows[key].evidence)
    # 城镇新增就业预期目标比去年多100万人 restates the 1100万人 target: only the level is checked
    assert ("城镇新增就业", 100) not in rows and rows[("城镇新增就业", 1100)].status == "exceeded"


def test_sole_candidate_counted_by_another_classifier_is_shown_not_judged():
    # 完成335座保暖房装修 / 建成…保暖房，安置335人: the houses against the people housed
    lk = link([target("保暖房装修", 335, "座")], [rec("建成绿色保暖房", 335, "人")])[0]
    assert lk.status == "not comparable" and lk.result is not None and lk.result.value == 335
    assert "units differ" in (lk.reason or "")
    # hailar 2017: 完成335座保暖房装修 / 2018: 建成335户绿色保暖房 — the same houses, counted as 座 and 户: judged
    lk = link([target("保暖房装修", 335, "座")], [rec("建成绿色保暖房", 335, "户")])[0]
    assert (lk.status, lk.result.value) == ("linked", 335)


def test_real_pair_hailar_2013_district_investment(corpus):
    # hailar/2014.txt: 区本级全社会固定资产投资额完成90.7亿元，同比增长24.7% (投资额 reads 投资)
    from policydiff.compare import compare

    c = compare(corpus.get(2013, "hailar"), corpus.get(2014, "hailar"))
    rows = {(d.target.indicator, d.target.value): d for d in c.delivery}
    assert (rows[("区本级固定资产投资", 23)].result.value, rows[("区本级固定资产投资", 23)].status) == (
        24.7,
        "exceeded",
    )
    assert (rows[("区本级固定资产投资", 100)].result.value, rows[("区本级固定资产投资", 100)].status) == (
        90.7,
        "missed",
    )


def test_real_pair_fuping_2021_tourism_and_toilets(corpus):
    # fuping/2021.txt: 旅游人数达到150万，旅游业总收入达到12亿元; 改造户厕8000座
    # fuping/2022.txt: 接待游客152万人次，实现旅游综合收入12.16亿元; 改造农村旱厕8000座
    from policydiff.compare import compare

    c = compare(corpus.get(2021, "fuping"), corpus.get(2022, "fuping"))
    rows = {d.target.indicator: d for d in c.delivery}
    assert (rows["旅游人数"].result.value, rows["旅游人数"].status) == (152, "met")  # 万 against 万人次
    assert (rows["旅游业总收入"].result.value, rows["旅游业总收入"].status) == (12.16, "met")
    assert (rows["改造户厕"].result.indicator, rows["改造户厕"].status) == ("改造农村旱厕", "met")


def test_name_synonyms_from_the_lexicon():
    # hailar 2017: 建成4座垃圾中转站 / 2018: 新建新型垃圾转运站3座
    lk = link([target("建成垃圾中转站", 4, "座")], [rec("新建新型垃圾转运站", 3, "座")])[0]
    assert (lk.status, lk.result.value) == ("linked", 3)
    assert name_similarity("农村厕所改造", "户厕改造") == 1.0


def test_real_pair_laishui_2020_county(corpus):
    # laishui/2020.txt: 确保剩余贫困人口322户677人上半年全部脱贫; 完成1.62万户“气代煤”改造; 生产总值增长6.5%
    # laishui/2021.txt: 全县剩余贫困人口322户、677人脱贫出列; 2.3万农户“气代煤”改造; “十三五”…生产总值年均增长5.4%
    from policydiff.compare import compare

    c = compare(corpus.get(2020, "laishui"), corpus.get(2021, "laishui"))
    rows = {(d.target.indicator, d.target.value): d for d in c.delivery}
    assert (rows[("剩余贫困人口", 322)].result.value, rows[("剩余贫困人口", 322)].status) == (322, "met")
    assert (rows[("剩余贫困人口", 677)].result.value, rows[("剩余贫困人口", 677)].status) == (677, "met")
    gas = rows[("“气代煤”改造", 1.62)]  # 2.3万 (农户) takes the target's 户
    assert (gas.result.value, gas.status) == (2.3, "exceeded")
    gdp = rows[("生产总值", 6.5)]  # the five-year average growth, not the 2020 level in 亿元, is shown
    assert (gdp.result.value, gdp.status) == (5.4, "not comparable") and "年均" in gdp.note


def test_distinct_kinds_never_link_and_sector_names_do():
    # guizhou 2025 高铁通车里程达到1900公里 / 2026: 高铁营业里程突破1900公里 (高速公路通车里程 is another thing)
    assert name_similarity("高铁通车里程", "高速公路通车里程") == 0.0
    assert name_similarity("高铁通车里程", "高铁营业里程") == 1.0
    assert name_similarity("供水管网", "燃气管网") == 0.0
    # 一、二、三产增加值分别增长… is split into 第一产业增加值 …; B's 一产增加值 is the same sector
    assert name_similarity("第一产业增加值", "一产增加值") == 1.0


def test_the_same_name_in_other_units_is_shown_not_judged():
    # 完成农村厕所改造3万户 / 改造农村厕所惠及1万人 — the same words, counted otherwise
    lk = link([target("农村厕所改造", 3, "万户", measure="level")], [rec("改造农村厕所", 1, "万人", measure="level")])[
        0
    ]
    assert (lk.status, lk.result.value) == ("not comparable", 1) and "units differ" in (lk.reason or "")
    # a general word alone is no same name (城市更新1600个 / 城市…3000亿元)
    lk = link([target("城市更新", 1600, "个")], [rec("城市", 3000, "亿元", measure="level")])[0]
    assert lk.status != "not comparable"


def test_a_split_row_shows_the_part_that_decides(corpus):
    # laiyuan 2021: 城乡居民人均可支配收入增长8.5% / 2022: 城乡居民人均可支配收入分别…同比增长10.2%、13.9%
    from policydiff.compare import compare

    c = compare(corpus.get(2021, "laiyuan"), corpus.get(2022, "laiyuan"))
    (d,) = [d for d in c.delivery if d.indicator == "城乡居民人均可支配收入"]
    assert (d.status, d.result.value, d.margin) == ("exceeded", 10.2, 1.7)
    assert [p["result"].value for p in d.parts] == [10.2, 13.9]


def test_the_years_increment_does_not_answer_a_level_to_hold():
    # heilongjiang 2025: 绿色有机食品基地面积稳定在1亿亩以上 / 2026: 新增绿色有机食品基地面积536万亩
    t = target("绿色有机食品基地面积", 1, "亿亩", measure="level", qualifier="以上")
    lk = link([t], [rec("新增绿色有机食品基地面积", 536, "万亩", measure="level")])[0]
    assert lk.status == "not comparable" and "increment" in (lk.reason or "")
    # the year's work stays comparable (xizang 2025: 完成营造林100万亩以上 / 2026: 新增营造林148万亩)
    t = target("营造林", 100, "万亩", measure="level", qualifier="以上", sentence="完成营造林100万亩以上", start=2)
    assert link([t], [rec("新增营造林", 148, "万亩", measure="level")])[0].status == "linked"


def test_value_added_is_no_increment():
    from policydiff.link import is_increment

    assert not is_increment("园区规模工业增加值占全省比重") and is_increment("新增就业")


def test_forest_names_and_a_projects_total_investment(corpus):
    # heilongjiang 2025: 实施国土绿化面积90万亩 / 2026: 营造林92.1万亩 (lexicon: 国土绿化, 营造林 → 造林)
    assert name_similarity("实施国土绿化面积", "营造林") >= 0.7
    # hailar 2017: 推进总投资103.7亿元的棚户区改造工程 / 2018: 全年投资90.07亿元…棚改: the size of the works
    # (总投资…的) is no figure a year delivers, so nothing answers it (it was a not-comparable pair before
    # is_size); a project's total named as its own figure is still not the year's investment
    from policydiff.compare import compare
    from policydiff.link import candidate

    c = compare(corpus.get(2017, "hailar"), corpus.get(2018, "hailar"))
    (d,) = [d for d in c.delivery if d.target.value == 103.7]
    assert d.status == "not reported" and d.result is None
    t = target("棚户区改造工程总投资", 103.7, "亿元", measure="level")
    got = candidate(t, rec("棚户区改造工程投资", 90.07, "亿元", measure="level"))
    assert got is not None and got.reason == "a project's total investment, not the year's"


def test_the_whole_answers_a_part_target_as_not_comparable_and_units_name_measures():
    t = target("城镇居民人均可支配收入", 5, "%", measure="growth")
    lk = link([t], [rec("居民人均可支配收入", 5.6, "%", measure="growth")])[0]
    assert lk.status == "not comparable" and lk.reason == "the whole, not the 城镇 part"
    # 高速公路通车里程 9300公里 / 高速公路 9310公里: the unit says it is the length
    road = link(
        [target("高速公路通车里程", 9300, "公里", measure="level")], [rec("高速公路", 9310, "公里", measure="level")]
    )
    assert road[0].status == "linked" and road[0].result.value == 9310
    # one head, other kinds: 交通投资 is not 水利投资
    assert name_similarity("交通投资", "水利投资") < 0.45 and name_similarity("压减钢铁产能", "退出钢铁产能") >= 0.45


def test_things_of_other_levels_of_government_do_not_link():
    t = target("新增省级先进制造业集群", 10, "个")
    assert link([t], [rec("国家先进制造业集群", 6, "个")])[0].status == "not reported"
    # 省级以上 takes in the national ones, as a narrower scope
    above = link([target("新增省级以上专精特新中小企业", 800, "家")], [rec("国家专精特新中小企业", 593, "家")])[0]
    assert above.status == "not comparable" and above.reason == "a narrower scope (a higher level only)"


def test_a_company_target_is_not_judged_by_the_region_total():
    lk = link(
        [target("蒙能集团电力总装机", 4500, "万千瓦", measure="level")],
        [rec("电力总装机规模", 3.1, "亿千瓦", measure="level")],
    )
    assert lk[0].status == "not comparable" and lk[0].reason == "a wider scope (the target counts 蒙能集团 only)"


def test_phase_words_at_the_end_and_the_short_name_of_expressways():
    assert core("城镇保障性住房新开工建设") == "城镇保障性住房" and core("高速公路建成通车") == "高速公路"
    # 麟法等3条高速…建成投运 / 4条高速公路建成通车
    assert name_similarity("高速", "高速公路建成通车") == 1.0


def test_the_one_free_figure_equal_to_the_target_links_when_the_names_touch():
    t = target("大规模扩招", 100, "万人", measure="count")
    got = link([t], [rec("高职院校扩招", 100, "万人"), rec("城镇新增就业", 1352, "万人")])[0]
    assert got.status == "linked" and got.result.value == 100
    # two figures of that size: neither is singled out
    two = link([t], [rec("高职院校扩招", 100, "万人"), rec("高职院校扩招学生", 100, "万人")])[0]
    assert two.status != "linked"
    # names that share no two characters do not link on the figure alone
    assert link([t], [rec("城镇新增就业", 100, "万人")])[0].status != "linked"


def test_a_combined_figure_does_not_judge_one_of_its_items():
    t = target("水利完成投资", 800, "亿元", measure="level")
    lk = link([t], [rec("交通、能源、水利完成投资", 5400, "亿元", measure="level")])[0]
    assert lk.status == "not comparable" and lk.reason.startswith("a combined figure")
    # it answers each of its items (shandong 2025 交通完成投资2500亿元 and 水利完成投资800亿元)
    both = link(
        [target("交通完成投资", 2500, "亿元", measure="level"), t],
        [rec("交通、能源、水利完成投资", 5400, "亿元", measure="level")],
    )
    assert [x.status for x in both] == ["not comparable", "not comparable"]
    # a list of places is the same thing where it was done, not a combined figure
    greenhouse = link([target("建成蔬菜大棚", 1050, "栋")], [rec("奋斗镇、建设办建成蔬菜大棚", 700, "栋")])[0]
    assert greenhouse.status == "linked"


def test_state_spending_on_a_purpose_and_a_level_before_its_change():
    # national 2009 → 2010: 中央财政科技投入1461亿元 / 中央财政用于科技的支出1512亿元
    assert core("中央财政用于科技的支出") == core("中央财政科技投入") == "中央财政科技支出"
    # national 2011 → 2012: the level answers the level, the change the change (…超过1万亿元，比上年增加1839亿元)
    level = target("中央财政用于“三农”的投入", 9884.5, "亿元", measure="level")
    change = target("中央财政用于“三农”的投入", 1304.8, "亿元", measure="change")
    got = link(
        [level, change],
        [
            rec("中央财政“三农”支出", 1, "万亿元", measure="level"),
            rec("中央财政“三农”支出", 1839, "亿元", measure="change"),
        ],
    )
    assert [g.result.value for g in got] == [1, 1839]


def test_other_words_for_trade_roads_and_housing_and_a_fall_against_growth(corpus):
    # neimenggu 2025 外贸进出口总额超过2200亿元 / 2026 进出口总值翻番达到2206亿元 (alias table: 进出口总值)
    assert name_similarity("外贸进出口总额", "进出口总值") == 1.0
    # hailar 2012 农村公路31.2公里 / 2013 新建农村道路32公里 (lexicon: 农村道路 → 农村公路)
    assert name_similarity("农村公路", "新建农村道路") == 1.0
    # national 2013 城镇保障性住房基本建成470万套、新开工630万套 / 2014 新开工保障性安居工程666万套，基本建成544万套
    from policydiff.compare import compare

    c = compare(corpus.get(2013, "national"), corpus.get(2014, "national"))
    got = {d.target.value: (d.status, d.result.value if d.result else None) for d in c.delivery}
    assert got[470] == ("exceeded", 544) and got[630] == ("exceeded", 666)
    # …新农合和城镇居民基本医疗保险财政补助标准提高到每人每年280元 / 城乡居民基本医保财政补助标准增加到人均280元
    assert got[280] == ("met", 280)
    # hainan 2025 居民消费价格涨幅2%左右 / 2026 CPI微降0.1%: a fall shown as a negative growth, met
    hainan = compare(corpus.get(2025, "hainan"), corpus.get(2026, "hainan"))
    (cpi,) = [d for d in hainan.delivery if d.metric == "cpi.growth"]
    assert (cpi.status, cpi.result.value, cpi.result.direction) == ("met", -0.1, None)


def test_counts_of_work_over_five_years_and_figures_of_every_year(corpus):
    from policydiff.compare import compare

    # yunnan 2025 补充耕地13.5万亩, 建成340个民族村寨旅游提升示范村 / 2026's 十四五 review: 补充耕地39.08万亩,
    # 打造1000个…: what was done over the five years, not 2025's work
    c = compare(corpus.get(2025, "yunnan"), corpus.get(2026, "yunnan"))
    got = {d.target.value: d for d in c.delivery}
    assert got[13.5].status == got[340].status == "not comparable" and "2021-2025 total" in got[13.5].note
    # shandong 2025 办好20项重点民生实事 / 2026 每年实施20项重点民生实事: every year's figure, 2025 included
    s = compare(corpus.get(2025, "shandong"), corpus.get(2026, "shandong"))
    (d,) = [d for d in s.delivery if "民生实事" in d.indicator]
    assert (d.status, d.result.value) == ("met", 20)


def test_the_same_figure_told_otherwise_is_no_rival(corpus):
    from policydiff.compare import compare

    # gansu 2025 新能源并网装机达到8000万千瓦 / 2026 新能源总装机达到8041.6万千瓦、…增长2.4倍: the 2.4倍 of the same
    # indicator does not stand against the only close candidate
    g = compare(corpus.get(2025, "gansu"), corpus.get(2026, "gansu")).delivery
    (power,) = [d for d in g if d.target.value == 8000 and d.indicator.startswith("新能源")]
    assert (power.status, power.result.value) == ("met", 8041.6)


def test_one_common_general_word_is_no_metric_of_its_own(corpus):
    from policydiff.compare import compare

    # hailar 2015 (旧城区面貌要明显改善。)投资10.6亿元 / 2016 投资1.29亿元完成了17条道路的改扩建: two sums named only
    # 投资 are not one metric; the row stays unclear with its candidates
    h = compare(corpus.get(2015, "hailar"), corpus.get(2016, "hailar")).delivery
    (inv,) = [d for d in h if d.target.value == 10.6]
    assert inv.status == "unclear" and inv.result is None
    # a word common in the report that is not general still makes a metric (蔬菜产量10万吨 / 10.2万吨)
    (veg,) = [d for d in h if d.indicator == "蔬菜产量"]
    assert (veg.status, veg.result.value) == ("met", 10.2)


def test_sectors_in_front_of_one_head_are_siblings():
    # shaanxi 2025 制造业增加值增长6% / 2026 汽车产业增加值增长20.2%: 制造业 is a noun, not a verb in front
    assert name_similarity("制造业增加值", "汽车产业增加值") < 0.45
    assert name_similarity("压减钢铁产能", "退出钢铁产能") >= 0.45


def test_a_sole_candidate_named_alike_in_another_measure_is_shown(corpus):
    from policydiff.compare import compare

    # shaanxi 2025 每万人口高价值发明专利拥有量达到12件 / 2026 每万人高价值发明专利拥有量…1.8倍: shown, not judged
    s = compare(corpus.get(2025, "shaanxi"), corpus.get(2026, "shaanxi")).delivery
    (patents,) = [d for d in s if d.indicator.startswith("每万人口高价值")]
    assert (patents.status, patents.result.value, patents.result.unit) == ("not comparable", 1.8, "倍")


def test_a_grade_named_after_the_country_is_kept(corpus):
    from policydiff.compare import compare
    from policydiff.metrics import normalise

    assert normalise("全国重点实验室") == "全国重点实验室" and normalise("全国新增就业") == "新增就业"
    # guizhou 2025 全国重点实验室建设5家 / 2026 建设全国重点实验室5个 (a five-year count): not 建设省实验室
    g = compare(corpus.get(2025, "guizhou"), corpus.get(2026, "guizhou")).delivery
    (lab,) = [d for d in g if d.indicator == "全国重点实验室建设"]
    assert lab.status == "not comparable" and lab.result.indicator == "建设全国重点实验室"


def test_key_projects_keep_their_key_and_totals_answer_no_years_work():
    assert core("重点项目完成投资") == "重点项目投资" and core("重点推进老旧小区改造") == "老旧小区改造"
    assert name_similarity("智慧城市项目投资", "重点项目完成投资") < PAIR_MIN
    # a project's total investment answers no year's investment, whichever side says 总投资
    t = target("省市重点项目完成投资", 28.75, "亿元", measure="level")
    lk = link([t], [rec("列入省市重点项目总投资", 834.59, "亿元", measure="level")])[0]
    assert lk.status != "linked"


def test_words_that_say_not_done_or_only_promised_give_no_result():
    from policydiff.link import task_done, worded_results

    t = target("城镇新增就业", 4000, "人")
    for clause in ("城镇新增就业任务未能如期完成", "城镇新增就业任务没有全面完成", "要确保城镇新增就业任务圆满完成"):
        assert task_done(t, [(0, clause)]) is None, clause
    assert task_done(t, [(0, "城镇新增就业任务圆满完成")]) is not None
    said = ["农村生活污水处理设施尚未实现全覆盖", "农村饮水安全基本实现全覆盖", "规模以上工业增加值增速与上年持平"]
    assert worded_results([(0, c) for c in said], 2025) == []
    (got,) = worded_results([(0, "居民消费价格与上年基本持平")], 2025)
    assert (got[0].indicator, got[0].value) == ("居民消费价格", 0)


def test_a_part_left_out_is_read_only_for_its_own_figure():
    from policydiff.link import _left_out

    s = "扣除房地产开发投资后固定资产投资增长2.7%，社会消费品零售总额增长4%。"
    assert _left_out(rec("社会消费品零售总额", 4, "%", sentence=s)) is None
    assert _left_out(rec("固定资产投资", 2.7, "%", sentence=s)).group() == "扣除房地产开发投资后"


def test_named_parts_of_trade_are_the_whole_names_part_only():
    from policydiff.link import _whole_or_part

    part = _whole_or_part(target("进出口总额", 5, "%"), rec("外贸出口总额", 8, "%"))
    assert part == "only the 出口 part of the whole"
    assert _whole_or_part(target("进出口", 5, "%"), rec("出口退税", 8, "%")) is None


def test_treating_land_over_five_years_is_a_total_not_2025s(corpus):
    from policydiff.compare import compare

    # gansu 2025 治理水土流失面积800平方公里以上 / 2026's 十四五 review: 治理水土流失面积3.55万平方公里 (the
    # five years' work, which was judged "exceeded" as 2025's level)
    c = compare(corpus.get(2025, "gansu"), corpus.get(2026, "gansu"))
    (d,) = [d for d in c.delivery if d.indicator == "治理水土流失面积"]
    assert d.status == "not comparable" and "2021-2025 total (治理)" in d.note


def test_an_unclear_row_says_which_candidates_answer_other_targets(corpus):
    from policydiff.compare import compare

    # anhui 2025 新开工亿元以上重点项目1000个以上 and 实施亿元以上技改项目1200项以上 / 2026 实施亿元以上重点技改项目
    # 1213个: the figure answers the second; the first lists it without calling it "below" the threshold
    c = compare(corpus.get(2025, "anhui"), corpus.get(2026, "anhui"))
    (d,) = [d for d in c.delivery if d.indicator == "新开工亿元以上重点项目"]
    assert d.status == "unclear" and "实施亿元以上重点技改项目 1213个 (0.80, answers another target)" in d.note
    (tech,) = [d for d in c.delivery if d.target.value == 1200]
    assert (tech.status, tech.result.value) == ("met", 1213)


def test_a_name_of_who_pays_and_money_only_links_nothing(corpus):
    from policydiff.compare import compare
    from policydiff.link import names_only_funds

    assert names_only_funds("中央财政拟投入") and not names_only_funds("中央财政国家奖学金助学金支出")
    # national 2009: 中央财政为此将投入120亿元 (the sentence before says what for) was judged by 中央财政支出1981亿元
    c = compare(corpus.get(2009, "national"), corpus.get(2010, "national"))
    (d,) = [d for d in c.delivery if d.target.value == 120 and d.target.unit == "亿元"]
    assert d.result is None
    # national 2007: 中央财政此项支出98亿元 (this item: the sentence before names it) answers no other name
    c = compare(corpus.get(2007, "national"), corpus.get(2008, "national"))
    assert not [d for d in c.delivery if d.result is not None and d.result.indicator == "中央财政此项支出"]


def test_water_supply_and_drainage_said_as_one_is_the_whole_of_each(corpus):
    from policydiff.compare import compare

    # chongqing 2025 新建和改造供水管网600公里、排水管网2500公里 / 2026 新改建城镇供排水管网3500公里 (lexicon
    # whole_parts: 供排水 is 供水 and 排水): each target is shown the whole, not judged by it
    c = compare(corpus.get(2025, "chongqing"), corpus.get(2026, "chongqing"))
    got = {d.target.value: d for d in c.delivery if "管网" in d.indicator}
    assert [(got[v].status, got[v].result.value) for v in (600, 2500)] == [("not comparable", 3500)] * 2
    assert "the whole, not the 供水 part" in got[600].note


def test_the_targets_own_figure_tips_two_close_names(corpus):
    from policydiff.compare import compare

    # hailar 2012 自来水管网改造工程投资1.3亿元 / 2013 投资3500万元的二三级供水管网改造、…1.3亿元的供水主管网改造
    c = compare(corpus.get(2012, "hailar"), corpus.get(2013, "hailar"))
    (d,) = [d for d in c.delivery if d.indicator == "自来水管网改造工程投资"]
    assert d.result.value == 1.3 and "the target's own figure" in d.evidence
    # national 2009 小学…300元、初中…500元 / 2010 人均公用经费５００元和３００元: each its own
    c = compare(corpus.get(2009, "national"), corpus.get(2010, "national"))
    got = {d.target.value: d.result.value for d in c.delivery if "人均公用经费" in d.indicator and d.result}
    assert got == {300: 300, 500: 500}


def test_a_name_of_two_things_links_by_its_first(corpus):
    from policydiff.compare import compare
    from policydiff.link import name_similarity

    # hailar 2017 各类燃煤小锅炉淘汰和清洁能源替代178座 / 2018 完成178座燃煤锅炉拆改
    c = compare(corpus.get(2017, "hailar"), corpus.get(2018, "hailar"))
    (d,) = [d for d in c.delivery if d.target.value == 178]
    assert (d.status, d.result.indicator) == ("met", "燃煤锅炉拆改")
    # the second thing shares the whole's head: 基础设施和项目建设投资 is not 重点工业项目完成投资
    assert name_similarity("基础设施和项目建设投资", "重点工业项目完成投资") < 0.7


def test_a_common_specific_word_with_a_shared_head_links(corpus):
    from policydiff.compare import compare
    from policydiff.link import name_similarity

    # hailar 2014 地产蔬菜产量15万吨 / 2015 全年蔬菜产量达到9.7万吨: 蔬菜 is in many of B's names (蔬菜大棚 …), but the
    # two names share 产量 too, so the link is not through one common word alone
    c = compare(corpus.get(2014, "hailar"), corpus.get(2015, "hailar"))
    (d,) = [d for d in c.delivery if d.target.value == 15 and d.target.unit == "万吨"]
    assert (d.status, d.result.value) == ("missed", 9.7)
    assert name_similarity("文旅重大项目", "重大项目") >= 0.85  # …while a common word that is the whole name
    c = compare(corpus.get(2025, "guangxi"), corpus.get(2026, "guangxi"))
    assert not [d for d in c.delivery if d.indicator == "文旅重大项目" and d.result is not None]


def test_a_task_said_done_with_only_a_size_class_in_its_clause(corpus):
    from policydiff.compare import compare

    # guizhou 2025 对全省957个50户以上农村木质房屋连片村寨实施“水改”“电改” / 2026 全省50户以上农村木质房屋连片村寨
    # “水改”“电改”圆满完成: 50户以上 is the villages' size (no figure of its own), so the task was said done
    c = compare(corpus.get(2025, "guizhou"), corpus.get(2026, "guizhou"))
    (d,) = [d for d in c.delivery if "水改" in d.indicator]
    assert (d.target.value, d.status, d.result.value) == (957, "met", 957)


def test_the_four_good_rural_roads_are_rural_roads(corpus):
    from policydiff.compare import compare

    # shunping 2022 建设“四好农村路”25公里 / 2023 改建农村公路37公里 (lexicon name_synonyms: the programme's roads)
    c = compare(corpus.get(2022, "shunping"), corpus.get(2023, "shunping"))
    (d,) = [d for d in c.delivery if "四好农村路" in d.indicator]
    assert (d.status, d.result.value) == ("exceeded", 37)


def test_people_whose_problem_is_solved_over_a_period_are_a_total(corpus):
    from policydiff.compare import compare

    # national 2014 今年再解决6000万农村人口的饮水安全问题 / 2015 6600多万农村人口饮水安全问题得到解决 (the target was
    # named 农村人口, the people, not their problem)
    c = compare(corpus.get(2014, "national"), corpus.get(2015, "national"))
    (d,) = [d for d in c.delivery if d.target.value == 6000]
    assert (d.indicator, d.status, d.result.value) == ("农村人口饮水安全问题", "exceeded", 6600)
    # national 2010 (full-width digits: ６０００万) / 2011 解决2.15亿农村人口饮水安全问题 over 2006-2010: a total
    c = compare(corpus.get(2010, "national"), corpus.get(2011, "national"))
    (d,) = [d for d in c.delivery if d.target.value == 6000]
    assert d.status == "not comparable" and "total" in d.note


def test_a_list_item_shares_its_verb_of_addition(corpus):
    from policydiff.compare import compare

    # jiangxi 2025 力争新增国家实验室研究基地或网络成员1家、全国重点实验室2家 / 2026 全国重点实验室达8家 (2021–2025's
    # stock) and 2家全国重点实验室获批建设 (2025's new ones): the list's 新增 makes both items counts of new labs
    c = compare(corpus.get(2025, "jiangxi"), corpus.get(2026, "jiangxi"))
    (d,) = [d for d in c.delivery if d.indicator == "全国重点实验室"]
    assert (d.status, d.result.value, d.result.indicator) == ("met", 2, "全国重点实验室获批建设")


def test_a_figure_in_a_measure_the_target_cannot_take_is_no_rival(corpus):
    from policydiff.compare import compare

    # gansu 2025 中医药全产业链规模突破1000亿元 / 2026 中医药产业产值达到1109亿元: the only other close figure,
    # 新能源装备制造完整产业链3条, counts chains, and money is no way of counting them
    c = compare(corpus.get(2025, "gansu"), corpus.get(2026, "gansu"))
    (d,) = [d for d in c.delivery if d.target.value == 1000 and "中医药" in d.indicator]
    assert (d.status, d.result.value) == ("exceeded", 1109)
    assert "the only close candidate" in d.evidence


def test_a_phase_of_works_is_named_by_the_works_built_before_it(corpus):
    from policydiff.compare import compare
    from policydiff.extract import extract

    # national 2012 继续推进保障性安居工程建设，在确保质量的前提下，基本建成500万套，新开工700万套以上
    got = {r.value: r.indicator for r in extract(corpus.get(2012, "national")) if r.unit == "万套"}
    assert got[500] == "保障性安居工程基本建成" and got[700] == "保障性安居工程新开工"
    # national 2014 加大保障性安居工程建设力度，今年新开工700万套以上 / 2015 新开工保障性安居工程740万套
    c = compare(corpus.get(2014, "national"), corpus.get(2015, "national"))
    (d,) = [d for d in c.delivery if d.target.value == 700 and d.target.unit == "万套"]
    assert (d.indicator, d.status, d.result.value) == ("保障性安居工程新开工", "met", 740)


def test_a_count_of_new_ones_is_not_judged_by_a_stock_passed(corpus):
    from policydiff.compare import compare

    # shanxi 2025 新认定高新技术企业1300家以上 / 2026 (十四五 review) 高新技术企业突破4500家: how many there are,
    # not how many were recognised in 2025
    c = compare(corpus.get(2025, "shanxi"), corpus.get(2026, "shanxi"))
    (d,) = [d for d in c.delivery if d.target.value == 1300]
    assert (d.status, d.result.value) == ("not comparable", 4500) and "increment" in d.note
    # so are firms cultivated (培育 counts new ones, as every hand pair that meets it reads it): xizang 2025
    # 培育高新技术企业160家 / 2026 国家高新技术企业突破200家
    c = compare(corpus.get(2025, "xizang"), corpus.get(2026, "xizang"))
    (d,) = [d for d in c.delivery if d.target.value == 160 and d.target.unit == "家"]
    assert (d.status, d.result.value) == ("not comparable", 200) and "a stock, not an increment" in d.note


def test_a_count_done_is_named_by_the_works_a_clause_before_pushes(corpus):
    from policydiff.compare import compare

    # national 2018 启动新的三年棚改攻坚计划，今年开工580万套 / 2019 棚户区住房改造620多万套
    c = compare(corpus.get(2018, "national"), corpus.get(2019, "national"))
    (d,) = [d for d in c.delivery if d.target.value == 580 and d.target.unit == "万套"]
    assert (d.indicator, d.status, d.result.value) == ("棚改开工", "exceeded", 620)
    # hailar 2013 加大社区平价蔬菜超市建设力度，…，年内完成20个 / 2014 新建10家平价蔬菜超市和直销店
    c = compare(corpus.get(2013, "hailar"), corpus.get(2014, "hailar"))
    (d,) = [d for d in c.delivery if d.target.value == 20 and d.indicator == "社区平价蔬菜超市"]
    assert (d.status, d.result.value) == ("missed", 10)


def test_a_measure_of_new_output_takes_the_counted_projects_name(corpus):
    from policydiff.compare import compare

    # shandong 2025 推动3900多个项目投产达效、新增产值5000亿元左右 / 2026 3920个新投产项目增加产值5100多亿元
    c = compare(corpus.get(2025, "shandong"), corpus.get(2026, "shandong"))
    (d,) = [d for d in c.delivery if d.target.value == 5000 and d.target.unit == "亿元"]
    assert (d.indicator, d.status, d.result.value) == ("项目投产达效新增产值", "met", 5100)


def test_a_growth_target_is_shown_the_level_reached_not_the_amount_grown(corpus):
    from policydiff.compare import compare

    # neimenggu 2025 一般公共预算收入同口径增长4%以上 / 2026 一般公共预算收入增加近1000亿元，稳步达到3000亿元以上
    # (稳步 is an adverb, not a name: the 3000亿元 is the revenue's)
    c = compare(corpus.get(2025, "neimenggu"), corpus.get(2026, "neimenggu"))
    (d,) = [d for d in c.delivery if d.indicator == "一般公共预算收入" and d.target.unit == "%"]
    assert (d.status, d.result.value, d.result.unit) == ("not comparable", 3000, "亿元")


def test_investment_after_other_figures_of_counted_projects_is_theirs(corpus):
    from policydiff.compare import compare

    # yixian 2019 2018年列入省市重点项目19项，总投资834.59亿元，项目开工率100%，完成投资50.03亿元 (the year's investment
    # of the 19 projects, not a bare 完成投资) against yixian 2018's 省市重点项目完成投资28.75亿元 target
    c = compare(corpus.get(2018, "yixian"), corpus.get(2019, "yixian"))
    (d,) = [d for d in c.delivery if d.target.value == 28.75]
    assert (d.status, d.result.value, d.result.indicator) == ("exceeded", 50.03, "列入省市重点项目完成投资")


def test_a_staged_targets_milestone_is_not_judged_by_the_years_end(corpus):
    from policydiff.compare import compare

    # chongqing 2025 力争今年4月贯通实战应用超过200个、年底超过260个 / 2026 六大系统实战应用251个: the year-end figure
    # answers the year-end target (missed); the April milestone cannot be judged by it
    c = compare(corpus.get(2025, "chongqing"), corpus.get(2026, "chongqing"))
    got = {d.target.value: d for d in c.delivery if "实战应用" in d.indicator}
    assert (got[260].status, got[260].result.value) == ("missed", 251)
    assert got[200].status != "exceeded"


def test_goods_listed_after_a_measured_item_share_its_measure(corpus):
    from policydiff.compare import compare

    # qinghai 2025 勘探新增石油地质储量3000万吨、天然气200亿立方米: 天然气地质储量, not 天然气 — so the output target
    # 天然气产量稳定在60亿立方米以上 alone takes 2026's 天然气56.5亿立方米 (missed), and the reserve target does not
    c = compare(corpus.get(2025, "qinghai"), corpus.get(2026, "qinghai"))
    got = {d.target.value: d for d in c.delivery if "天然气" in d.indicator}
    assert got[200].target.indicator == "天然气地质储量"
    assert (got[60].status, got[60].result.value) == ("missed", 56.5)
    assert got[200].result is None or got[200].result.value != 56.5


def test_the_only_candidate_sharing_a_rare_word_links(corpus):
    from policydiff.compare import compare

    # liaoning 2025 选派企业科技特派员3000名 / 2026 4911名科技特派员开展入企服务: the target's only candidate,
    # comparable, sharing 特派员 (a rare word), though the names score below the sole-candidate floor
    c = compare(corpus.get(2025, "liaoning"), corpus.get(2026, "liaoning"))
    (row,) = [d for d in c.delivery if d.target.value == 3000 and "特派员" in d.indicator]
    assert (row.status, row.result.value) == ("exceeded", 4911)
    assert "the only close candidate" in row.evidence
    # …but a common word shared is not enough (national 2013 重大疾病保障试点 / 省份开展大病医疗保险试点)
    c = compare(corpus.get(2013, "national"), corpus.get(2014, "national"))
    (row,) = [d for d in c.delivery if d.target.value == 20 and "重大疾病" in d.indicator]
    assert row.result is None or row.result.value != 28


def test_the_total_investment_of_the_years_list_of_projects_is_a_size(corpus):
    from policydiff.compare import compare

    # hailar 2015 安排重点项目105个…，项目总投资339.9亿元: the size of the year's list, which no result of 2015
    # answers (not 红星美凯龙城市商贸综合体项目总投资30亿元, one project's)
    c = compare(corpus.get(2015, "hailar"), corpus.get(2016, "hailar"))
    (row,) = [d for d in c.delivery if d.target.value == 339.9]
    assert row.target.indicator.endswith("总投资") and row.result is None


def test_homes_and_households_are_one_count(corpus):
    from policydiff.compare import compare

    # liaoning 2025 城中村改造和城市危旧房改造3.5万套 / 2026 实施城中村和危旧房改造3.5万户: the same homes, met
    c = compare(corpus.get(2025, "liaoning"), corpus.get(2026, "liaoning"))
    (d,) = [d for d in c.delivery if d.target.value == 3.5 and d.target.unit == "万套"]
    assert (d.status, d.result.value, d.result.unit) == ("met", 3.5, "万户")
    # laiyuan 2021 农村厕所改造3万户 / 2022 改造农村厕所1万座: one toilet a household, missed
    c = compare(corpus.get(2021, "laiyuan"), corpus.get(2022, "laiyuan"))
    (d,) = [d for d in c.delivery if d.target.value == 3 and d.target.unit == "万户"]
    assert (d.status, d.result.value) == ("missed", 1)


def test_works_finished_do_not_answer_works_launched(corpus):
    from policydiff.compare import compare

    # laiyuan 2021 启动…傍河36个村庄污水治理工程 / 2022 完成21个傍河村庄生活污水治理: finished, not launched
    c = compare(corpus.get(2021, "laiyuan"), corpus.get(2022, "laiyuan"))
    (d,) = [d for d in c.delivery if d.target.value == 36 and d.target.unit == "个"]
    assert (d.status, d.result.value) == ("not comparable", 21) and "not launched" in d.note
    # tianjin 2025 推进…6个整镇试点 / 2026 完成6个镇土地延包试点任务: no launch said, judged
    c = compare(corpus.get(2025, "tianjin"), corpus.get(2026, "tianjin"))
    (d,) = [d for d in c.delivery if d.target.value == 6 and "整镇试点" in d.indicator]
    assert (d.status, d.result.value) == ("met", 6)


def test_a_name_written_short_links(corpus):
    from policydiff.compare import compare
    from policydiff.link import abbreviates

    # heilongjiang 2025 改造排水、供水、供热、燃气管网2000公里以上 / 2026 改造水热气等管网3656公里: one character of
    # each item; a name inside another (制造业 / 高技术制造业) or one item of a list is no short form
    assert abbreviates("改造排水、供水、供热、燃气管网", "改造水热气等管网")
    assert not abbreviates("制造业增加值", "高技术制造业增加值")
    assert not abbreviates("供热改造投资", "供水、供热、污水、雨水等管网改造投资")
    d = compare(corpus.get(2025, "heilongjiang"), corpus.get(2026, "heilongjiang")).delivery
    (pipes,) = [x for x in d if x.target.value == 2000 and "管网" in x.indicator]
    assert (pipes.status, pipes.result.value) == ("exceeded", 3656)
    assert "written short" in pipes.evidence


def test_a_figure_of_that_size_whose_name_does_not_touch_is_no_rival(corpus):
    from policydiff.compare import compare

    # fuping 2021 新建立体停车场2座 / 2022 城市停车场2座: the other figures of 2 in 2022 name other things
    d = compare(corpus.get(2021, "fuping"), corpus.get(2022, "fuping")).delivery
    (park,) = [x for x in d if "停车场" in x.indicator]
    assert (park.status, park.result.value, park.result.indicator) == ("met", 2, "城市停车场")
    assert "the only free figure that equals it" in park.evidence


def test_works_completed_over_five_years_are_a_total(corpus):
    from policydiff.compare import compare

    # hailar 2015 完成5个村的饮水安全工程 / 2016 解决了9个村3.2万人的安全饮水: five years of villages
    d = compare(corpus.get(2015, "hailar"), corpus.get(2016, "hailar")).delivery
    (water,) = [x for x in d if x.target.value == 5 and "饮水" in x.indicator]
    assert (water.status, water.result.value) == ("not comparable", 9)
    assert "total" in (water.note or "")


def test_two_targets_of_one_name_close_to_one_figure_leave_it_to_the_one_it_equals(corpus):
    from policydiff.compare import compare

    # gansu 2025: 实施卫生健康为民服务15项实事 and 可感可及的10件实事 (both named 实事) / 2026's five-year review
    # 每年高质量办成10件为民实事: the figure answers the 10件 target, met, not the 15项 one, missed
    d = compare(corpus.get(2025, "gansu"), corpus.get(2026, "gansu")).delivery
    rows = {x.target.value: x for x in d if x.target.indicator == "实事"}
    assert (rows[10].status, rows[10].result.value) == ("met", 10)
    assert rows[15].result is None


def test_a_payers_money_for_one_purpose_is_not_its_money_for_another(corpus):
    from policydiff.compare import compare

    # national 2009 实施更加积极的就业政策，中央财政拟投入420亿元资金 / 2010 中央财政安排就业专项资金426亿元: the same
    # payer's money for the same purpose (exceeded), not 中央财政医疗卫生支出1277亿元, which shares only the payer
    d = compare(corpus.get(2009, "national"), corpus.get(2010, "national")).delivery
    (jobs,) = [x for x in d if x.target.value == 420]
    assert jobs.target.indicator == "中央财政就业投入"
    assert (jobs.status, jobs.result.value, jobs.result.indicator) == ("exceeded", 426, "中央财政就业专项资金")


def test_a_rise_said_flat_against_no_year_is_a_rise_of_nothing(corpus):
    from policydiff.compare import compare

    # qinghai 2025 居民消费价格涨幅2%左右 / 2026 居民消费价格涨幅基本持平: about 0 %, within the cap (met); 增速与上年
    # 持平 would be last year's rate again (the worded_results doctest)
    d = compare(corpus.get(2025, "qinghai"), corpus.get(2026, "qinghai")).delivery
    (cpi,) = [x for x in d if x.target.indicator == "居民消费价格涨幅"]
    assert (cpi.status, cpi.result.value) == ("met", 0)
    assert "持平" in (cpi.note or "") + (cpi.evidence or "")


def test_projects_put_into_production_are_one_phase_whichever_side_says_it(corpus):
    from policydiff.compare import compare

    # shandong 2025 推动3900多个项目投产达效 / 2026 3920个新投产项目: the deed after the things or before them (met);
    # neimenggu 2025 新型储能新投产600万千瓦 / 2026 储能装机达到1900万千瓦: a stock, not what went into production
    d = compare(corpus.get(2025, "shandong"), corpus.get(2026, "shandong")).delivery
    (made,) = [x for x in d if x.target.value == 3900]
    assert (made.status, made.result.value, made.result.indicator) == ("met", 3920, "新投产项目")
    d = compare(corpus.get(2025, "neimenggu"), corpus.get(2026, "neimenggu")).delivery
    (storage,) = [x for x in d if x.target.value == 600 and "投产" in x.target.indicator]
    assert (storage.status, storage.result.value) == ("not comparable", 1900)


def test_a_renewal_said_before_its_object_is_the_one_said_after_it(corpus):
    from policydiff.compare import compare

    # laishui 2020 农村标准化卫生改厕5000户 / 2021 改造农户厕所5007座: 户厕改造 either way; 农户 are rural (exceeded)
    d = compare(corpus.get(2020, "laishui"), corpus.get(2021, "laishui")).delivery
    (toilets,) = [x for x in d if x.target.value == 5000 and "改厕" in x.target.indicator]
    assert (toilets.status, toilets.result.value) == ("exceeded", 5007)
    assert name_similarity("改造城镇老旧小区", "城镇管线改造") < PAIR_MIN  # one deed done to other things


@pytest.mark.parametrize(
    "region,year,words,value,status,result,said",
    [
        # shaanxi 农村户用卫生厕所普及率达到85% / 卫生户厕普及率超过85%: 户厕 are rural households' toilets (met, not a
        # wider scope)
        ("shaanxi", 2025, "厕", 85, "met", 85, "85"),
        # hailar 2013 奋斗镇节水灌溉1万亩 / 2014 新增节水灌溉面积1.2万亩: the district's, a wider scope than the town's
        ("hailar", 2013, "奋斗镇", 1, "not comparable", 1.2, "奋斗镇 only"),
        # heilongjiang 2025 规上工业增加值增长5%左右 / 2026 only 规上装备工业增加值增长8.4%: a part of all industry
        ("heilongjiang", 2025, "规上工业增加值", 5, "not comparable", 8.4, "a narrower kind (装备)"),
        # shanxi 2025 免费送戏下乡1万场 / 2026's 十四五 review 免费送戏下乡超8万场: plays over five years, not 2025's
        ("shanxi", 2025, "送戏下乡", 1, "not comparable", 8, "a 2021-2025 total"),
        # national 2022 城镇调查失业率全年控制在5.5%以内 / 2023 年末城镇调查失业率降到5.5%: a point, not the year
        ("national", 2022, "城镇调查失业率", 5.5, "not comparable", 5.5, "year-end"),
        # hunan 2025 新增智能制造标杆企业360家 / 2026 新增智能制造企业1585家: every new smart firm, not the benchmarks
        ("hunan", 2025, "标杆", 360, "not comparable", 1585, "标杆 ones only"),
        # beijing 2025 建设停车位2.5万个 (citywide) / 2026 中心城区新增机动车停车位5万余个: the centre's only
        ("beijing", 2025, "停车位", 2.5, "not comparable", 5, "中心城区"),
    ],
)
def test_scope_and_time_as_the_hand_pairs_read_them(corpus, region, year, words, value, status, result, said):
    from policydiff.compare import compare

    d = compare(corpus.get(year, region), corpus.get(year + 1, region)).delivery
    (row,) = [x for x in d if words in (x.target.indicator or "") and x.target.value == value]
    assert (row.status, row.result.value) == (status, result)
    assert said in row.note


def test_the_clause_before_a_figure_said_twice_is_its_own(corpus):
    from policydiff.extract import extract
    from policydiff.link import clause_before

    # national 2022: 国内生产总值增长5.5%左右；…城镇调查失业率全年控制在5.5%以内: the rate's clause, not the growth's
    national = corpus.get(2022, "national")
    (cap,) = [r for r in extract(national) if r.indicator == "城镇调查失业率" and r.kind == "target"]
    assert clause_before(cap) == "城镇调查失业率全年控制在"
    assert name_similarity("制造业增加值", "装备制造业增加值") == 0.0  # a narrower kind is never the same name
