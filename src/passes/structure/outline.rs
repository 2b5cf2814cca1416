//! Markdown headings get the facts plain text gets from `structure`: the title and subtitle
//! from leading headings, levels renumbered so that the shallowest depth used is level 1
//! (pandoc's heading shift; `--top-level-heading` forces it), numbered headings keeping
//! their T21 level as T23 style, statute divisions (`第X章`) and `第X条` provisions (T21/T22).
//!
//! Runs for every input, before `structure`: plain text has no headings yet, so only its
//! `第X条　…` provisions are found here, as `structure` would find them.

use super::headings::{scale_of, split, unwrap_whole_strong};
use super::numbering::{self, Kind, Number};
use super::{fill_meta, gaps::ideographic_gaps_inlines, NAME as STRUCTURE};
use crate::ast::{plain_text, Article, Block, Byline, Document, Heading, HeadingScale, Inline};
use crate::log::Log;
use crate::passes::flat::{self, Cell};
use std::collections::BTreeSet;

/// Pass name used in the log.
pub const NAME: &str = "outline";

/// Finds the title, renumbers heading levels and sets every heading's scale.
pub fn run(mut doc: Document, log: &mut Log) -> Document {
    let forced = doc.meta.top_level_heading;
    let has_articles = doc.blocks.iter().any(|b| matches!(b, Block::Article(_)));
    if !has_articles {
        let blocks = std::mem::take(&mut doc.blocks);
        doc.blocks = title(blocks, &mut doc, log);
    }
    let mut top = std::mem::take(&mut doc.blocks);
    for b in &mut top {
        if let Block::Article(a) = b {
            a.body = levels(std::mem::take(&mut a.body), forced, log);
        }
    }
    // Blocks outside articles are renumbered together, as one body.
    let mut out = Vec::with_capacity(top.len());
    let mut loose = Vec::new();
    for b in top {
        match b {
            Block::Article(_) => {
                out.extend(levels(std::mem::take(&mut loose), forced, log));
                out.push(b);
            }
            other => loose.push(other),
        }
    }
    out.extend(levels(loose, forced, log));
    doc.blocks = out;
    if doc.articles().next().is_some() {
        fill_meta(&mut doc);
    }
    doc
}

/// A heading standing alone at the start of `blocks` that no later top-level heading
/// equals or outranks.
fn lone_heading(blocks: &[Block], at: usize, above: u8) -> Option<&Heading> {
    let Some(Block::Heading(h)) = blocks.get(at) else {
        return None;
    };
    let lone = h.run_in.is_empty()
        && h.level > above
        && h.scale != HeadingScale::Article
        && !blocks[at + 1..]
            .iter()
            .any(|b| matches!(b, Block::Heading(o) if o.level <= h.level));
    lone.then_some(h)
}

/// The document title from a leading heading that is the only one at its level or above,
/// and the subtitle from a second one right under it: both become an article's title block.
/// A front-matter title wins; a leading heading repeating it is dropped.
fn title(mut blocks: Vec<Block>, doc: &mut Document, log: &mut Log) -> Vec<Block> {
    let Some(first) = lone_heading(&blocks, 0, 0) else {
        return blocks;
    };
    if let Some(given) = doc.meta.title.as_deref().filter(|t| !t.trim().is_empty()) {
        if plain_text(&first.content).trim() == given.trim() {
            log.change(
                NAME,
                first.line,
                "heading repeating the front-matter title dropped",
            );
            blocks.remove(0);
        }
        return blocks;
    }
    let subtitle = lone_heading(&blocks, 1, first.level).is_some();
    let mut rest = blocks.into_iter();
    let Some(Block::Heading(head)) = rest.next() else {
        unreachable!("lone_heading found a heading first")
    };
    let sub = if subtitle {
        match rest.next() {
            Some(Block::Heading(s)) => Some(ideographic_gaps_inlines(&s.content)),
            _ => unreachable!("lone_heading found a heading second"),
        }
    } else {
        None
    };
    log.change(
        NAME,
        head.line,
        format!(
            "title from the leading level-{} heading{}",
            head.level,
            if sub.is_some() {
                ", subtitle from the next"
            } else {
                ""
            }
        ),
    );
    let bylines = doc
        .meta
        .authors
        .iter()
        .map(|a| Byline::of_author(a))
        .collect();
    vec![Block::Article(Article {
        title: ideographic_gaps_inlines(&head.content),
        subtitle: sub,
        body: rest.collect(),
        bylines,
        id: head.id,
        line: head.line,
    })]
}

/// The T21 numbering of a heading (its run-in text after it: idempotence).
fn heading_number(h: &Heading) -> Option<Number> {
    let mut s = flat::flat_string(&h.content);
    if !h.run_in.is_empty() {
        s.push('\u{3000}');
        s.push_str(&flat::flat_string(&h.run_in));
    }
    numbering::parse(&s)
}

/// A heading that is nothing but `第X条` (statutes that give each provision a heading).
fn bare_article(h: &Heading) -> bool {
    let s = flat::plain(&h.content);
    let s = s.trim();
    s.strip_prefix('第')
        .and_then(|r| r.strip_suffix('条'))
        .is_some_and(|n| {
            !n.is_empty()
                && n.chars()
                    .all(|c| "一二三四五六七八九十百零〇两".contains(c))
        })
}

/// A paragraph opening with `第X条` and a gap (or the marker in bold) before its provision:
/// a statute article, run in (T22). A gap is required so that `第一条路` stays text.
pub(crate) fn provision(content: &[Inline]) -> Option<Number> {
    let n = numbering::parse(&flat::flat_string(content)).filter(|n| n.kind == Kind::Tiao)?;
    let strong_marker = matches!(content.first(), Some(Inline::Strong(_)));
    let text = flat::flat_string(content);
    let marker_end = text.find('条')? + '条'.len_utf8();
    let gap = text[marker_end..].starts_with([' ', '\t', '\u{3000}']);
    (gap || strong_marker).then_some(n)
}

/// The marker of a numbered heading in its T21 form (`(一)` → `（一）`, `第一章 ` →
/// `第一章　`), the rest untouched.
fn normalise_marker(seq: &[Inline], n: &Number) -> Vec<Inline> {
    let mut cells = flat::flatten(seq);
    let Some(&proto) = cells.first() else {
        return seq.to_vec();
    };
    let marker: Vec<Cell> = n.canonical.chars().map(|ch| Cell { ch, ..proto }).collect();
    cells.splice(0..n.len.min(cells.len()), marker);
    flat::rebuild(seq, &cells)
}

/// Levels and scales of one body: Markdown depths shifted so the shallowest is level 1 (or
/// `forced` is), numbered headings with the scale of their T21 pattern, provisions run in.
fn levels(blocks: Vec<Block>, forced: Option<u8>, log: &mut Log) -> Vec<Block> {
    let depths = blocks.iter().filter_map(|b| match b {
        Block::Heading(h) if h.scale != HeadingScale::Article => Some(h.level),
        _ => None,
    });
    let shift = match forced {
        Some(top) => top.saturating_sub(1),
        None => depths.min().unwrap_or(1).saturating_sub(1),
    };
    let kinds: BTreeSet<Kind> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(h) => heading_number(h).map(|n| n.kind),
            Block::Para(p) => provision(&p.content).map(|n| n.kind),
            _ => None,
        })
        .collect();
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    // Level of the nearest heading above that is not a provision: provisions nest under it.
    let mut above: u8 = 0;
    for b in blocks {
        out.push(match b {
            Block::Heading(mut h) if h.scale == HeadingScale::Article || bare_article(&h) => {
                h.scale = HeadingScale::Article;
                h.level = (above + 1).min(6);
                Block::Heading(h)
            }
            Block::Heading(mut h) => {
                let level = h.level.saturating_sub(shift).clamp(1, 6);
                if level != h.level {
                    log.change(NAME, h.line, format!("heading level {} → {level}", h.level));
                }
                h.level = level;
                above = level;
                // A blank run between two Han is a deliberate gap (`总 则`), as in plain text.
                h.content = ideographic_gaps_inlines(&h.content);
                match heading_number(&h) {
                    Some(n) => {
                        h.scale = scale_of(n.kind, &kinds);
                        if h.run_in.is_empty() {
                            h.content = normalise_marker(&h.content, &n);
                        }
                    }
                    None => h.scale = HeadingScale::Unnumbered,
                }
                Block::Heading(h)
            }
            Block::Para(p) => match provision(&p.content) {
                Some(n) => {
                    let (content, run_in) = split(&p.content, &n);
                    log.change(STRUCTURE, p.line, "T21 statute article, run-in (T22)");
                    Block::Heading(Heading {
                        level: (above + 1).min(6),
                        scale: HeadingScale::Article,
                        content: ideographic_gaps_inlines(&unwrap_whole_strong(content)),
                        run_in,
                        id: String::new(),
                        line: p.line,
                    })
                }
                None => Block::Para(p),
            },
            other => other,
        });
    }
    out
}
