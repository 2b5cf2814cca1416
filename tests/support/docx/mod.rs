//! DOCX test helpers: hand-built documents, rendering and unzipping, external validators.

pub mod build;
pub mod harness;
pub mod office;
