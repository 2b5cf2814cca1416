//! The official-document fields of GB/T 9704 §7 (T30) in XHTML, for the EPUB: the 版头 as
//! a `header` (red 标志, 发文字号 and 签发人, a red rule under them), the 主送 line, the 附件说明,
//! 署名 and 成文日期, and the 版记 as a ruled `footer`. The grid, the 35 mm and the foot of
//! the page mean nothing on a screen; the texts and the order are the PDF's.

use super::{Writer, XhtmlHost};
use crate::ast::Official;

impl<H: XhtmlHost> Writer<'_, H> {
    /// `<p class="…">` holding `text` in the face `role`.
    fn official_p(&mut self, class: &str, parts: &[(&str, crate::style::FontRole)]) {
        self.out.push_str(&format!("<p class=\"{class}\">"));
        for (text, role) in parts {
            self.with_role(*role, |w| w.text(text));
        }
        self.out.push_str("</p>\n");
    }

    /// The 版头 (7.2): 标志, then 发文字号 (and 签发人), in a header ruled in red below.
    pub fn official_header(&mut self, o: &Official) {
        if !o.has_header() {
            return;
        }
        let os = &self.style.official;
        self.out.push_str("<header class=\"official\">\n");
        if let Some(issuer) = &o.issuer {
            self.official_p("issuer", &[(&issuer.text, os.issuer_font)]);
        }
        let number = o.number.as_ref().map_or("", |n| n.text.as_str());
        match o.signer_label() {
            None => self.official_p("doc-number", &[(number, os.number_font)]),
            Some((label, names)) => {
                self.out.push_str("<p class=\"doc-number signed\">");
                self.out.push_str("<span class=\"number\">");
                self.with_role(os.number_font, |w| w.text(number));
                self.out.push_str("</span> <span class=\"signer\">");
                self.with_role(os.number_font, |w| w.text(label));
                self.with_role(os.signer_font, |w| w.text(&names));
                self.out.push_str("</span></p>\n");
            }
        }
        self.out.push_str("</header>\n");
    }

    /// The 主送 line (7.3.2).
    pub fn official_addressee(&mut self, o: &Official) {
        if let Some(a) = &o.addressee {
            let body = self.style.body_font;
            self.official_p("addressee", &[(&a.text, body)]);
        }
    }

    /// 附件说明, 署名 and 成文日期 (7.3.4, 7.3.5).
    pub fn official_closing(&mut self, o: &Official) {
        let body = self.style.body_font;
        if let Some((label, items)) = o.attachment_items() {
            for (i, (number, name)) in items.iter().enumerate() {
                let class = if i == 0 {
                    "attachment"
                } else {
                    "attachment more"
                };
                self.out.push_str(&format!("<p class=\"{class}\">"));
                if i == 0 {
                    self.with_role(body, |w| w.text(label));
                }
                self.with_role(body, |w| {
                    w.text(number);
                    w.text(name)
                });
                self.out.push_str("</p>\n");
            }
        }
        if let Some(date) = &o.date {
            if let Some(sig) = o.signature_text() {
                self.official_p("signature", &[(sig, body)]);
            }
            self.official_p("doc-date", &[(&date.text, body)]);
        }
    }

    /// The 版记 (7.4): 抄送, then 印发机关 and 印发日期, between rules.
    pub fn official_record(&mut self, o: &Official) {
        if !o.has_record() {
            return;
        }
        let font = self.style.official.record_font;
        self.out.push_str("<footer class=\"record\">\n");
        if let Some(cc) = o.cc_line() {
            self.official_p("cc", &[(&cc, font)]);
        }
        if o.printed_by.is_some() || o.printed_date.is_some() {
            self.out
                .push_str("<p class=\"printed\"><span class=\"by\">");
            if let Some(by) = &o.printed_by {
                self.with_role(font, |w| w.text(&by.text));
            }
            self.out.push_str("</span> <span class=\"date\">");
            if let Some(date) = o.printed_date_line() {
                self.with_role(font, |w| w.text(&date));
            }
            self.out.push_str("</span></p>\n");
        }
        self.out.push_str("</footer>\n");
    }
}
