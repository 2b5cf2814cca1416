//! Title lines (T23), for the backends whose renderer cannot balance a multi-line title
//! (DOCX, EPUB): when a title or subtitle does not fit on one line and holds a deliberate
//! U+3000 gap between its phrases, the gap nearest the middle becomes a line break — two lines of near-equal length that never
//! split a word (`加快打造中国/式现代化` is what Word and LibreOffice do otherwise).

use crate::ast::{plain_text, Inline};
use crate::text::chars::is_han;

/// Estimated advance of a character that is not HAN or full-width, in em: an estimate for
/// deciding where the middle of a title is, not a style choice.
const NARROW_CHAR_EM_ESTIMATE: f32 = 0.5;

/// Estimated advance in em: Han and full-width marks 1, the rest ½.
fn ems(s: &str) -> f32 {
    s.chars()
        .map(|c| {
            if is_han(c) || (c as u32) >= 0x2E80 || "“”‘’—…".contains(c) {
                1.0
            } else {
                NARROW_CHAR_EM_ESTIMATE
            }
        })
        .sum()
}

/// `content` with the middle U+3000 turned into a line break when the line is too long
/// for `width` points at `size` points.
pub fn balanced(content: &[Inline], size: f32, width: f32) -> Vec<Inline> {
    let text = plain_text(content);
    if ems(&text) * size <= width {
        return content.to_vec();
    }
    let half = ems(&text) / 2.0;
    // Candidate gaps: (node index, byte offset in the node, distance from the middle).
    let mut best: Option<(usize, usize, f32)> = None;
    let mut before = 0.0;
    for (i, inl) in content.iter().enumerate() {
        if let Inline::Text(t) = inl {
            for (off, c) in t.char_indices() {
                if c == '\u{3000}' {
                    let d = (before + ems(&t[..off]) - half).abs();
                    if best.is_none_or(|b| d < b.2) {
                        best = Some((i, off, d));
                    }
                }
            }
        }
        before += ems(&plain_text(std::slice::from_ref(inl)));
    }
    let Some((i, off, _)) = best else {
        return content.to_vec();
    };
    let mut out = content[..i].to_vec();
    let Inline::Text(t) = &content[i] else {
        unreachable!("gaps are only searched in text nodes")
    };
    if off > 0 {
        out.push(Inline::Text(t[..off].to_string()));
    }
    out.push(Inline::LineBreak);
    let rest = &t[off + '\u{3000}'.len_utf8()..];
    if !rest.is_empty() {
        out.push(Inline::Text(rest.to_string()));
    }
    out.extend_from_slice(&content[i + 1..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn t23_long_title_breaks_at_the_gap() {
        let title = [t(
            "坚持和深化“义乌发展经验”\u{3000}加快打造中国式现代化县域典范",
        )];
        let out = balanced(&title, 22.0, 453.5);
        assert_eq!(
            out,
            vec![
                t("坚持和深化“义乌发展经验”"),
                Inline::LineBreak,
                t("加快打造中国式现代化县域典范")
            ]
        );
    }

    #[test]
    fn short_title_or_no_gap_is_kept() {
        let short = [t("深入践行\u{3000}五个结合")];
        assert_eq!(balanced(&short, 22.0, 453.5), short.to_vec());
        let no_gap = [t(
            "坚持和深化义乌发展经验加快打造中国式现代化县域典范的若干思考",
        )];
        assert_eq!(balanced(&no_gap, 22.0, 453.5), no_gap.to_vec());
    }
}
