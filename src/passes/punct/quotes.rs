//! T3: ASCII quotes in CJK context become `“ ”` / `‘ ’`, paired left to right in the
//! paragraph, with GB nesting (outer `“”`, inner `‘’`, then `“”` again). Existing curly
//! quotes count for nesting; `「」『』` are left as typed; apostrophes inside WEST words stay.

use super::{cjk_at, han_prefix, left_of, right_of, Counts};
use crate::passes::flat::Cell;
use crate::text::chars::{is_blank, is_han, is_open, is_stop, is_west_letter};

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// An ASCII `"` or `'` waiting for its partner.
    Ascii(char),
    /// A typed curly quote (`“` or `‘`).
    Curly,
}

struct Pair {
    open: usize,
    close: usize,
    parent: Option<usize>,
    ascii: bool,
    convert: bool,
}

/// Applies T3 once.
pub(super) fn apply(cells: &mut [Cell], counts: &mut Counts) {
    // Stack of (kind, position, index into `pairs` once known).
    let mut stack: Vec<(Kind, usize, usize)> = Vec::new();
    let mut pairs: Vec<Pair> = Vec::new();
    // Suffix facts for the `“…"` case, precomputed to stay linear: ASCII `"` after i
    // (as typed), and whether a `”` follows.
    let n = cells.len();
    let mut ascii_after = vec![0usize; n + 1];
    let mut close_after = vec![false; n + 1];
    for k in (0..n).rev() {
        ascii_after[k] = ascii_after[k + 1] + usize::from(cells[k].ch == '"');
        close_after[k] = close_after[k + 1] || cells[k].ch == '”';
    }
    for i in 0..n {
        if cells[i].keep {
            continue;
        }
        let ch = cells[i].ch;
        match ch {
            '“' | '‘' => {
                let parent = stack.last().map(|s| s.2);
                pairs.push(Pair {
                    open: i,
                    close: i,
                    parent,
                    ascii: false,
                    convert: false,
                });
                stack.push((Kind::Curly, i, pairs.len() - 1));
            }
            '”' | '’' => {
                if ch == '’' && apostrophe(cells, i) {
                    continue;
                }
                if let Some(pos) = stack.iter().rposition(|s| s.0 == Kind::Curly) {
                    let (_, _, p) = stack[pos];
                    pairs[p].close = i;
                    stack.truncate(pos);
                }
            }
            '"' | '\'' => {
                if ch == '\'' && apostrophe(cells, i) {
                    continue;
                }
                if let Some(pos) = stack.iter().rposition(|s| s.0 == Kind::Ascii(ch)) {
                    let (_, _, p) = stack[pos];
                    if i > 0 && !is_blank(cells[i - 1].ch) {
                        pairs[p].close = i;
                        stack.truncate(pos);
                        continue;
                    }
                }
                // `“你好"`: an ASCII `"` closing a typed curly `“` becomes `”`.
                // It is a nested opener instead when a `”` still follows, or when the ASCII
                // quotes after it could not pair among themselves.
                if ch == '"' && i > 0 && !is_blank(cells[i - 1].ch) {
                    let closes = !close_after[i + 1] && ascii_after[i + 1].is_multiple_of(2);
                    if let (true, Some(&(Kind::Curly, o, p))) = (closes, stack.last()) {
                        if cells[o].ch == '“' {
                            pairs[p].close = i;
                            stack.pop();
                            cells[i].ch = '”';
                            counts.t3 += 1;
                            continue;
                        }
                    }
                }
                if opening(cells, i) {
                    let parent = stack.last().map(|s| s.2);
                    pairs.push(Pair {
                        open: i,
                        close: i,
                        parent,
                        ascii: true,
                        convert: false,
                    });
                    stack.push((Kind::Ascii(ch), i, pairs.len() - 1));
                }
            }
            _ => {}
        }
    }
    // Decide which ASCII pairs are in CJK context.
    if !pairs.iter().any(|p| p.ascii) {
        return; // only typed curly quotes: nothing to convert
    }
    let hp = han_prefix(cells);
    for p in pairs.iter_mut().filter(|p| p.ascii && p.close > p.open) {
        let han_inside = hp[p.close] > hp[p.open + 1];
        p.convert = han_inside
            || cjk_at(cells, left_of(cells, p.open))
            || cjk_at(cells, right_of(cells, p.close))
            || cjk_at(cells, right_of(cells, p.open))
            || cjk_at(cells, left_of(cells, p.close));
    }
    // Depth = enclosing quotes that are (or become) curly. Parents are pushed before their
    // children, so one forward sweep computes it.
    let mut depths: Vec<usize> = Vec::with_capacity(pairs.len());
    for k in 0..pairs.len() {
        let depth = pairs[k].parent.map_or(0, |q| {
            depths[q] + usize::from(!pairs[q].ascii || pairs[q].convert)
        });
        depths.push(depth);
        let p = &pairs[k];
        if !(p.ascii && p.convert) {
            continue;
        }
        let (o, c) = if depth.is_multiple_of(2) {
            ('“', '”')
        } else {
            ('‘', '’')
        };
        cells[p.open].ch = o;
        cells[p.close].ch = c;
        counts.t3 += 1;
    }
}

/// `'` between two WEST letters (`don't`) is an apostrophe; one right after a letter
/// (`students'`) never qualifies as opening, so it is left alone too.
fn apostrophe(cells: &[Cell], i: usize) -> bool {
    let letter = |j: Option<usize>| {
        j.and_then(|j| cells.get(j))
            .is_some_and(|c| is_west_letter(c.ch))
    };
    letter(i.checked_sub(1)) && letter(Some(i + 1))
}

/// Opening position: preceded by start, space, HAN, OPEN or full-width punctuation, and
/// followed by a non-space.
fn opening(cells: &[Cell], i: usize) -> bool {
    let before_ok = i == 0 || {
        let b = cells[i - 1].ch;
        is_blank(b) || is_han(b) || is_open(b) || is_stop(b) || b == '\u{3000}' || b == '('
    };
    let after_ok = cells.get(i + 1).is_some_and(|c| !is_blank(c.ch));
    before_ok && after_ok
}
