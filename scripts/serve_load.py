#!/usr/bin/env python3
"""Loopback load test for `newsdex serve`: CLIENTS threads, each with one
keep-alive connection, send a mix of search, timeline and entity-facet
requests for SECONDS, then print p50/p95/p99 latency and the error count.
Usage: serve_load.py PORT [CLIENTS] [SECONDS] [fresh]  (127.0.0.1 only).
With `fresh`, every request carries its own `from` date, all of them before
2000 (before any article of the Reuters corpora): the same articles match,
but no two requests are the same, so none is answered from the server's
cache and each one searches and counts in full."""
import datetime, http.client, random, sys, threading, time, urllib.parse

WORDS = ["oil prices", "interest rates", "merger", "earnings", "federal reserve", "bank",
         "stocks fell", "dollar", "inflation", "bond yields", "acquisition", "profit warning",
         "crude", "gold", "shares rose", "central bank", "debt", "ipo", "quarterly results",
         "takeover bid"]
KINDS = ["search", "timeline", "entities"]

def path(kind, words, fresh_day=None):
    q = urllib.parse.quote_plus(words)
    if fresh_day is not None:
        q += "&from=" + (datetime.date(1900, 1, 1) + datetime.timedelta(days=fresh_day)).isoformat()
    return {"search": f"/api/search?q={q}&limit=10",
            "timeline": f"/api/timeline?q={q}&interval=month",
            "entities": f"/api/entities?q={q}&limit=40"}[kind]

def client(number, port, deadline, out, fresh, first_day):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    turn = number
    while time.monotonic() < deadline and len(out) < 1_000_000:
        kind = KINDS[turn % 3]
        words = WORDS[(turn // 3) % len(WORDS)]
        sent = time.perf_counter()
        ok = False
        try:
            # Days 1900..1999 from a random start per run, one residue class
            # per client (up to 64): no request repeats within a run, nor
            # (but by chance) one of an earlier run.
            fresh_day = (first_day + turn * 64 + number) % 36500 if fresh else None
            conn.request("GET", path(kind, words, fresh_day))
            response = conn.getresponse()
            response.read()
            ok = response.status == 200
        except Exception:
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        out.append((kind, time.perf_counter() - sent, ok))
        turn += 1

def pct(values, fraction):
    if not values:
        return 0.0
    values = sorted(values)
    return values[max(0, min(len(values) - 1, int(len(values) * fraction + 0.999999) - 1))]

def main():
    port = int(sys.argv[1])
    clients = int(sys.argv[2]) if len(sys.argv) > 2 else 32
    seconds = min(600, int(sys.argv[3]) if len(sys.argv) > 3 else 20)
    fresh = len(sys.argv) > 4 and sys.argv[4] == "fresh"
    first_day = random.randrange(36500)
    deadline = time.monotonic() + seconds
    results = [[] for _ in range(clients)]
    threads = [threading.Thread(target=client, args=(n, port, deadline, results[n], fresh, first_day)) for n in range(clients)]
    for thread in threads: thread.start()
    for thread in threads: thread.join()
    samples = [sample for per_client in results for sample in per_client]
    mode = ", every request fresh (no cache hits)" if fresh else ""
    print(f"{clients} clients, {seconds} s, mixed search/timeline/entities on 127.0.0.1:{port}{mode}")
    for label in ["all"] + KINDS:
        chosen = [s for s in samples if label == "all" or s[0] == label]
        lat = [s[1] * 1000 for s in chosen]
        errors = sum(1 for s in chosen if not s[2])
        print(f"{label:<9} requests {len(chosen):>7}  errors {errors:>3}  {len(chosen)/seconds:>7.1f} req/s  "
              f"p50 {pct(lat, 0.5):>6.2f} ms  p95 {pct(lat, 0.95):>6.2f} ms  p99 {pct(lat, 0.99):>6.2f} ms  max {max(lat or [0]):>7.2f} ms")

main()
