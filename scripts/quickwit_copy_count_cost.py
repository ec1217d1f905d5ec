#!/usr/bin/env python3
"""What counting each body once costs a Quickwit search.

Sends 10 of the benchmark's queries (top 10 by score) straight to an index,
alternating passes without and with the `body_hash` aggregation that newsdex's
Quickwit engine adds to count each body once, and prints p50/p95 per pass.

    scripts/quickwit_copy_count_cost.py http://127.0.0.1:7280/api/v1/INDEX
"""

import json
import statistics
import sys
import time
import urllib.request

QUERIES = ["government", "oil prices", "central bank", "election", "war", "inflation",
           "sanctions", "trade deficit", "interest rates", "stock market"]


def search(root, words, with_copies):
    body = {"query": f"({words})", "max_hits": 10, "sort_by": "_score"}
    if with_copies:
        body["aggs"] = {"repeated": {"terms": {"field": "body_hash", "size": 65000,
                                               "min_doc_count": 2}}}
    request = urllib.request.Request(f"{root}/search", data=json.dumps(body).encode(),
                                     headers={"content-type": "application/json"})
    started = time.perf_counter()
    urllib.request.urlopen(request).read()
    return (time.perf_counter() - started) * 1000


def main():
    root = sys.argv[1].rstrip("/")
    for with_copies in (False, True, False, True):
        times = sorted(search(root, words, with_copies) for _ in range(2) for words in QUERIES)
        name = "with copy count" if with_copies else "plain"
        print(f"{name}: p50 {statistics.median(times):.1f} ms, "
              f"p95 {times[int(0.95 * (len(times) - 1))]:.1f} ms")


if __name__ == "__main__":
    main()
