#!/usr/bin/env bash
# The Windows build of handboek, run under Wine: init, new customer, build (twice, so that
# the second swaps a customer folder over the first), check, a build of the built-in
# examples, and --pdf with Edge at its standard place. Every file it writes is compared
# byte for byte with what the Linux build writes from the same input.
#
#   ci/windows-smoke.sh WINDOWS_EXE LINUX_BINARY [WINDOWS_UNIT_TESTS_EXE]
#
# With the third argument, the library's unit tests built for Windows run under Wine too
# (among them the ones only Windows compiles: a file held open during the folder swap).
#
# Needs Debian's wine64 and gcc-mingw-w64-x86-64 (for the two small helpers in ci/wine/).
# Every path has a space in it; the Windows binary is given Windows paths (Z:\…, with
# backslashes) wherever it takes one. Customer files as Notepad saves them (UTF-16 LE with
# a byte order mark, UTF-8 with one, CRLF) must build the same handbooks as plain UTF-8.
set -euo pipefail
shopt -s inherit_errexit 2>/dev/null || true

exe=$(realpath "$1")
linux=$(realpath "$2")
unit_tests=${3:+$(realpath "$3")}
repo=$(cd "$(dirname "$0")/.." && pwd)
wine=${WINE:-/usr/lib/wine/wine64}
work=$(mktemp -d "/tmp/handboek smoke.XXXXXX")
# Wine's server may still be writing into the prefix when the script ends: stop it, wait for
# it, then clean up; a cleanup that fails must not turn a passed run into a failed one.
cleanup() {
  [[ -n ${WINEPREFIX:-} ]] && { "$(dirname "$wine")/wineserver" -k; timeout 30 "$(dirname "$wine")/wineserver" -w; } >/dev/null 2>&1
  rm -rf "$work" 2>/dev/null || true
}
trap cleanup EXIT

say() { printf 'windows-smoke: %s\n' "$*"; }
fail() {
  printf 'windows-smoke: FAILED: %s\n' "$*"
  exit 1
}

export WINEPREFIX="$work/wine prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree=;mshtml="
"$wine" wineboot -i >/dev/null 2>&1 || true
winpath() { "$wine" winepath -w "$1" 2>/dev/null | tr -d '\r'; }

# Wine 8 lacks ProcessPrng, which Rust's std imports: a stub beside the .exe (see the source).
mkdir -p "$work/bin"
x86_64-w64-mingw32-gcc -O2 -shared -s -o "$work/bin/bcryptprimitives.dll" \
  "$repo/ci/wine/bcryptprimitives.c" "$repo/ci/wine/bcryptprimitives.def" -ladvapi32
cp "$exe" "$work/bin/handboek.exe"
win() { "$wine" "$work/bin/handboek.exe" "$@"; }

# Runs the same command with each binary in its own tree (lin/ and win/) from the same
# relative folder; the Windows one gets Windows paths for the arguments named @path.
both() {
  local cwd=$1
  shift
  local lin_args=() win_args=()
  for arg in "$@"; do
    if [[ $arg == @* ]]; then
      lin_args+=("$work/lin/${arg#@}")
      win_args+=("$(winpath "$work/win/${arg#@}")")
    else
      lin_args+=("$arg")
      win_args+=("$arg")
    fi
  done
  mkdir -p "$work/lin/$cwd" "$work/win/$cwd"
  (cd "$work/lin/$cwd" && "$linux" "${lin_args[@]}") >"$work/lin.out" 2>&1 || echo "exit $?" >>"$work/lin.out"
  (cd "$work/win/$cwd" && win "${win_args[@]}") >"$work/win.out" 2>&1 || echo "exit $?" >>"$work/win.out"
}

# The two trees must hold the same files with the same bytes.
same_tree() {
  local rel=$1 what=$2
  # The fingerprint of a customer folder hashes the binary that built it: it differs by design.
  if ! diff -r -x .handboek-fingerprint "$work/lin/$rel" "$work/win/$rel" >"$work/diff" 2>&1; then
    head -20 "$work/diff"
    fail "$what: the Windows build wrote other files than the Linux build"
  fi
  local files
  files=$(find "$work/win/$rel" -type f | wc -l)
  ((files > 0)) || fail "$what: no files"
  say "$what: $files files, byte-identical to the Linux build"
}

project="Mijn klanten/MSP project"

both "" init "@$project"
grep -q "^exit" "$work/win.out" && fail "init: $(cat "$work/win.out")"
same_tree "$project" "init"

both "$project" new customer bakkerij-jansen
grep -q "^exit" "$work/win.out" && fail "new customer: $(cat "$work/win.out")"
same_tree "$project" "new customer"

# The same customer as Notepad saves it on Windows, and as plain UTF-8 on Linux.
customer="$work/lin/$project/customers/bakkerij-jansen.yaml"
cp "$customer" "$work/lin/$project/customers/notepad-utf16.yaml"
cp "$customer" "$work/lin/$project/customers/notepad-bom.yaml"
{ printf '\xff\xfe' && sed 's/$/\r/' "$customer" | iconv -f UTF-8 -t UTF-16LE; } \
  >"$work/win/$project/customers/notepad-utf16.yaml"
{ printf '\xef\xbb\xbf' && sed 's/$/\r/' "$customer"; } >"$work/win/$project/customers/notepad-bom.yaml"

both "$project" build
grep -q "^exit" "$work/win.out" && fail "build: $(cat "$work/win.out")"
same_tree "$project/public" "build (customer files in UTF-16 LE, UTF-8 with BOM, CRLF)"

# A change to one customer: the second build swaps that folder over the old one.
for side in lin win; do
  sed -i 's/^name: .*/name: Bakkerij Jansen \& Zn./' "$work/$side/$project/customers/bakkerij-jansen.yaml"
done
both "$project" build
grep -q "^exit" "$work/win.out" && fail "rebuild: $(cat "$work/win.out")"
grep -q "Jansen &amp; Zn." "$work/win/$project/public/bakkerij-jansen/employee/nl/index.html" ||
  fail "rebuild: the changed customer folder was not swapped in"
same_tree "$project/public" "rebuild (one customer folder swapped)"
leftovers=$(find "$work/win/$project/public" -maxdepth 1 \( -name '*.old-*' -o -name '.*.tmp-*' \) | wc -l)
((leftovers == 0)) || fail "rebuild left $leftovers staging or old folders behind"

both "$project" check
cmp -s "$work/lin.out" "$work/win.out" || {
  diff "$work/lin.out" "$work/win.out" | head -20
  fail "check: the Windows build reports differently"
}
say "check: same report as the Linux build ($(tail -1 "$work/win.out" | tr -d '\r'))"

both "Lege map" build --out "@Lege map/uit voer"
grep -q "^exit" "$work/win.out" && fail "examples: $(cat "$work/win.out")"
same_tree "Lege map/uit voer" "build of the built-in examples"

# --pdf: Edge where Windows installs it (a stand-in that checks the URL it is given).
edge="$WINEPREFIX/drive_c/Program Files (x86)/Microsoft/Edge/Application"
mkdir -p "$edge"
x86_64-w64-mingw32-gcc -O2 -municode -s -o "$edge/msedge.exe" "$repo/ci/wine/fake-browser.c"
(cd "$work/win/$project" && win build --pdf --customer bakkerij-jansen --lang nl) >"$work/win.out" 2>&1 ||
  fail "build --pdf: $(cat "$work/win.out")"
pdf="$work/win/$project/public/bakkerij-jansen/employee/nl/handboek.pdf"
[[ -s $pdf ]] || fail "build --pdf wrote no $pdf"
grep -qx -- '--no-sandbox' "$edge/msedge.log" && fail "build --pdf turned Edge's sandbox off"
# Edge prints the page-numbered copy of the print edition (handboek.numbered-PID.html), which
# --pdf removes afterwards.
url=$(grep '^file:' "$edge/msedge.log" | grep -E 'employee/nl/handboek\.numbered-[0-9]+\.html$' | head -1 || true)
ls "$work/win/$project/public/bakkerij-jansen/employee/nl/" | grep -q numbered &&
  fail "build --pdf left its page-numbered copy behind"
[[ $url == file:///Z:/tmp/handboek%20smoke.*/Mijn%20klanten/MSP%20project/public/* ]] ||
  fail "build --pdf gave Edge the URL '$url'"
say "build --pdf: found Edge at C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe, sandboxed, URL $url"

rm "$edge/msedge.exe"
if (cd "$work/win/$project" && win build --pdf --customer bakkerij-jansen) >"$work/win.out" 2>&1; then
  fail "build --pdf without a browser succeeded"
fi
grep -qF 'C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe' "$work/win.out" ||
  fail "build --pdf without a browser does not list Edge's place: $(cat "$work/win.out")"
say "build --pdf without a browser: exit 1, lists $(grep -c '^  ' "$work/win.out") places it looked"

if [[ -n $unit_tests ]]; then
  cp "$unit_tests" "$work/bin/unit-tests.exe"
  (cd "$repo" && "$wine" "$work/bin/unit-tests.exe") >"$work/unit.out" 2>&1 || {
    grep -E "FAILED|panicked" "$work/unit.out" | head -20
    fail "unit tests under Wine: $(grep '^test result' "$work/unit.out")"
  }
  say "unit tests under Wine: $(grep '^test result' "$work/unit.out" | tr -d '\r')"
fi

say "all passed"
