#!/usr/bin/env bash
# Whether two handboek binaries write the same bytes: builds each project with both into
# fresh folders and compares the sha256 of every file (issue 13: "the output stays
# byte-identical"). Prints one manifest hash per binary and project, and the files that
# differ.
#
# usage: bench/same-output.sh BINARY_A BINARY_B [PROJECT_DIR ...]
#        (default projects: the repository's examples/, and the built-in examples, which
#        a build with no project makes)
#
# Left out of the comparison: `.handboek-fingerprint` in each customer folder, the record
# of what the folder was built from (issue 13); it holds a hash of the binary itself, so
# it differs between any two binaries by design, and a handboek before issue 13 writes
# none.
#
# IGNORE_MENU_WHITESPACE=1 compares the pages with the whitespace between the tags of the
# site menu (<nav class="chapters">) taken out on both sides: 54249fe made the menu in
# nav.rs instead of a Tera loop, which wrote the same tags with other whitespace between
# them. Everything else must still be byte for byte the same.
set -euo pipefail

A=$1 B=$2; shift 2
HERE=$(cd "$(dirname "$0")" && pwd)
PROJECTS=("$@")
[ ${#PROJECTS[@]} -eq 0 ] && PROJECTS=("$HERE/../examples" "builtin")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

manifest() {  # DIR -> sorted "sha256  ./path" lines
  (cd "$1" && find . -type f ! -name .handboek-fingerprint -print0 | sort -z | xargs -0 sha256sum)
}

status=0
for p in "${PROJECTS[@]}"; do
  for side in A B; do
    bin=${!side}
    out="$WORK/$side"
    rm -rf "$out"
    if [ "$p" = builtin ]; then (cd "$WORK" && "$bin" build --out "$out" --quiet)
    else (cd "$p" && "$bin" build --out "$out" --quiet); fi
    if [ "${IGNORE_MENU_WHITESPACE:-}" = 1 ]; then
      find "$out" -type f -name '*.html' -print0 | xargs -0 perl -0pi -e \
        's{(<nav class="chapters".*?</nav>)}{ (my $n = $1) =~ s/>\s+</></g; $n }gse'
    fi
    manifest "$out" > "$WORK/$side.manifest"
  done
  ha=$(sha256sum < "$WORK/A.manifest" | cut -c1-64)
  hb=$(sha256sum < "$WORK/B.manifest" | cut -c1-64)
  files=$(wc -l < "$WORK/A.manifest")
  if [ "$ha" = "$hb" ]; then
    echo "same      $p: $files files, manifest sha256 $ha"
  else
    echo "DIFFERENT $p: A $ha, B $hb"
    diff "$WORK/A.manifest" "$WORK/B.manifest" | head -n 20 || true
    status=1
  fi
done
exit $status
