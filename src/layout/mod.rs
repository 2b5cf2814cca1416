//! The typesetting engine (no PDF types here): AST → pages.
//!
//! Stages, in the order they run for one document (modelled on Typst's `typst-layout`):
//!
//! 1. `driver` — entry point [`layout`]: picks the top-level blocks, runs the stages below.
//! 2. `para_cache` — sets the plain body paragraphs on the other cores while the block
//!    builder (4) walks the document and takes their lines.
//! 3. The paragraph engine, per paragraph:
//!    `collect` (AST inlines → styled runs) → `shape` (runs → atoms and glue; faces from
//!    `face_cache`) → `breaks` (break opportunities, kinsoku) → `linebreak` (total-fit line
//!    choice) → `justify` (placement of each chosen line).
//! 4. The block builder, `blocks` (AST blocks → vertical list of `vlist` boxes), with its
//!    helpers `article` (title block), `official` (the GB/T 9704 版头, closing and 版记,
//!    T30), `media` (code and figures), `table` and `notes`.
//! 5. `contents` — the contents page (`toc`), set before page breaking; its page numbers,
//!    leaders and links are filled in once the pages are known.
//! 6. `paginate` — page breaking, blank pages before recto chapters, footnotes, page
//!    numbers, running heads, mirrored margins.
//! 7. [`page`] — the output model handed to the PDF writer; [`dump()`] prints it as text.
//!
//! `types` holds the public types of the paragraph engine.

// Stage modules in run order (one blank line between them keeps rustfmt from sorting).
mod driver;

mod para_cache;

mod collect;

mod face_cache;

mod shape;

mod breaks;

mod linebreak;

mod justify;

mod blocks;

mod article;

mod official;

mod media;

mod table;
pub(crate) use media::{HOOK_CELLS, MONO_CELL_EM};
pub(crate) use table::column_widths;

mod notes;

mod vlist;

mod contents;

mod paginate;

pub mod page;

pub mod dump;

mod types;

pub use collect::{collect, collect_with_notes};
pub use driver::{layout, pages, PageStream};
pub use dump::dump;
pub use page::Layout;
pub use types::{
    ClusterText, Decoration, Dot, Face, FontSet, GlyphRun, Kinsoku, Line, LinkArea, ParaSpec,
    PlacedGlyph, RunStyle, StyledRun, TextLook,
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
