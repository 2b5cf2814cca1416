//! T4: dashes and ellipses. Canonical 破折号 `——` (U+2014 ×2), 省略号 `……` (U+2026 ×2).

use super::{cjk_context, han_at, splice, Counts};
use crate::passes::flat::Cell;

/// Length of the run of unprotected cells equal to one of `chars` starting at `i`.
fn run_len(cells: &[Cell], i: usize, chars: &[char]) -> usize {
    cells[i..]
        .iter()
        .take_while(|c| !c.keep && chars.contains(&c.ch))
        .count()
}

/// Applies T4 once, left to right.
pub(super) fn apply(cells: &mut Vec<Cell>, counts: &mut Counts) {
    let mut i = 0;
    while i < cells.len() {
        if cells[i].keep {
            i += 1;
            continue;
        }
        let c = cells[i].ch;
        let replaced = match c {
            '.' => {
                let n = run_len(cells, i, &['.']);
                if n >= 3 && cjk_context(cells, i, i + n - 1) {
                    Some((n, "……"))
                } else if n == 3 {
                    // WEST context: one U+2026.
                    Some((n, "…"))
                } else {
                    None
                }
            }
            '。' => {
                let n = run_len(cells, i, &['。']);
                (n >= 3).then_some((n, "……"))
            }
            '…' | '⋯' => {
                let n = run_len(cells, i, &['…', '⋯']);
                let canonical =
                    n >= 2 && n.is_multiple_of(2) && cells[i..i + n].iter().all(|c| c.ch == '…');
                if !canonical && cjk_context(cells, i, i + n - 1) {
                    Some((n, if n <= 2 { "……" } else { "" }))
                } else {
                    None
                }
            }
            '-' => {
                let n = run_len(cells, i, &['-']);
                let option = cells.get(i + n).is_some_and(|c| c.ch.is_ascii_alphabetic());
                ((2..=3).contains(&n) && !option && cjk_context(cells, i, i + n - 1))
                    .then_some((n, "——"))
            }
            '－' => {
                let n = run_len(cells, i, &['－']);
                (n == 2).then_some((n, "——"))
            }
            '\u{2E3A}' => Some((1, "——")),
            '—' => {
                let n = run_len(cells, i, &['—']);
                // A single U+2014 between two HAN is a 破折号 typed short (T4); between
                // digits or WEST it is the 一字线 connector and stays.
                let between_han = n == 1
                    && han_at(cells, i.checked_sub(1))
                    && han_at(cells, Some(i + 1).filter(|&j| j < cells.len()));
                between_han.then_some((1, "——"))
            }
            '~' | '\u{301C}' => {
                let digit = |j: Option<usize>| {
                    j.and_then(|j| cells.get(j))
                        .is_some_and(|c| c.ch.is_ascii_digit())
                };
                let num = digit(i.checked_sub(1)) && digit(Some(i + 1));
                (num && number_in_cjk(cells, i)).then_some((1, "～"))
            }
            _ => None,
        };
        match replaced {
            Some((n, "")) => {
                // An odd run of ellipsis characters: round up to whole 2-em units.
                let len = n + (n & 1);
                splice(cells, i, i + n, &"…".repeat(len));
                counts.t4 += 1;
                i += len;
            }
            Some((n, with)) => {
                splice(cells, i, i + n, with);
                counts.t4 += 1;
                i += with.chars().count();
            }
            None => {
                // Skip the whole run so that its tail is not read as a run of its own.
                let same = cells[i..]
                    .iter()
                    .take_while(|x| x.ch == c && !x.keep)
                    .count();
                i += same.max(1);
            }
        }
    }
}

/// A range like `10~20` is in CJK context when the whole number phrase is.
fn number_in_cjk(cells: &[Cell], i: usize) -> bool {
    let numberish = |c: char| c.is_ascii_digit() || matches!(c, '.' | '%' | '~' | '\u{301C}');
    let mut a = i;
    while a > 0 && numberish(cells[a - 1].ch) {
        a -= 1;
    }
    let mut b = i;
    while b + 1 < cells.len() && numberish(cells[b + 1].ch) {
        b += 1;
    }
    cjk_context(cells, a, b)
}
