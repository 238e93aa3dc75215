#!/usr/bin/env python3
"""Live-preview latency of `handboek serve`: from saving a content page to the reload
event reaching a browser's event stream (and to the new page being fetched).

Python standard library only. Run from the repository root:

    python3 bench/serve-latency.py                  # builds the release binary first
    python3 bench/serve-latency.py --saves 100 --pause 0.3 --customers 1 50

For each project size it makes a project with `handboek init` (one customer,
`voorbeeld`) plus generated copies of that customer, starts `handboek serve --port 0`,
opens /voorbeeld/employee/nl/index.html (so serve knows which customer x language is in
the browser), listens to its events, and then saves content/nl/employee/index.md (an
override of the built-in start page, with a line that changes each time) N times. It
reports the median and p95 of save -> `reload` event, and save -> new page fetched.
"""

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGE = "/voorbeeld/employee/nl/index.html"
CONTENT = "content/nl/employee/index.md"
WAIT = 10.0


def make_project(binary, customers):
    root = tempfile.mkdtemp(prefix="handboek-serve-bench-")
    subprocess.run([binary, "init", root], check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(root, "customers", "voorbeeld.yaml"), encoding="utf-8") as f:
        template = f.read()
    for i in range(1, customers):
        text = template.replace("name: ", f"name: Klant {i:03d} ", 1)
        path = os.path.join(root, "customers", f"klant-{i:03d}.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    with open(os.path.join(REPO, CONTENT), encoding="utf-8") as f:
        page = f.read().rstrip("\n")
    os.makedirs(os.path.join(root, os.path.dirname(CONTENT)), exist_ok=True)
    return root, page


def save(root, page, i):
    with open(os.path.join(root, CONTENT), "w", encoding="utf-8") as f:
        f.write(f"{page}\n\nBenchmark-regel {i}.\n")


def http_get(addr, path):
    host, port = addr.split(":")
    with socket.create_connection((host, int(port)), timeout=WAIT) as s:
        s.sendall(f"GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n".encode())
        chunks = []
        while True:
            data = s.recv(65536)
            if not data:
                break
            chunks.append(data)
    raw = b"".join(chunks).decode("utf-8", "replace")
    head, _, body = raw.partition("\r\n\r\n")
    return int(head.split()[1]), body


class Events:
    """The event stream of one page, read as a browser's EventSource would."""

    def __init__(self, addr, page):
        host, port = addr.split(":")
        self.sock = socket.create_connection((host, int(port)), timeout=WAIT)
        request = (
            f"GET /_handboek/events?page={page.replace('/', '%2F')} HTTP/1.0\r\n"
            f"Host: {addr}\r\nAccept: text/event-stream\r\n\r\n"
        )
        self.sock.sendall(request.encode())
        self.lines = self.sock.makefile("rb")
        while self.lines.readline() not in (b"\r\n", b""):
            pass
        self.expect("ready")

    def next(self):
        name, data = "", []
        while True:
            line = self.lines.readline()
            if not line:
                raise RuntimeError("the event stream ended")
            line = line.decode("utf-8").rstrip("\r\n")
            if not line:
                if name or data:
                    return name, "\n".join(data)
            elif line.startswith("event:"):
                name = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].lstrip(" "))

    def expect(self, name):
        while True:
            got, data = self.next()
            if got == name:
                return data

    def close(self):
        self.lines.close()
        self.sock.close()


def start(binary, root):
    proc = subprocess.Popen(
        [binary, "serve", "--port", "0"],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    line = proc.stdout.readline()
    url = next((w for w in line.split() if w.startswith("http://")), None)
    if not url:
        proc.kill()
        raise RuntimeError(f"serve printed no URL: {line!r}")
    return proc, url[len("http://"):].rstrip("/")


def stop(proc):
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def percentile(values, p):
    ordered = sorted(values)
    rank = max(1, round(p / 100 * len(ordered)))
    return ordered[rank - 1]


def measure(binary, customers, saves, pause):
    root, page = make_project(binary, customers)
    proc = None
    try:
        save(root, page, 0)
        started = time.perf_counter()
        proc, addr = start(binary, root)
        startup = time.perf_counter() - started
        status, _ = http_get(addr, PAGE)
        if status != 200:
            raise RuntimeError(f"{PAGE} answered {status}")
        events = Events(addr, PAGE)
        to_event, to_page, stale = [], [], 0
        for i in range(1, saves + 1):
            time.sleep(pause)
            t0 = time.perf_counter()
            save(root, page, i)
            while True:
                events.expect("reload")
                t1 = time.perf_counter()
                status, body = http_get(addr, PAGE)
                t2 = time.perf_counter()
                if status == 200 and f"Benchmark-regel {i}." in body:
                    break
                # A reload that brought an older page: the browser would reload again.
                stale += 1
                if t2 - t0 > WAIT:
                    raise RuntimeError(f"save {i} never reached the page")
            to_event.append((t1 - t0) * 1000)
            to_page.append((t2 - t0) * 1000)
        events.close()
        return startup, to_event, to_page, stale
    finally:
        if proc:
            stop(proc)
        shutil.rmtree(root, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=os.path.join(REPO, "target", "release", "handboek"))
    parser.add_argument("--no-build", action="store_true", help="use the binary as it is")
    parser.add_argument("--saves", type=int, default=60)
    parser.add_argument("--pause", type=float, default=0.3, help="seconds between saves")
    parser.add_argument("--customers", type=int, nargs="+", default=[1, 50])
    args = parser.parse_args()
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    print(f"{args.saves} saves per project, {args.pause} s apart; times in ms")
    print("| customers | save -> reload event: median | p95 | max "
          "| save -> new page: median | p95 | stale reloads | serve start-up |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for customers in args.customers:
        startup, to_event, to_page, stale = measure(
            args.binary, customers, args.saves, args.pause
        )
        print(
            f"| {customers} | {statistics.median(to_event):.1f} | {percentile(to_event, 95):.1f} "
            f"| {max(to_event):.1f} | {statistics.median(to_page):.1f} "
            f"| {percentile(to_page, 95):.1f} | {stale} | {startup * 1000:.0f} |"
        )
        sys.stdout.flush()


if __name__ == "__main__":
    main()
