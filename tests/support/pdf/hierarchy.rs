//! The heading hierarchy rule of issue 10, measured on a PDF: every heading level is at
//! least as large as the next deeper one, level 1 is clearly larger than body text, and
//! every heading is set apart from body text by size or face (a bold face is its own font).
//!
//! Heading lines are found by their text, taken from the document the PDF was made from,
//! in reading order: never by position, so wrapped headings, run-in headings and
//! repeated texts are handled.

use super::{stext_lines, VLine};
use paiban::ast::{plain_text, visit_blocks, Block, Document, HeadingScale};
use std::collections::BTreeMap;
use std::path::Path;

/// How much larger than body text the level-1 headings must be ("clearly larger").
pub const LEVEL1_FACTOR: f32 = 1.15;

/// What the PDF shows for one title or heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    /// 0 for a title, else the heading level.
    pub level: u8,
    /// The heading's plain text.
    pub text: String,
    /// Font name of most of its Han glyphs (all glyphs when it has no Han).
    pub font: String,
    /// Size of those glyphs.
    pub size: f32,
    /// A run-in heading (T22), e.g. a statute article `第X条`.
    pub run_in: bool,
}

/// The title and headings of `doc` as the PDF sets them, and the body style: font and size
/// of most Han glyphs outside them. Headings not found in the PDF are reported in `missing`.
#[derive(Debug, Clone, Default)]
pub struct Hierarchy {
    /// Titles and headings, in reading order.
    pub headings: Vec<Measured>,
    /// Body font and size.
    pub body: (String, f32),
    /// Texts of headings not found in the PDF.
    pub missing: Vec<String>,
}

/// Characters compared when matching texts: Han, letters and digits (spaces, punctuation,
/// autospace gaps and note markers vary between the AST and the PDF's text).
fn significant(s: &str) -> String {
    s.chars()
        .filter(|&c| super::is_han(c) || c.is_alphanumeric())
        .collect()
}

/// One title or heading to look for.
struct Wanted {
    level: u8,
    text: String,
    run_in: bool,
    /// How many blocks before it (paragraphs, list items, headings: a table of contents
    /// repeating the headings, say) have the same text: the PDF lines matching it are
    /// skipped that many times.
    earlier: usize,
}

/// The titles and headings of `doc` in reading order.
fn wanted(doc: &Document) -> Vec<Wanted> {
    // Every block's significant text in reading order, headings marked.
    let mut seq: Vec<(String, Option<Wanted>)> = Vec::new();
    let mut push = |text: String, heading: Option<(u8, bool)>| {
        let w = heading.map(|(level, run_in)| Wanted {
            level,
            text: text.clone(),
            run_in,
            earlier: 0,
        });
        seq.push((significant(&text), w));
    };
    if let Some(meta) = doc.title_block() {
        push(meta.title.clone().unwrap_or_default(), Some((0, false)));
    }
    visit_blocks(doc, &mut |b| match b {
        Block::Article(a) => push(plain_text(&a.title), Some((0, false))),
        Block::Heading(h) => push(
            plain_text(&h.content),
            Some((h.level, !h.run_in.is_empty())),
        ),
        Block::Para(p) => push(plain_text(&p.content), None),
        _ => {}
    });
    let mut out = Vec::new();
    for i in 0..seq.len() {
        let earlier = seq[..i].iter().filter(|(s, _)| *s == seq[i].0).count();
        if let Some(mut w) = seq[i].1.take() {
            w.earlier = earlier;
            out.push(w);
        }
    }
    out
}

/// Whether an article heading of `doc` is run in (statute articles are exempt from
/// "clearly larger than body": they are body-size Hei by design).
fn article_levels(doc: &Document) -> Vec<u8> {
    let mut out = Vec::new();
    paiban::ast::visit_blocks(doc, &mut |b| {
        if let Block::Heading(h) = b {
            if h.scale == HeadingScale::Article {
                out.push(h.level);
            }
        }
    });
    out
}

/// The (font, size) most glyphs in `glyphs` have; ties go to the larger size.
fn dominant<'a>(glyphs: impl Iterator<Item = &'a super::Glyph>) -> Option<(String, f32)> {
    let mut count: BTreeMap<(String, u32), usize> = BTreeMap::new();
    for g in glyphs {
        *count
            .entry((g.font.clone(), (g.size * 100.0).round() as u32))
            .or_default() += 1;
    }
    count
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(a.0 .1.cmp(&b.0 .1)))
        .map(|((font, size), _)| (font, size as f32 / 100.0))
}

/// The style of the first `n` ink glyphs of `line` (Han ones when there are any).
fn style_of(line: &VLine, n: usize) -> Option<(String, f32)> {
    let ink: Vec<&super::Glyph> = line.ink().into_iter().take(n.max(1)).collect();
    let han: Vec<&super::Glyph> = ink.iter().copied().filter(|g| super::is_han(g.c)).collect();
    if han.is_empty() {
        dominant(ink.into_iter())
    } else {
        dominant(han.into_iter())
    }
}

/// Measures the titles, headings and body text of `pdf`, made from `doc`.
pub fn measure(pdf: &Path, doc: &Document) -> Hierarchy {
    let lines: Vec<VLine> = stext_lines(pdf).into_iter().flatten().collect();
    let sig: Vec<String> = lines.iter().map(|l| significant(&l.text())).collect();
    let mut used = vec![false; lines.len()];
    let mut out = Hierarchy::default();
    let mut cursor = 0;
    for Wanted {
        level,
        text,
        run_in,
        earlier,
    } in wanted(doc)
    {
        let want = significant(&text);
        if want.is_empty() {
            continue;
        }
        // The lines `start..end` holding exactly the heading's text (a standalone heading
        // may wrap), or a line starting with it (a run-in heading and its text).
        let span = |start: usize| -> Option<usize> {
            if run_in {
                return sig[start].starts_with(&want).then_some(start + 1);
            }
            let mut seen = String::new();
            for (k, s) in sig.iter().enumerate().skip(start) {
                seen.push_str(s);
                if seen == want {
                    return Some(k + 1);
                }
                if s.is_empty() || !want.starts_with(&seen) {
                    return None;
                }
            }
            None
        };
        // Lines repeating the text of earlier blocks come first: skip as many matches.
        let found = (0..lines.len())
            .filter(|&i| !sig[i].is_empty())
            .filter_map(|i| span(i).map(|end| (i, end)))
            .filter(|&(i, _)| i >= cursor || earlier > 0)
            .nth(earlier);
        let Some((i, end)) = found else {
            out.missing.push(text);
            continue;
        };
        // Ink glyphs of the heading part: its non-blank characters, at most the line.
        let n = text.chars().filter(|c| !c.is_whitespace()).count();
        let Some((font, size)) = style_of(&lines[i], n) else {
            out.missing.push(text);
            continue;
        };
        if !run_in {
            used[i..end].iter_mut().for_each(|u| *u = true);
        }
        cursor = end;
        out.headings.push(Measured {
            level,
            text,
            font,
            size,
            run_in,
        });
    }
    let body = lines
        .iter()
        .zip(&used)
        .filter(|(_, &u)| !u)
        .flat_map(|(l, _)| l.ink())
        .filter(|g| super::is_han(g.c));
    out.body = dominant(body).unwrap_or_default();
    out
}

/// The problems with the heading hierarchy of `pdf` (made from `doc`); empty when the rule
/// holds. Each names the headings and the sizes and fonts measured.
pub fn heading_hierarchy(pdf: &Path, doc: &Document) -> Vec<String> {
    let m = measure(pdf, doc);
    hierarchy_problems(&m, &article_levels(doc))
}

/// [`heading_hierarchy`] on measurements; `article_levels` are levels holding statute
/// articles, which may be body-size (they differ by face).
pub fn hierarchy_problems(m: &Hierarchy, article_levels: &[u8]) -> Vec<String> {
    let mut problems: Vec<String> = m
        .missing
        .iter()
        .map(|t| format!("heading not found in the PDF: {t:?}"))
        .collect();
    let (body_font, body_size) = &m.body;
    for h in &m.headings {
        let larger = h.size > body_size + 0.01;
        if !larger && &h.font == body_font {
            problems.push(format!(
                "level {} {:?} looks like body text: {} {} pt",
                h.level, h.text, h.font, h.size
            ));
        }
    }
    let mut levels: BTreeMap<u8, Vec<&Measured>> = BTreeMap::new();
    for h in &m.headings {
        levels.entry(h.level).or_default().push(h);
    }
    let size = |hs: &[&Measured], pick: fn(f32, f32) -> f32| {
        hs.iter().map(|h| h.size).reduce(pick).unwrap_or(0.0)
    };
    let keys: Vec<u8> = levels.keys().copied().collect();
    for pair in keys.windows(2) {
        let (upper, lower) = (&levels[&pair[0]], &levels[&pair[1]]);
        let smallest = size(upper, f32::min);
        let largest = size(lower, f32::max);
        if smallest + 0.01 < largest {
            let a = upper.iter().find(|h| h.size == smallest).expect("found");
            let b = lower.iter().find(|h| h.size == largest).expect("found");
            problems.push(format!(
                "level {} {:?} ({} pt) is smaller than level {} {:?} ({} pt)",
                a.level, a.text, a.size, b.level, b.text, b.size
            ));
        }
    }
    if let Some(first) = keys.iter().find(|&&l| l > 0) {
        for h in &levels[first] {
            if h.run_in && article_levels.contains(&h.level) {
                continue;
            }
            if h.size < body_size * LEVEL1_FACTOR - 0.01 {
                problems.push(format!(
                    "level-{} heading {:?} is {} pt, not clearly larger than the {} pt body",
                    h.level, h.text, h.size, body_size
                ));
            }
        }
    }
    problems
}

/// Panics with every problem [`heading_hierarchy`] finds.
pub fn assert_heading_hierarchy(pdf: &Path, doc: &Document) {
    let problems = heading_hierarchy(pdf, doc);
    assert!(
        problems.is_empty(),
        "heading hierarchy of {}:\n{}\n{:#?}",
        pdf.display(),
        problems.join("\n"),
        measure(pdf, doc)
    );
}
