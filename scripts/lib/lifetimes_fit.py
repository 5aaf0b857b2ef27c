#!/usr/bin/env python3
"""The lifetimes package's BG/NBD and Gamma-Gamma fits, for the tests of StoreOps' own (StoreOpsCore's BetaGeoModel
and GammaGammaModel): reads CSV rows "frequency,recency,T,monetary_value" on stdin (daily periods, as
summary_data_from_transaction_data gives them) and prints "r,alpha,a,b" then "p,q,v", each as repr floats. The
Gamma-Gamma model is fitted on the customers with repeat purchases and a positive monetary value, as lifetimes'
documentation does. Exits 3 when lifetimes is not installed."""
import csv
import sys

try:
    from lifetimes import BetaGeoFitter, GammaGammaFitter
except ImportError:
    sys.exit(3)
import numpy

rows = [(int(f), int(r), int(t), float(m)) for f, r, t, m in csv.reader(sys.stdin)]
frequency = numpy.array([row[0] for row in rows])
recency = numpy.array([row[1] for row in rows], dtype=float)
tenure = numpy.array([row[2] for row in rows], dtype=float)
bg = BetaGeoFitter().fit(frequency, recency, tenure)
print(",".join(repr(float(bg.params_[k])) for k in ("r", "alpha", "a", "b")))
repeat = [row for row in rows if row[0] > 0 and row[3] > 0]
gg = GammaGammaFitter().fit(numpy.array([row[0] for row in repeat]), numpy.array([row[3] for row in repeat]))
print(",".join(repr(float(gg.params_[k])) for k in ("p", "q", "v")))
