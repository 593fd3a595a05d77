#!/usr/bin/env python3
"""The Cajal pipeline '@NAME@' as one PyTorch script, written by `cajal export RUN --format pytorch`.

It needs PyTorch and NumPy only, and reads the files beside it:
  data.csv            the run's dataset (every row; categories and classes by their labels)
  split.json          the dataset rows of the run's train, validation and test parts
  preprocessing.json  the preprocessing Cajal fitted on the training rows, as numbers; its layout of the network's
                      input columns is also the layout a retrained preprocessing uses
  weights.npz         the weights Cajal trained

  python3 cajal_model.py                  predict the test rows with Cajal's weights, then train again and evaluate
  python3 cajal_model.py --only cajal     only Cajal's weights
  python3 cajal_model.py --only retrain   only train again (preprocessing fitted on the training rows, the
                                          network, loss, optimizer and schedule, regularisation, epochs, batch
                                          size and early stopping of the pipeline)
  --summary FILE                          also write the test metrics as JSON

Predictions go to predictions-cajal-weights.csv and predictions-retrained.csv (one row per test row: its dataset
row, then the class probabilities or the predicted target values). PyTorch draws other random numbers than Cajal, so a
retrained model is another sample of the same recipe: expect its test metric near Cajal's, not equal to it.
"""
import argparse
import csv
import json
import math
import os

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))

# The pipeline as Cajal ran it (layer sizes as the trained network has them).
CONFIG = json.loads(r'''
@CONFIG@
''')

MISSING = {"", "NA", "NaN", "?"}


def read_data():
    """The raw rows: numbers, category indices (the order of CONFIG's categories), NaN for a missing cell."""
    features = CONFIG["features"]
    rows, targets = [], []
    with open(os.path.join(HERE, "data.csv"), newline="", encoding="utf-8") as f:
        for record in csv.DictReader(f):
            row = []
            for feature in features:
                cell = record[feature["name"]].strip()
                if cell in MISSING:
                    row.append(math.nan)
                elif feature["categories"]:
                    row.append(float(feature["categories"].index(cell)))
                else:
                    row.append(float(cell))
            rows.append(row)
            if CONFIG["task"] == "classification":
                targets.append(CONFIG["classes"].index(record[CONFIG["targets"][0]].strip()))
            else:
                targets.append([float(record[t]) for t in CONFIG["targets"]])
    return np.array(rows, dtype=np.float64), np.array(targets)


def read_split():
    with open(os.path.join(HERE, "split.json"), encoding="utf-8") as f:
        return {part: np.array(rows, dtype=np.int64) for part, rows in json.load(f).items()}


def encode(pre, x):
    """Raw rows -> the network's input columns, by a preprocessing map (preprocessing.json's form)."""
    out = np.full((len(x), pre["inputWidth"]), np.nan)
    for c in pre["constantColumns"]:
        out[:, c["column"]] = c["value"]
    for j, f in enumerate(pre["features"]):
        v = x[:, j].copy()
        if f["kind"] == "numeric":
            if f["fill"] is not None:
                v[np.isnan(v)] = f["fill"]
            for k, column in enumerate(f["columns"]):
                out[:, column] = f["scale"][k] * v + f["offset"][k]
        else:
            if f["fill"] is not None:
                v[np.isnan(v)] = f["categories"].index(f["fill"])
            table = np.array([f["values"][c] for c in f["categories"]]).reshape(len(f["categories"]), -1)
            known = ~np.isnan(v)
            for k, column in enumerate(f["columns"]):
                out[known, column] = table[v[known].astype(int), k]
    return out


def steps(kind, feature):
    """The pipeline's preprocessing steps of one kind that apply to a feature (no 'columns' means every column)."""
    out = []
    for step in CONFIG["preprocessing"]:
        columns = step["params"].get("columns")
        if step["type"] == kind and (columns is None or feature in [c.strip() for c in columns.split(",")]):
            out.append(step)
    return out


def fit_numeric(f, v):
    """A numeric column: fill with the training mean, then each scaling step fitted on the training values."""
    fill = float(np.nanmean(v))
    v = np.where(np.isnan(v), fill, v)
    scale, offset = 1.0, 0.0
    for step in CONFIG["preprocessing"]:
        if step not in steps(step["type"], f["name"]):
            continue
        if step["type"] == "standardise":
            sd = v.std()
            a = 1.0 / sd if sd > 0 else 1.0
            b = -v.mean() * a
        elif step["type"] == "min-max":
            low, high = step["params"].get("min", 0.0), step["params"].get("max", 1.0)
            if v.max() > v.min():
                a = (high - low) / (v.max() - v.min())
                b = low - v.min() * a
            else:
                a, b = 0.0, (low + high) / 2
        else:
            continue
        v = a * v + b
        scale, offset = a * scale, a * offset + b
    n = len(f["columns"])
    return dict(f, scale=[scale] * n, offset=[offset] * n, fill=fill if f["fill"] is not None else None)


def fit_categorical(f, v):
    """A categorical column: the training rows' categories, the most frequent one for a missing or unseen value."""
    seen = v[~np.isnan(v)].astype(int)
    counts = np.bincount(seen, minlength=len(f["categories"]))
    kept = [k for k in range(len(f["categories"])) if counts[k] > 0]
    most = int(np.argmax(counts))
    one_hot = bool(steps("one-hot", f["name"]))
    values = {}
    for k, label in enumerate(f["categories"]):
        as_k = k if counts[k] > 0 else most
        values[label] = [1.0 if as_k == t else 0.0 for t in kept] if one_hot else [float(kept.index(as_k))]
    if len(values[f["categories"][0]]) != len(f["columns"]):
        raise SystemExit(f"column '{f['name']}': the training rows give {len(values[f['categories'][0]])} input "
                         f"columns, but the network takes {len(f['columns'])}")
    return dict(f, values=values, fill=f["categories"][most] if f["fill"] is not None else None)


def fit_preprocessing(x_train, layout):
    """The pipeline's preprocessing fitted on the training rows only, laid out as Cajal's (preprocessing.json)."""
    features = [fit_numeric(f, x_train[:, j]) if f["kind"] == "numeric" else fit_categorical(f, x_train[:, j])
                for j, f in enumerate(layout["features"])]
    return dict(layout, features=features)


def fit_target_scale(y_train):
    """target-standardise: regression targets scaled by the training rows' mean and standard deviation."""
    if CONFIG["task"] != "regression" or not any(s["type"] == "target-standardise" for s in CONFIG["preprocessing"]):
        return np.zeros(len(CONFIG["targets"])), np.ones(len(CONFIG["targets"]))
    sd = y_train.std(axis=0)
    return y_train.mean(axis=0), np.where(sd > 0, sd, 1.0)


class GaussianNoise(nn.Module):
    """Regularisation's input noise: adds N(0, sd^2) to a layer's input while training."""

    def __init__(self, sd):
        super().__init__()
        self.sd = sd

    def forward(self, x):
        return x + torch.randn_like(x) * self.sd if self.training else x


ACTIVATIONS = {"identity": nn.Identity, "relu": nn.ReLU, "leaky-relu": lambda: nn.LeakyReLU(0.01),
               "sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "softmax": lambda: nn.Softmax(dim=1)}


def initialise(linear, scheme):
    fan_in, fan_out = linear.in_features, linear.out_features
    with torch.no_grad():
        if scheme == "he":
            linear.weight.normal_(0, math.sqrt(2 / fan_in))
        elif scheme == "normal":
            linear.weight.normal_(0, 1 / math.sqrt(fan_in))
        elif scheme == "uniform":
            linear.weight.uniform_(-1 / math.sqrt(fan_in), 1 / math.sqrt(fan_in))
        else:
            linear.weight.normal_(0, math.sqrt(2 / (fan_in + fan_out)))
        linear.bias.zero_()


def build_network():
    """The layer stack; regularisation's dropout and input noise go before every dense layer but the output."""
    reg = CONFIG["regularisation"]
    modules = []
    for layer in CONFIG["layers"]:
        if layer["type"] == "dense":
            if reg["inputNoise"] > 0:
                modules.append(GaussianNoise(reg["inputNoise"]))
            if reg["dropout"] > 0 and not layer["output"]:
                modules.append(nn.Dropout(reg["dropout"]))
            linear = nn.Linear(layer["in"], layer["out"])
            initialise(linear, layer["weightInit"])
            modules += [linear, ACTIVATIONS[layer["activation"]]()]
        elif layer["type"] == "dropout":
            modules.append(nn.Dropout(layer["rate"]))
        elif layer["type"] == "batch-norm":
            modules.append(nn.BatchNorm1d(layer["features"], eps=layer["eps"], momentum=1 - layer["decay"]))
    return nn.Sequential(*modules)


def load_cajal_weights(network):
    """Cajal's trained weights (weights.npz: per layer index, W as [in, out], b, batch norm's statistics)."""
    weights = np.load(os.path.join(HERE, "weights.npz"))
    layers = iter(CONFIG["layers"])
    with torch.no_grad():
        for module in network:
            if isinstance(module, (nn.Linear, nn.BatchNorm1d)):
                layer = next(layers)
                while layer["type"] not in ("dense", "batch-norm"):
                    layer = next(layers)
                i = layer["index"]
                if isinstance(module, nn.Linear):
                    module.weight.copy_(torch.from_numpy(weights[f"{i}.W"].T.copy()))
                    module.bias.copy_(torch.from_numpy(weights[f"{i}.b"].reshape(-1)))
                else:
                    for name, key in (("weight", "gamma"), ("bias", "beta"), ("running_mean", "mean"),
                                      ("running_var", "var")):
                        getattr(module, name).copy_(torch.from_numpy(weights[f"{i}.{key}"].reshape(-1)))


def loss_function(outputs, targets):
    loss = CONFIG["loss"]
    if loss == "categorical-cross-entropy":
        return nn.functional.nll_loss(torch.log(outputs.clamp_min(1e-12)), targets)
    if loss == "binary-cross-entropy":
        probability = outputs[:, 0] if outputs.shape[1] == 1 else outputs[:, 1]
        return nn.functional.binary_cross_entropy(probability.clamp(1e-7, 1 - 1e-7), targets.float())
    if loss == "mae":
        return (outputs - targets).abs().mean()
    return ((outputs - targets) ** 2).mean()


def penalty(network):
    """L1 and L2 penalties on the weights (not the biases): gradient l1 sign(w) + l2 w."""
    reg = CONFIG["regularisation"]
    total = 0.0
    for module in network:
        if isinstance(module, nn.Linear):
            total = total + reg["l1"] * module.weight.abs().sum() + 0.5 * reg["l2"] * (module.weight ** 2).sum()
    return total


class SignDescent(torch.optim.Optimizer):
    """Normalised gradient descent: each step of length lr, along sign(g) or g / ||g||."""

    def __init__(self, params, lr, normalise):
        super().__init__(params, dict(lr=lr, normalise=normalise))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is not None:
                    g = p.grad
                    d = g.sign() if group["normalise"] == "sign" else g / g.norm().clamp_min(1e-12)
                    p.add_(d, alpha=-group["lr"])


def optimizer(network):
    o = CONFIG["optimizer"]
    p = o["params"]
    kind, lr = o["type"], p.get("learningRate", o["defaultLearningRate"])
    params = network.parameters()
    if kind in ("sgd", "gd"):
        return torch.optim.SGD(params, lr=lr)
    if kind in ("momentum", "nesterov"):
        return torch.optim.SGD(params, lr=lr, momentum=p.get("momentum", 0.9), nesterov=kind == "nesterov")
    if kind == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=p.get("rho", 0.9), eps=p.get("epsilon", 1e-8))
    if kind == "adagrad":
        return torch.optim.Adagrad(params, lr=lr, eps=p.get("epsilon", 1e-6))
    if kind == "sign":
        return SignDescent(params, lr, p.get("normalise", "sign"))
    betas = (p.get("beta1", 0.9), p.get("beta2", 0.999))
    if kind == "adamw":
        return torch.optim.AdamW(params, lr=lr, betas=betas, eps=p.get("epsilon", 1e-8),
                                 weight_decay=p.get("weightDecay", 0.01))
    return torch.optim.Adam(params, lr=lr, betas=betas, eps=p.get("epsilon", 1e-8))


def learning_rate_factor(epoch):
    """The optimizer's learning-rate schedule, per epoch from 0."""
    p = CONFIG["optimizer"]["params"]
    schedule = p.get("schedule", "none")
    if schedule == "step":
        return p.get("decayRate", 0.5) ** (epoch // p.get("decayEvery", 10))
    if schedule == "exponential":
        return p.get("decayRate", 0.5) ** epoch
    if schedule == "cosine":
        lr = p.get("learningRate", CONFIG["optimizer"]["defaultLearningRate"])
        low = p.get("minLearningRate", 0.0)
        progress = min(epoch, p.get("cosinePeriod", 50)) / p.get("cosinePeriod", 50)
        return (low + (lr - low) * (1 + math.cos(math.pi * progress)) / 2) / lr
    return 1.0


def tensors(x, y):
    xt = torch.tensor(x, dtype=torch.float32)
    yt = torch.tensor(y, dtype=torch.int64) if CONFIG["task"] == "classification" else \
        torch.tensor(y, dtype=torch.float32)
    return xt, yt


def train(network, x_train, y_train, x_val, y_val):
    """Mini-batch training with the pipeline's epochs, batch size, schedule and early stopping (validation loss)."""
    opt = optimizer(network)
    schedule = torch.optim.lr_scheduler.LambdaLR(opt, learning_rate_factor)
    xt, yt = tensors(x_train, y_train)
    xv, yv = tensors(x_val, y_val)
    batch = CONFIG["batchSize"] if CONFIG["batchSize"] > 0 and CONFIG["optimizer"]["type"] != "gd" else len(xt)
    stop = CONFIG["earlyStopping"]
    best, best_state, waited = math.inf, None, 0
    for epoch in range(CONFIG["epochs"]):
        network.train()
        order = torch.randperm(len(xt))
        for start in range(0, len(xt), batch):
            rows = order[start:start + batch]
            opt.zero_grad()
            loss = loss_function(network(xt[rows]), yt[rows]) + penalty(network)
            loss.backward()
            opt.step()
        schedule.step()
        if stop is None or len(xv) == 0:
            continue
        network.eval()
        with torch.no_grad():
            val = float(loss_function(network(xv), yv))
        if val < best - stop["minDelta"]:
            best, waited = val, 0
            best_state = {k: v.clone() for k, v in network.state_dict().items()}
        else:
            waited += 1
            if waited >= stop["patience"]:
                print(f"early stopping after epoch {epoch + 1}")
                break
    if stop is not None and stop["restoreBest"] and best_state is not None:
        network.load_state_dict(best_state)


def predict(network, x):
    network.eval()
    with torch.no_grad():
        out = network(torch.tensor(x, dtype=torch.float32)).numpy().astype(np.float64)
    if CONFIG["task"] == "classification" and out.shape[1] == 1:
        out = np.hstack([1 - out, out])
    return out


def evaluate(outputs, y):
    """accuracy (classification) or RMSE in the target's units (regression)."""
    if CONFIG["task"] == "classification":
        return "accuracy", float(np.mean(outputs.argmax(axis=1) == y))
    return "rmse", float(np.sqrt(np.mean((outputs - y) ** 2)))


def write_predictions(name, rows, outputs):
    header = ["row"] + ([f"p({c})" for c in CONFIG["classes"]] if CONFIG["task"] == "classification"
                       else CONFIG["targets"])
    with open(os.path.join(HERE, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        for row, out in zip(rows, outputs):
            w.writerow([int(row)] + [repr(float(v)) for v in out])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["cajal", "retrain"])
    parser.add_argument("--summary")
    args = parser.parse_args()
    torch.manual_seed(CONFIG["seed"])
    x, y = read_data()
    split = read_split()
    with open(os.path.join(HERE, "preprocessing.json"), encoding="utf-8") as f:
        cajal_pre = json.load(f)
    test = split["test"] if len(split["test"]) else split["validation"]
    summary = {}
    if args.only != "retrain":
        network = build_network()
        load_cajal_weights(network)
        out = predict(network, encode(cajal_pre, x[test]))
        if CONFIG["task"] == "regression":
            out = (out - np.array(cajal_pre["output"]["offset"])) / np.array(cajal_pre["output"]["scale"])
        metric, value = evaluate(out, y[test])
        print(f"Cajal's weights: test {metric} {value:.6g} on {len(test)} rows")
        write_predictions("predictions-cajal-weights.csv", test, out)
        summary["cajalWeights"] = {"metric": metric, "value": value}
    if args.only != "cajal":
        train_rows, val_rows = split["train"], split["validation"]
        pre = fit_preprocessing(x[train_rows], cajal_pre)
        mean, sd = fit_target_scale(y[train_rows])
        scaled = (lambda t: (t - mean) / sd) if CONFIG["task"] == "regression" else (lambda t: t)
        network = build_network()
        train(network, encode(pre, x[train_rows]), scaled(y[train_rows]), encode(pre, x[val_rows]),
              scaled(y[val_rows]))
        out = predict(network, encode(pre, x[test]))
        if CONFIG["task"] == "regression":
            out = out * sd + mean
        metric, value = evaluate(out, y[test])
        print(f"retrained: test {metric} {value:.6g} on {len(test)} rows")
        write_predictions("predictions-retrained.csv", test, out)
        summary["retrained"] = {"metric": metric, "value": value}
    if args.summary:
        with open(args.summary, "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=2)


if __name__ == "__main__":
    main()
