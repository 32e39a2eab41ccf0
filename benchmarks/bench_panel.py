"""``policydiff panel`` at scale: a synthetic corpus of ≥ 1,000 reports, cold and warm, memory, workers.

The synthetic corpus copies the shared reports (../shared/corpora) under many region keys
(``hubei_r07/2025.txt``) into a temporary folder, with a ``regions.tsv`` giving each copy the level
and parent of its original, so escalation rows are built as for real data. Every copy is a separate
cache entry (entries are keyed by file, region and year), so a cold run extracts every report.

Measured, each in a fresh process running the real command (``policydiff panel --out p.sqlite``):

- **cold**: an empty cache folder (``POLICYDIFF_CACHE``), default workers (the CPUs);
- **warm**: the same command again on the filled cache (only new or changed reports would be read);
- **peak RSS**: the largest resident set of the command's process (``ru_maxrss``; forked workers
  are smaller, they share the parent's pages), the largest worker's shown apart;
- **CPU**: user + system time of the command's process and of its workers (less sensitive than the
  wall time to other work on the machine; the 1-minute load average is printed before and after);
- **speedup**: the cold run on a subset with ``--workers 1`` against ``--workers 2`` (``--no-cache``),
  the fastest of ``--repeat`` runs each.

The package is copied to the temporary folder first and run from there, so edits in the checkout
during the run (the cache's engine hash follows the extraction code) cannot turn the warm run cold.

Targets (issue 11): warm ≤ 5 % of cold, peak RSS ≤ 1 GB, 2 workers ≥ 1.6× one.

    python3 benchmarks/bench_panel.py [--reports 1000] [--speedup-reports 200] [--repeat 3] [--skip-cold-warm]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

RUN = """
import json, resource, sys, time
t = time.perf_counter()
sys.argv = ["policydiff", *sys.argv[1:]]
from policydiff.cli import main
code = 0
try:
    main()
except SystemExit as exc:
    code = exc.code or 0
wall = time.perf_counter() - t
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "code": code, "rss": me.ru_maxrss * 1024, "worker_rss": kids.ru_maxrss * 1024,
                  "cpu_main": me.ru_utime + me.ru_stime, "cpu_workers": kids.ru_utime + kids.ru_stime}),
      file=sys.stderr)
"""


def make_corpus(source: Path, dest: Path, n_reports: int) -> int:
    """Copy the source reports under region keys ``<region>_rNN`` until ``n_reports`` are there."""
    files = sorted(p for p in source.glob("*/*.txt") if p.stem.isdigit())
    regions = {}
    tsv = source / "regions.tsv"
    if tsv.is_file():
        for line in tsv.read_text(encoding="utf-8").splitlines()[1:]:
            cells = line.split("\t") + [""] * 4
            regions[cells[0]] = cells[:4]
    rows = ["key\tname_zh\tlevel\tparent"]
    copied, copy = 0, 0
    while copied < n_reports:
        for f in files:
            if copied >= n_reports:
                break
            region = f"{f.parent.name}_r{copy:02d}"
            (dest / region).mkdir(exist_ok=True)
            shutil.copyfile(f, dest / region / f.name)
            copied += 1
        copy += 1
    for copy_region in sorted(p.name for p in dest.iterdir() if p.is_dir()):
        orig, n = copy_region.rsplit("_r", 1)
        key, name, level, parent = regions.get(orig, [orig, "", "", ""])
        parent_key = f"{parent}_r{n}" if parent and (dest / f"{parent}_r{n}").is_dir() else ""
        rows.append(f"{copy_region}\t{name}\t{level}\t{parent_key}")
    (dest / "regions.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return copied


def run(args: list[str], env: dict[str, str], cwd: Path) -> dict:
    """Run ``policydiff ARGS`` in a fresh process: wall time, CPU time of the process and of its
    workers, peak RSS of each, and the 1-minute load average before and after."""
    load = os.getloadavg()[0]
    out = subprocess.run([sys.executable, "-c", RUN, *args], capture_output=True, text=True, env=env, cwd=cwd)
    lines = out.stderr.strip().splitlines()
    try:
        result = json.loads(lines[-1])
    except (IndexError, ValueError):
        raise SystemExit(f"failed: policydiff {' '.join(args)}\n{out.stderr[-2000:]}") from None
    if result["code"] != 0:
        raise SystemExit(f"failed: policydiff {' '.join(args)}\n{out.stderr[-2000:]}")
    result.update(stdout=out.stdout, stderr="\n".join(lines[:-1]), load=(load, os.getloadavg()[0]))
    result["cpu"] = result["cpu_main"] + result["cpu_workers"]
    return result


def snapshot(dest: Path) -> Path:
    """A copy of the package to run: edits to the checkout during the benchmark (the cache's engine
    hash follows the extraction code) must not turn the warm run into a cold one."""
    shutil.copytree(ROOT / "policydiff", dest / "policydiff", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "corpora", dest / "corpora")
    return dest


def panel_cmd(corpus: Path, out: Path, *extra: str) -> list[str]:
    return ["--corpus", str(corpus), "panel", "--out", str(out), "--force", *extra]


def show(name: str, r: dict) -> None:
    print(
        f"{name:<28} {r['wall']:7.1f} s wall   CPU {r['cpu_main']:6.1f} s main + {r['cpu_workers']:6.1f} s workers   "
        f"peak RSS {r['rss'] / 2**20:5.0f} MiB (workers {r['worker_rss'] / 2**20:4.0f})   "
        f"load {r['load'][0]:.1f} -> {r['load'][1]:.1f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--reports", type=int, default=1000)
    ap.add_argument("--speedup-reports", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=1, help="Runs of each worker count (the fastest counts).")
    ap.add_argument("--skip-cold-warm", action="store_true", help="Only the 1- against 2-worker comparison.")
    args = ap.parse_args()
    summary: dict = {"cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="bench-panel-") as tmp:
        tmp_path = Path(tmp)
        env = {k: v for k, v in os.environ.items() if k != "POLICYDIFF_CORPUS"}
        src = snapshot(tmp_path / "src")
        env["PYTHONPATH"] = str(src) + os.pathsep + env.get("PYTHONPATH", "")
        env["POLICYDIFF_CACHE"] = str(tmp_path / "cache")
        if not args.skip_cold_warm:
            big = tmp_path / "big"
            big.mkdir()
            n = make_corpus(Path(args.corpus), big, args.reports)
            print(f"synthetic corpus: {n} reports ({len(list(big.iterdir())) - 1} regions); CPUs: {os.cpu_count()}")
            cold = run(panel_cmd(big, tmp_path / "p.sqlite"), env, tmp_path)
            show("cold (empty cache)", cold)
            print(f"      {cold['stdout'].strip()}")
            warm = run(panel_cmd(big, tmp_path / "p2.sqlite"), env, tmp_path)
            show("warm (filled cache)", warm)
            print(f"      ({warm['stderr'].strip()})")
            same = (tmp_path / "p.sqlite").read_bytes() == (tmp_path / "p2.sqlite").read_bytes()
            size = (tmp_path / "p.sqlite").stat().st_size
            print(
                f"warm / cold = {warm['wall'] / cold['wall']:.1%} wall, {warm['cpu'] / cold['cpu']:.1%} CPU; "
                f"outputs byte-identical: {same}; sqlite {size / 2**20:.0f} MiB"
            )
            summary.update(
                reports=n,
                cold_s=round(cold["wall"], 1),
                warm_s=round(warm["wall"], 1),
                warm_over_cold=round(warm["wall"] / cold["wall"], 4),
                cold_cpu_s=round(cold["cpu"], 1),
                warm_cpu_s=round(warm["cpu"], 1),
                warm_over_cold_cpu=round(warm["cpu"] / cold["cpu"], 4),
                peak_rss_mib=round(max(cold["rss"], warm["rss"]) / 2**20),
                worker_rss_mib=round(cold["worker_rss"] / 2**20),
                sqlite_mib=round(size / 2**20, 1),
                identical=same,
                load=[cold["load"], warm["load"]],
            )
        small = tmp_path / "small"
        small.mkdir()
        m = make_corpus(Path(args.corpus), small, args.speedup_reports)
        best: dict[int, dict] = {}
        for _ in range(args.repeat):
            for w in (1, 2):
                r = run(panel_cmd(small, tmp_path / f"s{w}.sqlite", "--no-cache", "--workers", str(w)), env, tmp_path)
                show(f"{m} reports, --workers {w}", r)
                if w not in best or r["wall"] < best[w]["wall"]:
                    best[w] = r
        speedup = best[1]["wall"] / best[2]["wall"]
        print(f"speedup with 2 workers: {speedup:.2f}x (CPU: {best[2]['cpu'] / best[1]['cpu']:.2f}x the work)")
        summary.update(
            speedup_reports=m,
            workers1_s=round(best[1]["wall"], 1),
            workers2_s=round(best[2]["wall"], 1),
            speedup=round(speedup, 2),
            workers1_cpu_s=round(best[1]["cpu"], 1),
            workers2_cpu_s=round(best[2]["cpu"], 1),
            workers2_main_cpu_s=round(best[2]["cpu_main"], 1),
            speedup_load=[best[1]["load"], best[2]["load"]],
        )
        print(json.dumps(summary))


if __name__ == "__main__":
    main()
