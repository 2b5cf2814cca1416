//! The PDF backend, checked on the written files with the H-PDF harness (mutool) and the
//! poppler / qpdf validators.
//!
//! One test binary (linking is the slow step of a build), one module per topic; helpers shared
//! with the other test binaries live in `tests/support/`.

#[path = "../support/mod.rs"]
mod support;

mod byline;
mod code_copy;
mod features;
mod inline;
mod meta;
mod sample;
