"""Computes the scikit-learn fixtures of the explain bundle's tests, once; the output is committed.

Run with Debian's python3-sklearn (scikit-learn 1.2.1 made the committed file):
    /usr/bin/python3 make_fixtures.py > fixtures.json

Two known model functions (the same formulas are in SklearnFixtureTest.java) stand in for trained models, so the
fixtures compare Cajal's methods with scikit-learn's on the same predictions:
  regression:      f(x) = 3 x1 + 0.5 x2^2 + [0, 1, -1][c] + x1 x2        (x3 unused)
  classification:  softmax(2 x1, x2 + [0, 1, -1][c], 0)                  (x3 unused)
Columns: x1, x2, x3 uniform on [-1, 1]; c a category 0, 1 or 2.

permutation_importance shuffles a column cumulatively (repeat r shuffles the column that repeat r-1 left), with one
RandomState per feature seeded alike; the effective row orders are rebuilt here and written out, so the Java test
feeds the same orders to Cajal's method, and checked here to reproduce scikit-learn's importances.
"""
import json

import numpy as np
import sklearn
from sklearn.base import BaseEstimator, ClassifierMixin, RegressorMixin
from sklearn.inspection import partial_dependence, permutation_importance
from sklearn.utils import check_random_state

EFFECT = np.array([0.0, 1.0, -1.0])


def regression(X):
    c = X[:, 3].astype(int)
    return 3 * X[:, 0] + 0.5 * X[:, 1] ** 2 + EFFECT[c] + X[:, 0] * X[:, 1]


def probabilities(X):
    c = X[:, 3].astype(int)
    z = np.stack([2 * X[:, 0], X[:, 1] + EFFECT[c], np.zeros(len(X))], axis=1)
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class Regressor(RegressorMixin, BaseEstimator):
    def fit(self, X, y):
        self.fitted_ = True
        return self

    def predict(self, X):
        return regression(np.asarray(X, dtype=float))


class Classifier(ClassifierMixin, BaseEstimator):
    def fit(self, X, y):
        self.classes_ = np.array([0, 1, 2])
        return self

    def predict_proba(self, X):
        return probabilities(np.asarray(X, dtype=float))

    def predict(self, X):
        return self.predict_proba(X).argmax(axis=1)


def effective_orders(n, repeats, random_state):
    seed = check_random_state(random_state).randint(np.iinfo(np.int32).max + 1)
    rs = check_random_state(seed)
    idx = np.arange(n)
    eff = np.arange(n)
    out = []
    for _ in range(repeats):
        rs.shuffle(idx)
        eff = eff[idx]
        out.append(eff.tolist())
    return out


def importance(est, X, y, scoring, repeats):
    r = permutation_importance(est, X, y, scoring=scoring, n_repeats=repeats, random_state=0)
    return {"scoring": scoring, "mean": r.importances_mean.tolist(), "std": r.importances_std.tolist(),
            "values": r.importances.tolist()}


def pdp(est, X, feature, categorical):
    r = partial_dependence(est, X, [feature], kind="both", grid_resolution=7, percentiles=(0, 1), method="brute",
                           categorical_features=[3] if categorical else None)
    return {"feature": feature, "grid": r["values"][0].tolist(), "average": r["average"].tolist(),
            "individual": r["individual"].tolist()}


def main():
    rng = np.random.RandomState(7)
    n, repeats = 30, 5
    X = np.column_stack([rng.uniform(-1, 1, (n, 3)), rng.randint(0, 3, n)]).astype(float)
    y_reg = regression(X) + rng.normal(0, 0.1, n)
    p = probabilities(X)
    y_cls = np.array([rng.choice(3, p=row) for row in p])
    reg = Regressor().fit(X, y_reg)
    cls = Classifier().fit(X, y_cls)
    orders = effective_orders(n, repeats, 0)
    # the rebuilt orders reproduce scikit-learn's importances
    base = np.sqrt(np.mean((regression(X) - y_reg) ** 2))
    check = permutation_importance(reg, X, y_reg, scoring="neg_root_mean_squared_error", n_repeats=repeats,
                                   random_state=0).importances
    for j in range(4):
        for r, order in enumerate(orders):
            Xp = X.copy()
            Xp[:, j] = X[order, j]
            mine = np.sqrt(np.mean((regression(Xp) - y_reg) ** 2)) - base
            assert abs(mine - check[j, r]) < 1e-12, (j, r, mine, check[j, r])
    out = {
        "sklearn": sklearn.__version__,
        "X": X.tolist(), "yRegression": y_reg.tolist(), "yClass": y_cls.tolist(), "orders": orders,
        "regression": {
            "importance": [importance(reg, X, y_reg, s, repeats) for s in
                           ("neg_root_mean_squared_error", "r2", "neg_mean_absolute_error")],
            "pdp": [pdp(reg, X, j, j == 3) for j in range(4)],
        },
        "classification": {
            "importance": [importance(cls, X, y_cls, s, repeats) for s in ("accuracy", "neg_log_loss")],
            "pdp": [pdp(cls, X, j, j == 3) for j in range(4)],
        },
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
