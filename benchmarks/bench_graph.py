"""Graph build time for the 26 national reports (2000–2025): serial against parallel processes.

``build_graph`` extracts each report's records and themes (the per-report work that can run in
worker processes), then assembles the graph in this process. Two situations are measured:

- **cold**: a fresh Python process, as for one ``policydiff graph`` command. Loading jieba's
  dictionary comes first and cannot be shared out; it is timed separately ("warm-up").
- **warm**: a process that already has the dictionaries loaded (a notebook, the test suite),
  for 4 to 26 reports, to find where starting worker processes starts to pay. This is what
  ``policydiff.graph.PARALLEL_MIN_REPORTS`` is set from.

Parsing the reports is done once beforehand and not counted. Each figure is the best (and the
median) of ``--repeat`` runs, serial and parallel taken in turn so a busy spell on a shared
machine hits both alike. CPU time of this process is shown too (the parallel runs do their
extraction in children, so their parent CPU time is small).

    python3 benchmarks/bench_graph.py [--corpus ../shared/corpora] [--repeat 5] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policydiff import Corpus  # noqa: E402
from policydiff.graph import analyse_report, build_graph  # noqa: E402

COLD = """
import json, sys, time
sys.path.insert(0, {root!r})
from policydiff import Corpus
from policydiff.graph import build_graph
corpus = Corpus([{corpus!r}], use_env=False)
reports = [corpus.get(y, "national") for y in corpus.years("national") if 2000 <= y <= 2025]
t = time.perf_counter()
g = build_graph(reports, workers={workers})
print(json.dumps({{"wall": time.perf_counter() - t, "nodes": g.number_of_nodes(), "edges": g.number_of_edges()}}))
"""


def cold_run(corpus: str, workers: int) -> dict:
    code = COLD.format(root=str(ROOT), corpus=corpus, workers=workers)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def timed(fn) -> tuple[float, float]:
    t, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - t, time.process_time() - c


def fmt(values: list[float]) -> str:
    return f"best {min(values):6.2f} s  median {statistics.median(values):6.2f} s"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = ap.parse_args()
    corpus = Corpus([args.corpus], use_env=False)
    years = [y for y in corpus.years("national") if 2000 <= y <= 2025]
    reports = [corpus.get(y, "national") for y in years]  # parsing: not timed
    print(f"{len(reports)} national reports {years[0]}-{years[-1]}, {os.cpu_count()} CPUs, workers={args.workers}")
    print(f"load average at start: {os.getloadavg()[0]:.2f}")

    # -- cold: a fresh process per run --------------------------------------------------------
    cold: dict[int, list[float]] = {1: [], args.workers: []}
    sizes = set()
    for _ in range(args.repeat):
        for w in cold:
            r = cold_run(args.corpus, w)
            cold[w].append(r["wall"])
            sizes.add((r["nodes"], r["edges"]))
    assert len(sizes) == 1, f"serial and parallel graphs differ: {sizes}"
    nodes, edges = sizes.pop()
    print(f"\ncold (fresh process, dictionary loading included); graph: {nodes} nodes, {edges} edges")
    print(f"  serial        {fmt(cold[1])}")
    print(f"  {args.workers} processes   {fmt(cold[args.workers])}")
    print(f"  speed-up (best): {min(cold[1]) / min(cold[args.workers]):.2f}x")

    # -- warm: dictionaries loaded once ------------------------------------------------------------
    warm_up, _ = timed(lambda: analyse_report(reports[0]))
    print(f"\nwarm-up (first report in a fresh process: jieba dictionary and word lists): {warm_up:.2f} s")
    print("warm (dictionaries already loaded):")
    print(f"  {'reports':>7}  {'serial wall':>11}  {'parallel wall':>13}  {'speed-up':>8}  {'serial CPU':>10}")
    for n in (4, 8, 12, 16, len(reports)):
        subset = reports[-n:]
        runs: dict[int, list[tuple[float, float]]] = {1: [], args.workers: []}
        for _ in range(args.repeat):
            for w in runs:
                runs[w].append(timed(lambda w=w, subset=subset: build_graph(subset, workers=w)))
        s = min(x for x, _ in runs[1])
        p = min(x for x, _ in runs[args.workers])
        c = min(y for _, y in runs[1])
        print(f"  {n:>7}  {s:>9.2f} s  {p:>11.2f} s  {s / p:>7.2f}x  {c:>8.2f} s")
    print(f"\nload average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
