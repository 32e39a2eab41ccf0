"""Corpus discovery, region resolution and decoding."""

from __future__ import annotations

import pytest

from policydiff import Corpus, PolicydiffError, load
from policydiff.textio import decode_bytes, html_to_text

from .conftest import SHARED_CORPORA


def test_bundled_corpus_holds_only_dongsheng_2020():
    c = Corpus(use_env=False)
    assert [(e.region, e.year) for e in c] == [("dongsheng", 2020)]
    info = c.regions_info()["dongsheng"]
    assert info["name"] == "东胜区" and info["level"] == "district"
    assert info["parent"] == ["鄂尔多斯市", "内蒙古自治区"]


def test_region_resolution(corpus):
    assert corpus.resolve_region([2020], "national") == "national"
    # a year only one region of the corpus has resolves to it; the shared folder grows, so find one
    only = [y for y in range(2000, 2030) if [r for r in corpus.regions() if (r, y) in corpus] == ["national"]]
    assert only, "the shared corpus has no year held by the national reports alone"
    assert corpus.resolve_region([only[0]]) == "national"
    with pytest.raises(PolicydiffError, match="several regions have 2019: .*hailar, .*national"):
        corpus.resolve_region([2019])
    with pytest.raises(PolicydiffError, match="unknown region 'mars'"):
        corpus.resolve_region([2019], "mars")
    with pytest.raises(PolicydiffError, match="no report for 1990"):
        corpus.resolve_region([1990])


def test_environment_variable_adds_folders(monkeypatch):
    monkeypatch.setenv("POLICYDIFF_CORPUS", str(SHARED_CORPORA))
    assert ("hailar", 2015) in Corpus()
    assert ("hailar", 2015) not in Corpus(use_env=False)


def test_load_by_year_or_path(corpus):
    by_year = load("2019", region="national", corpus=corpus)
    by_path = load(str(SHARED_CORPORA / "national" / "2019.txt"))
    assert by_year.key == by_path.key == "national/2019"
    assert by_year.sha256 == by_path.sha256 == "95615668d3f198267ddf3981d36112c5ffdcdae0d7adfc42cf5ec8911c43b0e1"


def test_gbk_and_utf8_bom_and_html_read_the_same(tmp_path):
    text = (SHARED_CORPORA / "hailar" / "2013.txt").read_text(encoding="utf-8")
    (tmp_path / "hailar").mkdir()
    (tmp_path / "hailar" / "2013.txt").write_bytes(text.encode("gbk"))
    (tmp_path / "hailar" / "2014.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    body = "".join(f"<p>{line}</p>" for line in text.splitlines())
    (tmp_path / "hailar" / "2015.html").write_text(
        "<!DOCTYPE html><html><head><title>t</title><script>var x='一、假标题';</script></head>"
        f"<body>{body}</body></html>",
        encoding="utf-8",
    )
    c = Corpus([tmp_path], use_env=False, bundled=False)
    gbk, bom, html = c.get(2013, "hailar"), c.get(2014, "hailar"), c.get(2015, "hailar")
    assert gbk.meta.encoding == "gb18030" and bom.meta.encoding == "utf-8-sig"
    assert [s.text for s in gbk.sentences] == [s.text for s in bom.sentences] == [s.text for s in html.sentences]
    assert "假标题" not in html.text


def test_decoding_errors_are_one_line():
    for data, msg in [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (bytes(range(128, 256)) * 4, "cannot decode"),
    ]:
        with pytest.raises(PolicydiffError, match=msg) as info:
            decode_bytes(data)
        assert "\n" not in str(info.value)


def test_html_to_text_drops_scripts_and_unescapes():
    assert html_to_text("<p>增长&lt;5%&gt;</p><script>alert(1)</script><style>p{}</style><p>完</p>") == "增长<5%>\n完"
