#!/usr/bin/env bash
# Runs the whole test suite. First installs the validators the tests use when they are
# missing (Debian packages and python-docx), so that a fresh machine needs nothing else.
# Tests never skip a missing validator: they fail with a clear message instead.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        echo "scripts/test.sh: need root (or sudo) to install: $*" >&2; return 1; fi
}

missing=()
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v mutool >/dev/null || missing+=(mupdf-tools)
command -v qpdf >/dev/null || missing+=(qpdf)
{ [ -f /usr/share/java/epubcheck.jar ] && command -v java >/dev/null; } || missing+=(epubcheck)
command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)
# The sharding test runs four shards through GNU parallel.
command -v parallel >/dev/null || missing+=(parallel)
# The EPUB tests check the embedded font subsets with fontTools.
{ /usr/bin/python3 -c 'import fontTools' 2>/dev/null || python3 -c 'import fontTools' 2>/dev/null; } ||
    missing+=(python3-fonttools)
# The system-font fallback tests (T27) need one system CJK family with Hangul; the
# bundled fonts/ deliberately have none.
[ -f /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc ] || missing+=(fonts-noto-cjk)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "scripts/test.sh: installing ${missing[*]}" >&2
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! python3 -c 'import docx' 2>/dev/null; then
    echo "scripts/test.sh: installing python-docx" >&2
    python3 -m pip install --quiet --disable-pip-version-check python-docx 2>/dev/null ||
        python3 -m pip install --quiet --disable-pip-version-check --break-system-packages python-docx
fi

exec cargo test "$@"
