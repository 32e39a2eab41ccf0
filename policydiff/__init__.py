"""policydiff: compare Chinese government work reports (政府工作报告) across years.

Data flows one way: text → :class:`Report` → extracted records → alignment and diff →
graph and rendered tables. The names below are the public library surface; each is imported
the first time it is used, so ``import policydiff`` itself loads nothing but this file.

>>> import policydiff
>>> r = policydiff.load(2020)
>>> [(x.metric, x.value) for x in policydiff.extract(r) if x.headline][:2]
[('gdp.growth', 4), ('public_budget_revenue.growth', 5)]

Four names are both a function and the module of the same name: ``policydiff.extract``,
``policydiff.compare``, ``policydiff.panel`` and ``policydiff.metrics`` can be called
(``policydiff.compare(a, b)`` is :func:`policydiff.compare.compare`; ``policydiff.metrics()`` is
:func:`policydiff.model.metric_catalogue`, the metric keys with names and aliases), and their other
names stay reachable (``policydiff.compare.Comparison``, ``policydiff.metrics.metric_key``). That
holds however they were first imported (``from policydiff import compare`` or ``import
policydiff.compare``). docs/library.md shows the surface.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

__version__ = "0.1.0"

#: Public name -> (module, attribute): imported on first use.
_LAZY: dict[str, tuple[str, str]] = {
    "AmbiguousError": ("errors", "AmbiguousError"),
    "Comparison": ("compare", "Comparison"),
    "Corpus": ("corpus", "Corpus"),
    "InputError": ("errors", "InputError"),
    "Metric": ("model", "Metric"),
    "NotFoundError": ("errors", "NotFoundError"),
    "OutputExistsError": ("errors", "OutputExistsError"),
    "Panel": ("panel", "Panel"),
    "Paragraph": ("report", "Paragraph"),
    "PolicydiffError": ("errors", "PolicydiffError"),
    "Record": ("model", "Record"),
    "Report": ("report", "Report"),
    "ReportMeta": ("report", "ReportMeta"),
    "ReportRef": ("model", "ReportRef"),
    "Section": ("report", "Section"),
    "Sentence": ("report", "Sentence"),
    "build_graph": ("graph", "build_graph"),
    "load": ("corpus", "load"),
    "load_report": ("report", "load_report"),
    "parse_report": ("report", "parse_report"),
    "timeline": ("series", "timeline"),
}
#: Submodules that can also be called: module name -> (module of the function, function name).
_CALLABLE: dict[str, tuple[str, str]] = {
    "compare": ("compare", "compare"),
    "extract": ("extract", "extract"),
    "metrics": ("model", "metric_catalogue"),
    "panel": ("panel", "panel"),
}

__all__ = sorted([*_LAZY, *_CALLABLE, "__version__"])


class _CallableModule(types.ModuleType):
    """A submodule of the surface that is also its main function (``policydiff.compare(a, b)``)."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        module, name = _CALLABLE[self.__name__.rpartition(".")[2]]
        return getattr(importlib.import_module(f"{__name__}.{module}"), name)(*args, **kwargs)


class _Package(types.ModuleType):
    """The package module: a callable submodule stays callable however it was imported (the import
    system sets ``policydiff.<name>`` to the submodule when it is first imported)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _CALLABLE and type(value) is types.ModuleType:
            value.__class__ = _CallableModule
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    if name in _CALLABLE:
        return importlib.import_module(f"{__name__}.{name}")  # made callable as the import binds it
    if name in _LAZY:
        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(f"{__name__}.{module}"), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
