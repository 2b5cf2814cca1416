//! The command line: argument parsing, batch conversion, inspection.

pub mod args;
pub mod convert;
pub mod inspect;
pub mod plan;
