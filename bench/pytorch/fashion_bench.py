#!/usr/bin/python3
"""The PyTorch side of `cajal bench`: trains the bench's Fashion-MNIST networks with plain PyTorch.

The same networks, data and settings as the bench's Cajal and DL4J sides (bench/README.md):

  mlp   dense 256 relu, dense 128 relu, dense 10 (softmax folded into the loss)
  cnn   conv 5x5 32 relu, max-pool 2, conv 5x5 64 relu, max-pool 2, dense 128 relu, dense 10; "valid" padding
  lstm  one LSTM layer of 128 units over the image's 28 rows (28 features per step), the last step's output
        into dense 10

He initialisation (normal, sd sqrt(2 / fan_in)) for relu layers, Xavier (normal, sd sqrt(2 / (fan_in + fan_out)))
for the output layer and the LSTM's weights, zero biases (DL4J's WeightInit.RELU / XAVIER and bias 0); Adam
(lr 1e-3, 0.9, 0.999, 1e-8); batch 128; float32; cross-entropy averaged over the batch; the training examples
shuffled before every epoch; pixels read from the IDX .gz files with gzip + numpy and divided by 255 once.

Prints machine-readable lines only, each starting with "PYBENCH " followed by a kind and key=value pairs (values
have no spaces); the bench's PythonSide parses them:

  PYBENCH config torch=... numpy=... python=... threads=N interop_threads=N mkldnn=0|1 onednn=... blas=...
                 blas_library=... cpu_capability=... env.OMP_NUM_THREADS=... env.OPENBLAS_NUM_THREADS=...
                 env.OPENBLAS_CORETYPE=... env.MKL_NUM_THREADS=...
  PYBENCH data case=mlp train=60000 test=10000 parameters=235146 load_seconds=1.23
  PYBENCH epoch n=1 seconds=3.456 loss=0.5123
  PYBENCH result test_accuracy=0.8712 peak_rss_kib=512345
  PYBENCH error free text            (then exit status 2: bad data; argparse's own usage errors also exit 2)
  PYBENCH missing module=torch       (then exit status 3: PyTorch is not installed)

Run it on its own:  /usr/bin/python3 bench/pytorch/fashion_bench.py --case mlp --epochs 3 --threads 2
"""

import argparse
import gzip
import os
import platform
import resource
import struct
import sys
import time

IMAGES_MAGIC = 0x00000803
LABELS_MAGIC = 0x00000801
TEST_BATCH = 1024


def emit(kind, **values):
    """One machine-readable line; spaces inside values become underscores so that the line splits cleanly."""
    parts = ["PYBENCH", kind]
    for key, value in values.items():
        parts.append("%s=%s" % (key, str(value).replace(" ", "_").replace("\n", "_")))
    print(" ".join(parts), flush=True)


def fail(message):
    print("PYBENCH error " + message.replace("\n", " "), flush=True)
    sys.exit(2)


def idx_file(folder, name):
    for candidate in (name + ".gz", name):
        path = os.path.join(folder, candidate)
        if os.path.isfile(path):
            return path
    fail("no %s.gz (nor %s) in %s; on Debian: apt-get install dataset-fashion-mnist, or pass --folder DIR"
         % (name, name, folder))


def read_idx(path, magic, limit):
    """The items of one IDX file as a uint8 array: (n, rows, cols) for images, (n,) for labels."""
    import numpy as np
    with open(path, "rb") as raw:
        gzipped = raw.read(2) == b"\x1f\x8b"
    opener = gzip.open if gzipped else open
    with opener(path, "rb") as f:
        data = f.read()
    if len(data) < 8 or struct.unpack(">I", data[:4])[0] != magic:
        found = struct.unpack(">I", data[:4])[0] if len(data) >= 4 else -1
        fail("%s is not an IDX file of the expected kind: magic number 0x%x, expected 0x%x" % (path, found, magic))
    count = struct.unpack(">I", data[4:8])[0]
    if magic == IMAGES_MAGIC:
        rows, cols = struct.unpack(">II", data[8:16])
        shape, offset = (count, rows, cols), 16
    else:
        shape, offset = (count,), 8
    array = np.frombuffer(data, dtype=np.uint8, offset=offset)
    if array.size != int(np.prod(shape)):
        fail("%s is truncated: %d values for shape %s" % (path, array.size, shape))
    array = array.reshape(shape)
    return array[:limit] if limit > 0 else array


def read_part(folder, prefix, limit):
    """Images scaled to [0, 1] as float32 (n, 1, 28, 28) and labels as int64 (n,)."""
    import numpy as np
    images = read_idx(idx_file(folder, prefix + "-images-idx3-ubyte"), IMAGES_MAGIC, limit)
    labels = read_idx(idx_file(folder, prefix + "-labels-idx1-ubyte"), LABELS_MAGIC, limit)
    if len(images) != len(labels):
        fail("%s part: %d images but %d labels" % (prefix, len(images), len(labels)))
    x = (images.astype(np.float32) / np.float32(255.0)).reshape(len(images), 1, images.shape[1], images.shape[2])
    return x, labels.astype(np.int64)


def build(case, torch):
    nn = torch.nn

    def he(layer):
        nn.init.kaiming_normal_(layer.weight, mode="fan_in", nonlinearity="relu")
        nn.init.zeros_(layer.bias)
        return layer

    def xavier(layer):
        nn.init.xavier_normal_(layer.weight)
        nn.init.zeros_(layer.bias)
        return layer

    if case == "mlp":
        return nn.Sequential(nn.Flatten(), he(nn.Linear(784, 256)), nn.ReLU(), he(nn.Linear(256, 128)), nn.ReLU(),
                             xavier(nn.Linear(128, 10)))
    if case == "cnn":
        return nn.Sequential(he(nn.Conv2d(1, 32, 5)), nn.ReLU(), nn.MaxPool2d(2, 2),
                             he(nn.Conv2d(32, 64, 5)), nn.ReLU(), nn.MaxPool2d(2, 2), nn.Flatten(),
                             he(nn.Linear(64 * 4 * 4, 128)), nn.ReLU(), xavier(nn.Linear(128, 10)))
    if case == "lstm":
        return RowLstm(torch)
    fail("--case takes mlp, cnn or lstm, not '%s'" % case)


def RowLstm(torch):  # noqa: N802 (a factory: torch is imported late, so the class is made here)
    nn = torch.nn

    class Model(nn.Module):
        """Each image as a sequence of its 28 rows; LSTM 128 (tanh); the last step's output into dense 10."""

        def __init__(self):
            super().__init__()
            self.lstm = nn.LSTM(input_size=28, hidden_size=128, batch_first=True)
            for name, p in self.lstm.named_parameters():
                if name.startswith("weight"):
                    nn.init.xavier_normal_(p)
                else:
                    nn.init.zeros_(p)
            self.out = nn.Linear(128, 10)
            nn.init.xavier_normal_(self.out.weight)
            nn.init.zeros_(self.out.bias)

        def forward(self, x):
            seq = x.reshape(x.shape[0], 28, 28)
            y, _ = self.lstm(seq)
            return self.out(y[:, -1, :])

    return Model()


def config(torch, numpy, threads):
    shown = torch.__config__.show()

    def setting(prefix, end=","):
        at = shown.find(prefix)
        if at < 0:
            return "?"
        rest = shown[at + len(prefix):]
        stop = min([i for i in (rest.find(end), rest.find("\n")) if i >= 0] or [len(rest)])
        return rest[:stop].strip()

    blas_library = "?"
    try:
        with open("/proc/self/maps") as maps:
            libs = sorted({line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line})
        if libs:
            blas_library = ";".join(os.path.realpath(p) for p in libs)
    except OSError:
        pass
    env = {"env." + name: os.environ.get(name, "(unset)") for name in
           ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "OPENBLAS_CORETYPE", "MKL_NUM_THREADS")}
    emit("config", torch=torch.__version__, numpy=numpy.__version__, python=platform.python_version(),
         threads=torch.get_num_threads(), interop_threads=torch.get_num_interop_threads(), requested=threads,
         mkldnn=int(torch.backends.mkldnn.is_available() and torch.backends.mkldnn.enabled),
         onednn=setting("MKL-DNN ", " "), blas=setting("BLAS_INFO="), blas_library=blas_library,
         cpu_capability=setting("CPU capability usage: ", "\n"), **env)


def peak_rss_kib():
    """This process's peak resident size: VmHWM, which starts afresh at exec. (ru_maxrss does not: Linux carries
    the parent's peak across fork and exec, so a child of a 2 GB JVM would report 2 GB.)"""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def accuracy(model, x, y, torch):
    model.eval()
    correct = 0
    with torch.no_grad():
        for start in range(0, len(y), TEST_BATCH):
            predicted = model(x[start:start + TEST_BATCH]).argmax(dim=1)
            correct += int((predicted == y[start:start + TEST_BATCH]).sum())
    model.train()
    return correct / len(y)


def main():
    parser = argparse.ArgumentParser(description="The PyTorch side of cajal bench (see the module docstring).")
    parser.add_argument("--case", default="mlp", choices=["mlp", "cnn", "lstm"])
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--limit", type=int, default=0, help="training examples, the first N; 0 = all")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1,
                        help="torch.set_num_threads and set_num_interop_threads; default the core count")
    parser.add_argument("--folder", default="/usr/share/datasets/fashion-mnist")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--lr", type=float, default=1e-3)
    args = parser.parse_args()
    if args.epochs < 1 or args.threads < 1 or args.batch < 1 or args.limit < 0:
        fail("--epochs, --threads and --batch must be at least 1 and --limit at least 0")

    try:
        import numpy
        import torch
    except ImportError as e:
        emit("missing", module=getattr(e, "name", None) or "torch")
        sys.exit(3)

    # both before any parallel work: the inter-op pool cannot be resized once used
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(args.threads)
    config(torch, numpy, args.threads)

    t0 = time.perf_counter()
    train_x, train_y = read_part(args.folder, "train", args.limit)
    test_x, test_y = read_part(args.folder, "t10k", 0)
    train_x, train_y = torch.from_numpy(train_x), torch.from_numpy(train_y)
    test_x, test_y = torch.from_numpy(test_x), torch.from_numpy(test_y)
    load_seconds = time.perf_counter() - t0

    torch.manual_seed(args.seed)
    model = build(args.case, torch)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, betas=(0.9, 0.999), eps=1e-8)
    loss_fn = torch.nn.CrossEntropyLoss()
    emit("data", case=args.case, train=len(train_y), test=len(test_y),
         parameters=sum(p.numel() for p in model.parameters()), load_seconds="%.3f" % load_seconds)

    order = torch.Generator().manual_seed(args.seed)
    n = len(train_y)
    model.train()
    for epoch in range(1, args.epochs + 1):
        start = time.perf_counter()
        permutation = torch.randperm(n, generator=order)
        total, batches = 0.0, 0
        for first in range(0, n, args.batch):
            idx = permutation[first:first + args.batch]
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(model(train_x[idx]), train_y[idx])
            loss.backward()
            optimizer.step()
            total += loss.item()
            batches += 1
        seconds = time.perf_counter() - start
        emit("epoch", n=epoch, seconds="%.4f" % seconds, loss="%.5f" % (total / batches))

    emit("result", test_accuracy="%.4f" % accuracy(model, test_x, test_y, torch),
         peak_rss_kib=peak_rss_kib())


if __name__ == "__main__":
    main()
