//! Inline drawing in the PDF (T12 DASH2/ELL2, T24 oblique, strikethrough), checked on the
//! written file with mutool (raster, stext, trace) and pdftotext.

use crate::support::load;
use crate::support::pdf::*;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A last-line dash, a dash and an ellipsis inside justified lines, emphasis and strikethrough.
const DOC: &str = "甲乙——丙丁……戊。

习近平总书记在浙江工作期间，多次到义乌调研，总结推广“义乌发展经验”。二十年来，义乌始终牢记嘱托——感恩奋进，一以贯之坚持和深化“义乌发展经验”……在一张蓝图绘到底、一任接着一任干的接续奋斗中，让这一宝贵经验与时俱进。

这是*强调 Rust 文字*和~~删除线 del~~的例子。
";

struct Out {
    path: PathBuf,
    lines: Vec<VLine>,
    trace: String,
    text: String,
}

fn out() -> &'static Out {
    static O: OnceLock<Out> = OnceLock::new();
    O.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("pdf_inline");
        std::fs::create_dir_all(&dir).unwrap();
        let md = dir.join("inline.md");
        std::fs::write(&md, DOC).unwrap();
        let (path, _, log) = rendered(&load(&md), &dir, "inline.pdf");
        assert!(log.warnings().next().is_none(), "{:?}", log.entries);
        let p = path.to_str().unwrap();
        let trace = run("mutool", &["draw", "-q", "-F", "trace", "-o", "-", p, "1"]);
        let text = run("pdftotext", &[p, "-"]);
        let lines = stext_lines(&path).remove(0);
        Out {
            path,
            lines,
            trace,
            text,
        }
    })
}

/// Page 1 rendered at `dpi` in grey: (width, height, pixels).
fn raster(pdf: &Path, dpi: u32) -> (usize, usize, Vec<u8>) {
    let png = pdf.with_extension(format!("{dpi}.pgm"));
    run(
        "mutool",
        &[
            "draw",
            "-q",
            "-r",
            &dpi.to_string(),
            "-c",
            "gray",
            "-o",
            png.to_str().unwrap(),
            pdf.to_str().unwrap(),
            "1",
        ],
    );
    let bytes = std::fs::read(&png).unwrap();
    // Binary PGM: "P5\n<w> <h>\n255\n" then one byte per pixel.
    let mut fields = Vec::new();
    let mut pos = 0;
    while fields.len() < 4 {
        let start = pos;
        while !bytes[pos].is_ascii_whitespace() {
            pos += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..pos]).into_owned());
        pos += 1;
    }
    assert_eq!(fields[0], "P5");
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    (w, h, bytes[pos..pos + w * h].to_vec())
}

#[test]
fn t12_dash2_one_unbroken_two_em_stroke_at_600_dpi() {
    let o = out();
    let (w, _, px) = raster(&o.path, 600);
    let s = 600.0 / 72.0;
    let dark = |x: usize, y: usize| px[y * w + x] < 128;
    let mut checked = 0;
    for l in &o.lines {
        let g = &l.glyphs;
        for i in 0..g.len().saturating_sub(1) {
            if g[i].c != '—' || g[i + 1].c != '—' {
                continue;
            }
            // The font size of the line's Han (mutool reports the stretched dash's size
            // through its x-scale).
            let em = g
                .iter()
                .find(|c| is_han(c.c))
                .expect("Han on the line")
                .size;
            let x0 = g[i].x;
            // The dash's rows: ink in the middle of its box, above the baseline.
            let (cx0, cx1) = (
                ((x0 + 0.3 * em) * s) as usize,
                ((x0 + 1.7 * em) * s) as usize,
            );
            let rows: Vec<usize> = (((l.y - 0.8 * em) * s) as usize..(l.y * s) as usize)
                .filter(|&y| (cx0..cx1).any(|x| dark(x, y)))
                .collect();
            assert!(!rows.is_empty(), "no dash ink near x={x0}");
            let y = (rows[0] + rows[rows.len() - 1]) / 2;
            // Ink run through the middle, from the box middle outwards until a white run of
            // 3 px (the neighbours' ink is further away); white runs inside must be ≤ 1 px.
            let mid = ((x0 + em) * s) as usize;
            let edge = |step: isize| {
                let (mut x, mut last, mut white, mut worst) = (mid as isize, mid, 0, 0);
                while white < 3 {
                    if dark(x as usize, y) {
                        worst = worst.max(white);
                        white = 0;
                        last = x as usize;
                    } else {
                        white += 1;
                    }
                    x += step;
                }
                (last, worst)
            };
            let ((a, wl), (right, wr)) = (edge(-1), edge(1));
            let span = (right + 1 - a) as f32 / s / em;
            assert!(wl.max(wr) <= 1, "white run inside the dash at x={x0}");
            assert!(
                (span - 2.0).abs() <= 0.05,
                "dash ink spans {span} em at x={x0}: {}..{} pt, rows {rows:?}",
                a as f32 / s,
                right as f32 / s
            );
            if i > 0 && g[i - 1].c == '乙' {
                // Last line: the stroke starts right where 乙's box ends.
                let start = a as f32 / s - (g[i - 1].x + em);
                assert!(
                    start.abs() <= 0.05 * em,
                    "dash starts {} em off",
                    start / em
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 2, "a last-line and a justified DASH2: {checked}");
}

#[test]
fn t12_dash2_and_ell2_extract_exactly() {
    let o = out();
    // Lines joined without a separator (CJK lines break without a space).
    let flat: String = o.text.lines().collect();
    assert!(flat.contains("甲乙——丙丁……戊。"), "{flat}");
    assert!(flat.contains("嘱托——感恩"), "{flat}");
    assert!(flat.contains("经验”……在"), "{flat}");
    for bad in [" —", "— ", " …", "… ", "———"] {
        assert!(!o.text.contains(bad), "{bad:?} in {}", o.text);
    }
}

/// `(transform, text)` of every `fill_text` element of the trace.
fn text_spans(trace: &str) -> Vec<(Vec<f32>, String)> {
    let re =
        regex::Regex::new(r#"(?s)<fill_text [^>]*transform="([^"]*)">(.*?)</fill_text>"#).unwrap();
    let uni = regex::Regex::new(r#"unicode="([^"]*)""#).unwrap();
    re.captures_iter(trace)
        .map(|c| {
            let m: Vec<f32> = c[1]
                .split_whitespace()
                .map(|v| v.parse().unwrap())
                .collect();
            let t: String = uni.captures_iter(&c[2]).map(|u| u[1].to_string()).collect();
            (m, t)
        })
        .collect()
}

#[test]
fn t24_latin_in_emphasis_oblique_han_upright() {
    let spans = text_spans(&out().trace);
    assert!(!spans.is_empty());
    let rust = spans
        .iter()
        .find(|(_, t)| t.contains("Rust"))
        .expect("a span with Rust");
    // Skew ≈ 12°: x' = x + kx·y with kx = −tan 12° (y grows downwards).
    let kx = rust.0[2];
    assert!((kx + 0.2126).abs() < 0.01, "Rust skew {kx}");
    for (m, t) in &spans {
        if t.chars().any(|c| c as u32 >= 0x2E80) {
            assert!(m[2] == 0.0 && m[1] == 0.0, "HAN never oblique: {t:?} {m:?}");
        }
        if t.contains("del") {
            assert_eq!(m[2], 0.0, "struck (not emphasised) Latin stays upright");
        }
    }
}

#[test]
fn strike_drawn_as_a_rule_through_the_text() {
    let o = out();
    let line = o
        .lines
        .iter()
        .find(|l| l.text().contains("删除线"))
        .expect("struck line");
    let g = &line.glyphs;
    let first = g.iter().find(|c| c.c == '删').unwrap();
    let after = g.iter().find(|c| c.c == '的').unwrap();
    let em = first.size;
    // Rectangles: a moveto and three linetos (dots are curves).
    let re = regex::Regex::new(
        r#"<moveto x="([-.\d]+)" y="([-.\d]+)"/>\s*<lineto x="([-.\d]+)" y="([-.\d]+)"/>\s*<lineto x="([-.\d]+)" y="([-.\d]+)"/>"#,
    )
    .unwrap();
    let rects: Vec<[f32; 4]> = re
        .captures_iter(&o.trace)
        .map(|c| {
            let v: Vec<f32> = (1..=6).map(|i| c[i].parse().unwrap()).collect();
            let (xs, ys) = ([v[0], v[2], v[4]], [v[1], v[3], v[5]]);
            [
                xs.iter().cloned().fold(f32::MAX, f32::min),
                xs.iter().cloned().fold(f32::MIN, f32::max),
                ys.iter().cloned().fold(f32::MAX, f32::min),
                ys.iter().cloned().fold(f32::MIN, f32::max),
            ]
        })
        .collect();
    let hit = rects
        .iter()
        .find(|r| r[2] > line.y - em && r[3] < line.y)
        .unwrap_or_else(|| panic!("no rule on the struck line: {rects:?}"));
    assert!((hit[0] - first.x).abs() < 0.05, "starts at 删");
    assert!(
        hit[1] <= after.x + 0.05 && hit[1] > after.x - 0.5 * em,
        "ends before 的"
    );
    let mid = line.y - (hit[2] + hit[3]) / 2.0;
    assert!(
        mid > 0.2 * em && mid < 0.5 * em,
        "through the middle: {}",
        mid / em
    );
    let t = hit[3] - hit[2];
    assert!(t > 0.03 * em && t < 0.1 * em, "thickness {t}");
}
