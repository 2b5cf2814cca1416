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

/// One glyph of `mutool draw -F stext` with its fill colour.
#[derive(Debug, Clone)]
pub struct Coloured {
    /// The character.
    pub c: char,
    /// Font name.
    pub font: String,
    /// `#rrggbb`.
    pub color: String,
}

/// Every glyph of the PDF with its font and colour, in stream order.
pub fn coloured_glyphs(pdf: &std::path::Path) -> Vec<Coloured> {
    let xml = crate::support::pdf::run(
        "mutool",
        &[
            "draw",
            "-q",
            "-F",
            "stext",
            "-o",
            "-",
            pdf.to_str().unwrap(),
        ],
    );
    let mut out = Vec::new();
    let mut font = String::new();
    let mut reader = quick_xml::Reader::from_str(&xml);
    loop {
        use quick_xml::events::Event;
        match reader.read_event().expect("stext XML") {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let attr = |name: &[u8]| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == name)
                        .map(|a| a.unescape_value().unwrap().to_string())
                };
                match e.name().as_ref() {
                    b"font" => font = attr(b"name").unwrap_or_default(),
                    b"char" => {
                        if let (Some(c), Some(color)) = (attr(b"c"), attr(b"color")) {
                            if let Some(c) = c.chars().next() {
                                out.push(Coloured {
                                    c,
                                    font: font.clone(),
                                    color,
                                });
                            }
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    out
}
