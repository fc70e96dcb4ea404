#!/usr/bin/env bash
# Redraws the README's slip picture (docs/slip-80mm.png): a small store, one member with a card and a sale, the sale's
# slip printed to a PDF by the admin tool, then rendered at a receipt printer's 203 dpi.
# Usage: tools/screenshots/slip.sh [BUILD_DIR]   (default build/test)
set -euo pipefail
cd "$(dirname "$0")/../.."
admin=${1:-build/test}/app/admin/loyaltytill-admin
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 LOYALTYTILL_DATABASE=$work/store.sqlite LOYALTYTILL_CONFIG_DIR=$work/etc XDG_CONFIG_HOME=$work/config
mkdir -p "$work/etc"
printf 'till.name = Till 1\nslip.paper_width = 80\n' >"$work/etc/loyaltytill.conf"
"$admin" init >/dev/null
"$admin" settings store.name "Corner Café" >/dev/null
"$admin" settings slip.footer "corner-cafe.example" >/dev/null
"$admin" enroll --phone "+1 415 555 2671" --name "Ana Torres" --consent >/dev/null
"$admin" card "+14155552671" >/dev/null
"$admin" accrue --phone "+14155552671" --sale S-1002 --amount 42.00 >/dev/null
"$admin" accrue --phone "+14155552671" --sale S-1003 --amount 64.00 >/dev/null
"$admin" slip S-1003 --printer "pdf:$work/slip.pdf"
pdftoppm -r 203 -png -singlefile "$work/slip.pdf" docs/slip-80mm
echo "docs/slip-80mm.png"
