//! Inline content to XHTML: T15 autospace, T10 nowrap units, T24 emphasis, links rewritten
//! by the host, footnote references, images, and the characters each font role uses; T25
//! Latin quotes and T8 English words marked.

use super::{esc, href, strong_class, Writer, XhtmlHost};
use crate::ast::{plain_text, Inline, Link};
use crate::backend::marks::MarkFaces;
use crate::image::has_scheme;
use crate::style::FontRole;
use crate::text::chars::{is_west_alphanumeric, joins_at_line_break};
use crate::text::hyphenate;
use crate::text::quotes::MarkFace;

impl<H: XhtmlHost> Writer<'_, H> {
    /// Records characters for the current font role without writing them.
    pub fn record(&mut self, s: &str) {
        let role = self.role();
        self.host.record_chars(role, s);
    }

    /// Writes text verbatim (code): escaped, no nowrap spans.
    pub fn raw_text(&mut self, s: &str) {
        self.record(s);
        self.out.push_str(&esc(s));
        self.last = s.chars().last().or(self.last);
    }

    /// Writes text: DASH2/ELL2 as unbreakable units (T10); inside emphasis, WEST runs are
    /// wrapped so they stay italic without dots (T24); Latin-context quotes marked for
    /// their Latin face (T25); English words marked `lang="en"` for hyphenation (T8).
    pub fn text(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        self.record(s);
        let chars: Vec<char> = s.chars().collect();
        let faces = self.marks.of_text(s);
        let mut from = 0;
        for (a, b) in self.english_words(s) {
            self.chars_out(&chars, &faces, from, a);
            self.host.record_english_word();
            self.out.push_str("<span lang=\"en\" xml:lang=\"en\">");
            self.chars_out(&chars, &faces, a, b);
            self.out.push_str("</span>");
            from = b;
        }
        self.chars_out(&chars, &faces, from, chars.len());
        self.last = chars.last().copied();
    }

    /// T8: char ranges of the words of `s` the reader may hyphenate (none when the style
    /// turns hyphenation off); the PDF breaks the same words.
    fn english_words(&self, s: &str) -> Vec<(usize, usize)> {
        let para = &self.style.paragraph;
        if !para.hyphenate {
            return Vec::new();
        }
        let at = |b: usize| s[..b].chars().count();
        hyphenate::words(s, &para.hyphen_limits())
            .into_iter()
            .map(|r| (at(r.start), at(r.end)))
            .collect()
    }

    /// Writes `chars[from..to]`, `faces` giving the T25 face of each mark.
    fn chars_out(&mut self, chars: &[char], faces: &[Option<MarkFace>], from: usize, to: usize) {
        let mut i = from;
        while i < to {
            let c = chars[i];
            if (c == '—' || c == '…') && i + 1 < to && chars[i + 1] == c {
                self.out
                    .push_str(&format!("<span class=\"nw\">{c}{c}</span>"));
                i += 2;
            } else if self.emph > 0 && is_west_alphanumeric(c) {
                let start = i;
                while i < to && is_west_alphanumeric(chars[i]) {
                    i += 1;
                }
                let run: String = chars[start..i].iter().collect();
                self.out
                    .push_str(&format!("<span class=\"w\">{}</span>", esc(&run)));
            } else if matches!(c, '‘' | '’' | '“' | '”')
                && faces.get(i) == Some(&Some(MarkFace::Latin))
            {
                // T25: the body font's first face is CJK (full-width quotes); a Latin quote
                // takes the role's Latin quote face, and English generic families.
                let role = self.role();
                self.host.record_latin_quote(role, c);
                self.out.push_str(&format!(
                    "<span class=\"lq-{}\" lang=\"en\" xml:lang=\"en\">{c}</span>",
                    role.name()
                ));
                i += 1;
            } else {
                self.out.push_str(&esc(c.encode_utf8(&mut [0; 4])));
                i += 1;
            }
        }
    }

    /// Writes a sequence of inlines.
    pub fn inlines(&mut self, inlines: &[Inline]) {
        if self.inline_depth == 0 {
            // T25: the marks of the whole paragraph are decided at once, as in the PDF.
            self.marks = MarkFaces::of(inlines);
        }
        self.inline_depth += 1;
        for (k, i) in inlines.iter().enumerate() {
            self.inline(i, inlines.get(k + 1));
        }
        self.inline_depth -= 1;
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
                let from = self.role();
                match strong_class(from) {
                    Some(class) => self.out.push_str(&format!("<strong class=\"{class}\">")),
                    None => self.out.push_str("<strong>"),
                }
                self.with_role(from.strong(), |w| w.inlines(c));
                self.out.push_str("</strong>");
            }
            Inline::Emph(c) => {
                // The reader draws the T24 dots with U+2022 from the element's font.
                self.record("\u{2022}");
                self.out.push_str("<em>");
                let from = self.role();
                self.emph += 1;
                self.with_role(from.emphasis(), |w| w.inlines(c));
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
                self.with_role(FontRole::Mono, |w| w.raw_text(c));
                self.out.push_str("</code>");
            }
            Inline::Link(l) => self.link(l),
            Inline::Image(img) => match self.host.image_src(&img.src, self.log, self.line) {
                Some(h) => self.out.push_str(&format!(
                    "<img src=\"{}\" alt=\"{}\"/>",
                    esc(&h),
                    esc(&img.alt)
                )),
                None => self.text(&img.alt),
            },
            Inline::NoteRef(label) => self.noteref(label),
            Inline::Superscript(c) => self.wrapped("sup", c),
            Inline::Subscript(c) => self.wrapped("sub", c),
            Inline::Underline(c) => self.wrapped("u", c),
            Inline::Mark(c) => self.wrapped("mark", c),
            Inline::Small(c) => self.wrapped("small", c),
            // `code` inside gives the key the code face of the style sheet.
            Inline::Kbd(k) => {
                self.out.push_str("<kbd><code>");
                self.with_role(FontRole::Mono, |w| w.raw_text(k));
                self.out.push_str("</code></kbd>");
            }
            // Readers without ruby show the reading in parentheses (`rp`).
            Inline::Ruby(r) => {
                self.out.push_str("<ruby>");
                self.text(&r.base);
                self.out.push_str("<rp>（</rp><rt>");
                self.text(&r.text);
                self.out.push_str("</rt><rp>）</rp></ruby>");
                self.record("（）");
            }
        }
    }

    /// Inlines inside one element with no attributes.
    fn wrapped(&mut self, tag: &str, c: &[Inline]) {
        self.out.push_str(&format!("<{tag}>"));
        self.inlines(c);
        self.out.push_str(&format!("</{tag}>"));
    }

    /// Internal `#id` links go where the host put the id; links to the input file itself
    /// count as internal; other local files are not in the output, so only the text is kept.
    fn link(&mut self, l: &Link) {
        let url = l.url.trim();
        let target = if has_scheme(url) {
            Some(href(url))
        } else {
            let (path, frag) = url.split_once('#').unwrap_or((url, ""));
            let own = self
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
            } else {
                self.host.fragment_href(frag)
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
                    H::LOG_TAG,
                    self.line,
                    format!(
                        "link target {url} is not in the {}; link text kept",
                        H::CONTAINER
                    ),
                );
                self.inlines(&l.content);
            }
        }
    }

    fn noteref(&mut self, label: &str) {
        if !self.doc.notes.iter().any(|n| n.label == label) {
            self.log.warn(
                H::LOG_TAG,
                self.line,
                format!("footnote [^{label}] is not defined"),
            );
            // A label, not prose: no T8 word marking.
            self.raw_text(&format!("[{label}]"));
            return;
        }
        let role = self.role();
        let markup = self.host.note_ref(label, role);
        self.out.push_str(&markup);
    }
}
