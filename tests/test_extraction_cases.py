"""Rule cases of the extraction, table-driven: short sentences written for each class
(tests/data/extraction_cases.jsonl).

Each case is a one-part report (its heading decides review or plan); the expected records list the fields that
matter for the case, in text order, and no other records may be extracted.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policydiff.extract import extract
from policydiff.report import parse_report

CASES = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "extraction_cases.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


@pytest.mark.parametrize("case", CASES, ids=[c["case"] for c in CASES])
def test_extraction_case(case):
    report = parse_report(f"{case['heading']}\n{case['text']}", region="case", year=case["year"])
    records = [r for r in extract(report) if r.kind != "commitment"]
    got = [{key: getattr(r, key) for key in want} for r, want in zip(records, case["expect"], strict=False)]
    assert got == case["expect"] and len(records) == len(case["expect"]), [
        (r.kind, r.year, r.period, r.indicator, r.value, r.unit, r.qualifier) for r in records
    ]
    for r in records:
        assert report.text[r.start : r.end]  # every record points at its figure
