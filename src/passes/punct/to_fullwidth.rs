//! T2: half-width → full-width punctuation in CJK context.

use super::{cjk_at, cjk_context, han_at, han_prefix, left_of, right_of, Counts};
use crate::passes::flat::{Cell, BREAK, LBREAK};
use crate::text::chars::{is_blank, is_cjk, is_close, is_han};

/// Applies T2 once: parentheses by pairs, then the other marks left to right (so `?!`
/// sees its converted left neighbour and becomes `？！`).
pub(super) fn apply(cells: &mut [Cell], counts: &mut Counts) {
    parens(cells, counts);
    for i in 0..cells.len() {
        if cells[i].keep {
            continue;
        }
        let digit = |j: Option<usize>| {
            j.and_then(|j| cells.get(j))
                .is_some_and(|c| c.ch.is_ascii_digit())
        };
        let between_digits = digit(i.checked_sub(1)) && digit(Some(i + 1));
        let to = match cells[i].ch {
            ',' if !between_digits => '，',
            ';' => '；',
            ':' if !between_digits => '：',
            '?' => '？',
            '!' => '！',
            '.' => {
                if full_stop(cells, i) {
                    cells[i].ch = '。';
                    counts.t2 += 1;
                }
                continue;
            }
            _ => continue,
        };
        if cjk_context(cells, i, i) {
            cells[i].ch = to;
            counts.t2 += 1;
        }
    }
}

/// `.` → `。` only as HAN + `.` + (end of block | space+HAN | closing quote/bracket); never
/// after a digit or a WEST letter (`2693.3`, `1.`, `e.g.`).
fn full_stop(cells: &[Cell], i: usize) -> bool {
    if !han_at(cells, i.checked_sub(1)) || cells[i - 1].keep {
        return false;
    }
    let Some(next) = cells.get(i + 1) else {
        return true;
    };
    if is_close(next.ch) || matches!(next.ch, '"' | '\'' | ')') || matches!(next.ch, BREAK | LBREAK)
    {
        return true;
    }
    if is_blank(next.ch) {
        return match right_of(cells, i) {
            None => true,
            Some(j) => is_han(cells[j].ch),
        };
    }
    false
}

/// `(` `)` pairs: converted if either outer neighbour is HAN (or full-width punctuation) or
/// the content has HAN; `(AI)` stays half-width only between WEST/space. A pair mixing
/// widths is made full-width.
fn parens(cells: &mut [Cell], counts: &mut Counts) {
    let mut stack: Vec<usize> = Vec::new();
    let mut pairs = Vec::new();
    for (i, c) in cells.iter().enumerate() {
        if c.keep {
            continue;
        }
        match c.ch {
            '(' | '（' => stack.push(i),
            ')' | '）' => {
                if let Some(o) = stack.pop() {
                    pairs.push((o, i));
                }
            }
            _ => {}
        }
    }
    if pairs.is_empty() {
        return;
    }
    let hp = han_prefix(cells);
    for (o, c) in pairs {
        if cells[o].ch == '（' && cells[c].ch == '）' {
            continue;
        }
        let mixed = cells[o].ch == '（' || cells[c].ch == '）';
        let han_inside = hp[c] > hp[o + 1];
        let outer = |j: Option<usize>| {
            j.and_then(|j| cells.get(j))
                .is_some_and(|x| !x.keep && is_cjk(x.ch))
        };
        let convert = mixed || han_inside || outer(o.checked_sub(1)) || outer(Some(c + 1)) || {
            // `（` context through spaces counts too when the far side is CJK (§0).
            let l = left_of(cells, o);
            let r = right_of(cells, c);
            cjk_at(cells, l) && cjk_at(cells, r)
        };
        if convert {
            cells[o].ch = '（';
            cells[c].ch = '）';
            counts.t2 += 1;
        }
    }
}
