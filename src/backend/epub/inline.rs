//! Inline content to XHTML: T15 autospace, T10 nowrap units, T24 emphasis, links rewritten
//! to chapter files, footnote references, images, and the characters each font role uses.

use super::css::strong_class;
use super::resources::has_scheme;
use super::xhtml::W;
use super::xml::{esc, href};
use crate::ast::{plain_text, Inline, Link};
use crate::style::FontRole;
use crate::text::chars::{is_west_alphanumeric, joins_at_line_break};

impl W<'_, '_, '_> {
    /// Records characters for the current font role without writing them.
    pub(super) fn record(&mut self, s: &str) {
        let role = *self.roles.last().unwrap_or(&FontRole::Song);
        self.sh.chars.entry(role).or_default().extend(s.chars());
    }

    /// Writes text verbatim (code): escaped, no nowrap spans.
    pub(super) fn raw_text(&mut self, s: &str) {
        self.record(s);
        self.out.push_str(&esc(s));
        self.last = s.chars().last().or(self.last);
    }

    /// Writes text: DASH2/ELL2 as unbreakable units (T10); inside emphasis, WEST runs are
    /// wrapped so they stay italic without dots (T24).
    pub(super) fn text(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        self.record(s);
        let chars: Vec<char> = s.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if (c == '—' || c == '…') && chars.get(i + 1) == Some(&c) {
                self.out
                    .push_str(&format!("<span class=\"nw\">{c}{c}</span>"));
                i += 2;
            } else if self.emph > 0 && is_west_alphanumeric(c) {
                let start = i;
                while i < chars.len() && is_west_alphanumeric(chars[i]) {
                    i += 1;
                }
                let run: String = chars[start..i].iter().collect();
                self.out
                    .push_str(&format!("<span class=\"w\">{}</span>", esc(&run)));
            } else {
                self.out.push_str(&esc(c.encode_utf8(&mut [0; 4])));
                i += 1;
            }
        }
        self.last = chars.last().copied();
    }

    /// Writes a sequence of inlines.
    pub(super) fn inlines(&mut self, inlines: &[Inline]) {
        for (k, i) in inlines.iter().enumerate() {
            self.inline(i, inlines.get(k + 1));
        }
    }

    fn inline(&mut self, i: &Inline, next: Option<&Inline>) {
        match i {
            Inline::Text(t) => self.text(t),
            // T15: one U+0020 per autospace node.
            Inline::AutoSpace => self.text(" "),
            Inline::SoftBreak => {
                let next_c = next.and_then(|n| plain_text(std::slice::from_ref(n)).chars().next());
                let both_wide = self.last.is_some_and(joins_at_line_break)
                    && next_c.is_some_and(joins_at_line_break);
                if !both_wide {
                    self.text(" ");
                }
            }
            Inline::LineBreak => self.out.push_str("<br/>"),
            Inline::Strong(c) => {
                // T24: the face FontRole::strong picks; a class where the family changes.
                let from = *self.roles.last().unwrap_or(&FontRole::Song);
                match strong_class(from) {
                    Some(class) => self.out.push_str(&format!("<strong class=\"{class}\">")),
                    None => self.out.push_str("<strong>"),
                }
                self.with_role_inline(from.strong(), |w| w.inlines(c));
                self.out.push_str("</strong>");
            }
            Inline::Emph(c) => {
                // The reader draws the T24 dots with U+2022 from the element's font.
                self.record("\u{2022}");
                self.out.push_str("<em>");
                let from = *self.roles.last().unwrap_or(&FontRole::Song);
                self.emph += 1;
                self.with_role_inline(from.emphasis(), |w| w.inlines(c));
                self.emph -= 1;
                self.out.push_str("</em>");
            }
            Inline::Strike(c) => {
                self.out.push_str("<s>");
                self.inlines(c);
                self.out.push_str("</s>");
            }
            Inline::Code(c) => {
                self.out.push_str("<code>");
                self.with_role_inline(FontRole::Mono, |w| w.raw_text(c));
                self.out.push_str("</code>");
            }
            Inline::Link(l) => self.link(l),
            Inline::Image(img) => {
                let from = self.sh.image_source;
                match self.sh.images.resolve(&img.src, from, self.log, self.line) {
                    Some(h) => self.out.push_str(&format!(
                        "<img src=\"{}\" alt=\"{}\"/>",
                        esc(&h),
                        esc(&img.alt)
                    )),
                    None => self.text(&img.alt),
                }
            }
            Inline::NoteRef(label) => self.noteref(label),
            Inline::Html(h) => {
                let t = h.trim().to_ascii_lowercase();
                if matches!(t.as_str(), "<br>" | "<br/>" | "<br />") {
                    self.out.push_str("<br/>");
                } else if !t.starts_with("<!--") {
                    self.log.warn(
                        "epub",
                        self.line,
                        format!("raw HTML {h} left out of the EPUB"),
                    );
                }
            }
        }
    }

    fn with_role_inline(&mut self, role: FontRole, f: impl FnOnce(&mut Self)) {
        self.roles.push(role);
        f(self);
        self.roles.pop();
    }

    /// Internal `#id` links go to the file holding the id; links to the input file itself
    /// count as internal; other local files are not in the book, so only the text is kept.
    fn link(&mut self, l: &Link) {
        let url = l.url.trim();
        let target = if has_scheme(url) {
            Some(href(url))
        } else {
            let (path, frag) = url.split_once('#').unwrap_or((url, ""));
            let own = self
                .sh
                .doc
                .meta
                .source
                .as_ref()
                .and_then(|p| p.file_name())
                .and_then(|n| n.to_str());
            let is_self =
                path.is_empty() || own.is_some_and(|own| path.rsplit('/').next() == Some(own));
            if !is_self {
                None
            } else if frag.is_empty() {
                Some(esc(&self.book.chapters[0].file))
            } else {
                self.book.targets.get(frag).map(|(ci, id)| {
                    let file = &self.book.chapters[*ci].file;
                    if *ci == self.ci {
                        format!("#{}", esc(id))
                    } else {
                        format!("{}#{}", esc(file), esc(id))
                    }
                })
            }
        };
        match target {
            Some(t) => {
                self.out.push_str(&format!("<a href=\"{t}\">"));
                self.inlines(&l.content);
                self.out.push_str("</a>");
            }
            None => {
                self.log.warn(
                    "epub",
                    self.line,
                    format!("link target {url} is not in the book; link text kept"),
                );
                self.inlines(&l.content);
            }
        }
    }

    fn noteref(&mut self, label: &str) {
        if !self.sh.doc.notes.iter().any(|n| n.label == label) {
            self.log.warn(
                "epub",
                self.line,
                format!("footnote [^{label}] is not defined"),
            );
            self.text(&format!("[{label}]"));
            return;
        }
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
        self.record(&n.to_string());
        self.out.push_str(&format!(
            "<sup><a epub:type=\"noteref\" class=\"noteref\"{id} href=\"{file}#fn-{n}\">{n}</a></sup>"
        ));
    }
}
