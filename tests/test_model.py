"""The record model: frozen records, the field contract, one report identity, the Literal vocabularies."""

from __future__ import annotations

import copy
import dataclasses
import json

import pytest

from policydiff.compare import ReportRef as CompareRef
from policydiff.extract import FIELDS as EXTRACT_FIELDS
from policydiff.extract import Record as ExtractRecord
from policydiff.extract import extract, to_dicts
from policydiff.graph import ReportAnalysis
from policydiff.metrics import metric_base
from policydiff.model import FIELDS, KIND_VALUES, MEASURES, Metric, Record, ReportRef, metric_catalogue
from policydiff.report import parse_report

#: The jsonl/csv contract of ``policydiff targets`` (docs/extraction.md, docs/schemas.md), in order.
CONTRACT = (
    "report kind year period indicator metric value value_high unit measure direction qualifier modality headline "
    "absent sentence start end section section_id verb object base per"
).split()

TEXT = (
    "一、2019年工作回顾\n全年地区生产总值实现712.6亿元，增长4.3%。城镇化率由52.23%提高到58.08%。\n"
    "二、2020年重点工作\n主要预期目标是：地区生产总值增长4%左右。每个县至少办好1所优质高中。加快启动中车风机产业园建设。"
)


@pytest.fixture(scope="module")
def report():
    return parse_report(TEXT, region="demo", year=2020)


def test_fields_are_the_contract_in_order():
    assert list(FIELDS) == CONTRACT
    assert EXTRACT_FIELDS is FIELDS and ExtractRecord is Record  # one record type, re-exported


def test_records_are_frozen_and_changed_by_replace(report):
    rec = extract(report)[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        rec.value = 1  # type: ignore[misc]
    other = dataclasses.replace(rec, value=713)
    assert (rec.value, other.value, other.indicator) == (712.6, 713, rec.indicator)


def test_copy_gives_an_editable_working_copy_and_leaves_the_record_alone(report):
    rec = extract(report)[0]
    work = copy.copy(rec)
    work.value = 1  # delivery still edits copies in place (transitional, see Record.__copy__)
    assert (rec.value, work.value, isinstance(work, Record)) == (712.6, 1, True)


def test_to_dict_is_the_jsonl_row(report):
    recs = extract(report, kind="all")
    rows = to_dicts(recs)
    assert [list(r) for r in rows] == [CONTRACT] * len(recs)
    assert rows == [r.to_dict() for r in recs]
    json.dumps(rows, ensure_ascii=False)  # plain data only


def test_base_and_per_are_set_when_the_record_is_made(report):
    recs = extract(report)
    urban = next(r for r in recs if r.value == 58.08)
    assert (urban.base, urban.indicator, urban.unit) == (52.23, "城镇化率", "%")
    starting = next(r for r in recs if r.value == 52.23)  # a review's starting point is a result of its own
    assert (starting.kind, starting.base, starting.year) == ("result", None, 2018)
    school = next(r for r in recs if r.value == 1)
    assert (school.per, school.qualifier, school.kind) == ("每个县", "至少", "target")


def test_kinds_and_measures_emitted_are_the_literal_values(national):
    recs = extract(national(2019), kind="all")
    assert {r.kind for r in recs} <= set(KIND_VALUES) and {"target", "result", "commitment"} <= {r.kind for r in recs}
    measures = {r.measure for r in recs if r.measure is not None}
    assert measures <= set(MEASURES) and {"level", "growth", "rate", "count"} <= measures
    assert {r.direction for r in recs} <= {None, "down"}


def test_report_ref_is_the_one_identity(report):
    ref = ReportRef.of(report)
    assert CompareRef is ReportRef
    assert (ref.key, ref.region, ref.year, ref.present, ref.sha256) == ("demo/2020", "demo", 2020, True, report.sha256)
    assert ref.to_dict()["warnings"] == list(report.meta.warnings)
    gone = ReportRef.missing("demo", 2019)
    assert (gone.key, gone.present, gone.to_dict()["warnings"]) == ("demo/2019", False, [])
    with pytest.raises(dataclasses.FrozenInstanceError):
        ref.year = 2021  # type: ignore[misc]
    analysis = ReportAnalysis(ref=ref, records=[], themes=[])
    assert (analysis.key, analysis.region, analysis.year, analysis.sha256) == ("demo/2020", "demo", 2020, ref.sha256)


def test_metric_catalogue_keys_names_and_aliases():
    every = metric_catalogue()
    keys = [m.key for m in every]
    assert len(keys) == len(set(keys)) and keys[:2] == ["gdp", "urban_new_jobs"]
    gdp = every[0]
    assert isinstance(gdp, Metric) and gdp.name == "国内生产总值 (GDP)" and "地区生产总值" in gdp.aliases
    assert gdp.keys == ("gdp", "gdp.growth", "gdp.change")
    for m in every:  # every alias leads back to its own key
        assert all(metric_base(a) == m.key for a in m.aliases), m.key
    assert [m.key for m in metric_catalogue("调查失业")] == ["surveyed_unemployment"]
    assert [m.key for m in metric_catalogue("gdp.growth")] == ["gdp"]
    assert metric_catalogue("不存在的指标xyz") == []
