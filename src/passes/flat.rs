//! A flat character view of an inline sequence, so that rules can look at neighbours across
//! inline boundaries (`**重点**,下一句`: the comma's left neighbour is inside Strong) and then
//! write the result back into the original tree shape.
//!
//! Every leaf inline gets an index (its *origin*). Text contributes one cell per character;
//! other leaves contribute one sentinel cell. Rules edit the cell vector (delete, replace,
//! insert with a neighbour's origin) and [`rebuild`] puts each cell back into its leaf.

use crate::ast::Inline;

/// Inline code: opaque, WEST at its edges for T15, never crossed by CJK context (T26).
pub const CODE: char = '\u{FDD0}';
/// Image, footnote reference or ruby: opaque.
pub const OBJ: char = '\u{FDD1}';
/// A soft line break.
pub const BREAK: char = '\u{FDD2}';
/// A hard line break.
pub const LBREAK: char = '\u{FDD3}';
/// An autospace node (T15); in a Text origin it means "insert an AutoSpace here".
pub const AUTO: char = '\u{FDD4}';

/// One character (or sentinel) of the flat view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    /// The character, or one of the sentinels above.
    pub ch: char,
    /// Index of the leaf inline it belongs to.
    pub origin: usize,
    /// Nesting depth of that leaf (0 = directly in the sequence).
    pub depth: u8,
    /// Protected from rewriting (URLs, numbers, Latin sentences; set by the punct pass).
    pub keep: bool,
    /// Inside a superscript or subscript (`<sup>`, `<sub>`), which is set against its
    /// neighbours with no T15 gap, like a footnote marker.
    pub script: bool,
}

impl Cell {
    /// A sentinel rather than a character of text.
    pub fn is_sentinel(&self) -> bool {
        matches!(self.ch, CODE | OBJ | BREAK | LBREAK | AUTO)
    }
}

/// Flattens an inline sequence into cells.
pub fn flatten(inlines: &[Inline]) -> Vec<Cell> {
    fn go(inlines: &[Inline], depth: u8, script: bool, next: &mut usize, out: &mut Vec<Cell>) {
        for i in inlines {
            let leaf = |ch: char, out: &mut Vec<Cell>, next: &mut usize| {
                out.push(Cell {
                    ch,
                    origin: *next,
                    depth,
                    keep: false,
                    script,
                });
                *next += 1;
            };
            match i {
                Inline::Text(t) => {
                    // One cell per char, reserved at once (issue 12).
                    out.reserve(t.chars().count());
                    for ch in t.chars() {
                        out.push(Cell {
                            ch,
                            origin: *next,
                            depth,
                            keep: false,
                            script,
                        });
                    }
                    *next += 1;
                }
                Inline::AutoSpace => leaf(AUTO, out, next),
                Inline::SoftBreak => leaf(BREAK, out, next),
                Inline::LineBreak => leaf(LBREAK, out, next),
                Inline::Code(_) | Inline::Kbd(_) => leaf(CODE, out, next),
                Inline::Image(_) | Inline::NoteRef(_) | Inline::Ruby(_) => leaf(OBJ, out, next),
                Inline::Superscript(c) | Inline::Subscript(c) => {
                    go(c, depth.saturating_add(1), true, next, out)
                }
                Inline::Strong(c)
                | Inline::Emph(c)
                | Inline::Strike(c)
                | Inline::Underline(c)
                | Inline::Mark(c)
                | Inline::Small(c) => go(c, depth.saturating_add(1), script, next, out),
                Inline::Link(l) => go(&l.content, depth.saturating_add(1), script, next, out),
            }
        }
    }
    let mut out = Vec::new();
    go(inlines, 0, false, &mut 0, &mut out);
    out
}

/// The characters of the cells as a string (sentinels included).
pub fn text_of(cells: &[Cell]) -> String {
    cells.iter().map(|c| c.ch).collect()
}

/// Puts `cells` back into the shape of `inlines` (the sequence they were flattened from).
/// Leaves without cells disappear, empty Strong/Emph/Strike are dropped, adjacent Text
/// nodes are merged.
pub fn rebuild(inlines: &[Inline], cells: &[Cell]) -> Vec<Inline> {
    let mut buckets: Vec<Vec<char>> = Vec::new();
    for c in cells {
        if buckets.len() <= c.origin {
            buckets.resize(c.origin + 1, Vec::new());
        }
        buckets[c.origin].push(c.ch);
    }
    fn go(inlines: &[Inline], buckets: &[Vec<char>], next: &mut usize) -> Vec<Inline> {
        let mut out = Vec::new();
        for i in inlines {
            match i.children() {
                Some(c) => {
                    let inner = go(c, buckets, next);
                    // An emptied span goes; a link stays (its target is not text).
                    if inner.is_empty() && !matches!(i, Inline::Link(_)) {
                        continue;
                    }
                    out.extend(i.with_children(inner));
                }
                None => {
                    let chars = buckets.get(*next).map(Vec::as_slice).unwrap_or(&[]);
                    *next += 1;
                    emit_leaf(i, chars, &mut out);
                }
            }
        }
        out
    }
    let mut next = 0;
    let out = go(inlines, &buckets, &mut next);
    merge_text(out)
}

fn emit_leaf(leaf: &Inline, chars: &[char], out: &mut Vec<Inline>) {
    let mut text = String::new();
    let flush = |text: &mut String, out: &mut Vec<Inline>| {
        if !text.is_empty() {
            out.push(Inline::Text(std::mem::take(text)));
        }
    };
    for &ch in chars {
        let node = match ch {
            AUTO => Some(Inline::AutoSpace),
            BREAK => Some(Inline::SoftBreak),
            LBREAK => Some(Inline::LineBreak),
            CODE | OBJ if !matches!(leaf, Inline::Text(_)) => Some(leaf.clone()),
            _ => None,
        };
        match node {
            Some(n) => {
                flush(&mut text, out);
                out.push(n);
            }
            None => text.push(ch),
        }
    }
    flush(&mut text, out);
}

/// Merges adjacent Text nodes and drops empty ones, recursively.
pub fn merge_text(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for i in inlines {
        let i = match i {
            Inline::Strong(c) => Inline::Strong(merge_text(c)),
            Inline::Emph(c) => Inline::Emph(merge_text(c)),
            Inline::Strike(c) => Inline::Strike(merge_text(c)),
            Inline::Superscript(c) => Inline::Superscript(merge_text(c)),
            Inline::Subscript(c) => Inline::Subscript(merge_text(c)),
            Inline::Underline(c) => Inline::Underline(merge_text(c)),
            Inline::Mark(c) => Inline::Mark(merge_text(c)),
            Inline::Small(c) => Inline::Small(merge_text(c)),
            Inline::Link(mut l) => {
                l.content = merge_text(l.content);
                Inline::Link(l)
            }
            other => other,
        };
        match (out.last_mut(), i) {
            (_, Inline::Text(t)) if t.is_empty() => {}
            (Some(Inline::Text(prev)), Inline::Text(t)) => prev.push_str(&t),
            (_, i) => out.push(i),
        }
    }
    out
}

/// Plain characters of an inline sequence with sentinels for non-text leaves.
///
/// The same characters as `text_of(&flatten(inlines))`, written straight into the string
/// (no cell per character: the classification passes ask for it on every paragraph,
/// issue 12).
pub fn flat_string(inlines: &[Inline]) -> String {
    fn go(inlines: &[Inline], out: &mut String) {
        for i in inlines {
            if let Some(children) = i.children() {
                go(children, out);
                continue;
            }
            match i {
                Inline::Text(t) => out.push_str(t),
                Inline::AutoSpace => out.push(AUTO),
                Inline::SoftBreak => out.push(BREAK),
                Inline::LineBreak => out.push(LBREAK),
                Inline::Code(_) | Inline::Kbd(_) => out.push(CODE),
                Inline::Image(_) | Inline::NoteRef(_) | Inline::Ruby(_) => out.push(OBJ),
                // Containers: walked above.
                Inline::Strong(_)
                | Inline::Emph(_)
                | Inline::Strike(_)
                | Inline::Superscript(_)
                | Inline::Subscript(_)
                | Inline::Underline(_)
                | Inline::Mark(_)
                | Inline::Small(_)
                | Inline::Link(_) => {}
            }
        }
    }
    let mut out = String::new();
    go(inlines, &mut out);
    out
}

/// Splits a sequence at top-level soft and hard breaks into lines (the breaks are dropped).
pub fn lines(inlines: &[Inline]) -> Vec<Vec<Inline>> {
    let mut out = vec![Vec::new()];
    for i in inlines {
        match i {
            Inline::SoftBreak | Inline::LineBreak => out.push(Vec::new()),
            other => out.last_mut().expect("never empty").push(other.clone()),
        }
    }
    out
}

/// Text of a sequence for classification: text and code, sentinels removed, trimmed.
pub fn plain(inlines: &[Inline]) -> String {
    let flat = flat_string(inlines);
    // Copies the text between sentinels in slices, not char by char: the structure and
    // punctuation passes call this for every paragraph, some more than once (issue 12).
    let mut out = String::with_capacity(flat.len());
    let mut from = 0;
    for (i, c) in flat.char_indices() {
        if matches!(c, CODE | OBJ | AUTO | BREAK | LBREAK) {
            out.push_str(&flat[from..i]);
            if matches!(c, BREAK | LBREAK) {
                out.push(' ');
            }
            from = i + c.len_utf8();
        }
    }
    out.push_str(&flat[from..]);
    out.truncate(out.trim_end().len());
    let lead = out.len() - out.trim_start().len();
    out.drain(..lead);
    out
}

/// Cells `range` of `inlines` rebuilt into their own sequence (for splitting a sequence).
pub fn slice(inlines: &[Inline], cells: &[Cell], range: std::ops::Range<usize>) -> Vec<Inline> {
    rebuild(inlines, &cells[range])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    /// `flat_string` writes what the cells hold, sentinels and nested text included.
    #[test]
    fn flat_string_equals_the_cells_text() {
        let seq = vec![
            t("前"),
            Inline::Strong(vec![t("重点"), Inline::Code("x".into())]),
            Inline::SoftBreak,
            Inline::Superscript(vec![t("2")]),
            Inline::AutoSpace,
            Inline::LineBreak,
            t("后 end"),
        ];
        assert_eq!(flat_string(&seq), text_of(&flatten(&seq)));
        assert_eq!(
            flat_string(&seq),
            format!("前重点{CODE}{BREAK}2{AUTO}{LBREAK}后 end")
        );
    }

    #[test]
    fn roundtrip_keeps_shape() {
        let seq = vec![
            t("用"),
            Inline::Strong(vec![t("重点")]),
            Inline::Code("a,b".into()),
            Inline::SoftBreak,
            t("下"),
        ];
        let cells = flatten(&seq);
        assert_eq!(text_of(&cells), format!("用重点{CODE}{BREAK}下"));
        assert_eq!(rebuild(&seq, &cells), seq);
    }

    #[test]
    fn split_inside_strong_duplicates_container() {
        let seq = vec![t("一、"), Inline::Strong(vec![t("标题。正文")])];
        let cells = flatten(&seq);
        let a = slice(&seq, &cells, 0..5);
        let b = slice(&seq, &cells, 5..cells.len());
        assert_eq!(a, vec![t("一、"), Inline::Strong(vec![t("标题。")])]);
        assert_eq!(b, vec![Inline::Strong(vec![t("正文")])]);
    }

    #[test]
    fn autospace_marker_splits_text() {
        let seq = vec![t("用Rust")];
        let mut cells = flatten(&seq);
        let mut m = cells[1];
        m.ch = AUTO;
        cells.insert(1, m);
        assert_eq!(
            rebuild(&seq, &cells),
            vec![t("用"), Inline::AutoSpace, t("Rust")]
        );
    }
}
