//! Collect stage: AST inlines → styled runs (T24, T26), and the T7 character classes
//! the later stages work with.

use super::types::{RunStyle, Script, StyledRun};
use crate::ast::Inline;
use crate::style::FontRole;
use crate::text::chars::{is_cjk_letter, is_west};
use crate::text::quotes::{mark_faces, MarkFace};

/// Character class of T7 (plus the HAN/WEST/space classes of T0/T15).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Han ideograph, Bopomofo, 々, 〇, and other wide letters (kana, hangul).
    Han,
    /// Latin/Greek/Cyrillic letters, ASCII digits, `# $ % &`.
    West,
    /// OPEN: ink right, 0.5 em blank on the left.
    Open,
    /// CLOSE: ink left, 0.5 em blank on the right.
    Close,
    /// STOP: `。，、：；！？` etc., 0.5 em blank on the right.
    Stop,
    /// MID `·`: centred 0.5 em.
    Mid,
    /// CONN `– — ～`: centred, not adjustable.
    Conn,
    /// SOL `/ ／`.
    Sol,
    /// Ellipsis U+2026/U+22EF (ELL2 when doubled).
    Ellipsis,
    /// U+0020 and other breaking spaces (become glue).
    Space,
    /// U+3000 ideographic space: a 1 em box.
    IdeoSpace,
    /// Hard line break `\n`.
    Newline,
    /// Anything else (Latin punctuation, symbols, marks).
    Other,
}

impl Class {
    /// Full-width punctuation and the ideographic space: the marks that take a 1 em box
    /// (T12) and a cell of the character grid.
    pub(crate) fn is_full_width_punct(self) -> bool {
        matches!(
            self,
            Class::Open
                | Class::Close
                | Class::Stop
                | Class::Mid
                | Class::Conn
                | Class::Ellipsis
                | Class::IdeoSpace
        )
    }
}

/// Class of `c`, ignoring context (quotes come out as [`Class::Other`]; see [`classify`]).
pub(crate) fn base_class(c: char) -> Class {
    match c {
        '（' | '《' | '〈' | '「' | '『' | '【' | '〖' | '〔' | '［' | '｛' => {
            Class::Open
        }
        '）' | '》' | '〉' | '」' | '』' | '】' | '〗' | '〕' | '］' | '｝' => {
            Class::Close
        }
        '。' | '．' | '，' | '、' | '：' | '；' | '！' | '？' | '‼' | '⁇' | '⁈' | '⁉' => {
            Class::Stop
        }
        '·' => Class::Mid,
        '–' | '—' | '～' => Class::Conn,
        '/' | '／' => Class::Sol,
        '…' | '⋯' => Class::Ellipsis,
        ' ' | '\t' => Class::Space,
        '\u{3000}' => Class::IdeoSpace,
        '\n' => Class::Newline,
        c if is_cjk_letter(c) => Class::Han,
        c if is_west(c) => Class::West,
        _ => Class::Other,
    }
}

/// Classes of every char of `text`; `code[i]` marks chars of inline code, which never
/// count as context. Curly quotes become OPEN/CLOSE where T25 gives them the CJK face
/// ([`mark_faces`]: CJK context, T7), else Other (Latin quotes at their Latin width).
pub(crate) fn classify(chars: &[char], code: &[bool]) -> Vec<Class> {
    let faces = mark_faces(chars, code);
    chars
        .iter()
        .zip(faces)
        .map(|(&c, face)| match (c, face) {
            ('“' | '‘', Some(MarkFace::Cjk)) => Class::Open,
            ('”' | '’', Some(MarkFace::Cjk)) => Class::Close,
            _ => base_class(c),
        })
        .collect()
}

/// AST inlines → styled runs; footnote markers show their label.
pub fn collect(inlines: &[Inline], base: &RunStyle) -> Vec<StyledRun> {
    collect_with_notes(inlines, base, &|label: &str| label.to_string())
}

/// AST inlines → styled runs; `note_marker` turns a footnote label into its marker text
/// (the page setter numbers notes per page or document).
pub fn collect_with_notes(
    inlines: &[Inline],
    base: &RunStyle,
    note_marker: &dyn Fn(&str) -> String,
) -> Vec<StyledRun> {
    let mut c = Collector {
        runs: Vec::new(),
        pending_space: false,
        note_marker,
    };
    c.walk(inlines, &StyledRun::plain("", base));
    c.runs.retain(|r| !r.text.is_empty());
    c.runs
}

struct Collector<'a> {
    runs: Vec<StyledRun>,
    pending_space: bool,
    note_marker: &'a dyn Fn(&str) -> String,
}

impl Collector<'_> {
    fn push(&mut self, text: &str, style: &StyledRun) {
        if text.is_empty() {
            return;
        }
        let autospace = std::mem::take(&mut self.pending_space);
        if let Some(last) = self.runs.last_mut() {
            let same = last.font == style.font
                && last.size == style.size
                && last.bold == style.bold
                && last.emph_dots == style.emph_dots
                && last.strike == style.strike
                && last.code == style.code
                && last.link == style.link
                && last.note_ref == style.note_ref
                && last.script == style.script
                && last.underline == style.underline
                && last.mark == style.mark
                && last.small == style.small;
            if same && !autospace && !style.code && !style.note_ref {
                last.text.push_str(text);
                return;
            }
        }
        let mut run = style.clone();
        run.text = text.to_string();
        run.autospace_before = autospace;
        self.runs.push(run);
    }

    fn last_char(&self) -> Option<char> {
        self.runs.iter().rev().find_map(|r| r.text.chars().last())
    }

    fn walk(&mut self, inlines: &[Inline], style: &StyledRun) {
        for inline in inlines {
            match inline {
                Inline::Text(t) => self.push(t, style),
                Inline::AutoSpace => self.pending_space = true,
                // T1 normally removes soft breaks; a leftover one after WEST reads as a space.
                Inline::SoftBreak => {
                    if self.last_char().is_some_and(|c| c.is_ascii_graphic()) {
                        self.push(" ", style)
                    }
                }
                Inline::LineBreak => self.push("\n", style),
                Inline::Strong(content) => {
                    let mut s = style.clone();
                    s.font = style.font.strong();
                    s.bold = true;
                    self.walk(content, &s);
                }
                Inline::Emph(content) => {
                    let mut s = style.clone();
                    s.font = style.font.emphasis();
                    s.emph_dots = true;
                    self.walk(content, &s);
                }
                Inline::Strike(content) => {
                    let mut s = style.clone();
                    s.strike = true;
                    self.walk(content, &s);
                }
                Inline::Superscript(content) | Inline::Subscript(content) => {
                    let mut s = style.clone();
                    s.script = match inline {
                        Inline::Superscript(_) => Script::Super,
                        _ => Script::Sub,
                    };
                    self.walk(content, &s);
                }
                Inline::Underline(content) => {
                    let mut s = style.clone();
                    s.underline = true;
                    self.walk(content, &s);
                }
                Inline::Mark(content) => {
                    let mut s = style.clone();
                    s.mark = true;
                    self.walk(content, &s);
                }
                Inline::Small(content) => {
                    let mut s = style.clone();
                    s.small = true;
                    self.walk(content, &s);
                }
                // PDF ruby: the reading follows its base in parentheses, in script size.
                Inline::Ruby(r) => {
                    self.push(&r.base, style);
                    let mut s = style.clone();
                    s.script = Script::Reading;
                    s.emph_dots = false;
                    self.push(&format!("({})", r.text), &s);
                }
                Inline::Code(code) | Inline::Kbd(code) => {
                    let mut s = style.clone();
                    s.font = FontRole::Mono;
                    s.code = true;
                    s.emph_dots = false;
                    self.push(code, &s);
                }
                Inline::Link(link) => {
                    let mut s = style.clone();
                    s.link = Some(link.url.clone());
                    self.walk(&link.content, &s);
                }
                Inline::Image(img) => self.push(&img.alt, style),
                Inline::NoteRef(label) => {
                    let mut s = style.clone();
                    s.note_ref = true;
                    s.emph_dots = false;
                    let marker = (self.note_marker)(label);
                    self.push(&marker, &s);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(s: &str) -> Vec<Class> {
        let chars: Vec<char> = s.chars().collect();
        classify(&chars, &vec![false; chars.len()])
    }

    #[test]
    fn t7_quotes_are_cjk_only_in_cjk_context() {
        let c = classes("他说“好”。");
        assert_eq!(c[2], Class::Open);
        assert_eq!(c[4], Class::Close);
        let c = classes("say “hi” now");
        assert_eq!(c[4], Class::Other);
        assert_eq!(c[7], Class::Other);
        // Quoted English inside Chinese: the closing quote is followed by a full-width mark.
        let c = classes("叫“Hello”，");
        assert_eq!(c[1], Class::Open);
        assert_eq!(c[7], Class::Close);
    }

    #[test]
    fn t7_classes() {
        assert_eq!(base_class('，'), Class::Stop);
        assert_eq!(base_class('《'), Class::Open);
        assert_eq!(base_class('·'), Class::Mid);
        assert_eq!(base_class('／'), Class::Sol);
        assert_eq!(base_class('〇'), Class::Han);
        assert_eq!(base_class('3'), Class::West);
    }

    #[test]
    fn t24_strong_and_emph_runs() {
        let base = RunStyle {
            font: FontRole::Song,
            size: 12.0,
            bold: false,
        };
        let inl = vec![
            Inline::Text("甲".into()),
            Inline::Strong(vec![Inline::Text("乙".into())]),
            Inline::Emph(vec![Inline::Text("丙".into())]),
            Inline::AutoSpace,
            Inline::Code("a b".into()),
        ];
        let runs = collect(&inl, &base);
        assert_eq!(runs.len(), 4);
        assert_eq!(runs[1].font, FontRole::SongBold);
        assert!(runs[1].bold);
        assert!(runs[2].emph_dots);
        assert!(runs[3].code && runs[3].autospace_before);
        assert_eq!(runs[3].font, FontRole::Mono);
    }
}
