//! T5/T15: every boundary between HAN and WEST (either order) carries exactly one
//! [`Inline::AutoSpace`], whether the source had a run of spaces there or none, so that
//! `用 Rust 写` ≡ `用Rust写` in every backend. Inline code counts as WEST at its edges
//! (T15); footnote markers, superscripts, subscripts, images and U+3000 never get a gap. Runs even without clean-up:
//! it is how the gap is represented, not a repair.

use super::each_seq::map_inlines_par;
use super::flat::{self, Cell, AUTO, CODE};
use crate::ast::{Document, Inline};
use crate::log::Log;
use crate::text::chars::{is_blank, is_han, is_west};

/// Pass name used in the log.
pub const NAME: &str = "autospace";

#[derive(PartialEq, Clone, Copy)]
enum Side {
    Han,
    West,
    Other,
}

fn side(c: &Cell) -> Side {
    if c.ch == CODE || (!c.is_sentinel() && is_west(c.ch)) {
        Side::West
    } else if is_han(c.ch) {
        Side::Han
    } else {
        Side::Other
    }
}

/// Puts one AutoSpace at every HAN–WEST boundary.
pub fn run(mut doc: Document, log: &mut Log) -> Document {
    map_inlines_par(&mut doc, log, |seq, line, log| {
        let cells = flat::flatten(seq);
        let (new, changed) = gaps(&cells);
        if changed == 0 {
            return;
        }
        *seq = flat::rebuild(seq, &new);
        log.change(NAME, line, format!("T15: {changed} HAN–WEST gap(s) marked"));
    });
    doc
}

fn gaps(cells: &[Cell]) -> (Vec<Cell>, usize) {
    let mut out: Vec<Cell> = Vec::with_capacity(cells.len() + 8);
    let mut changed = 0;
    let mut i = 0;
    while i < cells.len() {
        let c = cells[i];
        out.push(c);
        i += 1;
        if side(&c) == Side::Other {
            continue;
        }
        // The gap run after `c`: blanks and existing autospace nodes.
        let mut j = i;
        while j < cells.len() && (is_blank(cells[j].ch) || cells[j].ch == AUTO) {
            j += 1;
        }
        let Some(next) = cells.get(j) else { continue };
        let pair = (side(&c), side(next));
        if !matches!(pair, (Side::Han, Side::West) | (Side::West, Side::Han))
            || c.script != next.script
        {
            continue;
        }
        let run = &cells[i..j];
        if run.len() == 1 && run[0].ch == AUTO {
            continue; // already canonical
        }
        // Keep an existing AutoSpace node if there is one, else reuse the first blank's
        // place, else attach the new gap to the shallower neighbour (outside a link/strong).
        let gap = match run.iter().find(|x| x.ch == AUTO) {
            Some(a) => *a,
            None => match run.first() {
                Some(b) => Cell { ch: AUTO, ..*b },
                None => {
                    let host = if next.depth < c.depth { *next } else { c };
                    Cell { ch: AUTO, ..host }
                }
            },
        };
        out.push(gap);
        changed += 1;
        i = j;
    }
    (out, changed)
}

/// Whether a sequence holds an AutoSpace (used by tests and backends' sanity checks).
pub fn has_autospace(seq: &[Inline]) -> bool {
    let mut found = false;
    crate::ast::visit_inlines(seq, &mut |i| found |= matches!(i, Inline::AutoSpace));
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    fn once(content: Vec<Inline>) -> Vec<Inline> {
        crate::passes::run_on_para(run, content)
    }

    #[test]
    fn t5_spaces_between_han_and_west_become_one_autospace() {
        let a = once(vec![t("用  Rust 写")]);
        let b = once(vec![t("用Rust写")]);
        let want = vec![
            t("用"),
            Inline::AutoSpace,
            t("Rust"),
            Inline::AutoSpace,
            t("写"),
        ];
        assert_eq!(a, want);
        assert_eq!(b, want);
    }

    #[test]
    fn t15_digits_and_code_edges() {
        assert_eq!(
            once(vec![t("第3章")]),
            vec![
                t("第"),
                Inline::AutoSpace,
                t("3"),
                Inline::AutoSpace,
                t("章")
            ]
        );
        assert_eq!(
            once(vec![t("用 "), Inline::Code("x".into()), t("写")]),
            vec![
                t("用"),
                Inline::AutoSpace,
                Inline::Code("x".into()),
                Inline::AutoSpace,
                t("写")
            ]
        );
    }

    #[test]
    fn t15_no_gap_at_punctuation_or_ideographic_space() {
        assert_eq!(once(vec![t("（AI）")]), vec![t("（AI）")]);
        assert_eq!(once(vec![t("第\u{3000}A")]), vec![t("第\u{3000}A")]);
    }

    #[test]
    fn t15_gap_stays_outside_strong() {
        assert_eq!(
            once(vec![t("用"), Inline::Strong(vec![t("Rust")])]),
            vec![t("用"), Inline::AutoSpace, Inline::Strong(vec![t("Rust")])]
        );
    }

    #[test]
    fn t15_no_gap_beside_superscript_or_subscript() {
        let sup = vec![t("米"), Inline::Superscript(vec![t("2")]), t("的")];
        assert_eq!(once(sup.clone()), sup);
        let sub = vec![t("水H"), Inline::Subscript(vec![t("2")]), t("O分子")];
        assert_eq!(
            once(sub),
            vec![
                t("水"),
                Inline::AutoSpace,
                t("H"),
                Inline::Subscript(vec![t("2")]),
                t("O"),
                Inline::AutoSpace,
                t("分子")
            ]
        );
    }

    #[test]
    fn t15_idempotent_with_existing_node() {
        let a = once(vec![t("用 "), Inline::AutoSpace, t(" Rust")]);
        assert_eq!(a, vec![t("用"), Inline::AutoSpace, t("Rust")]);
        assert_eq!(once(a.clone()), a);
    }
}
