//! `--toc` through LibreOffice: the TOC field shows its cached entries (no field code
//! leaks), on its own page before the first article. One conversion for this file.

use crate::support::docx::{harness, office};
use crate::support::{load, sample_path};
use paiban::ast::{plain_text, visit_blocks, Block};
use paiban::backend::RenderOptions;

#[test]
fn toc_renders_cached_entries_without_field_codes() {
    let doc = load(&sample_path());
    let opts = RenderOptions {
        toc: true,
        ..RenderOptions::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("toc.docx");
    std::fs::write(&docx, harness::render_with(&doc, &opts).0).unwrap();
    let lines = office::stext_lines(&office::soffice_pdf(&docx));
    let text: Vec<(usize, String)> = lines.iter().map(|l| (l.page, l.text())).collect();
    let all: String = text.iter().map(|(_, t)| t.as_str()).collect();
    for code in ["TOC", "PAGE", "HYPERLINK", "\\o", "_Toc"] {
        assert!(!all.contains(code), "field code {code} visible");
    }
    assert_eq!(text[0].1.trim(), "目录");
    let mut headings = Vec::new();
    visit_blocks(&doc, &mut |b| {
        if let Block::Heading(h) = b {
            headings.push(plain_text(&h.content));
        }
    });
    let toc_page: String = text
        .iter()
        .filter(|(p, _)| *p == 1)
        .map(|(_, t)| t.as_str())
        .collect();
    for h in &headings {
        assert!(toc_page.contains(h.as_str()), "TOC lacks {h}");
    }
    let Block::Article(first) = &doc.blocks[0] else {
        panic!("sample starts with an article")
    };
    let head: String = plain_text(&first.title).chars().take(6).collect();
    let (page, _) = text.iter().find(|(_, t)| t.starts_with(&head)).unwrap();
    assert_eq!(*page, 2, "first article starts on the page after the TOC");
}
