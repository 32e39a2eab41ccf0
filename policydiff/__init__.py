"""policydiff: compare Chinese government work reports (政府工作报告) across years.

Data flows one way: text → :class:`Report` → extracted records → alignment and diff →
graph and rendered tables. The names below are the public library surface.
"""

from .corpus import Corpus, load
from .errors import PolicydiffError
from .report import Paragraph, Report, ReportMeta, Section, Sentence, load_report, parse_report

__version__ = "0.1.0"

# After __version__ (the cache module reads it). ``policydiff.panel`` is the function, not the module.
from .panel import Panel, panel  # noqa: E402

__all__ = [
    "Corpus",
    "Panel",
    "Paragraph",
    "PolicydiffError",
    "Report",
    "ReportMeta",
    "Section",
    "Sentence",
    "__version__",
    "load",
    "load_report",
    "panel",
    "parse_report",
]
