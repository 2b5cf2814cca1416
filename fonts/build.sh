#!/bin/sh
# Rebuild the bundled subset fonts of paiban (T27) from Debian's font packages.
#
# Needs: fonts-noto-cjk, fonts-lxgw-wenkai, fonts-dejavu-core, fonttools (pyftsubset), and
# for Zhuque Fangsong, which no package ships, a TTF built from its Glyphs sources named by
# ZHUQUE_TTF (how: SOURCES.md; without it that file is left as it is).
# Run from anywhere: ./fonts/build.sh  — writes next to this script.
# The fonts are committed; rerun only when the sources or the ranges change, then
# update SOURCES.md (versions come from `dpkg -s`).
set -euf  # -f: the option words below hold `*`, never a glob

here=$(cd "$(dirname "$0")" && pwd)
noto=/usr/share/fonts/opentype/noto
wenkai=/usr/share/fonts/truetype/lxgw-wenkai
dejavu=/usr/share/fonts/truetype/dejavu

# Latin, Greek, general punctuation, letterlike symbols, number forms (Ⅰ Ⅱ), arrows,
# maths (with ⋯ U+22EF), enclosed alphanumerics (① …), geometric shapes (○ ●),
# ★ ☆, ⸺ ⸻ (T12), CJK symbols and punctuation, enclosed CJK (㈠), full-width forms,
# CJK Unified Ideographs (the basic block only: keeps a Noto face near 9 MB).
# U+00B7, U+2014 and U+2026 are inside the ranges already; listed for the reader.
CJK_RANGES='U+0020-007E,U+00A0-024F,U+00B7,U+0391-03C9,U+2000-206F,U+2014,U+2026,U+2100-214F,U+2150-218F,U+2190-21FF,U+2200-22FF,U+22EF,U+2460-24FF,U+25A0-25FF,U+2605-2606,U+2E3A-2E3B,U+3000-303F,U+3200-32FF,U+FF00-FFEF,U+4E00-9FFF'

# Monospace for code: Latin, punctuation, arrows, maths and box drawing only.
MONO_RANGES='U+0020-007E,U+00A0-024F,U+2000-206F,U+2190-21FF,U+2200-22FF,U+2500-259F'

# Keep the OpenType layout features the engine uses (halt vhal palt vpal fwid hwid pwid
# kern vkrn liga locl vert …, T11–T14) but not `aalt`, and keep only the default and the
# Simplified-Chinese (ZHS) language systems: `aalt` and the JAN/KOR/ZHT/ZHH `locl`
# lookups pull ~18,000 alternate glyphs into a Noto face (40,176 glyphs and 13 MB
# with `--layout-features='*'`, against ~22,200 glyphs near 9 MB without them).
# Every name record in every language is kept (family names, incl. Chinese ones, are
# how --font-dir faces are matched to roles).
# CFF outlines need no hinting; dropping TrueType hints only makes the files smaller.
FEATURES='ccmp,locl,liga,clig,calt,dlig,kern,vkrn,halt,vhal,palt,vpal,chws,vchw,fwid,hwid,pwid,twid,qwid,vert,vrt2,frac,sups,subs,afrc,case,mark,mkmk'
SCRIPTS='DFLT,latn.dflt,latn.ZHS,grek.dflt,grek.ZHS,hani.dflt,hani.ZHS,kana.dflt,kana.ZHS'
COMMON="--layout-features=$FEATURES --name-IDs=* --name-languages=* --notdef-outline --no-hinting"

subset() { # src out unicodes [extra args]
    src=$1 out=$2 uni=$3
    shift 3
    echo "subsetting $src -> $out" >&2
    # shellcheck disable=SC2086 # COMMON is a list of words on purpose
    pyftsubset "$src" $COMMON --unicodes="$uni" --output-file="$here/$out" "$@"
}

# The SC face is index 2 of the Noto CJK collections (JP=0, KR=1, SC=2, TC=3, HK=4).
subset "$noto/NotoSerifCJK-Regular.ttc" NotoSerifCJKsc-Regular.otf "$CJK_RANGES" --font-number=2 --layout-scripts="$SCRIPTS"
subset "$noto/NotoSerifCJK-Bold.ttc" NotoSerifCJKsc-Bold.otf "$CJK_RANGES" --font-number=2 --layout-scripts="$SCRIPTS"
subset "$noto/NotoSansCJK-Bold.ttc" NotoSansCJKsc-Bold.otf "$CJK_RANGES" --font-number=2 --layout-scripts="$SCRIPTS"
subset "$wenkai/LXGWWenKai-Regular.ttf" LXGWWenKai-Regular.ttf "$CJK_RANGES" --layout-scripts="$SCRIPTS"
# Zhuque Fangsong (FangSong role): built by fontmake from TrionesType/zhuque (SOURCES.md).
if [ -n "${ZHUQUE_TTF:-}" ]; then
    subset "$ZHUQUE_TTF" ZhuqueFangsong-Regular.ttf "$CJK_RANGES" --layout-scripts="$SCRIPTS"
else
    echo "ZHUQUE_TTF not set: ZhuqueFangsong-Regular.ttf left as it is" >&2
fi
subset "$dejavu/DejaVuSansMono.ttf" DejaVuSansMono.ttf "$MONO_RANGES"

ls -l "$here"/*.otf "$here"/*.ttf >&2
