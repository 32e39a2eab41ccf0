"""Extraction speed against jieba segmentation of the same text, over every report in the corpus.

Run from the repository root:  python3 benchmarks/bench_extract.py [--repeat N] [--corpus DIR]

For each report: the time to parse it (text -> Report) and extract its quantity records, and the time
jieba takes to segment the same text (``jieba.lcut``, dictionary already loaded). The goal of issue
"Every level of government": parse + extraction ≤ 1.2× segmentation over the whole corpus. The
part-of-speech cache of policydiff.nlp is cleared before every report, so no report profits from
another's words. Best of N passes per report; prints the corpus ratio, the median per-report ratio and
the slowest reports.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import jieba  # noqa: E402

from policydiff import Corpus, nlp  # noqa: E402
from policydiff.extract import extract  # noqa: E402
from policydiff.report import parse_report  # noqa: E402


def _clear_caches() -> None:
    nlp._jieba_posseg.cache_clear()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="timed passes per report (best is kept)")
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora"))
    args = ap.parse_args(argv)

    corpus = Corpus([args.corpus], use_env=False)
    reports = [corpus.get(y, r) for r in corpus.regions() for y in corpus.years(r)]
    t0 = time.perf_counter()
    extract(reports[0])
    jieba.lcut(reports[0].text)
    print(f"reports: {len(reports)}  (first extraction incl. dictionary loads: {(time.perf_counter() - t0):.1f} s)")

    ours: dict[str, float] = {}
    seg: dict[str, float] = {}
    records = 0
    for rep in reports:
        best_ours = best_seg = float("inf")
        for _ in range(args.repeat):
            _clear_caches()
            t = time.perf_counter()
            parsed = parse_report(rep.text, region=rep.region, year=rep.year)
            n = len(extract(parsed))
            best_ours = min(best_ours, time.perf_counter() - t)
            t = time.perf_counter()
            jieba.lcut(rep.text)
            best_seg = min(best_seg, time.perf_counter() - t)
        ours[rep.key], seg[rep.key] = best_ours, best_seg
        records += n
    total_ours, total_seg = sum(ours.values()), sum(seg.values())
    ratios = {k: ours[k] / seg[k] for k in ours}
    print(
        f"parse + extraction: {total_ours * 1000 / len(reports):.1f} ms/report mean, {records} records;"
        f" jieba segmentation: {total_seg * 1000 / len(reports):.1f} ms/report"
    )
    median = statistics.median(ratios.values())
    print(f"ratio over the corpus: {total_ours / total_seg:.2f}x  (median per report {median:.2f}x)")
    for key in sorted(ratios, key=ratios.get, reverse=True)[:5]:
        print(f"    {key:16} {ratios[key]:.2f}x  ({ours[key] * 1000:.0f} ms vs {seg[key] * 1000:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
