#!/bin/sh
# Start-up time of `cajal run`: bench/startup.sh [--warm N] [--cold N] [--pipeline FILE]
#
# Launches distribution/target/cajal/bin/cajal -v run PIPELINE (default: a tiny XOR pipeline, 200 examples,
# 2 epochs) and timestamps every line it prints, in seconds since the launch. The markers:
#   framework   "cajal: framework started in ... ms (...)"      (-v) Felix up, every bundle started
#   nd4j        "Nd4jStartup - ND4J ready in ... ms (...)"      (info log) natives loaded, first op done
#   run         "run <id> -> <folder>"                           the pipeline is parsed and its run started
#   training    "training N parameters on M examples: ..."       printed just before the first batch trains
#   epoch1      "epoch 1/..."                                    the first epoch is done
#   exit        the process has ended
# "Time to the first training step" is the training marker: the runtime prints nothing between the first batch's
# start and the end of the first epoch (for XOR-sized data the two are milliseconds apart).
#
# warm: N starts (default 5) with the JavaCPP cache as the launcher finds it (~/.cajal/javacpp, filled by earlier
#       runs); the median of each marker is printed.
# cold: N starts (default 1), each with an empty JavaCPP cache folder (-Dorg.bytedeco.javacpp.cachedir=<new temp
#       folder> in CAJAL_OPTS), so the natives are extracted from the backend bundle again. The Felix bundle cache
#       needs nothing: the launcher gives every process a fresh one (a temp folder, deleted at exit) unless
#       -Dorg.osgi.framework.storage is set. The OS page cache stays warm (dropping it needs root and slows every
#       other process on the machine), so "cold" here is a first start after installation, not after a reboot.
# Both use -v (the framework's timing line and the engine's "ND4J ready" line are logged only at info level).
#
# Builds nothing; needs distribution/target/cajal (mvn -B -q package -DskipTests in the repository root).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd -P)
cajal="$root/distribution/target/cajal/bin/cajal"
warm=5
cold=1
pipeline=""
while [ $# -gt 0 ]; do
  case $1 in
    --warm) warm=${2:?--warm needs a number}; shift 2 ;;
    --cold) cold=${2:?--cold needs a number}; shift 2 ;;
    --pipeline) pipeline=${2:?--pipeline needs a file}; shift 2 ;;
    -h|--help) sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/startup.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
done
case "$warm$cold" in *[!0-9]*) echo "bench/startup.sh: --warm and --cold take whole numbers" >&2; exit 2 ;; esac
if [ ! -x "$cajal" ]; then
  echo "bench/startup.sh: missing $cajal; build it first, in $root: mvn -B -q package -DskipTests" >&2
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/cajal-startup.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
if [ -z "$pipeline" ]; then
  pipeline="$work/tiny.json"
  cat > "$pipeline" <<'JSON'
{
  "schema": 1,
  "name": "startup-xor",
  "seed": 42,
  "dataset": { "type": "xor", "params": { "samples": 200, "noise": 0.1 } },
  "split": { "validation": 0.2, "test": 0.2 },
  "model": { "layers": [
    { "type": "dense", "params": { "units": 8, "activation": "tanh" } },
    { "type": "output", "params": { "activation": "softmax" } } ] },
  "training": { "loss": "categorical-cross-entropy",
    "optimizer": { "type": "adam", "params": { "learningRate": 0.05 } }, "epochs": 2, "batchSize": 16 }
}
JSON
elif [ ! -f "$pipeline" ]; then
  echo "bench/startup.sh: no pipeline file $pipeline" >&2
  exit 2
fi

# not exec: the EXIT trap must still remove $work (each cold start leaves a full JavaCPP cache in it)
"${PYTHON:-/usr/bin/python3}" - "$cajal" "$pipeline" "$work" "$warm" "$cold" <<'PY'
import os, re, statistics, subprocess, sys, time

cajal, pipeline, work, warm, cold = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
MARKERS = [
    ("framework", re.compile(r"^cajal: framework started in (\d+) ms \((.*)\)")),
    ("nd4j", re.compile(r"ND4J ready in (\d+) ms \((.*?)\)")),
    ("run", re.compile(r"^run \S+ -> ")),
    ("training", re.compile(r"^training \d+ parameters")),
    ("epoch1", re.compile(r"^epoch 1/")),
]
NAMES = [m[0] for m in MARKERS] + ["exit"]


def start(n, cache):
    env = dict(os.environ)
    if cache:
        env["CAJAL_OPTS"] = ("-Dorg.bytedeco.javacpp.cachedir=%s %s" % (cache, env.get("CAJAL_OPTS", ""))).strip()
    out = os.path.join(work, "out-%s" % n)
    t0 = time.monotonic()
    p = subprocess.Popen([cajal, "-v", "run", pipeline, "--out", out], stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, env=env, text=True, bufsize=1)
    times, details, lines = {}, {}, []
    for line in p.stdout:
        now = time.monotonic() - t0
        lines.append(line.rstrip("\n"))
        for name, pattern in MARKERS:
            m = pattern.search(line)
            if m and name not in times:
                times[name] = now
                if m.groups():
                    details[name] = "%s ms (%s)" % (m.group(1), m.group(2))
    status = p.wait()
    times["exit"] = time.monotonic() - t0
    if status != 0:
        print("bench/startup.sh: cajal run failed with status %d; its last lines:" % status)
        print("\n".join("  " + l for l in lines[-15:]))
        sys.exit(1)
    return times, details


def row(mode, n, times):
    return "%-5s %4s " % (mode, n) + " ".join("%9s" % ("%.2f" % times[k] if k in times else "-") for k in NAMES)


def du(folder):
    sizes = []
    for dirpath, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(dirpath, name)
            if os.path.islink(path):  # JavaCPP links libfoo.so to libfoo.so.N: one file on disk
                continue
            sizes.append((os.path.getsize(path), os.path.relpath(path, folder)))
    sizes.sort(reverse=True)
    return sum(s for s, _ in sizes), len(sizes), sizes[:4]


load = open("/proc/loadavg").read().split()[0]
print("# cajal run startup, %s, %d cores, load average %s, pipeline %s" % (
    time.strftime("%Y-%m-%d %H:%M"), os.cpu_count(), load, os.path.basename(pipeline)))
print("# seconds since launch at which each marker line appeared (see bench/startup.sh for the markers)")
print("%-5s %4s " % ("mode", "try") + " ".join("%9s" % k for k in NAMES))
warm_times, warm_natives = [], []
for i in range(1, warm + 1):
    t, details = start("warm-%d" % i, None)
    warm_times.append(t)
    natives = re.search(r"backend and natives (\d+) ms", details.get("nd4j", ""))
    if natives:
        warm_natives.append(int(natives.group(1)))
    print(row("warm", i, t), flush=True)
if warm_times:
    medians = {k: statistics.median(t[k] for t in warm_times) for k in NAMES if all(k in t for t in warm_times)}
    print(row("warm", "med", medians))
cold_rows = []
for i in range(1, cold + 1):
    cache = os.path.join(work, "javacpp-cold-%d" % i)
    os.makedirs(cache)
    t, details = start("cold-%d" % i, cache)
    size, files, largest = du(cache)
    cold_rows.append((t, details, size, files, largest))
    print(row("cold", i, t), flush=True)
if warm_times:
    print("warm: first training step at %.2f s after launch (median of %d), first epoch done at %.2f s, exit at %.2f s"
          % (medians.get("training", float("nan")), len(warm_times), medians.get("epoch1", float("nan")),
             medians["exit"]))
    if warm_natives:
        print("warm: ND4J's backend and natives took %d ms (median), against the cold start's below"
              % statistics.median(warm_natives))
for i, (t, details, size, files, largest) in enumerate(cold_rows, 1):
    def span(a, b):
        return "%.2f s" % (t[b] - t[a]) if a in t and b in t else "?"
    print("cold %d: first training step at %.2f s after launch; where the time goes:" % (i, t.get("training", float("nan"))))
    print("  launch -> framework started   %s   (JVM start, Felix, bundles; framework: %s)"
          % ("%.2f s" % t["framework"] if "framework" in t else "?", details.get("framework", "?")))
    print("  framework -> ND4J ready       %s   (ND4J: %s)" % (span("framework", "nd4j"), details.get("nd4j", "?")))
    print("  ND4J ready -> run started     %s   (the run command appears, the pipeline is read and checked)"
          % span("nd4j", "run"))
    print("  run started -> training       %s   (data loaded, split, preprocessed; network built)" % span("run", "training"))
    print("  JavaCPP cache filled: %.0f MiB in %d files; largest: %s" % (size / 1048576.0, files, ", ".join(
        "%s %.0f MiB" % (name, s / 1048576.0) for s, name in largest)))
if warm_times and cold_rows:
    print("cold - warm (median): %.2f s to the first training step"
          % (statistics.median(r[0]["training"] for r in cold_rows) - medians["training"]))
PY
exit $?
