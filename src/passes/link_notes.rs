//! `--link-footnotes`: in print (PDF, DOCX) a reader cannot click, so each external link
//! gets a footnote with its URL after the link text. Internal `#` links are left alone,
//! and so is a link whose text already is its URL. EPUB keeps live links and never runs
//! this. One footnote per distinct URL; a URL linked twice refers to the same note.

use crate::ast::{Block, Document, Footnote, Inline, Para};
use std::collections::HashMap;

/// Label prefix of the notes made here (not a Markdown footnote label: those cannot
/// start with a space).
const LABEL: &str = " link-url-";

/// The document a print backend sets: with the URL footnotes when `--link-footnotes` is on
/// (PDF and DOCX; the EPUB keeps live links), else `doc` itself.
pub fn for_print(doc: &Document, enabled: bool) -> std::borrow::Cow<'_, Document> {
    if enabled {
        std::borrow::Cow::Owned(add(doc))
    } else {
        std::borrow::Cow::Borrowed(doc)
    }
}

/// `doc` with a footnote holding the URL after every external link.
pub fn add(doc: &Document) -> Document {
    let mut doc = doc.clone();
    let mut labels: HashMap<String, String> = HashMap::new();
    let mut notes = Vec::new();
    crate::ast::map_inlines(&mut doc, &mut |inlines, line| {
        walk(inlines, line, &mut labels, &mut notes);
    });
    doc.notes.extend(notes);
    doc
}

/// Whether a link target is a URL to print (not an in-document `#` anchor).
fn external(url: &str) -> bool {
    !url.is_empty() && !url.starts_with('#')
}

fn walk(
    inlines: &mut Vec<Inline>,
    line: usize,
    labels: &mut HashMap<String, String>,
    notes: &mut Vec<Footnote>,
) {
    let mut out = Vec::with_capacity(inlines.len());
    for mut i in std::mem::take(inlines) {
        let mut note = None;
        match &mut i {
            Inline::Strong(c) | Inline::Emph(c) | Inline::Strike(c) => walk(c, line, labels, notes),
            Inline::Link(l) if external(&l.url) => {
                let text = crate::ast::plain_text(&l.content);
                if text.trim() != l.url.trim() {
                    let next = labels.len() + 1;
                    let label = labels
                        .entry(l.url.clone())
                        .or_insert_with(|| {
                            notes.push(Footnote {
                                label: format!("{LABEL}{next}"),
                                blocks: vec![Block::Para(Para {
                                    content: vec![Inline::Code(l.url.clone())],
                                    line,
                                })],
                                line,
                            });
                            format!("{LABEL}{next}")
                        })
                        .clone();
                    note = Some(Inline::NoteRef(label));
                }
            }
            _ => {}
        }
        out.push(i);
        out.extend(note);
    }
    *inlines = out;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::Link;

    fn link(url: &str, text: &str) -> Inline {
        Inline::Link(Link {
            url: url.into(),
            title: None,
            content: vec![Inline::Text(text.into())],
        })
    }

    #[test]
    fn external_links_get_one_note_per_url() {
        let doc = Document {
            blocks: vec![Block::Para(Para {
                content: vec![
                    link("https://a.example/", "甲"),
                    link("#sec", "乙"),
                    link("https://a.example/", "丙"),
                    link("https://b.example/", "https://b.example/"),
                ],
                line: 1,
            })],
            ..Default::default()
        };
        let out = add(&doc);
        assert_eq!(out.notes.len(), 1);
        let Block::Para(p) = &out.blocks[0] else {
            panic!()
        };
        let refs = p
            .content
            .iter()
            .filter(|i| matches!(i, Inline::NoteRef(_)))
            .count();
        assert_eq!(refs, 2, "{:?}", p.content);
        assert!(matches!(&p.content[1], Inline::NoteRef(l) if l == &out.notes[0].label));
    }
}
