"""Wall time of ``compare`` against segmenting both texts with jieba alone.

For national 2019 → 2020 and every consecutive national pair 2000–2025: the time of
``policydiff.compare.compare(a, b)`` (word segmentation, alignment of sections, paragraphs and
sentences, extraction of both reports' records, target diff, delivery check, wording shifts)
next to the time of ``jieba.lcut`` over both texts, and their ratio (the aim: below 3×).
Parsing the reports is done once beforehand and not counted (it is shared by every command).
Each figure is the best of ``--repeat`` runs. Extraction's share is shown separately.

    python3 benchmarks/bench_compare.py [--corpus ../shared/corpora] [--repeat 3]
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
from policydiff.compare import compare  # noqa: E402
from policydiff.extract import extract  # noqa: E402
from policydiff.nlp import _jieba, words  # noqa: E402


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    corpus = Corpus([args.corpus], use_env=False)
    years = [y for y in corpus.years("national") if 2000 <= y <= 2025]
    reports = {y: corpus.get(y, "national") for y in years}  # parsing: not timed
    jieba = _jieba()
    words("预热")  # load jieba's dictionary before timing anything
    extract(reports[years[0]])

    pairs = [(2019, 2020)] + [(y, y + 1) for y in years if y + 1 in reports]
    print(f"{'pair':<11} {'chars':>7} {'jieba ms':>9} {'compare ms':>11} {'extract ms':>11} {'ratio':>6}")
    ratios = []
    for ya, yb in pairs:
        a, b = reports[ya], reports[yb]
        t_jieba = best(lambda a=a, b=b: (jieba.lcut(a.text), jieba.lcut(b.text)), args.repeat)
        t_cmp = best(lambda a=a, b=b: compare(a, b), args.repeat)
        t_ext = best(lambda a=a, b=b: (extract(a), extract(b)), args.repeat)
        ratios.append(t_cmp / t_jieba)
        print(
            f"{ya}→{yb:<6} {len(a.text) + len(b.text):>7} {t_jieba * 1e3:>9.1f} {t_cmp * 1e3:>11.1f}"
            f" {t_ext * 1e3:>11.1f} {ratios[-1]:>5.2f}×"
        )
    first, consecutive = ratios[0], ratios[1:]
    print(
        f"\nconsecutive pairs {pairs[1][0]}–{pairs[-1][1]} ({len(consecutive)}): compare/jieba median "
        f"{statistics.median(consecutive):.2f}×, min {min(consecutive):.2f}×, max {max(consecutive):.2f}×"
    )
    print(f"national 2019→2020: compare/jieba {first:.2f}×")


if __name__ == "__main__":
    main()
