//! The typesetting engine (no PDF types here): the paragraph engine (collect → shape →
//! breaks → linebreak → justify, modelled on Typst's inline layout) and page layout.

mod article;
mod blocks;
mod breaks;
mod collect;
pub mod dump;
mod justify;
mod linebreak;
mod media;
mod notes;
pub mod page;
mod paginate;
mod preset;
mod shape;
mod shaper;
mod table;
mod types;
mod vlist;

pub use collect::{collect, collect_with_notes};
pub use dump::dump;
pub use page::{layout, Layout};
pub use types::{
    Decoration, Dot, Face, FontSet, GlyphRun, Kinsoku, Line, LinkArea, ParaSpec, PlacedGlyph,
    RunStyle, StyledRun,
};

/// Sets one paragraph into lines (T8–T17, T24).
pub fn set_paragraph(spec: &ParaSpec, fonts: &FontSet) -> Vec<Line> {
    linebreak::set_paragraph(spec, fonts, &mut Vec::new())
}

/// [`set_paragraph`], appending warnings (W-KINSOKU, T9) to `warnings`.
pub fn set_paragraph_logged(
    spec: &ParaSpec,
    fonts: &FontSet,
    warnings: &mut Vec<String>,
) -> Vec<Line> {
    linebreak::set_paragraph(spec, fonts, warnings)
}
