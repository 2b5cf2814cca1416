//! A tiny XML string builder: parts are written in ECMA-376 schema order by the callers,
//! this only guarantees well-formedness and escaping (through quick-xml).

use quick_xml::escape::escape;

/// The XML declaration every OOXML part starts with.
pub const DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Namespace declarations used by the WordprocessingML parts.
pub const W_NS: &str = concat!(
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" ",
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
);

/// The Markup Compatibility namespace (ECMA-376 Part 3), for `mc:AlternateContent`.
pub const MC_NS: &str = "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"";

/// Extra namespaces for parts that can hold drawings (document, footnotes).
pub const DRAWING_NS: &str = concat!(
    "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" ",
    "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" ",
    "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\""
);

/// An XML document under construction.
#[derive(Debug, Default, Clone)]
pub struct Xml {
    buf: String,
}

/// Drops characters XML 1.0 cannot carry (C0 controls other than tab/newline/CR,
/// U+FFFE, U+FFFF): copy-pasted text brings form feeds and vertical tabs, and one of them
/// makes Word refuse the whole file.
pub fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}');
    if s.contains(bad) {
        s.chars().filter(|&c| !bad(c)).collect::<String>().into()
    } else {
        s.into()
    }
}

/// A paragraph indent in hundredths of a character and in twips; a negative first line
/// is a hanging indent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ind {
    /// `w:leftChars`.
    pub left_chars: i64,
    /// `w:left`.
    pub left: i64,
    /// `w:rightChars`.
    pub right_chars: i64,
    /// `w:right`.
    pub right: i64,
    /// `w:firstLineChars`, or minus `w:hangingChars`.
    pub first_chars: i64,
    /// `w:firstLine`, or minus `w:hanging`.
    pub first: i64,
}

impl Xml {
    /// A new part starting with the XML declaration.
    pub fn part() -> Xml {
        Xml {
            buf: DECL.to_string(),
        }
    }

    /// An empty fragment (no declaration), to be appended to a part later.
    pub fn fragment() -> Xml {
        Xml::default()
    }

    fn tag(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.buf.push('<');
        self.buf.push_str(name);
        for (k, v) in attrs {
            self.buf.push(' ');
            self.buf.push_str(k);
            self.buf.push_str("=\"");
            self.buf.push_str(&escape(clean(v).as_ref()));
            self.buf.push('"');
        }
    }

    /// `<name attrs…>`.
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.tag(name, attrs);
        self.buf.push('>');
        self
    }

    /// Opens the root element with raw (already well-formed) namespace declarations.
    pub fn open_ns(&mut self, name: &str, ns: &[&str]) -> &mut Self {
        self.buf.push('<');
        self.buf.push_str(name);
        for n in ns {
            self.buf.push(' ');
            self.buf.push_str(n);
        }
        self.buf.push('>');
        self
    }

    /// `<name attrs…/>`.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.tag(name, attrs);
        self.buf.push_str("/>");
        self
    }

    /// `w:ind` on both sides with a first-line or hanging indent.
    pub fn ind_attrs(&mut self, i: &Ind) -> &mut Self {
        let v = |n: i64| n.to_string();
        let mut attrs = vec![
            ("w:leftChars", v(i.left_chars)),
            ("w:left", v(i.left)),
            ("w:rightChars", v(i.right_chars)),
            ("w:right", v(i.right)),
        ];
        if i.first < 0 {
            attrs.push(("w:hangingChars", v(-i.first_chars)));
            attrs.push(("w:hanging", v(-i.first)));
        } else {
            attrs.push(("w:firstLineChars", v(i.first_chars)));
            attrs.push(("w:firstLine", v(i.first)));
        }
        let attrs: Vec<(&str, &str)> = attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.empty("w:ind", &attrs)
    }

    /// `w:ind`: left and first-line indents, each in hundredths of a character and in
    /// twips (`[leftChars, left, firstLineChars, firstLine]`, T17).
    pub fn ind(&mut self, vals: [i64; 4]) -> &mut Self {
        let s = vals.map(|v| v.to_string());
        self.empty(
            "w:ind",
            &[
                ("w:leftChars", &s[0]),
                ("w:left", &s[1]),
                ("w:firstLineChars", &s[2]),
                ("w:firstLine", &s[3]),
            ],
        )
    }

    /// `</name>`.
    pub fn close(&mut self, name: &str) -> &mut Self {
        self.buf.push_str("</");
        self.buf.push_str(name);
        self.buf.push('>');
        self
    }

    /// Escaped character data.
    pub fn text(&mut self, text: &str) -> &mut Self {
        self.buf.push_str(&escape(clean(text).as_ref()));
        self
    }

    /// `<name attrs…>text</name>`.
    pub fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> &mut Self {
        self.open(name, attrs).text(text).close(name)
    }

    /// `<w:name w:val="val"/>`, the commonest WordprocessingML shape.
    pub fn val(&mut self, name: &str, val: &str) -> &mut Self {
        self.empty(name, &[("w:val", val)])
    }

    /// Appends a finished fragment.
    pub fn append(&mut self, other: &Xml) -> &mut Self {
        self.buf.push_str(&other.buf);
        self
    }

    /// Bytes written so far: a position to [`Xml::insert_raw`] at later.
    pub fn len(&self) -> usize {
        self.buf.len()
    }

    /// Whether the text at byte `at` starts with `s` (checks a position kept for later).
    pub fn has_at(&self, at: usize, s: &str) -> bool {
        self.buf.get(at..).is_some_and(|t| t.starts_with(s))
    }

    /// Inserts well-formed markup (fixed snippets only) at byte `at`, a position taken
    /// with [`Xml::len`] at an element boundary.
    pub fn insert_raw(&mut self, at: usize, s: &str) {
        self.buf.insert_str(at, s);
    }

    /// Appends markup that is already well-formed (fixed snippets only, never user text).
    pub fn append_raw(&mut self, s: &str) -> &mut Self {
        self.buf.push_str(s);
        self
    }

    /// The text written so far.
    pub fn as_str(&self) -> &str {
        &self.buf
    }

    /// The finished text.
    pub fn finish(self) -> String {
        self.buf
    }
}

/// `w:line` of single line spacing under `w:lineRule="auto"` (in 240ths of a line).
pub const SINGLE_LINE: &str = "240";

/// Twips (twentieths of a point) per point: a unit of WordprocessingML.
const TWIPS_PER_PT: f32 = 20.0;

/// Half-points per point (`w:sz`): a unit of WordprocessingML.
const HALF_POINTS_PER_PT: f32 = 2.0;

/// Hundredths of a character per em (`w:firstLineChars`): a unit of WordprocessingML.
const CHAR_HUNDREDTHS_PER_EM: f32 = 100.0;

/// Eighths of a point per point (border `w:sz`): a unit of WordprocessingML.
const EIGHTHS_PER_PT: f32 = 8.0;

/// English Metric Units per point (DrawingML): a unit of the format.
pub const EMU_PER_PT: f64 = 12700.0;

/// Points to twentieths of a point (twips), rounded.
pub fn twips(pt: f32) -> i64 {
    (pt * TWIPS_PER_PT).round() as i64
}

/// Points to half-points (`w:sz`), rounded.
pub fn half_points(pt: f32) -> i64 {
    (pt * HALF_POINTS_PER_PT).round() as i64
}

/// Em to hundredths of a character (`w:firstLineChars`, `w:leftChars`), rounded.
pub fn char_hundredths(em: f32) -> i64 {
    (em * CHAR_HUNDREDTHS_PER_EM).round() as i64
}

/// Points to eighths of a point (border `w:sz`), rounded.
pub fn eighth_points(pt: f32) -> i64 {
    (pt * EIGHTHS_PER_PT).round() as i64
}

/// Points to English Metric Units (drawings).
pub fn emu(pt: f32) -> i64 {
    // f64: 12700 × a text width in f32 lands one EMU past the margin.
    (f64::from(pt) * EMU_PER_PT).round() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attributes() {
        let mut x = Xml::fragment();
        x.open("a", &[("b", "\"<&>")]).text("x<y&z").close("a");
        assert_eq!(x.as_str(), "<a b=\"&quot;&lt;&amp;&gt;\">x&lt;y&amp;z</a>");
    }

    #[test]
    fn drops_characters_xml_cannot_carry() {
        let mut x = Xml::fragment();
        x.leaf("t", &[("a", "x\u{C}y")], "a\u{B}b\u{0}c\td");
        assert_eq!(x.as_str(), "<t a=\"xy\">abc\td</t>");
    }

    #[test]
    fn unit_conversions() {
        assert_eq!(twips(12.0), 240);
        assert_eq!(half_points(10.5), 21);
        assert_eq!(emu(1.0), 12700);
        assert_eq!(char_hundredths(2.0), 200);
        assert_eq!(eighth_points(0.75), 6);
    }
}
