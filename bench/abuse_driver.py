#!/usr/bin/env python3
"""The scenarios of bench/abuse.sh against a running BFF and bench/misbehaving_centra.py, all on loopback.

Usage: abuse_driver.py BFF_PORT MANAGEMENT_PORT CENTRA_PORT BFF_PID
"""
import http.client
import json
import re
import socket
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

BFF, MGMT, CENTRA, PID = (int(a) for a in sys.argv[1:5])
API = "/api/checkout"
local = threading.local()


def call(method, path, body=None, headers=None, port=BFF):
    conns = getattr(local, "conns", None)
    if conns is None:
        conns = local.conns = {}
    for attempt in range(2):
        conn = conns.get(port)
        if conn is None:
            conn = conns[port] = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        data = None
        hdrs = dict(headers or {})
        if body is not None:
            data = body if isinstance(body, (bytes, str)) else json.dumps(body)
            hdrs.setdefault("Content-Type", "application/json")
        try:
            conn.request(method, path, body=data, headers=hdrs)
            resp = conn.getresponse()
            payload = resp.read()
            if resp.getheader("Connection", "").lower() == "close":
                conn.close()
                conns.pop(port, None)
            return resp.status, dict(resp.getheaders()), payload
        except (http.client.HTTPException, OSError):
            conn.close()
            conns.pop(port, None)
            if attempt:
                raise
    raise RuntimeError("unreachable")


def centra(path):
    return json.loads(call("POST", path, b"", port=CENTRA)[2])


def parallel(jobs, workers=16):
    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(lambda job: job(), jobs))


def ip(n):
    return "198.51.%d.%d" % (100 + n // 250, 1 + n % 250)


def hostile_requests():
    """Hostile but Centra healthy: junk fields, traversal, non-JSON 404s, garbage bodies, unknown tokens."""
    jobs = []
    for i in range(300):
        junk = {"junk_%d" % i: "x", "evil": {"$ne": 1}, "MARKET": "9", "pricelist ": "all", "search": "s%d" % i}
        jobs.append(lambda junk=junk: call("POST", API + "/products", junk, {"X-Forwarded-For": ip(1)}))
    for value in ["..%2Fpayment", "..%5C..%5Cpayment", "%2e%2e", "a%2F..%2Fadmin", "x%2Fy"] * 20:
        jobs.append(lambda v=value: call("POST", API + "/items/" + v, None, {"API-Token": "known-a"}))
        jobs.append(lambda v=value: call("DELETE", API + "/vouchers/" + v, None, {"API-Token": "known-a"}))
    for i in range(100):
        jobs.append(lambda i=i: call("POST", API + "/items/x%2Fy" + str(i), None, {"API-Token": "known-a"}))
    for body in ["{", "[1,2", "\"text\"", "{\"a\":" * 200, "null"] * 20:
        jobs.append(lambda b=body: call("POST", API + "/products", b, {"X-Forwarded-For": ip(2)}))
        jobs.append(lambda b=body: call("PUT", API + "/payment-fields", b, {"API-Token": "known-a"}))
    for i in range(100):
        jobs.append(lambda: call("GET", API + "/products/1001", None, {"API-Token": "made-up-" + uuid.uuid4().hex}))
    for i in range(50):
        jobs.append(lambda: call("POST", API + "/payment", {"paymentReturnPage": "https://evil.example/r"},
                                 {"API-Token": "known-a"}))
    results = parallel(jobs)
    kinds = {}
    for status, _, body in results:
        if status >= 500:
            try:
                kind = "%d %s" % (status, json.loads(body).get("type", "").rsplit(":", 1)[-1])
            except ValueError:
                kind = str(status)
            kinds[kind] = kinds.get(kind, 0) + 1
    return len(results), sum(kinds.values()), kinds


def junk_catalog(count, client, random_ids=0.3):
    """count catalog requests from one client: unique junk fields, and a share of random product ids."""
    jobs = []
    for i in range(count):
        if i % 10 >= int(random_ids * 10):
            body = {"junk_%s" % uuid.uuid4().hex[:8]: i, "search": "q"}
            jobs.append(lambda b=body: call("POST", API + "/products", b, {"X-Forwarded-For": client}))
        else:
            jobs.append(lambda: call("GET", API + "/products/r" + uuid.uuid4().hex[:10], None,
                                     {"X-Forwarded-For": client}))
    return parallel(jobs)


def heap_used_mb():
    subprocess.run(["jcmd", str(PID), "GC.run"], capture_output=True, check=True)
    out = subprocess.run(["jcmd", str(PID), "GC.heap_info"], capture_output=True, text=True, check=True).stdout
    used = re.search(r"total (\d+)K, used (\d+)K", out)
    return int(used.group(2)) / 1024


def liveness_under_slow_bodies(clients=230):
    sockets = []
    for _ in range(clients):
        s = socket.create_connection(("127.0.0.1", BFF))
        s.sendall(b"POST /api/checkout/vouchers HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"API-Token: known-a\r\nContent-Length: 4000\r\n\r\n{")
        sockets.append(s)
    stop = time.time() + 12
    worst = 0.0
    answered = 0
    time.sleep(1)
    try:
        while time.time() < stop:
            for s in sockets:   # a byte every few seconds, as a slow client would
                try:
                    s.sendall(b" ")
                except OSError:
                    pass
            started = time.time()
            status, _, _ = call("GET", "/actuator/health/liveness", port=MGMT)
            worst = max(worst, time.time() - started)
            answered += status == 200
            time.sleep(1)
    finally:
        for s in sockets:
            s.close()
    return worst, answered


def victim_logins():
    victim = "victim-%s@example.com" % uuid.uuid4().hex[:6]
    stop = threading.Event()

    def attack():
        n = 0
        while not stop.is_set():
            call("POST", API + "/login/" + victim, {"password": "guess-%d" % n}, {"X-Forwarded-For": "203.0.113.66"})
            n += 1
        return n

    with ThreadPoolExecutor(4) as pool:
        attackers = [pool.submit(attack) for _ in range(3)]
        time.sleep(1)
        ok = 0
        for i in range(20):
            status, _, _ = call("POST", API + "/login/" + victim, {"password": "victim-password"},
                                {"X-Forwarded-For": "198.51.100.%d" % (200 + i % 3)})
            ok += status == 200
            time.sleep(0.1)
        stop.set()
        sent = sum(a.result() for a in attackers)
    return ok, 20, sent


def five_xx_cached():
    """Catalog reads during an outage (Centra answering 500 with an errors object), then the same reads once the
    catalog breaker has closed again: any answer that is not Centra's data is a 5xx kept somewhere."""
    queries = [{"search": "outage-%d" % i} for i in range(30)]
    centra("/__mode/failing")
    during = parallel([lambda q=q: call("POST", API + "/products", q, {"X-BFF-Server-Key": "bench-key"})
                       for q in queries])
    centra("/__mode/healthy")
    recovered = time.time()
    deadline = recovered + 60
    while breaker_state("catalog") != "closed" and time.time() < deadline:
        call("POST", API + "/products", {"search": "probe-%f" % time.time()}, {"X-BFF-Server-Key": "bench-key"})
        time.sleep(0.2)
    closed_after = time.time() - recovered
    after = parallel([lambda q=q: call("POST", API + "/products", q, {"X-BFF-Server-Key": "bench-key"})
                      for q in queries])
    failed_during = sum(1 for s, _, _ in during if s == 503)
    cached_5xx = sum(1 for s, _, body in after if s != 200 or b"errors" in body or b"database" in body)
    return failed_during, cached_5xx, closed_after


def breaker_state(name):
    _, _, body = call("GET", "/actuator/prometheus", port=MGMT)
    for line in body.decode().splitlines():
        if line.startswith("resilience4j_circuitbreaker_state") and 'name="%s"' % name in line and line.endswith(" 1.0"):
            return re.search(r'state="([a-z_]+)"', line).group(1)
    return "unknown"


def recovery_time():
    centra("/__mode/failing")
    deadline = time.time() + 30
    while breaker_state("cart") != "open" and time.time() < deadline:
        parallel([lambda: call("POST", API + "/items/1001-1", None, {"API-Token": "known-b"})] * 10, 5)
    opened = breaker_state("cart")
    centra("/__mode/healthy")
    recovered = time.time()
    deadline = recovered + 60
    while time.time() < deadline:
        call("POST", API + "/items/1001-1", None, {"API-Token": "known-b"})
        if breaker_state("cart") == "closed":
            return opened, time.time() - recovered
        time.sleep(0.2)
    return opened, None


def main():
    centra("/__reset")
    sent, five, kinds = hostile_requests()
    stats = centra("/__reset")
    print("hostile requests sent:                         %d" % sent)
    print("5xx returned to hostile requests:              %d   (goal 0)%s"
          % (five, "; " + ", ".join("%s x%d" % kv for kv in sorted(kinds.items())) if kinds else ""))
    print("junk fields that reached Centra:               %d   (goal 0)" % stats["junk"])

    results = junk_catalog(1000, "192.0.2.10", random_ids=0)
    stats = centra("/__reset")
    print("upstream calls per 1,000 junk-field catalog requests: %d   (goal <= 10; %d answered 400)"
          % (stats["calls"], sum(1 for s, _, _ in results if s == 400)))
    results = junk_catalog(1000, "192.0.2.11", random_ids=1)
    stats = centra("/__reset")
    print("upstream calls per 1,000 random-id catalog requests from one client: %d   (goal <= 10; %d answered 429"
          " once the miss budget, catalog-miss 60/min, was spent)"
          % (stats["calls"], sum(1 for s, _, _ in results if s == 429)))

    before = heap_used_mb()
    for n in range(10):
        junk_catalog(1000, "192.0.2.%d" % (20 + n))
    after = heap_used_mb()
    centra("/__reset")
    print("heap after GC before/after 10,000 junk requests: %.1f MB / %.1f MB, growth %.1f MB   (goal <= 50 MB)"
          % (before, after, after - before))

    worst, answered = liveness_under_slow_bodies()
    print("liveness under 230 slow-body connections:      worst %.3f s over %d probes   (goal < 1 s)"
          % (worst, answered))

    ok, tries, attacks = victim_logins()
    print("victim login success while attacked:            %d/%d = %.0f %%   (goal 100 %%; attacker sent %d guesses)"
          % (ok, tries, 100.0 * ok / tries, attacks))

    failed, cached, closed_after = five_xx_cached()
    print("catalog reads answered 503 during the outage:   %d/30 (catalog breaker closed %.1f s after recovery)"
          % (failed, closed_after))
    print("cache entries holding a 5xx (same reads again):  %d   (goal 0)" % cached)

    opened, seconds = recovery_time()
    print("cart breaker before recovery:                   %s" % opened)
    print("Centra recovered -> cart breaker closed:        %s" % ("%.1f s" % seconds if seconds else "not within 60 s"))


if __name__ == "__main__":
    main()
