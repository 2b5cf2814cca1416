//! EPUB 3 footnotes: numbered references (`epub:type="noteref"`) and, at the end of each
//! chapter file, the notes first referenced there (`aside epub:type="footnote"`).

use super::chapter::ChapterHost;
use crate::ast::Block;
use crate::backend::xhtml::{esc, Writer, XhtmlHost};
use crate::style::FontRole;

/// EPUB 3 footnotes (`aside epub:type="footnote"`), each linking back to its first
/// reference. Notes referenced inside notes are appended as they are met.
pub(super) fn footnotes(w: &mut Writer<'_, ChapterHost<'_, '_, '_>>) {
    let mut k = 0;
    if !w.host.pending.is_empty() {
        w.out.push_str("<hr class=\"fnsep\"/>\n");
    }
    while k < w.host.pending.len() {
        let (label, n) = w.host.pending[k].clone();
        k += 1;
        let doc = w.doc;
        let Some(note) = doc.notes.iter().find(|f| f.label == label) else {
            continue;
        };
        w.line = note.line;
        w.out.push_str(&format!(
            "<aside epub:type=\"footnote\" class=\"fn\" id=\"fn-{n}\">\n"
        ));
        let back = format!("<a class=\"fnback\" href=\"#fnref-{n}\">{n}</a>\u{3000}");
        w.record(&format!("{n}\u{3000}"));
        let rest = match note.blocks.first() {
            Some(Block::Para(p)) => {
                w.out.push_str("<p>");
                w.out.push_str(&back);
                w.last = None;
                w.inlines(&p.content);
                w.out.push_str("</p>\n");
                &note.blocks[1..]
            }
            _ => {
                w.out.push_str(&format!("<p>{back}</p>\n"));
                &note.blocks[..]
            }
        };
        w.blocks(rest);
        w.out.push_str("</aside>\n");
    }
}

impl ChapterHost<'_, '_, '_> {
    /// Numbers footnote `label` on first use (queuing it for this file's notes) and links
    /// to it, in this file or in the chapter file that holds it.
    pub(super) fn noteref_markup(&mut self, label: &str, role: FontRole) -> String {
        let ci = self.ci;
        let next = self.sh.notes.len() + 1;
        let (n, home, first) = match self.sh.notes.get(label) {
            Some(&(n, home)) => (n, home, false),
            None => {
                self.sh.notes.insert(label.to_string(), (next, ci));
                self.pending.push((label.to_string(), next));
                (next, ci, true)
            }
        };
        let file = if home == ci {
            String::new()
        } else {
            esc(&self.book.chapters[home].file)
        };
        let id = if first {
            format!(" id=\"fnref-{n}\"")
        } else {
            String::new()
        };
        self.record_chars(role, &n.to_string());
        format!(
            "<sup><a epub:type=\"noteref\" class=\"noteref\"{id} href=\"{file}#fn-{n}\">{n}</a></sup>"
        )
    }
}
