//! The sample (`tests/fixtures/yiwu.txt`) to PDF, checked with the H-PDF harness and the poppler /
//! mupdf validators (T9, T10, T14, T16, T27, outline, metadata, determinism).

use crate::support::pdf::*;
use crate::support::sample_path;
use paiban::ast::Document;
use std::path::PathBuf;
use std::sync::OnceLock;

/// The sample's folder, where its images would resolve.
fn sample_dir() -> PathBuf {
    sample_path().parent().unwrap().to_path_buf()
}

struct Sample {
    doc: Document,
    path: PathBuf,
    bytes: Vec<u8>,
    lines: Vec<Vec<VLine>>,
}

fn sample() -> &'static Sample {
    static S: OnceLock<Sample> = OnceLock::new();
    S.get_or_init(|| {
        let doc = sample_doc();
        let (path, bytes, log) = rendered(&doc, &sample_dir(), "yiwu.pdf");
        assert!(
            log.warnings().next().is_none(),
            "warnings: {:?}",
            log.entries
        );
        let lines = stext_lines(&path);
        Sample {
            doc,
            path,
            bytes,
            lines,
        }
    })
}

fn arg(s: &Sample) -> &str {
    s.path.to_str().unwrap()
}

#[test]
fn t27_every_font_embedded_subset_with_tounicode() {
    let s = sample();
    let out = run("pdffonts", &[arg(s)]);
    let rows: Vec<&str> = out.lines().skip(2).collect();
    assert!(rows.len() >= 2, "expected several fonts:\n{out}");
    for row in rows {
        // name type… encoding emb sub uni object ID: emb/sub/uni are the 5th–3rd last fields.
        let f: Vec<&str> = row.split_whitespace().collect();
        let n = f.len();
        assert_eq!(&f[n - 5..n - 2], ["yes", "yes", "yes"], "T27: {row}");
    }
}

#[test]
fn sample_pdf_is_small() {
    let len = sample().bytes.len();
    assert!(len < 400 * 1024, "PDF is {len} bytes (limit 400 KB)");
}

#[test]
fn every_han_character_comes_back_in_order() {
    let s = sample();
    let src = std::fs::read_to_string(sample_path()).unwrap();
    let got: String = s.lines.iter().flatten().map(|l| han(&l.text())).collect();
    let want = han(&src);
    if got != want {
        let at = got
            .chars()
            .zip(want.chars())
            .position(|(a, b)| a != b)
            .unwrap_or(got.chars().count().min(want.chars().count()));
        let ctx = |t: &str| {
            t.chars()
                .skip(at.saturating_sub(10))
                .take(30)
                .collect::<String>()
        };
        panic!(
            "Han text differs at char {at}: pdf …{}… source …{}… (pdf {} chars, source {})",
            ctx(&got),
            ctx(&want),
            got.chars().count(),
            want.chars().count()
        );
    }
}

/// Body lines: glyphs of the body face at body size, page numbers excluded.
fn body_lines(s: &Sample) -> Vec<&VLine> {
    s.lines
        .iter()
        .flatten()
        .filter(|l| {
            let ink = l.ink();
            !ink.is_empty()
                && ink.iter().all(|g| (g.size - 12.0).abs() < 0.01)
                && ink[0].font.contains("NotoSerifCJKsc-Regular")
                && !han(&l.text()).is_empty()
        })
        .collect()
}

#[test]
fn t9_kinsoku_gb_on_visual_lines() {
    let s = sample();
    let mut checked = 0;
    for l in s.lines.iter().flatten() {
        let ink = l.ink();
        let (Some(first), Some(last)) = (ink.first(), ink.last()) else {
            continue;
        };
        // Page numbers `— 1 —` are furniture, not text lines.
        if han(&l.text()).is_empty() {
            continue;
        }
        // DASH2 `——` is one unit and may start a line at the gb level (only strict bars it);
        // a single U+2014 is CONN and may not.
        let dash2 = ink.len() > 1 && first.c == '—' && ink[1].c == '—';
        assert!(
            dash2 || !gb_no_start(first.c),
            "T9: line starts with {:?}: {}",
            first.c,
            l.text()
        );
        assert!(
            !gb_no_end(last.c),
            "T9: line ends with {:?}: {}",
            last.c,
            l.text()
        );
        checked += 1;
    }
    assert!(checked > 150, "only {checked} lines checked");
}

#[test]
fn t10_dash_and_ellipsis_pairs_never_split() {
    let s = sample();
    let all: Vec<&VLine> = s.lines.iter().flatten().collect();
    for w in all.windows(2) {
        let (a, b) = (w[0].ink(), w[1].ink());
        let (Some(end), Some(start)) = (a.last(), b.first()) else {
            continue;
        };
        for mark in ['—', '…'] {
            assert!(
                !(end.c == mark && start.c == mark),
                "T10: {mark}{mark} split between lines:\n{}\n{}",
                w[0].text(),
                w[1].text()
            );
        }
    }
}

#[test]
fn t16_non_last_body_lines_end_at_the_right_margin() {
    let s = sample();
    let style = paiban::style::Style::handout();
    let (left, right) = (style.margin_left, style.page_width - style.margin_right);
    let half_em = 0.5 * style.body_size;
    let lines = body_lines(s);
    let mut checked = 0;
    for w in lines.windows(2) {
        let (this, next) = (w[0], w[1]);
        // `next` continues `this` when it starts flush left (a new body paragraph starts
        // 2 em in, T17) and follows it directly (same page one pitch down, or the top of
        // the next page).
        let next_x = next.ink()[0].x;
        let follows = (next.page == this.page
            && (next.y - this.y - style.line_pitch()).abs() < 0.2)
            || next.page == this.page + 1;
        if !follows || (next_x - left).abs() > 0.3 {
            continue;
        }
        let ink = this.ink();
        let last = ink.last().unwrap();
        let end = if STOP.contains(last.c) || CLOSE.contains(last.c) {
            // T14: a final STOP/CLOSE is set 0.5 em wide; its quad is the full glyph.
            last.x + half_em
        } else {
            last.x1
        };
        assert!(
            (end - right).abs() <= 0.5,
            "T16: line ends at {end:.2}, right margin {right:.2} (page {}): {}",
            this.page + 1,
            this.text()
        );
        checked += 1;
    }
    assert!(checked > 100, "only {checked} justified lines checked");
}

#[test]
fn outline_has_every_title_and_heading_nested() {
    let s = sample();
    let want = expected_outline(&s.doc);
    let got = pdf_outline(&s.path);
    assert!(want.len() > 10, "expected outline too small: {want:?}");
    assert_eq!(got, want);
}

#[test]
fn pdfinfo_shows_title_authors_and_tagging() {
    let s = sample();
    let info = run("pdfinfo", &[arg(s)]);
    let field = |k: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(k))
            .map(|v| v.trim().to_string())
            .unwrap_or_else(|| panic!("pdfinfo has no {k}\n{info}"))
    };
    let title = s.doc.meta.title.clone().unwrap_or_else(|| {
        let first = s.doc.blocks.iter().find_map(|b| match b {
            paiban::ast::Block::Article(a) => Some(paiban::ast::plain_text(&a.title)),
            _ => None,
        });
        first.expect("an article")
    });
    assert_eq!(field("Title:"), title);
    let author = field("Author:");
    for name in ["吴伟华", "徐应红"] {
        assert!(author.contains(name), "Author {author:?} lacks {name}");
    }
    // Subject: the subtitle (T23 subtitle of the first article when front matter has none).
    let subtitle = s.doc.meta.subtitle.clone().or_else(|| {
        s.doc.blocks.iter().find_map(|b| match b {
            paiban::ast::Block::Article(a) => {
                a.subtitle.as_ref().map(|t| paiban::ast::plain_text(t))
            }
            _ => None,
        })
    });
    assert_eq!(Some(field("Subject:")), subtitle);
    assert_eq!(field("Tagged:"), "yes");
    let pages: usize = field("Pages:").parse().unwrap();
    assert!(pages >= 4, "{pages} pages");
}

#[test]
fn catalog_has_lang_page_labels_and_struct_tree() {
    let s = sample();
    let cat = run("mutool", &["show", arg(s), "trailer/Root"]);
    assert!(cat.contains("/Lang (zh-CN)"), "{cat}");
    assert!(cat.contains("/PageLabels"), "{cat}");
    assert!(cat.contains("/StructTreeRoot"), "{cat}");
    assert!(cat.contains("/Outlines"), "{cat}");
}

#[test]
fn same_input_gives_byte_identical_pdf() {
    let s = sample();
    let (again, _) = render(&s.doc, &sample_dir());
    assert!(again == s.bytes, "second render differs");
}
