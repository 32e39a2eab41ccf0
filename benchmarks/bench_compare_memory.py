"""Memory and time of ``compare`` as the input grows: a report repeated ×1, ×3, ×10, ×30.

Each measurement runs in a fresh process (peak resident memory, ``ru_maxrss``, is per process)
and covers parsing both texts and ``policydiff.compare.compare`` (alignment of sections,
paragraphs and sentences, extraction, target diff, delivery check, wording). Two cases:

- ``pair``: national 2019 repeated k times against national 2020 repeated k times;
- ``self``: national 2019 repeated k times against itself (every sentence has k identical
  copies on each side: the worst case for identical-sentence matching).

A baseline is the memory of a process that has imported policydiff and loaded its word lists
(jieba) and parsed nothing; "over baseline" is what the comparison itself costs.

    python3 benchmarks/bench_compare_memory.py [--corpus ../shared/corpora] [--times 1,3,10,30]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from policydiff.nlp import words
from policydiff.report import parse_report
words("预热分词词典")  # load the word lists before measuring
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
mode, k, path_a, path_b = sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
text_a = open(path_a, encoding="utf-8").read()
text_b = text_a if mode == "self" else open(path_b, encoding="utf-8").read()
t = time.perf_counter()
if k > 0:
    from policydiff.compare import compare
    a = parse_report("\n".join([text_a] * k), region="bench", year=2019)
    b = parse_report("\n".join([text_b] * k), region="bench", year=2020)
    cmp = compare(a, b)
    n = (len(a.text), len(b.text), len(cmp.alignment.sentences))
else:
    n = (0, 0, 0)
wall = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"base_kb": base, "peak_kb": peak, "wall": wall, "chars": n[0] + n[1], "pairs": n[2]}))
"""


def measure(mode: str, k: int, a: Path, b: Path) -> dict:
    run = subprocess.run(
        [sys.executable, "-c", CHILD, str(ROOT), mode, str(k), str(a), str(b)], capture_output=True, text=True
    )
    if run.returncode != 0:
        raise SystemExit(f"{mode} ×{k} failed:\n{run.stderr[-2000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--times", default="1,3,10,30")
    ap.add_argument("--modes", default="pair,self")
    args = ap.parse_args()
    a = Path(args.corpus) / "national" / "2019.txt"
    b = Path(args.corpus) / "national" / "2020.txt"
    head = f"{'case':6} {'×':>3} {'chars':>9} {'wall s':>7} {'peak MB':>8} {'over baseline MB':>17}"
    print(f"{head} {'MB/100k chars':>14}")
    for mode in args.modes.split(","):
        for k in [int(x) for x in args.times.split(",")]:
            r = measure(mode, k, a, b)
            over = (r["peak_kb"] - r["base_kb"]) / 1024
            per = over / (r["chars"] / 1e5) if r["chars"] else 0.0
            row = f"{mode:6} {k:>3} {r['chars']:>9} {r['wall']:>7.1f} {r['peak_kb'] / 1024:>8.0f} {over:>17.0f}"
            print(f"{row} {per:>14.1f}", flush=True)


if __name__ == "__main__":
    main()
