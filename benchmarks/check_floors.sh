#!/usr/bin/env bash
# Are the dependency floors in pyproject.toml true? Installs every dependency of the package and of its
# test, pdf and parquet extras at exactly its lower bound (">=X" becomes "==X", read from pyproject.toml),
# in a fresh virtual environment outside the work tree, then runs what CI runs: ruff, mypy and the whole
# test suite. Not part of .ci/run (the install alone takes minutes); run it after changing a floor:
#
#   bash benchmarks/check_floors.sh            # needs ../shared beside the repository, like the tests
#
# The last line says which step failed, if any. Transitive dependencies are left to pip.
set -uo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"  # the tests run policydiff as an unprivileged user too: the venv must be readable
python3 -m venv "$work/venv"
. "$work/venv/bin/activate"
python3 -m pip install -q --upgrade pip

mapfile -t FLOORS < <(python3 - <<'EOF'
import re
import tomllib

with open("pyproject.toml", "rb") as f:
    project = tomllib.load(f)["project"]
extras = project["optional-dependencies"]
reqs = project["dependencies"] + extras["test"] + extras["pdf"] + extras["parquet"]
pins = {}
for req in reqs:
    m = re.fullmatch(r"([A-Za-z0-9_.-]+)\s*>=\s*([0-9][0-9.]*)(?:\s*,\s*<\s*[0-9.]+)?", req.strip())
    if not m:
        raise SystemExit(f"check_floors: no plain lower bound in {req!r}")
    pins[m.group(1).lower()] = m.group(2)
for name, version in sorted(pins.items()):
    print(f"{name}=={version}")
EOF
) || exit 1
echo "floors: ${FLOORS[*]}"
python3 -m pip install -q -e ".[test,pdf,parquet]" "${FLOORS[@]}" || {
    echo "check_floors: the floors do not install together" >&2
    exit 1
}
# pip must have kept every pin: the versions installed are the floors themselves
python3 - "${FLOORS[@]}" <<'EOF' || exit 1
import sys
from importlib.metadata import version


def release(v):  # 8.2 == 8.2.0
    parts = [int(x) for x in v.split(".")]
    while parts and parts[-1] == 0:
        parts.pop()
    return parts


pins = [p.split("==") for p in sys.argv[1:]]
wrong = [f"{name}=={want} (installed {version(name)})" for name, want in pins if release(version(name)) != release(want)]
if wrong:
    raise SystemExit("check_floors: not installed at the floor: " + ", ".join(wrong))
EOF

failed=()
ruff check . || failed+=("ruff check")
ruff format --check . || failed+=("ruff format --check")
mypy --cache-dir "$work/mypy" policydiff || failed+=("mypy")
python3 -m pytest -p no:cacheprovider || failed+=("pytest")  # addopts has -q: the summary line stays
if [ "${#failed[@]}" -ne 0 ]; then
    echo "check_floors: FAILED at the floors: ${failed[*]}"
    exit 1
fi
echo "check_floors: every check passed with ${FLOORS[*]}"
