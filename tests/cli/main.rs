//! The `paiban` command line (assert_cmd): exit codes, usage errors, `inspect`, `fonts`,
//! batch conversion.
//!
//! One test binary (linking is the slow step of a build), one module per topic; helpers shared
//! with the other test binaries live in `tests/support/`.

#[path = "../support/mod.rs"]
mod support;

mod batch;
mod commands;
