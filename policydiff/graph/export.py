"""Graph exports: GraphML, dynamic GEXF 1.2 and node-link JSON, as bytes and as files written atomically.

GraphML and GEXF hold scalar attributes only (:func:`scalar_graph`: lists as JSON, None as "", text
cleaned of what XML 1.0 cannot hold). The GEXF file is the one networkx writes, post-processed as
bytes: no date in ``<meta>``, policydiff as its creator, ``timeformat="double"`` and
``mode="dynamic"`` on ``<graph>``. Every export is deterministic.
"""

from __future__ import annotations

import io
import json
import math
import os
import re
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import networkx as nx

from ..errors import PolicydiffError, neutralise
from ..fileio import atomic_write
from ..render.tables import dumps, json_safe, plain_number

#: Attributes that are numbers or empty: in GraphML and GEXF they are written as text ("6.5", "")
#: so that every file has one type per attribute, whatever the data.
OPTIONAL_NUMBERS = frozenset({"value", "value_high", "margin", "figure_year", "cap", "score"})
EXPORT_SUFFIXES = (".graphml", ".gexf", ".json")

#: Characters XML 1.0 cannot hold (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF).
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text XML 1.0 can hold: controls as their Unicode pictures (␀, ␛), undecodable file-name bytes
    as ``\\xff``, U+FFFE/U+FFFF as U+FFFD.

    >>> xml_text("a\\x00b\\x1bc\\udcff")
    'a␀b␛c\\\\xff'
    """
    if not _XML_ILLEGAL.search(text):
        return text
    return _XML_ILLEGAL.sub(lambda m: "\ufffd" if m.group(0) in "\ufffe\uffff" else neutralise(m.group(0)), text)


def _scalar(name: str, value: Any) -> Any:
    """An attribute value for GraphML/GEXF: lists and dicts as JSON, None as "", optional numbers as
    text, NaN and infinities as "", strings cleaned of what XML cannot hold."""
    if name in OPTIONAL_NUMBERS:
        if value is None or isinstance(value, float) and not math.isfinite(value):
            return ""
        return plain_number(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)
    if value is None:
        return ""
    if isinstance(value, (list, tuple, dict, set)):
        if isinstance(value, set):
            value = sorted(value)
        return xml_text(json.dumps(json_safe(value), ensure_ascii=False, sort_keys=True, allow_nan=False))
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, (bool, int, float)):
        return value
    return xml_text(str(value))


def _node_id(n: Any) -> Any:
    return xml_text(n) if isinstance(n, str) else n


def scalar_graph(graph: nx.DiGraph) -> nx.DiGraph:
    """A copy with scalar attributes only (see :func:`_scalar`), as GraphML and GEXF need."""
    out = nx.DiGraph()
    out.graph.update({k: _scalar(k, v) for k, v in graph.graph.items()})
    for n, d in graph.nodes(data=True):
        out.add_node(_node_id(n), **{k: _scalar(k, v) for k, v in d.items()})
    for u, v, d in graph.edges(data=True):
        out.add_edge(_node_id(u), _node_id(v), **{k: _scalar(k, x) for k, x in d.items()})
    return out


def _runs(years: list[int]) -> list[tuple[int, int]]:
    """Consecutive years merged: [2010, 2011, 2013] -> [(2010, 2011), (2013, 2013)]."""
    out: list[tuple[int, int]] = []
    for y in sorted(years):
        if out and y == out[-1][1] + 1:
            out[-1] = (out[-1][0], y)
        else:
            out.append((y, y))
    return out


def graphml_bytes(graph: nx.DiGraph) -> bytes:
    """The graph as GraphML (UTF-8)."""
    buf = io.BytesIO()
    nx.write_graphml(scalar_graph(graph), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def gexf_bytes(graph: nx.DiGraph) -> bytes:
    """The graph as dynamic GEXF 1.2: every node and edge has start/end years, and items seen in
    several years (metrics, themes, theme→metric edges) have one spell per run of years."""
    flat = scalar_graph(graph)
    for n, d in graph.nodes(data=True):
        if isinstance(d.get("years"), list) and d["years"]:
            flat.nodes[_node_id(n)]["spells"] = _runs(d["years"])
    for u, v, d in graph.edges(data=True):
        if isinstance(d.get("years"), list) and d["years"]:
            flat.edges[_node_id(u), _node_id(v)]["spells"] = _runs(d["years"])
    buf = io.BytesIO()
    nx.write_gexf(flat, buf, encoding="utf-8", prettyprint=True, version="1.2draft")
    return _gexf_head(buf.getvalue(), str(graph.graph.get("generator", "policydiff")))


_GEXF_META = re.compile(rb'<meta lastmodifieddate="[^"]*">(\s*)<creator>[^<]*</creator>')
_GEXF_GRAPH = re.compile(rb"<graph( [^>]*)?>")


def _gexf_head(data: bytes, creator: str) -> bytes:
    """GEXF as networkx writes it, with no timestamp (byte-identical exports), ``creator`` as the
    creator, and a time format Gephi knows on a dynamic graph. Only the head (up to the first
    ``<graph>`` tag) is touched: attribute values further on cannot hold a raw ``<``.

    >>> _gexf_head(b'<meta lastmodifieddate="2026-01-01"><creator>NetworkX</creator></meta>'
    ...            b'<graph mode="static" timeformat="long"><node label="<meta"/>', "p & q")
    b'<meta><creator>p &amp; q</creator></meta><graph mode="dynamic" timeformat="double"><node label="<meta"/>'
    """
    graph = _GEXF_GRAPH.search(data)
    if graph is None:
        raise PolicydiffError("GEXF export: networkx wrote no <graph> element")
    head, tail = data[: graph.start()], data[graph.end() :]
    text = escape(creator).encode("utf-8")
    head, found = _GEXF_META.subn(lambda m: b"<meta>" + m.group(1) + b"<creator>" + text + b"</creator>", head, 1)
    if not found:
        raise PolicydiffError("GEXF export: networkx wrote no <meta> element with a date and a creator")
    attrs = graph.group(1) or b""
    for name, value in ((b"timeformat", b"double"), (b"mode", b"dynamic")):
        attr = re.compile(rb" " + name + rb'="[^"]*"')
        new = b" " + name + b'="' + value + b'"'
        attrs = attr.sub(lambda _m, new=new: new, attrs, 1) if attr.search(attrs) else attrs + new
    return head + b"<graph" + attrs + b">" + tail


def node_link_bytes(graph: nx.DiGraph) -> bytes:
    """The graph as node-link JSON (``networkx.node_link_graph`` reads it back)."""
    data = nx.node_link_data(graph, edges="edges")
    return (dumps(data, indent=1) + "\n").encode("utf-8")


def graph_bytes(graph: nx.DiGraph, suffix: str) -> bytes:
    """The export for a file suffix: .graphml, .gexf or .json."""
    suffix = suffix.lower()
    if suffix == ".graphml":
        return graphml_bytes(graph)
    if suffix == ".gexf":
        return gexf_bytes(graph)
    if suffix == ".json":
        return node_link_bytes(graph)
    raise PolicydiffError(f"unknown graph format {suffix or '(none)'!r}: use {', '.join(EXPORT_SUFFIXES)}")


def write_graph(graph: nx.DiGraph, path: str | os.PathLike, *, force: bool = False) -> Path:
    """Write the graph in the format its suffix names (GraphML, GEXF, node-link JSON), atomically:
    a failed write leaves no partial file, and an existing file is replaced only with ``force``."""
    target = Path(path)
    data = graph_bytes(graph, target.suffix)
    return atomic_write(target, data, force=force)
