//! The `toc` style keys are shared by the three formats (issue 11 item 5): `toc.depth`
//! sets how deep the EPUB navigation, the DOCX TOC field (`\o "1-N"`) and the PDF contents
//! page (tests/pdf/toc.rs) go, `toc.title` titles all three, and `toc.enabled` (or
//! `--toc`) makes the DOCX field and the PDF page.

use super::support::{load, sample_path, zip_part};
use paiban::ast::{visit_blocks, Block, Document};
use paiban::backend::docx::Docx;
use paiban::backend::epub::Epub;
use paiban::backend::{Backend, Context, RenderOptions};
use paiban::log::Log;
use paiban::style::Style;
use std::path::Path;

/// Headings of `doc` of level `depth` or less.
fn headings_to(doc: &Document, depth: u8) -> usize {
    let mut n = 0;
    visit_blocks(doc, &mut |b| {
        if matches!(b, Block::Heading(h) if h.level <= depth) {
            n += 1;
        }
    });
    n
}

/// The EPUB's `nav.xhtml` and the DOCX's `word/document.xml` of `doc` in `style`.
fn render(doc: &Document, style: &Style, toc_flag: bool) -> (String, String) {
    let options = RenderOptions {
        embed_fonts: false,
        source_date_epoch: Some(0),
        toc: toc_flag,
        ..RenderOptions::default()
    };
    let ctx = Context {
        style,
        options: &options,
        base_dir: Path::new("."),
    };
    let mut log = Log::default();
    let epub = Epub.render(doc, &ctx, &mut log).expect("EPUB renders");
    let docx = Docx.render(doc, &ctx, &mut log).expect("DOCX renders");
    (
        zip_part(&epub, "EPUB/nav.xhtml"),
        zip_part(&docx, "word/document.xml"),
    )
}

/// The part of the navigation document inside `<nav epub:type="toc">`.
fn toc_nav(nav: &str) -> &str {
    let start = nav.find("epub:type=\"toc\"").expect("toc nav");
    let end = start + nav[start..].find("</nav>").expect("end of nav");
    &nav[start..end]
}

#[test]
fn toc_depth_and_title_shape_the_epub_nav_and_the_docx_field() {
    let doc = load(&sample_path());
    let articles = doc.articles().count();
    for depth in [1u8, 2] {
        let mut style = Style::preset("book").unwrap();
        style.toc.depth = depth;
        style.toc.title = "本书目次".into();
        let (nav, docx) = render(&doc, &style, false);
        let toc = toc_nav(&nav);
        assert!(toc.contains("<h1>本书目次</h1>"), "{toc}");
        assert_eq!(
            toc.matches("<li>").count(),
            articles + headings_to(&doc, depth),
            "depth {depth}: {toc}"
        );
        // The book style enables the table of contents: no --toc needed for DOCX.
        assert!(
            docx.contains(&format!("TOC \\o &quot;1-{depth}&quot;")),
            "depth {depth}: no TOC field to level {depth}"
        );
        assert!(docx.contains("本书目次"));
        let entries = (1..=depth)
            .map(|l| docx.matches(&format!("w:val=\"TOC{l}\"")).count())
            .sum::<usize>();
        assert_eq!(entries, headings_to(&doc, depth), "depth {depth}");
    }
    assert!(
        headings_to(&doc, 2) > headings_to(&doc, 1),
        "the sample has level-2 headings"
    );
}

/// The handout has no TOC field unless `--toc` asks for one (its sample output is
/// unchanged); with it, the field goes to the handout's `toc.depth` of 3.
#[test]
fn the_toc_flag_sets_toc_enabled() {
    let doc = load(&sample_path());
    let style = Style::handout();
    assert!(!style.toc.enabled);
    let (_, docx) = render(&doc, &style, false);
    assert!(!docx.contains("TOC \\o"));
    let (_, docx) = render(&doc, &style, true);
    assert!(docx.contains("TOC \\o &quot;1-3&quot;"));
}
