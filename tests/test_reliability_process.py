"""Issue 13, cases that need a real process: signals, standard output that fails, an unprivileged
user, simultaneous writers. Every child runs under a timeout (a hang fails the test); nothing is timed.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from policydiff.errors import OutputExistsError
from policydiff.fileio import atomic_write

from .conftest import ROOT, SHARED_CORPORA
from .test_reliability import REPORT

TIMEOUT = 120
MAIN = "from policydiff.cli import main; main()"


def policydiff(*args, env=None, **kw) -> subprocess.CompletedProcess:
    kw.setdefault("stdout", subprocess.PIPE)
    kw.setdefault("stderr", subprocess.PIPE)
    env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-c", MAIN, *map(str, args)], timeout=TIMEOUT, cwd=ROOT, env=env, **kw)


def assert_one_line(stderr: bytes, start: str) -> str:
    text = stderr.decode("utf-8")
    assert "Traceback" not in text, text
    lines = [ln for ln in text.strip().splitlines() if ln.startswith("policydiff:")]
    assert len(lines) == 1 and lines[0].startswith(start), text
    return lines[0]


# ---------------------------------------------------------------------------
# Ctrl-C and SIGTERM during a parallel graph
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("signum,code,word", [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")])
def test_signal_during_parallel_graph_stops_promptly_and_cleanly(tmp_path, signum, code, word):
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "national.graphml"
    # an empty extraction cache of its own: the run reads every report, so the signal comes while it works
    env = {**os.environ, "POLICYDIFF_CACHE": str(tmp_path / "cache")}
    proc = subprocess.Popen(
        [sys.executable, "-c", MAIN, "--corpus", SHARED_CORPORA, "graph", "-r", "national", "--workers", "2"]
        + ["--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=env,
        start_new_session=True,  # its own process group, as a terminal's foreground job
        # Ctrl-C as a terminal delivers it, even when this suite runs as a background job (which ignores SIGINT
        # and passes that on to what it starts)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        first = proc.stderr.readline()  # "Reading 26 reports": the workers are starting
        assert first.startswith(b"Reading"), first
        time.sleep(1.5)
        os.killpg(proc.pid, signum)  # Ctrl-C reaches the whole group; so may a SIGTERM
        _, rest = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("the run did not stop within 30 s of the signal")
    assert proc.returncode == code, (proc.returncode, rest)
    assert_one_line(rest, f"policydiff: {word}")
    assert os.listdir(tmp_path / "out") == []  # no output, no temporary file
    time.sleep(0.5)
    leftover = subprocess.run(["pgrep", "-g", str(proc.pid)], capture_output=True)
    assert leftover.stdout == b"", "worker processes outlived the run"


# ---------------------------------------------------------------------------
# Standard output that fails
# ---------------------------------------------------------------------------


def test_full_stdout_is_one_line():
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        r = policydiff("targets", "2020", "--format", "csv", stdout=full)
    assert r.returncode == 2
    assert_one_line(r.stderr, "policydiff: error: cannot write to standard output")


def test_closed_pipe_is_quiet():
    r = subprocess.run(
        f"{sys.executable} -c '{MAIN}' targets 2020 --kind all | head -c 10 >/dev/null",
        shell=True,
        capture_output=True,
        timeout=TIMEOUT,
        cwd=ROOT,
    )
    assert b"Traceback" not in r.stderr and b"Exception ignored" not in r.stderr


def test_strict_stdout_and_non_utf8_file_names(tmp_path):
    name = os.fsencode(tmp_path) + b"/\xff\xfe-2020.txt"
    with open(name, "wb") as fh:
        fh.write(REPORT.encode("utf-8"))
    env = {"PYTHONIOENCODING": "utf-8:strict"}
    for args in (["sections"], ["sections", "--format", "json"], ["targets", "--format", "json"], ["themes"]):
        r = policydiff(args[0], os.fsdecode(name), *args[1:], env=env)
        assert r.returncode == 0, r.stderr
        r.stdout.decode("utf-8")  # valid UTF-8 throughout
        assert b"\xff" not in r.stdout


def test_ascii_stdout_does_not_crash():
    r = policydiff("targets", "2020", env={"PYTHONIOENCODING": "ascii:strict", "LC_ALL": "C"})
    assert b"Traceback" not in r.stderr
    if r.returncode:  # either click writes UTF-8 anyway, or one line says why not
        assert_one_line(r.stderr, "policydiff: error: standard output cannot show")


# ---------------------------------------------------------------------------
# Permission denied, as an unprivileged user
# ---------------------------------------------------------------------------

UNPRIVILEGED = r"""
import os, sys
from policydiff.cli import cli
from policydiff.nlp import words
words("预热")  # everything the run needs is loaded before the privileges go
import policydiff.cli.graph_cmds, policydiff.cli.targets_cmd, policydiff.cli.compare_cmd  # noqa
os.setgroups([])
os.setgid(65534)
os.setuid(65534)
try:
    cli.main(sys.argv[1:], prog_name="policydiff", standalone_mode=True)
except SystemExit as exc:
    sys.exit(exc.code)
"""


@pytest.fixture
def open_folder():
    """A folder an unprivileged user can reach (pytest's own are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="policydiff-perm-", dir="/tmp"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def as_nobody(*args) -> subprocess.CompletedProcess:
    if os.geteuid() != 0:
        pytest.skip("needs root to become an unprivileged user")
    return subprocess.run(
        [sys.executable, "-c", UNPRIVILEGED, *map(str, args)], capture_output=True, timeout=TIMEOUT, cwd="/tmp"
    )


def test_permission_denied_on_a_file(open_folder):
    path = open_folder / "2020.txt"
    path.write_text(REPORT, encoding="utf-8")
    path.chmod(0o600)
    r = as_nobody("sections", path)
    assert r.returncode == 2
    assert_one_line(r.stderr, "policydiff: error: ").endswith("permission denied")


def test_permission_denied_on_a_corpus_region_folder(open_folder):
    root = open_folder / "corpus"
    for region in ("open", "closed"):
        (root / region).mkdir(parents=True)
        (root / region / "2020.txt").write_text(REPORT, encoding="utf-8")
    root.chmod(0o755)
    (root / "open").chmod(0o755)
    (root / "closed").chmod(0o700)
    r = as_nobody("corpus", "--corpus", root)
    assert r.returncode == 0, r.stderr
    assert b"closed" in r.stderr and b"cannot list" in r.stderr and b"Traceback" not in r.stderr
    r = as_nobody("sections", "2020", "-r", "closed", "--corpus", root)
    assert r.returncode == 2
    assert_one_line(r.stderr, "policydiff: error: unknown region")


def test_permission_denied_on_the_output_folder(open_folder):
    out = open_folder / "locked"
    out.mkdir()
    out.chmod(0o755)  # nobody may enter but not write
    r = as_nobody("targets", "2020", "--format", "csv", "--out", out / "t.csv")
    assert r.returncode == 2
    assert_one_line(r.stderr, "policydiff: error: cannot write").endswith("permission denied in folder " + str(out))
    assert os.listdir(out) == []


# ---------------------------------------------------------------------------
# Simultaneous writers of one new file
# ---------------------------------------------------------------------------


def _writer(path: str, k: int, barrier, results) -> None:
    barrier.wait()
    try:
        atomic_write(path, f"writer {k}\n" * 20000)
        results.put(("wrote", k))
    except OutputExistsError:
        results.put(("exists", k))


def test_simultaneous_writers_never_both_write(tmp_path):
    ctx = multiprocessing.get_context("fork")
    for attempt in range(5):
        path = str(tmp_path / f"out{attempt}.txt")
        barrier, results = ctx.Barrier(6), ctx.Queue()
        procs = [ctx.Process(target=_writer, args=(path, k, barrier, results)) for k in range(6)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(TIMEOUT)
        outcome = [results.get(timeout=10) for _ in procs]
        wrote = [k for what, k in outcome if what == "wrote"]
        assert len(wrote) == 1, outcome
        assert Path(path).read_text(encoding="utf-8") == f"writer {wrote[0]}\n" * 20000
    assert sorted(os.listdir(tmp_path)) == [f"out{k}.txt" for k in range(5)]  # no temporary left
