//! T2–T5: punctuation in CJK context, with every exception of TYPOGRAPHY.md §1.
//!
//! Works on the flat view of each inline sequence ([`super::flat`]) so that context crosses
//! inline boundaries, never crosses code (T26), and never rewrites protected spans: URLs,
//! e-mails, paths, numbers and Latin sentences. Rules run to a fixed point so that the pass
//! is idempotent (a conversion can create CJK context for its neighbour).

mod dash;
mod lints;
mod quotes;
mod to_fullwidth;
mod to_halfwidth;

use super::each_seq::map_inlines_par;
use super::flat::{self, Cell, AUTO, BREAK, CODE, LBREAK, OBJ};
use crate::ast::Document;
use crate::log::Log;
use crate::text::chars::{is_blank, is_cjk, is_han, is_west_letter};
use regex::Regex;
use std::sync::OnceLock;

/// Pass name used in the log.
pub const NAME: &str = "punct";

/// Counts of what one sequence went through, for the log.
#[derive(Default)]
pub(crate) struct Counts {
    pub t2: usize,
    pub t3: usize,
    pub t4: usize,
    pub t5: usize,
}

/// Applies T2–T5 to every inline sequence (in parallel, [`map_inlines_par`]) and runs the
/// lints; the document-wide counts are summed in document order.
pub fn run(mut doc: Document, log: &mut Log) -> Document {
    let counted = map_inlines_par(&mut doc, log, |seq, line, log| {
        let mut stops = lints::StopCount::default();
        let mut ordinals = lints::OrdinalCount::default();
        let mut cells = flat::flatten(seq);
        let mut counts = Counts::default();
        to_halfwidth::fullwidth_alnum(&mut cells, &mut counts);
        protect(&mut cells);
        for _ in 0..8 {
            // Most sequences hold nothing the rules act on, or nothing more once converted
            // (issue 12: this skips the confirming round of nearly every paragraph).
            if !may_change(&cells) {
                break;
            }
            let before = cells.clone();
            round(&mut cells, &mut counts);
            if cells == before {
                break;
            }
        }
        let new = flat::rebuild(seq, &cells);
        if new != *seq {
            *seq = new;
            let msg = [
                ("T2", counts.t2),
                ("T3", counts.t3),
                ("T4", counts.t4),
                ("T5", counts.t5),
            ]
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(r, n)| format!("{r} ×{n}"))
            .collect::<Vec<_>>()
            .join(", ");
            log.change(NAME, line, format!("punctuation normalised: {msg}"));
        }
        let text = flat::plain(seq);
        lints::check(&text, line, &mut ordinals, log);
        stops.count(&text, line);
        (ordinals, stops)
    });
    let mut stops = lints::StopCount::default();
    let mut ordinals = lints::OrdinalCount::default();
    for (o, s) in counted {
        ordinals.absorb(o);
        stops.absorb(s);
    }
    ordinals.report(log);
    stops.report(log);
    doc
}

/// One round of the rules, in their order: T4, T2, T3, T5.
fn round(cells: &mut Vec<Cell>, counts: &mut Counts) {
    dash::apply(cells, counts);
    to_fullwidth::apply(cells, counts);
    quotes::apply(cells, counts);
    to_halfwidth::apply(cells, counts);
}

/// Whether one round of the rules (T4 dashes, T2 marks, T3 quotes, T5 interpuncts and
/// blanks) could change `cells`: each rule only rewrites an unprotected cell holding one of
/// these characters (a run of three `。` for T4, an ASCII parenthesis for a T2 pair). When
/// it says no, the round would leave every cell as it is.
fn may_change(cells: &[Cell]) -> bool {
    cells.iter().enumerate().any(|(i, c)| {
        !c.keep
            && match c.ch {
                '。' => cells.get(i + 1).is_some_and(|n| n.ch == '。'),
                '.' | ',' | ';' | ':' | '?' | '!' | '(' | ')' | '"' | '\'' | '~' | '-' => true,
                '…' | '⋯' | '－' | '\u{2E3A}' | '—' | '\u{301C}' => true,
                '\u{2022}' | '\u{2027}' | '\u{30FB}' | '\u{FF65}' | '\u{FF0E}' => true,
                c => is_blank(c),
            }
    })
}

/// A space-like cell, skipped when looking for the nearest character (§0).
pub(crate) fn is_space_cell(c: &Cell) -> bool {
    is_blank(c.ch) || matches!(c.ch, '\u{3000}' | BREAK | LBREAK | AUTO)
}

/// Index of the nearest non-space cell left of `i`.
pub(crate) fn left_of(cells: &[Cell], i: usize) -> Option<usize> {
    (0..i).rev().find(|&j| !is_space_cell(&cells[j]))
}

/// Index of the nearest non-space cell right of `i`.
pub(crate) fn right_of(cells: &[Cell], i: usize) -> Option<usize> {
    (i + 1..cells.len()).find(|&j| !is_space_cell(&cells[j]))
}

/// Whether cell `j` makes context CJK: HAN or full-width punctuation, not code, not a URL.
pub(crate) fn cjk_at(cells: &[Cell], j: Option<usize>) -> bool {
    j.is_some_and(|j| {
        let c = &cells[j];
        !c.keep && !matches!(c.ch, CODE | OBJ) && is_cjk(c.ch)
    })
}

/// CJK context of the span `a..=b` (§0): the nearest non-space character before or after.
pub(crate) fn cjk_context(cells: &[Cell], a: usize, b: usize) -> bool {
    cjk_at(cells, left_of(cells, a)) || cjk_at(cells, right_of(cells, b))
}

fn regexes() -> &'static [Regex] {
    static R: OnceLock<Vec<Regex>> = OnceLock::new();
    R.get_or_init(|| {
        [
            // URLs, www, e-mails, paths (§1 "never touched").
            r"[A-Za-z][A-Za-z0-9+.\-]*://[!-~]+",
            r"www\.[!-~]+",
            r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}",
            r"(?:[A-Za-z]:)?(?:[/\\][A-Za-z0-9_.~\-]+){2,}|[A-Za-z0-9_.~\-]+(?:[/\\][A-Za-z0-9_.~\-]+)+",
            // Numbers: decimals, thousands, times, ratios, versions.
            r"\d+(?:[.,:]\d+)+",
        ]
        .iter()
        .map(|r| Regex::new(r).expect("valid regex"))
        .collect()
    })
}

/// Builds the pass's patterns now ([`crate::passes::warm_patterns`]).
pub(crate) fn warm() {
    regexes();
    lints::warm();
}

/// Marks protected cells: URLs, e-mails, paths, numbers and Latin sentences (T2).
pub(crate) fn protect(cells: &mut [Cell]) {
    let s: String = cells
        .iter()
        .map(|c| if c.is_sentinel() { ' ' } else { c.ch })
        .collect();
    // Byte offset → cell index.
    let mut idx = vec![0usize; s.len() + 1];
    for (k, (b, _)) in s.char_indices().enumerate() {
        idx[b] = k;
    }
    idx[s.len()] = cells.len();
    for re in regexes() {
        for m in re.find_iter(&s) {
            let end = m.start() + trim_url(m.as_str()).len();
            for c in &mut cells[idx[m.start()]..idx[end]] {
                c.keep = true;
            }
        }
    }
    latin_sentences(cells);
}

/// Trailing sentence punctuation is not part of a URL (`见https://a.cn/x)。`), nor is an
/// unbalanced closing parenthesis (as autolinkers do).
fn trim_url(m: &str) -> &str {
    let mut t = m;
    loop {
        let Some(last) = t.chars().last() else {
            return t;
        };
        let unbalanced = last == ')' && t.matches('(').count() < t.matches(')').count();
        if matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"') || unbalanced {
            t = &t[..t.len() - 1];
        } else {
            return t;
        }
    }
}

/// A maximal span without HAN, full-width punctuation or objects that holds ≥2 WEST words
/// keeps its ASCII punctuation (T2), from its first letter to its last letter plus any
/// directly following `.!?` (`Stay hungry, stay foolish.`).
fn latin_sentences(cells: &mut [Cell]) {
    let n = cells.len();
    let mut start = 0;
    while start < n {
        let end = (start..n)
            .find(|&k| is_cjk(cells[k].ch) || matches!(cells[k].ch, CODE | OBJ | BREAK | LBREAK))
            .unwrap_or(n);
        let letters: Vec<usize> = (start..end)
            .filter(|&k| is_west_letter(cells[k].ch))
            .collect();
        let words = (start..end)
            .filter(|&k| {
                is_west_letter(cells[k].ch) && (k == start || !is_west_letter(cells[k - 1].ch))
            })
            .count();
        if words >= 2 {
            let (a, mut b) = (letters[0], *letters.last().expect("words ≥ 2"));
            while b + 1 < end && matches!(cells[b + 1].ch, '.' | '!' | '?') {
                b += 1;
            }
            for c in &mut cells[a..=b] {
                c.keep = true;
            }
        }
        start = end + 1;
    }
}

/// Replaces cells `a..b` with `with`, giving the new cells the origin of cell `a`.
pub(crate) fn splice(cells: &mut Vec<Cell>, a: usize, b: usize, with: &str) {
    let proto = cells[a];
    let new: Vec<Cell> = with.chars().map(|ch| Cell { ch, ..proto }).collect();
    cells.splice(a..b, new);
}

/// Prefix counts of HAN cells: HAN in `a..b` = `p[b] - p[a]` (keeps pair checks linear).
pub(crate) fn han_prefix(cells: &[Cell]) -> Vec<usize> {
    let mut p = Vec::with_capacity(cells.len() + 1);
    let mut n = 0;
    p.push(n);
    for c in cells {
        n += usize::from(is_han(c.ch));
        p.push(n);
    }
    p
}

/// HAN test that ignores protected cells.
pub(crate) fn han_at(cells: &[Cell], j: Option<usize>) -> bool {
    j.is_some_and(|j| is_han(cells[j].ch))
}

#[cfg(test)]
mod tests;
