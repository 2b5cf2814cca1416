#!/usr/bin/env bash
# Converts the sample input/yiwu.txt to PDF and writes its first page as docs/page1.png
# (80 dpi) for the README, and the same in the gongwen style (GB/T 9704) as
# docs/page1-gongwen.png, and page 1 of a Markdown document with code, a table and a list
# (docs/markdown-demo.md) as docs/page1-markdown.png, and the first and last pages of an
# official notice with the GB/T 9704 header fields (tests/fixtures/gongwen/notice.md) as
# docs/page1-official.png and docs/last-page-official.png.
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
target/release/paiban convert docs/markdown-demo.md --to pdf -o "$work/markdown-demo.pdf"
pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$work/markdown-demo.pdf" docs/page1-markdown
target/release/paiban convert tests/fixtures/gongwen/notice.md --to pdf --style gongwen -o "$work/notice.pdf"
pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$work/notice.pdf" docs/page1-official
last=$(pdfinfo "$work/notice.pdf" | awk '/^Pages:/ {print $2}')
pdftoppm -r 80 -png -f "$last" -l "$last" -singlefile "$work/notice.pdf" docs/last-page-official
echo "wrote docs/page1.png, docs/page1-gongwen.png, docs/page1-markdown.png, docs/page1-official.png and docs/last-page-official.png"
