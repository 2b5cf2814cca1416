//! A plain-text view of a [`Layout`] for `paiban inspect --layout` and for tests: one
//! line per visual text line, so page layout is testable without a PDF.

use super::page::{Item, ItemKind, Layout};
use std::fmt::Write;

/// Points two runs' baselines may differ and the runs still count as one visual line
/// (floating-point slack, not style).
const SAME_BASELINE_EPS: f32 = 0.01;

/// One visual line of text on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    /// Baseline in points from the page top.
    pub baseline: f32,
    /// Left end in points (pen position of the first glyph).
    pub x0: f32,
    /// Right end in points (after the last glyph's advance).
    pub x1: f32,
    /// The text; runs more than 2 em apart (table cells) are joined with ` | `.
    pub text: String,
    /// Size of the first run in points.
    pub size: f32,
    /// Family of the first run's face.
    pub family: String,
    /// Indices of the page items making up the line.
    pub items: Vec<usize>,
}

/// Groups consecutive glyph items of a page that share a baseline into visual lines.
pub fn text_lines(items: &[Item]) -> Vec<TextLine> {
    let mut out: Vec<TextLine> = Vec::new();
    for (idx, it) in items.iter().enumerate() {
        let ItemKind::Glyphs(run) = &it.kind else {
            continue;
        };
        if run.glyphs.is_empty() {
            continue;
        }
        let x1 = it.x
            + run
                .glyphs
                .iter()
                .map(|g| g.x + g.advance)
                .fold(0.0, f32::max);
        let text: String = run.glyphs.iter().map(|g| g.text.as_str()).collect();
        if let Some(last) = out.last_mut() {
            if (last.baseline - it.y).abs() < SAME_BASELINE_EPS
                && last.items.last() == Some(&(idx - 1))
            {
                if it.x - last.x1 > 2.0 * run.size {
                    last.text.push_str(" | ");
                }
                last.text.push_str(&text);
                last.x1 = last.x1.max(x1);
                last.items.push(idx);
                continue;
            }
        }
        out.push(TextLine {
            baseline: it.y,
            x0: it.x,
            x1,
            text,
            size: run.size,
            family: run.face.family.clone(),
            items: vec![idx],
        });
    }
    out
}

/// `page N line M x0..x1 TEXT` for every text line (pages and lines 1-based, x in pt).
pub fn dump(layout: &Layout) -> String {
    let mut s = String::new();
    for (p, page) in layout.pages.iter().enumerate() {
        for (m, line) in text_lines(&page.items).iter().enumerate() {
            let _ = writeln!(
                s,
                "page {} line {} {:.1}..{:.1} {}",
                p + 1,
                m + 1,
                line.x0,
                line.x1,
                line.text
            );
        }
    }
    s
}
