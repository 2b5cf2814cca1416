//! The PDF backend, checked on the written files with the H-PDF harness (mutool) and the
//! poppler / qpdf validators.
//!
//! One test binary (linking is the slow step of a build), one module per topic; helpers shared
//! with the other test binaries live in `tests/support/`.

mod support;

// A test crate root looks for its modules beside it (tests/x.rs); these live in tests/pdf/.
// (No tests/pdf/main.rs: proptest would then keep its regression files elsewhere.)
#[path = "pdf/bold_fill.rs"]
mod bold_fill;
#[path = "pdf/book_preset.rs"]
mod book_preset;
#[path = "pdf/byline.rs"]
mod byline;
#[path = "pdf/code_copy.rs"]
mod code_copy;
#[path = "pdf/deep_headings.rs"]
mod deep_headings;
#[path = "pdf/fangsong.rs"]
mod fangsong;
#[path = "pdf/features.rs"]
mod features;
#[path = "pdf/gongwen.rs"]
mod gongwen;
#[path = "pdf/inline.rs"]
mod inline;
#[path = "pdf/inline_image.rs"]
mod inline_image;
#[path = "pdf/latin.rs"]
mod latin;
#[path = "pdf/markdown_headings.rs"]
mod markdown_headings;
#[path = "pdf/meta.rs"]
mod meta;
#[path = "pdf/sample.rs"]
mod sample;
#[path = "pdf/streams.rs"]
mod streams;
#[path = "pdf/t30_header.rs"]
mod t30_header;
#[path = "pdf/threads.rs"]
mod threads;
#[path = "pdf/toc.rs"]
mod toc;
