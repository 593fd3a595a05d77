#!/usr/bin/env bash
# Runs every shipped example on its full data, one after the other, and prints one line each: outcome,
# epochs, seconds per epoch and total seconds. A measurement, not a test; docs/examples.md quotes its output.
# Usage: bench/examples.sh [NAME...]   (default: every examples/*.json); needs the distribution built.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cajal=$root/distribution/target/cajal/bin/cajal
[ -x "$cajal" ] || { echo "build first: mvn -B -q install -DskipTests" >&2; exit 2; }
out=$(mktemp -d "${TMPDIR:-/tmp}/cajal-examples.XXXXXX")
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in "$root"/distribution/target/cajal/examples/*.json; do names+=("$(basename "$f" .json)"); done
fi
echo "# $(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) cores  OMP_NUM_THREADS=${OMP_NUM_THREADS:-<cores>}"
printf '%-16s %-44s %7s %9s %8s\n' example outcome epochs "s/epoch" "total s"
for n in "${names[@]}"; do
  start=$(date +%s.%N)
  "$cajal" run "examples/$n.json" --out "$out/$n" > "$out/$n.log" 2>&1 || { echo "$n FAILED (see $out/$n.log)"; continue; }
  end=$(date +%s.%N)
  run=$(ls -d "$out/$n"/*/ | head -1)
  python3 - "$run" "$n" "$start" "$end" <<'PY'
import json, sys, datetime
run, name, start, end = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
e = json.load(open(run + "evaluation.json"))
p = json.load(open(run + "provenance.json"))
rows = open(run + "metrics.csv").read().strip().splitlines()[1:]
t0 = datetime.datetime.fromisoformat(p["start"].replace("Z", "+00:00"))
t1 = datetime.datetime.fromisoformat(p["end"].replace("Z", "+00:00"))
keys = ["accuracy", "f1", "rocAuc"] if "accuracy" in e else ["mse", "r2"]
outcome = " ".join(f"{k}={e[k]:.4f}" for k in keys if k in e) + f" ({e['split']}, n={e['examples']})"
secs = (t1 - t0).total_seconds()
print(f"{name:<16} {outcome:<44} {len(rows):>7} {secs / max(1, len(rows)):>9.3f} {end - start:>8.1f}")
PY
done
