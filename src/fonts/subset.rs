//! Font subsetting with `allsorts`, shared by the EPUB and DOCX backends: complete OpenType
//! subsets (cmap, hmtx, CFF or glyf, OS/2, name, post) that browsers, e-readers, Word and
//! LibreOffice accept.
//!
//! Why allsorts: `subsetter` (krilla's) writes PDF-only fonts without a cmap; `fontcull`
//! (fontations' klippa) copies the CFF table whole, and Noto CJK is CFF (7 MB per face);
//! `hb-subset` needs bindgen/libclang and a C++ HarfBuzz build. allsorts subsets CFF and
//! glyf in pure Rust and writes a Unicode cmap. It drops GSUB/GPOS. The vendored copy
//! (`vendor/README.md`) keeps only the CFF subroutines the kept glyphs call, renumbered:
//! stock allsorts keeps every slot of Noto CJK's ~23,000, which made a 50-glyph subset 62 KB.
//!
//! Speed (issue 12): allsorts reads everything through a [`FontTableProvider`], so
//! [`Tables`] hands it, per face and once per process ([`Prepared`]), tables that give the
//! same subset with less work: a cmap holding only the mappings of the kept glyphs (allsorts
//! walks the whole cmap of a 30 000-glyph face and tests every glyph against the kept list),
//! and a CFF table whose charset and FDSelect are direct arrays (allsorts scans their ranges
//! from the start for every kept glyph). The subset bytes do not change.

use super::Face;
use crate::error::{Error, Result};
use allsorts::binary::read::ReadScope;
use allsorts::error::ParseError;
use allsorts::font::{read_cmap_subtable, Encoding};
use allsorts::font_data::FontData;
use allsorts::subset::{subset, CmapTarget, SubsetProfile};
use allsorts::tables::cmap::Cmap;
use allsorts::tables::FontTableProvider;
use allsorts::tag;
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

fn font_err(msg: String) -> Error {
    Error::Font(msg)
}

/// The tables of a font with some replaced: what allsorts reads instead of the file's own.
pub(super) struct Tables<'a, P> {
    /// The font's own tables.
    pub inner: P,
    /// A replacement cmap table, if any.
    pub cmap: Option<Vec<u8>>,
    /// A replacement CFF table, if any.
    pub cff: Option<&'a [u8]>,
}

impl<P: FontTableProvider> FontTableProvider for Tables<'_, P> {
    fn table_data(&self, t: u32) -> std::result::Result<Option<Cow<'_, [u8]>>, ParseError> {
        match (t, &self.cmap, self.cff) {
            (tag::CMAP, Some(cmap), _) => Ok(Some(Cow::Borrowed(cmap))),
            (tag::CFF, _, Some(cff)) => Ok(Some(Cow::Borrowed(cff))),
            _ => self.inner.table_data(t),
        }
    }

    fn has_table(&self, t: u32) -> bool {
        (t == tag::CMAP && self.cmap.is_some()) || self.inner.has_table(t)
    }

    fn table_tags(&self) -> Option<Vec<u32>> {
        self.inner.table_tags()
    }
}

/// What subsetting one face needs beyond its bytes, worked out once per process (kept in
/// the [`Face`], which the bundled set shares across a batch).
#[derive(Default)]
pub(super) struct Prepared {
    /// The Unicode mappings of the cmap subtable allsorts reads, by glyph: the characters
    /// of glyph `g` are `chars[starts[g]..starts[g + 1]]`. `None` when that subtable is not
    /// Unicode or not in ascending character order (then allsorts reads the face's own).
    by_glyph: Option<(Vec<u32>, Vec<u32>)>,
    /// Whether the face has a CFF table.
    has_cff: bool,
    /// Glyphs asked of the face's subsets so far, counted until [`DIRECT_CFF_AFTER`].
    glyphs: AtomicUsize,
    /// The CFF table with format-0 charset and FDSelect appended and pointed to, made once
    /// [`DIRECT_CFF_AFTER`] glyphs were asked; `None` inside for CFF tables this does not
    /// apply to.
    cff: OnceLock<Option<Vec<u8>>>,
}

/// Glyphs a face's subsets must have asked for in all, before its CFF table is rewritten
/// ([`direct_cff`]): copying a 7 MB Noto CJK table (~3.5 ms) costs as much as looking some
/// 500 glyphs up in its range-coded charset (~7 µs each), so the rewrite waits until that
/// many were asked (at most twice the cheaper choice's time, whatever comes next). CPU for
/// input/yiwu.txt → EPUB: 33.5 ms rewriting at once, 26 ms with this threshold; for the
/// 120-file book → EPUB: 563 ms at once, 591 ms with it, 654 ms never.
const DIRECT_CFF_AFTER: usize = 500;

impl Prepared {
    /// Reads the cmap and CFF of face `index` of `data`; whatever cannot be prepared is
    /// left to allsorts as it is.
    pub(super) fn of(data: &[u8], index: u32) -> Prepared {
        let Ok(provider) = provider(data, index) else {
            return Prepared::default();
        };
        let cmap = provider.table_data(tag::CMAP).ok().flatten();
        let cff = provider.table_data(tag::CFF).ok().flatten();
        Prepared {
            by_glyph: cmap.and_then(|c| mappings_by_glyph(&c)),
            has_cff: cff.is_some(),
            ..Prepared::default()
        }
    }

    /// The CFF table allsorts is to read for a subset of `glyphs` glyphs of `face`: the
    /// rewritten one once the face has been asked for [`DIRECT_CFF_AFTER`] glyphs in all,
    /// else `None` (the face's own).
    pub(super) fn cff(&self, face: &Face, glyphs: usize) -> Option<&[u8]> {
        if !self.has_cff {
            return None;
        }
        let seen = self.glyphs.fetch_add(glyphs, Ordering::Relaxed) + glyphs;
        let cff = if seen >= DIRECT_CFF_AFTER {
            self.cff.get_or_init(|| {
                let inner = provider(face.data(), face.index).ok()?;
                direct_cff(&inner.table_data(tag::CFF).ok()??)
            })
        } else {
            self.cff.get()?
        };
        cff.as_deref()
    }

    /// A cmap table holding exactly the mappings allsorts keeps for `glyph_ids` (those of
    /// the kept glyphs other than 0): one format-12 subtable (Windows, UCS-4), which allsorts
    /// prefers, so it reads the same encoding and mappings as from the face's cmap.
    fn cmap_for(&self, glyph_ids: &[u16]) -> Option<Vec<u8>> {
        let (starts, chars) = self.by_glyph.as_ref()?;
        let mut map: Vec<(u32, u16)> = Vec::new();
        for &g in glyph_ids.iter().filter(|&&g| g != 0) {
            let (a, b) = (
                *starts.get(usize::from(g))?,
                *starts.get(usize::from(g) + 1)?,
            );
            map.extend(chars[a as usize..b as usize].iter().map(|&c| (c, g)));
        }
        map.sort_unstable();
        let groups = u32::try_from(map.len()).ok()?;
        let length = 16 + 12 * groups;
        let mut out: Vec<u8> = Vec::with_capacity(12 + length as usize);
        for v in [0u16, 1, 3, 10] {
            out.extend(v.to_be_bytes()); // version, numTables, platform 3, encoding 10
        }
        out.extend(12u32.to_be_bytes());
        out.extend(12u16.to_be_bytes()); // format
        out.extend(0u16.to_be_bytes()); // reserved
        for v in [length, 0, groups] {
            out.extend(v.to_be_bytes()); // length, language, numGroups
        }
        for (c, g) in map {
            for v in [c, c, u32::from(g)] {
                out.extend(v.to_be_bytes()); // startCharCode, endCharCode, startGlyphID
            }
        }
        Some(out)
    }
}

/// The tables of face `index` of `data`, as allsorts reads them.
pub(super) fn provider(
    data: &[u8],
    index: u32,
) -> std::result::Result<impl FontTableProvider + '_, String> {
    let font_file = ReadScope::new(data)
        .read::<FontData<'_>>()
        .map_err(|e| e.to_string())?;
    font_file
        .table_provider(index as usize)
        .map_err(|e| e.to_string())
}

/// The mappings of the cmap subtable allsorts subsets from, grouped by glyph (see
/// [`Prepared::by_glyph`]); glyph 0 is left out, as allsorts leaves it out.
fn mappings_by_glyph(cmap: &[u8]) -> Option<(Vec<u32>, Vec<u32>)> {
    let cmap = ReadScope::new(cmap).read::<Cmap<'_>>().ok()?;
    let (encoding, sub) = read_cmap_subtable(&cmap).ok()??;
    if encoding != Encoding::Unicode {
        return None;
    }
    let mut pairs: Vec<(u16, u32)> = Vec::new();
    let mut ascending = true;
    let mut last: Option<u32> = None;
    sub.mappings_fn(|c, g| {
        // A character met twice would make allsorts keep whichever mapping came last.
        ascending &= last.is_none_or(|l| c > l);
        last = Some(c);
        if g != 0 {
            pairs.push((g, c));
        }
    })
    .ok()?;
    if !ascending {
        return None;
    }
    // Grouped by glyph with a counting sort: a CJK cmap has some 60 000 mappings.
    let n = usize::from(pairs.iter().map(|p| p.0).max().unwrap_or(0)) + 1;
    let mut starts: Vec<u32> = vec![0; n + 1];
    for &(g, _) in &pairs {
        starts[usize::from(g) + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut next = starts.clone();
    let mut chars: Vec<u32> = vec![0; pairs.len()];
    for (g, c) in pairs {
        let slot = &mut next[usize::from(g)];
        chars[*slot as usize] = c;
        *slot += 1;
    }
    Some((starts, chars))
}

/// A CFF table's bytes from `from` on (big-endian reads that fail past the end).
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn u8(&self, at: usize) -> Option<usize> {
        self.0.get(at).map(|&b| usize::from(b))
    }
    fn u16(&self, at: usize) -> Option<usize> {
        Some(self.u8(at)? << 8 | self.u8(at + 1)?)
    }
    fn offset(&self, at: usize, size: usize) -> Option<usize> {
        (0..size).try_fold(0, |v, i| Some(v << 8 | self.u8(at + i)?))
    }
    /// The byte range of the first object of the INDEX at `at`, and where the INDEX ends.
    fn first_of_index(&self, at: usize) -> Option<((usize, usize), usize)> {
        let count = self.u16(at)?;
        let size = self.u8(at + 2)?;
        let base = at + 3 + (count + 1) * size - 1;
        let first = (
            base + self.offset(at + 3, size)?,
            base + self.offset(at + 3 + size, size)?,
        );
        Some((first, base + self.offset(at + 3 + count * size, size)?))
    }
}

/// Top DICT operators whose offsets [`direct_cff`] rewrites.
const CHARSET: u16 = 15;
const FD_SELECT: u16 = 0x0C25;
const CHAR_STRINGS: u16 = 17;

/// The CFF table `cff` with its range-coded charset and FDSelect rewritten as format 0
/// (direct arrays), appended to the table and pointed to by the Top DICT; each only when
/// its offset is a 5-byte integer (patched in place), `None` when neither is. allsorts
/// copies the charset's and FDSelect's values into every subset, in a format of its own
/// choosing whatever format it read, so the subset bytes stay the same.
fn direct_cff(cff: &[u8]) -> Option<Vec<u8>> {
    let b = Bytes(cff);
    let (_, names_end) = b.first_of_index(b.u8(2)?)?;
    let ((top, top_end), _) = b.first_of_index(names_end)?;
    // Operator → byte position of its last operand when that operand is a 5-byte integer.
    let mut five_byte: Vec<(u16, Option<usize>)> = Vec::new();
    let (mut at, mut last) = (top, None);
    while at < top_end {
        let v = b.u8(at)?;
        match v {
            12 => {
                five_byte.push((0x0C00 | b.u8(at + 1)? as u16, last));
                (at, last) = (at + 2, None);
            }
            0..=21 => {
                five_byte.push((v as u16, last));
                (at, last) = (at + 1, None);
            }
            28 => (at, last) = (at + 3, None),
            29 => (at, last) = (at + 5, Some(at + 1)),
            30 => {
                at += 1;
                while b.u8(at)? & 0x0F != 0x0F && b.u8(at)? >> 4 != 0x0F {
                    at += 1;
                }
                (at, last) = (at + 1, None);
            }
            32..=246 => (at, last) = (at + 1, None),
            247..=254 => (at, last) = (at + 2, None),
            _ => return None,
        }
    }
    let operand = |op| five_byte.iter().find(|e| e.0 == op).and_then(|e| e.1);
    let char_strings = b.offset(operand(CHAR_STRINGS)?, 4)?;
    let n_glyphs = b.u16(char_strings)?;
    // (offset operand position, the table in format 0) for each one that needs it.
    let charset = operand(CHARSET).and_then(|p| {
        // Offsets 0–2 name the predefined charsets.
        let ids = charset_ids(&b, b.offset(p, 4).filter(|&o| o > 2)?, n_glyphs)?;
        let bytes = std::iter::once(0).chain(ids.iter().flat_map(|id| id.to_be_bytes()));
        Some((p, bytes.collect::<Vec<u8>>()))
    });
    let fd_select = operand(FD_SELECT).and_then(|p| {
        let fds = fd_indices(&b, b.offset(p, 4)?, n_glyphs)?;
        Some((p, std::iter::once(0).chain(fds).collect::<Vec<u8>>()))
    });
    if charset.is_none() && fd_select.is_none() {
        return None;
    }
    let mut out = cff.to_vec();
    for (at, table) in charset.into_iter().chain(fd_select) {
        let offset = u32::try_from(out.len()).ok()?;
        out[at..at + 4].copy_from_slice(&offset.to_be_bytes());
        out.extend(table);
    }
    Some(out)
}

/// The CIDs of glyphs 1.. of a format-1 or format-2 charset at `at`, as allsorts reads
/// them (the ranges in order, each covering `nLeft + 1` glyphs); `None` for other formats
/// or ranges that do not cover every glyph.
fn charset_ids(b: &Bytes<'_>, at: usize, n_glyphs: usize) -> Option<Vec<u16>> {
    let wide = match b.u8(at)? {
        1 => false,
        2 => true,
        _ => return None,
    };
    let mut ids: Vec<u16> = Vec::with_capacity(n_glyphs);
    let mut p = at + 1;
    while ids.len() + 1 < n_glyphs {
        let first = b.u16(p)?;
        let n_left = if wide { b.u16(p + 2)? } else { b.u8(p + 2)? };
        p += if wide { 4 } else { 3 };
        let last = u16::try_from(first + n_left).ok()?;
        ids.extend(first as u16..=last);
    }
    (ids.len() + 1 == n_glyphs).then_some(ids)
}

/// The font DICT of every glyph of a format-3 FDSelect at `at`; `None` for other formats
/// or ranges that do not cover every glyph from 0.
fn fd_indices(b: &Bytes<'_>, at: usize, n_glyphs: usize) -> Option<Vec<u8>> {
    if b.u8(at)? != 3 {
        return None;
    }
    let n_ranges = b.u16(at + 1)?;
    let sentinel = b.u16(at + 3 + 3 * n_ranges)?;
    let mut fds: Vec<u8> = Vec::with_capacity(n_glyphs);
    for i in 0..n_ranges {
        let p = at + 3 + 3 * i;
        let (first, fd) = (b.u16(p)?, b.u8(p + 2)? as u8);
        let next = if i + 1 < n_ranges {
            b.u16(p + 3)?
        } else {
            sentinel
        };
        if first != fds.len() || next < first {
            return None;
        }
        fds.resize(next, fd);
    }
    (fds.len() == n_glyphs && sentinel == n_glyphs).then_some(fds)
}

/// Subsets `face` to `chars` (all of which it maps). Glyph 0 is kept first, then glyphs
/// in ascending order, so the same characters always give the same bytes.
pub fn subset_face(face: &Face, chars: &BTreeSet<char>) -> Result<Vec<u8>> {
    let mut gids: BTreeSet<u16> = face
        .glyph_ids(chars.iter().copied())
        .into_iter()
        .flatten()
        .collect();
    gids.remove(&0);
    let glyph_ids: Vec<u16> = std::iter::once(0).chain(gids).collect();
    let prepared = face.prepared();
    let inner =
        provider(face.data(), face.index).map_err(|e| font_err(format!("{}: {e}", face.family)))?;
    let tables = Tables {
        inner,
        cmap: prepared.cmap_for(&glyph_ids),
        cff: prepared.cff(face, glyph_ids.len()),
    };
    subset(
        &tables,
        &glyph_ids,
        &SubsetProfile::Minimal,
        CmapTarget::Unicode,
    )
    .map_err(|e| font_err(format!("subsetting {}: {e}", face.family)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::FontSet;
    use crate::style::FontRole;

    /// The subset allsorts makes from the face's own tables.
    fn plain_subset(face: &Face, chars: &BTreeSet<char>) -> Vec<u8> {
        let parsed = face.ttf();
        let gids: BTreeSet<u16> = chars
            .iter()
            .filter_map(|c| parsed.glyph_index(*c))
            .map(|g| g.0)
            .filter(|&g| g != 0)
            .collect();
        let glyph_ids: Vec<u16> = std::iter::once(0).chain(gids).collect();
        let inner = provider(face.data(), face.index).expect("parses");
        subset(
            &inner,
            &glyph_ids,
            &SubsetProfile::Minimal,
            CmapTarget::Unicode,
        )
        .expect("subsets")
    }

    /// The prepared cmap and CFF give the same bytes as the face's own tables, for CFF
    /// (Noto) and glyf (LXGW WenKai, DejaVu Sans Mono) faces.
    #[test]
    fn prepared_tables_give_the_same_subset() {
        let set = FontSet::bundled();
        let chars: BTreeSet<char> = "永和九年，岁在癸丑。Quick fox 0123 “”‘’—…·《》"
            .chars()
            .collect();
        for role in [
            FontRole::Song,
            FontRole::SongBold,
            FontRole::Hei,
            FontRole::Kai,
            FontRole::Mono,
        ] {
            let face = set.primary(role);
            let chars: BTreeSet<char> = chars
                .iter()
                .copied()
                .filter(|&c| face.has_char(c))
                .collect();
            let prepared = face.prepared();
            assert!(prepared.by_glyph.is_some(), "{role:?}: cmap prepared");
            let plain = plain_subset(face, &chars);
            // Before and after the CFF table is rewritten.
            assert_eq!(subset_face(face, &chars).unwrap(), plain, "{role:?}");
            let is_cff = face.data().windows(4).next() == Some(b"OTTO");
            let rewritten = prepared.cff(face, DIRECT_CFF_AFTER).is_some();
            assert_eq!(rewritten, is_cff, "{role:?}: CFF rewritten");
            assert_eq!(subset_face(face, &chars).unwrap(), plain, "{role:?}");
        }
    }

    /// An outline as the path commands ttf-parser's CFF interpreter gives for it.
    #[derive(Default, PartialEq, Debug)]
    struct Path(Vec<(char, [f32; 6])>);

    impl rustybuzz::ttf_parser::OutlineBuilder for Path {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.push(('M', [x, y, 0.0, 0.0, 0.0, 0.0]));
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0.push(('L', [x, y, 0.0, 0.0, 0.0, 0.0]));
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            self.0.push(('Q', [x1, y1, x, y, 0.0, 0.0]));
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            self.0.push(('C', [x1, y1, x2, y2, x, y]));
        }
        fn close(&mut self) {
            self.0.push(('Z', [0.0; 6]));
        }
    }

    /// The outline and advance of the glyph of `c` in `face`.
    fn glyph(face: &rustybuzz::ttf_parser::Face<'_>, c: char) -> (Path, Option<u16>) {
        let gid = face.glyph_index(c).expect("mapped");
        let mut path = Path::default();
        face.outline_glyph(gid, &mut path);
        (path, face.glyph_hor_advance(gid))
    }

    /// Asserts that the subset of `face` for `chars` draws every character exactly as the
    /// face does, and returns the subset's size.
    fn assert_same_outlines(face: &Face, chars: &BTreeSet<char>) -> usize {
        let subset = subset_face(face, chars).expect("subsets");
        let ours = rustybuzz::ttf_parser::Face::parse(&subset, 0).expect("subset parses");
        let theirs = face.ttf();
        for &c in chars {
            let (path, advance) = glyph(&ours, c);
            assert!(
                !path.0.is_empty() || c == ' ',
                "{}: {c} has an outline",
                face.family
            );
            assert_eq!((path, advance), glyph(&theirs, c), "{}: {c}", face.family);
        }
        subset.len()
    }

    /// The CJK faces of a role chain that hold CFF outlines.
    fn cff_faces() -> Vec<std::sync::Arc<Face>> {
        let set = FontSet::bundled();
        [FontRole::Song, FontRole::SongBold, FontRole::Hei]
            .into_iter()
            .map(|role| set.primary(role).clone())
            .filter(|f| f.data().starts_with(b"OTTO"))
            .collect()
    }

    /// CFF subsets keep only the subroutines their glyphs call, renumbered (vendored
    /// allsorts' `subr_compact`), and every glyph still draws the same outline with the same
    /// advance. With every subroutine slot of Noto CJK kept (~20,000 local and ~2,500
    /// global entries), a subset of a few characters was ~50 KB of mostly empty INDEX
    /// offsets.
    #[test]
    fn cff_subsets_keep_every_outline_and_only_the_subroutines_they_call() {
        let faces = cff_faces();
        assert_eq!(faces.len(), 3, "Song, Song bold and Hei are CFF faces");
        let few: BTreeSet<char> = "永和九年，岁在癸丑。".chars().collect();
        let many: BTreeSet<char> = std::fs::read_to_string("input/yiwu.txt")
            .expect("sample")
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        for face in &faces {
            let few: BTreeSet<char> = few.iter().copied().filter(|&c| face.has_char(c)).collect();
            let size = assert_same_outlines(face, &few);
            assert!(
                size < 12_000,
                "{}: {} characters in {size} bytes",
                face.family,
                few.len()
            );
            let many: BTreeSet<char> = many.iter().copied().filter(|&c| face.has_char(c)).collect();
            assert!(many.len() > 500, "{}: the sample's characters", face.family);
            assert_same_outlines(face, &many);
        }
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(24))]
            /// Any set of CJK ideographs subsets to glyphs that draw as in the face.
            #[test]
            fn cff_subsets_draw_like_the_face(
                codes in proptest::collection::btree_set(0x4E00u32..0x9FA5, 1..40),
                which in 0usize..3,
            ) {
                let face = &cff_faces()[which];
                let chars: BTreeSet<char> = codes
                    .into_iter()
                    .filter_map(char::from_u32)
                    .filter(|&c| face.has_char(c))
                    .collect();
                prop_assume!(!chars.is_empty());
                assert_same_outlines(face, &chars);
            }
        }
    }
}
