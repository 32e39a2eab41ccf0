"""Wall time of ``compare`` against segmenting both texts with jieba alone.

For national 2019 → 2020 and every consecutive national pair 2000–2025: the time of
``policydiff.compare.compare(a, b)`` (word segmentation, alignment of sections, paragraphs and
sentences, extraction of both reports' records, target diff, delivery check, wording shifts)
next to the time of ``jieba.lcut`` over both texts, and their ratio (the aim: below 3×).
Parsing the reports is done once beforehand and not counted (it is shared by every command).
Each figure is the best of ``--repeat`` runs, the three measurements taken in turn. Wall time is
what the aim is about; the CPU time of this process is shown too because it moves less when other
programs share the machine. Extraction's share (wall) is shown separately.

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


def timed(fn) -> tuple[float, float]:
    t, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - t, time.process_time() - c


def best_interleaved(fns: list, repeat: int) -> list[tuple[float, float]]:
    """Best (wall, CPU) of ``repeat`` runs of each function, run in turn so that a busy spell on a
    shared machine hits all of them alike."""
    runs: list[list[tuple[float, float]]] = [[] for _ in fns]
    for _ in range(repeat):
        for k, fn in enumerate(fns):
            runs[k].append(timed(fn))
    return [(min(w for w, _ in r), min(c for _, c in r)) for r in runs]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    corpus = Corpus([args.corpus], use_env=False)
    years = [y for y in corpus.years("national") if 2000 <= y <= 2025]
    reports = {y: corpus.get(y, "national") for y in years}  # parsing: not timed
    jieba = _jieba()
    words("预热")  # load jieba's dictionary before timing anything
    extract(reports[years[0]])

    pairs = [(2019, 2020)] + [(y, y + 1) for y in years if y + 1 in reports]
    print(
        f"{'pair':<11} {'chars':>6} {'jieba ms':>9} {'compare ms':>11} {'(extract)':>10} {'wall ratio':>11}"
        f" {'cpu ratio':>10}"
    )
    walls, cpus = [], []
    for ya, yb in pairs:
        a, b = reports[ya], reports[yb]
        (j_wall, j_cpu), (c_wall, c_cpu), (e_wall, _) = best_interleaved(
            [
                lambda a=a, b=b: (jieba.lcut(a.text), jieba.lcut(b.text)),
                lambda a=a, b=b: compare(a, b),
                lambda a=a, b=b: (extract(a), extract(b)),
            ],
            args.repeat,
        )
        walls.append(c_wall / j_wall)
        cpus.append(c_cpu / j_cpu)
        print(
            f"{ya}→{yb:<6} {len(a.text) + len(b.text):>6} {j_wall * 1e3:>9.1f} {c_wall * 1e3:>11.1f}"
            f" {e_wall * 1e3:>10.1f} {walls[-1]:>10.2f}× {cpus[-1]:>9.2f}×"
        )
    print(f"\nnational 2019→2020: compare/jieba {walls[0]:.2f}× wall, {cpus[0]:.2f}× cpu")
    for name, xs in (("wall", walls[1:]), ("cpu", cpus[1:])):
        print(
            f"consecutive pairs {pairs[1][0]}–{pairs[-1][1]} ({len(xs)}), {name}: median {statistics.median(xs):.2f}×,"
            f" min {min(xs):.2f}×, max {max(xs):.2f}×"
        )


if __name__ == "__main__":
    main()
