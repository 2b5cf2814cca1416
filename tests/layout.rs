//! Layout on the page model, without a PDF: the paragraph engine (T8–T17, T24), blocks, pages,
//! and the font roles and fallbacks it shapes with (T27).
//!
//! One test binary (linking is the slow step of a build), one module per topic; helpers shared
//! with the other test binaries live in `tests/support/`.

mod support;

// A test crate root looks for its modules beside it (tests/x.rs); these live in tests/layout/.
// (No tests/layout/main.rs: proptest would then keep its regression files elsewhere.)
#[path = "layout/blocks.rs"]
mod blocks;
#[path = "layout/book_pages.rs"]
mod book_pages;
#[path = "layout/code_panel.rs"]
mod code_panel;
#[path = "layout/fonts.rs"]
mod fonts;
#[path = "layout/fonts_no_home.rs"]
mod fonts_no_home;
#[path = "layout/inline.rs"]
mod inline;
#[path = "layout/pages.rs"]
mod pages;
#[path = "layout/unbreakable.rs"]
mod unbreakable;
