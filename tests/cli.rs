//! The `paiban` command line (assert_cmd): exit codes, usage errors, `inspect`, `fonts`,
//! batch conversion.
//!
//! One test binary (linking is the slow step of a build), one module per topic; helpers shared
//! with the other test binaries live in `tests/support/`.

mod support;

// A test crate root looks for its modules beside it (tests/x.rs); these live in tests/cli/.
// (No tests/cli/main.rs: proptest would then keep its regression files elsewhere.)
#[path = "cli/bad_input.rs"]
mod bad_input;
#[path = "cli/batch.rs"]
mod batch;
#[path = "cli/commands.rs"]
mod commands;
#[path = "cli/deep_input.rs"]
mod deep_input;
#[path = "cli/image_input.rs"]
mod image_input;
#[path = "cli/link_footnotes.rs"]
mod link_footnotes;
#[path = "cli/memory.rs"]
mod memory;
#[path = "cli/messages_lines.rs"]
mod messages_lines;
#[path = "cli/scale.rs"]
mod scale;
#[path = "cli/style_files.rs"]
mod style_files;
#[path = "cli/top_level_heading.rs"]
mod top_level_heading;
