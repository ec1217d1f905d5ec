#!/usr/bin/env python3
"""Local index vs one-node Quickwit, through the same `newsdex` binary.

Indexes CORPUS into a fresh local index and into a fresh Quickwit index on a
node started here (loopback, its own data folder, stopped by its pid at the
end), then times `newsdex query WORDS -n 10` end to end on both.

    scripts/bench_quickwit.py NEWSDEX_BINARY QUICKWIT_XZ CORPUS [ROUNDS]

Prints: wall seconds, newsdex CPU seconds (user+sys of the child), the
Quickwit node's CPU seconds during the run (from /proc), articles/s, and
query p50/p95 in milliseconds. Nothing outside a temporary folder is written.
"""

import json
import lzma
import os
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

QUERIES = [
    "government", "oil prices", "central bank", "election", "war", "inflation",
    "sanctions", "trade deficit", "interest rates", "stock market", "merger",
    "president said", "Ukraine", "Russia", "China exports", "unemployment",
    "earnings forecast", '"federal reserve"', "bond yields", "energy",
]


def free_port():
    while True:
        with socket.socket() as first:
            first.bind(("127.0.0.1", 0))
            port = first.getsockname()[1]
        try:
            with socket.socket() as second:
                second.bind(("127.0.0.1", port + 1))
            return port
        except OSError:
            continue


def process_cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def timed(command, env):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    run = subprocess.run(command, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if run.returncode not in (0, 1, 2):
        sys.exit(f"{command} failed: {run.stderr}")
    return wall, cpu, run


def latencies(binary, env, rounds):
    times = []
    for _ in range(rounds):
        for words in QUERIES:
            wall, _, _ = timed([binary, "query", words, "-n", "10"], env)
            times.append(wall * 1000)
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    return statistics.median(times), p95


def articles_of(summary):
    # "... ; 31513 articles written, ..."
    for part in summary.replace(";", ",").split(","):
        if "written" in part:
            return int(part.split()[0])
    return 0


def main():
    binary, archive, corpus = sys.argv[1:4]
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    work = tempfile.mkdtemp(prefix="newsdex-bench-qw-")
    node = None
    try:
        quickwit = os.path.join(work, "quickwit")
        with lzma.open(archive) as packed, open(quickwit, "wb") as unpacked:
            shutil.copyfileobj(packed, unpacked)
        os.chmod(quickwit, 0o755)
        port = free_port()
        data = os.path.join(work, "qwdata")
        os.makedirs(data)
        config = os.path.join(work, "node.yaml")
        with open(config, "w") as out:
            out.write(f"version: 0.8\nnode_id: bench\ncluster_id: bench\nlisten_address: 127.0.0.1\n"
                      f"rest:\n  listen_port: {port}\ndata_dir: {data}\n")
        log = open(os.path.join(work, "node.log"), "w")
        node = subprocess.Popen([quickwit, "run", "--config", config], stdout=log, stderr=log,
                                env={**os.environ, "QW_DISABLE_TELEMETRY": "1"})
        for _ in range(360):
            try:
                if urllib.request.urlopen(f"http://127.0.0.1:{port}/health/readyz").status == 200:
                    break
            except OSError:
                time.sleep(0.25)
        local_env = {"PATH": os.environ["PATH"], "NEWSDEX_INDEX": os.path.join(work, "index")}
        engine_env = {**local_env, "NEWSDEX_ENGINE": f"quickwit://127.0.0.1:{port}/bench",
                      "NEWSDEX_STATE_DIR": os.path.join(work, "state")}
        rows = []
        for name, env in (("local", local_env), ("quickwit", engine_env)):
            node_before = process_cpu_seconds(node.pid)
            wall, cpu, run = timed([binary, "index", corpus], env)
            node_cpu = process_cpu_seconds(node.pid) - node_before
            summary = run.stderr.strip().splitlines()[-1]
            articles = articles_of(summary)
            p50, p95 = latencies(binary, env, rounds)
            rows.append((name, articles, wall, cpu, node_cpu if name == "quickwit" else 0.0,
                         articles / wall if wall else 0, p50, p95))
            print(f"{name}: {summary}", file=sys.stderr)
        print("| engine | articles | seconds | newsdex CPU s | quickwit CPU s | articles/s | query p50 ms | query p95 ms |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- |")
        for name, articles, wall, cpu, node_cpu, rate, p50, p95 in rows:
            print(f"| {name} | {articles} | {wall:.1f} | {cpu:.1f} | {node_cpu:.1f} | {rate:.0f} | {p50:.1f} | {p95:.1f} |")
        stats = subprocess.run([binary, "stats", "--format", "json"], env=engine_env,
                               capture_output=True, text=True)
        if stats.returncode == 0:
            figures = json.loads(stats.stdout)
            print(f"quickwit index: {figures['articles']} articles, {figures['size_bytes'] / 1e6:.1f} MB "
                  f"in {figures['segments']} splits")
    finally:
        if node is not None:
            node.send_signal(signal.SIGTERM)
            try:
                node.wait(timeout=30)
            except subprocess.TimeoutExpired:
                node.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
