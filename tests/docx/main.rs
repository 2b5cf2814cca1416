//! The DOCX backend (H-DOCX): package and schema order, the parts' content, golden files,
//! property tests, and the files as LibreOffice and python-docx read them.
//!
//! One test binary (linking is the slow step of a build), one module per topic; helpers shared
//! with the other test binaries live in `tests/support/`.

#[path = "../support/mod.rs"]
mod support;

mod content;
mod golden;
mod libreoffice;
mod libreoffice_fixtures;
mod libreoffice_toc;
mod package;
mod props;
mod python;
mod schema_order;
