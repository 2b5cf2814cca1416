#!/usr/bin/env bash
# Converts the sample input/yiwu.txt to PDF and writes its first page as docs/page1.png
# (80 dpi) for the README, and the same in the gongwen style (GB/T 9704) as
# docs/page1-gongwen.png.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v pdftoppm >/dev/null || { echo "readme-image.sh: pdftoppm (poppler-utils) is required" >&2; exit 2; }
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
target/release/paiban convert input/yiwu.txt --to pdf -o "$work/yiwu.pdf"
mkdir -p docs
# -singlefile writes exactly docs/page1.png (no page-number suffix).
pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$work/yiwu.pdf" docs/page1
target/release/paiban convert input/yiwu.txt --to pdf --style gongwen -o "$work/gongwen.pdf"
pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$work/gongwen.pdf" docs/page1-gongwen
echo "wrote docs/page1.png and docs/page1-gongwen.png"
