"""``policydiff metrics``: the metric keys of the alias table, with their names and aliases.

>>> from click.testing import CliRunner
>>> out = CliRunner().invoke(metrics_cmd, ["就业", "--format", "csv"]).output
>>> out.splitlines()[0], out.splitlines()[1].split(",")[:2]
('key,name,aliases,keys', ['urban_new_jobs', '城镇新增就业'])
"""

from __future__ import annotations

import click

from ..errors import NotFoundError
from ..model import metric_catalogue
from ..render.tables import FORMATS, render_rows
from .common import emit, out_options

COLUMNS = ("key", "name", "aliases", "keys")
#: Aliases shown per metric in the table, markdown and latex formats.
TABLE_ALIASES = 5

EPILOG = """\b
Examples:
  policydiff metrics                      every key with its name and aliases
  policydiff metrics 失业                 keys whose key, name or an alias contains 失业
  policydiff metrics 地区生产总值增长     the key an indicator written so normalises to
  policydiff metrics --format json        the table as JSON (aliases as lists)
"""


@click.command("metrics", epilog=EPILOG)
@click.argument("query", required=False)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@out_options
def metrics_cmd(query, fmt, out, force):
    """List the metric keys (gdp, urban_new_jobs, cpi …) with display names and the indicator wordings
    (aliases) that map to them; QUERY keeps the matching ones.

    Growth and change figures carry the key with a suffix (gdp.growth, rural_poor.change: column keys).
    Indicators outside this table keep their normalised Chinese text as metric key. The table is
    policydiff/data/metrics.json; ``policydiff.metrics()`` gives the same from Python.
    """
    found = metric_catalogue(query)
    if not found:
        raise NotFoundError(f"no metric matches {query!r} (list them all with: policydiff metrics)")
    if fmt in ("json", "jsonl"):
        rows = [m.to_dict() for m in found]
    else:
        rows = [_row(m, full=fmt == "csv") for m in found]
    emit(render_rows(rows, fmt, COLUMNS), out, force, fmt)


def _row(m, full: bool) -> dict[str, str]:
    """A table row; the tabulated formats show the first aliases (csv and json carry them all)."""
    aliases = list(m.aliases) if full or len(m.aliases) <= TABLE_ALIASES else [*m.aliases[:TABLE_ALIASES], "…"]
    return {"key": m.key, "name": m.name, "aliases": "、".join(aliases), "keys": " ".join(m.keys)}


COMMANDS = [metrics_cmd]
