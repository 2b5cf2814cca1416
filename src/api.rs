//! The in-memory entry point for services and other tools: bytes or `&str` in, the bytes
//! of one PDF, EPUB or DOCX out, nothing read from or written to disk except fonts and
//! images. The `paiban convert` command goes through the same functions
//! ([`pipeline::load_bytes`], [`pipeline::render_counted`]), so both give the same bytes.
//!
//! ```
//! use paiban::api::{convert_str, ConvertOptions};
//! use paiban::read::InputFormat;
//!
//! let options = ConvertOptions::default();
//! let pdf = convert_str("# 标题\n\n正文,一段。\n", InputFormat::Markdown, "pdf", &options)?;
//! assert!(pdf.bytes.starts_with(b"%PDF-"));
//! assert_eq!(pdf.pages, Some(1));
//! # Ok::<(), paiban::Error>(())
//! ```

use crate::backend::{self, Context, RenderOptions};
use crate::error::{Error, Result};
use crate::log::Log;
use crate::pipeline;
use crate::read::{InputFormat, ReadOptions};
use crate::style::Style;
use std::path::PathBuf;

/// How to read, clean up and render one input (the library side of `paiban convert`'s
/// options).
#[derive(Debug, Clone)]
pub struct ConvertOptions {
    /// Page, font and size settings (default: the `handout` preset).
    pub style: Style,
    /// Fonts, EPUB splitting, DOCX table of contents, timestamps, image rules.
    pub render: RenderOptions,
    /// Input encoding (e.g. `gb18030`); `None` detects it.
    pub encoding: Option<String>,
    /// Run the clean-up passes (punctuation, paragraph repair, stray markup).
    pub cleanup: bool,
    /// Infer titles, headings and bylines; `None`: on for plain text, off for Markdown.
    pub infer_structure: Option<bool>,
    /// The Markdown heading depth printed as level 1 (1–6, `--top-level-heading`); `None`:
    /// the shallowest depth used after the title.
    pub top_level_heading: Option<u8>,
    /// Name of the input in warnings and metadata (default `input`): no file is read.
    pub source_name: PathBuf,
    /// Folder relative image paths are looked up in (default: the current folder).
    pub base_dir: PathBuf,
}

impl Default for ConvertOptions {
    fn default() -> Self {
        ConvertOptions {
            style: Style::handout(),
            render: RenderOptions::default(),
            encoding: None,
            cleanup: true,
            infer_structure: None,
            top_level_heading: None,
            source_name: PathBuf::from("input"),
            base_dir: PathBuf::from("."),
        }
    }
}

/// One converted document.
#[derive(Debug, Clone)]
pub struct Converted {
    /// The bytes of the output file.
    pub bytes: Vec<u8>,
    /// Number of pages for a PDF, `None` for EPUB and DOCX.
    pub pages: Option<usize>,
    /// The changes the passes made and the warnings (see [`Log::warnings`]).
    pub log: Log,
}

/// Converts `input` (bytes in any supported encoding) in `format` to the format named
/// `to` (`pdf`, `epub` or `docx`).
///
/// ```
/// use paiban::api::{convert_bytes, ConvertOptions};
/// use paiban::read::InputFormat;
///
/// let text = "标题\n\n第一段正文。\n".as_bytes();
/// let docx = convert_bytes(text, InputFormat::Text, "docx", &ConvertOptions::default())?;
/// assert!(docx.bytes.starts_with(b"PK"));
/// assert_eq!(docx.pages, None);
/// assert!(convert_bytes(text, InputFormat::Text, "odt", &ConvertOptions::default()).is_err());
/// # Ok::<(), paiban::Error>(())
/// ```
pub fn convert_bytes(
    input: &[u8],
    format: InputFormat,
    to: &str,
    options: &ConvertOptions,
) -> Result<Converted> {
    let backend = backend::find(&to.trim().to_ascii_lowercase())
        .ok_or_else(|| Error::UnknownFormat(to.to_string()))?;
    let mut log = Log::default();
    let doc = pipeline::load_bytes(
        input,
        &options.source_name,
        format,
        &ReadOptions {
            encoding: options.encoding.clone(),
            top_level_heading: options.top_level_heading,
            ..ReadOptions::default()
        },
        options.cleanup,
        options.infer_structure,
        &mut log,
    )?;
    // The document's front-matter `style:` applies as in `paiban convert` (a style file is
    // looked up in `base_dir`).
    let source = options.base_dir.join(
        options
            .source_name
            .file_name()
            .unwrap_or(options.source_name.as_os_str()),
    );
    let style = pipeline::document_style(&doc, &source, &options.style)
        .map_err(|e| Error::Style(e.to_string()))?;
    let ctx = Context {
        style: &style,
        options: &options.render,
        base_dir: &options.base_dir,
    };
    let rendered = pipeline::render_counted(&doc, backend, &ctx, &mut log)?;
    Ok(Converted {
        bytes: rendered.bytes,
        pages: rendered.pages,
        log,
    })
}

/// [`convert_bytes`] for text already in a Rust string (UTF-8).
///
/// ```
/// use paiban::api::{convert_str, ConvertOptions};
/// use paiban::read::InputFormat;
///
/// let epub = convert_str("# 书名\n\n正文。\n", InputFormat::Markdown, "epub", &ConvertOptions::default())?;
/// assert!(epub.bytes.starts_with(b"PK"));
/// # Ok::<(), paiban::Error>(())
/// ```
pub fn convert_str(
    input: &str,
    format: InputFormat,
    to: &str,
    options: &ConvertOptions,
) -> Result<Converted> {
    let options = ConvertOptions {
        encoding: Some("utf-8".into()),
        ..options.clone()
    };
    convert_bytes(input.as_bytes(), format, to, &options)
}

#[cfg(test)]
mod front_matter_style_tests {
    use super::*;

    /// The API applies a front-matter `style:` as `paiban convert` does.
    #[test]
    fn front_matter_style_applies_and_a_bad_one_is_an_error() {
        let opts = ConvertOptions::default();
        let plain = convert_str("正文。\n", InputFormat::Markdown, "docx", &opts).unwrap();
        let gongwen = "---\nstyle: gongwen\n---\n\n正文。\n";
        let styled = convert_str(gongwen, InputFormat::Markdown, "docx", &opts).unwrap();
        let has_char_grid = |bytes: &[u8]| {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
                .unwrap();
            xml.contains("linesAndChars")
        };
        assert!(!has_char_grid(&plain.bytes));
        assert!(has_char_grid(&styled.bytes));
        let bad = "---\nstyle: no-such-style\n---\n\n正文。\n";
        let err = convert_str(bad, InputFormat::Markdown, "docx", &opts).unwrap_err();
        assert!(matches!(err, Error::Style(_)), "{err}");
    }
}
