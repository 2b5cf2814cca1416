//! Article segmentation: title and subtitle (short lines before the first body paragraph),
//! body, bylines after the body; a title-like line after a byline starts a new article.

use super::gaps::{heading_like, ideographic_gaps_inlines};
use super::{bylines, numbering, NAME};
use crate::ast::{Article, Block, Byline, Inline};
use crate::log::Log;
use crate::passes::flat::plain;

/// The text of a one-line paragraph.
fn line_text(b: &Block) -> Option<String> {
    match b {
        Block::Para(p)
            if !p
                .content
                .iter()
                .any(|i| matches!(i, Inline::SoftBreak | Inline::LineBreak)) =>
        {
            Some(plain(&p.content))
        }
        _ => None,
    }
}

fn title_like(b: Option<&Block>) -> bool {
    b.and_then(line_text).is_some_and(|t| {
        heading_like(&t) && numbering::parse(&t).is_none() && bylines::parse(&t).is_none()
    })
}

fn byline(b: Option<&Block>) -> Option<Byline> {
    let b = b?;
    let (name, affiliation) = bylines::parse(&line_text(b)?)?;
    Some(Byline {
        name,
        affiliation,
        line: b.line(),
    })
}

fn content(b: Block) -> Vec<Inline> {
    match b {
        Block::Para(p) => ideographic_gaps_inlines(&p.content),
        _ => Vec::new(),
    }
}

/// A typed leading `——` (or `--`, `—`) of a subtitle goes: backends print it (T23).
fn strip_dash(seq: Vec<Inline>) -> Vec<Inline> {
    let mut cells = crate::passes::flat::flatten(&seq);
    let n = cells
        .iter()
        .take_while(|c| matches!(c.ch, '—' | '-' | '－' | '\u{2E3A}' | ' ' | '\u{3000}'))
        .count();
    if n == 0 || n == cells.len() {
        return seq;
    }
    cells.drain(..n);
    crate::passes::flat::rebuild(&seq, &cells)
}

/// Groups top-level blocks into articles when the document starts with a title-like line.
pub fn segment(blocks: Vec<Block>, log: &mut Log) -> Vec<Block> {
    if !title_like(blocks.first()) {
        return blocks;
    }
    let mut out = Vec::new();
    let mut it = blocks.into_iter().peekable();
    while let Some(first) = it.next() {
        if !title_like(Some(&first)) {
            // Leftovers after the last byline stay top-level.
            out.push(first);
            out.extend(it.by_ref());
            break;
        }
        let line = first.line();
        let title = content(first);
        // A second short line is the subtitle, unless nothing follows it.
        let mut subtitle = None;
        if title_like(it.peek()) && byline(it.peek()).is_none() {
            let b = it.next().expect("peeked");
            if it.peek().is_some() {
                subtitle = Some(strip_dash(content(b)));
            } else {
                out.push(Block::Article(Article {
                    title,
                    subtitle: None,
                    body: vec![b],
                    bylines: Vec::new(),
                    id: String::new(),
                    line,
                }));
                break;
            }
        }
        let mut bylines_: Vec<Byline> = Vec::new();
        // Bylines right under the title (T30 handout convention).
        while let Some(b) = byline(it.peek()) {
            bylines_.push(b);
            it.next();
        }
        let mut body = Vec::new();
        let mut pending: Vec<Block> = Vec::new();
        while let Some(b) = it.peek() {
            if byline(Some(b)).is_some() {
                pending.push(it.next().expect("peeked"));
                continue;
            }
            if !pending.is_empty() {
                if title_like(Some(b)) {
                    break; // a title after bylines: next article
                }
                // Byline-like lines inside the body are body text.
                body.append(&mut pending);
            }
            body.push(it.next().expect("peeked"));
        }
        bylines_.extend(pending.iter().filter_map(|b| byline(Some(b))));
        log.change(
            NAME,
            line,
            format!(
                "article “{}”: {} body block(s), {} byline(s){}",
                plain(&title),
                body.len(),
                bylines_.len(),
                if subtitle.is_some() { ", subtitle" } else { "" }
            ),
        );
        out.push(Block::Article(Article {
            title,
            subtitle,
            body,
            bylines: bylines_,
            id: String::new(),
            line,
        }));
    }
    out
}
