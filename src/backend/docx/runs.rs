//! Inline content → `w:r` runs: bold (T24), emphasis dots under Han (T24), `w:hint` on
//! CJK-context quotes and marks (T25), links, footnote references, breaks, code (T26).

use super::document::Writer;
use super::fonts::{face, rfonts_with_hint};
use super::xml::{half_points, Xml};
use crate::ast::{plain_text, Inline};
use crate::backend::marks::MarkFaces;
use crate::style::FontRole;

/// Formatting inherited by nested inlines.
#[derive(Debug, Clone, Default)]
pub struct Fmt {
    /// Character style id.
    pub rstyle: Option<String>,
    /// `**strong**`.
    pub bold: bool,
    /// `*emphasis*`.
    pub emph: bool,
    /// `~~strike~~`.
    pub strike: bool,
    /// `w:vertAlign`: `superscript` (`<sup>`) or `subscript` (`<sub>`).
    pub vert: Option<&'static str>,
    /// `<u>`: single underline.
    pub underline: bool,
    /// `<mark>`: yellow highlight.
    pub highlight: bool,
    /// `<small>`: `emphasis.small_size_em` of the body size (Word has no relative size).
    pub small: bool,
    /// Font role of the text where it is not its paragraph's (strong, run-in headings).
    pub role: Option<FontRole>,
    /// Role written as direct `w:rFonts`, where the text's face differs from the one its
    /// styles give (T24: strong in a Kai quote is Hei).
    pub face: Option<FontRole>,
    /// `w:color`, six hex digits (highlighted code).
    pub colour: Option<String>,
}

use crate::text::chars::{is_han, is_west_alphanumeric, joins_at_line_break};
use crate::text::quotes::MarkFace;

/// A piece of text with uniform run properties.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The text.
    pub text: String,
    /// `w:hint="eastAsia"`.
    pub hint: bool,
    /// Emphasis dots (HAN under emphasis).
    pub dots: bool,
    /// Italic (WEST letters under emphasis).
    pub italic: bool,
}

/// Splits `text` into runs: T25 hint on the marks `faces` (one per char, from
/// [`crate::text::quotes::mark_faces`]) gives the CJK face, T24 dots under HAN and italic
/// for WEST letters when `emph`.
pub fn segments(text: &str, faces: &[Option<MarkFace>], emph: bool) -> Vec<Segment> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<(Segment, Option<bool>)> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let hint = faces.get(i).copied().flatten().map(|f| f == MarkFace::Cjk);
        let dots = emph && is_han(c);
        let italic = emph && is_west_alphanumeric(c);
        if let Some((seg, h)) = out.last_mut() {
            let compatible = hint.is_none() || h.is_none() || *h == hint;
            if compatible && seg.dots == dots && seg.italic == italic {
                seg.text.push(c);
                if h.is_none() {
                    *h = hint;
                }
                continue;
            }
        }
        let seg = Segment {
            text: c.to_string(),
            hint: false,
            dots,
            italic,
        };
        out.push((seg, hint));
    }
    out.into_iter()
        .map(|(mut s, h)| {
            s.hint = h == Some(true);
            s
        })
        .collect()
}

impl Writer<'_> {
    /// Writes inline content with no inherited formatting.
    pub fn inlines(&mut self, x: &mut Xml, inl: &[Inline]) {
        self.inlines_fmt(x, inl, &Fmt::default());
    }

    /// Writes inline content under a character style whose text is set in `role` (run-in
    /// headings, T22).
    pub fn styled_inlines(&mut self, x: &mut Xml, inl: &[Inline], rstyle: &str, role: FontRole) {
        let fmt = Fmt {
            rstyle: Some(rstyle.to_string()),
            role: Some(role),
            ..Fmt::default()
        };
        self.inlines_fmt(x, inl, &fmt);
    }

    /// Inline content in face `role`, written as direct `w:rFonts` (table captions).
    pub fn face_inlines(&mut self, x: &mut Xml, inl: &[Inline], role: FontRole) {
        let fmt = Fmt {
            role: Some(role),
            face: Some(role),
            ..Fmt::default()
        };
        self.inlines_fmt(x, inl, &fmt);
    }

    fn rpr(&self, x: &mut Xml, fmt: &Fmt, seg: Option<&Segment>) {
        x.open("w:rPr", &[]);
        if let Some(s) = &fmt.rstyle {
            x.val("w:rStyle", s);
        }
        let hint = seg.is_some_and(|s| s.hint);
        match fmt.face {
            Some(role) => rfonts_with_hint(x, role, hint),
            None if hint => {
                x.empty("w:rFonts", &[("w:hint", "eastAsia")]);
            }
            None => {}
        }
        if fmt.bold {
            x.empty("w:b", &[]).empty("w:bCs", &[]);
        }
        if seg.is_some_and(|s| s.italic) {
            x.empty("w:i", &[]).empty("w:iCs", &[]);
        }
        if fmt.strike {
            x.empty("w:strike", &[]);
        }
        if let Some(c) = &fmt.colour {
            x.val("w:color", c);
        }
        // CT_RPr order: sz, szCs, highlight, u, vertAlign, em.
        if fmt.small {
            let style = self.ctx.style;
            let hp = half_points(style.body_size * style.emphasis.small_size_em).to_string();
            x.val("w:sz", &hp).val("w:szCs", &hp);
        }
        if fmt.highlight {
            x.val("w:highlight", "yellow");
        }
        if fmt.underline {
            x.val("w:u", "single");
        }
        if let Some(v) = fmt.vert {
            x.val("w:vertAlign", v);
        }
        if seg.is_some_and(|s| s.dots) {
            x.val("w:em", "underDot");
        }
        x.empty("w:lang", &[("w:eastAsia", &self.lang)]);
        x.close("w:rPr");
    }

    fn line_break(&mut self, x: &mut Xml, fmt: &Fmt) {
        x.open("w:r", &[]);
        self.rpr(x, fmt, None);
        x.empty("w:br", &[]).close("w:r");
    }

    fn text_runs(&mut self, x: &mut Xml, text: &str, fmt: &Fmt) {
        let role = fmt.role.unwrap_or(self.para_role);
        self.used.entry(role).or_default().extend(text.chars());
        let faces = self.marks.of_text(text);
        for seg in segments(text, &faces, fmt.emph) {
            x.open("w:r", &[]);
            self.rpr(x, fmt, Some(&seg));
            t(x, &seg.text);
            x.close("w:r");
        }
    }

    /// Code text: verbatim, tabs as `w:tab`, newlines as `w:br`.
    pub fn code_runs(&mut self, x: &mut Xml, text: &str, inline: bool) {
        let fmt = Fmt {
            rstyle: inline.then(|| "VerbatimChar".to_string()),
            ..Fmt::default()
        };
        self.used
            .entry(FontRole::Mono)
            .or_default()
            .extend(text.chars());
        x.open("w:r", &[]);
        self.rpr(x, &fmt, None);
        t(x, text);
        x.close("w:r");
    }

    /// Bytes `range` of a code block's `text` in highlighted runs: each span's bytes
    /// verbatim (T26) with its colour, cut to the range.
    pub fn highlighted_runs(
        &mut self,
        x: &mut Xml,
        text: &str,
        spans: &[crate::highlight::Span],
        range: std::ops::Range<usize>,
    ) {
        self.used
            .entry(FontRole::Mono)
            .or_default()
            .extend(text[range.clone()].chars());
        for s in spans {
            let (a, b) = (s.range.start.max(range.start), s.range.end.min(range.end));
            if a >= b {
                continue;
            }
            let fmt = Fmt {
                colour: Some(crate::highlight::hex(s.colour)),
                ..Fmt::default()
            };
            x.open("w:r", &[]);
            self.rpr(x, &fmt, None);
            t(x, &text[a..b]);
            x.close("w:r");
        }
    }

    fn inlines_fmt(&mut self, x: &mut Xml, inl: &[Inline], fmt: &Fmt) {
        if self.inline_depth == 0 {
            // T25: the marks of the whole paragraph are decided at once, as in the PDF.
            self.marks = MarkFaces::of(inl);
        }
        self.inline_depth += 1;
        self.inlines_fmt_items(x, inl, fmt);
        self.inline_depth -= 1;
    }

    fn inlines_fmt_items(&mut self, x: &mut Xml, inl: &[Inline], fmt: &Fmt) {
        for (i, item) in inl.iter().enumerate() {
            match item {
                Inline::Text(s) => self.text_runs(x, s, fmt),
                // T15: Word's autoSpaceDE/DN make the gap; no character.
                Inline::AutoSpace => {}
                Inline::SoftBreak => {
                    // T1 for inputs the cleanup passes did not touch.
                    let before = i
                        .checked_sub(1)
                        .and_then(|j| plain_text(&inl[j..j + 1]).chars().last());
                    let after = inl
                        .get(i + 1)
                        .and_then(|n| plain_text(std::slice::from_ref(n)).chars().next());
                    if !(before.is_some_and(joins_at_line_break)
                        && after.is_some_and(joins_at_line_break))
                    {
                        self.text_runs(x, " ", fmt);
                    }
                }
                Inline::LineBreak => {
                    self.line_break(x, fmt);
                }
                Inline::Strong(c) => {
                    // T24: the face FontRole::strong picks, written out where the paragraph's
                    // style would give another (Kai → Hei; SimSun serves Song and SongBold).
                    let from = fmt.role.unwrap_or(self.para_role);
                    let role = from.strong();
                    let f = Fmt {
                        bold: true,
                        role: Some(role),
                        face: if face(role) == face(from) {
                            fmt.face
                        } else {
                            Some(role)
                        },
                        ..fmt.clone()
                    };
                    self.inlines_fmt(x, c, &f);
                }
                Inline::Emph(c) => {
                    let from = fmt.role.unwrap_or(self.para_role);
                    let f = Fmt {
                        emph: true,
                        role: Some(from.emphasis()),
                        ..fmt.clone()
                    };
                    self.inlines_fmt(x, c, &f);
                }
                Inline::Strike(c) => {
                    let f = Fmt {
                        strike: true,
                        ..fmt.clone()
                    };
                    self.inlines_fmt(x, c, &f);
                }
                Inline::Code(c) => self.code_runs(x, c, true),
                Inline::Link(l) => self.link(x, &l.url, &l.content, fmt),
                Inline::Image(img) => self.image(x, &img.src, &img.alt),
                Inline::NoteRef(label) => self.note_ref(x, label),
                Inline::Superscript(c) | Inline::Subscript(c) => {
                    let vert = match item {
                        Inline::Superscript(_) => "superscript",
                        _ => "subscript",
                    };
                    let f = Fmt {
                        vert: Some(vert),
                        ..fmt.clone()
                    };
                    self.inlines_fmt(x, c, &f);
                }
                Inline::Underline(c) => {
                    let f = Fmt {
                        underline: true,
                        ..fmt.clone()
                    };
                    self.inlines_fmt(x, c, &f);
                }
                Inline::Mark(c) => {
                    let f = Fmt {
                        highlight: true,
                        ..fmt.clone()
                    };
                    self.inlines_fmt(x, c, &f);
                }
                Inline::Small(c) => {
                    let f = Fmt {
                        small: true,
                        ..fmt.clone()
                    };
                    self.inlines_fmt(x, c, &f);
                }
                Inline::Kbd(k) => self.code_runs(x, k, true),
                Inline::Ruby(r) => self.ruby(x, &r.base, &r.text, fmt),
            }
        }
    }

    /// `w:ruby`: the reading above its base, at `emphasis.script_size_em` of the body size.
    fn ruby(&mut self, x: &mut Xml, base: &str, reading: &str, fmt: &Fmt) {
        let style = self.ctx.style;
        let base_hp = half_points(style.body_size);
        let hps = half_points(style.body_size * style.emphasis.script_size_em).to_string();
        let lang = self.lang.clone();
        x.open("w:r", &[]).open("w:ruby", &[]).open("w:rubyPr", &[]);
        x.val("w:rubyAlign", "center")
            .val("w:hps", &hps)
            .val("w:hpsRaise", &base_hp.to_string())
            .val("w:hpsBaseText", &base_hp.to_string())
            .val("w:lid", &lang);
        x.close("w:rubyPr").open("w:rt", &[]);
        let f = Fmt {
            small: false,
            vert: None,
            ..fmt.clone()
        };
        let role = fmt.role.unwrap_or(self.para_role);
        self.used.entry(role).or_default().extend(reading.chars());
        x.open("w:r", &[]).open("w:rPr", &[]);
        x.val("w:sz", &hps).val("w:szCs", &hps);
        x.close("w:rPr");
        t(x, reading);
        x.close("w:r").close("w:rt").open("w:rubyBase", &[]);
        self.text_runs(x, base, &f);
        x.close("w:rubyBase").close("w:ruby").close("w:r");
    }

    fn link(&mut self, x: &mut Xml, url: &str, content: &[Inline], fmt: &Fmt) {
        let f = Fmt {
            rstyle: Some("Hyperlink".into()),
            ..fmt.clone()
        };
        if let Some(id) = url.strip_prefix('#') {
            match self.bookmarks.get(id).cloned() {
                Some(name) => {
                    x.open("w:hyperlink", &[("w:anchor", &name), ("w:history", "1")]);
                }
                None => {
                    let line = self.line;
                    let message = crate::log::missing_anchor(id);
                    self.log.warn(crate::log::MISSING_ANCHOR, line, message);
                    return self.inlines_fmt(x, content, fmt);
                }
            }
        } else {
            let rid = self.rels.add(super::package::REL_HYPERLINK, url, true);
            x.open("w:hyperlink", &[("r:id", &rid), ("w:history", "1")]);
        }
        self.inlines_fmt(x, content, &f);
        x.close("w:hyperlink");
    }

    fn note_ref(&mut self, x: &mut Xml, label: &str) {
        match self.notes.get(label).copied().filter(|_| !self.in_notes) {
            Some(note) => {
                self.refs.push(note);
                let id = self.refs.len();
                x.open("w:r", &[]).open("w:rPr", &[]);
                x.val("w:rStyle", "FootnoteReference");
                x.close("w:rPr");
                x.empty("w:footnoteReference", &[("w:id", &id.to_string())]);
                x.close("w:r");
            }
            None => {
                let line = self.line;
                self.log.warn(
                    "docx",
                    line,
                    if self.in_notes {
                        format!("footnote reference [^{label}] inside a footnote left as text")
                    } else {
                        format!("footnote [^{label}] has no definition")
                    },
                );
                self.text_runs(x, &format!("[^{label}]"), &Fmt::default());
            }
        }
    }
}

/// `<w:t>` pieces, with tabs as `w:tab` and newlines as `w:br` (a literal tab or newline
/// inside `w:t` is plain white space to Word), `xml:space="preserve"` where needed.
fn t(x: &mut Xml, text: &str) {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            x.empty("w:br", &[]);
        }
        for (j, part) in line.split('\t').enumerate() {
            if j > 0 {
                x.empty("w:tab", &[]);
            }
            if part.is_empty() {
                continue;
            }
            if part.starts_with(char::is_whitespace) || part.ends_with(char::is_whitespace) {
                x.leaf("w:t", &[("xml:space", "preserve")], part);
            } else {
                x.leaf("w:t", &[], part);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t25_hint_only_on_cjk_context_quotes() {
        let text = "他说：“好”。Say “hi” now";
        let s = segments(text, &crate::text::quotes::mark_faces_of(text), false);
        let hinted: Vec<&str> = s
            .iter()
            .filter(|s| s.hint)
            .map(|s| s.text.as_str())
            .collect();
        let joined: String = hinted.concat();
        assert!(joined.contains('“') && joined.contains('”'));
        // The Latin-context pair is in runs without the hint.
        let plain: String = s
            .iter()
            .filter(|s| !s.hint)
            .map(|s| s.text.as_str())
            .collect();
        assert!(plain.contains("“hi”"), "{s:?}");
        assert_eq!(
            s.iter().map(|s| s.text.as_str()).collect::<String>(),
            "他说：“好”。Say “hi” now"
        );
    }

    #[test]
    fn t24_dots_under_han_only() {
        let s = segments("重点，Rust", &[], true);
        assert_eq!(
            s[0],
            Segment {
                text: "重点".into(),
                hint: false,
                dots: true,
                italic: false
            }
        );
        assert_eq!(s[1].text, "，");
        assert!(!s[1].dots && !s[1].italic);
        assert_eq!(s[2].text, "Rust");
        assert!(s[2].italic && !s[2].dots);
    }
}
