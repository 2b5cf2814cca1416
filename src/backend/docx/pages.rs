//! Header and footer parts. The footer carries the page number `— N —` (T31, centred
//! variant for single-sided handouts): text before `{n}`, a PAGE field, text after.

use super::runs::segments;
use super::xml::{Xml, W_NS};
use crate::style::Style;
use crate::text::quotes::mark_faces_of;

fn runs(x: &mut Xml, text: &str, lang: &str) {
    for seg in segments(text, &mark_faces_of(text), false) {
        x.open("w:r", &[]).open("w:rPr", &[]);
        // The dashes of `— N —` are full-width (1 em, T31): take them from the CJK face.
        if seg.hint || seg.text.contains('—') {
            x.empty("w:rFonts", &[("w:hint", "eastAsia")]);
        }
        x.empty("w:lang", &[("w:eastAsia", lang)]);
        x.close("w:rPr");
        x.leaf("w:t", &[("xml:space", "preserve")], &seg.text);
        x.close("w:r");
    }
}

fn fld(x: &mut Xml, kind: &str) {
    x.open("w:r", &[])
        .empty("w:fldChar", &[("w:fldCharType", kind)])
        .close("w:r");
}

/// `word/footer1.xml` with the page number.
pub fn footer(style: &Style, lang: &str) -> String {
    let mut x = Xml::part();
    x.open_ns("w:ftr", &[W_NS]);
    open_styled_p(&mut x, "Footer");
    let (before, after) = style
        .page_number
        .split_once("{n}")
        .unwrap_or((style.page_number.as_str(), ""));
    if !before.is_empty() {
        runs(&mut x, before, lang);
    }
    fld(&mut x, "begin");
    x.open("w:r", &[]);
    x.leaf("w:instrText", &[("xml:space", "preserve")], " PAGE ");
    x.close("w:r");
    fld(&mut x, "separate");
    x.open("w:r", &[]).leaf("w:t", &[], "1").close("w:r");
    fld(&mut x, "end");
    if !after.is_empty() {
        runs(&mut x, after, lang);
    }
    x.close("w:p").close("w:ftr");
    x.finish()
}

/// `word/header1.xml` with the running header text.
pub fn header(text: &str, lang: &str) -> String {
    let mut x = Xml::part();
    x.open_ns("w:hdr", &[W_NS]);
    open_styled_p(&mut x, "Header");
    runs(&mut x, text, lang);
    x.close("w:p").close("w:hdr");
    x.finish()
}

/// Opens a `w:p` of paragraph style `style` (the one paragraph of a header or footer part).
fn open_styled_p(x: &mut Xml, style: &str) {
    x.open("w:p", &[])
        .open("w:pPr", &[])
        .val("w:pStyle", style)
        .close("w:pPr");
}
