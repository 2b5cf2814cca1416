//! The whole conversion of one input: read, run the passes, render.

use crate::ast::Document;
use crate::backend::{Backend, Context};
use crate::error::Result;
use crate::log::Log;
use crate::passes::{self, PassOptions};
use crate::read::{self, InputFormat, ReadOptions};
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
    let doc = read::read_file(path, read_opts)?;
    let format = read_opts.from.or_else(|| InputFormat::from_path(path));
    Ok(run_passes(doc, format, cleanup, infer_structure, log))
}

/// [`load`] for bytes already in memory (as if read from `path`, for messages): the whole
/// front half of a conversion without the file system, as the fuzz targets drive it.
pub fn load_bytes(
    bytes: &[u8],
    path: &Path,
    format: InputFormat,
    encoding: Option<&str>,
    infer_structure: Option<bool>,
    log: &mut Log,
) -> Result<Document> {
    let doc = read::read_bytes(bytes, path, format, encoding)?;
    Ok(run_passes(doc, Some(format), true, infer_structure, log))
}

/// Runs the passes with structure inference defaulting to on for plain text only.
fn run_passes(
    doc: Document,
    format: Option<InputFormat>,
    cleanup: bool,
    infer_structure: Option<bool>,
    log: &mut Log,
) -> Document {
    let opts = PassOptions {
        cleanup,
        infer_structure: infer_structure.unwrap_or(format == Some(InputFormat::Text)),
    };
    passes::run(doc, &opts, log)
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
