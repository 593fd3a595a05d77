#!/bin/sh
# Runs the benchmark: bench/run.sh [--case mlp|cnn|all|loop|small] [--epochs N] [--limit N] [--repeats R] [--sides LIST]
#                                  [--python PATH] [--threads N] [--runs N] [--folder DIR] [--diagnose]
#                                  [--engine auto|dl4j|fused] [--workloads LIST] [--no-experiments] [--times N]
#                                  [--trials N] [--keep]
#
# Builds nothing. Needs the assembled distribution (distribution/target/cajal) and this module's bundle
# (bench/target/bench-*.jar); `mvn -B -q package -DskipTests` in the repository root makes both. The bench bundle
# is not part of the distribution: it is copied into a temporary plugins folder that FileInstall watches for this
# one run (framework property felix.fileinstall.dir, passed as a JVM system property through CAJAL_OPTS).
#
# Threads: bin/cajal sets OMP_NUM_THREADS (default: the number of cores), ND4J_SKIP_BLAS_THREADS=1 and
# OPENBLAS_NUM_THREADS=1 unless they are set; set them here to measure another setting. Extra JVM options go in
# CAJAL_OPTS as usual (e.g. CAJAL_OPTS=-Xmx8g). --case small compares one thread per side, so for it this script
# sets OMP_NUM_THREADS=1 unless it is set; the `cajal run|repeat|search` children the bench starts inherit it.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd -P)
cajal="$root/distribution/target/cajal"
jar=$(ls "$root"/bench/target/bench-*.jar 2>/dev/null | grep -v -e '-sources\.jar$' -e '-tests\.jar$' | head -n 1 || true)

if [ ! -x "$cajal/bin/cajal" ] || [ -z "$jar" ]; then
  echo "bench/run.sh: missing $( [ -x "$cajal/bin/cajal" ] || printf '%s ' "$cajal/bin/cajal")$( [ -n "$jar" ] || printf '%s' "bench/target/bench-*.jar")" >&2
  echo "bench/run.sh: build them first, in $root:  mvn -B -q package -DskipTests" >&2
  exit 1
fi

plugins=$(mktemp -d "${TMPDIR:-/tmp}/cajal-bench-plugins.XXXXXX")
trap 'rm -rf "$plugins"' EXIT
trap 'exit 130' INT TERM
cp "$jar" "$plugins/"

# Another process using the same cores makes every figure meaningless; say so rather than hide it.
busy=$(ps -eo pcpu= 2>/dev/null | awk '{s += $1} END {printf "%d", s}')
if [ "${busy:-0}" -gt 50 ]; then
  echo "bench/run.sh: note: other processes use ${busy}% CPU right now; figures will be noisy" >&2
fi

prev=
for arg in "$@"; do
  if [ "$prev" = "--case" ] && [ "$arg" = "small" ] && [ -z "${OMP_NUM_THREADS:-}" ]; then
    OMP_NUM_THREADS=1
    export OMP_NUM_THREADS
  fi
  prev=$arg
done

# The launcher waits for the runtime's 'run' command, then only a few seconds more for 'bench': FileInstall
# installs the bundle at start level 3 with no initial delay, well within that.
CAJAL_OPTS="-Dfelix.fileinstall.dir=$plugins ${CAJAL_OPTS:-}" "$cajal/bin/cajal" bench "$@"
