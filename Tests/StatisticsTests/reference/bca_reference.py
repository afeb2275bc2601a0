"""Reference for BootstrapTests: the BCa interval re-implemented in Python with the SAME
pseudo-random generator (SplitMix64) and the SAME resampling order as Sources/Statistics/Bootstrap.swift,
then cross-checked against SciPy's own BCa formula (scipy.stats._resampling._bca_interval) applied to
the same bootstrap replicates.

Run:  /tmp/scipy-venv/bin/python Tests/StatisticsTests/reference/bca_reference.py

Resampling order: one SplitMix64 seeded with `seed`; for each resample b = 0 … B−1, for each
position i = 0 … n−1, index = next_index(n) and resample[i] = sample[index]; the statistic of the
resample is recorded. next_index(n) rejects draws below 2**64 mod n and returns draw mod n.
"""
import math

import numpy as np
from scipy.special import ndtr, ndtri

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def next_index(self, bound):
        threshold = (1 << 64) % bound
        while True:
            draw = self.next()
            if draw >= threshold:
                return draw % bound


def mean(values):
    # Summed left to right, as Descriptive.mean does, so the replicates agree to the last bit.
    total = 0.0
    for v in values:
        total += v
    return total / len(values)


def median(values):
    s = sorted(values)
    m = len(s) // 2
    return s[m] if len(s) % 2 else (s[m - 1] + s[m]) / 2


def replicates(sample, statistic, resamples, seed):
    rng = SplitMix64(seed)
    n = len(sample)
    out = []
    for _ in range(resamples):
        out.append(statistic([sample[rng.next_index(n)] for _ in range(n)]))
    return out


def bca(sample, statistic, resamples, seed, confidence):
    n = len(sample)
    theta = statistic(sample)
    reps = replicates(sample, statistic, resamples, seed)
    below = sum(1 for v in reps if v < theta)
    at_or_below = sum(1 for v in reps if v <= theta)
    z0 = ndtri((below + at_or_below) / (2 * resamples))
    jack = [statistic(sample[:i] + sample[i + 1:]) for i in range(n)]
    jmean = mean(jack)
    num = sum((jmean - v) ** 3 for v in jack)
    den = sum((jmean - v) ** 2 for v in jack)
    a = num / (6 * den ** 1.5) if den > 0 else 0.0
    alpha = (1 - confidence) / 2
    zl = ndtri(alpha)
    zh = -zl

    def adjusted(z):
        s = z0 + z
        return ndtr(z0 + s / (1 - a * s))

    a1, a2 = adjusted(zl), adjusted(zh)
    lo, hi = np.quantile(reps, [a1, a2], method="linear")
    return theta, float(lo), float(hi), z0, a, reps


def scipy_cross_check(sample, statistic_np, reps, confidence):
    """SciPy's own BCa formula on the same replicates (a private function: skipped if it moves)."""
    try:
        from scipy.stats._resampling import _bca_interval
        import scipy._lib.array_api_compat.numpy as xp
    except Exception as error:  # pragma: no cover
        return f"skipped ({error})"
    data = (np.asarray(sample),)
    theta_b = np.asarray(reps)
    a1, a2, a_hat = _bca_interval(data, statistic_np, axis=-1, alpha=(1 - confidence) / 2,
                                  theta_hat_b=theta_b, batch=None, xp=xp)
    lo, hi = np.percentile(theta_b, [float(a1) * 100, float(a2) * 100])
    return float(lo), float(hi), float(a_hat)


sample20 = [4.1, 5.3, 3.8, 6.0, 5.5, 4.9, 7.2, 5.1, 4.4, 6.3, 5.8, 3.9, 5.0, 6.7, 4.6, 5.2, 5.9, 4.8, 6.1, 5.4]
skewed15 = [1.0, 1.0, 2.0, 2.0, 2.0, 3.0, 3.0, 4.0, 5.0, 5.0, 7.0, 9.0, 12.0, 15.0, 30.0]

for seed in [0, 20250601]:
    rng = SplitMix64(seed)
    print(f"SplitMix64({seed}) first three: {[hex(rng.next()) for _ in range(3)]}")

def along(statistic):
    # SciPy calls the statistic with an `axis`; apply ours along it. (np.mean would sum pairwise
    # and can differ in the last bit: with sample20 it gives 5.300000000000001 instead of 5.3,
    # which changes how many replicates count as ties with the estimate, and so z0.)
    return lambda x, axis: np.apply_along_axis(lambda row: statistic(list(row)), axis, x)


for label, sample, stat, B, seed, conf in [
    ("mean of sample20, B=2000, seed=20250601, 95%", sample20, mean, 2000, 20250601, 0.95),
    ("mean of skewed15, B=1000, seed=7, 90%", skewed15, mean, 1000, 7, 0.90),
    ("median of skewed15, B=999, seed=7, 95%", skewed15, median, 999, 7, 0.95),
]:
    stat_np = along(stat)
    theta, lo, hi, z0, a, reps = bca(sample, stat, B, seed, conf)
    print(f"\n{label}")
    print(f"  estimate = {theta!r}\n  low = {lo!r}\n  high = {hi!r}\n  z0 = {float(z0)!r}\n  a = {a!r}")
    print(f"  first replicates = {reps[:3]!r}")
    print(f"  scipy _bca_interval on the same replicates (low, high, a_hat) = {scipy_cross_check(sample, stat_np, reps, conf)}")
