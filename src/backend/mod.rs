//! Output backends behind one small trait, registered by format name.
//!
//! A backend receives the finished AST and a [`Context`]; it never re-parses text.

pub mod docx;
pub mod epub;
pub mod pdf;
pub mod time;
pub mod titles;
pub mod xhtml;
pub mod zip;

use crate::ast::Document;
use crate::error::Result;
use crate::image::{ImageRules, ImageSource};
use crate::log::Log;
use crate::style::Style;
use std::path::{Path, PathBuf};

/// Options that concern output only (fonts, splitting, TOC, timestamps).
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Extra font folders searched before the bundled fonts (`--font-dir`).
    pub font_dirs: Vec<PathBuf>,
    /// Embed font subsets where the format allows it (EPUB; PDF always embeds).
    pub embed_fonts: bool,
    /// DOCX: embed obfuscated font subsets (`--embed-fonts`; also on when the style's
    /// `docx.embed-fonts` is).
    pub docx_embed_fonts: bool,
    /// EPUB: split single-article books into one file per heading of this level.
    pub split_level: u8,
    /// Make a table of contents (`--toc`): sets the style's `toc.enabled` (PDF contents
    /// page, DOCX TOC field).
    pub toc: bool,
    /// `SOURCE_DATE_EPOCH`, if set: the only source of timestamps.
    pub source_date_epoch: Option<i64>,
    /// Where images may come from and how big they may be (`--resource-path`).
    pub images: ImageRules,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            font_dirs: Vec::new(),
            embed_fonts: true,
            docx_embed_fonts: false,
            split_level: 1,
            toc: false,
            source_date_epoch: None,
            images: ImageRules::default(),
        }
    }
}

impl RenderOptions {
    /// Reads `SOURCE_DATE_EPOCH` from the environment (ignored when not an integer).
    pub fn with_env(mut self) -> Self {
        self.source_date_epoch = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|v| v.trim().parse().ok());
        self
    }
}

/// What a backend gets besides the document.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// Page, font and size settings.
    pub style: &'a Style,
    /// Output options.
    pub options: &'a RenderOptions,
    /// Folder of the input file, for relative image and link paths.
    pub base_dir: &'a Path,
}

impl<'a> Context<'a> {
    /// Make a table of contents: the style's `toc.enabled`, which `--toc` turns on.
    pub fn toc(&self) -> bool {
        self.options.toc || self.style.toc.enabled
    }

    /// The style with the output options that set style keys applied (`--toc` sets
    /// `toc.enabled`): what the layout engine is given.
    pub fn style_with_options(&self) -> std::borrow::Cow<'a, Style> {
        match self.options.toc && !self.style.toc.enabled {
            true => {
                let mut style = self.style.clone();
                style.toc.enabled = true;
                std::borrow::Cow::Owned(style)
            }
            false => std::borrow::Cow::Borrowed(self.style),
        }
    }

    /// The images this input may use: every backend asks here, so all make one decision.
    pub fn images(&self) -> ImageSource<'a> {
        ImageSource {
            base_dir: self.base_dir,
            rules: &self.options.images,
        }
    }
}

/// An output format.
pub trait Backend: Send + Sync {
    /// Format name used by `--to` (`pdf`, `epub`, `docx`).
    fn name(&self) -> &'static str;
    /// File extension without the dot.
    fn extension(&self) -> &'static str;
    /// Renders the document to the bytes of one file; warnings go to `log`.
    fn render(&self, doc: &Document, ctx: &Context<'_>, log: &mut Log) -> Result<Vec<u8>>;

    /// [`Backend::render`], with the page count for a paged format (PDF): batch reports
    /// give it without parsing the file again. Formats without pages keep this default.
    fn render_counted(&self, doc: &Document, ctx: &Context<'_>, log: &mut Log) -> Result<Rendered> {
        Ok(Rendered {
            bytes: self.render(doc, ctx, log)?,
            pages: None,
        })
    }
}

/// One rendered file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Number of pages (PDF), `None` for a format without pages (EPUB, DOCX).
    pub pages: Option<usize>,
}

/// The registered backends, in default output order.
pub fn registry() -> Vec<&'static dyn Backend> {
    vec![&pdf::Pdf, &epub::Epub, &docx::Docx]
}

/// The backend for a format name, if it is available.
pub fn find(name: &str) -> Option<&'static dyn Backend> {
    registry().into_iter().find(|b| b.name() == name)
}

/// The backend whose files end in `.{ext}` (compared without case), if any.
pub fn by_extension(ext: &str) -> Option<&'static dyn Backend> {
    registry()
        .into_iter()
        .find(|b| b.extension().eq_ignore_ascii_case(ext))
}
