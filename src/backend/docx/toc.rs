//! `--toc` (style key `toc.enabled`): a TOC complex field whose cached result lists the
//! headings to `toc.depth` as links to their bookmarks, under `toc.title`, marked dirty so
//! Word refreshes it (with page numbers) on open.

use super::document::{PPr, Writer};
use super::xml::Xml;
use crate::ast::{plain_text, visit_blocks, Block, Document, Inline};

impl Writer<'_> {
    /// The TOC field (complex field with a cached result, marked dirty so Word refreshes
    /// page numbers on open; LibreOffice shows the cached entries).
    pub fn toc(&mut self, x: &mut Xml, doc: &Document) {
        let toc = &self.ctx.style.toc;
        let mut entries: Vec<(u8, String, String)> = Vec::new();
        visit_blocks(doc, &mut |b| {
            if let Block::Heading(h) = b {
                if h.level <= toc.depth {
                    entries.push((h.level, plain_text(&h.content), h.id.clone()));
                }
            }
        });
        self.simple(x, "TOCHeading", &[Inline::Text(toc.title.clone())]);
        let instr = format!(" TOC \\o \"1-{}\" \\h \\z \\u ", toc.depth);
        let begin = |x: &mut Xml| {
            x.open("w:r", &[]);
            x.empty(
                "w:fldChar",
                &[("w:fldCharType", "begin"), ("w:dirty", "true")],
            );
            x.close("w:r").open("w:r", &[]);
            x.leaf("w:instrText", &[("xml:space", "preserve")], &instr);
            x.close("w:r").open("w:r", &[]);
            x.empty("w:fldChar", &[("w:fldCharType", "separate")]);
            x.close("w:r");
        };
        let end = |x: &mut Xml| {
            x.open("w:r", &[]);
            x.empty("w:fldChar", &[("w:fldCharType", "end")]);
            x.close("w:r");
        };
        if entries.is_empty() {
            self.p_open(
                x,
                &PPr {
                    style: "TOC1",
                    ..PPr::default()
                },
            );
            begin(x);
            end(x);
            x.close("w:p");
            return;
        }
        let n = entries.len();
        for (i, (level, text, id)) in entries.into_iter().enumerate() {
            let style = format!("TOC{level}");
            self.p_open(
                x,
                &PPr {
                    style: &style,
                    ..PPr::default()
                },
            );
            if i == 0 {
                begin(x);
            }
            let anchor = self.bookmarks.get(&id).cloned();
            match anchor {
                Some(a) => {
                    x.open("w:hyperlink", &[("w:anchor", &a), ("w:history", "1")]);
                    self.inlines(x, &[Inline::Text(text)]);
                    x.close("w:hyperlink");
                }
                None => self.inlines(x, &[Inline::Text(text)]),
            }
            if i + 1 == n {
                end(x);
            }
            x.close("w:p");
        }
    }
}
