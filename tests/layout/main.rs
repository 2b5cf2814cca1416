//! Layout on the page model, without a PDF: the paragraph engine (T8–T17, T24), blocks, pages,
//! and the font roles and fallbacks it shapes with (T27).
//!
//! One test binary (linking is the slow step of a build), one module per topic; helpers shared
//! with the other test binaries live in `tests/support/`.

#[path = "../support/mod.rs"]
mod support;

mod blocks;
mod fonts;
mod fonts_no_home;
mod inline;
mod pages;
