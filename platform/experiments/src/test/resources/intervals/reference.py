"""Reference numbers for MetricScaleIntervalsTest: the 95% t interval of the mean on the metric's scale.

Run with Python 3 and SciPy (1.17.1 wrote the committed numbers):  python3 reference.py > reference.txt
The transform (logit for proportions, log for losses, log(1 - x) for r2), Student's t quantile from SciPy,
statistics.mean / statistics.stdev from the standard library, and the back-transform.
"""
import math
import statistics

from scipy import stats

EDGE = 1e-4


def interval(values, forward, back):
    n = len(values)
    y = [forward(v) for v in values]
    centre = statistics.mean(y)
    half = stats.t.ppf(0.975, n - 1) * statistics.stdev(y) / math.sqrt(n)
    a, b = back(centre - half), back(centre + half)
    low, high = min(a, b), max(a, b)
    return statistics.mean(values), statistics.stdev(values), low, high


def logit(p):
    p = min(max(p, EDGE), 1 - EDGE)
    return math.log(p / (1 - p))


def expit(y):
    return 1 / (1 + math.exp(-y))


def log_with_floor(values):
    positive = [v for v in values if v > 0]
    floor = min(positive) / 2
    return lambda v: math.log(max(v, floor))


CASES = {
    "accuracy": [0.9971, 0.9990, 0.9962, 1.0, 0.9933],
    "f1": [0.81, 0.86, 0.78, 0.84, 0.83],
    "logLoss": [0.0121, 0.0142, 0.0098, 0.0310, 0.0105],
    "mse": [0.0, 0.004, 0.002],
    "r2": [0.97, 0.99, 0.93, 0.98],
}

for name, x in CASES.items():
    if name in ("accuracy", "f1"):
        r = interval(x, logit, expit)
    elif name == "r2":
        d = [1 - v for v in x]
        f = log_with_floor(d)
        r = interval(x, lambda v: f(1 - v), lambda y: 1 - math.exp(y))
    else:
        r = interval(x, log_with_floor(x), math.exp)
    print(name, " ".join(repr(v) for v in r))
