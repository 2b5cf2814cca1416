//! Readers (plain text, Markdown) and passes, on fixtures and on the sample.
//!
//! One test binary (linking is the slow step of a build), one module per topic; helpers shared
//! with the other test binaries live in `tests/support/`.

#[path = "../support/mod.rs"]
mod support;

mod passes_markdown;
mod passes_props;
mod passes_structure;
mod read_markdown;
mod read_text;
mod sample;
