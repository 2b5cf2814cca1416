//! The heading style keys of issue 10 (`unnumbered-headings`, `statute-divisions`,
//! `statute-article`) are the one source of those headings' look: changing one moves the
//! headings of that scale in the PDF, the EPUB and the DOCX alike, and a document without
//! such headings is untouched by it.

use crate::support::{fixture, load, unzip_text};
use paiban::ast::Document;
use paiban::backend::docx::Docx;
use paiban::backend::epub::Epub;
use paiban::backend::{Backend, Context, RenderOptions};
use paiban::image::ImageSource;
use paiban::layout::{layout, FontSet};
use paiban::log::Log;
use paiban::style::{Alignment, Style};

/// The PDF layout (items with positions, sizes, fonts), the EPUB stylesheet and chapters,
/// and the DOCX styles and document parts of `doc` in `style`.
fn outputs(doc: &Document, style: &Style) -> [String; 3] {
    let base = fixture("headings");
    let mut log = Log::default();
    let l = layout(
        doc,
        style,
        &FontSet::bundled(),
        ImageSource::new(&base),
        &mut log,
    );
    let options = RenderOptions {
        embed_fonts: false,
        source_date_epoch: Some(0),
        ..RenderOptions::default()
    };
    let ctx = Context {
        style,
        options: &options,
        base_dir: &base,
    };
    let text = |bytes: Vec<u8>, keep: fn(&str) -> bool| -> String {
        unzip_text(&bytes)
            .into_iter()
            .filter(|(name, _)| keep(name))
            .map(|(name, text)| format!("== {name}\n{text}\n"))
            .collect()
    };
    let epub = Epub.render(doc, &ctx, &mut log).expect("EPUB");
    let docx = Docx.render(doc, &ctx, &mut log).expect("DOCX");
    [
        format!("{:?}", l.pages),
        text(epub, |n| n.ends_with(".css") || n.ends_with(".xhtml")),
        text(docx, |n| n.starts_with("word/") && n.ends_with(".xml")),
    ]
}

/// Asserts that `change` shows in all three formats for `doc` and in none for the sample.
fn shows_everywhere(what: &str, doc: &Document, change: fn(&mut Style)) {
    let base = Style::handout();
    let mut changed = base.clone();
    change(&mut changed);
    let (a, b) = (outputs(doc, &base), outputs(doc, &changed));
    for (i, format) in ["PDF", "EPUB", "DOCX"].iter().enumerate() {
        assert_ne!(a[i], b[i], "{what}: no change in the {format}");
    }
    let sample = load(&crate::support::sample_path());
    let (a, b) = (outputs(&sample, &base), outputs(&sample, &changed));
    assert!(
        a == b,
        "{what}: changes the sample, which has no such headings"
    );
}

#[test]
fn unnumbered_heading_sizes_show_in_all_three_formats() {
    let doc = load(&fixture("headings/book.md"));
    shows_everywhere("unnumbered-headings", &doc, |s| {
        s.unnumbered_headings[1].size = 15.0
    });
}

#[test]
fn statute_styles_show_in_all_three_formats() {
    let doc = load(&fixture("headings/statute.md"));
    shows_everywhere("statute-divisions", &doc, |s| {
        s.statute_divisions[0].align = Alignment::Left
    });
    shows_everywhere("statute-article", &doc, |s| s.statute_article.size = 14.0);
}
