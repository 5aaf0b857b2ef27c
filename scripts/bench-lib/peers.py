"""The peer jobs of workload W1, each a separate process so that the harness can time it and take its peak RSS.

W1: load the Taobao order export; per day of 订单付款时间 (paid orders only): paid GMV = sum of 买家实际支付金额,
paid orders, distinct buyers (买家会员名), AOV = GMV / buyers, refunds = sum of 退款金额. Every job writes the
same CSV (day,gmv,paid_orders,buyers,aov,refund) so that the harness can compare them.

W2: the same order export joined with its item export (宝贝报表) on 订单编号; per SKU (商家编码) of the lines of paid
orders: units = sum of 购买数量, revenue = sum of 价格 x 购买数量. Every W2 job writes sku,units,revenue.

usage: peers.py JOB ORDERS_CSV OUT_CSV [WORK_FILE] [ITEMS_CSV]
jobs: reference (Python csv module, exact decimals), duckdb2, duckdb1, pandas_groupby, pandas_tosql;
      w2_reference, w2_duckdb2, w2_duckdb1, w2_pandas (with ITEMS_CSV)
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


ORDER_ID, SKU, PRICE, QUANTITY = "订单编号", "商家编码", "价格", "购买数量"


def write_w2(out, rows):
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["sku", "units", "revenue"])
        for sku, units, revenue in sorted(rows):
            w.writerow([sku, int(units), f"{Decimal(revenue):.2f}"])


def w2_reference(src, items, out):
    paid = set()
    with open(src, encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            r = {k.strip(): v for k, v in r.items()}
            if r[PAID_AT].strip():
                paid.add(r[ORDER_ID].strip())
    skus = {}
    with open(items, encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            r = {k.strip(): v for k, v in r.items()}
            if r[ORDER_ID].strip() not in paid:
                continue
            s = skus.setdefault(r[SKU].strip(), [0, Decimal(0)])
            s[0] += int(r[QUANTITY])
            s[1] += Decimal(r[PRICE]) * int(r[QUANTITY])
    write_w2(out, [(k, v[0], v[1]) for k, v in skus.items()])


def w2_duckdb(src, items, out, db, threads):
    import duckdb
    con = duckdb.connect(db)
    con.execute(f"SET threads = {threads}")
    con.execute(f"""CREATE TABLE orders AS SELECT "{ORDER_ID}" AS order_id, "{PAID_AT}"::VARCHAR AS paid
                    FROM read_csv('{src}', header = true, all_varchar = true, normalize_names = false)""")
    con.execute(f"""CREATE TABLE lines AS SELECT "{ORDER_ID}" AS order_id, "{SKU}" AS sku, "{PRICE}"::DECIMAL(18,2) AS price,
                    "{QUANTITY}"::BIGINT AS quantity FROM read_csv('{items}', header = true, all_varchar = true, normalize_names = false)""")
    write_w2(out, con.execute("""SELECT l.sku, SUM(l.quantity), SUM(l.price * l.quantity) FROM lines l JOIN orders o USING (order_id)
                                 WHERE o.paid IS NOT NULL AND o.paid <> '' GROUP BY l.sku""").fetchall())


def w2_pandas(src, items, out):
    import pandas as pd
    orders = pd.read_csv(src, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    orders.columns = [c.strip() for c in orders.columns]
    orders = orders[orders[PAID_AT].str.strip() != ""][[ORDER_ID]]
    lines = pd.read_csv(items, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    lines.columns = [c.strip() for c in lines.columns]
    lines = lines.merge(orders, on=ORDER_ID)
    lines["quantity"] = lines[QUANTITY].astype(int)
    lines["value"] = lines[PRICE].astype(float) * lines["quantity"]
    g = lines.groupby(SKU).agg(units=("quantity", "sum"), revenue=("value", "sum"))
    write_w2(out, [(sku, r.units, Decimal(f"{r.revenue:.2f}")) for sku, r in g.iterrows()])


if __name__ == "__main__":
    job, src, out = sys.argv[1:4]
    work = sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] else None
    items = sys.argv[5] if len(sys.argv) > 5 else None
    {"reference": lambda: reference(src, out), "duckdb2": lambda: duckdb_job(src, out, work, 2), "duckdb1": lambda: duckdb_job(src, out, work, 1),
     "pandas_groupby": lambda: pandas_groupby(src, out), "pandas_tosql": lambda: pandas_tosql(src, out, work),
     "w2_reference": lambda: w2_reference(src, items, out), "w2_duckdb2": lambda: w2_duckdb(src, items, out, work, 2),
     "w2_duckdb1": lambda: w2_duckdb(src, items, out, work, 1), "w2_pandas": lambda: w2_pandas(src, items, out)}[job]()
