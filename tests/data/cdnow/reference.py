#!/usr/bin/python3
"""Reference values for tst_bgnbd and tst_gammagamma, computed independently of the C++ code with SciPy.

Fits BG/NBD (Fader, Hardie & Lee 2005) and Gamma-Gamma (Fader, Hardie & Lee 2005, "RFM and CLV") on the CDNOW
calibration summary by maximum likelihood, as the `lifetimes` library does (Nelder-Mead on the logarithms of the
parameters), then evaluates the published formulas for a handful of customers with the published parameters
(so that the tests of the predictions do not depend on the fit).
The printed values are copied into the tests.
Run: /usr/bin/python3 tests/data/cdnow/reference.py (Debian's python3-scipy).
"""
import csv
import math
import os

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit, gammaln, hyp2f1

HERE = os.path.dirname(os.path.abspath(__file__))
rows = list(csv.DictReader(open(os.path.join(HERE, "cdnow_customers_summary_with_transactions.csv"))))
ids = np.array([int(r["ID"]) for r in rows])
x = np.array([float(r["x"]) for r in rows])
tx = np.array([float(r["t_x"]) for r in rows])
T = np.array([float(r["T"]) for r in rows])
zbar = np.array([float(r["zbar"]) for r in rows])


def bgnbd_ll(r, alpha, a, b, x, tx, T):
    """Equation (6) of the paper, in logarithms."""
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    a3 = -(r + x) * np.log(alpha + T)
    a4 = np.where(x > 0, np.log(a) - np.log(b + np.maximum(x, 1) - 1) - (r + x) * np.log(alpha + tx), -np.inf)
    return a1 + a2 + np.logaddexp(a3, a4)


def gg_ll(p, q, v, x, m):
    """The Gamma-Gamma likelihood of the mean spend m of x transactions (Fader & Hardie's note, eq. 1-4)."""
    return (gammaln(p * x + q) - gammaln(p * x) - gammaln(q) + q * np.log(v) + (p * x - 1) * np.log(m)
            + (p * x) * np.log(x) - (p * x + q) * np.log(x * m + v))


def fit(nll, n):
    best = minimize(nll, np.zeros(n), method="Nelder-Mead", options={"xatol": 1e-10, "fatol": 1e-12,
                                                                         "maxiter": 20000, "maxfev": 40000})
    return np.exp(best.x), best.fun


def expected(t, r, alpha, a, b, x, tx, T):
    """Equation (10) of the paper: expected purchases in (T, T + t] given (x, t_x, T)."""
    z = t / (alpha + T + t)
    hyp = hyp2f1(r + x, b + x, a + b + x - 1, z)
    first = (a + b + x - 1) / (a - 1) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp)
    denominator = 1 + (x > 0) * a / (b + max(x, 1) - 1) * ((alpha + T) / (alpha + tx)) ** (r + x)
    return first / denominator


def alive(r, alpha, a, b, x, tx, T):
    """P(alive | x, t_x, T), equation (A10) of the note 'Computing P(alive) using the BG/NBD model'."""
    if x == 0:
        return 1.0
    return expit(-((r + x) * math.log((alpha + T) / (alpha + tx)) + math.log(a / (b + x - 1))))


def average_value(p, q, v, x, m):
    """Equation (5) of Fader & Hardie's Gamma-Gamma note: E(M | p, q, gamma, mean m of x transactions)."""
    weight = p * x / (p * x + q - 1)
    return (1 - weight) * v * p / (q - 1) + weight * m


bg, bg_nll = fit(lambda lp: -bgnbd_ll(*np.exp(lp), x, tx, T).sum(), 4)
print("BG/NBD fit r=%.10f alpha=%.10f a=%.10f b=%.10f  -LL=%.6f" % (*bg, bg_nll))
repeat = x > 0
gg, gg_nll = fit(lambda lp: -gg_ll(*np.exp(lp), x[repeat], zbar[repeat]).sum(), 3)
print("Gamma-Gamma fit on %d repeat buyers p=%.10f q=%.10f gamma=%.10f  -LL=%.6f" % (repeat.sum(), *gg, gg_nll))

published_bg = (0.243, 4.414, 0.793, 2.426)
published_gg = (6.25, 3.74, 15.44)
print("\nWith the published parameters, t = 39 weeks:")
print("ID, x, t_x, T, zbar, E[X(39)], P(alive), E[M]")
for customer in (1, 2, 3, 17, 157, 1516, 2357):
    i = int(np.where(ids == customer)[0][0])
    print("%d, %g, %g, %g, %g, %.12g, %.12g, %.12g" % (
        customer, x[i], tx[i], T[i], zbar[i], expected(39.0, *published_bg, x[i], tx[i], T[i]),
        alive(*published_bg, x[i], tx[i], T[i]), average_value(*published_gg, x[i], zbar[i])))

print("\nEdge cases with the published parameters:")
print("no repeat, T=1e6: E[X(39)] = %.12g" % expected(39.0, *published_bg, 0, 0, 1e6, ))
print("x=5 t_x=30 T=1e6: E[X(39)] = %.12g, P(alive) = %.12g" % (
    expected(39.0, *published_bg, 5, 30, 1e6), alive(*published_bg, 5, 30, 1e6)))
print("x=40 t_x=38 T=39, t=5200: E[X] = %.12g" % expected(5200.0, *published_bg, 40, 38, 39))


def lifetime_value(bg, gg, x, tx, T, m, months=12, discount=0.01, units_per_month=4.345):
    """lifetimes' _customer_lifetime_value: monthly increments of E[X], times E[M], discounted per month."""
    value = average_value(*gg, x, m)
    total = 0.0
    for month in range(1, months + 1):
        step = expected(month * units_per_month, *bg, x, tx, T) - (
            expected((month - 1) * units_per_month, *bg, x, tx, T) if month > 1 else 0.0)
        total += value * step / (1 + discount) ** month
    return total


print("\nLifetime value with the published parameters, 12 months of 4.345 weeks at 1 % a month:")
for customer in (1, 3, 17, 1516):
    i = int(np.where(ids == customer)[0][0])
    print("%d: %.12g" % (customer, lifetime_value(published_bg, published_gg, x[i], tx[i], T[i], zbar[i])))
print("1: 24 months at 0 %%: %.12g" % lifetime_value(published_bg, published_gg, 2, 30.43, 38.86, 22.35, 24, 0.0))


def series(a, b, c, z):
    """2F1 summed in 60-digit decimals, to check SciPy where the series' terms reach 1e84."""
    from decimal import Decimal, getcontext
    getcontext().prec = 60
    a, b, c, z = (Decimal(repr(v)) for v in (a, b, c, z))
    term, total, n = Decimal(1), Decimal(1), 0
    while n < 100 or abs(term) > total * Decimal("1e-40"):
        term = term * (a + n) * (b + n) / ((c + n) * (n + 1)) * z
        total += term
        n += 1
    return float(total)


r, alpha, a, b = published_bg
z = 5200.0 / (alpha + 39 + 5200.0)
print("\n2F1 of x=40 t_x=38 T=39, t=5200: scipy %.15g, 60-digit series %.15g" % (
    hyp2f1(r + 40, b + 40, a + b + 39, z), series(r + 40, b + 40, a + b + 39, z)))
