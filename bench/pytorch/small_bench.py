#!/usr/bin/python3
"""The PyTorch side of `cajal bench --case small`: trains small dense networks on data the bench prepared.

The bench (SmallPython) writes a job file and runs `python3 small_bench.py JOB.json` as a child process, timing it
from launch to exit, PyTorch's import included. The job lists one run or several (5 seeds of a repeats
experiment, 8 trials of a random search), all trained here one after the other in this one process:

  {"threads": 1,
   "runs": [{"label": "survey", "seed": 42,
             "train": "/tmp/.../train.csv", "validation": ".../validation.csv", "test": ".../test.csv",
             "classes": 3,                          (0: regression)
             "layers": [{"units": 16, "activation": "relu"}],
             "output_activation": "softmax", "loss": "categorical-cross-entropy",
             "learning_rate": 0.01, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8,
             "epochs": 100, "batch_size": 16}]}

Data files: one example per line, comma-separated float32 features already encoded and standardised by the
bench, then the target (a class index, or the regression value) as the last column; no header. The same numbers
are what the bench's plain DL4J side trains on.

Each run: torch.manual_seed(seed); He initialisation (normal, sd sqrt(2 / fan_in)) for relu and leaky-relu layers,
Xavier (normal, sd sqrt(2 / (fan_in + fan_out))) for the others and the output, zero biases (DL4J's WeightInit.RELU
and XAVIER, as Cajal's layers choose them); Adam; the training rows shuffled before every epoch (torch.randperm),
mini-batches gathered by index, zero_grad, forward, loss averaged over the batch, backward, step; after every
epoch one forward pass over the validation rows (loss and, for classification, accuracy), as Cajal computes them
per epoch; after the last epoch the test accuracy (arg-max) or mean squared error. Softmax is folded into
CrossEntropyLoss, sigmoid into BCEWithLogitsLoss. train_seconds is time.perf_counter() around the epoch loop
(shuffling, batches, validation), not the import or the loading.

Prints machine-readable lines only, "PYSMALL " followed by one JSON object (read by the bench with Jackson):

  PYSMALL {"kind": "config", "torch": "...", "numpy": "...", "python": "...", "threads": 1,
           "interop_threads": 1, "import_seconds": 1.23}
  PYSMALL {"kind": "run", "label": ..., "seed": ..., "parameters": ..., "epochs": ..., "steps": ...,
           "train_seconds": ..., "train_loss": ..., "validation_loss": ..., "validation_accuracy": ...,
           "test_metric": "accuracy" | "mse", "test_value": ..., "load_seconds": ...}
  PYSMALL {"kind": "done", "runs": N, "seconds": ...}        (since this script's first line ran)
  PYSMALL {"kind": "error", "message": "..."}                (then exit status 2)
  PYSMALL {"kind": "missing", "module": "torch"}             (then exit status 3: PyTorch or numpy not installed)

Run it on its own with a job file the bench left behind (cajal bench --case small --keep).
"""

import json
import math
import platform
import sys
import time

STARTED = time.perf_counter()


def emit(kind, **values):
    """One line of strict JSON: a value that is not a number (no validation split, say) becomes null."""
    values = dict(kind=kind, **values)
    for key, value in values.items():
        if isinstance(value, float) and not math.isfinite(value):
            values[key] = None
    print("PYSMALL " + json.dumps(values, allow_nan=False), flush=True)


def fail(message):
    emit("error", message=message)
    sys.exit(2)


def load(path, np):
    """Features (float32, n x d) and the last column as targets; an empty file gives no rows."""
    data = np.loadtxt(path, delimiter=",", dtype=np.float32, ndmin=2)
    if data.size == 0:
        return None, None
    return data[:, :-1].copy(), data[:, -1].copy()


def build(spec, inputs, outputs, torch):
    nn = torch.nn
    activations = {"relu": nn.ReLU, "leaky-relu": lambda: nn.LeakyReLU(0.01), "tanh": nn.Tanh,
                   "sigmoid": nn.Sigmoid, "identity": nn.Identity}
    modules = []
    width = inputs
    for layer in spec["layers"]:
        activation = layer["activation"]
        if activation not in activations:
            fail("activation %s is not one this script knows (%s)" % (activation, ", ".join(activations)))
        linear = nn.Linear(width, layer["units"])
        if activation in ("relu", "leaky-relu"):
            nn.init.kaiming_normal_(linear.weight, mode="fan_in", nonlinearity="relu")
        else:
            nn.init.xavier_normal_(linear.weight)
        nn.init.zeros_(linear.bias)
        modules += [linear, activations[activation]()]
        width = layer["units"]
    output = nn.Linear(width, outputs)
    nn.init.xavier_normal_(output.weight)
    nn.init.zeros_(output.bias)
    modules.append(output)
    return nn.Sequential(*modules)


def loss_function(spec, torch):
    """The loss on the output layer's pre-activation, and how targets are shaped for it."""
    loss, activation = spec["loss"], spec["output_activation"]
    if loss == "categorical-cross-entropy" and activation == "softmax":
        return torch.nn.CrossEntropyLoss(), lambda y: y.long()
    if loss == "mse" and activation == "identity":
        return torch.nn.MSELoss(), lambda y: y.reshape(-1, 1)
    if loss == "binary-cross-entropy" and activation == "sigmoid":
        return torch.nn.BCEWithLogitsLoss(), lambda y: y.reshape(-1, 1)
    fail("loss %s with output activation %s is not one this script knows" % (loss, activation))


def train(spec, torch, np):
    seed = int(spec["seed"])
    loaded = time.perf_counter()
    x_train, y_train = load(spec["train"], np)
    x_val, y_val = load(spec["validation"], np)
    x_test, y_test = load(spec["test"], np)
    if x_train is None:
        fail("%s has no rows" % spec["train"])
    classes = int(spec["classes"])
    criterion, shape = loss_function(spec, torch)
    x_train, y_train = torch.from_numpy(x_train), shape(torch.from_numpy(y_train))
    if x_val is not None:
        x_val, y_val = torch.from_numpy(x_val), shape(torch.from_numpy(y_val))
    if x_test is not None:
        x_test, y_test = torch.from_numpy(x_test), shape(torch.from_numpy(y_test))
    load_seconds = time.perf_counter() - loaded

    torch.manual_seed(seed)
    model = build(spec, x_train.shape[1], classes if classes > 0 else 1, torch)
    optimizer = torch.optim.Adam(model.parameters(), lr=spec["learning_rate"],
                                 betas=(spec["beta1"], spec["beta2"]), eps=spec["epsilon"])
    order = torch.Generator()
    order.manual_seed(seed)
    n, batch, epochs = x_train.shape[0], int(spec["batch_size"]), int(spec["epochs"])
    steps = 0
    train_loss = val_loss = val_accuracy = float("nan")
    started = time.perf_counter()
    for _ in range(epochs):
        model.train()
        permutation = torch.randperm(n, generator=order)
        total, batches = 0.0, 0
        for start in range(0, n, batch):
            index = permutation[start:start + batch]
            optimizer.zero_grad()
            loss = criterion(model(x_train[index]), y_train[index])
            loss.backward()
            optimizer.step()
            total += loss.item()
            batches += 1
        steps += batches
        train_loss = total / batches
        if x_val is not None:
            model.eval()
            with torch.no_grad():
                out = model(x_val)
                val_loss = criterion(out, y_val).item()
                if classes > 0:
                    val_accuracy = (out.argmax(1) == y_val).float().mean().item()
    train_seconds = time.perf_counter() - started

    test_metric, test_value = ("accuracy" if classes > 0 else "mse"), float("nan")
    if x_test is not None:
        model.eval()
        with torch.no_grad():
            out = model(x_test)
            if classes > 0:
                test_value = (out.argmax(1) == y_test).float().mean().item()
            else:
                test_value = torch.mean((out - y_test) ** 2).item()
    emit("run", label=spec.get("label", ""), seed=seed,
         parameters=sum(p.numel() for p in model.parameters()), epochs=epochs, steps=steps,
         train_seconds=round(train_seconds, 6), train_loss=train_loss, validation_loss=val_loss,
         validation_accuracy=val_accuracy, test_metric=test_metric, test_value=test_value,
         load_seconds=round(load_seconds, 6))


def main():
    if len(sys.argv) != 2:
        fail("usage: small_bench.py JOB.json")
    with open(sys.argv[1], encoding="utf-8") as f:
        job = json.load(f)
    before = time.perf_counter()
    try:
        import numpy as np
        import torch
    except ImportError as e:
        emit("missing", module=getattr(e, "name", None) or "torch")
        sys.exit(3)
    import_seconds = time.perf_counter() - before
    threads = int(job.get("threads", 1))
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(threads)
    emit("config", torch=torch.__version__, numpy=np.__version__, python=platform.python_version(),
         threads=torch.get_num_threads(), interop_threads=torch.get_num_interop_threads(),
         import_seconds=round(import_seconds, 6))
    for spec in job["runs"]:
        train(spec, torch, np)
    emit("done", runs=len(job["runs"]), seconds=round(time.perf_counter() - STARTED, 6))


if __name__ == "__main__":
    main()
