//! Readers: bytes → text → AST. A reader never knows an output format.

mod cjk_emphasis;
mod containers;
mod decode;
mod frontmatter;
mod html;
mod html_blocks;
mod markdown;
mod text;

pub use decode::{decode, is_known_encoding, normalize_newlines};

use crate::ast::Document;
use crate::error::{Error, Result};
use crate::log::Log;
use std::path::Path;

/// Deepest nesting the readers build, separately for block containers (quotes, list items)
/// and inline containers (emphasis, links). Deeper content is kept at this level with a
/// W-DEPTH warning: every later stage walks the tree recursively, so an unbounded tree
/// (5,000 nested `>`) would overflow the stack and abort the whole batch.
pub const MAX_NESTING: usize = 64;

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InputFormat {
    /// CommonMark + GFM Markdown.
    Markdown,
    /// Chinese plain text.
    Text,
}

impl InputFormat {
    /// The format implied by a file extension (`md`, `markdown`, `txt`).
    pub fn from_path(path: &Path) -> Option<InputFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(InputFormat::Markdown),
            "txt" => Some(InputFormat::Text),
            _ => None,
        }
    }
}

/// Largest input file read by default, in bytes (256 MB, `--max-input-size`): far more
/// than any book, and a bound on the memory one input can take.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// How to read an input.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Force a format (`--from`); otherwise taken from the extension.
    pub from: Option<InputFormat>,
    /// Force an encoding (`--encoding NAME`); otherwise detected.
    pub encoding: Option<String>,
    /// Largest input file, in bytes (`--max-input-size`).
    pub max_input_size: u64,
    /// The Markdown heading depth printed as level 1 (`--top-level-heading`, 1–6); `None`:
    /// the shallowest depth used after the title (see [`crate::ast::Meta::top_level_heading`]).
    pub top_level_heading: Option<u8>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            from: None,
            encoding: None,
            max_input_size: MAX_INPUT_BYTES,
            top_level_heading: None,
        }
    }
}

/// Reads a file into a document (no passes applied), dropping reader warnings.
pub fn read_file(path: &Path, opts: &ReadOptions) -> Result<Document> {
    read_file_logged(path, opts, &mut Log::default())
}

/// Reads a file into a document (no passes applied); reader warnings (W-DEPTH) go to `log`.
pub fn read_file_logged(path: &Path, opts: &ReadOptions, log: &mut Log) -> Result<Document> {
    let (bytes, format) = read_input(path, opts)?;
    read_bytes_logged(
        bytes.as_slice(),
        path,
        format,
        opts.encoding.as_deref(),
        log,
    )
}

/// The bytes of an input file and its format (`opts.from`, else the extension), with the
/// same checks and errors as [`read_file`]: the CLI hashes these bytes (`--skip-existing`)
/// and then reads them with [`read_bytes_logged`], so every file is read from disk once.
pub fn read_input(path: &Path, opts: &ReadOptions) -> Result<(Vec<u8>, InputFormat)> {
    let format = opts
        .from
        .or_else(|| InputFormat::from_path(path))
        .ok_or_else(|| Error::UnsupportedInput {
            path: path.to_path_buf(),
        })?;
    let bytes = read_regular_file(path, opts.max_input_size).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok((bytes, format))
}

/// Reads `path` if it is a regular file (links followed) of at most `max` bytes. A FIFO
/// or device is refused without waiting on it: the file is opened non-blocking and its
/// type checked on the open handle; the read stops after `max` bytes whatever size the
/// file claims (files in /proc and /dev claim 0).
pub fn read_regular_file(path: &Path, max: u64) -> std::io::Result<Vec<u8>> {
    use std::io::{Error as IoError, ErrorKind, Read};
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Opening a FIFO for reading blocks until a writer comes, unless non-blocking.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(IoError::new(ErrorKind::IsADirectory, "is a folder"));
    }
    if !meta.is_file() {
        return Err(IoError::new(
            ErrorKind::InvalidInput,
            "not a regular file (a FIFO or device); only regular files are read",
        ));
    }
    let too_big = |size: u64| {
        IoError::new(
            ErrorKind::FileTooLarge,
            format!("{size} bytes, more than the limit of {max} bytes"),
        )
    };
    if meta.len() > max {
        return Err(too_big(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Reads bytes (as if from `path`, used for messages and metadata) into a document,
/// dropping reader warnings.
pub fn read_bytes(
    bytes: &[u8],
    path: &Path,
    format: InputFormat,
    encoding: Option<&str>,
) -> Result<Document> {
    read_bytes_logged(bytes, path, format, encoding, &mut Log::default())
}

/// [`read_bytes`], with reader warnings (W-DEPTH) going to `log`.
pub fn read_bytes_logged(
    bytes: &[u8],
    path: &Path,
    format: InputFormat,
    encoding: Option<&str>,
    log: &mut Log,
) -> Result<Document> {
    let text = decode(bytes, path, encoding)?;
    let mut doc = match format {
        InputFormat::Text => Document {
            blocks: text::parse(&text),
            ..Document::default()
        },
        InputFormat::Markdown => markdown::parse(&text, log),
    };
    doc.meta.source = Some(path.to_path_buf());
    Ok(doc)
}
