//! Header and footer parts. The footer carries the page number `— N —` (T31): text before
//! `{n}`, a PAGE field, text after. Single-sided handouts have one centred footer; with
//! `page-number-position = "outside"` (gongwen, GB/T 9704 7.5) the default (odd-page)
//! footer is flush right and the even-page footer flush left, each one grid cell in, and
//! `w:evenAndOddHeaders` in the settings switches them on.

use super::runs::segments;
use super::xml::{twips, Xml, W_NS};
use crate::style::{PageNumberPosition, Style};
use crate::text::quotes::mark_faces_of;

/// One footer part and the section's reference to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Footer {
    /// `w:footerReference w:type`: `default` (every page, or odd pages) or `even`.
    pub kind: &'static str,
    /// Part name below `word/`.
    pub part: &'static str,
    /// The part's XML.
    pub xml: String,
}

/// Whether pages get odd/even footers (and the settings `w:evenAndOddHeaders`).
pub fn odd_even(style: &Style) -> bool {
    style.page_number_position == PageNumberPosition::Outside
}

/// The footer parts the style needs: one centred, or odd (default) and even.
pub fn footers(style: &Style, lang: &str) -> Vec<Footer> {
    if !odd_even(style) {
        let xml = footer(style, lang, None);
        return vec![Footer {
            kind: "default",
            part: "footer1.xml",
            xml,
        }];
    }
    // One cell of the character grid in from the text edge (else one body em), as the PDF.
    let inset = twips(style.grid_cell().unwrap_or(style.body_size)).to_string();
    vec![
        Footer {
            kind: "default",
            part: "footer1.xml",
            xml: footer(style, lang, Some(("right", "w:right", &inset))),
        },
        Footer {
            kind: "even",
            part: "footer2.xml",
            xml: footer(style, lang, Some(("left", "w:left", &inset))),
        },
    ]
}

/// `w:footer` of the page margins in points: with `page_number_gap` (GB/T 9704: 7 mm), the
/// footer's bottom sits one number size under the gap, so the top of the number's em box is
/// `gap` under the text block (Word and LibreOffice measure the footer distance from the
/// page's bottom edge to the bottom of the footer's last line); else the style's
/// `docx.footer-distance`.
pub fn footer_distance(style: &Style) -> f32 {
    match style.page_number_gap {
        Some(gap) => style.margin_bottom - gap - style.page_number_size,
        None => style.docx.footer_distance,
    }
}

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

/// A footer part with the page number; `side` = (`w:jc`, indent attribute, twips) moves it
/// to one edge, else the `Footer` style centres it.
fn footer(style: &Style, lang: &str, side: Option<(&str, &str, &str)>) -> String {
    let mut x = Xml::part();
    x.open_ns("w:ftr", &[W_NS]);
    match side {
        None => open_styled_p(&mut x, "Footer"),
        Some((jc, ind, twips)) => {
            x.open("w:p", &[])
                .open("w:pPr", &[])
                .val("w:pStyle", "Footer")
                .empty("w:ind", &[(ind, twips)])
                .val("w:jc", jc)
                .close("w:pPr");
        }
    }
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
