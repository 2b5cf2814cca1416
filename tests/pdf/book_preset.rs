//! The `book` and `ebook` presets (issue 11), measured on the sample converted with
//! `--style book` / `--style ebook`: page sizes (pdfinfo), mirrored margins (glyph x
//! positions from `mutool draw -F stext`), running heads, chapters opening on odd pages
//! after a blank even page.

use super::support::pdf::{han, is_han, run, stext_lines, Glyph, VLine};
use super::support::{load, sample_path};
use paiban::ast::plain_text;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// Millimetres to points.
const MM: f32 = 72.0 / 25.4;

/// The sample converted with `--style NAME` (and `args`) into a fresh folder; the guard
/// keeps the folder.
pub fn convert(style: &str, args: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join(format!("{style}.pdf"));
    let out = Command::new(env!("CARGO_BIN_EXE_paiban"))
        .arg("convert")
        .arg(sample_path())
        .args(["--style", style])
        .args(args)
        .arg("-o")
        .arg(&pdf)
        .output()
        .expect("paiban runs");
    assert!(
        out.status.success(),
        "paiban convert --style {style} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (dir, pdf)
}

/// The sample in the book style: its file and its pages of visual lines (the static
/// holds the folder guard, so the file lives for the whole run).
pub fn book() -> (&'static Path, &'static [Vec<VLine>]) {
    static OUT: OnceLock<(tempfile::TempDir, PathBuf, Vec<Vec<VLine>>)> = OnceLock::new();
    let (_, pdf, pages) = OUT.get_or_init(|| {
        let (dir, pdf) = convert("book", &[]);
        let pages = stext_lines(&pdf);
        (dir, pdf, pages)
    });
    (pdf, pages)
}

/// Width and height in points of every page (pdfinfo).
pub fn page_sizes(pdf: &Path) -> Vec<(f32, f32)> {
    let info = run("pdfinfo", &["-f", "1", "-l", "9999", pdf.to_str().unwrap()]);
    info.lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size: "))
        .map(|l| {
            let dims: Vec<f32> = l
                .split(" size: ")
                .nth(1)
                .unwrap()
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            (dims[0], dims[1])
        })
        .collect()
}

/// Book text block: 22 mm top and bottom margins on a 250 mm page.
fn in_text_block(l: &VLine) -> bool {
    l.y > 22.0 * MM && l.y < (250.0 - 22.0) * MM
}

/// The running head of a page: the text of the lines above the text block, Han only.
fn running_head(page: &[VLine]) -> String {
    page.iter()
        .filter(|l| l.y < 22.0 * MM)
        .map(|l| han(&l.text()))
        .collect()
}

/// Titles of the sample's articles (its chapters), Han only.
fn chapter_titles() -> Vec<String> {
    load(&sample_path())
        .articles()
        .map(|a| han(&plain_text(&a.title)))
        .collect()
}

/// 0-based indices of the pages whose text block starts with a chapter title.
fn chapter_pages(pages: &[Vec<VLine>]) -> Vec<(usize, String)> {
    let titles = chapter_titles();
    let mut out = Vec::new();
    for (i, page) in pages.iter().enumerate().skip(1) {
        let Some(first) = page.iter().find(|l| in_text_block(l)) else {
            continue;
        };
        let text = han(&first.text());
        if let Some(t) = titles
            .iter()
            .find(|t| !text.is_empty() && t.starts_with(&text))
        {
            out.push((i, t.clone()));
        }
    }
    out
}

/// Leftmost and rightmost edge of the Han glyphs among `glyphs`: punctuation set in half
/// an em (T13) and Latin text may start or end inside their em box, Han fills it.
fn han_extent<'a>(glyphs: impl Iterator<Item = &'a Glyph>) -> (f32, f32) {
    glyphs
        .filter(|g| is_han(g.c))
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(l, r), g| {
            (l.min(g.x), r.max(g.x1))
        })
}

#[test]
fn book_pages_are_b5() {
    let (pdf, _) = book();
    let sizes = page_sizes(pdf);
    assert!(sizes.len() > 4, "{sizes:?}");
    for (w, h) in sizes {
        assert!(
            (w - 176.0 * MM).abs() < 0.5 && (h - 250.0 * MM).abs() < 0.5,
            "{w} × {h}"
        );
    }
}

/// Mirrored margins: the text block's left edge is the 22 mm inner margin on odd pages and
/// the 18 mm outer margin on even pages; its right edge 18 mm / 22 mm from the page edge.
#[test]
fn book_margins_are_mirrored_on_odd_and_even_pages() {
    let (_, pages) = book();
    let mut seen = [false, false];
    for (i, page) in pages.iter().enumerate() {
        let lines: Vec<&VLine> = page.iter().filter(|l| in_text_block(l)).collect();
        // The contents page ends its lines with page numbers, measured in tests/pdf/toc.rs.
        if lines.len() < 5 || i == 0 {
            continue;
        }
        let (left, right) = han_extent(lines.iter().flat_map(|l| &l.glyphs));
        let odd = i % 2 == 0;
        let (inner, outer) = (22.0 * MM, 18.0 * MM);
        let (want_left, want_right) = if odd {
            (inner, 176.0 * MM - outer)
        } else {
            (outer, 176.0 * MM - inner)
        };
        assert!(
            (left - want_left).abs() < 0.6,
            "page {}: text starts at {left:.2} pt, want {want_left:.2}",
            i + 1
        );
        // Justified lines end at the right edge; a hanging mark never passes it (T14).
        assert!(
            (right - want_right).abs() < 0.6,
            "page {}: text ends at {right:.2} pt, want {want_right:.2}",
            i + 1
        );
        seen[i % 2] = true;
    }
    assert_eq!(seen, [true, true], "both odd and even text pages measured");
}

/// Chapters (the sample's two articles) open on odd pages; an even page left empty before
/// a chapter is blank: no text, no page number, no running head.
#[test]
fn book_chapters_open_on_odd_pages_after_a_blank_verso() {
    let (_, pages) = book();
    let openings = chapter_pages(pages);
    assert_eq!(openings.len(), 2, "{openings:?}");
    for (i, _) in &openings {
        assert_eq!(i % 2, 0, "a chapter opens on page {}", i + 1);
    }
    let blanks: Vec<usize> = (0..pages.len()).filter(|&i| pages[i].is_empty()).collect();
    assert!(
        !blanks.is_empty(),
        "the sample needs a blank verso somewhere"
    );
    for i in blanks {
        assert_eq!(i % 2, 1, "blank page {} must be an even page", i + 1);
        let next = openings.iter().any(|(o, _)| *o == i + 1);
        assert!(next, "blank page {} is not before a chapter", i + 1);
    }
}

/// Running heads: the book's title on even pages, the current chapter's title on odd
/// pages, none on chapter-opening pages or the contents page.
#[test]
fn book_running_heads_name_the_book_and_the_chapter() {
    let (_, pages) = book();
    let doc = load(&sample_path());
    let book_title = han(&doc.resolved_meta().title);
    let openings = chapter_pages(pages);
    let mut chapter: Option<String> = None;
    let mut checked = [0, 0];
    for (i, page) in pages.iter().enumerate() {
        let head = running_head(page);
        if let Some((_, t)) = openings.iter().find(|(o, _)| *o == i) {
            assert_eq!(head, "", "chapter-opening page {} has a head", i + 1);
            chapter = Some(t.clone());
            continue;
        }
        if page.is_empty() || i == 0 {
            assert_eq!(head, "", "page {}", i + 1);
            continue;
        }
        let want = if i % 2 == 1 {
            book_title.clone()
        } else {
            chapter.clone().expect("a chapter before the page")
        };
        assert_eq!(head, want, "running head of page {}", i + 1);
        checked[i % 2] += 1;
    }
    assert!(checked[0] > 0 && checked[1] > 0, "{checked:?}");
    // The two chapters have different titles, so odd heads really follow the chapter.
    let titles = chapter_titles();
    assert_ne!(titles[0], titles[1]);
}

/// The ebook preset: 90 × 122 mm pages (a 6-inch screen) with 5 mm side margins.
#[test]
fn ebook_pages_are_small_with_small_margins() {
    let (_dir, pdf) = convert("ebook", &[]);
    let sizes = page_sizes(&pdf);
    assert!(sizes.len() > 10, "{} pages", sizes.len());
    for (w, h) in &sizes {
        assert!(
            (w - 90.0 * MM).abs() < 0.5 && (h - 122.0 * MM).abs() < 0.5,
            "{w} × {h}"
        );
    }
    let pages = stext_lines(&pdf);
    let (left, right) = han_extent(pages.iter().flatten().flat_map(|l| &l.glyphs));
    assert!((left - 5.0 * MM).abs() < 0.6, "text starts at {left:.2} pt");
    let want = 85.0 * MM;
    assert!((right - want).abs() < 0.6, "text ends at {right:.2} pt");
    let sizes: Vec<f32> = pages[1]
        .iter()
        .flat_map(|l| l.ink())
        .map(|g| g.size)
        .collect();
    assert!(sizes.iter().any(|s| (s - 10.5).abs() < 0.01), "五号 body");
}
