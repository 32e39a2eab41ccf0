"""Wall time of ``compare`` against segmenting both texts with jieba alone.

For national 2019 → 2020 and every consecutive national pair 2000–2025: the time of
``policydiff.compare.compare(a, b)`` (word segmentation, alignment of sections, paragraphs and
sentences, extraction of both reports' records, target diff, delivery check, wording shifts)
next to the time of ``jieba.lcut`` over both texts, and their ratio (the aim: below 3×).
Parsing the reports is done once beforehand and not counted (it is shared by every command).
Each figure is the best of ``--repeat`` runs, the three measurements taken in turn. Wall time is
what the aim is about; the CPU time of this process is shown too because it moves less when other
programs share the machine. Extraction's share (wall) is shown separately.

Side by side with GovernDiff (issue "Promise vs delivery": ``compare`` of national 2019 → 2020 no slower,
relative to ``governdiff diff`` on the same pair, than 0.90×): when a ``governdiff`` command is found
(``--governdiff PATH``, else on ``PATH``), both command lines are run as fresh processes in turn —
``policydiff --corpus C compare 2019 2020 -r national`` and ``governdiff diff --language zh A B`` — and
the best wall times and their ratio are printed. GovernDiff pins ``pypdf<7``, so keep it in its own
environment::

    python3 -m venv /tmp/gdvenv && /tmp/gdvenv/bin/pip install governdiff==0.6.0
    python3 benchmarks/bench_compare.py --governdiff /tmp/gdvenv/bin/governdiff

    python3 benchmarks/bench_compare.py [--corpus ../shared/corpora] [--repeat 3] [--governdiff PATH]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
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
    ap.add_argument("--governdiff", default=shutil.which("governdiff"), help="the governdiff command")
    args = ap.parse_args()
    if args.governdiff:
        side_by_side(args.corpus, args.governdiff, args.repeat)
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


def side_by_side(corpus: str, governdiff: str, repeat: int) -> None:
    """Best wall time of each command line on national 2019 → 2020, run in turn; their ratio."""
    a, b = (str(Path(corpus) / "national" / f"{y}.txt") for y in (2019, 2020))
    # the console script of this interpreter's environment, as governdiff's is its venv's own: a version
    # manager's shim found first on PATH (pyenv) adds a shell and a second interpreter start to every run
    here = Path(sys.executable).parent / "policydiff"
    command = str(here) if here.exists() else shutil.which("policydiff") or "policydiff"
    commands = {
        "policydiff compare": [command, "--corpus", corpus, "compare", "2019", "2020", "-r", "national"],
        "governdiff diff": [governdiff, "diff", "--language", "zh", a, b],
    }  # fmt: skip
    best = {name: float("inf") for name in commands}
    for _ in range(repeat):
        for name, cmd in commands.items():
            t = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            best[name] = min(best[name], time.perf_counter() - t)
    for name, seconds in best.items():
        print(f"{name:<20} {seconds:6.2f} s  (national 2019→2020, whole command, best of {repeat})")
    ratio = best["policydiff compare"] / best["governdiff diff"]
    print(f"policydiff compare / governdiff diff: {ratio:.2f}× (aim: at most 0.90×)\n")


if __name__ == "__main__":
    main()
