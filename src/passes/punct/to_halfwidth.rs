//! T5: full-width ASCII → ASCII, interpunct variants → U+00B7, spaces touching full-width
//! punctuation deleted. (HAN–WEST spaces → AutoSpace is the `autospace` pass; U+3000 inside
//! a line is kept.)

use super::{left_of, right_of, Counts};
use crate::passes::flat::Cell;
use crate::text::chars::{is_blank, is_cjk, is_close, is_fw_punct, is_han, is_open};

/// Full-width digits and letters (U+FF10–19, FF21–3A, FF41–5A) → ASCII.
pub(super) fn fullwidth_alnum(cells: &mut [Cell], counts: &mut Counts) {
    for c in cells.iter_mut() {
        if let 0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A = c.ch as u32 {
            c.ch = char::from_u32(c.ch as u32 - 0xFF10 + 0x30).expect("ASCII");
            counts.t5 += 1;
        }
    }
}

/// Interpuncts and spaces, once.
pub(super) fn apply(cells: &mut Vec<Cell>, counts: &mut Counts) {
    let n = cells.len();
    for i in 0..n {
        if cells[i].keep {
            continue;
        }
        let prev = i.checked_sub(1).map(|j| cells[j].ch);
        let next = cells.get(i + 1).map(|c| c.ch);
        let solid = |c: Option<char>| c.is_some_and(|c| !is_blank(c) && c != '\u{3000}');
        let to_mid = match cells[i].ch {
            '\u{2022}' | '\u{2027}' | '\u{30FB}' | '\u{FF65}' => solid(prev) && solid(next),
            '\u{FF0E}' => prev.is_some_and(is_han) && next.is_some_and(is_han),
            _ => false,
        };
        if to_mid {
            cells[i].ch = '·';
            counts.t5 += 1;
        }
    }
    // Blanks touching full-width punctuation.
    let mut drop = vec![false; n];
    let mut i = 0;
    while i < n {
        if !is_blank(cells[i].ch) || cells[i].keep {
            i += 1;
            continue;
        }
        let a = i;
        while i < n && is_blank(cells[i].ch) && !cells[i].keep {
            i += 1;
        }
        let touching = (a > 0 && fw_here(cells, a - 1)) || (i < n && fw_here(cells, i));
        if touching {
            (a..i).for_each(|k| drop[k] = true);
            counts.t5 += 1;
        }
    }
    if drop.iter().any(|d| *d) {
        let mut k = 0;
        cells.retain(|_| {
            k += 1;
            !drop[k - 1]
        });
    }
}

/// Full-width punctuation at `j`. Curly quotes share code points with English quotes, so
/// they count only in CJK context (T7): an opening quote followed by, or a closing quote
/// preceded by, HAN or full-width punctuation.
fn fw_here(cells: &[Cell], j: usize) -> bool {
    let c = cells[j].ch;
    if cells[j].keep || !is_fw_punct(c) {
        return false;
    }
    if matches!(c, '“' | '‘') && is_open(c) {
        return right_of(cells, j).is_some_and(|k| is_cjk(cells[k].ch));
    }
    if matches!(c, '”' | '’') && is_close(c) {
        return left_of(cells, j).is_some_and(|k| is_cjk(cells[k].ch));
    }
    true
}
