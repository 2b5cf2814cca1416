//! Acceptance of issue 5 through LibreOffice: the sample (through the real reader and
//! passes) → DOCX → `soffice --convert-to pdf` (once) → H-PDF checks.

use crate::support::docx::{harness, office};
use crate::support::{load, sample_path};
use office::{embedded_cids, soffice_pdf, stext_lines, Line};
use paiban::ast::{plain_text, Block, Document};
use paiban::style::Style;
use std::path::PathBuf;
use std::sync::OnceLock;

struct Sample {
    doc: Document,
    pdf: PathBuf,
    lines: Vec<Line>,
    _dir: tempfile::TempDir,
}

fn sample() -> &'static Sample {
    static S: OnceLock<Sample> = OnceLock::new();
    S.get_or_init(|| {
        let doc = load(&sample_path());
        let bytes = harness::render(&doc);
        let dir = tempfile::tempdir().unwrap();
        let docx = dir.path().join("yiwu.docx");
        std::fs::write(&docx, bytes).unwrap();
        let pdf = soffice_pdf(&docx);
        let lines = stext_lines(&pdf);
        Sample {
            doc,
            pdf,
            lines,
            _dir: dir,
        }
    })
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

#[test]
fn every_han_character_of_the_source_in_order() {
    let s = sample();
    let src = std::fs::read_to_string(sample_path()).unwrap();
    let want: String = src.chars().filter(|&c| is_han(c)).collect();
    let got: String = s
        .lines
        .iter()
        .flat_map(|l| l.glyphs.iter().map(|g| g.c))
        .filter(|&c| is_han(c))
        .collect();
    assert_eq!(got.chars().count(), want.chars().count());
    assert!(got == want, "Han text differs from the source");
    // No field code leaks into the rendering.
    let all: String = s.lines.iter().map(Line::text).collect();
    assert!(
        !all.contains("PAGE") && !all.contains("TOC"),
        "field code visible"
    );
}

/// Body paragraphs of the sample (inside articles).
fn body_paragraphs(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for b in &doc.blocks {
        if let Block::Article(a) = b {
            for b in &a.body {
                if let Block::Para(p) = b {
                    out.push(plain_text(&p.content));
                }
            }
        }
    }
    out
}

/// The PDF line that starts with the first characters of `text`.
fn line_starting<'a>(lines: &'a [Line], text: &str) -> Option<(usize, &'a Line)> {
    let head: String = text.chars().take(8).collect();
    lines
        .iter()
        .enumerate()
        .find(|(_, l)| l.text().trim_start().starts_with(&head))
}

#[test]
fn t17_body_is_indented_two_characters_and_run_over_lines_are_flush() {
    let s = sample();
    let style = Style::handout();
    let left = style.margin_left;
    let paras = body_paragraphs(&s.doc);
    assert!(paras.len() > 20);
    for p in &paras {
        let (i, line) = line_starting(&s.lines, p).unwrap_or_else(|| panic!("no line for {p}"));
        let x0 = line.glyphs.iter().find(|g| g.c != ' ').unwrap().x;
        assert!(
            (x0 - (left + 2.0 * style.body_size)).abs() < 1.0,
            "{p}: first line at {x0}"
        );
        if p.chars().count() > 45 {
            let next = &s.lines[i + 1];
            let x1 = next.glyphs[0].x;
            assert!((x1 - left).abs() < 1.0, "{p}: second line at {x1}");
        }
    }
}

#[test]
fn body_is_set_in_noto_serif_cjk_sc() {
    let s = sample();
    // The body characters come from the Serif regular face…
    let body_font: Vec<&str> = s
        .lines
        .iter()
        .filter(|l| l.glyphs.iter().any(|g| (g.size - 12.0).abs() < 0.1))
        .flat_map(|l| l.glyphs.iter())
        .filter(|g| is_han(g.c) && (g.size - 12.0).abs() < 0.1)
        .map(|g| g.font.as_str())
        .collect();
    assert!(!body_font.is_empty());
    let serif = body_font
        .iter()
        .filter(|f| f.contains("NotoSerifCJK") && f.contains("Regular"))
        .count();
    assert_eq!(
        serif,
        body_font.len(),
        "body Han not all in Noto Serif CJK Regular"
    );
    // …and its SC cut: the TTC shares one CFF, so the PDF name says `jp` whatever the face;
    // the glyphs (CIDs) tell the faces apart. Every body Han character's SC glyph is
    // embedded, and no JP/TC/HK/KR variant glyph that differs from it is.
    let ttc = std::fs::read("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
        .expect("fonts-noto-cjk (NotoSerifCJK-Regular.ttc) is required");
    let cid_of = |index: u32, c: char| -> Option<u16> {
        let face = rustybuzz::ttf_parser::Face::parse(&ttc, index).ok()?;
        let gid = face.glyph_index(c)?;
        face.tables().cff?.glyph_cid(gid)
    };
    let used = embedded_cids(&s.pdf, &["NotoSerifCJK", "Regular"]);
    let chars: std::collections::BTreeSet<char> = body_paragraphs(&s.doc)
        .iter()
        .flat_map(|p| p.chars().collect::<Vec<_>>())
        .filter(|&c| is_han(c))
        .collect();
    let sc: std::collections::BTreeSet<u16> = chars.iter().filter_map(|&c| cid_of(2, c)).collect();
    let missing: Vec<char> = chars
        .iter()
        .copied()
        .filter(|&c| !used.contains(&cid_of(2, c).unwrap()))
        .collect();
    assert!(missing.is_empty(), "SC glyphs not used for {missing:?}");
    let mut foreign = Vec::new();
    for &c in &chars {
        for (index, name) in [(0, "JP"), (1, "KR"), (3, "TC"), (4, "HK")] {
            let v = cid_of(index, c).unwrap();
            if !sc.contains(&v) && used.contains(&v) {
                foreign.push(format!("{c} {name}"));
            }
        }
    }
    assert!(
        foreign.is_empty(),
        "non-SC glyph forms embedded: {foreign:?}"
    );
}

#[test]
fn t23_titles_and_headings_are_bold_in_their_faces() {
    let s = sample();
    let mut titles = 0;
    let mut h1 = 0;
    for b in &s.doc.blocks {
        let Block::Article(a) = b else { continue };
        let (_, line) = line_starting(&s.lines, &plain_text(&a.title)).expect("title line");
        let g = line.glyphs.iter().find(|g| is_han(g.c)).unwrap();
        assert!(
            g.font.contains("Serif") && g.font.contains("Bold"),
            "title face {}",
            g.font
        );
        assert!((g.size - 22.0).abs() < 0.1, "title size {}", g.size);
        // T23: a two-phrase title breaks at its U+3000 gap, never inside a word.
        let title = plain_text(&a.title);
        if let Some((_, second)) = title.split_once('\u{3000}') {
            let (i, _) = line_starting(&s.lines, &title).unwrap();
            let next = s.lines[i + 1].text();
            assert!(next.trim().starts_with(second), "{next:?} ≠ {second:?}");
        }
        titles += 1;
        for b in &a.body {
            let Block::Heading(h) = b else { continue };
            if h.level != 1 || !h.run_in.is_empty() {
                continue;
            }
            let (_, line) = line_starting(&s.lines, &plain_text(&h.content)).expect("heading line");
            let g = line.glyphs.iter().find(|g| is_han(g.c)).unwrap();
            // T23 L1: Hei (SimHei → Noto Sans CJK SC) bold, 三号.
            assert!(
                g.font.contains("Sans") && g.font.contains("Bold"),
                "L1 face {}",
                g.font
            );
            assert!((g.size - 16.0).abs() < 0.1);
            h1 += 1;
        }
    }
    assert_eq!((titles, h1 > 5), (2, true));
}

#[test]
fn t31_every_page_has_its_number() {
    let s = sample();
    let pages = s.lines.iter().map(|l| l.page).max().unwrap();
    let re = regex::Regex::new(r"^—\s?(\d+)\s?—$").unwrap();
    for page in 1..=pages {
        let last = s.lines.iter().rfind(|l| l.page == page).unwrap();
        let text = last.text();
        let n = re
            .captures(text.trim())
            .unwrap_or_else(|| panic!("page {page} ends with {text:?}"));
        assert_eq!(n[1].parse::<usize>().unwrap(), page);
    }
}
