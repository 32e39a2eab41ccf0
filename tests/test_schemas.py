"""Every JSON output validates against its published JSON Schema (policydiff/data/schemas, draft 2020-12).

Each command runs on real reports (the bundled 东胜区 2020 and ../shared/corpora); the schemas are read the
way a user reads them, from the installed package, and cross-file references (``urn:policydiff:schema:record``)
resolve through a registry of all of them. A few hand-made wrong documents show that the schemas reject what
the shared scorers could not read.
"""

from __future__ import annotations

import copy
import json
import re
from importlib import resources

import jsonschema
import pytest
from click.testing import CliRunner
from referencing import Registry, Resource

from policydiff.cli import cli

from .conftest import ROOT, SHARED_CORPORA

SHARED = ["--corpus", str(SHARED_CORPORA)]
DRAFT = "https://json-schema.org/draft/2020-12/schema"
NAMES = (
    "record",
    "targets",
    "corpus",
    "sections",
    "compare",
    "graph",
    "timeline",
    "themes",
    "panel",
    "escalation",
)


def _load_schemas() -> dict[str, dict]:
    folder = resources.files("policydiff.data").joinpath("schemas")
    return {
        p.name.removesuffix(".schema.json"): json.loads(p.read_text(encoding="utf-8"))
        for p in folder.iterdir()
        if p.name.endswith(".schema.json")
    }


SCHEMAS = _load_schemas()
REGISTRY: Registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in SCHEMAS.values())


def errors(name: str, instance, part: str | None = None) -> list[str]:
    """The validation errors of ``instance`` against schema ``name`` (or its ``$defs/part``), as text."""
    schema = SCHEMAS[name] if part is None else {"$ref": f"{SCHEMAS[name]['$id']}#/$defs/{part}"}
    validator = jsonschema.Draft202012Validator(schema, registry=REGISTRY)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in _leaves(validator.iter_errors(instance))]


def _leaves(errs):
    """The innermost errors: under anyOf/oneOf, what each alternative found wrong."""
    for e in errs:
        if e.context:
            yield from _leaves(e.context)
        else:
            yield e


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, (args, result.stderr, result.exception)
    return result.stdout


def jsonl(text: str) -> list[dict]:
    lines = text.splitlines()
    assert lines, "no lines"
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module", autouse=True)
def own_cache(tmp_path_factory):
    """panel and escalation fill an extraction cache: a fresh one, never the user's."""
    mp = pytest.MonkeyPatch()
    mp.setenv("POLICYDIFF_CACHE", str(tmp_path_factory.mktemp("cache")))
    mp.delenv("POLICYDIFF_CORPUS", raising=False)
    yield
    mp.undo()


# ---------------------------------------------------------------------------
# The schema files themselves
# ---------------------------------------------------------------------------


def test_every_output_has_a_schema_file_in_the_package():
    assert sorted(SCHEMAS) == sorted(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_schema_is_valid_draft_2020_12(name):
    schema = SCHEMAS[name]
    assert schema["$schema"] == DRAFT
    assert schema["$id"] == f"urn:policydiff:schema:{name}"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schemas_are_documented():
    text = (ROOT / "docs" / "schemas.md").read_text(encoding="utf-8")
    for name in NAMES:
        assert f"{name}.schema.json" in text, name


def test_record_schema_lists_exactly_the_record_fields():
    from policydiff.extract import FIELDS

    record = SCHEMAS["record"]
    assert list(record["properties"]) == list(FIELDS)
    assert record["additionalProperties"] is False


def test_panel_and_escalation_schemas_list_their_columns_in_order():
    from policydiff.graph import SERIES_FIELDS
    from policydiff.panel import COLUMNS, ESCALATION_COLUMNS

    assert list(SCHEMAS["panel"]["properties"]) == list(COLUMNS)
    assert list(SCHEMAS["escalation"]["$defs"]["row"]["properties"]) == list(ESCALATION_COLUMNS)
    assert list(SCHEMAS["timeline"]["$defs"]["row"]["properties"]) == list(SERIES_FIELDS)


# ---------------------------------------------------------------------------
# Outputs of real reports
# ---------------------------------------------------------------------------


def test_corpus_json():
    doc = json.loads(run(*SHARED, "corpus", "--format", "json"))
    assert errors("corpus", doc) == []
    assert {"national", "dongsheng"} <= {r["region"] for r in doc["regions"]}


@pytest.mark.parametrize(
    "args",
    [
        ("2020", "-r", "dongsheng"),  # the bundled report
        ("2019", "-r", "national"),
        ("2012", "-r", "national"),  # has a part of kind notes
        ("2025", "-r", "jiangxi"),
    ],
)
def test_sections_json(args):
    doc = json.loads(run(*SHARED, "sections", *args, "--format", "json"))
    assert errors("sections", doc) == []
    assert len(doc["sections"]) > 5


@pytest.mark.parametrize("args", [("2020", "-r", "dongsheng"), ("2019", "-r", "national"), ("2025", "-r", "hubei")])
def test_targets_json_and_jsonl(args):
    records = json.loads(run(*SHARED, "targets", *args, "--format", "json", "--kind", "all"))
    assert errors("targets", records) == []
    kinds = {r["kind"] for r in records}
    assert {"target", "result", "commitment"} <= kinds
    lines = jsonl(run(*SHARED, "targets", *args, "--format", "jsonl", "--kind", "all"))
    assert lines == records
    assert [e for line in lines for e in errors("record", line)] == []


@pytest.fixture(scope="module")
def national_compare() -> dict:
    return json.loads(run(*SHARED, "compare", "2019", "2020", "-r", "national", "--format", "json"))


def test_compare_json(national_compare):
    doc = national_compare
    assert errors("compare", doc) == []
    # what the shared scorers read: delivery rows with target/result records and status, section rows
    paired = [d for d in doc["delivery"] if d["result"]]
    assert paired and all({"value", "start", "end"} <= set(d["result"]) for d in paired)
    assert {d["status"] for d in paired} <= {"met", "exceeded", "missed", "not comparable", "unclear"}
    assert any(r["a"] and r["b"] and r["relation"] == "matched" for r in doc["alignment"]["sections"])


@pytest.mark.parametrize("section", ["alignment", "delivery", "targets", "wording"])
def test_compare_json_one_part(section):
    doc = json.loads(
        run(*SHARED, "compare", "2019", "2020", "-r", "national", "--format", "json", "--section", section)
    )
    assert errors("compare", doc) == []
    assert section in doc


def test_compare_json_with_a_missing_report():
    """The bundled corpus has Dongsheng 2020 but not 2019: A is absent, B's review part gives the results."""
    doc = json.loads(run("compare", "2019", "2020", "-r", "dongsheng", "--format", "json"))
    assert errors("compare", doc) == []
    assert (doc["a"]["present"], doc["b"]["present"]) == (False, True)


def test_compare_json_two_regions():
    doc = json.loads(run(*SHARED, "compare", "national/2025", "hubei/2025", "--format", "json"))
    assert errors("compare", doc) == []
    assert (doc["a"]["key"], doc["b"]["key"]) == ("national/2025", "hubei/2025")


def test_graph_node_link_json(tmp_path):
    out = tmp_path / "national.json"
    run(*SHARED, "graph", "-r", "national", "--years", "2018-2020", "--out", str(out))
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert errors("graph", doc) == []
    types = {n["type"] for n in doc["nodes"]}
    relations = {e["relation"] for e in doc["edges"]}
    assert types == {"theme", "metric", "observation", "report"}
    assert relations == {"measured_by", "observed_as", "reported_in", "delivered_by"}


def test_timeline_json_and_jsonl():
    args = (*SHARED, "timeline", "gdp.growth", "-r", "national", "--years", "2015-2020")
    rows = json.loads(run(*args, "--format", "json"))
    assert errors("timeline", rows) == []
    assert [r["year"] for r in rows] == list(range(2015, 2021))
    lines = jsonl(run(*args, "--format", "jsonl"))
    assert lines == rows
    assert [e for line in lines for e in errors("timeline", line, "row")] == []


def test_themes_json_and_jsonl():
    profile = json.loads(run(*SHARED, "themes", "2019", "-r", "national", "--format", "json"))
    assert errors("themes", profile) == []
    assert profile["report"] == "national/2019" and profile["themes"]
    lines = jsonl(run(*SHARED, "themes", "2019", "-r", "national", "--format", "jsonl"))
    assert [e for line in lines for e in errors("themes", line, "theme")] == []
    change = json.loads(run(*SHARED, "themes", "2019", "2020", "-r", "national", "--format", "json"))
    assert errors("themes", change) == []
    assert change and all(r["report_b"] == "national/2020" for r in change)
    lines = jsonl(run(*SHARED, "themes", "2019", "2020", "-r", "national", "--format", "jsonl"))
    assert [e for line in lines for e in errors("themes", line, "change")] == []


def test_panel_jsonl(tmp_path):
    out = tmp_path / "panel.jsonl"
    run(*SHARED, "panel", "-r", "national", "-r", "hubei", "--years", "2024-2025", "--kind", "all", "--out", str(out))
    rows = jsonl(out.read_text(encoding="utf-8"))
    assert [e for row in rows for e in errors("panel", row)] == []
    assert {r["kind"] for r in rows} >= {"target", "result", "commitment"}
    assert any(r["vs_parent"] for r in rows), "hubei's 2025 targets are set against national's"


def test_escalation_json_and_jsonl():
    args = (*SHARED, "escalation", "gdp.growth", "--year", "2025", "-r", "national", "-r", "hubei", "-r", "hunan")
    rows = json.loads(run(*args, "--format", "json"))
    assert errors("escalation", rows) == []
    assert sorted(r["region"] for r in rows) == ["hubei", "hunan"]
    lines = jsonl(run(*args, "--format", "jsonl"))
    assert [e for line in lines for e in errors("escalation", line, "row")] == []


# ---------------------------------------------------------------------------
# The schemas reject what they should
# ---------------------------------------------------------------------------


def test_compare_schema_rejects_rows_the_scorers_cannot_read(national_compare):
    doc = copy.deepcopy(national_compare)
    row = next(d for d in doc["delivery"] if d["result"])
    del row["status"]
    del row["result"]["start"]
    doc["alignment"]["sections"][0]["relation"] = "similar"
    del doc["alignment"]["sections"][1]["score"]
    found = errors("compare", doc)
    assert any(re.search(r"^delivery/\d+: 'status' is a required property", e) for e in found), found
    assert any(re.search(r"^delivery/\d+/result: 'start' is a required property", e) for e in found), found
    assert any(e.startswith("alignment/sections/0/relation: 'similar' is not one of") for e in found), found
    assert any(e.startswith("alignment/sections/1: 'score' is a required property") for e in found), found


def test_record_schema_rejects_unknown_kinds_and_fields():
    record = json.loads(run(*SHARED, "targets", "2019", "-r", "national", "--format", "jsonl").splitlines()[0])
    assert errors("record", record) == []
    assert errors("record", record | {"kind": "promise"}) == [
        "kind: 'promise' is not one of ['target', 'result', 'context', 'commitment']"
    ]
    assert errors("record", record | {"value": "6%"}) == ["value: '6%' is not of type 'number', 'null'"]
    assert len(errors("record", record | {"extra": 1})) == 1


def test_graph_schema_rejects_an_unknown_node_type():
    graph = {
        "directed": True,
        "multigraph": False,
        "graph": {
            "schema": "policydiff.graph/1",
            "generator": "policydiff 0.1.0",
            "regions": ["x"],
            "years": [2020],
            "reports": ["x/2020"],
            "mode": "dynamic",
        },
        "nodes": [{"id": "report:x/2020", "type": "sentence", "label": "x", "start": 2020, "end": 2020}],
        "edges": [],
    }
    found = errors("graph", graph)
    assert "nodes/0/type: 'report' was expected" in found, found
    graph["nodes"] = []
    assert errors("graph", graph) == []


def test_schema_files_and_every_subpackage_are_in_the_wheel():
    """pyproject.toml lists the packages by hand: every folder of policydiff/ with an __init__.py is
    among them (else a non-editable install lacks it), and package-data names the schemas and py.typed."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    listed = set(re.findall(r'"(policydiff(?:\.[a-z_]+)*)"', text.split("packages = [", 1)[1].split("]", 1)[0]))
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "policydiff").rglob("__init__.py")} | {
        "policydiff.data.schemas"
    }
    assert found <= listed, sorted(found - listed)
    assert '"policydiff.data.schemas" = ["*.schema.json"]' in text
    assert re.search(r'"policydiff" = \[[^\]]*"py\.typed"', text)
