"""The peer jobs of workload W1, each a separate process so that the harness can time it and take its peak RSS.

W1: load the Taobao order export; per day of 订单付款时间 (paid orders only): paid GMV = sum of 买家实际支付金额,
paid orders, distinct buyers (买家会员名), AOV = GMV / buyers, refunds = sum of 退款金额. Every job writes the
same CSV (day,gmv,paid_orders,buyers,aov,refund) so that the harness can compare them.

usage: peers.py JOB ORDERS_CSV OUT_CSV [WORK_FILE]
jobs: reference (Python csv module, exact decimals), duckdb2, duckdb1, pandas_groupby, pandas_tosql
"""
import csv
import sys
from decimal import Decimal

PAID_AT, AMOUNT, BUYER, REFUND = "订单付款时间", "买家实际支付金额", "买家会员名", "退款金额"


def write(out, rows):
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["day", "gmv", "paid_orders", "buyers", "aov", "refund"])
        for day, gmv, orders, buyers, refund in sorted(rows):
            orders, buyers = int(orders), int(buyers)
            aov = (Decimal(gmv) / buyers).quantize(Decimal("0.01")) if buyers else Decimal(0)
            w.writerow([day, f"{Decimal(gmv):.2f}", int(orders), int(buyers), f"{aov:.2f}", f"{Decimal(refund):.2f}"])


def reference(src, out):
    days = {}
    with open(src, encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            r = {k.strip(): v for k, v in r.items()}
            paid = r[PAID_AT].strip()
            if not paid:
                continue
            d = days.setdefault(paid[:10], [Decimal(0), 0, set(), Decimal(0)])
            d[0] += Decimal(r[AMOUNT] or 0)
            d[1] += 1
            d[2].add(r[BUYER])
            d[3] += Decimal(r[REFUND] or 0)
    write(out, [(k, v[0], v[1], len(v[2]), v[3]) for k, v in days.items()])


SQL = """SELECT substr(paid, 1, 10) AS day, SUM(amount), COUNT(*), COUNT(DISTINCT buyer), SUM(refund)
         FROM orders WHERE paid IS NOT NULL AND paid <> '' GROUP BY 1"""


def duckdb_job(src, out, db, threads):
    import duckdb
    con = duckdb.connect(db)
    if threads:
        con.execute(f"SET threads = {threads}")
    con.execute(f"""CREATE TABLE orders AS SELECT "{PAID_AT}"::VARCHAR AS paid, "{AMOUNT}"::DECIMAL(18,2) AS amount,
                    "{BUYER}" AS buyer, "{REFUND}"::DECIMAL(18,2) AS refund
                    FROM read_csv('{src}', header = true, all_varchar = true, normalize_names = false)""")
    write(out, con.execute(SQL).fetchall())


def frame(src):
    import pandas as pd
    df = pd.read_csv(src, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    df.columns = [c.strip() for c in df.columns]
    df = df[[PAID_AT, AMOUNT, BUYER, REFUND]]
    df = df[df[PAID_AT].str.strip() != ""].copy()
    df["day"] = df[PAID_AT].str[:10]
    df["amount"] = df[AMOUNT].astype(float)
    df["refund"] = df[REFUND].replace("", "0").astype(float)
    return df


def pandas_groupby(src, out):
    df = frame(src)
    g = df.groupby("day").agg(gmv=("amount", "sum"), orders=("amount", "size"), buyers=(BUYER, "nunique"), refund=("refund", "sum"))
    write(out, [(d, Decimal(f"{r.gmv:.2f}"), r.orders, r.buyers, Decimal(f"{r.refund:.2f}")) for d, r in g.iterrows()])


def pandas_tosql(src, out, db):
    import sqlite3
    df = frame(src)
    con = sqlite3.connect(db)
    df.rename(columns={PAID_AT: "paid", BUYER: "buyer"})[["paid", "amount", "buyer", "refund"]].to_sql("orders", con, index=False)
    write(out, [(d, Decimal(f"{g:.2f}"), n, b, Decimal(f"{r:.2f}")) for d, g, n, b, r in con.execute(SQL)])
    con.close()


if __name__ == "__main__":
    job, src, out = sys.argv[1:4]
    work = sys.argv[4] if len(sys.argv) > 4 else None
    {"reference": lambda: reference(src, out), "duckdb2": lambda: duckdb_job(src, out, work, 2), "duckdb1": lambda: duckdb_job(src, out, work, 1),
     "pandas_groupby": lambda: pandas_groupby(src, out), "pandas_tosql": lambda: pandas_tosql(src, out, work)}[job]()
