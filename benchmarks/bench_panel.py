"""``policydiff panel`` at scale: a synthetic corpus of ≥ 1,000 reports, cold and warm, memory, workers.

The synthetic corpus copies the shared reports (../shared/corpora) under many region keys
(``hubei_r07/2025.txt``) into a temporary folder, with a ``regions.tsv`` giving each copy the level
and parent of its original, so escalation rows are built as for real data. Every copy is a separate
cache entry (entries are keyed by file, region and year), so a cold run extracts every report.

Measured, each in a fresh process running the real command (``policydiff panel --out p.sqlite``):

- **cold**: an empty cache folder (``POLICYDIFF_CACHE``), default workers (the CPUs);
- **warm**: the same command again on the filled cache (only new or changed reports would be read);
- **peak RSS**: the largest resident set of the command's process (``ru_maxrss``; forked workers
  are smaller, they share the parent's pages);
- **speedup**: the cold run on a subset with ``--workers 1`` against ``--workers 2`` (``--no-cache``).

Targets (issue 11): warm ≤ 5 % of cold, peak RSS ≤ 1 GB, 2 workers ≥ 1.6× one.

    python3 benchmarks/bench_panel.py [--reports 1000] [--speedup-reports 200] [--corpus ../shared/corpora]
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
import json, resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print(json.dumps({"wall": wall, "rss": rss, "code": p.returncode, "stdout": p.stdout, "stderr": p.stderr[-2000:]}))
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


def run(cmd: list[str], env: dict[str, str]) -> dict:
    out = subprocess.run([sys.executable, "-c", RUN, *cmd], capture_output=True, text=True, env=env, check=True)
    result = json.loads(out.stdout)
    if result["code"] != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{result['stderr']}")
    return result


def panel_cmd(corpus: Path, out: Path, *extra: str) -> list[str]:
    code = "import sys; from policydiff.cli import main; sys.argv[0] = 'policydiff'; main()"
    return [sys.executable, "-c", code, "--corpus", str(corpus), "panel", "--out", str(out), "--force", *extra]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--reports", type=int, default=1000)
    ap.add_argument("--speedup-reports", type=int, default=200)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-panel-") as tmp:
        tmp_path = Path(tmp)
        big, small = tmp_path / "big", tmp_path / "small"
        big.mkdir()
        small.mkdir()
        n = make_corpus(Path(args.corpus), big, args.reports)
        m = make_corpus(Path(args.corpus), small, args.speedup_reports)
        env = {k: v for k, v in os.environ.items() if k != "POLICYDIFF_CORPUS"}
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        env["POLICYDIFF_CACHE"] = str(tmp_path / "cache")
        print(f"synthetic corpus: {n} reports ({len(list(big.iterdir())) - 1} regions); CPUs: {os.cpu_count()}")
        cold = run(panel_cmd(big, tmp_path / "p.sqlite"), env)
        print(f"cold  {cold['wall']:8.1f} s   peak RSS {cold['rss'] / 2**20:7.0f} MiB   {cold['stdout'].strip()}")
        warm = run(panel_cmd(big, tmp_path / "p2.sqlite"), env)
        print(f"warm  {warm['wall']:8.1f} s   peak RSS {warm['rss'] / 2**20:7.0f} MiB   ({warm['stderr'].strip()})")
        same = (tmp_path / "p.sqlite").read_bytes() == (tmp_path / "p2.sqlite").read_bytes()
        size = (tmp_path / "p.sqlite").stat().st_size
        ratio = warm["wall"] / cold["wall"]
        print(f"warm / cold = {ratio:.1%}; outputs byte-identical: {same}; sqlite {size / 2**20:.0f} MiB")
        times = {}
        for w in (1, 2):
            r = run(panel_cmd(small, tmp_path / f"s{w}.sqlite", "--no-cache", "--workers", str(w)), env)
            times[w] = r["wall"]
            print(f"{m} reports, --workers {w}: {r['wall']:7.1f} s")
        print(f"speedup with 2 workers: {times[1] / times[2]:.2f}x")
        summary = {
            "reports": n,
            "cold_s": round(cold["wall"], 1),
            "warm_s": round(warm["wall"], 1),
            "warm_over_cold": round(warm["wall"] / cold["wall"], 4),
            "peak_rss_mib": round(max(cold["rss"], warm["rss"]) / 2**20),
            "sqlite_mib": round(size / 2**20, 1),
            "speedup_reports": m,
            "workers1_s": round(times[1], 1),
            "workers2_s": round(times[2], 1),
            "speedup": round(times[1] / times[2], 2),
        }
        print(json.dumps(summary))


if __name__ == "__main__":
    main()
