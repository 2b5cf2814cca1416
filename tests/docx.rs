//! The DOCX backend (H-DOCX): package and schema order, the parts' content, golden files,
//! property tests, and the files as LibreOffice and python-docx read them.
//!
//! One test binary (linking is the slow step of a build), one module per topic; helpers shared
//! with the other test binaries live in `tests/support/`.

mod support;

// A test crate root looks for its modules beside it (tests/x.rs); these live in tests/docx/.
// (No tests/docx/main.rs: proptest would then keep its regression files elsewhere.)
#[path = "docx/code_lines.rs"]
mod code_lines;
#[path = "docx/content.rs"]
mod content;
#[path = "docx/golden.rs"]
mod golden;
#[path = "docx/gongwen_pages.rs"]
mod gongwen_pages;
#[path = "docx/latin.rs"]
mod latin;
#[path = "docx/libreoffice.rs"]
mod libreoffice;
#[path = "docx/libreoffice_fixtures.rs"]
mod libreoffice_fixtures;
#[path = "docx/libreoffice_fonts.rs"]
mod libreoffice_fonts;
#[path = "docx/libreoffice_punct.rs"]
mod libreoffice_punct;
#[path = "docx/libreoffice_toc.rs"]
mod libreoffice_toc;
#[path = "docx/list_quote_layout.rs"]
mod list_quote_layout;
#[path = "docx/markdown_headings.rs"]
mod markdown_headings;
#[path = "docx/package.rs"]
mod package;
#[path = "docx/props.rs"]
mod props;
#[path = "docx/python.rs"]
mod python;
#[path = "docx/raw_html.rs"]
mod raw_html;
#[path = "docx/schema_order.rs"]
mod schema_order;
#[path = "docx/t30_header.rs"]
mod t30_header;
