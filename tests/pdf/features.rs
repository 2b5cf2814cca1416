//! Features of the PDF writer on a document with lists, a table crossing a page, code, an
//! image, footnotes, links and mixed Chinese/English paragraphs (tests/fixtures/pdf/).

use crate::support::pdf::*;
use crate::support::{fixture, load};
use paiban::ast::*;
use std::path::PathBuf;
use std::sync::OnceLock;

fn fixtures() -> PathBuf {
    fixture("pdf")
}

/// Table rows of the fixture (the same rows as tests/fixtures/pdf/features.md).
fn table_rows() -> Vec<[String; 4]> {
    let cities = [
        "义乌", "杭州", "宁波", "温州", "嘉兴", "湖州", "绍兴", "金华", "衢州", "舟山", "台州",
        "丽水",
    ];
    (0..40)
        .map(|i| {
            [
                (i + 1).to_string(),
                format!("{}第{}项工作", cities[i % cities.len()], i + 1),
                format!("{}.{}", (i * 37) % 100 + 12, i % 10),
                "按期推进，质量达标".to_string(),
            ]
        })
        .collect()
}

/// tests/fixtures/pdf/features.md through the readers and passes.
fn features_doc() -> Document {
    load(&fixtures().join("features.md"))
}

struct Out {
    path: PathBuf,
    bytes: Vec<u8>,
    lines: Vec<Vec<VLine>>,
    json: String,
}

fn out() -> &'static Out {
    static O: OnceLock<Out> = OnceLock::new();
    O.get_or_init(|| {
        let (path, bytes, log) = rendered(&features_doc(), &fixtures(), "features.pdf");
        assert!(
            log.warnings().next().is_none(),
            "warnings: {:?}",
            log.entries
        );
        let lines = stext_lines(&path);
        let json = run("qpdf", &["--json", path.to_str().unwrap()]);
        Out {
            path,
            bytes,
            lines,
            json,
        }
    })
}

fn all_han(o: &Out) -> String {
    o.lines.iter().flatten().map(|l| han(&l.text())).collect()
}

#[test]
fn t27_fonts_embedded_subset_unicode_including_mono() {
    let o = out();
    let list = run("pdffonts", &[o.path.to_str().unwrap()]);
    let rows: Vec<&str> = list.lines().skip(2).collect();
    assert!(
        rows.iter().any(|r| r.contains("DejaVuSansMono")),
        "code font missing:\n{list}"
    );
    for row in rows {
        let f: Vec<&str> = row.split_whitespace().collect();
        let n = f.len();
        assert_eq!(&f[n - 5..n - 2], ["yes", "yes", "yes"], "T27: {row}");
    }
}

#[test]
fn every_block_text_comes_back() {
    let o = out();
    let got = all_han(o);
    let doc = features_doc();
    let mut texts = Vec::new();
    visit_blocks(&doc, &mut |b| match b {
        Block::Para(p) => texts.push(plain_text(&p.content)),
        Block::Heading(h) => texts.push(plain_text(&h.content)),
        Block::Code(c) => texts.push(c.text.clone()),
        _ => {}
    });
    for text in texts {
        let h = han(&text);
        assert!(got.contains(&h), "missing from the PDF text: {text}");
    }
    // Mixed Latin text and inline code come back verbatim (T26).
    let flat: String = o.lines.iter().flatten().map(|l| l.text()).collect();
    for s in [
        "Rust",
        "EPUB",
        "DOCX",
        "GDP",
        "a,b:c",
        "println!(\"排版 paiban\");",
    ] {
        assert!(flat.contains(s), "{s:?} missing");
    }
}

#[test]
fn table_crosses_a_page_with_all_rows() {
    let o = out();
    let head_pages: Vec<usize> = o
        .lines
        .iter()
        .enumerate()
        .filter(|(_, p)| p.iter().any(|l| han(&l.text()) == "序号项目指标说明"))
        .map(|(i, _)| i)
        .collect();
    assert!(
        head_pages.len() >= 2,
        "table header on pages {head_pages:?}: the table should cross a page and repeat its header"
    );
    let got = all_han(o);
    for r in table_rows() {
        assert!(got.contains(&han(&r[1])), "row {} missing", r[0]);
    }
}

#[test]
fn image_is_embedded() {
    let o = out();
    let list = run("pdfimages", &["-list", o.path.to_str().unwrap()]);
    let rows: Vec<&str> = list.lines().skip(2).collect();
    assert_eq!(rows.len(), 1, "{list}");
    let f: Vec<&str> = rows[0].split_whitespace().collect();
    assert_eq!((f[3], f[4]), ("120", "60"), "{list}");
}

#[test]
fn links_to_url_and_internal_destination() {
    let o = out();
    assert!(
        o.json.contains("https://example.com/paiban"),
        "URI link missing"
    );
    assert!(o.json.contains("\"/Dest\""), "internal link missing");
    assert!(o.json.contains("sec-2"), "named destination sec-2 missing");
}

#[test]
fn tag_tree_has_lists_table_figure_notes_and_links() {
    let o = out();
    for s in [
        "/L", "/LI", "/LBody", "/Table", "/TR", "/TH", "/TD", "/Figure", "/Note", "/Code", "/Link",
        "/H2", "/P",
    ] {
        assert!(
            o.json.contains(&format!("\"/S\": \"{s}\"")),
            "structure type {s} missing"
        );
    }
    assert!(
        o.json.contains("义乌小商品市场示意图"),
        "figure alt text missing"
    );
}

#[test]
fn t9_kinsoku_on_every_line() {
    let o = out();
    for l in o.lines.iter().flatten() {
        let ink = l.ink();
        if han(&l.text()).is_empty() {
            continue;
        }
        let (first, last) = (ink[0], ink[ink.len() - 1]);
        let dash2 = ink.len() > 1 && first.c == '—' && ink[1].c == '—';
        assert!(dash2 || !gb_no_start(first.c), "T9 start: {}", l.text());
        assert!(!gb_no_end(last.c), "T9 end: {}", l.text());
    }
}

#[test]
fn outline_and_metadata() {
    let o = out();
    let want = vec![
        (0, "排版功能测试文档".to_string()),
        (1, "一、列表与段落".to_string()),
        (1, "二、表格与代码".to_string()),
    ];
    assert_eq!(pdf_outline(&o.path), want);
    let info = run("pdfinfo", &[o.path.to_str().unwrap()]);
    assert!(info.contains("排版功能测试文档"), "{info}");
    assert!(info.contains("测试作者"), "{info}");
}

#[test]
fn deterministic_bytes() {
    let (again, _) = render(&features_doc(), &fixtures());
    assert!(again == out().bytes, "second render differs");
}

/// Filled paths of the whole document from `mutool draw -F trace`: (has curves, bbox w, h).
fn filled_paths(o: &Out) -> Vec<(bool, f32, f32)> {
    let trace = run(
        "mutool",
        &[
            "draw",
            "-q",
            "-F",
            "trace",
            "-o",
            "-",
            o.path.to_str().unwrap(),
        ],
    );
    let num = regex::Regex::new(r#" (?:x|y|x1|y1|x2|y2|x3|y3)="([-0-9.]+)""#).unwrap();
    trace
        .split("<fill_path")
        .skip(1)
        .map(|chunk| {
            let body = chunk.split("</fill_path>").next().unwrap();
            let (mut xs, mut ys) = (Vec::new(), Vec::new());
            for c in num.captures_iter(body) {
                let v: f32 = c[1].parse().unwrap();
                if c[0].trim_start().starts_with('x') {
                    xs.push(v)
                } else {
                    ys.push(v)
                }
            }
            let span = |v: &[f32]| {
                v.iter().cloned().fold(f32::MIN, f32::max)
                    - v.iter().cloned().fold(f32::MAX, f32::min)
            };
            (body.contains("<curveto"), span(&xs), span(&ys))
        })
        .collect()
}

#[test]
fn t24_emphasis_dots_are_filled_circles_and_rules_filled_rectangles() {
    let o = out();
    let paths = filled_paths(o);
    let dots: Vec<_> = paths.iter().filter(|p| p.0).collect();
    // `*着重号强调*`: one dot under each of the five Han characters.
    assert_eq!(dots.len(), 5, "{dots:?}");
    for (_, w, h) in dots {
        // ≈ 0.15 em of 12 pt, round.
        assert!(
            (1.0..=3.0).contains(w) && (w - h).abs() < 0.05,
            "dot {w}×{h}"
        );
    }
    let rules = paths
        .iter()
        .filter(|p| !p.0 && p.1 > 20.0 && p.2 < 2.0)
        .count();
    assert!(
        rules >= 3,
        "expected table rules and the footnote separator, got {rules}"
    );
}
