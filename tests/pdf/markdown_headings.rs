//! Issue 10 items 1 and 2 in the PDF: the leading heading printed as the title, a visible
//! heading hierarchy on every fixture (measured with `support::pdf::heading_hierarchy`),
//! `####` set apart from body text, statutes with centred chapters and Hei `第X条`.

use crate::support::pdf::*;
use crate::support::{fixture, load, sample_path};
use paiban::ast::Document;
use std::path::PathBuf;

/// A fixture of tests/fixtures/headings/ rendered: (document, PDF path, lines).
fn pdf(name: &str) -> (Document, PathBuf, Vec<VLine>) {
    let doc = load(&fixture(&format!("headings/{name}.md")));
    let (path, _, _) = rendered(&doc, &fixture("headings"), &format!("headings-{name}.pdf"));
    let lines = stext_lines(&path).into_iter().flatten().collect();
    (doc, path, lines)
}

fn line<'a>(lines: &'a [VLine], start: &str) -> &'a VLine {
    lines
        .iter()
        .find(|l| l.text().trim_start().starts_with(start))
        .unwrap_or_else(|| panic!("no line starting {start:?}"))
}

/// Centre of a line's ink, in points from the left page edge.
fn centre(l: &VLine) -> f32 {
    let ink = l.ink();
    (ink[0].x + ink.last().unwrap().x1) / 2.0
}

const PAGE_CENTRE: f32 = 595.2756 / 2.0;

#[test]
fn every_fixture_and_the_sample_have_a_heading_hierarchy() {
    require("mutool");
    for name in ["book", "chapter", "sections", "numbered", "statute"] {
        let (doc, path, _) = pdf(name);
        assert_heading_hierarchy(&path, &doc);
    }
    let doc = load(&sample_path());
    let (path, _, _) = rendered(&doc, &fixture(""), "headings-sample.pdf");
    assert_heading_hierarchy(&path, &doc);
}

#[test]
fn leading_heading_is_printed_as_the_title() {
    require("mutool");
    let (_, _, lines) = pdf("book");
    let title = line(&lines, "Rust");
    let han = title.ink().into_iter().find(|g| is_han(g.c)).unwrap();
    assert_eq!(han.size, 22.0, "T23 title size");
    assert!(
        han.font.contains("Serif") && han.font.contains("Bold"),
        "{}",
        han.font
    );
    assert!(
        (centre(title) - PAGE_CENTRE).abs() < 2.0,
        "centred: {}",
        centre(title)
    );
    let sub = line(&lines, "——写给初学者");
    assert!((centre(sub) - PAGE_CENTRE).abs() < 2.0, "subtitle centred");
    assert!(sub.y > title.y);
}

#[test]
fn deep_markdown_headings_differ_from_body_text() {
    require("mutool");
    let (doc, path, _) = pdf("book");
    let m = measure(&path, &doc);
    let (body_font, body_size) = m.body.clone();
    assert_eq!(
        (body_font.as_str(), body_size),
        ("NotoSerifCJKsc-Regular", 12.0)
    );
    // `####` (level 2 after the title's shift) and the `######` at level 4.
    for text in ["选择版本", "更深一层"] {
        let h = m.headings.iter().find(|h| h.text == text).unwrap();
        assert!(
            h.font != body_font || h.size > body_size,
            "{text}: {} {} pt like body",
            h.font,
            h.size
        );
    }
    let sizes: Vec<f32> = ["安装工具链", "选择版本", "夜间版", "更深一层"]
        .iter()
        .map(|t| m.headings.iter().find(|h| h.text == *t).unwrap().size)
        .collect();
    assert!(sizes[0] > 12.0 * 1.15, "level 1 clearly larger: {sizes:?}");
    assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{sizes:?}");
}

#[test]
fn chapter_file_heading_is_the_title_not_a_small_kai_heading() {
    require("mutool");
    let (_, _, lines) = pdf("chapter");
    let title = line(&lines, "第三章");
    let g = title.ink()[0];
    assert_eq!(g.size, 22.0);
    assert!(!g.font.contains("WenKai"), "{}", g.font);
}

#[test]
fn statute_chapters_centred_and_articles_run_in_hei() {
    require("mutool");
    let (_, _, lines) = pdf("statute");
    for chapter in ["第一章", "第二章", "第一节"] {
        let l = line(&lines, chapter);
        assert!(
            (centre(l) - PAGE_CENTRE).abs() < 2.0,
            "{chapter} centred: {}",
            centre(l)
        );
        assert!(l.ink()[0].font.contains("Sans"), "{chapter} in Hei");
    }
    for article in ["第一条", "第二条", "第三条", "第四条"] {
        let l = line(&lines, article);
        let ink = l.ink();
        assert!(
            ink[..3]
                .iter()
                .all(|g| g.font == "NotoSansCJKsc-Bold" && g.size == 12.0),
            "{article} in Hei at body size: {:?}",
            &ink[..3]
        );
        assert_eq!(
            ink[3].font, "NotoSerifCJKsc-Regular",
            "{article}: provision in Song"
        );
        // T21: a 1 em gap after the number.
        assert!(
            ink[3].x - ink[2].x1 > 11.0,
            "{article} gap: {:?}",
            &ink[2..4]
        );
    }
    let para = line(&lines, "第一条路");
    assert_eq!(
        para.ink()[0].font,
        "NotoSerifCJKsc-Regular",
        "not an article"
    );
}

/// `book.md` in a style changed by `change`, as a PDF file in `dir`.
fn styled(change: fn(&mut paiban::style::Style), dir: &tempfile::TempDir) -> (Document, PathBuf) {
    use paiban::backend::{pdf::Pdf, Backend, Context, RenderOptions};
    let doc = load(&fixture("headings/book.md"));
    let mut style = paiban::style::Style::handout();
    change(&mut style);
    let options = RenderOptions::default();
    let base = fixture("headings");
    let ctx = Context {
        style: &style,
        options: &options,
        base_dir: &base,
    };
    let bytes = Pdf
        .render(&doc, &ctx, &mut paiban::log::Log::default())
        .expect("renders");
    let path = dir.path().join("book.pdf");
    std::fs::write(&path, bytes).unwrap();
    (doc, path)
}

#[test]
fn the_hierarchy_checker_catches_a_broken_style() {
    require("mutool");
    let dir = tempfile::tempdir().unwrap();
    // Level 2 larger than level 1.
    let (doc, path) = styled(|s| s.unnumbered_headings[1].size = 20.0, &dir);
    let problems = heading_hierarchy(&path, &doc);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("is smaller than level 2")),
        "{problems:?}"
    );
    // Level 3 set exactly like body text (the issue's `####`).
    let (doc, path) = styled(
        |s| {
            let body = s.headings[3].clone();
            s.unnumbered_headings[2] = body;
        },
        &dir,
    );
    let problems = heading_hierarchy(&path, &doc);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("夜间版") && p.contains("looks like body text")),
        "{problems:?}"
    );
    // Level 1 at body size in Hei: set apart, but not clearly larger.
    let (doc, path) = styled(|s| s.unnumbered_headings[0].size = 12.0, &dir);
    let problems = heading_hierarchy(&path, &doc);
    assert!(
        problems.iter().any(|p| p.contains("not clearly larger")),
        "{problems:?}"
    );
}

#[test]
fn the_checker_finds_headings_behind_a_table_of_contents_repeating_them() {
    require("mutool");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("toc.md");
    std::fs::write(
        &path,
        "## 目录\n\n- 安装\n- 使用\n\n## 安装\n\n安装的正文。\n\n## 使用\n\n使用的正文。\n\n安装\n",
    )
    .unwrap();
    let doc = load(&path);
    let (pdf, _, _) = rendered(&doc, dir.path(), "headings-toc.pdf");
    let m = measure(&pdf, &doc);
    let found = |t: &str| m.headings.iter().find(|h| h.text == t).unwrap().clone();
    assert_eq!(found("安装").font, "NotoSansCJKsc-Bold", "{m:#?}");
    assert_eq!(found("使用").size, 16.0, "{m:#?}");
    assert!(heading_hierarchy(&pdf, &doc).is_empty());
}
