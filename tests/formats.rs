//! What PDF, EPUB and DOCX must agree on: the document facts they print, the faces of
//! strong text, every `Style` number — and the project's account of the rules they follow.
//!
//! One test binary (linking is the slow step of a build), one module per topic; helpers shared
//! with the other test binaries live in `tests/support/`.

mod support;

// A test crate root looks for its modules beside it (tests/x.rs); these live in tests/formats/.
#[path = "formats/blocks_common.rs"]
mod blocks_common;
#[path = "formats/code_highlight.rs"]
mod code_highlight;
#[path = "formats/doc_facts.rs"]
mod doc_facts;
#[path = "formats/figure_captions.rs"]
mod figure_captions;
#[path = "formats/font_roles_agree.rs"]
mod font_roles_agree;
#[path = "formats/heading_scales.rs"]
mod heading_scales;
#[path = "formats/image_formats.rs"]
mod image_formats;
#[path = "formats/lists_quotes.rs"]
mod lists_quotes;
#[path = "formats/raw_html.rs"]
mod raw_html;
#[path = "formats/style_fields.rs"]
mod style_fields;
#[path = "formats/table_caption.rs"]
mod table_caption;
#[path = "formats/toc_keys.rs"]
mod toc_keys;
#[path = "formats/typography_doc.rs"]
mod typography_doc;
