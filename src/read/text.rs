//! Chinese plain-text reader: lines → paragraphs, nothing more.
//!
//! Structure (titles, headings, bylines) is inferred later by the passes; this reader only
//! decides where paragraphs start (T1) and recognises paired `**bold**`.

use crate::ast::{Block, Inline, Para};

/// Characters that indent a line: space, tab and the ideographic space U+3000.
fn is_indent(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}')
}

fn is_blank(line: &str) -> bool {
    line.chars().all(char::is_whitespace)
}

/// A line that begins a paragraph of its own inside a blank-line block.
///
/// T1: leading blanks open a paragraph (text copied from a PDF never starts a wrapped line
/// with a space). A bullet marker (`- `, `• `, `* `) at the very start of a line does too:
/// wrapped lines do not begin with one, and the sample's sub-headings do (yiwu.txt 75, 77).
fn starts_paragraph(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some(c) if is_indent(c) => !is_blank(line),
        Some('-' | '•' | '*') => chars.next() == Some(' ') && !is_blank(chars.as_str()),
        _ => false,
    }
}

/// Marks that end a sentence; a file whose joined lines all end with one is line-per-paragraph.
fn ends_sentence(line: &str) -> bool {
    line.trim_end().chars().last().is_some_and(|c| {
        matches!(
            c,
            '。' | '！'
                | '？'
                | '；'
                | '：'
                | '”'
                | '’'
                | '」'
                | '』'
                | '…'
                | '）'
                | '.'
                | '!'
                | '?'
        )
    })
}

/// Parses plain text (LF line ends) into paragraphs.
pub fn parse(text: &str) -> Vec<Block> {
    let lines: Vec<(usize, &str)> = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .collect();
    let groups = if one_paragraph_per_line(&lines) {
        lines
            .iter()
            .filter(|(_, l)| !is_blank(l))
            .map(|&l| vec![l])
            .collect()
    } else {
        blank_line_paragraphs(&lines)
    };
    groups
        .into_iter()
        .map(|group| {
            Block::Para(Para {
                line: group[0].0,
                content: inlines(&group),
            })
        })
        .collect()
}

/// Splits into blank-line-separated blocks, then splits each block at indented lines.
fn blank_line_paragraphs<'a>(lines: &[(usize, &'a str)]) -> Vec<Vec<(usize, &'a str)>> {
    let mut groups: Vec<Vec<(usize, &str)>> = Vec::new();
    let mut current: Vec<(usize, &str)> = Vec::new();
    for &(n, line) in lines {
        if is_blank(line) {
            if !current.is_empty() {
                groups.push(std::mem::take(&mut current));
            }
        } else {
            if !current.is_empty() && starts_paragraph(line) {
                groups.push(std::mem::take(&mut current));
            }
            current.push((n, line));
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups
}

/// Decides per file whether every line is a paragraph.
///
/// The blank-line rule (blocks split at indented lines) is kept when it finds wrapped
/// paragraphs: the lines it would join mostly end mid-sentence. Otherwise every line is a
/// paragraph: a file without blank lines and without indentation gives no other clue, and
/// when the lines to join nearly all end a sentence (at least three of them when the file
/// has blank lines) the file has one paragraph per line, blank lines only between sections.
fn one_paragraph_per_line(lines: &[(usize, &str)]) -> bool {
    let mut seen_text = false;
    let mut blank_between = false;
    let mut pending_blank = false;
    for (_, l) in lines {
        if is_blank(l) {
            pending_blank = seen_text;
        } else {
            blank_between |= pending_blank;
            seen_text = true;
        }
    }
    if !blank_between && !lines.iter().any(|(_, l)| starts_paragraph(l)) {
        return true;
    }
    let (mut joined, mut ending) = (0usize, 0usize);
    for group in blank_line_paragraphs(lines) {
        for (_, l) in &group[..group.len() - 1] {
            joined += 1;
            ending += usize::from(ends_sentence(l));
        }
    }
    let mostly_ending = ending * 10 >= joined * 9;
    if blank_between {
        joined >= 3 && mostly_ending
    } else {
        mostly_ending
    }
}

/// One `**` marker in a paragraph.
struct Marker {
    can_open: bool,
    can_close: bool,
}

/// A piece of a paragraph before `**` pairing.
enum Piece {
    Text(String),
    Break,
    Marker(usize),
}

/// Builds a paragraph's inlines: lines stripped of indentation and trailing blanks, joined
/// with [`Inline::SoftBreak`], `**` pairs turned into [`Inline::Strong`].
fn inlines(group: &[(usize, &str)]) -> Vec<Inline> {
    let mut pieces = Vec::new();
    let mut markers = Vec::new();
    for (i, (_, raw)) in group.iter().enumerate() {
        if i > 0 {
            pieces.push(Piece::Break);
        }
        let line = raw.trim_start_matches(is_indent).trim_end();
        let mut rest = line;
        while let Some(pos) = rest.find("**") {
            if pos > 0 {
                pieces.push(Piece::Text(rest[..pos].to_string()));
            }
            let before = line[..line.len() - rest.len() + pos].chars().next_back();
            let after = rest[pos + 2..].chars().next();
            markers.push(Marker {
                can_close: before.is_some_and(|c| !c.is_whitespace()),
                can_open: after.is_some_and(|c| !c.is_whitespace()),
            });
            pieces.push(Piece::Marker(markers.len() - 1));
            rest = &rest[pos + 2..];
        }
        if !rest.is_empty() {
            pieces.push(Piece::Text(rest.to_string()));
        }
    }
    let pairs = pair_markers(&markers);
    let mut out: Vec<Inline> = Vec::new();
    let mut strong: Option<Vec<Inline>> = None;
    for piece in pieces {
        let target = strong.as_mut().unwrap_or(&mut out);
        match piece {
            Piece::Text(t) => push_text(target, &t),
            Piece::Break => target.push(Inline::SoftBreak),
            Piece::Marker(m) => match pairs[m] {
                Role::Open => strong = Some(Vec::new()),
                Role::Close => {
                    let inner = strong.take().unwrap_or_default();
                    out.push(Inline::Strong(inner));
                }
                Role::Literal => push_text(target, "**"),
            },
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq)]
enum Role {
    Open,
    Close,
    Literal,
}

/// Pairs markers left to right: a closer needs an open opener; unpaired markers stay text.
fn pair_markers(markers: &[Marker]) -> Vec<Role> {
    let mut roles = vec![Role::Literal; markers.len()];
    let mut open: Option<usize> = None;
    for (i, m) in markers.iter().enumerate() {
        match open {
            Some(o) if m.can_close => {
                roles[o] = Role::Open;
                roles[i] = Role::Close;
                open = None;
            }
            _ if m.can_open => open = Some(i),
            _ => {}
        }
    }
    roles
}

fn push_text(out: &mut Vec<Inline>, t: &str) {
    if let Some(Inline::Text(prev)) = out.last_mut() {
        prev.push_str(t);
    } else {
        out.push(Inline::Text(t.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<(usize, Vec<Inline>)> {
        parse(text)
            .into_iter()
            .map(|b| match b {
                Block::Para(p) => (p.line, p.content),
                other => panic!("not a paragraph: {other:?}"),
            })
            .collect()
    }

    fn t(s: &str) -> Inline {
        Inline::Text(s.to_string())
    }

    #[test]
    fn t1_blank_line_blocks_join_with_soft_breaks() {
        let p = paras("自强不息，厚\n德载物\n\n第二段\n");
        assert_eq!(
            p,
            vec![
                (1, vec![t("自强不息，厚"), Inline::SoftBreak, t("德载物")]),
                (4, vec![t("第二段")]),
            ]
        );
    }

    #[test]
    fn t1_indented_line_opens_paragraph_and_is_stripped() {
        let p = paras("吴伟华 甲\n 徐应红 乙\n\n　　第一段\n续行\n\t第二段\n");
        let lines: Vec<usize> = p.iter().map(|x| x.0).collect();
        assert_eq!(lines, vec![1, 2, 4, 6]);
        assert_eq!(p[1].1, vec![t("徐应红 乙")]);
        assert_eq!(p[2].1, vec![t("第一段"), Inline::SoftBreak, t("续行")]);
        assert_eq!(p[3].1, vec![t("第二段")]);
    }

    #[test]
    fn bullet_line_opens_paragraph_and_keeps_marker() {
        let p = paras("正文。\n- 小标题**\n\n下一段\n");
        assert_eq!(p[1], (2, vec![t("- 小标题**")]));
    }

    #[test]
    fn one_paragraph_per_line_without_blank_lines() {
        let p = paras("第一段。\n第二段。\n  第三段。\n");
        assert_eq!(p.len(), 3);
        assert_eq!(p[2], (3, vec![t("第三段。")]));
    }

    #[test]
    fn t1_wrapped_text_without_blank_lines_splits_at_indentation() {
        let p = paras("　　第一段很长，\n被折行了。\n　　第二段也\n折行。\n");
        assert_eq!(
            p,
            vec![
                (
                    1,
                    vec![t("第一段很长，"), Inline::SoftBreak, t("被折行了。")]
                ),
                (3, vec![t("第二段也"), Inline::SoftBreak, t("折行。")]),
            ]
        );
        // One indented paragraph per line, an unindented title: every line is a paragraph.
        let p = paras("标题\n　　第一段。\n小标题\n　　第二段。\n");
        assert_eq!(p.len(), 4);
    }

    #[test]
    fn one_paragraph_per_line_with_section_blanks() {
        let p = paras("甲。\n乙。\n丙。\n\n丁。\n戊。\n");
        assert_eq!(p.len(), 5);
    }

    #[test]
    fn paired_bold_is_strong_unpaired_stays_text() {
        let p = paras("4. **明晰边界**\n\n跃升**\n\n**甲**乙**丙\n");
        assert_eq!(p[0].1, vec![t("4. "), Inline::Strong(vec![t("明晰边界")])]);
        assert_eq!(p[1].1, vec![t("跃升**")]);
        assert_eq!(p[2].1, vec![Inline::Strong(vec![t("甲")]), t("乙**丙")]);
    }

    #[test]
    fn bold_may_span_lines_of_a_paragraph() {
        let p = paras("**甲\n乙**丙\n\n下一段\n");
        assert_eq!(
            p[0].1,
            vec![
                Inline::Strong(vec![t("甲"), Inline::SoftBreak, t("乙")]),
                t("丙")
            ]
        );
    }
}
