//! The official-document fields of GB/T 9704 §7 (T30) as Word paragraphs: the 版头 (red
//! 标志, 发文字号 with a right tab for 签发人, the red separator as the 发文字号 paragraph's
//! bottom border), the 主送 line, the 附件说明, 署名 and 成文日期 with their indents, and
//! the 版记, ruled by paragraph borders, in a text box anchored in the last paragraph and
//! aligned to the bottom of the text area, so it sits at the foot of the last page as in
//! the PDF. (LibreOffice ignores `w:framePr w:yAlign="bottom"` frames and floating tables,
//! and drops a frame's borders; a DrawingML text box it places.) The numbers are the PDF's
//! (`[official]` style keys).

use super::document::Writer;
use super::fonts::rfonts_with_hint;
use super::xml::{char_hundredths, eighth_points, half_points, twips, Xml};
use crate::ast::Official;
use crate::style::FontRole;

/// Paragraph properties of one official-document paragraph, written in CT_PPr order.
#[derive(Default)]
struct Para<'s> {
    /// `w:keepNext`: the 署名 stays with its date, the date with the 版记.
    keep_next: bool,
    /// `w:pBdr` edges: (edge, thickness in pt, colour).
    borders: Vec<(&'static str, f32, &'s str, f32)>,
    /// A right tab stop at this many twips from the text area's left edge.
    right_tab: Option<i64>,
    /// Space before in twips, and an exact line height in twips instead of the grid's.
    before: i64,
    exact: Option<i64>,
    /// (left chars, left twips, right chars, right twips, hanging chars, hanging twips).
    ind: [i64; 6],
    /// `w:jc`.
    jc: &'static str,
}

/// The WordprocessingShape namespace (Office 2010) of the 版记's text box, declared on the
/// shape itself so documents without one keep their root element.
const WPS_NS: &str = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape";

/// EMUs (DrawingML units) in a twip.
const EMU_PER_TWIP: i64 = 635;

/// Approximate width of `text` in em: one for each CJK character, half for ASCII.
fn em_width(text: &str) -> f32 {
    text.chars()
        .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
        .sum()
}

impl Writer<'_> {
    fn official_p_open(&mut self, x: &mut Xml, p: &Para<'_>) {
        x.open("w:p", &[]).open("w:pPr", &[]);
        x.val("w:pStyle", "Normal");
        if p.keep_next {
            x.empty("w:keepNext", &[]);
        }
        if !p.borders.is_empty() {
            x.open("w:pBdr", &[]);
            for (edge, size, colour, space) in &p.borders {
                let sz = eighth_points(*size).max(2).to_string();
                let space = (space.round().clamp(0.0, 31.0) as i64).to_string();
                x.empty(
                    edge,
                    &[
                        ("w:val", "single"),
                        ("w:sz", sz.as_str()),
                        ("w:space", space.as_str()),
                        ("w:color", colour),
                    ],
                );
            }
            x.close("w:pBdr");
        }
        if let Some(pos) = p.right_tab {
            x.open("w:tabs", &[]);
            x.empty(
                "w:tab",
                &[("w:val", "right"), ("w:pos", pos.to_string().as_str())],
            );
            x.close("w:tabs");
        }
        if p.exact.is_some() {
            x.val("w:snapToGrid", "0");
        }
        let before = p.before.to_string();
        match p.exact {
            Some(line) => x.empty(
                "w:spacing",
                &[
                    ("w:before", before.as_str()),
                    ("w:after", "0"),
                    ("w:line", line.to_string().as_str()),
                    ("w:lineRule", "exact"),
                ],
            ),
            None => x.empty(
                "w:spacing",
                &[("w:before", before.as_str()), ("w:after", "0")],
            ),
        };
        // Every indent written, so none of the default first-line indent (T17) is left.
        let v = p.ind.map(|n| n.to_string());
        let (first_chars, first) = match p.ind[5] {
            0 => ("w:firstLineChars", "w:firstLine"),
            _ => ("w:hangingChars", "w:hanging"),
        };
        x.empty(
            "w:ind",
            &[
                ("w:leftChars", &v[0]),
                ("w:left", &v[1]),
                ("w:rightChars", &v[2]),
                ("w:right", &v[3]),
                (first_chars, &v[4]),
                (first, &v[5]),
            ],
        );
        x.val("w:jc", p.jc);
        x.close("w:pPr");
    }

    /// One run of `text` in `role` at `size` points, in `colour` (six hex digits) if given.
    fn official_run(
        &mut self,
        x: &mut Xml,
        text: &str,
        role: FontRole,
        size: f32,
        colour: Option<&str>,
    ) {
        self.used.entry(role).or_default().extend(text.chars());
        x.open("w:r", &[]).open("w:rPr", &[]);
        rfonts_with_hint(x, role, false);
        if role == FontRole::SongBold {
            // 小标宋's substitute is the bold Song face, as the title's.
            x.empty("w:b", &[]).empty("w:bCs", &[]);
        }
        if let Some(c) = colour {
            x.val("w:color", c);
        }
        let hp = half_points(size).to_string();
        x.val("w:sz", &hp).val("w:szCs", &hp);
        x.empty("w:lang", &[("w:eastAsia", &self.lang)]);
        x.close("w:rPr");
        x.leaf("w:t", &[("xml:space", "preserve")], text);
        x.close("w:r");
    }

    fn official_tab(x: &mut Xml) {
        x.open("w:r", &[]).empty("w:tab", &[]).close("w:r");
    }

    /// `n` empty body lines.
    fn official_blank(&mut self, x: &mut Xml, n: f32) {
        for _ in 0..n.round().max(0.0) as usize {
            self.official_p_open(
                x,
                &Para {
                    jc: "left",
                    ..Para::default()
                },
            );
            x.close("w:p");
        }
    }

    /// Twips and hundredths of a character of `chars` body characters (grid cells).
    fn official_chars(&self, chars: f32) -> (i64, i64) {
        let st = self.ctx.style;
        (
            char_hundredths(chars),
            twips(st.indent_of(chars, st.body_size)),
        )
    }

    /// The 版头 (GB/T 9704 7.2), before the first title.
    pub fn official_header(&mut self, x: &mut Xml, o: &Official) {
        if !o.has_header() {
            return;
        }
        let st = self.ctx.style;
        let os = &st.official;
        let colour = crate::highlight::parse_rgb(&os.colour)
            .map(crate::highlight::hex)
            .unwrap_or_else(|| "FF0000".into());
        let pitch = st.line_pitch();
        let size = st.body_size;
        if let Some(issuer) = &o.issuer {
            // Smaller when it would not fit on one line (the PDF measures; here the
            // characters are counted).
            let size = os
                .issuer_size
                .min((st.text_width() / em_width(&issuer.text) * 2.0).floor() / 2.0);
            // An exact line as tall as the 标志, `issuer-top` under the text area's top.
            let p = Para {
                before: twips(os.issuer_top),
                exact: Some(twips(os.issuer_size)),
                jc: "center",
                ..Para::default()
            };
            self.official_p_open(x, &p);
            self.official_run(x, &issuer.text, os.issuer_font, size, Some(&colour));
            x.close("w:p");
        }
        // The 发文字号's line; its bottom border is the red separator, `separator-gap` under
        // the em box (the em box is centred in the exact line of one pitch).
        let gap = os.separator_gap - (pitch - size) / 2.0;
        let before = match o.issuer {
            Some(_) => os.number_gap_lines * pitch,
            None => os.issuer_top + os.issuer_size + os.number_gap_lines * pitch,
        };
        let (one_chars, one) = self.official_chars(1.0);
        let signer = o.signer_label();
        let mut p = Para {
            before: twips(before),
            exact: Some(twips(pitch)),
            borders: vec![("w:bottom", os.separator_thickness, colour.as_str(), gap)],
            jc: if signer.is_some() { "left" } else { "center" },
            ..Para::default()
        };
        if signer.is_some() {
            p.ind = [one_chars, one, one_chars, one, 0, 0];
            p.right_tab = Some(twips(st.text_width()) - one);
        }
        self.official_p_open(x, &p);
        let number = o
            .number
            .as_ref()
            .map(|n| n.text.clone())
            .unwrap_or_default();
        if !number.is_empty() {
            self.official_run(x, &number, os.number_font, size, None);
        }
        if let Some((label, names)) = signer {
            Self::official_tab(x);
            self.official_run(x, label, os.number_font, size, None);
            self.official_run(x, &names, os.signer_font, size, None);
        }
        x.close("w:p");
        self.official_blank(x, os.title_gap_lines);
    }

    /// The 主送 line (7.3.2): flush left, no indent.
    pub fn official_addressee(&mut self, x: &mut Xml, o: &Official) {
        let Some(a) = &o.addressee else { return };
        let st = self.ctx.style;
        self.official_p_open(
            x,
            &Para {
                jc: "left",
                ..Para::default()
            },
        );
        self.official_run(x, &a.text, st.body_font, st.body_size, None);
        x.close("w:p");
    }

    /// 附件说明, 署名 and 成文日期 after the body (7.3.4, 7.3.5.1).
    pub fn official_closing(&mut self, x: &mut Xml, o: &Official) {
        let st = self.ctx.style;
        let os = &st.official;
        let (size, body) = (st.body_size, st.body_font);
        if let Some((label, items)) = o.attachment_items() {
            self.official_blank(x, os.attachment_gap_lines);
            let label_em = em_width(label);
            // The number column: as wide as the widest number (`10.`, half-width digits
            // counted as half an em); a tab after each number reaches the hanging indent,
            // where every name starts.
            let number_em = items
                .iter()
                .map(|(n, _)| em_width(n.trim_end()))
                .fold(0.0, f32::max);
            let (left_chars, left) = self.official_chars(st.indent_em + label_em + number_em);
            for (i, (number, name)) in items.iter().enumerate() {
                // Each name's run-over lines hang under its first character; the first
                // line of the first carries the label and its number in the hanging indent.
                let hanging = if i == 0 {
                    label_em + number_em
                } else {
                    number_em
                };
                let (hang_chars, hang) = self.official_chars(hanging);
                let ind = [left_chars, left, 0, 0, hang_chars, hang];
                self.official_p_open(
                    x,
                    &Para {
                        ind,
                        jc: "left",
                        ..Para::default()
                    },
                );
                if i == 0 {
                    self.official_run(x, label, body, size, None);
                }
                if !number.is_empty() {
                    self.official_run(x, number.trim_end(), body, size, None);
                    Self::official_tab(x);
                }
                self.official_run(x, name, body, size, None);
                x.close("w:p");
            }
        }
        let Some(date) = &o.date else { return };
        self.official_blank(x, os.signature_gap_lines);
        let (right_chars, right) = self.official_chars(os.date_indent_em);
        if let Some(sig) = o.signature_text() {
            // Centred on the date: the right indent moves in by half the width difference.
            let shift = ((em_width(&date.text) - em_width(sig)) / 2.0).max(-os.date_indent_em);
            let (c, t) = self.official_chars(os.date_indent_em + shift);
            let ind = [0, 0, c.max(0), t.max(0), 0, 0];
            let p = Para {
                ind,
                jc: "right",
                keep_next: true,
                ..Para::default()
            };
            self.official_p_open(x, &p);
            self.official_run(x, sig, body, size, None);
            x.close("w:p");
        }
        let ind = [0, 0, right_chars, right, 0, 0];
        let p = Para {
            ind,
            jc: "right",
            keep_next: o.has_record(),
            ..Para::default()
        };
        self.official_p_open(x, &p);
        self.official_run(x, &date.text, body, size, None);
        x.close("w:p");
    }

    /// The 版记 (7.4) in a frame at the foot of the text area: thick rules above the first
    /// item and under the last, thin ones between, items one character in on both sides.
    pub fn official_record(&mut self, x: &mut Xml, o: &Official) {
        if !o.has_record() {
            return;
        }
        let st = self.ctx.style;
        let mut inner = Xml::fragment();
        let lines = self.official_record_paras(&mut inner, o);
        let (w, h) = (
            twips(st.text_width()) * EMU_PER_TWIP,
            twips(lines as f32 * st.line_pitch()) * EMU_PER_TWIP,
        );
        let (cx, cy) = (w.to_string(), h.to_string());
        let id = self.next_drawing.to_string();
        self.next_drawing += 1;
        // The anchor paragraph takes (almost) no height of its own.
        x.open("w:p", &[]).open("w:pPr", &[]);
        x.val("w:pStyle", "Normal");
        x.empty(
            "w:spacing",
            &[
                ("w:before", "0"),
                ("w:after", "0"),
                ("w:line", "20"),
                ("w:lineRule", "exact"),
            ],
        );
        x.close("w:pPr");
        x.open("w:r", &[]).open("w:drawing", &[]);
        x.open(
            "wp:anchor",
            &[
                ("distT", "0"),
                ("distB", "0"),
                ("distL", "0"),
                ("distR", "0"),
                ("simplePos", "0"),
                ("relativeHeight", "251659264"),
                ("behindDoc", "0"),
                ("locked", "0"),
                ("layoutInCell", "1"),
                ("allowOverlap", "0"),
            ],
        );
        x.empty("wp:simplePos", &[("x", "0"), ("y", "0")]);
        x.open("wp:positionH", &[("relativeFrom", "margin")]);
        x.leaf("wp:posOffset", &[], "0").close("wp:positionH");
        x.open("wp:positionV", &[("relativeFrom", "margin")]);
        x.leaf("wp:align", &[], "bottom").close("wp:positionV");
        x.empty("wp:extent", &[("cx", cx.as_str()), ("cy", cy.as_str())]);
        x.empty(
            "wp:effectExtent",
            &[("l", "0"), ("t", "0"), ("r", "0"), ("b", "0")],
        );
        x.empty("wp:wrapTopAndBottom", &[]);
        x.empty("wp:docPr", &[("id", id.as_str()), ("name", "版记")]);
        x.empty("wp:cNvGraphicFramePr", &[]);
        x.open("a:graphic", &[])
            .open("a:graphicData", &[("uri", WPS_NS)]);
        x.open("wps:wsp", &[("xmlns:wps", WPS_NS)]);
        x.empty("wps:cNvSpPr", &[("txBox", "1")]);
        x.open("wps:spPr", &[]).open("a:xfrm", &[]);
        x.empty("a:off", &[("x", "0"), ("y", "0")]);
        x.empty("a:ext", &[("cx", cx.as_str()), ("cy", cy.as_str())]);
        x.close("a:xfrm").open("a:prstGeom", &[("prst", "rect")]);
        x.empty("a:avLst", &[]).close("a:prstGeom");
        x.empty("a:noFill", &[])
            .open("a:ln", &[])
            .empty("a:noFill", &[]);
        x.close("a:ln").close("wps:spPr");
        x.open("wps:txbx", &[]).open("w:txbxContent", &[]);
        x.append(&inner);
        x.close("w:txbxContent").close("wps:txbx");
        x.open(
            "wps:bodyPr",
            &[
                ("wrap", "square"),
                ("lIns", "0"),
                ("tIns", "0"),
                ("rIns", "0"),
                ("bIns", "0"),
                ("anchor", "b"),
            ],
        );
        x.empty("a:noAutofit", &[]).close("wps:bodyPr");
        x.close("wps:wsp").close("a:graphicData").close("a:graphic");
        x.close("wp:anchor")
            .close("w:drawing")
            .close("w:r")
            .close("w:p");
    }

    /// The 版记 paragraphs; returns the number of lines they take (a long 抄送 wraps).
    fn official_record_paras(&mut self, x: &mut Xml, o: &Official) -> usize {
        let st = self.ctx.style;
        let os = &st.official;
        let (size, font) = (os.record_size, os.record_font);
        let (in_chars, inset) = self.official_chars(os.record_indent_em);
        let printed = o.printed_by.is_some() || o.printed_date.is_some();
        let mut lines = usize::from(printed);
        if let Some(cc) = o.cc_line() {
            let label = "抄送：";
            let names = cc.strip_prefix(label).unwrap_or(&cc).to_string();
            let room = st.text_width()
                - 2.0 * st.indent_of(os.record_indent_em, st.body_size)
                - em_width(label) * size;
            lines += ((em_width(&names) * size / room.max(size)).ceil() as usize).max(1);
            let (hc, h) = self.official_chars(em_width(label) * size / st.body_size);
            let bottom = if printed {
                os.record_thin_rule
            } else {
                os.record_thick_rule
            };
            let p = Para {
                keep_next: true,
                borders: vec![
                    ("w:top", os.record_thick_rule, "auto", 0.0),
                    ("w:bottom", bottom, "auto", 0.0),
                ],
                ind: [in_chars + hc, inset + h, in_chars, inset, hc, h],
                jc: "left",
                ..Para::default()
            };
            self.official_p_open(x, &p);
            self.official_run(x, label, font, size, None);
            self.official_run(x, &names, font, size, None);
            x.close("w:p");
        }
        if printed {
            let mut borders = vec![("w:bottom", os.record_thick_rule, "auto", 0.0)];
            if o.cc.is_empty() {
                borders.insert(0, ("w:top", os.record_thick_rule, "auto", 0.0));
            }
            let p = Para {
                keep_next: false,
                borders,
                right_tab: Some(twips(st.text_width()) - inset),
                ind: [in_chars, inset, in_chars, inset, 0, 0],
                jc: "left",
                ..Para::default()
            };
            self.official_p_open(x, &p);
            if let Some(by) = &o.printed_by {
                self.official_run(x, &by.text, font, size, None);
            }
            if let Some(date) = o.printed_date_line() {
                Self::official_tab(x);
                self.official_run(x, &date, font, size, None);
            }
            x.close("w:p");
        }
        lines
    }
}
