//! The whole conversion of one input: read, run the passes, render. The CLI and the
//! in-memory API ([`crate::api`]) both go through these functions: there is one pipeline.

use crate::ast::Document;
use crate::backend::{Backend, Context, Rendered};
use crate::error::Result;
use crate::log::Log;
use crate::passes::{self, PassOptions};
use crate::read::{self, InputFormat, ReadOptions};
use crate::style::{Style, StyleError};
use std::borrow::Cow;
use std::path::Path;

/// Reads `path` and runs the passes. Structure inference defaults to on for plain text
/// and off for Markdown unless `infer_structure` says otherwise.
pub fn load(
    path: &Path,
    read_opts: &ReadOptions,
    cleanup: bool,
    infer_structure: Option<bool>,
    log: &mut Log,
) -> Result<Document> {
    let (bytes, format) = read::read_input(path, read_opts)?;
    load_bytes(
        &bytes,
        path,
        format,
        read_opts,
        cleanup,
        infer_structure,
        log,
    )
}

/// Reads `bytes` (as if from `path`, used in messages and metadata) in `format` and runs
/// the passes, as [`load`] does for a file. Of `read`, the encoding and the forced top
/// heading level are used (the format is `format`; the size was checked by the caller).
pub fn load_bytes(
    bytes: &[u8],
    path: &Path,
    format: InputFormat,
    read: &ReadOptions,
    cleanup: bool,
    infer_structure: Option<bool>,
    log: &mut Log,
) -> Result<Document> {
    let mut doc = read::read_bytes_logged(bytes, path, format, read.encoding.as_deref(), log)?;
    doc.meta.top_level_heading = read.top_level_heading;
    let opts = PassOptions {
        cleanup,
        infer_structure: infer_structure.unwrap_or(format == InputFormat::Text),
    };
    Ok(passes::run(doc, &opts, log))
}

/// Renders a loaded document with one backend.
pub fn render(
    doc: &Document,
    backend: &dyn Backend,
    ctx: &Context<'_>,
    log: &mut Log,
) -> Result<Vec<u8>> {
    backend.render(doc, ctx, log)
}

/// The style `doc` (read from `path`) is set in. Merge order: preset → style file (both
/// in `given`, from `--style`) → the document's front-matter `style:`, a preset name or a
/// file relative to the document's folder, which replaces `given` for this document →
/// command-line flags that set single keys (none yet: they would be applied here, last).
pub fn document_style<'a>(
    doc: &Document,
    path: &Path,
    given: &'a Style,
) -> std::result::Result<Cow<'a, Style>, StyleError> {
    let Some(spec) = doc.meta.style.as_deref() else {
        return Ok(Cow::Borrowed(given));
    };
    let folder = path.parent().unwrap_or(Path::new(""));
    Style::load(spec, folder)
        .map(Cow::Owned)
        .map_err(|e| StyleError(format!("front-matter style: {e}")))
}

/// Renders a loaded document with one backend, with the page count when it has pages.
pub fn render_counted(
    doc: &Document,
    backend: &dyn Backend,
    ctx: &Context<'_>,
    log: &mut Log,
) -> Result<Rendered> {
    backend.render_counted(doc, ctx, log)
}
