#!/usr/bin/env python3
"""Clients of scripts/bench-load, run while wrk loads the read routes: the big import (retried on 503, as its
Retry-After says) and five hostile uploads. Prints one line per client: name, HTTP status, seconds. Exits 1 when a
client got an answer it should not have.

Usage: load_clients.py PORT STORE OPERATOR_TOKEN VIEWER_TOKEN BIG_FILE
"""
import http.client
import io
import socket
import sys
import threading
import time
import zipfile

port, store, operator, viewer, big_file = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
results = {}
lock = threading.Lock()


def record(name, status, started):
    with lock:
        results[name] = (status, time.monotonic() - started)


def post(name, body, token, file_name, retries=0, headers=None):
    started = time.monotonic()
    for attempt in range(retries + 1):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        try:
            all_headers = {"Authorization": f"Bearer {token}", "Content-Length": str(len(body))}
            all_headers.update(headers or {})
            connection.request("POST", f"/api/v1/stores/{store}/imports?name={file_name}", body=body, headers=all_headers)
            response = connection.getresponse()
            response.read()
            status = response.status
        except (ConnectionError, socket.timeout, http.client.HTTPException) as error:
            status = f"closed ({type(error).__name__})"
        finally:
            connection.close()
        if status != 503 or attempt == retries:
            break
        time.sleep(2)
    record(name, status, started)


def big_import():
    with open(big_file, "rb") as f:
        body = f.read()
    post("import 100k orders", body, operator, "orders-100k.csv", retries=200)


def viewer_upload():
    # A viewer posts 50 MB: refused (403) before the body is read.
    post("hostile: viewer's 50 MB upload", b"x" * (50 << 20), viewer, "viewer.csv")


def oversized():
    # Declares more than the limit: 413 from the head alone; the body is never sent.
    started = time.monotonic()
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    s.sendall((f"POST /api/v1/stores/{store}/imports?name=huge.csv HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {operator}\r\n"
               f"Content-Length: {10 << 30}\r\n\r\n").encode())
    answer = s.recv(64).decode(errors="replace")
    s.close()
    record("hostile: declares 10 GB", int(answer[9:12]) if answer.startswith("HTTP/1.1 ") else "closed", started)


def zip_bomb():
    # An XLSX whose sheet unpacks 1000 times its packed size.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", "<worksheet><sheetData>" + " " * (200 << 20) + "</sheetData></worksheet>")
    post("hostile: XLSX bomb (200 MB of XML)", buffer.getvalue(), operator, "bomb.xlsx", retries=200)


def nul_and_long_line():
    # NUL bytes and a 20 MB line: a diagnostic (422), not a crash.
    body = "订单编号,买家实际支付金额,订单付款时间\n1,\x00,2026-01-01\n".encode() + b"9" * (20 << 20) + b"\n"
    post("hostile: NUL and a 20 MB line", body, operator, "nul.csv", retries=200)


def slow_loris():
    # Sends its body a byte at a time, never idle long enough to be closed, holding an upload slot until the
    # upload timeout answers 408. While both slots are taken it is refused at once (503) and tries again.
    started = time.monotonic()
    status = "closed"
    for _ in range(200):
        status = slow_loris_once()
        if status != 503:
            break
        time.sleep(0.5)
    record("hostile: slow loris", status, started)


def slow_loris_once():
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    s.sendall((f"POST /api/v1/stores/{store}/imports?name=slow.csv HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {operator}\r\n"
               "Content-Length: 1000000\r\n\r\n").encode())
    status = "closed"
    deadline = time.monotonic() + 120
    s.setblocking(False)
    while time.monotonic() < deadline:
        try:
            s.send(b"a")
        except OSError:
            break
        time.sleep(0.5)
        try:
            answer = s.recv(64).decode(errors="replace")
            if answer.startswith("HTTP/1.1 "):
                status = int(answer[9:12])
                break
            if answer == "":
                break
        except BlockingIOError:
            pass
    s.close()
    return status


clients = [big_import, viewer_upload, oversized, zip_bomb, nul_and_long_line, slow_loris]
threads = [threading.Thread(target=c) for c in clients]
for t in threads:
    t.start()
    time.sleep(0.2)
for t in threads:
    t.join()

expected = {
    "import 100k orders": {201},
    "hostile: viewer's 50 MB upload": {403, "closed (ConnectionResetError)", "closed (BrokenPipeError)"},
    "hostile: declares 10 GB": {413},
    "hostile: XLSX bomb (200 MB of XML)": {422},
    "hostile: NUL and a 20 MB line": {422},
    "hostile: slow loris": {408},
}
failed = False
for name, (status, seconds) in results.items():
    ok = status in expected[name]
    failed |= not ok
    print(f"{name:40} {str(status):32} {seconds:7.1f} s {'ok' if ok else 'UNEXPECTED'}")
sys.exit(1 if failed else 0)
