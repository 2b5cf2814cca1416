//! T1: soft line breaks. Deleted between two East-Asian Wide/Fullwidth characters (not
//! Hangul), otherwise one space (pandoc `east_asian_line_breaks`, CSS segment-break rule).
//! Runs even without clean-up: it is a reading rule, not a repair.

use super::each_seq::map_inlines_par;
use super::flat::{self, Cell, BREAK};
use crate::ast::{Document, Inline};
use crate::log::Log;
use crate::text::chars::{is_ambiguous_mark, is_blank, joins_at_line_break};

/// Pass name used in the log.
pub const NAME: &str = "softbreak";

/// Resolves every soft break of the document (T1).
pub fn run(mut doc: Document, log: &mut Log) -> Document {
    map_inlines_par(&mut doc, log, |seq, line, log| {
        if !has_softbreak(seq) {
            return;
        }
        let (new, deleted, spaced) = resolve(seq);
        *seq = new;
        log.change(
            NAME,
            line,
            format!("T1: {deleted} line break(s) removed between CJK characters, {spaced} turned into spaces"),
        );
    });
    doc
}

fn has_softbreak(seq: &[Inline]) -> bool {
    let mut found = false;
    crate::ast::visit_inlines(seq, &mut |i| found |= matches!(i, Inline::SoftBreak));
    found
}

/// Wide for T1, with one refinement: curly quotes, `…` and `—` are East-Asian *Ambiguous*,
/// but next to a wide character on their far side they are CJK marks (T7), so `经验”⏎继续`
/// and `等等……⏎然后` join without a space.
fn wide_at(cells: &[Cell], i: usize, toward_left: bool) -> bool {
    let mut k = i;
    loop {
        let c = cells[k].ch;
        if joins_at_line_break(c) {
            return true;
        }
        if !is_ambiguous_mark(c) {
            return false;
        }
        // Look one further, away from the break.
        k = match toward_left {
            true if k > 0 => k - 1,
            false if k + 1 < cells.len() => k + 1,
            _ => return false,
        };
    }
}

fn resolve(seq: &[Inline]) -> (Vec<Inline>, usize, usize) {
    let cells = flat::flatten(seq);
    let mut drop = vec![false; cells.len()];
    let mut out = cells.clone();
    let (mut deleted, mut spaced) = (0, 0);
    for i in 0..cells.len() {
        if cells[i].ch != BREAK {
            continue;
        }
        // Blanks around a line break are line-end/indent noise of plain text.
        let mut l = i;
        while l > 0 && is_blank(cells[l - 1].ch) {
            l -= 1;
            drop[l] = true;
        }
        let mut r = i + 1;
        while r < cells.len() && is_blank(cells[r].ch) {
            drop[r] = true;
            r += 1;
        }
        let left = l.checked_sub(1).map(|j| wide_at(&cells, j, true));
        let right = (r < cells.len()).then(|| wide_at(&cells, r, false));
        if left == Some(true) && right == Some(true) {
            drop[i] = true;
            deleted += 1;
        } else if left.is_none() || right.is_none() {
            // A break at the very start or end of a sequence carries nothing.
            drop[i] = true;
            deleted += 1;
        } else {
            out[i].ch = ' ';
            spaced += 1;
        }
    }
    let kept: Vec<Cell> = out
        .into_iter()
        .zip(drop)
        .filter(|(_, d)| !d)
        .map(|(c, _)| c)
        .collect();
    (flat::rebuild(seq, &kept), deleted, spaced)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::{Block, Para};

    fn t(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    fn para(content: Vec<Inline>) -> Document {
        Document {
            blocks: vec![Block::Para(Para { content, line: 1 })],
            ..Default::default()
        }
    }

    fn content(doc: &Document) -> Vec<Inline> {
        match &doc.blocks[0] {
            Block::Para(p) => p.content.clone(),
            _ => unreachable!(),
        }
    }

    #[test]
    fn t1_cjk_break_deleted() {
        let d = run(
            para(vec![t("自强不息，厚"), Inline::SoftBreak, t("德载物")]),
            &mut Log::default(),
        );
        assert_eq!(content(&d), vec![t("自强不息，厚德载物")]);
    }

    #[test]
    fn t1_latin_break_is_space() {
        let d = run(
            para(vec![t("foo"), Inline::SoftBreak, t("bar")]),
            &mut Log::default(),
        );
        assert_eq!(content(&d), vec![t("foo bar")]);
    }

    #[test]
    fn t1_mixed_break_is_space_and_indent_dropped() {
        let d = run(
            para(vec![t("用"), Inline::SoftBreak, t(" Rust")]),
            &mut Log::default(),
        );
        assert_eq!(content(&d), vec![t("用 Rust")]);
    }

    #[test]
    fn t1_across_strong_and_quotes() {
        let d = run(
            para(vec![
                Inline::Strong(vec![t("“义乌经验”")]),
                Inline::SoftBreak,
                t(" 继续"),
            ]),
            &mut Log::default(),
        );
        assert_eq!(
            content(&d),
            vec![Inline::Strong(vec![t("“义乌经验”")]), t("继续")]
        );
    }

    #[test]
    fn t1_ellipsis_at_line_end_joins() {
        let d = run(
            para(vec![t("等等……"), Inline::SoftBreak, t("然后")]),
            &mut Log::default(),
        );
        assert_eq!(content(&d), vec![t("等等……然后")]);
    }

    #[test]
    fn t1_hangul_keeps_space() {
        let d = run(
            para(vec![t("한국"), Inline::SoftBreak, t("어")]),
            &mut Log::default(),
        );
        assert_eq!(content(&d), vec![t("한국 어")]);
    }
}
