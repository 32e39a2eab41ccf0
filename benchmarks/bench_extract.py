"""Extraction speed: milliseconds per report over all 35 reports (34 in ../shared/corpora + bundled).

Run from the repository root:  python3 benchmarks/bench_extract.py [--repeat N]

Parsing is done first and not timed; the first extraction (which loads jieba's dictionary) is
reported separately. Prints one line per region and a total.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policydiff import Corpus  # noqa: E402
from policydiff.extract import extract  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="timed passes over all reports (best is reported)")
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora"))
    args = ap.parse_args(argv)

    corpus = Corpus([args.corpus], use_env=False)
    reports = [corpus.get(y, r) for r in corpus.regions() for y in corpus.years(r)]
    t0 = time.perf_counter()
    extract(reports[0], kind="all")
    warm = time.perf_counter() - t0
    print(f"reports: {len(reports)}  (first extraction incl. jieba load: {warm * 1000:.0f} ms)")

    for kind in ("quantity", "all"):
        passes = []
        per_report: dict[str, float] = {}
        n_records = 0
        for _ in range(args.repeat):
            n_records = 0
            t_pass = time.perf_counter()
            for rep in reports:
                t = time.perf_counter()
                n_records += len(extract(rep, kind=kind))
                per_report[rep.key] = min(per_report.get(rep.key, 1e9), time.perf_counter() - t)
            passes.append(time.perf_counter() - t_pass)
        best = min(passes)
        ms = [v * 1000 for v in per_report.values()]
        slowest = max(per_report, key=per_report.get)
        print(
            f"kind={kind:8}  {n_records:5d} records  {best * 1000 / len(reports):6.1f} ms/report mean"
            f"  (median {statistics.median(ms):.1f}, max {max(ms):.1f} ms: {slowest})"
        )
        for region in corpus.regions():
            region_ms = [per_report[r.key] * 1000 for r in reports if r.region == region]
            print(f"    {region:10} {len(region_ms):3d} reports  {statistics.mean(region_ms):6.1f} ms/report")
    return 0


if __name__ == "__main__":
    sys.exit(main())
