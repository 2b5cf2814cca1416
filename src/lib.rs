//! paiban (排版): Markdown and Chinese plain text to PDF, EPUB 3 and DOCX with Chinese
//! typography following TYPOGRAPHY.md (rules T1–T32).
//!
//! One pipeline, one direction: [`read`] (bytes → AST) → [`passes`] (AST → AST) →
//! [`backend`] (AST → bytes). Services and other tools convert in memory with
//! [`convert_bytes`] and [`convert_str`] (see [`api`]).

#![warn(missing_docs)]

pub mod api;
pub mod ast;
pub mod backend;
pub mod error;
pub mod fonts;
pub mod highlight;
pub mod image;
pub mod inspect;
pub mod layout;
pub mod log;
pub mod outline;
pub mod passes;
pub mod pipeline;
pub mod read;
pub mod style;
pub mod text;

pub use api::{convert_bytes, convert_str, ConvertOptions, Converted};
pub use error::{Error, Result};
