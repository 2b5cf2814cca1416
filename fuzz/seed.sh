#!/usr/bin/env bash
# Rebuilds the checked-in seed corpora under fuzz/seeds/ from the test fixtures
# (tests/fixtures/**/*.md, *.txt), one folder per input shape:
#   readers/   the fixtures as they are (read_markdown, read_text);
#   pipeline/  a selector byte (0: Markdown, 1: plain text, as fuzz/src/lib.rs reads it)
#              followed by the fixture (to_pdf, to_epub, to_docx);
#   decode/    selector byte 0xff (detect the encoding) followed by the fixture in UTF-8,
#              and the text fixtures in GB18030, UTF-16LE with a BOM and UTF-16BE without.
# libFuzzer's working corpus (fuzz/corpus/<target>/) is generated and not checked in.
set -euo pipefail
cd "$(dirname "$0")"

rm -rf seeds
mkdir -p seeds/readers seeds/pipeline seeds/decode
while IFS= read -r -d '' file; do
    name=$(echo "${file#../tests/fixtures/}" | tr / _)
    cp "$file" "seeds/readers/$name"
    case "$file" in
        *.md) selector='\x00' ;;
        *) selector='\x01' ;;
    esac
    { printf "$selector"; cat "$file"; } >"seeds/pipeline/$name"
    { printf '\xff'; cat "$file"; } >"seeds/decode/$name"
    case "$file" in
        *.txt)
            { printf '\xff'; iconv -f UTF-8 -t GB18030 "$file"; } >"seeds/decode/$name.gb18030"
            { printf '\xff\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$file"; } >"seeds/decode/$name.utf16le-bom"
            { printf '\xff'; iconv -f UTF-8 -t UTF-16BE "$file"; } >"seeds/decode/$name.utf16be"
            ;;
    esac
done < <(find ../tests/fixtures \( -name '*.md' -o -name '*.txt' \) -print0 | sort -z)
du -sh seeds/*
