//! The EPUB backend: epubcheck on hand-built, Markdown and sample books, edge cases, property
//! tests, reviewed XML snapshots and the command line.
//!
//! One test binary (linking is the slow step of a build), one module per topic; helpers shared
//! with the other test binaries live in `tests/support/`.

#[path = "../support/mod.rs"]
mod support;

mod book;
mod cli;
mod edge;
mod markdown;
mod props;
mod sample;
