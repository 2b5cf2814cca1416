//! Font subsetting with `allsorts`, shared by the EPUB and DOCX backends: complete OpenType
//! subsets (cmap, hmtx, CFF or glyf, OS/2, name, post) that browsers, e-readers, Word and
//! LibreOffice accept.
//!
//! Why allsorts: `subsetter` (krilla's) writes PDF-only fonts without a cmap; `fontcull`
//! (fontations' klippa) copies the CFF table whole, and Noto CJK is CFF (7 MB per face);
//! `hb-subset` needs bindgen/libclang and a C++ HarfBuzz build. allsorts subsets CFF and
//! glyf in pure Rust and writes a Unicode cmap. It drops GSUB/GPOS.

use super::Face;
use crate::error::{Error, Result};
use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{subset, CmapTarget, SubsetProfile};
use rustybuzz::ttf_parser;
use std::collections::BTreeSet;

fn font_err(msg: String) -> Error {
    Error::Font(msg)
}

/// Subsets `face` to `chars` (all of which it maps). Glyph 0 is kept first, then glyphs
/// in ascending order, so the same characters always give the same bytes.
pub fn subset_face(face: &Face, chars: &BTreeSet<char>) -> Result<Vec<u8>> {
    let parsed = ttf_parser::Face::parse(face.data(), face.index)
        .map_err(|e| font_err(format!("{}: {e}", face.family)))?;
    let mut gids: BTreeSet<u16> = chars
        .iter()
        .filter_map(|c| parsed.glyph_index(*c))
        .map(|g| g.0)
        .collect();
    gids.remove(&0);
    let glyph_ids: Vec<u16> = std::iter::once(0).chain(gids).collect();
    let scope = ReadScope::new(face.data());
    let font_file = scope
        .read::<FontData<'_>>()
        .map_err(|e| font_err(format!("{}: {e}", face.family)))?;
    let provider = font_file
        .table_provider(face.index as usize)
        .map_err(|e| font_err(format!("{}: {e}", face.family)))?;
    subset(
        &provider,
        &glyph_ids,
        &SubsetProfile::Minimal,
        CmapTarget::Unicode,
    )
    .map_err(|e| font_err(format!("subsetting {}: {e}", face.family)))
}
