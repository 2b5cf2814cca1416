//! Typed errors of the library.

use std::path::PathBuf;

/// Everything that can go wrong while reading, transforming or writing a document.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The input is binary or cannot be decoded as text.
    #[error("{path}: {reason}")]
    Decode {
        /// The file concerned.
        path: PathBuf,
        /// 1-based line of the first bad byte (0 = no line: binary data has none).
        line: usize,
        /// What is wrong, e.g. "binary data (NUL byte at offset 12), not a text file".
        reason: String,
    },
    /// An unknown `--encoding` name.
    #[error("unknown encoding '{0}'")]
    UnknownEncoding(String),
    /// The input has a format paiban does not read.
    #[error("{path}: unsupported input type (expected .md, .markdown or .txt)")]
    UnsupportedInput {
        /// The file concerned.
        path: PathBuf,
    },
    /// A backend failed to produce its output.
    #[error("{format}: {message}")]
    Render {
        /// Backend name (`pdf`, `epub`, `docx`).
        format: &'static str,
        /// What went wrong.
        message: String,
    },
    /// An output format name no backend has (the in-memory API's `to`).
    #[error("unknown output format '{0}' (known: pdf, epub, docx)")]
    UnknownFormat(String),
    /// No font provides a required role or glyph.
    #[error("font: {0}")]
    Font(String),
    /// A style (preset, style file or front-matter `style:`) could not be loaded.
    #[error("{0}")]
    Style(String),
}

/// Result alias for the library.
pub type Result<T> = std::result::Result<T, Error>;
