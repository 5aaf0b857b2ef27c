#!/usr/bin/env python3
"""An independent reading of the UCI Online Retail sample for the customer-report tests: reads the XLSX (argv[1]) with
zipfile and ElementTree, makes one purchase per invoice with a positive line (day: the invoice date's calendar day;
amount: the positive lines' quantity x unit price rounded half up to pence; cancellations and negative lines are
returns, not purchases; an invoice without a CustomerID is a guest's, a customer of its own, as StoreOps imports
it), and prints per customer with a purchase on or before END (argv[2])
"frequency,recency,T,repeat_total_pence,total_pence" as the lifetimes package's summary_data_from_transaction_data
(freq='D') defines them, sorted. The customer ids are left out: StoreOps keeps only pseudonyms."""
import collections
import datetime
import decimal
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
path, end = sys.argv[1], datetime.date.fromisoformat(sys.argv[2])
book = zipfile.ZipFile(path)
shared = []
if "xl/sharedStrings.xml" in book.namelist():
    for si in ET.fromstring(book.read("xl/sharedStrings.xml")).iter(NS + "si"):
        shared.append("".join(t.text or "" for t in si.iter(NS + "t")))
rows = []
for row in ET.fromstring(book.read("xl/worksheets/sheet1.xml")).iter(NS + "row"):
    cells = {}
    for c in row.iter(NS + "c"):
        column = re.match(r"[A-Z]+", c.get("r")).group(0)
        kind, v = c.get("t"), c.find(NS + "v")
        if kind == "inlineStr":
            cells[column] = "".join(t.text or "" for t in c.iter(NS + "t"))
        elif kind == "s":
            cells[column] = shared[int(v.text)]
        elif v is not None:
            cells[column] = v.text
    rows.append(cells)
header = {value: column for column, value in rows[0].items()}
invoices = {}
for cells in rows[1:]:
    get = lambda name: cells.get(header[name])
    quantity = decimal.Decimal(get("Quantity"))
    if quantity <= 0:
        continue
    price = decimal.Decimal(get("UnitPrice")).quantize(decimal.Decimal("0.01"), decimal.ROUND_HALF_UP)
    serial = decimal.Decimal(get("InvoiceDate"))
    moment = datetime.datetime(1899, 12, 30) + datetime.timedelta(seconds=round(serial * 86400))
    invoice = invoices.setdefault(get("InvoiceNo"), {"customer": get("CustomerID"), "day": moment.date(), "pence": 0})
    invoice["pence"] += int(price * quantity * 100)
days = collections.defaultdict(lambda: collections.defaultdict(int))
for number, invoice in invoices.items():
    if invoice["day"] <= end:
        days[invoice["customer"] or "guest:" + number][invoice["day"]] += invoice["pence"]
lines = []
for totals in days.values():
    ordered = sorted(totals)
    first, last = ordered[0], ordered[-1]
    repeat = sum(totals[d] for d in ordered[1:])
    lines.append(f"{len(ordered) - 1},{(last - first).days},{(end - first).days},{repeat},{repeat + totals[first]}")
print("\n".join(sorted(lines)))
