//! `word/footnotes.xml`: separator (id −1), continuation separator (id 0), then one note per
//! reference in reading order, each opening with its `w:footnoteRef` mark.

use super::document::{PPr, Where, Writer};
use super::xml::{Xml, DRAWING_NS, SINGLE_LINE, W_NS};
use crate::ast::Document;

impl Writer<'_> {
    /// The footnotes part; the caller swaps in a fresh [`Writer::rels`] for it first.
    pub fn footnotes(&mut self, doc: &Document) -> String {
        let mut x = Xml::part();
        x.open_ns("w:footnotes", &[W_NS, DRAWING_NS]);
        for (id, kind, mark) in [
            ("-1", "separator", "w:separator"),
            ("0", "continuationSeparator", "w:continuationSeparator"),
        ] {
            x.open("w:footnote", &[("w:type", kind), ("w:id", id)]);
            x.open("w:p", &[]).open("w:pPr", &[]);
            x.empty(
                "w:spacing",
                &[
                    ("w:after", "0"),
                    ("w:line", SINGLE_LINE),
                    ("w:lineRule", "auto"),
                ],
            );
            x.empty("w:ind", &[("w:firstLineChars", "0"), ("w:firstLine", "0")]);
            x.close("w:pPr");
            x.open("w:r", &[]).empty(mark, &[]).close("w:r");
            x.close("w:p").close("w:footnote");
        }
        self.in_notes = true;
        for (i, n) in doc.notes.iter().enumerate() {
            if !self.refs.contains(&i) {
                self.log.warn(
                    "docx",
                    n.line,
                    format!("footnote [^{}] is never referenced", n.label),
                );
            }
        }
        for (i, &n) in self.refs.clone().iter().enumerate() {
            let note = &doc.notes[n];
            self.line = note.line;
            x.open("w:footnote", &[("w:id", &(i + 1).to_string())]);
            self.pending_note_ref = true;
            let w = Where {
                note: true,
                ..Where::default()
            };
            self.blocks(&mut x, &note.blocks, w);
            if self.pending_note_ref {
                // An empty definition still needs its paragraph and mark.
                self.p_open(
                    &mut x,
                    &PPr {
                        style: "FootnoteText",
                        ..PPr::default()
                    },
                );
                x.close("w:p");
            }
            x.close("w:footnote");
        }
        self.in_notes = false;
        x.close("w:footnotes");
        x.finish()
    }
}
