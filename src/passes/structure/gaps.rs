//! Deliberate gaps in titles, headings and bylines, and what counts as heading-like.

use crate::ast::Inline;
use crate::passes::flat;
use crate::text::chars::{is_blank, is_close, is_han, is_non_heading_end};

/// Longest title / unnumbered heading line, in characters.
pub const SHORT: usize = 40;

/// A short line without sentence-final punctuation (title, subtitle, unnumbered heading).
pub fn heading_like(text: &str) -> bool {
    let text = text.trim();
    let n = text.chars().count();
    n > 0 && n <= SHORT && text.chars().last().is_some_and(|c| !is_non_heading_end(c))
}

fn gap_between(a: char, b: char) -> bool {
    (is_han(a) || is_close(a)) && is_han(b)
}

/// A run of blanks between two HAN (or a CJK closing mark and a HAN) in a title, heading or
/// byline is a deliberate gap: it becomes one U+3000.
pub fn ideographic_gaps(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if is_blank(chars[i]) && i > 0 {
            let mut j = i;
            while j < chars.len() && is_blank(chars[j]) {
                j += 1;
            }
            if j < chars.len() && gap_between(chars[i - 1], chars[j]) {
                out.push('\u{3000}');
                i = j;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// [`ideographic_gaps`] over an inline sequence (gaps may straddle inline boundaries).
pub fn ideographic_gaps_inlines(seq: &[Inline]) -> Vec<Inline> {
    let mut cells = flat::flatten(seq);
    let mut i = 1;
    while i < cells.len() {
        if is_blank(cells[i].ch) {
            let mut j = i;
            while j < cells.len() && is_blank(cells[j].ch) {
                j += 1;
            }
            if j < cells.len() && gap_between(cells[i - 1].ch, cells[j].ch) {
                cells[i].ch = '\u{3000}';
                cells.drain(i + 1..j);
            }
            i += 1;
            continue;
        }
        i += 1;
    }
    flat::rebuild(seq, &cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gap_kept_as_ideographic_space() {
        assert_eq!(
            ideographic_gaps("坚持和深化“义乌发展经验” 加快打造"),
            "坚持和深化“义乌发展经验”\u{3000}加快打造"
        );
        assert_eq!(ideographic_gaps("精神  奋力"), "精神\u{3000}奋力");
        assert_eq!(ideographic_gaps("用 Rust 写"), "用 Rust 写");
    }

    #[test]
    fn heading_like_lines() {
        assert!(heading_like("锚定全局靶向发力，实现城市战略定位跃升"));
        assert!(!heading_like("这是一句话。"));
        assert!(!heading_like(&"长".repeat(41)));
    }
}
