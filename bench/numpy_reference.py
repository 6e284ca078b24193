"""numpy reference timings for `npm run bench` (bench/run.mjs), the same computations as the rows they sit beside.

    python3 bench/numpy_reference.py panel.json   # panel.json: {"matrices": K×n×n, "replicates": 10000, "runs": 7}

Prints one JSON object: numpy's version, the panel's D − R (`relation`, which bench/run.mjs compares with its own) and
median milliseconds over `runs` runs (after one warm-up run):
  dematel_n10_ms         aggregate (mean) → N = A/λ (λ = max of largest row and column sum) → T = N(I − N)⁻¹ → D, R, D+R, D−R
  dematel_n100_k500_ms   the same on a seeded random panel of 500 experts × 100 components (ratings 0–4)
  bootstrap_loop_ms      `replicates` bootstrap replicates of D − R over experts, one replicate at a time
  bootstrap_batched_ms   the same, batched over replicates (counts @ ratings, stacked solves)
numpy computes D − R only, not the layer statistics (S_trend, S_flow) the JavaScript bootstrap also computes.
"""
import json
import statistics
import sys
import time

import numpy as np


def dematel(matrices, weights=None):
    a = np.average(matrices, axis=0, weights=weights)
    np.fill_diagonal(a, 0.0)
    lam = max(a.sum(axis=1).max(), a.sum(axis=0).max())
    n = a / lam
    eye = np.eye(n.shape[0])
    t = np.linalg.solve((eye - n).T, n.T).T  # T = N (I − N)⁻¹
    d = t.sum(axis=1)
    r = t.sum(axis=0)
    return t, d, r, d + r, d - r


def bootstrap_loop(x, replicates, rng):
    k = x.shape[0]
    out = np.empty((replicates, x.shape[1]))
    for b in range(replicates):
        idx = rng.integers(0, k, size=k)
        _, d, r, _, _ = dematel(x[idx])
        out[b] = d - r
    return out


def bootstrap_batched(x, replicates, rng):
    k, n, _ = x.shape
    counts = np.zeros((replicates, k))
    idx = rng.integers(0, k, size=(replicates, k))
    np.add.at(counts, (np.repeat(np.arange(replicates), k), idx.ravel()), 1.0)
    a = (counts @ x.reshape(k, n * n)).reshape(replicates, n, n) / k
    a[:, np.arange(n), np.arange(n)] = 0.0
    lam = np.maximum(a.sum(axis=2).max(axis=1), a.sum(axis=1).max(axis=1))
    nn = a / lam[:, None, None]
    eye = np.broadcast_to(np.eye(n), nn.shape)
    t = np.swapaxes(np.linalg.solve(np.swapaxes(eye - nn, 1, 2), np.swapaxes(nn, 1, 2)), 1, 2)
    return t.sum(axis=2) - t.sum(axis=1)


def median_ms(fn, runs):
    fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main():
    spec = json.load(open(sys.argv[1]))
    x = np.asarray(spec["matrices"], dtype=float)
    replicates = int(spec.get("replicates", 10000))
    runs = int(spec.get("runs", 7))
    big = np.random.default_rng(1).integers(0, 5, size=(500, 100, 100)).astype(float)
    # Both bootstraps give the same D − R for the same draws (checked here, once).
    loop = bootstrap_loop(x, 50, np.random.default_rng(7))
    batched = bootstrap_batched(x, 50, np.random.default_rng(7))
    if not np.allclose(loop, batched, atol=1e-9):
        raise SystemExit("numpy_reference: the loop and batched bootstraps disagree")
    out = {
        "numpy": np.__version__,
        "relation": dematel(x)[4].tolist(),
        "dematel_n10_ms": median_ms(lambda: dematel(x), max(runs, 51)),
        "dematel_n100_k500_ms": median_ms(lambda: dematel(big), runs),
        "bootstrap_loop_ms": median_ms(lambda: bootstrap_loop(x, replicates, np.random.default_rng(1)), max(3, runs // 2)),
        "bootstrap_batched_ms": median_ms(lambda: bootstrap_batched(x, replicates, np.random.default_rng(1)), runs),
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
