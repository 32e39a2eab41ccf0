"""The spaCy pipeline component ``policydiff`` (entry point), its spans, attributes and sentences,
and the part-of-speech hook for zh_core_web_sm (tested with a stand-in pipeline: the real one is not
on PyPI and nothing is downloaded)."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import subprocess
import sys

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from policydiff import PolicydiffError
from policydiff import nlp as pd_nlp
from policydiff.extract import extract
from policydiff.report import parse_report

from .conftest import BUNDLED

FIELDS = ("kind", "metric", "value", "value_high", "unit", "measure", "direction", "qualifier", "modality", "year")
FIELDS += ("period", "headline", "indicator", "sentence", "section", "section_id")
DONGSHENG = (BUNDLED / "dongsheng" / "2020.txt").read_text(encoding="utf-8")
SMALL = (
    "各位代表：\n一、2019年工作回顾\n全年地区生产总值实现712.6亿元，增长4.3%。\n"
    "二、2020年重点工作\n主要预期目标是：地区生产总值增长4%左右，城镇新增就业5000人以上。\n"
)


@pytest.fixture(scope="module")
def dongsheng_doc():
    nlp = spacy.blank("zh")
    nlp.add_pipe("policydiff")
    return nlp(DONGSHENG)


def test_the_factory_is_advertised_through_the_spacy_factories_entry_point():
    points = {e.name: e.value for e in importlib.metadata.entry_points(group="spacy_factories")}
    assert points.get("policydiff") == "policydiff.spacy_component:make_policydiff"
    # a fresh interpreter that never imports policydiff itself still finds the component
    code = (
        "import sys, spacy; nlp = spacy.blank('zh'); nlp.add_pipe('policydiff'); "
        "doc = nlp('二、2020年重点工作\\n主要预期目标是：地区生产总值增长4%左右。'); "
        "print([(s.text, s.label_, s._.metric) for s in doc.spans['policydiff']])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[('4%', 'target', 'gdp.growth')]"


def test_import_policydiff_does_not_import_spacy():
    code = "import sys, policydiff, policydiff.nlp, policydiff.corpus; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_spans_are_the_records_of_a_real_report_with_exact_offsets(dongsheng_doc):
    doc = dongsheng_doc
    report = parse_report(DONGSHENG, region="doc", year=2020)
    records = extract(report)
    spans = list(doc.spans["policydiff"])
    assert len(spans) == len(records) > 50  # the count moves with the extraction rules; the match must not
    for span, rec in zip(spans, records, strict=True):
        assert (span.start_char, span.end_char, span.label_) == (rec.start, rec.end, rec.kind)
        assert span.text == DONGSHENG[rec.start : rec.end]
        assert [getattr(span._, f) for f in FIELDS] == [getattr(rec, f) for f in FIELDS]

    headline = [s for s in spans if s._.headline]
    gdp = headline[0]
    assert gdp.text == "4%" and DONGSHENG[gdp.start_char - 8 : gdp.end_char + 2] == "地区生产总值增长4%左右"
    assert (gdp._.kind, gdp._.metric, gdp._.value, gdp._.unit) == ("target", "gdp.growth", 4, "%")
    assert gdp._.value_high is None
    assert (gdp._.measure, gdp._.qualifier, gdp._.year, gdp._.period, gdp._.indicator) == (
        "growth", "左右", 2020, None, "地区生产总值",
    )  # fmt: skip
    assert gdp._.sentence.startswith("全区经济社会发展的主要预期目标是:地区生产总值增长4%左右")
    assert gdp._.policydiff["section"].startswith("二、")
    assert [s._.metric for s in headline] == [
        "gdp.growth", "public_budget_revenue.growth", "fixed_asset_investment.growth",
        "industrial_value_added.growth", "retail_sales.growth", "urban_disposable_income.growth",
    ]  # fmt: skip
    result = next(s for s in spans if s.text == "712.6亿元")
    assert (result.label_, result._.kind, result._.year, result._.metric, result._.measure) == (
        "result", "result", 2019, "gdp", "level",
    )  # fmt: skip


def test_sentences_follow_policydiffs_splitter(dongsheng_doc):
    report = parse_report(DONGSHENG, region="doc", year=2020)
    sents = list(dongsheng_doc.sents)
    # one sentence for the header lines (title, date, speaker), then policydiff's sentences
    assert sents[0].text.startswith("政 府 工 作 报 告") and sents[1].text.startswith("各位代表")
    assert [s.start_char for s in sents[1:]] == [s.start for s in report.sentences]
    assert [s.text.rstrip() for s in sents[1:]] == [s.text for s in report.sentences]
    lead = DONGSHENG.index("——经济运行平稳向好。")
    assert any(s.start_char == lead and s.text == "——经济运行平稳向好。" for s in sents)


def test_a_tokenizer_with_long_tokens_is_split_at_record_and_sentence_boundaries():
    nlp = spacy.blank("en")  # keeps runs of Chinese characters as single tokens
    nlp.add_pipe("policydiff", config={"year": 2020})
    doc = nlp(SMALL)
    assert [(s.text, s.label_, s._.value, s._.unit) for s in doc.spans["policydiff"]] == [
        ("712.6亿元", "result", 712.6, "亿元"),
        ("4.3%", "result", 4.3, "%"),
        ("4%", "target", 4, "%"),
        ("5000人", "target", 5000, "人"),
    ]
    assert [s.text.strip() for s in doc.sents] == [
        "各位代表：", "一、2019年工作回顾", "全年地区生产总值实现712.6亿元，增长4.3%。", "二、2020年重点工作",
        "主要预期目标是：地区生产总值增长4%左右，城镇新增就业5000人以上。",
    ]  # fmt: skip
    assert doc.text == SMALL  # splitting tokens never changes the text


def test_options_year_kind_and_errors():
    nlp = spacy.blank("zh")
    nlp.add_pipe("policydiff", config={"kind": "all", "year": 2020, "spans_key": "pd"})
    doc = nlp(SMALL)
    kinds = {s.label_ for s in doc.spans["pd"]}
    assert {"target", "result"} <= kinds
    assert spacy.blank("zh").add_pipe("policydiff")  # year from the text when not given
    for bad, message in (({"kind": "promises"}, "unknown kind"), ({"pos": "magic"}, "unknown pos"),
                         ({"year": 20}, "four-digit year")):  # fmt: skip
        with pytest.raises(PolicydiffError, match=message):
            spacy.blank("zh").add_pipe("policydiff", config=bad)
    empty = nlp("  \n")
    assert list(empty.spans["pd"]) == [] and len(list(empty.sents)) == 1


def test_records_survive_serialisation(dongsheng_doc):
    again = Doc(dongsheng_doc.vocab).from_bytes(dongsheng_doc.to_bytes())
    a, b = list(dongsheng_doc.spans["policydiff"]), list(again.spans["policydiff"])
    assert [(s.start_char, s.end_char, s._.metric, s._.value) for s in a] == [
        (s.start_char, s.end_char, s._.metric, s._.value) for s in b
    ]


# ---------------------------------------------------------------------------
# Part of speech from a spaCy pipeline (zh_core_web_sm), with a stand-in
# ---------------------------------------------------------------------------


@Language.component("test_fake_ctb_tagger")
def _fake_tagger(doc):
    """Penn Chinese Treebank tags as zh_core_web_sm gives them: digits CD, % and 。 PU, 增长 VV, else NN."""
    for t in doc:
        t.tag_ = "CD" if t.text[0].isdigit() else "PU" if t.text in "%。，" else "VV" if t.text == "增长" else "NN"
    return doc


def fake_zh_core_web_sm():
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("test_fake_ctb_tagger")
    return nlp


def test_spacy_tags_become_jieba_flags_and_replace_jieba_inside_the_hook():
    tagger = pd_nlp.spacy_pos_tagger(fake_zh_core_web_sm())
    words = tagger("地区生产总值 增长4%")
    assert "".join(w for w, _ in words) == "地区生产总值 增长4%"  # white space kept: words join to the text
    assert words == [("地区", "n"), ("生产总值", "n"), (" ", "x"), ("增长", "v"), ("4%", "m")]
    jieba_flags = pd_nlp.posseg("地区生产总值增长")
    with pd_nlp.pos_tagger(tagger):
        assert pd_nlp.posseg("地区生产总值增长")[-1] == ("增长", "v")
        assert all(flag in ("n", "v") for _, flag in pd_nlp.posseg("地区生产总值增长"))
    assert pd_nlp.posseg("地区生产总值增长") == jieba_flags  # jieba again after the block


def test_auto_pos_tagger_uses_zh_core_web_sm_only_when_installed(monkeypatch):
    real_find_spec = importlib.util.find_spec
    assert real_find_spec("zh_core_web_sm") is None  # not installed here: jieba is used
    assert pd_nlp.auto_pos_tagger() is None
    with pytest.raises(PolicydiffError, match="'zh_core_web_sm' is not installed"):
        pd_nlp.spacy_pos_tagger()
    with pytest.raises(PolicydiffError, match="not installed"):
        spacy.blank("zh").add_pipe("policydiff", config={"pos": "spacy"})(spacy.blank("zh")("x"))

    loaded = []
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: object() if name == "zh_core_web_sm" else real_find_spec(name, *a)
    )
    monkeypatch.setattr(spacy, "load", lambda name, **kw: loaded.append(name) or fake_zh_core_web_sm())
    tagger = pd_nlp.auto_pos_tagger()
    assert loaded == ["zh_core_web_sm"]
    assert tagger("增长4%。") == [("增长", "v"), ("4%", "m"), ("。", "x")]


def test_the_component_extracts_with_the_spacy_tags_when_zh_core_web_sm_is_there(monkeypatch):
    calls = []
    fake = pd_nlp.spacy_pos_tagger(fake_zh_core_web_sm())
    monkeypatch.setattr(pd_nlp, "auto_pos_tagger", lambda: lambda text: calls.append(text) or fake(text))
    nlp = spacy.blank("zh")
    nlp.add_pipe("policydiff", config={"year": 2020})
    nlp(SMALL)
    assert calls
