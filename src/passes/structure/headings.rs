//! Headings inside one article body: T21 numbered paragraphs (patterns used mapped to levels
//! 1..n in T21 order), T22 standalone vs run-in, and unnumbered subheadings that take the
//! level of their numbered siblings.

use super::gaps::{heading_like, ideographic_gaps_inlines};
use super::numbering::{self, Kind, Number};
use super::{bylines, NAME};
use crate::ast::{Block, Heading, HeadingScale, Inline};
use crate::log::Log;
use crate::passes::flat::{self, Cell};
use crate::text::chars::is_blank;
use std::collections::BTreeSet;

/// T21 level of the pattern `kind`: its rank among the patterns `kinds` used, 1-based.
pub(super) fn level_of(kind: Kind, kinds: &BTreeSet<Kind>) -> u8 {
    let idx = kinds.iter().position(|&x| x == kind).unwrap_or(0);
    (idx + 1).min(6) as u8
}

/// The heading scale (T23) of a heading numbered `kind` among the patterns `kinds` used:
/// statute divisions ranked among the divisions used, `第X条` the article run-in, the
/// others the T23 style of their T21 level.
pub(super) fn scale_of(kind: Kind, kinds: &BTreeSet<Kind>) -> HeadingScale {
    if kind == Kind::Tiao {
        return HeadingScale::Article;
    }
    if kind.is_division() {
        let rank = kinds
            .iter()
            .filter(|k| k.is_division())
            .position(|&k| k == kind)
            .unwrap_or(0);
        return HeadingScale::Division((rank + 1).min(6) as u8);
    }
    HeadingScale::Numbered(level_of(kind, kinds))
}

fn number_of(seq: &[Inline]) -> Option<Number> {
    numbering::parse(&flat::flat_string(seq))
}

fn numbered(b: &Block) -> Option<Number> {
    match b {
        Block::Para(p) => number_of(&p.content),
        // `第二条` alone is no numbering; with its run-in provision it is (idempotence).
        Block::Heading(h) => {
            let mut s = flat::flat_string(&h.content);
            if !h.run_in.is_empty() {
                s.push('\u{3000}');
                s.push_str(&flat::flat_string(&h.run_in));
            }
            numbering::parse(&s)
        }
        _ => None,
    }
}

fn para_line(b: Option<&Block>) -> Option<String> {
    match b? {
        Block::Para(p) => Some(flat::plain(&p.content)),
        _ => None,
    }
}

/// Infers the headings of one block list.
pub fn infer(blocks: Vec<Block>, log: &mut Log) -> Vec<Block> {
    // Each block's numbering, read once for both loops below (issue 12: the structure pass
    // runs on one core before layout can start).
    let numbers: Vec<Option<Number>> = blocks.iter().map(numbered).collect();
    let kinds: BTreeSet<Kind> = numbers.iter().flatten().map(|n| n.kind).collect();
    let level_of = |k: Kind| level_of(k, &kinds);
    // Numbered headings.
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for (b, n) in blocks.into_iter().zip(numbers) {
        out.push(match (b, n) {
            // A long numbered sentence with nothing after its stop is a numbered body
            // paragraph, not a heading (T22: a standalone heading has no closing mark).
            (Block::Para(p), Some(n)) if sentence_item(&p.content, &n) => Block::Para(p),
            (Block::Para(p), Some(n)) => {
                let level = level_of(n.kind);
                let (content, run_in) = split(&p.content, &n);
                log.change(
                    NAME,
                    p.line,
                    format!(
                        "T21 {:?} heading, level {level}{}",
                        n.kind,
                        if run_in.is_empty() {
                            ""
                        } else {
                            ", run-in (T22)"
                        }
                    ),
                );
                Block::Heading(Heading {
                    level,
                    scale: scale_of(n.kind, &kinds),
                    content: ideographic_gaps_inlines(&unwrap_whole_strong(content)),
                    run_in,
                    id: String::new(),
                    line: p.line,
                })
            }
            (Block::Heading(mut h), Some(n)) => {
                h.level = level_of(n.kind);
                h.scale = scale_of(n.kind, &kinds);
                Block::Heading(h)
            }
            (b, _) => b,
        });
    }
    // Unnumbered subheadings: a short line without final punctuation, followed by body
    // text, inside a numbered section.
    let levels: Vec<Option<u8>> = out
        .iter()
        .map(|b| numbered(b).map(|n| level_of(n.kind)))
        .collect();
    // Nearest numbered level before / after each block, precomputed to stay linear.
    let mut before = vec![None; out.len()];
    let mut after = vec![None; out.len()];
    for i in 1..out.len() {
        before[i] = levels[i - 1].or(before[i - 1]);
    }
    for i in (0..out.len().saturating_sub(1)).rev() {
        after[i] = levels[i + 1].or(after[i + 1]);
    }
    for i in 0..out.len() {
        let Some(text) = para_line(out.get(i)) else {
            continue;
        };
        if !heading_like(&text) || bylines::parse(&text).is_some() {
            continue;
        }
        let body_follows = para_line(out.get(i + 1)).is_some_and(|t| !heading_like(&t));
        let prev: Option<u8> = before[i];
        let (true, Some(prev)) = (body_follows, prev) else {
            continue;
        };
        let next: Option<u8> = after[i];
        let level = match next {
            Some(n) if n >= prev => n,
            _ => prev,
        };
        let Block::Para(p) = &out[i] else {
            unreachable!()
        };
        log.change(
            NAME,
            p.line,
            format!("unnumbered subheading, level {level} like its numbered siblings"),
        );
        out[i] = Block::Heading(Heading {
            level,
            scale: HeadingScale::Numbered(level),
            content: ideographic_gaps_inlines(&unwrap_whole_strong(p.content.clone())),
            run_in: Vec::new(),
            id: String::new(),
            line: p.line,
        });
    }
    warn_levels(&out, log);
    out
}

/// Longest number prefix (`4.`, `（十二）`, `第一百零一条`) that may stand outside a
/// heading's `**…**` for the whole heading to count as strong.
const NUMBER_PREFIX_MAX: usize = 8;

/// T23: a heading's face and weight come from its level. `**…**` around the whole heading
/// text (its number aside) only makes some siblings Hei and others Kai, so it is dropped
/// (the sample's `4. **明晰边界…**` beside `1. “五个结合”…`). Partial emphasis stays.
pub(super) fn unwrap_whole_strong(content: Vec<Inline>) -> Vec<Inline> {
    let strong: Vec<usize> = (0..content.len())
        .filter(|&i| matches!(content[i], Inline::Strong(_)))
        .collect();
    let [at] = strong[..] else {
        return content;
    };
    let text_len = |seq: &[Inline]| -> Option<usize> {
        seq.iter().try_fold(0, |n, i| match i {
            Inline::Text(t) => Some(n + t.trim().chars().count()),
            Inline::AutoSpace => Some(n),
            _ => None,
        })
    };
    let before = text_len(&content[..at]);
    let after = text_len(&content[at + 1..]);
    if !matches!((before, after), (Some(b), Some(0)) if b <= NUMBER_PREFIX_MAX) {
        return content;
    }
    let mut out: Vec<Inline> = Vec::new();
    for i in content {
        let parts = match i {
            Inline::Strong(inner) => inner,
            other => vec![other],
        };
        for part in parts {
            match (out.last_mut(), part) {
                (Some(Inline::Text(a)), Inline::Text(b)) => a.push_str(&b),
                (_, part) => out.push(part),
            }
        }
    }
    out
}

/// W-LEVEL: a heading more than one level below the previous heading.
fn warn_levels(blocks: &[Block], log: &mut Log) {
    let mut prev: Option<u8> = None;
    for b in blocks {
        if let Block::Heading(h) = b {
            if let Some(p) = prev {
                if h.level > p + 1 {
                    log.warn(
                        "W-LEVEL",
                        h.line,
                        format!("heading level {} follows level {p}", h.level),
                    );
                }
            }
            prev = Some(h.level);
        }
    }
}

fn sentence_item(seq: &[Inline], n: &Number) -> bool {
    let text = flat::plain(seq);
    let long = text.chars().count() > super::gaps::SHORT;
    let ends = text.ends_with(['。', '！', '？']);
    let (_, run_in) = split(seq, n);
    n.kind != Kind::Tiao && long && ends && run_in.is_empty()
}

/// Normalises the marker (T21) and splits a run-in heading (T22) into (heading, body). A
/// `第X条` keeps its U+3000 gap (T21) at the end of the heading part: the provision is set
/// after it in the same paragraph.
pub(super) fn split(seq: &[Inline], n: &Number) -> (Vec<Inline>, Vec<Inline>) {
    let mut cells = flat::flatten(seq);
    let proto = cells[0];
    let marker: Vec<Cell> = n.canonical.chars().map(|ch| Cell { ch, ..proto }).collect();
    let mlen = marker.len();
    cells.splice(0..n.len, marker);
    let cut = if n.kind == Kind::Tiao {
        // `第一条　为了……。`: the article number is the heading, the provision its body.
        Some(mlen)
    } else {
        first_stop(&cells[mlen..]).map(|k| mlen + k + 1)
    };
    match cut {
        Some(k)
            if cells[k..]
                .iter()
                .any(|c| !is_blank(c.ch) && c.ch != '\u{3000}') =>
        {
            let mut head_end = k;
            while n.kind != Kind::Tiao
                && head_end > 0
                && matches!(cells[head_end - 1].ch, '\u{3000}' | ' ' | '\t')
            {
                head_end -= 1;
            }
            let mut body_start = k;
            while body_start < cells.len()
                && (is_blank(cells[body_start].ch) || cells[body_start].ch == '\u{3000}')
            {
                body_start += 1;
            }
            (
                flat::slice(seq, &cells, 0..head_end),
                flat::slice(seq, &cells, body_start..cells.len()),
            )
        }
        _ => (flat::rebuild(seq, &cells), Vec::new()),
    }
}

/// The first `。` or `：` (ASCII `:` outside `10:30`) ending a run-in heading (T22).
fn first_stop(cells: &[Cell]) -> Option<usize> {
    (0..cells.len()).find(|&k| {
        let digit = |j: Option<usize>| {
            j.and_then(|j| cells.get(j))
                .is_some_and(|c| c.ch.is_ascii_digit())
        };
        match cells[k].ch {
            '。' | '：' => true,
            ':' => !(digit(k.checked_sub(1)) && digit(Some(k + 1))),
            _ => false,
        }
    })
}
