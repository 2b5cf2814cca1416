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
    let doc = read::read_file_logged(path, read_opts, log)?;
    let format = read_opts.from.or_else(|| InputFormat::from_path(path));
    let opts = PassOptions {
        cleanup,
        infer_structure: infer_structure.unwrap_or(format == Some(InputFormat::Text)),
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
