"""Reference values for Tests/StatisticsTests, from SciPy / NumPy / statsmodels.

Run:  python3 -m venv /tmp/scipy-venv && /tmp/scipy-venv/bin/pip install scipy numpy statsmodels
      /tmp/scipy-venv/bin/python Tests/StatisticsTests/reference/make_reference.py

Every number printed here is written as a literal in the Swift tests (with repr, i.e. all 17
significant digits). The data sets are the same literals as in the tests.
"""
import numpy as np
import scipy
import statsmodels
from scipy import stats, special
from statsmodels.stats.proportion import proportion_confint

print(f"# numpy {np.__version__}, scipy {scipy.__version__}, statsmodels {statsmodels.__version__}")


def show(label, value):
    if isinstance(value, (list, tuple, np.ndarray)):
        print(f"{label} = [{', '.join(repr(float(v)) for v in value)}]")
    else:
        print(f"{label} = {float(value)!r}")


# --- DescriptiveTests -------------------------------------------------------------------------
odd = [3.1, -1.2, 4.7, 0.5, 2.2, 9.8, 5.5]
even = [2.5, 7.0, 1.0, 4.0, 4.0, 10.5]
ps = [0.0, 0.1, 0.25, 0.5, 0.9, 0.975, 1.0]
print("\n## Descriptive")
show("odd mean (np.mean)", np.mean(odd))
show("odd sd (np.std ddof=1)", np.std(odd, ddof=1))
show("odd median (np.median)", np.median(odd))
show("even median (np.median)", np.median(even))
show("odd quantiles at ps (np.quantile, method='linear')", np.quantile(odd, ps, method="linear"))
show("even quantiles at ps (np.quantile, method='linear')", np.quantile(even, ps, method="linear"))

# --- DistributionTests ------------------------------------------------------------------------
print("\n## Normal")
xs = [-8.0, -1.96, 0.0, 0.5, 3.0]
show("normal cdf at xs (scipy.special.ndtr)", special.ndtr(xs))
qs = [1e-10, 0.025, 0.5, 0.8, 0.975, 1 - 1e-9]
show("normal quantile at qs (scipy.special.ndtri)", special.ndtri(qs))

print("\n## Student t")
cases = [(0.5, 3.0), (-2.1, 7.0), (2.262157, 9.0), (10.0, 2.0), (-40.0, 5.0), (1.0, 1.0), (0.01, 200.0), (3.5, 30.5)]
show("t cdf (scipy.stats.t.cdf)", [stats.t.cdf(t, df) for t, df in cases])
show("two-sided p 2*t.sf(|t|)", [2 * stats.t.sf(abs(t), df) for t, df in cases])
qcases = [(0.975, 1.0), (0.975, 2.0), (0.975, 4.0), (0.975, 9.0), (0.975, 17.0), (0.975, 29.0), (0.975, 100.0), (0.001, 5.0), (0.6, 3.5)]
show("t quantile (scipy.stats.t.ppf)", [stats.t.ppf(p, df) for p, df in qcases])

# --- PairedTTestTests -------------------------------------------------------------------------
print("\n## Paired t")
before = np.array([12, 15, 11, 18, 14, 9, 16, 13, 10, 17, 12, 14], dtype=float)
after = np.array([14, 18, 11, 21, 13, 12, 19, 15, 13, 18, 15, 16], dtype=float)
r = stats.ttest_rel(after, before)
d = after - before
n = len(d)
se = np.std(d, ddof=1) / np.sqrt(n)
show("ttest_rel(after, before).statistic", r.statistic)
show("ttest_rel(after, before).pvalue", r.pvalue)
show("mean(d)", np.mean(d))
show("std(d, ddof=1)", np.std(d, ddof=1))
show("t.interval(0.95, n-1, loc=mean, scale=sd/sqrt(n))", stats.t.interval(0.95, n - 1, loc=np.mean(d), scale=se))
dz = np.mean(d) / np.std(d, ddof=1)
show("dz", dz)
show("gz = dz*(1-3/(4(n-1)-1))", dz * (1 - 3 / (4 * (n - 1) - 1)))
w = stats.wilcoxon(d, zero_method="wilcox", correction=True, method="asymptotic")
show("wilcoxon(d, wilcox, correction, asymptotic).pvalue", w.pvalue)
show("median(before), median(after)", [np.median(before), np.median(after)])

before2 = np.array([3.25, 2.5, 4.0, 3.75, 2.0], dtype=float)
after2 = np.array([3.0, 3.5, 4.5, 3.5, 3.25], dtype=float)
r2 = stats.ttest_rel(after2, before2)
d2 = after2 - before2
se2 = np.std(d2, ddof=1) / np.sqrt(len(d2))
show("small: ttest_rel statistic", r2.statistic)
show("small: ttest_rel pvalue", r2.pvalue)
show("small: t.interval", stats.t.interval(0.95, len(d2) - 1, loc=np.mean(d2), scale=se2))

# --- WilcoxonTests ----------------------------------------------------------------------------
print("\n## Wilcoxon")
d8 = np.array([1.5, -0.3, 2.7, 0.8, -1.1, 3.2, 0.45, 2.05])
r8 = stats.wilcoxon(d8, method="exact")
rk = stats.rankdata(np.abs(d8))
show("n=8 exact: W+", rk[d8 > 0].sum())
show("n=8 exact: statistic min(W+,W-)", r8.statistic)
show("n=8 exact: pvalue", r8.pvalue)

d25 = np.array([2, -1, 0, 3, 1, 2, -2, 0, 4, 1, 1, -3, 2, 5, 0, 3, -1, 2, 1, 4, -2, 3, 1, 2, 6], dtype=float)
r25 = stats.wilcoxon(d25, zero_method="wilcox", correction=True, method="asymptotic")
nz = d25[d25 != 0]
rk = stats.rankdata(np.abs(nz))
show("n=25 ties+zeros: W+", rk[nz > 0].sum())
show("n=25 ties+zeros: W-", rk[nz < 0].sum())
show("n=25 ties+zeros: pvalue (asymptotic, correction)", r25.pvalue)


def fifty(count):
    out = []
    for i in range(count):
        magnitude = (i + 1) + 0.25 * (i % 3)
        sign = -1.0 if (i * 7) % 5 < 2 else 1.0
        out.append(sign * magnitude)
    return np.array(out)


d50 = fifty(50)
r50 = stats.wilcoxon(d50, method="exact")
rk = stats.rankdata(np.abs(d50))
show("n=50 exact: W+", rk[d50 > 0].sum())
show("n=50 exact: pvalue", r50.pvalue)
d51 = fifty(51)
r51 = stats.wilcoxon(d51, zero_method="wilcox", correction=True, method="asymptotic")
rk = stats.rankdata(np.abs(d51))
show("n=51 normal: W+", rk[d51 > 0].sum())
show("n=51 normal: pvalue", r51.pvalue)

# --- WilsonTests ------------------------------------------------------------------------------
print("\n## Wilson (statsmodels proportion_confint method='wilson')")
for x, n, conf in [(14, 18, 0.95), (0, 10, 0.95), (10, 10, 0.95), (45, 120, 0.90), (1, 3, 0.99)]:
    lo, hi = proportion_confint(x, n, alpha=1 - conf, method="wilson")
    show(f"wilson({x}, {n}, {conf})", [lo, hi])

# --- PairedAnalysisTests (lower is better) -----------------------------------------------------
print("\n## ANXIETY, lower is better")
ab = np.array([3.5, 4.0, 2.75, 3.25, 4.5, 3.0, 3.75, 2.5, 4.25, 3.5])
aa = np.array([2.75, 3.25, 2.5, 3.5, 3.5, 2.25, 3.0, 2.5, 3.25, 2.75])
da = aa - ab
ra = stats.wilcoxon(da, zero_method="wilcox", correction=True, method="asymptotic")
nz = da[da != 0]
rk = stats.rankdata(np.abs(nz))
show("anxiety: W+, W-", [rk[nz > 0].sum(), rk[nz < 0].sum()])
show("anxiety: wilcoxon pvalue", ra.pvalue)
show("anxiety: mean change", np.mean(da))
show("anxiety: ttest_rel", [stats.ttest_rel(aa, ab).statistic, stats.ttest_rel(aa, ab).pvalue])

# --- PairedAnalysisTests (then → after, response shift) ----------------------------------------
print("\n## Perceived change (then → after) and response shift, on the Paired t sample")
then = np.array([11, 14, 10, 17, 13, 9, 15, 12, 10, 16, 12, 13], dtype=float)
dp = after - then
rp = stats.ttest_rel(after, then)
wp = stats.wilcoxon(dp, zero_method="wilcox", correction=True, method="asymptotic")
show("perceived: mean change, sd", [np.mean(dp), np.std(dp, ddof=1)])
show("perceived: ttest_rel", [rp.statistic, rp.pvalue])
show("perceived: wilcoxon pvalue", wp.pvalue)
show("response shift mean(before - then)", np.mean(before - then))
