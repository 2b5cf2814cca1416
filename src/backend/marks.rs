//! The T25 face of each ambiguous mark in a paragraph's text nodes, for the backends that
//! write the inline tree node by node (EPUB, DOCX). The decision is
//! [`crate::text::quotes::mark_faces`] on the paragraph's whole text, flattened as the PDF
//! layout flattens it, so a quote next to `**strong**` text gets the same face everywhere.

use crate::ast::Inline;
use crate::text::quotes::{mark_faces, mark_faces_of, MarkFace};
use std::collections::HashMap;

/// Faces of the marks of each `Inline::Text` of one paragraph.
#[derive(Debug, Default)]
pub struct MarkFaces {
    /// Keyed by the address of the node's text (distinct for distinct live strings).
    by_node: HashMap<usize, Vec<Option<MarkFace>>>,
}

/// The paragraph text, what is opaque in it (code, footnote markers, images: no context,
/// T26), and where each text node starts.
#[derive(Default)]
struct Flat {
    chars: Vec<char>,
    opaque: Vec<bool>,
    nodes: Vec<(usize, usize, usize)>,
}

impl Flat {
    fn push(&mut self, s: &str, opaque: bool) {
        for c in s.chars() {
            self.chars.push(c);
            self.opaque.push(opaque);
        }
    }

    fn walk(&mut self, inlines: &[Inline]) {
        for i in inlines {
            match i {
                Inline::Text(t) if !t.is_empty() => {
                    let start = self.chars.len();
                    self.push(t, false);
                    self.nodes
                        .push((t.as_ptr() as usize, start, self.chars.len()));
                }
                Inline::Text(_) => {}
                Inline::AutoSpace | Inline::SoftBreak => self.push(" ", false),
                Inline::LineBreak => self.push("\n", false),
                Inline::Strong(c)
                | Inline::Emph(c)
                | Inline::Strike(c)
                | Inline::Superscript(c)
                | Inline::Subscript(c)
                | Inline::Underline(c)
                | Inline::Mark(c)
                | Inline::Small(c) => self.walk(c),
                Inline::Link(l) => self.walk(&l.content),
                // The base of a ruby is text of the line; its reading is not.
                Inline::Ruby(r) => self.push(&r.base, false),
                Inline::Code(c) | Inline::Kbd(c) => self.push(c, true),
                Inline::Image(_) | Inline::NoteRef(_) => self.push("\u{FFFC}", true),
            }
        }
    }
}

impl MarkFaces {
    /// Decides the marks of every text node of `inlines` (one paragraph, heading or cell).
    pub fn of(inlines: &[Inline]) -> MarkFaces {
        let mut flat = Flat::default();
        flat.walk(inlines);
        let faces = mark_faces(&flat.chars, &flat.opaque);
        let by_node = flat
            .nodes
            .into_iter()
            .map(|(key, a, b)| (key, faces[a..b].to_vec()))
            .collect();
        MarkFaces { by_node }
    }

    /// The faces of the characters of `text`: the paragraph's decision when `text` is one
    /// of its nodes, else `text`'s own (text the writer makes up: labels, alt text).
    pub fn of_text(&self, text: &str) -> Vec<Option<MarkFace>> {
        let own = self.by_node.get(&(text.as_ptr() as usize));
        match own.filter(|f| f.len() == text.chars().count()) {
            Some(f) => f.clone(),
            None => mark_faces_of(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t25_context_crosses_strong_but_not_code() {
        let inl = vec![
            Inline::Text("“".into()),
            Inline::Strong(vec![Inline::Text("重点".into())]),
            Inline::Text("” and it’s".into()),
            Inline::Code("x".into()),
            Inline::Text("’s".into()),
        ];
        let m = MarkFaces::of(&inl);
        let Inline::Text(open) = &inl[0] else {
            panic!()
        };
        assert_eq!(m.of_text(open), vec![Some(MarkFace::Cjk)]);
        let Inline::Text(close) = &inl[2] else {
            panic!()
        };
        let f = m.of_text(close);
        assert_eq!(f[0], Some(MarkFace::Cjk));
        assert_eq!(f[8], Some(MarkFace::Latin));
        // After code, nothing before the mark counts; `s` after it is Latin.
        let Inline::Text(tail) = &inl[4] else {
            panic!()
        };
        assert_eq!(m.of_text(tail)[0], Some(MarkFace::Latin));
        // A string that is no node of the paragraph is decided on its own.
        assert_eq!(m.of_text("好”"), vec![None, Some(MarkFace::Cjk)]);
    }
}
