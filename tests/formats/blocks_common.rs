//! Shared by the block tests (lists, quotes, code, tables): the fixture
//! `tests/fixtures/blocks/blocks.md` converted to each format, and the PDF's glyphs with
//! their fill colours.

use paiban::api::{convert_bytes, ConvertOptions};
use paiban::read::InputFormat;
use std::path::PathBuf;

/// The fixture's path.
pub fn fixture() -> PathBuf {
    crate::support::fixture("blocks/blocks.md")
}

/// The fixture converted to `to` with `options`.
pub fn convert_with(to: &str, options: &ConvertOptions) -> Vec<u8> {
    let bytes = std::fs::read(fixture()).unwrap();
    let options = ConvertOptions {
        source_name: PathBuf::from("blocks.md"),
        base_dir: fixture().parent().unwrap().to_path_buf(),
        ..options.clone()
    };
    convert_bytes(&bytes, InputFormat::Markdown, to, &options)
        .unwrap()
        .bytes
}

/// The fixture converted to `to` with the default options.
pub fn convert(to: &str) -> Vec<u8> {
    convert_with(to, &ConvertOptions::default())
}

/// Every glyph of the PDF with its font and fill colour, page by page, line by line.
pub fn coloured_glyphs(pdf: &std::path::Path) -> Vec<crate::support::pdf::Glyph> {
    crate::support::pdf::stext_lines(pdf)
        .into_iter()
        .flatten()
        .flat_map(|line| line.glyphs)
        .collect()
}
