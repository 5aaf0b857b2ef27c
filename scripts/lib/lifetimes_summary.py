#!/usr/bin/env python3
"""The lifetimes package's own summary_data_from_transaction_data (freq='D'), for the tests of CustomerRFM: reads CSV
rows "customer,day (YYYY-MM-DD),amount_minor" on stdin and prints, per customer with a purchase on or before END
(argv[1]), "customer,frequency,recency,T,monetary_value" with the monetary value (the mean of the repeat days'
totals, in minor units) to six decimals, sorted by customer. Exits 3 when lifetimes is not installed."""
import sys

try:
    import pandas
    from lifetimes.utils import summary_data_from_transaction_data
except ImportError:
    sys.exit(3)

frame = pandas.read_csv(sys.stdin, header=None, names=["customer", "day", "amount"], dtype={"customer": str, "day": str})
frame["day"] = pandas.to_datetime(frame["day"])
end = pandas.Timestamp(sys.argv[1])
summary = summary_data_from_transaction_data(frame, "customer", "day", monetary_value_col="amount",
                                             observation_period_end=end, freq="D")
for customer, row in sorted(summary.iterrows(), key=lambda item: item[0].encode()):
    print(f"{customer},{int(row.frequency)},{int(row.recency)},{int(row['T'])},{row.monetary_value:.6f}")
