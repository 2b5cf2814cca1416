//! Book pages on the layout (issue 11, `book` style): in a document without articles the
//! level-1 headings are its chapters — each opens on an odd page, after a blank even page
//! when the one before ends on an odd page; running heads carry the document's title on
//! even pages and the current chapter's title on odd pages, none on an opening page; the
//! contents page comes first and gives every chapter's real page number.

use super::support::layout::{heading, para};
use paiban::ast::{Document, Meta};
use paiban::image::ImageSource;
use paiban::layout::dump::text_lines;
use paiban::layout::page::Layout;
use paiban::layout::{layout, FontSet};
use paiban::log::Log;
use paiban::style::Style;
use std::path::Path;

/// Three chapters of 3, 2 and 1 pages' worth of text, under a front-matter title.
fn three_chapters() -> Document {
    let body = "书的正文用来填满页面，每一章的长短不同，好让有的章在奇数页结束，有的在偶数页结束。"
        .repeat(12);
    let mut blocks = Vec::new();
    for (i, (title, paras)) in [
        ("第一章　起步", 9),
        ("第二章　发展", 5),
        ("第三章　展望", 1),
    ]
    .into_iter()
    .enumerate()
    {
        blocks.push(heading(1, title, &format!("ch{}", i + 1)));
        blocks.push(heading(
            2,
            &format!("第{}章的一节", i + 1),
            &format!("s{}", i + 1),
        ));
        for _ in 0..paras {
            blocks.push(para(&body));
        }
    }
    Document {
        meta: Meta {
            title: Some("样书".into()),
            ..Meta::default()
        },
        blocks,
        notes: Vec::new(),
    }
}

fn run(doc: &Document, style: &Style) -> Layout {
    layout(
        doc,
        style,
        &FontSet::bundled(),
        ImageSource::new(Path::new(".")),
        &mut Log::default(),
    )
}

/// Texts of a page's lines above the text block (the running head).
fn head(l: &Layout, page: usize, style: &Style) -> String {
    text_lines(&l.pages[page].items)
        .into_iter()
        .filter(|t| t.baseline < style.margin_top)
        .map(|t| t.text)
        .collect()
}

/// 0-based pages where each chapter heading is found in the text block.
fn chapter_pages(l: &Layout, style: &Style) -> Vec<usize> {
    ["第一章", "第二章", "第三章"]
        .iter()
        .map(|c| {
            (1..l.pages.len())
                .find(|&p| {
                    text_lines(&l.pages[p].items)
                        .iter()
                        .any(|t| t.baseline > style.margin_top && t.text.starts_with(c))
                })
                .unwrap_or_else(|| panic!("{c} not found"))
        })
        .collect()
}

#[test]
fn level_one_headings_are_chapters_opening_on_odd_pages() {
    let style = Style::preset("book").unwrap();
    let doc = three_chapters();
    assert_eq!(doc.chapter_level(), 1);
    let l = run(&doc, &style);
    let openings = chapter_pages(&l, &style);
    for &p in &openings {
        assert_eq!(p % 2, 0, "a chapter opens on page {}", p + 1);
        assert_eq!(head(&l, p, &style), "", "a head on opening page {}", p + 1);
    }
    // The document's title opens a recto page too (page 3, after the contents page).
    let title_page = (1..l.pages.len())
        .find(|&p| {
            text_lines(&l.pages[p].items)
                .iter()
                .any(|t| t.text == "样书")
        })
        .expect("the title is set");
    assert_eq!(title_page, 2);
    // Some chapter needed a blank even page before it: nothing at all is drawn there.
    let blanks: Vec<usize> = (0..l.pages.len())
        .filter(|&p| l.pages[p].items.is_empty())
        .collect();
    assert!(
        !blanks.is_empty(),
        "no blank page: the test text needs other lengths"
    );
    for b in &blanks {
        let before = openings.contains(&(b + 1)) || b + 1 == title_page;
        assert!(before, "blank page {} before no chapter", b + 1);
    }
    // Heads: the title on even pages, the chapter on odd pages that open none.
    let chapter_of = |p: usize| openings.iter().rposition(|&o| o <= p);
    let titles = ["第一章　起步", "第二章　发展", "第三章　展望"];
    let mut checked = 0;
    for p in 1..l.pages.len() {
        if blanks.contains(&p) || openings.contains(&p) || p <= title_page {
            continue;
        }
        let want = match p % 2 {
            1 => "样书",
            _ => titles[chapter_of(p).expect("after the first chapter")],
        };
        assert_eq!(head(&l, p, &style), want, "page {}", p + 1);
        checked += 1;
    }
    assert!(checked >= 3, "only {checked} pages with heads");
}

#[test]
fn contents_page_gives_the_chapter_pages_and_links_them() {
    let style = Style::preset("book").unwrap();
    let l = run(&three_chapters(), &style);
    let openings = chapter_pages(&l, &style);
    let toc = text_lines(&l.pages[0].items);
    assert_eq!(toc[0].text, style.toc.title);
    for (i, c) in ["第一章", "第二章", "第三章"].iter().enumerate() {
        let line = toc
            .iter()
            .find(|t| t.text.starts_with(c))
            .unwrap_or_else(|| panic!("{c} not in the contents"));
        let number = format!("{}", openings[i] + 1);
        assert!(
            line.text.ends_with(&number),
            "{:?} should end with {number}",
            line.text
        );
        assert!(line.text.contains("..."), "no leader: {:?}", line.text);
        assert_eq!(l.anchors[&format!("ch{}", i + 1)].page, openings[i]);
    }
    // Level-2 headings are listed (depth 2), each with a link to its anchor.
    let texts: Vec<&str> = toc.iter().map(|t| t.text.as_str()).collect();
    assert!(
        texts.iter().any(|t| t.starts_with("第2章的一节")),
        "{texts:?}"
    );
    let links = l.pages[0]
        .items
        .iter()
        .filter(|it| matches!(&it.kind, paiban::layout::page::ItemKind::Link { .. }))
        .count();
    assert_eq!(links, 6, "one link per entry line");
    // Depth 1 drops the sections.
    let mut shallow = style.clone();
    shallow.toc.depth = 1;
    let l = run(&three_chapters(), &shallow);
    let toc = text_lines(&l.pages[0].items);
    assert!(!toc.iter().any(|t| t.text.starts_with("第2章的一节")));
}
