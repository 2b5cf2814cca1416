//! T25 for formats that embed subsets (EPUB): a font of a face's *Latin* quotes. Noto CJK
//! maps `‘ ’ “ ”` to full-width glyphs and keeps its proportional ones behind the `pwid`
//! feature, which the subsets lose with GSUB; this subset maps the quote code points
//! straight to the glyphs `pwid` picks (the face's own glyphs where it has no `pwid`, as in
//! LXGW WenKai, whose quotes are proportional already).

use super::subset::{provider, Tables};
use super::Face;
use crate::error::{Error, Result};
use allsorts::subset::{subset, CmapTarget, SubsetProfile};

/// A cmap table with one format-4 subtable (Windows, Unicode BMP) mapping each of `map`
/// (ascending code points) to its glyph, one segment per character.
fn cmap_format4(map: &[(u16, u16)]) -> Vec<u8> {
    let seg_count = map.len() + 1; // + the final 0xFFFF segment
    let mut ends: Vec<u16> = map.iter().map(|m| m.0).collect();
    ends.push(0xFFFF);
    let mut deltas: Vec<u16> = map.iter().map(|(c, g)| g.wrapping_sub(*c)).collect();
    deltas.push(1);
    let pow = 1u16 << (usize::BITS - 1 - seg_count.leading_zeros());
    let search_range = 2 * pow;
    let entry_selector = pow.trailing_zeros() as u16;
    let range_shift = 2 * seg_count as u16 - search_range;
    let length = 16 + 8 * seg_count;
    let mut sub: Vec<u16> = vec![
        4,
        length as u16,
        0,
        2 * seg_count as u16,
        search_range,
        entry_selector,
        range_shift,
    ];
    sub.extend(&ends);
    sub.push(0); // reservedPad
    sub.extend(&ends); // start codes: one character per segment
    sub.extend(&deltas);
    sub.extend(std::iter::repeat_n(0, seg_count)); // idRangeOffset
    let mut out: Vec<u8> = Vec::new();
    for v in [0u16, 1, 3, 1] {
        out.extend(v.to_be_bytes()); // version, numTables, platform 3, encoding 1
    }
    out.extend(12u32.to_be_bytes());
    for v in sub {
        out.extend(v.to_be_bytes());
    }
    out
}

/// The glyph each of `quotes` takes with `pwid` on (its default glyph without `pwid`).
fn proportional_glyphs(face: &Face, quotes: &[char]) -> Option<Vec<u16>> {
    let hb = rustybuzz::Face::from_slice(face.data(), face.index)?;
    let feature = rustybuzz::Feature::new(rustybuzz::ttf_parser::Tag::from_bytes(b"pwid"), 1, ..);
    quotes
        .iter()
        .map(|&q| {
            let mut buf = rustybuzz::UnicodeBuffer::new();
            buf.add(q, 0);
            let shaped = rustybuzz::shape(&hb, &[feature], buf);
            let gid = shaped.glyph_infos().first()?.glyph_id as u16;
            (gid != 0).then_some(gid)
        })
        .collect()
}

/// A subset of `face` holding its Latin-width glyphs for `quotes` (curly quotes, ascending),
/// mapped to the quote code points.
pub fn latin_quote_subset(face: &Face, quotes: &[char]) -> Result<Vec<u8>> {
    let err = |e: String| Error::Font(format!("Latin quotes of {}: {e}", face.family));
    let gids = proportional_glyphs(face, quotes).ok_or_else(|| err("no glyph".into()))?;
    let map: Vec<(u16, u16)> = quotes.iter().map(|&q| q as u16).zip(gids.clone()).collect();
    let mut glyph_ids: Vec<u16> = std::iter::once(0).chain(gids).collect();
    glyph_ids[1..].sort_unstable();
    glyph_ids.dedup();
    let tables = Tables {
        inner: provider(face.data(), face.index).map_err(err)?,
        cmap: Some(cmap_format4(&map)),
        cff: face.prepared().cff(face, glyph_ids.len()),
    };
    subset(
        &tables,
        &glyph_ids,
        &SubsetProfile::Minimal,
        CmapTarget::Unicode,
    )
    .map_err(|e| err(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::FontSet;
    use crate::style::FontRole;

    /// Advance in em of `c` in the font `data`.
    fn advance(data: &[u8], c: char) -> f32 {
        let f = rustybuzz::ttf_parser::Face::parse(data, 0).expect("parses");
        let g = f.glyph_index(c).expect("mapped");
        f32::from(f.glyph_hor_advance(g).unwrap()) / f32::from(f.units_per_em())
    }

    #[test]
    fn t25_noto_latin_quotes_are_proportional() {
        let set = FontSet::bundled();
        let song = set.primary(FontRole::Song);
        let quotes = ['‘', '’', '“', '”'];
        // The face's own mapping is full-width …
        assert!(advance(song.data(), '’') > 0.9);
        let data = latin_quote_subset(song, &quotes).expect("subsets");
        // … the subset's is Noto's proportional quote.
        for q in quotes {
            let w = advance(&data, q);
            assert!(w > 0.2 && w < 0.6, "{q}: {w} em");
        }
    }

    #[test]
    fn t25_a_face_without_pwid_keeps_its_own_quotes() {
        let set = FontSet::bundled();
        let kai = set.primary(FontRole::Kai);
        let data = latin_quote_subset(kai, &['’']).expect("subsets");
        assert!((advance(&data, '’') - advance(kai.data(), '’')).abs() < 1e-3);
    }
}
