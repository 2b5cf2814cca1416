//! The EPUB backend: epubcheck on hand-built, Markdown and sample books, edge cases, property
//! tests, reviewed XML snapshots and the command line.
//!
//! One test binary (linking is the slow step of a build), one module per topic; helpers shared
//! with the other test binaries live in `tests/support/`.

mod support;

// A test crate root looks for its modules beside it (tests/x.rs); these live in tests/epub/.
// (No tests/epub/main.rs: proptest would then keep its regression files elsewhere.)
#[path = "epub/book.rs"]
mod book;
#[path = "epub/cli.rs"]
mod cli;
#[path = "epub/code_wrap.rs"]
mod code_wrap;
#[path = "epub/edge.rs"]
mod edge;
#[path = "epub/latin.rs"]
mod latin;
#[path = "epub/markdown.rs"]
mod markdown;
#[path = "epub/markdown_headings.rs"]
mod markdown_headings;
#[path = "epub/props.rs"]
mod props;
#[path = "epub/sample.rs"]
mod sample;
#[path = "epub/style_follow.rs"]
mod style_follow;
#[path = "epub/t30_header.rs"]
mod t30_header;
