"""Rules from the third-round blind audits (qinghai 2026, fujian 2025, national 2021), each asserted on the
real report it was seen in and, where the corpus has one, on another report written the same way."""

from __future__ import annotations

from functools import cache

import pytest

from policydiff.extract import extract
from policydiff.model import Record


@pytest.fixture(scope="module")
def records(corpus):
    @cache
    def get(region: str, year: int) -> list[Record]:
        return extract(corpus.get(year, region))

    return get


def only(recs, **want):
    hits = [r for r in recs if all(getattr(r, k) == v for k, v in want.items())]
    assert len(hits) == 1, f"{len(hits)} records match {want}: {[(r.indicator, r.value, r.kind) for r in hits]}"
    return hits[0]


def test_a_many_word_after_a_count_is_the_counted_noun(records):
    # fujian 2025: 新建改扩建10个全民健身共享中心、45个多功能运动场 (not the previous item's noun)
    recs = records("fujian", 2025)
    assert only(recs, value=45, unit="个", indicator="多功能运动场").kind == "target"
    assert only(recs, value=4, unit="个", kind="target").indicator == "智慧体育公园"
    assert not [r for r in recs if r.value == 45 and r.indicator == "全民健身共享中心"]


def test_a_voltage_grade_is_part_of_the_counted_name(records):
    # qinghai 2026: 推进卡阳、松如沟等14个750千伏电网工程
    assert only(records("qinghai", 2026), value=14, unit="个").indicator == "750千伏电网"
    # neimenggu 2026: 建成20个500千伏输变电工程 (missed before: the grade cut the noun)
    grid = [r for r in records("neimenggu", 2026) if r.value == 20 and r.unit == "个" and "千伏" in r.indicator]
    assert [(r.kind, r.indicator) for r in grid] == [("target", "建成500千伏输变电")]


def test_what_the_counted_did_is_not_replaced_by_its_object(records):
    # national 2021: 960多万建档立卡贫困人口通过易地扶贫搬迁摆脱了“一方水土难养一方人”的困境
    rec = only(records("national", 2021), value=960, unit="万")
    assert (rec.kind, rec.period, rec.qualifier) == ("result", "2016-2020", "多")
    assert rec.indicator.startswith("建档立卡贫困人口") and "困境" not in rec.indicator


def test_a_bare_verb_takes_the_subject_of_the_clause_before(records):
    recs = records("qinghai", 2026)
    # 绿电外送拓展至22个省区市，输出345亿度、增长32%
    assert only(recs, value=345, unit="亿度").indicator == "绿电外送输出"
    growth = only(recs, value=32, unit="%", indicator="绿电外送输出")
    assert (growth.kind, growth.year, growth.measure) == ("result", 2025, "growth")
    # “青绣”…等特色劳务品牌培育壮大，带动就业超48万人次
    jobs = only(recs, value=48, unit="万人次")
    assert (jobs.indicator, jobs.qualifier) == ("特色劳务品牌带动就业", "超")


def test_lone_magnitudes_after_a_bound_word_are_numbers(records):
    fujian = records("fujian", 2025)
    nsfc = only(fujian, value=1000, unit="项")  # 国家自然科学基金资助项目突破千项
    assert (nsfc.kind, nsfc.indicator, nsfc.qualifier) == ("result", "国家自然科学基金资助项目", "突破")
    events = only(fujian, value=1, unit="万场")  # 举办“全闽乐购”活动超万场
    assert "全闽乐购" in events.indicator and events.qualifier == "超"
    firms = only(fujian, value=1, unit="万家")  # 累计投放200亿元…专项贷款，惠及近万家企业
    assert (firms.indicator, firms.qualifier) == ("惠及企业", "近")
    # a lone 百/千 after a verb without a bound is often a name: 为“十四五”末建成千座公园城市打下扎实基础
    # (shanghai 2025) is the slogan of a goal, not 1000 parks delivered
    assert not [r for r in records("shanghai", 2025) if r.value == 1000 and r.unit == "座"]
    # guangxi 2026: 集装箱航线突破百条，海铁联运班列突破万列
    guangxi = records("guangxi", 2026)
    assert only(guangxi, value=100, unit="条", indicator="集装箱航线").qualifier == "突破"
    assert only(guangxi, value=1, unit="万列").indicator == "海铁联运班列"
    # tianjin 2026: 服务业增加值跨上万亿元台阶 (上 ends the verb, it is no bound)
    assert only(records("tianjin", 2026), value=1, unit="万亿元").indicator == "服务业增加值"


def test_a_figure_between_a_bounded_noun_and_a_noun_is_inside_a_name(records):
    # hubei 2025: 全球首款续航超千公里氢能重卡试产 (a product, not a distance delivered)
    assert not [r for r in records("hubei", 2025) if r.unit == "公里" and r.value == 1000]
    # jiangxi 2025: 年销售收入超10亿元农业产业化龙头企业达到100家以上
    recs = records("jiangxi", 2025)
    assert not [r for r in recs if r.unit == "亿元" and r.value == 10 and r.kind == "target"]
    rec = only(recs, value=100, unit="家", kind="target")
    # the class's size stays in the name of the things counted, as the blind gold of jiangxi 2025 names them
    assert (rec.indicator, rec.qualifier) == ("年销售收入超10亿元农业产业化龙头企业", "以上")


def test_shares_reached_or_spent(records):
    fujian = records("fujian", 2025)
    # 财政支出近八成投向民生领域 (十年来: the period of the look back)
    share = only(fujian, value=8, unit="成")
    assert (share.indicator, share.qualifier) == ("财政支出投向民生领域", "近")
    # …实现“数据最多采一次”、覆盖90%政务服务办件
    assert only(fujian, value=90, unit="%", indicator="覆盖政务服务办件").kind == "result"
    # liaoning 2026: 优质公办幼儿园覆盖95%乡镇
    rec = only(records("liaoning", 2026), value=95, unit="%", kind="target")
    assert rec.indicator == "优质公办幼儿园覆盖乡镇"


def test_money_named_by_its_use(records):
    # fujian 2025: 统筹9.8亿元用于援企稳岗
    assert only(records("fujian", 2025), value=9.8, unit="亿元").indicator == "统筹援企稳岗"


def test_a_year_inside_a_name_does_not_cut_the_counted_noun(records):
    # qinghai 2026: 西部矿业、能源发展集团等6家企业入选2025西部企业数字化建设成效卓越单位
    rec = only(records("qinghai", 2026), value=6, unit="家")
    assert rec.indicator == "企业入选2025西部企业数字化建设成效卓越单位"


def test_a_works_name_after_its_investment_is_taken_whole(records):
    # hailar 2016: 投资1.15亿元的黑羊站水厂改扩建工程开工建设 (jieba reads 站 as a verb: it was "黑羊投资")
    recs = records("hailar", 2016)
    assert only(recs, value=1.15, unit="亿元").indicator == "黑羊站水厂改扩建工程投资"
    # shunping 2023: 总投资60.7亿元的神南镇抽水蓄能电站项目
    assert only(records("shunping", 2023), value=60.7, unit="亿元").indicator == "神南镇抽水蓄能电站项目总投资"


def test_a_level_a_review_dates_itself_has_no_period(records):
    # hailar 2016, in its five-year review: 地区生产总值由2010年的162.4亿元增加到2015年的287.9亿元, 年均增长12.1%
    recs = records("hailar", 2016)
    level = only(recs, value=287.9, unit="亿元", base=162.4)  # the 2015 review states it again (达到 287.9亿元)
    assert (level.year, level.period) == (2015, None)
    assert only(recs, value=12.1, unit="%").period == "2011-2015"
    assert only(recs, value=162.4, unit="亿元").year == 2010


def test_lengths_listed_after_a_verb_and_places_before_a_figure(records):
    # hailar 2013: 新建5条主干道路、2台热水锅炉、12公里热力主管网、10公里供水管网…; 实施奋斗镇1万亩节水灌溉
    recs = records("hailar", 2013)
    assert only(recs, value=12, unit="公里").indicator == "新建热力主管网"  # the list's verb, as the gold has it
    assert only(recs, value=10, unit="公里").indicator == "新建供水管网"
    assert only(recs, value=1, unit="万亩", indicator="奋斗镇节水灌溉").kind == "target"
    # a capacity listed after a plant's name is the plant's (大唐700万吨露天煤矿、400万吨褐煤提质): no figure
    assert not [r for r in recs if r.value == 400 and r.unit == "万吨" and r.year == 2012]


def test_the_three_sectors_listed_by_ordinal_get_full_names(records):
    # guizhou 2025: 其中一、二、三产增加值分别增长3.5%以上、7%左右、5%以上
    recs = records("guizhou", 2025)
    assert only(recs, value=3.5, unit="%", kind="target").indicator == "第一产业增加值"
    assert only(recs, value=7, unit="%", indicator="第二产业增加值").qualifier == "左右"


def test_two_digit_growth_is_no_figure(records):
    # jilin 2025: 接待国内游客人次、出游总花费均保持两位数增长 states no number: none of the eight extraction golds
    # whose reports say 两位数增长 lists it as a figure (the shared anhui 2025 among them; dingxing 2022, …)
    recs = records("jilin", 2025)
    named = ("出游总花费", "接待国内游客人次")
    assert not [r for r in recs if r.value == 10 and r.unit == "%" and r.indicator in named]
    # …while its figures said in digits stay (全年接待国内游客人次、国内游客出游总花费分别增长… in the 2026 review)
    assert [r for r in records("jilin", 2026) if r.value == 20.7 and r.unit == "%"]


def test_listed_names_that_measure_on_their_own_are_split(records):
    # jilin 2026: 全年接待游客人次、出游总花费分别增长20.7%、15.3%
    recs = records("jilin", 2026)
    assert only(recs, value=20.7, unit="%").indicator == "接待游客人次"
    assert only(recs, value=15.3, unit="%").indicator == "出游总花费"
    # national 2021: 居民医保和基本公共卫生服务经费人均财政补助标准分别再提高30元和5元 keeps its whole name
    assert only(records("national", 2021), value=30, unit="元").indicator.startswith("居民医保和")


def test_a_count_after_a_delivering_verb_is_no_threshold(records):
    # tianjin 2025: 争取再获批10家以上全国重点实验室 (jieba cuts 获批 into 获 + 批; 10家以上 is not a class of labs)
    lab = only(records("tianjin", 2025), value=10, unit="家", indicator="再获批全国重点实验室")  # an increment
    assert (lab.kind, lab.qualifier) == ("target", "以上")


def test_respectively_said_in_an_earlier_clause_and_estimates(records):
    # fuping 2022: 城乡居民人均可支配收入预计分别完成25600元和12100元，增长10%和12%
    recs = records("fuping", 2022)
    assert only(recs, value=10, unit="%", year=2021, qualifier=None).indicator == "城镇居民人均可支配收入"
    assert only(recs, value=12, unit="%", year=2021).indicator == "农村居民人均可支配收入"
    assert only(recs, value=55, unit="亿元").indicator == "地区生产总值"  # 地区生产总值预计完成55亿元


def test_a_town_and_country_pair_of_figures_and_a_one_year_repeat(records):
    # hunan 2025: 城乡低保标准提高到不低于740元/月和485元/月 (城镇 then 农村, the floor leads both)
    recs = records("hunan", 2025)
    assert (only(recs, value=740, unit="元/月").indicator, only(recs, value=485, unit="元/月").qualifier) == (
        "城镇低保标准",
        "不低于",
    )
    # xinjiang 2026: the 2025 growth of urban income equals its five-year average (5.3%); both are kept
    urban = [r for r in records("xinjiang", 2026) if r.metric == "urban_disposable_income.growth" and r.value == 5.3]
    assert sorted(str(r.period) for r in urban) == ["2021-2025", "None"]


def test_one_town_and_country_figure_said_of_each_and_a_works_phase_alone(records):
    # hailar 2018: 城乡居民人均可支配收入分别增长7.5%: the urban and the rural target, 7.5 each
    incomes = [r for r in records("hailar", 2018) if r.value == 7.5 and r.kind == "target"]
    assert sorted(r.indicator for r in incomes) == ["农村居民人均可支配收入", "城镇居民人均可支配收入"]
    # national 2012: 城镇保障性住房基本建成432万套，新开工建设1043万套: the starts are the same houses'
    assert only(records("national", 2012), value=1043, unit="万套").indicator == "城镇保障性住房新开工建设"
    # shaanxi 2026: 工业、制造业、工业技改投资分别增长9.4％、13.3％、6.1％: the last item is a kind of the first
    recs = records("shaanxi", 2026)
    assert only(recs, value=9.4, unit="%", measure="growth", indicator="工业投资").year == 2025
    assert only(recs, value=6.1, unit="%").indicator == "工业技改投资"


def test_a_count_in_words_after_as_many_listed_names(records):
    # laiyuan 2021: 完成中医院和疾控中心两个核酸检测基地建设 (two names, 两个)
    assert only(records("laiyuan", 2021), value=2, unit="个", indicator="核酸检测基地建设").kind == "target"
    # hailar 2013: 建成哈萨尔和东升路两个市民广场
    assert only(records("hailar", 2013), value=2, unit="个", indicator="市民广场").kind == "target"
    # yunnan 2025: 科技型企业“登高、升规、晋位、上市”四个工程 is a quoted slogan, not a count
    assert not [r for r in records("yunnan", 2025) if r.value == 4 and r.indicator == "工程"]


def test_a_counted_noun_stops_where_a_predicate_with_its_own_figure_begins(records):
    # shandong 2026: 3920个新投产项目增加产值5100多亿元: the projects are counted, the output is another figure
    assert only(records("shandong", 2026), value=3920, unit="个").indicator == "新投产项目"
    # tianjin 2026: 五大道公园、设计公园和85个口袋公园等建成开放
    assert only(records("tianjin", 2026), value=85, unit="个").indicator == "口袋公园"
    # fujian 2025: 1593个省重点项目完成投资…: the projects, not their investment
    assert only(records("fujian", 2025), value=1593, unit="个").indicator == "省重点项目"


def test_a_general_counted_noun_takes_whose_things_they_are(records):
    # hailar 2017: 实现保护区4家企业全部退出 (企业 alone names nothing)
    assert only(records("hailar", 2017), value=4, unit="家", kind="target").indicator == "保护区企业"
    # laishui 2020: 完成丘陵区域43个村1.62万户“气代煤”改造: another figure of the same work follows, so no owner
    # from before the count; the villages are that work's, as the blind gold names them (丘陵区域“气代煤”改造村)
    assert only(records("laishui", 2020), value=43, unit="个").indicator == "“气代煤”改造村"


def test_what_happens_every_year_said_of_the_region_is_context(records):
    # neimenggu 2025: 我区每年接待游客近3亿人次 describes; 力争游客数量突破3亿人次 is the target
    recs = [r for r in records("neimenggu", 2025) if r.value == 3 and r.unit == "亿人次"]
    assert sorted((r.kind, r.indicator) for r in recs) == [("context", "接待游客"), ("target", "游客数量")]


def test_a_company_as_the_actor_owns_the_sentence_figures(records):
    # neimenggu 2025: 蒙能集团要当好…“顶梁柱”，力争电力总装机超过4500万千瓦
    assert only(records("neimenggu", 2025), value=4500, unit="万千瓦").indicator == "蒙能集团电力总装机"


def test_people_opening_a_clause_with_what_they_did_are_counted(records):
    # hainan 2026: 超70万人次接受补贴性职业技能培训 (a result of the 十四五 review), not a statement to drop
    r = only(records("hainan", 2026), value=70, unit="万人次")
    assert (r.kind, r.indicator, r.qualifier) == ("result", "接受补贴性职业技能培训", "超")
    # national 2023: 超过5.2亿人次参与 — took part in what the clause does not say: no record
    assert not [x for x in records("national", 2023) if x.value == 5.2 and x.unit == "亿人次"]


def test_households_and_their_people_written_together(records):
    # yixian 2019: 906户1559人实现稳定脱贫 — both figures say who got out of poverty
    recs = records("yixian", 2019)
    assert only(recs, value=906, unit="户").indicator == only(recs, value=1559, unit="人").indicator == "稳定脱贫"
    # laishui 2020: 确保剩余贫困人口322户677人上半年全部脱贫 — a name stands before them: it stays theirs
    recs = records("laishui", 2020)
    assert only(recs, value=322, unit="户", kind="target").indicator == "剩余贫困人口"
    assert only(recs, value=677, unit="人", kind="target").indicator == "剩余贫困人口"


# Fourth round (blind audits of hebei 2026, shaanxi 2025, yixian 2019, laiyuan 2022, hailar 2014)


def test_a_count_in_words_before_works_is_a_figure(records):
    # yixian 2019: 全面推进五个矿产建材集中区建设，推进四个新型建材产业园区建设; 五条主要河道全面清理
    recs = records("yixian", 2019)
    # …and in the plan: 加快推进五个矿产建材集中区和四个新型建材产业园区建设 (two counts, one works word)
    for value, name in ((5, "矿产建材集中区建设"), (4, "新型建材产业园区建设")):
        assert sorted(r.kind for r in recs if (r.value, r.unit, r.indicator) == (value, "个", name)) == [
            "result",
            "target",
        ]
    assert only(recs, value=5, unit="条").indicator == "主要河道"
    # a slogan with no works word stays prose (坚持“两个毫不动摇”, 四个全面): no count of 2 or 4 个 in words
    assert not [r for r in records("national", 2021) if r.unit == "个" and r.value in (2, 4) and "全面" in r.indicator]


def test_a_share_opening_its_clause_is_the_previous_figure_s(records):
    # yixian 2019: 列入省市重点项目19项，…，完成投资50.03亿元，占任务的162.4% (was 占任务: whose share?)
    assert only(records("yixian", 2019), value=162.4).indicator == "列入省市重点项目完成投资占任务"
    # national 2009: 财政赤字…，占国内生产总值比重3%以内
    assert only(records("national", 2009), value=3, unit="%", kind="target").indicator.startswith("财政赤字占")


def test_an_amount_paying_for_counted_works(records):
    # yixian 2019: 投资8850万元完成了93所学校硬件改善工程 (a count after the verb; was 投资)
    assert only(records("yixian", 2019), value=8850).indicator == "学校硬件改善工程投资"
    # laiyuan 2022: 投资1.5亿元实施农村人居环境整治，…等10个省级美丽乡村… (the list of the next clauses is not it)
    assert only(records("laiyuan", 2022), value=1.5, unit="亿元").indicator == "农村人居环境整治投资"


def test_the_value_of_produce_is_named_by_the_produce(records):
    # hailar 2014: 马铃薯总产量达到25万吨，实现产值2.5亿元
    assert only(records("hailar", 2014), value=2.5, unit="亿元", indicator="马铃薯产值").kind == "target"
    assert not [r for r in records("hailar", 2014) if r.indicator == "实现产值"]


def test_rank_changes_and_compound_units(records):
    recs = records("laiyuan", 2022)
    # 全市第5，比去年提高3个位次: a change of rank, like the rank itself, is no figure
    assert not [r for r in recs if "位次" in (r.indicator or "")]
    assert only(recs, value=4800).unit == "元/年/人"  # 农村低保标准提高到4800元/年/人
    # shaanxi 2025: PM2.5平均浓度不超过35微克每立方米 (the unit as written, convertible to 微克/立方米)
    assert only(records("shaanxi", 2025), value=35, kind="target").unit == "微克每立方米"


# --- stop 21: from the first run on blind delivery pairs of the 2000s national reports, and a corpus diff


def test_a_short_quotation_opening_on_a_figure_is_a_name(records):
    # beijing 2025: 实施“0.1微克”行动; yunnan 2025: 爱国卫生“7个专项行动”; guizhou 2026: 新一轮“3个100万”
    assert not [r for r in records("beijing", 2025) if r.value == 0.1 and r.unit == "微克"]
    assert not [r for r in records("yunnan", 2025) if r.value == 7 and "专项行动" in (r.indicator or "")]
    assert not [r for r in records("guizhou", 2026) if "新一轮" in (r.indicator or "")]
    # hubei 2025: a quoted list of figures (以“1家国家实验室、8个大科学装置…”为主体) is figures still
    assert only(records("hubei", 2025), indicator="国家实验室", value=1).kind == "result"


def test_the_population_is_context(records):
    # national 2022: 把14亿多中国人的饭碗牢牢端在自己手中 (the annotation guide's own example)
    assert only(records("national", 2022), indicator="中国人").kind == "context"


def test_a_five_year_plans_explanation_and_years_ahead_speak_of_the_period(records):
    recs = records("national", 2006)
    # 三、关于《国民经济和社会发展第十一个五年规划纲要（草案）》的说明: 今后五年国内生产总值年均增长7.5%
    # (and again where it explains it: “十一五”年均增长7.5%, a second record of the headline metric)
    gdp = {(r.kind, r.year, r.period) for r in recs if r.indicator == "国内生产总值" and r.value == 7.5}
    assert gdp == {("target", 2010, "2006-2010")}
    # 为此，今后五年国家财政新增义务教育经费累计将达2182亿元 (in the plan for the year)
    assert only(recs, value=2182).period == "2006-2010"
    # national 2009: 今后三年各级政府拟投入8500亿元
    assert only(records("national", 2009), value=8500).period == "2009-2011"


def test_a_review_restating_its_targets_states_no_result(records):
    # national 2007: 全国没有实现年初确定的单位国内生产总值能耗降低4%左右、主要污染物排放总量减少2%的目标
    recs = [r for r in records("national", 2007) if r.kind == "result"]
    assert not [
        r for r in recs if r.unit == "%" and r.value in (4, 2) and "能耗" in r.sentence and "年初确定" in r.sentence
    ]


def test_what_was_before_a_turn_is_the_base(records):
    # national 2007: 单位国内生产总值能耗由前三年分别上升4.9％、5.5％、0.2％，转为下降1.2%
    recs = [r for r in records("national", 2007) if "由前三年" in r.sentence and "能耗" in (r.indicator or "")]
    assert [(r.indicator, r.value) for r in recs] == [("单位国内生产总值能耗", 1.2)]
    # national 2017: 工业企业利润由上年下降2.3%转为增长8.5%: 2.3 is 2015's growth, 8.5 2016's
    profit = {r.value: (r.year, r.measure) for r in records("national", 2017) if r.indicator == "工业企业利润"}
    assert profit == {2.3: (2015, "growth"), 8.5: (2016, "growth")}


def test_items_of_one_kind_share_the_last_items_measure_word(records):
    # liaoning 2026: 高速公路、水利、电网投资分别增长19.1%、120%、41.5%
    recs = records("liaoning", 2026)
    assert [only(recs, value=v).indicator for v in (19.1, 120, 41.5)] == ["高速公路投资", "水利投资", "电网投资"]
    # national 2007: 中央财政用于科技、教育、卫生和文化事业的支出分别为774亿元、536亿元… (the payer and its 用于
    # lead each item, as the blind gold names it)
    assert only(records("national", 2007), value=536, unit="亿元").indicator == "中央财政用于教育事业的支出"
    # hainan 2026: 金融机构本外币存、贷款余额 (存 is no word of its own): no split
    assert only(records("hainan", 2026), value=1.5, unit="万亿元").indicator == "金融机构本外币存、贷款余额"


def test_a_bare_measure_measures_what_the_words_before_name(records):
    recs = records("xinjiang", 2025)
    # 全区出让矿业权558个、收益290亿元: the figure before's subject
    assert only(recs, value=290, unit="亿元").indicator == "出让矿业权收益"
    # 全力推进棉花和纺织服装全产业链发展，产值超2200亿元: what the clause before works on
    assert only(recs, value=2200, unit="亿元").indicator == "棉花和纺织服装全产业链产值"
    # 全面推广国家通用语言文字，全区普及率提高至72.2%
    assert only(recs, value=72.2).indicator == "国家通用语言文字普及率"
    # beijing 2025: 诉求解决率、满意率分别达96.7%和97% (a list of rates, not the count in the clause before)
    assert not [r for r in records("beijing", 2025) if r.value in (96.7, 97) and "难题" in (r.indicator or "")]


def test_a_list_naming_only_its_verb_takes_the_names_of_the_list_before(records):
    # national 2007: 五年淘汰落后炼铁产能1亿吨、落后炼钢产能5500万吨，今年力争分别淘汰3000万吨和3500万吨
    recs = records("national", 2007)
    steel = [only(recs, value=v, unit="万吨") for v in (3000, 3500)]
    assert [(r.indicator, r.year, r.period) for r in steel] == [
        ("淘汰落后炼铁产能", 2007, None),
        ("落后炼钢产能", 2007, None),
    ]
    # national 2013: 城镇、农村人均住房面积…分别比…增加2.8平方米、5.5平方米
    assert only(records("national", 2013), value=5.5, unit="平方米").indicator == "农村人均住房面积"


def test_a_five_year_plans_period_named_in_the_clause(records):
    recs = records("national", 2007)
    # “十一五”期间，关停5000万千瓦小火电机组，今年要关停1000万千瓦；五年淘汰落后炼铁产能1亿吨
    assert only(recs, value=5000, unit="万千瓦").period == "2006-2010"
    assert only(recs, value=1000, unit="万千瓦").period is None
    assert only(recs, value=1, unit="亿吨").period is not None
    # national 2001: 农村…和城镇居民…，2000年分别达到2253元和6280元，平均每年实际增长4.7％和5.7％
    assert only(records("national", 2001), value=6280).period is None


def test_a_change_against_a_base_year_spans_the_years_since(records):
    recs = records("national", 2008)
    # 2007年，国内生产总值达到24.66万亿元，比2002年增长65.5%: five years' growth, not 2007's (was dropped: 比 was
    # read as the name)
    gdp = only(recs, value=65.5)
    assert (gdp.indicator, gdp.year, gdp.period) == ("国内生产总值", 2007, "2003-2007")
    # 2006年，全国国有企业资产总额比2002年增长60.98% (was named 国有企业资产总额比)
    assets = only(recs, value=60.98)
    assert (assets.indicator, assets.period) == ("国有企业资产总额", "2003-2006")
    # laiyuan 2021: 存贷比 is a ratio's name, not a comparison
    assert only(records("laiyuan", 2021), value=47.6).indicator == "存贷比"


def test_a_clause_that_is_only_a_name_is_the_sentence_subject(records):
    recs = records("national", 2008)
    # 全社会研究与实验发展经费，从2002年1288亿元增加到2007年的3664亿元，占国内生产总值比重从1.07%提高到1.49%
    assert only(recs, value=3664).indicator == "全社会研究与实验发展经费"
    assert only(recs, value=1.49).indicator == "全社会研究与实验发展经费占国内生产总值比重"
    # …能耗比上年下降3.27%，化学需氧量、二氧化硫排放总量近年来首次出现双下降，比上年分别下降3.14％和4.66％
    assert only(recs, value=4.66).indicator == "二氧化硫排放总量"


def test_a_count_in_words_after_an_upgrading_verb(records):
    # hailar 2017: …六条绿色景观大道,改造提升四个城市出入口
    assert only(records("hailar", 2017), value=4, unit="个", kind="target").indicator == "改造提升城市出入口"


def test_later_measures_of_a_thing_named_once(records):
    # dingxing 2021: 规上工业产值和增加值分别达到92亿元和26.4亿元，年均分别增长7.8%、6.2%
    recs = records("dingxing", 2021)
    assert [only(recs, value=v).indicator for v in (26.4, 6.2)] == ["规上工业增加值", "规上工业增加值"]


def test_a_plans_new_level_from_last_years_is_the_plans(records):
    # national 2015: 今年拟安排…赤字率从去年的2.1%提高到2.3% (去年 dates the starting point; 2.3 was read as 2014's)
    deficit = only(records("national", 2015), indicator="赤字率", value=2.3)
    assert (deficit.kind, deficit.year) == ("target", 2015)
    # national 2007: 为此中央财政支出将由上年18亿元增加到95亿元
    assert only(records("national", 2007), value=95, unit="亿元").kind == "target"


def test_a_clause_opening_on_the_past_dates_the_clauses_after_it(records):
    # national 2000 (in the plan part): 从国债投资的效果看，两年来通过财政向银行发行2100亿元长期国债，带动4200多亿元
    # 银行贷款和自筹资金，…，共建设5100多个项目 (4200 and 5100 were read as the year's targets)
    recs = records("national", 2000)
    assert [only(recs, value=v).kind for v in (4200, 5100)] == ["result", "result"]
    # national 2023: 去年底企业数量超过5200万户、个体工商户超过1.1亿户 (end-2022 stocks, not the five years')
    assert only(records("national", 2023), value=1.1, unit="亿户").period is None


def test_a_measure_said_of_each_listed_thing_is_one_record_each(records):
    # hailar 2019: 全年共办理区人大代表建议95件、政协委员提案136件，办结率均达100% (sixth round; the dingxing 2021
    # and yixian 2019 golds read it so too)
    recs = [r for r in records("hailar", 2019) if r.value == 100 and r.indicator.endswith("办结率")]
    assert {r.indicator for r in recs} >= {"区人大代表建议办结率", "政协委员提案办结率", "办件办结率"}
    # a rate said of one figure is that figure's: 全年办件6109件，办结率100% (the gold: 政务服务办件办结率)


def test_money_named_by_what_it_does_to_what(records):
    # hailar 2019: 投入2000余万元对城区主要街道破损步道板、台阶、路边石进行修复; 投资1330万元为全部学校配置教学
    # 触控一体机 (both were named 投入 / 投资 alone)
    recs = records("hailar", 2019)
    assert only(recs, value=2000, unit="万元").indicator == "城区主要街道破损步道板、台阶、路边石修复投入"
    assert only(recs, value=1330, unit="万元").indicator == "学校配置教学触控一体机投资"


def test_a_statement_after_a_semicolon_takes_no_subject_from_before_it(records):
    # national 2012: 农村居民人均纯收入实际增速为1985年以来最高，…；…；连续第7年提高企业退休人员基本养老金，全年人均
    # 增加1680元，5700多万人受益 (5700万人 was named 农村居民人均纯收入)
    recs = records("national", 2012)
    assert not [r for r in recs if r.value == 5700 and r.indicator == "农村居民人均纯收入"]
    # 降低900多万个体工商户税负: 个体工商户 is the word, not 万个 of 体工商户
    assert only(recs, value=900, kind="result").unit == "万"


def test_figures_after_a_threshold_crossed_are_the_subjects(records):
    # jiangsu 2026: 地区生产总值连续迈上4个万亿元台阶、达14.2万亿元、年均增长5.7% (were named 地区生产总值连续迈上)
    recs = records("jiangsu", 2026)
    assert [only(recs, value=v, kind="result", year=2025).indicator for v in (14.2, 5.7)] == ["地区生产总值"] * 2
    # shaanxi 2026: 地区生产总值跨过…: the same
    assert only(records("shaanxi", 2026), value=5.2, unit="%", kind="result").indicator == "地区生产总值"


def test_a_threshold_crossed_is_said_of_the_sentences_subject(records):
    # heilongjiang 2025: 粮食总产量再上新台阶，突破1600亿斤大关 (was named 大关); xinjiang 2025 the same of its GDP
    assert only(records("heilongjiang", 2025), value=1600, unit="亿斤", kind="result").indicator == "粮食总产量"
    assert only(records("xinjiang", 2025), value=2, unit="万亿元", kind="result").indicator == "全疆地区生产总值"


def test_people_counted_by_what_they_were_chosen_for(records):
    # heilongjiang 2025: 技能人才总量达266.9万人，12人入选国家高层次人才 (12 was the skilled workers' total)
    assert only(records("heilongjiang", 2025), value=12, unit="人").indicator == "入选国家高层次人才"


def test_a_comparison_word_and_its_base_year_are_not_the_name(records):
    # hailar 2019: 空气优良天数比例达到99.2%，同比提高0.8个百分点 (同比提高 was read as 同 + 比…高, and dropped)
    assert only(records("hailar", 2019), value=0.8, unit="个百分点").indicator == "空气优良天数比例"
    # chongqing 2026: 人均预期寿命较2020年提高1.16岁 (was 人均预期寿命较); heilongjiang 2026: 民间投资占比提高
    assert only(records("chongqing", 2026), value=1.16).indicator == "人均预期寿命"
    assert only(records("heilongjiang", 2026), value=2.2, unit="个百分点").indicator == "民间投资占比"
    # national 2001: 进出口总额达4743亿美元，其中出口2492亿美元，分别比1995年增长69％和67％
    assert [only(records("national", 2001), value=v, unit="%").indicator for v in (69, 67)] == ["进出口总额", "出口"]


def test_an_adverb_of_success_is_not_the_name(records):
    # yixian 2020: 圆满完成796人的减贫任务 (was named 圆满); yunnan 2025: 圆满办结人大代表建议981件
    assert only(records("yixian", 2020), value=796).indicator != "圆满"
    assert only(records("yunnan", 2025), value=981).indicator == "办结人大代表建议"


def test_an_area_or_length_between_a_place_and_its_works_sizes_them(records):
    # hailar 2019: 奋斗镇4000平方米保鲜库投入使用 (was read as part of a name and dropped; the hailar-2013 and
    # hailar-2019 golds both count such sizes)
    # hailar 2015: 确保红星美凯龙5.7万平方米主力店正式运营，23万平方米的建材城完工
    assert only(records("hailar", 2019), value=4000, unit="平方米").indicator == "奋斗镇保鲜库"
    recs = records("hailar", 2015)
    assert [only(recs, value=v, unit="万平方米").indicator for v in (5.7, 23)] == ["红星美凯龙主力店", "建材城"]
    # a capacity still names a plant (大唐700万吨露天矿), and a speed is no size (时速350公里)
    assert not [r for r in records("jiangxi", 2026) if r.value == 350 and r.unit == "公里"]


def test_listed_money_each_pays_for_its_own_works(records):
    # hailar 2013: 投资3500万元的二三级供水管网改造、3800万元的背街巷道改造、729万元的旧有小区供热改造、740万元的
    # 公交新型客车更换等项目全面完成 (the last three were dropped)
    recs = records("hailar", 2013)
    names = [only(recs, value=v, unit="万元").indicator for v in (3500, 3800, 729, 740)]
    assert names == ["二三级供水管网改造投资", "背街巷道改造投资", "旧有小区供热改造投资", "公交新型客车更换投资"]


def test_a_respective_list_keeps_items_of_other_units(records):
    # shanghai 2026: 上海机场航空旅客和货邮吞吐量分别达到1.35亿人次、453.8万吨 (453.8万吨 was dropped)
    recs = records("shanghai", 2026)
    assert only(recs, value=453.8, unit="万吨").indicator == "货邮吞吐量"
    # guizhou 2025: 城乡低保平均标准分别提高至778元/月、6818元/年
    assert only(records("guizhou", 2025), value=6818).indicator == "农村低保平均标准"
    # fujian 2025: 巴黎奥运会和残奥会上，…体育健儿分别摘得2金2银1铜、2金1银 (medals written together are no list of
    # names: each is named by the competitions and its medal, as the blind gold names them)
    silver = [r.indicator for r in records("fujian", 2025) if r.value == 1 and r.unit == "银"]
    assert silver == ["巴黎奥运会和残奥会银牌"]


def test_energy_and_computing_units(records):
    # guizhou 2025: 新能源电池产能达38GWh, 算力规模超过55Eflops, 新增优质白酒产能5万千升, 18.92万吨/日
    recs = records("guizhou", 2025)
    assert only(recs, value=38).unit == "GWh" and only(recs, value=55, kind="result").unit == "Eflops"
    assert only(recs, value=18.92).unit == "万吨/日"


def test_two_whole_rates_said_of_one_percentage_are_one_record_each(records):
    # shunping 2024: 力争热线解决率、群众满意率达到100% (the fuping-2022 and guizhou-2025 golds read such lists so;
    # the second rate is the hotline's too, as the shunping-2024 gold names it)
    recs = [r for r in records("shunping", 2024) if r.value == 100 and r.unit == "%" and r.kind == "target"]
    assert {"热线解决率", "热线群众满意率"} <= {r.indicator for r in recs}
    # one measure said of two schemes with 均 is one figure of each (基本养老保险和医疗保险参保率均保持96%以上: the
    # dingxing-2022 gold lists both), however jieba splits 参保率 in the first
    shared = [r for r in records("dingxing", 2022) if r.value == 96 and r.unit == "%" and r.kind == "target"]
    assert [r.indicator for r in shared][1:] == ["医疗保险参保率"] and shared[0].indicator.startswith("基本养老保险")


def test_a_range_extended_from_one_figure_to_another(records):
    # shanghai 2026: 跨部门综合监管事项从39个拓展到91个 (named 拓展到 and 拓展)
    recs = records("shanghai", 2026)
    assert [(only(recs, value=v).indicator, only(recs, value=v).year) for v in (39, 91)] == [
        ("跨部门综合监管事项", 2024),
        ("跨部门综合监管事项", 2025),
    ]


def test_a_figure_converted_to_other_money_keeps_its_name(records):
    # shanghai 2026: 实际使用外资达到160.6亿美元、折合1148亿元人民币 (was named 人民币)
    assert only(records("shanghai", 2026), value=1148, unit="亿元").indicator == "实际使用外资"


def test_a_respective_list_takes_the_names_the_clause_before_lists(records):
    # hailar 2013: 企业退休人员基本养老金、城镇低保标准、社区干部生活补贴和环卫工人工资再次提高，月人均分别提高221元、
    # 90元、350元和300元 (all four were named 月人均)
    recs = records("hailar", 2013)
    assert [only(recs, value=v, unit="元").indicator for v in (221, 90, 350, 300)] == [
        "企业退休人员基本养老金月人均",
        "城镇低保标准月人均",
        "社区干部生活补贴月人均",
        "环卫工人工资月人均",
    ]
    # hailar 2012: 医疗废物、生活垃圾、城市污水处理能力不断提高，处理率分别达到95%、85%、80%以上
    assert only(records("hailar", 2012), value=80, unit="%", qualifier="以上").indicator == "城市污水处理率"


def test_a_bare_harvest_is_of_the_crop_named_before(records):
    # hailar 2014: 地产蔬菜种植面积达到2万亩，产量达到15万吨 (the sown area's crop)
    assert only(records("hailar", 2014), value=15, unit="万吨").indicator == "地产蔬菜产量"
    # national 2009: 粮食连续五年增产，总产量５２８５０万吨 (the clause before says what was harvested more)
    assert only(records("national", 2009), value=52850, unit="万吨").indicator == "粮食总产量"
    # dingxing 2021: 全年粮食面积稳定在104万亩、产量60万吨 (a list item takes the subject of the one before)
    assert only(records("dingxing", 2021), value=60, unit="万吨").indicator == "粮食产量"
    # shandong 2026: 推动新能源汽车产业提质扩量，…，力争产量突破120万辆 names no crop: left bare
    assert only(records("shandong", 2026), value=120, unit="万辆").indicator == "产量"


def test_a_respective_list_after_named_levels_takes_their_names(records):
    # yixian 2019: 全年接待游客873万人次，综合效益43.65亿元，分别增长23%和26% (both were named 综合效益)
    recs = records("yixian", 2019)
    assert [only(recs, value=v, unit="%", measure="growth").indicator for v in (23, 26)] == ["接待游客", "综合效益"]
    # national 2005: 城镇居民人均可支配收入9422元，农村居民人均纯收入2936元，扣除价格因素，分别实际增长7．7％和6．8％
    recs = records("national", 2005)
    assert only(recs, value=7.7, unit="%").indicator == "城镇居民人均可支配收入"
    # a list whose own clause names what it lists keeps its names (xizang 2026: 民生投入累计超过1万亿元，城乡居民人均
    # 可支配收入从2021年的46503元和16935元分别提高到58794元和23184元)
    recs = records("xizang", 2026)
    assert only(recs, value=58794, unit="元").indicator == "城镇居民人均可支配收入"


def test_a_bare_rate_after_counted_handled_items_is_the_rate_of_them_all(records):
    # hailar 2017: 全年办结人大代表建议68件、政协委员提案101件,办复率100% (no 均: one rate of both)
    recs = [r for r in records("hailar", 2017) if r.value == 100 and r.indicator.endswith("办复率")]
    assert [r.indicator for r in recs] == ["人大代表建议、政协委员提案办复率"]
    # fuping 2022: 受理群众诉求7600余件，办结率100% (one thing counted)
    recs = [r for r in records("fuping", 2022) if r.value == 100 and r.indicator.endswith("办结率")]
    assert [r.indicator for r in recs] == ["群众诉求办结率"]
    # with 均 each listed thing keeps a rate of its own (ningxia 2025: …建议321件、政协委员提案526件，办复率均达100%)
    recs = [r for r in records("ningxia", 2025) if r.value == 100 and r.indicator.endswith("办复率")]
    assert [r.indicator for r in recs] == ["人大代表建议办复率", "政协委员提案办复率"]


def test_a_ratio_to_a_base_year_stated_after_a_figure(records):
    # hailar 2016: 2015年旅游收入达到69亿元，是2010年的2.6倍 (the 2015 figure's ratio; 2010 dates the base only)
    got = only(records("hailar", 2016), value=2.6, unit="倍")
    assert (got.indicator, got.measure, got.year) == ("旅游收入为2010年的倍数", "rate", 2015)
    # the ratio names nothing after it: national 2003 …３３６６亿元，是１９９７年的１．８倍，占国内生产总值的比重…
    assert only(records("national", 2003), value=2.5, unit="%").indicator == "财政性教育经费投入占国内生产总值的比重"
    # a ratio after a share is not guessed (laishui 2021: …一般公共预算的83%以上，是“十二五”时期的1.62倍)
    assert not [r for r in records("laishui", 2021) if r.unit == "倍"]


def test_a_change_of_listed_pollutants_is_each_ones(records):
    # national 2018: 今年二氧化硫、氮氧化物排放量要下降3% (emissions are never added up: lexicon unsummed_measures)
    recs = [r for r in records("national", 2018) if r.value == 3 and "排放量" in r.indicator]
    assert [r.indicator for r in recs] == ["二氧化硫排放量", "氮氧化物排放量"]
    # a growth of a list of things that add up stays one figure (qinghai 2026: 交通运输、仓储和邮政业增长8.5%)
    assert only(records("qinghai", 2026), value=8.5, unit="%").indicator == "交通运输、仓储和邮政业"


def test_computing_power_in_petaflops(records):
    # hunan 2026: 总算力突破1.3万PF、增长20倍，其中智能算力达4800PF、超算算力达228PF (PF was no unit: all lost)
    recs = records("hunan", 2026)
    got = [only(recs, value=v, unit=u) for v, u in ((1.3, "万PF"), (4800, "PF"), (228, "PF"))]
    assert [(r.indicator, r.unit) for r in got] == [
        ("总算力", "万PF"),
        ("智能算力", "PF"),
        ("超算算力", "PF"),
    ]


def test_an_index_value_is_a_level_without_a_unit(records):
    # yixian 2020: 2019年空气质量综合指数6.14，同比下降10.62% (the yixian-2020 and laiyuan-2022 golds list both)
    recs = records("yixian", 2020)
    got = only(recs, value=6.14)
    assert (got.indicator, got.unit, got.measure, got.kind) == ("空气质量综合指数", None, "level", "result")
    assert only(recs, value=10.62, unit="%").indicator == "空气质量综合指数"


def test_the_people_a_work_reached_are_named_by_the_work(records):
    # fuping 2022: 实施农村饮水安全巩固提升工程，惠及2.18万人 (no figure before to name them: they were dropped)
    assert only(records("fuping", 2022), value=2.18, unit="万人").indicator == "农村饮水安全巩固提升工程惠及"
    # hailar 2016: 五年共办理人大代表建议405件和政协委员提案590件，办复率均达100% (和 lists the owners too)
    recs = [r for r in records("hailar", 2016) if r.value == 100 and r.indicator.endswith("办复率")]
    assert [r.indicator for r in recs] == ["人大代表建议办复率", "政协委员提案办复率"]


def test_a_rank_of_the_top_n_is_part_of_a_name(records):
    # hunan 2026: 引进“三类500强”项目1608个, 在湘世界500强企业达212家 (the names began at 强)
    recs = records("hunan", 2026)
    assert [only(recs, value=v).indicator for v in (1608, 212)] == ["引进“三类500强”项目", "在湘世界500强企业"]


def test_a_comparison_with_jiao_leaves_the_name(records):
    # hunan 2026: 地方一般公共预算收入累计超1.6万亿元、较“十三五”增长16.3% (named 较“十三五”); 五年增量超1.36万亿元
    recs = records("hunan", 2026)
    assert only(recs, value=16.3, unit="%").indicator == "地方一般公共预算收入"
    assert only(recs, value=1.36, unit="万亿元").indicator == "地区生产总值增量"
    # shanxi 2026: 新建改造城市道路4767公里，更新改造地下管网1.8万公里，较“十三五”时期分别增长4.8%、50%
    recs = records("shanxi", 2026)
    assert [only(recs, value=v, measure="growth").indicator for v in (4.8, 50)] == [
        "新建改造城市道路",
        "更新改造地下管网",
    ]


def test_a_starting_point_in_another_magnitude_is_a_result(records):
    # national 2018: 高速铁路运营里程从9000多公里增加到2.5万公里 (公里 and 万公里: one unit, two magnitudes)
    got = only(records("national", 2018), value=9000, unit="公里")
    assert (got.indicator, got.kind, got.year) == ("高速铁路运营里程", "result", 2012)


def test_codes_listed_with_respectively(records):
    # xinjiang 2025: PM10、PM2.5分别下降19.4%、14.9% (PM10's digits split the list: both were named PM2.5)
    recs = records("xinjiang", 2025)
    assert [only(recs, value=v, unit="%").indicator for v in (19.4, 14.9)] == ["PM10", "PM2.5"]


def test_a_respective_list_sharing_a_rate_jieba_splits(records):
    # laishui 2021: 城乡居民基本医保、养老保险参保率分别达到98%和98.8% (jieba reads 参保|率: the list stayed whole)
    recs = records("laishui", 2021)
    assert [only(recs, value=v, unit="%").indicator for v in (98, 98.8)] == ["城乡居民基本医保参保率", "养老保险参保率"]
    # laishui 2020: 扩大城乡居民养老保险覆盖面，…，参保率巩固在96%以上 (巩固在 links a level, as 稳定在 does; the
    # scheme named earlier in the sentence is the rate's, as the gold names it)
    assert only(records("laishui", 2020), value=96, unit="%").indicator == "城乡居民养老保险参保率"


def test_once_more_is_no_part_of_a_name(records):
    # national 2018: 今年再压减钢铁产能3000万吨左右, 再进城落户1300万人 (再 opened both names)
    recs = records("national", 2018)
    assert [only(recs, value=v, unit=u).indicator for v, u in ((3000, "万吨"), (1300, "万人"))] == [
        "钢铁产能",
        "进城落户",
    ]
    # a word that opens on 再 keeps it (lexicon again_words): hailar 2014 再就业
    assert any(r.indicator == "再就业" for r in records("hailar", 2014))


def test_a_rate_listed_before_a_growth_word_stays_a_rate(corpus):
    from policydiff.extract import extract

    # xizang 2025 城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内: 涨幅 is the prices', not the jobless rate's
    records = extract(corpus.get(2025, "xizang"))
    got = {(r.indicator, r.measure) for r in records if r.kind == "target" and r.unit == "%"}
    assert ("城镇调查失业率", "rate") in got and ("居民消费价格涨幅", "growth") in got
    assert not any(name.startswith("城镇调查失业率涨") for name, _ in got)


def test_policy_measures_are_named_by_what_they_are_for(corpus):
    from policydiff.extract import extract

    # jiangxi 2025 出台支持制造业数字化转型11条措施; …全面落实国家一揽子增量政策的26条措施 (not 措施 alone)
    got = {r.value: r.indicator for r in extract(corpus.get(2025, "jiangxi")) if r.unit == "条"}
    assert got[11] == "出台支持制造业数字化转型措施"
    assert got[26].endswith("全面落实国家一揽子增量政策的措施")
    # shanxi 2025 …145项重点任务和69项政策措施: the words before are another listed count, not the measures' name
    got = {r.value: r.indicator for r in extract(corpus.get(2025, "shanxi")) if r.unit == "项"}
    assert not got[69].startswith("重点任务")


def test_rates_said_together_of_things_handled_take_their_names(corpus):
    from policydiff.extract import extract

    # laishui 2021 办理人大代表建议、政协委员提案和建议案64件，办复率、满意率均达100%
    got = {r.indicator for r in extract(corpus.get(2021, "laishui")) if r.value == 100 and r.unit == "%"}
    assert {"人大代表建议、政协委员提案和建议案办复率", "人大代表建议、政协委员提案和建议案满意率"} <= got


def test_names_of_counted_works_and_money_keep_what_names_them(corpus):
    from policydiff.extract import extract

    # shandong 2026 推进100个标志性工程 (not 标志性); 新开工晏城至表白寺等2个项目 (the verb before the examples)
    got = [(r.value, r.indicator) for r in extract(corpus.get(2026, "shandong")) if r.kind == "target"]
    assert (100, "标志性工程") in got and (100, "标志性") not in got
    assert (2, "新开工项目") in got and (5, "建成项目") in got
    # national 2020 同时发行1万亿元抗疫特别国债 (jieba reads 抗 as a verb)
    got = {r.indicator for r in extract(corpus.get(2020, "national")) if r.value == 1 and r.unit == "万亿元"}
    assert "抗疫特别国债" in got
    # hailar 2018 投资4890万元实施10蒸吨以下燃煤锅炉改造: the works' size class stays in the name
    got = {r.value: r.indicator for r in extract(corpus.get(2018, "hailar")) if r.unit == "万元"}
    assert got[4890] == "10蒸吨以下燃煤锅炉改造投资"


def test_works_counted_then_measured_are_one_name(corpus):
    from policydiff.extract import extract

    # laishui 2021 新改建道路12条、17.2公里；新改建校舍86所、30.75万平方米: the length and the area are the same works'
    got = {(r.value, r.unit): r.indicator for r in extract(corpus.get(2021, "laishui"))}
    assert got[(17.2, "公里")] == "新改建道路" and got[(30.75, "万平方米")] == "新改建校舍"
    # gansu 2025 原煤、原油、天然气产量达到6640.8万吨、1253.6万吨、9.1亿立方米: a list in any units
    got = {(r.value, r.unit): r.indicator for r in extract(corpus.get(2025, "gansu"))}
    assert got[(9.1, "亿立方米")] == "天然气产量"


def test_a_share_of_the_counties_reached_is_a_rate(corpus):
    from policydiff.extract import extract

    # national 2011 (十一五 review) 新型农村社会养老保险试点覆盖24%的县: a share of the counties, not a lone figure
    # (the gold: 新型农村社会养老保险试点覆盖县比例)
    got = [r for r in extract(corpus.get(2011, "national")) if r.value == 24 and r.unit == "%"]
    assert [(r.indicator, r.measure) for r in got] == [("新型农村社会养老保险试点覆盖县比例", "rate")]


def test_a_named_ratio_is_a_unitless_rate_of_each_year_it_gives(records):
    # yunnan 2026 (十四五 review) 城乡居民收入比由2.9∶1缩小至2.52∶1: the start is 2020's, the end 2025's
    recs = records("yunnan", 2026)
    got = [(r.kind, r.year, r.value, r.unit, r.measure) for r in recs if r.indicator == "城乡居民收入比"]
    assert got == [("result", 2020, 2.9, None, "rate"), ("result", 2025, 2.52, None, "rate")]
    # guangxi 2026 城乡居民收入倍差从2.42缩小至2.12 (a bare number, no ∶1)
    got = [(r.year, r.value) for r in records("guangxi", 2026) if r.indicator == "城乡居民收入倍差"]
    assert got == [(2020, 2.42), (2025, 2.12)]
    # hainan 2026 plan: 农产品加工业总产值与农业总产值之比突破1：1 (the bound before it is kept)
    rec = only(records("hainan", 2026), indicator="农产品加工业总产值与农业总产值之比")
    assert (rec.kind, rec.year, rec.value, rec.qualifier) == ("target", 2026, 1, "突破")
    # laishui 2021 城乡居民人均可支配收入比2010年实现两个翻番: 比 compares with a year there, no ratio
    assert not [r for r in records("laishui", 2021) if r.indicator and r.indicator.endswith("收入比")]


def test_an_industry_structure_said_with_the_ratio_sign_or_as_a_ratio_is_shares(records):
    # laiyuan 2021 三次产业比由2015年的6：61：33到2020年底的12：27：61: each ratio dated by the year it names
    got = [(r.year, r.value) for r in records("laiyuan", 2021) if r.indicator == "第二产业比重"]
    assert got == [(2015, 61), (2020, 27)]
    # jiangxi 2026 三次产业结构由8.7∶41.2∶50.1调整为7.4∶39.6∶53 (the ratio sign ∶, U+2236)
    got = [(r.year, r.value) for r in records("jiangxi", 2026) if r.indicator == "第三产业比重"]
    assert got == [(2020, 50.1), (2025, 53)]


def test_a_count_in_words_after_the_names_it_counts(records):
    # dingxing 2021 成功打造食品、汽车及零部件两个省重点产业集群 (及 joins within a name: two names by 、)
    rec = only(records("dingxing", 2021), value=2, unit="个", indicator="省重点产业集群")
    assert (rec.kind, rec.year) == ("result", 2020)
    # shunping 2024 积极盘活深核盛基、京环循环两个塑料园区 (盘活 opens it; the names are not the owner)
    assert only(records("shunping", 2024), value=2, unit="个", indicator="塑料园区").kind == "target"
    # dingxing 2020 积极申报“定兴茄子”“太平萝卜”两个地标产品 (each name in its own quotation marks)
    assert only(records("dingxing", 2020), value=2, unit="个", indicator="地标产品").kind == "result"
    # national 2007 全力支持香港、澳门两个特别行政区: no verb of works before the names, no count
    assert not [r for r in records("national", 2007) if r.indicator and "特别行政区" in r.indicator]


def test_tenths_are_shares_and_a_circumstance_names_its_own_figure(records):
    # beijing 2026 养老助餐点覆盖九成以上城乡社区: 成 is a share in tenths, as % is in hundredths
    rec = only(records("beijing", 2026), value=9, unit="成")
    assert (rec.indicator, rec.measure, rec.qualifier) == ("养老助餐点覆盖城乡社区", "rate", "以上")
    # chongqing 2026 外贸进出口在对美贸易下降超3成的情况下增长12%: each figure is its own subject's
    recs = records("chongqing", 2026)
    assert only(recs, value=3, unit="成").indicator == "对美贸易"
    assert only(recs, value=12, unit="%", indicator="外贸进出口").measure == "growth"
    # dingxing 2022 实现企业开办零成本: 成本 is a word, not 0 成
    assert not [r for r in records("dingxing", 2022) if r.unit == "成"]


def test_round_scales_and_round_counts_in_words(records):
    # beijing 2026 保持千亿级投资规模: a scale kept is 1000 亿 of 投资规模 (not a class: 2个千亿级…现代煤化工)
    assert only(records("beijing", 2026), value=1000, unit="亿").indicator == "投资规模"
    # jiangsu 2026 一般公共预算收入达万亿级规模 (the adverb 再次 of jiangsu 2025 leaves the name too)
    assert only(records("jiangsu", 2026), value=1, unit="万亿", indicator="一般公共预算收入").kind == "result"
    assert only(records("jiangsu", 2025), value=1, unit="万亿").indicator == "一般公共预算收入"
    # hainan 2026 举办千场专业性会议; dingxing 2022 完成百件以上惠民实事; fuping 2021 年旅游人次突破百万
    assert only(records("hainan", 2026), value=1000, unit="场").kind == "target"
    got = {(r.indicator, r.qualifier) for r in records("dingxing", 2022) if r.value == 100 and r.unit == "件"}
    assert got == {("惠民实事", "以上")}  # said in the plan's lead and again in its section
    assert only(records("fuping", 2021), value=100, unit="万").indicator == "年旅游人次"
    # hubei 2025 …5大支柱产业突破万亿级规模: each of the industries, no one figure
    assert not [r for r in records("hubei", 2025) if r.unit == "万亿" and r.indicator == "支柱产业"]


def test_rates_listed_after_things_handled_without_jun_take_their_names(records):
    # laishui 2020 办理人大代表议案建议30件、政协委员提案27件，办复率、满意率100% (no 均): each rate of both
    got = {r.indicator for r in records("laishui", 2020) if r.value == 100 and r.unit == "%"}
    assert {"人大代表议案建议、政协委员提案办复率", "人大代表议案建议、政协委员提案满意率"} <= got
    # laiyuan 2021 …政协委员提案34件，办结率100%、满意率100%: the second rate is of the same things
    got = {r.indicator for r in records("laiyuan", 2021) if r.value == 100 and r.unit == "%"}
    assert {"人大代表建议、政协委员提案办结率", "人大代表建议、政协委员提案满意率"} <= got


def test_a_bare_rate_listed_after_a_named_one_takes_its_owner(records):
    # fuping 2021 义务教育阶段入学率和巩固率、建档立卡贫困人口参保率和资助率均达到100%
    got = {r.indicator for r in records("fuping", 2021) if r.value == 100 and r.unit == "%"}
    assert {"义务教育阶段巩固率", "建档立卡贫困人口资助率"} <= got
    # dingxing 2022 实现平台诉求即时转办率、按时反馈率、办结率均达到95%以上: 按时 is how, not whose; each rate is
    # the platform's (the dingxing-2022 gold: 平台诉求按时反馈率, 平台诉求办结率)
    got = {r.indicator for r in records("dingxing", 2022) if r.value == 95 and r.unit == "%"}
    assert {"平台诉求按时反馈率", "平台诉求办结率"} <= got and "平台诉求按时办结率" not in got


def test_a_count_in_words_of_concrete_things_a_little_after_its_verb(records):
    # yixian 2020 完成城区四处低洼积水点雨污分流工程; hailar 2018 完成了西山保护区三家污染企业搬迁
    assert only(records("yixian", 2020), value=4, unit="处").kind == "target"
    assert only(records("hailar", 2018), value=3, unit="家", indicator="污染企业搬迁").kind == "result"
    # hailar 2012 年内新建幼儿园两所: the count after the noun
    assert only(records("hailar", 2012), value=2, unit="所").indicator == "新建幼儿园"
    # a rule or a line counted after a count verb is no figure (a fixture: 落实发展和安全两条底线), a road is
    from policydiff.numbers import find_quantities

    assert find_quantities("落实发展和安全两条底线") == []
    assert [(q.value, q.unit) for q in find_quantities("建设城区三条主干道")] == [(3, "条")]


def test_a_count_in_words_before_a_predicate_of_achievement(records):
    # guangxi 2026 两所高校实现升格; 城市更新两个项目入选全国典型案例 (after a short subject)
    named = ("高校实现升格", "项目入选全国典型案例")
    got = {(r.value, r.unit) for r in records("guangxi", 2026) if r.indicator in named}
    assert got == {(2, "所"), (2, "个")}
    # heilongjiang 2025 自贸试验区两项制度创新成果全国复制推广
    assert only(records("heilongjiang", 2025), value=2, unit="项").kind == "result"
    # a slogan has no such predicate (a fixture: 坚持两个毫不动摇)
    from policydiff.numbers import find_quantities

    assert [q.text for q in find_quantities("坚持两个毫不动摇，两个项目入选国家试点")] == ["两个"]
    assert find_quantities("坚持两个毫不动摇，两个项目入选国家试点")[0].start == 9


def test_an_index_listed_with_a_concentration_keeps_its_own_name(records):
    # laishui 2020: 空气质量综合指数和PM2.5年均浓度同比分别下降8.71%、10.45% — the index is no concentration (it had
    # been named 空气质量综合指数浓度); shanghai 2025: 新增各类总部机构、大企业开放创新中心80家、16家，累计分别达到
    # 1522家、103家
    assert only(records("laishui", 2020), value=8.71).indicator == "空气质量综合指数"
    assert only(records("laishui", 2020), value=10.45).indicator == "PM2.5年均浓度"
    assert only(records("shanghai", 2025), value=1522).indicator == "新增各类总部机构"
