//! Stray markup left by copy-paste: an unmatched literal `**` (the readers already paired
//! what they could, so any `**` still in Text is unmatched), and a bullet `- ` / `• ` in
//! front of a heading-like line. Both are noted in the log and never printed.

use super::each_seq::map_inlines_par;
use super::flat::{self, Cell, BREAK, LBREAK};
use crate::ast::Document;
use crate::log::Log;
use crate::text::chars::{is_blank, is_non_heading_end};

/// Pass name used in the log.
pub const NAME: &str = "markup";

/// Longest line (in characters) still treated as heading-like.
pub const HEADING_MAX: usize = 40;

/// Removes stray `**` and heading bullets.
pub fn run(mut doc: Document, log: &mut Log) -> Document {
    map_inlines_par(&mut doc, log, |seq, line, log| {
        let cells = flat::flatten(seq);
        let (kept, stars, bullets) = clean(&cells);
        if stars + bullets == 0 {
            return;
        }
        *seq = flat::rebuild(seq, &kept);
        if stars > 0 {
            log.change(NAME, line, format!("removed {stars} unmatched `**`"));
        }
        if bullets > 0 {
            log.change(
                NAME,
                line,
                format!("removed {bullets} bullet(s) before heading-like lines"),
            );
        }
    });
    doc
}

fn clean(cells: &[Cell]) -> (Vec<Cell>, usize, usize) {
    let n = cells.len();
    let mut drop = vec![false; n];
    let mut stars = 0;
    // `**` that is not between two ASCII alphanumerics (`2**3` stays).
    let mut i = 0;
    while i + 1 < n {
        if cells[i].ch == '*' && cells[i + 1].ch == '*' {
            let mut j = i;
            while j < n && cells[j].ch == '*' {
                j += 1;
            }
            let before = i.checked_sub(1).map(|k| cells[k].ch);
            let after = cells.get(j).map(|c| c.ch);
            let arith = before.is_some_and(|c| c.is_ascii_alphanumeric())
                && after.is_some_and(|c| c.is_ascii_alphanumeric());
            if !arith {
                (i..j).for_each(|k| drop[k] = true);
                stars += 1;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    // Bullets at the start of each line.
    let mut bullets = 0;
    let mut start = 0;
    while start <= n {
        let end = (start..n)
            .find(|&k| matches!(cells[k].ch, BREAK | LBREAK))
            .unwrap_or(n);
        if let Some(k) = bullet_len(cells, &drop, start, end) {
            (start..k).for_each(|j| drop[j] = true);
            bullets += 1;
        }
        start = end + 1;
    }
    let kept = cells
        .iter()
        .zip(&drop)
        .filter(|(_, d)| !**d)
        .map(|(c, _)| *c)
        .collect();
    (kept, stars, bullets)
}

/// If the line `start..end` is `[blanks] (-|•) blank+ text` and the text is heading-like,
/// returns the index of the text's first character.
fn bullet_len(cells: &[Cell], drop: &[bool], start: usize, end: usize) -> Option<usize> {
    let live: Vec<usize> = (start..end).filter(|&k| !drop[k]).collect();
    let mut it = live.iter().copied().peekable();
    while it.peek().is_some_and(|&k| is_blank(cells[k].ch)) {
        it.next();
    }
    let mut markers = 0;
    // `- - x` loses both bullets, so that the pass is idempotent.
    loop {
        let mut probe = it.clone();
        if !probe
            .next()
            .is_some_and(|k| matches!(cells[k].ch, '-' | '•'))
        {
            break;
        }
        let mut blanks = 0;
        while probe.peek().is_some_and(|&k| is_blank(cells[k].ch)) {
            probe.next();
            blanks += 1;
        }
        if blanks == 0 {
            break;
        }
        it = probe;
        markers += 1;
    }
    if markers == 0 {
        return None;
    }
    let first = *it.peek()?;
    let rest: String = it.map(|k| cells[k].ch).collect();
    let rest = rest.trim_end();
    let len = rest.chars().count();
    let last = rest.chars().last()?;
    (len > 0 && len <= HEADING_MAX && !is_non_heading_end(last)).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::Inline;

    fn t(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    fn once(content: Vec<Inline>) -> Vec<Inline> {
        crate::passes::run_on_para(run, content)
    }

    #[test]
    fn stray_stars_removed() {
        assert_eq!(
            once(vec![t("- 锚定全局靶向发力，实现城市战略定位跃升**")]),
            vec![t("锚定全局靶向发力，实现城市战略定位跃升")]
        );
    }

    #[test]
    fn arithmetic_stars_kept() {
        assert_eq!(once(vec![t("计算2**3的值")]), vec![t("计算2**3的值")]);
    }

    #[test]
    fn bullet_on_heading_line_of_multiline_para() {
        let got = once(vec![
            t("正文结束。"),
            Inline::SoftBreak,
            t("• 统筹协同均衡发展"),
            Inline::SoftBreak,
            t(" 现代化的本质是人的现代化。"),
        ]);
        assert_eq!(
            got,
            vec![
                t("正文结束。"),
                Inline::SoftBreak,
                t("统筹协同均衡发展"),
                Inline::SoftBreak,
                t(" 现代化的本质是人的现代化。"),
            ]
        );
    }

    #[test]
    fn bullet_on_sentence_kept() {
        let s = "- 这是一个完整的句子。";
        assert_eq!(once(vec![t(s)]), vec![t(s)]);
        assert_eq!(once(vec![t("-5度")]), vec![t("-5度")]);
    }
}
