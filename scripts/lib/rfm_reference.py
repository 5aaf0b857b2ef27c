#!/usr/bin/env python3
"""An independent implementation of the lifetimes package's summary_data_from_transaction_data (freq='D'), for the
tests of CustomerRFM: reads CSV rows "customer,day (YYYY-MM-DD),amount_minor" on stdin and prints, per customer with a
purchase on or before END (argv[1]), "customer,frequency,recency,T,repeat_total_minor,total_minor", sorted by customer.
Purchases on one day are one purchase; frequency is the number of purchase days minus one; recency the days from the
first to the last purchase day; T the days from the first purchase day to END; the repeat total adds up the days after
the first (lifetimes' monetary_value is that total divided by frequency, 0 without repeats)."""
import collections
import csv
import datetime
import sys

end = datetime.date.fromisoformat(sys.argv[1])
days = collections.defaultdict(lambda: collections.defaultdict(int))
for customer, day, amount in csv.reader(sys.stdin):
    date = datetime.date.fromisoformat(day)
    if date <= end:
        days[customer][date] += int(amount)
out = csv.writer(sys.stdout, lineterminator="\n")
for customer in sorted(days):
    totals = days[customer]
    ordered = sorted(totals)
    first, last = ordered[0], ordered[-1]
    repeat = sum(totals[d] for d in ordered[1:])
    out.writerow([customer, len(ordered) - 1, (last - first).days, (end - first).days, repeat, repeat + totals[first]])
