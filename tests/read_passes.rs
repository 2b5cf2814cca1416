//! Readers (plain text, Markdown) and passes, on fixtures and on the sample.
//!
//! One test binary (linking is the slow step of a build), one module per topic; helpers shared
//! with the other test binaries live in `tests/support/`.

mod support;

// A test crate root looks for its modules beside it (tests/x.rs); these live in tests/read_passes/.
// (No tests/read_passes/main.rs: proptest would then keep its regression files elsewhere.)
#[path = "read_passes/captions.rs"]
mod captions;
#[path = "read_passes/fuzz_regressions.rs"]
mod fuzz_regressions;
#[path = "read_passes/passes_markdown.rs"]
mod passes_markdown;
#[path = "read_passes/passes_props.rs"]
mod passes_props;
#[path = "read_passes/passes_structure.rs"]
mod passes_structure;
#[path = "read_passes/raw_html.rs"]
mod raw_html;
#[path = "read_passes/read_markdown.rs"]
mod read_markdown;
#[path = "read_passes/read_text.rs"]
mod read_text;
#[path = "read_passes/sample.rs"]
mod sample;
#[path = "read_passes/statute_lines.rs"]
mod statute_lines;
#[path = "read_passes/title_levels.rs"]
mod title_levels;
